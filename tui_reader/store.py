"""The one SQLite file everything is kept in: articles, their sources, the price cache.

One module owns the schema so migrations stay in one ordered list. The file runs in
WAL mode and every write is one explicit transaction, so a process killed at any
moment leaves either the whole batch or none of it. The UI's worker threads share one
`Store`: the connection is opened with `check_same_thread=False` and every call holds
an internal lock, because an sqlite3 connection must not be used by two threads at once.

Story de-duplication: an article seen again under its id updates nothing (or updates
in place when its content changed, keeping read/starred); a new id whose story is
already stored — same normalised title within two days, or the same body fingerprint —
is recorded as one more source of that story instead of a new article.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Literal

from tui_reader import store_queries as queries
from tui_reader.model import Article, Instrument, KeyFigure, PricePoint
from tui_reader.store_queries import (
    ArticleSummary,
    Counts,
    InstrumentSummary,
    chunks,
    fts_query,
    from_ts,
    normalise_text,
    symbol_forms,
)

__all__ = [
    "ArticleSummary",
    "CachedSeries",
    "CachedSymbol",
    "Counts",
    "InstrumentSummary",
    "SCHEMA_VERSION",
    "SourceState",
    "Store",
    "StoreError",
    "fts_query",
]

SourceKind = Literal["feed", "seeds"]

STORY_WINDOW_SECONDS = 24 * 3600
"""Two feeds carrying one story publish it within a day of each other; a longer window
would merge a recurring column ("Stocks to watch this week …") with its next issue."""
_MIN_TITLE_WORDS = 3
"""Shorter titles ("Markets", "Update") are too generic to identify a story."""
_FINGERPRINT_CHARS = 500
_MIN_FINGERPRINT_CHARS = 200
"""Bodies shorter than this (feed teasers) are not distinctive enough to fingerprint."""


class StoreError(Exception):
    """The store file cannot be used (not a database, written by a newer version)."""


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


_MIGRATIONS: list[str] = [
    # 1: the initial schema.
    """
    CREATE TABLE sources (
        key TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('feed', 'seeds')),
        title TEXT,
        etag TEXT,
        last_modified TEXT,
        last_poll REAL,
        last_error TEXT,
        next_poll REAL,
        failures INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE articles (
        n INTEGER PRIMARY KEY,          -- stable rowid for the FTS index
        id TEXT NOT NULL UNIQUE,
        source_key TEXT NOT NULL REFERENCES sources(key),
        source TEXT NOT NULL,
        url TEXT,
        path TEXT,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        published TEXT,                 -- ISO 8601 with the source's own offset
        sort_ts REAL NOT NULL,          -- published, else fetched, as unix time
        fetched REAL NOT NULL,
        read INTEGER NOT NULL DEFAULT 0,
        starred INTEGER NOT NULL DEFAULT 0,
        title_key TEXT,
        body_key TEXT,
        content_hash TEXT NOT NULL,
        primary_ticker TEXT,
        primary_isin TEXT,
        primary_name TEXT,
        figures TEXT NOT NULL DEFAULT '[]',
        removed TEXT NOT NULL DEFAULT '[]'
    );
    CREATE INDEX articles_sort ON articles(sort_ts);
    CREATE INDEX articles_unread ON articles(sort_ts) WHERE read = 0;
    CREATE INDEX articles_starred ON articles(sort_ts) WHERE starred = 1;
    CREATE INDEX articles_title_key ON articles(title_key) WHERE title_key IS NOT NULL;
    CREATE INDEX articles_body_key ON articles(body_key) WHERE body_key IS NOT NULL;

    -- Every (source, item id) that carried a story, the article's own id included.
    CREATE TABLE article_sources (
        item_id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        source_key TEXT NOT NULL REFERENCES sources(key),
        source TEXT NOT NULL,
        url TEXT,
        seen REAL NOT NULL
    );
    CREATE INDEX article_sources_article ON article_sources(article_id);
    CREATE INDEX article_sources_source ON article_sources(source_key);

    CREATE TABLE article_instruments (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        key TEXT NOT NULL,
        isin TEXT,
        ticker TEXT,
        symbol TEXT,                    -- upper-cased ticker, for case-blind lookup
        symbol_base TEXT,               -- without the exchange suffix: SAP.DE -> SAP
        name TEXT,
        exchange TEXT,
        currency TEXT,
        is_primary INTEGER NOT NULL,
        mentions INTEGER NOT NULL,
        sort_ts REAL NOT NULL,          -- copy of the article's, for ordered scans by key
        PRIMARY KEY (article_id, position)
    ) WITHOUT ROWID;
    CREATE INDEX article_instruments_key ON article_instruments(key, sort_ts);
    CREATE INDEX article_instruments_isin ON article_instruments(isin);
    CREATE INDEX article_instruments_symbol ON article_instruments(symbol);
    CREATE INDEX article_instruments_symbol_base ON article_instruments(symbol_base);

    -- Kept up to date by every write so the instrument list paints without a GROUP BY.
    CREATE TABLE instrument_stats (
        key TEXT PRIMARY KEY,
        isin TEXT,
        ticker TEXT,
        name TEXT,
        total INTEGER NOT NULL,
        unread INTEGER NOT NULL,
        latest REAL
    );
    CREATE INDEX instrument_stats_latest ON instrument_stats(latest);

    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, body, content='articles', content_rowid='n',
        tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, body) VALUES (new.n, new.title, new.body);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body)
        VALUES ('delete', old.n, old.title, old.body);
    END;
    CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body)
        VALUES ('delete', old.n, old.title, old.body);
        INSERT INTO articles_fts(rowid, title, body) VALUES (new.n, new.title, new.body);
    END;

    CREATE TABLE price_series (
        symbol TEXT PRIMARY KEY,
        currency TEXT,
        source TEXT NOT NULL,
        fetched_at REAL NOT NULL
    );
    CREATE TABLE prices (
        symbol TEXT NOT NULL REFERENCES price_series(symbol) ON DELETE CASCADE,
        day TEXT NOT NULL,
        close REAL NOT NULL,
        PRIMARY KEY (symbol, day)
    ) WITHOUT ROWID;
    CREATE TABLE symbols (
        isin TEXT PRIMARY KEY,
        symbol TEXT,
        currency TEXT,
        resolved_at REAL NOT NULL
    );
    """,
    # 2: `articles(source=...)` also matches the source's display name.
    """
    CREATE INDEX article_sources_name ON article_sources(source);
    """,
]
SCHEMA_VERSION = len(_MIGRATIONS)

def _title_key(title: str) -> str | None:
    norm = normalise_text(title)
    return norm if len(norm.split()) >= _MIN_TITLE_WORDS else None


def _body_key(body: str) -> str | None:
    # Normalising a generous prefix, not the whole body, keeps big batches fast.
    norm = normalise_text(body[: _FINGERPRINT_CHARS * 3 // 2])
    if len(norm) < _MIN_FINGERPRINT_CHARS:
        return None
    data = norm[:_FINGERPRINT_CHARS].encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=12).hexdigest()


def _ts(moment: datetime | None) -> float | None:
    if moment is None:
        return None
    if moment.tzinfo is None:  # a source gave a naive time: read it as UTC, not local
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


def _published_text(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).isoformat()


_FIGURE_FIELDS = tuple(f.name for f in fields(KeyFigure))


def _figure_json(figure: KeyFigure) -> dict[str, object]:
    return {name: getattr(figure, name) for name in _FIGURE_FIELDS}


def _unique_instruments(instruments: Sequence[Instrument]) -> list[Instrument]:
    """One row per instrument key: the extractor may list a company under two spellings."""
    seen: set[str] = set()
    out = []
    for instrument in instruments:
        if instrument.key and instrument.key not in seen:
            seen.add(instrument.key)
            out.append(instrument)
    return out


@dataclass(slots=True)
class _Incoming:
    """An article with the derived values the write path needs, computed once."""

    article: Article
    content_hash: str
    sort_ts: float
    instruments: list[Instrument]
    figures: str
    removed: str
    title_key: str | None = None
    body_key: str | None = None
    """The story keys are filled only for articles not already stored unchanged:
    normalising text is the costliest step of a poll that brings nothing new."""

    def fill_story_keys(self) -> None:
        self.title_key = _title_key(self.article.title)
        self.body_key = _body_key(self.article.body)


def _prepare(article: Article, now: float) -> _Incoming:
    instruments = _unique_instruments(article.instruments)
    figures = json.dumps([_figure_json(f) for f in article.figures], ensure_ascii=False)
    removed = json.dumps(list(article.removed), ensure_ascii=False)
    published = _published_text(article.published)
    # repr of the frozen Instrument dataclasses covers every field, mentions included.
    parts = (article.source, article.title, article.body, article.url, article.path,
             published, figures, removed, repr(instruments))
    content = "\x1f".join(part or "" for part in parts).encode("utf-8", "surrogatepass")
    content_hash = hashlib.blake2b(content, digest_size=16).hexdigest()
    published_ts = _ts(article.published)
    return _Incoming(
        article=article,
        content_hash=content_hash,
        sort_ts=published_ts if published_ts is not None else now,
        instruments=instruments,
        figures=figures,
        removed=removed,
    )


def _same_story(a_ts: float, a_dated: bool, b_ts: float, b_dated: bool) -> bool:
    return not (a_dated and b_dated) or abs(a_ts - b_ts) <= STORY_WINDOW_SECONDS


class Store:
    """The article store and price cache; see the module docstring for the guarantees."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self._lock = threading.RLock()
        self.path = path

    @classmethod
    def open(cls, path: Path) -> Store:
        path = Path(path).expanduser()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # timeout: wait for another process's write (the CLI's fetch beside the TUI).
            db = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=10)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"{path}: cannot open ({exc})") from exc
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA foreign_keys=ON")
            store = cls(db, path)
            store._migrate()
        except sqlite3.DatabaseError as exc:  # "file is not a database", unreadable file
            db.close()
            raise StoreError(f"{path}: {exc}") from exc
        except StoreError:
            db.close()
            raise
        return store

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT under the lock; any exception rolls the whole batch back."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _migrate(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: written by a newer tui-reader (schema {version}, this one knows {SCHEMA_VERSION})"
            )
        for number, script in enumerate(_MIGRATIONS[version:], start=version + 1):
            with self._transaction() as db:
                for statement in _statements(script):
                    db.execute(statement)
                db.execute(f"PRAGMA user_version={number}")

    # -- sources ---------------------------------------------------------------------

    def ensure_source(self, key: str, kind: SourceKind, title: str | None = None) -> SourceState:
        with self._transaction() as db:
            self._ensure_source(db, key, kind, title)
        return next(s for s in self.source_states() if s.key == key)

    @staticmethod
    def _ensure_source(db: sqlite3.Connection, key: str, kind: SourceKind, title: str | None) -> None:
        db.execute(
            "INSERT INTO sources(key, kind, title) VALUES (?, ?, ?) "
            "ON CONFLICT(key) DO UPDATE SET title = coalesce(excluded.title, title)",
            (key, kind, title),
        )

    def source_states(self) -> list[SourceState]:
        with self._lock:
            rows = self._db.execute(
                "SELECT s.key, s.kind, s.title, s.etag, s.last_modified, s.last_poll, s.last_error, "
                "s.next_poll, s.failures, "
                "(SELECT count(*) FROM article_sources x WHERE x.source_key = s.key) "
                "FROM sources s ORDER BY s.key"
            ).fetchall()
        return [
            SourceState(key, kind, title, etag, modified, from_ts(last), error, from_ts(nxt), failures, count)
            for key, kind, title, etag, modified, last, error, nxt, failures, count in rows
        ]

    def save_poll(
        self,
        key: str,
        articles: Sequence[Article],
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        error: str | None = None,
        next_poll: datetime | None = None,
        failures: int = 0,
        title: str | None = None,
    ) -> int:
        """Store a poll's articles and the source's new polling state in one transaction.

        Pass the validators the server sent (on 304, the ones it confirmed): without an
        error they replace the stored ones; with an error the stored ones are kept, so
        the next poll can still be conditional. Returns how many articles were new.
        """
        now = time.time()
        with self._transaction() as db:
            self._ensure_source(db, key, _guess_kind(key), title)
            new = self._upsert(db, key, articles, now)
            if error is None:
                db.execute(
                    "UPDATE sources SET etag = ?, last_modified = ?, last_poll = ?, last_error = NULL, "
                    "next_poll = ?, failures = ? WHERE key = ?",
                    (etag, last_modified, now, _ts(next_poll), failures, key),
                )
            else:
                db.execute(
                    "UPDATE sources SET last_poll = ?, last_error = ?, next_poll = ?, failures = ? WHERE key = ?",
                    (now, error, _ts(next_poll), failures, key),
                )
        return new

    def upsert_articles(self, source_key: str, articles: Sequence[Article]) -> int:
        """Store articles of one source in one transaction; returns how many were new."""
        with self._transaction() as db:
            self._ensure_source(db, source_key, _guess_kind(source_key), None)
            return self._upsert(db, source_key, articles, time.time())

    def _upsert(self, db: sqlite3.Connection, source_key: str, articles: Sequence[Article], now: float) -> int:
        batch: dict[str, _Incoming] = {}
        for article in articles:  # the last copy of an id in one batch wins
            batch[article.id] = _prepare(article, now)
        if not batch:
            return 0
        known = self._known_items(db, list(batch))
        for item_id, incoming in batch.items():
            if item_id not in known or known[item_id][1] != incoming.content_hash:
                incoming.fill_story_keys()
        stories = self._candidate_stories(db, [i for k, i in batch.items() if k not in known])

        inserts: list[_Incoming] = []
        updates: list[_Incoming] = []
        carriers: list[tuple[str, str, Article]] = []  # (item id, story article id, article)
        for item_id, incoming in batch.items():
            if item_id in known:
                owner, stored_hash = known[item_id]
                if owner == item_id and stored_hash != incoming.content_hash:
                    updates.append(incoming)
                continue
            story = self._match_story(stories, incoming)
            if story is not None:
                carriers.append((item_id, story, incoming.article))
                continue
            inserts.append(incoming)
            carriers.append((item_id, item_id, incoming.article))
            dated = incoming.article.published is not None
            for story_key in (incoming.title_key, incoming.body_key):
                if story_key:
                    stories.setdefault(story_key, []).append((item_id, incoming.sort_ts, dated))

        db.executemany(
            "INSERT INTO articles(id, source_key, source, url, path, title, body, published, sort_ts, "
            "fetched, title_key, body_key, content_hash, primary_ticker, primary_isin, primary_name, "
            "figures, removed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [_insert_row(source_key, i, now) for i in inserts],
        )
        db.executemany(
            "UPDATE articles SET source = ?, url = ?, path = ?, title = ?, body = ?, published = ?, "
            "sort_ts = ?, title_key = ?, body_key = ?, content_hash = ?, primary_ticker = ?, "
            "primary_isin = ?, primary_name = ?, figures = ?, removed = ? WHERE id = ?",
            [_update_row(i) for i in updates],
        )
        db.executemany(
            "INSERT INTO article_sources(item_id, article_id, source_key, source, url, seen) VALUES (?, ?, ?, ?, ?, ?)",
            [(item, story, source_key, a.source, a.url, now) for item, story, a in carriers],
        )
        db.executemany(
            "UPDATE article_sources SET source = ?, url = ? WHERE item_id = ?",
            [(i.article.source, i.article.url, i.article.id) for i in updates],
        )
        changed = inserts + updates
        old_keys = self._instrument_keys(db, [i.article.id for i in updates])
        db.executemany("DELETE FROM article_instruments WHERE article_id = ?", [(i.article.id,) for i in updates])
        db.executemany(
            "INSERT INTO article_instruments(article_id, position, key, isin, ticker, symbol, symbol_base, "
            "name, exchange, currency, is_primary, mentions, sort_ts) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (i.article.id, pos, inst.key, inst.isin, inst.ticker, *symbol_forms(inst.ticker), inst.name,
                 inst.exchange, inst.currency, int(inst is _primary(i)), inst.mentions, i.sort_ts)
                for i in changed
                for pos, inst in enumerate(i.instruments)
            ],
        )
        self._refresh_stats(db, old_keys | {inst.key for i in changed for inst in i.instruments})
        return len(inserts)

    @staticmethod
    def _known_items(db: sqlite3.Connection, ids: list[str]) -> dict[str, tuple[str, str]]:
        """item id → (article id it belongs to, that article's content hash)."""
        known: dict[str, tuple[str, str]] = {}
        for chunk in chunks(ids):
            marks = ",".join("?" * len(chunk))
            for item, owner, content_hash in db.execute(
                "SELECT s.item_id, s.article_id, a.content_hash FROM article_sources s "
                f"JOIN articles a ON a.id = s.article_id WHERE s.item_id IN ({marks})",
                chunk,
            ):
                known[item] = (owner, content_hash)
        return known

    @staticmethod
    def _candidate_stories(
        db: sqlite3.Connection, incoming: list[_Incoming]
    ) -> dict[str, list[tuple[str, float, bool]]]:
        """Stored articles sharing a title or body key with the batch: key → [(id, sort_ts, dated)]."""
        stories: dict[str, list[tuple[str, float, bool]]] = {}
        for column, keys in (
            ("title_key", sorted({i.title_key for i in incoming if i.title_key})),
            ("body_key", sorted({i.body_key for i in incoming if i.body_key})),
        ):
            for chunk in chunks(keys):
                marks = ",".join("?" * len(chunk))
                for story_key, article_id, sort_ts, dated in db.execute(
                    f"SELECT {column}, id, sort_ts, published IS NOT NULL FROM articles "
                    f"WHERE {column} IN ({marks})",
                    chunk,
                ):
                    stories.setdefault(story_key, []).append((article_id, sort_ts, bool(dated)))
        return stories

    @staticmethod
    def _match_story(stories: dict[str, list[tuple[str, float, bool]]], incoming: _Incoming) -> str | None:
        """The stored story this article repeats: same body opening, else same title, and
        published within the window (undated articles match on the keys alone)."""
        dated = incoming.article.published is not None
        for story_key in (incoming.body_key, incoming.title_key):
            for article_id, sort_ts, other_dated in stories.get(story_key or "", ()):
                if _same_story(incoming.sort_ts, dated, sort_ts, other_dated):
                    return article_id
        return None

    @staticmethod
    def _instrument_keys(db: sqlite3.Connection, article_ids: list[str]) -> set[str]:
        keys: set[str] = set()
        for chunk in chunks(article_ids):
            marks = ",".join("?" * len(chunk))
            keys.update(k for (k,) in db.execute(
                f"SELECT key FROM article_instruments WHERE article_id IN ({marks})", chunk
            ))
        return keys

    @staticmethod
    def _refresh_stats(db: sqlite3.Connection, keys: set[str]) -> None:
        """Recount the instrument list rows these keys appear in (all of them, never deltas)."""
        for chunk in chunks(sorted(keys)):
            marks = ",".join("?" * len(chunk))
            db.execute(f"DELETE FROM instrument_stats WHERE key IN ({marks})", chunk)
            # SQLite takes the bare columns from the row holding max(): the latest spelling wins.
            db.execute(
                "INSERT INTO instrument_stats(key, isin, ticker, name, latest, total, unread) "
                "SELECT i.key, i.isin, i.ticker, i.name, max(i.sort_ts), count(*), sum(a.read = 0) "
                "FROM article_instruments i JOIN articles a ON a.id = i.article_id "
                f"WHERE i.key IN ({marks}) GROUP BY i.key",
                chunk,
            )

    # -- read and starred ------------------------------------------------------------

    def set_read(self, article_id: str, read: bool = True) -> None:
        with self._transaction() as db:
            changed = db.execute(
                "UPDATE articles SET read = ? WHERE id = ? AND read != ?", (int(read), article_id, int(read))
            ).rowcount
            if changed:
                db.execute(
                    "UPDATE instrument_stats SET unread = unread + ? "
                    "WHERE key IN (SELECT key FROM article_instruments WHERE article_id = ?)",
                    (-1 if read else 1, article_id),
                )

    def set_starred(self, article_id: str, starred: bool = True) -> None:
        with self._transaction() as db:
            db.execute("UPDATE articles SET starred = ? WHERE id = ?", (int(starred), article_id))

    # -- articles (queries in store_queries.py) -------------------------------------

    def article(self, article_id: str) -> Article | None:
        """The full article; an id that was merged into another story returns that story."""
        with self._lock:
            return queries.load_article(self._db, article_id)

    def articles(
        self,
        *,
        instrument: str | None = None,
        ticker: str | None = None,
        isin: str | None = None,
        query: str | None = None,
        source: str | None = None,
        unread_only: bool = False,
        starred_only: bool = False,
        limit: int = 500,
        offset: int = 0,
    ) -> list[ArticleSummary]:
        """Newest first (published, else fetched). `instrument` is an instrument key;
        `ticker` matches case-blind, with or without the Yahoo exchange suffix, and also
        takes an ISIN; `source` is a source key or a source name; `query` is user text
        for the full-text index (never FTS syntax)."""
        with self._lock:
            return queries.list_articles(
                self._db, instrument=instrument, ticker=ticker, isin=isin, query=query, source=source,
                unread_only=unread_only, starred_only=starred_only, limit=limit, offset=offset,
            )

    def instruments_of(self, article_ids: Sequence[str]) -> dict[str, list[Instrument]]:
        """Every instrument of each listed article, primary first: for JSON output of a page."""
        with self._lock:
            return queries.instruments_of(self._db, article_ids)

    def instruments(self) -> list[InstrumentSummary]:
        """Instruments with news, most recent news first."""
        with self._lock:
            return queries.instrument_summaries(self._db)

    def counts(self) -> Counts:
        with self._lock:
            return queries.counts(self._db)

    # -- price and symbol cache ------------------------------------------------------

    def cached_prices(self, symbol: str) -> CachedSeries | None:
        with self._lock:
            head = self._db.execute(
                "SELECT currency, source, fetched_at FROM price_series WHERE symbol = ?", (symbol,)
            ).fetchone()
            if head is None:
                return None
            points = self._db.execute(
                "SELECT day, close FROM prices WHERE symbol = ? ORDER BY day", (symbol,)
            ).fetchall()
        currency, source, fetched_at = head
        return CachedSeries(
            symbol, currency, source, datetime.fromtimestamp(fetched_at, tz=UTC),
            [PricePoint(date.fromisoformat(day), close) for day, close in points],
        )

    def save_prices(self, symbol: str, points: Sequence[PricePoint], *, currency: str | None, source: str) -> None:
        """Merge the closes into the cached series (new days added, known days replaced)."""
        with self._transaction() as db:
            db.execute(
                "INSERT INTO price_series(symbol, currency, source, fetched_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(symbol) DO UPDATE SET currency = coalesce(excluded.currency, currency), "
                "source = excluded.source, fetched_at = excluded.fetched_at",
                (symbol, currency, source, time.time()),
            )
            db.executemany(
                "INSERT OR REPLACE INTO prices(symbol, day, close) VALUES (?, ?, ?)",
                [(symbol, p.day.isoformat(), float(p.close)) for p in points],
            )

    def cached_symbol(self, isin: str) -> CachedSymbol | None:
        with self._lock:
            row = self._db.execute(
                "SELECT isin, symbol, currency, resolved_at FROM symbols WHERE isin = ?", (isin,)
            ).fetchone()
        if row is None:
            return None
        return CachedSymbol(row[0], row[1], row[2], datetime.fromtimestamp(row[3], tz=UTC))

    def save_symbol(self, isin: str, symbol: str | None, currency: str | None) -> None:
        with self._transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO symbols(isin, symbol, currency, resolved_at) VALUES (?, ?, ?, ?)",
                (isin, symbol, currency, time.time()),
            )


