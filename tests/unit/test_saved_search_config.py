"""Issue 12's config: `[searches]` (validated at load), `remember_search` (a targeted
text edit), `alert_bell`, `notify_command`; and the app filter's scope arithmetic."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui_reader.alerts import Alert
from tui_reader.app.alerting import SHOWN, notifications
from tui_reader.app.filters import Filter, Selection, merge_kwargs, parse_filter
from tui_reader.config import ConfigError, load_config, parse_config, remember_search
from tui_reader.query.parser import QueryError, parse
from tui_reader.query.syntax import And, Keyed, rename_sources


def test_searches_as_strings_or_tables_with_alert(tmp_path: Path) -> None:
    config = parse_config('[searches]\nbig = "money>=50bn currency:USD"\n[searches.falls]\nquery = "pct<=-5"\n'
                          "alert = true\n", tmp_path / "c.toml")
    assert [(s.name, s.query, s.alert) for s in config.searches] == [
        ("big", "money>=50bn currency:USD", False), ("falls", "pct<=-5", True)]
    assert config.searches[0].tree == parse("money>=50bn currency:USD")


@pytest.mark.parametrize(("text", "message"), [
    ('interval = 5\n[searches]\nbad = "(unread"\n', r"c.toml:3: searches.bad: query '\(unread': at column 8: expected '\)'"),
    ('[searches.t]\nquery = "kind:shoe"\n', r"c.toml:2: searches.t.query: .*expected one of money, percent"),
    ('[searches.t]\nalert = true\n', r"searches.t: missing query"),
    ('[searches.t]\nquery = "a"\nalert = "yes"\n', r"c.toml:3: searches.t.alert: expected true or false"),
    ('[searches]\nt = 5\n', r"c.toml:2: searches.t: expected a string"),
    ('alert_bell = "loud"\n', r"c.toml:1: alert_bell: expected true or false"),
    ('notify_command = "say \'unclosed"\n', r"c.toml:1: notify_command: cannot split"),
    ('notify_command = ["ok", 3]\n', r"notify_command: expected a list of strings"),
])
def test_mistakes_name_the_line_and_what_is_wrong(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_config(text, tmp_path / "c.toml")


def test_notify_command_as_a_list_or_one_string_split_like_a_shell(tmp_path: Path) -> None:
    assert parse_config('notify_command = ["notify-send", "a b"]\n', tmp_path / "c").notify_command == ["notify-send", "a b"]
    assert parse_config("notify_command = \"notify-send 'tui reader'\"\n", tmp_path / "c").notify_command == [
        "notify-send", "tui reader"]
    assert parse_config("", tmp_path / "c").notify_command == [] and not parse_config("", tmp_path / "c").alert_bell


def test_remember_search_adds_to_the_table_keeps_comments_and_refuses_a_name_in_use(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('# mine\ntheme = "x"\n\n[searches]\nold = "unread"  # keep me\n\n[keymap]\n# refresh = "r"\n')
    remember_search(path, "big deals", 'money>=1bn "profit warning"')
    remember_search(path, "falls", "pct<=-5")
    text = path.read_text()
    assert text == ('# mine\ntheme = "x"\n\n[searches]\nold = "unread"  # keep me\n'
                    '"big deals" = "money>=1bn \\"profit warning\\""\nfalls = "pct<=-5"\n\n[keymap]\n# refresh = "r"\n')
    assert [s.name for s in load_config(path).searches] == ["old", "big deals", "falls"]
    with pytest.raises(ConfigError, match="exists already"):
        remember_search(path, "falls", "unread")
    assert path.read_text() == text


def test_remember_search_starts_the_table_when_there_is_none(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('theme = "x"\n[[feeds]]\nurl = "https://example.com/rss"')
    remember_search(path, "nv", "ticker:NVDA")
    assert path.read_text().endswith('url = "https://example.com/rss"\n\n[searches]\nnv = "ticker:NVDA"\n')
    assert load_config(path).feeds[0].url == "https://example.com/rss"


def test_the_filter_reads_the_query_language_and_refuses_a_mistake() -> None:
    assert parse_filter("").empty and parse_filter("  ").tree is None
    assert parse_filter("ticker:baba unread").tree == parse("ticker:BABA unread")
    with pytest.raises(QueryError) as error:
        parse_filter("money>=")
    assert error.value.column == 8


def test_selection_search_and_filter_narrow_together() -> None:
    searches = {"big": parse("money>=1tn")}
    flt = parse_filter("unread")
    assert merge_kwargs(Selection("search", "big"), flt, searches) == {"where": And((parse("money>=1tn"), parse("unread")))}
    assert merge_kwargs(Selection("watch", "nvda"), flt) == {"ticker": "NVDA", "where": parse("unread")}
    assert merge_kwargs(Selection("unread"), Filter()) == {"unread_only": True}
    assert merge_kwargs(Selection("search", "gone"), Filter(), searches) == {}


def test_a_seed_folder_name_stands_for_its_source_everywhere_in_the_tree() -> None:
    tree = parse("source:notes or not (source:reuters and source:my)")
    renamed = rename_sources(tree, lambda name: "seed:/home/me/notes" if name in ("notes", "my") else name)
    assert renamed == parse('source:"seed:/home/me/notes" or not (source:reuters and source:"seed:/home/me/notes")')
    assert rename_sources(Keyed("ticker", "X"), str.upper) == Keyed("ticker", "X")


def test_notifications_are_one_per_alert_then_one_summary() -> None:
    alerts = [Alert(f"a{n}", f"Title [/] {n}\x1b[2J", "NVDA" if n % 2 else "", "", "watchlist NVDA") for n in range(SHOWN)]
    shown = notifications(alerts)
    assert len(shown) == SHOWN  # plain text (shown with markup=False), escapes gone
    assert shown[:2] == [("New: watchlist NVDA", "Title [/] 0"), ("New: watchlist NVDA", "NVDA: Title [/] 1")]
    many = notifications([*alerts, Alert("z", "t", "SAP", "", "search big")])
    assert many == [(f"{SHOWN + 1} new articles", "matching search big, watchlist NVDA")]
