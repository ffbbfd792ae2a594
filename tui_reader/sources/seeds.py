"""Seed files → `Article`s: the portal layout, plain .txt/.md, and .json.

A seed folder is whatever a user dropped in it, so the parser takes what is there:
blocks are recognised by their shape (a timestamp looks like a timestamp, an
instrument line ends in an ISIN, a footer starts with ``@ domain``), never by
position alone, and any of them may be missing. Files that are not articles raise
`SkipFile` with a reason the UI shows; nothing here raises anything else for bad
input. Articles come back unenriched; `tui_reader.extract.enrich` does the rest.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Iterable
from datetime import datetime, timezone, tzinfo
from functools import lru_cache
from itertools import groupby
from pathlib import Path

from tui_reader.extract.boilerplate import strip_boilerplate
from tui_reader.model import Article, Instrument, Skipped, stable_id
from tui_reader.sources.decode import NotText, decode_text, sanitize

__all__ = ["MAX_BYTES", "SEED_SUFFIXES", "SeedPathError", "SkipFile", "parse_seed_bytes", "read_seed", "scan"]

MAX_BYTES = 5_000_000
"""No news article is this long; a bigger file is a data dump that would stall the UI."""

SEED_SUFFIXES = frozenset({"", ".txt", ".text", ".md", ".markdown", ".json"})


class SkipFile(Exception):
    """This file is not an article; `reason` says why, for the user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class SeedPathError(Exception):
    """A path the user named does not exist or cannot be opened (the CLI exits 2)."""


# --- public entry points --------------------------------------------------------------


def read_seed(path: Path, root: Path | None = None) -> list[Article]:
    """Read one seed file; ids use the path relative to `root` so edits update in place."""
    return _read(path, root)[0]


def parse_seed_bytes(data: bytes, name: str, *, key: str | None = None, folder: str = "seeds",
                     path: str | None = None) -> list[Article]:
    """Parse a seed file's bytes; `name` picks the format by its suffix.

    `key` (default `name`) feeds the article ids, `folder` the fallback source
    ``seed:<folder>``. Raises only `SkipFile`.
    """
    return _parse(data, name, key or name, folder, path)[0]


def scan(paths: Iterable[Path]) -> tuple[list[Article], list[Skipped]]:
    """Read files and folders (recursively, sorted). Raises `SeedPathError` for a named
    path that is missing or unreadable; everything inside it that is not an article
    becomes a `Skipped` instead."""
    paths = list(paths)
    for path in paths:
        _check_named(path)
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for path in paths:
        if path.is_dir():
            for file in _walk(path, skipped):
                _collect(file, path, articles, skipped)
        else:
            _collect(path, None, articles, skipped)
    return articles, skipped


# --- files and folders ----------------------------------------------------------------


def _check_named(path: Path) -> None:
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            os.scandir(path).close()
        elif stat.S_ISREG(info.st_mode):  # opening a FIFO would block; _read skips it
            open(path, "rb").close()
    except FileNotFoundError:
        raise SeedPathError(f"no such file or directory: {path}") from None
    except OSError as exc:
        raise SeedPathError(f"cannot read {path}: {exc.strerror or exc}") from None


def _walk(folder: Path, skipped: list[Skipped]) -> list[Path]:
    """Every file below `folder`, sorted; hidden folders and `prices/` (price CSVs, not
    articles) are left out silently."""
    files: list[Path] = []

    def unreadable(exc: OSError) -> None:
        skipped.append(Skipped(str(exc.filename), f"unreadable folder: {exc.strerror or exc}"))

    for dirpath, dirnames, filenames in os.walk(folder, onerror=unreadable):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d != "prices")
        files.extend(Path(dirpath, f) for f in filenames)
    files.sort(key=lambda p: p.relative_to(folder).parts)
    return files


def _collect(file: Path, root: Path | None, articles: list[Article], skipped: list[Skipped]) -> None:
    suffix = file.suffix.lower()
    if suffix not in SEED_SUFFIXES and not file.name.startswith("."):
        skipped.append(Skipped(str(file), f"not a seed format ({suffix})"))
        return
    try:
        found, problems = _read(file, root)
    except SkipFile as exc:
        skipped.append(Skipped(str(file), exc.reason))
        return
    articles.extend(found)
    skipped.extend(Skipped(f"{file}[{index}]", reason) for index, reason in problems)


