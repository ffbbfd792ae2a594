"""The words around a figure that qualify it: "more than", "about", "rose", "fell".

Read word by word with `str.split` and dictionary look-ups rather than regexes: they
run once per figure, and a 3 KB article can hold thirty figures within a budget of
about 100 µs for all of them.
"""

from __future__ import annotations

import re

from tui_reader.extract.figures_clause import (
    AMOUNT_UNITS,
    CONNECTORS,
    ITEM_ENDS,
    LEVEL_WORDS,
    LIST_REACH,
    PAREN_AFTER,
    direction_back,
    listed_after,
)
from tui_reader.extract.figures_closing import (
    CLAUSE_END,
    PUNCT,
    SEPARABLE_VERBS,
    closing_verb,
    particle_verb,
    verb_right_after,
)
from tui_reader.extract.figures_levels import move_noun_after, move_noun_von, moved_to
from tui_reader.extract.figures_movers import movers_heading
from tui_reader.extract.figures_vocabulary import (
    AFTER_WORDS,
    COMPARED_AFTER,
    COMPOUND_NOUN_ENDS,
    DIRECTION_WORDS,
    GAVE_UP,
    JOINED_MOVES,
    LIST_AFTER,
    LIST_JOINERS,
    MEASURE_NOUNS,
    ONE_MORE,
    OWN_VALUE,
    PHRASAL,
    PULLED_BACK,
    SHARE_AFTER,
    SHARE_NOUNS,
    SOFTENERS,
    SPAN_ADJECTIVES,
    TIMED_AFTER,
    TIMED_LEADS,
    TOLERANCE_ENDS,
    TOLERANCES,
    WORD_DIRECTION,
    learn_direction,
)
from tui_reader.extract.figures_widgets import widget_before
from tui_reader.model import Direction, Qualifier

_QUALIFIER_WORDS: dict[str, Qualifier] = {
    "about": "approx", "around": "approx", "roughly": "approx", "nearly": "approx", "near": "approx",
    "almost": "approx", "some": "approx", "approximately": "approx", "approx": "approx",
    "circa": "approx", "ca": "approx", "rund": "approx", "etwa": "approx", "knapp": "approx",
    "fast": "approx", "beinahe": "approx", "annähernd": "approx", "nahezu": "approx",
    "ungefähr": "approx", "gut": "more_than",
    "over": "more_than", "above": "more_than", "über": "more_than",
    "under": "less_than", "below": "less_than", "unter": "less_than",
}
"""Qualifiers that are a single word right before the amount."""

_QUALIFIER_PHRASES: dict[tuple[str, str], Qualifier] = {
    ("more", "than"): "more_than", ("mehr", "als"): "more_than", ("excess", "of"): "more_than",
    ("upwards", "of"): "more_than",
    ("less", "than"): "less_than", ("fewer", "than"): "less_than",
    ("weniger", "als"): "less_than",
    ("up", "to"): "up_to", ("much", "as"): "up_to", ("bis", "zu"): "up_to",
}
"""Two-word endings of longer qualifiers ("in excess of", "as much as")."""
_PHRASE_ENDS = frozenset(last for _, last in _QUALIFIER_PHRASES)


CHANGE_WORDS = frozenset({"from", "von"}) | (DIRECTION_WORDS.keys() - {"growth", "upside",
                                                                        "downside"})
"""Words before "X% to Y%" that make it a change from X to Y rather than a range.

Not "by": "grow by 20% to 30%" is a range of growth rates; nor a noun of change:
"expects growth 5% to 7%" is a range too."""
MONEY_CHANGE_WORDS = CHANGE_WORDS | {"by", "um", "ahead"}
"""For amounts "by" does mark a change: "cut debt by $1 billion to $5 billion"."""

