"""Pilot tests: what a user sees and what sticks, driven through the keyboard."""

from __future__ import annotations

import io
from pathlib import Path

from pytest_httpserver import HTTPServer
from rich.console import Console
from textual.color import Color
from textual.command import CommandList
from textual.widgets import Input, Static

from tests.app.conftest import HOSTILE_TITLE, nvidia_articles, settle, until
from tui_reader.app.options import Delays
from tui_reader.app.screens.help import HelpScreen, help_rows
from tui_reader.app.widgets.article_list import PAGE_SIZE, ArticleList
from tui_reader.app.widgets.article_view import ArticleView
from tui_reader.app.widgets.instrument_list import InstrumentList
from tui_reader.app.widgets.status_line import StatusLine
from tui_reader.prices import yahoo
from tui_reader.store import Store


def _plain(renderable) -> str:
    """What the renderable shows, as text (wide, so nothing wraps mid-word)."""
    console = Console(width=400, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


def _rows(app) -> list[str]:
    return [s.title for s in app.screen.query_one(ArticleList).summaries]


async def test_starts_with_stored_articles_newest_first(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        titles = _rows(app)
        assert titles[0] == "Alibaba lifts cloud spending plan"
        assert titles[-1] == "SAP plans restructuring"
        view = app.screen.query_one(ArticleView)
        assert view.article is not None and view.article.id == "a01"
        assert view.chart is not None and view.chart.points, view.chart


async def test_navigation_across_panes(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.focused is app.screen.query_one(ArticleList)
        await pilot.press("j")
        await settle(pilot)
        assert app.screen.query_one(ArticleView).article.id == "a02"
        await pilot.press("G")
        await settle(pilot)
        assert app.screen.query_one(ArticleView).article.id == "a03"
        await pilot.press("g")
        # A pane takes focus after the next refresh (it may first have to be shown).
        view, instruments = app.screen.query_one(ArticleView), app.screen.query_one(InstrumentList)
        await pilot.press("l")
        await until(pilot, lambda: app.focused is view)
        await pilot.press("tab")
        await until(pilot, lambda: app.focused is instruments)
        await pilot.press("h")  # the leftmost pane: `h` stops there, Tab cycles
        await settle(pilot)
        assert app.focused is instruments
        await pilot.press("shift+tab")
        await until(pilot, lambda: app.focused is view)
        await pilot.press("shift+tab")
        await until(pilot, lambda: app.focused is app.screen.query_one(ArticleList))
        await pilot.press("shift+tab")
        await until(pilot, lambda: app.focused is instruments)


async def test_up_and_down_stop_at_the_ends_of_both_lists(make_app) -> None:
    """No pane wraps: Up pressed once too often on All must not select the last
    instrument (and filter the list to it), nor jump to the oldest article."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        articles, instruments = app.screen.query_one(ArticleList), app.screen.query_one(InstrumentList)
        await pilot.press("g", "k", "up")
        await settle(pilot)
        assert articles.cursor_row == 0
        await pilot.press("G", "j", "down")
        await settle(pilot)
        assert articles.cursor_row == articles.row_count - 1
        await pilot.press("shift+tab")
        await until(pilot, lambda: app.focused is instruments)
        await pilot.press("g", "k", "up")
        await settle(pilot)
        assert instruments.highlighted == 0 and app.screen.selection.kind == "all" and len(_rows(app)) == 5
        await pilot.press("G", "j", "down")
        await settle(pilot)
        assert instruments.highlighted == instruments.option_count - 1
        await pilot.press("k")
        assert instruments.highlighted == instruments.option_count - 2


async def test_space_pages_the_article_from_the_list_and_the_cursor_stays(make_app) -> None:
    """As in newsboat and mutt: read on with `space` while the list keeps the focus and
    its cursor; in the filter box a space is still a space."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        articles, view = app.screen.query_one(ArticleList), app.screen.query_one(ArticleView)
        await pilot.press("j")
        await settle(pilot)
        assert view.max_scroll_y > 0 and view.scroll_y == 0, "the article must be longer than its pane"
        await pilot.press("space")
        await until(pilot, lambda: view.scroll_y > 0)
        assert app.focused is articles and articles.cursor_row == 1 and view.article.id == "a02"
        await pilot.press("slash", *"five trillion")
        assert app.screen.query_one("#filter").value == "five trillion"


async def test_n_goes_to_the_next_unread_beyond_the_loaded_page_then_wraps_to_the_top(make_app, db_path: Path) -> None:
    """Unread: the first row and one past the first page. `n` reads the next page before
    it wraps, says when it wrapped, and says "none" only when nothing is unread."""
    with Store.open(db_path) as store:
        store.upsert_articles("seeds:more", nvidia_articles(PAGE_SIZE + 30, "datacenter"))
        for summary in store.articles(limit=1000):
            store.set_read(summary.id, summary.id not in ("a01", "a05"))
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        assert articles.current_id == "a01" and not articles.exhausted
        await pilot.press("n")
        await until(pilot, lambda: articles.current_id == "a05")
        assert articles.cursor_row == PAGE_SIZE + 33 and not app._notifications
        await pilot.press("n")
        await until(pilot, lambda: articles.current_id == "a01")
        assert [n.message for n in app._notifications] == ["Wrapped to the top: no unread article below."]
        await pilot.press("A")
        await until(pilot, lambda: not any(not s.read for s in articles.summaries))
        await pilot.press("n")
        await until(pilot, lambda: any(n.message == "No unread article in this list." for n in app._notifications))
        assert articles.current_id == "a01"


async def test_n_in_a_read_archive_loads_no_page_for_nothing(make_app, db_path: Path) -> None:
    """No unread article anywhere: `n` says so at once instead of reading every page of
    a long list to find none."""
    with Store.open(db_path) as store:
        store.upsert_articles("seeds:more", nvidia_articles(PAGE_SIZE + 30, "datacenter"))
        for summary in store.articles(limit=1000):
            store.set_read(summary.id, True)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        loaded = articles.row_count
        await pilot.press("n")
        await until(pilot, lambda: any(n.message == "No unread article in this list." for n in app._notifications))
        assert articles.row_count == loaded and not articles.exhausted


async def test_a_cursor_move_shows_the_loaded_ahead_article_within_the_key_press(make_app) -> None:
    """The article must change in the same handler as the cursor (no message round
    trip), or the screen paints the cursor alone and the article one refresh tick
    later: the difference between ~13 ms and ~45 ms per `j` in benchmarks/ui_bench.py."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)  # a02 has been loaded ahead of the cursor by now
        view = app.screen.query_one(ArticleView)
        app.screen.query_one(ArticleList).action_cursor_down()
        assert view.article is not None and view.article.id == "a02"


async def test_selecting_an_instrument_filters_the_list(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        instruments = app.screen.query_one(InstrumentList)
        await pilot.press("shift+tab")
        await until(pilot, lambda: app.focused is instruments)
        instruments.highlighted = instruments.get_option_index("inst:DE0007164600")
        await settle(pilot)
        assert _rows(app) == ["SAP plans restructuring"]
        await pilot.press("enter")  # the instrument's chart with its news (issue 12)
        await pilot.pause()
        assert type(app.screen).__name__ == "InstrumentScreen"
        await pilot.press("escape", "l")
        await until(pilot, lambda: app.focused is app.screen.query_one(ArticleList))


async def test_filter_by_ticker_and_by_isin_and_escape(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"ticker:baba", "enter")
        await settle(pilot)
        assert _rows(app) == ["Alibaba lifts cloud spending plan"]
        await pilot.press("slash")
        app.screen.query_one("#filter").value = ""
        await pilot.press(*"isin:US67066G1040", "enter")
        await settle(pilot)
        assert _rows(app) == ["Nvidia closes above five trillion dollars"]
        await pilot.press("escape")
        await settle(pilot)
        assert len(_rows(app)) == 5


async def test_slash_on_a_filter_puts_the_cursor_at_its_end_to_refine_it(make_app) -> None:
    """Refining is what `/` on a kept filter is for: the text is not selected (the first
    key would replace it), and the cursor is at its end wherever it was left."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"ticker:baba", "home", "enter")
        await settle(pilot)
        assert _rows(app) == ["Alibaba lifts cloud spending plan"]
        await pilot.press("slash")
        box = app.screen.query_one("#filter", Input)
        assert box.selection.is_empty and box.cursor_position == len("ticker:baba")
        await pilot.press(*" or ticker:nvda", "enter")
        await settle(pilot)
        assert box.value == "ticker:baba or ticker:nvda"
        assert sorted(_rows(app)) == ["Alibaba lifts cloud spending plan", "Nvidia closes above five trillion dollars"]


async def test_the_list_follows_the_filter_box_as_you_type(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"ticker:baba")
        # No Enter: the list follows once typing pauses.
        await until(pilot, lambda: _rows(app) == ["Alibaba lifts cloud spending plan"])
        await settle(pilot)
        assert app.focused is app.screen.query_one("#filter")  # still typing: the box keeps focus
        await pilot.press(*["backspace"] * len("ticker:baba"), *"nvidia")
        await until(pilot, lambda: _rows(app) == ["Nvidia closes above five trillion dollars"])
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert len(_rows(app)) == 5


async def test_star_and_read_persist_in_the_store(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("s")  # star the first article
        await pilot.press("j", "enter")  # open the second: read
        await settle(pilot)
        await pilot.press("h")
        await pilot.press("m", "m")  # unread, then read again
        await settle(pilot)
        assert "★" in app.screen.query_one("#instruments").get_option_at_index(2).prompt.plain
    with Store.open(db_path) as store:
        starred = store.articles(starred_only=True)
        unread = {s.id for s in store.articles(unread_only=True)}
    assert [s.id for s in starred] == ["a01"]
    assert "a02" not in unread and "a01" in unread


async def test_help_lists_the_bindings_with_user_keymap(make_app, config_file: Path) -> None:
    config_file.write_text(config_file.read_text() + '[keymap]\nstar = "x"\n')
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = {i: k for _, section in help_rows(app.binding_sections(), app.keymap, str) for k, _, i in section}
        assert rows["star"] == "x" and rows["filter"] == "slash"
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        # the remapped key works, the old one no longer stars
        await pilot.press("x")
        await settle(pilot)
        assert app.screen.query_one(ArticleList).summaries[0].starred


async def test_palette_jumps_to_an_instrument_by_isin(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"DE0007164600")
        await until(pilot, lambda: any("SAP" in str(o.prompt) for o in app.screen.query_one(CommandList).options))
        await pilot.press("enter")
        await settle(pilot)
        assert _rows(app) == ["SAP plans restructuring"]


async def test_theme_switch_recolours_and_unknown_theme_falls_back(make_app) -> None:
    app = make_app(theme="no-such-theme")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.theme == "terminal-amber"
        assert any("no-such-theme" in n.message for n in app._notifications)
        amber_up = app.theme_variables["price-up"]
        app.theme = "newsprint"
        await settle(pilot)
        assert app.theme_variables["price-up"] != amber_up
        assert app.screen.query_one(ArticleView).palette.up == app.theme_variables["price-up"]
        # on paper an inactive pane's border must stand out from the pane, not be near-white on cream
        border = app.screen.query_one("#instruments").styles.border_top[1]
        assert abs(border.brightness - Color.parse(app.theme_variables["surface"]).brightness) > 0.2


async def test_bad_theme_files_are_named_in_one_notification(make_app, tmp_path: Path) -> None:
    themes = tmp_path / "themes"
    themes.mkdir()
    (themes / "broken.toml").write_text('name = "broken"\nprimary = "not-a-colour"\n')
    (themes / "garbage.toml").write_text("this is = = not toml")
    (themes / "fine.toml").write_text('name = "fine"\nprimary = "#123456"\n')
    app = make_app(theme_dirs=[themes])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        messages = [n.message for n in app._notifications if "broken.toml" in n.message]
        assert len(messages) == 1 and "garbage.toml" in messages[0]
        assert "fine" in app.available_themes and "broken" not in app.available_themes


async def test_hostile_text_renders_literally_and_does_nothing(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"ticker:TSLA", "enter")
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        assert view.article.title == HOSTILE_TITLE
        # click on the row and on the title: nothing quits
        await pilot.click(ArticleList, offset=(40, 1))
        await pilot.click("#article-meta", offset=(3, 0))
        await settle(pilot)
        assert app.is_running
        meta = view.query_one("#article-meta").render()
        plain = str(meta)
        assert "[@click=app.quit]x[/]" in plain
        assert "\x1b" not in plain and "\x07" not in plain
        body = _plain(view.query_one("#article-text", Static).content)
        assert "[@click=app.quit]quit[/]" in body and "\x1b" not in body and "\x9b" not in body
        await pilot.press("o")  # the hostile article has no link: a notification, no crash
        await pilot.pause()
        assert app.is_running


async def test_open_link_refuses_non_http(make_app, monkeypatch) -> None:
    opened: list[str] = []
    monkeypatch.setenv("DISPLAY", ":0")  # a desktop session: the browser is used
    monkeypatch.delenv("SSH_CONNECTION", raising=False)
    monkeypatch.delenv("SSH_TTY", raising=False)
    app = make_app()
    monkeypatch.setattr(app, "open_url", lambda url, **_: opened.append(url))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await pilot.press("j", "o")  # javascript: link
        await pilot.pause()
        assert opened == ["https://example.com/baba"]
        assert any("not http" in n.message for n in app._notifications)


async def test_offline_start_fills_the_list_from_seed_files(make_app, tmp_path: Path, seeds_dir: Path) -> None:
    (seeds_dir / "baba-note.txt").write_text(
        "Alibaba opens a new data centre\n\nAlibaba Group (NYSE: BABA) said on Monday it opened a data centre.\n",
        encoding="utf-8",
    )
    empty = tmp_path / "empty.sqlite3"
    app = make_app(db=empty, poll=True, seed_scan_interval=0.2)
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: bool(_rows(app)), timeout=20)
        await settle(pilot)
        assert _rows(app) == ["Alibaba opens a new data centre"]
        assert app.screen.status.offline


async def test_failing_feed_is_a_notification_and_an_error_entry(
    make_app, config_file: Path, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/feed").respond_with_data("oops", status=500)
    config_file.write_text(config_file.read_text() + f'\n[[feeds]]\nurl = "{httpserver.url_for("/feed")}"\ntitle = "Broken feed"\n')
    app = make_app(offline=False, poll=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: bool(app.screen.status.errors), timeout=20)
        await settle(pilot)
        assert app.is_running
        assert [title for title, _ in app.screen.status.errors] == ["Broken feed"]
        assert any("Broken feed" in n.message for n in app._notifications)
        await pilot.press("e")
        await pilot.pause()
        assert type(app.screen).__name__ == "ErrorsScreen"


async def test_a_seed_file_dropped_after_start_appears_and_keeps_the_cursor(make_app, seeds_dir: Path) -> None:
    app = make_app(poll=True, seed_scan_interval=0.2)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        assert app.screen.query_one(ArticleView).article.id == "a02"
        (seeds_dir / "late.txt").write_text(
            "Nvidia opens a new lab\n\nNVIDIA (NASDAQ: NVDA) said on Monday it opened a lab.\n", encoding="utf-8"
        )
        await until(pilot, lambda: bool("Nvidia opens a new lab" in _rows(app)), timeout=20)
        await settle(pilot)
        assert "Nvidia opens a new lab" in _rows(app)
        assert app.screen.query_one(ArticleList).current_id == "a02"


async def test_skipped_seed_files_are_counted_in_the_status_and_listed_by_e(make_app, tmp_path: Path, seeds_dir: Path) -> None:
    (seeds_dir / "note.txt").write_text("Apple opens a store\n\nApple (NASDAQ: AAPL) opened a store.\n", encoding="utf-8")
    (seeds_dir / "blob.txt").write_bytes(b"\x00\x01\x02 binary \x00" * 50)
    (seeds_dir / "empty.txt").write_text("", encoding="utf-8")
    app = make_app(db=tmp_path / "empty.sqlite3", poll=True, seed_scan_interval=0.2)
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: bool(app.screen.status.skipped), timeout=20)
        await settle(pilot)
        assert app.screen.status.skipped == 2
        assert _rows(app) == ["Apple opens a store"]
        await pilot.press("e")
        await pilot.pause()
        assert type(app.screen).__name__ == "ErrorsScreen"
        assert sorted(Path(p).name for p in app.screen.skipped) == ["blob.txt", "empty.txt"]


async def test_a_dead_network_with_no_feeds_is_said_once_in_the_status_line(make_app, monkeypatch) -> None:
    calls: list[str] = []

    def dead_network(symbol, start, end, timeout):
        calls.append(symbol)
        raise yahoo.Unreachable("cannot reach Yahoo (ConnectError)")

    monkeypatch.setattr(yahoo, "fetch_daily", dead_network)
    app = make_app(offline=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        status = app.screen.query_one(StatusLine)
        assert app.screen.status.live_prices == "Yahoo unreachable"
        line = _plain(status.render())
        assert line.startswith("5 of 5 articles · no feeds configured; seed folders watched · Yahoo unreachable: prices from cache")
        assert "OFFLINE" not in line
        # The CSV still draws Alibaba's chart; the network is not asked again per article.
        assert app.screen.query_one(ArticleView).chart.points
        for _ in range(4):
            await pilot.press("j")
            await settle(pilot)
        # Once for the chart; the quote strip asks once per watchlist entry at start-up.
        assert calls and set(calls) <= {"BABA", "NVDA"} and len(calls) <= 2
        assert app.screen.status.live_prices == "Yahoo unreachable"
        assert not [n for n in app._notifications if "Yahoo" in n.message]
        # Going offline says so instead; coming back forgets the old answer until Yahoo is asked.
        app.action_toggle_offline()
        await settle(pilot)
        assert "Yahoo" not in _plain(status.render()) and "OFFLINE" in _plain(status.render())


def test_instrument_rows_keep_long_yahoo_symbols_whole() -> None:
    from tui_reader.app.widgets.instrument_list import instrument_row, ticker_width
    from tui_reader.store.queries import InstrumentSummary

    samsung = InstrumentSummary("KR7005930003", "KR7005930003", "005930.KS", "Samsung Electronics", 3, 3, None)
    sap = InstrumentSummary("DE0007164600", "DE0007164600", "SAP.DE", "SAP SE", 1, 1, None)
    cells = ticker_width([samsung, sap])
    assert cells == 9
    rows = [instrument_row(item, 38, cells).plain for item in (samsung, sap)]
    assert rows[0].startswith("005930.KS KR7005930003 Samsung")
    assert rows[1].startswith("SAP.DE    DE0007164600 SAP SE")
    assert {len(row) for row in rows} == {38}
    assert ticker_width([sap]) == 7
    # a compact pane: tickers and counts only, for short names too (no stubs, no mixed rows)
    alphabet = InstrumentSummary("US02079K3059", "US02079K3059", "GOOGL", "Alphabet Inc. Class A", 1, 1, None)
    assert instrument_row(alphabet, 18, 7).plain.split() == ["GOOGL", "1/1"]
    assert instrument_row(sap, 18, 7).plain.split() == ["SAP.DE", "1/1"]
    assert len(instrument_row(sap, 18, 7).plain) == 18


async def test_a_list_longer_than_a_page_reads_each_page_once(make_app, db_path: Path) -> None:
    """Clearing or rebuilding the table moves its cursor to the top of an empty table;
    that must not ask for more rows. It once asked for page 0, whose arrival cleared the
    table again: every reload of a 200+ row list became an endless loop of page reads."""
    with Store.open(db_path) as store:
        store.upsert_articles("seeds:more", nvidia_articles(PAGE_SIZE + 30, "datacenter"))
    # Typing never pauses long enough to filter: only Enter reloads the list.
    app = make_app(delays=Delays(chart=0.001, filter=60, plot=0.001))
    offsets: list[int] = []
    page = app.library.page
    app.library.page = lambda selection, flt, offset=0, limit=500: (offsets.append(offset), page(selection, flt, offset, limit))[1]
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        await pilot.press("j", "j")
        await settle(pilot)
        current = articles.current_id
        await pilot.resize_terminal(100, 30)  # the title column changes width: rows rebuilt
        await settle(pilot)
        assert offsets == [0] and articles.row_count == PAGE_SIZE and articles.current_id == current
        await pilot.press("slash", *"datacenter", "enter")  # a reload
        await settle(pilot)
        assert offsets == [0, 0] and articles.row_count == PAGE_SIZE
        await pilot.press("G")  # near the end: the second page is read, once
        await settle(pilot)
        assert offsets == [0, 0, PAGE_SIZE] and articles.row_count == PAGE_SIZE + 30


async def test_every_built_in_theme_starts_and_draws(make_app) -> None:
    """Textual's ANSI themes name colours `ansi_magenta`, which Rich cannot parse: the
    key bar once crashed the app at start-up with them (and the theme is remembered)."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:  # small: each theme redraws every widget
        await settle(pilot)
        for name in sorted(app.available_themes):
            app.theme = name
            app.screen.refresh()
            await pilot.pause()
        assert app.is_running
        assert app.theme == sorted(app.available_themes)[-1]
