"""The offline instrument directory: ISIN, Yahoo symbol and company name lead to each other.

Articles name a company in whatever form the writer chose (an ISIN in the instrument
line, "(NYSE: BABA)", "Alibaba’s"), and the store files every article under one key,
so all those forms must lead to one issuer, without a network. Two sources:

* pytickersymbols: ~1,800 index constituents (S&P 500, DAX, FTSE 100, Nikkei ...).
  Its secondary listings and multi-ISIN lists are unreliable (Frankfurt lines, OTC
  ADRs, stale ISINs), so only the primary listing is taken, and an ISIN is tied to it
  only when that is unambiguous.
* ``data/instruments.csv``: our own list of widely followed names outside those indices
  (ADRs, Hong Kong, Tokyo, Seoul, Taipei lines), one row per listing, primary first.
  It wins wherever the two disagree.

Building it costs about 35 ms (pytickersymbols' import is ~11 ms of that), so it is
built once, on first use, by `directory()`, never at import time.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from tui_reader.model import Instrument


@dataclass(frozen=True, slots=True)
class Exchange:
    """A trading venue as Yahoo Finance addresses it."""

    name: str
    suffix: str
    """Appended to the local code to form the Yahoo symbol ("" for US venues)."""
    currency: str
    code_width: int = 0
    """Numeric local codes are zero-padded to this width (HKEX 700 → 0700.HK)."""


_EXCHANGES: dict[str, Exchange] = {}
"""Every spelling writers use for a venue (casefolded) → the venue."""


def _venue(name: str, suffix: str, currency: str, *aliases: str, width: int = 0) -> Exchange:
    exchange = Exchange(name, suffix, currency, width)
    for alias in (name, *aliases):
        _EXCHANGES[alias.casefold()] = exchange
    return exchange


_venue("NASDAQ", "", "USD", "Nasdaq GS", "Nasdaq GM", "Nasdaq CM")
_venue("NYSE", "", "USD", "New York Stock Exchange")
_venue("NYSE American", "", "USD", "AMEX", "NYSE MKT")
_venue("OTC", "", "USD", "OTCMKTS", "OTC Markets", "OTCQX")
for _args in (
    ("XETRA", ".DE", "EUR", "ETR"),
    ("Frankfurt", ".F", "EUR", "FRA", "FWB"),
    ("LSE", ".L", "GBP", "LON", "London Stock Exchange"),
    ("Euronext Amsterdam", ".AS", "EUR", "AMS"),
    ("Euronext Paris", ".PA", "EUR", "EPA"),
    ("Euronext Brussels", ".BR", "EUR", "EBR"),
    ("Borsa Italiana", ".MI", "EUR", "BIT"),
    ("BME", ".MC", "EUR"),
    ("SIX", ".SW", "CHF", "SWX"),
    ("Nasdaq Stockholm", ".ST", "SEK", "STO"),
    ("Nasdaq Helsinki", ".HE", "EUR", "HEL"),
    ("Nasdaq Copenhagen", ".CO", "DKK", "CPH"),
    ("Oslo Børs", ".OL", "NOK", "OSL"),
    ("TSE", ".T", "JPY", "TYO", "Tokyo Stock Exchange"),
    ("TWSE", ".TW", "TWD", "TPE"),
    ("NSE", ".NS", "INR"),
    ("BSE", ".BO", "INR"),
    ("ASX", ".AX", "AUD"),
    ("TSX", ".TO", "CAD"),
    ("SGX", ".SI", "SGD"),
    ("Vienna", ".VI", "EUR", "WBAG"),
):
    _venue(*_args)
_venue("HKEX", ".HK", "HKD", "HK", "SEHK", "HKG", "HKSE", width=4)
_venue("KRX", ".KS", "KRW", "KOSPI", width=6)
_venue("KOSDAQ", ".KQ", "KRW", width=6)
_venue("SSE", ".SS", "CNY", "SHA", width=6)
_venue("SZSE", ".SZ", "CNY", "SHE", width=6)

_BY_SUFFIX: dict[str, Exchange] = {}
for _exchange in _EXCHANGES.values():
    if _exchange.suffix:
        _BY_SUFFIX.setdefault(_exchange.suffix, _exchange)

def exchange_named(name: str) -> Exchange | None:
    return _EXCHANGES.get(" ".join(name.split()).casefold())


def exchange_of(symbol: str) -> Exchange | None:
    """The venue a Yahoo symbol's suffix names; None for US symbols, which have none."""
    dot = symbol.rfind(".")
    return _BY_SUFFIX.get(symbol[dot:].upper()) if dot > 0 else None


