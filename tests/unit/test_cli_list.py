"""`tui-reader list` through the real entry point, on a real store file."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tui_reader.cli import main
from tui_reader.model import Article, Instrument
from tui_reader.store import Store

BABA = Instrument("US01609W1027", "BABA", "Alibaba Group", primary=True)
SAP = Instrument("DE0007164600", "SAP.DE", "SAP")
T0 = datetime(2026, 1, 29, 21, 41, tzinfo=UTC)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "store.sqlite3"
    with Store.open(path) as store:
        store.upsert_articles("https://a.example/rss", [
            Article("a1", "boerse-global.de", "Alibaba beats revenue estimates on cloud", "Cloud revenue grew.",
                    T0, url="https://a.example/1", instruments=[BABA, SAP]),
            Article("s1", "Reuters", "SAP raises its outlook \x1b[31mfor 2026\x07", "Software demand.",
                    T0 + timedelta(hours=2), instruments=[SAP]),
            Article("n1", "Reuters", "A story about nothing listed anywhere", "Nothing.", None),
        ])
        store.upsert_articles("https://b.example/rss", [
            Article("b1", "CNBC", "Alibaba beats revenue estimates on cloud!", "Teaser.", T0 + timedelta(hours=1)),
        ])
        store.set_starred("a1")
    return path


def test_lines_newest_first_in_local_time(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--db", str(db)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("-")  # undated: stored now, so newest; no time to show
    assert lines[0].endswith("A story about nothing listed anywhere")
    local = (T0 + timedelta(hours=2)).astimezone().strftime("%Y-%m-%d %H:%M")
    assert lines[1].startswith(f"{local}  SAP.DE  Reuters")
    assert "BABA" in lines[2] and lines[2].endswith("Alibaba beats revenue estimates on cloud")


@pytest.mark.parametrize("query", ["ticker:BABA", "TICKER:BABA", "money>=50bn currency:USD", "money>>5"])
def test_the_query_language_given_to_query_is_refused_with_a_pointer_to_where(
        db: Path, capsys: pytest.CaptureFixture[str], query: str) -> None:
    assert main(["list", "--db", str(db), "--query", query]) == 2
    assert "use --where" in capsys.readouterr().err
    assert main(["list", "--db", str(db), "--query", "cloud"]) == 0  # must not match: words are searched
    assert main(["list", "--db", str(db), "--query", "re:Invent"]) == 0  # nor a colon in a word


def test_seed_folders_are_named_as_the_app_names_them(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from tui_reader import locations
    from tui_reader.sources.poll import seed_key

    monkeypatch.setenv("TUI_READER_HOME", str(tmp_path / "home"))
    notes = tmp_path / "notes"
    config = tmp_path / "config.toml"
    config.write_text(f'[seed_names]\n"{notes}" = "Desk notes"\n')
    path = tmp_path / "named.sqlite3"
    with Store.open(path) as store:
        store.upsert_articles(seed_key(locations.bundled_seeds()), [
            Article("s1", "sample.tui-reader.invalid", "A bundled sample", "Body.", T0)])
        store.upsert_articles(seed_key(notes), [Article("n1", "seed:notes", "My own note", "Body.", T0 + timedelta(hours=1))])
        store.upsert_articles("https://c.example/rss", [Article("f1", "CNBC", "A feed item", "Body.", T0 + timedelta(hours=2))])
    assert main(["list", "--config", str(config), "--db", str(path)]) == 0  # after the subcommand too
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("  ")[2].strip() for line in lines] == ["CNBC", "Desk notes", "tui-reader samples"]
    main(["--config", str(config), "list", "--db", str(path), "--json"])
    assert {a["source"] for a in json.loads(capsys.readouterr().out)} == {"CNBC", "seed:notes", "sample.tui-reader.invalid"}
    # source: matches a folder by the start of its name, as the app's filter does
    main(["list", "--config", str(config), "--db", str(path), "--where", "source:desk", "--json"])
    assert [a["id"] for a in json.loads(capsys.readouterr().out)] == ["n1"]
    main(["list", "--config", str(config), "--db", str(path), "--where", "source:tui", "--json"])
    assert [a["id"] for a in json.loads(capsys.readouterr().out)] == ["s1"]


@pytest.mark.parametrize("argv", [
    ["list", "--config", "{missing}", "--db", "{db}"], ["--config", "{missing}", "list", "--json", "--db", "{db}"],
    ["--config", "{missing}", "calendar", "--db", "{db}"], ["--config", "{missing}", "extract", "{db}"],
    ["--config", "{missing}", "prices", "BABA", "--offline", "--seeds", "{home}", "--db", "{db}"],
    ["sources", "--config", "{missing}"], ["fetch", "--offline", "--config", "{missing}", "--db", "{db}"],
    ["export-opml", "--config", "{missing}"], ["follow", "BABA", "--config", "{missing}"],
])
def test_a_missing_config_is_an_error_for_every_command(
        db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    """CONTRACT.md: the file --config names must exist. `list` read it only for the
    seed folders' names and went on with the defaults, exit 0."""
    missing = tmp_path / "nonexistent.toml"
    assert main([a.format(missing=missing, db=db, home=tmp_path) for a in argv]) == 2
    assert capsys.readouterr().err == f"error: no config file at {missing}\n"
    assert not missing.exists()


