"""Following an instrument: the watchlist entry and one feed per source template, written
into the config file as text so the user's comments and layout stay.

`follow` resolves what the user typed through the offline directory first, all of it
before anything is written, so one unknown or ambiguous name changes nothing. The feeds
it writes are ordinary `[[feeds]]` tables (export-opml shows them, the user can edit
them) marked with `template = NAME` and the instrument in `instruments`, which is how
`unfollow` finds them again while leaving feeds the user added by hand alone.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tui_reader.config import (
    DEFAULT_CONFIG,
    Config,
    ConfigError,
    FeedConfig,
    _read,
    _toml_string,
    add_feeds,
    missing_contact_note,
    parse_config,
    write_atomically,
)
from tui_reader.model import Instrument
from tui_reader.templates import Followed, expand


class NotFound(Exception):
    """What the user typed names no instrument the directory knows."""


class Ambiguous(Exception):
    """A name several companies share; the user picks by symbol."""

    def __init__(self, text: str, candidates: list[Instrument]) -> None:
        super().__init__(text)
        self.text = text
        self.candidates = candidates


def resolve(text: str) -> Instrument:
    """The listing a symbol, ISIN or company name stands for. Raises `NotFound` or `Ambiguous`."""
    from tui_reader.extract.directory import directory

    found = directory().resolve(text)
    if found is not None and found.ticker:
        return found
    candidates = [c for c in directory().candidates(text) if c.ticker]
    if len(candidates) > 1:
        raise Ambiguous(text, candidates)
    if len(candidates) == 1:
        return candidates[0]
    raise NotFound(text)


def cik_of(instrument: Instrument, registered: Mapping[str, str]) -> str | None:
    """The issuer's SEC CIK: from the SEC's list of registrants (ticker → CIK, as the
    store keeps it), else as the directory knows it."""
    from tui_reader.extract.directory import directory

    if found := registered.get((instrument.ticker or "").upper()):
        return found
    company = directory().company(instrument)
    return company.cik if company else None


def feeds_for(config: Config, instrument: Instrument, registered: Mapping[str, str] | None = None) -> list[FeedConfig]:
    """One feed per enabled template that applies to this listing, declaring it."""
    followed = Followed(instrument, cik_of(instrument, registered or {}))
    feeds = []
    for template in config.templates.values():
        if not template.enabled or (built := expand(template, followed)) is None:
            continue
        url, title = built
        feeds.append(FeedConfig(url=url, title=title, instruments=[followed.symbol], template=template.name))
    return feeds


@dataclass(slots=True)
class Change:
    """What follow/unfollow did to the config for one instrument."""

    instrument: Instrument
    feeds: list[str] = field(default_factory=list)
    """Template names of the feeds added (follow) or removed (unfollow)."""
    watchlist: bool = False
    """Whether the watchlist entry was added (follow) or removed (unfollow)."""


def follow(path: Path, instruments: Sequence[Instrument], registered: Mapping[str, str] | None = None) -> list[Change]:
    """Add each instrument to the watchlist and subscribe its template feeds (feeds
    already configured are kept as they are); `registered` maps US tickers to SEC CIKs.
    Raises `ConfigError` or `OSError`."""
    path = Path(path).expanduser()
    changes = []
    for instrument in instruments:
        text = _read(path) if path.is_file() else DEFAULT_CONFIG
        config = parse_config(text, path)
        change = Change(instrument)
        if not _in_watchlist(config.watchlist, instrument):
            _write(path, add_to_watchlist(text, instrument.ticker or ""))
            change.watchlist = True
        known = {f.url for f in (*config.feeds, *config.unpolled)}
        wanted = [f for f in feeds_for(config, instrument, registered) if f.url not in known]
        if wanted:
            add_feeds(path, wanted)
        change.feeds = [f.template or "" for f in wanted]
        changes.append(change)
    return changes


def contact_notes(config: Config, changes: Sequence[Change]) -> list[str]:
    """The note that feeds go unpolled for want of `sec_contact`, said only of the feeds
    of the instruments just followed: after `follow SAP.DE` a note about BABA's SEC feed
    answered a question nobody asked, and read as if SAP's feeds were the silent ones."""
    tickers = {(c.instrument.ticker or "").upper() for c in changes} - {""}
    missing = []
    for feed in config.unpolled:
        template = config.templates.get(feed.template or "")
        if (template is not None and template.enabled and template.needs_contact
                and tickers & {i.upper() for i in feed.instruments}):
            missing.append(template.name)
    return [missing_contact_note(missing)] if missing else []


def unfollow(path: Path, instruments: Sequence[Instrument]) -> list[Change]:
    """Remove each instrument from the watchlist and drop the feeds `follow` made for it
    (stored articles stay). Raises `ConfigError` or `OSError`."""
    path = Path(path).expanduser()
    changes = []
    for instrument in instruments:
        text = _read(path) if path.is_file() else DEFAULT_CONFIG
        change = Change(instrument)
        codes = {c for c in (instrument.ticker, instrument.isin) if c}
        new_text, removed = remove_followed_feeds(text, codes)
        for code in codes:
            new_text, dropped = remove_from_watchlist(new_text, code)
            change.watchlist = change.watchlist or dropped
        change.feeds = removed
        if new_text != text:
            _write(path, new_text)
        changes.append(change)
    return changes