def _read(path: Path, root: Path | None) -> tuple[list[Article], list[tuple[int, str]]]:
    if path.name.startswith("."):
        raise SkipFile("hidden file")
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise SkipFile("not a regular file")
        if info.st_size > MAX_BYTES:
            raise SkipFile(_too_large(info.st_size))
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)  # the file may have grown since stat
    except OSError as exc:
        raise SkipFile(f"unreadable: {exc.strerror or exc}") from None
    below_root = root is not None and path.is_relative_to(root)
    key = path.relative_to(root).as_posix() if below_root else path.name
    folder = path.parent.name or Path.cwd().name
    return _parse(data, path.name, key, folder, str(path))


def _too_large(size: int) -> str:
    return f"too large: {size / 1_000_000:.1f} MB (limit {MAX_BYTES // 1_000_000} MB)"


# --- formats --------------------------------------------------------------------------


def _parse(data: bytes, name: str, key: str, folder: str, path: str | None
           ) -> tuple[list[Article], list[tuple[int, str]]]:
    if name.startswith("."):
        raise SkipFile("hidden file")
    if len(data) > MAX_BYTES:
        raise SkipFile(_too_large(len(data)))
    try:
        text = decode_text(data)
    except NotText as exc:
        raise SkipFile(str(exc)) from None
    suffix = os.path.splitext(name)[1].lower()
    if suffix == ".json":
        return _parse_json(text, key, folder, path)
    article = _parse_text(text, markdown=suffix in (".md", ".markdown"))
    article.id = stable_id("seed", key, "0")
    article.source = article.source or f"seed:{folder}"
    article.path = path
    return [article], []


# Shapes of the portal's header and footer lines.
_ISIN = r"[A-Z]{2}[A-Z0-9]{9}[0-9]"
_ISIN_TOKEN = re.compile(rf"\b{_ISIN}\b")
_NAMED_ISIN = rf"(?:[^,;|/\s][^,;|/]{{0,150}}?\s+)?{_ISIN}"
_INSTRUMENT_LINE = re.compile(rf"{_NAMED_ISIN}(?:\s*[,;|/]\s*{_NAMED_ISIN})*")
_INSTRUMENT_PAIR = re.compile(rf"(?:([^,;|/\s][^,;|/]{{0,150}}?)\s+)?({_ISIN})")
_FOOTER = re.compile(r"@\s*([A-Za-z0-9][\w-]*(?:\.[\w-]+)*\.[A-Za-z]{2,})\s*(?:\|\s*(.*))?")
_STAMP = re.compile(
    r"""
    (?:(?:published|date|updated|veröffentlicht|datum)\s*:\s*)?
    (?:
      (?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})
      (?:\s*[-–,]?\s*(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?(?:\s*Uhr)?)?
    | (?P<iso>\d{4}-\d{2}-\d{2}(?:[T\ ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?)
    )
    (?:\s*(?P<utc>UTC|GMT))?
    """,
    re.IGNORECASE | re.VERBOSE,
)
_END_PUNCTUATION = frozenset(".!?:;,…\"”")
_BULLET = re.compile(r"(?:[-*+•]|\d{1,3}[.)])\s")
_BULLET_START = frozenset("-*+•0123456789")
_HEADER_LINE_LIMIT = 400


def _parse_text(text: str, *, markdown: bool) -> Article:
    """Title, time, declared instruments, source and body of a text seed; the caller
    sets id, path, and the fallback source."""
    blocks = _blocks(text)
    if markdown:
        blocks = _unmark(blocks)
    source, declared = "", []
    if blocks and (footer := _FOOTER.fullmatch(blocks[-1][-1])):
        blocks[-1].pop()
        if not blocks[-1]:
            blocks.pop()
        source = footer.group(1).lower()
        declared = [Instrument(isin=code, ticker=None, name=None)
                    for code in _ISIN_TOKEN.findall(footer.group(2) or "")]
    rest = blocks[1:] if len(blocks) > 1 and _is_teaser(blocks) else blocks
    title = ""
    while rest and not title:
        title = _title(rest[0].pop(0))
        if rest[0] and set(rest[0][0]) <= set("=-"):  # setext underline
            rest[0].pop(0)
        if not rest[0]:
            rest = rest[1:]
    if not title:
        raise SkipFile("no title")
    published, named = _header(rest)
    paragraphs = [p for block in rest for p in _block_paragraphs(block)]
    kept, removed = strip_boilerplate(paragraphs)
    return Article(id="", source=source, title=title, body="\n\n".join(kept), published=published,
                   removed=removed, declared=_merge(named, declared))


def _blocks(text: str) -> list[list[str]]:
    """Blank-line separated blocks of stripped, non-empty lines."""
    lines = [line.strip() for line in text.splitlines()]
    return [list(group) for nonblank, group in groupby(lines, bool) if nonblank]


