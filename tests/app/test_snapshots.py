"""SVG snapshots of the screens at fixed sizes, from the fixed store (conftest.py).

Update after looking at the result: `pytest tests/app/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app.conftest import REPO, settle


async def _ready(pilot) -> None:  # noqa: ANN001
    await settle(pilot)


@pytest.mark.parametrize("size", [(80, 24), (120, 36), (160, 48), (200, 50), (240, 50)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_main_screen_with_the_bundled_seeds(snap_compare, make_app, bundled_db: Path, size: tuple[int, int]) -> None:
    """The first thing a new user sees, at the four sizes issue 10 measured and at 240
    columns, where the article sits beside the list."""
    app = make_app(db=bundled_db, seed_dirs=[REPO / "seeds"])
    assert snap_compare(app, terminal_size=size, run_before=_ready)


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


def test_calendar_screen(snap_compare, make_app, monkeypatch: pytest.MonkeyPatch) -> None:
    """`c` on the fixed store, as of a day before the Alibaba results date, everything."""
    from datetime import date

    from tui_reader.app.screens import calendar

    monkeypatch.setattr(calendar, "today", lambda: date(2026, 1, 1))

    async def open_calendar(pilot) -> None:  # noqa: ANN001
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=(120, 36), run_before=open_calendar)


def test_instrument_screen(snap_compare, make_app) -> None:
    """`i` on the Alibaba article: its closes over 6M with the article's marker, then 1Y."""

    async def open_instrument(pilot) -> None:  # noqa: ANN001
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=(120, 36), run_before=open_instrument)
