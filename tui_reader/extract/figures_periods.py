"""Spans of time ("over the next three years" → P3Y) and multiples ("tenfold" → 10.0).

Both are mostly written in words, so each has one regex anchored on its head word
(years, months, fold, times, double...) rather than on digits.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tui_reader.extract.figures_numbers import (
    GERMAN_NUMBER_WORD,
    NUMBER_WORD,
    SP,
    Found,
    word_value,
)
from tui_reader.extract.figures_words import previous_words

_WHICH = "next|past|last|coming|following|previous|prior"
_PERIOD = re.compile(
    rf"(?<!\w)(?P<lead>(?i:(?:over|within|in|during|for|across|through){SP}+(?:the{SP}+)?"
    rf"(?:(?:{_WHICH}){SP}+)?|(?:the{SP}+)?(?:{_WHICH}){SP}+))?"
    rf"(?P<n>(?i:{NUMBER_WORD})|[0-9]{{1,3}}(?:\.[0-9])?)(?:-|{SP})"
    rf"(?:(?:trading|business|calendar)[- ])?"
    rf"(?P<unit>years?|months?|weeks?|days?|decades?|quarters?)(?!\w)"
    rf"(?!-old|{SP}(?:ago|old|earlier|later|before)\b)"
    rf"|(?<!\w)(?P<de_lead>(?:innerhalb{SP}+(?:von{SP}+|der{SP}+nächsten{SP}+)?|binnen{SP}+"
    rf"|(?:in|In|über|Über){SP}+(?:den|die){SP}+(?:nächsten|kommenden|letzten|vergangenen)"
    rf"{SP}+))?(?P<de_n>{GERMAN_NUMBER_WORD}|[0-9]{{1,3}})(?:-|{SP})"
    rf"(?P<de_unit>Jahre?n?|Monate?n?|Wochen?|(?:Handelst|T)age?n?)(?!\w)"
)
_UNIT_CODES = {"year": (1, "Y"), "decade": (10, "Y"), "month": (1, "M"), "quarter": (3, "M"),
               "week": (1, "W"), "day": (1, "D"),
               "jahr": (1, "Y"), "monat": (1, "M"), "woche": (1, "W"), "tag": (1, "D")}
_TIMES_AFTER = frozenset(
    "as more larger bigger higher greater faster the its their that what over".split())
"""Words after "N times" that make it a multiplier ("three times as large")."""
_TIMES_BEFORE = frozenset(
    "grow grew grown growing grows rise rose risen increase increased expand expanded "
    "multiply multiplied multiplies jumped climbed surged soared".split())
"""Words before "N times" that make it a multiplier ("grew three times")."""

_MULTIPLE = re.compile(
    rf"(?<![\w.,])(?:(?P<fold>(?i:{NUMBER_WORD})|[0-9]{{1,3}}(?:\.[0-9]{{1,2}})?)-?fold"
    rf"|(?P<x>[0-9]{{1,4}}(?:\.[0-9]{{1,2}})?)[xX×]"
    rf"|(?P<times>(?i:{NUMBER_WORD})|[0-9]{{1,4}}(?:\.[0-9]{{1,2}})?){SP}+times"
    r"|(?P<word>[Dd]oubl(?:e|ed|es|ing)|[Tt]ripl(?:e|ed|es|ing)|[Qq]uadrupl(?:e|ed|es|ing)"
    r"|[Hh]alv(?:e|ed|es|ing)|[Vv]erdoppel\w*|[Vv]erdoppl\w*|[Vv]erdreifach\w*"
    rf"|[Vv]ervierfach\w*|[Hh]albier\w*)(?!-|{SP}+digits?\b)"
    r"|(?P<fach>zwei|drei|vier|fünf|zehn|hundert)fach(?:e[nrs]?)?)(?!\w)"
)
_WORD_MULTIPLES = (("doubl", 2.0), ("tripl", 3.0), ("quadr", 4.0), ("halv", 0.5),
                   ("verdo", 2.0), ("verdr", 3.0), ("vervi", 4.0), ("halbi", 0.5))
_FACH = {"zwei": 2.0, "drei": 3.0, "vier": 4.0, "fünf": 5.0, "zehn": 10.0, "hundert": 100.0}


def periods(body: str) -> Iterator[Found]:
    """Every span of time ("within five years", "52-week", "zwölf Monate") as ISO 8601."""
    for m in _PERIOD.finditer(body):
        if m["n"] is not None:
            count, unit, lead = m["n"], m["unit"].lower().removesuffix("s"), m["lead"]
        else:
            count, unit, lead = m["de_n"], m["de_unit"].lower(), m["de_lead"]
            unit = unit.removeprefix("handels")
            unit = next(u for u in ("jahr", "monat", "woche", "tag") if unit.startswith(u))
        if unit == "quarter" and not (lead and any(w in lead.lower() for w in _WHICH.split("|"))):
            continue  # "three quarters of revenue" is a fraction, not a period
        number = _count(count)
        if number is None or number <= 0:
            continue
        factor, code = _UNIT_CODES[unit]
        amount = number * factor
        text = f"{int(amount)}" if amount == int(amount) else f"{amount:g}"
        yield Found(m.start(), m.end(), "period", f"P{text}{code}")


def multiples(body: str) -> Iterator[Found]:
    """Every multiplier ("tenfold", "3.5x", "doubled", "three times as large")."""
    for m in _MULTIPLE.finditer(body):
        if m["word"] is not None:
            word = m["word"].lower()
            value: float | None = next(v for p, v in _WORD_MULTIPLES if word.startswith(p))
        elif m["fach"] is not None:
            value = _FACH[m["fach"]]
        elif m["times"] is not None:
            following = body[m.end():m.end() + 20].split(None, 1)
            before = previous_words(body, m.start(), 1)
            if not ((following and following[0].lower() in _TIMES_AFTER)
                    or (before and before[0] in _TIMES_BEFORE)):
                continue  # "three times a year" counts events, it multiplies nothing
            value = _count(m["times"])
        else:
            value = _count(m["fold"] or m["x"])
        if value is not None and value > 0:
            yield Found(m.start(), m.end(), "multiple", value)


def _count(text: str) -> float | None:
    if text[0].isdigit():
        return float(text)
    word = word_value(text)
    return float(word) if word is not None else None
