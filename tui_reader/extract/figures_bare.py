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

from tui_reader.extract.figures_numbers import NUM, SCALE_VALUES, Found, parse_number

_BARE = re.compile(
    rf"(?<![\w.,$€£¥])(?P<n>{NUM})[ \u00a0](?P<k>Millionen|Milliarden|Mio\.|Mrd\.|million|billion)"
    r"(?=(?P<after>[ \u00a0]+[\w-]+|[,;)]))"
)
_ENGLISH_AFTER = frozenset(
    "in a an the and or to from on at for as last this that year-ago year-earlier previously "
    "earlier before".split())
_REACH = 160
"""Characters between a bare amount and the amount that names its currency."""
_SENTENCE_END = re.compile(r"[.!?][ \u00a0]+[A-ZÄÖÜ]|\n")


def bare_amounts(body: str, found: list[Found]) -> list[Found]:
    """`found` (sorted, not overlapping) with the bare amounts that borrow a currency:
    of the next money figure with the same scale word in their sentence, else of the
    last one before them in their paragraph ("Ende 2021 bei 24,5 Milliarden Euro. Im
    Herbst 2024 waren es schon knapp 52 Milliarden")."""
    named = [(f, _scale_word(body, f)) for f in found if f[2] == "money" and f[4] is not None]
    named = [(f, scale) for f, scale in named if scale is not None]
    if not named:
        return found
    added: list[Found] = []
    for match in _BARE.finditer(body):
        scale = match["k"]
        start, end = match.start(), match.end("k")
        if not _amount_follows(match["after"], scale) or any(f[0] < end and start < f[1] for f in found):
            continue
        currency = _named_after(body, end, scale, named) or _named_before(body, start, scale, named)
        value = parse_number(match["n"], scale[0] == "M") if currency else None
        if value:
            added.append((start, end, "money", value * SCALE_VALUES[scale.rstrip(".").lower()],
                          currency, None, None, None, None))
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
    """The scale word the money figure is written with, as `_BARE` names it."""
    text = body[figure[0]:figure[1]]
    for word in ("Millionen", "Milliarden", "Mio.", "Mrd.", "million", "billion"):
        if word in text:
            return word
    return None


def _amount_follows(after: str, scale: str) -> bool:
    """Whether what follows the bare amount leaves it an amount, not a count."""
    word = after.strip(" \u00a0")
    if word in (",", ";", ")"):
        return True
    if scale[0] == "M":  # German: "94 Millionen im Vorjahr", not "3 Millionen Kunden"
        return word[:1].islower()
    return word.lower() in _ENGLISH_AFTER
