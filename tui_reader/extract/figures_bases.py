"""Spans that are the base of a comparison, not a period: "a two-year low", "the 52-week
high", "the highest level in three years", "zum ersten Mal seit drei Jahren", "an
einem Tag". An average covers its span ("a premium to its five-year average", "the
200-day moving average"), so it stays a period.

The rule (issue 9): a period is a span the article says something lasts or covers
("over the next three years", "in den kommenden fünf Jahren", "für 2 Jahre", "seit drei
Jahren Chef"). A span used as an adjective of a record (low, high, peak, moving
average) or as the reach of a superlative ("the worst week in two years", "so hoch wie
seit sieben Jahren nicht mehr") says how far back a comparison looks, so it is no
period. Checked only for spans the period readers already found, so it costs nothing
on text without them.
"""

from __future__ import annotations

import re

_SKIPPED_WORDS = frozenset(
    "the den die der von next past last coming following previous prior nächsten kommenden "
    "letzten vergangenen trading business calendar".split())
"""Words between "in"/"seit" and the span's number ("in the past three years")."""

BASE_AFTER = re.compile(
    r"[- \u00a0](?:(?:closing|intraday|trading)[- ])?"
    r"(?:highs?|lows?|peaks?|records?|troughs?|bottoms?|best|worst|range|Linie"
    r"|Hochs?|Tiefs?|Höchststand|Tiefststand|Rekord"
    r"|nicht mehr|nicht gesehen|not seen"
    r"|Treasury|Treasuries|[Nn]otes?|[Bb]onds?|[Yy]ields?|gilts?|Bunds?|Anleihen?|Renditen?)(?!\w)")
"""What follows a span that makes it a comparison base: a noun it is the adjective of ("a
two-year low", "the 52-week high", "the 52-week range", "die 200-Tage-Linie"),
or the end of a record's phrase ("so hoch wie seit drei Jahren nicht mehr"); and the
tenor that names a bond ("the 10-year Treasury yield", "die 10-jährige Anleihe" is
written in words, "two-year notes"): a name, not a span the article talks about."""
_BASE_INTROS = frozenset("in seit since".split())
_SUPERLATIVES = frozenset(
    "highest lowest biggest largest smallest strongest weakest best worst steepest "
    "sharpest fastest slowest greatest deepest longest heaviest first most least "
    "erstmals".split())
_GERMAN_SUPERLATIVE_STEMS = frozenset(
    "höchst tiefst niedrigst stärkst schwächst größt kleinst best schlechtest steilst "
    "kräftigst deutlichst heftigst erst meist schnellst".split())
_SUPERLATIVE_WINDOW = 10
_SUPERLATIVE_REACH = 5
"""Words a superlative may stand before "in"/"seit": "the worst day for the index in"."""
"""Words read back from "in"/"seit" for a superlative: "the worst day for the index in"."""


def comparison_base(body: str, start: int, end: int) -> bool:
    """Whether the span at `start` is the base of a comparison, not a span something
    lasts: "the highest level in three years", "zum ersten Mal seit drei Jahren", "den
    stärksten Anstieg seit zehn Jahren". A period is a span the article says something
    lasts or covers ("over the next three years", "seit drei Jahren Chef"); after a
    superlative, "in"/"seit" only say how far back the record reaches, and a span right
    after one is the record's measure ("the biggest one-day drop")."""
    near = body[(start - 32 if start > 32 else 0):start]
    if body.find("-", start, end) > 0:  # an adjective: "the biggest one-day drop"
        last = near.rsplit(None, 1)[-1:]
        if last and (word := last[0].lower()) not in _ORDINALS and _superlative(word):
            return True
    if " in " not in near and " seit " not in near and " since " not in near:
        return False  # most spans: no "in"/"seit" before them at all (a superlative does)
    words = body[(start - 90 if start > 90 else 0):start].lower().split()[-_SUPERLATIVE_WINDOW:]
    at = len(words) - 1
    while at >= 0 and words[at] in _SKIPPED_WORDS:
        at -= 1
    if at < 0 or words[at] not in _BASE_INTROS:
        return False
    for word in reversed(words[max(0, at - _SUPERLATIVE_REACH):at]):
        if word[-1] in ".;:!?" or not word.isalpha() and any(c.isdigit() for c in word):
            return False  # a sentence end or another figure: "the biggest bank will cut
            # 5,000 jobs in three years" plans a span
        if _superlative(word.strip(".,;:()\"'“”„")):
            return True
    return False


def _superlative(word: str) -> bool:
    """Whether a lower-cased word is a superlative ("biggest", "höchsten", "first")."""
    if word in _SUPERLATIVES:
        return True
    stem = word.rstrip("enmrs")  # "höchsten" -> "höchst", "größte" -> "größt"
    return stem != word and stem in _GERMAN_SUPERLATIVE_STEMS
_ORDINALS = frozenset("first erste ersten erstem erster erstes".split())
"""Superlatives of order: right before a span they count it ("in den ersten neun
Monaten"), they do not measure a record."""


def single_day(body: str, start: int, count: float, unit_key: str) -> bool:
    """ "an einem Tag", "in a single day", "an einem einzigen Handelstag": the base of a
    record ("the biggest drop in a single day"), not a span."""
    if count != 1 or unit_key not in ("day", "tag"):
        return False
    before = body[(start - 12 if start > 12 else 0):start].lower()
    return before.endswith((" an ", " single ", " einzigen ", " one ")) or before == "an "

