"""Issue 10, item 9: themes and keymaps that keep their promises, an honest OFFLINE,
undated notes in their place, and a start without a terminal that does not spin."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from rich.color import Color, ColorSystem

from tests.app.conftest import REPO, settle, until
from tui_reader.app.themes import theme_from_mapping
from tui_reader.app.widgets.article_list import ArticleList
from tui_reader.app.widgets.status_line import StatusLine
from tui_reader.config_default import DEFAULT_THEME
from tui_reader.sources.poll import poll_seed_folder
from tui_reader.store import Store


async def test_the_chosen_theme_is_remembered(make_app, config_file: Path) -> None:
    app = make_app(theme=None)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.theme == "terminal-amber"
        app.theme = "newsprint"
        await until(pilot, lambda: tomllib.loads(config_file.read_text())["theme"] == "newsprint")
    assert "watchlist" in config_file.read_text()  # the rest of the file is kept
    again = make_app(theme=None)
    async with again.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert again.theme == "newsprint"


async def test_an_unknown_theme_falls_back_to_the_default_and_says_so(make_app) -> None:
    app = make_app(theme="no-such-theme")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.theme == DEFAULT_THEME
        assert any("no-such-theme" in n.message for n in app._notifications)


async def test_keymap_mistakes_are_named_and_quit_stays(make_app, config_file: Path) -> None:
    config_file.write_text(config_file.read_text() + '[keymap]\nno_such_binding = "x"\nstar = "q"\nrefresh = "ctrl+r"\n')
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        messages = " ".join(n.message for n in app._notifications)
        assert "no_such_binding" in messages and "star" in messages and "quit" in messages
        assert app.keymap == {"refresh": "ctrl+r"}
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_offline_is_shown_only_when_offline(make_app, config_file: Path, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed").respond_with_data("oops", status=500)
    config_file.write_text(config_file.read_text() + f'\n[[feeds]]\nurl = "{httpserver.url_for("/feed")}"\n')
    app = make_app(offline=False, poll=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: bool(app.screen.status.errors) and not app.screen.status.running, timeout=20)
        await settle(pilot)
        line = app.screen.query_one(StatusLine).render().plain
        assert "OFFLINE" not in line and "1 error" in line


def _pinkish(colour: str) -> bool:
    r, g, b = Color.parse(colour).downgrade(ColorSystem.EIGHT_BIT).get_truecolor()
    return r - g >= 30 and abs(g - b) <= 20 and r > 150


@pytest.mark.parametrize("path", sorted((REPO / "themes").glob("*.toml")), ids=lambda p: p.stem)
def test_theme_backgrounds_keep_their_hue_in_256_colours(path: Path) -> None:
    """A 256-colour terminal gets the nearest palette colour: #efeadf became pink 224."""
    colours = theme_from_mapping(tomllib.loads(path.read_text())).to_color_system().generate()
    for name in ("background", "surface", "panel"):
        if name in colours:
            assert not _pinkish(colours[name].split()[0]), (name, colours[name])


def _contrast_in_256_colours(one: Color, other: Color) -> float:
    """The WCAG contrast ratio of two colours as a 256-colour terminal shows them."""
    def luminance(colour: Color) -> float:
        channels = [c / 255 for c in colour.downgrade(ColorSystem.EIGHT_BIT).get_truecolor()]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


async def test_the_instruments_rule_shows_on_light_themes_and_dark_ones_keep_theirs(make_app) -> None:
    """The line between the views and the instruments was Textual's $foreground 15%:
    251 on cream 230 under newsprint, all but invisible. Light themes draw it darker;
    dark themes keep Textual's colour."""
    from textual.color import Color as TextualColor

    from tui_reader.app.widgets.instrument_list import InstrumentList

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        for theme in ("newsprint", "textual-light", "terminal-amber", "deep-sea", "textual-dark", "newsprint"):
            app.theme = theme
            await settle(pilot)
            instruments = app.screen.query_one(InstrumentList)
            rule = next(segment for y in range(instruments.size.height)
                        for segment in instruments.render_line(y) if "───" in segment.text)
            assert rule.style is not None and rule.style.color is not None and rule.style.bgcolor is not None
            if app.current_theme.dark:
                variables = app.theme_variables
                textual = TextualColor.parse(variables["surface"]).blend(TextualColor.parse(variables["foreground"]), 0.15)
                assert rule.style.color.triplet == textual.rich_color.triplet, theme
            else:
                assert _contrast_in_256_colours(rule.style.color, rule.style.bgcolor) >= 2.0, theme


