"""The quote strip drawn in a bare app: prices, changes, the market's state, the cache
age offline, hidden while there is nothing to show, and symbols never read as markup."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from textual.app import App, ComposeResult

from tui_reader.app.widgets.quote_strip import QuoteStrip, describe_age
from tui_reader.prices.quotes import NoQuote, Quote


class StripApp(App[None]):
    def compose(self) -> ComposeResult:
        yield QuoteStrip()


async def test_the_strip_shows_each_quote_and_the_cache_age():
    app = StripApp()
    async with app.run_test(size=(120, 8)) as pilot:
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
        assert not strip.has_class("-empty") and strip.region.height == 1
        await pilot.click(QuoteStrip, offset=(60, 0))  # a symbol written as markup does nothing
        assert app.is_running
        # Only entries without a price: nothing to draw, and no empty row either.
        strip.show([NoQuote("INTC", "no closes")])
        await pilot.pause()
        assert strip.has_class("-empty") and strip.region.height == 0


_NINE = [
    Quote("AAPL", 253.79, date(2026, 3, 31), 2.9, "USD", "closed", None, dated=True),
    Quote("9988.HK", 142.9, date(2026, 2, 27), -0.07, "HKD", "closed", None, dated=True),
    Quote("SAP.DE", 192.99, date(2024, 3, 8), -1.32, "EUR", "closed", None, dated=True),
    Quote("NVDA", 174.4, date(2026, 3, 31), 5.59, "USD", "open", None),
    Quote("MSFT", 370.17, date(2026, 3, 31), 3.12, "USD", "open", None),
    Quote("AMZN", 208.27, date(2026, 3, 31), 1.05, "USD", "open", None),
    Quote("TSLA", 361.83, date(2026, 3, 31), -0.42, "USD", "open", timedelta(hours=2)),
    Quote("ASML", 1253.96, date(2026, 3, 30), -3.72, "EUR", "closed", None),
    Quote("0700.HK", 512.0, date(2026, 2, 27), 0.4, "HKD", "lunch break", None),
]


@pytest.mark.parametrize("width", [40, 80, 120, 200, 400])
async def test_the_strip_is_one_row_of_whole_entries_at_any_width(width: int) -> None:
    """A long watchlist never wraps (each row it took was one less for the list): the
    details go first (the market's state, the cache's age), then the last entries,
    counted in a dim `+N more`; an entry is never cut, and dated prices keep their day."""
    app = StripApp()
    async with app.run_test(size=(width, 8)) as pilot:
        strip = app.query_one(QuoteStrip)
        strip.show(_NINE)
        await pilot.pause()
        assert strip.region.height == 1
        row = strip.render()
        assert row.cell_len <= width - 2  # the padding's two cells
        parts = row.plain.split("   ")
        more = parts.pop() if parts[-1].endswith(" more") else None
        note = parts.pop() if parts and parts[-1].startswith("· ") else None
        whole = [f"{q.symbol} {q.last:,.2f} {q.change_pct:+.2f}%" for q in _NINE]
        assert [p.split(" ")[0] for p in parts] == [q.symbol for q in _NINE][: len(parts)]
        for part, quote, start in zip(parts, _NINE, whole, strict=False):
            assert part.startswith(start)
            assert (quote.day.isoformat() in part) == quote.dated
        if more is None:
            assert len(parts) == len(_NINE)
        else:
            assert more == f"+{len(_NINE) - len(parts)} more"
            assert row.spans[-1].style == "dim" and row.spans[-1].end == len(row.plain)
            # Whole entries without the details: no state words where instruments went.
            assert not any(part.endswith((" open", " closed")) for part in parts)
    if width == 400:
        assert "AAPL 253.79 +2.90% on 2026-03-31   " in row.plain and "ASML 1,253.96 -3.72% closed" in row.plain
        assert note == "· cached prices, 2 h old"
    if width == 80:
        assert row.plain == (
            "AAPL 253.79 +2.90% 2026-03-31   9988.HK 142.90 -0.07% 2026-02-27   +7 more"
        )


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
