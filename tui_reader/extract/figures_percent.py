"""Percentages, percentage points and basis points: "18.5%", "−1.2 pp", "5-7%", "between
5% and 7%", "12,5 (Vorjahr: 11,8) Prozent".

The regex fragments (UNIT, SIGN, SEP) live in figures_amounts beside the money ones, as
both are assembled into the one scanning pattern in figures_scan; the decoders here read
a percentage's sign, unit, qualifier and direction, and whether two numbers form a range
or a move between levels (`range_start`, `from_to_level`).
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from tui_reader.extract.figures_amounts import currency_code, money_found
from tui_reader.extract.figures_bare import RANGE_LOW
from tui_reader.extract.figures_numbers import Found, parse_number
from tui_reader.extract.figures_ranges import from_to_level, range_start
from tui_reader.extract.figures_vocabulary import DIRECTION_WORDS
from tui_reader.extract.figures_widgets import WIDGET_TAILS, in_ticker_strip, inline_quote, quote_widget
from tui_reader.extract.figures_worded import RANGE_JOINS, worded_low
from tui_reader.extract.figures_words import direction_of, previous_words, qualifier_before

_SPACES = " \u00a0\u202f"


def percent(body: str, m: re.Match[str], _: date | None) -> tuple[Found | None, int]:
    """ "18.5%", "−1.2 percentage points", "12,3 Prozent", "25 bps"; not a quote widget."""
    head, end = m.span()
    start, sign = _signed_start(body, head)
    if sign is None and body[head - 1:head] in "-−" and _glued_row(body, head, end):
        start, sign = head - 1, body[head - 1]
    if start > 1 and body[start - 2] in WIDGET_TAILS and body[start - 1] == " " and quote_widget(
            body, start, end, sign):
        return None, end
    if sign is not None and (in_ticker_strip(body, start, end) or inline_quote(body, start, end)):
        return None, end
    if sign is None and body.endswith(RANGE_JOINS, 0, start):  # "zwei bis 3,5 Prozent"
        german, unit = _units(m["u"])
        high = parse_number(body[head:m.end("n")], german)
        low = worded_low(body, start, high) if high is not None else None
        if low is not None:
            return (low[1], end, "percent", low[0], None, qualifier_before(body, low[1]), unit,
                    direction_of(body, low[1], end, None), high), end
    return _percent(body, start, end, body[head:m.end("n")], m["u"], sign), end


def accounting_percent(body: str, m: re.Match[str], _: date | None) -> tuple[Found | None, int]:
    """ "(9)%": the accountants' minus, read like "-9%" (the size, direction down); a
    number closing any other parenthesis ("(see note 3)%") is none."""
    start = m.start() - 1
    if start < 0 or body[start] != "(":
        return None, m.end()
    return _percent(body, start, m.end(), body[m.start():m.end("n")], m["au"], "-"), m.end()


def percent_range(body: str, m: re.Match[str], _: date | None) -> tuple[Found | None, int]:
    """ "5-7%", "between 5% and 7%", "5 to 7 percent" (not "rose from 5% to 7%")."""
    head = m.start()
    start, sign = _signed_start(body, head)
    unit = _percent_unit(m["u2"])
    german = _german_unit(m["u2"])
    low, high = parse_number(body[head:m.end("n")], german), parse_number(m["pn2"], german)
    if low is not None and high is not None and (m["u1"] is None
                                                 or _percent_unit(m["u1"]) == unit):
        begin = range_start(body, start, m["psep"], low, high)
        if begin is None and m["u1"] is None and m["psep"].strip() in ("to", "bis") and low < high and (
                previous_words(body, start, 1) or [""])[0] in DIRECTION_WORDS:
            begin = start  # "ABB and Nestle gained 1 to 1.3%", "plus 6 bis 9 Prozent": a range of moves
        if begin is not None:
            return (begin, m.end(), "percent", low, None, None, unit,
                    direction_of(body, begin, m.end(), sign), high), m.end()
    level = from_to_level(body, start, m["psep"])
    if m["u1"] is None:
        if level and low is not None:  # "from 5 to 7 percent": 5 is a level too
            return (start, m.end("n"), "percent", low, None, None, unit, None, None), m.end("n")
        return None, m.end("n")
    first = _percent(body, start, m.end("u1"), body[head:m.end("n")], m["u1"], sign)
    if level and first is not None:  # "von 5 Prozent auf 7 Prozent": a level, not a move
        first = (*first[:7], None, None)
    return first, m.end("u1")


def bare_decimal_percent(body: str, m: re.Match[str], _: date | None) -> tuple[Found | None, int]:
    """ "down .8%": the leading zero left out, as some generated reports do."""
    start, end = m.start() - 1, m.end()
    return _percent(body, start, end, "0" + body[start:m.start("lu")], m["lu"], None), end


def prior_year(body: str, m: re.Match[str],
               _: date | None) -> tuple[list[Found] | None, int]:
    """ "auf 113 (Vorjahr: 144) Millionen Euro", "target to 225 (210) pence": the new and
    the prior level, each spanning its own number and both taking the unit written once
    after them."""
    start, end = m.start(), m.end()
    new_raw, old_at = body[start:m.end("n")], m.start("vn")
    if m["vu"] is not None:
        german, unit = _units(m["vu"])
        new, old = parse_number(new_raw, german), parse_number(m["vn"], german)
        if new is None or old is None:
            return None, end
        return [(start, m.end("n"), "percent", new, None, qualifier_before(body, start), unit,
                 None, None),
                (old_at, m.end("vn"), "percent", old, None, None, unit, None, None)], end
    if m["vm"] is not None:  # "225 (210) pence": hundredths of the currency
        minor = m["vm"]
        german = minor == "Cent"
        new, old = parse_number(new_raw, german), parse_number(m["vn"], german)
        if new is None or old is None:
            return None, end
        code = "GBP" if minor[0] in "pP" else "EUR" if german else "USD"
        return [(start, m.end("n"), "money", new / 100, code, qualifier_before(body, start), None, None, None),
                (old_at, m.end("vn"), "money", old / 100, code, None, None, None, None)], end
    currency = currency_code(m["vc"])
    new_found = money_found(body, start, m.end("n"), new_raw, m["vk"], currency, m["vc"])
    old_found = money_found(body, old_at, m.end("vn"), m["vn"], m["vk"], currency, m["vc"])
    if new_found is None or old_found is None:
        return None, end
    if body[start - 1:start] == " " and (low := RANGE_LOW.search(body, max(0, start - 32), start)) and (
            (group := low.lastgroup) is not None
            and (low_found := money_found(body, low.start(group), low.end(group), low[group], m["vk"], currency,
                                          m["vc"]))
            and isinstance(low_found[3], float) and isinstance(new_found[3], float) and low_found[3] < new_found[3]):
        # "510,0 bis 550,0 (521,5) Mio. €": a range of the year's outlook and last year's value
        new_found = (low.start(group), new_found[1], "money", low_found[3], currency,
                     qualifier_before(body, low.start()), None, None, new_found[3])
    return [new_found, (*old_found[:5], None, *old_found[6:])], end


def _signed_start(body: str, head: int) -> tuple[int, str | None]:
    """A sign written right before a percentage ("+18.5%", "−1.2 pp") and where it starts.

    A pair of bounds is written "-3,85 %/+46,45 %". Portal tables set the sign apart
    ("Bayer (+ 3,76 Prozent auf 27,32 EUR)"): a spaced
    "+" counts after a space or parenthesis, a spaced minus only right after "(" (" - "
    elsewhere is a dash).
    """
    if head > 0 and body[head - 1] in "+-−–" and (head == 1 or body[head - 2] in " \t\n([/"):
        return head - 1, body[head - 1]
    if head > 1 and body[head - 1] == " " and (sign := body[head - 2]) in "+-−–":
        before = body[head - 3] if head > 2 else " "
        if before == "(" or (sign == "+" and before in " \t\n["):
            return head - 2, sign
    return head, None


def _glued_row(body: str, head: int, end: int) -> bool:
    """A table row whose cells a page glued together: "Invisio-0,8%SEB lowers …", the
    name, its move and the next cell; the "-" is the move's sign, not a hyphen."""
    if not (head > 2 and body[head - 1] in "-−" and body[head - 2].isalpha() and body[end:end + 1].isupper()):
        return False
    word = max(body.rfind(" ", 0, head), body.rfind("\n", 0, head)) + 1
    return body[word].isupper() and body[word:head - 1].isalpha()


