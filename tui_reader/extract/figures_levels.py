"""A percentage after a level's word ("to", "auf", "bei", "at"): a level, or the size of a
move that a noun around it names.

"rose to 9.8%" is a level and has no direction; "extended gains to 5.4%", "das Minus
summiert sich auf 2,7 Prozent", "led large-cap gains at 5.69%" and "a return to 3%
organic growth" are moves whose noun gives the direction. `direction_of` asks these when
the word right before the figure is a level's.
"""

from __future__ import annotations

from tui_reader.extract.figures_closing import CLAUSE_END, PUNCT
from tui_reader.extract.figures_vocabulary import BEI_NOUNS, MOVE_NOUN_GAP, MOVE_NOUNS, learn_direction
from tui_reader.model import Direction


def move_noun_after(body: str, end: int) -> Direction | None:
    """The move a noun right after a level's figure names: "a return to 3% organic
    growth" is growth of 3%, whatever word stands before it."""
    following = body[end:end + 40].lower().split(None, 3)[:3]
    for word in following:
        word = word.strip(PUNCT)
        if word in _GROWTH_NOUNS:
            return _GROWTH_NOUNS[word]
        if word not in _GROWTH_ADJECTIVES:
            return None
    return None


_GROWTH_NOUNS: dict[str, Direction] = {"growth": "up", "increase": "up", "rise": "up", "decline": "down",
                                       "drop": "down", "wachstum": "up", "anstieg": "up", "rückgang": "down"}
_GROWTH_ADJECTIVES = frozenset("organic underlying annual comparable like-for-like year-over-year year-on-year "
                               "organisches organischen organischem jährliches jährlichen".split())


def moved_to(words: list[str]) -> Direction | None:
    """The move a noun before "auf"/"to"/"at" names (`MOVE_NOUNS`: "led gains at 5.69%"), else None (a level); the
    noun may own a genitive between ("Das Jahresplus des Index liegt nun bei 7,5 Prozent").
    Before "bei", or "summiert sich auf", any words of the clause may stand between
    (`BEI_NOUNS`; compounds too: "Das Jahresminus beim ATX summiert sich auf 16 Prozent")."""
    sums = words[-1:] == ["auf"] and not _SUMS_TO.isdisjoint(words)
    if words and (words[-1] == "bei" or sums):
        for word in reversed(words[:-1] if sums else words[-8:-1]):
            if word[-1] in CLAUSE_END:
                break
            found = BEI_NOUNS.get(word) or (len(word) > 6 and word.endswith(_MOVE_NOUN_ENDS)
                                             and learn_direction(word) or None)
            if found is not None:
                return found
    at = len(words) - 2
    genitive = False
    while at >= 0:
        word = words[at]
        found = MOVE_NOUNS.get(word) or (len(word) > 6 and word.endswith(_MOVE_NOUN_ENDS) and learn_direction(word)
                                         or None)
        if found is not None:
            return found
        if at > 0 and words[at - 1] == "seit" and word[-1] not in CLAUSE_END:
            at -= 2  # "das Kursplus seit Vorstellung auf 100 Prozent": when the move began, read past
            continue
        if not genitive and at > 0 and words[at - 1] in _GENITIVE and word[-1] not in CLAUSE_END:
            genitive = True  # "des Index": the owner, read past once
            at -= 2
            continue
        if word not in MOVE_NOUN_GAP:
            return None
        at -= 1
    return None


_SUMS_TO = frozenset({"summiert", "summierte", "summieren", "summierten", "beläuft", "belief", "belaufen",
                      "beliefen", "addiert", "addierte", "addieren"})
"""The verbs of "das Minus summiert sich auf 2,7 Prozent": before "auf" too the noun of
change is then the clause's subject and the figure its size."""
_GENITIVE = frozenset({"des", "der"})
_MOVE_NOUN_ENDS = ("plus", "minus", "gewinne", "verluste", "wachstum", "zuwachs", "anstieg", "rückgang",
                   "kursgewinn", "tagesgewinn", "wochengewinn", "monatsgewinn")
"""Compounds of the move nouns: "Kursplus", "Jahresminus", "Kursgewinne", "Umsatzwachstum"."""


def move_noun_von(words: list[str]) -> bool:
    """ "mit einem Plus von 2,1 Prozent der schwachen Tendenz zum Trotz": a move named
    right before, so the "der" after it starts no part of a whole."""
    return len(words) > 1 and (words[-1] == "von" and words[-2] in MOVE_NOUNS or (
        words[-1] in _AROUND and len(words) > 2 and words[-2] == "of" and words[-3] in _MOVES_OF) or (
        words[-1] == "of" and words[-2] in _MOVES_OF))


_MOVES_OF = frozenset("rise increase gain jump climb fall decline drop slide loss".split())
_AROUND = frozenset("around about nearly almost roughly some over".split())
"""English move nouns before "of": "a rise of around 25% of the share price" is the move."""
