"""Fractions as moves: "um ein Drittel", "fell by a third", "lost half its value".

A fraction that is no move is a key figure only as a share of money or of the company
("fast ein Fünftel des Umsatzes", "two-thirds of sales"): "half of the index members"
or "half of its customers" counts things, and readers of the held-out sets never took
one for a key figure.

A fraction is a percentage of its whole, so it is a percent figure with unit "%" and the
fraction's value times 100, to one decimal as an article would write it (ein Drittel →
33.3, zwei Drittel → 66.7, drei Viertel → 75, die Hälfte → 50);
direction and qualifier are read like any percentage's. German fraction nouns name
nothing else, so a number word before them is enough ("ein Drittel", "zwei Drittel").
The English words also mean other things ("the third quarter", "the first half", "a
quarter of a century", "half an hour"), so they count only as a share ("a third of")
or after "by", a qualifier or a verb of change ("by a third", "nearly half").
The heads are found by the worded-figures pass in figures_heads.
"""

from __future__ import annotations

import re

from tui_reader.extract.figures_numbers import Found, word_value
from tui_reader.extract.figures_vocabulary import DIRECTION_WORDS
from tui_reader.extract.figures_worded import number_word_before
from tui_reader.extract.figures_words import direction_of, qualifier_before

FRACTIONS = {"hälfte": 2, "drittel": 3, "viertel": 4, "fünftel": 5, "sechstel": 6,
             "achtel": 8, "zehntel": 10, "half": 2, "third": 3, "thirds": 3, "quarter": 4,
             "quarters": 4, "fifth": 5, "fifths": 5}
"""Fraction words by their denominator."""
_ONE = frozenset("a an one ein eine einem einer eines einen".split())
_HALF_ARTICLES = frozenset("die der zur".split())
"""German writes the half with its article: "mehr als die Hälfte", "zur Hälfte"."""
_LEADS = frozenset(
    "by um than als nearly almost about around roughly some over under more less fast knapp "
    "rund etwa gut mehr weniger nahezu beinahe".split())
"""Words before an English fraction that make it a figure ("by a third", "nearly half")."""
_NOT_AFTER = ("of a century", "of an hour", "of a mile", "of a point", "of a percentage",
              "of the way", "of the time", "of the year", "of the century", "of a year", "a century", "an hour", "a dozen", "a point",
              "a percentage", "time", "hour", "point", "-")
"""What follows a fraction word that makes it no share ("half an hour", "a quarter of a
century", "half a percentage point", "a third time", "half-year")."""
_FOLLOWERS = frozenset(
    "of and or but in on to from since after as while this last over at versus vs compared "
    "the its their year-over-year year-on-year".split())
"""Words after "a third" that leave it a fraction ("fell by a third and ...", "by a
third in the quarter"); any other word makes it an ordinal ("a third quarter")."""
_SPACES = " \u00a0\u202f"
_WHOLES = re.compile(
    r"[ \u00a0](?:of|des|der)[ \u00a0](?:(?:the|its|their|seines|ihres|seiner|ihrer)[ \u00a0])?"
    r"(?:revenues?|sales|profits?|earnings|income|shares|stock|capital|Umsatzes|Umsätze|Erlöse|Gewinns"
    r"|Gewinnes|Aktien|Anteile|Kapitals|Stimmrechte|Grundkapitals)(?!\w)")
"""The wholes a fraction that is no move must be of to be a key figure: money or the
company's shares ("Mehr als die Hälfte des Umsatzes", "two-thirds of sales")."""


def fraction(body: str, head: int, end: int, word: str) -> Found | None:
    """The fraction whose word spans body[head:end] as a percent figure, or None."""
    denominator = FRACTIONS[word.lower()]
    number, start = number_word_before(body, head)
    lower = number.lower() if number else ""
    german = word[0].isupper() and word.lower() not in ("half", "third", "quarter")
    if german:
        if denominator == 2:
            count = 1 if lower in _HALF_ARTICLES else None
        else:
            count = 1 if lower in _ONE else word_value(lower) if lower else None
    else:
        count = _english_count(body, head, end, word.lower(), lower, start)
        if denominator == 2:  # "nearly half": no number word of its own
            start = head
    if count is None or count >= denominator:
        return None
    direction = direction_of(body, start, end, None)
    if direction is None and not _WHOLES.match(body, end):
        return None  # "half of Verizon's customers", "die Hälfte der DAX-Unternehmen": a count
    value = round(100.0 * count / denominator, 1)
    return (start, end, "percent", value, None, qualifier_before(body, start), "%", direction, None)


def _english_count(body: str, head: int, end: int, word: str, number: str,
                   start: int) -> int | None:
    """How many of the fraction an English fraction word counts, when it is a figure."""
    after = body[end:end + 24].lstrip(_SPACES)
    if body.startswith("-", end) or after.startswith(_NOT_AFTER) or (
            word in ("third", "fifth", "quarter") and after[:1].isalpha()
            and after.split(None, 1)[0].lower() not in _FOLLOWERS):
        return None  # "third-party", "half an hour", "a third time", "a quarter century"
    if word == "half":
        if number in _ONE:  # "by a half": rare, and "a half" before a unit is 0.5 of it
            return None
        count: int | None = 1
        lead_at = head
    else:
        count = 1 if number in _ONE else (word_value(number) if number else None)
        lead_at = start
    if count is None:
        return None
    if after.startswith("of ") and word != "half":
        return count
    lead = body[(lead_at - 16 if lead_at > 16 else 0):lead_at].split()[-1:]
    if not lead:
        return None
    key = lead[0].strip(".,;:()\"'").lower()
    return count if key in _LEADS or key in DIRECTION_WORDS else None
