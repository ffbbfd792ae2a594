"""Whether an article's stated price moves match the closes: for each percentage the
article gives for its instrument over a period (read by `claims_reading`), the same move
computed from the series of the listing the sentence is about. Never a verdict of
"wrong": both numbers are shown, because articles quote other listings, currencies and
closes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from tui_reader.model import Article, Instrument, KeyFigure, PricePoint
from tui_reader.prices.claims_reading import Period, stated_moves
from tui_reader.prices.window import Market, close_index_at, index_on_or_before, pct_change

AGREE_WITHIN_PP = 0.5
"""A stated move agrees when it is within this many percentage points of ours: articles
round, and quote a slightly different close (intraday, adjusted, another feed)."""
STALE_AFTER = timedelta(days=7)
"""A last close this much older than the publication's day is not the close the article
speaks from: the series ends before it (a CSV or an offline cache not brought up to
date). A week covers weekends and the longest market holidays (Lunar New Year)."""


@dataclass(frozen=True, slots=True)
class ClaimCheck:
    """A move the article states next to the same move computed from prices.

    Never a verdict: articles often quote another listing, currency or close; the UI
    shows both numbers with the listing and currency we used.
    """

    stated: KeyFigure
    """The figure as written; its direction filled from the clause ("0.6% below") when
    the extractor left it open."""
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
    ends_before: bool = False
    """The series ends before publication: nothing was computed, and not for want of
    older closes."""


SeriesOf = Callable[[Instrument], "list[PricePoint] | None"]
"""Closes of another listing of the company, or None when there are none to be had."""


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
    return index_on_or_before(points, target)


def _period_end(points: list[PricePoint], published: datetime, market: Market, period: Period) -> int | None:
    """The close a move ends at: the last one known at publication (None when the
    series stops `STALE_AFTER` before it), or the named session's."""
    if period.session is None:
        index = close_index_at(points, published, market)
        if index is not None and points[index].day < _local_day(published, market) - STALE_AFTER:
            return None
        return index
    index = index_on_or_before(points, period.session)
    return index if index is not None and points[index].day == period.session else None


def _local_day(published: datetime, market: Market) -> date:
    return published.astimezone(ZoneInfo(market.zone)).date()


def claim_checks(
    article: Article,
    points: list[PricePoint],
    listing: Instrument,
    others: Sequence[Instrument] = (),
    series_of: SeriesOf | None = None,
) -> list[ClaimCheck]:
    """Stated percent moves of the article's company over a named period, each with the
    same move computed from prices, ending at the last close known at publication.

    `points` are the closes of `listing` (the full history, ascending). `others` are the
    company's other listings; a claim whose sentence names one of them is checked
    against `series_of(that listing)` in its currency, and left out when that gives
    nothing: a Hong Kong move is never compared with New York closes.
    """
    if article.published is None or not points:
        return []
    loaded: dict[str, list[PricePoint] | None] = {listing.ticker or "": points}
    checks: list[ClaimCheck] = []
    for move in stated_moves(article, article.published, [listing, *others]):
        key = move.listing.ticker or ""
        if key not in loaded:
            loaded[key] = series_of(move.listing) if series_of else None
        series = loaded[key]
        if series:
            checks.append(_check(move.figure, series, move.listing, move.period, article.published, move.market))
    return checks


def _check(figure: KeyFigure, points: list[PricePoint], listing: Instrument, period: Period,
           published: datetime, market: Market) -> ClaimCheck:
    value = float(figure.value)  # type: ignore[arg-type]  # claim_checks keeps numeric percents only
    stated = -abs(value) if figure.direction == "down" else value
    end_index = _period_end(points, published, market, period)
    base = period_base(points, end_index, period) if end_index is not None else None
    computed = pct_change(points[base].close, points[end_index].close) if base is not None and end_index is not None else None
    if computed is None:
        agrees = None
    elif figure.direction is None and value >= 0:
        agrees = abs(abs(computed) - stated) <= AGREE_WITHIN_PP
    else:
        agrees = abs(computed - stated) <= AGREE_WITHIN_PP
    return ClaimCheck(
        stated=figure,
        stated_pct=stated,
        period=period.label,
        computed_pct=computed,
        listing=listing.ticker or "",
        currency=listing.currency,
        agrees=agrees,
        start=points[base] if base is not None else None,
        end=points[end_index] if end_index is not None else None,
        ends_before=end_index is None and points[-1].day < _local_day(published, market),
    )
