"""Issue 12, item 6 in the app: the first-hour and first-day reaction under the daily
moves, from `prices/SYMBOL.intraday.csv` offline (or Yahoo online), and no line for an
article older than Yahoo's intraday data.

Every price here is made-up test data for a made-up symbol (ZZRX, "Reaction Test
Corp"): flat daily closes, and 5-minute bars that sit at 100 before publication,
101.2 for the first hour after it and 96.6 after that, so the line must read
first hour +1.20 % and first day -3.40 %.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from rich.console import Console
from textual.widgets import Static

from tests.app.conftest import FIXED_NOW, settle
from tui_reader.app.widgets.article_list import ArticleList
from tui_reader.app.widgets.article_view import ArticleView
from tui_reader.model import Article, Instrument
from tui_reader.prices import yahoo
from tui_reader.store import Store

NEW_YORK = ZoneInfo("America/New_York")
SYMBOL = "ZZRX"
PUBLISHED = datetime(2026, 3, 24, 10, 32, tzinfo=NEW_YORK)
"""A Tuesday morning, eight days before the tests' clock (FIXED_NOW): 5-minute bars."""
SESSIONS = (date(2026, 3, 23), date(2026, 3, 24), date(2026, 3, 25))
FIRST_HOUR_ENDS = datetime(2026, 3, 24, 11, 30, tzinfo=NEW_YORK)
"""The close of the last 5-minute bar closed within the hour after 10:32."""


def synthetic_bar_close(opened: datetime) -> float:
    """Test data: 100 before publication, 101.2 in the first hour, 96.6 after it."""
    closes_at = opened + timedelta(minutes=5)
    if closes_at <= PUBLISHED:
        return 100.0
    return 101.2 if closes_at <= FIRST_HOUR_ENDS else 96.6


def intraday_csv() -> str:
    """Regular sessions (09:30-16:00 New York) in the layout yfinance writes."""
    rows = ["Datetime,Open,High,Low,Close,Adj Close,Volume"]
    for day in SESSIONS:
        opened = datetime(day.year, day.month, day.day, 9, 30, tzinfo=NEW_YORK)
        while opened.hour < 16:
            close = synthetic_bar_close(opened)
            rows.append(f"{opened.isoformat(sep=' ')},{close},{close},{close},{close},{close},1000")
            opened += timedelta(minutes=5)
    return "\n".join(rows) + "\n"


def daily_csv() -> str:
    """Flat made-up closes on every weekday from 2023 to the tests' clock."""
    rows = ["Date,Open,High,Low,Close,Adj Close,Volume"]
    day = date(2023, 1, 2)
    while day < FIXED_NOW.date():
        if day.weekday() < 5:
            rows.append(f"{day.isoformat()},50,50,50,50,50,1000")
        day += timedelta(days=1)
    return "\n".join(rows) + "\n"


def _article(article_id: str, title: str, published: datetime) -> Article:
    return Article(
        id=article_id, source="example.com", title=title, published=published,
        body="Reaction Test Corp said something the market had an opinion about.",
        instruments=[Instrument(None, SYMBOL, "Reaction Test Corp", primary=True)],
    )


@pytest.fixture
def reaction_seeds(seeds_dir: Path) -> Path:
    (seeds_dir / "prices" / f"{SYMBOL}.csv").write_text(daily_csv())
    (seeds_dir / "prices" / f"{SYMBOL}.intraday.csv").write_text(intraday_csv())
    return seeds_dir


@pytest.fixture
def reaction_db(tmp_path: Path) -> Path:
    path = tmp_path / "reaction.sqlite3"
    with Store.open(path) as store:
        store.upsert_articles("seeds:fixture", [
            _article("recent", "Reaction Test Corp surprises", PUBLISHED.astimezone(UTC)),
            _article("old", "Reaction Test Corp, three years ago", datetime(2023, 3, 21, 14, 32, tzinfo=UTC)),
        ])
    return path


