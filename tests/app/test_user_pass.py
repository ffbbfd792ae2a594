"""What a user's pass through the app found: keys that the lists know and a long
modal did not, a title that repeated itself, a reason cut with no way to read it."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import pytest
from rich.console import Console
from textual.containers import VerticalScroll
from textual.widgets import OptionList, Static

from tests.app.conftest import settle, until
from tui_reader.app.screens.errors import ErrorsScreen
from tui_reader.app.screens.help import HelpScreen
from tui_reader.app.widgets.article_list import ArticleList
from tui_reader.app.widgets.filter_box import FilterBox
from tui_reader.app.widgets.instrument_list import InstrumentList
from tui_reader.model import Article, Instrument
from tui_reader.store import Store


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


async def _errors_view_text(app, pilot) -> str:
    """The errors view's table as text, opened once the seed scan has skipped a file."""
    await until(pilot, lambda: bool(app.screen.status.skipped), timeout=20)
    await settle(pilot)
    await pilot.press("e")
    await until(pilot, lambda: isinstance(app.screen, ErrorsScreen))
    table = app.screen.query_one("#errors-table", Static)
    console = Console(width=table.content_region.width, record=True, file=io.StringIO())
    console.print(table.content)
    return console.export_text()


async def test_a_long_skip_reason_is_shown_whole(make_app, tmp_path: Path, seeds_dir: Path) -> None:
    """A bad JSON seed's reason at 120 columns was cut after "Expecting property name
    enclosed in double quot…", and nothing showed the rest."""
    bad = seeds_dir / "a-folder-with-a-rather-long-name-for-notes" / "broken-export-from-the-portal.json"
    bad.parent.mkdir()
    bad.write_text("{'title': 'x'}", encoding="utf-8")
    app = make_app(db=tmp_path / "empty.sqlite3", poll=True, seed_scan_interval=0.2)
    async with app.run_test(size=(120, 36)) as pilot:
        shown = await _errors_view_text(app, pilot)
        reason = app.screen.skipped[str(bad)]
        assert "Expecting property name enclosed in double quotes" in reason
        # Two columns side by side: every word of the reason is there, none cut.
        assert set(f"skipped: {reason}".split()) <= set(shown.split()), shown
        assert "…" not in shown
        assert bad.name in "".join(shown.split())  # the path folded, never cut


@pytest.mark.parametrize("width", [80, 100])
async def test_a_skipped_path_breaks_at_its_folders(make_app, tmp_path: Path, seeds_dir: Path, width: int) -> None:
    """At 80 and 100 columns the errors view folded a skipped seed's path wherever the
    column ended (`…/saved-arti` / `cles/broker-reports-20` / `26/…`): each line of the
    path now ends at a folder (or, inside a name too long for the column, after a `_`,
    `-` or `.`), and the folders read whole."""
    bad = seeds_dir / "market-news" / "saved-articles" / "broker-reports-2026" / "quarterly_results_commentary.json"
    bad.parent.mkdir(parents=True)
    bad.write_text("{bad json", encoding="utf-8")
    app = make_app(db=tmp_path / "empty.sqlite3", poll=True, seed_scan_interval=0.2)
    async with app.run_test(size=(width, 30)) as pilot:
        lines = (await _errors_view_text(app, pilot)).splitlines()
    problem_at = lines[0].index("Problem")
    start = next(i for i, line in enumerate(lines) if line.startswith(str(bad)[:10]))
    cell: list[str] = []
    for line in lines[start:]:
        cell.append(line[:problem_at].rstrip())
        if "".join(cell) == str(bad):
            break
    assert "".join(cell) == str(bad), lines  # the whole path, nothing cut or left out
    assert len(cell) > 1  # it is wider than the column: the test is about where it breaks
    assert all(part[-1] in "/_-." for part in cell[:-1]), cell
    for folder in ("market-news/", "saved-articles/", "broker-reports-2026/"):
        assert any(folder in part for part in cell), cell


async def test_the_chart_views_list_gives_each_article_one_line(make_app, db_path: Path) -> None:
    """At 80 columns the chart view's list wrapped a long headline onto a second line,
    which read as another article: one line each, the headline cut with "…"."""
    long_title = "Alibaba’s Cloud Bet: More Than 380 Billion Yuan for AI as the Shares Hold Near $175 Today"
    with Store.open(db_path) as store:
        store.upsert_articles("seeds:fixture", [
            Article("long", "example.com", long_title, "Alibaba said it would spend more.",
                    datetime.fromisoformat("2026-02-02T12:00:00+00:00"),
                    instruments=[Instrument("US01609W1027", "BABA", "Alibaba Group", primary=True)])])
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(pilot)
        await pilot.press("i")  # on the newest article: the long one
        await until(pilot, lambda: type(app.screen).__name__ == "InstrumentScreen")
        await settle(pilot)
        listing = app.screen.query_one("#instrument-articles", OptionList)
        assert listing.option_count == 2  # both Alibaba articles
        rows = ["".join(segment.text for segment in listing.render_line(y)) for y in range(listing.option_count + 1)]
    assert rows[0].rstrip().endswith("…") and "2026-02-02" in rows[0], rows
    assert "2026-01-29" in rows[1] and "Alibaba lifts cloud spending plan" in rows[1], rows  # not the first's tail
    assert not rows[2].strip(), rows


async def test_an_empty_lists_header_has_a_filled_lists_columns(make_app, tmp_path: Path) -> None:
    """An empty list measured no headline, so its header showed the source column and
    the full time at 80 columns, where a filled list leaves both out: on a new store,
    and for a filter typed to no hit (whose header then jumped)."""
    for width in (80, 120):
        app = make_app(db=tmp_path / f"new-{width}.sqlite3")
        async with app.run_test(size=(width, 30)) as pilot:
            await settle(pilot)
            articles = app.screen.query_one(ArticleList)
            assert articles.row_count == 0
            assert articles.column_keys == ["read", "time", "title", "ticker", "move"], width
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        filled = articles.column_keys
        assert articles.row_count and "source" not in filled
        await pilot.press("slash", *"zzzqqq", "enter")
        await until(pilot, lambda: articles.row_count == 0)
        await settle(pilot)
        assert articles.column_keys == filled
