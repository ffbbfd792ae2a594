"""The user's settings: a TOML file in the platform config folder, or `--config FILE`.

A commented default (`config_default`) is written on first run so a new user has a
file to edit that explains itself. Mistakes in the file are reported with the file,
line and key (`ConfigError`, by `config_checks`), because a typo silently ignored is
worse than a clear refusal. Feeds added by `import-opml`, a theme or a search chosen in
the app are written into the file as text so the user's comments survive.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tui_reader import __version__, locations
from tui_reader.config_checks import Checker, ConfigError, Where
from tui_reader.config_default import (
    DEFAULT_CONFIG,
    DEFAULT_INTERVAL_MINUTES,
    DEFAULT_MARK_READ_AFTER,
    DEFAULT_THEME,
)
from tui_reader.templates import SourceTemplate, TemplateProblem, read_templates

if TYPE_CHECKING:
    from tui_reader.query.saved import SavedSearch

@dataclass(slots=True)
class FeedConfig:
    url: str
    title: str | None = None
    interval_minutes: int | None = None
    """None: the config's default interval."""
    tags: list[str] = field(default_factory=list)
    instruments: list[str] = field(default_factory=list)
    """Yahoo symbols and ISINs the feed is about, upper-cased: declared for every item."""
    template: str | None = None
    """The `[templates.NAME]` a followed instrument's feed was built from."""
    user_agent: str | None = None
    """Sent instead of the default User-Agent (the SEC's contact rule); set at load."""


@dataclass(slots=True)
class Config:
    path: Path
    """The file this was read from (or would be written to); relative seed paths start here."""
    feeds: list[FeedConfig] = field(default_factory=list)
    seeds: list[Path] = field(default_factory=list)
    bundled_seeds: bool = True
    interval_minutes: int = DEFAULT_INTERVAL_MINUTES
    watchlist: list[str] = field(default_factory=list)
    theme: str = DEFAULT_THEME
    sort: str = "time"
    """The article list's order, as `O` last left it (one of `SORTS`)."""
    offline: bool = False
    keymap: dict[str, str] = field(default_factory=dict)
    """Binding id → keys, handed to Textual's `App.set_keymap`."""
    mark_read_after: float | None = DEFAULT_MARK_READ_AFTER
    """Seconds an article is shown before it is marked read; None: only `m` marks it."""
    sec_contact: str | None = None
    """E-mail address named in the User-Agent of SEC downloads; None: no SEC downloads."""
    seed_names: dict[Path, str] = field(default_factory=dict)
    """Seed folder → the name the UI shows for its articles (and `source:` matches)."""
    templates: dict[str, SourceTemplate] = field(default_factory=lambda: read_templates({}))
    """Per-instrument source templates by name: the built-ins overlaid with the file's."""
    unpolled: list[FeedConfig] = field(default_factory=list)
    """Feeds left out of `feeds`: their template is switched off or lacks `sec_contact`."""
    notes: list[str] = field(default_factory=list)
    """One line per reason feeds are left out, for the user."""
    full_text: str = "followed"
    """Whose summary-only items get their page's text: `followed`, `all` or `off`."""
    searches: list[SavedSearch] = field(default_factory=list)
    """`[searches]`: named queries, listed under the watchlist (parsed at load)."""
    alert_bell: bool = False
    """Ring the terminal bell with an alert's notification."""
    notify_command: list[str] = field(default_factory=list)
    """Program (and its first arguments) run per alert with title, ticker and link."""


def load_config(path: Path | None = None, *, create: bool = True) -> Config:
    """Read the config; with no `path` and no file yet, write the commented default first.

    An explicitly named file must exist. When the default file cannot be written (a
    read-only home), the defaults are used: the app still works, just unconfigured.
    """
    if path is not None:
        path = named_config(path)
    else:
        path = locations.config_file()
        if not path.is_file():
            if not create:
                return parse_config(DEFAULT_CONFIG, path)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                write_atomically(path, DEFAULT_CONFIG)
            except OSError:
                return parse_config(DEFAULT_CONFIG, path)
    return parse_config(_read(path), path)


