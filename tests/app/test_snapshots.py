"""SVG snapshots of the screens at fixed sizes, from the fixed store (conftest.py).

Update after looking at the result: `pytest tests/app/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from tests.app.conftest import settle


async def _ready(pilot) -> None:  # noqa: ANN001
    await settle(pilot)


def test_main_screen_120x36(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=(120, 36), run_before=_ready)


def test_main_screen_80x24(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=_ready)


def test_main_screen_wide_160x40(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=(160, 40), run_before=_ready)


def test_help_screen(snap_compare, make_app) -> None:
    async def open_help(pilot) -> None:  # noqa: ANN001
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(120, 36), run_before=open_help)


def test_article_with_chart_and_figures(snap_compare, make_app) -> None:
    """The Alibaba article opened and scrolled to its key figures, in the light theme."""

    async def open_article(pilot) -> None:  # noqa: ANN001
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(make_app(theme="newsprint"), terminal_size=(120, 48), run_before=open_article)


def test_no_prices_says_why(snap_compare, make_app) -> None:
    async def open_unknown(pilot) -> None:  # noqa: ANN001
        await settle(pilot)
        await pilot.press("slash", *"ticker:ZZZW", "enter")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=(120, 36), run_before=open_unknown)
