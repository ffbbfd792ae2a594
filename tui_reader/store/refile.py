"""Re-filing stored articles: their figures after stage 1, under a newer extractor, and
under a ticker found later.

Apart from `writes.py` because it rewrites what extraction derived and nothing
else: title and body stay as stored, so the full-text index (whose trigger fires
only on an UPDATE naming title or body) is never touched, and read/starred flags,
sources and story merges stay as they are. Each function runs inside the caller's
transaction (or under its lock, for reads); `Store` supplies both.

Why re-file at all: a user who upgrades should see the better filing on the news
already stored, not only on what arrives next; and ingestion's stage 1 stores articles
without their figures (`ingest/steps.py`), marked `PENDING`. Rows carry the
`extractor` version that filed them; those filed by another version (pending ones
included) are rebuilt from their stored title, body and declared instruments, newest
first, a batch per transaction. A process killed
mid-way leaves whole batches done and the rest still marked stale, so the next run
simply carries on.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime

from tui_reader.model import Article, Instrument
from tui_reader.store.figure_index import replace_figure_rows
from tui_reader.store.instrument_rows import insert_instruments, primary_row, recount_stats, with_resolved_tickers
from tui_reader.store.prepared import Prepared, declared_from_json
from tui_reader.store.queries import chunks, marks, symbol_forms


@dataclass(slots=True)
class StaleArticle:
    """A stored article as extraction reads it, with what the rewrite checks against."""

    article: Article
    """Title, body, time and declared instruments as stored; instruments and figures empty."""
    sort_ts: float
    content_hash: str
    """The stored hash: a row rewritten meanwhile (a poll updated it) is left alone."""
    extractor: int = 0
    """The version that filed it (negative: stage 1 of that version, figures pending)."""
    figures: str = "[]"
    """The stored figures (JSON), kept when extraction fails."""
    primary_ticker: str | None = None
    """The primary listing's ticker as stage 1 filed it: its market sets what a bare "$" is
    (`extract.home_dollar`)."""


_STALE_COLUMNS = (
    "id, source, title, body, published, url, path, removed, declared, sort_ts, content_hash, extractor, figures, "
    "primary_ticker"
)


def stale_articles(db: sqlite3.Connection, version: int, limit: int) -> list[StaleArticle]:
    """Up to `limit` articles filed by another extractor version, newest first.

    One index walk per stored version (`articles_extractor` is ordered by version, then
    time), merged here: there are one or two old versions, never many.
    """
    found: list[tuple] = []
    for old in _other_versions(db, version):
        found += db.execute(
            f"SELECT {_STALE_COLUMNS} FROM articles WHERE extractor = ? ORDER BY sort_ts DESC LIMIT ?", (old, limit)
        ).fetchall()
    found.sort(key=lambda row: row[9], reverse=True)
    return _stale(db, found[:limit])


def stale_ids(db: sqlite3.Connection, version: int, limit: int) -> list[str]:
    """`stale_articles`' ids only: worker processes read the rows themselves (`stale_by_ids`)."""
    found: list[tuple[str, float]] = []
    for old in _other_versions(db, version):
        found += db.execute(
            "SELECT id, sort_ts FROM articles WHERE extractor = ? ORDER BY sort_ts DESC LIMIT ?", (old, limit)
        ).fetchall()
    found.sort(key=lambda row: row[1], reverse=True)
    return [article_id for article_id, _ in found[:limit]]


def stale_by_ids(db: sqlite3.Connection, ids: list[str], version: int) -> list[StaleArticle]:
    """Those of these articles another version than `version` filed (or whose figures are pending)."""
    rows: list[tuple] = []
    for chunk in chunks(ids):
        rows += db.execute(
            f"SELECT {_STALE_COLUMNS} FROM articles WHERE id IN ({marks(chunk)}) AND extractor != ?", [*chunk, version]
        ).fetchall()
    return _stale(db, rows)


def _stale(db: sqlite3.Connection, rows: list[tuple]) -> list[StaleArticle]:
    legacy = _legacy_declared(db, [r[0] for r in rows if r[8] is None and r[6] is not None])
    return [
        StaleArticle(
            Article(
                id=article_id, source=source, title=title, body=body,
                published=datetime.fromisoformat(published) if published else None,
                url=url, path=path, removed=json.loads(removed),
                declared=declared_from_json(declared) if declared is not None else legacy.get(article_id, []),
            ),
            sort_ts,
            content_hash,
            extractor,
            figures,
            primary,
        )
        for (article_id, source, title, body, published, url, path, removed, declared, sort_ts, content_hash,
             extractor, figures, primary) in rows
    ]


