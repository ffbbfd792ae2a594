"""Spans of time ("over the next three years" → P3Y) and multiples ("tenfold" → 10.0).

Written with digits ("12-month", "3x", "2.5 times") they come from the scanning pass in
figures_scan; written in words ("twelve months", "double", "verdoppeln") from one more
pass here that looks for the head word (years, fold, times, doubl...) and then checks
the number word before it in Python, which is cheap because such words are few.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from tui_reader.extract.figures_bases import BASE_AFTER, comparison_base, single_day
from tui_reader.extract.figures_dates import relative_weekday, weekday_at
from tui_reader.extract.figures_fractions import FRACTIONS, fraction
from tui_reader.extract.figures_numbers import Found, parse_number, word_value
from tui_reader.extract.figures_worded import (
    HALVES,
    number_word_before,
    percent_adjective,
    worded_amount,
    worded_money,
    worded_percent,
)

_SPACES = " \u00a0\u202f"
_NOT_AFTER = ("-", " digit", "-digit", " down", " dip")
""""double-digit", "double digits", "double down" multiply nothing."""
_NOT_PERIOD_AFTER = ("-old", " old", " ago", " earlier", " later", " before", " zuvor",
                     " davor", " früher", " später")
_AGO_BEFORE = ("vor ", "Vor ")
"""German writes "ago" before the span: "vor einem Monat" is a point in time."""
""""three years ago" is a point in time; "a 50-year-old CEO" an age."""


def _not_followed_by(texts: tuple[str, ...]) -> str:
    """A lookahead: no word character and none of `texts` next. Built from worded()'s
    own lists, so `_HEAD` turns away exactly what worded() would."""
    return rf"(?!\w|{'|'.join(map(re.escape, texts))})"


_P = _not_followed_by(_NOT_PERIOD_AFTER)
"""After a period unit ("a year ago")."""
_M = _not_followed_by(_NOT_AFTER)
"""After a multiplying word ("double-digit")."""
_ED = r"(?:e[ds]?|ing)"


def _alone(word: str) -> str:
    """A lookbehind placed right after `word`: no ASCII letter stands before it.

    Heads inside words ("percentage", "sometimes", "redouble") then never match; worded()
    still checks for other letters ("ädouble"). Placed after the word, not after its
    first letter, so it runs only where the word is: a lookbehind at every "d", "t" or
    "y" cost more than it saved (54 µs per seed article instead of 33)."""
    return rf"(?<![A-Za-z]{word})"


_DETERMINERS = ("im am", "the The per pro das dem den des", "this This each Each",
                "coming dieses diesem")
"""Words that, right before a unit, make it no span ("in the quarter", "this year",
"the coming quarters", "im Jahr 2025"): only a number word or next/past/last makes
one. Grouped by length, as a lookbehind's alternatives must share one width."""


def _unit(word: str) -> str:
    """`_alone` plus lookbehinds for `_DETERMINERS`: a unit after one of them is turned
    away by the regex, sparing worded() a third of a seed article's heads."""
    groups = "".join(rf"(?<!(?:{'|'.join(g.split())}) {word})" for g in _DETERMINERS)
    return _alone(word) + groups


_FACH_NUMBERS = ("(?:(?:zwei|drei|vier)einhalb|anderthalb|eineinhalb|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|dreißig"
                 "|vierzig|fünfzig|hundert|tausend)")
"""The numbers German multiplies with ("verzehnfacht"): a literal list, as a wildcard run
before "fach" was tried at every "ver" of English text ("over", "every": 2 us an article)."""


