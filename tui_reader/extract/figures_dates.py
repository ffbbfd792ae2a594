"""Calendar dates written in English, German or ISO form, read as ISO date strings.

Only dates with a day count: "in March", "Q3 2026" and "by 2030" are not dates. The
patterns live in figures_scan (one pass for every digit-led figure); this module turns
their matches into dates and resolves dates written without a year.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from tui_reader.extract.figures_numbers import Found
from tui_reader.extract.figures_stamps import authored, page_furniture, release_dateline

_CUE = re.compile(
    r"\b(?=[a-z])(?:(?P<weak>due to|expected(?! to\b)|expects?|plans?|planned|ahead)"
    r"|(?P<future>will|would|due|scheduled|slated|next|upcoming|payable|expected to"
    r"|(?:is|are) set to|(?:is|are) to|comes?|arrives?|begins?|starts?|until)"
    r"|(?P<past>was|were|had|came|reported|said|closed|ended|rose|fell|reached|hit|peaked"
    r"|posted|announced|gained|lost|jumped|dropped|slid|climbed|traded|recorded|opened"
    r"|released|published|began|started|last|since|ago|earlier|having|tumbled|plunged|soared"
    r"|surged|declined|slumped|rallied|sank|high|low|seit|went|completed|launched|signed|agreed|filed|debuted"
    r"|priced|acquired|bought|sold|took|held))\b")
"""Words that put a year-less date in the past or the future: the last one before the
date in its clause decides ("said on January 27", "is due on March 3"). "weak" cues look
forward only to a date in the coming half year: they are as often adjectives and nouns
about the past ("better than expected on Feb. 28", "announced plans on Feb. 28", "rose
ahead of its Feb. 28 report"); "expected to" before a verb is the future ("is expected to
complete no later than December 31"). A record "high" or "low" was reached in the past ("its
record high of 618.95 from Oct. 21"). The lookahead after the word boundary skips the
boundaries that end words without trying all the cues there (the window is lower-cased
and every cue starts with a letter): 1.7 -> 1.2 us a search."""
_WEAK_REACH = 183
"""Days ahead a weak future cue may reach; beyond it the nearer reading wins."""
_CUE_WINDOW = 60
"""Characters before a date searched for a tense cue; a clause rarely reaches further."""
_CUE_TAIL = 20
"""Characters before a date read first for its tense cue (usually "is due on", "said on")."""

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
_ABBREVIATED = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
MONTH_NAMES = "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True))
"""English and German month names and abbreviations, capitalised ("may" is a verb)."""

_DATELINE = re.compile(
    r"\.?[ \u00a0]?(?:\([A-Za-z][\w .&/-]{0,30}\)|/[A-Za-z][\w .-]{0,30}/)[ \u00a0]?[-–—]")
"""What follows the date of a wire or press-release dateline: "Dec 18 (Reuters) -",
"5. März (dpa-AFX) -", "Nov. 25, 2025 /PRNewswire/ --", "8 May. (EUROPA PRESS) –". The date says when the story was
filed, which its publication time already holds."""
_FIRST_DAY = re.compile(
    r"(?<![\w.,])([0-3]?[0-9])(\.?)[ \u00a0]*(?:bis(?:[ \u00a0]+zum)?|und|and|to|[-–/])"
    r"[ \u00a0]*$")
"""The first day of a day-first range, read backwards from the second date: "19. bis 22.
Mai", "19.-22. Mai", "4. und 5. Juni", "19-22 May"."""
_LAST_DAY = re.compile(
    r"(?:[-–]|[ \u00a0]+(?:to|and|through|until)[ \u00a0]+)([0-3]?[0-9])(?:st|nd|rd|th)?"
    r"(?![\w%]|[.,][0-9])(?:,?[ \u00a0]+((?:19|20)[0-9]{2})(?![0-9]))?")
"""The last day of a month-first range after its first date: "May 19-22", "May 19 to 22"."""

_WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday montag dienstag mittwoch "
    "donnerstag freitag samstag sonntag".split())


def iso_date(body: str, m: re.Match[str], anchor: date | None) -> tuple[Found | None, int]:
    start = m.start()
    return _found(body, start, m.end(), int(body[start:start + 4]), int(m["iso_m"]),
                  int(m["iso_d"]), anchor), m.end()


