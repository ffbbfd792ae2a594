"""Figures read again once every figure of an article is known: ranges written with the
unit twice, and per-share amounts that take their currency from the money nearby.

The scanning decoders see one match at a time, so "4,20 Mrd. Euro bis 4,35 Mrd. Euro",
"zwischen 350 Mio. Euro und 430 Mio. Euro" and "$36.5 billion U.S. to $39 billion
U.S." reach here as two amounts; "sechs bis zwölf Monaten" as a period whose low end is
a bare word. And a currency in a hundredth ("55 Cent" on a Swiss portal about a US
company, "cents" in a story about euros) or no currency at all ("$1.2 billion, or 0.49
per share") is the currency of the amount nearest to it. Each rule costs one cheap test
per figure and does its work only where its cue stands.
"""

from __future__ import annotations

import re

from tui_reader.extract.figures_clause import ITEM_LEADS
from tui_reader.extract.figures_numbers import NUM, Found, parse_number, word_value
from tui_reader.extract.figures_ranges import range_start, restates_move
from tui_reader.extract.figures_words import MONEY_CHANGE_WORDS, direction_of

_SPACES = " \u00a0\u202f"
_JOINS = {"-": " - ", "\u2011": " - ", "–": " - ", "—": " - ", "to": " to ", "bis": " bis ",
          "and": " and ", "und": " und "}
"""What may stand between the two amounts of a range, as `range_start` reads it."""
_SHARE_UNITS = ("per share ", "a share ")
_US = "U.S."
"""Canadian wire copy marks the currency after the scale: "$36.5 billion U.S."."""
_MAX_GAP = 16
_RANGE_LEADS = ("range of ", "range of about ", "range of approximately ")
"""Before two amounts with nothing between them that are one range all the same."""


_RANGE_AND = frozenset({" and ", " und ", ", and "})
_PRIOR_VIEW_ENDS = ("outlook of ", "forecast of ", "guidance of ", "estimate of ", "estimates of ", "view of ",
                    "projection of ", "projections of ")
_PRIOR_VIEW = re.compile(
    r"[^.;:]{0,60}?,?[ \u00a0](?:up|down|lower|higher|compared|from|versus|vs\.|below|above)\b[^.;:]{0,16}?[ \u00a0]"
    r"(?:an?|the|its)[ \u00a0](?:prior|previous|earlier|former|original)[ \u00a0]"
    r"(?:outlook|forecast|guidance|estimates?|view|projections?)[ \u00a0]of[ \u00a0]")
"""Between a percentage and the same measure's earlier value: ", down from a prior outlook
of", ", compared with a previous estimate of", "at constant exchange rates, well below its
previous estimates of"."""


