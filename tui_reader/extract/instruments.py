"""Which instruments an article is about, from its ISINs, explicit tickers and names.

Only explicit forms count as tickers (``$TSLA``, ``(NASDAQ: NVDA)``, ``HKEX: 9988``,
``(ticker: AAPL)``): an all-caps word on its own is far more often an acronym (CEO,
AI, EPS) than a symbol. Every mention of one company, whatever its form, is merged
into one `Instrument` so the article is filed once, under the listing it names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from tui_reader.extract.directory import (
    AMBIGUOUS_NAMES,
    Directory,
    NameScanner,
    directory,
    exchange_named,
    is_isin,
    name_key,
    tokenize,
    yahoo_symbol,
)
from tui_reader.model import Instrument

_ISIN_SHAPE = re.compile(r"[A-Z]{2}[A-Z0-9]{9}[0-9]")

# Explicit ticker forms, each found from its rare literal first character ("$", ":"),
# which regex finds fast: "$TSLA", and "<venue or 'ticker'/'symbol'>: CODE", whose
# venue is read from the words before the colon and checked against the venue table.
_CASHTAG = re.compile(r"\$([A-Z]{1,6}(?:\.[A-Z]{1,2})?)(?![\w.])")
_AFTER_COLON = re.compile(r":[ \u00a0]*([A-Z0-9]{1,6}(?:[.\-][A-Z0-9]{1,3})?)(?![\w])")
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
    """Collects mentions and merges those that point to one issuer.

    A bare name joins the issuer's first entry. A listing named outright (ISIN,
    ticker, declared) replaces a name-only entry's default listing, but a second
    listing named outright ("HKEX: 9988" beside "NYSE: BABA") gets its own entry:
    the article then really is about both lines, each with its own chart.
    """

    def __init__(self, found_in: Directory) -> None:
        self.directory = found_in
        self.companies: list[_Company] = []
        self.index: dict[object, _Company] = {}

    def _company_id(self, instrument: Instrument) -> object | None:
        company = self.directory.company(instrument)
        return ("company", company.name) if company is not None else None

    def known(self, instrument: Instrument) -> bool:
        company_id = self._company_id(instrument)
        return company_id in self.index or instrument.key in self.index

    def add(
        self, instrument: Instrument, at: int, rank: int, names: tuple[str, ...] = (), count: int = 1
    ) -> None:
        instrument = self.directory.complete(instrument)
        ids: list[object] = [("name", key) for key in names]
        if rank != _NAMED:
            ids += [i for i in (instrument.isin, instrument.ticker) if i]
        company_id = self._company_id(instrument)
        entry = next((self.index[i] for i in ids if i in self.index), None)
        if entry is None and company_id in self.index:
            shared = self.index[company_id]
            if rank == _NAMED or shared.rank == _NAMED:
                entry = shared
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
        if company_id is not None:
            self.index.setdefault(company_id, entry)
        elif rank == _NAMED:
            self.index.setdefault(instrument.key, entry)


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

    tokens = tokenize(text)
    for start, _, raw in tokens:
        if len(raw) >= 12 and _ISIN_SHAPE.match(raw) and (len(raw) == 12 or not raw[12].isalnum()):
            isin = raw[:12]
            if is_isin(isin):
                merger.add(found_in.by_isin(isin) or Instrument(isin, None, None), start, _EXPLICIT)

    ticker_spans: list[tuple[int, int]] = []
    for at, end, instrument in _ticker_mentions(found_in, text):
        merger.add(instrument, at, _EXPLICIT)
        ticker_spans.append((at, end))

    deferred: list[tuple[int, Instrument, str]] = []
    for hit in found_in.scanner.scan(text, tokens, also=declared_names):
        if ticker_spans and any(start <= hit.start < end for start, end in ticker_spans):
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


def _ticker_mentions(found_in: Directory, text: str) -> Iterator[tuple[int, int, Instrument]]:
    """Explicit ticker forms as (start, end, listing); unknown symbols kept as written."""
    if "$" in text:
        for match in _CASHTAG.finditer(text):
            if match.start() and (text[match.start() - 1].isalnum() or text[match.start() - 1] == "$"):
                continue  # "US$5", "$$"
            cash = match.group(1)
            listing = found_in.by_ticker(cash) or Instrument(None, cash.replace(".", "-"), None)
            yield match.start(), match.end(), listing
    if ":" in text:
        for match in _AFTER_COLON.finditer(text):
            before = text[max(0, match.start() - 40) : match.start()]
            listing = _venue_listing(found_in, before, match.group(1))
            if listing is not None:
                yield match.start() - len(before.rstrip().split()[-1]), match.end(), listing


def _venue_listing(found_in: Directory, before: str, code: str) -> Instrument | None:
    """The listing "<venue>: CODE" names, reading the venue from up to three words
    before the colon ("(Tokyo Stock Exchange: 7203)", "NASDAQ:NVDA", "HK: 9988")."""
    if not before or before[-1:] not in (" ", "\u00a0") and not before[-1:].isalpha():
        return None
    words = before.split()[-3:]
    for start in range(len(words)):
        candidate = " ".join(words[start:]).lstrip("([{")
        if not candidate.replace(" ", "").isalpha():
            continue
        if candidate.casefold() in _SYMBOL_WORDS:
            return found_in.by_ticker(code) or Instrument(None, code, None)
        if not candidate[0].isupper():
            continue
        venue = exchange_named(candidate)
        symbol = yahoo_symbol(candidate, code) if venue else None
        if venue and symbol:
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
