"""A fixed little world for the UI tests: a real SQLite store with deterministic
articles, real price CSVs, a config file, UTC time, and background polling off."""

from __future__ import annotations

import asyncio
import shutil
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from textual.worker import WorkerCancelled, WorkerState

from tui_reader.app.app import TuiReaderApp
from tui_reader.app.factory import create_app
from tui_reader.app.options import AppOptions, Delays
from tui_reader.app.widgets import article_list
from tui_reader.model import Article, Instrument, KeyFigure
from tui_reader.store import Store

REPO = Path(__file__).resolve().parents[2]
HOSTILE_TITLE = "[@click=app.quit]x[/] \x1b]8;;https://evil.example\x07click\x1b]8;;\x07 \x1b[2J[bold red]boom"
NVDA = "US67066G1040"
HOSTILE_BODY = "Text with [/] and [@click=app.quit]quit[/] and \x1b[31mred\x1b[0m and \x9b2J and \x07bell."


def _figure(body: str, kind: str, text: str, value: object, **extra: object) -> KeyFigure:
    start = body.index(text)
    return KeyFigure(kind, text, value, start, start + len(text), context=body.split(". ")[0], **extra)  # type: ignore[arg-type]


def _article(n: int, title: str, when: str, ticker: str, isin: str | None, name: str, body: str,
             figures: list[tuple[str, str, object, dict[str, object]]] = (), url: str | None = None,
             source: str = "example.com") -> Article:
    article = Article(
        id=f"a{n:02d}",
        source=source,
        title=title,
        body=body,
        published=datetime.fromisoformat(when),
        url=url,
        instruments=[Instrument(isin, ticker, name, primary=True)],
        removed=["promotional line: Should investors sell immediately?"] if n == 1 else [],
    )
    article.figures = [_figure(body, kind, text, value, **extra) for kind, text, value, extra in figures]
    return article


def sample_articles() -> list[Article]:
    baba = ("Alibaba said it will spend more than 380 billion yuan on cloud and AI. "
            "The shares rose 56.94% over twelve months. Results are due on February 19, 2026.")
    return [
        _article(1, "Alibaba lifts cloud spending plan", "2026-01-29T21:41:05+00:00", "BABA", "US01609W1027",
                 "Alibaba Group", baba,
                 [("money", "380 billion yuan", 380e9, {"currency": "CNY", "qualifier": "more_than"}),
                  ("percent", "56.94%", 56.94, {"unit": "%", "direction": "up"}),
                  ("date", "February 19, 2026", "2026-02-19", {})],
                 url="https://example.com/baba"),
        _article(2, "Nvidia closes above five trillion dollars", "2025-10-29T20:30:00+00:00", "NVDA",
                 "US67066G1040", "NVIDIA", "Nvidia became the first company worth $5 trillion.",
                 [("money", "$5 trillion", 5e12, {"currency": "USD"})], url="javascript:alert(1)"),
        _article(3, "SAP plans restructuring", "2024-01-24T06:00:00+00:00", "SAP.DE", "DE0007164600", "SAP",
                 "SAP will restructure 8,000 roles in 2024.", source="reuters.com"),
        _article(4, HOSTILE_TITLE, "2025-06-23T12:00:00+00:00", "TSLA", "US88160R1014", "Tesla", HOSTILE_BODY,
                 source="[/]evil"),
        _article(5, "Unknown Widgets Corp soars", "2025-03-03T12:00:00+00:00", "ZZZW", None, "Widgets Corp",
                 "Widgets Corp rose after results."),
    ]


def nvidia_articles(count: int, topic: str) -> list[Article]:
    """More Nvidia news than one page of the list holds, each a story of its own."""
    start = datetime.fromisoformat("2025-11-01T12:00:00+00:00")
    return [
        Article(
            id=f"{topic}{n}",
            source="example.com",
            title=f"Nvidia {topic} report number {n} for investors",
            body=f"Nvidia {topic} item {n}: the company said something different each time ({n}).",
            published=start + timedelta(hours=n),
            instruments=[Instrument(NVDA, "NVDA", "NVIDIA", primary=True)],
        )
        for n in range(count)
    ]


