"""An article opened before stage 2 reached it gets its figures computed on the spot."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui_reader.model import Article
    from tui_reader.store import Store


def article_with_figures(store: Store, article_id: str) -> Article | None:
    """The stored article (as `Store.article`), complete: when its figures are still
    pending, or an older extractor filed it, it is extracted here (a few milliseconds)
    and stored, exactly as stage 2 would, before it is returned. Stage 2 arriving at
    the same row later finds it current and leaves it."""
    from tui_reader.extract import EXTRACTOR_VERSION
    from tui_reader.ingest.steps import complete
    from tui_reader.ingest.stored import stale_by_ids

    article = store.article(article_id)
    if article is None:
        return None
    stale = stale_by_ids(store, [article.id])
    if not stale:
        return article
    store.save_refiled([(stale[0], complete(stale[0]))], EXTRACTOR_VERSION)
    return store.article(article.id)
