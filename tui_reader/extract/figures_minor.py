"""Amounts in a currency's hundredth: "22 cents a share", "EPS of 41c", "45 Cent je Aktie",
"up 21.6p at 273.7p".

Per-share figures are mostly written this way in earnings stories, so they are money like
any other, in the main unit (22 cents is USD 0.22). "cents" is read as US cents and the
German "Cent" as euro cents; "p" is pence. A letter glued to a number is money only with
evidence: "c" after an earnings word ("EPS of 41c"), "p" with decimals ("21.6p"), so
"Section 3c", "5c colder" and "1080p" stay out.
"""

from __future__ import annotations

import re
from datetime import date

from tui_reader.extract.figures_amounts import SEP, with_old_level
from tui_reader.extract.figures_numbers import NUM, SP, Found, parse_in
from tui_reader.extract.figures_ranges import from_to_level, range_start, restates_move
from tui_reader.extract.figures_words import MONEY_CHANGE_WORDS, previous_words, qualifier_before

MINOR = (rf"(?:{SP}(?:(?:Australian|Canadian|Singapore|New{SP}Zealand|Hong{SP}Kong|HK|U\.?S\.?){SP})?"
         rf"(?:[Cc]ents?|[Pp]ence|sen|Rappen)|{SP}[Bb]ritischen?{SP}Pence|{SP}US-Cents?|-cents?|cps|[cp¢])(?![\w'’]|\.m\.)")
"""The hundredth after the amount: a word after a space ("44 Australian cents", "47 HK
cents", "30,1 britische Pence"), joined by a hyphen ("an 11-cent dividend"), or "c"/"p"/"¢" glued to it ("27.6¢"),
or New Zealand's cents per share, "cps" ("a payout of 25cps")."""
_CENT_COUNTRIES = {"australian": "AUD", "canadian": "CAD", "singapore": "SGD", "new": "NZD", "hong": "HKD",
                   "hk": "HKD", "britische": "GBP", "britischen": "GBP"}
"""Whose cents "44 Australian cents" are, by the adjective's first word (US is the default)."""

_LOW_END = re.compile(rf"(?<![\w.,])(?P<low>{NUM})(?P<sep>{SEP})$")
"""The low end of a range read back from its high end ("72 to 80c"): looked for in Python
only when a separator stands right before the amount, so the scanning pattern stays
small."""
_LOW_END_UNIT = re.compile(
    rf"(?<![\w.,])(?P<low>{NUM})(?:{SP}(?:[Cc]ents?|[Pp]ence|Cent)|[cp])(?P<sep>{SEP})$")
"""The low end written with its own unit ("19 cents to 29 cents"): a range too."""
_PENCE_LEADS = ("to ", "from ", "target of ", "price of ", " at ", " off ", " up ", " down ", "pc, or ", "%, or ",
                "cent, or ", "topped ", "year's ", "year’s ")
"""Words before whole pence that make "250p" a price or a move ("cut its target to 250p
from 230p", "off 25p at 2771p"), where "1080p" or "Section 3p" stand alone."""
_PENCE_AFTER = re.compile(r" (?:to |or |(?:higher|lower|a share|per share|each|rise|increase|fall|drop|cut"
                          r"|(?:ordinary |final |interim |special )?dividend|(?:price )?target)\b)")
_PENCE_MOVES = frozenset(
    "ahead rose fell gained lost added adding shed jumped slipped climbed dropped of by".split())
"""Around whole pence in London market reports: "24p higher", "up 22p to £10.88",
"ahead 36p", "a drop of 199p", "a dividend of 15p a share", "a 3,714p price target"."""
_PENCE_LISTED = re.compile(r"[0-9]{2}p,?[ \u00a0](?:and[ \u00a0]|or[ \u00a0])?$")
"""Right after another amount in pence: the next item of a list of them ("price targets of
449p, 1,446p and 731p"); not after a single digit ("Section 3p, 4p")."""
_PENCE_CELL = re.compile(r" {2,}[0-9][0-9.,]*p(?![\w'’])")
_PENCE_CELL_BEFORE = re.compile(r"[0-9]p {2,}$")
"""A results table's row of pence ("Dividends per share   100p   80p"): a cell beside
another cell in pence, spaced as table columns are."""
_PENCE_LOW_END = re.compile(rf"(?<![\w.,])(?:[0-9]{{2,}}[0-9.,]*|[0-9][.,][0-9]+)p(?:{SEP})$")
"""A range's low end in pence right before whole pence: "a 12-month range of 55.5p-97p"
(not "Section 3p-4p": a single whole digit is no price on its own)."""
_RESOLUTIONS = frozenset({"480", "576", "720", "1080", "1440", "2160", "4320"})
"""Video heights: "streams at 1080p" is no price."""
_SEP_ENDS = ("-", "–", "—", " to ", " and ", " bis ", " und ", " auf ", " von ", " nach ")

