"""The only module that touches yfinance: two small functions, nothing else.

yfinance (with pandas) costs about 0.6 s to import, so it is imported inside the
functions, which the service runs in a worker thread. Its failures arrive in two shapes,
exceptions (DNS errors offline, HTTP 429) and silently empty frames; both are turned into
our own exceptions or an empty list here, so nothing above this module knows yfinance.
"""

from __future__ import annotations

import logging
import math
from datetime import date, datetime, timedelta
from types import ModuleType

from tui_reader.model import PricePoint
from tui_reader.prices.csvfiles import is_holiday_stub


class YahooError(Exception):
    """Yahoo could not be asked or refused to answer; `reason` is user-facing."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class RateLimited(YahooError):
    """HTTP 429 or an explicit refusal: the caller backs off."""


class Unreachable(YahooError):
    """No answer at all (no network, DNS failure, timeout)."""


_configured = False


def _yf() -> ModuleType:
    """Import yfinance once, point its caches at ours and make it raise instead of log."""
    global _configured
    import yfinance as yf

    if not _configured:
        # yfinance logs its retries as warnings; with no handler Python would print them
        # over the TUI. Our exceptions carry the reason instead.
        logging.getLogger("yfinance").addHandler(logging.NullHandler())
        from tui_reader.locations import cache_dir

        folder = cache_dir() / "yfinance"
        folder.mkdir(parents=True, exist_ok=True)
        yf.set_tz_cache_location(str(folder))
        # By default yfinance logs errors and returns an empty frame; raising lets us tell
        # "offline" from "no such symbol".
        yf.config.debug.hide_exceptions = False
        _configured = True
    return yf


def _classify(exc: Exception) -> YahooError | None:
    """Map a yfinance failure to ours; None means "Yahoo has no data for this symbol"."""
    from yfinance import exceptions as yfe

    if isinstance(exc, yfe.YFRateLimitError):
        return RateLimited("Yahoo rate limit")
    if isinstance(exc, yfe.YFTickerMissingError):
        return None
    if isinstance(exc, yfe.YFDataException):
        return RateLimited(f"Yahoo refused: {exc}")
    if isinstance(exc, yfe.YFException):
        return YahooError(f"Yahoo error: {exc}")
    return Unreachable(f"cannot reach Yahoo ({type(exc).__name__})")


def fetch_daily(symbol: str, start: date, end: date, timeout: float) -> tuple[list[PricePoint], str | None]:
    """Daily closes (split-adjusted, not dividend-adjusted: the prices people quote) from
    `start` to `end` inclusive, and the listing's currency. An empty list means Yahoo
    has no data for the symbol; raises `YahooError` when Yahoo could not be asked."""
    yf = _yf()
    ticker = yf.Ticker(symbol)
    try:
        frame = ticker.history(
            start=start.isoformat(),
            end=(end + timedelta(days=1)).isoformat(),  # yfinance's end is exclusive
            interval="1d",
            auto_adjust=False,
            actions=False,
            timeout=timeout,
        )
        currency = (ticker.get_history_metadata() or {}).get("currency") if not frame.empty else None
    except Exception as exc:  # yfinance raises anything from curl, pandas and itself
        error = _classify(exc)
        if error is None:
            return [], None
        raise error from exc
    points: list[PricePoint] = []
    for stamp, row in frame.iterrows():
        close = float(row["Close"])
        if not math.isfinite(close) or close <= 0:
            continue
        if is_holiday_stub(float(row["Open"]), float(row["High"]), float(row["Low"]), close, float(row["Volume"])):
            continue
        points.append(PricePoint(stamp.date(), close))
    return points, currency


def fetch_intraday(symbol: str, start: datetime, end: datetime, interval: int, timeout: float) -> list[tuple[int, float]]:
    """(bar start in unix seconds, close) of `interval`-second bars (300 or 3600) from
    `start` to `end`; Yahoo keeps 5-minute bars for 60 days and hourly ones for 730. An
    empty list means no data; raises `YahooError` when Yahoo could not be asked."""
    yf = _yf()
    try:
        frame = yf.Ticker(symbol).history(
            start=start, end=end, interval=f"{interval // 60}m", auto_adjust=False, actions=False,
            prepost=False, timeout=timeout,
        )
    except Exception as exc:  # see fetch_daily
        error = _classify(exc)
        if error is None:
            return []
        raise error from exc
    bars = []
    for stamp, row in frame.iterrows():
        close = float(row["Close"])
        if math.isfinite(close) and close > 0:
            bars.append((int(stamp.timestamp()), close))
    return bars


def search_isin(isin: str, timeout: float) -> tuple[str, str | None] | None:
    """Yahoo's symbol for an ISIN the offline directory does not know, or None when
    Yahoo knows none. The search result carries no currency; the history fetch fills it."""
    yf = _yf()
    try:
        quotes = yf.Search(isin, max_results=1, news_count=0, lists_count=0, timeout=timeout).quotes
    except Exception as exc:  # see fetch_daily
        error = _classify(exc)
        if error is None:
            return None
        raise error from exc
    symbol = quotes[0].get("symbol") if quotes else None
    return (symbol, quotes[0].get("currency")) if symbol else None
