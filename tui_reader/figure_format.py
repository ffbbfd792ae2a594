"""How a key figure's normalised value reads: `CNY 380 bn`, `+56.94 %`, `52 weeks`.

One home for the format, shared by the app's panes and `tui-reader extract`'s report, so
a figure reads the same wherever it is shown. Plain strings, no Rich: the core and the
command line use it without the UI libraries.
"""

from __future__ import annotations

import re

from tui_reader.model import KeyFigure

__all__ = ["format_amount", "format_count", "format_figure", "period_words"]

_SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "m"))
"""No "k": amounts below a million are often prices ("$5,100 per ounce", a 1,243-euro
share), which read best as written."""
_QUALIFIERS = {"approx": "~", "more_than": "> ", "less_than": "< ", "up_to": "≤ "}
_DURATION = re.compile(r"P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?")
_DURATION_UNITS = ("year", "month", "week", "day")
_COUNT_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def period_words(value: str) -> str:
    """An ISO 8601 duration in words: `P5D` → `5 days`, `P52W` → `52 weeks`,
    `P1Y6M` → `1 year 6 months`; anything else as it is."""
    found = _DURATION.fullmatch(value)
    if not found or not any(found.groups()):
        return value
    parts = []
    for number, unit in zip(found.groups(), _DURATION_UNITS, strict=True):
        if number is None:
            continue
        count = float(number)
        shown = f"{count:g}"
        parts.append(f"{shown} {unit}{'' if count == 1 else 's'}")
    return " ".join(parts)


def format_amount(value: float, currency: str | None = None) -> str:
    """380e9 CNY → `CNY 380 bn`, 5100 USD → `USD 5,100`; keeps three significant digits
    for millions and more."""
    magnitude = abs(value)
    for scale, suffix in _SCALES:
        if magnitude >= scale:
            number = f"{value / scale:,.3g}" if value / scale < 1000 else f"{value / scale:,.0f}"
            text = f"{number} {suffix}"
            break
    else:
        text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{currency} {text}" if currency else text


def format_count(value: float) -> str:
    """A count in words people use: `8,000`, `-1,250.5`, `3 million`, `1.2 billion`."""
    for scale, word in _COUNT_SCALES:
        if abs(value) >= scale:
            return f"{value / scale:,.3g} {word}"
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0").rstrip(".")


def format_figure(figure: KeyFigure) -> str:
    """The normalised value of a key figure: `CNY 380 bn`, `+56.94 %`, `2026-02-19`, `10x`."""
    value = figure.value
    prefix = _QUALIFIERS.get(figure.qualifier or "", "")
    if value is None:
        return figure.text
    if figure.kind == "money" and isinstance(value, (int, float)):
        text = format_amount(float(value), figure.currency)
        if figure.high is not None:
            text += f" – {format_amount(figure.high)}"
        return prefix + text
    if figure.kind == "percent" and isinstance(value, (int, float)):
        unit = {"pp": " pp", "bp": " bp"}.get(figure.unit or "%", " %")
        sign = "-" if figure.direction == "down" and value > 0 else "+" if figure.direction == "up" else ""
        text = f"{sign}{value:.2f}{unit}" if figure.unit in (None, "%") else f"{sign}{value:g}{unit}"
        if figure.high is not None:
            text += f" – {figure.high:.2f}{unit}"
        return prefix + text
    if figure.kind == "multiple" and isinstance(value, (int, float)):
        return f"{value:g}x"
    if figure.kind == "period" and isinstance(value, str):
        return prefix + period_words(value)
    if isinstance(value, (int, float)):
        # A count ("8,000 shares", "3 million units"): the number as a person reads it, with
        # its unit word and its sign, not a float's repr ("8000.0").
        return prefix + format_count(float(value)) + (f" {figure.unit}" if figure.unit else "")
    return prefix + str(value)