_RESTATED_COMPARATIVES: dict[str, Direction] = {"higher": "up", "lower": "down", "höher": "up", "tiefer": "down"}
"""After an amount's unit and before ", or" and the percentage: the move's direction."""
_NAME_BEFORE = re.compile(r"(?<![\w.])[A-Z][\w&.'’-]*[ \u00a0]\($")
"""A capitalised name right before the parenthesis that opens the percentage."""
_NEAR = 6
"""Words before a percentage split off first: the direction word is almost always among them."""


def previous_words(body: str, start: int, count: int = 2) -> list[str]:
    """The last `count` words before `start`, lower-cased, punctuation stripped."""
    words = body[(start - 40 if start > 40 else 0):start].split()[-count:]
    return [w.strip(PUNCT).lower() for w in words]


def qualifier_before(body: str, start: int) -> Qualifier | None:
    """The qualifier written right before an amount ("more than", "about", "~", "bis zu")."""
    head = body[(start - 40 if start > 40 else 0):start].rstrip()
    if head.endswith(("~", " c.", "(c.", "\nc.")) or head == "c.":  # "c.85%": circa, glued to the number
        return "approx"
    words = head.rsplit(None, 2)[-2:]
    if not words:
        return None
    last = words[-1].lstrip("([{\"“‘'").rstrip(".").lower()
    found = _QUALIFIER_WORDS.get(last)
    if found is None and len(words) == 2 and last in _PHRASE_ENDS:
        return _QUALIFIER_PHRASES.get((words[0].lower(), last))
    return found


