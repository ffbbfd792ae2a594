"""Full text for summary-only feed items: which articles want it, and writing it once.

Apart from `database.py` because it is one feature's SQL (and that file is at its
size limit); the functions take the `Store` and use its lock and transactions.

The page's main text replaces the stored body and the article is re-extracted from
it in the same transaction, so figures and instruments come from the whole article.
Its content hash stays the teaser's: the feed keeps delivering the teaser, and an
equal hash is what tells the poller the item is unchanged, so a re-poll never puts
the teaser back. `refile.save_refiled` keeps that hash for every row whose body is
its `full_texts.text`, here and in each re-extraction after an upgrade. The teaser
stays in `full_texts.summary`; a failure is stored too, with its reason, so a page is
fetched once either way.
"""

from __future__ import annotations

import time
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from tui_reader.model import Article
from tui_reader.store import refile
from tui_reader.store.prepared import declared_from_json, prepare
from tui_reader.store.queries import chunks, marks

if TYPE_CHECKING:
    from tui_reader.store.database import Store

SUMMARY_ONLY_CHARS = 600
"""A body shorter than this is a teaser: full articles run to thousands of characters."""


@dataclass(frozen=True, slots=True)
class Teaser:
    """A stored summary-only article whose page has not been fetched yet."""

    article_id: str
    url: str
    title: str


@dataclass(frozen=True, slots=True)
class FullTextState:
    """What the article view says about an article's full text."""

    fetched_at: float
    error: str | None
    """None: the body is the page's main text; else why it is still the feed's teaser."""


def teasers(store: Store, source_keys: Collection[str] | None, limit: int) -> list[Teaser]:
    """Newest first: summary-only articles with an http(s) link and no full-text row,
    from these sources (None: from any feed)."""
    query = (
        "SELECT a.id, a.url, a.title FROM articles a WHERE a.url LIKE 'http%' AND length(a.body) < ? "
        "AND a.path IS NULL AND NOT EXISTS (SELECT 1 FROM full_texts f WHERE f.article_id = a.id)"
    )
    params: list[object] = [SUMMARY_ONLY_CHARS]
    with store._lock:
        if source_keys is None:
            rows = store._db.execute(query + " ORDER BY a.sort_ts DESC LIMIT ?", (*params, limit)).fetchall()
        else:
            rows = []
            for chunk in chunks(list(source_keys)):
                rows += store._db.execute(
                    query + " AND EXISTS (SELECT 1 FROM article_sources s WHERE s.article_id = a.id "
                    f"AND s.source_key IN ({marks(chunk)})) ORDER BY a.sort_ts DESC LIMIT ?",
                    (*params, *chunk, limit),
                ).fetchall()
    found = {row[0]: Teaser(*row) for row in rows}
    return list(found.values())[:limit]


def save_failure(store: Store, teaser: Teaser, error: str) -> None:
    """The page could not be had or held no article: the teaser stays, the reason is kept."""
    with store._transaction() as db:
        db.execute(
            "INSERT OR REPLACE INTO full_texts(article_id, url, summary, summary_hash, text, error, fetched_at) "
            "SELECT id, ?, body, content_hash, NULL, ?, ? FROM articles WHERE id = ?",
            (teaser.url, error, time.time(), teaser.article_id),
        )


def save_full_text(store: Store, teaser: Teaser, text: str) -> bool:
    """Make `text` the article's body and re-file it from there; False when the article
    is gone or was rewritten meanwhile (then nothing is written)."""
    from tui_reader.extract import EXTRACTOR_VERSION, enrich

    with store._transaction() as db:
        row = db.execute(
            "SELECT id, source, title, body, published, url, path, declared, sort_ts, content_hash "
            "FROM articles WHERE id = ?", (teaser.article_id,)
        ).fetchone()
        if row is None:
            return False
        article_id, source, title, summary, published, url, path, declared, sort_ts, summary_hash = row
        article = Article(
            id=article_id, source=source, title=title, body=text,
            published=datetime.fromisoformat(published) if published else None, url=url, path=path,
            declared=declared_from_json(declared) if declared else [],
        )
        stale = refile.StaleArticle(article, sort_ts, summary_hash)
        db.execute("UPDATE articles SET body = ?, extractor = -1 WHERE id = ?", (text, article_id))
        # Written before the re-filing, which then keeps the teaser's hash (body = text).
        db.execute(
            "INSERT OR REPLACE INTO full_texts(article_id, url, summary, summary_hash, text, error, fetched_at) "
            "VALUES (?, ?, ?, ?, ?, NULL, ?)",
            (article_id, teaser.url, summary, summary_hash, text, time.time()),
        )
        refile.save_refiled(db, [(stale, prepare(enrich(article), sort_ts))], EXTRACTOR_VERSION)
    return True


def full_text_state(store: Store, article_id: str) -> FullTextState | None:
    """None when no page was fetched for the article."""
    with store._lock:
        row = store._db.execute("SELECT fetched_at, error FROM full_texts WHERE article_id = ?", (article_id,)).fetchone()
    return FullTextState(*row) if row else None
