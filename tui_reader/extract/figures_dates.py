"""Calendar dates written in English, German or ISO form, read as ISO date strings.

Only dates with a day count: "in March", "Q3 2026" and "by 2030" are not dates. The
patterns live in figures_scan (one pass for every digit-led figure); this module turns
their matches into dates and resolves dates written without a year.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from tui_reader.extract.figures_numbers import Found

LOOKBACK = timedelta(days=31)
"""How far before publication a year-less date is still read as the recent past.

Otherwise it is the next such date on or after publication ("due on January 5" in an
article of December 20 is next year's). Without this, "said on January 27" in an
article of January 29 would land eleven months in the future.
"""

MONTHS = {
    "january": 1, "jan": 1, "januar": 1, "jänner": 1,
    "february": 2, "feb": 2, "februar": 2,
    "march": 3, "mar": 3, "märz": 3, "maerz": 3,
    "april": 4, "apr": 4,
    "may": 5, "mai": 5,
    "june": 6, "jun": 6, "juni": 6,
    "july": 7, "jul": 7, "juli": 7,
    "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "oktober": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12, "dezember": 12,
}
MONTH_NAMES = "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True))
"""English and German month names and abbreviations, capitalised ("may" is a verb)."""

_WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday montag dienstag mittwoch "
    "donnerstag freitag samstag sonntag".split())


def iso_date(body: str, m: re.Match[str], anchor: date | None) -> tuple[Found | None, int]:
    start = m.start()
    return _found(body, start, m.end(), int(body[start:start + 4]), int(m["iso_m"]),
                  int(m["iso_d"]), anchor), m.end()


def dotted_date(body: str, m: re.Match[str], anchor: date | None) -> tuple[Found | None, int]:
    day = body[m.start():m.start("dot_m") - 1]
    return _found(body, m.start(), m.end(), int(m["dot_y"]), int(m["dot_m"]), int(day),
                  anchor), m.end()


def day_first_date(body: str, m: re.Match[str], anchor: date | None) -> tuple[Found | None, int]:
    text = m[0]
    day = text[:2] if text[1:2].isdigit() else text[:1]
    year = int(m["df_y"]) if m["df_y"] else None
    return _found(body, m.start(), m.end(), year, MONTHS[m["df_m"].lower()], int(day),
                  anchor), m.end()


def month_first_date(body: str, m: re.Match[str], anchor: date | None) -> tuple[Found | None, int]:
    head = body[max(0, m.start() - 12):m.start()]
    words = head.split()
    month = MONTHS.get(words[-1].rstrip(".").lower()) if words else None
    if month is None:  # "number 5" passed the lookbehind on its last letters
        return None, m.end()
    text = m[0]
    day = text[:2] if text[1:2].isdigit() else text[:1]
    year = int(m["mf_y"]) if m["mf_y"] else None
    start = m.start() - (len(head) - head.rindex(words[-1]))
    return _found(body, start, m.end(), year, month, int(day), anchor), m.end()


def _found(body: str, start: int, end: int, year: int | None, month: int, day: int,
           anchor: date | None) -> Found | None:
    when = resolve(year, month, day, anchor)
    if when is None:
        return None
    return Found(_with_weekday(body, start), end, "date", when.isoformat())


def _with_weekday(body: str, start: int) -> int:
    """Widen a date's start over a weekday written before it ("Thursday, February 19")."""
    head = body[max(0, start - 13):start]
    words = head.split()
    if words and words[-1].rstrip(",").lower() in _WEEKDAYS:
        return start - (len(head) - head.rindex(words[-1]))
    return start


def resolve(year: int | None, month: int, day: int, anchor: date | None) -> date | None:
    """The date meant, or None when it does not exist or has no year to go by."""
    if year is not None:
        return _make(year, month, day)
    if anchor is None:
        return None
    earliest = anchor - LOOKBACK
    for candidate_year in range(anchor.year - 1, anchor.year + 5):
        when = _make(candidate_year, month, day)
        if when is not None and when >= earliest:
            return when
    return None


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