def yahoo_symbol(exchange: str, code: str) -> str | None:
    """The Yahoo symbol for a local code on a named venue: ("HKEX", "700") → "0700.HK".

    None when the venue is unknown: a guessed suffix would file the article under a
    symbol that does not exist.
    """
    venue = exchange_named(exchange)
    if venue is None:
        return None
    code = code.strip().upper()
    if not venue.suffix:
        return code.replace(".", "-")  # BRK.B is BRK-B on Yahoo
    if code.endswith(venue.suffix):
        return code
    if venue.code_width and code.isdigit():
        code = (code.lstrip("0") or "0").zfill(venue.code_width)
    return code + venue.suffix


def is_isin(text: str) -> bool:
    """python-stdnum's check (country code and check digit), imported on first use:
    stdnum.util pulls in ssl and pydoc, ~20 ms that start-up should not pay."""
    from stdnum import isin

    return bool(isin.is_valid(text))


# --- company names ---------------------------------------------------------------

LEGAL_SUFFIXES: frozenset[str] = frozenset(
    "inc incorporated corp corporation co company cos ag se plc ltd limited nv sa holding "
    "holdings group llc lp kgaa ab asa oyj spa as bv gmbh".split()
)
"""Words that do not tell companies apart: "Alibaba Group Holding Ltd" is "alibaba"."""

AMBIGUOUS_NAMES: frozenset[str] = frozenset(
    # Company names that are also everyday words, places, people or market venues
    # ("Next week", "Target price", "the North Sea", "Bill Gates", "the Dow"). The
    # scanner takes them only with a legal form ("Shell plc") or when the article
    # names the same company unambiguously elsewhere (ISIN, ticker, declared line).
    """next target shell block match ball compass sea arm reliance progressive southern
    continental investor news dow nasdaq msci sse sto orion elisa orange city now box
    buckle cactus deluxe diodes enact employers frontdoor gates griffon harmonic hub
    integer interface mosaic noble partners pool rational screen sharp shift stride
    universal verve waters sage geo prog ly nn qt q2 booking carnival phoenix dover
    everest indus hartford carter hawkins brady rogers campbell dana lindsay disco
    mitsubishi mitsui sumitomo energizer""".split()
) | {
    "london stock exchange",
    "national bank",
    "independent bank",
    "preferred bank",
    "healthcare services",
    "international airlines",
    "american international",
    "public storage",
    "waste management",
    "best buy",
}

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "–": "-"})
_DROP = str.maketrans("", "", ".'/,()")
_PARENTHESISED = re.compile(r"\([^)]*\)")


def name_word(token: str) -> str:
    """One written word as name keys spell it: "Nvidia’s" → "nvidia", "N.V." → "nv"."""
    word = token.casefold().translate(_APOSTROPHES).rstrip(".,;:!?)")
    if word.endswith("'s"):
        word = word[:-2]
    elif word.endswith("'"):
        word = word[:-1]
    return word.translate(_DROP)


def strip_legal(words: list[str]) -> list[str]:
    """Drop a leading "the" and trailing legal forms ("Eli Lilly and Company" → "eli lilly")."""
    end = len(words)
    while end and (words[end - 1] in LEGAL_SUFFIXES or words[end - 1] in ("&", "and")):
        end -= 1
    start = 1 if end > 1 and words[0] == "the" else 0
    return words[start:end]


def name_key(name: str) -> str:
    """The normalised form names are indexed under, so "Apple Inc." and "APPLE" meet."""
    if "(" in name:
        name = _PARENTHESISED.sub(" ", name)
    words = [w for w in map(name_word, name.split()) if w]
    return " ".join(strip_legal(words))


@dataclass(frozen=True, slots=True)
class NameHit:
    """A company name found in text by `Directory.scan_names`."""

    start: int
    key: str
    suffixed: bool
    """Written with a legal form ("Shell plc"), which makes a common word a company."""


Token = tuple[int, int, str]
"""A capitalised word in text: start, end, the word as written."""

# Capitalised words (and numbers) up to whitespace or clause punctuation. One cheap
# pass: hyphens and apostrophes stay inside ("Mercedes-Benz", "Nvidia’s"), and
# find_instruments reuses the same tokens to spot ISINs.
_CAPITALISED = re.compile(r"[A-ZÀ-ÖØ-Þ0-9][^\s,;:!?()\[\]\"“”]*")
_CONNECTORS = frozenset({"of", "and", "&", "de", "du", "des", "la", "le", "the", "van", "von", "y"})
"""Lower-case words allowed inside a name ("Bank of America", "Procter & Gamble")."""
_LOWER_LEGAL = re.compile(r"[ \u00a0]+(?:plc|ltd|inc|corp|limited)\b")


def tokenize(text: str) -> list[Token]:
    return [(m.start(), m.end(), m.group()) for m in _CAPITALISED.finditer(text)]


