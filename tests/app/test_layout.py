"""Issue 10: whole headlines at every width, verdicts never cut, focus that matches what
is on screen. Run on the bundled sample seeds, whose headlines are 48 to 83 characters."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets import Static

from tests.app.conftest import REPO, settle, until
from tui_reader.app.chart_data import ChartData, ClaimLine
from tui_reader.app.widgets.article_list import ArticleList
from tui_reader.app.widgets.article_view import ArticleView
from tui_reader.app.widgets.filter_box import FilterBox
from tui_reader.app.widgets.instrument_list import InstrumentList
from tui_reader.app.widgets.key_bar import KeyBar
from tui_reader.app.widgets.status_line import StatusLine
from tui_reader.store import Store

SIZES = [(80, 24), (120, 36), (160, 48), (200, 50)]


def _cell_text(articles: ArticleList, row_key: str, column: str) -> str:
    """What the cell shows: rendered into the column's width as the table renders it, so
    a cell that would crop without "…" is seen cropped."""
    width = next(c.width for key, c in articles.columns.items() if key.value == column)
    console = articles.app.console
    lines = console.render_lines(articles.get_cell(row_key, column), console.options.update_width(width), pad=False)
    return "".join(segment.text for segment in lines[0]).strip()


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_headlines_take_the_free_width_and_nothing_scrolls_sideways(make_app, bundled_db: Path, size) -> None:
    app = make_app(db=bundled_db, seed_dirs=[REPO / "seeds"])
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        assert articles.row_count >= 14
        # Nothing wider than the pane: no sideways scrolling.
        assert articles.max_scroll_x == 0, (articles.virtual_size, articles.size)
        assert sum(c.width for c in articles.columns.values()) <= articles.size.width
        title_width = next(c.width for key, c in articles.columns.items() if key.value == "title")
        wanted = 40 if size[0] < 120 else 60
        for summary in articles.summaries:
            shown = _cell_text(articles, summary.id, "title")
            if shown != summary.title:  # cut only past `wanted`, with "…" saying so
                assert len(summary.title) > wanted and shown.endswith("…") and len(shown) >= wanted, (size, shown)
        assert title_width - 1 >= wanted
        # Ticker and move are whole: "9988.HK", "-30.00 %".
        for summary in articles.summaries:
            assert _cell_text(articles, summary.id, "ticker") == (summary.primary_ticker or "")
            assert "…" not in _cell_text(articles, summary.id, "move")


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_a_cut_starred_headline_ends_in_an_ellipsis(make_app, bundled_db: Path, size) -> None:
    """The star takes two of the title's cells; a headline cut for it still says so,
    with or without a filter (which changes the column widths)."""
    with Store.open(bundled_db) as store:
        for summary in store.articles():
            store.set_starred(summary.id)
    app = make_app(db=bundled_db, seed_dirs=[REPO / "seeds"])
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        for query in ("", "ticker:AMZN"):
            if query:
                await pilot.press("slash", *query, "enter")
                await settle(pilot)
            assert articles.row_count and all(s.starred for s in articles.summaries)
            cut = 0
            for summary in articles.summaries:
                shown = _cell_text(articles, summary.id, "title")
                if shown != f"★ {summary.title}":
                    cut += 1
                    assert shown.startswith("★ ") and shown.endswith("…"), (size, query, shown)
            # Up to 120 columns the longest sample headlines (83 characters) are cut.
            assert cut or size[0] > 120, (size, query)


def test_columns_give_way_in_order_for_the_headline() -> None:
    from tui_reader.app.list_columns import ContentWidths, layout

    content = ContentWidths(title=83, source=25, ticker=9, move=8)
    keys = lambda width: [c.key for c in layout(width, content)[0]]  # noqa: E731
    assert keys(140) == ["read", "time", "source", "title", "ticker", "move"]
    # The source goes first (the article pane names it); the clock keeps its place.
    assert keys(110) == ["read", "time", "title", "ticker", "move"] and layout(110, content)[1] is True
    # Then the time takes its compact form, and the date stays even at 80 columns.
    assert keys(77) == ["read", "time", "title", "ticker", "move"] and layout(77, content)[1] is False
    assert keys(40) == ["read", "title", "ticker", "move"]  # a headline of 20 cells comes first
    for width in (40, 60, 77, 93, 117, 180):
        columns, _ = layout(width, content)
        assert sum(c.width + 1 for c in columns) - 1 <= width  # gaps included
    # Short headlines leave room: every column stays.
    short = ContentWidths(title=30, source=10, ticker=4, move=8)
    assert [c.key for c in layout(77, short)[0]] == ["read", "time", "source", "title", "ticker", "move"]


def test_another_lines_name_beside_its_move_gives_way_before_the_headline() -> None:
    """`SAP +10.53 %` needs four cells more than `+10.53 %*`: the name shows while the
    headline keeps what it wants, beside the full time or the compact one; below that
    the mark. The source still goes first, and a wider list never shows less."""
    from tui_reader.app.list_columns import ContentWidths, layout

    content = ContentWidths(title=83, source=18, ticker=9, move=9, named_move=12)

    def shown(width: int) -> tuple[list[str], bool, bool]:
        columns, full_time = layout(width, content)
        move = next(c.width for c in columns if c.key == "move")
        return [c.key for c in columns if c.key != "read"], full_time, move >= 12

    assert shown(160) == (["time", "source", "title", "ticker", "move"], True, True)
    assert shown(120) == (["time", "title", "ticker", "move"], True, True)
    assert shown(100) == (["time", "title", "ticker", "move"], False, True)
    assert shown(92) == (["time", "title", "ticker", "move"], False, False)  # the headline keeps 60
    assert shown(77) == (["time", "title", "ticker", "move"], False, False)
    ranks = [(len(keys), full, named) for keys, full, named in map(shown, range(40, 200))]
    assert all(a[i] <= b[i] for a, b in zip(ranks, ranks[1:], strict=False) for i in range(3)), ranks


def test_the_compact_time_drops_only_this_year() -> None:
    from tui_reader.app.list_columns import compact_time

    assert compact_time("2026-12-06 08:00", 2026) == "12-06 08:00"
    assert compact_time("2025-10-31 21:10", 2026) == "2025-10-31"
    assert compact_time("2026-03-01", 2026) == "03-01"  # a date-only article
    assert compact_time("—", 2026) == "—"


def _shown(articles: ArticleList) -> tuple[int, int]:
    """How much of each row the list shows: the time (0 none, 1 compact, 2 full) and
    whether the source is there."""
    keys = articles.column_keys
    time = 0 if "time" not in keys else 2 if articles._full_time else 1
    return time, int("source" in keys)


async def test_a_wider_terminal_never_shows_less_of_the_list(make_app, bundled_db: Path) -> None:
    """A user's pass: the source showed at 185 columns only, and from 190 (the article
    beside the list) the list lost its clock again. Now each step wider keeps every
    column a narrower terminal showed, and the date is there even at 80 columns."""
    app = make_app(db=bundled_db, seed_dirs=[REPO / "seeds"])
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        seen: dict[int, tuple[int, int]] = {}
        # 110 is where the instrument pane joins (a narrower terminal hides it): counted
        # from there, as the narrow widths below it are on their own.
        for widths in ((80, 90, 100, 109), (110, 120, 140, 160, 169, 170, 200, 229, 230, 240, 280)):
            last = (0, 0)
            for width in widths:
                await pilot.resize_terminal(width, 30)
                await settle(pilot)
                seen[width] = _shown(articles)
                assert seen[width] >= last and seen[width][0] >= last[0], (width, seen)
                last = seen[width]
        assert seen[80] == (1, 0) and seen[120] == (1, 0)  # `12-06 08:00` or `2025-10-31`
        assert seen[160] == seen[200] == seen[240] == (2, 1)  # `2026-02-06 21:27`, and the source
        time = next(s for s in articles.summaries if s.published and s.published.year < 2026)
        assert _cell_text(articles, time.id, "time").startswith(f"{time.published:%Y-%m-%d}")


def _rendered(renderable, width: int) -> str:  # noqa: ANN001
    console = Console(width=width, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


async def test_claim_verdicts_and_figure_context_are_shown_whole(make_app, bundled_db: Path) -> None:
    app = make_app(db=bundled_db, seed_dirs=[REPO / "seeds"])
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"ticker:BABA", "enter")
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        claims = view.chart.claims if view.chart else []
        assert claims, "the Alibaba sample states moves to check"
        width = view.query_one("#article-text", Static).content_region.width
        text = _rendered(view.query_one("#article-text", Static).content, width)
        flat = " ".join(text.split())
        for claim in claims:
            for part in (claim.result, claim.computed, claim.stated):
                if part:
                    assert " ".join(part.split()) in flat, (part, width)
        # Each figure's context is its own neighbourhood: no two alike in this article.
        contexts = re.findall(r"(?m)^\S+\s+\S.*?\s{2,}(….*)$", text)
        assert len(contexts) >= 5 and len(set(contexts)) == len(contexts)


def test_claims_wrap_at_words_in_a_narrow_pane() -> None:
    from tui_reader.app.article_text import Palette, claims_block

    chart = ChartData("BABA", claims=[
        ClaimLine("12 months", "up 56.94%", "+53.82 %", "BABA USD", "gap -3.12 pp", False, "2025-01-29 → 2026-01-29"),
        ClaimLine("1 trading day", "down 0.8%", "-0.80 %", "BABA USD", "agrees", True, "2026-01-28 → 2026-01-29"),
        ClaimLine("5 years", "up 40%", "prices do not reach back", "BABA USD", "", None),
    ])
    text = _rendered(claims_block(chart, Palette()), 44)
    flat = " ".join(text.split())
    for whole in ("gap -3.12 pp", "agrees", "prices do not reach back", "2025-01-29 → 2026-01-29"):
        assert whole in flat
    assert "…" not in text


def test_figure_context_is_the_words_around_it() -> None:
    from tui_reader.app.article_text import figure_context

    body = "Alibaba said it will spend more than 380 billion yuan on cloud and AI. The shares rose 56.94% over twelve months."
    start = body.index("56.94%")
    assert figure_context(body, start, start + 6, words=3) == "…The shares rose 56.94% over twelve months."
    start = body.index("380 billion")
    assert figure_context(body, start, start + 16, words=2) == "…more than 380 billion yuan on cloud…"
    # the heading above the paragraph is not part of the figure's neighbourhood
    body = "Results\n\nWhat the Market Says\n\nThe shares closed at $174.25 on Thursday.\n\nMore text here."
    start = body.index("$174.25")
    assert figure_context(body, start, start + 7, words=5) == "The shares closed at $174.25 on Thursday."


def _visible(app, widget) -> bool:  # noqa: ANN001
    """On screen: displayed itself and all its ancestors, with a non-empty region."""
    node = widget
    while node is not None and node is not app.screen:
        if not node.display:
            return False
        node = node.parent
    return widget.region.width > 0 and widget.region.height > 0


async def test_focus_and_visibility_agree_in_a_narrow_terminal(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        instruments = app.screen.query_one(InstrumentList)
        articles = app.screen.query_one(ArticleList)
        assert app.focused is articles and not _visible(app, instruments)
        await pilot.press("shift+tab")
        await until(pilot, lambda: app.focused is instruments)
        assert _visible(app, instruments)
        await pilot.press("j", "j", "j", "j", "l")  # a watchlist entry or instrument: to its news (Enter charts it)
        await until(pilot, lambda: app.focused is articles)
        await pilot.pause()
        assert _visible(app, articles) and not _visible(app, instruments)
        # Every way out of the pane: focus and what is shown stay together.
        for keys in (("h",), ("tab",), ("shift+tab",), ("escape",), ("l",), ("slash",), ("escape",)):
            await pilot.press(*keys)
            await until(pilot, lambda: app.focused is not None and _visible(app, app.focused))


@pytest.mark.parametrize("size", [(120, 36), (80, 24)], ids=["three panes", "narrow"])
async def test_h_and_l_stop_at_the_outer_panes_and_tab_cycles(make_app, size) -> None:
    """`h`/`l` point at a side: past the outer pane there is nothing (a wrap threw the
    focus across the screen, and in a narrow terminal hid the instruments `h` had just
    shown); Tab and Shift+Tab still cycle."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = app.screen
        instruments, articles = screen.query_one(InstrumentList), screen.query_one(ArticleList)
        article = screen.query_one(ArticleView)

        async def press(key: str, expected) -> None:  # noqa: ANN001
            await pilot.press(key)
            await settle(pilot)
            assert app.focused is expected, key
            assert _visible(app, expected), key

        assert app.focused is articles
        for key, expected in (("h", instruments), ("h", instruments), ("left", instruments),
                              ("l", articles), ("l", article), ("l", article),
                              ("tab", instruments), ("shift+tab", article)):
            await press(key, expected)


