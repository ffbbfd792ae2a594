"""Whether two numbers written as "X to Y", "X bis Y", "between X and Y" form one range,
a move between two levels, or two figures; used by the money, percentage and minor-unit
decoders alike.

"to" after "from", "by" or a verb of change ("rose 5% to 7%") is a move from one level
to another, not a range, and so is German "auf"; a verb's base form ("will increase 11%
to 12%") says where a forecast lies, a range; German "von X bis Y" is a range.
"""

from __future__ import annotations

import re

from tui_reader.extract.figures_words import CHANGE_WORDS

_SPACES = " \u00a0\u202f"
_BETWEEN = ("between", "Between", "zwischen", "Zwischen", "range of")
"""Before "X and Y" these make it one range ("a range of $98 billion and $100 billion")."""
_BETWEEN_QUALIFIERS = ("rund", "etwa", "ca.", "about", "roughly", "approximately", "around")


def range_start(body: str, start: int, sep: str, low: float, high: float,
                change_words: frozenset[str] = CHANGE_WORDS) -> int | None:
    """Where "X sep Y" starts as one range, or None if it is two figures or a change.

    "and" needs a "between" before it; "to" after "from", "by" or a verb of change
    ("rose 5% to 7%") is a move from one level to another, not a range, and so is
    German "auf". German "von X bis Y" is a range ("von 8 bis 10 Prozent").
    """
    if not low < high:
        return None
    between = _between_start(body, start)
    word = sep.split()[0] if sep.strip(_SPACES) else sep
    if word in ("and", "und") or (between is not None and not body.startswith("range", between)):
        return between
    if word in ("auf", "von", "nach"):
        return None
    if word in ("to", "bis"):
        if word == "to" and restates_move(body, start) and not _RANGE_RESTATED.search(body, max(0, start - 40), start):
            return None  # "rose 2.7 per cent or S$0.90 to S$33.65": the move restated, then the price reached
        before = body[(start - 20 if start > 20 else 0):start].split()[-2:]
        lead = before[-1].lower() if before else ""
        if lead in ("further", "another"):
            # "retreated a further 2.4p to 193.3p", "fell another 6.7p to 102.3p": the verb is further back
            words = body[(start - 40 if start > 40 else 0):start].split()
            before = words[-4:-2] if lead == "further" else words[-3:-1]
        lower = before[-1].lower() if before else ""
        if lower in _BASE_FORMS or (lower in ("up", "down") and len(before) == 2 and before[0].lower() == "be"):
            return start  # "sales will increase 11% to 12%", "to be down 3% to 5%": a forecast's range
        if word == "to" and (old := _FROM_BEFORE.search(body, max(0, start - 48), start)) and not body.endswith(
                _COMPARED_FROM, 0, old.start()):
            if _NEW_STATED_BEFORE.search(body, max(0, old.start() - 64), old.start()) is None:
                return None  # "from the previous forecast of 84.0 billion yen to 87.5 billion yen": a move
            return start  # "to $18 million to $19 million, from the previous guidance of $33 million to $36 million"
        if lower == "from" and len(before) == 2 and before[0].lower() in _RANGE_WORDS:
            return start  # "a range from $1.85 to $1.90", "sales ranging from $73 billion to $75 billion"
        if lower == "from" and len(before) == 2 and before[0].lower() in ("down", "lower"):
            return start  # "down from $14.58 to $14.78 earlier": a falling forecast's old range (low < high)
        if lower == "from" and _NEW_LEVEL_BEFORE.search(body, max(0, start - 64), start):
            return start  # "cut its outlook to about 8 cents from 24 cents to 30 cents": the old range
        if lower in change_words and not (word == "bis" and lower in ("von", "vom", "um")):
            return None
    return start


RESTATED_LEADS = (", or ", ", oder ")
_PERCENT_ENDS = ("%", "pc", "per cent", "percent")


def restates_move(body: str, start: int) -> bool:
    """Whether the amount at `start` restates a move just given ("up 4.5pc, or 101.5p to
    2375p", "rose 6% or 436p to 7606p"): it and the amount after "to" are then the move
    and the price it reached, no range."""
    return body.endswith(RESTATED_LEADS, 0, start) or (
        body.endswith(" or ", 0, start) and body.endswith(_PERCENT_ENDS, 0, start - 4))
_RANGE_WORDS = frozenset({"range", "ranges", "ranging", "ranged"})
_RANGE_RESTATED = re.compile(r"[0-9](?:%|[ \u00a0]?per[ \u00a0]cent|[ \u00a0]?percent)?[ \u00a0]*(?:to|-|–)[ \u00a0]*"
                             r"[0-9][0-9.,]*[ \u00a0]?(?:%|per[ \u00a0]cent|percent),?[ \u00a0]or[ \u00a0]$")
