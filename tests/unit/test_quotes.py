"""Quotes for the watchlist strip: the market's state by the venue's clock, last close
and day change from a real price service over a real store and the bundled CSVs."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from tui_reader import locations
from tui_reader.model import PricePoint
from tui_reader.prices.quotes import NoQuote, Quote, market_state, quote_from, watchlist_quotes
from tui_reader.prices.service import PriceHistory, PriceService
from tui_reader.store import Store


@pytest.mark.parametrize("symbol, when, state", [
    ("AAPL", "2026-12-03T15:00:00+00:00", "open"),          # 10:00 in New York, a Thursday
    ("AAPL", "2026-12-03T12:00:00+00:00", "pre-market"),
    ("AAPL", "2026-12-03T22:00:00+00:00", "after-hours"),
    ("AAPL", "2026-12-06T15:00:00+00:00", "closed"),        # a Sunday
    ("SAP.DE", "2026-12-03T15:00:00+00:00", "open"),        # 16:00 in Frankfurt
    ("SAP.DE", "2026-12-03T07:30:00+00:00", "pre-market"),
    ("9988.HK", "2026-12-03T04:30:00+00:00", "lunch break"),  # 12:30 in Hong Kong
    ("9988.HK", "2026-12-03T09:00:00+00:00", "closed"),
    ("XYZ.QQ", "2026-12-03T15:00:00+00:00", None),
])
def test_market_state(symbol, when, state):
    assert market_state(symbol, datetime.fromisoformat(when)) == state


def test_quote_from_a_history_says_the_cache_age_when_stale():
    points = [PricePoint(date(2026, 12, 2), 200.0), PricePoint(date(2026, 12, 3), 205.0)]
    now = datetime(2026, 12, 4, 15, tzinfo=UTC)
    fresh = quote_from("AAPL", PriceHistory("AAPL", None, "USD", "yahoo", points), now, now)
    assert fresh == Quote("AAPL", 205.0, date(2026, 12, 3), pytest.approx(2.5), "USD", "open", None)
    stale = quote_from("AAPL", PriceHistory("AAPL", None, "USD", "cache", points, stale=True), now,
                       now - timedelta(hours=30))
    assert stale.age == timedelta(hours=30)
    assert isinstance(quote_from("AAPL", PriceHistory("AAPL", None, "USD", "cache", []), now, None), NoQuote)


def test_watchlist_quotes_offline_from_the_bundled_csvs(tmp_path: Path):
    seeds = locations.bundled_seeds()
    with Store.open(tmp_path / "store.sqlite3") as store:
        service = PriceService(store, [seeds], offline=True)
        quotes = watchlist_quotes(service, ["BABA", "NOPE.XX"], datetime(2026, 2, 2, 15, tzinfo=UTC))
    baba, nope = quotes
    assert isinstance(baba, Quote) and baba.last > 0 and baba.change_pct is not None and baba.state == "open"
    assert isinstance(nope, NoQuote) and nope.reason
    assert baba.line is None  # must not match: the line the watchlist names is quoted as itself


def test_a_quote_of_another_line_names_that_line(tmp_path: Path):
    with Store.open(tmp_path / "store.sqlite3") as store:
        service = PriceService(store, [locations.bundled_seeds()], offline=True)
        sap, alibaba = watchlist_quotes(service, ["SAP.DE", "US01609W1027"], datetime(2026, 2, 2, 15, tzinfo=UTC))
    assert isinstance(sap, Quote) and (sap.symbol, sap.line, sap.currency) == ("SAP.DE", "SAP", "USD")
    assert isinstance(alibaba, Quote) and (alibaba.symbol, alibaba.line) == ("US01609W1027", "BABA")
    # SAP's line stands in for SAP.DE; BABA is the ISIN's own line, merely its ticker.
    assert (sap.line_of, alibaba.line_of) == ("SAP.DE", None)


def test_a_last_close_days_old_is_dated_not_passed_off_as_today():
    points = [PricePoint(date(2026, 3, 30), 250.0), PricePoint(date(2026, 3, 31), 253.0)]
    csv = PriceHistory("AAPL", None, "USD", "csv", points)
    assert quote_from("AAPL", csv, datetime(2026, 4, 3, 15, tzinfo=UTC), None).dated is False  # 3 days
    old = quote_from("AAPL", csv, datetime(2026, 12, 6, 15, tzinfo=UTC), None)
    assert old.dated is True and old.day == date(2026, 3, 31)
