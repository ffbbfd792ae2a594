"""The one shape every source turns into and every consumer reads.

Seeds and feeds both produce `Article`; extraction fills its instruments and figures;
the store persists it; the UI and the CLI only read it. Plain dataclasses, no Textual,
no I/O, so the whole pipeline can be driven and tested from the command line.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

FigureKind = Literal["money", "percent", "date", "multiple", "period"]
Qualifier = Literal["approx", "more_than", "less_than", "up_to"]
Direction = Literal["up", "down"]


def stable_id(*parts: str | None) -> str:
    """A short hash that stays the same for the same story across runs and machines.

    Used for article ids (GUID, link, or seed path) so that seeing an entry again
    updates nothing instead of storing it twice.
    """
    digest = hashlib.blake2b(digest_size=10)
    for part in parts:
        digest.update((part or "").encode("utf-8", "surrogatepass"))
        digest.update(b"\x1f")
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class Instrument:
    """A listed security an article is about.

    Any of isin/ticker/name may be missing when the text only gave one of them and
    the offline directory could not fill the rest.
    """

    isin: str | None
    ticker: str | None
    """The Yahoo Finance symbol (BABA, 9988.HK, SAP.DE), which is what prices use."""
    name: str | None
    exchange: str | None = None
    currency: str | None = None
    """ISO 4217 currency of this listing, when known."""
    primary: bool = False
    """The instrument the article is about (instrument line or footer, else the most mentioned)."""
    mentions: int = 1
    """How often the text names it; ranks secondary instruments."""

    @property
    def key(self) -> str:
        """What the store and the UI file the article under: the ISIN when known."""
        return self.isin or self.ticker or (self.name or "").upper()

    def other_line(self, symbol: str, isin: str | None) -> str | None:
        """This instrument's ticker (or ISIN) when the closes of `symbol`, `isin` are
        another line's: the price chain falls back to the company's line on another
        market (SAP.DE → SAP, BABA → 9988.HK), and what shows them must say so.
        Compared by ISIN where both are known, since a ticker may be spelt two ways
        (BRK.B, BRK-B); else by symbol."""
        if self.isin and isin:
            differs = self.isin.upper() != isin.upper()
        else:
            differs = bool(self.ticker) and (self.ticker or "").upper() != symbol.upper()
        return (self.ticker or self.isin) if differs else None

    def to_json(self) -> dict[str, object]:
        return {
            "isin": self.isin,
            "ticker": self.ticker,
            "name": self.name,
            "exchange": self.exchange,
            "currency": self.currency,
            "primary": self.primary,
        }


@dataclass(slots=True)
class KeyFigure:
    """A number the article states, kept with where it stands so the UI can highlight it.

    Not frozen on purpose: an article carries dozens of these and a frozen dataclass
    costs five times as much to build (1.3 vs 0.25 us), which the extraction rate
    target cannot afford. Treat instances as values all the same.
    """

    kind: FigureKind
    text: str
    """The figure exactly as written, i.e. ``body[start:end]``."""
    value: float | str | None
    """money/percent/multiple: a float; date: ISO date; period: ISO 8601 duration."""
    start: int
    end: int
    """Character span in the article body."""
    context: str
    """The sentence the figure stands in."""
    currency: str | None = None
    qualifier: Qualifier | None = None
    unit: str | None = None
    """percent: ``%``, ``pp`` (percentage points) or ``bp`` (basis points)."""
    direction: Direction | None = None
    high: float | None = None
    """Upper end of a range ("between $2 billion and $2.5 billion"); value is the lower end."""
    in_title: bool = False
    """The figure stands in the headline: `start`/`end` index the title, not the body.
    Real feed items often state their one figure only there ("Jabil jumps 20%")."""

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {"kind": self.kind, "text": self.text, "value": self.value}
        if self.kind == "money":
            out["currency"] = self.currency
            out["qualifier"] = self.qualifier
            if self.high is not None:
                out["high"] = self.high
        elif self.kind == "percent":
            out["unit"] = self.unit
            out["direction"] = self.direction
            if self.high is not None:
                out["high"] = self.high
        out["context"] = self.context
        out["in"] = "title" if self.in_title else "body"
        out["start"] = self.start
        out["end"] = self.end
        return out


@dataclass(slots=True)
class Article:
    """One news article, from whichever source it came."""

    id: str
    source: str
    """Where it was published: a domain (boerse-global.de) or the feed's title."""
    title: str
    body: str
    """Clean article text, boilerplate removed; figure spans index into this."""
    published: datetime | None = None
    """Aware datetime, or None when the source gave no usable time."""
    url: str | None = None
    path: str | None = None
    """The seed file it was read from, None for feed items."""
    instruments: list[Instrument] = field(default_factory=list)
    figures: list[KeyFigure] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    """Human-readable notes of the boilerplate taken out ("ad block: 3 paragraphs")."""
    declared: list[Instrument] = field(default_factory=list)
    """Instruments the source states outright (instrument line, footer, JSON field);
    extraction starts from these and marks the first as primary."""

    @property
    def primary(self) -> Instrument | None:
        for instrument in self.instruments:
            if instrument.primary:
                return instrument
        return self.instruments[0] if self.instruments else None

    def to_json(self) -> dict[str, object]:
        """The object `tui-reader extract --json` prints (see CONTRACT.md)."""
        return {
            "path": self.path,
            "id": self.id,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "source": self.source,
            "url": self.url,
            "instruments": [i.to_json() for i in self.instruments],
            "figures": [f.to_json() for f in self.figures],
            "body_chars": len(self.body),
            "removed": list(self.removed),
        }


@dataclass(frozen=True, slots=True)
class PricePoint:
    """One daily close."""

    day: date
    close: float


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file or feed that produced no article, and why: shown to the user, never swallowed."""

    where: str
    reason: str
