"""`tui-reader sources`: configured feeds, followed instruments' feeds and seed folders
with their polling state, after a real fetch from a loopback server into a real store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui_reader.cli import main
from tui_reader.config import DEFAULT_CONFIG

RSS = (Path(__file__).parent.parent / "data" / "feeds" / "rss20.xml").read_bytes()


pytestmark = pytest.mark.usefixtures("home")


def test_every_source_with_its_state(http, tmp_path, capsys):
    http.expect_request("/mine").respond_with_data(RSS, content_type="application/rss+xml")
    http.expect_request("/yahoo").respond_with_data("Too Many Requests", status=429, headers={"Retry-After": "120"})
    seeds = tmp_path / "notes"
    seeds.mkdir()
    (seeds / "one.txt").write_text("Alibaba (NYSE: BABA) raised its cloud outlook by 10%.\n", encoding="utf-8")
    config = tmp_path / "config.toml"
    base = http.url_for("/")
    config.write_text(
        DEFAULT_CONFIG.replace("bundled_seeds = true", "bundled_seeds = false").replace("seeds = []", f'seeds = ["{seeds}"]')
        + f'\n[[feeds]]\nurl = "{base}mine"\ntitle = "My feed"\n'
        + f'\n[[feeds]]\nurl = "{base}yahoo?s=AAPL"\ninstruments = ["AAPL"]\ntemplate = "yahoo"\n'
        + '\n[[feeds]]\nurl = "https://sec.example/edgar?CIK=AAPL"\ninstruments = ["AAPL"]\ntemplate = "sec"\n',
        encoding="utf-8")
    db = str(tmp_path / "store.sqlite3")
    assert main(["sources", "--config", str(config), "--db", db]) == 0  # before any fetch: no store yet
    before = capsys.readouterr().out.splitlines()
    assert len(before) == 4 and all("0 articles" in line for line in before)
    main(["fetch", "--config", str(config), "--db", db])
    capsys.readouterr()
    assert main(["sources", "--config", str(config), "--db", db, "--json"]) == 0
    rows = {row["key"]: row for row in json.loads(capsys.readouterr().out)}
    mine, yahoo, sec, folder = rows[f"{base}mine"], rows[f"{base}yahoo?s=AAPL"], rows["https://sec.example/edgar?CIK=AAPL"], rows[str(seeds)]
    assert mine["kind"] == "feed" and mine["articles"] == 3 and mine["last_error"] is None and mine["next_poll"]
    assert yahoo["kind"] == "followed" and yahoo["instruments"] == ["AAPL"] and yahoo["template"] == "yahoo"
    assert "429" in yahoo["last_error"] and yahoo["failures"] == 1 and yahoo["articles"] == 0
    assert sec["not_polled"] == "needs sec_contact in the config" and sec["last_poll"] is None
    assert folder["kind"] == "seeds" and folder["articles"] == 1
    main(["sources", "--config", str(config), "--db", db])
    lines = capsys.readouterr().out.splitlines()
    yahoo_line = next(line for line in lines if "yahoo?s=AAPL" in line)
    assert yahoo_line.startswith("followed") and "AAPL yahoo" in yahoo_line and "error: HTTP 429" in yahoo_line
    assert any("not polled: needs sec_contact" in line for line in lines)
    # Columns aligned (a user found the next-poll column pushing the rest about): every
    # line's URL or folder starts in the same column, and the folder says when it was read.
    starts = {line.index(key) for key in rows for line in lines if line.endswith(key) or f"{key}  error" in line}
    assert len(starts) == 1, lines
    folder_line = next(line for line in lines if line.startswith("seeds"))
    assert f"articles  last {folder['last_poll'][:4]}-" in folder_line


def test_the_bundled_folder_is_named_as_the_app_names_it(tmp_path, capsys):
    """Its title was null in --json and blank in the text, where the app says
    "tui-reader samples"."""
    config = tmp_path / "config.toml"
    config.write_text(DEFAULT_CONFIG, encoding="utf-8")
    assert main(["sources", "--config", str(config), "--json"]) == 0
    bundled = json.loads(capsys.readouterr().out)[0]
    assert bundled["kind"] == "seeds" and bundled["title"] == "tui-reader samples"
    assert main(["sources", "--config", str(config)]) == 0
    assert "  tui-reader samples  " in capsys.readouterr().out.splitlines()[0]


def test_bad_config_is_a_usage_error(tmp_path, capsys):
    config = tmp_path / "config.toml"
    config.write_text('[templates.mine]\nurl = "https://x.example/{ticker}"\n', encoding="utf-8")
    assert main(["sources", "--config", str(config)]) == 2
    assert capsys.readouterr().err.startswith(f"error: {config}:2: templates.mine.url: unknown placeholder {{ticker}}")