_HEAD = re.compile(
    # Every branch starts with a literal letter, so the engine skips to positions holding
    # one of them (a character class first, e.g. [vV], loses that: 3x slower). The
    # lookarounds turn away only heads worded() would turn away (8 of the 29 heads of a
    # seed article), sparing their match objects and Python checks. Heads that may end in
    # any letters (fold, fach, halbier..., verdoppel...) get none: rejecting one of them
    # would let a head inside it ("...fach") be found instead.
    rf"d(?:ay(?:(?<=Monday)|(?<=Tuesday)|(?<=Wednesday)|(?<=Thursday)|(?<=Friday)"
    rf"|(?<=Saturday)|(?<=Sunday))(?!\w)|ay{_unit('day')}s?{_P}|ecade{_unit('decade')}s?{_P}|oubl{_alone('doubl')}{_ED}{_M})"
    rf"|Do(?:ubl{_alone('Doubl')}{_ED}{_M}|ppelten?(?!\w))"
    rf"|f(?:old|ach(?:e[nrs]?)?|ifths?(?!-))(?!\w)"
    rf"|h(?:alv{_alone('halv')}{_ED}{_M}|albier\w*|alf{_alone('half')}(?![\w-])"
    rf"|r?ig(?:(?<=[\w-]jährig)|(?<=[\w-]wöchig))(?:e[nmrs]?)?(?!\w))"  # "zweijährige"
    rf"|H(?:alv{_alone('Halv')}{_ED}{_M}|albier\w*|alf(?![\w-])|älfte(?!\w))"
    rf"|month{_unit('month')}s?{_P}"
    rf"|qua(?:rter{_unit('quarter')}s?{_P}|drupl{_alone('quadrupl')}{_ED}{_M})"
    rf"|Quadrupl{_alone('Quadrupl')}{_ED}{_M}"
    rf"|t(?:i(?:mes{_alone('times')}(?!\w)"
    # "elfprozentigen", "5-prozentige", "viermonatige": under "ti", so other "t"s pay nothing
    rf"|g(?:(?<=[\w-]prozentig)|(?<=[\w-]monatig))(?:e[nmrs]?)?(?!\w))|wice{_alone('twice')}(?!\w)"
    rf"|ripl{_alone('tripl')}{_ED}{_M}|ag(?:(?<=Handelstag)|{_alone('tag')})e?n?{_P}"
    rf"|ag(?:(?<=Montag)|(?<=Dienstag)|(?<=Donnerstag)|(?<=Freitag)|(?<=Samstag)"
    rf"|(?<=Sonntag))(?!\w)"
    rf"|hirds?{_alone('third')}(?![\w-])"
    # the German fractions "Drittel" ... "Zehntel" and "eight percent", "two percentage
    # points" (after a lower-case word and a space): found at their last "t", a head
    # letter already, and tried last there, as more capitals or a lower-case "p" as
    # heads cost several us an article
    rf"|el(?<=\wtel)(?:(?<=Drittel)|(?<=Viertel)|(?<=Fünftel)|(?<=Sechstel)|(?<=Achtel)"
    rf"|(?<=Zehntel))(?!\w)"
    rf"|(?<=cent)(?:(?<=[a-z] percent)|(?<=[a-z] per[ \u00a0]cent))"
    rf"(?:age[ \u00a0]points?)?(?!\w))"
    rf"|T(?:hirds?(?![\w-])|wice{_alone('Twice')}(?!\w)|ripl{_alone('Tripl')}{_ED}{_M}"
    rf"|ag(?:(?<=HandelsTag)|{_alone('Tag')})e?n?{_P})"
    rf"|woch(?<=Mittwoch)(?!\w)|week{_unit('week')}s?{_P}|year{_unit('year')}s?{_P}|Jahr{_unit('Jahr')}e?n?{_P}"
    rf"|Monat{_unit('Monat')}e?n?{_P}|Woche{_unit('Woche')}n?{_P}"
    rf"|ver(?:doppel|doppl|{_FACH_NUMBERS}fach)\w*|Ver(?:doppel|doppl|{_FACH_NUMBERS}fach)\w*"
    # "acht Prozent", "eine Milliarde": only after a lower-case word, so "5 Prozent" (read
    # by figures_scan) costs no Python here.
    r"|P(?<=[a-zäöüß] P)rozent(?:punkte?n?)?(?!\w)"
    r"|M(?<=[a-zäöüß] M)illi(?:arden?|onen?)(?!\w)"
    # "fünf Euro": small German amounts in words
    r"|E(?<=[a-zäöüß] E)uro(?!\w)|F(?<=[a-zäöüß] F)ranken(?!\w)"
    r"|D(?<=[a-zäöüß] D)ollar(?!\w)"
)
_SPECIAL_HEADS = {**dict.fromkeys(FRACTIONS, "fraction"),
                  **dict.fromkeys(("euro", "franken", "dollar"), "amount"),
                  **dict.fromkeys(("doppelte", "doppelten"), "double")}
