"""The article write path: one source's prepared rows into the store, in one transaction.

`upsert` only runs SQL, in the caller's transaction; the rows come prepared
(`prepared.py`, in the feed parser processes for a poll). It decides what each item
is: new, unchanged, edited in place, or one more source of a stored story (which one
is `stories.py`'s), and hands the special cases to their modules: a re-polled teaser
whose row holds its fetched page (`repolled_pages.py`), a story other feeds carry
(`carriers.py`), the instrument rows and counters (`instrument_rows.py`).

The full-text index gets a batch's new articles in one INSERT … SELECT at the end of
`upsert`, in the same transaction, instead of a trigger per row: FTS5 then builds
one segment for the batch rather than merging a row at a time (issue 14). Updates and
deletes, rare, keep their triggers (schema migration 1).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from tui_reader.store import carriers, repolled_pages
from tui_reader.store.figure_index import replace_figure_rows
from tui_reader.store.instrument_rows import (
    add_to_stats,
    insert_instruments,
    instrument_keys,
    primary_row,
    recount_stats,
    with_resolved_tickers,
)
from tui_reader.store.prepared import Prepared
from tui_reader.store.queries import chunks, marks
from tui_reader.store.stories import add_story, candidate_stories, match_story


def upsert(db: sqlite3.Connection, source_key: str, items: Iterable[Prepared], now: float) -> int:
    """Write one source's articles inside the caller's transaction; returns how many were new.

    An id seen before updates nothing, or updates in place when its content changed
    (keeping read/starred); a new id whose story is already stored becomes one more
    source of that story, filed under the instruments it declares as well (`carriers.py`).
    A row whose body is its fetched page keeps it when the item still brings the same
    teaser (`repolled_pages`).
    """
    batch: dict[str, Prepared] = {}
    for item in items:  # the last copy of an id in one batch wins
        batch[item.id] = item
    if not batch:
        return 0
    known = _known_items(db, list(batch))
    for item_id, item in batch.items():
        if item_id not in known or known[item_id][1] != item.content_hash:
            batch[item_id] = item.with_story_keys()
    stories = candidate_stories(db, [i for k, i in batch.items() if k not in known])

    inserts: list[Prepared] = []
    updates: list[Prepared] = []
    new_sources: list[tuple[str, str, Prepared]] = []  # (item id, story article id, item)
    for item_id, item in batch.items():
        if item_id in known:
            owner, stored_hash = known[item_id]
            if owner == item_id and stored_hash != item.content_hash:
                updates.append(item)
            continue
        story = match_story(stories, item)
        if story is not None:
            new_sources.append((item_id, story, item))
            continue
        inserts.append(item)
        new_sources.append((item_id, item_id, item))
        add_story(stories, item_id, item)
    updates, paged = repolled_pages.split(db, updates)  # the full text stays (repolled_pages.py)
    inserts = with_resolved_tickers(db, inserts)
    updates = with_resolved_tickers(db, updates)
    carried = carriers.kept_through_update(db, updates + paged) + carriers.repeats(db, new_sources)

    # New rows get numbers above the highest one: the full-text index takes them below.
    top = db.execute("SELECT coalesce(max(n), 0) FROM articles").fetchone()[0]
    db.executemany(
        "INSERT INTO articles(id, source_key, source, url, path, title, body, published, sort_ts, "
        "fetched, title_key, body_key, content_hash, primary_ticker, primary_isin, primary_name, "
        "figures, removed, declared, extractor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(i.id, source_key, i.source, i.url, i.path, i.title, i.body, i.published, i.sort_ts, now,
          i.title_key, i.body_key, i.content_hash, *primary_row(i), i.figures, i.removed, i.declared, i.extractor)
         for i in inserts],
    )
    if inserts:
        db.execute("INSERT INTO articles_fts(rowid, title, body) SELECT n, title, body FROM articles WHERE n > ?", (top,))
    db.executemany(
        "UPDATE articles SET source = ?, url = ?, path = ?, title = ?, body = ?, published = ?, "
        "sort_ts = ?, title_key = ?, body_key = ?, content_hash = ?, primary_ticker = ?, "
        "primary_isin = ?, primary_name = ?, figures = ?, removed = ?, declared = ?, extractor = ? WHERE id = ?",
        [(i.source, i.url, i.path, i.title, i.body, i.published, i.sort_ts, i.title_key, i.body_key,
          i.content_hash, *primary_row(i), i.figures, i.removed, i.declared, i.extractor, i.id) for i in updates],
    )
    db.executemany(
        "INSERT INTO article_sources(item_id, article_id, source_key, source, url, seen) VALUES (?, ?, ?, ?, ?, ?)",
        [(item_id, story, source_key, i.source, i.url, now) for item_id, story, i in new_sources],
    )
    db.executemany(
        "UPDATE article_sources SET source = ?, url = ? WHERE item_id = ?",
        [(i.source, i.url, i.id) for i in updates + paged],
    )
    recount = instrument_keys(db, [i.id for i in updates]) | repolled_pages.write(db, paged)
    db.executemany("DELETE FROM article_instruments WHERE article_id = ?", [(i.id,) for i in updates])
    insert_instruments(db, inserts + updates)
    # A new row has no figure rows to replace, and stage 1 brings none (ingest/steps.py):
    # its rows would cost a lookup and a delete per batch for nothing.
    replace_figure_rows(db, [i for i in inserts if i.figure_rows] + updates)
    recount |= {row[0] for i in updates for row in i.instruments}
    if carried:
        carriers.carry(db, carried, recount)
    add_to_stats(db, inserts, recount)
    recount_stats(db, recount)
    return len(inserts)


def _known_items(db: sqlite3.Connection, ids: list[str]) -> dict[str, tuple[str, str]]:
    """item id → (article id it belongs to, that article's content hash)."""
    known: dict[str, tuple[str, str]] = {}
    for chunk in chunks(ids):
        for item, owner, content_hash in db.execute(
            "SELECT s.item_id, s.article_id, a.content_hash FROM article_sources s "
            f"JOIN articles a ON a.id = s.article_id WHERE s.item_id IN ({marks(chunk)})",
            chunk,
        ):
            known[item] = (owner, content_hash)
    return known
