"""Amounts whose currency is written as a code or a word: "EUR 3.1 billion", "USD4.9bn",
"380 billion yuan", "4,2 Mrd. Euro", a results table's "177.801 TEUR" and "320 MSEK".

The scanning pattern (figures_scan) hands these matches here; amounts after a currency
sign, and the helpers both kinds share, are in figures_amounts.
"""

from __future__ import annotations

import re
from datetime import date

from tui_reader.extract.figures_amounts import (
    CODE_SET,
    FROM,
    LOCAL_PREFIXES,
    SPACES,
    currency_code,
    money_found,
    money_range,
    with_old_level,
)
from tui_reader.extract.figures_numbers import NUM, SCALE, Found, parse_number
from tui_reader.extract.figures_ranges import from_to_level

_ONE_CODE = re.compile(rf"(?P<ca>{NUM})(?P<ck>{SCALE})?")
"""One amount, for when a scanned range turned out not to be one."""


_SMALL_SCALES = frozenset({"k", "tsd", "thousand", "tausend"})


def code_money(body: str, m: re.Match[str], _: date | None) -> tuple[Found | list[Found] | None, int]:
    """ "EUR 3.1 billion", "USD4.9bn", "CHF 200-250 million"; "target price SEK 345
    (310)": the new level and, in parentheses, the old one in the same currency."""
    head = m.start()
    mark_end = head - 1 if body[head - 1] in SPACES else head
    if body[mark_end - 1] == ".":  # "Rs. 5 crore"
        mark_end -= 1
    if body[mark_end - 1] == "Y" and head == mark_end:  # "Y8.30 billion": yen as Japanese wires write it
        if m["ck"] is None or m["csep"] is not None or m["ck"].strip().lower() in _SMALL_SCALES:
            return None, m.end()  # "Y2K", "Y3": no amount without a scale of millions
        start = mark_end - 1
    elif body.endswith("Euro", 0, mark_end):  # "Euro 64.3 billion", as some companies' English releases write it
        start = mark_end - 4
    else:
        start = mark_end - 2 if body[mark_end - 2:mark_end] in LOCAL_PREFIXES else mark_end - 3
    currency = currency_code(body[start:mark_end])
    thousands = 1.0
    if start > 0 and body[start - 1].isalpha():
        if body[start - 1] not in _IN_THOUSANDS or (start > 1 and body[start - 2].isalpha()) or m["ck"]:
            return None, m.end()
        # "TEUR 177,801", "KSEK 9,500", "MEUR 12.4": a results table's thousands or millions
        thousands = _IN_THOUSANDS[body[start - 1]]
        start -= 1
    raw = body[head:m.end("ca")]
    if thousands != 1.0:
        found = money_found(body, start, m.end(), raw, None, currency, None)
        if found is None or not isinstance(found[3], float) or m["csep"] is not None:
            return None, m.end()
        return _scaled_by(found, found[3], raw, thousands), m.end()
    if m["csep"] is not None:
        found = money_range(body, start, m.end(), raw, m["ck"], m["csep"], m["ca2"], m["ck2"],
                             currency, None, True)
        if found is not None:
            return found, m.end()
        one = _ONE_CODE.match(body, head)
        assert one is not None
        return money_found(body, start, one.end(), raw, one["ck"], currency, None), one.end()
    found = money_found(body, start, m.end(), raw, m["ck"], currency, None)
    if currency == "GBX" and found is not None and isinstance(found[3], float):
        found = (*found[:3], found[3] / 100, "GBP", *found[5:])  # "GBX 260": pence, 2.60 pounds
    if found is not None and m["ck"] is None and body.startswith(" (", m.end()) and (
            prior := _PRIOR_LEVEL.match(body, m.end())) is not None and (old := parse_number(prior["n"], False)):
        return [found, (prior.start("n"), prior.end("n"), "money", old / 100 if currency == "GBX" else old,
                        found[4], None, None, None, None)], prior.end()
    return found, m.end()


