"""What the price did around an article, and whether its stated moves match: pure
functions over daily closes, so they are tested on real series without I/O.

Moves are percentages (1.5 means +1.5 %), rounded nowhere: the UI formats them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from tui_reader.model import Article, Instrument, KeyFigure, PricePoint

AGREE_WITHIN_PP = 0.5
"""A stated move agrees when it is within this many percentage points of ours: articles
round, and quote a slightly different close (intraday, adjusted, another feed)."""


@dataclass(frozen=True, slots=True)
class Market:
    zone: str
    close: time
    """Regular session close in local time; a close is "known" from this moment on."""


US = Market("America/New_York", time(16, 0))
_MARKET_BY_SUFFIX = {
    "HK": Market("Asia/Hong_Kong", time(16, 0)),
    "DE": Market("Europe/Berlin", time(17, 30)),
    "F": Market("Europe/Berlin", time(17, 30)),
    "AS": Market("Europe/Amsterdam", time(17, 30)),
    "PA": Market("Europe/Paris", time(17, 30)),
    "MI": Market("Europe/Rome", time(17, 30)),
    "MC": Market("Europe/Madrid", time(17, 30)),
    "SW": Market("Europe/Zurich", time(17, 30)),
    "CO": Market("Europe/Copenhagen", time(17, 0)),
    "L": Market("Europe/London", time(16, 30)),
    "T": Market("Asia/Tokyo", time(15, 30)),
    "KS": Market("Asia/Seoul", time(15, 30)),
    "TW": Market("Asia/Taipei", time(13, 30)),
    "SS": Market("Asia/Shanghai", time(15, 0)),
    "SZ": Market("Asia/Shanghai", time(15, 0)),
    "NS": Market("Asia/Kolkata", time(15, 30)),
    "BO": Market("Asia/Kolkata", time(15, 30)),
}


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
    index = bisect_right([p.day for p in points], last_known) - 1
    return index if index >= 0 else None


def _pct(start: float, end: float) -> float:
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
        return _pct(base.close, points[index + offset].close) if index + offset < len(points) else None

    moves = {"1d": move_to(1), "5d": move_to(5), "since": _pct(base.close, points[-1].close) if index < len(points) - 1 else None}
    return Window(shown, base.close, base.day, moves, latest)


# ---- claim checks -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Period:
    """A span ending at publication that a stated move refers to."""

    label: str
    trading_days: int | None = None
    months: int = 0
    days: int = 0
    since: date | None = None
    """Base is the last close on or before this day (year to date: 31 Dec of last year)."""


@dataclass(frozen=True, slots=True)
class ClaimCheck:
    """A move the article states next to the same move computed from prices.

    Never a verdict: articles often quote another listing, currency or close; the UI
    shows both numbers with the listing and currency we used.
    """

    stated: KeyFigure
    stated_pct: float
    """Signed when the text gives a direction ("fell 4.46%" → -4.46)."""
    period: str
    computed_pct: float | None
    listing: str
    currency: str | None
    agrees: bool | None
    """Within AGREE_WITHIN_PP; None when the prices do not reach back far enough."""
    start: PricePoint | None = None
    end: PricePoint | None = None


_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "fifty": 50, "fifty-two": 52, "a": 1, "an": 1,
}
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"]
_NUM = r"(\d{1,3}|fifty-two|" + "|".join(w for w in _NUMBER_WORDS if "-" not in w) + ")"
_PERIOD_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(_NUM + r"[\s-]+trading[\s-]+(?:days?|sessions?)"), "trading"),
    (re.compile(r"\b(?:past|last|previous|over|in|within)\s+(?:the\s+)?(?:past\s+|last\s+)?" + _NUM + r"?\s*(day|week|month|year)s?\b"), "span"),
    (re.compile(r"\b" + _NUM + r"[\s-]+(day|week|month|year)s?\b"), "span"),
    (re.compile(r"\b(?:year[\s-]to[\s-]date|ytd|so far this year|since the (?:start|beginning) of (?:the|this) year|this year)\b"), "ytd"),
    (re.compile(r"\bsince (?:the (?:start|beginning) of |early |mid-|late )?(" + "|".join(_MONTHS) + r")\b"), "since_month"),
    (re.compile(r"\b(?:on the day|today|in (?:today's|the) (?:trading )?session|on (?:monday|tuesday|wednesday|thursday|friday))\b"), "day"),
]
_PRICE_WORDS = re.compile(
    r"\b(shares?|stock|share price|price|traded|closed|gain(?:ed|s)?|ris(?:e|en)|rose|fell|fall(?:en)?|drop(?:ped)?|"
    r"declin(?:e|ed)|slid|lost|retreat(?:ed)?|plunged?|surged?|jump(?:ed)?|climb(?:ed)?|rall(?:y|ied)|advanced?|"
    r"slump(?:ed)?|tumbled?|sank|soared?|added|shed|down|up)\b")
_NOT_PRICE_WORDS = re.compile(
    r"\b(revenues?|sales|profits?|earnings|income|margins?|eps|dividends?|yield|guidance|market share|stake|"
    r"inflation|gdp|interest|rates?|index|nasdaq|s&p|dow|dax|hang seng|nikkei|stoxx|ftse|volume|users|customers|"
    r"growth|forecast|estimates?|target|upside|downside|highs?|lows?)\b")


def _count(word: str | None) -> int:
    if not word:
        return 1
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


def _period_from(match: re.Match[str], kind: str, published_day: date) -> Period | None:
    if kind == "trading":
        n = _count(match.group(1))
        return Period(f"{n} trading day{'s' * (n != 1)}", trading_days=n)
    if kind == "day":
        return Period("1 trading day", trading_days=1)
    if kind == "ytd":
        return Period("year to date", since=date(published_day.year - 1, 12, 31))
    if kind == "since_month":
        month = _MONTHS.index(match.group(1)) + 1
        year = published_day.year if month <= published_day.month else published_day.year - 1
        return Period(f"since {match.group(1).title()} {year}", since=date(year, month, 1) - timedelta(days=1))
    n, unit = _count(match.group(1)), match.group(2)
    if unit == "day" and n == 1:
        return Period("1 trading day", trading_days=1)
    label = f"{n} {unit}{'s' * (n != 1)}"
    return {
        "day": Period(label, days=n),
        "week": Period(label, days=7 * n),
        "month": Period(label, months=n),
        "year": Period(label, months=12 * n),
    }[unit]


def find_period(sentence: str, at: int, published_day: date) -> Period | None:
    """The period phrase nearest to position `at` in the sentence, if any."""
    text = sentence.casefold()
    best: tuple[int, Period] | None = None
    for pattern, kind in _PERIOD_PATTERNS:
        for match in pattern.finditer(text):
            period = _period_from(match, kind, published_day)
            distance = min(abs(match.start() - at), abs(match.end() - at))
            if period and (best is None or distance < best[0]):
                best = (distance, period)
    return best[1] if best else None


def _months_before(day: date, months: int) -> date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for last_day in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last_day))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


def period_base(points: list[PricePoint], end_index: int, period: Period) -> int | None:
    """Index of the close the move over `period` starts from, or None if the series
    does not reach back that far."""
    if period.trading_days is not None:
        start = end_index - period.trading_days
        return start if start >= 0 else None
    if period.since is not None:
        target = period.since
    else:
        target = _months_before(points[end_index].day, period.months) - timedelta(days=period.days)
    if points[0].day > target:
        return None
    return bisect_right([p.day for p in points], target) - 1


def _names(instrument: Instrument, text: str) -> bool:
    return any(re.search(r"\b" + re.escape(n.casefold()) + r"\b", text) for n in (instrument.name, instrument.ticker) if n)


def _is_about_primary(sentence: str, article: Article) -> bool:
    """A percent is a share-price move of the primary instrument when its sentence talks
    about price action, not about business figures, and does not name only another company."""
    text = sentence.casefold()
    if not _PRICE_WORDS.search(text) or _NOT_PRICE_WORDS.search(text):
        return False
    primary = article.primary
    if primary is not None and _names(primary, text):
        return True
    return not any(_names(i, text) for i in article.instruments if i is not primary)


def claim_checks(article: Article, points: list[PricePoint], listing: Instrument) -> list[ClaimCheck]:
    """Stated percent moves of the primary instrument over a named period, each with the
    same move computed from `points` (the listing's full history, ascending) ending at
    the last close known at publication."""
    if article.published is None or not points:
        return []
    end_index = close_index_at(points, article.published, market_for(listing.ticker or ""))
    checks: list[ClaimCheck] = []
    for figure in article.figures:
        if figure.kind != "percent" or figure.unit not in (None, "%") or not isinstance(figure.value, (int, float)):
            continue
        if not _is_about_primary(figure.context, article):
            continue
        at = max(figure.context.find(figure.text), 0)
        period = find_period(figure.context, at, article.published.date())
        if period is None:
            continue
        stated = -abs(figure.value) if figure.direction == "down" else float(figure.value)
        base = period_base(points, end_index, period) if end_index is not None else None
        computed = _pct(points[base].close, points[end_index].close) if base is not None and end_index is not None else None
        if computed is None:
            agrees = None
        elif figure.direction is None and figure.value >= 0:
            agrees = abs(abs(computed) - stated) <= AGREE_WITHIN_PP
        else:
            agrees = abs(computed - stated) <= AGREE_WITHIN_PP
        checks.append(ClaimCheck(
            stated=figure,
            stated_pct=stated,
            period=period.label,
            computed_pct=computed,
            listing=listing.ticker or "",
            currency=listing.currency,
            agrees=agrees,
            start=points[base] if base is not None else None,
            end=points[end_index] if end_index is not None else None,
        ))
    return checks
