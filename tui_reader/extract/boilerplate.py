"""Portal boilerplate: the promotional questions and the ad block inside article bodies.

German finance portals (and their English editions) end every article with the same
sales pitch: "Should investors sell immediately? Or is it worth buying X?", then an
`Ad` marker and two or three paragraphs pushing a "free analysis". None of it is news,
and its "buy"/"sell" wording would pollute search and figure extraction, so it goes.
The patterns are anchored to the pitch's fixed phrasing so that real sentences which
merely mention buying or selling stay. Every removal leaves a note, so the reader can
see what was taken out.
"""

from __future__ import annotations

import re

__all__ = ["strip_boilerplate"]

_APOS = "['’]"

_PROMO = re.compile(
    r"""
      should\ (?:investors|shareholders)\ sell\ immediately\?
    | or\ is\ it\ worth\ buying\ .{1,80}\?$
    | read\ the\ free\ analysis\ now
    | new\ .{1,80}\ analysis\ from\ .{1,40}\ delivers\ the\ answer
    | sollten\ anleger\ sofort\ verkaufen\?
    """,
    re.IGNORECASE | re.VERBOSE,
)
"""A paragraph that starts with one of these is the pitch. Each branch starts with a
literal, so a paragraph that is not the pitch fails within a few characters."""

_BUY_OR_SELL = re.compile(r"[^.!?]{0,80}?\b(?:buy or sell|kaufen oder verkaufen)\?!")
""""Nordlicht Stock: Buy or Sell?!" — matched on the lower-cased paragraph, and only
when it contains "?!"."""

_PROMO_TAIL = re.compile(
    r"(?<=[.!?\"”])\s+(?:Should (?:investors|shareholders) sell immediately\?|Sollten Anleger sofort verkaufen\?).*$",
    re.IGNORECASE,
)
"""The pitch glued onto the end of a real paragraph (no blank line before it); it ends
in a question mark, which is what gates the search."""

_AD_MARKER = re.compile(r"(?:ad|anzeige|advertisement|werbung)\s*:?", re.IGNORECASE)

_AD_CUE = re.compile(
    rf"""
      buy\ or\ sell | worth\ buying | should\ you\ sell | free\ analysis | delivers\ the\ answer
    | analysis\ from | read\ (?:more|here|now|the) | click\ here | find\ out\ what\ to\ do
    | urgent\ action | speak\ for\ themselves | investor{_APOS}?s?\ (?:need|must)
    | kaufen\ oder\ verkaufen | analyse | liefert\ die\ antwort | hier\ lesen | jetzt\ lesen
    """,
    re.VERBOSE,
)
"""Phrases of the ad copy after the marker, matched on the lower-cased paragraph (an
IGNORECASE scan is several times slower); the first paragraph without any ends the block."""

_PITCH_LIMIT = 300
_MARKER_LIMIT = len("advertisement:")
_NOTE_LIMIT = 60
_SENTENCE_END = re.compile(r"[.!?]+(?=\s)")


def strip_boilerplate(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """Split paragraphs into (kept, notes about what was removed).

    Notes read ``promotional line: Should investors sell immediately? …`` and
    ``ad block: 3 paragraphs`` (the marker counts as one), as CONTRACT.md shows.
    """
    kept: list[str] = []
    notes: list[str] = []
    in_ad = 0
    for paragraph in paragraphs:
        if in_ad:
            if len(paragraph) < 40 or _AD_CUE.search(paragraph.lower()):
                in_ad += 1
                continue
            notes.append(_ad_note(in_ad))
            in_ad = 0
        # The pitch is always short, so long paragraphs skip these regexes (parse budget).
        if len(paragraph) <= _PITCH_LIMIT:
            if len(paragraph) <= _MARKER_LIMIT and _AD_MARKER.fullmatch(paragraph):
                in_ad = 1
                continue
            if _PROMO.match(paragraph) or ("?!" in paragraph and _BUY_OR_SELL.match(paragraph.lower())):
                notes.append("promotional line: " + _shorten(paragraph))
                continue
        if paragraph.endswith("?") and (tail := _PROMO_TAIL.search(paragraph, max(0, len(paragraph) - _PITCH_LIMIT))):
            notes.append("promotional line: " + _shorten(tail.group().strip()))
            paragraph = paragraph[: tail.start()]
        kept.append(paragraph)
    if in_ad:
        notes.append(_ad_note(in_ad))
    return kept, notes


def _ad_note(count: int) -> str:
    return f"ad block: {count} paragraph{'s' if count != 1 else ''}"


def _shorten(line: str) -> str:
    """The first sentence, or the first words, so a note stays one short line."""
    end = _first_sentence_end(line)
    if end is not None and end <= _NOTE_LIMIT:
        head = line[:end]
    elif len(line) <= _NOTE_LIMIT:
        return line
    else:
        head = line[:_NOTE_LIMIT].rsplit(" ", 1)[0]
    return head if head == line else head + " …"


def _first_sentence_end(line: str) -> int | None:
    match = _SENTENCE_END.search(line)
    return match.end() if match else None