_PRIOR_LEVEL = re.compile(rf" \((?!(?:19|20)[0-9]{{2}}\))(?P<n>{NUM})\)")
"""The old level after a new one, as Nordic and dpa-AFX analyst lines write it: "target
price SEK 345 (310)"."""


def suffix_money(body: str, m: re.Match[str],
                 _: date | None) -> tuple[Found | list[Found] | None, int]:
    """ "380 billion yuan", "4,2 Mrd. Euro", "2-3 billion euros"."""
    start = m.start()
    raw = body[start:m.end("n")]
    code = m["c1"].lstrip(" \u00a0\u202f-")
    if len(code) == 4 and code[0] in _IN_THOUSANDS and code[1:] in CODE_SET:  # "320 MSEK"
        return _scaled_code(body, m, raw, code), m.end()
    currency = currency_code(m["c1"])
    if start > 0 and body[start - 1] in _MINUS and m["msep"] is None and (
            start == 1 or body[start - 2] in _SIGN_LEADS):  # "-0,26 EUR"
        found = money_found(body, start - 1, m.end(), raw, m["k1"], currency, m["c1"])
        return (None if found is None else (*found[:3], -float(found[3]), *found[4:])), m.end()
    if m["msep"] is not None:
        found = money_range(body, start, m.end(), raw, m["k1"], m["msep"], m["mn2"], m["mk2"],
                             currency, m["c1"], True)
        if found is not None:
            return found, m.end()
        if from_to_level(body, start, m["msep"], changes=True):  # "von 78 auf 107 Mio. $"
            level_end = m.end("k1") if m["k1"] else m.end("n")
            return money_found(body, start, level_end, raw, m["k1"] or m["mk2"], currency,
                               m["c1"]), level_end
        return None, m.end("n")
    found = money_found(body, start, m.end(), raw, m["k1"], currency, m["c1"])
    if found is not None and body.endswith(_NEGATIVE_WORD, 0, start):  # "negative 7.7 million euros"
        found = (start - len(_NEGATIVE_WORD), *found[1:3], -float(found[3]), *found[4:])
    if body.startswith(FROM, m.end()):  # "to 95 francs from 90"
        return with_old_level(body, found, m["k1"], 1.0), m.end()
    return found, m.end()


def _scaled_code(body: str, m: re.Match[str], raw: str, code: str) -> Found | None:
    """ "320 MSEK", "177.801 TEUR": an amount in the thousands or millions its code's first
    letter names; a scale word besides ("12 Mio. TEUR") is no amount a reader can trust."""
    if m["k1"] or m["msep"]:
        return None
    found = money_found(body, m.start(), m.end(), raw, None, code[1:], None)
    if found is None or not isinstance(found[3], float):
        return None
    return _scaled_by(found, found[3], raw, _IN_THOUSANDS[code[0]])


def _scaled_by(found: Found, value: float, raw: str, factor: float) -> Found:
    """`found`, whose amount `value` was read from `raw`, in the thousands or millions of a
    code's first letter (`_IN_THOUSANDS`): digits grouped in thousands are a whole number
    ("TEUR 2.575" is 2,575 thousand)."""
    whole = float(raw.replace(".", "").replace(",", "")) if _GROUPED.fullmatch(raw) else value
    return (*found[:3], whole * factor, *found[4:])


_MINUS = "-−"
_IN_THOUSANDS = {"T": 1e3, "K": 1e3, "k": 1e3, "M": 1e6}
"""A letter before a currency code that scales the amount: TEUR, KSEK, kUSD, MEUR."""
_GROUPED = re.compile(r"[0-9]{1,3}(?:[.,][0-9]{3})+")
"""Digits grouped in thousands ("177,801", "2.575"): a whole number in a TEUR table."""
_NEGATIVE_WORD = "negative "
"""A sign written as a word before an amount: "EBIT was negative 7.7 million euros". Not
German "minus": readers of real news took "minus 65,4 Mio. Euro" for a loss of that size
as often as for a negative amount, and "plus/minus 25 Millionen" is a tolerance."""
_SIGN_LEADS = " \t\n(["
"""What may stand before a minus glued to an amount ("bei -0,26 EUR"); "2-3 Euro" is a range."""
