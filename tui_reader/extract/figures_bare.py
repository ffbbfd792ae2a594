"""Amounts written with their scale but without a currency, which the next amount of the
sentence names for both.

German wires compare two amounts and name the currency once, at the second: "von 94
Millionen im Vorjahreszeitraum auf 101,7 Millionen Euro", "Statt der erwarteten 105
Millionen verdiente die Bank 217 Millionen Euro", "ein Vorsteuergewinn von 141 Millionen
und ein Nettogewinn von 29 Millionen Euro"; English copy does the same ("from 94
million a year earlier to 101.7 million euros"). The first amount is a key figure as
much as the second; `from_to_level` reads it only when nothing stands between the two.
Within a paragraph the currency also carries forward to a bare amount after it ("bei
24,5 Milliarden Euro. Im Herbst waren es schon knapp 52 Milliarden").

A bare scaled number is a count as often as an amount ("3 Millionen Kunden", "40
million users"), so it borrows the currency only when nothing follows it that could be
what it counts: in German a lower-case word or punctuation (nouns are capitalised), in
English one of a few words that never name a thing counted.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from tui_reader.extract.figures_numbers import NUM, SCALE_VALUES, Found, parse_number

_SCALE_WORD = re.compile(r"(?:[Mmb]illion(?:en)?|Milliarden|Mio\.|Mrd\.)(?=(?P<after>[ \u00a0]+[\w-]+|[,;).]))")
"""Matched only where `str.find` saw one ("illi", "Mio.", "Mrd.") outside a figure: a scan
of the whole body by the regex engine stops at every "m" and "b" of English text (~20 us
an article), and most scale words belong to a figure already."""
_FIRST = (("illi", 1), ("Mio.", 0), ("Mrd.", 0))
"""What `str.find` looks for, and how far before it the scale word starts."""
_NUMBER_BEFORE = re.compile(rf"(?<![\w.,$€£¥])(?P<n>{NUM})[ \u00a0]$")
"""The number right before a scale word, with no currency sign or code glued to it."""
RANGE_LOW = re.compile(
    rf"(?:(?:zwischen|between)[ \u00a0]+(?P<between>{NUM})[ \u00a0]+(?:und|and)"
    rf"|(?<![\w.,$€£¥])(?P<n>{NUM})[ \u00a0]+(?:bis|to)|(?<![\w.,$€£¥])(?P<dash>{NUM})[ \u00a0]*[-–])[ \u00a0]*$")
"""A range's low end right before a bare amount, its unit written once after the high end:
"470 bis 540 Millionen", "470-540 Millionen", "zwischen 11,1 und 11,4 Milliarden"; and
before a new level with its prior one in parentheses ("510,0 bis 550,0 (521,5) Mio. €",
figures_percent.prior_year)."""
_ADJECTIVE_NOUN = re.compile(r"[ \u00a0]+(?!(?:gegen|unter|über|oder|aber|sowie|jeweils|weniger|mehr|seine|ihre|eine)\b)"
                             r"[a-zäöüß]{3,}(?:e|en|er|es|em)[ \u00a0]+[A-ZÄÖÜ]")
"""A German adjective and the noun it qualifies after a bare amount: "14 Millionen eigene
Aktien", "2 Millionen neue Kunden": a count."""
_FROM_WORDS = ("from ",)
"""Before the low end this makes it a move between two levels ("rose from 470 to 540
million"); German writes a range "von 3,1 bis 3,2 Milliarden" and a move "von … auf"."""
_ENGLISH_AFTER = frozenset(
    "in a an the and or to from on at for as last this that year-ago year-earlier previously "
    "earlier before".split())
_REACH = 160
"""Characters between a bare amount and the amount that names its currency."""
_MEASURED = re.compile(r"(?i:umsatz|erlös|auftragseingang|bestelleingang|gewinn|ergebnis|ebit|kosten|revenue|sales"
                       r"|profit|income|earnings|orders)(?:[^.!?,;]|[.,](?=[0-9]))*$")
"""A money measure named in the sentence before a bare amount that ends it: "Der
Auftragseingang stieg um 5 Prozent auf 1,51 Milliarden."."""
_COMPARED_LEADS = ("up from ", "down from ", "compared with ", "compared to ", "against ", "versus ", "vs. ",
                   "gegenüber ", "nach ")
"""A bare amount ending its sentence as the base of a comparison: "34.4 million kronor, up
from 20.4 million.", "12 Millionen Euro, nach 9,5 Millionen." (the amount before it names
the currency)."""
_SENTENCE_END = re.compile(r"[.!?][ \u00a0]+[A-ZÄÖÜ]|\n")


