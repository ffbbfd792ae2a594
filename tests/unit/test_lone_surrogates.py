"""Issue 13, defect 1: code points that cannot be encoded (a JSON ``"\\ud800"``
escape, an XML ``&#xD800;`` or ``&#x110000;`` reference) never get past the decoder.
The bad item is stored cleaned (U+FFFD where the code point was), its neighbours in
the same feed or seed folder are stored too; end to end through the command line, a
loopback server and a real SQLite file."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tui_reader.cli import main

pytestmark = pytest.mark.usefixtures("home")

JSON_FEED = (
    '{"version": "https://jsonfeed.org/version/1.1", "title": "Desk \\udc01",'
    ' "items": ['
    '{"id": "one\\ud800", "url": "https://desk.example/one\\ud800", "title": "Lone \\ud800 high",'
    ' "content_html": "<p>Body \\udfff with Siemens AG</p>", "tags": ["SIE\\ud800"]},'
    '{"id": "two", "title": "Paired \\ud83d\\ude00 fine", "content_text": "The paired escape is an emoji."},'
    '{"id": "three", "title": "Plain neighbour", "content_text": "Nothing odd here."}]}'
)
RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Ref &#xD800; to a surrogate</title><guid>a&#55296;</guid><link>https://wire.example/a&#xDFFF;</link>
<description>Too big &#x110000; and &#99999999999; too.</description></item>
<item><title>Ordinary item</title><guid>b</guid><description>Fine.</description></item>
</channel></rss>"""


def stored(db: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as conn:
        return sorted(conn.execute("SELECT title, body FROM articles"))


def test_json_feed_with_lone_surrogates_is_stored_cleaned(http, tmp_path, capsys):
    http.expect_request("/feed.json").respond_with_data(JSON_FEED, content_type="application/feed+json")
    db = tmp_path / "a.sqlite3"
    url = http.url_for("/feed.json")
    assert main(["fetch", "--feed", url, "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert f"{url}  new 3" in out
    titles = [title for title, _ in stored(db)]
    assert titles == ["Lone \ufffd high", "Paired \U0001f600 fine", "Plain neighbour"]
    assert main(["list", "--db", str(db)]) == 0
    assert "Lone \ufffd high" in capsys.readouterr().out


def test_rss_references_to_no_character_are_stored_cleaned(http, tmp_path, capsys):
    http.expect_request("/rss").respond_with_data(RSS, content_type="application/rss+xml")
    db = tmp_path / "b.sqlite3"
    assert main(["fetch", "--feed", http.url_for("/rss"), "--db", str(db)]) == 0
    assert "new 2" in capsys.readouterr().out
    assert stored(db) == [("Ordinary item", "Fine."), ("Ref \ufffd to a surrogate", "Too big \ufffd and \ufffd too.")]


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "a-bad.json").write_text(
        '[{"title": "Seed \\ud800 title", "body": ["Para \\udc00 one.", "Siemens AG won an order."],'
        ' "source": "Desk\\udbff", "instruments": ["SIE\\ud800"]},'
        ' {"title": "Second item of the same file", "body": "Still stored."}]',
        encoding="utf-8",
    )
    (folder / "b-good.json").write_text('{"title": "Good JSON seed", "body": "Fine."}', encoding="utf-8")
    (folder / "c-note.txt").write_text("A plain note\n\nWith a body.\n", encoding="utf-8")
    return folder


def test_extract_cleans_a_json_seed_and_reads_the_rest_of_the_folder(seeds, capsys):
    assert main(["extract", "--json", str(seeds)]) == 0
    captured = capsys.readouterr()
    articles = json.loads(captured.out)
    assert [a["title"] for a in articles] == [
        "Seed \ufffd title", "Second item of the same file", "Good JSON seed", "A plain note"]
    assert articles[0]["source"] == "Desk\ufffd"
    assert captured.err == ""
    assert main(["extract", str(seeds)]) == 0  # the text report prints it too
    assert "Seed \ufffd title" in capsys.readouterr().out


def test_fetch_stores_every_file_of_a_seed_folder_with_a_bad_one(seeds, tmp_path, capsys):
    config = tmp_path / "config.toml"
    config.write_text(f'bundled_seeds = false\nseeds = ["{seeds}"]\n', encoding="utf-8")
    db = tmp_path / "c.sqlite3"
    assert main(["--config", str(config), "fetch", "--db", str(db)]) == 0
    assert "4 new, 0 errors" in capsys.readouterr().out
    assert [title for title, _ in stored(db)] == [
        "A plain note", "Good JSON seed", "Second item of the same file", "Seed \ufffd title"]
