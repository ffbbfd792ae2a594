"""What the calendar and instrument screens show, read in their workers.

Textual-free, like `data.Library`: the coming dates of the stored articles (for the
watchlist or everything) and an instrument's price history with its articles on it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from tui_reader.events import Event, events_of, touching
from tui_reader.isin_shape import looks_like_isin
from tui_reader.model import Article, PricePoint

if TYPE_CHECKING:
    from tui_reader.app.data import Library
    from tui_reader.store import ArticleSummary

RANGES: dict[str, tuple[str, int]] = {
    "1m": ("1M", 31),
    "3m": ("3M", 92),
    "6m": ("6M", 183),
    "1y": ("1Y", 366),
    "5y": ("5Y", 5 * 366),
}
"""Range id → (label, days back from the latest close) of the instrument view."""


def about_watchlist(article: Article, watchlist: Sequence[str]) -> bool:
    """The article names a watchlist entry (a ticker with or without its exchange
    suffix, or an ISIN), as `ticker:`/`isin:` in the query language mean it."""
    from tui_reader.query.evaluate import Facts, matches
    from tui_reader.query.syntax import Keyed

    facts = Facts(article)
    today = date.today()
    return any(
        matches(Keyed("isin" if looks_like_isin(entry) else "ticker", entry.upper()), facts, today) for entry in watchlist
    )


def coming_events(library: Library, start: date, watchlist: Sequence[str] | None, limit: int = -1) -> list[Event]:
    """Events from `start` on: those about the watchlist, or all (None); of the newest
    `limit` articles stating one (-1: all). An article about the watchlist may date
    another of its instruments' results, hence the second test, on each event's own."""
    articles = library.store.articles_with_dates(start.isoformat(), None, limit=limit)
    if watchlist is None:
        return events_of(articles, start)
    return touching(events_of((a for a in articles if about_watchlist(a, watchlist)), start), watchlist)


@dataclass(frozen=True, slots=True)
class InstrumentHistory:
    """An instrument's closes (as far back as the price chain reaches) and its news."""

    symbol: str
    name: str | None
    currency: str | None = None
    source: str | None = None
    points: list[PricePoint] = field(default_factory=list)
    articles: list[ArticleSummary] = field(default_factory=list)
    """Oldest first, dated ones only: the markers, in the order `[`/`]` walk them."""
    reason: str | None = None
    """Why there are no closes; None when `points` is not empty."""
    line_of: str | None = None
    """The line asked for (SAP.DE) when `symbol`'s closes (SAP's) are another line's."""

    @property
    def named(self) -> str:
        """The instrument the view is about, as the reading screen names it (SAP.DE),
        whichever line's closes it shows."""
        return self.line_of or self.symbol

    def window(self, range_id: str) -> list[PricePoint]:
        """The closes of the range, counted back from the latest close (not today: a
        CSV that stops last month still shows its last month)."""
        if not self.points:
            return []
        first = self.points[-1].day - timedelta(days=RANGES[range_id][1])
        return [p for p in self.points if p.day >= first]


def instrument_history(library: Library, key: str | None, symbol: str, name: str | None) -> InstrumentHistory:
    """Closes of `symbol` (a ticker or ISIN) and the stored articles of instrument `key`
    (None: a watchlist entry without news)."""
    service = library.price_service()  # imports the price package, under the library's lock
    from tui_reader.prices.service import NoPrices

    found = library.store.articles(instrument=key, limit=-1) if key else []
    summaries = [s for s in found if s.published is not None]
    summaries.sort(key=lambda s: s.published)  # type: ignore[arg-type, return-value]
    start = date.today() - timedelta(days=RANGES["5y"][1])
    try:
        history = service.history(symbol, start=start)
    except NoPrices as exc:
        return InstrumentHistory(symbol, name, articles=summaries, reason=exc.reason)
    except ValueError as exc:  # InvalidIsin
        return InstrumentHistory(symbol, name, articles=summaries, reason=str(exc))
    if not history.points:
        return InstrumentHistory(symbol, name, articles=summaries, reason="no closes")
    return InstrumentHistory(
        history.symbol, name, history.currency, history.source + (" (stale)" if history.stale else ""),
        list(history.points), summaries, line_of=history.line_of,
    )
