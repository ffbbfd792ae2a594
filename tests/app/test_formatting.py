"""Figures as a person reads them (issue 10): periods in words, counts with their unit."""

from __future__ import annotations

import pytest

from tui_reader.app.formatting import format_count, format_figure, period_words
from tui_reader.model import KeyFigure


@pytest.mark.parametrize(("iso", "words"), [
    ("P5D", "5 days"), ("P1D", "1 day"), ("P52W", "52 weeks"), ("P3Y", "3 years"),
    ("P1Y6M", "1 year 6 months"), ("P1.5Y", "1.5 years"), ("PT5H", "PT5H"), ("Q3", "Q3"),
])
def test_periods_in_words(iso: str, words: str) -> None:
    assert period_words(iso) == words


def test_counts_keep_their_unit_and_sign() -> None:
    assert format_count(8000) == "8,000" and format_count(-3e6) == "-3 million" and format_count(1250.5) == "1,250.5"
    shares = KeyFigure("shares", "8,000 shares", 8000.0, 0, 12, "", unit="shares")  # type: ignore[arg-type]
    assert format_figure(shares) == "8,000 shares"
    period = KeyFigure("period", "over the past 52 weeks", "P52W", 0, 10, "")
    assert format_figure(period) == "52 weeks"
    down = KeyFigure("percent", "fell 2.5%", 2.5, 0, 9, "", unit="%", direction="down")
    assert format_figure(down) == "-2.50 %"


def test_long_words_break_at_their_separators() -> None:
    from tui_reader.app.folding import fold_lines

    path = "/home/ann/market-news/saved-articles/quarterly_results_commentary_research.json"
    assert fold_lines(path, 22) == ["/home/ann/market-news/", "saved-articles/", "quarterly_results_",
                                    "commentary_research.", "json"]
    assert fold_lines("skipped: not a seed format (.pdf)", 16) == ["skipped: not a", "seed format", "(.pdf)"]
    url = "https://www.example.com/rss/markets/europe/dax.xml"
    assert fold_lines(f"HTTP 404 for {url}", 30) == ["HTTP 404 for", "https://www.example.com/rss/", "markets/europe/dax.xml"]
    assert fold_lines("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]  # no separator: cut at the edge