def dotted_date(body: str, m: re.Match[str], anchor: date | None) -> tuple[Found | list[Found] | None, int]:
    """ "06.04.2018"; with the first day of a range before it, both days ("vom 02. bis
    06.04.2018" is 2 April and 6 April)."""
    start = m.start()
    day = int(body[start:m.start("dot_m") - 1])
    found = _found(body, start, m.end(), int(m["dot_y"]), int(m["dot_m"]), day, anchor)
    if found is None or not body.endswith(_RANGE_WORD_ENDS, 0, start):
        return found, m.end()
    return _with_first_day(body, found, start, day), m.end()


def _with_first_day(body: str, found: Found, start: int, day: int) -> Found | list[Found]:
    """A day-first date and, when a range's first day stands before it, that day too."""
    first = _FIRST_DAY.search(body, max(0, start - 20), start)
    if first is None or not 0 < int(first[1]) < day:
        return found
    other = _other_day(found, first.start(), first.end(2), int(first[1]))
    return [other, found] if other is not None else found


def day_first_date(body: str, m: re.Match[str],
                   anchor: date | None) -> tuple[Found | list[Found] | None, int]:
    """ "19 February 2026", "12. März"; with the first day of a range before it, both days
    ("19. bis 22. Mai" is 19 May and 22 May)."""
    text = m[0]
    day = text[:2] if text[1:2].isdigit() else text[:1]
    year = int(m["df_y"]) if m["df_y"] else None
    start, end = m.span()
    month = m["df_m"].lower()
    if year is None and text[-1] == "." and month not in _ABBREVIATED:
        end -= 1  # "am 5. Juni." ends a sentence; "5. Sept." is abbreviated
    found = _found(body, start, end, year, MONTHS[month], int(day), anchor)
    if found is None or not body.endswith(_RANGE_WORD_ENDS, 0, start):
        return found, m.end()
    return _with_first_day(body, found, start, int(day)), m.end()


def month_first_date(body: str, m: re.Match[str],
                     anchor: date | None) -> tuple[Found | list[Found] | None, int]:
    """ "February 19, 2026", "Feb. 19"; with a last day after it, both days ("May 19-22"
    is 19 May and 22 May)."""
    head = body[max(0, m.start() - 12):m.start()]
    words = head.rsplit(None, 1)
    month = MONTHS.get(words[-1].rstrip(".").lower()) if words else None
    if month is None:  # "number 5" passed the lookbehind on its last letters
        return None, m.end()
    text = m[0]
    day = int(text[:2] if text[1:2].isdigit() else text[:1])
    year = int(m["mf_y"]) if m["mf_y"] else None
    start = m.start() - (len(head) - head.rindex(words[-1]))
    if body.endswith(_GERMAN_MONTH_LEADS, 0, start):
        return None, m.end()  # "im September 21 statt 20 Aktien": a month, then a count
    last = None
    if year is None and body.startswith(_RANGE_WORD_STARTS, m.end()):
        last = _LAST_DAY.match(body, m.end())
        if last is not None and not day < int(last[1]) <= 31:
            last = None
        if last is not None and last[2]:
            year = int(last[2])
    found = _found(body, start, m.end(), year, month, day, anchor)
    if found is None or last is None:
        return found, m.end()
    other = _other_day(found, last.start(1), last.end(1), int(last[1]))
    if other is None:  # "April 30-31"
        return found, m.end()
    return [found, other], last.end()


_GERMAN_MONTH_LEADS = (" im ", "Im ", " ab ", "Ab ", " seit ", "Seit ")
"""German words before a month alone: a number after the month is not its day."""
_RANGE_WORD_ENDS = ("bis ", "zum ", "und ", " and ", " to ", "-", "–", "/")
"""How the text before the second date of a day-first range ends: checked before the
range pattern is searched, as most dates stand alone."""
_RANGE_WORD_STARTS = ("-", "–", " to ", " and ", " through ", " until ")


def _other_day(found: Found, start: int, end: int, day: int) -> Found | None:
    """Another day of the month of `found`, spanning body[start:end] (a range's other
    end), or None when the month has no such day."""
    try:
        other = date.fromisoformat(str(found[3])).replace(day=day)
    except ValueError:
        return None
    return (start, end, "date", other.isoformat(), None, None, None, None, None)