@pytest.fixture(autouse=True)
def _fixed_world(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    monkeypatch.setenv("TUI_READER_HOME", str(tmp_path / "home"))
    # The list's compact time leaves out this year: the one the fixed articles reach.
    monkeypatch.setattr(article_list, "this_year", lambda: 2026)


@pytest.fixture
def seeds_dir(tmp_path: Path) -> Path:
    """A seed folder holding only price CSVs (the articles come from the store)."""
    folder = tmp_path / "seeds"
    (folder / "prices").mkdir(parents=True)
    for symbol in ("BABA", "NVDA", "SAP", "TSLA"):
        shutil.copy(REPO / "seeds" / "prices" / f"{symbol}.csv", folder / "prices" / f"{symbol}.csv")
    return folder


@pytest.fixture
def config_file(tmp_path: Path) -> Path:
    """Reading marks nothing by itself here (`mark_read_after = false`), so what a test
    sees does not depend on how long it took; the reading tests set their own."""
    path = tmp_path / "config.toml"
    path.write_text('bundled_seeds = false\ntheme = "terminal-amber"\nwatchlist = ["NVDA", "US01609W1027"]\n'
                    "mark_read_after = false\n")
    return path


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "store.sqlite3"
    with Store.open(path) as store:
        store.upsert_articles("seeds:fixture", sample_articles())
    return path


@pytest.fixture
def bundled_db(tmp_path: Path) -> Path:
    """A store holding the bundled sample seeds, read the way the app reads them."""
    from tui_reader.sources.poll import poll_seed_folder

    path = tmp_path / "bundled.sqlite3"
    with Store.open(path) as store:
        result = poll_seed_folder(REPO / "seeds", store)
    assert result.status == "new" and result.new >= 14
    return path


@pytest.fixture
def make_app(db_path: Path, config_file: Path, seeds_dir: Path) -> Callable[..., TuiReaderApp]:
    apps: list[TuiReaderApp] = []

    def make(**changes: object) -> TuiReaderApp:
        # No deliberate waits: the tests wait on conditions (settle), not on the clock.
        options = AppOptions(db=db_path, config=config_file, seed_dirs=[seeds_dir], offline=True, poll=False,
                             theme="terminal-amber", delays=NO_DELAYS, clock=lambda: FIXED_NOW)
        for key, value in changes.items():
            setattr(options, key, value)
        app = create_app(options)
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.library.store.close()


FIXED_NOW = datetime(2026, 4, 1, 14, 0, tzinfo=UTC)
"""The quote strip's clock in tests: the day after the bundled closes end (a Wednesday,
New York open), so snapshots do not change with the hour they run."""

NO_DELAYS = Delays(chart=0.001, filter=0.25, plot=0.001)
"""As good as none (a Textual timer needs a positive interval), except the typing pause:
Pilot types a word well inside it, so a word costs one reload of the list, not one per
key. A slow machine only filters more often, which the tests allow."""


async def _workers_done(app) -> None:  # noqa: ANN001 - the app under test
    """Wait for every started worker. An exclusive worker cancelled by its successor is
    no failure (`wait_for_complete` raised WorkerCancelled for it); a failed one is."""
    started = [w for w in app.workers if w.state is not WorkerState.PENDING]
    for outcome in await asyncio.gather(*(w.wait() for w in started), return_exceptions=True):
        if isinstance(outcome, BaseException) and not isinstance(outcome, WorkerCancelled):
            raise outcome


async def settle(pilot) -> None:  # noqa: ANN001 - textual.pilot.Pilot
    """Let every worker finish and the screen catch up: a worker's message may start
    another worker (an article, then its chart), so wait until a round starts none."""
    for _ in range(20):
        await _workers_done(pilot.app)
        await pilot.pause()
        await pilot.pause()
        if not any(w.is_running for w in pilot.app.workers):
            break
    await pilot.pause()


async def until(pilot, condition: Callable[[], bool], timeout: float = 10.0) -> None:  # noqa: ANN001
    """Wait for what the test is about, not for a fixed time."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the app did not get there in time"
        await pilot.pause(0.02)


@pytest.fixture(autouse=True)
def _finer_idle(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pilot's `press` and `pause()` wait until the process looks idle, sampling in 20 ms
    sleeps: half the app suite's time went into those sleeps (22 of 43 s for
    test_pilot.py). Sampled every 4 ms the same test of idleness ends sooner. The tests
    still wait on conditions (`settle`, `until`); this only makes each look cheaper.
    A Textual upgrade that drops these names fails here, loudly (`raising` is on)."""
    import textual._wait as wait

    monkeypatch.setattr(wait, "SLEEP_GRANULARITY", 0.004)
    monkeypatch.setattr(wait, "SLEEP_IDLE", 0.0004)