def _is_teaser(blocks: list[list[str]]) -> bool:
    """The portal opens with the headline's first words, comma-joined ("Nordlicht’s,
    Offshore"): one short unpunctuated line before a one-line headline, confirmed by a
    timestamp after the headline or by its words starting words of the headline."""
    first, second = blocks[0], blocks[1]
    line = first[0]
    if len(first) != 1 or len(line) > 80 or line[-1] in _END_PUNCTUATION or line[0] == "#":
        return False
    stamp_after = second[1] if len(second) > 1 else blocks[2][0] if len(blocks) > 2 else ""
    if _STAMP.fullmatch(stamp_after):
        return True
    headline = second[0]
    if len(second) != 1 or headline[-1] == "." or "," not in line or _STAMP.fullmatch(headline):
        return False
    words = re.findall(r"\w+", headline.lower())
    teaser = re.findall(r"\w+", re.sub(r"['’]s\b", "", line.lower()))
    return all(any(w.startswith(t) for w in words) for t in teaser)


def _title(line: str) -> str:
    return " ".join(line.lstrip("#").split())


def _header(rest: list[list[str]]) -> tuple[datetime | None, list[Instrument]]:
    """Consume the timestamp and instrument lines that follow the headline."""
    published: datetime | None = None
    stamped = False
    declared: list[Instrument] = []
    while rest:
        block = rest[0]
        while block:
            line = block[0]
            if len(line) > _HEADER_LINE_LIMIT:
                return published, declared
            if not stamped and (match := _STAMP.fullmatch(line)):
                published, stamped = _stamp_time(match, _berlin()), True
            elif _INSTRUMENT_LINE.fullmatch(line):
                declared.extend(Instrument(isin=code, ticker=None, name=name or None)
                                for name, code in _INSTRUMENT_PAIR.findall(line))
            else:
                return published, declared
            block.pop(0)
        del rest[0]
    return published, declared


def _stamp_time(match: re.Match[str], naive_zone: tzinfo) -> datetime | None:
    """The time a timestamp line states; naive times are in `naive_zone`. None for
    impossible dates (31.02.), which still count as the timestamp line."""
    try:
        if iso := match.group("iso"):
            moment = datetime.fromisoformat(iso)
        else:
            moment = datetime(int(match["y"]), int(match["m"]), int(match["d"]),
                              int(match["H"] or 0), int(match["M"] or 0), int(match["S"] or 0))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc if match.group("utc") else naive_zone)
    return moment


@lru_cache(maxsize=1)
def _berlin() -> tzinfo:
    """The portal's local time, for timestamps that do not state an offset."""
    from zoneinfo import ZoneInfo

    return ZoneInfo("Europe/Berlin")


def _merge(*groups: list[Instrument]) -> list[Instrument]:
    """Declared instruments in order, valid ISINs only, each ISIN once (the instrument
    line's named entry wins over the footer's bare ISIN)."""
    seen: set[str] = set()
    out: list[Instrument] = []
    for instrument in (i for group in groups for i in group):
        if instrument.isin is not None:
            if instrument.isin in seen or not _valid_isin(instrument.isin):
                continue
            seen.add(instrument.isin)
        out.append(instrument)
    return out


@lru_cache(maxsize=4096)
def _valid_isin(code: str) -> bool:
    from stdnum import isin  # ~20 ms to import; only needed once a file declares one

    return isin.is_valid(code)


def _block_paragraphs(lines: list[str]) -> list[str]:
    """A block's wrapped lines joined into one paragraph; a short unpunctuated first
    line followed by a longer one is a section heading (or the `Ad` marker) and stays
    a paragraph of its own."""
    first = lines[0]
    if (len(lines) > 1 and len(first) <= 70 and first[-1] not in _END_PUNCTUATION
            and len(lines[1]) > len(first) and not _is_bullet(first)):
        return [first, _join(lines[1:])]
    return [_join(lines)]


def _join(lines: list[str]) -> str:
    if len(lines) > 1 and any(_is_bullet(line) for line in lines):
        return "\n".join(lines)
    return " ".join(lines)


def _is_bullet(line: str) -> bool:
    return line[0] in _BULLET_START and _BULLET.match(line) is not None


# --- markdown -------------------------------------------------------------------------

_MD_RULE = re.compile(r"(?:-{3,}|\*{3,}|_{3,})")
_MD_HEADING = re.compile(r"#{1,6}\s+(.*?)(?:\s+#+)?")
_MD_REFERENCE = re.compile(r"\[[^\]]+\]:\s*\S+.*")
_MD_INLINE = (
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),       # links, images → their text
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),        # reference links
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),          # autolinks
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])"), r"\2"),  # emphasis
    (re.compile(r"~~(.+?)~~"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),
)