def test_an_undated_note_sorts_by_its_file_time(tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "dated.txt").write_text("A dated note\n2025-06-01\n\nSomething about Nvidia.\n", encoding="utf-8")
    undated = folder / "undated.txt"
    undated.write_text("An undated note from 2024\n\nSomething about Apple.\n", encoding="utf-8")
    old = time.mktime((2024, 3, 1, 12, 0, 0, 0, 0, -1))
    os.utime(undated, (old, old))
    with Store.open(tmp_path / "s.sqlite3") as store:
        poll_seed_folder(folder, store)
        titles = [s.title for s in store.articles()]
    assert titles == ["A dated note", "An undated note from 2024"]


async def test_the_list_puts_undated_notes_after_newer_articles(make_app, db_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    note = folder / "note.txt"
    note.write_text("An old undated note\n\nAlibaba notes.\n", encoding="utf-8")
    old = time.mktime((2025, 1, 1, 12, 0, 0, 0, 0, -1))
    os.utime(note, (old, old))
    with Store.open(db_path) as store:
        poll_seed_folder(folder, store)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        titles = [s.title for s in app.screen.query_one(ArticleList).summaries]
        assert titles.index("An old undated note") > titles.index("Alibaba lifts cloud spending plan")


def test_without_a_terminal_it_says_so_and_exits(tmp_path: Path) -> None:
    env = {**os.environ, "TUI_READER_HOME": str(tmp_path)}
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "tui_reader", "--offline"], stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=30, env=env)
    assert done.returncode == 2 and "needs a terminal" in done.stderr
    assert time.monotonic() - started < 20


def test_with_standard_error_redirected_it_says_why_the_screen_would_stay_blank(tmp_path: Path) -> None:
    import pty

    env = {**os.environ, "TUI_READER_HOME": str(tmp_path)}
    leader, follower = pty.openpty()  # a terminal for stdin and stdout, as in `tui-reader 2>log`
    try:
        done = subprocess.run([sys.executable, "-m", "tui_reader", "--offline"], stdin=follower, stdout=follower,
                              stderr=subprocess.PIPE, text=True, timeout=30, env=env)
    finally:
        os.close(follower)
        os.close(leader)
    assert done.returncode == 2 and "draws on standard error" in done.stderr


def test_version() -> None:
    done = subprocess.run([sys.executable, "-m", "tui_reader", "--version"], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0 and done.stdout.startswith("tui-reader ")


async def test_the_sort_order_is_kept_for_the_next_start(make_app, config_file: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("O")  # by move
        await until(pilot, lambda: tomllib.loads(config_file.read_text()).get("sort") == "move")
    again = make_app()
    async with again.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        articles = again.screen.query_one(ArticleList)
        assert articles.sort_by == "move"
        # The moves arrive after the rows: the list opens on its biggest rise, at the top.
        await until(pilot, lambda: bool(articles._moves))
        await settle(pilot)
        assert articles.cursor_row == 0


def test_a_sort_the_config_does_not_know_is_named(tmp_path: Path) -> None:
    from tui_reader.config import ConfigError, parse_config

    with pytest.raises(ConfigError, match=r"sort: must be one of time, move, ticker, source, not 'size'"):
        parse_config('sort = "size"\n', tmp_path / "config.toml")


def test_remember_theme_rewrites_only_the_top_level_theme_line(tmp_path: Path) -> None:
    from tui_reader.config import ConfigError, parse_config, remember_setting

    path = tmp_path / "config.toml"
    path.write_text('# mine\ntheme = "nord"   # was\n\n[keymap]\ntheme = "t"\n')
    remember_setting(path, "theme", "newsprint")
    assert path.read_text() == '# mine\ntheme = "newsprint"\n\n[keymap]\ntheme = "t"\n'
    path.write_text('[keymap]\nstar = "x"\n')  # no top-level theme yet: one goes on top
    remember_setting(path, "theme", "deep-sea")
    assert parse_config(path.read_text(), path).theme == "deep-sea" and path.read_text().endswith('star = "x"\n')
    path.write_text("seed_names = 3\n")
    with pytest.raises(ConfigError, match="seed_names"):
        remember_setting(path, "theme", "nord")
    assert path.read_text() == "seed_names = 3\n"  # a file that does not parse is left alone
