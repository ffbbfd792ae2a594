"""What goes wrong is said in the status line, and the status line fits its row.

A user in tmux with Yahoo unreachable followed INTC: its "cannot reach Yahoo" reason
appeared as a line above the article list, pushing that pane a row below the
instrument pane, and stayed after the retry time, after `r` and after unfollowing; the
status line kept counting the removed feeds' errors; and at 120 columns it ended in a
bare `filter:`, at 80 in `· Yahoo`.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.app.conftest import settle, until
from tui_reader.app.following import change_following
from tui_reader.app.widgets.quote_strip import QuoteStrip
from tui_reader.app.widgets.status_line import PollStatus, StatusLine, status_text
from tui_reader.model import Instrument
from tui_reader.prices import yahoo
from tui_reader.sources.feeds import SourceResult

INTC = Instrument("US4581401001", "INTC", "Intel")


@pytest.fixture
def dead_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Yahoo and every feed unreachable, as on the user's machine, without the network."""

    def no_prices(symbol, start, end, timeout):  # noqa: ANN001, ANN202 - yfinance's signature
        raise yahoo.Unreachable("cannot reach Yahoo (DNSError)")

    def failing_poll(feeds, seed_dirs, store, on_result=None, *, honour_schedule=False):  # noqa: ANN001, ANN202
        """As `poll_all` with every host down: each failure stored with its back-off, and
        a feed still backing off skipped by the background poll."""
        now = datetime.now(UTC)
        states = {state.key: state for state in store.source_states()}
        results = []
        for feed in feeds:
            state = states.get(feed.url)
            if honour_schedule and state is not None and state.next_poll and state.next_poll > now:
                continue
            failures = (state.failures if state else 0) + 1
            store.save_poll(feed.url, [], error="could not connect", failures=failures, next_poll=now + timedelta(hours=1))
            results.append(SourceResult(feed.url, feed.title or feed.url, 0, "error", "could not connect"))
        return results

    monkeypatch.setattr(yahoo, "fetch_daily", no_prices)
    monkeypatch.setattr("tui_reader.sources.poll.poll_all", failing_poll)
    monkeypatch.setattr("tui_reader.sources.upkeep.online_upkeep", lambda store, contact: [])


def _line(app) -> str:  # noqa: ANN001 - the app under test
    return app.screen.query_one(StatusLine).render().plain


def _top(app, selector: str) -> int:  # noqa: ANN001
    return app.screen.query_one(selector).region.y


@pytest.mark.usefixtures("dead_network")
@pytest.mark.parametrize("width", [80, 120, 160, 200])
async def test_an_unpriced_followed_instrument_is_said_in_the_status_line_and_moves_no_pane(
    make_app, seeds_dir: Path, width: int
) -> None:
    app = make_app(offline=False)
    async with app.run_test(size=(width, 36)) as pilot:
        await settle(pilot)
        # The fixture's watchlist has prices (CSVs): the strip shows them under the panes.
        strip = app.screen.query_one(QuoteStrip)
        assert strip.quotes and strip.region.y > app.screen.query_one("#panes").region.bottom - 1
        change_following(app, INTC, True)
        await until(pilot, lambda: "INTC" in app.watchlist and bool(app.screen.status.unquoted))
        await settle(pilot)
        assert [symbol for symbol, _ in app.screen.status.unquoted] == ["INTC"]
        assert "INTC" not in strip.render().plain
        # Every pane starts on the top row: nothing above the list pushes it down.
        assert _top(app, "#articles") == 0
        if app.screen.query_one("#instruments").display:
            assert _top(app, "#instruments") == 0
        assert "no quote: INTC (e)" in _line(app) if width >= 120 else "errors (e)" in _line(app)
        assert "retrying after" not in _line(app)
        # `e` says why.
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.unquoted["INTC"].startswith("cannot reach Yahoo (DNSError)")
        await pilot.press("escape")
        await pilot.pause()
        # `r` asks again: still no price, still said only in the status line.
        await pilot.press("r")
        await settle(pilot)
        assert [symbol for symbol, _ in app.screen.status.unquoted] == ["INTC"] and _top(app, "#articles") == 0
        # The condition ends (here: closes for INTC appear) and the next ask clears it.
        shutil.copy(seeds_dir / "prices" / "NVDA.csv", seeds_dir / "prices" / "INTC.csv")
        await pilot.press("r")
        await until(pilot, lambda: not app.screen.status.unquoted)
        await settle(pilot)
        assert "INTC" in strip.render().plain and "no quote" not in _line(app)
        shutil.move(seeds_dir / "prices" / "INTC.csv", seeds_dir / "INTC.csv.gone")
        await pilot.press("r")
        await until(pilot, lambda: bool(app.screen.status.unquoted))
        change_following(app, INTC, False)
        await until(pilot, lambda: "INTC" not in app.watchlist and not app.screen.status.unquoted)
        await settle(pilot)
        assert "INTC" not in _line(app) and _top(app, "#articles") == 0


