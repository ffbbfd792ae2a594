"""Money amounts and percentages, including ranges ("$2-2.5 billion", "between 5% and 7%").

The regex fragments here are assembled into the one scanning pattern in figures_scan;
the decoders below turn its matches into figures and read the words around them
(qualifier, "between", sign, direction). A match that turns out not to be a range
("rose 5% to 7%" read as a change, "$5 billion and $3 billion") is cut back to its
first amount, and scanning resumes right after it so the second is still found.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from tui_reader.extract.figures_numbers import (
    NUM,
    SCALE,
    SP,
    Found,
    parse_number,
    scale_value,
)
from tui_reader.extract.figures_widgets import WIDGET_TAILS, quote_widget
from tui_reader.extract.figures_worded import worded_low
from tui_reader.extract.figures_words import (
    CHANGE_WORDS,
    MONEY_CHANGE_WORDS,
    direction_of,
    qualifier_before,
)

CODES = "USD|EUR|GBP|CHF|JPY|HKD|CNY|RMB|CAD|AUD|KRW|INR|SEK|NOK|DKK|SGD|IDR"
LOCAL_PREFIXES = ("Rp", "Rs")
"""Two-letter currency marks written before the amount ("Rp 5 trillion", "Rs 116.8 million")."""
PREFIX = rf"(?:(?:US|HK|NZ|[CASR])?[$€£¥]|(?:{CODES}))"
"""A currency before the second amount of a range ("€1.1 to €1.3 billion")."""
SUFFIX = (
    rf"(?:{SP}?€|[ \u00a0\u202f-](?:(?:US|U\.S\.)[- ]dollars?|US-Dollar|Hong Kong dollars?"
    r"|Canadian dollars?|Australian dollars?|Singapore dollars?|dollars?|Dollar"
    r"|[Ee]uros?|pounds?(?: sterling)?|sterling|Pfund|[Yy]en|[Yy]uan|[Rr]enminbi"
    rf"|(?:Swiss )?francs?|Franken|won|rupees?|kronor|kroner|{CODES}))(?!\w)"
)
"""A currency written after the amount ("380 billion yuan", "4,2 Mrd. Euro", "4,20 €"),
or joined to it by a hyphen ("die 48-Euro-Marke", "an 8.2-billion-pound offer")."""
SEP = rf"(?:{SP}?[-–—]{SP}?|{SP}+(?:to|and|bis|und|auf){SP}+)"
"""Between the two ends of a range, or of a move from one level to another ("von 78 auf
107 Millionen Dollar": never a range, see `range_start`)."""
UNIT = (
    rf"(?:{SP}?(?:%-Punkte?n?|%(?!\w))|{SP}?(?:[Pp]ercentage{SP}points?|Prozentpunkte?n?"
    rf"|ppts?|pp|[Pp]er{SP}?cent|Prozent|pct|[Bb]asis{SP}points?|Basispunkte?n?|bps|bp)(?!\w))"
)
"""Percent, percentage points or basis points."""
SIGN = "[+\\-−–](?=[0-9])"

_CODE_SET = frozenset(CODES.split("|"))
_CURRENCIES = {
    "$": "USD", "us$": "USD", "hk$": "HKD", "nz$": "NZD", "c$": "CAD", "a$": "AUD",
    "s$": "SGD", "r$": "BRL", "€": "EUR", "£": "GBP", "¥": "JPY",
    "dollar": "USD", "us dollar": "USD", "us-dollar": "USD", "u.s. dollar": "USD",
    "hong kong dollar": "HKD", "canadian dollar": "CAD", "australian dollar": "AUD",
    "singapore dollar": "SGD", "euro": "EUR", "franc": "CHF", "rp": "IDR", "rs": "INR",
    "pound": "GBP", "pound sterling": "GBP",
    "pounds sterling": "GBP", "sterling": "GBP", "pfund": "GBP", "yen": "JPY",
    "yuan": "CNY", "renminbi": "CNY", "swiss franc": "CHF", "franken": "CHF", "won": "KRW",
    "rupee": "INR", "kronor": "SEK", "kroner": "NOK",
}
_GERMAN_CURRENCY_WORDS = frozenset({"Euro", "€", "Dollar", "US-Dollar", "Franken", "Pfund"})
"""Written after the amount only in German ("4,20 €", "1.234,5 Mio. Euro")."""
_AMBIGUOUS_PREFIXES = frozenset({"$", "¥"})
"""Symbols a following currency word overrides ("¥380 billion yuan" is CNY)."""
_SYMBOL_LETTERS = ("US", "HK", "NZ")
_BETWEEN = ("between", "Between", "zwischen", "Zwischen")
_SPACES = " \u00a0\u202f"

_ONE_SYMBOL = re.compile(rf"[$€£¥]{SP}?(?P<sa>{NUM})(?P<sk>{SCALE})?(?P<sc>{SUFFIX})?")
_ONE_CODE = re.compile(rf"(?P<ca>{NUM})(?P<ck>{SCALE})?")
"""One amount, for when a scanned range turned out not to be one."""


def symbol_money(body: str, m: re.Match[str], _: date | None) -> tuple[Found | None, int]:
    """ "$4.9 billion", "US$4.9bn", "€1.1 to €1.3 billion", "¥380 billion yuan", a loss
    of "-$0.08" or "($0.10)" a share; not the exchange rate a wire story notes ("($1 =
    0.87 euros)")."""
    head = m.start()
    start = _symbol_start(body, head)
    if start > 0 and body[start - 1] in "-−(":
        if body[start - 1] == "(":
            if body.startswith(" = ", m.end()):
                close = body.find(")", m.end(), m.end() + 40)
                return None, (close if close > 0 else m.end())
            if body.startswith(")", m.end()) and _accounting_loss(body, start - 1, m.end() + 1):
                found = _money(body, start, m.end(), m["sa"], m["sk"],
                               _money_currency(body[start:head + 1], m["sc"]), m["sc"])
                if found is not None and m["ssep"] is None:
                    return (start - 1, m.end() + 1, "money", -found[3], *found[4:]), m.end() + 1
        elif start == 1 or body[start - 2] in " \n(":
            found = _money(body, start, m.end(), m["sa"], m["sk"],
                           _money_currency(body[start:head + 1], m["sc"]), m["sc"])
            if found is not None and m["ssep"] is None:
                return (start - 1, found[1], "money", -found[3], *found[4:]), m.end()
    prefix = body[start:head + 1]
    if m["ssep"] is not None:
        found = _money_range(body, start, m.end(), m["sa"], m["sk"], m["ssep"], m["sa2"],
                             m["sk2"], _money_currency(prefix, m["sc"]), m["sc"],
                             m["sp2"] is None or _currency(m["sp2"]) == _currency(prefix))
        if found is not None:
            return found, m.end()
        one = _ONE_SYMBOL.match(body, head)
        assert one is not None  # the scanned match starts with the same amount
        scale = one["sk"]
        if scale is None and one["sc"] is None and from_to_level(body, start, m["ssep"]):
            scale = m["sk2"]  # "from $78 to $107 million": $78 million
        return _money(body, start, one.end(), one["sa"], scale,
                      _money_currency(prefix, one["sc"]), one["sc"]), one.end()
    return _money(body, start, m.end(), m["sa"], m["sk"], _money_currency(prefix, m["sc"]),
                  m["sc"]), m.end()


_LOSS_BEFORE = ("estimate of ", "estimates of ", "reported ", "posted ", "EPS of ",
                "loss of ", "estimate of $", "expectations of ")
_LOSS_AFTER = (" earnings per share", " EPS", " per share", " a share", " loss per share")


def _accounting_loss(body: str, open_at: int, close_end: int) -> bool:
    """Whether "($0.10)" is a negative per-share figure written the accountants' way
    ("reported ($0.10) earnings per share", "estimate of ($0.19)"); a parenthesised
    amount is otherwise a conversion or an aside ("438 million euros ($502 million)")."""
    return (body.startswith(_LOSS_AFTER, close_end)
            or body.endswith(_LOSS_BEFORE, max(0, open_at - 16), open_at))


def code_money(body: str, m: re.Match[str], _: date | None) -> tuple[Found | None, int]:
    """ "EUR 3.1 billion", "USD4.9bn", "CHF 200-250 million"."""
    head = m.start()
    mark_end = head - 1 if body[head - 1] in _SPACES else head
    if body[mark_end - 1] == ".":  # "Rs. 5 crore"
        mark_end -= 1
    start = mark_end - 2 if body[mark_end - 2:mark_end] in LOCAL_PREFIXES else mark_end - 3
    if start > 0 and body[start - 1].isalpha():
        return None, m.end()
    currency = _currency(body[start:mark_end])
    raw = body[head:m.end("ca")]
    if m["csep"] is not None:
        found = _money_range(body, start, m.end(), raw, m["ck"], m["csep"], m["ca2"], m["ck2"],
                             currency, None, True)
        if found is not None:
            return found, m.end()
        one = _ONE_CODE.match(body, head)
        assert one is not None
        return _money(body, start, one.end(), raw, one["ck"], currency, None), one.end()
    return _money(body, start, m.end(), raw, m["ck"], currency, None), m.end()


def suffix_money(body: str, m: re.Match[str], _: date | None) -> tuple[Found | None, int]:
    """ "380 billion yuan", "4,2 Mrd. Euro", "2-3 billion euros"."""
    start = m.start()
    raw = body[start:m.end("n")]
    currency = _currency(m["c1"])
    if m["msep"] is not None:
        found = _money_range(body, start, m.end(), raw, m["k1"], m["msep"], m["mn2"], m["mk2"],
                             currency, m["c1"], True)
        if found is not None:
            return found, m.end()
        if from_to_level(body, start, m["msep"]):  # "von 78 auf 107 Millionen Dollar"
            level_end = m.end("k1") if m["k1"] else m.end("n")
            return _money(body, start, level_end, raw, m["k1"] or m["mk2"], currency,
                          m["c1"]), level_end
        return None, m.end("n")
    return _money(body, start, m.end(), raw, m["k1"], currency, m["c1"]), m.end()


def percent(body: str, m: re.Match[str], _: date | None) -> tuple[Found | None, int]:
    """ "18.5%", "−1.2 percentage points", "12,3 Prozent", "25 bps"; not a quote widget."""
    head, end = m.span()
    start, sign = _signed_start(body, head)
    if start > 1 and body[start - 2] in WIDGET_TAILS and body[start - 1] == " " and quote_widget(
            body, start, end, sign):
        return None, end
    if sign is None and body.endswith((" bis ", " to "), 0, start):  # "zwei bis 3,5 Prozent"
        german, unit = _units(m["u"])
        high = parse_number(body[head:m.end("n")], german)
        low = worded_low(body, start, high) if high is not None else None
        if low is not None:
            return (low[1], end, "percent", low[0], None, qualifier_before(body, low[1]), unit,
                    direction_of(body, low[1], end, None), high), end
    return _percent(body, start, end, body[head:m.end("n")], m["u"], sign), end


def prior_year(body: str, m: re.Match[str],
               _: date | None) -> tuple[list[Found] | None, int]:
    """ "auf 113 (Vorjahr: 144) Millionen Euro": the new and the prior-year level, each
    spanning its own number and both taking the unit written once after them."""
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
    currency = _currency(m["vc"])
    new_found = _money(body, start, m.end("n"), new_raw, m["vk"], currency, m["vc"])
    old_found = _money(body, old_at, m.end("vn"), m["vn"], m["vk"], currency, m["vc"])
    if new_found is None or old_found is None:
        return None, end
    return [new_found, (*old_found[:5], None, *old_found[6:])], end


def bare_decimal_percent(body: str, m: re.Match[str], _: date | None) -> tuple[Found | None, int]:
    """ "down .8%": the leading zero left out, as some generated reports do."""
    start, end = m.start() - 1, m.end()
    return _percent(body, start, end, "0" + body[start:m.start("lu")], m["lu"], None), end


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


def _money(body: str, start: int, end: int, raw: str, scale_text: str | None,
           currency: str | None, suffix: str | None) -> Found | None:
    scale, german = scale_value(scale_text)
    value = parse_number(raw, german or _german_suffix(suffix))
    if value is None or currency is None:
        return None
    return (start, end, "money", value * scale, currency, qualifier_before(body, start), None,
            None, None)


def _money_range(body: str, start: int, end: int, low_raw: str, low_scale: str | None,
                 sep: str, high_raw: str, high_scale: str | None, currency: str | None,
                 suffix: str | None, same_currency: bool) -> Found | None:
    """The range figure, or None when the two amounts do not form one range."""
    scale2, german2 = scale_value(high_scale)
    scale1, german1 = scale_value(low_scale) if low_scale else (scale2, german2)
    german = german1 or german2 or _german_suffix(suffix)
    low, high = parse_number(low_raw, german), parse_number(high_raw, german)
    if currency is None or low is None or high is None or not same_currency:
        return None
    begin = range_start(body, start, sep, low * scale1, high * scale2, MONEY_CHANGE_WORDS)
    if begin is None:
        return None
    return (begin, end, "money", low * scale1, currency, None, None, None, high * scale2)


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
    word = sep.strip(_SPACES)
    if word in ("and", "und") or between is not None:
        return between
    if word == "auf":
        return None
    if word in ("to", "bis"):
        before = body[(start - 20 if start > 20 else 0):start].split()[-1:]
        if before and (lower := before[0].lower()) in change_words and not (
                word == "bis" and lower in ("von", "vom")):
            return None
    return start


def from_to_level(body: str, start: int, sep: str) -> bool:
    """Whether the number at `start` is the old level of a move ("from 78 to 107 million",
    "von 78 auf 107 Millionen Dollar").

    Such a number is kept as a figure of its own, borrowing the scale and unit written
    once after the new level; the new level is the figure the move leads to.
    """
    if sep.strip(_SPACES) not in ("to", "auf"):
        return False
    before = body[(start - 12 if start > 12 else 0):start].split()[-1:]
    return bool(before) and before[0].lower() in _FROM_WORDS


_FROM_WORDS = frozenset({"from", "von", "vom"})


def _between_start(body: str, start: int) -> int | None:
    head = body[(start - 12 if start > 12 else 0):start].rstrip(_SPACES)
    for word in _BETWEEN:
        if head.endswith(word):
            at = len(head) - len(word)
            if at == 0 or not head[at - 1].isalpha():
                return start - len(body[(start - 12 if start > 12 else 0):start]) + at
    return None


def _symbol_start(body: str, head: int) -> int:
    """Widen "$" over the letters of "US$", "HK$", "C$", "A$"."""
    if body[head] != "$" or head == 0:
        return head
    if (body[(head - 2 if head > 2 else 0):head] in _SYMBOL_LETTERS
            and (head < 3 or not body[head - 3].isalpha())):
        return head - 2
    if body[head - 1] in "CASR" and (head < 2 or not body[head - 2].isalpha()):
        return head - 1
    return head


def _signed_start(body: str, head: int) -> tuple[int, str | None]:
    """A sign written right before a percentage ("+18.5%", "−1.2 pp") and where it starts.

    Portal tables set the sign apart ("Bayer (+ 3,76 Prozent auf 27,32 EUR)"): a spaced
    "+" counts after a space or parenthesis, a spaced minus only right after "(" (" - "
    elsewhere is a dash).
    """
    if head > 0 and body[head - 1] in "+-−–" and (head == 1 or body[head - 2] in " \t\n(["):
        return head - 1, body[head - 1]
    if head > 1 and body[head - 1] == " " and (sign := body[head - 2]) in "+-−–":
        before = body[head - 3] if head > 2 else " "
        if before == "(" or (sign == "+" and before in " \t\n["):
            return head - 2, sign
    return head, None


@cache
def _currency(token: str) -> str | None:
    """ISO 4217 code of a currency symbol, code or name (cached: the pattern allows few)."""
    key = " ".join(token.split()).lower().lstrip("-")
    if key.upper() in _CODE_SET:
        return "CNY" if key == "rmb" else key.upper()
    return _CURRENCIES.get(key) or _CURRENCIES.get(key.removesuffix("s"))


@cache
def _money_currency(prefix: str | None, suffix: str | None) -> str | None:
    """The currency of an amount; a currency word overrides an ambiguous "$" or "¥"."""
    currency = _currency(suffix) if suffix else None
    if prefix and not (currency and prefix in _AMBIGUOUS_PREFIXES):
        currency = _currency(prefix)
    return currency


@cache
def _german_suffix(suffix: str | None) -> bool:
    return bool(suffix) and suffix.strip(_SPACES + "-") in _GERMAN_CURRENCY_WORDS


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
    return unit_text.lstrip(_SPACES).startswith(("Prozent", "%-Punkt", "Basispunkt"))


@cache
def _percent_unit(unit_text: str) -> str:
    text = unit_text.lstrip(_SPACES).lower()
    if text.startswith(("percentage", "prozentpunkt", "%-punkt", "pp")):
        return "pp"
    if text.startswith(("basis", "bp")):
        return "bp"
    return "%"
