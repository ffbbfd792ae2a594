"""The price and symbol caches: daily closes per Yahoo symbol, and ISIN searches' answers.

Kept in the store so charts work offline with what was fetched before, and so an
ISIN search (a slow, rate-limited call) is made once, whatever it found. Functions
take an open connection; `Store` holds its lock or transaction around each call.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from tui_reader.model import PricePoint


@dataclass(slots=True)
class CachedSeries:
    symbol: str
    currency: str | None
    source: str
    """Where the closes came from: "yahoo" or "csv"."""
    fetched_at: datetime
    points: list[PricePoint]


@dataclass(slots=True)
class CachedSymbol:
    isin: str
    symbol: str | None
    """None records that the lookup was made and found nothing, so it is not repeated."""
    currency: str | None
    resolved_at: datetime


def cached_prices(db: sqlite3.Connection, symbol: str) -> CachedSeries | None:
    head = db.execute("SELECT currency, source, fetched_at FROM price_series WHERE symbol = ?", (symbol,)).fetchone()
    if head is None:
        return None
    points = db.execute("SELECT day, close FROM prices WHERE symbol = ? ORDER BY day", (symbol,)).fetchall()
    currency, source, fetched_at = head
    return CachedSeries(
        symbol, currency, source, datetime.fromtimestamp(fetched_at, tz=UTC),
        [PricePoint(date.fromisoformat(day), close) for day, close in points],
    )


def save_prices(
    db: sqlite3.Connection, symbol: str, points: Sequence[PricePoint], currency: str | None, source: str, now: float
) -> None:
    db.execute(
        "INSERT INTO price_series(symbol, currency, source, fetched_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(symbol) DO UPDATE SET currency = coalesce(excluded.currency, currency), "
        "source = excluded.source, fetched_at = excluded.fetched_at",
        (symbol, currency, source, now),
    )
    db.executemany(
        "INSERT OR REPLACE INTO prices(symbol, day, close) VALUES (?, ?, ?)",
        [(symbol, p.day.isoformat(), float(p.close)) for p in points],
    )


def cached_symbol(db: sqlite3.Connection, isin: str) -> CachedSymbol | None:
    row = db.execute("SELECT isin, symbol, currency, resolved_at FROM symbols WHERE isin = ?", (isin,)).fetchone()
    if row is None:
        return None
    return CachedSymbol(row[0], row[1], row[2], datetime.fromtimestamp(row[3], tz=UTC))


def save_symbol(db: sqlite3.Connection, isin: str, symbol: str | None, currency: str | None, now: float) -> None:
    db.execute(
        "INSERT OR REPLACE INTO symbols(isin, symbol, currency, resolved_at) VALUES (?, ?, ?, ?)",
        (isin, symbol, currency, now),
    )


@dataclass(slots=True)
class CachedIntraday:
    symbol: str
    interval: int
    """Bar length in seconds."""
    source: str
    fetched_at: datetime
    bars: list[tuple[int, float]]
    """(bar start in unix seconds, close), ascending."""


def cached_intraday(db: sqlite3.Connection, symbol: str, interval: int) -> CachedIntraday | None:
    head = db.execute(
        "SELECT source, fetched_at FROM intraday_series WHERE symbol = ? AND interval = ?", (symbol, interval)
    ).fetchone()
    if head is None:
        return None
    bars = db.execute(
        "SELECT start, close FROM intraday_bars WHERE symbol = ? AND interval = ? ORDER BY start", (symbol, interval)
    ).fetchall()
    return CachedIntraday(symbol, interval, head[0], datetime.fromtimestamp(head[1], tz=UTC), bars)


def save_intraday(
    db: sqlite3.Connection, symbol: str, interval: int, bars: Sequence[tuple[int, float]], source: str, now: float
) -> None:
    """Merge the bars into the cached series (new bars added, known ones replaced)."""
    db.execute(
        "INSERT INTO intraday_series(symbol, interval, source, fetched_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(symbol, interval) DO UPDATE SET source = excluded.source, fetched_at = excluded.fetched_at",
        (symbol, interval, source, now),
    )
    db.executemany(
        "INSERT OR REPLACE INTO intraday_bars(symbol, interval, start, close) VALUES (?, ?, ?, ?)",
        [(symbol, interval, int(start), float(close)) for start, close in bars],
    )