@pytest.mark.usefixtures("dead_network")
async def test_the_errors_of_unfollowed_feeds_are_no_longer_counted(make_app) -> None:
    app = make_app(offline=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        change_following(app, INTC, True)
        await until(pilot, lambda: len(app.screen.status.errors) >= 2)
        await settle(pilot)
        followed = len(app.feeds)
        assert len(app.screen.status.errors) == followed and f"{followed} errors (e)" in _line(app)
        change_following(app, INTC, False)
        await until(pilot, lambda: "INTC" not in app.watchlist)
        await settle(pilot)
        assert not app.feeds and not app.screen.status.errors and not app.poll_state.errors
        assert "error" not in _line(app)
        await pilot.press("e")
        await pilot.pause()
        assert not app.screen.errors
        await pilot.press("escape")
        # Followed again at once: the feeds are still backing off, so the poll skips
        # them, and they are still failing.
        change_following(app, INTC, True)
        await until(pilot, lambda: len(app.screen.status.errors) == followed)
        assert f"{followed} errors (e)" in _line(app)


def _fitted(status: PollStatus, width: int) -> str:
    return status_text(status, width, error="red", warning="yellow").plain


BUSY = PollStatus(articles=14, shown=14, last_poll=datetime(2026, 4, 1, 14, tzinfo=UTC), new=4,
                  errors=(("Yahoo Finance: INTC", "could not connect"),) * 3, skipped=2,
                  live_prices="Yahoo unreachable", unquoted=(("INTC", "cannot reach Yahoo"),),
                  filter='source:"tui-reader samples" unread')


@pytest.mark.parametrize("width", [40, 60, 78, 98, 118, 158, 198])
def test_the_status_line_gives_way_item_by_item_and_keeps_the_filter(width: int) -> None:
    line = _fitted(BUSY, width)
    assert len(line) <= width
    # Whole items only: never a label without its value, never an item cut in the middle.
    items = line.split(" · ")
    assert not line.endswith((":", "·", " ")) and items[0].startswith("14")
    assert items[-1].startswith("filter: source:")
    assert all(item in _fitted(BUSY, 1000).split(" · ") or item.endswith("…") or item in
               ("14/14", "3 err (e)", "Yahoo unreachable") for item in items)
    # What the user acts on stays: the count, the errors, the filter.
    assert "err" in line


def test_the_least_important_items_go_first() -> None:
    assert _fitted(BUSY, 198) == (
        "14 of 14 articles · polled 14:00 · 4 new · 3 errors (e) · 2 skipped (e) · Yahoo unreachable: prices from "
        'cache and CSVs · no quote: INTC (e) · filter: source:"tui-reader samples" unread')
    assert _fitted(BUSY, 138) == ('14 of 14 articles · 4 new · 3 errors (e) · Yahoo unreachable · no quote: INTC (e) · '
                                  'filter: source:"tui-reader samples" unread')
    assert _fitted(BUSY, 118) == ('14 of 14 articles · 4 new · 3 errors (e) · Yahoo unreachable · '
                                  'filter: source:"tui-reader samples" unread')
    assert _fitted(BUSY, 78) == '14 of 14 articles · 4 new · 3 errors (e) · filter: source:"tui-reader samples…'
    assert _fitted(BUSY, 40) == "14/14 · 3 errors (e) · filter: source:…"
    # The user's two lines: the default start with Yahoo unreachable, and a filter.
    plain = PollStatus(articles=14, shown=14, live_prices="Yahoo unreachable")
    assert _fitted(plain, 78) == "14 of 14 articles · no feeds · Yahoo unreachable: prices from cache and CSVs"
    filtered = PollStatus(articles=14, shown=3, last_poll=datetime(2026, 4, 1, 14, tzinfo=UTC),
                          errors=(("x", "y"),) * 3, live_prices="Yahoo unreachable", filter="ticker:INTC unread")
    assert _fitted(filtered, 118).endswith(" · filter: ticker:INTC unread")


@pytest.mark.parametrize("width", [80, 120])
async def test_the_drawn_status_line_ends_on_the_filter_text(make_app, width: int) -> None:
    app = make_app()
    async with app.run_test(size=(width, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"source:example.com unread", "enter")
        await settle(pilot)
        line = _line(app)
        assert line.startswith(" OFFLINE ") and line.rstrip().endswith("filter: source:example.com unread")
        assert len(line) <= app.screen.query_one(StatusLine).content_region.width
