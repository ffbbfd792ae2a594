"""The key figures an article states: money, percentages, dates, multiples, periods.

Our own extractor of precompiled regexes, because the general libraries get finance
text wrong (quantulum3 reads "bn" as barn and drops currencies; dateparser turns
"$53" into the year 2053) and because it has to be fast: figures get about 100 µs of
the per-article budget (see benchmarks/figures_rate.py). Each kind has one regex
pass (figures_amounts, figures_dates, figures_periods); this module merges what they
found into one non-overlapping list and attaches each figure's sentence.
"""

from __future__ import annotations

import re
from datetime import datetime

from tui_reader.extract.figures_amounts import money, percents
from tui_reader.extract.figures_context import context_of, sentence_starts
from tui_reader.extract.figures_dates import dates
from tui_reader.extract.figures_numbers import Found
from tui_reader.extract.figures_periods import multiples, periods
from tui_reader.model import KeyFigure

_URL = re.compile(r"(?:https?://|www\.)\S+")
_RANK = {"date": 0, "money": 1, "percent": 2, "period": 3, "multiple": 4}
"""Which kind wins when two figures claim the same characters and are equally long."""


def find_figures(body: str, published: datetime | None) -> list[KeyFigure]:
    """Every key figure in `body`, sorted by position, none overlapping another.

    `published` resolves dates written without a year; without it such dates are
    left out rather than guessed.
    """
    found = [*money(body), *percents(body), *dates(body, published), *periods(body),
             *multiples(body)]
    if not found:
        return []
    kept = _without_overlaps(found)
    if "://" in body or "www." in body:
        kept = _outside_urls(body, kept)
    starts = sentence_starts(body)
    return [
        KeyFigure(f.kind, body[f.start:f.end], f.value, f.start, f.end,
                  context_of(body, starts, f.start, f.end), f.currency, f.qualifier,
                  f.unit, f.direction, f.high)
        for f in kept
    ]


def _without_overlaps(found: list[Found]) -> list[Found]:
    """Sorted by start; of two overlapping figures the longer (then higher-ranked) stays."""
    found.sort(key=lambda f: (f.start, f.start - f.end))
    kept: list[Found] = []
    for figure in found:
        if kept and figure.start < kept[-1].end:
            last = kept[-1]
            if (figure.end - figure.start, -_RANK[figure.kind]) > (last.end - last.start,
                                                                   -_RANK[last.kind]):
                kept[-1] = figure
            continue
        kept.append(figure)
    return kept


def _outside_urls(body: str, found: list[Found]) -> list[Found]:
    """Drop figures inside links: "…/2026/02/19/up-50-percent" states nothing."""
    spans = [m.span() for m in _URL.finditer(body)]
    return [f for f in found if not any(s < f.end and f.start < e for s, e in spans)]
