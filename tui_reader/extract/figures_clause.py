"""Reading a percentage's clause backwards, word by word, for the word that moved it:
through a list whose verb stands once ("SAP gewann 2,4 Prozent, Siemens 1,9 Prozent"),
a move restated ("fell 12.40 points, or 0.4%"), an insert between dashes and an earlier
move ("nach Gewinnen"). `figures_words.direction_of` calls these when the words next to
the figure did not decide.
"""

from __future__ import annotations

from tui_reader.extract.figures_closing import ABBREVIATIONS, CLAUSE_END, PUNCT
from tui_reader.extract.figures_vocabulary import WORD_DIRECTION, learn_direction
from tui_reader.model import Direction

LEVEL_WORDS = frozenset({"to", "from", "at", "auf", "bei"})
"""A percentage after these is a level ("narrowed ... to 9.8%", "lag bei 2,4 Prozent"),
not a move."""
_DASHES = frozenset({"-", "–", "—"})
"""A spaced dash: an insert's bounds, or the end of a clause."""


def listed_after(words: list[str]) -> Direction | None:
    """The move of the figure listed before, for a figure whose verb is left out: "SAP
    gewann 2,4 Prozent, Siemens 1,9 Prozent", "Apple slid 2%, Dell 1% and HP 3%".

    Steps back over list items (a percentage, then "," or "and", then a name of at most
    three words and "um"/"by": "UBS um 0,7 Prozent und Julius Bär um 0,6 Prozent"; or a
    percentage and its new level: "Hannover Rück 7,7% auf 131,80 Euro, Münchener Rück
    6,4%") until one has its verb."""
    end = len(words)
    while end > 1:
        # a name of up to three words, then "um"/"by" if the item has it; an item may end
        # in its new level ("Münchener Rück 6,4% auf 216,10 Euro,"): three words more
        reach = end - 9 if words[end - 1] in ITEM_LEADS else end - 8
        for at in range(end - 1, max(reach, 0) - 1, -1):  # end - 1: an item with no name ("pounds, 4.4 percent")
            word = words[at]
            if word.endswith(_LISTED_COMMA) or (word.endswith(_LISTED) and at + 1 < end
                                                and words[at + 1] in CONNECTORS):
                if at < end - 5 - (words[end - 1] in ITEM_LEADS):
                    return None  # a percentage too far back for a name between
                break
            level = at - 3 if at > 2 and words[at - 1] in _SCALES else at - 2  # "auf 1,8 Mrd. Euro,"
            if level >= 0 and words[level] in LEVEL_WORDS and (word.endswith(_LEVEL_COMMA) or (
                    word in _LEVEL_UNITS and at + 1 < end and words[at + 1] in CONNECTORS)):
                break
            if at > 0 and words[at - 1] in LEVEL_WORDS and word[:1].isdigit() and (
                    word.endswith(("p,", "c,")) or (word[-1] in "pc" and at + 1 < end and words[at + 1] in CONNECTORS)):
                break  # "gained 3.9pc, or 125.5p, to 3364.5p, Glencore 3.5pc": a level in pence
        else:
            return None
        if not _STATES.isdisjoint(words[at + 1:end]):
            return None  # "rose 3% to 5 billion euros, margins were 12%": a new clause with its own verb
        found, ended, _ = direction_back(words[:at] + [word.rstrip(",")], "")
        if found or not ended:
            return found
        end = at
    return None


_STATES = frozenset("was were is are stood stands came comes lag lagen liegt liegen war waren ist sind betrug "
                    "beträgt".split())
"""A verb of state between a listed item's comma and the figure: the figure is its own
clause's ("margins were 12%"), not an item of the list before."""
ITEM_LEADS = frozenset({"um", "by"})
"""What stands between a listed item's name and its figure: "SAP um 2,1 Prozent"."""
LIST_REACH = 400
_LEVEL_COMMA = ("euro,", "dollar,", "franken,", "pence,", "cents,", "punkte,", "punkten,", "zähler,", "points,",
                "euros,", "dollars,", "pounds,", "francs,", "yen,")
"""How an item ending in its new level ends: "6,4% auf 216,10 Euro,"."""
ITEM_ENDS = _LEVEL_COMMA + ("%,", "prozent,", "percent,")
_LEVEL_UNITS = frozenset(unit.rstrip(",") for unit in _LEVEL_COMMA)
_COUNTRIES_DOTTED = frozenset({"u.s.", "u.k."})
_SCALES = frozenset({"mrd.", "mio.", "milliarden", "millionen", "million", "billion", "bn", "mln"})
"""A level's scale between its number and unit: "Umsatz um 34 Prozent auf 1,8 Mrd. Euro, das Ebit um 46 Prozent"."""
_LISTED = ("%", "prozent", "percent", "pc")
_LISTED_COMMA = ("%,", "prozent,", "percent,", "pc,")
_LISTED_ITEM = _LISTED + _LISTED_COMMA
CONNECTORS = frozenset({"and", "und", "sowie"})


AMOUNT_UNITS = frozenset(
    "cents cent points point pence dollars euros punkte punkten punkt euro million billion mio "
    "mrd".split())