def bare_amounts(body: str, found: list[Found]) -> list[Found]:
    """`found` (sorted, not overlapping) with the bare amounts that borrow a currency:
    of the next money figure with the same scale word in their sentence, else of the
    last one before them in their paragraph ("Ende 2021 bei 24,5 Milliarden Euro. Im
    Herbst 2024 waren es schon knapp 52 Milliarden")."""
    named: list[tuple[Found, str]] | None = None  # built for the first bare amount only
    added: list[Found] = []
    starts: list[int] | None = None
    for literal, back in _FIRST:
        hit = body.find(literal)
        while hit >= 0:
            word_start, hit = hit - back, body.find(literal, hit + 4)
            if starts is None:
                starts = [f[0] for f in found]
            at = bisect_right(starts, word_start) - 1
            if at >= 0 and found[at][1] > word_start:  # "101,7 Millionen Euro" itself: no regex
                continue
            match = _SCALE_WORD.match(body, word_start) if word_start >= 0 else None
            if match is None:
                continue
            number = _NUMBER_BEFORE.search(body, max(0, word_start - 24), word_start)
            scale = match[0]
            if number is None or not _amount_follows(match["after"], scale):
                continue
            if scale[0] == "M" and _ADJECTIVE_NOUN.match(body, match.end()):
                continue  # "bis zu 14 Millionen eigene Aktien": an adjective, then what is counted
            if match["after"] == "." and not body.endswith(_COMPARED_LEADS, 0, number.start()) and not _MEASURED.search(
                    body, max(0, word_start - _REACH), word_start):
                continue  # "die Kunden stiegen auf 40 Millionen.": a count, unless a money measure leads
            start, end = number.start(), match.end()
            if at >= 0 and found[at][1] > start:  # the number ends another figure
                continue
            if body[start - 1:start] == "(":  # "100.5 million euros (114 million)": a conversion
                continue
            if named is None:
                named = [(f, word) for f in found if f[2] == "money" and f[4] is not None
                         and body[f[0] - 1:f[0]] != "("  # "16.2 billion euros ($17.96 billion)": a conversion
                         and (word := _scale_word(body, f)) is not None]
            currency = _named_after(body, end, scale, named) or _named_before(body, start, scale, named)
            german = scale[0] == "M"
            value = parse_number(number["n"], german) if currency else None
            if value:
                factor = SCALE_VALUES[scale.rstrip(".").lower()]
                low = RANGE_LOW.search(body, max(0, start - 32), start)
                low_value = parse_number(low["n"] or low["between"] or low["dash"], german) if low is not None else None
                if low is not None and low_value is not None and low_value < value and (
                        at < 0 or found[at][1] <= low.start()) and not body.endswith(
                        _FROM_WORDS, 0, low.start()):  # "470 bis 540 Millionen": one range, not "von 470 bis 540"
                    added.append((low.start(), end, "money", low_value * factor, currency, None, None, None,
                                  value * factor))
                else:
                    added.append((start, end, "money", value * factor, currency, None, None, None, None))
    return sorted(found + added) if added else found


def _named_after(body: str, end: int, scale: str, named: list[tuple[Found, str]]) -> str | None:
    """The currency of the next money figure with this scale word in the sentence."""
    for figure, figure_scale in named:
        if figure[0] >= end:
            if figure[0] - end > _REACH or _SENTENCE_END.search(body, end, figure[0]):
                return None
            if figure_scale == scale:
                return figure[4]
    return None


def _named_before(body: str, start: int, scale: str, named: list[tuple[Found, str]]) -> str | None:
    """The currency of the last money figure with this scale word before `start` in its
    paragraph, within `_REACH` characters."""
    for figure, figure_scale in reversed(named):
        if figure[1] <= start:
            if start - figure[1] > _REACH or "\n" in body[figure[1]:start]:
                return None
            if figure_scale == scale:
                return figure[4]
    return None


def _scale_word(body: str, figure: Found) -> str | None:
    """The scale word the money figure is written with, as `_SCALE_WORD` spells it."""
    text = body[figure[0]:figure[1]]
    for word in ("Millionen", "Milliarden", "Mio.", "Mrd.", "million", "billion"):
        if word in text:
            return word
    return None


def _amount_follows(after: str, scale: str) -> bool:
    """Whether what follows the bare amount leaves it an amount, not a count."""
    word = after.strip(" \u00a0")
    if word in (",", ";", ")", "."):  # "stieg um 5 Prozent auf 1,51 Milliarden."
        return True
    if scale[0] == "M":  # German: "94 Millionen im Vorjahr", not "3 Millionen Kunden"
        return word[:1].islower()
    return word.lower() in _ENGLISH_AFTER