def _found(body: str, start: int, end: int, year: int | None, month: int, day: int,
           anchor: date | None) -> Found | None:
    after = body[end:end + 3]
    if ("(" in after or "/" in after) and _DATELINE.match(body, end):
        return None
    if (":" in after or "-" in after or "–" in after or "―" in after) and _placed_dateline(body, start, end):
        return None
    start = _with_weekday(body, start)
    if page_furniture(body, start, end):
        return None
    if body[end:end + 1] == " " and release_dateline(body, start, end):
        return None
    if year is None and anchor is not None and body[end:end + 1] == " ":
        year = _year_named_after(body, end, anchor)
    tense = _tense(body, start) if year is None and anchor is not None else None
    when = resolve(year, month, day, anchor, tense)
    if when is None or (anchor is not None and when <= anchor and authored(body, start, end)):
        return None
    if when == anchor and year is None and (not start or body[start - 1] == "\n"):
        return None  # "Dec 4 Berkeley Group Holdings Plc ...": a brief's dateline, the day it was written
    return (start, end, "date", when.isoformat(), None, None, None, None, None)


_YEAR_AFTER = re.compile(
    r" (?:(?P<this>dieses|diesen|this) (?:Jahres|year)|of (?P<of>this|last|next) year"
    r"|(?P<last>(?:letzten|vergangenen) Jahres|des (?:Vorjahres|vergangenen Jahres)|last year)"
    r"|(?P<next>(?:nächsten|kommenden) Jahres|next year))(?![\w-])")
"""The year named right after a year-less date: "am 11. Februar dieses Jahres", "on
March 3 last year", "bis 30. Juni nächsten Jahres"."""
_YEAR_SHIFT = {"this": 0, "last": -1, "next": 1}


def _placed_dateline(body: str, start: int, end: int) -> bool:
    """A wire dateline whose agency a reprint dropped: "SEOUL, Jan 29 : Hyundai …", the
    place in capitals opening the line, the date, then a colon or a dash (Malay Mail's
    horizontal bar too: "TOKYO, Feb 9 ― Tokyo stocks …")."""
    line = body[body.rfind("\n", 0, start) + 1:start]
    place = line[:-2]
    return (line.endswith(", ") and 2 <= len(place) <= 30 and place.replace(" ", "").replace("-", "").isalpha()
            and place.isupper() and body.startswith((" : ", ": ", " - ", " – ", " — ", " ― "), end))


def _year_named_after(body: str, end: int, anchor: date) -> int | None:
    m = _YEAR_AFTER.match(body, end)
    if m is None:
        return None
    word = m["of"] or next(name for name in ("this", "last", "next") if m[name])
    return anchor.year + _YEAR_SHIFT[word]


def _with_weekday(body: str, start: int) -> int:
    """Widen a date's start over a weekday written before it ("Thursday, February 19")."""
    head = body[(start - 13 if start > 13 else 0):start]
    words = head.rsplit(None, 1)
    if words and words[-1].rstrip(",").lower() in _WEEKDAYS:
        return start - (len(head) - head.rindex(words[-1]))
    return start


def _tense(body: str, start: int) -> str | None:
    """ "past", "future" or None: the tense cue nearest before the date in its clause.

    "by March 3", "until March 3" and "no later than March 3" look ahead even without a verb, unless a verb in
    the past stands before them ("trading was halted until Feb. 28", "closed by March
    3"); otherwise the last cue word between the clause start and the date decides.
    """
    window = body[(start - _CUE_WINDOW if start > _CUE_WINDOW else 0):start]
    cut = max(window.rfind(","), window.rfind(";"), window.rfind(":"), window.rfind(". "),
              window.rfind("\n"))
    window = window[cut + 1:].lower()
    if window.rstrip().endswith((" by", " until", " till", " later than")) or window.strip() == "by":
        past = any(cue.lastgroup == "past" and not window.endswith(_TO_BE, 0, cue.start())
                   for cue in _CUE.finditer(window))  # "will be completed by March 3" looks ahead
        return "past" if past else "future"
    # The last cue is wanted, and the engine only reads forwards: read the last few words
    # first. Cues are whole words, and a multi-word cue ("is set to") holds no cue
    # inside it, so any cue found there is also the last one of the whole window.
    last = None
    tail = window.rfind(" ", 0, len(window) - _CUE_TAIL)
    if tail > 0:
        for last in _CUE.finditer(window, tail):  # noqa: B007 - the loop keeps the last match
            pass
    if last is None:
        for last in _CUE.finditer(window):  # noqa: B007 - the loop keeps the last match
            pass
    if last is None:
        return None
    if last.lastgroup == "past" and window.endswith(_TO_BE, 0, last.start()):
        return "future"  # "will be published on March 3", "is to be released on"
    if last.lastgroup == "future" and last[0] in _PLANNED and window.endswith(_WAS, 0, last.start()):
        return None  # "was scheduled to report on December 3": future then, either side now
    return last.lastgroup


