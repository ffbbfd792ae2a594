"""The one SQLite file everything is kept in: articles, their sources, the price cache,
the registries learned online.

Story de-duplication: an article seen again under its id updates nothing (or updates
in place when its content changed, keeping read/starred); a new id whose story is
already stored (same normalised title within a day, or the same body fingerprint) is
recorded as one more source of that story instead of a new article.

The package by idea: `schema` (the ordered migrations), `database` (`Store`: the
connection, its lock and transactions, the API), `polls` (sources and their polling
state), `prepared` (rows as the store writes them, made in the feed parser processes),
`writes` (the write path; the full-text index per batch), `instrument_rows` (an
article's instrument rows and the counters they feed), `carriers` (a story other feeds
carry, filed under what they declare), `repolled_pages` (a re-polled teaser whose row
holds its fetched page), `stories` (which stored story a new item repeats),
`figure_codec` (figures kept without their text and sentence, rebuilt from the body
when read), `figure_index` (figures flattened for the query language), `queries` (the read side the UI waits on), `refile` (re-filing stored
articles under a newer extractor or a ticker found later), `fulltext` (pages of
summary-only items), `registries` (lists learned online), `prices` (the price and
symbol caches).
"""

from tui_reader.store.database import PollOutcome, SourceState, Store, StoreError
from tui_reader.store.prepared import Prepared, prepare
from tui_reader.store.prices import CachedSeries, CachedSymbol
from tui_reader.store.queries import ArticleFilters, ArticleSummary, Counts, InstrumentSummary, fts_query
from tui_reader.store.refile import StaleArticle
from tui_reader.store.registries import Registrant, RegistryState
from tui_reader.store.schema import SCHEMA_VERSION

__all__ = [
    "SCHEMA_VERSION",
    "ArticleFilters",
    "ArticleSummary",
    "CachedSeries",
    "CachedSymbol",
    "Counts",
    "InstrumentSummary",
    "PollOutcome",
    "Prepared",
    "Registrant",
    "RegistryState",
    "SourceState",
    "StaleArticle",
    "Store",
    "StoreError",
    "fts_query",
    "prepare",
]