def count_stale(db: sqlite3.Connection, version: int) -> int:
    return sum(
        db.execute("SELECT count(*) FROM articles WHERE extractor = ?", (old,)).fetchone()[0]
        for old in _other_versions(db, version)
    )


def _other_versions(db: sqlite3.Connection, version: int) -> list[int]:
    """The stored versions other than `version`, by one index seek each (a DISTINCT
    would read the whole index on every batch)."""
    versions: list[int] = []
    row = db.execute("SELECT min(extractor) FROM articles").fetchone()
    while row is not None and row[0] is not None:
        if row[0] != version:
            versions.append(row[0])
        row = db.execute("SELECT min(extractor) FROM articles WHERE extractor > ?", (row[0],)).fetchone()
    return versions


def _legacy_declared(db: sqlite3.Connection, article_ids: list[str]) -> dict[str, list[Instrument]]:
    """Seed articles stored before declared instruments were kept: their instrument
    line is not in the body, so the primary instrument stands in for it (the first
    declared one always became primary). Feed items declared nothing then."""
    out: dict[str, list[Instrument]] = {}
    for chunk in chunks(article_ids):
        for article_id, isin, ticker, name, exchange, currency in db.execute(
            "SELECT article_id, isin, ticker, name, exchange, currency FROM article_instruments "
            f"WHERE is_primary = 1 AND article_id IN ({marks(chunk)})",
            chunk,
        ):
            out[article_id] = [Instrument(isin, ticker, name, exchange, currency)]
    return out


def save_refiled(db: sqlite3.Connection, items: list[tuple[StaleArticle, Prepared]], version: int) -> int:
    """Write re-extracted articles (`prepare`d from the stale ones) in the caller's
    transaction; returns how many were re-filed. Only the derived columns change.
    An item whose hash is the stored one (same text, same instruments) keeps its
    instrument rows and gets its figures when they differ (a pending row's stage 2);
    any other rewrites instruments, primary, figures, hash, declared and version. The
    hash is kept where the body is a fetched page's text (`_page_bodies`)."""
    current: dict[str, tuple[int, str, int, str]] = {}
    for chunk in chunks([item.id for _, item in items]):
        for article_id, read, content_hash, extractor, figures in db.execute(
            f"SELECT id, read, content_hash, extractor, figures FROM articles WHERE id IN ({marks(chunk)})", chunk
        ):
            current[article_id] = (read, content_hash, extractor, figures)
    changed: list[tuple[Prepared, bool]] = []
    same: list[Prepared] = []
    for stale, item in items:
        stored = current.get(item.id)
        if stored is None or stored[1] != stale.content_hash or stored[2] == version:
            continue  # removed, or rewritten since it was read: nothing stale left to fix
        if item.content_hash == stale.content_hash:
            same.append(item)
        else:
            changed.append((item, bool(stored[0])))
    paged = _page_bodies(db, [item.id for item, _ in changed])
    changed = [
        (item._replace(content_hash=current[item.id][1]) if item.id in paged else item, read) for item, read in changed
    ]
    refigured = [item for item in same if item.figures != current[item.id][3]]
    db.executemany(
        "UPDATE articles SET figures = ?, declared = ?, extractor = ? WHERE id = ?",
        [(i.figures, i.declared, i.extractor, i.id) for i in same],
    )
    replace_figure_rows(db, refigured)
    patched = with_resolved_tickers(db, [item for item, _ in changed])
    changed = [(item, read) for item, (_, read) in zip(patched, changed, strict=True)]

    old_keys: dict[str, set[str]] = {}
    for chunk in chunks([item.id for item, _ in changed]):
        for article_id, key in db.execute(
            f"SELECT article_id, key FROM article_instruments WHERE article_id IN ({marks(chunk)})", chunk
        ):
            old_keys.setdefault(article_id, set()).add(key)
    db.executemany("DELETE FROM article_instruments WHERE article_id = ?", [(item.id,) for item, _ in changed])
    insert_instruments(db, [item for item, _ in changed])
    db.executemany(
        "UPDATE articles SET figures = ?, primary_ticker = ?, primary_isin = ?, primary_name = ?, "
        "content_hash = ?, declared = ?, extractor = ? WHERE id = ?",
        [(i.figures, *primary_row(i), i.content_hash, i.declared, i.extractor, i.id) for i, _ in changed],
    )
    replace_figure_rows(db, [item for item, _ in changed])
    _restat(db, changed, old_keys)
    return len(changed) + len(same)


