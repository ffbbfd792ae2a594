"""Where daily closes come from: the store's cache, then price CSVs, then Yahoo.

The chain is ordered by cost and trust: a cached Yahoo series younger than `cache_ttl`
is used as is; a CSV in a seed folder answers any request it covers without the network;
Yahoo is asked only online, at most once per symbol per `retry_interval`, never while a
429 backoff runs, and with a hard timeout so a hanging request cannot freeze a worker.
When Yahoo fails, an older cache or a CSV still answers (marked `stale` or with a warning);
only when nothing is left does `NoPrices` carry the reason to the user.

An ISIN may have several listings (SAP: SAP.DE on Xetra, the NYSE ADR SAP); each is
tried in the directory's order and the result says which listing and currency answered.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

from tui_reader.isin_shape import looks_like_isin
from tui_reader.model import Article, Instrument, PricePoint
from tui_reader.prices import csvfiles, yahoo
from tui_reader.prices.claims import ClaimCheck, claim_checks
from tui_reader.prices.gate import YahooGate
from tui_reader.prices.window import Window, price_window

if TYPE_CHECKING:
    from tui_reader.store import Store

Source = Literal["cache", "csv", "yahoo"]
FetchDaily = Callable[[str, date, date, float], tuple[list[PricePoint], "str | None"]]
SearchIsin = Callable[[str, float], "tuple[str, str | None] | None"]

class Listings(Protocol):
    """The part of the offline directory (`extract.directory`) the chain needs."""

    def by_ticker(self, symbol: str) -> Instrument | None: ...
    def listings(self, isin: str) -> list[Instrument]: ...


YAHOO_SPAN = timedelta(days=730)
"""How far back a Yahoo fetch reaches when the caller gives no start: enough for a
chart, a 12-month claim and the article windows of the last year."""
CLAIM_LOOKBACK = timedelta(days=400)
"""History an article needs before publication: a "12-month gain" plus holidays."""


class NoPrices(Exception):
    """Nothing to show for `symbol`; `reason` is user-facing ("offline; no cache or CSV")."""

    def __init__(self, symbol: str, reason: str) -> None:
        super().__init__(f"no prices for {symbol} ({reason})")
        self.symbol = symbol
        self.reason = reason


class OutsideSpan(NoPrices):
    """A listing has closes, none of them between the dates asked for: `found` holds
    them all, so the caller can say which way they fall short ("SAP's prices end
    2024-03-08, before this article") instead of passing for a listing without any."""

    def __init__(self, symbol: str, reason: str, found: PriceHistory) -> None:
        super().__init__(symbol, reason)
        self.found = found


class InvalidIsin(ValueError):
    """Looks like an ISIN but its check digit is wrong: a typo, not an unknown symbol."""

    def __init__(self, text: str) -> None:
        super().__init__(f"{text} is not a valid ISIN (check digit)")


@dataclass(frozen=True, slots=True)
class PriceHistory:
    symbol: str
    """The Yahoo symbol of the listing that answered (SAP, not SAP.DE, offline)."""
    isin: str | None
    currency: str | None
    source: Source
    points: list[PricePoint]
    exchange: str | None = None
    stale: bool = False
    """Older than the cache lifetime and could not be refreshed (offline or Yahoo failed)."""
    warnings: list[str] = field(default_factory=list)
    """Why a fallback answered, and CSV rows that were skipped."""
    line_of: str | None = None
    """The line asked for (SAP.DE) when these closes are another line's (SAP's):
    whatever shows them says so, never passing them off as the named line's."""

    def to_json(self) -> dict[str, object]:
        """The object `tui-reader prices --json` prints (see CONTRACT.md)."""
        return {
            "symbol": self.symbol,
            "isin": self.isin,
            "currency": self.currency,
            "source": self.source,
            "closes": [{"date": p.day.isoformat(), "close": p.close} for p in self.points],
        }


@dataclass(frozen=True, slots=True)
class ArticleWindow:
    """Everything the article view shows about prices, computed off the event loop."""

    history: PriceHistory
    window: Window
    checks: list[ClaimCheck]


@dataclass(slots=True)
class _SymbolLock:
    lock: threading.Lock = field(default_factory=threading.Lock)
    users: int = 0
    """Chain runs holding or waiting for `lock`."""


class PriceService:
    """Shared by the CLI and the UI's workers; safe to call from several threads."""

    def __init__(
        self,
        store: Store,
        seed_dirs: Sequence[Path],
        offline: bool,
        cache_ttl: timedelta = timedelta(hours=4),
        *,
        timeout: float = 10.0,
        retry_interval: timedelta = timedelta(minutes=15),
        fetch_daily: FetchDaily | None = None,
        search_isin: SearchIsin | None = None,
        directory: Listings | None = None,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        self.store = store
        self.seed_dirs = list(seed_dirs)
        self.offline = offline
        self.cache_ttl = cache_ttl
        self.timeout = timeout
        self._fetch_daily = fetch_daily or yahoo.fetch_daily
        self._search_isin = search_isin or yahoo.search_isin
        self._directory = directory
        self._now = now or (lambda: datetime.now(UTC))
        self._lock = threading.Lock()
        self._gate = YahooGate(retry_interval, timeout, self._now)
        self._symbol_locks: dict[str, _SymbolLock] = {}
        """Only symbols a chain run holds or waits for: a long session asks for
        thousands of symbols, and a lock per symbol kept forever would be a leak."""

    # ---- public -------------------------------------------------------------------

    @property
    def yahoo_trouble(self) -> yahoo.YahooError | None:
        """The dead network or refusal (`Unreachable`, `RateLimited`) that stopped the
        last Yahoo call, until Yahoo answers again; None while it answers or before it
        is asked. Lets the UI say once that prices are not live, where otherwise only
        each article's chart area would."""
        return self._gate.trouble

    @property
    def gate(self) -> YahooGate:
        """How often Yahoo may be asked; the intraday chain shares it (one back-off)."""
        return self._gate

    def history(self, symbol_or_isin: str, start: date | None = None, end: date | None = None) -> PriceHistory:
        """Daily closes between start and end (inclusive; None = all available).
        Raises `NoPrices` with a user-facing reason, `InvalidIsin` for a bad check digit."""
        text = symbol_or_isin.strip().upper()
        listings = self._listings(text)
        named = listings[0]
        failures: list[NoPrices] = []
        for listing in listings:
            try:
                with self._symbol_lock(listing.ticker or ""):
                    found = self._history_of(listing, start, end)
            except NoPrices as exc:
                failures.append(exc)
                continue
            return replace(found, line_of=named.other_line(found.symbol, found.isin))
        assert failures  # _listings never returns an empty list
        outside = next((f for f in failures if isinstance(f, OutsideSpan)), None)
        if outside is None:
            raise NoPrices(text, failures[0].reason)
        # Closes outside the span say more than the named line's "no cache or CSV": an
        # article of this month under SAP.DE has none because SAP's CSV ends in 2024.
        said = [f"{f.symbol}: {f.reason}" for f in failures[: failures.index(outside)]]
        found = outside.found
        raise OutsideSpan(text, "; ".join([*said, outside.reason]),
                          replace(found, line_of=named.other_line(found.symbol, found.isin)))

    @contextmanager
    def _symbol_lock(self, symbol: str) -> Iterator[None]:
        """One chain run per symbol at a time: a second worker asking for the same
        symbol waits and then finds the cache the first one filled. The last user out
        drops the symbol's lock."""
        with self._lock:
            entry = self._symbol_locks.get(symbol)
            if entry is None:
                entry = self._symbol_locks[symbol] = _SymbolLock()
            entry.users += 1
        try:
            with entry.lock:
                yield
        finally:
            with self._lock:
                entry.users -= 1
                if not entry.users:
                    del self._symbol_locks[symbol]

    def article_window(self, article: Article) -> ArticleWindow:
        """The primary instrument's window around publication, its moves and the claim
        checks of the article's stated moves. Raises `NoPrices` (also when the article
        names no instrument)."""
        primary = article.primary
        key = primary and (primary.isin or primary.ticker)
        if not primary or not key:
            raise NoPrices(article.title[:40], "the article names no instrument")
        start = (article.published - CLAIM_LOOKBACK).date() if article.published else None
        try:
            history = self.history(key, start=start)
        except OutsideSpan as exc:
            # Closes, none within the year before the article: an empty window, whose
            # reason the caller reads from those closes (they end before it).
            history = exc.found
        window = price_window(history.points, article.published, symbol=history.symbol)
        listing = Instrument(history.isin, history.symbol, primary.name, history.exchange, history.currency)
        others = [i for i in self._company_listings(history) if i.ticker != history.symbol]

        def series_of(other: Instrument) -> list[PricePoint] | None:
            # Asked only when a sentence names that line ("the Hong Kong line"), so an
            # article about BABA does not cost a 9988.HK request when it never quotes it.
            try:
                found = self.history(other.ticker or "", start=start)
            except NoPrices:
                return None
            return found.points if found.symbol == other.ticker else None  # not a fallback line's prices

        checks = claim_checks(article, history.points, listing, others, series_of)
        return ArticleWindow(history, window, checks)

    def _company_listings(self, history: PriceHistory) -> list[Instrument]:
        """Every line of the company the history belongs to (BABA and 9988.HK)."""
        return [i for i in self._listings_source().listings(history.isin or history.symbol) if i.ticker]

    # ---- symbol resolution ----------------------------------------------------------

    def _listings_source(self) -> Listings:
        """The offline directory, loaded on first use (it costs start-up time)."""
        if self._directory is None:
            from tui_reader.extract.directory import directory

            self._directory = directory()
        return self._directory

    def _listings(self, text: str) -> list[Instrument]:
        source = self._listings_source()
        if not looks_like_isin(text):
            found = source.by_ticker(text)
            if not found or not found.ticker:
                return [Instrument(None, text, None)]
            # the company's lines on other markets are fallbacks, as for its ISIN: SAP.DE
            # without prices of its own shows the NYSE line's, under that line's symbol
            return [found, *_other_markets([found], [i for i in source.listings(text) if i.ticker != found.ticker])]
        from tui_reader.extract.isins import is_isin

        if not is_isin(text):
            raise InvalidIsin(text)
        # The directory lists a company's lines primary first (BABA before 9988.HK);
        # the line of the ISIN asked for goes first, the others are fallbacks.
        lines = [i for i in source.listings(text) if i.ticker]
        own = [i for i in lines if i.isin == text]
        listings = own + _other_markets(own, [i for i in lines if i.isin != text]) if own else lines
        return listings or [self._searched_listing(text)]

    def lookup_isin(self, isin: str) -> Instrument | None:
        """The listing of an ISIN the offline directory lacks: the store's memory of an
        earlier search, else Yahoo's ISIN search (online only), remembered either way,
        so ISIN-only articles can be filed under the ticker too (`upkeep.fill_tickers`).
        None when Yahoo knows none; `NoPrices` when it cannot be asked (offline, a
        back-off running, no answer)."""
        cached = self.store.cached_symbol(isin)
        if cached is not None:
            return Instrument(isin, cached.symbol, None, currency=cached.currency) if cached.symbol else None
        if self.offline:
            raise NoPrices(isin, "offline; ISIN not in the offline directory")
        try:
            found = self._gate.ask(isin, self._search_isin, isin, self.timeout)
        except yahoo.YahooError as exc:
            raise NoPrices(isin, exc.reason) from None
        self.store.save_symbol(isin, found[0] if found else None, found[1] if found else None)
        return Instrument(isin, found[0], None, currency=found[1]) if found else None

    def _searched_listing(self, isin: str) -> Instrument:
        found = self.lookup_isin(isin)
        if found is None:
            raise NoPrices(isin, "unknown symbol")
        return found

    # ---- the chain ------------------------------------------------------------------

    def _history_of(self, listing: Instrument, start: date | None, end: date | None) -> PriceHistory:
        symbol = listing.ticker or ""
        now = self._now()
        warnings: list[str] = []
        cached = self.store.cached_prices(symbol)
        cache_result = None
        if cached is not None and cached.points:
            stale = now - cached.fetched_at > self.cache_ttl
            cache_result = self._result(listing, "cache", cached.points, cached.currency, stale=stale)
            if not stale and _covers(cached.points, start, None):
                return _clip(cache_result, start, end)
        csv_result = self._csv_result(listing, warnings)
        if csv_result and end is not None and _covers(csv_result.points, start, end):
            return _clip(csv_result, start, end)

        if not self.offline:
            try:
                points, currency = self._fetch(symbol, start, now)
            except yahoo.YahooError as exc:
                warnings.append(exc.reason)
            else:
                if points:
                    self.store.save_prices(symbol, points, currency=listing.currency or currency, source="yahoo")
                    merged = self.store.cached_prices(symbol)
                    fetched = merged.points if merged else points
                    return _clip(self._result(listing, "yahoo", fetched, currency), start, end)
                warnings.append(f"no data for {symbol} at Yahoo")

        fallbacks = [r for r in (cache_result, csv_result) if r is not None]
        if fallbacks:
            best = next((r for r in fallbacks if _covers(r.points, start, None)), fallbacks[0])
            return _clip(replace(best, warnings=warnings + best.warnings), start, end)
        if self.offline:
            raise NoPrices(symbol, "; ".join(["offline", "no cache or CSV", *warnings]))
        raise NoPrices(symbol, warnings[-1])

    def _csv_result(self, listing: Instrument, warnings: list[str]) -> PriceHistory | None:
        path = csvfiles.find_csv(listing.ticker or "", self.seed_dirs)
        if path is None:
            return None
        try:
            series = csvfiles.read_csv(path)
        except (csvfiles.BadCsv, OSError) as exc:
            warnings.append(f"{path.name}: {getattr(exc, 'reason', None) or exc}")
            return None
        skipped = [f"{path.name} {w}" for w in series.warnings]
        return self._result(listing, "csv", series.points, None, warnings=skipped)

    def _result(self, listing: Instrument, source: Source, points: list[PricePoint], currency: str | None,
                *, stale: bool = False, warnings: list[str] | None = None) -> PriceHistory:
        return PriceHistory(
            symbol=listing.ticker or "",
            isin=listing.isin,
            currency=listing.currency or currency,
            source=source,
            points=list(points),
            exchange=listing.exchange,
            stale=stale,
            warnings=warnings or [],
        )

    # ---- Yahoo (how often it may be asked: gate.py) ------------------------------------

    def _fetch(self, symbol: str, start: date | None, now: datetime) -> tuple[list[PricePoint], str | None]:
        today = now.date()
        first = min(start, today - YAHOO_SPAN) if start else today - YAHOO_SPAN
        return self._gate.ask(symbol, self._fetch_daily, symbol, first, today, self.timeout)


def _other_markets(own: list[Instrument], others: list[Instrument]) -> list[Instrument]:
    """The company's lines that may stand in for `own`: those on another market (the
    NYSE ADR for SAP.DE, Hong Kong's 9988 for BABA). A second share class on the same
    market (BRK-A for BRK-B, GOOGL for GOOG) is another security, not a fallback."""
    from tui_reader.templates import listing_market

    markets = {listing_market(i.ticker or "")[0] for i in own}
    return [i for i in others if i.ticker and listing_market(i.ticker)[0] not in markets]


def _covers(points: list[PricePoint], start: date | None, end: date | None) -> bool:
    """Whether a series reaches back to `start` and forward to `end` (a week's slack for
    weekends and holidays at either edge)."""
    if not points:
        return False
    slack = timedelta(days=7)
    if start is not None and points[0].day > start + slack:
        return False
    return end is None or points[-1].day >= end - slack


def _clip(found: PriceHistory, start: date | None, end: date | None) -> PriceHistory:
    points = [p for p in found.points if (start is None or p.day >= start) and (end is None or p.day <= end)]
    if not points:
        if not found.points:
            raise NoPrices(found.symbol, f"no closes between {start or '…'} and {end or '…'} ({found.source} covers nothing)")
        span = f"{found.points[0].day}..{found.points[-1].day}"
        raise OutsideSpan(found.symbol, f"no closes between {start or '…'} and {end or '…'} ({found.symbol}'s "
                                        f"{found.source} covers {span})", found)
    return replace(found, points=points)