"""Heads read by their own decoder: fractions, German amounts in words, "das Doppelte"."""
_DOUBLE_LEADS = ("das ", "aufs ", "ums ")
""""das Doppelte" is a multiple; "Doppelte Freude" at a sentence's start is not."""
_UNITS = {"year": (1, "Y"), "decade": (10, "Y"), "month": (1, "M"), "quarter": (3, "M"),
          "week": (1, "W"), "day": (1, "D"),
          "jahr": (1, "Y"), "monat": (1, "M"), "woche": (1, "W"), "tag": (1, "D")}
_WORD_MULTIPLES = {"doubl": 2.0, "tripl": 3.0, "quadr": 4.0, "halve": 0.5, "halvi": 0.5,
                   "verdo": 2.0, "verdr": 3.0, "vervi": 4.0, "halbi": 0.5}
"""Multiplying words by their first five letters, all the head pattern lets through."""
_FACH = {"hundert": 100.0, "tausend": 1000.0, "vierzig": 40.0, "fünfzig": 50.0}
"""German multiplying numbers beyond figures_numbers' words ("verhundertfacht")."""
_TIMES_AFTER = frozenset(
    "as more larger bigger higher greater faster the its their that what over "
    "earnings sales revenue revenues profit profits book expected forward trailing "
    "estimated ebitda".split())
"""Words after "N times" that make it a multiplier ("three times as large", "trades at
12 times expected earnings")."""
_TIMES_BEFORE = frozenset(
    "grow grew grown growing grows rise rose risen increase increased expand expanded "
    "multiply multiplied multiplies jumped climbed surged soared at".split())
"""Words before "N times" that make it a multiplier ("grew three times", "trades at 18
times next year's earnings")."""
_WHICH = frozenset("next past last coming following previous prior "
                   "nächsten kommenden letzten vergangenen".split())
_WHICH_ONE = frozenset("next past last previous prior nächsten letzten vergangenen".split())
"""Which-words that make a lone unit a span; "the coming decade" is a figure of speech."""
_THE = frozenset("the den die der von".split())
_LEADS = frozenset("over within in during for across through innerhalb binnen über".split())
_LEAD_GROUPS = (_WHICH, _THE, _THE, _LEADS)
"""The words a period widens over, nearest first: "over | the | next" three years."""
_QUALIFIERS = ("trading", "business", "calendar")
_SINGULAR = frozenset("year decade month quarter week day jahr monat woche tag".split())


def x_multiple(body: str, m: re.Match[str], _: date | None) -> tuple[Found | None, int]:
    """ "3x", "3.5x"."""
    value = parse_number(body[m.start():m.end("n")], False)
    return _multiple(m, value), m.end()


def fold_multiple(body: str, m: re.Match[str], _: date | None) -> tuple[Found | None, int]:
    """ "10-fold"."""
    value = parse_number(body[m.start():m.end("n")], False)
    return _multiple(m, value), m.end()


def _multiple(m: re.Match[str], value: float | None) -> Found | None:
    return (m.start(), m.end(), "multiple", value, None, None, None, None, None) if value else None


def times_multiple(body: str, m: re.Match[str], _: date | None) -> tuple[Found | None, int]:
    """ "2.5 times as large", "grew 3 times"."""
    value = parse_number(body[m.start():m.end("n")], False)
    if not value or not _multiplies(body, m.start(), m.end()):
        return None, m.end()
    return (m.start(), m.end(), "multiple", value, None, None, None, None, None), m.end()


def number_period(body: str, m: re.Match[str], _: date | None) -> tuple[Found | None, int]:
    """ "12-month", "52-week", "over the past 12 months", "seven trading days"."""
    unit_text = m["pu"]
    german = unit_text[:1].isupper()
    count = parse_number(body[m.start():m.end("n")], german)
    return _period(body, m.start(), m.end(), count, unit_text), m.end()