def direction_of(body: str, start: int, end: int, sign: str | None) -> Direction | None:
    """Whether a percentage is a rise or a fall, from its sign or the words of its clause.

    Order: a written sign; none for a level ("to 9.8%"), a tolerance ("plus or minus
    2%") or a part of a whole ("20% of revenue", "a 20% stake"); the word right after
    ("6.3% lower", "a 5% drop", "17.2% below", "2 Prozent im Minus"); the nearest
    direction word before it in its clause, German compounds included ("Kursrutsch von
    15 Prozent"); a German participle or separable verb closing the clause ("um 5
    Prozent gestiegen", "gab 3 Prozent nach"). Clauses end at , ; : ( ) and sentence
    ends; words are read with split(), not a regex, to stay cheap.
    """
    if sign:
        return "up" if sign == "+" else "down"
    if body.startswith((" or ", ", or "), end) and (restated := _RESTATED_AMOUNT_AFTER.match(body, end)) is not None:
        return AFTER_WORDS[restated["word"]]  # "closed 0.3 per cent, or S$0.16, down": the word after both decides
    # lowered once, not word by word
    cut = widget_before(body, start) if start > 7 and body[start - 2] == "%" else start
    before = body[(cut - 100 if cut > 100 else 0):cut].lower()
    paragraph = before.rfind("\n\n")
    if paragraph >= 0:
        before = before[paragraph + 2:]
    if ") " in before and (aside := _ASIDE.sub("", before)) != before:
        before = aside  # "stieg gegenüber dem Vorjahreszeitraum (65 Millionen Euro) um 6 %": an aside ends no clause
    if "—" in before:  # "the company that completed its spinoff in April—jumped 6.4%": the insert's dash
        before = before.replace("—", " — ")
    if ", und zwar " in before:  # "schnellte in die Höhe, und zwar um 13 Prozent": one clause
        if (particle := particle_verb(before.rsplit(", und zwar ", 1)[0].split()[-2:])) is not None:
            return particle  # "Alcon gaben nach, und zwar um 0,8 Prozent"
        before = before.replace(", und zwar ", " und zwar ")
    elif before.endswith(", um ") and _UM_ZU.match(body, end) is None:
        # "ging es kräftiger südwärts, um 1,4 Prozent": the move's size after a comma (not "um … zu halten")
        before = before[:-5] + " um "
    if "in die höhe" in before:  # one word for the look-up, "Höhe" alone is an amount
        before = before.replace("in die höhe", "in-die-höhe")
    if "zinsen, steuern" in before or "interest, tax" in before:  # Ebitda spelled out: a list, no clause end
        before = before.replace("zinsen, steuern", "zinsen steuern").replace("interest, taxes,", "interest taxes").replace(
            "interest, tax,", "interest tax")
    last_char = before[-1:]
    if last_char == "(" and before.endswith(" (") and before[-3:-2].isalnum() and (
            (last_word := before[:-2].rsplit(None, 1)[-1].rstrip(".")) in PAREN_AFTER
            or last_word.lstrip("$€£")[:1].isdigit() or last_word in DIRECTION_WORDS):
        # "fell 376.36 points (3.60%)", "a tumble of $1.01 (6.2%)": the move restated;
        # "der am stärksten stieg (1,69 %)": the move's size, its verb right before
        before = before[:-2] if last_word in DIRECTION_WORDS else before[:-2] + ", or"
    elif last_char == "(" and before.endswith(" (") and _NAME_BEFORE.search(body, max(0, cut - 40), cut):
        # "the biggest increase was recorded by BBVA (2.01%)": the named share's move, its
        # word before the name (a list's later items follow it: `_PAREN_LIST`)
        before = before[:-2]
    if last_char == " " and before[-2:-1] == "r" and before.endswith((" oder ", " or ")):
        head, unit, _ = (["", "", ""] + before.rsplit(None, 2))[-3:]
        if unit in AMOUNT_UNITS:  # "um 28,6 Punkte oder 1,26 Prozent": the move restated
            before = f"{head} {unit}, oder "
        elif unit[:-1] in _RESTATED_COMPARATIVES and unit[-1] == "," and head.rsplit(None, 1)[-1:] and (
                head.rsplit(None, 1)[-1] in AMOUNT_UNITS):
            return _RESTATED_COMPARATIVES[unit[:-1]]  # "ticked 6.75 points higher, or 0.24%"
    if last_char == " " and before.endswith(_DASHED_UM) and before.count(" – ") + before.count(" - ") == 1:
        # "ging der Gewinn deutlich zurück - um 37 Prozent": one clause (a second dash closes an insert)
        before = before[:-5] + " um "
    elif last_char == " " and before.endswith(_ADVERB_ENDS) and (
            adverbed := _ADVERBED_MOVE.search(before, max(0, len(before) - 40))) and not body.startswith(" of ", end):
        return DIRECTION_WORDS[adverbed["verb"]]  # "declined slightly, 4.7 percent" ("…, 12% of it": a part)
    if last_char == " " and before.endswith((" ranging from ", " ranging ")):
        before = before[:before.rfind(" ranging ")]  # "gains ranging from 1% to 1.35%": the noun's move
    if " bzw. " in before or " beziehungsweise " in before:
        # "ein Minus von 12,40 Punkten bzw. 0,40 Prozent", "verloren 0,8 bzw. 0,4 Prozent":
        # the same move restated, read like "fell 12.40 points, or 0.4%"
        before = before.replace(" bzw. ", ", oder ").replace(" beziehungsweise ", ", oder ")
    # the nearest words usually decide; the rest of the window is split only if needed
    words = before.rsplit(None, _NEAR)
    rest = words.pop(0) if len(words) > _NEAR else ""
    if words:
        last = words[-1]
        at = -1
        if last in _QUALIFIER_WORDS and len(words) > 1:  # "rose to about 9.8%": still a level
            at = -2
        elif len(words) > 2 and (words[-2], last) in _QUALIFIER_PHRASES and last != "to":
            at = -3  # "stieg auf mehr als 5 Prozent"
        level = words[at]
        if level[-1] not in CLAUSE_END and level in LEVEL_WORDS and not (
                level == "to" and len(words) > -at and words[at - 1] in _NOT_LEVEL_TO):
            if level not in ("auf", "to", "bei", "at"):
                return None
            return moved_to(before.split()[at - 10:at + 1 or None]) or move_noun_after(body, end)
        if last in TOLERANCE_ENDS and " ".join(words[-3:]).endswith(TOLERANCES):
            return None
        tail = before[-32:]
        if (" of " in tail or " von " in tail) and _level_named(words):
            return None
        if " back " in tail and PULLED_BACK.search(tail):  # "pulled back more than 5%"
            return "down"
        if tail.endswith(_RETURN_OF):  # "delivering a return of 5.69%" ("return on equity of": a level)
            return "up"
        if tail.endswith(PHRASAL):  # "gave up 3%": a fall, though "up" names a rise
            return "down" if tail.endswith(GAVE_UP) else "up"
    if body.startswith("-", end):
        joined = body[end + 1:end + 16].lower()
        if joined.startswith(SHARE_NOUNS):
            return None  # "ein 49-Prozent-Anteil": a part of a whole
        noun = joined.split(None, 1)[0].strip(PUNCT) if joined else ""
        moved = JOINED_MOVES.get(noun) or WORD_DIRECTION.get(noun) or (learn_direction(noun) if len(noun) > 6 else "")
        if moved:
            return moved  # "die 118-Prozent-Rallye", "ein 20-Prozent-Einbruch"
    if body[end:end + 1].isspace():
        following = body[end:end + 60].split(None, 1)
        if len(following) > 1 and following[0][0] == "(" and following[0][-1] == ")" and len(following[0]) <= 12:
            following = following[1].split(None, 1)  # "closed 0.39% ($0.49) higher": the amount set in
        if following:
            first = following[0].strip(PUNCT).lower()
            for _ in range(3):  # "a 1.5% year-over-year adjusted increase", "40% worth of upside"
                if (first in SPAN_ADJECTIVES or first in MEASURE_NOUNS or first in SOFTENERS
                        or (first == "share" and following[1:2] and following[1].startswith("price"))
                        ) and len(following) > 1:
                    following = following[1].split(None, 1)  # "a 20% share price rise"
                elif first == "worth" and len(following) > 1 and following[1].startswith("of "):
                    following = following[1][3:].split(None, 1)
                elif first == "per" and len(following) > 1 and following[1].startswith("share "):
                    following = following[1][6:].split(None, 1)  # "8% dividend per share growth"
                else:
                    break
                first = following[0].strip(PUNCT).lower() if following else ""
            if first in SHARE_AFTER and not (
                    len(following) > 1 and following[1].lower().startswith(OWN_VALUE)
                    ) and not move_noun_von(words):
                return None
            found = AFTER_WORDS.get(first)
            if found and first == "off" and (
                    (len(following) > 1 and following[1].startswith("the back"))
                    or (words and DIRECTION_WORDS.get(words[-1]) == "up")):
                # "added 23% off the back of a trading update", "jumping 15% off annual
                # results": a cause, not a fall; the verb before decides
                found = None
            if found and first in TIMED_AFTER and not (len(following) > 1 and following[1].startswith(TIMED_LEADS)):
                found = None  # "50 Prozent Gewinn ausschütten" is a share of profit, not a gain
            if found and not (first == "plus" and len(following) > 1 and following[1].startswith(ONE_MORE)):
                return found
            if not found and (found := verb_right_after(first, following)):
                return found
            if not found and len(first) > 6 and (
                    first not in DIRECTION_WORDS or first.endswith(COMPOUND_NOUN_ENDS)):
                # "50-prozentigen Wertzuwachs", "zehn Prozent Umsatzplus" (a compound noun also
                # read before a figure; a verb after it belongs to the next clause)
                compound = WORD_DIRECTION.get(first)
                if compound is None:
                    compound = learn_direction(first)
                if compound:
                    return compound
            if first in LIST_JOINERS and (shared := LIST_AFTER.match(body, end)):
                # "ending 1.7 per cent and 1.6 per cent higher": the last item's word is the list's
                found = AFTER_WORDS.get(shared["after"].lower())
                if found:
                    return found
            if (first == "im" or first == "ins") and len(following) > 1:  # "im Minus"
                # dpa-AFX glues its authors' codes to the sentence: "im Minus./cgh/fel/APA"
                second = following[1].split(None, 1)[0].split("/", 1)[0].strip(PUNCT).lower()
                if second in ("plus", "minus"):
                    return AFTER_WORDS[second]
                if second in _COLOURED:  # "mit mehr als 35 Prozent im roten Bereich"
                    return _COLOURED[second]
    if words and words[-1] == "ahead":
        return "up"  # "the S&P/TSX 60 was ahead 0.6%" ("ahead of the 5% consensus" has "of" between)
    if words and (words[-1] in SEPARABLE_VERBS or words[-1] == "um" or (
            (words[-1] in _QUALIFIER_WORDS or words[-1] in _INTENSIFIERS) and words[-2:-1] == ["um"])) and (
            found := closing_verb(body, start, end, words)):
        # "Der Gewinn ging um drei Prozent auf 2,7 Milliarden Euro zurück", "ist um 10
        # Prozent auf 4,8 Billionen Yen geschrumpft", "zog trotz des Rückschlags um rund
        # 30 Prozent an": the verb closing the clause decides
        return found
    dashed = " – " in before or " - " in before or " — " in before
    found, ended, later = direction_back(words, "", dashed)
    if found:
        return found
    near_open = not ended  # a list's item and its comma stand among the near words, if anywhere
    if ended and rest and dashed:  # the insert's first dash may lie further back
        found, ended, later = direction_back(rest.split() + words, "", dashed)
        if found:
            return found
    elif rest and not ended:
        found, ended, _ = direction_back(rest.split(), later, dashed)
        if found:
            return found
    if ended and (not near_open or not CONNECTORS.isdisjoint(words)):
        listed = rest.split() + words if rest else words
        found = listed_after(listed)
        if found:
            return found
        if found is None and cut > 100 and any(w.endswith(ITEM_ENDS) for w in listed):
            # a long list: its verb may stand further back than the window read so far
            found = listed_after(body[(cut - LIST_REACH if cut > LIST_REACH else 0):cut].lower().split())
            if found:
                return found
    # a verb closing the clause counts even when the clause began just before the figure
    # ("FRANKFURT (Reuters) - Die Aktie gab 3 Prozent nach")
    found = closing_verb(body, start, end, rest.split() + words if rest else words)
    if found is None and "(" in before and (restated := _PAREN_RESTATED.search(body, max(0, start - 70), start)):
        # "an increase of 25% (20% in constant currency)", "um 10 bis 30 Prozent (bisherige
        # Prognose: 4 bis 15 Prozent)": the same measure restated in the parenthesis
        found = direction_of(body, restated.start("n"), restated.end("n"), None)
    if found is None:
        found = _compared_after(body, end)
    return found if found is not None else movers_heading(body, start)


