"""The quote strip drawn in a bare app: prices, changes, the market's state, the cache
age offline, hidden while there is nothing to show, and symbols never read as markup."""

from __future__ import annotations

from datetime import date, timedelta

from textual.app import App, ComposeResult

from tui_reader.app.widgets.quote_strip import QuoteStrip, describe_age
from tui_reader.prices.quotes import NoQuote, Quote


class StripApp(App[None]):
    def compose(self) -> ComposeResult:
        yield QuoteStrip()


async def test_the_strip_shows_each_quote_and_the_cache_age():
    app = StripApp()
    async with app.run_test(size=(60, 8)) as pilot:
        strip = app.query_one(QuoteStrip)
        assert not strip.display or strip.has_class("-empty")
        strip.show([
            Quote("AAPL", 195.2, date(2026, 12, 3), 1.234, "USD", "open", None),
            Quote("SAP.DE", 210.5, date(2026, 12, 3), -0.4, "EUR", "closed", timedelta(hours=5)),
            NoQuote("[@click=app.quit]X", "offline; no cache or CSV"),
        ])
        await pilot.pause()
        lines = strip.render().plain.splitlines()
        assert lines[0].split() == ["AAPL", "195.20", "+1.23%", "open"]
        assert lines[1].split() == ["SAP.DE", "210.50", "-0.40%", "closed"]
        assert lines[2] == "[@click=app. offline; no cache or CSV"  # as text, cut to 12 cells
        assert lines[3] == "cached prices, 5 h old"
        assert not strip.has_class("-empty") and strip.region.height == 4
        await pilot.click(QuoteStrip, offset=(2, 2))  # a symbol written as markup does nothing
        assert app.is_running


def test_describe_age():
    assert [describe_age(timedelta(minutes=m)) for m in (5, 90, 3 * 24 * 60)] == ["5 min", "1 h", "3 days"]
