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
            NoQuote("INTC", "cannot reach Yahoo (DNSError); retrying after 03:36"),
            Quote("[@click=app.quit]X", 1.5, date(2026, 12, 3), None, "USD", None, None),
        ])
        await pilot.pause()
        text = strip.render().plain
        # Without a price nothing is drawn: the reason is the status line's (`no quote`).
        assert text == (
            "AAPL 195.20 +1.23% open   SAP.DE 210.50 -0.40% closed   "
            "[@click=app. 1.50"  # as text, cut to 12 cells
            "   · cached prices, 5 h old"
        )
        # Side by side, wrapping at the strip's width (60 columns, 2 of padding).
        assert not strip.has_class("-empty") and strip.region.height == 2
        await pilot.click(QuoteStrip, offset=(2, 1))  # a symbol written as markup does nothing
        assert app.is_running
        # Only entries without a price: nothing to draw, and no empty row either.
        strip.show([NoQuote("INTC", "no closes")])
        await pilot.pause()
        assert strip.has_class("-empty") and strip.region.height == 0


def test_describe_age():
    assert [describe_age(timedelta(minutes=m)) for m in (5, 90, 3 * 24 * 60)] == ["5 min", "1 h", "3 days"]


async def test_the_main_screen_shows_the_watchlist_quotes(make_app, seeds_dir) -> None:
    """The fixture's watchlist (NVDA and Alibaba's ISIN) with the seed folder's CSVs:
    the last close, its day change and the market's state at the fixed clock."""
    from tests.app.conftest import settle

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        strip = app.screen.query_one(QuoteStrip)
        assert strip.display and not strip.has_class("-empty")
        text = strip.render().plain
        assert text.startswith("NVDA ") and "BABA " in text  # the ISIN entry shown by the line quoted
        assert [q.symbol for q in strip.quotes] == ["NVDA", "US01609W1027"]