def worded(body: str, anchor: date | None = None) -> list[Found]:
    """Periods, multiples, percentages and amounts whose number is a word: "twelve
    months", "tenfold", "double", "acht Prozent", "eine Milliarde Dollar"."""
    found = []
    for m in _HEAD.finditer(body):
        head, end = m.span()
        lower = m[0].lower()
        figure: Found | None = None
        if lower[0] == "t" and (lower == "tel" or body.endswith("cen", 0, head)):  # last "t"
            head = _word_start(body, head)
            lower = body[head:end].lower()
        special = _SPECIAL_HEADS.get(lower)
        if special is not None:  # one look-up keeps the common heads off these branches
            if special == "fraction":  # "ein Drittel", "by a third"
                if head == 0 or not body[head - 1].isalpha():
                    figure = fraction(body, head, end, body[head:end])
                if figure is None and lower.startswith("quarter"):  # "three quarters"
                    figure = _worded_period(body, head, end, lower)
            elif special == "amount":  # "knapp über fünf Euro"
                figure = worded_amount(body, head, end, m[0])
            elif body.endswith(_DOUBLE_LEADS, 0, head):  # "um das Doppelte"
                figure = (head, end, "multiple", 2.0, None, None, None, None, None)
        elif lower[0] == "p" or lower.startswith("milli"):  # "acht Prozent", "eine Milliarde"
            number, start = number_word_before(body, head)
            if number is not None:
                figure = (worded_percent(body, start, end, number, lower) if lower[0] == "p"
                          else worded_money(body, start, end, number, lower))
        elif lower[0] == "f":  # fold, fach: written glued to their number ("tenfold")
            glued = head
            while glued > 0 and body[glued - 1].isalpha():
                glued -= 1
            figure = _fold(body, glued, head, end, lower)
        elif head > 0 and body[head - 1].isalpha():  # inside a word: "percentage", "sometimes"
            if lower.startswith("tag") and _after_handels(body, head):
                figure = _worded_period(body, head - 7, end, lower)
            elif lower in _WEEKDAY_TAILS:  # "next Wednesday", "am kommenden Mittwoch"
                weekday = weekday_at(body, head, end)
                if anchor is not None and weekday is not None:
                    figure = relative_weekday(body, weekday, end, anchor)
            elif lower.endswith(_ADJECTIVE_ENDS):  # "elfprozentigen", "viermonatige"
                figure = (percent_adjective(body, head - 6, end)
                          if body.startswith("prozen", head - 6) else _span_adjective(body, head, end))
        elif lower == "times":
            figure = _worded_times(body, head, head, end)
        elif lower == "twice":
            if _multiplies(body, head, end):
                figure = (head, end, "multiple", 2.0, None, None, None, None, None)
        elif lower[0] == "v" and "fach" in lower:  # "verzehnfacht", "verdreifachen"
            value = _fach_value(lower[3:lower.index("fach")])
            if value is not None:
                figure = (head, end, "multiple", value, None, None, None, None, None)
        elif (value := _WORD_MULTIPLES.get(lower[:5])) is not None:
            if not body.startswith(_NOT_AFTER, end):  # "more than doubled"
                figure = (head, end, "multiple", value, None, None, None, None, None)
        elif not body.startswith(_NOT_PERIOD_AFTER, end):
            figure = _worded_period(body, head, end, lower)
        if figure is not None:
            found.append(figure)
    return found


_WEEKDAY_TAILS = frozenset({"day", "tag", "woch"})
"""What the head pattern matches of a weekday's name (units inside words never match)."""
_ADJECTIVE_ENDS = ("ig", "ige", "igen", "igem", "iger", "iges")
_SPAN_STEMS = (("monat", "Monat"), ("jähr", "Jahr"), ("wöch", "Woche"))
"""Days ("zehntägige") are left out: a head at every "t" of a text costs more than they bring."""


