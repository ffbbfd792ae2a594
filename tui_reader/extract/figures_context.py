"""The sentence a figure stands in, shown next to it in the UI and the JSON output.

Sentences end at . ! ? followed by a capital or a line break, and at blank lines
(section headings have no final punctuation). A period after an abbreviation
("Mrd.", "Feb.", "U.S.", "Inc.") or a German ordinal ("12. März") ends nothing.
Found with str.rfind/str.find around each figure rather than a regex over the whole
article: only sentences that hold figures are ever looked at.
"""

from __future__ import annotations

MAX_CONTEXT = 300
"""Longest context kept; longer sentences are cut to a window around the figure."""

_MARKS = (". ", "! ", "? ", ".\n", "!\n", "?\n", "\n\n")
_OPENERS = "\"“‘(«"
_ABBREVIATIONS = frozenset(
    "mrd mio tsd approx ca bzw nr no vs inc corp co ltd plc jr sr dr mr mrs ms prof st "
    "jan feb mar apr jun jul aug sep sept oct nov dec est fig dept gen gov rep sen".split())


def sentence_around(body: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence holding body[start:end] (at most MAX_CONTEXT either side)."""
    lo, hi = max(0, start - MAX_CONTEXT), min(len(body), end + MAX_CONTEXT)
    first, pos = lo, start
    while pos > lo:
        at, size = -1, 0
        for mark in _MARKS:
            found = body.rfind(mark, lo, pos)
            if found > at:
                at, size = found, len(mark)
        if at < 0:
            break
        if _ends_sentence(body, at, size):
            first = at + size
            break
        pos = at
    last, pos = hi, end
    while pos < hi:
        at = hi
        for mark in _MARKS:
            found = body.find(mark, pos, hi)
            if 0 <= found < at:
                at, size = found, len(mark)
        if at == hi:
            break
        if _ends_sentence(body, at, size):
            last = at + 1
            break
        pos = at + 1
    return first, last


def _ends_sentence(body: str, at: int, size: int) -> bool:
    mark = body[at]
    if mark == "\n" or mark in "!?":
        return True
    if size == 2 and body[at + 1] == " ":
        following = body[at + 2:at + 3].lstrip()
        if following and not (following.isupper() or following in _OPENERS):
            return False
    words = body[max(0, at - 12):at].split()
    if not words:
        return True
    token = words[-1].lstrip(_OPENERS)
    if token.isdigit():
        return len(token) > 2  # "12. März", "1. Quartal" are ordinals
    return not (len(token) == 1 or "." in token or token.lower() in _ABBREVIATIONS)


def context_text(body: str, first: int, last: int, start: int, end: int) -> str:
    """The sentence body[first:last] with whitespace collapsed, cut around the figure if long."""
    if last - first > MAX_CONTEXT:
        half = (MAX_CONTEXT - (end - start)) // 2
        first = max(first, start - half)
        last = min(last, max(end + half, first + MAX_CONTEXT))
        first = max(first, last - MAX_CONTEXT)
    return " ".join(body[first:last].split())
