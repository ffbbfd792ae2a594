"""What the chart and the claim checks need, computed in a worker from the price chain.

Textual-free: `Library.chart()` builds it off the event loop (the intraday reaction
included); the article view only draws it. When there are no prices, `reason` says why in the user's words
("offline; no cache or CSV", "Yahoo rate limit", "no instrument to chart", "AAPL's prices end
2026-03-31, before this article").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from tui_reader.model import PricePoint


@dataclass(frozen=True, slots=True)
class ClaimLine:
    """One move the article states next to the same move computed from prices.

    Never a verdict on the article: it may quote another listing, currency or close,
    so the line names the listing and currency used and shows the gap."""

    period: str
    """"1 trading day", "12 months", "year to date"…"""
    stated: str
    """As written ("0.8%") with the direction the text gives ("down 0.8%")."""
    computed: str
    """"-0.80 %", or why there is none ("prices do not reach back")."""
    listing: str
    """Symbol and currency the move was computed on ("BABA USD")."""
    result: str
    """"agrees" or "gap +2.35 pp" or "" when nothing was computed."""
    agrees: bool | None
    """Colours the result; None when nothing was computed."""
    span: str = ""
    """The two closes compared ("2026-01-28 → 2026-01-29")."""


@dataclass(frozen=True, slots=True)
class ReactionLine:
    """How the market took the article in its first hour and first day, from intraday
    bars: the daily moves say where the price stood a day later, not how it got there.

    Either moves (`reason` None) or why there are none for a recent article."""

    hour: float | None = None
    """The move in % over the first hour of trading after publication; None: pending."""
    day: float | None = None
    """The move in % over the first 24 hours; None: pending."""
    bars: str = ""
    """"5-min bars" or "hourly bars"."""
    source: str = ""
    """"cache", "csv" or "yahoo"."""
    reason: str | None = None
    """Why there are no moves ("offline; no intraday cache or CSV")."""


@dataclass(frozen=True, slots=True)
class ChartData:
    symbol: str | None
    currency: str | None = None
    source: str | None = None
    points: list[PricePoint] = field(default_factory=list)
    published: datetime | None = None
    published_day: date | None = None
    moves: dict[str, float | None] = field(default_factory=dict)
    """Moves in percent keyed "1d", "5d", "since" (see prices.window)."""
    latest: PricePoint | None = None
    """The close "since" is measured to; later than the chart's last point when the
    window stops a month after publication."""
    reason: str | None = None
    """Why there is no chart; None when `points` is not empty."""
    claims: list[ClaimLine] = field(default_factory=list)
    listing: str | None = None
    """The listing the prices are for (exchange or symbol), shown next to claim checks."""
    other_line_of: str | None = None
    """The listing the article names when the prices are another line's (SAP.DE, charted
    with the NYSE line SAP's closes in USD when SAP.DE has none): the title says so, as
    `tui-reader prices` does, since the moves are that line's too."""
    reaction: ReactionLine | None = None
    """The first-hour and first-day reaction; None for an article older than Yahoo's
    intraday data that no intraday CSV covers (the daily moves say it all), or without
    a chart."""
