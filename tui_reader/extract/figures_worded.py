"""Percentages and amounts whose number is a German word: "um fast acht Prozent", "mehr
als eine Milliarde Dollar", "etwa einer Milliarde Euro".

German wire copy writes small numbers in words. The heads ("Prozent", "Milliarde",
"Million") are found by the worded-figures pass in figures_periods, only after a
lower-case word, so "5 Prozent" and "3 Milliarden Euro" (read by figures_scan) cost no
Python there; this module reads the number word before the head.
"""

from __future__ import annotations

import re

from tui_reader.extract.figures_numbers import Found, word_value
from tui_reader.extract.figures_words import direction_of, qualifier_before

_ONE = frozenset({"eine", "einer", "einem", "ein", "einen"})
"""The article "ein" in every case: one of the amount ("eine Milliarde")."""
_SCALES = {"milliarde": 1e9, "milliarden": 1e9, "million": 1e6, "millionen": 1e6}
_CURRENCY_AFTER = re.compile(r"[ \u00a0](?P<c>US-Dollar|Dollar|Euro|Franken|Pfund)(?!\w)")
_CURRENCIES = {"US-Dollar": "USD", "Dollar": "USD", "Euro": "EUR", "Franken": "CHF",
               "Pfund": "GBP"}


def worded_percent(body: str, start: int, end: int, number: str) -> Found | None:
    """ "acht Prozent" spanning body[start:end], `number` being its first word."""
    count = word_value(number)
    if count is None:
        return None
    return (start, end, "percent", float(count), None, qualifier_before(body, start), "%",
            direction_of(body, start, end, None), None)


def worded_money(body: str, start: int, end: int, number: str, scale_word: str) -> Found | None:
    """ "eine Milliarde Dollar" from body[start:end] ("eine Milliarde") and the currency
    after it; without a currency ("eine Million Kunden") it is no money."""
    lower = number.lower()
    count = 1 if lower in _ONE else word_value(lower)
    currency = _CURRENCY_AFTER.match(body, end)
    if count is None or currency is None:
        return None
    return (start, currency.end(), "money", count * _SCALES[scale_word.lower()],
            _CURRENCIES[currency["c"]], qualifier_before(body, start), None, None, None)