_TO_BE = ("will be ", "to be ", "would be ", "shall be ", "wird ")
_WAS = ("was ", "were ")
_PLANNED = frozenset({"due", "scheduled", "slated", "expected to"})
"""Future cues that, after "was"/"were", put the date ahead of a past moment only."""


@lru_cache(maxsize=4096)
def resolve(year: int | None, month: int, day: int, anchor: date | None,
            tense: str | None = None) -> date | None:
    """The date meant, or None when it does not exist or has no year to go by.

    A year-less date is the most recent such day on or before `anchor` when its clause
    speaks of the past, the next one on or after it when it speaks of the future, and
    whichever of the two is nearer when the clause gives no cue. Cached: an article's
    dates share one anchor and repeat across a feed's articles.
    """
    if year is not None:
        return _make(year, month, day)
    if anchor is None:
        return None
    if month == 2 and day == 29:  # not in every year: look up to four years either way
        before = next((d for y in range(anchor.year, anchor.year - 5, -1)
                       if (d := _make(y, month, day)) is not None and d <= anchor), None)
        after = next((d for y in range(anchor.year, anchor.year + 5)
                      if (d := _make(y, month, day)) is not None and d >= anchor), None)
    else:  # in every year or in none; direct, 1.7 -> 0.6 us (most anchors are new)
        this = _make(anchor.year, month, day)
        if this is None:
            return None
        before = this if this <= anchor else _make(anchor.year - 1, month, day)
        after = this if this >= anchor else _make(anchor.year + 1, month, day)
    if tense == "weak":
        tense = "future" if after is not None and (after - anchor).days <= _WEAK_REACH else None
    if tense == "past" or after is None:
        return before
    if tense == "future" or before is None:
        return after
    return before if anchor - before <= after - anchor else after


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


_WEEKDAY_INDEX = {name: i % 7 for i, name in enumerate(
    "monday tuesday wednesday thursday friday saturday sunday montag dienstag mittwoch "
    "donnerstag freitag samstag sonntag".split())}
_NEXT_WORDS = frozenset("next coming kommenden kommendem nächsten".split())
_THIS_WORDS = frozenset("diesem diesen".split())
"""Only after "ab" ("ab diesem Mittwoch" starts a rule); "this Monday" and "an diesem
Montag" may name a day already past."""


def weekday_at(body: str, head: int, end: int) -> tuple[int, int] | None:
    """Where the weekday's name ending at `end` starts and its number (Monday 0), if the
    word holding body[head:end] is one."""
    start = head
    while start > 0 and body[start - 1].isalpha():
        start -= 1
    weekday = _WEEKDAY_INDEX.get(body[start:end].lower())
    return None if weekday is None else (start, weekday)


def relative_weekday(body: str, found: tuple[int, int], end: int, anchor: date) -> Found | None:
    """ "next Wednesday", "am kommenden Mittwoch", "ab diesem Mittwoch": the weekday after
    (for "ab diesem": on or after) the publication day. A weekday alone ("on
    Wednesday") may look back or forward, so it stays out."""
    start, weekday = found
    before = body[(start - 20 if start > 20 else 0):start].split()[-2:]
    if not before:
        return None
    word = before[-1].lower()
    if word in _NEXT_WORDS:
        ahead = (weekday - anchor.weekday() - 1) % 7 + 1
    elif word in _THIS_WORDS and len(before) == 2 and before[0].lower() == "ab":
        ahead = (weekday - anchor.weekday()) % 7
    else:
        return None
    begin = body.rindex(before[-1], 0, start)
    return (begin, end, "date", (anchor + timedelta(days=ahead)).isoformat(), None, None, None,
            None, None)