"""A range of percentages restated as amounts: "growth of 7% to 11%, or $144 billion to $149
billion" is a range again, not a move and the level it reached."""
_FROM_BEFORE = re.compile(r"\bfrom (?:the |its |a |an )?(?:previous|prior|earlier|old|original|initial) "
                          r"(?:forecast|guidance|estimate|outlook|target|view|level)s? of $")
"""The old level named a few words back: "from the previous forecast of X to Y" is a move;
after "down"/"up" ("down from prior guidance of $5 billion to $6 billion") the old
forecast was itself a range."""
_COMPARED_FROM = (" down ", " up ", " lower ", " higher ")
_NEW_STATED_BEFORE = re.compile(
    r"(?<![0-9.,])(?<!by )(?<!for )(?:[$€£¥][0-9][0-9.,]*(?:[ \u00a0]?(?:million|billion|bn|m))?"
    r"|[0-9][0-9.,]*[ \u00a0]?(?:million|billion|bn|m|cents?|%|per[ \u00a0]cent|percent))\b,?"
    r"(?:[ \u00a0][a-z]+){0,4}[ \u00a0]$")
"""The new level stated first (an amount with its unit, not a year nor a move "by 5%"),
then "from the previous … of X to Y": the old forecast was a range ("to $18 million to $19 million, from the previous guidance of $33 million to $36
million", "€490 million to €520 million, a notable decrease from the prior forecast of …")."""
_NEW_LEVEL_BEFORE = re.compile(r"\bto (?:[a-z]+ )?[$€£]?[0-9][0-9.,]*(?:[ \u00a0]?(?:cents?|billion|million|bn|m|%|"
                               r"per[ \u00a0]cent|percent|euros?|pence|p))? from $")
"""The new level written first, then "from" and the old one: "to approximately 8 cents from
24 cents to 30 cents" revises a range; the old one after "from" is that range."""
_BASE_FORMS = frozenset(
    "increase grow rise climb gain expand improve decrease decline fall drop shrink rising growing "
    "increasing".split())
"""A verb of change in its base form ("will increase", "expects to grow") before "X to Y"
says where a forecast lies, a range; its past ("rose 5% to 7%") a move between levels."""


def from_to_level(body: str, start: int, sep: str, changes: bool = False) -> bool:
    """Whether the number at `start` is the first level of a move written with both
    numbers before the unit: the old level ("from 78 to 107 million", "von 78 auf 107
    Millionen Dollar", "von 81 nach 71 Franken") or the new one when German writes it
    first ("auf 95 von 90 Franken"), or, for amounts (`changes`), the change before the
    new level ("um 3 auf 95 Millionen Euro"; a percentage's change keeps its direction
    and is read as a figure of its own).

    Such a number is kept as a figure of its own, borrowing the scale and unit written
    once after the second level, which is a figure of its own too.
    """
    word = sep.split()[0] if sep.strip(_SPACES) else sep
    if word not in _LEVEL_SEPS:
        return False
    before = body[(start - 20 if start > 20 else 0):start].lower().split()[-2:]
    if before and before[-1] in _ROUGHLY:  # "von rund 77 auf etwa 82 Prozent"
        before = before[:-1]
    if not before:
        return False
    lead = before[-1]
    return lead in _LEVEL_SEPS[word] or (changes and word == "auf" and lead == "um")


_ROUGHLY = frozenset({"rund", "etwa", "knapp", "gut", "ca.", "about", "around", "roughly", "nearly", "almost"})
"""A qualifier between "von"/"from" and the first level."""
_FROM_WORDS = frozenset({"from", "von", "vom"})
_PREVIOUSLY = frozenset({"zuvor", "bisher", "vorher", "zuletzt"})
"""German moves often name the old level "von zuvor 90 auf 95 Euro"."""
_LEVEL_SEPS = {"to": _FROM_WORDS, "auf": _FROM_WORDS | _PREVIOUSLY, "nach": _FROM_WORDS,
               "von": frozenset({"auf"})}
"""The word between the two levels, and the words that may stand before the first."""


def _between_start(body: str, start: int) -> int | None:
    head = body[(start - 20 if start > 20 else 0):start].rstrip(_SPACES)
    for word in _BETWEEN_QUALIFIERS:  # "zwischen rund 19 und 23 Euro"
        if head.endswith(word) and head[-len(word) - 1:-len(word)] == " ":
            head = head[:-len(word)].rstrip(_SPACES)
            break
    for word in _BETWEEN:
        if head.endswith(word):
            at = len(head) - len(word)
            if at == 0 or not head[at - 1].isalpha():
                return (start - 20 if start > 20 else 0) + at
    return None
