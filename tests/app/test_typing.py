"""Issue 10: keys typed right after `/` reach the filter box, however fast they come.

Pilot's `press` waits for the app to idle after every key, which hides the race; a
terminal delivers a fast typist's keys back to back. These tests queue every key at
once, as the terminal would.
"""

from __future__ import annotations

from textual import events

from tests.app.conftest import settle, until
from tui_reader.app.widgets.article_list import ArticleList
from tui_reader.app.widgets.filter_box import FilterBox
from tui_reader.app.widgets.instrument_list import InstrumentList


def _type_at_once(app, keys: list[str]) -> None:  # noqa: ANN001 - the app under test
    """Queue the key events without waiting between them."""
    for key in keys:
        char = {"slash": "/", "enter": "\r", "space": " "}.get(key, key if len(key) == 1 else None)
        event = events.Key(key, char)
        event.set_sender(app)
        app._driver.send_message(event)


def _titles(app) -> list[str]:  # noqa: ANN001
    return [s.title for s in app.screen.query_one(ArticleList).summaries]


async def test_every_key_typed_right_after_slash_reaches_the_box(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        # `t` (theme), `i` (chart), `c` (calendar), `k` (up) are all bindings of the list
        # or the app: any of them lost to the list would act instead of being typed.
        _type_at_once(app, ["slash", *"ticker:baba", "enter"])
        await until(pilot, lambda: _titles(app) == ["Alibaba lifts cloud spending plan"])
        await settle(pilot)
        assert app.screen.query_one(FilterBox).value == "ticker:baba"
        assert app.focused is app.screen.query_one(ArticleList)
        assert type(app.screen).__name__ == "MainScreen"


async def test_slash_in_the_box_is_typed_and_from_the_instrument_pane_opens_the_box(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:  # narrow: the instrument pane hides the list
        await settle(pilot)
        await pilot.press("shift+tab")
        await until(pilot, lambda: app.focused is app.screen.query_one(InstrumentList))
        _type_at_once(app, ["slash", *"a/b"])
        box = app.screen.query_one(FilterBox)
        await until(pilot, lambda: box.value == "a/b")
        await settle(pilot)
        assert app.focused is box and box.region.width > 0  # focused and on screen
