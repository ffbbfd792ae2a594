"""What a user's pass through the app found: keys that the lists know and a long
modal did not, a title that repeated itself, a reason cut with no way to read it."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console
from textual.containers import VerticalScroll
from textual.widgets import Static

from tests.app.conftest import settle, until
from tui_reader.app.screens.errors import ErrorsScreen
from tui_reader.app.screens.help import HelpScreen
from tui_reader.app.widgets.filter_box import FilterBox
from tui_reader.app.widgets.instrument_list import InstrumentList


async def test_help_goes_to_its_end_and_back_as_the_lists_do(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        body = app.screen.query_one(VerticalScroll)
        await until(pilot, lambda: body.max_scroll_y > 0)
        for bottom, top in (("G", "g"), ("end", "home")):
            await pilot.press(bottom)
            await until(pilot, lambda: body.scroll_y == body.max_scroll_y)
            await pilot.press(top)
            await until(pilot, lambda: body.scroll_y == 0)
        await pilot.press("j", "j")
        await until(pilot, lambda: body.scroll_y == 2)
        await pilot.press("k")
        await until(pilot, lambda: body.scroll_y == 1)


async def test_the_filter_title_offers_star_only_when_the_scope_is_narrower(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        box = app.screen.query_one(FilterBox)
        await until(pilot, lambda: box.display)
        assert str(box.border_title) == "Filter in all articles"
        await pilot.press("escape")
        await settle(pilot)
        instruments = app.screen.query_one(InstrumentList)
        instruments.focus()
        index = next(i for i, o in enumerate(instruments.options) if (o.id or "").startswith("inst:"))
        instruments.highlighted = index
        await pilot.press("l")  # to its news (Enter charts it)
        await until(pilot, lambda: app.screen.selection.kind != "all")
        await settle(pilot)
        await pilot.press("slash")
        await until(pilot, lambda: box.display)
        assert str(box.border_title).startswith("Filter in ") and str(box.border_title).endswith(" · * searches all")
        assert "all articles ·" not in str(box.border_title)


async def test_a_long_skip_reason_is_shown_whole(make_app, tmp_path: Path, seeds_dir: Path) -> None:
    """A bad JSON seed's reason at 120 columns was cut after "Expecting property name
    enclosed in double quot…", and nothing showed the rest."""
    bad = seeds_dir / "a-folder-with-a-rather-long-name-for-notes" / "broken-export-from-the-portal.json"
    bad.parent.mkdir()
    bad.write_text("{'title': 'x'}", encoding="utf-8")
    app = make_app(db=tmp_path / "empty.sqlite3", poll=True, seed_scan_interval=0.2)
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: bool(app.screen.status.skipped), timeout=20)
        await settle(pilot)
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, ErrorsScreen))
        table = app.screen.query_one("#errors-table", Static)
        console = Console(width=table.content_region.width, record=True, file=io.StringIO())
        console.print(table.content)
        shown = console.export_text()
        reason = app.screen.skipped[str(bad)]
        assert "Expecting property name enclosed in double quotes" in reason
        # Two columns side by side: every word of the reason is there, none cut.
        assert set(f"skipped: {reason}".split()) <= set(shown.split()), shown
        assert "…" not in shown
        assert bad.name in "".join(shown.split())  # the path folded, never cut
