"""The offline instrument directory: ISIN, Yahoo symbol and company name lead to each other.

Articles name a company in whatever form the writer chose (an ISIN in the instrument
line, "(NYSE: BABA)", "Alibaba’s"), and the store files every article under one key,
so all those forms must lead to one issuer, without a network. Its companies come
from our CSV and pytickersymbols (see `listings`), and later from what the online
part learns (`Directory.learn`).

Building it costs about 35 ms (pytickersymbols' import is ~11 ms of that), so it is
built once, on first use, by `directory()`, never at import time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from tui_reader.extract.exchanges import yahoo_symbol
from tui_reader.extract.isins import is_isin
from tui_reader.extract.listings import Company, pytickersymbols_company, read_csv
from tui_reader.extract.name_scanner import NameScanner
from tui_reader.extract.names import HAS_CAPITAL, name_key
from tui_reader.model import Instrument


@dataclass(slots=True)
class Directory:
    """Lookups between ISINs, Yahoo symbols and names, all O(1) dict hits."""

    _isins: dict[str, tuple[Company, Instrument]] = field(default_factory=dict)
    _tickers: dict[str, tuple[Company, Instrument]] = field(default_factory=dict)
    _names: dict[str, Company] = field(default_factory=dict)
    _clashes: set[str] = field(default_factory=set)
    """Name keys two different companies share ("merck"): never resolved by name."""
    _pinned: set[str] = field(default_factory=set)
    """Name keys from our CSV, which a clashing pytickersymbols name cannot unseat."""
    scanner: NameScanner = field(default_factory=NameScanner)
    _completed: dict[tuple[object, ...], Instrument] = field(default_factory=dict)
    """`complete` results: every article of a source declares the same instrument."""

    @classmethod
    def of(cls, preferred: Iterable[Company], others: Iterable[Company] = ()) -> Directory:
        """Index companies; preferred ones (our CSV) win every ISIN, symbol and name."""
        directory = cls()
        for company in preferred:
            directory._add(company, pinned=True)
        for company in others:
            if not directory._claims(company):
                directory._add(company, pinned=False)
        for key, company in directory._names.items():
            directory.scanner.add(key)
            for name in (company.name, *company.names):
                if not HAS_CAPITAL.match(name) and name_key(name) == key:
                    directory.scanner.add(key, name)
        return directory

    def _claims(self, company: Company) -> bool:
        """Whether an earlier company already holds one of this one's identifiers."""
        return any(
            i.isin in self._isins or (i.ticker or "") in self._tickers for i in company.listings
        ) or any(isin in self._isins for isin in company.other_isins)

    def _add(self, company: Company, *, pinned: bool) -> None:
        for listing in company.listings:
            if listing.isin:
                self._isins.setdefault(listing.isin, (company, listing))
            if listing.ticker:
                self._tickers.setdefault(listing.ticker.upper(), (company, listing))
        for isin in company.other_isins:
            self._isins.setdefault(isin, (company, Instrument(isin, None, company.name)))
        keys = [name_key(name) for name in (company.name, *company.names)]
        keys += [key.replace("-", " ") for key in keys if "-" in key]  # "Mercedes Benz" too
        for key in keys:
            if not key or key in self._clashes:
                continue
            held = self._names.get(key)
            if held is None:
                self._names[key] = company
                if pinned:
                    self._pinned.add(key)
            elif held is not company and key not in self._pinned:
                del self._names[key]
                self._clashes.add(key)

    def by_isin(self, isin: str) -> Instrument | None:
        found = self._isins.get(isin.strip().upper())
        return found[1] if found else None

    def by_ticker(self, symbol: str) -> Instrument | None:
        """A Yahoo symbol (BABA, 9988.HK, SAP.DE, BRK.B) or "VENUE:CODE" (NASDAQ:NVDA)."""
        symbol = symbol.strip().upper()
        if ":" in symbol:
            venue, _, code = symbol.partition(":")
            resolved = yahoo_symbol(venue, code)
            if resolved is None:
                return None
            symbol = resolved
        found = self._tickers.get(symbol) or self._tickers.get(symbol.replace(".", "-"))
        return found[1] if found else None

    def by_name(self, name: str) -> Instrument | None:
        """The primary listing of the company so named, in any common spelling."""
        company = self._names.get(name_key(name))
        return company.listings[0] if company and company.listings else None

    def by_key(self, key: str) -> Instrument | None:
        """By an already normalised name key, as `NameScanner` reports it."""
        company = self._names.get(key)
        return company.listings[0] if company and company.listings else None

    def resolve(self, text: str) -> Instrument | None:
        """Whatever the user or a source wrote: ISIN, symbol, VENUE:CODE or a name."""
        text = text.strip()
        if not text:
            return None
        if len(text) == 12 and is_isin(text.upper()):
            if found := self.by_isin(text):
                return found
        return self.by_ticker(text) or self.by_name(text)

    def company(self, instrument: Instrument) -> Company | None:
        """The issuer an instrument belongs to, found by its ISIN or else its symbol."""
        found = None
        if instrument.isin:
            found = self._isins.get(instrument.isin)
        if found is None and instrument.ticker:
            found = self._tickers.get(instrument.ticker.upper())
        return found[0] if found else None

    def listings(self, isin_or_symbol: str) -> list[Instrument]:
        """All known listings of the company behind an ISIN or symbol, primary first."""
        key = isin_or_symbol.strip().upper()
        found = self._isins.get(key) or self._tickers.get(key)
        return list(found[0].listings) if found else []

    def complete(self, instrument: Instrument) -> Instrument:
        """Fill the fields the instrument lacks from the listing it names; keep the rest."""
        if instrument.isin and instrument.ticker and instrument.name and instrument.currency:
            return instrument  # directory listings, the common case in find_instruments
        listing = None
        if instrument.isin:
            listing = self.by_isin(instrument.isin)
        if listing is None and instrument.ticker:
            listing = self.by_ticker(instrument.ticker)
            if listing and instrument.isin and listing.isin != instrument.isin:
                listing = None  # a symbol of a different security than the ISIN says
        if listing is None and instrument.name and not (instrument.isin or instrument.ticker):
            listing = self.by_name(instrument.name)
        if listing is None:
            return instrument
        # Keyed by the fields as a tuple: hashing and comparing a tuple runs in C, the
        # dataclass's generated __hash__/__eq__ in Python (~1 µs saved per lookup).
        key = (instrument.isin, instrument.ticker, instrument.name, instrument.exchange,
               instrument.currency, instrument.primary, instrument.mentions)
        completed = self._completed.get(key)
        if completed is None:
            if len(self._completed) > 10_000:
                self._completed.clear()
            completed = self._completed[key] = Instrument(
                isin=instrument.isin or listing.isin,
                ticker=instrument.ticker or listing.ticker,
                name=instrument.name or listing.name,
                exchange=instrument.exchange or listing.exchange,
                currency=instrument.currency or listing.currency,
                primary=instrument.primary,
                mentions=instrument.mentions,
            )
        return completed


def load_directory() -> Directory:
    from pytickersymbols import PyTickerSymbols

    indexed = (pytickersymbols_company(s) for s in PyTickerSymbols().get_all_stocks())
    return Directory.of(read_csv(), (c for c in indexed if c is not None))


@cache
def directory() -> Directory:
    """The process-wide directory, built on first use (~35 ms, see module docstring)."""
    return load_directory()
