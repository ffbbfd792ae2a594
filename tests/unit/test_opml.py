"""OPML import and export, through the library and the `import-opml`/`export-opml` commands."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui_reader.cli import main
from tui_reader.config import FeedConfig, load_config
from tui_reader.sources.opml import OpmlError, read_opml, write_opml

NESTED = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Exported</title></head>
  <body>
    <outline text="Markets">
      <outline text="Wire &amp; Co" type="rss" xmlUrl="https://wire.example.com/rss"/>
      <outline text="Asia">
        <outline title="Asia Desk" text="ignored" xmlUrl="https://asia.example.com/feed.xml"/>
      </outline>
    </outline>
    <outline text="Duplicate" xmlUrl="https://wire.example.com/rss"/>
    <outline text="Local file" xmlUrl="file:///etc/passwd"/>
    <outline text="Javascript" xmlUrl="javascript:alert(1)"/>
    <outline text="No URL"/>
  </body>
</opml>
"""


def test_read_nested_outlines():
    feeds = read_opml(NESTED)
    assert feeds == [
        FeedConfig("https://wire.example.com/rss", "Wire & Co", None, ["Markets"]),
        FeedConfig("https://asia.example.com/feed.xml", "Asia Desk", None, ["Markets", "Asia"]),
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<opml><body><outline", "not well-formed"),
        (b"<rss version='2.0'/>", "not OPML"),
        (b"<opml version='2.0'><head/></opml>", "without a <body>"),
    ],
)
def test_malformed(data, message):
    with pytest.raises(OpmlError, match=message):
        read_opml(data)


@pytest.mark.parametrize(
    "data",
    [
        '<?xml version="1.0" encoding="ISO-8859-1"?>\n<opml><body>'
        '<outline text="Börse – Wirtschaft" xmlUrl="https://b.example/rss"/></body></opml>'.encode("cp1252"),
        '<?xml version="1.0" encoding="UTF-16"?><opml><body>'
        '<outline text="Börse – Wirtschaft" xmlUrl="https://b.example/rss"/></body></opml>'.encode("utf-16"),
        '<opml><body><outline text="Börse – Wirtschaft" xmlUrl="https://b.example/rss"/></body></opml>'.encode(),
    ],
    ids=["latin1-declared", "utf16-bom", "utf8-undeclared"],
)
def test_encodings_go_through_the_decoders_ladder(data):
    assert read_opml(data) == [FeedConfig("https://b.example/rss", "Börse – Wirtschaft", None, [])]


def test_binary_is_not_opml():
    with pytest.raises(OpmlError, match="binary"):
        read_opml(b"\x89PNG\r\n\x1a\n\x00\x00")


def test_entity_expansion_is_refused():
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
        b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]><opml><body><outline text="&c;" xmlUrl="https://x.example/"/></body></opml>'
    )
    with pytest.raises(OpmlError, match="not well-formed"):
        read_opml(bomb)


def test_export_escapes_and_round_trips():
    feeds = [
        FeedConfig("https://a.example.com/rss?x=1&y=2", 'Quotes "and" <brackets> & ampersands\n', None, ["a&b"]),
        FeedConfig("https://b.example.com/feed", None),
    ]
    text = write_opml(feeds)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">')
    back = read_opml(text.encode("utf-8"))
    assert [(f.url, f.title) for f in back] == [
        ("https://a.example.com/rss?x=1&y=2", 'Quotes "and" <brackets> & ampersands'),
        ("https://b.example.com/feed", "https://b.example.com/feed"),
    ]


def test_import_command_adds_feeds_once(tmp_path: Path, capsys):
    config = tmp_path / "config.toml"
    config.write_text('[[feeds]]\nurl = "https://asia.example.com/feed.xml"\n', encoding="utf-8")
    opml = tmp_path / "subs.opml"
    opml.write_bytes(NESTED)
    assert main(["import-opml", str(opml), "--config", str(config)]) == 0
    assert "added 1 feed" in capsys.readouterr().out
    assert [f.url for f in load_config(config).feeds] == [
        "https://asia.example.com/feed.xml",
        "https://wire.example.com/rss",
    ]
    assert main(["import-opml", str(opml), "--config", str(config)]) == 0
    assert "added 0 feeds" in capsys.readouterr().out
    assert len(load_config(config).feeds) == 2


