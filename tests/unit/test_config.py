"""Config files: the written default, parsing, errors that point at the line, add_feeds."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from tui_reader import locations
from tui_reader.config import (
    DEFAULT_CONFIG,
    Config,
    ConfigError,
    FeedConfig,
    add_feeds,
    effective_seed_dirs,
    load_config,
)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TUI_READER_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_first_run_writes_the_commented_default(home: Path) -> None:
    config = load_config()
    written = locations.config_file()
    assert config.path == written and written.is_file()
    text = written.read_text(encoding="utf-8")
    assert text == DEFAULT_CONFIG
    assert "# [[feeds]]" in text and "# watchlist = [" in text
    assert config == Config(path=written)  # the file says exactly the defaults
    assert config.bundled_seeds and config.feeds == [] and config.theme == "terminal-amber"
    assert config.interval_minutes == 15 and not config.offline
    assert config.mark_read_after == 1.0


def test_existing_default_file_is_read_not_rewritten(home: Path) -> None:
    path = locations.config_file()
    path.parent.mkdir(parents=True)
    write(path, 'theme = "nord"\n# mine\n')
    assert load_config().theme == "nord"
    assert path.read_text(encoding="utf-8") == 'theme = "nord"\n# mine\n'


def test_create_false_writes_nothing(home: Path) -> None:
    assert load_config(create=False).bundled_seeds
    assert not locations.config_file().exists()


def test_a_named_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no config file at .*nope.toml"):
        load_config(tmp_path / "nope.toml")


def test_full_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "me"))
    path = write(tmp_path / "c.toml", """
interval = 5
bundled_seeds = false
seeds = ["notes", "~/more", "/abs/seeds"]
watchlist = ["BABA", " US0378331005 ", ""]
theme = "gruvbox"
offline = true
mark_read_after = 2.5

[keymap]
refresh = "ctrl+r,f5"

[[feeds]]
url = "https://a.example/rss"

