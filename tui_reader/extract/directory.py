"""The offline instrument directory: ISIN, Yahoo symbol and company name lead to each other.

Articles name a company in whatever form the writer chose (an ISIN in the instrument
line, "(NYSE: BABA)", "Alibaba’s"), and the store files every article under one key,
so all those forms must lead to one issuer, without a network. Its companies come
from our CSV, pytickersymbols and data/listed.csv (see `listings`), and later from
what the online part learns (`Directory.learn`).

Building it costs about 100 ms (the ~5,700 listed companies about half of it, their
name keys precomputed in the file), so it is built once, on first use, by
`directory()`, never at import time: in the app, in the forkserver that feed workers
fork from, and in the ingest worker.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

from tui_reader.extract.aliases import curated_aliases, derived_short_names, first_names, is_acronym
from tui_reader.extract.exchanges import exchange_named, yahoo_symbol
from tui_reader.extract.isins import is_isin
from tui_reader.extract.listings import Company, pytickersymbols_company, read_csv, read_isin_changes, read_listed
from tui_reader.extract.name_scanner import NameScanner
from tui_reader.extract.names import AMBIGUOUS_NAMES, HAS_CAPITAL, legal_keys, name_key
from tui_reader.extract.word_names import allowed_word_names, word_names
from tui_reader.model import Instrument

_UMLAUTS = frozenset("äöüÄÖÜß")
_TRANSLITERATED = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})
"""German umlauts as writers without them spell them: "Süss" is "Suess" (and "Suss")."""


@dataclass(slots=True)
class Directory:
    """Lookups between ISINs, Yahoo symbols and names, all O(1) dict hits."""

    _isins: dict[str, tuple[Company, Instrument]] = field(default_factory=dict)
    _tickers: dict[str, tuple[Company, Instrument]] = field(default_factory=dict)
    _names: dict[str, Company] = field(default_factory=dict)
    _ciks: dict[str, Company] = field(default_factory=dict)
    _clashes: set[str] = field(default_factory=set)
    """Name keys two different companies share ("merck"): never resolved by name."""
    _pinned: set[str] = field(default_factory=set)
    """Name keys from our CSV, which a clashing pytickersymbols name cannot unseat."""
    _spellings: dict[str, set[str]] = field(default_factory=dict)
    """Name key → the names as written that gave it ("UPS"): all-capital short ones
    must be so written in text (see `aliases.is_acronym`)."""
    scanner: NameScanner = field(default_factory=NameScanner)
    _completed: dict[tuple[object, ...], Instrument] = field(default_factory=dict)
    """`complete` results: every article of a source declares the same instrument."""
    short_names: set[str] = field(default_factory=set)
    """Keys derived from official names ("marvell"): a name only where no capitalised
    word follows ("Getty Images" is not Getty Realty)."""
    revision: int = 0
    """Counts `learn` calls that added something: caches of lookups compare it."""

    @classmethod
    def of(
        cls,
        preferred: Iterable[Company],
        others: Iterable[Company] = (),
        listed: Iterable[tuple[Company, Sequence[str]]] = (),
    ) -> Directory:
        """Index companies; preferred ones (our CSV) win every ISIN, symbol and name.

        Then the names people write: curated aliases (as strong as the CSV), and short
        names derived from official ones (only where no company has that name yet).
        Last the `listed` ones (data/listed.csv), below all of these: by their official
        names only, as a short name derived from thousands of small caps would more
        often be a word or a person than the company.
        """
        from tui_reader.extract.directory_listed import add_listed  # it reads Directory's tables

        directory = cls()
        for company in preferred:
            directory._add(company, pinned=True)
        renewed = dict(read_isin_changes())
        for company in others:
            if not directory._claims(company, renewed):
                directory._add(company, pinned=False)
        later = []
        for symbol, alias in curated_aliases():
            found = directory._tickers.get(symbol)
            if found is not None:
                directory._add_names(found[0], (alias,), pinned=True)
            else:
                later.append((symbol, alias))  # a listed company's ("Xing" of New Work)
        for key, company in derived_short_names(directory._names, directory._clashes).items():
            directory._names[key] = company
            directory.short_names.add(key)
        directory._index_names(directory._names)
        add_listed(directory, listed, renewed.items())
        added: dict[str, Company] = {}
        for symbol, alias in later:
            if (found := directory._tickers.get(symbol)) is not None:
                directory._add_names(found[0], (alias,), pinned=True)
                added.update((key, found[0]) for key in directory.name_keys(alias) if key in directory._names)
        directory._index_names(added)
        return directory

    def learn(self, companies: Iterable[Company]) -> int:
        """Add companies learned online (the SEC's list, a search for an ISIN) after load.

        Below everything already known: a learned company whose ISIN or symbol is taken
        is skipped (only its CIK is kept, for `by_cik`), and its names only fill keys no
        company has, so it fills gaps and never overrides our CSV or pytickersymbols.
        Returns how many companies were added.
        """
        added = 0
        new_keys: dict[str, Company] = {}
        for company in companies:
            if not company.listings:
                continue
            if self._claims(company):
                self._known_cik(company)
                continue
            self._add_listings(company)
            self._fill_names(company, self.name_keys(company.name, *company.names), new_keys)
            added += 1
        if added:
            self._index_names(new_keys)
            self.scanner.forget_runs()
            self._completed.clear()
            self.revision += 1
        return added

    def _fill_names(self, company: Company, keys: Iterable[str], new_keys: dict[str, Company]) -> None:
        """Give the company the keys no company has; a key two filling companies want is
        nobody's ("First Bancorp" of Maine and of Puerto Rico)."""
        for key in keys:
            if key in self._clashes:
                continue
            held = new_keys.get(key)
            if held is None and key not in self._names:
                self._names[key] = new_keys[key] = company
            elif held is not None and held is not company:
                del self._names[key], new_keys[key]
                self._clashes.add(key)

    def _known_cik(self, learned: Company) -> None:
        """A learned CIK of a company we know under its symbol or ISIN: an identifier
        more, which overrides nothing (the SEC's list names Apple too)."""
        if not learned.cik:
            return
        for listing in learned.listings:
            found = self._tickers.get((listing.ticker or "").upper()) or self._isins.get(listing.isin or "")
            if found is not None:
                self._ciks.setdefault(learned.cik.lstrip("0"), found[0])
                return

    def _index_names(self, names: dict[str, Company], with_spellings: bool = True) -> None:
        """Teach the scanner these keys, with the spellings that matter: names without
        a capital initial ("eBay", "3i") and all-capital short names ("UPS"). Not for
        the listed companies' names: a spelling without a capital ("11 88 0", "bet",
        "360") is searched for in every text, and thousands of small companies' would
        cost more than they find."""
        for key, company in names.items():
            self.scanner.add(key)
            if not with_spellings:
                continue
            spellings = self._spellings.get(key, ())
            if spellings and all(is_acronym(s) for s in spellings):
                self.scanner.add(key, min(spellings), exact=True, titled=_titled_is_a_name(key))
            elif spellings and " " not in key and exchange_named(key.upper()) is not None:
                # "Amex" is American Express, "AMEX" the exchange: only as the company writes it.
                self.scanner.add(key, min(spellings), exact=True)
            names_of = (company.name, *company.names, *spellings)
            for name in names_of:  # aliases: "adidas-Salomon"
                if not HAS_CAPITAL.match(name) and name_key(name) == key:
                    self.scanner.add(key, name)
            for name in names_of:  # then an older camel case of such a name: "ThyssenKrupp"
                if HAS_CAPITAL.match(name) and not name[1:].islower() and name_key(name) == key:
                    self.scanner.add(key, name)

    def _claims(self, company: Company, renewed: Mapping[str, str] | None = None) -> bool:
        """Whether an earlier company already holds one of this one's identifiers, or
        (`renewed`: data/isin_changes.csv) the ISIN one of them has since become: a
        bundled list's Roche under its old Genussschein line is our Roche."""
        renewed = renewed or {}
        return any(
            i.isin in self._isins or (i.ticker or "").upper() in self._tickers
            or renewed.get(i.isin or "") in self._isins for i in company.listings
        ) or any(isin in self._isins or renewed.get(isin) in self._isins for isin in company.other_isins)

    def _add(self, company: Company, *, pinned: bool) -> None:
        self._add_listings(company)
        self._add_names(company, (company.name, *company.names), pinned=pinned)

    def _add_listings(self, company: Company) -> None:
        for listing in company.listings:
            if listing.isin:
                self._isins.setdefault(listing.isin, (company, listing))
            if listing.ticker:
                self._tickers.setdefault(listing.ticker.upper(), (company, listing))
        for isin in company.other_isins:
            self._isins.setdefault(isin, (company, Instrument(isin, None, company.name)))
        if company.cik:
            self._ciks.setdefault(company.cik.lstrip("0"), company)

    def _add_names(self, company: Company, names: Iterable[str], *, pinned: bool) -> None:
        for name in names:
            for key in self.name_keys(name):
                self._spellings.setdefault(key, set()).add(name)
                if key in self._clashes:
                    continue
                held = self._names.get(key)
                if held is None:
                    self._names[key] = company
                    if pinned:
                        self._pinned.add(key)
                elif held is not company and key not in self._pinned:
                    del self._names[key]
                    self._clashes.add(key)

    @staticmethod
    def name_keys(*names: str) -> list[str]:
        """The keys a name is found under: its key, the same without hyphens ("Mercedes
        Benz"), and with its legal words kept ("SoftBank Group" beside "SoftBank Corp",
        "Porsche SE" beside "Porsche AG"): those tell a parent from its listed unit."""
        keys = []
        for name in names:
            if _UMLAUTS.intersection(name):  # "Suess MicroTec", "Suedzucker" as written without umlauts
                keys.append(name_key(name.translate(_TRANSLITERATED)))
            key = name_key(name)
            if not key:
                continue
            keys.append(key)
            if "-" in key:
                keys.append(key.replace("-", " "))
            keys += legal_keys(name, key)
        return keys

    def by_cik(self, cik: str) -> Instrument | None:
        """The primary listing of the registrant with this SEC CIK ("320193", "0000320193")."""
        company = self._ciks.get(cik.strip().lstrip("0"))
        return company.listings[0] if company and company.listings else None

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
        """The primary listing of the company so named, in any common spelling; where two
        companies share the name ("Merck"), its legal words tell them apart ("Merck KGaA",
        "Merck & Co."), as they do for the scanner."""
        key = name_key(name)
        company = self._names.get(key)
        if company is None and key in self._clashes:
            for longer in reversed(legal_keys(name, key)):
                if (company := self._names.get(longer)) is not None:
                    break
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
        if len(text) == 12 and is_isin(text.upper()) and (found := self.by_isin(text)):
            return found
        return self.by_ticker(text) or self.by_name(text)

    def candidates(self, name: str) -> list[Instrument]:
        """The primary listings of every company a name could mean ("Merck": Merck KGaA
        and Merck & Co.), for a user to choose from when `resolve` cannot. A scan of all
        companies: for a command's single lookup, never for text."""
        key = name_key(name)
        if not key:
            return []
        seen: set[int] = set()
        found = []
        for company, _ in self._tickers.values():
            if id(company) in seen or not company.listings:
                continue
            seen.add(id(company))
            if key in self.name_keys(company.name, *company.names):
                found.append(company.listings[0])
        return found

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


def _titled_is_a_name(key: str) -> bool:
    """Whether an acronym name of three or four letters is the company also when
    title-cased ("Lpp (-9.00%)", "wobei Bper mit -1,7%"): only where that spelling is no
    word, first name or other everyday name ("Ups", "Sap", "Fico", "Also" stay words)."""
    return (len(key) in (3, 4) and key.isalpha() and key not in word_names() and key not in allowed_word_names()
            and key not in first_names() and key not in AMBIGUOUS_NAMES)


def load_directory() -> Directory:
    from pytickersymbols import PyTickerSymbols

    indexed = (pytickersymbols_company(s) for s in PyTickerSymbols().get_all_stocks())
    return Directory.of(read_csv(), (c for c in indexed if c is not None), read_listed())


@cache
def directory() -> Directory:
    """The process-wide directory, built on first use (~35 ms, see module docstring)."""
    return load_directory()