"""Ending "rose 81 cents, or 4 percent", "fell by 245.25 points, or 0.72%": the amount,
then the same move as a percentage."""
PAREN_AFTER = frozenset("points point punkte punkten cents cent pence".split())
"""Before a percentage in parentheses these, or an amount, name the same move ("fell
376.36 points (3.6%)", "a tumble of $1.01 (6.2%)")."""
_RESTATED = frozenset({"or", "oder", "", "close", "about", "nearly", "roughly", "almost",
                       "around", "rund", "etwa", "knapp"})
"""The word after the comma of "rose 0.71 point, close to 0.1 percent": the percentage
restates the amount's move."""


def direction_back(words: list[str], later: str, dashed: bool = False) -> tuple[Direction | None, bool, str]:
    """The nearest direction word in `words` read backwards, whether the clause ended, and
    the word read last (for "up to"); `dashed`: whether a spaced dash stands among them."""
    if not later and words and (words[-1] in CONNECTORS or words[-1].endswith(_LISTED_ITEM)):
        # "ended down 1.82%, 1.56% and 1.25%": the list's items, then its verb
        at = len(words) - 1
        while at and (words[at - 1] in CONNECTORS or words[at - 1].endswith(_LISTED_ITEM)):
            at -= 1
        words, following = words[:at], words[at]
    else:
        following = ""
    if dashed:
        words = _without_insert(words)
    count = len(words)
    for back, word in enumerate(reversed(words)):
        if word[-1] == "," and (later in _RESTATED or later == "to") and (
                word[0].isdigit() or word[:-1] in AMOUNT_UNITS or word.lstrip("$€£")[:1].isdigit()):
            # "declined 218.64, or 3.7 percent", "climbed 28.98 points, 1.06%", "fell by 14
            # per cent, or 120p, to 740p": the same move restated, or its new level
            later = word
            continue
        if word[-1] in CLAUSE_END or word in _DASHES:
            if word[0] == "(" and word[-1] == ")" and 2 < len(word) <= 12 and (
                    word[1:-1].replace(":", "").isalnum() or word[1:-1].replace(".", "").replace(",", "").isdigit()):
                continue  # "fiel der MDax (MDAX) um 2 Prozent", "Schluss (2.274,24) um": set in
            if word[-1] == "." and len(word) <= 3 and word[:-1].isdigit():
                continue  # "im 1. Halbjahr": an ordinal, no sentence's end
            if word[-1] == "." and word[:-1] in ABBREVIATIONS:
                continue  # "Wachstum von rd. 44 %": an abbreviation, no sentence's end
            if word in _COUNTRIES_DOTTED and (words[count - back] if back else following) in CONNECTORS:
                continue  # "0.2 per cent in the U.S. and 9.6 per cent in Canada": one list
            return None, True, later
        key = word if word.isalpha() else word.strip(PUNCT)
        if (key == "up" and later == "to") or (key == "gewinn" and later == "je") or (
                later == "end" and key in ("lower", "upper", "higher")):
            later = key  # "up to 5%" is a limit; "Gewinn je Aktie" is EPS; "the lower end of" a range's end
            continue
        found = WORD_DIRECTION.get(key)
        if found is None:
            found = learn_direction(key)
        if found and key == "gewinn" and _profit_named(words, word):
            found = None  # "schrumpfte der Gewinn … um 17 Prozent": the profit, the clause's subject
        if found and not (key in _EARLIER_MOVES and _after_earlier(words, word)):
            return found, True, later
        if word[0] == "(":
            return None, True, later
        later = key
    return None, False, later


def _without_insert(words: list[str]) -> list[str]:
    """The words without the insert between their last two dashes: "beschleunigte sich –
    nachdem der Vorstand warnte – um 13,5 Prozent" reads on to "beschleunigte"."""
    dashes = [i for i, word in enumerate(words) if word in _DASHES]
    if len(dashes) < 2:
        return words
    return words[:dashes[-2]] + words[dashes[-1] + 1:]


_EARLIER_MOVES = frozenset(
    "gewinnen gewinne verlusten verluste kursgewinnen kursverlusten anfangsgewinnen "
    "anfangsverlusten gains losses".split())
"""Nouns of a move that, after "nach"/"after"/"trotz", name an earlier move, not this one."""
_EARLIER_LEADS = frozenset("nach after trotz despite following".split())


def _after_earlier(words: list[str], word: str) -> bool:
    """Whether the move noun `word` (its last place in `words`) ends a phrase naming an
    earlier move: "verloren nach zwischenzeitlichen Gewinnen letztlich 0,7 Prozent" is a fall."""
    at = len(words) - 1 - words[::-1].index(word)
    if at + 1 >= len(words) or words[at + 1] in _OWNED_BY_NOUN:
        return False  # "nach Kursgewinnen von fast 60 Prozent": the noun owns the figure
    return any(w in _EARLIER_LEADS for w in words[max(at - 2, 0):at])


_OWNED_BY_NOUN = frozenset("von of um by in".split())
_PROFIT_LEADS = frozenset("der den dem des sein seinen seinem ihr ihren ihrem unser unseren".split())


def _profit_named(words: list[str], word: str) -> bool:
    """Whether "Gewinn" (its last place in `words`) is the profit, after an article or a
    possessive ("der Gewinn", "seinen Gewinn"), rather than a gain ("ein Gewinn von 5 Prozent")."""
    at = len(words) - 1 - words[::-1].index(word)
    return at > 0 and words[at - 1] in _PROFIT_LEADS
