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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
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
    """python-stdnum's check (country code and check digit), behind our own check digit
    test: stdnum costs ~10 µs a call, and most ISIN-shaped words in text are not ISINs."""
    return len(text) == 12 and text.isalnum() and text.isascii() and _luhn_ok(text) and _stdnum_isin(text)


_AS_DIGITS = str.maketrans({chr(c): str(c - 55) for c in range(ord("A"), ord("Z") + 1)})
_DOUBLED_DIGIT_SUM = {str(d): (2 * d) // 10 + (2 * d) % 10 for d in range(10)}


def _luhn_ok(text: str) -> bool:
    """The ISIN check digit: letters as 10–35, then the Luhn sum over all digits."""
    digits = text.upper().translate(_AS_DIGITS)
    if not digits.isdigit():
        return False
    total = sum(map(int, digits[-1::-2])) + sum(map(_DOUBLED_DIGIT_SUM.__getitem__, digits[-2::-2]))
    return total % 10 == 0


@lru_cache(maxsize=4096)
def _stdnum_isin(text: str) -> bool:
    """Imported on first use: stdnum.util pulls in ssl and pydoc, ~20 ms that start-up
    should not pay. Cached (bounded): articles repeat the same few ISINs."""
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


NameHit = tuple[int, str, bool, int]
"""A company name found in text by `NameScanner.names`: (start, key, suffixed, end).
`suffixed`: written with a legal form ("Shell plc"), which makes a common word a
company; `end`: where the name and its legal form end. A plain tuple, not a
NamedTuple: one is made per mention, and a NamedTuple costs 0.25 µs more each."""


# A run of capitalised words: the only text that can hold a company name. Words go up
# to whitespace or clause punctuation, so hyphens, apostrophes and "&" stay inside
# ("Mercedes-Benz", "Nvidia’s", "AT&T"); words join across whitespace and one
# lower-case connector ("Bank of America"); an ISIN-shaped word ends the run, since
# find_instruments reads it as an ISIN. The pattern starts after the run's capital
# letter: find_instruments' one candidate regex leads every branch with a single
# character class (capitals, "$", ":") so the engine can skip straight to candidates.
CAPITALS = "A-ZÀ-ÖØ-Þ"
_HAS_CAPITAL = re.compile(f"[{CAPITALS}]")
_ISIN_WORD = r"[A-Z]{2}[A-Z0-9]{9}[0-9](?![^\W_])"
_WORD_REST = r"[^\s,;:!?()\[\]\"“”]*+"
_CONNECTOR_WORDS = ("of", "and", "&", "de", "du", "des", "la", "le", "the", "van", "von", "y")
NAME_RUN_TAIL = (
    rf"(?P<word>{_WORD_REST})"
    # The connectors as a trie: the engine tries branches one by one, after every word.
    # Possessive quantifiers (++, *+): a failed continuation is not retried with fewer
    # spaces or letters, which could never succeed anyway.
    r"(?P<more>(?:\s++(?:(?:of|and|&|d(?:es|e|u)|l[ae]|the|v[ao]n|y)\s++)?"
    rf"(?!{_ISIN_WORD})[{CAPITALS}0-9]{_WORD_REST})*+)"
)
_CONNECTORS = frozenset(_CONNECTOR_WORDS)
"""Lower-case words allowed inside a name ("Bank of America", "Procter & Gamble")."""
_RUN_TAIL = re.compile(NAME_RUN_TAIL)
_LOWER_LEGAL = re.compile(r"[ \u00a0]+(?:plc|ltd|inc|corp|limited)\b")

Span = tuple[int, int]
"""A run in text: its start and end."""


class NameScanner:
    """Finds known names in runs of capitalised words by looking up 1–n word groups.

    Why not one big alternation regex: with ~4,000 names it is slow to compile and
    to run; one dict lookup per run, guarded by a first-word table, and a look at the
    following words only for the few runs that start with a name's first word.
    """

    def __init__(self) -> None:
        self._keys: set[str] = set()
        self._longest: dict[str, int] = {}
        """First word of a key → the most words any key starting with it has."""
        self._spelled: dict[str, str] = {}
        """First word → its exact spelling, for names that do not start with a capital
        ("eBay", "3M"): only so written are they names ("ebay" may be anything)."""
        self._uncapitalised: dict[str, tuple[str, str]] = {}
        """The same for spellings with no capital at all ("3i"), which start no run, with
        the probe `spelled_runs` looks for first: the spelling's first symbol ("&" of
        "1&1"), as a one-character search is ~10x faster than a search for a word."""
        self._runs: dict[str, tuple[tuple[int, str, bool, int], ...]] = {}
        """Run text → the names in it: (start, key, suffixed, end), offsets in the run."""

    def add(self, key: str, spelling: str = "") -> None:
        """Index a name key; `spelling` is the name as written, which matters only
        when it does not start with a capital letter."""
        words = key.split(" ")
        self._keys.add(key)
        if self._longest.get(words[0], 0) < len(words):
            self._longest[words[0]] = len(words)
        if spelling and not _HAS_CAPITAL.match(spelling):
            written = spelling.split()[0].rstrip(",.;:")
            if name_word(written) == words[0]:
                self._spelled[words[0]] = written
                if not _HAS_CAPITAL.search(written):
                    probe = next((c for c in written if not c.isalnum()), written)
                    self._uncapitalised[words[0]] = (written, probe)

    def knows(self, key: str, spelling: str = "") -> bool:
        """Whether scanning finds this name already, so a per-article table need not add it."""
        if key not in self._keys:
            return False
        if not spelling or _HAS_CAPITAL.match(spelling):
            return True
        return self._spelled.get(key.split(" ")[0]) == spelling.split()[0].rstrip(",.;:")

    def spelled_runs(self, text: str, also: NameScanner | None = None) -> list[Span]:
        """Runs that start with a name spelled without any capital ("3i", "1&1"), which
        the candidate regex cannot see; names with a capital inside ("eBay", "3M") are
        found from the run that capital starts (see `_mid_word`)."""
        runs: list[Span] = []
        for table in (self._uncapitalised, also._uncapitalised if also else {}):
            for word, (spelling, probe) in table.items():
                at = text.find(spelling) if probe in text else -1
                while at >= 0:
                    if not (at and text[at - 1].isalnum()):
                        run = _RUN_TAIL.match(text, at + 1)  # always matches, maybe empty
                        if run and _word(text[at : run.end("word")]) == word:
                            runs.append((at, run.end()))
                    at = text.find(spelling, at + 1)
        return runs

    def names(self, text: str, runs: list[Span], also: NameScanner | None = None) -> list[NameHit]:
        """Names in these runs, longest first, left to right; `also` adds a per-article
        table (the declared instruments' names, which the directory may not know).

        The same runs come back again and again ("The", "Analysts", "Microsoft", "Rival
        Toyota Motor"), so what the directory finds in a run is cached by its text: most
        runs then cost one dict lookup, which is what keeps extraction fast.
        """
        hits: list[NameHit] = []
        if also is not None:
            for start, end in runs:
                hits += self._run(text, start, end, also)
            return hits
        cache = self._runs
        for start, end in runs:
            if start and text[start - 1].isalnum():
                hits += self._run(text, start, end, None)
                continue
            run = text[start:end]
            found = cache.get(run)
            if found is None:
                if len(cache) > 50_000:
                    cache.clear()
                found = cache[run] = tuple(
                    (hit_start - start, key, suffixed, hit_end - start)
                    for hit_start, key, suffixed, hit_end in self._run(text, start, end, None, lower_legal=False)
                )
            if not found:  # most runs: "The", "Analysts", "Outlook"
                continue
            for offset, key, suffixed, end_offset in found:
                if start + end_offset == end and not suffixed:
                    suffixed = _LOWER_LEGAL.match(text, end) is not None
                hits.append((start + offset, key, suffixed, start + end_offset))
        return hits

    def _run(
        self, text: str, start: int, end: int, also: NameScanner | None, lower_legal: bool = True
    ) -> list[NameHit]:
        raws = text[start:end].split()
        starts = []
        at = start
        for raw in raws:
            at = text.find(raw, at)
            starts.append(at)
            at += len(raw)
        if start and text[start - 1].isalnum():
            self._mid_word(text, raws, starts, also)
        return self._scan(text, raws, starts, also, lower_legal)

    def _mid_word(self, text: str, raws: list[str], starts: list[int], also: NameScanner | None) -> None:
        """A run that starts inside a word: the whole word is a name's first word only
        when spelled exactly so ("eBay", "3M"); else it is no word at all ("iPhone")."""
        first = starts[0]
        while first and text[first - 1].isalnum():
            first -= 1
        written = text[first : starts[0]] + raws[0]
        word = _word(written)
        spelling = self._spelled.get(word) or (also._spelled.get(word) if also else None)
        if spelling and written.startswith(spelling):
            raws[0], starts[0] = written, first
            return
        del raws[0], starts[0]
        while raws and raws[0] in _CONNECTORS:
            del raws[0], starts[0]

    def _scan(
        self,
        text: str,
        raws: list[str],
        starts: list[int],
        also: NameScanner | None,
        lower_legal: bool,
    ) -> list[NameHit]:
        """The run's words, connectors included as words of their own, left to right;
        `lower_legal`: whether to look past the run for " plc" and the like."""
        hits: list[NameHit] = []
        longest, keys = self._longest, self._keys
        more_longest = also._longest if also else {}
        more_keys = also._keys if also else set()
        spelled, more_spelled = self._spelled, also._spelled if also else {}
        count = len(raws)
        i = 0
        while i < count:
            raw = raws[i]
            if raw in _CONNECTORS:
                i += 1
                continue
            word = _word(raw)
            spelling = spelled.get(word) or more_spelled.get(word)
            if spelling and not raw.startswith(spelling):
                i += 1  # "3m", "EBAY": not as the name is spelled
                continue
            most = longest.get(word, 0) or more_longest.get(word, 0)
            if not most and "-" in word:  # "Nvidia-backed": the name before the hyphen
                word = word.split("-", 1)[0]
                most = 1 if word in keys or word in more_keys else 0
            if not most:
                i += 1
                continue
            # The words that may continue the name: the next words, lower-case connectors.
            words, owners = [word], [i]
            j = i
            while len(words) < most and j + 1 < count and _continues(raws[j]):
                j += 1
                if raws[j] in _CONNECTORS:
                    words.append(raws[j])
                    owners.append(-1)
                    j += 1
                words.append(_word(raws[j]))
                owners.append(j)
            for n in range(len(words), 0, -1):
                if owners[n - 1] < 0:
                    continue
                key = " ".join(words[:n])
                if key in keys or key in more_keys:
                    last = owners[n - 1]
                    suffixed = False
                    while last + 1 < count and _word(raws[last + 1]) in LEGAL_SUFFIXES:
                        last += 1
                        suffixed = True
                    end = starts[last] + len(raws[last])
                    if lower_legal and _LOWER_LEGAL.match(text, end):
                        suffixed = True
                    hits.append((starts[i], key, suffixed, end))
                    i = last
                    break
            i += 1
        return hits


def _continues(raw: str) -> bool:
    """Whether a name may go on past this word: not after a possessive or a full stop
    ("Apple. Next"), though initials and legal forms ("J.P.", "N.V.") carry on."""
    if raw.endswith(("’s", "'s")):
        return False
    return not raw.endswith(".") or len(raw) <= 4


_WORD_CACHE: dict[str, str] = {}


def _word(token: str) -> str:
    """`name_word`, memoised: articles repeat the same capitalised words endlessly.
    Cleared when large, so a long-running poller does not grow it without bound."""
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
                if not _HAS_CAPITAL.match(name) and name_key(name) == key:
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