def _span_adjective(body: str, head: int, end: int) -> Found | None:
    """ "eine viermonatige Verspätung", "die zweijährige Frist", "dreiwöchige": a German span
    written as one adjective; its period is the number glued before the stem."""
    start = _word_start(body, head)
    if body[start - 1:start] == "-" and body[start - 2:start - 1].isdigit():  # "10-monatige"
        start -= 1
        while start > 0 and body[start - 1].isdigit():
            start -= 1
    if body[start].isupper():
        return None  # a noun: "die Vierjährige" is a child
    word = body[start:end].lower()
    at, unit_text = next(((word.rfind(stem), unit) for stem, unit in _SPAN_STEMS
                          if word.rfind(stem) > 0), (0, ""))
    if not at:
        return None
    number = word[:at]
    if number.endswith("-") and number[:-1].isdigit():
        count: float | None = float(number[:-1])
    else:
        value = word_value(number) or (1 if number == "ein" else None)
        count = float(value) if value else HALVES.get(number)
    return _period(body, start, end, count, unit_text) if count else None


def _word_start(body: str, head: int) -> int:
    """Where the word, or "per cent", that ends at a head found at its last "t" starts."""
    start = head
    while start > 0 and body[start - 1].isalpha():
        start -= 1
    if body.endswith("per", 0, start - 1) and body[start - 1] in _SPACES:
        start -= 4
    return start


def _after_handels(body: str, head: int) -> bool:
    """ "Handelstage": the one period unit written glued to the word before it."""
    return body.endswith("Handels", 0, head) and (head == 7 or not body[head - 8].isalpha())


def _fold(body: str, glued: int, head: int, end: int, lower: str) -> Found | None:
    if glued == head:  # "ten-fold"
        number, start = number_word_before(body, head - 1 if body[head - 1:head] == "-" else head)
    else:
        number, start = body[glued:head].lower(), glued
    if lower.startswith("fach"):  # "zehnfach", "das Zehnfache", "um das Dreifache"
        value = _fach_value(number.lower()) if number else None
    else:
        count = word_value(number) if number else None
        value = float(count) if count else None
    return (start, end, "multiple", value, None, None, None, None, None) if value else None


def _fach_value(number: str) -> float | None:
    """The multiple a German "-fach" word names ("zehn" in "verzehnfacht"); none for
    "ein" ("vereinfacht", "einfach") nor "viel"/"mehr" (no number)."""
    count = word_value(number) or _FACH.get(number) or HALVES.get(number)
    return float(count) if count and count >= 1.5 else None


def _worded_times(body: str, glued: int, head: int, end: int) -> Found | None:
    if glued != head:  # "sometimes"
        return None
    number, start = number_word_before(body, head)
    count = word_value(number) if number else None
    if not count or not _multiplies(body, start, end):
        return None
    return (start, end, "multiple", float(count), None, None, None, None, None)


def _worded_period(body: str, head: int, end: int, unit_text: str) -> Found | None:
    at = head - 1 if body[head - 1:head] in ("-", " ", "\u00a0") else head
    before = body[(at - 12 if at > 12 else 0):at]
    if before.endswith(_QUALIFIERS):  # "seven trading days"
        at -= len(next(q for q in _QUALIFIERS if before.endswith(q))) + 1
    number, start = number_word_before(body, at + 1 if at < head else at)
    count = word_value(number) if number else None
    if count is None:
        return _one_period(body, head, end, unit_text, number, start)
    return _period(body, start, end, float(count), unit_text)


def _one_period(body: str, head: int, end: int, unit_text: str, word: str | None,
                start: int) -> Found | None:
    """A singular unit after a lead: "over the past month", "within a year".

    Without the lead ("over", "within", "in" ...) "last year" and "next month" are
    points in time, not spans, so they stay out.
    """
    if word is None or unit_text.lower() not in _SINGULAR:  # "over the past years"
        return None
    lower = word.lower()
    if lower in ("a", "an", "one"):
        lead, _ = _lead_start(body, start)
        if lead == start:
            return None
        return _period(body, start, end, 1.0, unit_text)
    if lower not in _WHICH_ONE:
        return None
    lead, _ = _lead_start(body, head)
    leading = [w.lower() for w in body[lead:head].split()[:2]]
    if not any(w in _LEADS for w in leading) or leading[-1] in _WHICH:
        return None  # "for next year" is a point in time; "for the next year" a span
    if lower in _EARLIER and not _SPAN_LEADS.isdisjoint(leading):
        return None  # "in the prior year" is the year before, "over the prior year" a span
    return _period(body, head, end, 1.0, unit_text)


