"""Sources and their polling state: which feeds and seed folders the store knows, and
what each poll of one left (validators, errors, the next poll's time).

Apart from `database.py` because it is one idea's SQL: `Store.save_polls` commits a
poll's articles (`writes.upsert`) and `record_poll` for its source in one transaction,
so the validators never get ahead of the items they cover.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from tui_reader.store.prepared import Prepared, ts
from tui_reader.store.queries import from_ts

SourceKind = Literal["feed", "seeds"]


@dataclass(slots=True)
class SourceState:
    key: str
    """Feed URL or seed folder path."""
    kind: SourceKind
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    last_poll: datetime | None = None
    last_error: str | None = None
    next_poll: datetime | None = None
    failures: int = 0
    """Consecutive failed polls: the feeds module grows its back-off from it."""
    article_count: int = 0


@dataclass(slots=True)
class PollOutcome:
    """What one poll of one source brought, as `save_polls` records it."""

    key: str
    items: Sequence[Prepared]
    """`prepare`d articles (the feed poller prepares them in its worker processes)."""
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    next_poll: datetime | None = None
    failures: int = 0
    title: str | None = None


def guess_kind(key: str) -> SourceKind:
    return "feed" if key.startswith(("http://", "https://", "file://")) else "seeds"


def ensure_source(db: sqlite3.Connection, key: str, title: str | None) -> None:
    db.execute(
        "INSERT INTO sources(key, kind, title) VALUES (?, ?, ?) "
        "ON CONFLICT(key) DO UPDATE SET title = coalesce(excluded.title, title)",
        (key, guess_kind(key), title),
    )


def record_poll(db: sqlite3.Connection, outcome: PollOutcome, now: float) -> None:
    """The source's state after this poll. Without an error the validators the server
    sent (on 304, the ones it confirmed) replace the stored ones; with an error the
    stored ones are kept, so the next poll can still be conditional."""
    o = outcome
    if o.error is None:
        db.execute(
            "UPDATE sources SET etag = ?, last_modified = ?, last_poll = ?, last_error = NULL, "
            "next_poll = ?, failures = ? WHERE key = ?",
            (o.etag, o.last_modified, now, ts(o.next_poll), o.failures, o.key),
        )
    else:
        db.execute(
            "UPDATE sources SET last_poll = ?, last_error = ?, next_poll = ?, failures = ? WHERE key = ?",
            (now, o.error, ts(o.next_poll), o.failures, o.key),
        )


def source_states(db: sqlite3.Connection) -> list[SourceState]:
    rows = db.execute(
        "SELECT s.key, s.kind, s.title, s.etag, s.last_modified, s.last_poll, s.last_error, "
        "s.next_poll, s.failures, "
        "(SELECT count(*) FROM article_sources x WHERE x.source_key = s.key) "
        "FROM sources s ORDER BY s.key"
    ).fetchall()
    return [
        SourceState(key, kind, title, etag, modified, from_ts(last), error, from_ts(nxt), failures, count)
        for key, kind, title, etag, modified, last, error, nxt, failures, count in rows
    ]