def test_import_command_says_which_outlines_it_skipped_and_why(tmp_path: Path, capsys):
    """A user's pass: a `javascript:` feed was dropped without a word, and the summary
    read `added 1 feed … (1 already there)` as if it had been there."""
    config = tmp_path / "config.toml"
    config.write_text('[[feeds]]\nurl = "https://asia.example.com/feed.xml"\n', encoding="utf-8")
    opml = tmp_path / "subs.opml"
    opml.write_bytes(b"""<opml version="2.0"><body>
<outline text="Asia" xmlUrl="https://asia.example.com/feed.xml"/>
<outline text="Wire" xmlUrl="https://wire.example.com/rss"/>
<outline text="Evil" xmlUrl="javascript:alert(1)"/>
<outline text="Gap" xmlUrl="https://gap.example.com/a b"/>
</body></opml>""")
    assert main(["import-opml", str(opml), "--config", str(config)]) == 0
    out, err = capsys.readouterr()
    assert out.strip().endswith("(1 already there, 2 skipped)") and out.startswith("added 1 feed to ")
    assert err.splitlines() == ["skipped javascript:alert(1): not an http or https URL",
                                "skipped https://gap.example.com/a b: the URL holds spaces or control characters"]
    assert [f.url for f in load_config(config).feeds] == ["https://asia.example.com/feed.xml",
                                                          "https://wire.example.com/rss"]


def test_import_command_errors(tmp_path: Path, capsys):
    bad = tmp_path / "bad.opml"
    bad.write_bytes(b"<opml><body>")
    assert main(["import-opml", str(bad), "--config", str(tmp_path / "c.toml")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "not well-formed" in err and "Traceback" not in err
    assert main(["import-opml", str(tmp_path / "missing.opml")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_export_command(tmp_path: Path, capsys):
    config = tmp_path / "config.toml"
    config.write_text('[[feeds]]\nurl = "https://wire.example.com/rss"\ntitle = "Wire <1>"\n', encoding="utf-8")
    assert main(["export-opml", "--config", str(config)]) == 0
    out = capsys.readouterr().out
    assert read_opml(out.encode())[0].title == "Wire <1>"
    target = tmp_path / "out.opml"
    assert main(["export-opml", str(target), "--config", str(config)]) == 0
    assert read_opml(target.read_bytes())[0].url == "https://wire.example.com/rss"


def test_export_drops_controls_an_imported_title_brought(tmp_path: Path, capsys):
    config = tmp_path / "config.toml"
    config.write_text('[[feeds]]\nurl = "https://wire.example.com/rss"\ntitle = "Wire \\u009b2J\\u202eeviL"\n',
                      encoding="utf-8")
    assert main(["export-opml", "--config", str(config)]) == 0
    out = capsys.readouterr().out
    assert read_opml(out.encode())[0].title == "Wire eviL"
    target = tmp_path / "out.opml"
    assert main(["export-opml", str(target), "--config", str(config)]) == 0
    assert target.read_text(encoding="utf-8") == out


def test_import_cleans_titles_and_refuses_urls_with_controls():
    data = (
        '<opml version="2.0"><body><outline text="Desk \u009b31mred\u202e">'
        '<outline text="Wire\u009b2J  Co" xmlUrl="https://wire.example.com/rss"/>'
        '<outline text="Spoof" xmlUrl="https://evil.example.com/\u202egpj.rss"/>'
        '<outline text="Spaced" xmlUrl="https://evil.example.com/a b"/>'
        "</outline></body></opml>"
    ).encode()
    feeds = read_opml(data)
    assert [(f.url, f.title, f.tags) for f in feeds] == [("https://wire.example.com/rss", "Wire Co", ["Desk red"])]


def test_export_takes_a_seven_bit_escape_out_whole(tmp_path: Path, capsys):
    """XML cannot carry ESC: it must go with its sequence, not alone leaving "[31m"."""
    config = tmp_path / "config.toml"
    config.write_text('[[feeds]]\nurl = "https://wire.example.com/rss"\ntitle = "Wire \\u001b[31mred\\u001b]0;x\\u0007"\n'
                      'tags = ["desk\\u001b[1m"]\n', encoding="utf-8")
    assert main(["export-opml", "--config", str(config)]) == 0
    out = capsys.readouterr().out
    assert 'title="Wire red"' in out and 'category="desk"' in out
    assert "[31m" not in out and "]0;" not in out