@pytest.fixture
def yahoo_calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every Yahoo call, recorded; offline there must be none. (Raising would not fail
    the test: the gate turns any exception into a reason on screen.)"""
    calls: list[str] = []

    def record(name: str):  # noqa: ANN202
        def call(*args: object) -> object:
            calls.append(f"{name}{args[:1]}")
            raise yahoo.Unreachable("test: no network")
        return call

    for name in ("fetch_daily", "fetch_intraday", "search_isin"):
        monkeypatch.setattr(yahoo, name, record(name))
    yield calls


def _shown(app) -> str:  # noqa: ANN001 - the app under test
    console = Console(width=400, record=True, file=io.StringIO())
    console.print(app.screen.query_one(ArticleView).query_one("#article-text", Static).content)
    return console.export_text()


def _line(text: str, start: str) -> str | None:
    return next((line.strip() for line in text.splitlines() if line.strip().startswith(start)), None)


async def _open(app, pilot, article_id: str) -> None:  # noqa: ANN001
    articles = app.screen.query_one(ArticleList)
    articles.move_cursor(row=articles.get_row_index(article_id), animate=False)
    await settle(pilot)


async def test_the_reaction_comes_from_the_intraday_csv_offline_without_yahoo(
    make_app, reaction_db: Path, reaction_seeds: Path, yahoo_calls: list[str]
) -> None:
    app = make_app(db=reaction_db, seed_dirs=[reaction_seeds])
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await _open(app, pilot, "recent")
        shown = _shown(app)
        assert _line(shown, "After publication:")  # the daily view stays, the reaction joins it
        assert _line(shown, "Reaction:") == "Reaction: first hour +1.20 %, first day -3.40 % (5-min bars · csv)"
        reaction = app.screen.query_one(ArticleView).chart.reaction
        assert reaction is not None
        assert reaction.hour == pytest.approx(1.2) and reaction.day == pytest.approx(-3.4)
    assert yahoo_calls == []


async def test_an_article_older_than_yahoos_intraday_data_keeps_the_daily_view_only(
    make_app, reaction_db: Path, reaction_seeds: Path, yahoo_calls: list[str]
) -> None:
    app = make_app(db=reaction_db, seed_dirs=[reaction_seeds])
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await _open(app, pilot, "old")
        shown = _shown(app)
        assert _line(shown, "After publication:")
        assert _line(shown, "Reaction:") is None  # the intraday CSV is there, but not for 2023: no line
        assert app.screen.query_one(ArticleView).chart.reaction is None
    assert yahoo_calls == []


async def test_a_recent_article_without_intraday_bars_says_why(make_app, yahoo_calls: list[str]) -> None:
    """The fixture's Alibaba article (nine weeks before the clock: Yahoo keeps hourly
    bars) has daily closes in its CSV but no intraday ones: offline, the reason."""
    app = make_app()
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        assert _line(_shown(app), "Reaction:") == "Reaction: offline; no intraday cache or CSV"
    assert yahoo_calls == []


async def test_online_the_bars_come_from_yahoo_in_the_chart_worker(
    make_app, reaction_db: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No intraday CSV: Yahoo's 5-minute bars answer (faked here with the same test
    data), fetched off the UI thread, and are cached for the next look."""
    import threading

    from tests.app.conftest import FIXED_NOW as now
    from tui_reader.prices.intraday_csv import parse_intraday_text

    (seeds_dir / "prices" / f"{SYMBOL}.csv").write_text(daily_csv())
    bars = parse_intraday_text(intraday_csv(), Path("test.intraday.csv")).bars
    asked: list[tuple[str, int, bool]] = []

    def fake_intraday(symbol: str, start: datetime, end: datetime, interval: int, timeout: float):  # noqa: ANN202
        asked.append((symbol, interval, threading.current_thread() is threading.main_thread()))
        assert start <= PUBLISHED and end == now
        return [(bar.start, bar.close) for bar in bars]

    def no_daily(symbol: str, start: date, end: date, timeout: float):  # noqa: ANN202
        return [], None  # Yahoo has no daily closes: the CSV draws the chart

    monkeypatch.setattr(yahoo, "fetch_intraday", fake_intraday)
    monkeypatch.setattr(yahoo, "fetch_daily", no_daily)
    app = make_app(db=reaction_db, seed_dirs=[seeds_dir], offline=False)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await _open(app, pilot, "recent")
        assert _line(_shown(app), "Reaction:") == "Reaction: first hour +1.20 %, first day -3.40 % (5-min bars · yahoo)"
        assert asked == [(SYMBOL, 300, False)]
        cached = app.library.store.cached_intraday(SYMBOL, 300)
        assert cached is not None and len(cached.bars) == len(bars)


def test_the_line_says_pending_and_hostile_reasons_stay_text() -> None:
    from tui_reader.app.article_text import Palette, reaction_line
    from tui_reader.app.chart_data import ChartData, ReactionLine
    from tui_reader.model import PricePoint

    points = [PricePoint(date(2026, 3, 24), 50.0)]
    pending = ChartData(SYMBOL, points=points, reaction=ReactionLine(0.5, None, "hourly bars", "cache"))
    line = reaction_line(pending, Palette())
    assert line is not None and line.plain == "Reaction: first hour +0.50 %, first day pending (hourly bars · cache)"
    hostile = ChartData(SYMBOL, points=points, reaction=ReactionLine(reason="Yahoo refused: [bold]x\x1b[2J"))
    line = reaction_line(hostile, Palette())
    assert line is not None and line.plain == "Reaction: Yahoo refused: [bold]x"
    # No chart: its own reason says enough; no reaction: no line.
    assert reaction_line(ChartData(SYMBOL, reaction=ReactionLine(reason="offline")), Palette()) is None
    assert reaction_line(ChartData(SYMBOL, points=points), Palette()) is None


def test_a_date_without_a_time_has_no_first_hour(tmp_path: Path, reaction_seeds: Path) -> None:
    from tui_reader.app.data import Library

    with Store.open(tmp_path / "s.sqlite3") as store:
        library = Library(store, [reaction_seeds], True, clock=lambda: FIXED_NOW)
        day_only = datetime(2026, 3, 24, tzinfo=UTC)
        assert library.reaction(SYMBOL, day_only) is not None
        assert library.reaction(SYMBOL, day_only).reason == "the article gives a date, not a time"  # type: ignore[union-attr]
        assert library.reaction(SYMBOL, datetime(2023, 3, 21, tzinfo=UTC)) is None
        found = library.reaction(SYMBOL, PUBLISHED)
        assert found is not None and (found.bars, found.source) == ("5-min bars", "csv")
