"""Multiples: "3x", "10-fold", "2.5 times as large", "tenfold", "double", "verzehnfacht".

Written with digits they come from the scanning pass in figures_scan; written in words
from the worded-figures pass in figures_heads, which finds the head word (fold, fach,
times, doubl...) and hands it here. "N times" is a multiple only when the words around
it say so ("grew three times", "three times as large"): otherwise it counts events
("three times a year").
"""

from __future__ import annotations

import re
from datetime import date

from tui_reader.extract.figures_numbers import Found, parse_number, word_value
from tui_reader.extract.figures_periods import THE
from tui_reader.extract.figures_worded import HALVES, number_word_before

NOT_AFTER = ("-", " digit", "-digit", " down", " dip", " yellow", " whammy", " standard", " taxation",
             " counting", " bottom", " top", " role", " click", " check", " shift")
""""double-digit", "double digits", "double down", "a double yellow line", "a double whammy"
multiply nothing."""
WORD_MULTIPLES = {"doubl": 2.0, "tripl": 3.0, "quadr": 4.0, "quint": 5.0, "halve": 0.5, "halvi": 0.5,
                  "verdo": 2.0, "verdr": 3.0, "vervi": 4.0, "halbi": 0.5}
"""Multiplying words by their first five letters, all the head pattern lets through."""
_FACH = {"hundert": 100.0, "tausend": 1000.0, "vierzig": 40.0, "fünfzig": 50.0}
"""German multiplying numbers beyond figures_numbers' words ("verhundertfacht")."""
_TIMES_AFTER = frozenset(
    "as more larger bigger higher greater faster the its their that what over "
    "earnings sales revenue revenues profit profits book expected forward trailing "
    "estimated ebitda average normal usual typical daily cheaper smaller lower less fewer slower "
    "longer wider stronger heavier costlier pricier above below".split())
"""Words after "N times" that make it a multiplier ("three times as large", "trades at
12 times expected earnings", "on 5 times average volume")."""
_RATIO_NOUNS = frozenset({"ratio", "leverage", "multiple", "coverage"})
"""A ratio named before "to/of/from N times": that ratio's level, a multiple."""
_TIMES_BEFORE = frozenset(
    "grow grew grown growing grows rise rose risen increase increased expand expanded "
    "multiply multiplied multiplies jumped climbed surged soared at".split())
"""Words before "N times" that make it a multiplier ("grew three times", "trades at 18
times next year's earnings")."""
_OVER_PREFIXES = ("oversubscribed", "overbooked", "überzeichnet")
"""Words a few before "N times" that measure demand: "oversubscribed by more than 20 times"."""


def x_multiple(body: str, m: re.Match[str], _: date | None) -> tuple[Found | None, int]:
    """ "3x", "3.5x"; not "RNS Number : 9973X", a code with no multiple that large."""
    value = parse_number(body[m.start():m.end("n")], False)
    return _multiple(m, value if value is not None and value < 1000 else None), m.end()


def fold_multiple(body: str, m: re.Match[str], _: date | None) -> tuple[Found | None, int]:
    """ "10-fold"."""
    raw = body[m.start():m.end("n")]
    value = parse_number(raw, "," in raw and body[m.end("n") + 1:m.end("n") + 2] == "F")  # "das 2,5-Fache"
    return _multiple(m, value), m.end()


def _multiple(m: re.Match[str], value: float | None) -> Found | None:
    return (m.start(), m.end(), "multiple", value, None, None, None, None, None) if value else None


def times_multiple(body: str, m: re.Match[str], _: date | None) -> tuple[Found | None, int]:
    """ "2.5 times as large", "grew 3 times"."""
    value = parse_number(body[m.start():m.end("n")], False)
    if not value or not multiplies(body, m.start(), m.end()):
        return None, m.end()
    low = _TIMES_LOW.search(body, max(0, m.start() - 16), m.start())
    if low is not None and (low_value := parse_number(low["n"], False)) and low_value < value:
        return (low.start(), m.end(), "multiple", low_value, None, None, None, None, value), m.end()
    return (m.start(), m.end(), "multiple", value, None, None, None, None, None), m.end()