async def test_footer_keeps_help_and_status_keeps_the_count_at_80x24(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(KeyBar).render().plain
        assert "? Help" in footer and "q Quit" in footer and len(footer) <= 80
        status = app.screen.query_one(StatusLine)
        line = status.render()
        line.truncate(status.content_region.width)
        assert "5 of 5 articles" in line.plain


def test_a_theme_without_the_palette_variables_gets_the_default_colours() -> None:
    """Regression (issue 13): the fallbacks were the dataclass's slot descriptors, which
    crashed Rich as soon as an article was drawn under such a theme."""
    from tui_reader.app.article_text import Palette

    palette = Palette.from_variables({})
    assert palette == Palette()
    assert all(isinstance(getattr(palette, f), str) for f in ("up", "down", "figure", "instrument", "muted"))
    assert Palette.from_variables({"price-up": "ansi_bright_green"}).up == "bright_green"


async def test_headlines_stay_whole_at_every_width_from_120_to_200(make_app, bundled_db: Path) -> None:
    """The "done when" of issue 10 between the four snapshot sizes, the layout's
    breakpoints (170 compact, 230 wide) included: one app, resized step by step."""
    app = make_app(db=bundled_db, seed_dirs=[REPO / "seeds"])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        for width in (120, 130, 140, 150, 169, 170, 180, 200, 229, 230, 240):
            await pilot.resize_terminal(width, 40)
            await settle(pilot)
            assert articles.max_scroll_x == 0, width
            for summary in articles.summaries:
                shown = _cell_text(articles, summary.id, "title")
                assert shown == summary.title or (len(summary.title) > 60 and len(shown) >= 60), (width, shown)


def _words(text: str) -> list[str]:
    return text.split()


async def test_nothing_in_the_article_pane_is_cut_mid_word(make_app, bundled_db: Path) -> None:
    """Every bundled article in the narrowest article pane (at 80 columns; beside the
    list from 230 columns it is a few cells wider): the heading, each figure's
    value and the body wrap at words; no word is cut or loses its end to an ellipsis."""
    from tui_reader.app.formatting import format_figure

    size = (80, 30)
    app = make_app(db=bundled_db, seed_dirs=[REPO / "seeds"])
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        view = app.screen.query_one(ArticleView)
        for row in range(articles.row_count):
            articles.move_cursor(row=row, animate=False)
            await settle(pilot)
            article = view.article
            assert article is not None
            parts = {}
            for part in ("#article-meta", "#article-text"):
                static = view.query_one(part, Static)
                parts[part] = _rendered(static.content, static.content_region.width)
            shown = _words(parts["#article-meta"] + parts["#article-text"])
            flat = " ".join(shown)
            for word in _words(article.title) + _words(article.body):
                assert word in shown, (size, article.id, word)
            for figure in article.figures:
                assert " ".join(format_figure(figure).split()) in flat, (size, article.id, format_figure(figure))


@pytest.mark.parametrize("size", [(120, 36), (160, 48)], ids=["compact", "full"])
async def test_watchlist_rows_keep_to_one_line(make_app, size) -> None:
    """A followed instrument's row ("» AMZN Amazon.com Inc. 2/2") shortens its name
    rather than wrap its count onto a second line in the compact pane."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        instruments = app.screen.query_one(InstrumentList)
        width = instruments.scrollable_content_region.width
        watch = [o for o in instruments.options if (o.id or "").startswith("watch:")]
        assert len(watch) == 2
        for option in watch:
            assert len(option.prompt.plain) <= width, (option.prompt.plain, width)
            assert option.prompt.plain.endswith("/1")  # the count is never the part cut


async def test_b_unfolds_the_removed_boilerplate_into_view(make_app, bundled_db: Path) -> None:
    """The removed paragraphs are listed at the article's end: `b` shows them there, not
    below the screen where a second key would be needed to see what the first did."""
    app = make_app(db=bundled_db, seed_dirs=[REPO / "seeds"])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        assert view.article is not None and view.article.removed, "the newest sample has a promotion block"
        assert view.scroll_y == 0
        view.focus()
        await pilot.press("b")
        await settle(pilot)
        body = view.query_one("#article-text", Static)
        text = " ".join(_rendered(body.content, body.content_region.width).split())
        assert view.show_removed and "promotional line" in text
        assert view.max_scroll_y > 0 and view.scroll_y == view.max_scroll_y


async def test_a_screenshot_goes_where_articles_are_saved(make_app, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """Textual's default folder, Downloads, may not exist: the screenshot goes to the
    reader's saved folder, which is made when missing."""
    monkeypatch.setenv("TUI_READER_HOME", str(tmp_path / "home"))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.action_screenshot(filename="shot.svg")
        shot = tmp_path / "home" / "saved" / "shot.svg"
        # The file appears before it is written out: wait for the whole picture.
        await until(pilot, lambda: shot.is_file() and shot.read_text().rstrip().endswith("</svg>"))
        assert shot.read_text().startswith("<svg")


async def test_a_huge_pasted_article_opens_and_says_what_is_not_shown(make_app, db_path: Path, tmp_path: Path) -> None:
    """A 1.5 MB seed (under the 5 MB limit), read the way the app reads a folder: shown
    up to `READ_LIMIT`, the key figures table capped, and the reader still answers keys."""
    from tui_reader.extract import READ_LIMIT
    from tui_reader.sources.poll import poll_seed_folder

    folder = tmp_path / "pasted"
    folder.mkdir()
    line = "Acme Corp rose 1% to $200 on 3 March 2026. "
    (folder / "dump.txt").write_text("A pasted data dump\n\nDate: 2026-03-04\n\n" + line * 35_000)
    with Store.open(db_path) as store:
        assert poll_seed_folder(folder, store).new == 1
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"dump", "enter")
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        assert view.article is not None and len(view.article.body) > 3 * READ_LIMIT
        text = _rendered(view.query_one("#article-text", Static).content, 100)
        assert "more characters are stored but not shown" in text
        shown = text[:text.rindex("…", 0, text.index("more characters are stored"))].split()
        assert shown[-1] in line.split(), shown[-1]  # the cut at a word's end, never inside one
        assert "more key figures (extract --json lists them all)" in text
        await pilot.press("escape")  # the reader still answers
        await until(pilot, lambda: app.screen.query_one(FilterBox).value == "")