def _guess_kind(key: str) -> SourceKind:
    return "feed" if key.startswith(("http://", "https://", "file://")) else "seeds"


def _primary(incoming: _Incoming) -> Instrument | None:
    for instrument in incoming.instruments:
        if instrument.primary:
            return instrument
    return incoming.instruments[0] if incoming.instruments else None


def _primary_row(incoming: _Incoming) -> tuple[str | None, str | None, str | None]:
    p = _primary(incoming)
    return (p.ticker, p.isin, p.name) if p else (None, None, None)


def _insert_row(source_key: str, i: _Incoming, now: float) -> tuple[object, ...]:
    a = i.article
    return (
        a.id, source_key, a.source, a.url, a.path, a.title, a.body, _published_text(a.published),
        i.sort_ts, now, i.title_key, i.body_key, i.content_hash, *_primary_row(i), i.figures, i.removed,
    )


def _update_row(i: _Incoming) -> tuple[object, ...]:
    a = i.article
    return (
        a.source, a.url, a.path, a.title, a.body, _published_text(a.published), i.sort_ts,
        i.title_key, i.body_key, i.content_hash, *_primary_row(i), i.figures, i.removed, a.id,
    )


def _statements(script: str) -> Iterator[str]:
    """Split a migration into statements, keeping trigger bodies whole.

    `executescript` would COMMIT the surrounding transaction, so each statement runs
    through `execute` inside the migration's own transaction instead.
    """
    buffer = ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--") and not buffer.strip():
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            yield buffer.strip()
            buffer = ""
    if buffer.strip():
        raise ValueError(f"incomplete SQL statement in migration: {buffer.strip()[:60]}")
