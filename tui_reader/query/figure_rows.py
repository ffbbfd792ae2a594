"""Key figures as the query language compares them: one flat row per figure.

The store keeps these rows in `article_figures` (indexed by kind and amount) and the
Python evaluator derives the same rows from an `Article`, so both answer a query the
same way: one definition of what `pct`, `pp` and `money` mean.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from tui_reader.model import KeyFigure


class FigureRow(NamedTuple):
    kind: str
    amount: float | None
    """money: the full amount; percent: signed (a fall is negative), in % for unit `%`
    and in percentage points for `pp` and `bp` (150 bp = 1.5); multiple: the factor."""
    currency: str | None
    unit: str | None
    """percent only: `%` or `pp` (basis points are converted to pp)."""
    day: str | None
    """date only: the ISO calendar day."""


def figure_rows(figures: Iterable[KeyFigure]) -> list[FigureRow]:
    rows = []
    for figure in figures:
        value = figure.value
        if figure.kind == "date":
            rows.append(FigureRow("date", None, None, None, value if isinstance(value, str) else None))
            continue
        amount = float(value) if isinstance(value, (int, float)) else None
        unit = None
        if figure.kind == "percent":
            unit = "%" if figure.unit in (None, "%") else "pp"
            if amount is not None:
                if figure.unit == "bp":
                    amount /= 100
                if figure.direction == "down":
                    amount = -abs(amount)
        rows.append(FigureRow(figure.kind, amount, figure.currency if figure.kind == "money" else None, unit, None))
    return rows
