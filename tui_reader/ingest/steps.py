"""What is computed for each article, in whichever process runs it (parser workers too).

Pure functions from `Article`s to store rows, no SQL. Heavy imports stay inside the
functions, so importing this module (the parent process does) costs nothing.

Rows carry the version that filed them in `extractor`: `EXTRACTOR_VERSION` when
complete, `PENDING` (its negative) when stage 1 filed the instruments and the figures
are still to come. A stored row is stale when its version is anything else, and one
loop makes every stale row current, a pending one by computing its figures, an older
version's by extracting it again.

The content hash (what tells a re-polled item from an edited one, `writes.prepare`)
covers source text and instruments, not the figures, which are derived from that same
text. So a re-poll of an unchanged item matches the stored row before and after its
figures arrived, and writes nothing.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from tui_reader.extract import EXTRACTOR_VERSION

if TYPE_CHECKING:
    from tui_reader.model import Article, KeyFigure
    from tui_reader.store.prepared import Prepared
    from tui_reader.store.refile import StaleArticle

PENDING = -EXTRACTOR_VERSION
"""`extractor` of a row whose instruments this version filed and whose figures are due."""


def file_article(article: Article, now: float, *, strip: bool = True, story_keys: bool = False) -> Prepared:
    """Stage 1: drop promotional boilerplate (`strip`; seed formats strip their own
    paragraphs while parsing), find the instruments, prepare the row without figures.
    `now` dates undated articles; `story_keys` as `prepare` (True in workers)."""
    from tui_reader.extract import READ_LIMIT
    from tui_reader.extract.instruments import find_instruments
    from tui_reader.store.prepared import prepare

    if strip and article.body:
        from tui_reader.extract.boilerplate import strip_boilerplate

        kept, removed = strip_boilerplate(article.body.split("\n\n"))
        if removed:
            article.body = "\n\n".join(kept)
            article.removed = removed
    article.instruments = find_instruments(article.title, article.body[:READ_LIMIT], article.declared)
    article.figures = []
    return prepare(article, now, story_keys=story_keys)._replace(extractor=PENDING)


def complete(stale: StaleArticle) -> Prepared:
    """Stage 2 for one stored row. A pending row gets its figures only (its instruments
    are this version's already, so its hash stays); a row an older version filed is
    extracted again from its stored text (`prepare` hashes no figures, so its hash is
    the one stage 1 gives the same text and instruments)."""
    from tui_reader.extract import article_figures, enrich
    from tui_reader.store.prepared import prepare

    article = stale.article
    if stale.extractor == PENDING:
        return _figures_only(stale, article_figures(article, stale.primary_ticker or ""))
    return prepare(enrich(article), stale.sort_ts)


def _figures_only(stale: StaleArticle, figures: list[KeyFigure]) -> Prepared:
    """A pending row's stage-2 result: only what `refile.save_refiled` writes for a row
    whose hash stays (figures, their index rows, declared, version). `prepare` would
    also hash the body, format the time and encode the removed lines, all then thrown
    away; this costs the figures' encoding alone. Title and body go back empty, as
    `complete_batch` sends them."""
    from tui_reader.query.figure_rows import figure_rows
    from tui_reader.store import figure_codec
    from tui_reader.store.prepared import Prepared, declared_json

    article = stale.article
    article.figures = figures
    return Prepared(
        id=article.id, source=article.source, title="", body="", published=None, url=article.url,
        path=article.path, sort_ts=stale.sort_ts, content_hash=stale.content_hash,
        figures=figure_codec.encode(figures, article.title, article.body), removed="[]", instruments=(),
        declared=declared_json(article.declared), figure_rows=tuple(figure_rows(figures)),
    )


def complete_batch(batch: list[StaleArticle]) -> list[Prepared]:
    """Stage 2 for a batch, in whichever process runs it. Title and body go back empty:
    the store keeps them and rewrites only what extraction derives, and leaving them
    out halves what a worker sends back."""
    return [_completed(stale)._replace(title="", body="") for stale in batch]


def complete_stored(store_path: str, ids: list[str]) -> list[tuple[str, Prepared]]:
    """Stage 2 in a worker process that reads its batch from the store itself (one
    indexed read), so no article text crosses between processes: only ids go in, and
    (the hash read, the row) come back for `save_refiled` to check and write."""
    from tui_reader.store.refile import stale_by_ids

    stale = stale_by_ids(_reader(store_path), ids, EXTRACTOR_VERSION)
    return [(s.content_hash, row) for s, row in zip(stale, complete_batch(stale), strict=True)]


_readers: dict[str, sqlite3.Connection] = {}


def _reader(store_path: str) -> sqlite3.Connection:
    """This process's read-only connection to the store, opened once. In WAL mode it
    reads beside the parent's writes; each query sees what is committed."""
    reader = _readers.get(store_path)
    if reader is None:
        from pathlib import Path

        uri = Path(store_path).resolve().as_uri() + "?mode=ro"
        reader = _readers[store_path] = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=10)
    return reader


def _completed(stale: StaleArticle) -> Prepared:
    import logging

    from tui_reader.store.prepared import prepare

    try:
        return complete(stale)
    except Exception:  # noqa: BLE001 - one article the rules choke on must not stop the rest
        logging.getLogger(__name__).exception("extraction failed for article %s; it keeps its filing", stale.article.id)
        # Its stored hash and figures: the row is only marked current, keeping its filing.
        stale.article.figures = []
        return prepare(stale.article, stale.sort_ts)._replace(
            content_hash=stale.content_hash, figures=stale.figures, instruments=()
        )


__all__ = ["EXTRACTOR_VERSION", "PENDING", "complete", "complete_batch", "complete_stored", "file_article"]
