"""Stage 2's reads of the store: which rows are stale, and the rows themselves by id.

`Store` (store/database.py) offers stale rows by count only; stage 2 also needs them
by id (an article opened before its turn; worker processes reading their batch
themselves), so these run `store/refile.py`'s queries under the Store's lock, as its
own methods do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui_reader.extract import EXTRACTOR_VERSION

if TYPE_CHECKING:
    from tui_reader.store import StaleArticle, Store


def stale_ids(store: Store, limit: int) -> list[str]:
    """Up to `limit` stale articles' ids, newest first."""
    from tui_reader.store import refile

    with store._lock:
        return refile.stale_ids(store._db, EXTRACTOR_VERSION, limit)


def stale_by_ids(store: Store, ids: list[str]) -> list[StaleArticle]:
    """Those of `ids` that are stale, as extraction reads them."""
    from tui_reader.store import refile

    with store._lock:
        return refile.stale_by_ids(store._db, ids, EXTRACTOR_VERSION)