def _percent(body: str, start: int, end: int, raw: str, unit_text: str,
             sign: str | None) -> Found | None:
    german, unit = _units(unit_text)
    value = parse_number(raw, german)
    if value is None:
        return None
    return (start, end, "percent", value, None, qualifier_before(body, start), unit,
            direction_of(body, start, end, sign), None)


@cache
def _units(unit_text: str) -> tuple[bool, str]:
    """Whether a percent unit is German and what it measures, in one cached look-up."""
    return _german_unit(unit_text), _percent_unit(unit_text)


@cache
def _german_unit(unit_text: str) -> bool:
    """Cached like `_percent_unit`: the UNIT pattern allows only a few dozen spellings."""
    # "1,094 %": a space before the sign is German (and French) typesetting, English
    # writes "1,094%", where the comma groups thousands
    return unit_text.lstrip(_SPACES).startswith(("Prozent", "%-Punkt", "Basispunkt")) or (
        unit_text[:1] in _SPACES and unit_text.lstrip(_SPACES).startswith("%"))


@cache
def _percent_unit(unit_text: str) -> str:
    text = unit_text.lstrip(_SPACES + "-").lower()  # "a 25-basis-point cut"
    if text.startswith(("percentage", "prozentpunkt", "%-punkt", "pp")):
        return "pp"
    if text.startswith(("basis", "bp")):
        return "bp"
    return "%"