def _page_bodies(db: sqlite3.Connection, article_ids: list[str]) -> set[str]:
    """Those of these articles whose body is the page fetched for their teaser
    (`store/fulltext.py`). Their stored hash is the teaser's, not the body's: the feed
    keeps sending the teaser, and only an equal hash tells its poll that nothing
    changed. A re-filing that stored the body's hash would have the next poll of the
    unchanged teaser overwrite the full text with it."""
    found: set[str] = set()
    for chunk in chunks(article_ids):
        rows = db.execute(
            "SELECT f.article_id FROM full_texts f JOIN articles a ON a.id = f.article_id "
            f"WHERE f.article_id IN ({marks(chunk)}) AND f.text = a.body",
            chunk,
        )
        found.update(article_id for (article_id,) in rows)
    return found


def _restat(db: sqlite3.Connection, changed: list[tuple[Prepared, bool]], old_keys: dict[str, set[str]]) -> None:
    """Keep `instrument_stats` equal to a recount. A key an article gained counts it (and
    its unread flag) by delta; a key it kept may take its spelling (the latest article's
    wins, as in a recount); a key it lost is recounted, since its latest may have gone."""
    lost: set[str] = set()
    gained: dict[str, list] = {}  # key → [isin, ticker, name, total, unread, latest]
    kept: list[tuple[str | None, str | None, str | None, str, float]] = []
    for item, read in changed:
        before = old_keys.get(item.id, set())
        after = {row[0] for row in item.instruments}
        lost |= before - after
        for key, isin, ticker, name, *_rest in item.instruments:
            if key in before:
                kept.append((isin, ticker, name, key, item.sort_ts))
                continue
            row = gained.get(key)
            if row is None:
                gained[key] = [isin, ticker, name, 1, int(not read), item.sort_ts]
                continue
            row[3] += 1
            row[4] += int(not read)
            if item.sort_ts >= row[5]:
                row[0:3], row[5] = (isin, ticker, name), item.sort_ts
    db.executemany(
        "INSERT INTO instrument_stats(key, isin, ticker, name, total, unread, latest) VALUES (?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(key) DO UPDATE SET total = total + excluded.total, unread = unread + excluded.unread, "
        "isin = iif(excluded.latest >= latest, excluded.isin, isin), "
        "ticker = iif(excluded.latest >= latest, excluded.ticker, ticker), "
        "name = iif(excluded.latest >= latest, excluded.name, name), "
        "latest = max(latest, excluded.latest)",
        [(key, *row) for key, row in gained.items() if key not in lost],
    )
    db.executemany(
        "UPDATE instrument_stats SET isin = ?, ticker = ?, name = ? WHERE key = ? AND latest <= ?",
        [row for row in kept if row[3] not in lost],
    )
    recount_stats(db, lost)


# -- tickers found after filing -------------------------------------------------------


def isins_to_resolve(db: sqlite3.Connection, limit: int) -> list[str]:
    """ISINs filed without a ticker and never looked up, most recent news first."""
    return [
        isin
        for (isin,) in db.execute(
            "SELECT isin FROM instrument_stats WHERE ticker IS NULL AND isin IS NOT NULL "
            "AND isin NOT IN (SELECT isin FROM symbols) ORDER BY latest DESC LIMIT ?",
            (limit,),
        )
    ]


def apply_symbols(db: sqlite3.Connection) -> int:
    """Give ISIN-only instruments the ticker a search resolved (the `symbols` cache), in
    the caller's transaction, so `--ticker` finds them; returns how many rows changed.
    The articles' content hash is left as is: a re-poll of the same item changes nothing."""
    resolved = db.execute(
        # CROSS JOIN keeps this order: the few resolved ISINs drive, each an index
        # lookup, instead of a scan of every instrument row of the store.
        "SELECT i.article_id, i.position, i.is_primary, s.isin, s.symbol, s.currency FROM symbols s "
        "CROSS JOIN article_instruments i ON i.isin = s.isin WHERE s.symbol IS NOT NULL AND i.ticker IS NULL"
    ).fetchall()
    if not resolved:
        return 0
    db.executemany(
        "UPDATE article_instruments SET ticker = ?, symbol = ?, symbol_base = ?, currency = coalesce(currency, ?) "
        "WHERE article_id = ? AND position = ?",
        [(symbol, *symbol_forms(symbol), currency, article_id, position)
         for article_id, position, _primary, _isin, symbol, currency in resolved],
    )
    db.executemany(
        "UPDATE articles SET primary_ticker = ? WHERE id = ? AND primary_ticker IS NULL",
        [(symbol, article_id) for article_id, _position, primary, _isin, symbol, _c in resolved if primary],
    )
    # An instrument with an ISIN is filed under it (`Instrument.key`).
    db.executemany(
        "UPDATE instrument_stats SET ticker = ? WHERE key = ? AND ticker IS NULL",
        sorted({(symbol, isin) for _a, _p, _primary, isin, symbol, _c in resolved}),
    )
    return len(resolved)
