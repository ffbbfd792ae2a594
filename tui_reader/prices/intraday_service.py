"""Where an article's intraday reaction comes from: the store's cache, a CSV, then Yahoo.

The same chain as the daily closes (`service.py`), for bars: a cached series answers
when it holds the whole reaction, or when it was fetched within `refresh_after` (a
pending first day is not re-fetched on every look); `prices/<SYMBOL>.intraday.csv`
answers offline; Yahoo is asked online, under the daily chain's gate (one back-off for
every Yahoo call), for the whole span it keeps of the finest bars the article's age
allows, so every article about the symbol is answered from the one request. When Yahoo
refuses or is unreachable, whatever the cache or CSV had still answers; only when there
is nothing does `NoIntraday` say why. Articles older than Yahoo's intraday span have
no reaction unless a CSV holds one: their view stays the daily one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from tui_reader.prices import csvfiles, yahoo
from tui_reader.prices.gate import YahooGate
from tui_reader.prices.intraday import SPANS, Bar, Reaction, interval_for, reaction
from tui_reader.prices.intraday_csv import SUFFIX, read_intraday_csv

if TYPE_CHECKING:
    from tui_reader.prices.service import PriceService
    from tui_reader.store import Store

FetchIntraday = Callable[[str, datetime, datetime, int, float], list[tuple[int, float]]]


class NoIntraday(Exception):
    """No reaction to show; `reason` is user-facing ("Yahoo rate limit; retrying after 10:42")."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Found:
    reaction: Reaction
    source: str
    """"cache", "csv" or "yahoo"."""


class IntradayReactions:
    """Thread-safe as far as the store and the gate are: the app's article worker calls it."""

    def __init__(
        self,
        store: Store,
        seed_dirs: Sequence[Path],
        offline: bool,
        *,
        gate: YahooGate | None = None,
        timeout: float = 10.0,
        refresh_after: timedelta = timedelta(hours=1),
        fetch: FetchIntraday | None = None,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        self.store = store
        self.seed_dirs = list(seed_dirs)
        self.offline = offline
        self.timeout = timeout
        self.refresh_after = refresh_after
        self._now = now or (lambda: datetime.now(UTC))
        self._gate = gate or YahooGate(timedelta(minutes=15), timeout, self._now)
        self._fetch = fetch or yahoo.fetch_intraday

    @classmethod
    def of(cls, service: PriceService, now: Callable[[], datetime] | None = None) -> IntradayReactions:
        """Sharing a daily price service's store, folders, mode and Yahoo gate; `now`
        decides which articles are recent enough (the app's test clock, else the real one)."""
        return cls(service.store, service.seed_dirs, service.offline, gate=service.gate, timeout=service.timeout,
                   now=now)

    def reaction(self, symbol: str, published: datetime) -> Found:
        """The first-hour and first-day moves of `symbol` after `published` (aware).
        Raises `NoIntraday`; its reason is "older than Yahoo's intraday data" for an
        article only daily closes can answer."""
        now = self._now()
        interval = interval_for(published, now)
        partial: Found | None = None
        if interval is not None:
            cached = self.store.cached_intraday(symbol, interval)
            if cached is not None and cached.bars:
                found = Found(_react(cached.bars, interval, published), "cache")
                if _complete(found.reaction) or now - cached.fetched_at < self.refresh_after:
                    return found
                partial = found
        from_csv = self._csv(symbol, published)
        if from_csv is not None and interval is None and from_csv.reaction.hour is None and from_csv.reaction.day is None:
            # A CSV that ends before an old article says nothing about it; "pending" would
            # promise bars that will never come.
            from_csv = None
        if from_csv is not None and (_complete(from_csv.reaction) or interval is None or self.offline):
            return from_csv
        partial = partial or from_csv
        if interval is None:
            raise NoIntraday("older than Yahoo's intraday data")
        if self.offline:
            if partial:
                return partial
            raise NoIntraday("offline; no intraday cache or CSV")
        try:
            bars = self._gate.ask(f"{symbol} {interval}s", self._fetch, symbol, now - _span(interval), now,
                                  interval, self.timeout)
        except yahoo.YahooError as exc:
            if partial:
                return partial
            raise NoIntraday(exc.reason) from None
        if not bars:
            if partial:
                return partial
            raise NoIntraday(f"no intraday data for {symbol} at Yahoo")
        self.store.save_intraday(symbol, interval, bars, source="yahoo")
        merged = self.store.cached_intraday(symbol, interval)
        return Found(_react(merged.bars if merged else bars, interval, published), "yahoo")

    def _csv(self, symbol: str, published: datetime) -> Found | None:
        path = csvfiles.find_csv(symbol, self.seed_dirs, SUFFIX)
        if path is None:
            return None
        try:
            series = read_intraday_csv(path)
        except (csvfiles.BadCsv, OSError):
            return None
        found = reaction(series.bars, series.interval, published)
        return Found(found, "csv") if found.base is not None else None


def _react(bars: list[tuple[int, float]], interval: int, published: datetime) -> Reaction:
    return reaction([Bar(start, close) for start, close in bars], interval, published)


def _complete(found: Reaction) -> bool:
    return found.base is not None and found.hour is not None and found.day is not None


def _span(interval: int) -> timedelta:
    return next(span for length, span in SPANS if length == interval)