_EARLIER = frozenset({"prior", "previous"})
_SPAN_LEADS = frozenset({"in", "for"})
"""Leads that with "prior"/"previous" name the period before, not a span to now."""


def _period(body: str, start: int, end: int, count: float | None,
            unit_text: str) -> Found | None:
    if count is not None and 1900 <= count <= 2100 and count.is_integer():
        return None  # "for the 2025 year" names a year
    if (not count or count <= 0 or body.startswith(_NOT_PERIOD_AFTER, end)
            or body.endswith(_AGO_BEFORE, 0, start) or BASE_AFTER.match(body, end)):
        return None
    unit_key = _unit_key(unit_text)
    if count == 1 and single_day(body, start, count, unit_key):
        return None
    if comparison_base(body, start, end):
        return None
    lead, has_which = _lead_start(body, start)
    if unit_key == "quarter" and not has_which:
        return None  # "three quarters of revenue" is a fraction
    factor, code = _UNITS[unit_key]
    amount = count * factor
    text = f"{int(amount)}" if amount == int(amount) else f"{amount:g}"
    return (lead, end, "period", f"P{text}{code}", None, None, None, None, None)


@cache
def _unit_key(unit_text: str) -> str:
    """ "trading days" → "day", "Monaten" → "monat", "Handelstagen" → "tag": the regexes
    allow few spellings."""
    last = unit_text.lower().rsplit(" ", 1)[-1].rsplit("-", 1)[-1].removeprefix("handels")
    return next(u for u in _UNITS if last.startswith(u))


def _lead_start(body: str, start: int) -> tuple[int, bool]:
    """Widen a period over "over the next", "the past", "within", "in den nächsten".

    Each group is tried against the same word until one takes it, so the word before
    the current start is read again only after the start moved.
    """
    pos, which, lead = start, False, False
    word, width = _lead_word(body, pos)
    for group in _LEAD_GROUPS:
        if word is None:
            break
        if word in group:
            pos -= width
            which = which or group is _WHICH
            if group is _LEADS:  # the last group: nothing further back to read
                lead = True
                break
            word, width = _lead_word(body, pos)
    if not (which or lead):
        return start, False
    return pos, which


def _lead_word(body: str, pos: int) -> tuple[str | None, int]:
    """The lower-cased word before `pos` when spaces separate them (within 12 characters),
    and how far back it starts."""
    if pos == 0 or body[pos - 1] not in _SPACES:
        return None, 0
    head = body[(pos - 12 if pos > 12 else 0):pos]
    stripped = head.rstrip(_SPACES)
    words = stripped.rsplit(None, 1)
    if not words:
        return None, 0
    word = words[-1]
    return word.lower(), len(head) - len(stripped) + len(word)


def _multiplies(body: str, start: int, end: int) -> bool:
    """Whether "N times" multiplies ("three times as large", "oversubscribed by more than
    20 times") or counts ("three times a year", "three times over the last four
    quarters": "over" before a span counts events)."""
    following = body[end:end + 24].split(None, 2)
    if following and (after := following[0].rstrip(".,;:").lower()) in _TIMES_AFTER:
        return not (after == "over" and len(following) > 1 and following[1] in _THE)
    before = body[(start - 32 if start > 32 else 0):start].rsplit(None, 4)
    if not before:
        return False
    if before[-1].lower() in _TIMES_BEFORE:
        return True
    return any(word.startswith(_OVER_PREFIXES) for word in before[:-1])


_OVER_PREFIXES = ("oversubscribed", "overbooked", "überzeichnet")
"""Words a few before "N times" that measure demand: "oversubscribed by more than 20 times"."""