def join_figures(body: str, found: list[Found]) -> list[Found]:
    """`found` (sorted, not overlapping) read again in one loop: two amounts of one
    currency that form one range ("4,20 Mrd. Euro bis 4,35 Mrd. Euro") merged into one
    figure, its value the low end and `high` the high end (a move, "from $5 billion to $7
    billion", "von 350 auf 430 Mio. Euro", and a list, "$5 billion and $3 billion", stay
    two figures); a period after "bis"/"to" with its worded low end (`period_range`); and,
    where the loop saw their cue, cents and bare per-share amounts in the currency nearby."""
    low: Found | None = None
    low_at = 0
    merged_any = cents = per_share = False
    listed: list[Found] = []
    for i, figure in enumerate(found):
        kind = figure[2]
        if kind == "money":
            end = figure[1]
            if (low is not None and low[8] is None and figure[8] is None and low[4] == figure[4]
                    and (figure[0] - low[1] <= _MAX_GAP or (_converted_between(body, low[1], figure[0]) and all(
                        between is not None and between[2] == "money" for between in found[low_at + 1:i])))):
                merged = _range(body, low, figure)
                if merged is not None:
                    for inside in range(low_at, i):  # the low end, and a conversion between the two
                        found[inside] = None  # type: ignore[call-overload]
                    found[i] = figure = merged
                    merged_any = True
            if body[end - 1] in "tsT" and body.endswith(_MINOR_ENDS, figure[0], end):
                cents = True
            elif body.startswith(", or ", end):
                per_share = True
            if figure[8] is None and body.endswith(_MONEY_LIST_ENDS, 0, figure[0]) and (
                    shared := _shared_money(body, figure, found[i - 1][1] if i else 0)) is not None:
                listed.append(shared)
            if not (low is not None and figure[4] != low[4] and body[figure[0] - 1:figure[0]] == "("
                    and body.startswith(")", end)):
                low, low_at = figure, i  # a conversion in parentheses keeps the amount before it as the low end,
                # and is then part of the range ("between 30 billion euros ($32.72 billion) and 35 billion euros")
            continue
        if kind == "period" and body.endswith(_PERIOD_JOINS, 0, figure[0]):
            found[i] = period_range(body, figure, found[i - 1][1] if i else 0)
        elif kind == "percent" and figure[8] is None and body.endswith(_SHARED_ENDS, 0, figure[0]) and (
                shared := _shared_unit(body, figure[0], found[i - 1][1] if i else 0)) is not None:
            listed.append(shared)
        elif (kind == "percent" and i
              and (before := found[i - 1]) is not None and before[2] == "percent" and before[7]
              and ((body.endswith(_PRIOR_VIEW_ENDS, 0, figure[0]) and _PRIOR_VIEW.fullmatch(body, before[1], figure[0]))
                   or (figure[7] is None and (
                       (figure[8] is not None and before[8] is not None and body[before[1]:figure[0]] in _RANGE_AND)
                       or (body.endswith("um ", 0, figure[0]) and _ELLIPTICAL.fullmatch(body, before[1], figure[0]))
                       or _NAMED_ELLIPSIS.fullmatch(body, before[1], figure[0])
                       or (body.endswith("(", 0, figure[0]) and body.startswith(")", before[1])
                           and body.endswith("(", 0, before[0])
                           and _PAREN_LIST.fullmatch(body, before[1], figure[0])))))):
            # The direction of the percentage before, whose measure this one is too: its
            # earlier value, whatever word stands before it ("growth of 2% to 4%, down from a
            # prior outlook of 5% to 7%"), or its next item, written with no word of its own
            # ("… sackten um 13 Prozent ab, im Investmentbanking um 19 Prozent", "estimates of
            # 13% to 21% and 16% to 24%": a second range after "and")
            found[i] = (*figure[:7], before[7], figure[8])
        low = None
    if merged_any:
        found = [f for f in found if f is not None]
    if listed:
        found = sorted(found + listed, key=lambda f: f[0])
    if cents:
        found = _cents(body, found)
    if per_share and _PER_SHARE.search(body) is not None:
        found = _per_share(body, found, [f for f in found if f[2] == "money"])
    return found


_ELLIPTICAL = re.compile(r"[^,.;:!?]{0,24},[ \u00a0]+(?:im|in|bei|beim|für|auf)[ \u00a0][^,.;:!?()]{1,40}[ \u00a0]um[ \u00a0]")
"""A German clause that leaves out the verb of the move before it: ", im Investmentbanking
um 19 Prozent", ", im Vergleich zum Vorquartal um 12 %": the same direction."""


_NAMED_ELLIPSIS = re.compile(
    r"(?:\.[ \u00a0]+(?:Die|Der|Das)[ \u00a0]+(?:[A-Z][\w&.-]*[ \u00a0]+){1,4}um[ \u00a0]+"
    r"|(?:,|[ \u00a0]und)[ \u00a0]+(?:die|der|das)[ \u00a0]+(?:(?:[A-Z][\w&.-]*[ \u00a0]+){1,4}um[ \u00a0]+"
    r"|(?:[A-Z][\w&.-]*[ \u00a0]+){2,4}))"
    r"(?:über[ \u00a0]+|fast[ \u00a0]+|knapp[ \u00a0]+)?")
"""German listing companies after a move, each with its size and no verb of its own:
"Die First Republic taucht um 76 Prozent. Die Fifth Third Bancorp um 22 Prozent, die Zions
Bancorp um 32 Prozent, die Comerica Inc 34,7 Prozent": the same direction, item by item
(without "um", a name of two words or more: "die Marge 12 Prozent" is a level)."""


_PAREN_LIST = re.compile(
    r"[ \u00a0]?%?\),?[ \u00a0]+(?:gefolgt[ \u00a0]+von|followed[ \u00a0]+by|und|and)?[ \u00a0]*"
    r"[A-Z][\w&.'’-]*(?:[ \u00a0]+[A-Z][\w&.'’-]*){0,3}[ \u00a0]+\(")
"""The next of companies listed with their moves in parentheses, after one whose move
has its direction: "… am stärksten stieg (1,69 %), gefolgt von Mapfre (1,67 %), Indra
(1,57 %) und Aena (1,09 %)"."""


def _converted_between(body: str, low_end: int, high_start: int) -> bool:
    """Whether only a conversion in parentheses and a joiner stand between two amounts:
    "between 30 billion euros ($32.72 billion) and 35 billion euros"."""
    close = body.find(")", low_end, high_start)
    return close >= 0 and body.startswith((" (", "("), low_end) and high_start - close - 1 <= _MAX_GAP


