"""The sentence a figure stands in, shown next to it in the UI and the JSON output.

Sentences end at . ! ? followed by a capital or a line break, and at blank lines
(section headings have no final punctuation). A period after an abbreviation
("Mrd.", "Feb.", "U.S.", "Inc.") or a German ordinal ("12. März") ends nothing.
The candidate marks are found in one regex pass per article and looked up by bisection
for each figure; whether a mark really ends its sentence is decided only for marks next
to a figure, once each.

`figure_sentences` is the one walk that hands each figure its sentence: the extractor
attaches sentences with it and the store (store/figure_codec.py) rebuilds them with it
when it reads figures stored without their text, so the two cannot drift apart.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

MAX_CONTEXT = 300
"""Longest context kept; longer sentences are cut to a window around the figure."""

_MARK = re.compile(r"[.!?\n](?:(?<=\n)(?=\n)|(?<!\n)(?=[ \n]))")
"""Every place a sentence may end: the first character of a two-character mark (". ",
".\n", "\n\n"), matched one character wide so ".\n\n" yields both of its marks. One
leading character class lets the engine skip ahead to candidates (a top-level
alternation is tried at every position: twice the time)."""
_OPENERS = "\"“‘(«"
_ABBREVIATIONS = frozenset(
    "mrd mio tsd approx ca bzw nr no vs inc corp co ltd plc jr sr dr mr mrs ms prof st "
    "jan feb mar apr jun jul aug sep sept oct nov dec est fig dept gen gov rep sen".split())


class Sentences:
    """The sentence boundaries of one article, found once and shared by all its figures."""

    __slots__ = ("_body", "_marks", "_ends")

    def __init__(self, body: str) -> None:
        self._body = body
        self._marks = [m.start() for m in _MARK.finditer(body)]
        self._ends: dict[int, bool] = {}

    def around(self, start: int, end: int) -> tuple[int, int]:
        """The span of the sentence holding body[start:end] (at most MAX_CONTEXT either side)."""
        body, marks = self._body, self._marks
        lo = start - MAX_CONTEXT if start > MAX_CONTEXT else 0
        hi = min(len(body), end + MAX_CONTEXT)
        first = lo
        i = bisect_left(marks, start - 1) - 1  # a mark ending right before the figure counts
        while i >= 0 and marks[i] >= lo:
            if marks[i] + 2 <= start and self._ends_at(marks[i]):
                first = marks[i] + 2
                break
            i -= 1
        last = hi
        i = bisect_left(marks, end)
        while i < len(marks) and marks[i] < hi:
            if marks[i] + 2 <= hi and self._ends_at(marks[i]):
                last = marks[i] + 1
                break
            i += 1
        return first, last

    def _ends_at(self, at: int) -> bool:
        ends = self._ends.get(at)
        if ends is None:
            ends = self._ends[at] = _ends_sentence(self._body, at, 2)
        return ends


def _ends_sentence(body: str, at: int, size: int) -> bool:
    mark = body[at]
    if mark == "\n" or mark in "!?":
        return True
    if size == 2 and body[at + 1] == " ":
        following = body[at + 2:at + 3].lstrip()
        if following and not (following.isupper() or following in _OPENERS):
            return False
    words = body[(at - 12 if at > 12 else 0):at].split()
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
    text = body[first:last]
    # Every character str.split() breaks on except the plain space is unprintable, so a
    # printable sentence without double spaces only needs its ends trimmed.
    if text.isprintable() and "  " not in text:
        return text.strip(" ")
    return " ".join(text.split())


def figure_sentences(body: str, figures: Iterable[tuple[int, int, *tuple[object, ...]]]) -> list[str]:
    """The sentence of each figure of `body`, in order; a figure is any tuple that starts
    with its (start, end), sorted by start (the extractor's own rows are passed as they
    are: building (start, end) pairs for it cost more than the walk saves).

    Figures of one sentence share it: a figure starting inside the previous figure's
    sentence takes the same text, cut around itself only when the sentence is longer
    than MAX_CONTEXT, so the boundaries are looked up once per sentence."""
    sentences = Sentences(body)
    out: list[str] = []
    append = out.append
    first = last = -1
    context = ""
    for figure in figures:
        start = figure[0]
        if not first <= start < last:
            end = figure[1]
            first, last = sentences.around(start, end)
            context = context_text(body, first, last, start, end)
        elif last - first > MAX_CONTEXT:
            context = context_text(body, first, last, start, figure[1])
        append(context)
    return out