_ASIDE = re.compile(r" \([^()]{1,40}\)(?= [a-zäöü])")
"""A closed parenthesis inside the clause, before lower-case words go on: a prior
year's value, a ticker."""
_DASHED_UM = (" - um ", " – um ")
_COLOURED: dict[str, Direction] = {"roten": "down", "grünen": "up"}
"""After "im": "im roten Bereich" is a loss, "im grünen Bereich" a gain."""
_INTENSIFIERS = frozenset({"satte", "satten", "stolze", "stolzen", "kräftige", "kräftigen"})
"""Between "um" and the figure, like a qualifier: "brach um satte 48% ein"."""
_UM_ZU = re.compile(r"[^.,;:!?]{0,40}?[ \u00a0](?:zu[ \u00a0][a-zäöü]|[a-zäöü]+zu[a-zäöü]+en\b)")
"""A final clause, "um … zu" and its verb, "zu" alone or inside a separable one: "senkte das
Kursziel, um 10 Prozent Abstand zu halten", "um 10 Prozent Marktanteil zurückzugewinnen"."""
_RETURN_OF = (" return of ", " returns of ")
_ADVERBS = ("slightly", "sharply", "marginally", "significantly", "strongly", "modestly", "steeply")
_ADVERB_ENDS = tuple(f" {adverb}, " for adverb in _ADVERBS)
_ADVERBED_MOVE = re.compile(
    r"(?<![\w-])(?P<verb>rose|fell|declined|dropped|increased|decreased|grew|gained|slipped|eased)"
    rf" (?:{'|'.join(_ADVERBS)}), $")
