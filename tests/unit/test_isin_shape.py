"""The one ISIN shape check the UI's watchlist and the price chain share."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tui_reader.app.filters import Selection
from tui_reader.isin_shape import looks_like_isin


@pytest.mark.parametrize("text", ["US01609W1027", "us01609w1027", "DE0007164600", "US0000000001"])
def test_isin_shapes(text: str) -> None:
    # Shape only: US0000000001 has a wrong check digit and still looks like an ISIN.
    assert looks_like_isin(text)


@pytest.mark.parametrize("text", [
    "BABA", "9988.HK", "",
    "ABCDEFGHIJKL",    # twelve letters: the check digit is a digit
    "1S01609W1027",    # the country code is two letters
    "US01609W102",     # eleven characters
    "US01609W10270",   # thirteen
    "US01609W-027",
    "ÜS01609W1027",    # only ASCII letters
    "uſ01609W1027",    # ſ upper-cases to S, but is not an ISIN letter
    "US01609W1027\n",
])
def test_not_isin_shapes(text: str) -> None:
    assert not looks_like_isin(text)


@pytest.mark.parametrize(("entry", "kwargs"), [
    ("us01609w1027", {"isin": "US01609W1027"}),
    ("baba", {"ticker": "BABA"}),
    ("ABCDEFGHIJKL", {"ticker": "ABCDEFGHIJKL"}),  # the UI's old test took this for an ISIN
])
def test_a_watchlist_entry_filters_by_isin_only_when_it_has_the_shape(entry: str, kwargs: dict[str, str]) -> None:
    assert Selection("watch", entry).store_kwargs() == kwargs


def test_the_ui_filters_do_not_load_the_price_chain_or_stdnum() -> None:
    code = "import sys, tui_reader.app.filters; print(' '.join(sys.modules))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert not [m for m in loaded if m.startswith(("tui_reader.prices", "stdnum"))]
