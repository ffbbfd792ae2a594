"""The portal layout every text seed is read as: teaser, headline, timestamp,
instrument line, body, footer.

Blocks are recognised by their shape (a timestamp looks like a timestamp, an
instrument line ends in an ISIN, a footer starts with ``@ domain``), never by
position alone, and any of them may be missing, so a plain .txt/.md file is just a
portal article without most of its parts; what plain files add on top (markdown,
`Source:` lines, paragraph-first files) lives in `seeds_plain`.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, tzinfo
from functools import lru_cache
from itertools import groupby

from tui_reader.extract.boilerplate import strip_boilerplate
from tui_reader.extract.headline_copies import without_headline
from tui_reader.model import Article, Instrument
from tui_reader.sources.datelines import DATELINE, dateline_time, find_dateline
from tui_reader.sources.html_text import clean_text
from tui_reader.sources.seeds_errors import SkipFile
from tui_reader.sources.seeds_plain import TITLE_LIMIT, meta_line, short_title, take_trailing_meta, unmark

__all__ = ["ISIN", "STAMP", "merge", "parse_text", "stamp_time", "valid_isin"]

ISIN = r"[A-Z]{2}[A-Z0-9]{9}[0-9]"
_ISIN_TOKEN = re.compile(rf"\b{ISIN}\b")
_NAMED_ISIN = rf"(?:[^,;|/\s][^,;|/]{{0,150}}?\s+)?{ISIN}"
_INSTRUMENT_LINE = re.compile(rf"{_NAMED_ISIN}(?:\s*[,;|/]\s*{_NAMED_ISIN})*")
_INSTRUMENT_PAIR = re.compile(rf"(?:([^,;|/\s][^,;|/]{{0,150}}?)\s+)?({ISIN})")
_FOOTER = re.compile(r"@\s*([A-Za-z0-9][\w-]*(?:\.[\w-]+)*\.[A-Za-z]{2,})\s*(?:\|\s*(.*))?")
STAMP = re.compile(
    r"""
    (?:(?:published|date|updated|veröffentlicht|datum)\s*:\s*)?
    (?:
      (?:(?P<H0>\d{1,2}):(?P<M0>\d{2})(?:\s*Uhr)?\s*[|,–-]\s*)?  # "22:25 | 22.12.2020"
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
_PARTIAL_DAY = re.compile(r"(?:19|20)[0-9]{2}(?:-[01][0-9])?")
"""A date line that names only a year or a month ("2024-06"): no publication time, but
the header's line all the same, so its `Source:` and `URL:` lines are read."""
_BOXED_ISIN = re.compile(r"WKN:?[ \u00a0]?[A-Z0-9]{6}[ \u00a0]\|[ \u00a0]ISIN:?[ \u00a0]?([A-Z]{2}[A-Z0-9]{9}[0-9])")
"""finanznachrichten.de's box above a release, "WKN: A3MQRK | ISIN: DE000A3MQRK6 |
Ticker-Symbol: 3330": the box leaves the body as furniture, its ISIN names the issuer."""
_OPEN_END = re.compile(r"(?<![\w.-])[a-zäöüß][a-zäöüß'-]*$")
"""A paragraph ending in a lower-case word: "… after falling", "… ist um"."""
_BULLET_START = frozenset("-*+•0123456789")
_HEADER_LINE_LIMIT = 400
_MARKUP = re.compile(r"</?(?:a|p|div|span|br|html|body|head|title|b|i|strong|em|ul|ol|li|table|tr|td|h[1-6])\b[^<>]{0,400}>",
                     re.IGNORECASE)
"""An HTML tag in a seed's text: the paragraph is read as HTML (`html_text.clean_text`)."""
_NOT_DATELINE = frozenset("@#-*•(\"'„“")
"""First characters no dateline starts with: header lines skip its regex."""


def parse_text(text: str, *, markdown: bool) -> Article:
    """Title, time, declared instruments, source, url and body of a text seed; the
    caller sets id, path, and the fallback source."""
    blocks = _blocks(text)
    if markdown:
        blocks = unmark(blocks)
    meta = take_trailing_meta(blocks)
    source, declared = "", []
    if blocks and (footer := _FOOTER.fullmatch(blocks[-1][-1])):
        blocks[-1].pop()
        if not blocks[-1]:
            blocks.pop()
        source = footer.group(1).lower()
        declared = [Instrument(isin=code, ticker=None, name=None)
                    for code in _ISIN_TOKEN.findall(footer.group(2) or "")]
    rest = blocks[1:] if len(blocks) > 1 and _is_teaser(blocks) else blocks
    title, opening = "", ""
    while rest and not title:
        line = rest[0].pop(0)
        title = _title(line)
        if len(title) > TITLE_LIMIT:  # the file opens with its first paragraph: keep it
            opening, title, under = line, short_title(title), rest[0]
            break
        if rest[0] and set(rest[0][0]) <= set("=-"):  # setext underline
            rest[0].pop(0)
        if not rest[0]:
            rest = rest[1:]
    if not title:
        raise SkipFile("no title")
    published, named = _header(rest, meta)
    if opening:  # back before the body, after the lines under it ("2026-02-12")
        if rest and rest[0] is under:
            under.insert(0, opening)
        else:
            rest.insert(0, [opening])
    paragraphs = [p for block in rest for p in _block_paragraphs(block)]
    if any("<" in p for p in paragraphs):  # a page's markup pasted with its text: "Shares of <a href=…>Meta</a> fell"
        paragraphs = [q for p in paragraphs for q in (
            clean_text(p).split("\n\n") if "<" in p and _MARKUP.search(p) else [p]) if q]
    boxed = [Instrument(isin=m[1], ticker=None, name=None)
             for p in paragraphs if p.startswith("WKN") and (m := _BOXED_ISIN.match(p))]
    paragraphs, repeated = without_headline(_rejoin_broken(paragraphs), title)
    kept, removed = strip_boilerplate(paragraphs)
    removed = repeated + removed
    if published is None and kept:
        published = find_dateline(kept[0], _berlin())
    return Article(id="", source=source or meta.get("source", ""), title=title, body="\n\n".join(kept),
                   published=published, url=meta.get("url"), removed=removed,
                   declared=merge(named, declared, boxed))


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
    if STAMP.fullmatch(stamp_after):
        return True
    headline = second[0]
    if len(second) != 1 or headline[-1] == "." or "," not in line or STAMP.fullmatch(headline):
        return False
    words = re.findall(r"\w+", headline.lower())
    teaser = re.findall(r"\w+", re.sub(r"['’]s\b", "", line.lower()))
    return all(any(w.startswith(t) for w in words) for t in teaser)


def _title(line: str) -> str:
    return " ".join(line.lstrip("#").split())


def _header(rest: list[list[str]], meta: dict[str, str]) -> tuple[datetime | None, list[Instrument]]:
    """Consume the timestamp, instrument and `Source:`/`URL:` lines that follow the
    headline; the latter go into `meta` unless the end of the file already said."""
    published: datetime | None = None
    stamped = False
    declared: list[Instrument] = []
    while rest:
        block = rest[0]
        while block:
            line = block[0]
            if len(line) > _HEADER_LINE_LIMIT:
                return published, declared
            if not stamped and (match := STAMP.fullmatch(line)):
                published, stamped = stamp_time(match, _berlin()), True
            elif not stamped and line[0] not in _NOT_DATELINE and (match := DATELINE.fullmatch(line)):
                published, stamped = dateline_time(match, _berlin()), True
            elif not stamped and _PARTIAL_DAY.fullmatch(line):
                stamped = True  # "2024-06": a month, no day to publish on; the meta lines still follow
            elif _INSTRUMENT_LINE.fullmatch(line):
                declared.extend(Instrument(isin=code, ticker=None, name=name or None)
                                for name, code in _INSTRUMENT_PAIR.findall(line))
            elif found := meta_line(line):
                meta.setdefault(*found)
            else:
                return published, declared
            block.pop(0)
        del rest[0]
    return published, declared


def stamp_time(match: re.Match[str], naive_zone: tzinfo) -> datetime | None:
    """The time a timestamp line states; naive times are in `naive_zone`. None for
    impossible dates (31.02.), which still count as the timestamp line. A date without
    a time is a calendar day: midnight UTC, never midnight in `naive_zone`, which UTC
    (and the reader west of it) would show as the day before (see `datelines`)."""
    zone = UTC if match.group("utc") else naive_zone
    try:
        if iso := match.group("iso"):
            moment = datetime.fromisoformat(iso)
            if len(iso) == 10:
                return moment.replace(tzinfo=UTC)
            return moment if moment.tzinfo is not None else moment.replace(tzinfo=zone)
        hour, minute = (match["H"], match["M"]) if match["H0"] is None else (match["H0"], match["M0"])
        if hour is None:
            return datetime(int(match["y"]), int(match["m"]), int(match["d"]), tzinfo=UTC)
        # The zone passed in, not set by replace() afterwards: 0.5 µs less per article.
        return datetime(int(match["y"]), int(match["m"]), int(match["d"]),
                        int(hour), int(minute), int(match["S"] or 0), tzinfo=zone)
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _berlin() -> tzinfo:
    """The portal's local time, for timestamps that do not state an offset."""
    from zoneinfo import ZoneInfo

    return ZoneInfo("Europe/Berlin")


def merge(*groups: list[Instrument]) -> list[Instrument]:
    """Declared instruments in order, valid ISINs only, each ISIN once (the instrument
    line's named entry wins over the footer's bare ISIN)."""
    seen: set[str] = set()
    out: list[Instrument] = []
    for instrument in (i for group in groups for i in group):
        if instrument.isin is not None:
            if instrument.isin in seen or not valid_isin(instrument.isin):
                continue
            seen.add(instrument.isin)
        out.append(instrument)
    return out


@lru_cache(maxsize=4096)
def valid_isin(code: str) -> bool:
    from stdnum import isin  # ~20 ms to import; only needed once a file declares one

    return isin.is_valid(code)


def _block_paragraphs(lines: list[str]) -> list[str]:
    """A block's wrapped lines joined into one paragraph; a short unpunctuated first
    line followed by a longer one is a section heading (or the `Ad` marker) and stays
    a paragraph of its own, unless the next line goes on in lower case: then the line
    was wrapped mid-sentence ("… in the range of $10.80" / "billion to $10.92 billion")."""
    first = lines[0]
    if (len(lines) > 1 and len(first) <= 70 and first[-1] not in _END_PUNCTUATION
            and len(lines[1]) > len(first) and not _is_bullet(first) and not lines[1][:1].islower()):
        return [first, _join(lines[1:])]
    return [_join(lines)]


def _rejoin_broken(paragraphs: list[str]) -> list[str]:
    """Paragraphs a saved page broke mid-sentence, put back together.

    A browser's or a crawler's text puts an inline link or a quote box on lines of its
    own, so "Shares have gained" / "10%" / "since the report." arrive as three
    paragraphs and the move loses its verb. A paragraph of a few words that ends in a
    lower-case word without punctuation and one that starts with a number, or one that
    ends without punctuation and one that starts in lower case, are one sentence; a
    heading is short, or followed by a capital or a name such as "iPhone"."""
    out: list[str] = []
    for paragraph in paragraphs:
        if out and _continues(out[-1], paragraph):
            out[-1] = f"{out[-1]} {paragraph}"
        else:
            out.append(paragraph)
    return out


def _continues(before: str, after: str) -> bool:
    first = after[0]
    if (before[-1] in _END_PUNCTUATION or "\n" in before or before.count(" ") < 3
            or _is_bullet(after)):
        return False
    if first.islower():  # "… gained 10%" / "since the report."; not a heading before "iPhone sales …"
        last = before[before.rfind(" ") + 1:]
        return not after[1:2].isupper() and "/" not in last and "." not in last  # "… zuvor./ag/men": signed off
    return (first.isdigit() or first in "$€£") and _OPEN_END.search(before) is not None


def _join(lines: list[str]) -> str:
    if len(lines) > 1 and any(_is_bullet(line) for line in lines):
        return "\n".join(lines)
    return " ".join(lines)


def _is_bullet(line: str) -> bool:
    return line[0] in _BULLET_START and _BULLET.match(line) is not None