"""A move's verb and its adverb, then the size after a comma: "declined slightly, 4.7 percent"."""


def _compared_after(body: str, end: int) -> Direction | None:
    """ "8.4 per cent ahead at £1.64bn", "3% behind last year": read last, when nothing
    before the figure gave its move; not "ahead of" (a time: "ahead of the results")."""
    following = body[end:end + 24].split(None, 2)
    if not following:
        return None
    word = following[0].strip(PUNCT).lower()
    if word not in COMPARED_AFTER or (len(following) > 1 and following[1].lower() == "of"):
        return None
    return COMPARED_AFTER[word]


_RESTATED_AMOUNT_AFTER = re.compile(r",?[ \u00a0]or[ \u00a0][A-Z]{0,2}[$€£]?[0-9][0-9.,]*[ \u00a0]?(?:cents?|p|points?)?,?"
                                    r"[ \u00a0](?P<word>up|down|higher|lower)\b")
"""The move restated as an amount, its word after both: "0.4 per cent or S$0.06 up",
"0.3 per cent, or S$0.16, down", "0.2 per cent or 9.36 points up"."""


_NOT_LEVEL_TO = frozenset({"close", "up", "due", "owing", "thanks"})
"""Words before "to" that make no level of the figure: "close to 5%", "up to 5%" (a limit),
"due to 3 percent growth" (a cause, whose noun gives the move)."""


