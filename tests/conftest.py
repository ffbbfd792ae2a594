"""Suite-wide guard: no test may reach the internet.

Every HTTP(S) client we use (httpx, and curl_cffi under yfinance) honours the proxy
variables, so pointing them at a closed port on 127.0.0.1 turns any stray request to
the outside into an immediate connection error on this machine. Loopback stays direct,
so the feed tests' local HTTP servers still answer.
"""

from __future__ import annotations

import pytest

_CLOSED_PORT = "http://127.0.0.1:9"


@pytest.fixture(autouse=True)
def _no_internet(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "https_proxy", "http_proxy", "all_proxy"):
        monkeypatch.setenv(name, _CLOSED_PORT)
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.setenv(name, "127.0.0.1,localhost,::1")