_COUNTED_ON = frozenset("before after during within until".split())
"""After "twice more", "three times more": words that make it a count of events."""
_EARNINGS_OF = re.compile(r"(?:19|20)[0-9]{2}|[0-9]{1,2}-(?:month|year|week)")
"""The year or span a valuation multiple is of, between "times" and "earnings"."""
_VALUED = frozenset({"trades", "trade", "trading", "traded", "valued", "priced"})
_TIMES_LOW = re.compile(r"(?<![\w.,])(?P<n>[0-9]+(?:\.[0-9]+)?)[ \u00a0]*(?:to|-|–|and)[ \u00a0]*$")
"""The low end of a range of multiples: "20 to 50 times cheaper"."""


def fold(body: str, glued: int, head: int, end: int, lower: str) -> Found | None:
    """ "tenfold", "ten-fold", "zehnfach", "das Zehnfache": the number written before the
    head body[head:end] (`lower`), glued to it from `glued` on or a word before it."""
    if glued == head:  # "ten-fold"
        number, start = number_word_before(body, head - 1 if body[head - 1:head] == "-" else head)
    else:
        number, start = body[glued:head].lower(), glued
    if lower.startswith("fach"):  # "zehnfach", "das Zehnfache", "um das Dreifache"
        value = fach_value(number.lower()) if number else None
    else:
        count = word_value(number) if number else None
        value = float(count) if count else None
    return (start, end, "multiple", value, None, None, None, None, None) if value else None


def fach_value(number: str) -> float | None:
    """The multiple a German "-fach" word names ("zehn" in "verzehnfacht"); none for
    "ein" ("vereinfacht", "einfach") nor "viel"/"mehr" (no number)."""
    count = word_value(number) or _FACH.get(number) or HALVES.get(number)
    return float(count) if count and count >= 1.5 else None


def worded_times(body: str, glued: int, head: int, end: int) -> Found | None:
    """ "three times as large": a number word before "times" that multiplies."""
    if glued != head:  # "sometimes"
        return None
    number, start = number_word_before(body, head)
    count = word_value(number) if number else None
    if not count or not multiplies(body, start, end):
        return None
    return (start, end, "multiple", float(count), None, None, None, None, None)


def multiplies(body: str, start: int, end: int) -> bool:
    """Whether "N times" multiplies ("three times as large", "oversubscribed by more than
    20 times") or counts ("three times a year", "three times over the last four
    quarters": "over" before a span counts events)."""
    following = body[end:end + 40].split(None, 2)
    if len(following) > 1 and _EARNINGS_OF.fullmatch(following[0]):
        following = following[1].split(None, 2)  # "seven times 2025 earnings", "6.9 times 12-month forward earnings"
    if following and (after := following[0].rstrip(".,;:").lower()) in _TIMES_AFTER:
        if after == "more" and len(following) > 1 and following[1].split(None, 1)[0] in _COUNTED_ON:
            return False  # "cut rates twice more before year-end": two more times
        return not (after == "over" and len(following) > 1 and following[1] in THE)
    before = body[(start - 32 if start > 32 else 0):start].rsplit(None, 4)
    if not before:
        return False
    if before[-1].lower() in _TIMES_BEFORE:
        return True
    if before[-1] in ("to", "of", "from") and any(
            w.lower() in _RATIO_NOUNS or w.startswith("times") for w in before[:-1]):
        return True  # "its debt to earnings ratio to 2.5 times, from 2.9 times now"
    if len(before) > 1 and before[-1] in ("at", "for") and before[-2].lower() in _VALUED:
        return True  # "BofA trades for 8.4 times", "valued at 20 times": a valuation
    return any(word.startswith(_OVER_PREFIXES) for word in before[:-1])
