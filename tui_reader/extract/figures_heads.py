"""The worded-figures pass: figures whose number is a word, found by their head word.

"twelve months", "tenfold", "double", "acht Prozent", "eine Milliarde Dollar", "ein
Drittel", "next Wednesday": one regex finds the head word (years, fold, times,
doubl..., Prozent, Drittel, Mittwoch) and Python reads the number word before it, which
is cheap because such heads are few. Each head is handed to the decoder of its kind:
figures_periods (spans), figures_multiples, figures_worded (German percentages and
amounts), figures_fractions, figures_dates (weekdays). Figures written with digits come
from the other pass, figures_scan.
"""

from __future__ import annotations

import re
from datetime import date

from tui_reader.extract.figures_dates import relative_weekday, weekday_at
from tui_reader.extract.figures_fractions import FRACTIONS, fraction
from tui_reader.extract.figures_multiples import (
    NOT_AFTER,
    WORD_MULTIPLES,
    fach_value,
    fold,
    multiplies,
    worded_times,
)
from tui_reader.extract.figures_numbers import Found, word_value
from tui_reader.extract.figures_periods import (
    NOT_PERIOD_AFTER,
    SINGLE_AGO,
    span_adjective,
    word_start,
    worded_period,
)
from tui_reader.extract.figures_worded import (
    number_word_before,
    percent_adjective,
    worded_amount,
    worded_cents,
    worded_money,
    worded_percent,
)


def _not_followed_by(texts: tuple[str, ...]) -> str:
    """A lookahead: no word character and none of `texts` next. Built from worded()'s
    own lists, so `_HEAD` turns away exactly what worded() would."""
    return rf"(?!\w|{'|'.join(map(re.escape, texts))})"


_P = _not_followed_by(NOT_PERIOD_AFTER)
"""After a period unit ("a 50-year-old")."""
_S = rf"(?:s{_P}|{_not_followed_by(SINGLE_AGO)})"
"""An English unit's plural, or the singular not followed by "ago"/"earlier"/…: "a year
ago" is never a period (`figures_periods`), and is turned away here before it costs a
decoder's call (it stood in every paragraph of the extraction benchmark)."""
_M = _not_followed_by(NOT_AFTER)
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


_FACH_NUMBERS = ("(?:(?:zwei|drei|vier)einhalb|anderthalb|eineinhalb|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf"
                 "|dreizehn|vierzehn|fünfzehn|sechzehn|siebzehn|achtzehn|neunzehn|zwanzig|dreißig"
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
    rf"|(?<=Saturday)|(?<=Sunday))(?!\w)|ay{_unit('day')}{_S}|ecade{_unit('decade')}{_S}|oubl{_alone('doubl')}{_ED}{_M}"
    r"|oppelt(?=[ \u00a0]so[ \u00a0])|oppelten?(?!\w))"
    rf"|Do(?:ubl{_alone('Doubl')}{_ED}{_M}|ppelten?(?!\w))"
    rf"|f(?:old|ach(?:e[nrs]?)?|ifths?(?!-))(?!\w)"
    rf"|h(?:alv{_alone('halv')}{_ED}{_M}|albier\w*|alf{_alone('half')}(?![\w-])"
    # "zweijährige", "dreiwöchig": one literal-led branch each, as a lookbehind (or an
    # optional "r") at the front would be entered at every "h" of a text
    rf"|rig(?<=[\w-]jährig)(?:e[nmrs]?)?(?!\w)|ig(?<=[\w-]wöchig)(?:e[nmrs]?)?(?!\w))"
    rf"|H(?:alv{_alone('Halv')}{_ED}{_M}|albier\w*|alf(?![\w-])|älfte(?!\w))"
    rf"|month{_unit('month')}{_S}"
    rf"|qu(?:a(?:rter{_unit('quarter')}{_S}|drupl{_alone('quadrupl')}{_ED}{_M})|intupl{_alone('quintupl')}{_ED}{_M})"
    rf"|Quadrupl{_alone('Quadrupl')}{_ED}{_M}"
    rf"|t(?:i(?:mes{_alone('times')}(?!\w)"
    # "elfprozentigen", "5-prozentige", "25 prozentigen", "viermonatige": under "ti", so other "t"s pay nothing
    rf"|g(?:(?<=[\w-]prozentig)|(?<=\d prozentig)|(?<=[\w-]monatig))(?:e[nmrs]?)?(?!\w))|wice{_alone('twice')}(?!\w)"
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
    rf"|woch(?<=Mittwoch)(?!\w)|week{_unit('week')}{_S}|year{_unit('year')}{_S}|Jahr{_unit('Jahr')}e?n?{_P}"
    rf"|Monat{_unit('Monat')}e?n?{_P}|Woche{_unit('Woche')}n?{_P}"
    rf"|ver(?:doppel|doppl|{_FACH_NUMBERS}fach)\w*|Ver(?:doppel|doppl|{_FACH_NUMBERS}fach)\w*"
    # "acht Prozent", "eine Milliarde": only after a lower-case word, so "5 Prozent" (read
    # by figures_scan) costs no Python here.
    r"|P(?<=[a-zäöüß] P)rozent(?:punkte?n?)?(?!\w)"
    r"|M(?<=[a-zäöüß] M)(?:illi(?:arden?|onen?)(?!\w)|rd\.|io\.)"
    # "fünf Euro": small German amounts in words
    r"|E(?<=[a-zäöüß] E)uro(?!\w)|F(?<=[a-zäöüß] F)ranken(?!\w)"
    r"|D(?<=[a-zäöüß] D)ollar(?!\w)"
    # "zehn Mal so viele": a German multiple in words
    r"|Mal(?=[ \u00a0]so[ \u00a0])|mal(?<=[a-zäöü]mal)(?=[ \u00a0](?:so[ \u00a0]|höher\b|mehr\b|größer\b|teurer\b))"
)
_SPECIAL_HEADS = {**dict.fromkeys(FRACTIONS, "fraction"),
                  **dict.fromkeys(("euro", "franken", "dollar"), "amount"),
                  **dict.fromkeys(("doppelte", "doppelten"), "double"), "doppelt": "double so"}