async def test_wide_screens_give_names_and_headlines_the_cells_they_have(make_app, bundled_db: Path) -> None:
    """At 200 columns the instrument pane cut company names at 40 cells ("Amazon.c…",
    "Samsung …") while the list's headline column had cells to spare; at 240 the list
    kept 125 cells and cut headlines at 64 characters beside an article pane of 91. The
    list gets what shows its longest headline whole while the other panes keep their
    minimum, the instrument pane what is left, up to its longest name."""
    app = make_app(db=bundled_db, seed_dirs=[REPO / "seeds"])
    async with app.run_test(size=(170, 50)) as pilot:
        await settle(pilot)
        instruments = app.screen.query_one(InstrumentList)
        articles = app.screen.query_one(ArticleList)
        assert instruments.outer_size.width == 40  # no room to spare yet: as before

        def names() -> list[str]:
            return [str(o.prompt) for o in instruments.options if (o.id or "").startswith("inst:")]

        await pilot.resize_terminal(200, 50)
        await settle(pilot)
        assert instruments.outer_size.width > 40
        for name in ("Amazon.com Inc.", "Samsung Electronics", "Tencent Holdings", "Toyota Motor", "ASML Holding"):
            assert any(name in row for row in names()), (name, names())
        for summary in articles.summaries:  # and the list still shows every headline whole
            assert _cell_text(articles, summary.id, "title") == summary.title
        assert "source" in articles.column_keys and articles.max_scroll_x == 0
        await pilot.resize_terminal(240, 50)
        await settle(pilot)
        article = app.screen.query_one(ArticleView)
        assert article.outer_size.width >= 81 and articles.max_scroll_x == 0
        title = next(c.width for key, c in articles.columns.items() if key.value == "title")
        assert title >= 70, title  # was 64
        for summary in articles.summaries:
            shown = _cell_text(articles, summary.id, "title")
            assert shown == summary.title or (len(summary.title) >= title and len(shown) == title - 1), shown  # its gap
        await pilot.resize_terminal(260, 50)  # room for the longest one: whole, the article takes the rest
        await settle(pilot)
        for summary in articles.summaries:
            assert _cell_text(articles, summary.id, "title") == summary.title
        assert article.outer_size.width > 81


def test_pane_widths_share_the_screen_by_what_each_shows_whole() -> None:
    from tui_reader.app.pane_widths import instruments_width, list_width

    assert instruments_width(160, 148, 60) is None  # compact below 170: app.tcss's 24
    assert instruments_width(170, 148, 60) == 40  # never below the full pane's 40
    assert instruments_width(200, 148, 60) == 52  # what the list leaves
    assert instruments_width(229, 148, 60) == 60  # up to every name whole
    assert instruments_width(230, 148, 60) is None  # beside the article: compact again
    assert list_width(229, 148) is None
    assert list_width(230, 148) == 125  # the article keeps 81
    assert list_width(240, 148) == 135
    assert list_width(300, 148) == 148  # every headline whole; the article takes the rest
    assert list_width(300, 100) == 125  # never below 125
