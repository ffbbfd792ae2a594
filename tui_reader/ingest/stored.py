"""Stage 2's reads of the store, with "stale" meaning what it means to this extractor.

The store knows versions only as numbers its callers pass (`Store.stale_ids`,
`Store.stale_by_ids`); ingest is where `EXTRACTOR_VERSION` meets the store, so the
rows stage 2 must (re)compute are asked for here: by count for the upkeep loop's
worker batches, by id for an article opened before its turn.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from tui_reader.extract import EXTRACTOR_VERSION

if TYPE_CHECKING:
    from tui_reader.store import StaleArticle, Store


def stale_ids(store: Store, limit: int) -> list[str]:
    """Up to `limit` stale articles' ids, newest first."""
    return store.stale_ids(EXTRACTOR_VERSION, limit)


def stale_by_ids(store: Store, ids: Sequence[str]) -> list[StaleArticle]:
    """Those of `ids` that are stale, as extraction reads them."""
    return store.stale_by_ids(ids, EXTRACTOR_VERSION)