class NameScanner:
    """Finds known names in text by looking up 1–n word groups of capitalised words.

    Why not one big alternation regex: with ~4,000 names it is slow to compile and
    to run; one dict lookup per capitalised word, guarded by a first-word table,
    and a look at the neighbours only for the few words that can start a name.
    """

    def __init__(self, keys: Iterable[str]) -> None:
        self._keys: set[str] = set()
        self._longest: dict[str, int] = {}
        """First word of a key → the most words any key starting with it has."""
        for key in keys:
            self.add(key)

    def add(self, key: str) -> None:
        words = key.split(" ")
        self._keys.add(key)
        if self._longest.get(words[0], 0) < len(words):
            self._longest[words[0]] = len(words)

    def scan(
        self, text: str, tokens: list[Token] | None = None, also: NameScanner | None = None
    ) -> Iterator[NameHit]:
        """Names in text, longest first, left to right; `also` adds a per-article table
        (the declared instruments' names, which the directory may not know)."""
        if tokens is None:
            tokens = tokenize(text)
        longest, keys = self._longest, self._keys
        more_longest = also._longest if also else {}
        more_keys = also._keys if also else set()
        count = len(tokens)
        i = 0
        while i < count:
            word = _word(tokens[i][2])
            most = longest.get(word, 0) or more_longest.get(word, 0)
            if not most and "-" in word:  # "Nvidia-backed": the name before the hyphen
                word = word.split("-", 1)[0]
                most = 1 if word in keys or word in more_keys else 0
            if not most:
                i += 1
                continue
            # The words that may continue the name: adjacent tokens, lower-case connectors.
            words, owners = [word], [i]
            j = i
            while len(words) < most and j + 1 < count and _continues(tokens[j][2]):
                gap = text[tokens[j][1] : tokens[j + 1][0]]
                if gap.isspace():
                    pass
                elif gap[:1].isspace() and gap.strip() in _CONNECTORS and gap[-1:].isspace():
                    words.append(gap.strip())
                    owners.append(-1)
                else:
                    break
                j += 1
                words.append(_word(tokens[j][2]))
                owners.append(j)
            for n in range(len(words), 0, -1):
                if owners[n - 1] < 0:
                    continue
                key = " ".join(words[:n])
                if key in keys or key in more_keys:
                    last = owners[n - 1]
                    suffixed = False
                    while last + 1 < count and _word(tokens[last + 1][2]) in LEGAL_SUFFIXES and (
                        text[tokens[last][1] : tokens[last + 1][0]].isspace()
                    ):
                        last += 1
                        suffixed = True
                    if _LOWER_LEGAL.match(text, tokens[last][1]):
                        suffixed = True
                    yield NameHit(tokens[i][0], key, suffixed)
                    i = last
                    break
            i += 1


def _continues(raw: str) -> bool:
    """Whether a name may go on past this word: not after a possessive or a full stop
    ("Apple. Next"), though initials and legal forms ("J.P.", "N.V.") carry on."""
    if raw.endswith(("’s", "'s")):
        return False
    return not raw.endswith(".") or len(raw) <= 4


_WORD_CACHE: dict[str, str] = {}


def _word(token: str) -> str:
    """`name_word`, memoised: articles repeat the same capitalised words endlessly."""
    word = _WORD_CACHE.get(token)
    if word is None:
        if len(_WORD_CACHE) > 100_000:
            _WORD_CACHE.clear()
        word = _WORD_CACHE[token] = name_word(token)
    return word


# --- the directory ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Company:
    """One issuer and every listing we know of it."""

    name: str
    listings: tuple[Instrument, ...]
    """Primary listing first: the one a bare name mention resolves to."""
    names: tuple[str, ...] = ()
    """Other ways writers name it ("Alibaba", "Alibaba Group Holding Ltd")."""
    other_isins: tuple[str, ...] = ()
    """The issuer's ISINs that no listing here can be tied to (share classes, ADRs)."""


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
    scanner: NameScanner = field(default_factory=lambda: NameScanner(()))

    @classmethod
    def of(cls, preferred: Iterable[Company], others: Iterable[Company] = ()) -> Directory:
        """Index companies; preferred ones (our CSV) win every ISIN, symbol and name."""
        directory = cls()
        for company in preferred:
            directory._add(company, pinned=True)
        for company in others:
            if not directory._claims(company):
                directory._add(company, pinned=False)
        for key in directory._names:
            directory.scanner.add(key)
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
        return Instrument(
            isin=instrument.isin or listing.isin,
            ticker=instrument.ticker or listing.ticker,
            name=instrument.name or listing.name,
            exchange=instrument.exchange or listing.exchange,
            currency=instrument.currency or listing.currency,
            primary=instrument.primary,
            mentions=instrument.mentions,
        )

# --- loading ---------------------------------------------------------------------


