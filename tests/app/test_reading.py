"""Reading marks read: an article shown long enough counts as read; `A` marks a whole list.

The dwell is held by the test (`HeldTimers`): it passes when the test says so, never
by the clock, so a fast pass and a rest are told apart however slow the machine is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.app.conftest import NVDA, nvidia_articles, settle, until
from tui_reader.app.screens.main import MainScreen
from tui_reader.app.widgets.article_list import PAGE_SIZE, ArticleList
from tui_reader.app.widgets.article_view import ArticleView
from tui_reader.app.widgets.instrument_list import InstrumentList
from tui_reader.store import Store

HELD = 0.5
"""Timers of at least this many seconds are held (the dwell); the app's short ones (the
chart, the plot, the typing pause in tests) run as usual."""


class _Held:
    """A timer that runs when the test passes the time, unless stopped before."""

    def __init__(self, callback: Callable[[], object]) -> None:
        self.callback = callback
        self.stopped = False

    def stop(self) -> None:
        self.stopped = True


class HeldTimers:
    def __init__(self) -> None:
        self.held: list[_Held] = []

    def pass_time(self) -> int:
        """Every held timer not stopped runs now; how many ran."""
        due, self.held = [t for t in self.held if not t.stopped], []
        for timer in due:
            timer.callback()
        return len(due)


@pytest.fixture
def dwell(monkeypatch: pytest.MonkeyPatch) -> Iterator[HeldTimers]:
    timers = HeldTimers()
    real = MainScreen.set_timer

    def set_timer(self, delay: float, callback=None, **kwargs):  # noqa: ANN001, ANN202 - Textual's signature
        if delay < HELD:
            return real(self, delay, callback, **kwargs)
        held = _Held(callback)
        timers.held.append(held)
        return held

    monkeypatch.setattr(MainScreen, "set_timer", set_timer)
    yield timers


def _dwell(config_file: Path, setting: str) -> None:
    text = re.sub(r"(?m)^mark_read_after = .*$", f"mark_read_after = {setting}", config_file.read_text())
    assert f"mark_read_after = {setting}\n" in text
    config_file.write_text(text)


def _unread(app) -> set[str]:
    return {s.id for s in app.library.store.articles(unread_only=True, limit=10_000)}


def _shown(app) -> str | None:
    article = app.screen.query_one(ArticleView).article
    return article.id if article is not None else None


def _option(app, option_id: str) -> str:
    instruments = app.screen.query_one(InstrumentList)
    return instruments.get_option_at_index(instruments.get_option_index(option_id)).prompt.plain


async def test_resting_on_an_article_marks_it_read_and_a_fast_pass_marks_nothing(
    make_app, config_file: Path, dwell: HeldTimers
) -> None:
    _dwell(config_file, "1.5")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        articles = app.screen.query_one(ArticleList)
        await until(pilot, lambda: _shown(app) == "a01")
        await pilot.press("j", "j", "j")
        await until(pilot, lambda: _shown(app) == "a05")
        await settle(pilot)
        assert _unread(app) == {"a01", "a02", "a03", "a04", "a05"}
        assert dwell.pass_time() == 1  # the rows flown past stopped their clocks
        await until(pilot, lambda: "a05" not in _unread(app))
        await settle(pilot)
        # Only the article the cursor rested on; the ones it flew past stay unread.
        assert _unread(app) == {"a01", "a02", "a03", "a04"}
        assert articles.cursor_row == 3 and articles.current_id == "a05"
        assert articles.summary("a05").read and articles.summary("a04").read is False
        assert articles.get_cell("a05", "title").style == "" and articles.get_cell("a04", "title").style == "bold"
        assert _option(app, "all").endswith("4/5") and _option(app, "unread").endswith("4/4")
        assert _option(app, "inst:ZZZW").endswith("0/1") and _option(app, "inst:US88160R1014").endswith("1/1")
        assert app.screen.query_one(InstrumentList).highlighted == 0


async def test_m_stands_while_the_article_is_shown(make_app, config_file: Path, dwell: HeldTimers) -> None:
    _dwell(config_file, "1.0")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: _shown(app) == "a01")
        await pilot.press("j", "k")  # chosen, not only previewed at start-up
        await settle(pilot)
        dwell.pass_time()
        await until(pilot, lambda: "a01" not in _unread(app))
        await settle(pilot)
        await pilot.press("m")  # the user says: still unread
        await until(pilot, lambda: "a01" in _unread(app))
        assert dwell.pass_time() == 0
        await settle(pilot)
        assert "a01" in _unread(app) and _shown(app) == "a01"
        assert not app.screen.query_one(ArticleList).summary("a01").read
        await pilot.press("m")  # and m still marks it read
        await until(pilot, lambda: "a01" not in _unread(app))
        await pilot.press("m")
        await until(pilot, lambda: "a01" in _unread(app))
        # Shown again later, it is read again once the dwell has passed.
        await pilot.press("j", "k")
        await settle(pilot)
        dwell.pass_time()
        await until(pilot, lambda: "a01" not in _unread(app))
        # m pressed before the dwell has passed stops the clock too.
        await pilot.press("j", "m")
        await until(pilot, lambda: "a02" not in _unread(app))
        await pilot.press("m")
        await until(pilot, lambda: "a02" in _unread(app))
        assert dwell.pass_time() == 0
        await settle(pilot)
        assert "a02" in _unread(app) and _shown(app) == "a02"


async def test_zero_marks_as_soon_as_shown_and_false_never(make_app, config_file: Path, dwell: HeldTimers) -> None:
    _dwell(config_file, "0")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: _shown(app) == "a01")
        await settle(pilot)
        assert "a01" in _unread(app)  # shown at start-up, not chosen: a preview
        await pilot.press("j")
        await until(pilot, lambda: "a02" not in _unread(app))
        await pilot.press("k")
        await until(pilot, lambda: "a01" not in _unread(app))
        await pilot.press("j")
        await settle(pilot)
        assert _unread(app) == {"a03", "a04", "a05"}
        await pilot.press("m")
        await settle(pilot)
        assert "a02" in _unread(app)
        app.library.store.set_read("a01", False)

    _dwell(config_file, "false")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: _shown(app) == "a01")
        await pilot.press("j", "k")  # chosen
        await settle(pilot)
        assert dwell.pass_time() == 0  # no clock at all, not even a default one
        await settle(pilot)
        assert "a01" in _unread(app)
        await pilot.press("m")
        await until(pilot, lambda: "a01" not in _unread(app))


async def test_mark_all_read_takes_the_selection_and_filter_beyond_the_loaded_page(
    make_app, db_path: Path
) -> None:
    with Store.open(db_path) as store:
        store.upsert_articles("seeds:more", nvidia_articles(PAGE_SIZE + 30, "datacenter") + nvidia_articles(7, "gaming"))
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        instruments = app.screen.query_one(InstrumentList)
        instruments.highlighted = instruments.get_option_index(f"inst:{NVDA}")
        await settle(pilot)
        await pilot.press("slash", *"datacenter", "enter")
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        assert articles.row_count == PAGE_SIZE  # one page loaded of the 230 that match
        await pilot.press("j", "j")
        await settle(pilot)
        await pilot.press("A")
        await until(pilot, lambda: any("Marked" in n.message for n in app._notifications))
        await settle(pilot)
        assert [n.message for n in app._notifications if "Marked" in n.message] == [f"Marked {PAGE_SIZE + 30} articles read."]
        unread = _unread(app)
        assert not {i for i in unread if i.startswith("datacenter")}
        assert {f"gaming{n}" for n in range(7)} | {"a01", "a02", "a03", "a04", "a05"} == unread
        # The loaded rows are redrawn as read in place; the cursor stays where it was.
        assert all(s.read for s in articles.summaries) and articles.cursor_row == 2
        assert articles.get_cell(articles.current_id, "title").style == ""
        assert _option(app, f"inst:{NVDA}").endswith(f"8/{PAGE_SIZE + 38}")
        assert _option(app, "all").endswith(f"12/{PAGE_SIZE + 42}")
        # Again: nothing left to mark in this list, and it says so.
        await pilot.press("A")
        await until(pilot, lambda: any("Nothing unread" in n.message for n in app._notifications))


async def test_every_count_follows_stars_and_read_marks(make_app) -> None:
    """The Starred view counts its unread articles as every view does (it said `0/3`
    beside two unread starred rows), after a star, an unstar, a read and an unread."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: _shown(app) == "a01")
        await settle(pilot)

        def counts() -> tuple[str, ...]:
            return tuple(_option(app, o).rsplit(" ", 1)[-1]
                         for o in ("all", "unread", "starred", "inst:US67066G1040"))

        await pilot.press("s", "j", "s", "j", "m", "s")  # a01, a02 unread; a04 read
        await until(pilot, lambda: counts() == ("4/5", "4/4", "2/3", "1/1"))
        await pilot.press("k", "m")  # a02 (NVIDIA) read
        await until(pilot, lambda: counts() == ("3/5", "3/3", "1/3", "0/1"))
        await pilot.press("m")  # and unread again
        await until(pilot, lambda: counts() == ("4/5", "4/4", "2/3", "1/1"))
        await pilot.press("s")  # unstarred
        await until(pilot, lambda: counts() == ("4/5", "4/4", "1/2", "1/1"))
        instruments = app.screen.query_one(InstrumentList)
        instruments.highlighted = instruments.get_option_index("starred")
        await settle(pilot)
        rows = app.screen.query_one(ArticleList).summaries
        assert [(s.id, s.read) for s in rows] == [("a01", False), ("a04", True)]