[[feeds]]
url = " https://b.example/atom "
title = "B"
interval = 60
tags = ["markets", "asia"]
""")
    config = load_config(path)
    assert config.interval_minutes == 5 and not config.bundled_seeds and config.offline
    assert config.seeds == [tmp_path / "notes", tmp_path / "me" / "more", Path("/abs/seeds")]
    assert config.watchlist == ["BABA", "US0378331005"]
    assert config.theme == "gruvbox" and config.keymap == {"refresh": "ctrl+r,f5"}
    assert config.mark_read_after == 2.5
    assert config.feeds == [
        FeedConfig("https://a.example/rss"),
        FeedConfig("https://b.example/atom", "B", 60, ["markets", "asia"]),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('theme = "a"\ninterval = "often"\n', r"c\.toml:2: interval: expected a whole number"),
        ("interval = 0\n", r"c\.toml:1: interval: expected a whole number"),
        ("offline = 1\n", r"c\.toml:1: offline: expected true or false"),
        ("bundled_seeds = \"yes\"\n", r"c\.toml:1: bundled_seeds: expected true or false"),
        ("seeds = \"one\"\n", r"c\.toml:1: seeds: expected a list"),
        ("watchlist = [1, 2]\n", r"c\.toml:1: watchlist: expected a list of strings"),
        ("colour = \"red\"\n", r"c\.toml:1: colour: unknown setting"),
        ('theme = "a"\nmark_read_after = true\n', r"c\.toml:2: mark_read_after: expected seconds \(0 or more\) or false"),
        ("mark_read_after = -0.5\n", r"c\.toml:1: mark_read_after: expected seconds"),
        ('mark_read_after = "1s"\n', r"c\.toml:1: mark_read_after: expected seconds"),
        ("mark_read_after = nan\n", r"c\.toml:1: mark_read_after: expected seconds"),
        ("\n[keymap]\nquit = 3\n", r"c\.toml:3: keymap\.quit: expected a string"),
        ('[[feeds]]\nurl = "https://a"\n[[feeds]]\nurl = "https://b"\ninterval = -1\n',
         r"c\.toml:5: feeds\[1\]\.interval: expected a whole number"),
        ('[[feeds]]\nurl = "ftp://a"\n', r"c\.toml:2: feeds\[0\]\.url: expected an http\(s\) URL"),
        ('[[feeds]]\ntitle = "no url"\n', r"c\.toml: feeds\[0\]: missing url"),
        ('[[feeds]]\nurl = "https://a"\ncolour = 1\n', r"c\.toml:3: feeds\[0\]\.colour: unknown setting"),
        ('theme = "a"\ninterval = = 2\n', r"c\.toml: .*line 2"),
        ('theme = "a"\ntheme = "b"\n', r"c\.toml: .*line 2"),
    ],
)
def test_errors_name_file_line_and_key(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_config(write(tmp_path / "c.toml", text))


@pytest.mark.parametrize(("text", "seconds"), [("mark_read_after = 0\n", 0.0), ("mark_read_after = false\n", None)])
def test_mark_read_after_takes_zero_for_at_once_and_false_for_never(tmp_path: Path, text: str, seconds: float | None) -> None:
    assert load_config(write(tmp_path / "c.toml", text)).mark_read_after == seconds


def test_unreadable_bytes_are_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_bytes(b"theme = \"\xff\xfe\"\n")
    with pytest.raises(ConfigError, match="c.toml: cannot read"):
        load_config(path)


def test_add_feeds_appends_keeps_comments_and_skips_known_urls(tmp_path: Path) -> None:
    path = write(tmp_path / "c.toml", '# my comment\ntheme = "nord"\n\n[[feeds]]\nurl = "https://a.example/rss"\n')
    added = add_feeds(path, [
        FeedConfig("https://a.example/rss", "dup"),
        FeedConfig("https://b.example/rss", 'B "quoted" \\ feed', 30, ["x"]),
        FeedConfig("https://b.example/rss"),
        FeedConfig("https://c.example/rss"),
    ])
    assert added == 2
    text = path.read_text(encoding="utf-8")
    assert text.startswith('# my comment\ntheme = "nord"\n')
    config = load_config(path)
    assert [f.url for f in config.feeds] == ["https://a.example/rss", "https://b.example/rss", "https://c.example/rss"]
    assert config.feeds[1] == FeedConfig("https://b.example/rss", 'B "quoted" \\ feed', 30, ["x"])
    assert add_feeds(path, [FeedConfig("https://c.example/rss")]) == 0
    assert path.read_text(encoding="utf-8") == text


def test_add_feeds_to_a_missing_file_starts_from_the_default(tmp_path: Path) -> None:
    path = tmp_path / "new" / "c.toml"
    assert add_feeds(path, [FeedConfig("https://a.example/rss")]) == 1
    text = path.read_text(encoding="utf-8")
    assert text.startswith(DEFAULT_CONFIG)
    assert tomllib.loads(text)["feeds"] == [{"url": "https://a.example/rss"}]


def test_add_feeds_refuses_a_file_with_inline_feeds_and_leaves_it_alone(tmp_path: Path) -> None:
    original = 'feeds = [{url = "https://a.example/rss"}]\n'
    path = write(tmp_path / "c.toml", original)
    with pytest.raises(ConfigError, match="cannot add feeds"):
        add_feeds(path, [FeedConfig("https://b.example/rss")])
    assert path.read_text(encoding="utf-8") == original


def test_effective_seed_dirs(tmp_path: Path) -> None:
    config = Config(path=tmp_path / "c.toml", seeds=[tmp_path / "mine"])
    assert effective_seed_dirs(config, None) == [tmp_path / "mine", locations.bundled_seeds().resolve()]
    config.bundled_seeds = False
    assert effective_seed_dirs(config, []) == [tmp_path / "mine"]
    assert effective_seed_dirs(config, [tmp_path / "cli", tmp_path / "cli"]) == [(tmp_path / "cli").resolve()]


def test_a_failed_write_leaves_the_target_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "config.toml"
    target.mkdir()  # the rename over it fails
    with pytest.raises(OSError):
        add_feeds(target, [FeedConfig(url="https://a.example/rss")])
    assert target.is_dir() and sorted(p.name for p in tmp_path.iterdir()) == ["config.toml"]
