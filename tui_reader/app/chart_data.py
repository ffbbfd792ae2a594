"""What the chart and the claim checks need, computed in a worker from the price chain.

Textual-free: `Library.chart()` builds it off the event loop; the article view only
draws it. When there are no prices, `reason` says why in the user's words
("offline; no cache or CSV", "Yahoo rate limit", "no instrument to chart").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from tui_reader.model import PricePoint


@dataclass(frozen=True, slots=True)
class ClaimLine:
    """One stated move next to the computed one, ready to show."""

    stated: str
    computed: str
    verdict: str
    """"ok", "off" or "unknown": colours the line."""
    note: str = ""


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
    reason: str | None = None
    """Why there is no chart; None when `points` is not empty."""
    claims: list[ClaimLine] = field(default_factory=list)
    listing: str | None = None
    """The listing the prices are for (exchange or symbol), shown next to claim checks."""
