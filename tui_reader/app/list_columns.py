"""Which columns the article list shows, and how wide, for the width it has.

The headline is what a reader scans, so it takes every cell the other columns do not
need; those are sized to their content (the longest ticker, move and source loaded).
A trader reads time, headline, ticker and move first, so when the headline would be cut
short (below `WANTED_TITLE` cells or its own length) the others give way in a fixed
order: the source goes first (the article pane names it), then the time takes its
compact form (`12-06 08:00` this year, `2025-10-31` before), which keeps the date on
screen even at 80 columns. Only a pane too narrow for `MIN_TITLE` cells beside the
compact time loses the time. A move measured on the company's other line names it
(`SAP +10.53 %` for SAP.DE) while the headline keeps what it wants beside the full or
the compact time; past that, before the compact time gives room to less than that, the
line's name gives way to a mark (`+10.53 %*`). The order depends on the list's width
alone, so a wider list never shows less than a narrower one. Textual-free, so each
width can be unit-tested.
"""

from __future__ import annotations

from dataclasses import dataclass

WANTED_TITLE = 60
"""A headline up to this long is worth the source column and the full time: most wire
and portal headlines are 50-75 characters, and their first 60 say what happened."""
MIN_TITLE = 20
"""Below this the headline says nothing: only then does the time go."""
GAP = 1
"""Cells between two columns (the table's own cell padding is off)."""
FULL_TIME = 16
"""`2026-02-06 21:27`"""
COMPACT_TIME = 11
"""`02-06 21:27` for this year's articles, `2025-10-31` for older ones (see `compact_time`)."""
MAX_SOURCE = 20
"""A source label longer than this is cut with "…"."""
SORT_MARK = " ▼"
"""After the header of the column the list is sorted by: its width counts."""
WHOLE_TITLE = 100
"""The longest headline a wide terminal gives room to whole (`whole_width`): a rare
longer one is cut rather than taking the article's or the instruments' cells."""


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    label: str
    width: int
    """Content cells, without the gap."""


@dataclass(frozen=True, slots=True)
class ContentWidths:
    """The widest value of each column among the rows loaded."""

    title: int = 0
    source: int = 0
    ticker: int = 0
    move: int = 0
    """With another line's move marked (`+10.53 %*`)."""
    named_move: int = 0
    """With another line's move naming that line (`SAP +10.53 %`)."""


TYPICAL = ContentWidths(title=WANTED_TITLE, source=MAX_SOURCE)
"""What an empty list is laid out for before any row was shown (a new store, a first
filter without a hit): headlines and sources as long as the usual ones. Measured on
no rows, the headline wanted 12 cells, so the empty list's header showed the source
column and the full time where every filled list at that width leaves them out."""


def compact_time(stamp: str, year: int) -> str:
    """`2026-12-06 08:00` as `12-06 08:00` when `year` is 2026, else the date alone:
    a date without its year is always this year's, so none is ambiguous."""
    if stamp.startswith(f"{year:04d}-"):
        return stamp[5:]
    return stamp[:10]


def layout(available: int, content: ContentWidths, sort_by: str = "time") -> tuple[list[Column], bool]:
    """Columns for `available` cells, and whether the time shows in full (else compact).

    Each column is followed by a gap of `GAP` cells (the last one's is its right edge),
    so the widths plus gaps never exceed `available`: the table never scrolls sideways.
    The column `sort_by` names is wide enough for its header and `SORT_MARK` (the time's
    and the move's always are).
    """
    ticker, move, named, source = _widths(content, sort_by)
    wanted = max(12, min(WANTED_TITLE, content.title))
    stages = (
        (FULL_TIME, True, wanted, named),
        (FULL_TIME, False, wanted, named),
        (COMPACT_TIME, False, wanted, named),
        (COMPACT_TIME, False, min(wanted, MIN_TITLE), move),
        (0, False, 0, move),
    )
    chosen: list[Column] = []
    full_time = False
    for time_width, with_source, enough, move_width in stages:
        fixed = [Column("read", "", 0)]  # the unread mark sits in its gap
        if time_width:
            fixed.append(Column("time", "Time", time_width))
        if with_source:
            fixed.append(Column("source", "Source", source))
        tail = [Column("ticker", "Ticker", ticker), Column("move", "Move", move_width)]
        title = available - sum(c.width + GAP for c in (*fixed, *tail)) - GAP
        chosen = [*fixed, Column("title", "Title", max(8, title)), *tail]
        full_time = time_width == FULL_TIME
        if title >= enough:
            break
    return chosen, full_time


def whole_width(content: ContentWidths, sort_by: str = "time") -> int:
    """The cells `layout` needs to show every column, the full time, each move's line
    named and the longest headline (up to `WHOLE_TITLE`) whole."""
    ticker, _move, named, source = _widths(content, sort_by)
    title = max(12, min(WHOLE_TITLE, content.title))
    return sum(width + GAP for width in (0, FULL_TIME, source, title, ticker, named))


def _widths(content: ContentWidths, sort_by: str) -> tuple[int, int, int, int]:
    """The ticker's, the move's (marked and named) and the source's column widths."""
    marked = {sort_by: len(SORT_MARK)}
    ticker = max(len("Ticker") + marked.get("ticker", 0), content.ticker)
    move = max(8, content.move)
    named = max(move, content.named_move)
    source = min(MAX_SOURCE, max(len("Source") + marked.get("source", 0), content.source))
    return ticker, move, named, source