def _in_watchlist(watchlist: Sequence[str], instrument: Instrument) -> bool:
    entries = {w.upper() for w in watchlist}
    return bool({(instrument.ticker or "").upper(), (instrument.isin or "").upper()} & entries)


def _write(path: Path, text: str) -> None:
    parse_config(text, path)  # never write a file that would not load
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, text)


# --- the watchlist line ---------------------------------------------------------------

_WATCHLIST = re.compile(r"(?m)^watchlist[ \t]*=[ \t]*\[")


def _array_span(text: str, start: int) -> tuple[int, int, list[tuple[int, int]]]:
    """From the `[` at `start`: the end just past the matching `]`, and the spans of the
    string items (quotes included). Comments and quoted brackets are skipped."""
    items: list[tuple[int, int]] = []
    at = start + 1
    while at < len(text):
        ch = text[at]
        if ch == "#":
            at = text.find("\n", at)
            if at < 0:
                break
        elif ch in "\"'":
            end = at + 1
            while end < len(text) and text[end] != ch:
                end += 2 if ch == '"' and text[end] == "\\" else 1
            items.append((at, end + 1))
            at = end
        elif ch == "]":
            return start, at + 1, items
        at += 1
    raise ConfigError("the watchlist array is not closed")


def _watchlist_array(text: str) -> tuple[int, int, list[tuple[int, int]]] | None:
    """The top-level `watchlist = [...]`, if the file has one before its first table."""
    found = _WATCHLIST.search(text)
    table = re.search(r"(?m)^[ \t]*\[", text)
    if found is None or (table is not None and table.start() < found.start()):
        return None
    return _array_span(text, found.end() - 1)


def add_to_watchlist(text: str, code: str) -> str:
    """The config text with `code` appended to the watchlist (a line added when none)."""
    span = _watchlist_array(text)
    if span is None:
        table = re.search(r"(?m)^[ \t]*\[", text)
        at = table.start() if table else len(text)
        return text[:at] + f"watchlist = [{_toml_string(code)}]\n" + text[at:]
    start, end, items = span
    if not items and "#" not in text[start:end]:
        return text[:start] + f"[{_toml_string(code)}]" + text[end:]
    if not items:  # only comments inside: keep them
        return text[:start + 1] + f"{_toml_string(code)}," + text[start + 1:]
    last = items[-1][1]
    return text[:last] + f", {_toml_string(code)}" + text[last:]


def remove_from_watchlist(text: str, code: str) -> tuple[str, bool]:
    """The config text without the watchlist item equal to `code` (any case), with the
    comma that joined it; comments in the array stay."""
    span = _watchlist_array(text)
    if span is None:
        return text, False
    _, _, items = span
    for index, (a, b) in enumerate(items):
        if tomllib.loads(f"v = {text[a:b]}")["v"].strip().upper() != code.upper():
            continue
        if index + 1 < len(items):  # drop it up to the next item
            return text[:a] + text[items[index + 1][0]:], True
        if index > 0:  # the last: drop from the previous item's end
            comma = text.rfind(",", items[index - 1][1], a)
            return text[:comma] + text[b:], True
        after = re.match(r"[ \t]*,?", text[b:])
        return text[:a] + text[b + (after.end() if after else 0):], True
    return text, False


# --- [[feeds]] tables -----------------------------------------------------------------

_HEADER = re.compile(r"(?m)^[ \t]*\[")
_FEEDS_HEADER = re.compile(r"(?m)^[ \t]*\[\[[ \t]*feeds[ \t]*\]\]")


def remove_followed_feeds(text: str, codes: set[str]) -> tuple[str, list[str]]:
    """Drop the `[[feeds]]` tables with a `template` whose instruments include one of
    `codes`; returns the text and the removed tables' template names. A table runs to
    the next header; comment lines right before that header stay (they describe it)."""
    feeds = tomllib.loads(text).get("feeds", [])
    headers = list(_FEEDS_HEADER.finditer(text))
    if not isinstance(feeds, list) or len(headers) != len(feeds):
        return text, []  # feeds written as an inline array: nothing we wrote
    wanted = {c.upper() for c in codes}
    cuts: list[tuple[int, int]] = []
    removed = []
    for header, feed in zip(headers, feeds, strict=True):
        if not feed.get("template") or not wanted & {str(i).upper() for i in feed.get("instruments", [])}:
            continue
        start = header.start()
        following = _HEADER.search(text, header.end())
        end = following.start() if following else len(text)
        body = text[start:end].splitlines(keepends=True)
        while body and body[-1].lstrip().startswith("#"):
            end -= len(body.pop())
        cuts.append((start, end))
        removed.append(str(feed["template"]))
    for start, end in reversed(cuts):
        text = text[:start] + text[end:]
    return (text.rstrip("\n") + "\n" if cuts else text), removed
