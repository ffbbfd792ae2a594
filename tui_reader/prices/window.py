"""What the price did around an article: pure functions over daily closes, so they
are tested on real series without I/O. Checking an article's stated moves against
these closes lives in `claims.py`.

Moves are percentages (1.5 means +1.5 %), rounded nowhere: the UI formats them.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from operator import attrgetter
from zoneinfo import ZoneInfo

from tui_reader.model import PricePoint


@dataclass(frozen=True, slots=True)
class Market:
    zone: str
    close: time
    """Regular session close in local time; a close is "known" from this moment on."""
    places: str = ""
    """Regex alternatives (casefolded) writers use to name a listing here ("hong kong"),
    so a claim about "the Hong Kong line" is checked against that listing's closes."""


US = Market("America/New_York", time(16, 0), r"new york|nyse|nasdaq|wall street|u\.s\.|us")
_EUROPE_BERLIN = Market("Europe/Berlin", time(17, 30), r"frankfurt|xetra|german")
_MARKET_BY_SUFFIX = {
    "HK": Market("Asia/Hong_Kong", time(16, 0), r"hong kong|hkex"),
    "DE": _EUROPE_BERLIN,
    "F": _EUROPE_BERLIN,
    "AS": Market("Europe/Amsterdam", time(17, 30), r"amsterdam|euronext amsterdam|dutch"),
    "PA": Market("Europe/Paris", time(17, 30), r"paris|euronext paris"),
    "MI": Market("Europe/Rome", time(17, 30), r"milan"),
    "MC": Market("Europe/Madrid", time(17, 30), r"madrid"),
    "SW": Market("Europe/Zurich", time(17, 30), r"zurich|six|swiss"),
    "CO": Market("Europe/Copenhagen", time(17, 0), r"copenhagen"),
    "L": Market("Europe/London", time(16, 30), r"london|lse"),
    "T": Market("Asia/Tokyo", time(15, 30), r"tokyo"),
    "KS": Market("Asia/Seoul", time(15, 30), r"seoul|kospi"),
    "TW": Market("Asia/Taipei", time(13, 30), r"taipei|taiwan"),
    "SS": Market("Asia/Shanghai", time(15, 0), r"shanghai"),
    "SZ": Market("Asia/Shanghai", time(15, 0), r"shenzhen"),
    "NS": Market("Asia/Kolkata", time(15, 30), r"mumbai|nse"),
    "BO": Market("Asia/Kolkata", time(15, 30), r"mumbai|bse"),
}


_DAY = attrgetter("day")


def market_for(symbol: str) -> Market:
    """The exchange clock of a Yahoo symbol: its suffix (9988.HK, SAP.DE), else the US."""
    _, dot, suffix = symbol.rpartition(".")
    return _MARKET_BY_SUFFIX.get(suffix.upper(), US) if dot else US


@dataclass(frozen=True, slots=True)
class Window:
    points: list[PricePoint]
    """Closes from `before_days` before publication to `after_days` after it."""
    published_close: float | None
    published_day: date | None
    """The trading day of `published_close`: the last close known when the article appeared."""
    moves: dict[str, float | None]
    """"1d", "5d" (trading days after the published close) and "since" (to `latest`), in %."""
    latest: PricePoint | None


def close_index_at(points: list[PricePoint], published: datetime, market: Market = US) -> int | None:
    """Index of the last close known at `published` (an aware datetime).

    The rule: convert the timestamp to the exchange's local time; from the session close
    on (16:00 New York, 16:00 Hong Kong, 17:30 Frankfurt) that day's close is known,
    before it the previous trading day's is. So an article at 22:41 CET on 29 January
    2026 (16:41 New York) is after that day's US close: its close at publication is
    BABA's 29 January close, and its one-day move runs to the 30 January close.
    Weekends and holidays fall out by taking the last close on or before that day.
    """
    local = published.astimezone(ZoneInfo(market.zone))
    last_known = local.date() if local.time() >= market.close else local.date() - timedelta(days=1)
    return index_on_or_before(points, last_known)


def index_on_or_before(points: list[PricePoint], day: date) -> int | None:
    """Index of the last close on or before `day` (None when the series starts later).
    Bisects on the points themselves: a list of their days would cost O(n) per call,
    and the list's move column asks once per row."""
    index = bisect_right(points, day, key=_DAY) - 1
    return index if index >= 0 else None


def pct_change(start: float, end: float) -> float:
    return (end / start - 1.0) * 100.0


def price_window(
    points: list[PricePoint],
    published: datetime | None,
    before_days: int = 92,
    after_days: int = 31,
    *,
    symbol: str = "",
) -> Window:
    """The chart and moves for an article; `symbol` picks the exchange clock (see
    `close_index_at`). `points` must be ascending; the "since" move
    uses the latest close even when it lies beyond the window. Without a publication
    time the window is the latest `before_days + after_days` and there are no moves."""
    latest = points[-1] if points else None
    no_moves: dict[str, float | None] = {"1d": None, "5d": None, "since": None}
    if published is None or not points:
        first = latest.day - timedelta(days=before_days + after_days) if latest else date.min
        return Window([p for p in points if p.day >= first], None, None, no_moves, latest)
    market = market_for(symbol)
    local_day = published.astimezone(ZoneInfo(market.zone)).date()
    first, last = local_day - timedelta(days=before_days), local_day + timedelta(days=after_days)
    shown = [p for p in points if first <= p.day <= last]
    index = close_index_at(points, published, market)
    if index is None:
        return Window(shown, None, None, no_moves, latest)
    base = points[index]

    def move_to(offset: int) -> float | None:
        return pct_change(base.close, points[index + offset].close) if index + offset < len(points) else None

    moves = {"1d": move_to(1), "5d": move_to(5), "since": pct_change(base.close, points[-1].close) if index < len(points) - 1 else None}
    return Window(shown, base.close, base.day, moves, latest)



def empty_window_reason(points: list[PricePoint], published: datetime | None, symbol: str) -> str:
    """Why `price_window` drew nothing although the series has closes: it ends before
    the article (a CSV or an offline cache not brought up to date), begins after it, or
    has a gap around it. Said that way rather than "no prices": the instrument view shows
    those prices, and the user should learn which way they fall short."""
    if not points or published is None:
        return "no prices"
    day = published.astimezone(ZoneInfo(market_for(symbol).zone)).date()
    if points[-1].day < day:
        return f"{symbol}'s prices end {points[-1].day.isoformat()}, before this article"
    if points[0].day > day:
        return f"{symbol}'s prices begin {points[0].day.isoformat()}, after this article"
    index = index_on_or_before(points, day)
    before, after = points[index or 0], points[(index or 0) + 1]
    return f"{symbol}'s prices have a gap from {before.day.isoformat()} to {after.day.isoformat()}"