def named_config(path: Path) -> Path:
    """The file `--config` names, which must exist: a mistyped path would otherwise run
    on the defaults (and a command that reads no config would hide the mistake)."""
    path = Path(path).expanduser()
    if not path.is_file():
        raise ConfigError(f"no config file at {path}")
    return path


def parse_config(text: str, path: Path) -> Config:
    """Parse and check config text; `path` names it in errors and anchors relative seeds."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    check = Checker(text, path)
    check.known(data, ("interval", "bundled_seeds", "seeds", "watchlist", "theme", "sort", "offline", "mark_read_after",
                       "keymap", "feeds", "sec_contact", "seed_names", "searches", "alert_bell", "notify_command",
                       "templates", "full_text"))
    config = Config(path=path)
    if "interval" in data:
        config.interval_minutes = check.interval(data["interval"], "interval")
    config.bundled_seeds = check.typed(data.get("bundled_seeds", True), bool, "bundled_seeds")
    config.offline = check.typed(data.get("offline", False), bool, "offline")
    config.theme = check.typed(data.get("theme", DEFAULT_THEME), str, "theme")
    config.sort = check.typed(data.get("sort", "time"), str, "sort")
    if config.sort not in SORTS:
        raise check.fail("sort", f"must be one of {', '.join(SORTS)}, not {config.sort!r}")
    names = check.typed(data.get("seed_names", {}), dict, "seed_names")
    config.seed_names = {_seed_path(folder, path): check.typed(name, str, f"seed_names.{folder}").strip()
                         for folder, name in names.items()}
    if "sec_contact" in data:
        config.sec_contact = check.contact(data["sec_contact"], "sec_contact")
    if "mark_read_after" in data:
        config.mark_read_after = check.dwell(data["mark_read_after"], "mark_read_after")
    config.watchlist = [w.strip() for w in check.strings(data.get("watchlist", []), "watchlist") if w.strip()]
    config.seeds = [_seed_path(s, path) for s in check.strings(data.get("seeds", []), "seeds")]
    keymap = check.typed(data.get("keymap", {}), dict, "keymap")
    config.keymap = {k: check.typed(v, str, k, ("keymap", None)) for k, v in keymap.items()}
    feeds = check.typed(data.get("feeds", []), list, "feeds")
    config.full_text = check.typed(data.get("full_text", "followed"), str, "full_text")
    if config.full_text not in ("followed", "all", "off"):
        raise check.fail("full_text", f'expected "followed", "all" or "off", got {config.full_text!r}')
    try:
        config.templates = read_templates(check.typed(data.get("templates", {}), dict, "templates"))
    except TemplateProblem as exc:
        raise check.fail(exc.key, exc.message, (f"templates.{exc.name}", None)) from None
    config.feeds = [_feed(check, entry, index, config.templates) for index, entry in enumerate(feeds)]
    _apply_templates(config)
    config.alert_bell = check.typed(data.get("alert_bell", False), bool, "alert_bell")
    if "notify_command" in data:
        config.notify_command = check.command(data["notify_command"], "notify_command")
    searches = check.typed(data.get("searches", {}), dict, "searches")
    config.searches = [check.search(name, entry) for name, entry in searches.items()]
    return config


def _apply_templates(config: Config) -> None:
    """Leave out feeds of switched-off templates, and those needing a contact the config
    lacks (one note, not a 403 per feed); give the others the User-Agent they need."""
    kept, missing_contact = [], []
    for feed in config.feeds:
        template = config.templates.get(feed.template) if feed.template else None
        if template is not None and not template.enabled:
            config.unpolled.append(feed)
        elif template is not None and template.needs_contact and not config.sec_contact:
            config.unpolled.append(feed)
            missing_contact.append(template.name)
        else:
            if template is not None and template.needs_contact:
                feed.user_agent = f"tui-reader/{__version__} {config.sec_contact}"
            kept.append(feed)
    config.feeds = kept
    if missing_contact:
        config.notes.append(missing_contact_note(missing_contact))


def missing_contact_note(templates: Sequence[str]) -> str:
    """What `fetch` says once about the feeds `templates` (one name per feed) leave
    unpolled for want of `sec_contact`; `follow` says it of the feeds it just added."""
    names = ", ".join(sorted(set(templates)))
    count = len(templates)
    return (f'{count} feed{"s" if count != 1 else ""} of template {names} not polled: set '
            'sec_contact = "you@example.com" in the config (the SEC refuses clients that name no contact)')


def _feed(check: Checker, entry: object, index: int, templates: dict[str, SourceTemplate]) -> FeedConfig:
    """One `[[feeds]]` table, each value checked where it stands."""
    if not isinstance(entry, dict):
        raise check.fail("feeds", "expected [[feeds]] tables")
    where: Where = ("feeds", index)
    check.known(entry, ("url", "title", "interval", "tags", "instruments", "template"), where)
    if "url" not in entry:
        raise ConfigError(f"{check.path}: feeds[{index}]: missing url")
    url = check.typed(entry["url"], str, "url", where).strip()
    if not url.startswith(("http://", "https://", "file://")):
        raise check.fail("url", f"expected an http(s) URL, got {url!r}", where)
    title = check.typed(entry["title"], str, "title", where) if "title" in entry else None
    interval = check.interval(entry["interval"], "interval", where) if "interval" in entry else None
    tags = check.strings(entry.get("tags", []), "tags", where)
    instruments = check.instruments(entry.get("instruments", []), where)
    template = check.typed(entry["template"], str, "template", where) if "template" in entry else None
    if template is not None and template not in templates:
        raise check.fail("template", f"no [templates.{template}] (known: {', '.join(templates)})", where)
    return FeedConfig(url=url, title=title, interval_minutes=interval, tags=tags, instruments=instruments,
                      template=template)


def effective_seed_dirs(config: Config, cli_seeds: Sequence[Path] | None) -> list[Path]:
    """`--seeds` replaces the configured folders; otherwise configured + bundled (if enabled)."""
    if cli_seeds:
        dirs = [Path(p).expanduser().resolve() for p in cli_seeds]
    else:
        dirs = list(config.seeds)
        if config.bundled_seeds:
            dirs.append(locations.bundled_seeds().resolve())
    return list(dict.fromkeys(dirs))


def add_feeds(path: Path, feeds: Sequence[FeedConfig]) -> int:
    """Append `[[feeds]]` tables for URLs not configured yet; returns how many were added.

    The file is extended as text, not re-serialised, so the user's comments and layout
    stay. The result is parsed before it replaces the file, so a file that cannot take
    more tables (feeds written as an inline array) is reported and left untouched.
    """
    path = Path(path).expanduser()
    text = _read(path) if path.is_file() else DEFAULT_CONFIG
    known = {f.url.strip() for f in parse_config(text, path).feeds}
    blocks = []
    for feed in feeds:
        url = feed.url.strip()
        if not url or url in known:
            continue
        known.add(url)
        blocks.append(_feed_block(feed, url))
    if not blocks:
        return 0
    new_text = text + ("" if text.endswith("\n") else "\n") + "".join(blocks)
    try:
        parse_config(new_text, path)
    except ConfigError as exc:
        raise ConfigError(f"{path}: cannot add feeds to this file ({exc})") from exc
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, new_text)
    return len(blocks)


SORTS = ("time", "move", "ticker", "source")
"""The article list's orders, in the order `O` steps through them."""


