"""Money amounts and percentages, including ranges ("$2-2.5 billion", "between 5% and 7%").

One precompiled regex per kind finds the whole written figure (currency, number,
scale, range); the words around it (qualifier, direction) are read afterwards only
for what matched. A regex match that turns out not to be a range ("rose 5% to 7%",
"$5 billion and $3 billion") is re-read as its first amount and scanning resumes
right after it, so the second amount is still found.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tui_reader.extract.figures_numbers import (
    NOT_AFTER_TOKEN,
    NUM,
    SCALE,
    SP,
    Found,
    parse_number,
    scale_value,
)
from tui_reader.extract.figures_words import (
    CHANGE_WORDS,
    direction_of,
    previous_words,
    qualifier_before,
)

_CODES = "USD|EUR|GBP|CHF|JPY|HKD|CNY|RMB|CAD|AUD|KRW|INR|SEK|NOK|DKK|SGD"
_CODE_SET = frozenset(_CODES.split("|"))
_PREFIX = rf"(?:(?<![A-Za-z])(?:US|HK|NZ|[CASR])\$|\$|€|£|¥|(?<![A-Za-z])(?:{_CODES})(?![A-Za-z]))"
_SUFFIX = (
    rf"(?:{SP}?€|{SP}(?:(?:US|U\.S\.)[- ]dollars?|US-Dollar|Hong Kong dollars?"
    r"|Canadian dollars?|Australian dollars?|Singapore dollars?|dollars?|Dollar"
    r"|[Ee]uros?|pounds?(?: sterling)?|sterling|Pfund|[Yy]en|[Yy]uan|[Rr]enminbi"
    rf"|Swiss francs?|Franken|won|rupees?|kronor|kroner|{_CODES}))(?!\w)"
)
_SEP = rf"(?:{SP}?[-–—]{SP}?|{SP}+(?:to|and|bis|und){SP}+)"
_BETWEEN = rf"(?:\b(?:between|Between|zwischen|Zwischen){SP}+)"

_MONEY = re.compile(
    rf"(?P<btw>{_BETWEEN})?(?:"
    rf"(?P<p1>{_PREFIX}){SP}?(?P<a1>{NUM})(?P<k1>{SCALE})?"
    rf"(?:(?P<sep1>{_SEP})(?P<p2>{_PREFIX})?{SP}?(?P<a2>{NUM})(?P<k2>{SCALE})?)?"
    rf"(?P<c1>{_SUFFIX})?"
    rf"|{NOT_AFTER_TOKEN}(?P<a3>{NUM})(?P<k3>{SCALE})?"
    rf"(?:(?P<sep2>{_SEP})(?P<a4>{NUM})(?P<k4>{SCALE})?)?"
    rf"(?P<c2>{_SUFFIX}))"
)
_ONE_MONEY = re.compile(
    rf"(?P<p1>{_PREFIX}){SP}?(?P<a1>{NUM})(?P<k1>{SCALE})?(?P<c1>{_SUFFIX})?"
    rf"|(?P<a3>{NUM})(?P<k3>{SCALE})?(?P<c2>{_SUFFIX})"
)
"""One amount, for when `_MONEY` matched something that is not a range."""

_UNIT = (
    rf"(?:{SP}?(?:%-Punkte?n?|%(?!\w))|{SP}?(?:[Pp]ercentage{SP}points?|Prozentpunkte?n?"
    rf"|ppts?|pp|[Pp]er{SP}?cent|Prozent|pct|[Bb]asis{SP}points?|Basispunkte?n?|bps|bp)(?!\w))"
)
_SIGN = "[+\\-−–](?=[0-9])"
_PERCENT = re.compile(
    rf"(?P<btw>{_BETWEEN})?{NOT_AFTER_TOKEN}(?P<s1>{_SIGN})?(?P<a1>{NUM})(?P<u1>{_UNIT})?"
    rf"(?P<sep>{_SEP})(?P<s2>{_SIGN})?(?P<a2>{NUM})(?P<u2>{_UNIT})"
    rf"|{NOT_AFTER_TOKEN}(?P<s3>{_SIGN})?(?P<a3>{NUM})(?P<u3>{_UNIT})"
)
_ONE_PERCENT = re.compile(rf"(?P<s3>{_SIGN})?(?P<a3>{NUM})(?P<u3>{_UNIT})")

_CURRENCIES = {
    "$": "USD", "us$": "USD", "hk$": "HKD", "nz$": "NZD", "c$": "CAD", "a$": "AUD",
    "s$": "SGD", "r$": "BRL", "€": "EUR", "£": "GBP", "¥": "JPY", "rmb": "CNY",
    "dollar": "USD", "us dollar": "USD", "us-dollar": "USD", "u.s. dollar": "USD",
    "hong kong dollar": "HKD", "canadian dollar": "CAD", "australian dollar": "AUD",
    "singapore dollar": "SGD", "euro": "EUR", "pound": "GBP", "pound sterling": "GBP",
    "pounds sterling": "GBP", "sterling": "GBP", "pfund": "GBP", "yen": "JPY",
    "yuan": "CNY", "renminbi": "CNY", "swiss franc": "CHF", "franken": "CHF", "won": "KRW",
    "rupee": "INR", "kronor": "SEK", "kroner": "NOK",
}
_GERMAN_CURRENCY_WORDS = frozenset({"Euro", "€", "Dollar", "US-Dollar", "Franken", "Pfund"})
"""Written after the amount only in German ("4,20 €", "1.234,5 Mio. Euro")."""
_AMBIGUOUS_PREFIXES = frozenset({"$", "¥"})
"""Symbols a following currency word overrides ("¥380 billion yuan" is CNY)."""

_PERCENT_UNITS = {"%": "%", "percent": "%", "per cent": "%", "percent ": "%", "prozent": "%",
                  "pct": "%", "pp": "pp", "ppt": "pp", "ppts": "pp", "bp": "bp", "bps": "bp"}
_GERMAN_UNIT_START = ("prozent", "%-punkt", "basispunkt")


def _currency(token: str) -> str | None:
    """ISO 4217 code of a currency symbol, code or name."""
    key = " ".join(token.split()).lower()
    if key.upper() in _CODE_SET:
        return "CNY" if key == "rmb" else key.upper()
    return _CURRENCIES.get(key) or _CURRENCIES.get(key.removesuffix("s"))


def _percent_unit(token: str) -> str:
    key = " ".join(token.replace("\u00a0", " ").split()).lower()
    if key in _PERCENT_UNITS:
        return _PERCENT_UNITS[key]
    if key.startswith(("percentage", "prozentpunkt", "%-punkt")):
        return "pp"
    if key.startswith(("basis", "basispunkt")):
        return "bp"
    return "%"


def _is_range(body: str, start: int, sep: str, between: bool, low: float, high: float) -> bool:
    """Whether "X sep Y" is one range rather than two figures or a change from X to Y."""
    word = sep.strip(" \u00a0\u202f")
    if word in ("and", "und"):
        if not between:
            return False
    elif word in ("to", "bis") and not between:
        before = previous_words(body, start, 1)
        if before and before[0] in CHANGE_WORDS:
            return False
    return low < high


def money(body: str) -> Iterator[Found]:
    """Every money amount in `body`, ranges as one figure (value low, high high)."""
    pos = 0
    while (m := _MONEY.search(body, pos)) is not None:
        found, pos = _money_from(body, m)
        if found is not None:
            yield found


def _money_from(body: str, m: re.Match[str]) -> tuple[Found | None, int]:
    """The figure for one `_MONEY` match and where scanning goes on."""
    if m["sep1"] is None and m["sep2"] is None:
        return _one_money(body, m)
    if m["a1"] is not None:
        first, prefix, prefix2, low_raw, k1, high_raw, k2, suffix, sep = (
            m.start("p1"), m["p1"], m["p2"], m["a1"], m["k1"], m["a2"], m["k2"], m["c1"],
            m["sep1"])
    else:
        first, prefix, prefix2, low_raw, k1, high_raw, k2, suffix, sep = (
            m.start("a3"), None, None, m["a3"], m["k3"], m["a4"], m["k4"], m["c2"], m["sep2"])
    currency = _money_currency(prefix, suffix)
    scale2, german2 = scale_value(k2)
    scale1, german1 = scale_value(k1) if k1 else (scale2, german2)
    german = german1 or german2 or _german_suffix(suffix)
    low, high = parse_number(low_raw, german), parse_number(high_raw, german)
    start = m.start("btw") if m["btw"] else first
    if (currency is not None and low is not None and high is not None
            and (prefix2 is None or _currency(prefix2) == _currency(prefix or "$"))
            and _is_range(body, start, sep, bool(m["btw"]), low * scale1, high * scale2)):
        return Found(start, m.end(), "money", low * scale1, currency, high=high * scale2), m.end()
    single = _ONE_MONEY.match(body, first)
    if single is None:
        return None, first + len(low_raw)
    return _one_money(body, single)


def _money_currency(prefix: str | None, suffix: str | None) -> str | None:
    """The currency of an amount; a currency word overrides an ambiguous "$" or "¥"."""
    currency = _currency(suffix) if suffix else None
    if prefix and not (currency and prefix in _AMBIGUOUS_PREFIXES):
        currency = _currency(prefix)
    return currency


def _german_suffix(suffix: str | None) -> bool:
    return bool(suffix) and suffix.strip(" \u00a0\u202f") in _GERMAN_CURRENCY_WORDS


def _one_money(body: str, m: re.Match[str]) -> tuple[Found | None, int]:
    prefix = m["p1"]
    if prefix:
        raw, scale_text, suffix, start = m["a1"], m["k1"], m["c1"], m.start("p1")
    else:
        raw, scale_text, suffix, start = m["a3"], m["k3"], m["c2"], m.start("a3")
    currency = _money_currency(prefix, suffix)
    scale, german = scale_value(scale_text)
    value = parse_number(raw, german or _german_suffix(suffix))
    if value is None or currency is None:
        return None, m.end()
    return Found(start, m.end(), "money", value * scale, currency,
                 qualifier_before(body, start)), m.end()


def percents(body: str) -> Iterator[Found]:
    """Every percentage, percentage-point and basis-point figure in `body`."""
    pos = 0
    while (m := _PERCENT.search(body, pos)) is not None:
        pos = m.end()
        if m["a1"] is not None:
            unit1 = _percent_unit(m["u1"]) if m["u1"] else None
            unit = _percent_unit(m["u2"])
            german = m["u2"].strip(" \u00a0\u202f").lower().startswith(_GERMAN_UNIT_START)
            low, high = parse_number(m["a1"], german), parse_number(m["a2"], german)
            start = m.start("btw") if m["btw"] else m.start("s1" if m["s1"] else "a1")
            if (low is not None and high is not None and unit1 in (None, unit)
                    and _is_range(body, start, m["sep"], bool(m["btw"]), low, high)):
                sign = m["s1"]
                yield Found(start, m.end(), "percent", low, unit=unit,
                            direction=direction_of(body, start, m.end(), sign), high=high)
                continue
            first = _ONE_PERCENT.match(body, m.start("s1" if m["s1"] else "a1"))
            if first is None:
                pos = m.start("sep")
                continue
            m, pos = first, first.end()
        found = _one_percent(body, m)
        if found is not None:
            yield found


def _one_percent(body: str, m: re.Match[str]) -> Found | None:
    unit_text = m["u3"]
    german = unit_text.strip(" \u00a0\u202f").lower().startswith(_GERMAN_UNIT_START)
    value = parse_number(m["a3"], german)
    if value is None:
        return None
    start = m.start("s3") if m["s3"] else m.start("a3")
    return Found(start, m.end(), "percent", value, None, qualifier_before(body, start),
                 _percent_unit(unit_text), direction_of(body, start, m.end(), m["s3"]))
