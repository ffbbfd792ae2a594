"""Publication times as pages print them: "June 28, 2016 12:58 PM ET", "Fri Nov 7, 2025
3:30 pm JST", "13:32 JST, November 12, 2025", "02:15 AM EDT, 04/30/2025", "28. Juni 2016, 12:58 Uhr MESZ", "October 24, 2024 — 04:55 pm EDT",
"27-02-2025", "10.10.25 08:45 Uhr", "6th Nov 2025 10:18", Dow Jones' "03-15-24 0717ET".

Pasted articles and feed items without a date often carry their dateline as a line of
text. A named zone is read with its daylight-saving rules (ET is EDT in June); a time
without a zone is in the caller's zone. A date without a time is a calendar day, not
a moment: it is kept as midnight UTC so that it reads as that same day in every UTC
view (sorting, JSON), and the reader shows such values as a date alone
(`is_date_only`), never shifted into the day before.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, tzinfo
from functools import lru_cache

__all__ = ["DATELINE", "dateline_time", "find_dateline", "is_date_only"]

_MONTHS = {
    "jan": 1, "january": 1, "januar": 1, "jänner": 1, "feb": 2, "february": 2, "februar": 2,
    "mar": 3, "march": 3, "mär": 3, "märz": 3, "maerz": 3, "apr": 4, "april": 4, "may": 5, "mai": 5,
    "jun": 6, "june": 6, "juni": 6, "jul": 7, "july": 7, "juli": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "okt": 10, "oktober": 10,
    "nov": 11, "november": 11, "dec": 12, "december": 12, "dez": 12, "dezember": 12,
}
_ZONES = {
    "ET": "America/New_York", "EST": "America/New_York", "EDT": "America/New_York",
    "CT": "America/Chicago", "CST": "America/Chicago", "CDT": "America/Chicago",
    "MT": "America/Denver", "MST": "America/Denver", "MDT": "America/Denver",
    "PT": "America/Los_Angeles", "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles",
    "GMT": "UTC", "UTC": "UTC", "Z": "UTC", "BST": "Europe/London",
    "CET": "Europe/Berlin", "CEST": "Europe/Berlin", "MEZ": "Europe/Berlin", "MESZ": "Europe/Berlin",
    "JST": "Asia/Tokyo", "HKT": "Asia/Hong_Kong", "SGT": "Asia/Singapore",
    "AEST": "Australia/Sydney", "AEDT": "Australia/Sydney", "GMT/BST": "Europe/London",
}
_US_ZONES = frozenset({"ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT", "PST", "PDT"})
_MONTH = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
_ZONE = "|".join(sorted(_ZONES, key=len, reverse=True))
_WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun|mo|di|mi|do|fr|sa|so)[a-z]*\.?,?\s+"
_TIME = (
    r"(?:,?\s*(?:at\s+|um\s+|[-–—·|/]\s+)?(?P<H>\d{1,2})[:.](?P<M>\d{2})(?::(?P<S>\d{2}))?"
    r"\s*(?:(?P<ampm>[ap])\.?\s?m\.?|(?P<uhr>uhr))?"
    r"(?:\s+(?P<zone>" + _ZONE + r")|\s+(?P<offset>[+-]\d{2}:?\d{2}))?)?"
)
DATELINE = re.compile(
    r"(?:by\s[^\n]{1,60}?\s[-–|·]\s+)?"  # a byline before it: "By Jane Doe - Dec 16, 2025 at 2:41PM"
    r"(?:[A-ZÄÖÜ][\w.-]*(?:\s[A-ZÄÖÜ][\w.-]*){0,2},\s+(?=\d))?"  # the paper: "Börsen-Zeitung, 17.8.2018"
    r"(?:(?:last\s+|first\s+)?(?:published|updated|posted|veröffentlicht|aktualisiert|stand|date|datum)\s*:?\s*"
    r"(?:on\s+|am\s+)?)?"
    # the time first: "14:10 July 22, 2021", "03:06 21 Dec 2013 AEDT", "13:32 JST, November 12,
    # 2025", "02:15 AM EDT, 04/30/2025"
    r"(?:(?P<H0>\d{1,2}):(?P<M0>\d{2})(?:\s?(?P<ampm0>[ap])\.?m\.?)?"
    rf"(?:\s+(?P<zonef>{_ZONE}),)?\s+(?=[a-z]|\d{{1,2}}\s+[a-z]|\d{{1,2}}/\d{{1,2}}/))?"
    rf"(?:{_WEEKDAY})?"
    r"(?:"
    rf"(?P<mon>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*|\s+)(?P<year>\d{{4}})"  # June 28, 2016
    rf"|(?P<day2>\d{{1,2}})(?:\.\s*|(?:st|nd|rd|th)?\s+)(?P<mon2>{_MONTH})\.?,?\s+(?P<year2>\d{{4}})"  # 28 June 2016, 28. Juni 2016, 17.März 2020, 6th Nov 2025
    rf"|(?P<day3>\d{{1,2}})-(?P<mon3>{_MONTH})-(?P<year3>\d{{4}})"  # 03-Sep-2025
    r"|(?P<d>\d{1,2})(?P<sep>[.-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2}(?=\s+\d))"  # 28.06.2016, 28-06-2016, 28.06.16 12:58
    r"|(?P<s1>\d{1,2})/(?P<s2>\d{1,2})/(?P<sy>\d{4})"  # 26/05/2016 (day or month first: see `_slashed`)
    r"|(?P<djm>\d{2})-(?P<djd>\d{2})-(?P<djy>\d{2})\s+(?P<djH>\d{2})(?P<djM>\d{2})\s?ET"  # Dow Jones: 03-15-24 0717ET
    r")"
    + _TIME
    + rf"(?:\s+(?P<zone0>{_ZONE}))?"  # the zone of a time written first: "03:06 21 Dec 2013 AEDT"
    + r"(?:\s+(?:by\s.{1,60}|[-–|·]\s+(?:last\s+)?updated\b.{0,60})"  # "… by Adam Clark", "- Last updated at …"
    + r"|,\s+first\s+published:?\s+(?P<first>.{6,60}))?",  # "Last updated: …, First published: …"
    re.IGNORECASE,
)
"""One dateline, matched from its start; a whole line when used with `fullmatch`."""


def dateline_time(match: re.Match[str], naive_zone: tzinfo) -> datetime | None:
    """The moment a `DATELINE` match states (None for an impossible date such as 31 June).
    Its named zone wins over `naive_zone` ("Uhr" means Central European time); a date
    without a time is midnight UTC."""
    if match.group("first") and (original := DATELINE.fullmatch(match["first"])) is not None:
        return dateline_time(original, naive_zone)  # the first publication, not the update
    if match.group("djm"):  # Dow Jones Newswires: month first, two-digit year, New York time
        try:
            return datetime(2000 + int(match["djy"]), int(match["djm"]), int(match["djd"]), int(match["djH"]),
                            int(match["djM"]), tzinfo=_zone("ET"))
        except ValueError:
            return None
    if match.group("mon"):
        month, day, year = _MONTHS[match["mon"].lower()], match["day"], match["year"]
    elif match.group("mon2"):
        month, day, year = _MONTHS[match["mon2"].lower()], match["day2"], match["year2"]
    elif match.group("mon3"):
        month, day, year = _MONTHS[match["mon3"].lower()], match["day3"], match["year3"]
    elif match.group("sy"):
        slashed = _slashed(int(match["s1"]), int(match["s2"]))
        if slashed is None and (match["zone"] or match["zonef"] or "").upper() in _US_ZONES:
            slashed = int(match["s2"]), int(match["s1"])  # "10/07/2020 | 01:50am EDT": an American zone, month first
        if slashed is None:
            return None
        day, month, year = str(slashed[0]), slashed[1], match["sy"]
    elif match["sep"] == "-":  # "07-05-2025": day first as Europe writes it, unless the clock is American
        first, second = int(match["d"]), int(match["m"])
        american = bool(match["ampm"]) or (match["zone"] or "").upper() in _US_ZONES
        if american and first <= 12:
            first, second = second, first  # "03-04-2025 10:00 AM ET" is March 4
        day, month, year = str(first), second, match["y"]
    else:
        month, day, year = int(match["m"]), match["d"], match["y"]
        if len(year) == 2:  # "10.10.25 08:45 Uhr": a portal's short year, always this century
            year = "20" + year
    try:
        if match.group("H0") is not None:  # "14:10 July 22, 2021": local time of the page, or its zone's
            named = match["zonef"] or match["zone0"]
            zone = _zone(named.upper()) if named else naive_zone
            hour = int(match["H0"])
            if ampm0 := match.group("ampm0"):
                if not 1 <= hour <= 12:
                    return None
                hour = hour % 12 + (12 if ampm0.lower() == "p" else 0)
            return datetime(int(year), month, int(day), hour, int(match["M0"]), tzinfo=zone)
        if match.group("H") is None:
            return datetime(int(year), month, int(day), tzinfo=UTC)
        hour = int(match["H"])
        if ampm := match.group("ampm"):
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if ampm.lower() == "p" else 0)
        if match.group("offset"):  # "07:27:00 -0400"
            zone = datetime.strptime(match["offset"].replace(":", ""), "%z").tzinfo or naive_zone
        elif match.group("zone"):
            zone = _zone(match["zone"].upper())
        else:  # "Uhr" is German-speaking Europe's clock
            zone = _zone("MEZ") if match.group("uhr") else naive_zone
        return datetime(int(year), month, int(day), hour, int(match["M"]), int(match["S"] or 0), tzinfo=zone)
    except ValueError:
        return None


def _slashed(first: int, second: int) -> tuple[int, int] | None:
    """(day, month) of "26/05/2016" or "05/26/2016": the number above 12 is the day; when
    both could be months the date is unknown rather than guessed."""
    if first > 12 >= second:
        return first, second
    if second > 12 >= first:
        return second, first
    return None


_LEAD = 240
"""Characters at the start of a body where a dateline may stand."""
_PLACE = re.compile(r"[A-ZÄÖÜ][A-ZÄÖÜ.'\- ]{1,30}(?:/[A-ZÄÖÜ][A-Za-zäöü]+)?,\s*")
"""A wire story's place ("TOKYO, ", "FRANKFURT/MAIN, ") before its dateline."""


