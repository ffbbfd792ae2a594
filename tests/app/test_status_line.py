"""The status line fits its row: at 120 columns it ended in a bare `filter:` (the
filter text cut off), at 80 in `· Yahoo`."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.app.conftest import settle
from tui_reader.app.widgets.status_line import PollStatus, StatusLine, status_text


def _line(app) -> str:  # noqa: ANN001 - the app under test
    return app.screen.query_one(StatusLine).render().plain


def _fitted(status: PollStatus, width: int) -> str:
    return status_text(status, width, error="red", warning="yellow").plain


BUSY = PollStatus(articles=14, shown=14, last_poll=datetime(2026, 4, 1, 14, tzinfo=UTC), new=4,
                  errors=(("Yahoo Finance: INTC", "could not connect"),) * 3, skipped=2,
                  live_prices="Yahoo unreachable", filter='source:"tui-reader samples" unread')


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
        'cache and CSVs · filter: source:"tui-reader samples" unread')
    assert _fitted(BUSY, 138) == ('14 of 14 articles · polled 14:00 · 4 new · 3 errors (e) · 2 skipped (e) · '
                                  'Yahoo unreachable · filter: source:"tui-reader samples" unread')
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
