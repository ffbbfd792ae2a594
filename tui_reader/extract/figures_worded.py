"""Percentages and amounts whose number is a German word: "um fast acht Prozent", "mehr
als eine Milliarde Dollar", "etwa einer Milliarde Euro".

German wire copy writes small numbers in words. The heads ("Prozent", "Milliarde",
"Million") are found by the worded-figures pass in figures_heads, only after a
lower-case word, so "5 Prozent" and "3 Milliarden Euro" (read by figures_scan) cost no
Python there; this module reads the number word before the head.
"""

from __future__ import annotations

import re

from tui_reader.extract.figures_amounts import currency_code
from tui_reader.extract.figures_numbers import Found, parse_number, word_value
from tui_reader.extract.figures_words import direction_of, qualifier_before

_SPACES = " \u00a0\u202f"
_ONE = frozenset({"eine", "einer", "einem", "ein", "einen"})
"""The article "ein" in every case: one of the amount ("eine Milliarde")."""
_SCALES = {"milliarde": 1e9, "milliarden": 1e9, "million": 1e6, "millionen": 1e6,
           "billion": 1e12, "billionen": 1e12, "mrd.": 1e9, "mio.": 1e6}
"""German scales: "Billion" is 10**12 ("vier Billionen Dollar")."""
_CURRENCY_AFTER = re.compile(
    r"[ \u00a0](?P<c>US-Dollar|Dollar|Euro|Franken|Pfund|Yen|Yuan"
    r"|(?:[Ss]chwedische|[Nn]orwegische|[Dd]änische)n? Kronen)(?!\w)")
"""A currency after a worded amount ("knapp drei Milliarden schwedische Kronen"), its code
from `figures_amounts.currency_code`."""


def worded_percent(body: str, start: int, end: int, number: str, head: str) -> Found | None:
    """ "acht Prozent", "eight percent", "two percentage points" spanning body[start:end],
    `number` being its first word and `head` the lower-cased unit word; "vier bis sechs
    Prozent" a range; "ein halbes Prozent", "a half percent", "half a percent" 0.5."""
    unit = "pp" if head.startswith(("prozentp", "percentage")) else "%"
    count: float | None = word_value(number)
    if count is None:
        lower = number.lower()
        count = HALVES.get(lower)
        if lower == "a":  # "half a percent"
            word, begin = number_word_before(body, start)
            if word is not None and word.lower() == "half":
                count, start = 0.5, begin
        elif count is not None:  # "ein halbes", "a half": the article belongs to it
            word, begin = number_word_before(body, start)
            if word is not None and word.lower() in _ONE_OR_A:
                start = begin
        if count is None:
            return None
    low = worded_low(body, start, count)
    if low is not None:
        value, begin = low
        return (begin, end, "percent", value, None, qualifier_before(body, begin), unit,
                direction_of(body, begin, end, None), float(count))
    return (start, end, "percent", float(count), None, qualifier_before(body, start), unit,
            direction_of(body, start, end, None), None)


HALVES = {"half": 0.5, "halbes": 0.5, "halben": 0.5, "anderthalb": 1.5, "eineinhalb": 1.5,
          **{f"{word}einhalb": value + 0.5 for value, word in enumerate(
              "zwei drei vier fünf sechs sieben acht neun zehn elf zwölf".split(), start=2)}}
_ONE_OR_A = _ONE | {"a", "one"}


_PER_SHARE = (" je Aktie", " pro Aktie", " je Anteil", " je Titel", " je Vorzugsaktie", " je Stammaktie")
"""After these "ein Euro" is an amount, never the currency's name: "eine Dividende von
einem Euro je Aktie"."""


def worded_amount(body: str, head: int, end: int, currency: str) -> Found | None:
    """ "fünf Euro", "knapp über zehn Franken": a German amount below a million in words,
    or in trillions ("vier Billionen Dollar": German Billion is 10**12). The article
    "ein" is no number here ("der Kurs des Euro", "ein Euro-Raum")."""
    number, start = number_word_before(body, head)
    scale = 1.0
    if number is not None and number.startswith("Billion"):  # "vier Billionen Dollar"
        scale = 1e12
        number, start = number_word_before(body, start)
    if not number:
        return None
    lower = number.lower()
    count = (word_value(number) if lower not in _ONE
             else 1 if scale > 1 or body.startswith(_PER_SHARE, end) else None)
    if count is None or body.startswith("-", end):
        return None
    return (start, end, "money", count * scale, currency_code(currency),
            qualifier_before(body, start), None, None, None)