def remember_setting(path: Path, key: str, value: str) -> None:
    """Write a setting chosen in the app (`theme`, `sort`) into the config file, as
    text, so the user's comments stay: the top-level `key = ...` line is replaced, or
    one is added at the top. Raises `ConfigError` (unreadable file, or a result that
    would not parse) or `OSError`."""
    path = Path(path).expanduser()
    text = _read(path) if path.is_file() else DEFAULT_CONFIG
    line = f"{key} = {_toml_string(value)}"
    # Only a top-level key: the first match must stand before any [table] header.
    found = re.search(rf"(?m)^{re.escape(key)}[ \t]*=.*$", text)
    table = re.search(r"(?m)^\s*\[", text)
    if found and (table is None or found.start() < table.start()):
        new_text = text[: found.start()] + line + text[found.end():]
    else:
        new_text = line + "\n" + text
    parse_config(new_text, path)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, new_text)


def remember_search(path: Path, name: str, query: str) -> None:
    """Add `name = "query"` to the config's `[searches]` table, as text (comments stay):
    under the table's header when there is one, else in a new table at the end. A name
    already in use is refused, not overwritten. Raises `ConfigError` or `OSError`."""
    path = Path(path).expanduser()
    text = _read(path) if path.is_file() else DEFAULT_CONFIG
    if any(s.name == name for s in parse_config(text, path).searches):
        raise ConfigError(f"a saved search named {name!r} exists already")
    key = name if re.fullmatch(r"[A-Za-z0-9_-]+", name) else _toml_string(name)
    line = f"{key} = {_toml_string(query)}\n"
    header = re.search(r"(?m)^[ \t]*\[[ \t]*searches[ \t]*\][ \t]*(#.*)?$\n?", text)
    if header is not None:
        # At the end of the table: before the next header and the blank lines above it.
        following = re.compile(r"(?m)^[ \t]*\[").search(text, header.end())
        at = len(text) if following is None else following.start()
        while at > header.end() and text[at - 2: at] == "\n\n":
            at -= 1
        new_text = text[:at] + ("" if text[:at].endswith("\n") else "\n") + line + text[at:]
    else:
        new_text = text + ("" if text.endswith("\n") else "\n") + "\n[searches]\n" + line
    if not any(s.name == name for s in parse_config(new_text, path).searches):
        raise ConfigError(f"{path}: cannot add a search to this file")
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, new_text)