def csv_companies(rows: Iterable[Mapping[str, str]]) -> list[Company]:
    """Group instruments.csv rows (one per listing) into companies by their name."""
    grouped: dict[str, tuple[list[Instrument], list[str]]] = {}
    for row in rows:
        name = row["name"].strip()
        listings, aliases = grouped.setdefault(name, ([], []))
        listings.append(
            Instrument(
                isin=row["isin"].strip() or None,
                ticker=row["symbol"].strip().upper(),
                name=name,
                exchange=row["exchange"].strip() or None,
                currency=row["currency"].strip() or None,
            )
        )
        aliases.extend(a.strip() for a in row["aliases"].split("|") if a.strip())
    return [Company(name, tuple(ls), tuple(al)) for name, (ls, al) in grouped.items()]


def _read_csv() -> list[Company]:
    with open(Path(__file__).with_name("data") / "instruments.csv", encoding="utf-8") as rows:
        return csv_companies(csv.DictReader(rows))


_SUFFIXED = re.compile(r"\.[A-Z]{1,2}$")
_TRADED_AS = re.compile(r"^(Nasdaq|NYSE)\s*:\s*([A-Z.\-]+)")
_US_COUNTRIES = ("United States", "")


def pytickersymbols_company(stock: Mapping[str, object]) -> Company | None:
    """One pytickersymbols entry as a Company with only the listing we can trust.

    Its "symbol" is the primary line but not always a Yahoo symbol (BRK.B, or a bare
    Xetra code without .DE): a bare code is only taken for US issuers. Its ISIN list
    mixes share classes, ADRs and bond ISINs, so an ISIN is tied to the listing only
    when exactly one fits the listing's country.
    """
    name = _PARENTHESISED.sub("", str(stock.get("name") or "")).strip()
    if not name:
        return None
    yahoo = {
        str(s.get("yahoo")): s
        for s in stock.get("symbols") or []  # type: ignore[union-attr]
        if isinstance(s, dict) and s.get("yahoo")
    }
    # Not re-validated here (1,300 checks would double the load time): an ISIN only
    # ever reaches a lookup after instruments.py validated it in the text.
    isins = [i for i in stock.get("isins") or [] if isinstance(i, str) and len(i) == 12]  # type: ignore[union-attr]
    country = str(stock.get("country") or "")
    symbol = str(stock.get("symbol") or "").upper()
    ticker: str | None = None
    if symbol in yahoo or (symbol and _SUFFIXED.search(symbol) and exchange_of(symbol)):
        ticker = symbol
    elif symbol.replace(".", "-") in yahoo:
        ticker = symbol.replace(".", "-")
    elif symbol and (country in _US_COUNTRIES or "," in country or all(i[:2] == "US" for i in isins)):
        ticker = symbol.replace(".", "-")
    if ticker is None:
        # Known by name and ISIN only: still worth filing articles under.
        return Company(name, (Instrument(isins[0], None, name),)) if len(isins) == 1 else None

    venue = exchange_of(ticker)
    home = _ISIN_COUNTRY.get(venue.suffix, "") if venue else "US"
    candidates = [i for i in isins if not (venue and i.startswith("US"))]
    matching = [i for i in candidates if i[:2] == home]
    isin = matching[0] if len(matching) == 1 else candidates[0] if len(candidates) == 1 else None

    exchange = venue.name if venue else None
    if venue is None:
        traded_as = _TRADED_AS.match(str((stock.get("metadata") or {}).get("traded_as") or ""))  # type: ignore[union-attr]
        if traded_as and traded_as.group(2).replace(".", "-") == ticker:
            exchange = traded_as.group(1).upper()
    quoted = yahoo.get(ticker) or {}
    currency = str(quoted.get("currency") or "") or (venue.currency if venue else "USD")
    listing = Instrument(isin, ticker, name, exchange, currency)
    return Company(name, (listing,), (), tuple(i for i in isins if i != isin))


_ISIN_COUNTRY = {
    ".DE": "DE", ".F": "DE", ".L": "GB", ".AS": "NL", ".PA": "FR", ".BR": "BE", ".MI": "IT",
    ".MC": "ES", ".SW": "CH", ".ST": "SE", ".HE": "FI", ".CO": "DK", ".OL": "NO", ".T": "JP",
    ".HK": "HK", ".KS": "KR", ".KQ": "KR", ".TW": "TW", ".NS": "IN", ".BO": "IN", ".AX": "AU",
    ".TO": "CA", ".SI": "SG", ".VI": "AT", ".SS": "CN", ".SZ": "CN",
}


def load_directory() -> Directory:
    from pytickersymbols import PyTickerSymbols

    indexed = (pytickersymbols_company(s) for s in PyTickerSymbols().get_all_stocks())
    return Directory.of(_read_csv(), (c for c in indexed if c is not None))


@cache
def directory() -> Directory:
    """The process-wide directory, built on first use (~35 ms, see module docstring)."""
    return load_directory()
