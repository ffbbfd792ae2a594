"""Fixtures the command-line and network tests share: a loopback HTTP server and a
private TUI_READER_HOME, so no test reads or writes the user's config or store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer


@pytest.fixture
def http() -> Iterator[HTTPServer]:
    """A pytest-httpserver on 127.0.0.1 (never the internet), cleared after the test."""
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    yield server
    server.clear()
    server.stop()


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every path of `locations` under the test's own folder (`TUI_READER_HOME`)."""
    monkeypatch.setenv("TUI_READER_HOME", str(tmp_path / "home"))
    return tmp_path / "home"
