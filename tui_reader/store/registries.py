"""Registries learned online and kept in the store: the SEC's list of US registrants.

A registry is downloaded rarely (weekly) and used on every start, online or not, so the
store keeps its rows and when it was last fetched or tried. Functions take an open
connection; `Store` holds its lock or transaction around each call.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from tui_reader.store.queries import from_ts

Registrant = tuple[str, int, str]
"""(ticker, CIK, name) in the list's order."""


@dataclass(frozen=True, slots=True)
class RegistryState:
    fetched_at: float | None
    """Unix time of the last successful download; None: never."""
    tried_at: float
    error: str | None
    """Why the last try failed; None when it worked."""

    @property
    def fetched(self) -> str:
        moment = from_ts(self.fetched_at)
        return moment.date().isoformat() if moment else "never"


def registry_state(db: sqlite3.Connection, name: str) -> RegistryState | None:
    row = db.execute("SELECT fetched_at, tried_at, error FROM registries WHERE name = ?", (name,)).fetchone()
    return RegistryState(*row) if row else None


SEC = "sec"
"""The registry `registrants` holds."""


def replace_registrants(db: sqlite3.Connection, rows: Sequence[Registrant], now: float) -> None:
    """The whole list replaces the stored one (a delisted ticker goes), in the caller's transaction."""
    db.execute("DELETE FROM registrants")
    db.executemany(
        "INSERT OR IGNORE INTO registrants(ticker, cik, name, position) VALUES (?, ?, ?, ?)",
        [(ticker, cik, name, position) for position, (ticker, cik, name) in enumerate(rows)],
    )
    db.execute(
        "INSERT INTO registries(name, fetched_at, tried_at, error) VALUES (?, ?, ?, NULL) "
        "ON CONFLICT(name) DO UPDATE SET fetched_at = excluded.fetched_at, tried_at = excluded.tried_at, error = NULL",
        (SEC, now, now),
    )


def note_failure(db: sqlite3.Connection, name: str, error: str, now: float) -> None:
    """Remember a failed download (and keep the rows of the last good one)."""
    db.execute(
        "INSERT INTO registries(name, fetched_at, tried_at, error) VALUES (?, NULL, ?, ?) "
        "ON CONFLICT(name) DO UPDATE SET tried_at = excluded.tried_at, error = excluded.error",
        (name, now, error),
    )


def registrants(db: sqlite3.Connection) -> list[Registrant]:
    return db.execute("SELECT ticker, cik, name FROM registrants ORDER BY position").fetchall()
