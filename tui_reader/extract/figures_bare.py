"""Amounts written with their scale but without a currency, which the next amount of the
sentence names for both.

German wires compare two amounts and name the currency once, at the second: "von 94
Millionen im Vorjahreszeitraum auf 101,7 Millionen Euro", "Statt der erwarteten 105
Millionen verdiente die Bank 217 Millionen Euro", "ein Vorsteuergewinn von 141 Millionen
und ein Nettogewinn von 29 Millionen Euro"; English copy does the same ("from 94
million a year earlier to 101.7 million euros"). The first amount is a key figure as
much as the second; `from_to_level` reads it only when nothing stands between the two.

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
"""Characters before the named amount in which a bare one may stand (one sentence)."""
_SENTENCE_END = re.compile(r"[.!?][ \u00a0]+[A-ZÄÖÜ]|\n")


def bare_amounts(body: str, found: list[Found]) -> list[Found]:
    """`found` (sorted, not overlapping) with the bare amounts that borrow the currency
    of a later money figure with the same scale word in their sentence."""
    added: list[Found] = []
    taken = 0
    for figure in found:
        if figure[2] != "money" or figure[4] is None:
            continue
        scale = _scale_word(body, figure)
        if scale is None:
            continue
        reach = max(taken, figure[0] - _REACH)
        window = body[reach:figure[0]]
        cut = max((m.start() + 1 for m in _SENTENCE_END.finditer(window)), default=0)
        for match in _BARE.finditer(body, reach + cut, figure[0]):
            if match["k"] != scale or not _amount_follows(match["after"], scale):
                continue
            start, end = match.start(), match.end("k")
            if any(f[0] < end and start < f[1] for f in found):
                continue
            value = parse_number(match["n"], scale[0] == "M")
            if value:
                added.append((start, end, "money", value * SCALE_VALUES[scale.rstrip(".").lower()],
                               figure[4], None, None, None, None))
        taken = figure[1]
    if not added:
        return found
    return sorted(found + added)


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