_PAREN_RESTATED = re.compile(
    r"(?P<n>[0-9][0-9.,]*[ \u00a0]?(?:%|Prozent|percent|per[ \u00a0]cent))[ \u00a0]*\([^()0-9]{0,40}$")
"""A percentage, then an open parenthesis with at most a few words before this figure."""



_OF = frozenset({"of", "von"})
"""Checked as " of " in the text before a figure first: one substring search."""
_LEVEL_NOUN_ENDS = ("margin", "margins", "yield", "yields", "rate", "rates", "ratio", "share",
                    "stake", "quote", "marge", "rendite", "anteil", "satz", "zins", "niveau",
                    "level", "payout", "weighting", "gewichtung", "occupancy", "utilization",
                    "auslastung")
"""Nouns that name a level: "a margin of 36%", "eine Quote von 12 Prozent", "a market
share of 20%", "Dividendenrendite von 4 Prozent" (compounds by their end)."""


def _level_named(words: list[str]) -> bool:
    """Whether the figure follows "<level noun> of/von [qualifier]": a level, which has
    no direction whatever verb the sentence has ("rose 5%, with a margin of 36%")."""
    at = len(words) - 1
    if words[at] in _QUALIFIER_WORDS:
        at -= 1
    elif at > 0 and (words[at - 1], words[at]) in _QUALIFIER_PHRASES:
        at -= 2
    if at < 1 or words[at] not in _OF:
        return False
    if at > 2 and words[at - 1] == "höhe" and words[at - 2] == "in":
        at -= 2  # "Volumenrückgänge in Höhe von 5,5 Prozent": the noun before "in Höhe" is the measure
    return words[at - 1].strip(PUNCT).endswith(_LEVEL_NOUN_ENDS)