def _range(body: str, low: Found, high: Found) -> Found | None:
    gap = body[low[1]:high[0]].strip(_SPACES)
    if gap.startswith("(") and ")" in gap:  # "30 billion euros ($32.72 billion) and 35 billion euros"
        gap = gap[gap.index(")") + 1:].strip(_SPACES)
    if gap.startswith(_SHARE_UNITS):  # "$21.70 per share to $22 per share"
        gap = gap.split(None, 2)[-1]
    if gap.startswith(_US):
        gap = gap[len(_US):].strip(_SPACES)
    sep = _JOINS.get(gap)
    if not gap and (low[1] == high[0] or body.endswith(_RANGE_LEADS, 0, low[0])):
        sep = " - "  # "a range of $9.63 $9.83", "$10.85 billion$11.00 billion": a republished page lost the dash
    if sep is None or not isinstance(low[3], float) or not isinstance(high[3], float):
        return None
    if restates_move(body, low[0]):
        return None  # "up 4.5pc, or 101.5p to 2375p": the move restated, then the price it reached
    begin = range_start(body, low[0], sep, low[3], high[3], MONEY_CHANGE_WORDS)
    if begin is None:
        return None
    end = high[1] + len(_US) + 1 if body.startswith(" " + _US, high[1]) else high[1]
    return (begin, end, "money", low[3], low[4], low[5], None, None, high[3])


_SHARED_NUMBER = re.compile(r"[0-9]{1,3}(?:[.,][0-9]{1,2}|(?:\.[0-9]{3})+)?")
_SHARED_JOINERS = frozenset("and und respektive resp. bzw. bzw beziehungsweise or oder statt".split())
"""A bare number, then one of these or a comma, before a percentage that carries the unit
for both: "Infineon stiegen um 2,8 und SAP um 2,1 Prozent", "gained 2.8 and 2.1 percent
respectively", "Plus 5,7 respektive 5,0 Prozent", "um 9,9 statt 8 Prozent"."""
_SHARED_LEADS = frozenset("um by plus minus up down".split())
"""Before a whole number in such a list (a decimal one needs none): what makes it a move."""
_NOT_SHARED_LEADS = frozenset("zwischen between from von".split())
"""A range's low end ("zwischen 2 und 3 Prozent") is read with the range."""
_RANGE_JOINERS = frozenset({" and", " und", ","})
"""After "zwischen"/"von" these make a range's low end; "von 69,1 bzw. 62,4 Prozent" is a list."""
_REACH = 60
_SHARED_ENDS = (" and ", " und ", " respektive ", " resp. ", " bzw. ", " bzw ", " beziehungsweise ", " or ", " oder ",
                " statt ", ", ", " um ", " by ")
"""How the text before such a list's last percentage ends: checked in the loop, so most
percentages ("rose 5%") cost one `endswith`."""


def _shared_unit(body: str, start: int, previous_end: int) -> Found | None:
    """The percentage a bare number before the figure at `start` states, with its own
    direction; None when there is none. Read by words, backwards: an item's name and
    "um"/"by" ("und SAP um"), the joiner or a comma, the number, the word before it."""
    head = body[max(previous_end, start - _REACH):start]
    words = head.split()
    at = len(words)
    if at and words[-1] in ITEM_LEADS:
        at -= 1
        names = 0
        while at and names < 3 and words[at - 1][:1].isupper():
            at -= 1
            names += 1
        if not names:
            return None  # "moved by 2%": no list item
    if at >= 2 and words[at - 1] in _SHARED_JOINERS:
        number, joiner = words[at - 2], " " + words[at - 1]
        lead = words[at - 3].lower() if at >= 3 else ""
    elif at >= 1 and words[at - 1].endswith(","):
        number, joiner = words[at - 1][:-1], ","
        lead = words[at - 2].lower() if at >= 2 else ""
    else:
        return None
    if _SHARED_NUMBER.fullmatch(number) is None or (lead in _NOT_SHARED_LEADS and joiner in _RANGE_JOINERS) or (
            "." not in number and "," not in number and lead not in _SHARED_LEADS):
        return None
    offset = head.rfind(number + joiner)
    if offset < 0:
        return None
    value = parse_number(number, "," in number)
    if value is None:
        return None
    at_number = start - len(head) + offset
    direction = direction_of(body, at_number, at_number + len(number), None)
    return (at_number, at_number + len(number), "percent", value, None, None, "%", direction, None)


_MONEY_LIST_ENDS = (" bzw. ", " beziehungsweise ", " respektive ", " resp. ", " statt ")
"""The joiners of a list of amounts that write the unit once: "3,46 bzw. 3,87 Euro", "rund
2,7 statt 2,2 Milliarden Euro" (an "und" or "to" between two amounts makes a range, read
by `_range`)."""
_LEADING_NUMBER = re.compile(NUM)
_GROUPED_THOUSANDS = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+(?![0-9,])")