def _feed_block(feed: FeedConfig, url: str) -> str:
    lines = ["", "[[feeds]]", f"url = {_toml_string(url)}"]
    if feed.title:
        lines.append(f"title = {_toml_string(feed.title)}")
    if feed.interval_minutes is not None:
        lines.append(f"interval = {int(feed.interval_minutes)}")
    if feed.tags:
        lines.append("tags = [" + ", ".join(_toml_string(t) for t in feed.tags) + "]")
    if feed.instruments:
        lines.append("instruments = [" + ", ".join(_toml_string(i) for i in feed.instruments) + "]")
    if feed.template:
        lines.append(f"template = {_toml_string(feed.template)}")
    return "\n".join(lines) + "\n"


def _toml_string(value: str) -> str:
    """A TOML basic string: JSON's escapes (\\", \\\\, \\n, \\uXXXX) are valid TOML."""
    return json.dumps(value, ensure_ascii=False)


def _seed_path(value: str, config_path: Path) -> Path:
    seed = Path(value).expanduser()
    return (seed if seed.is_absolute() else config_path.parent / seed).resolve()


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read ({exc})") from exc


def write_atomically(path: Path, text: str) -> None:
    """Write beside the file, then rename over it: a crash never leaves half a file, and
    a failed write (a full disk) leaves no temporary file behind. Raises `OSError`.
    Also writes the OPML export."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


BUNDLED_SEEDS_NAME = "tui-reader samples"
"""What the bundled sample folder is called unless the config's [seed_names] says otherwise."""


def seed_folder_names(configured: dict[Path, str]) -> dict[Path, str]:
    """The config's [seed_names], with the bundled samples named unless it names them:
    what the app and `tui-reader list` call the articles of each named folder."""
    names = {Path(folder).resolve(): name for folder, name in configured.items()}
    names.setdefault(locations.bundled_seeds().resolve(), BUNDLED_SEEDS_NAME)
    return names
