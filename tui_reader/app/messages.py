"""Typed messages that thread workers post back to the main screen.

Workers never touch widgets: they read the store or the price chain and post one of
these; only the screen's handlers change what is shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from tui_reader.app.article_cache import Loaded
    from tui_reader.app.chart_data import ChartData
    from tui_reader.app.data import Overview, SearchCount
    from tui_reader.prices.quotes import NoQuote, Quote
    from tui_reader.store import ArticleSummary


@dataclass
class OverviewLoaded(Message):
    overview: Overview


@dataclass
class SearchesCounted(Message):
    """The saved searches' unread/total counts, after the overview they belong to."""

    searches: list[SearchCount]


@dataclass
class PageLoaded(Message):
    """A page of the article list; `request` lets stale pages be dropped."""

    request: int
    summaries: list[ArticleSummary]
    append: bool
    keep: str | None = None
    to_end: bool = False
    """`G` asked for every remaining row: the cursor goes to the last one."""
    whole: bool = False
    """Every remaining row was read (for `G` or a sort other than by time)."""
    next_unread: bool = False
    """`n` found no unread row loaded below the cursor: it looks again with this page."""


@dataclass
class ArticleLoaded(Message):
    article_id: str
    loaded: Loaded


@dataclass
class Prefetched(Message):
    """Articles next to the cursor, loaded ahead so `j`/`k` show them in the same frame."""

    items: dict[str, Loaded]


@dataclass
class PageFetched(Message):
    """The page of a summary-only article was fetched on open (or failed, with the reason
    stored): the article is read again."""

    article_id: str


@dataclass
class ChartReady(Message):
    article_id: str
    chart: ChartData
    live_prices_problem: str | None = None
    """`Library.live_prices_problem()` right after this chart asked the price chain."""
    focus: str | None = None
    """The left pane's instrument the chart was asked for (`Loaded.focus`)."""


@dataclass
class MovesReady(Message):
    moves: dict[str, float | None]
    symbols: dict[str, str | None]
    """The instrument each move was measured for (ISIN, else ticker): an instrument's
    list measures its own, so a move that arrives after another list was chosen may
    be another instrument's."""
    lines: dict[str, str] = field(default_factory=dict)
    """Article id → the line a move was measured on when it is another line of the
    company than the one the row names (SAP for SAP.DE)."""


@dataclass
class QuotesReady(Message):
    """The watchlist's quotes for the quote strip, in watchlist order."""

    quotes: list[Quote | NoQuote]
    live_prices_problem: str | None = None
    """`Library.live_prices_problem()` right after the quotes asked the price chain."""


@dataclass
class FlagsSaved(Message):
    """Read/starred state was written; the row and the counts need redrawing."""

    summary: ArticleSummary


@dataclass
class MarkedAllRead(Message):
    """`A` marked the whole list read; `request` says which list that was."""

    request: int
    count: int


@dataclass
class SourceDone(Message):
    """One source finished during a poll or a seed scan."""

    key: str
    title: str
    status: str
    """"new", "unchanged" or "error"."""
    new: int = 0
    error: str | None = None


@dataclass
class PollStarted(Message):
    total: int
    scan: bool = False
    """A cheap seed re-scan rather than a full poll: shown quietly."""


@dataclass
class PollFinished(Message):
    new: int
    errors: list[tuple[str, str]] = field(default_factory=list)
    """(source, reason) for every source that failed."""
    scan: bool = False


@dataclass
class FollowingChanged(Message):
    """To the app, from the palette's follow worker: the config's feeds and the
    watchlist changed; the list is reloaded and, online, new feeds polled at once."""

    new_feeds: bool
