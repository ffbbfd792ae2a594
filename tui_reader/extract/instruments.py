"""Which instruments an article is about, from its ISINs, explicit tickers and names.

Only explicit forms count as tickers (``$TSLA``, ``(NASDAQ: NVDA)``, ``HKEX: 9988``,
``(ticker: AAPL)``): an all-caps word on its own is far more often an acronym (CEO,
AI, EPS) than a symbol. Every mention of one company, whatever its form, is merged
into one `Instrument` so the article is filed once, under the listing it names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui_reader.extract.directory import (
    AMBIGUOUS_NAMES,
    Directory,
    NameScanner,
    directory,
    exchange_named,
    is_isin,
    name_key,
    yahoo_symbol,
)
from tui_reader.model import Instrument

_ISIN = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}[A-Z0-9]{9}[0-9](?![A-Za-z0-9])")

# "$TSLA", or "<venue or 'ticker'/'symbol'>: CODE". The venue is captured loosely
# (up to three words) and checked against the directory's venue table afterwards,
# which is cheaper than a 70-way alternation tried at every position.
_TICKER = re.compile(
    r"(?<![\w$])\$(?P<cash>[A-Z]{1,6}(?:\.[A-Z]{1,2})?)(?![\w.])"
    r"|(?<![\w])(?P<venue>[A-Za-z]+(?:[ \u00a0][A-Z][A-Za-z]*){0,2})[ \u00a0]*:[ \u00a0]*"
    r"(?P<code>[A-Z0-9]{1,6}(?:[.\-][A-Z0-9]{1,3})?)(?![\w])"
)
_SYMBOL_WORDS = frozenset({"ticker", "symbol"})

_DECLARED, _EXPLICIT, _NAMED = 0, 1, 2
"""How surely a mention names a listing: the source's own instrument line beats an
ISIN or ticker in the text, which beats a bare company name (→ primary listing)."""


@dataclass(slots=True)
class _Company:
    """One issuer as the article mentions it, while mentions are being merged."""

    listing: Instrument
    rank: int
    first: int
    declared: bool = False
    mentions: int = 0


class _Merger:
    """Collects mentions and merges those that point to one issuer."""

    def __init__(self, found_in: Directory) -> None:
        self.directory = found_in
        self.companies: list[_Company] = []
        self.index: dict[object, _Company] = {}

    def _ids(self, instrument: Instrument, names: tuple[str, ...]) -> list[object]:
        ids: list[object] = [("name", key) for key in names]
        if instrument.isin:
            ids.append(instrument.isin)
        if instrument.ticker:
            ids.append(instrument.ticker)
        company = self.directory.company(instrument)
        if company is not None:
            ids.append(("company", company.name))
        return ids

    def known(self, instrument: Instrument) -> bool:
        return any(i in self.index for i in self._ids(instrument, ()))

    def add(
        self, instrument: Instrument, at: int, rank: int, names: tuple[str, ...] = (), count: int = 1
    ) -> None:
        instrument = self.directory.complete(instrument)
        ids = self._ids(instrument, names)
        entry = next((self.index[i] for i in ids if i in self.index), None)
        if entry is None:
            entry = _Company(instrument, rank, at)
            self.companies.append(entry)
        elif rank < entry.rank:
            entry.listing = instrument
            entry.rank = rank
        entry.first = min(entry.first, at)
        entry.declared = entry.declared or rank == _DECLARED
        entry.mentions += count
        for i in ids:
            self.index.setdefault(i, entry)


def find_instruments(title: str, body: str, declared: list[Instrument]) -> list[Instrument]:
    """The instruments an article names, primary first (``primary=True``), then by mentions.

    Primary is the first declared instrument (instrument line, footer, JSON field),
    else the most mentioned, ties going to the first mentioned.
    """
    found_in = directory()
    merger = _Merger(found_in)
    text = f"{title}\n{body}"

    declared_names = NameScanner(())
    by_declared_name: dict[str, Instrument] = {}
    for instrument in declared:
        if not (instrument.isin or instrument.ticker or instrument.name):
            continue
        key = name_key(instrument.name) if instrument.name else ""
        if key:
            declared_names.add(key)
            by_declared_name.setdefault(key, instrument)
        merger.add(instrument, -1, _DECLARED, (key,) if key else (), count=0)

    for match in _ISIN.finditer(text):
        if is_isin(match.group()):
            isin = match.group()
            merger.add(found_in.by_isin(isin) or Instrument(isin, None, None), match.start(), _EXPLICIT)

    ticker_spans: list[tuple[int, int]] = []
    if "$" in text or ":" in text:
        for match in _TICKER.finditer(text):
            instrument = _ticker_mention(found_in, match)
            if instrument is not None:
                merger.add(instrument, match.start(), _EXPLICIT)
                ticker_spans.append(match.span())

    deferred: list[tuple[int, Instrument, str]] = []
    for hit in found_in.scanner.scan(text, also=declared_names):
        if any(start <= hit.start < end for start, end in ticker_spans):
            continue  # "(Xetra: SAP)" is one mention, not a ticker and a name
        instrument = by_declared_name.get(hit.key) or found_in.by_key(hit.key)
        if instrument is None:
            continue
        if hit.key in AMBIGUOUS_NAMES and not hit.suffixed and hit.key not in by_declared_name:
            deferred.append((hit.start, instrument, hit.key))
        else:
            merger.add(instrument, hit.start, _NAMED, (hit.key,))
    for at, instrument, key in deferred:
        if merger.known(instrument):
            merger.add(instrument, at, _NAMED, (key,))

    return _ranked(merger.companies)


def _ticker_mention(found_in: Directory, match: re.Match[str]) -> Instrument | None:
    """The listing an explicit ticker form names; unknown symbols are kept as written."""
    if cash := match.group("cash"):
        return found_in.by_ticker(cash) or Instrument(None, cash.replace(".", "-"), None)
    venue_text, code = match.group("venue"), match.group("code")
    words = venue_text.split()
    # The loose venue capture may have picked up words before the venue ("The Nasdaq").
    for start in range(len(words)):
        candidate = " ".join(words[start:])
        if candidate.casefold() in _SYMBOL_WORDS:
            return found_in.by_ticker(code) or Instrument(None, code, None)
        venue = exchange_named(candidate) if candidate[0].isupper() else None
        if venue is None:
            continue
        symbol = yahoo_symbol(candidate, code)
        if symbol is None:
            return None
        return found_in.by_ticker(symbol) or Instrument(
            None, symbol, None, exchange=venue.name, currency=venue.currency
        )
    return None


def _ranked(companies: list[_Company]) -> list[Instrument]:
    if not companies:
        return []
    primary = next((c for c in companies if c.declared), None) or min(
        companies, key=lambda c: (-c.mentions, c.first)
    )
    rest = sorted((c for c in companies if c is not primary), key=lambda c: (-c.mentions, c.first))
    return [_final(primary, True)] + [_final(c, False) for c in rest]


def _final(company: _Company, primary: bool) -> Instrument:
    listing = company.listing
    return Instrument(
        isin=listing.isin,
        ticker=listing.ticker,
        name=listing.name,
        exchange=listing.exchange,
        currency=listing.currency,
        primary=primary,
        mentions=max(1, company.mentions),
    )
