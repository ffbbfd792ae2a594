"""Whether a company name found in text is the company: not a person, not a product.

"Judge Richard Eaton" and "Julia Klöckner" are people; "Premier Fico" is a head of
government; "Porsche owners", "a Porsche 911" and "Mercedes-Fahrer" are about cars,
not about the listed company of that name. The scanner finds the name either way;
these rules, read from the words right around it, drop such mentions.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from tui_reader.extract.aliases import first_names
from tui_reader.extract.names import name_word

TITLES: frozenset[str] = frozenset(
    """mr mrs ms dr prof sir dame lord lady judge justice senator sen rep representative
    congressman congresswoman governor gov president vice premier prime minister chancellor
    secretary mayor commissioner chairman chairwoman chair ceo cfo coo cto founder
    analyst economist general gen colonel col captain capt king queen prince princess
    pope bishop herr frau richter richterin ministerin minister ministerpräsident
    ministerpräsidentin kanzler kanzlerin bundeskanzler präsident präsidentin
    bürgermeister bürgermeisterin senatorin abgeordnete chef chefin vorstand
    vorstandschef""".split()
)
"""Words that put a person's name after them ("Judge", "Premier", "Kanzler")."""

PRODUCT_NOUNS: frozenset[str] = frozenset(
    """owners driver drivers dealer dealers dealership dealerships enthusiast
    enthusiasts collector collectors fan fans buyer buyers model models car cars
    fahrer fahrerin besitzer händler modell modelle fans käufer""".split()
)
"""Nouns after a brand that make it the product ("Porsche owners", "Mercedes-Fahrer")."""

_NEXT_WORD = re.compile(r"[ \u00a0]+([\w’'-]+)")
_MODEL = re.compile(r"[ \u00a0]+(?:[A-Z]{0,2}-?\d{1,4}[a-z]?|[A-Z]-Class|Model [A-Z0-9])\b")
_ARTICLES = frozenset({"a", "an"})


@cache
def _person_cues() -> frozenset[str]:
    return TITLES | first_names()


def not_the_company(text: str, start: int, end: int) -> bool:
    """Whether the name at text[start:end] is a person or a product here.

    Judged from the few characters around it, cached by them: a feed's articles
    repeat the same contexts ("Shares of Apple rose"), and this runs for every name.
    """
    return _judged(text[max(0, start - 24) : start], text[start:end], text[end : end + 16])


@lru_cache(maxsize=8192)
def _judged(before: str, written: str, after: str) -> bool:
    return is_person(before) or is_product(before, written, after)


def is_person(before: str) -> bool:
    """Whether the word before the name is a first name or a title ("Judge Richard
    Eaton", "Premier Fico"), so that the name is a surname."""
    if len(before) < 2 or before[-1] not in " \u00a0" or not before[-2].isalpha():
        return False
    return name_word(before.split()[-1]) in _person_cues()


def is_product(before: str, written: str, after: str) -> bool:
    """Whether the name is a product or brand here: "Porsche owners", "Porsche-Fahrer",
    "a Porsche 911", "bought a Porsche." (after "a"/"an" with no noun following)."""
    if written.endswith(("'s", "’s")):
        return False  # "Facebook's owner" is Meta
    if "-" in written and name_word(written.rsplit("-", 1)[1]) in PRODUCT_NOUNS:
        return True
    following = _NEXT_WORD.match(after)
    if following and following.group(1).casefold() in PRODUCT_NOUNS:
        return True
    words = before[-4:].split()
    if not words or words[-1].casefold() not in _ARTICLES:
        return False
    if _MODEL.match(after):
        return True  # "a Porsche 911", "a Mercedes S-Class"
    return written[-1] in ".,;!?" or after[:1] in ("", "\n", ".", ",", ";", "!", "?")
