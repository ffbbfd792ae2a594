"""The sentence a figure stands in, shown next to it in the UI and the JSON output.

Sentences end at . ! ? followed by a capital or a line break, and at blank lines
(section headings have no final punctuation). A period after an abbreviation
("Mrd.", "Feb.", "U.S.", "Inc.") or a German ordinal ("12. März") ends nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_right

MAX_CONTEXT = 300
"""Longest context kept; longer sentences are cut to a window around the figure."""

_BOUNDARY = re.compile(
    r"[.!?][\"”’)\]]*(?=[ \t\u00a0]+[\"“‘(]?[A-ZÄÖÜ]|[ \t\r]*\n)|\n[ \t\r]*\n")
_ABBREVIATIONS = frozenset(
    "mrd mio tsd approx ca bzw nr no vs inc corp co ltd plc jr sr dr mr mrs ms prof st "
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun "
    "est fig dept gen gov rep sen".split())


def sentence_starts(body: str) -> list[int]:
    """Offsets where the sentences of `body` begin, the first being 0."""
    starts = [0]
    for m in _BOUNDARY.finditer(body):
        at = m.start()
        if body[at] == "." and _is_abbreviation(body[max(0, at - 12):at]):
            continue
        starts.append(m.end())
    return starts


def _is_abbreviation(head: str) -> bool:
    words = head.split()
    if not words:
        return False
    token = words[-1].lstrip("([\"“‘'")
    if token.isdigit():
        return len(token) <= 2  # "12. März", "1. Quartal"
    return len(token) == 1 or "." in token or token.lower() in _ABBREVIATIONS


def context_of(body: str, starts: list[int], start: int, end: int) -> str:
    """The sentence around body[start:end], whitespace collapsed, at most MAX_CONTEXT long."""
    index = bisect_right(starts, start) - 1
    first = starts[index]
    last = starts[index + 1] if index + 1 < len(starts) else len(body)
    if last - first > MAX_CONTEXT:
        half = (MAX_CONTEXT - (end - start)) // 2
        first = max(first, start - half)
        last = min(last, max(end + half, first + MAX_CONTEXT))
        first = max(first, last - MAX_CONTEXT)
    return " ".join(body[first:last].split())
