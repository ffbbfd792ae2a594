"""`Store`: the one SQLite connection, its lock and transactions, and the API over it.

The file runs in WAL mode and every write is one explicit transaction, so a process
killed at any moment leaves either the whole batch or none of it. The UI's worker
threads share one `Store`: the connection is opened with `check_same_thread=False`
and every call holds an internal lock, because an sqlite3 connection must not be used
by two threads at once. The SQL itself lives beside this module, by idea: `schema`,
`polls`, `writes` (with `prepared`, `instrument_rows`, `carriers`, `repolled_pages`),
`queries`, `refile`, `registries`, `prices`.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Self, Unpack

from tui_reader.model import Article, Instrument, PricePoint
from tui_reader.query.syntax import Node
from tui_reader.store import figure_index, polls, prices, queries, refile, registries, writes
from tui_reader.store.polls import PollOutcome, SourceState
from tui_reader.store.prepared import Prepared, prepare
from tui_reader.store.prices import CachedIntraday, CachedSeries, CachedSymbol
from tui_reader.store.queries import ArticleFilters, ArticleSummary, Counts, InstrumentSummary
from tui_reader.store.refile import StaleArticle
from tui_reader.store.registries import Registrant, RegistryState
from tui_reader.store.schema import MIGRATIONS, SCHEMA_VERSION, statements

__all__ = ["PollOutcome", "SourceState", "Store", "StoreError"]


class StoreError(Exception):
    """The store file cannot be used (not a database, written by a newer version)."""


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
            # 16 MiB of page cache instead of 2: the indexes on random ids (articles.id,
            # article_sources, article_instruments) outgrow 2 MiB within a few thousand
            # articles, and every insert then re-reads their pages. Storing the
            # 200-feed benchmark's first poll: 5.4 -> 4.9 ms of CPU per 50-item feed.
            db.execute("PRAGMA cache_size=-16384")
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

    def __enter__(self) -> Self:
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
        for number, step in enumerate(MIGRATIONS[version:], start=version + 1):
            with self._transaction() as db:
                if isinstance(step, str):
                    for statement in statements(step):
                        db.execute(statement)
                else:
                    step(db)
                db.execute(f"PRAGMA user_version={number}")

    # -- sources ---------------------------------------------------------------------

    def source_states(self) -> list[SourceState]:
        with self._lock:
            return polls.source_states(self._db)

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
        """Store a poll's articles and the source's new polling state in one transaction
        (see `polls.record_poll` for the validators). Returns how many articles were new."""
        now = time.time()
        items = [prepare(a, now) for a in articles]
        outcome = PollOutcome(key, items, etag, last_modified, error, next_poll, failures, title)
        return self.save_polls([outcome])[0]

    def save_polls(self, outcomes: Sequence[PollOutcome]) -> list[int]:
        """Several sources' polls in one transaction (a poll batches the feeds that
        finished together); each outcome's items and validators commit together or not
        at all. Returns how many articles were new, per outcome."""
        now = time.time()
        new = []
        with self._transaction() as db:
            for o in outcomes:
                polls.ensure_source(db, o.key, o.title)
                new.append(writes.upsert(db, o.key, o.items, now))
                polls.record_poll(db, o, now)
        return new

    def upsert_articles(self, source_key: str, articles: Sequence[Article]) -> int:
        """Store articles of one source in one transaction; returns how many were new."""
        now = time.time()
        with self._transaction() as db:
            polls.ensure_source(db, source_key, None)
            return writes.upsert(db, source_key, [prepare(a, now) for a in articles], now)

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

    def mark_all_read(self, **filters: Unpack[ArticleFilters]) -> int:
        """Mark read every article `articles()` lists with these filters (all pages),
        in one transaction; returns how many were unread."""
        filters["unread_only"] = True  # only unread rows change, and they are what is counted
        found = queries.article_filter(**filters)
        if found is None:
            return 0
        clause, params = found
        with self._transaction() as db:
            drops = db.execute(
                "SELECT i.key, count(*) FROM article_instruments i JOIN articles a ON a.id = i.article_id "
                f"WHERE {clause} GROUP BY i.key",
                params,
            ).fetchall()
            db.executemany("UPDATE instrument_stats SET unread = unread - ? WHERE key = ?", [(n, k) for k, n in drops])
            return db.execute(f"UPDATE articles SET read = 1 WHERE n IN (SELECT a.n FROM articles a WHERE {clause})", params).rowcount

    def move_candidates(self, older_than: float) -> list[tuple[str, str | None, str | None, str]]:
        """(id, primary ticker, primary ISIN, published) of dated articles with a primary
        instrument whose stored move is missing or computed before `older_than`."""
        with self._lock:
            return figure_index.move_candidates(self._db, older_than)

    def save_moves(self, moves: Sequence[tuple[str, float | None]]) -> None:
        """Each article's price move since publication (in %), for `move<...` queries."""
        with self._transaction() as db:
            figure_index.save_moves(db, moves, time.time())

    def set_starred(self, article_id: str, starred: bool = True) -> None:
        with self._transaction() as db:
            db.execute("UPDATE articles SET starred = ? WHERE id = ?", (int(starred), article_id))

    # -- articles (queries in queries.py) -------------------------------------------

    def article(self, article_id: str) -> Article | None:
        """The full article; an id that was merged into another story returns that story."""
        with self._lock:
            return queries.load_article(self._db, article_id)

    def articles(self, *, limit: int = 500, offset: int = 0, **filters: Unpack[ArticleFilters]) -> list[ArticleSummary]:
        """Newest first (published, else fetched). `instrument` is an instrument key;
        `ticker` matches case-blind, with or without the Yahoo exchange suffix, and also
        takes an ISIN; `source` is a source key or a source name; `query` is user text
        for the full-text index (never FTS syntax); `where` a parsed query-language
        expression (tui_reader.query)."""
        found = queries.article_filter(**filters)
        if found is None:
            return []
        with self._lock:
            return queries.list_articles(self._db, *found, limit=limit, offset=offset)

    def count_matching(self, where: Node | None) -> tuple[int, int]:
        """(unread, total) of the articles a query matches: a saved search's counts in
        the app's left pane, one indexed count rather than a list of summaries."""
        found = queries.article_filter(where=where)
        if found is None:
            return 0, 0
        clause, params = found
        # Two counts, not one sum over the rows: each can be answered from an index
        # (rowids; the unread partial index) without reading the articles' bodies.
        with self._lock:
            total = self._db.execute(f"SELECT count(*) FROM articles a WHERE {clause}", params).fetchone()[0]
            unread = self._db.execute(f"SELECT count(*) FROM articles a WHERE a.read = 0 AND {clause}", params).fetchone()[0]
        return int(unread), int(total)

    def newest_n(self) -> int:
        """The highest article row number: a poll's new articles are the rows above it."""
        with self._lock:
            return int(self._db.execute("SELECT coalesce(max(n), 0) FROM articles").fetchone()[0])

    def articles_after(self, n: int, limit: int = 200, upto: int | None = None) -> list[Article]:
        """Articles stored after row `n` (`newest_n` before a poll) and up to row `upto`,
        oldest first: what a poll brought, for alerts."""
        with self._lock:
            ids = [r[0] for r in self._db.execute("SELECT id FROM articles WHERE n > ? AND n <= ? ORDER BY n LIMIT ?",
                                                  (n, upto if upto is not None else 2**62, limit))]
            found = (queries.load_article(self._db, article_id) for article_id in ids)
            return [article for article in found if article is not None]

    def articles_with_dates(self, start: str, end: str | None, ticker: str | None = None,
                            limit: int = -1) -> list[Article]:
        """Articles (newest first, at most `limit`) stating a coming date from `start` to
        `end` (ISO days, `end` None: no limit), optionally only those about `ticker`:
        the calendar's sources."""
        with self._lock:
            ids = figure_index.articles_with_dates(self._db, start, end, ticker, limit)
            found = (queries.load_article(self._db, article_id) for article_id in ids)
            return [article for article in found if article is not None]

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

    # -- re-filing (queries and writes in refile.py) ----------------------------------

    def stale_articles(self, version: int, limit: int) -> list[StaleArticle]:
        """Articles another extractor version filed, newest first, as extraction reads them."""
        with self._lock:
            return refile.stale_articles(self._db, version, limit)

    def stale_ids(self, version: int, limit: int) -> list[str]:
        """`stale_articles`' ids only, for worker processes that read the rows themselves."""
        with self._lock:
            return refile.stale_ids(self._db, version, limit)

    def stale_by_ids(self, ids: Sequence[str], version: int) -> list[StaleArticle]:
        """Those of `ids` another version filed (or whose figures are pending), as extraction
        reads them: an article opened before stage 2 reached it."""
        with self._lock:
            return refile.stale_by_ids(self._db, list(ids), version)

    def count_stale(self, version: int) -> int:
        with self._lock:
            return refile.count_stale(self._db, version)

    def save_refiled(self, items: Sequence[tuple[StaleArticle, Prepared]], version: int) -> int:
        """Re-extracted articles in one transaction (see `refile.save_refiled`)."""
        with self._transaction() as db:
            return refile.save_refiled(db, list(items), version)

    def isins_to_resolve(self, limit: int) -> list[str]:
        with self._lock:
            return refile.isins_to_resolve(self._db, limit)

    def apply_symbols(self) -> int:
        """File ISIN-only instruments under the tickers the symbol cache resolved."""
        with self._transaction() as db:
            return refile.apply_symbols(db)

    # -- registries (registries.py) ----------------------------------------------------

    def registry_state(self, name: str) -> RegistryState | None:
        with self._lock:
            return registries.registry_state(self._db, name)

    def save_registrants(self, rows: Sequence[Registrant]) -> None:
        with self._transaction() as db:
            registries.replace_registrants(db, rows, time.time())

    def note_registry_failure(self, name: str, error: str) -> None:
        with self._transaction() as db:
            registries.note_failure(db, name, error, time.time())

    def registrants(self) -> list[Registrant]:
        with self._lock:
            return registries.registrants(self._db)

    # -- price and symbol cache ------------------------------------------------------

    def cached_prices(self, symbol: str) -> CachedSeries | None:
        with self._lock:
            return prices.cached_prices(self._db, symbol)

    def save_prices(self, symbol: str, points: Sequence[PricePoint], *, currency: str | None, source: str) -> None:
        """Merge the closes into the cached series (new days added, known days replaced)."""
        with self._transaction() as db:
            prices.save_prices(db, symbol, points, currency, source, time.time())

    def cached_symbol(self, isin: str) -> CachedSymbol | None:
        with self._lock:
            return prices.cached_symbol(self._db, isin)

    def save_symbol(self, isin: str, symbol: str | None, currency: str | None) -> None:
        with self._transaction() as db:
            prices.save_symbol(db, isin, symbol, currency, time.time())

    def cached_intraday(self, symbol: str, interval: int) -> CachedIntraday | None:
        with self._lock:
            return prices.cached_intraday(self._db, symbol, interval)

    def save_intraday(self, symbol: str, interval: int, bars: Sequence[tuple[int, float]], *, source: str) -> None:
        """Merge intraday bars (start in unix seconds, close) into the cached series."""
        with self._transaction() as db:
            prices.save_intraday(db, symbol, interval, bars, source, time.time())
