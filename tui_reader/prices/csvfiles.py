"""Daily price CSVs in the Yahoo Finance export layout, found inside seed folders.

They are what makes charts work offline: a seed folder may carry `prices/<SYMBOL>.csv`
next to its articles. Files come from many hands (Yahoo's "Download" button, scripts,
spreadsheets), so the reader is lenient about layout (missing Adj Close, blank lines,
no final newline, a BOM, column order) and strict about values: a row it cannot trust
is skipped and reported, never guessed.
"""

from __future__ import annotations

import csv
import logging
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from tui_reader.model import PricePoint

log = logging.getLogger(__name__)

PRICES_FOLDER = "prices"


class BadCsv(Exception):
    """The file holds no usable daily closes; `reason` is shown to the user."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True, slots=True)
class CsvSeries:
    path: Path
    points: list[PricePoint]
    """Ascending by day, one close per day."""
    warnings: list[str] = field(default_factory=list)
    """Rows that were skipped and why ("line 12: close 'n/a' is not a number")."""


def is_holiday_stub(open_: float | None, high: float | None, low: float | None, close: float, volume: float | None) -> bool:
    """Yahoo emits zero-volume rows with O=H=L=C on exchange holidays and half-day stubs
    (9988.HK has nine); they are not trading days and would distort "N trading days" moves."""
    return volume == 0 and open_ == high == low == close


def find_csv(symbol: str, seed_dirs: Iterable[Path], suffix: str = ".csv") -> Path | None:
    """`prices/<SYMBOL>.csv` in the first seed folder that has one; the stem matches
    case-insensitively so `9988.hk.csv` and `baba.CSV` are found too. `suffix`
    `.intraday.csv` finds the intraday bars kept next to the daily closes."""
    wanted = f"{symbol}{suffix}".casefold()
    for seed_dir in seed_dirs:
        folder = Path(seed_dir) / PRICES_FOLDER
        if not folder.is_dir():
            continue
        for candidate in sorted(folder.iterdir()):
            if candidate.name.casefold() == wanted and candidate.is_file():
                return candidate
    return None


def read_csv(path: Path) -> CsvSeries:
    """Parse one file; cached on (path, size, mtime) because the UI asks for the same
    series for every article about an instrument. Raises `BadCsv` when nothing usable."""
    stat = path.stat()
    return _read_csv_cached(path.resolve(), stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=32)
def _read_csv_cached(path: Path, size: int, mtime_ns: int) -> CsvSeries:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadCsv(path, f"not a UTF-8 text file ({exc.reason})") from None
    return parse_csv_text(text, path)


def parse_csv_text(text: str, path: Path) -> CsvSeries:
    rows = csv.reader(text.splitlines())
    header: dict[str, int] | None = None
    by_day: dict[date, float] = {}
    warnings: list[str] = []
    for line_no, row in enumerate(rows, start=1):
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = {cell.strip().casefold(): i for i, cell in enumerate(row)}
            if "date" not in header or "close" not in header:
                raise BadCsv(path, "no Date and Close columns in the header (expected the Yahoo layout Date,Open,High,Low,Close,Adj Close,Volume)")
            continue
        problem = _parse_row(row, header, by_day)
        if problem:
            warnings.append(f"line {line_no}: {problem}")
    if header is None:
        raise BadCsv(path, "empty file")
    if not by_day:
        raise BadCsv(path, "no valid rows" + (f" ({len(warnings)} skipped)" if warnings else ""))
    for warning in warnings:
        log.warning("%s: %s", path, warning)
    points = [PricePoint(day, close) for day, close in sorted(by_day.items())]
    return CsvSeries(path, points, warnings)


def _parse_row(row: list[str], header: dict[str, int], by_day: dict[date, float]) -> str | None:
    """Adds the row's close to `by_day`; returns why it was skipped, or None.
    Holiday stubs are skipped silently: they are data, not damage."""

    def cell(name: str) -> str | None:
        i = header.get(name)
        return row[i].strip() if i is not None and i < len(row) else None

    raw_day = cell("date")
    try:
        # "2024-04-01" or "2024-04-01 00:00:00+00:00": the trading day is the date part.
        day = date.fromisoformat((raw_day or "")[:10])
    except ValueError:
        return f"date {raw_day!r} is not YYYY-MM-DD"
    close = _number(cell("close"))
    if close is None or close <= 0:
        return f"close {cell('close')!r} is not a positive number"
    if is_holiday_stub(_number(cell("open")), _number(cell("high")), _number(cell("low")), close, _number(cell("volume"))):
        return None
    duplicate = day in by_day
    by_day[day] = close
    return f"{day} appears twice; the later row wins" if duplicate else None


def _number(text: str | None) -> float | None:
    if text is None or text == "":
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None