def test_a_long_source_is_cut_with_an_ellipsis(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "long.sqlite3"
    with Store.open(path) as store:
        store.upsert_articles("https://c.example/rss", [
            Article("c1", "quotes.portal-with-a-long-name.example", "A headline", "Body.", T0),
            Article("c2", "Short", "Another headline", "Body.", T0 + timedelta(hours=1)),
        ])
    assert main(["list", "--db", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "  quotes.portal-with-a-lo…  A headline" in lines[1]
    assert "  Short                     Another headline" in lines[0]  # must not match: a short one is padded, not cut


def test_terminal_escapes_in_titles_are_removed(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["list", "--db", str(db), "--ticker", "SAP"])
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    # The whole escape goes, not only its ESC: no "[31m" residue on screen.
    assert "SAP raises its outlook for 2026\n" in out


def test_json(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--db", str(db), "--json", "--isin", "US01609W1027"]) == 0
    (item,) = json.loads(capsys.readouterr().out)
    assert item == {
        "id": "a1",
        "title": "Alibaba beats revenue estimates on cloud",
        "published": "2026-01-29T21:41:00+00:00",
        "source": "boerse-global.de",
        "sources": ["boerse-global.de", "CNBC"],
        "url": "https://a.example/1",
        "instruments": [BABA.to_json(), SAP.to_json()],
        "read": False,
        "starred": True,
    }


@pytest.mark.parametrize(("args", "ids"), [
    (["--ticker", "baba"], ["a1"]),
    (["--ticker", "sap"], ["s1", "a1"]),
    (["--ticker", "SAP.DE"], ["s1", "a1"]),
    (["--query", "software"], ["s1"]),
    (["--query", 'AND( "'], []),
    (["--limit", "1"], ["n1"]),
])
def test_filters(db: Path, capsys: pytest.CaptureFixture[str], args: list[str], ids: list[str]) -> None:
    assert main(["list", "--db", str(db), "--json", *args]) == 0
    assert [item["id"] for item in json.loads(capsys.readouterr().out)] == ids


def test_nothing_matching_says_so_on_stderr(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--db", str(db), "--ticker", "NOPE"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and "no articles match" in captured.err


def test_missing_store_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "none.sqlite3"
    assert main(["list", "--db", str(missing)]) == 2
    assert capsys.readouterr().err == f"error: no store at {missing} (run tui-reader fetch first)\n"
    assert not missing.exists()


def test_default_store_location(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("TUI_READER_HOME", str(tmp_path / "home"))
    assert main(["list"]) == 2
    assert str(tmp_path / "home") in capsys.readouterr().err


def test_a_file_that_is_not_a_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "junk.sqlite3"
    path.write_bytes(b"not a database " * 200)
    assert main(["list", "--db", str(path)]) == 2
    assert capsys.readouterr().err.startswith("error: ")


@pytest.mark.parametrize(("isin", "reason"), [
    ("US01609W1028", "check digit"),   # Alibaba's ISIN with the last digit changed
    ("BABA", "is not an ISIN"),
    ("US01609W102", "is not an ISIN"),  # one character short
])
def test_an_invalid_isin_is_refused_not_listed_as_nothing(db: Path, capsys: pytest.CaptureFixture[str],
                                                         isin: str, reason: str) -> None:
    assert main(["list", "--db", str(db), "--isin", isin]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: --isin ") and reason in err and err.count("\n") == 1


def test_a_valid_isin_any_case_lists(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--db", str(db), "--json", "--isin", "us01609w1027"]) == 0
    assert [item["id"] for item in json.loads(capsys.readouterr().out)] == ["a1"]


def test_bad_limit(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--db", str(db), "--limit", "0"]) == 2
    assert "--limit" in capsys.readouterr().err


def test_json_escapes_what_a_terminal_would_act_on_and_keeps_the_value(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "store.sqlite3"
    title = "Wire \u009b2J news \u202eevil\u2028 — Tōkyō 📈"
    with Store.open(path) as store:
        store.upsert_articles("https://a.example/rss", [Article("h1", "Wire", title, "Body.", T0)])
    assert main(["list", "--db", str(path), "--json"]) == 0
    out = capsys.readouterr().out
    assert not any(ch in out for ch in "\u009b\u202e\u2028")
    assert "\\u009b2J" in out and "— Tōkyō 📈" in out
    assert json.loads(out)[0]["title"] == title
