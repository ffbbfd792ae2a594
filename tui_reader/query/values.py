"""Literal values of the query language: scaled numbers and days.

Kept apart from the grammar because the same readings serve the parser (to check a
query as it is typed) and the compilers (to resolve `today+30d` when it runs).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from tui_reader.query.syntax import Day, Number

_SCALES = {"": 1.0, "k": 1e3, "m": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12, "t": 1e12}
_NUMBER = re.compile(r"([+-]?(?:\d+(?:\.\d*)?|\.\d+))(k|mn|m|bn|b|tn|t)?%?", re.IGNORECASE)
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_RELATIVE = re.compile(r"today(?:([+-])(\d{1,5})([dwmy]))?", re.IGNORECASE)
_UNIT_DAYS = {"d": 1, "w": 7, "m": 30, "y": 365}


class LiteralError(ValueError):
    """A literal that is not a number or a day; `expected` says what would be."""

    def __init__(self, expected: str) -> None:
        super().__init__(expected)
        self.expected = expected


def read_number(text: str) -> Number:
    """`50bn` → 5e10, `-5` → -5, `1.5%` → 1.5; scale words k, m/mn, b/bn, t/tn."""
    match = _NUMBER.fullmatch(text)
    if match is None:
        raise LiteralError("a number such as 5, -2.5 or 50bn (scales: k, m, bn, tn)")
    scale = _SCALES[(match.group(2) or "").lower()]
    return Number(float(match.group(1)) * scale, text.lower())


def read_day(text: str) -> Day:
    """`2026-03-01`, `today`, `today+30d`, `today-2w` (d, w, m = 30 days, y = 365 days)."""
    if _DAY.fullmatch(text):
        try:
            date.fromisoformat(text)
        except ValueError:
            raise LiteralError("a real calendar day as YYYY-MM-DD") from None
        return Day(text)
    if _RELATIVE.fullmatch(text):
        return Day(text.lower())
    raise LiteralError("a day as YYYY-MM-DD, today, or today+30d")


def resolve_day(day: Day, today: date) -> date:
    """The calendar day a `Day` names when the query runs on `today`."""
    relative = _RELATIVE.fullmatch(day.text)
    if relative is None:
        return date.fromisoformat(day.text)
    sign, count, unit = relative.groups()
    if not sign:
        return today
    offset = timedelta(days=int(count) * _UNIT_DAYS[unit.lower()])
    return today + offset if sign == "+" else today - offset
