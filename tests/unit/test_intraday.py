"""An article's first-hour and first-day reaction from intraday bars: the rules on
made-up sessions, the CSV layout, and the cache → CSV → Yahoo chain with Yahoo faked."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tui_reader.prices.csvfiles import BadCsv
from tui_reader.prices.intraday import FIVE_MINUTES, HOURLY, Bar, interval_for, reaction
from tui_reader.prices.intraday_csv import parse_intraday_text
from tui_reader.prices.intraday_service import IntradayReactions, NoIntraday
from tui_reader.prices.yahoo import RateLimited
from tui_reader.store import Store

NEW_YORK = ZoneInfo("America/New_York")
DAYS = (date(2026, 11, 16), date(2026, 11, 17), date(2026, 11, 18))  # Monday to Wednesday
NOW = datetime(2026, 11, 20, 22, tzinfo=UTC)


def session_bars(days: tuple[date, ...] = DAYS, interval: int = FIVE_MINUTES) -> list[Bar]:
    """Regular US sessions (09:30-16:00 New York); bar k closes at 100 + k/10, so a
    close names its bar."""
    bars: list[Bar] = []
    for day in days:
        moment = datetime(day.year, day.month, day.day, 9, 30, tzinfo=NEW_YORK)
        close = datetime(day.year, day.month, day.day, 16, 0, tzinfo=NEW_YORK)
        while moment < close:
            bars.append(Bar(int(moment.timestamp()), 100 + len(bars) / 10))
            moment += timedelta(seconds=interval)
    return bars


def close_of(bars: list[Bar], opened: datetime) -> float:
    return next(bar.close for bar in bars if bar.start == int(opened.timestamp()))


def pct(start: float, end: float) -> float:
    return (end / start - 1) * 100


def test_an_article_during_the_session_is_measured_from_the_last_closed_bar() -> None:
    bars = session_bars()
    published = datetime(2026, 11, 17, 10, 32, tzinfo=NEW_YORK)
    found = reaction(bars, FIVE_MINUTES, published)
    base = close_of(bars, datetime(2026, 11, 17, 10, 25, tzinfo=NEW_YORK))  # closed 10:30
    assert found.base == base
    assert found.started == published
    # The last bars closed by 11:32 that day and by 10:32 the next.
    assert found.hour == pytest.approx(pct(base, close_of(bars, datetime(2026, 11, 17, 11, 25, tzinfo=NEW_YORK))))
    assert found.day == pytest.approx(pct(base, close_of(bars, datetime(2026, 11, 18, 10, 25, tzinfo=NEW_YORK))))


def test_news_before_the_opening_reacts_from_the_opening_and_keeps_the_gap() -> None:
    bars = session_bars()
    published = datetime(2026, 11, 17, 7, 0, tzinfo=NEW_YORK)
    found = reaction(bars, FIVE_MINUTES, published)
    base = close_of(bars, datetime(2026, 11, 16, 15, 55, tzinfo=NEW_YORK))  # Monday's last bar
    assert found.base == base
    assert found.started == datetime(2026, 11, 17, 9, 30, tzinfo=NEW_YORK)
    assert found.hour == pytest.approx(pct(base, close_of(bars, datetime(2026, 11, 17, 10, 25, tzinfo=NEW_YORK))))


def test_hourly_bars_give_the_hour_to_the_bar() -> None:
    bars = session_bars(interval=HOURLY)
    published = datetime(2026, 11, 17, 10, 45, tzinfo=NEW_YORK)
    found = reaction(bars, HOURLY, published)
    assert found.base == close_of(bars, datetime(2026, 11, 17, 9, 30, tzinfo=NEW_YORK))
    assert found.hour == pytest.approx(pct(found.base or 0, close_of(bars, datetime(2026, 11, 17, 10, 30, tzinfo=NEW_YORK))))


def test_a_reaction_still_running_is_pending_not_partial() -> None:
    bars = session_bars(DAYS[:2])
    found = reaction(bars, FIVE_MINUTES, datetime(2026, 11, 17, 15, 30, tzinfo=NEW_YORK))
    assert found.base is not None
    assert found.hour is None  # the session ended before an hour had passed, and no later bar yet
    assert found.day is None
    after_close = reaction(bars, FIVE_MINUTES, datetime(2026, 11, 17, 17, 0, tzinfo=NEW_YORK))
    assert (after_close.hour, after_close.started) == (None, None)


def test_bars_that_start_after_publication_give_no_base() -> None:
    found = reaction(session_bars(DAYS[1:]), FIVE_MINUTES, datetime(2026, 11, 16, 12, 0, tzinfo=NEW_YORK))
    assert (found.base, found.hour, found.day) == (None, None, None)


def test_the_finest_bars_yahoo_still_keeps_decide_the_interval() -> None:
    assert interval_for(NOW - timedelta(days=10), NOW) == FIVE_MINUTES
    assert interval_for(NOW - timedelta(days=200), NOW) == HOURLY
    assert interval_for(NOW - timedelta(days=800), NOW) is None


def csv_text(bars: list[Bar]) -> str:
    rows = ["Datetime,Open,High,Low,Close,Adj Close,Volume"]
    for bar in bars:
        stamp = datetime.fromtimestamp(bar.start, tz=NEW_YORK).isoformat(sep=" ")
        rows.append(f"{stamp},{bar.close},{bar.close},{bar.close},{bar.close},{bar.close},1000")
    return "\n".join(rows) + "\n"


def test_the_yfinance_csv_layout_reads_back_with_its_interval() -> None:
    bars = session_bars()
    text = csv_text(bars) + "2026-11-19 09:30:00,1,1,1,1,1,1\n2026-11-19 09:35:00-05:00,n/a,1,1,n/a,1,1\n"
    series = parse_intraday_text(text, Path("X.intraday.csv"))
    assert series.interval == FIVE_MINUTES
    assert series.bars == bars
    assert [w.split(":")[0] for w in series.warnings] == ["line 236", "line 237"]
    assert "no UTC offset" in series.warnings[0]


def test_a_csv_without_its_columns_is_refused() -> None:
    with pytest.raises(BadCsv, match="Datetime and Close"):
        parse_intraday_text("Time,Price\n2026-11-17 09:30:00-05:00,1\n", Path("X.intraday.csv"))


class FakeYahoo:
    def __init__(self, bars: list[Bar] | None = None, error: Exception | None = None) -> None:
        self.bars = bars or []
        self.error = error
        self.calls: list[tuple[str, int]] = []

    def __call__(self, symbol: str, start: datetime, end: datetime, interval: int, timeout: float) -> list[tuple[int, float]]:
        self.calls.append((symbol, interval))
        if self.error:
            raise self.error
        return [(bar.start, bar.close) for bar in self.bars]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "store.sqlite3") as opened:
        yield opened


PUBLISHED = datetime(2026, 11, 17, 10, 32, tzinfo=NEW_YORK)


def chain(store: Store, seeds: list[Path], offline: bool, fake: FakeYahoo) -> IntradayReactions:
    return IntradayReactions(store, seeds, offline, fetch=fake, now=lambda: NOW)


def test_online_bars_are_cached_and_answer_the_next_article_without_yahoo(store: Store) -> None:
    fake = FakeYahoo(session_bars())
    first = chain(store, [], False, fake).reaction("ACME", PUBLISHED)
    assert first.source == "yahoo"
    assert fake.calls == [("ACME", FIVE_MINUTES)]
    again = chain(store, [], False, FakeYahoo(error=AssertionError("asked again"))).reaction("ACME", PUBLISHED)
    assert again.source == "cache"
    assert again.reaction == first.reaction
    assert first.reaction.hour is not None


def test_offline_the_intraday_csv_next_to_the_daily_ones_answers(store: Store, tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    (seeds / "prices").mkdir(parents=True)
    (seeds / "prices" / "acme.INTRADAY.csv").write_text(csv_text(session_bars()))
    found = chain(store, [seeds], True, FakeYahoo(error=AssertionError("offline"))).reaction("ACME", PUBLISHED)
    assert found.source == "csv"
    assert found.reaction.day is not None


def test_yahoo_refusing_says_why_and_keeps_what_the_cache_has(store: Store) -> None:
    refusing = FakeYahoo(error=RateLimited("Yahoo rate limit"))
    with pytest.raises(NoIntraday, match="Yahoo rate limit"):
        chain(store, [], False, refusing).reaction("ACME", PUBLISHED)
    # A cached series whose reaction is still pending, fetched long ago: Yahoo is asked,
    # refuses, and the cached part still answers.
    store.save_intraday("ACME", FIVE_MINUTES, [(b.start, b.close) for b in session_bars(DAYS[:2])], source="yahoo")
    with sqlite3.connect(store.path) as db:
        db.execute("UPDATE intraday_series SET fetched_at = ?", (PUBLISHED.timestamp() + 3600,))
    later = chain(store, [], False, refusing)
    found = later.reaction("ACME", PUBLISHED)
    assert found.source == "cache"
    assert found.reaction.hour is not None
    assert found.reaction.day is None
    assert len(refusing.calls) == 2


def test_an_article_older_than_yahoos_intraday_span_keeps_the_daily_view(store: Store) -> None:
    old = NOW - timedelta(days=800)
    with pytest.raises(NoIntraday, match="older than"):
        chain(store, [], False, FakeYahoo(error=AssertionError("not asked"))).reaction("ACME", old)


def test_an_intraday_csv_that_ends_before_an_old_article_says_nothing_about_it(store: Store, tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    (seeds / "prices").mkdir(parents=True)
    (seeds / "prices" / "ACME.intraday.csv").write_text(csv_text(session_bars((date(2023, 11, 13), date(2023, 11, 14)))))
    old = datetime(2024, 6, 3, 11, 0, tzinfo=NEW_YORK)  # after the bars, and older than Yahoo keeps them
    with pytest.raises(NoIntraday, match="older than"):
        chain(store, [seeds], True, FakeYahoo(error=AssertionError("offline"))).reaction("ACME", old)
    # The same CSV still answers an old article it covers.
    covered = chain(store, [seeds], True, FakeYahoo()).reaction("ACME", datetime(2023, 11, 13, 11, 0, tzinfo=NEW_YORK))
    assert covered.source == "csv" and covered.reaction.hour is not None
