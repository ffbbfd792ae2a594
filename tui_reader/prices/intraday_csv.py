"""Intraday bars from `prices/<SYMBOL>.intraday.csv`, next to a seed folder's daily CSVs.

The layout is what yfinance writes for intraday history (`Ticker.history(interval="5m")
.to_csv()`): a `Datetime` column with the exchange's UTC offset
(`2026-11-20 09:30:00-05:00`) and a `Close` column; `Date` is accepted for the first.
A time without an offset is refused row by row: which hour it means is a guess, and a
reaction measured from a guessed hour is wrong by exactly the thing it measures. The
bar length is not stated in the file, so it is the most common gap between bars.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from tui_reader.prices.csvfiles import BadCsv
from tui_reader.prices.intraday import Bar, infer_interval

SUFFIX = ".intraday.csv"


@dataclass(frozen=True, slots=True)
class IntradayCsv:
    path: Path
    interval: int
    """Bar length in seconds."""
    bars: list[Bar]
    """Ascending by start, one per start."""
    warnings: list[str] = field(default_factory=list)


def read_intraday_csv(path: Path) -> IntradayCsv:
    """Parse one file (cached on path, size and mtime); raises `BadCsv` when nothing usable."""
    stat = path.stat()
    return _read_cached(path.resolve(), stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=16)
def _read_cached(path: Path, size: int, mtime_ns: int) -> IntradayCsv:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadCsv(path, f"not a UTF-8 text file ({exc.reason})") from None
    return parse_intraday_text(text, path)


def parse_intraday_text(text: str, path: Path) -> IntradayCsv:
    header: dict[str, int] | None = None
    by_start: dict[int, float] = {}
    warnings: list[str] = []
    for line_no, row in enumerate(csv.reader(text.splitlines()), start=1):
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = {cell.strip().casefold(): i for i, cell in enumerate(row)}
            if "close" not in header or not ({"datetime", "date"} & header.keys()):
                raise BadCsv(path, "no Datetime and Close columns in the header (the layout yfinance writes)")
            continue
        problem = _parse_row(row, header, by_start)
        if problem:
            warnings.append(f"line {line_no}: {problem}")
    if header is None:
        raise BadCsv(path, "empty file")
    starts = sorted(by_start)
    interval = infer_interval(starts)
    if interval is None:
        raise BadCsv(path, "fewer than two bars a session apart" + (f" ({len(warnings)} rows skipped)" if warnings else ""))
    return IntradayCsv(path, interval, [Bar(start, by_start[start]) for start in starts], warnings)


def _parse_row(row: list[str], header: dict[str, int], by_start: dict[int, float]) -> str | None:
    def cell(name: str) -> str:
        i = header.get(name)
        return row[i].strip() if i is not None and i < len(row) else ""

    raw = cell("datetime") or cell("date")
    try:
        moment = datetime.fromisoformat(raw)
    except ValueError:
        return f"time {raw!r} is not an ISO date and time"
    if moment.tzinfo is None:
        return f"time {raw!r} has no UTC offset"
    try:
        close = float(cell("close"))
    except ValueError:
        close = math.nan
    if not math.isfinite(close) or close <= 0:
        return f"close {cell('close')!r} is not a positive number"
    by_start[int(moment.timestamp())] = close
    return None
