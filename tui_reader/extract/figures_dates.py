"""Calendar dates written in English, German or ISO form, as ISO date strings.

Only dates with a day count: "in March", "Q3 2026" and "by 2030" are not dates. A
date written without a year is resolved against the article's publication time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta

from tui_reader.extract.figures_numbers import SP, Found

LOOKBACK = timedelta(days=31)
"""How far before publication a year-less date is still read as the recent past.

Otherwise it is the next such date on or after publication ("due on January 5" in an
article of December 20 is next year's). Without this, "said on January 27" in an
article of January 29 would land eleven months in the future.
"""

_MONTHS = {
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
_MONTH_EN = ("January|February|March|April|May|June|July|August|September|October|November"
             "|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec")
_MONTH_DE = "Januar|Jänner|Februar|März|Maerz|Mai|Juni|Juli|Oktober|Dezember"
_WEEKDAY = (rf"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Montag|Dienstag|Mittwoch"
            rf"|Donnerstag|Freitag|Samstag|Sonntag),?{SP}+")
_YEAR = rf"(?:,?{SP}+(?P<{{}}>(?:19|20)[0-9]{{{{2}}}})(?![0-9]))?"

_DATE = re.compile(
    # Month first: "February 19, 2026", "Thursday, Feb. 19", "March 12th"
    rf"(?<!\w)(?:{_WEEKDAY})?(?P<m1>{_MONTH_EN})\.?{SP}+(?P<d1>[0-3]?[0-9])(?:st|nd|rd|th)?"
    rf"(?![\w%]|[.,][0-9]){_YEAR.format('y1')}"
    # Day first: "19 February 2026", "12. März 2026", "Donnerstag, 19. Februar"
    rf"|(?<![\w.,/])(?:{_WEEKDAY})?(?P<d2>[0-3]?[0-9])(?:st|nd|rd|th|\.)?{SP}+(?:of{SP}+)?"
    rf"(?P<m2>{_MONTH_EN}|{_MONTH_DE})(?!\w)\.?{_YEAR.format('y2')}"
    # ISO: "2026-02-19"
    r"|(?<![\w.,/-])(?P<y3>(?:19|20)[0-9]{2})-(?P<m3>[01][0-9])-(?P<d3>[0-3][0-9])"
    r"(?![\w/-]|[.,][0-9])"
    # German numeric: "19.02.2026"
    r"|(?<![\w.,/])(?P<d4>[0-3]?[0-9])\.(?P<m4>[01]?[0-9])\.(?P<y4>(?:19|20)[0-9]{2})"
    r"(?![0-9]|[.,][0-9])"
)


def dates(body: str, published: datetime | None) -> Iterator[Found]:
    """Every calendar date in `body`; year-less ones only when `published` is known."""
    anchor = published.date() if published is not None else None
    for m in _DATE.finditer(body):
        if m["m1"] is not None:
            month, day, year = _MONTHS[m["m1"].lower()], m["d1"], m["y1"]
        elif m["m2"] is not None:
            month, day, year = _MONTHS[m["m2"].lower()], m["d2"], m["y2"]
        elif m["m3"] is not None:
            month, day, year = int(m["m3"]), m["d3"], m["y3"]
        else:
            month, day, year = int(m["m4"]), m["d4"], m["y4"]
        when = _resolve(int(year) if year else None, month, int(day), anchor)
        if when is not None:
            yield Found(m.start(), m.end(), "date", when.isoformat())


def _resolve(year: int | None, month: int, day: int, anchor: date | None) -> date | None:
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