"""Heads read by their own decoder: fractions, German amounts in words, "das Doppelte",
"doppelt so viel"."""
_DOUBLE_LEADS = ("das ", "aufs ", "ums ")
""""das Doppelte" is a multiple; "Doppelte Freude" at a sentence's start is not."""


def worded(body: str, anchor: date | None = None) -> list[Found]:
    """Periods, multiples, percentages and amounts whose number is a word: "twelve
    months", "tenfold", "double", "acht Prozent", "eine Milliarde Dollar"."""
    found = []
    for m in _HEAD.finditer(body):
        head, end = m.span()
        lower = m[0].lower()
        figure: Found | None = None
        if lower[0] == "t" and (lower == "tel" or body.endswith("cen", 0, head)):  # last "t"
            head = word_start(body, head)
            lower = body[head:end].lower()
        special = _SPECIAL_HEADS.get(lower)
        if special is not None:  # one look-up keeps the common heads off these branches
            if special == "fraction":  # "ein Drittel", "by a third"
                if head == 0 or not body[head - 1].isalpha():
                    figure = fraction(body, head, end, body[head:end])
                if figure is None and lower.startswith("quarter"):  # "three quarters"
                    figure = worded_period(body, head, end, lower)
            elif special == "amount":  # "knapp über fünf Euro"
                figure = worded_amount(body, head, end, m[0])
            elif special == "double so" or body.endswith(_DOUBLE_LEADS, 0, head):  # "um das Doppelte", "doppelt so hoch"
                figure = (head, end, "multiple", 2.0, None, None, None, None, None)
        elif lower[0] == "p" or lower.startswith(("milli", "mrd.", "mio.")):  # "acht Prozent", "sieben Mrd."
            number, start = number_word_before(body, head)
            if number is not None:
                figure = (worded_percent(body, start, end, number, lower) if lower[0] == "p"
                          else worded_money(body, start, end, number, lower))
        elif lower[0] == "f":  # fold, fach: written glued to their number ("tenfold")
            glued = head
            while glued > 0 and body[glued - 1].isalpha():
                glued -= 1
            figure = fold(body, glued, head, end, lower)
        elif head > 0 and body[head - 1].isalpha():  # inside a word: "percentage", "sometimes"
            if lower[0] == "v" and lower.endswith(("ung", "ungen")):  # "eine Kursverdopplung"
                value = (WORD_MULTIPLES.get(lower[:5]) if "fach" not in lower
                         else fach_value(lower[3:lower.index("fach")]))
                if value is not None:
                    glued = word_start(body, head)
                    figure = (glued, end, "multiple", value, None, None, None, None, None)
            elif lower == "mal":  # "dreimal so hoch": the number word glued before
                glued = word_start(body, head)
                count = word_value(body[glued:head])
                if count and count >= 2:
                    figure = (glued, end, "multiple", float(count), None, None, None, None, None)
            elif lower.startswith("tag") and _after_handels(body, head):
                figure = worded_period(body, head - 7, end, lower)
            elif lower in _WEEKDAY_TAILS:  # "next Wednesday", "am kommenden Mittwoch"
                weekday = weekday_at(body, head, end)
                if anchor is not None and weekday is not None:
                    figure = relative_weekday(body, weekday, end, anchor)
            elif lower.endswith(_ADJECTIVE_ENDS):  # "elfprozentigen", "viermonatige"
                figure = (percent_adjective(body, head - 6, end)
                          if body.startswith("prozen", head - 6) else span_adjective(body, head, end))
        elif lower == "mal":  # "fast zehn Mal so viele wie erwartet"
            number, start = number_word_before(body, head)
            count = word_value(number) if number else None
            if count and count >= 2:
                figure = (start, end, "multiple", float(count), None, None, None, None, None)
        elif lower == "times":
            figure = worded_times(body, head, head, end)
        elif lower == "twice":
            if multiplies(body, head, end):
                figure = (head, end, "multiple", 2.0, None, None, None, None, None)
        elif lower[0] == "v" and "fach" in lower:  # "verzehnfacht", "verdreifachen"
            value = fach_value(lower[3:lower.index("fach")])
            if value is not None:
                figure = (head, end, "multiple", value, None, None, None, None, None)
        elif (value := WORD_MULTIPLES.get(lower[:5])) is not None:
            if not body.startswith(NOT_AFTER, end):  # "more than doubled"
                figure = (head, end, "multiple", value, None, None, None, None, None)
        elif not body.startswith(NOT_PERIOD_AFTER, end):
            figure = worded_period(body, head, end, lower)
        if figure is not None:
            found.append(figure)
    if " cent" in body or " pence" in body or " Cent" in body:
        found += worded_cents(body)
    return found


_WEEKDAY_TAILS = frozenset({"day", "tag", "woch"})
"""What the head pattern matches of a weekday's name (units inside words never match)."""
_ADJECTIVE_ENDS = ("ig", "ige", "igen", "igem", "iger", "iges")


def _after_handels(body: str, head: int) -> bool:
    """ "Handelstage": the one period unit written glued to the word before it."""
    return body.endswith("Handels", 0, head) and (head == 7 or not body[head - 8].isalpha())