def _shared_money(body: str, figure: Found, previous_end: int) -> Found | None:
    """The amount a bare decimal number before `figure` states in its currency and scale:
    "3,46 bzw. 3,87 Euro" is 3.46 euros, "3,1 bzw. 3,4 Mrd. Euro" 3.1 billion."""
    start = figure[0]
    head = body[max(previous_end, start - _REACH):start]
    words = head.split()
    if len(words) < 2 or words[-1] not in _SHARED_JOINERS:
        return None
    number = words[-2]
    if _SHARED_NUMBER.fullmatch(number) is None or ("." not in number and "," not in number):
        return None
    # "2.240 bzw. 2.300 Euro": German thousands, as the amount after them writes its own
    german = "," in number or (_GROUPED_THOUSANDS.fullmatch(number) is not None
                               and _GROUPED_THOUSANDS.match(body, start) is not None)
    own = _LEADING_NUMBER.match(body, start)
    value, shown = parse_number(number, german), parse_number(own[0], german) if own else None
    if value is None or not shown or not isinstance(figure[3], float):
        return None
    offset = head.rfind(number + " " + words[-1])
    if offset < 0:
        return None  # spaced otherwise than by one space: "3,46  bzw."
    at = start - len(head) + offset
    scale = figure[3] / shown
    scale = round(scale) if scale >= 1 else scale  # a million, a billion: whole, no float noise
    return (at, at + len(number), "money", value * scale, figure[4], None, None, None, None)


_PERIOD_LOW = re.compile(r"(?P<n>[\w,.]+)[ \u00a0]+(?:bis|to)[ \u00a0]+$")
_UNIT_COUNT = re.compile(r"P(?P<n>[0-9.]+)(?P<u>[YMWD])$")


_PERIOD_JOINS = (" bis ", " to ")


def period_range(body: str, figure: Found, previous_end: int) -> Found:
    """ "sechs bis zwölf Monaten", "three to five years": the period of the low end, its
    span widened over the low end and `high` the count of the high end in its unit."""
    unit = _UNIT_COUNT.match(str(figure[3]))
    low = _PERIOD_LOW.search(body, max(previous_end, figure[0] - 24), figure[0])
    if unit is None or low is None:
        return figure
    number = low["n"]
    count = word_value(number) if number.isalpha() else parse_number(number, False) if (
        number[0].isdigit() and number[-1].isdigit()) else None
    high = float(unit["n"])
    if count is None or not 0 < count < high:
        return figure
    return (low.start(), figure[1], "period", f"P{count:g}{unit['u']}", None, figure[5], None,
            None, high)


_MINOR_ENDS = ("cents", "cent", "Cent", "Cents")
_SHARES_CURRENCIES = frozenset({"USD", "EUR", "CAD", "AUD", "NZD", "HKD", "SGD"})
"""Currencies whose hundredth is called a cent."""
_PER_SHARE = re.compile(
    rf",[ \u00a0]or[ \u00a0](?P<n>{NUM})[ \u00a0](?:per|a)[ \u00a0](?:diluted[ \u00a0])?share")
"""The per-share figure written bare after the total: "$1.2 billion, or 0.49 per share"."""


def _cents(body: str, found: list[Found]) -> list[Found]:
    money = [f for f in found if f[2] == "money"]
    main = [f for f in money if not body.endswith(_MINOR_ENDS, f[0], f[1])]
    if len(main) == len(money) or not main:
        return found
    for i, figure in enumerate(found):
        if figure[2] == "money" and body.endswith(_MINOR_ENDS, figure[0], figure[1]):
            nearest = min(main, key=lambda f: abs(f[0] - figure[0]))
            apart = (nearest[1], figure[0]) if nearest[0] < figure[0] else (figure[1], nearest[0])
            if nearest[4] != figure[4] and nearest[4] in _SHARES_CURRENCIES and body.find("\n\n", *apart) < 0:
                # another paragraph's dollar is another company's: "NZ$9.8 million" of a New
                # Zealand payments firm says nothing of the next item's "23.2 cents" on the ASX
                found[i] = (*figure[:4], nearest[4], *figure[5:])
    return found


def _per_share(body: str, found: list[Found], money: list[Found]) -> list[Found]:
    starts = {f[0] for f in found}
    added = False
    for figure in money:
        m = _PER_SHARE.match(body, figure[1])
        if m is None or m.start("n") in starts:
            continue
        value = parse_number(m["n"], False)
        if value is not None:
            found.append((m.start("n"), m.end("n"), "money", value, figure[4], None, None,
                          None, None))
            added = True
    if added:
        found.sort(key=lambda f: f[0])
    return found
