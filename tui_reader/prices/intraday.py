"""The reaction to an article from intraday bars: the move in its first hour and first day.

Daily closes say what the price did by the next close; for a recent article Yahoo also
keeps intraday bars (5-minute ones for about 60 days, hourly ones for about 730), and
those say how the market took the news. Pure functions over bars, so they are tested
on made-up series without I/O; fetching and caching the bars is `intraday_service.py`.

The rules, in exchange-neutral terms (a bar counts as closed one interval after it
opened; bars exist only while the market trades):

* the base is the close of the last bar closed at publication, the last price known;
* the reaction starts at publication, or when trading next opens after it (news at
  07:00 meets the 09:30 opening, and its first hour includes the opening gap);
* "first hour" and "first day" are the closes of the last bars closed one hour and
  24 hours after that start. A move is only given once the bars reach past its end,
  so a five-minute-old article shows its first hour as pending, not as a partial move.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from tui_reader.prices.window import pct_change

FIVE_MINUTES = 300
HOURLY = 3600
SPANS = ((FIVE_MINUTES, timedelta(days=59)), (HOURLY, timedelta(days=729)))
"""How far back Yahoo keeps bars of each length (60 and 730 days, a day's margin each)."""
HOUR = timedelta(hours=1)
DAY = timedelta(hours=24)


@dataclass(frozen=True, slots=True)
class Bar:
    start: int
    """The moment the bar opened, in unix seconds."""
    close: float


@dataclass(frozen=True, slots=True)
class Reaction:
    interval: int
    """Bar length in seconds the moves were computed from (300 or 3600)."""
    base: float | None
    """The last price known at publication; None when the bars start later."""
    started: datetime | None
    """When trading could first react: publication, or the next opening after it."""
    hour: float | None
    """The move in % over the first hour; None while pending or unknown."""
    day: float | None
    """The move in % over the first 24 hours."""


def interval_for(published: datetime, now: datetime) -> int | None:
    """The finest bars Yahoo still has for an article this old; None: only daily closes."""
    age = now - published
    for interval, span in SPANS:
        if age <= span:
            return interval
    return None


def reaction(bars: list[Bar], interval: int, published: datetime) -> Reaction:
    """The first-hour and first-day moves after `published` (aware) over `bars`
    (ascending by start, one length `interval`)."""
    moment = published.timestamp()
    ends = [bar.start + interval for bar in bars]
    known = bisect_right(ends, moment) - 1
    if known < 0 or known == len(bars) - 1:
        # No price before publication, or no trading since it: nothing to measure.
        return Reaction(interval, bars[known].close if known >= 0 else None, None, None, None)
    base = bars[known].close
    started = max(moment, float(bars[known + 1].start))

    def move_after(span: timedelta) -> float | None:
        target = started + span.total_seconds()
        if bars[-1].start < target:  # the bars stop before the span has passed: pending
            return None
        last = bisect_right(ends, target) - 1
        return pct_change(base, bars[last].close)

    return Reaction(interval, base, datetime.fromtimestamp(started, tz=UTC), move_after(HOUR), move_after(DAY))


def infer_interval(starts: list[int]) -> int | None:
    """The bar length of a series whose length is not stated (a CSV): the most common
    gap between neighbouring bars, which within a session is the bar length."""
    gaps: dict[int, int] = {}
    for earlier, later in zip(starts, starts[1:], strict=False):
        gap = later - earlier
        if 0 < gap <= HOURLY:
            gaps[gap] = gaps.get(gap, 0) + 1
    return max(gaps, key=lambda gap: (gaps[gap], -gap)) if gaps else None