async def test_a_star_or_a_reload_keeps_the_pending_read_mark(make_app, config_file: Path, dwell: HeldTimers) -> None:
    """`s`, and the list reloads a poll or `r` brings, leave the article under the cursor
    on its clock: the reload's table refill highlighted its first row on the way, and
    that late highlight turned the chosen article into an unmarked preview."""
    _dwell(config_file, "1.0")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: _shown(app) == "a01")
        await pilot.press("j", "s")
        await settle(pilot)
        app.screen.reload(keep_cursor=True)  # as a poll with new articles does
        await settle(pilot)
        assert _shown(app) == "a02" and app.screen.query_one(ArticleList).current_id == "a02"
        assert dwell.pass_time() == 1
        await until(pilot, lambda: "a02" not in _unread(app))
        await settle(pilot)
        assert _unread(app) == {"a01", "a03", "a04", "a05"}
        assert _option(app, "starred").endswith("0/1")


async def test_m_stands_when_the_article_is_shown_again(make_app, config_file: Path, dwell: HeldTimers) -> None:
    """A manual mark-unread outlasts what shows the same article again (its fetched
    page, a reload): only moving to another article and back starts the clock anew."""
    from tui_reader.app.messages import PageFetched

    _dwell(config_file, "1.0")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: _shown(app) == "a01")
        await pilot.press("j", "m")  # read at once, by hand
        await until(pilot, lambda: "a02" not in _unread(app))
        await pilot.press("m")  # and unread again: the user decided
        await until(pilot, lambda: "a02" in _unread(app))
        app.screen.post_message(PageFetched("a02"))  # the article is read again and shown anew
        await settle(pilot)
        dwell.pass_time()
        await settle(pilot)
        assert "a02" in _unread(app) and _shown(app) == "a02"
        app.screen.reload(keep_cursor=True)
        await settle(pilot)
        dwell.pass_time()
        await settle(pilot)
        assert "a02" in _unread(app) and _shown(app) == "a02"
        await pilot.press("j", "k")
        await settle(pilot)
        assert dwell.pass_time() == 1
        await until(pilot, lambda: "a02" not in _unread(app))
