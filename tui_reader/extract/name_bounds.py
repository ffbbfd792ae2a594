"""Where a found name stands among the words around it: written in capitals, opening a
sentence or mid-sentence, inside or at the head of a longer name, spelled out before
its abbreviation. `count_names` asks these of a weak or short name before filing it.
"""

from __future__ import annotations

import re

from tui_reader.extract.names import CAPITALS, picks_initials


def in_capitals(text: str, start: int, end: int) -> bool:
    """Whether the word at `start` is written in capitals amid ordinary text ("MARA said",
    "TAKKT"): a word that is a name only in that spelling. Four letters or more: shorter
    ones are abbreviations with meanings of their own ("VAT", "FMC"); not a shouted
    label ("BREAKING NEWS", "NEWS:"), whose neighbours are capitals or a colon."""
    word = text[start:end].split(None, 1)[0].rstrip(".")  # "mit der APA.": three letters
    if len(word) < 4 or not word.isupper() or text.startswith(":", start + len(word)):
        return False
    if start - text.rfind("\n", 0, start) <= _DATELINE_REACH and text.startswith(_DATELINE_NEXT, start + len(word)):
        return False  # a dateline: "ZÜRICH (dpa-AFX) -", "LONDON, March 3 (Reuters)", "dpa-afx ZÜRICH."
    neighbours = text[max(0, start - 30) : start].split()[-1:] + text[end : end + 30].split()[:1]
    return bool(neighbours) and all(any(c.islower() for c in w) for w in neighbours)


_DATELINE_REACH = 16
_DATELINE_NEXT = (" (", ", ", " -", " –", ". ")
"""What follows a place in capitals near a paragraph's start that makes it a dateline."""
_TITLE_SMALL_WORDS = frozenset(
    "a an the of and or nor to for in on at by with from as vs via per into over but".split()
)
"""Words title case leaves in lower case ("Evolution of the Bond Market")."""


def capitalised_mid_sentence(text: str, start: int) -> bool:
    """Whether the word at `start` follows a lower-case word inside a sentence ("analysts
    expect Strategy to"): in English such a capital makes a common word a name. Not after
    a sentence end, a line start, a capitalised word (title case) or a small word title
    case leaves lower-case ("the Evolution of")."""
    i = start - 1
    while i >= 0 and text[i] in " \u00a0":
        i -= 1
    if i < 0 or i == start - 1 or not text[i].islower():
        return False
    j = i
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] in "'’-"):
        j -= 1
    word = text[j : i + 1]
    return word.islower() and word not in _TITLE_SMALL_WORDS


_CAPITAL_BEFORE = re.compile(rf"(?:^|[\s(])([{CAPITALS}][\w&.-]*)[ \u00a0]$")
_LEAD_INS: frozenset[str] = frozenset(
    # Capitalised words that open a sentence or a headline before a name without being
    # part of it ("Rival Toyota", "Why Amerant Fell", "Aktie Vita 34").
    """the a an and or but as at by for from in into of on to with while when after before
    why how what who is are was will rival rivals shares stock analyst analysts chipmaker
    carrier lender insurer retailer automaker buy sell hold watch ceo cfo says said
    stocks earnings results profit sales revenue jumps falls rises slides
    soars sinks surges drops gains beats misses cuts raises plans posts reports
    die der das den dem des ein eine und oder bei von vom mit für auf aus nach über unter
    zu zur zum im am wie auch aktie aktien papiere titel konkurrent konzern
    elsewhere meanwhile also however still separately including unlike both even only plus
    peers fellow""".split()
)


def inside_a_longer_name(text: str, start: int) -> bool:
    """Whether a weak name (a short name, an everyday word, a descriptor such as
    "Bancorp") is the tail of a longer capitalised name the directory does not know:
    "Old National", "Southern National Corporation", "Piedmont Bancorp". A lead-in word
    before it is no name. English only: German capitalises every noun."""
    before = _CAPITAL_BEFORE.search(text, max(0, start - 40), start)
    if before is None:
        return False
    word = before.group(1)
    return not word.endswith(".") and word.casefold() not in _LEAD_INS


VENUE_BESIDE = re.compile(r"\b(?:NYSE|Nasdaq|NASDAQ|OTC)\b")
"""An exchange beside a name that is also one ("Amex & NYSE switches")."""
_CAPITAL_AFTER = re.compile(rf"[ \u00a0]([{CAPITALS}][\w&-]*)")


def longer_name_follows(text: str, end: int) -> bool:
    """Whether a capitalised word continues the weak name into a longer one: "Southern
    National", "Premier Financial" (not "Target Shares", "Shell CEO")."""
    after = _CAPITAL_AFTER.match(text, end)
    return after is not None and after.group(1).casefold() not in _LEAD_INS


def spelled_out_before(text: str, start: int, end: int) -> bool:
    """Whether a name in capitals is in parentheses right after the words it abbreviates:
    "net interest income (NII)" is no NII Holdings, "Austria Presse Agentur (APA)" no
    APA Corporation."""
    written = text[start:end]
    if text[start - 1 : start] != "(" or not (2 <= len(written) <= 5 and written.isupper()):
        return False
    words = [w for w in text[max(0, start - 80) : start - 1].split() if w.lower() not in ("of", "and", "for", "the", "&")]
    initials = "".join(w[0] for w in words[-len(written) :]).upper()
    if initials == written.upper():
        return True
    # "Singapore Institute of Advanced Medicine (SAM)": the capitals pick the words' initials in order
    return picks_initials("".join(w[0] for w in words[-len(written) - 2:]).upper(), written)