_CENT_CUES = frozenset(
    "eps share shares dividend dividends payout vs vs. estimate estimates earnings loss profit "
    "of to and at from".split())
"""Words before a glued "c" that make it cents ("EPS of 41c", "41c vs. 39c")."""


_QUARTERS = {"¼": 0.25, "½": 0.5, "¾": 0.75}


def fraction_pence(body: str, m: re.Match[str], _: date | None) -> tuple[Found | None, int]:
    """ "9½p", "361¾p": whole pence and a quarter, half or three quarters of one."""
    value = parse_in(body, body[m.start():m.end("n")], False)
    if value is None:
        return None, m.end()
    return (m.start(), m.end(), "money", (value + _QUARTERS[m["frac"]]) / 100, "GBP",
            qualifier_before(body, m.start()), None, None, None), m.end()


_RATED = ("Buy (", "Hold (", "Sell (", "buy (", "hold (", "sell (")
"""A tip's verdict and the price it was given at: "Buy (290p)", as share-tip columns write it."""


def minor_money(body: str, m: re.Match[str],
                _: date | None) -> tuple[Found | list[Found] | None, int]:
    """ "22 cents", "41c", "45 Cent", "21.6p"; with its low end, "72 to 80c"; with its old
    level, "from 20 to 22 cents" (two figures)."""
    head, end = m.start(), m.end()
    raw = body[head:m.end("n")]
    unit = m["minor"].lstrip(" \u00a0\u202f-")
    if unit == "p" and "." not in raw and (raw in _RESOLUTIONS or not (
            body.endswith(_PENCE_LEADS, 0, head) or _PENCE_AFTER.match(body, end) or body.endswith(_RATED, 0, head)
            or not _PENCE_MOVES.isdisjoint(previous_words(body, head, 1))
            or _PENCE_LISTED.search(body, max(0, head - 9), head)
            or (body.endswith("  ", 0, head) and (
                _PENCE_CELL.match(body, end) or _PENCE_CELL_BEFORE.search(body, max(0, head - 60), head)))
            or (body.endswith(_SEP_ENDS, 0, head) and _PENCE_LOW_END.search(body, max(0, head - 24), head)))):
        return None, end
    country = _CENT_COUNTRIES.get(unit.split(None, 1)[0].lower()) if " " in unit else None
    currency = country or ("GBP" if unit[0] in "pP" else "EUR" if unit == "Cent" else "MYR" if unit == "sen"
                           else "CHF" if unit == "Rappen" else "USD")
    german = currency in ("EUR", "CHF") or unit.endswith(("Pence", "US-Cent", "US-Cents"))  # "661,64 Pence", "5 Rappen"
    value = parse_in(body, raw, german)
    if value is None:
        return None, end
    low = None
    if body.endswith(_SEP_ENDS, 0, head):
        low = (_LOW_END.search(body, max(0, head - 24), head)
               or _LOW_END_UNIT.search(body, max(0, head - 32), head))
    low_value = parse_in(body, low["low"], german) if low is not None else None
    start = low.start() if low is not None and low_value is not None else head
    if unit == "c" and _CENT_CUES.isdisjoint(previous_words(body, start, 3)):
        return None, end
    figure: Found = (head, end, "money", value / 100, currency, qualifier_before(body, head),
                     None, None, None)
    if low is None or low_value is None:
        return with_old_level(body, figure, None, 0.01), end
    begin = range_start(body, start, low["sep"], low_value, value, MONEY_CHANGE_WORDS)
    if begin is not None and restates_move(body, start):
        return figure, end  # "up 4.5pc, or 101.5p to 2375p": the move (read on its own), then the price
    if begin is not None:
        return (begin, end, "money", low_value / 100, currency, None, None, None,
                value / 100), end
    if from_to_level(body, start, low["sep"]) and low.end("low") == low.end("sep") - len(
            low["sep"]):
        return [(start, low.end("low"), "money", low_value / 100, currency, None, None, None,
                 None), figure], end
    return figure, end
