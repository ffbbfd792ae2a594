"""A feed item polled again whose stored body is the page fetched for it (`fulltext.py`).

The feed keeps sending the teaser. The stored hash is the teaser's, so an unchanged item
writes nothing. The hash can still change while the teaser stays the same: a newer
extractor finds other instruments in it (the directory grew), or the feed edits the
title, the link, the time or the symbols it declares. An in-place update would then put
the teaser back in place of the full text, so `writes.upsert` hands such items here
(`split`). The row gets what the feed changed: source, link, title, time, removed lines,
declared instruments and story keys. It takes the item's hash, so the next poll of the
same teaser writes nothing again, and `full_texts.summary_hash` takes it too.

The body, the instruments and the figures stay the page's. The teaser's instruments are
not written, because the full-text step files the article from the whole page
("figures and instruments come from the whole article"), and a teaser's filing would
lose what only the page names. When something extraction reads has changed (title,
time, declared instruments), the row is marked for full re-extraction (`REFILE`). A
story other feeds carry counts as changed whenever its first feed's item does: its
stored declared list also holds what the others declared (`carriers.py`, which keeps
them here as in any update), and does not say whose entries they were. The only cost is
one more extraction of the same text. The upkeep loop (stage 2 at the end of a poll that
brought new items, the app's slices, an article opened before then, `fetch`) then files
it again from the page, and `refile.save_refiled` keeps the hash written here. Until
then, figures found in an edited title keep their text (`_reencoded`).

Items whose hash is unchanged never reach this module. A batch with changed items costs
one primary-key lookup in `full_texts` per chunk. Rows that had no page fetched cost
nothing more.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from tui_reader.store import figure_codec
from tui_reader.store.prepared import Prepared
from tui_reader.store.queries import chunks, marks

REFILE = 0
"""`extractor` of a row no version has filed: the upkeep loop extracts it again in full
(any value but this version's and its `PENDING` would do; 0 is also what rows stored
before versions were kept have)."""


def split(db: sqlite3.Connection, updates: list[Prepared]) -> tuple[list[Prepared], list[Prepared]]:
    """(in-place updates, repolled pages). Repolled pages are the items whose stored row
    has its fetched page as its body, and whose own body is the teaser that page replaced
    (`full_texts.summary`). A teaser the feed really changed stays an update and replaces
    the body."""
    if not updates:
        return updates, []
    teasers: dict[str, str] = {}
    for chunk in chunks([item.id for item in updates]):
        teasers.update(db.execute(
            "SELECT f.article_id, f.summary FROM full_texts f JOIN articles a ON a.id = f.article_id "
            f"WHERE f.article_id IN ({marks(chunk)}) AND f.text = a.body",
            chunk,
        ))
    if not teasers:
        return updates, []
    paged = [item for item in updates if teasers.get(item.id) == item.body]
    if not paged:
        return updates, []
    kept = {item.id for item in paged}
    return [item for item in updates if item.id not in kept], paged


def write(db: sqlite3.Connection, items: Sequence[Prepared]) -> set[str]:
    """Write what the feed changed for these repolled pages, in the caller's transaction.
    Returns the instrument keys whose counters need a recount: those of rows whose time
    moved (`instrument_stats.latest`)."""
    if not items:
        return set()
    stored: dict[str, tuple[str, str, str | None, str | None, float, int, str]] = {}
    for chunk in chunks([item.id for item in items]):
        for article_id, title, body, published, declared, sort_ts, extractor, figures in db.execute(
            "SELECT id, title, body, published, declared, sort_ts, extractor, figures "
            f"FROM articles WHERE id IN ({marks(chunk)})",
            chunk,
        ):
            stored[article_id] = (title, body, published, declared, sort_ts, extractor, figures)
    rows = []
    for item in items:
        title, body, published, declared, _sort_ts, extractor, figures = stored[item.id]
        if (item.title, item.published, item.declared) != (title, published, declared or "[]"):
            extractor = REFILE
        if item.title != title:
            figures = _reencoded(figures, title, item.title, body)
        rows.append((item.source, item.url, item.path, item.title, item.published, item.sort_ts, item.title_key,
                     item.body_key, item.content_hash, figures, item.removed, item.declared, extractor, item.id))
    db.executemany(
        "UPDATE articles SET source = ?, url = ?, path = ?, title = ?, published = ?, sort_ts = ?, title_key = ?, "
        "body_key = ?, content_hash = ?, figures = ?, removed = ?, declared = ?, extractor = ? WHERE id = ?",
        rows,
    )
    db.executemany("UPDATE full_texts SET summary_hash = ? WHERE article_id = ?",
                   [(item.content_hash, item.id) for item in items])
    moved = [item for item in items if item.sort_ts != stored[item.id][4]]
    db.executemany("UPDATE article_instruments SET sort_ts = ? WHERE article_id = ?",
                   [(item.sort_ts, item.id) for item in moved])
    keys: set[str] = set()
    for chunk in chunks([item.id for item in moved]):
        keys.update(k for (k,) in db.execute(
            f"SELECT key FROM article_instruments WHERE article_id IN ({marks(chunk)})", chunk))
    return keys


def _reencoded(figures: str, old_title: str, new_title: str, body: str) -> str:
    """The stored figures, unchanged, for the edited title. A headline figure's text is
    rebuilt from the title by its span, so it is kept explicitly where the new title
    reads differently there. Until re-extraction runs, the figures stay those of the
    title they were found in."""
    if figures == "[]":
        return figures
    return figure_codec.encode(figure_codec.decode(figures, old_title, body), new_title, body)