def _unmark(blocks: list[list[str]]) -> list[list[str]]:
    """Markdown reduced to its text; each heading becomes a block of its own so it
    stays a paragraph of its own."""
    out: list[list[str]] = []
    for block in blocks:
        current: list[str] = []
        for line in block:
            if _MD_RULE.fullmatch(line) or _MD_REFERENCE.fullmatch(line):
                continue
            if heading := _MD_HEADING.fullmatch(line):
                if current:
                    out.append(current)
                    current = []
                if text := _unmark_line(heading.group(1)):
                    out.append([text])
            elif text := _unmark_line(line.lstrip("> ") if line[0] == ">" else line):
                current.append(text)
        if current:
            out.append(current)
    return out


def _unmark_line(line: str) -> str:
    if any(ch in line for ch in "[<*_~`"):
        for pattern, replacement in _MD_INLINE:
            line = pattern.sub(replacement, line)
    return line.strip()


# --- JSON -----------------------------------------------------------------------------


class _BadItem(Exception):
    pass


def _parse_json(text: str, key: str, folder: str, path: str | None
                ) -> tuple[list[Article], list[tuple[int, str]]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SkipFile(f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise SkipFile("invalid JSON: nested too deeply") from None
    if isinstance(data, dict):
        items = [data]
    elif isinstance(data, list):
        items = data
    else:
        raise SkipFile("JSON holds neither an article object nor a list of them")
    if not items:
        raise SkipFile("empty JSON list")
    articles: list[Article] = []
    problems: list[tuple[int, str]] = []
    for index, item in enumerate(items):
        try:
            articles.append(_json_article(item, stable_id("seed", key, str(index)), folder, path))
        except _BadItem as exc:
            problems.append((index, str(exc)))
    if not articles:
        raise SkipFile(f"no usable article in JSON (item {problems[0][0]}: {problems[0][1]})")
    return articles, problems


def _json_article(item: object, article_id: str, folder: str, path: str | None) -> Article:
    if not isinstance(item, dict):
        raise _BadItem(f"not an article object ({type(item).__name__})")
    title = item.get("title")
    title = " ".join(sanitize(title).split()) if isinstance(title, str) else ""
    if not title:
        raise _BadItem("no title")
    body = item.get("body")
    if isinstance(body, list) and all(isinstance(p, str) for p in body):
        body = "\n\n".join(body)
    if body is not None and not isinstance(body, str):
        raise _BadItem(f"body is not text ({type(body).__name__})")
    paragraphs = [p for block in re.split(r"\n[ \t]*\n", sanitize(body or ""))
                  if (p := " ".join(block.split()))]
    kept, removed = strip_boilerplate(paragraphs)
    source, url = _json_text(item.get("source")), _json_text(item.get("url"))
    return Article(
        id=article_id,
        source=source or f"seed:{folder}",
        title=title,
        body="\n\n".join(kept),
        published=_json_time(item.get("published")),
        url=url if url and re.match(r"https?://", url) else None,
        path=path,
        removed=removed,
        declared=_merge(_json_instruments(item.get("instruments"))),
    )


def _json_text(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(sanitize(value).split()) or None


def _json_time(value: object) -> datetime | None:
    """ISO 8601 (or the portal's format); a naive time means UTC, as feeds mean it."""
    text = _json_text(value)
    match = _STAMP.fullmatch(text) if text else None
    return _stamp_time(match, timezone.utc) if match else None


_TICKER = re.compile(r"[A-Z0-9][A-Z0-9.\-=^]{0,11}")


def _json_instruments(value: object) -> list[Instrument]:
    if not isinstance(value, list):
        return []
    found: list[Instrument] = []
    for entry in value:
        if isinstance(entry, str):
            text = _json_text(entry)
            if not text:
                continue
            if re.fullmatch(_ISIN, text):
                found.append(Instrument(isin=text, ticker=None, name=None))
            elif _TICKER.fullmatch(text):
                found.append(Instrument(isin=None, ticker=text, name=None))
            else:
                found.append(Instrument(isin=None, ticker=None, name=text))
        elif isinstance(entry, dict):
            isin, ticker, name = (_json_text(entry.get(k)) for k in ("isin", "ticker", "name"))
            if isin and not (re.fullmatch(_ISIN, isin) and _valid_isin(isin)):
                isin = None
            if isin or ticker or name:
                found.append(Instrument(isin=isin, ticker=ticker, name=name))
    return found