def worded_low(body: str, start: int, high: float) -> tuple[float, int] | None:
    """The low end written in words before a percentage's number ("vier bis sechs
    Prozent", "zwei bis 3,5 Prozent") and where it starts, if lower than `high`."""
    join = next((j for j in RANGE_JOINS if body.endswith(j, 0, start)), None)
    if join is None:
        return None
    word, begin = number_word_before(body, start - len(join))
    value = word_value(word) if word else None
    if value is None or not value < high:
        return None
    if join in _BETWEEN_JOINS:  # "zwischen sechs und acht Prozent"; "und" alone lists
        lead = next((w for w in _BETWEEN if body.endswith(w, 0, begin)), None)
        if lead is None:
            return None
        begin -= len(lead)
    return float(value), begin


RANGE_JOINS = (" bis ", " to ", " und ", " and ")
"""Before a range's high end whose low end may be a number word: "zwei bis 3,5 Prozent",
"between two and 2.3 per cent" (`worded_low`)."""
_BETWEEN_JOINS = (" und ", " and ")
_BETWEEN = ("zwischen ", "Zwischen ", "between ", "Between ")


def number_word_before(body: str, at: int) -> tuple[str | None, int]:
    """The word ending right before `at` (one space allowed) and where it starts."""
    head = body[(at - 14 if at > 14 else 0):at]
    stripped = head.rstrip(_SPACES + "-")
    words = stripped.rsplit(None, 1)
    if not words:
        return None, at
    word = words[-1]
    start = at - len(head) + len(stripped) - len(word)
    if not word.replace("-", "").isalpha():
        return None, at
    return word, start


_WORDED_CENTS = re.compile(r"[ \u00a0](?P<u>cents?|pence|Cent)(?!\w)")


def worded_cents(body: str) -> list[Found]:
    """ "Up two cents, or 5.5 per cent", "a dividend of seven cents", "bis auf fünf Cent":
    hundredths whose number is a word, looked for only in text that writes " cent",
    " Cent" or " pence"."""
    found: list[Found] = []
    for m in _WORDED_CENTS.finditer(body):
        number, start = number_word_before(body, m.start() + 1)
        count = word_value(number) if number is not None else None
        if count is None or count >= 100:
            continue
        currency = "GBP" if m["u"] == "pence" else "EUR" if m["u"] == "Cent" else "USD"
        found.append((start, m.end(), "money", count / 100, currency, qualifier_before(body, start),
                      None, None, None))
    return found


_ROUND_COUNTS = frozenset({"hundert", "tausend", "hundred", "thousand"})
_SOME = frozenset({"mehrere", "mehreren", "einige", "einigen", "paar", "several", "few"})
"""The words before "hundert Millionen" that make it a vague count ("einige hundert
Millionen Euro", "ein paar hundert"), not one hundred millions."""


def worded_money(body: str, start: int, end: int, number: str, scale_word: str) -> Found | None:
    """ "eine Milliarde Dollar" from body[start:end] ("eine Milliarde") and the currency
    after it; without a currency ("eine Million Kunden") it is no money."""
    lower = number.lower()
    count = 1 if lower in _ONE else word_value(lower)
    currency = _CURRENCY_AFTER.match(body, end)
    if count is None or currency is None:
        return None
    if lower in _ROUND_COUNTS and (before := body[(start - 10 if start > 10 else 0):start].split()) and (
            before[-1].lower() in _SOME):
        return None  # "mehrere hundert Millionen Euro": several hundreds, no amount
    scale = _SCALES[scale_word.lower()]
    low = worded_low(body, start, count)  # "drei bis vier Milliarden Euro": one range
    if low is not None:
        return (low[1], currency.end(), "money", low[0] * scale, currency_code(currency["c"]),
                qualifier_before(body, low[1]), None, None, count * scale)
    return (start, currency.end(), "money", count * scale,
            currency_code(currency["c"]), qualifier_before(body, start), None, None, None)


def percent_adjective(body: str, head: int, end: int) -> Found | None:
    """ "nach dem elfprozentigen Plus", "eine 5-prozentige Rendite": a German percentage
    written as one adjective, body[head:end] being "prozentig..." and its number glued
    before it (or a space before it, after digits)."""
    start = head - (body[head - 1] == " ")  # "ein 25 prozentiger Anstieg": a digit before the space
    while start > 0 and (body[start - 1].isalnum() or body[start - 1] in ",-"):
        start -= 1
    number = body[start:head]
    if number[-1] in "- " and number[:1].isdigit():
        count = parse_number(number[:-1], True)
    else:
        word = word_value(number) if number.isalpha() else None
        count = float(word) if word is not None else HALVES.get(number.lower())
    if count is None:
        return None
    return (start, end, "percent", count, None, qualifier_before(body, start), "%",
            direction_of(body, start, end, None), None)