def find_dateline(body: str, naive_zone: tzinfo = UTC) -> datetime | None:
    """The dateline a body opens with, for items whose feed gave no date: a line of its
    own among the first lines, or the start of the first line, after a wire story's
    place ("TOKYO, Fri Nov 7, 2025 3:30 pm JST - ..."). A date elsewhere in a sentence
    is what the story is about, not when it appeared; and wire datelines without a year
    ("Dec 18 (Reuters)") say nothing about the year, so only full dates count."""
    head = body[:_LEAD]
    lines = head.split("\n")
    for number, line in enumerate(lines[:4]):
        line = line.strip()
        whole = number < len(lines) - 1 or len(body) <= _LEAD  # a whole line, not one cut off
        if whole and (match := DATELINE.fullmatch(line)) is not None:
            return dateline_time(match, naive_zone)
    first = lines[0]
    place = _PLACE.match(first)
    match = DATELINE.match(first, place.end() if place else 0)
    if match is not None and (match.group("H") is not None or place):
        return dateline_time(match, naive_zone)
    return None


def is_date_only(moment: datetime) -> bool:
    """Whether `moment` is how a date without a time is kept (midnight UTC exactly)."""
    return (moment.hour, moment.minute, moment.second, moment.microsecond) == (0, 0, 0, 0) and (
        moment.utcoffset() is not None and not moment.utcoffset()
    )


@lru_cache(maxsize=32)
def _zone(name: str) -> tzinfo:
    from zoneinfo import ZoneInfo

    return ZoneInfo(_ZONES[name])
