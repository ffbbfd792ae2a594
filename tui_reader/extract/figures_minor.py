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

from tui_reader.extract.figures_amounts import from_to_level, range_start
from tui_reader.extract.figures_numbers import SP, Found, parse_number
from tui_reader.extract.figures_words import MONEY_CHANGE_WORDS, previous_words, qualifier_before

MINOR = rf"(?:{SP}(?:[Cc]ents?|pence)|[cp])(?![\w'’]|\.m\.)"
"""The hundredth after the amount: a word after a space, or "c"/"p" glued to it."""

_CENT_CUES = frozenset(
    "eps share shares dividend dividends payout vs vs. estimate estimates earnings loss profit "
    "of to and at from".split())
"""Words before a glued "c" that make it cents ("EPS of 41c", "41c vs. 39c")."""


def minor_money(body: str, m: re.Match[str], _: date | None) -> tuple[Found | None, int]:
    """ "22 cents", "41c", "72 to 80c", "45 Cent", "21.6p"."""
    head, end = m.start(), m.end()
    raw = body[head:m.end("n")]
    unit = m["minor"].lstrip(" \u00a0\u202f")
    if unit == "p" and "." not in raw:
        return None, end
    if unit == "c" and _CENT_CUES.isdisjoint(previous_words(body, head, 3)):
        return None, end
    currency = "GBP" if unit[0] == "p" else "EUR" if unit == "Cent" else "USD"
    german = currency == "EUR"
    low = parse_number(raw, german)
    if low is None:
        return None, end
    if m["xsep"] is not None:
        high = parse_number(m["xn2"], german)
        if high is None:
            return None, end
        start = range_start(body, head, m["xsep"], low, high, MONEY_CHANGE_WORDS)
        if start is not None:
            return (start, end, "money", low / 100, currency, None, None, None, high / 100), end
        if from_to_level(body, head, m["xsep"]):
            return (head, m.end("n"), "money", low / 100, currency, None, None, None,
                    None), m.end("n")
        return None, m.end("n")
    return (head, end, "money", low / 100, currency, qualifier_before(body, head), None, None,
            None), end
