"""Quotes for the watchlist strip: last price, day change and whether the market trades.

Built from the daily closes the price service already keeps (cache → CSV → Yahoo), so
the strip costs no extra requests and works offline from the cache, saying how old
the cache is. The market's state comes from the listing's regular trading hours in
its own time zone: by the clock, without exchange holidays, which is what a glance
at a strip needs and what needs no network.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from tui_reader.templates import listing_market

if TYPE_CHECKING:
    from tui_reader.prices.service import PriceHistory, PriceService


@dataclass(frozen=True, slots=True)
class Hours:
    zone: str
    opens: time
    closes: time
    pre: time | None = None
    """Start of pre-market trading, where the venue has it."""
    after: time | None = None
    """End of after-hours trading."""
    lunch: tuple[time, time] | None = None


_HOURS: dict[str, Hours] = {
    "US": Hours("America/New_York", time(9, 30), time(16), time(4), time(20)),
    "CA": Hours("America/Toronto", time(9, 30), time(16)),
    "DE": Hours("Europe/Berlin", time(9), time(17, 30), time(8), time(22)),
    "AT": Hours("Europe/Vienna", time(9), time(17, 30)),
    "CH": Hours("Europe/Zurich", time(9), time(17, 30)),
    "GB": Hours("Europe/London", time(8), time(16, 30)),
    "FR": Hours("Europe/Paris", time(9), time(17, 30)),
    "NL": Hours("Europe/Amsterdam", time(9), time(17, 30)),
    "BE": Hours("Europe/Brussels", time(9), time(17, 30)),
    "IT": Hours("Europe/Rome", time(9), time(17, 30)),
    "ES": Hours("Europe/Madrid", time(9), time(17, 30)),
    "HK": Hours("Asia/Hong_Kong", time(9, 30), time(16), lunch=(time(12), time(13))),
    "JP": Hours("Asia/Tokyo", time(9), time(15, 30), lunch=(time(11, 30), time(12, 30))),
    "CN": Hours("Asia/Shanghai", time(9, 30), time(15), lunch=(time(11, 30), time(13))),
    "AU": Hours("Australia/Sydney", time(10), time(16)),
}


def market_state(symbol: str, now: datetime) -> str | None:
    """`open`, `closed`, `pre-market`, `after-hours` or `lunch break` for the listing's
    venue at `now` (aware); None for a venue whose hours we do not know."""
    hours = _HOURS.get(listing_market(symbol)[0])
    if hours is None:
        return None
    local = now.astimezone(ZoneInfo(hours.zone))
    if local.weekday() >= 5:
        return "closed"
    clock = local.time()
    if hours.opens <= clock < hours.closes:
        if hours.lunch and hours.lunch[0] <= clock < hours.lunch[1]:
            return "lunch break"
        return "open"
    if hours.pre and hours.pre <= clock < hours.opens:
        return "pre-market"
    if hours.after and hours.closes <= clock < hours.after:
        return "after-hours"
    return "closed"


@dataclass(frozen=True, slots=True)
class Quote:
    symbol: str
    """As the watchlist names it (a ticker or an ISIN)."""
    last: float
    """The latest close the service has."""
    day: date
    change_pct: float | None
    """Against the close before; None with a single close."""
    currency: str | None
    state: str | None
    """See `market_state`."""
    age: timedelta | None
    """How old the cached closes are when they could not be refreshed (offline, Yahoo
    unreachable); None when fresh or from a price CSV."""
    dated: bool = False
    """The last close is more than a few days old (a price CSV that ends long ago):
    the strip then shows its day, so an old price is never read as today's."""
    line: str | None = None
    """The listing quoted when it is not the one the watchlist names: an ISIN's ticker
    (BABA for US01609W1027), or the company's other line when the named one has no
    prices (SAP for SAP.DE): the strip shows this symbol, so a price is never shown
    under another line's name."""
    line_of: str | None = None
    """The line the watchlist names (SAP.DE) when `line` is another line of its company,
    not merely its ticker: the strip says so, as the article's chart does."""


@dataclass(frozen=True, slots=True)
class NoQuote:
    symbol: str
    reason: str


def quote_from(symbol: str, history: PriceHistory, now: datetime, fetched_at: datetime | None) -> Quote | NoQuote:
    """The quote a price history gives; `fetched_at` is when the cache was filled."""
    if not history.points:
        return NoQuote(symbol, "no closes")
    last = history.points[-1]
    before = history.points[-2].close if len(history.points) > 1 else None
    change = (last.close / before - 1) * 100 if before else None
    age = now - fetched_at if history.stale and fetched_at else None
    dated = (now.date() - last.day).days > _RECENT_DAYS
    line = history.symbol if history.symbol and history.symbol.upper() != symbol.upper() else None
    return Quote(symbol, last.close, last.day, change, history.currency, market_state(history.symbol, now), age, dated,
                 line, history.line_of)


_RECENT_DAYS = 4
"""A last close within this many days is current (a weekend and a holiday)."""


def watchlist_quotes(service: PriceService, symbols: Sequence[str], now: datetime | None = None) -> list[Quote | NoQuote]:
    """One quote per watchlist entry, in order; blocking (a worker thread calls it on
    the poll interval). A symbol without prices gives a `NoQuote` with the reason."""
    from datetime import UTC

    from tui_reader.prices.service import InvalidIsin, NoPrices

    now = now or datetime.now(UTC)
    quotes: list[Quote | NoQuote] = []
    for symbol in symbols:
        try:
            history = service.history(symbol)
        except (NoPrices, InvalidIsin) as exc:
            quotes.append(NoQuote(symbol, getattr(exc, "reason", str(exc))))
            continue
        cached = service.store.cached_prices(history.symbol)
        quotes.append(quote_from(symbol, history, now, cached.fetched_at if cached else None))
    return quotes
