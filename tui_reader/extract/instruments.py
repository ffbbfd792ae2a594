"""Which instruments an article is about, from its ISINs, explicit tickers and names.

Only explicit forms count as tickers (``$TSLA``, ``(NASDAQ: NVDA)``, ``HKEX: 9988``,
``(ticker: AAPL)``): an all-caps word on its own is far more often an acronym (CEO,
AI, EPS) than a symbol. Every mention of one company, whatever its form, is merged
into one `Instrument` so the article is filed once, under the listing it names.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from tui_reader.extract.clash_names import CLASHES, SENSES, clash_mentions, local_sense
from tui_reader.extract.directory import Directory, directory
from tui_reader.extract.isins import is_isin
from tui_reader.extract.movers import briefed_tickers, mover_tickers, tagged_tickers
from tui_reader.extract.name_counting import count_names
from tui_reader.extract.name_scanner import NameScanner
from tui_reader.extract.names import CAPITALS, NAME_RUN_TAIL, Span, name_key
from tui_reader.extract.wire_codes import bloomberg_tickers, ric_tickers, wkn_isins
from tui_reader.extract.word_names import (
    is_german,
)
from tui_reader.extract.written_tickers import (
    NOT_TICKERS,
    forget_venue_forms,
    home_suffix,
    paren_ticker,
    ticker_mentions,
)
from tui_reader.model import Instrument

# Every candidate in one pass. All branches start with one character class, which
# lets the regex engine skip to candidates instead of trying each branch at every
# position (3x faster); the branch is then picked by that first character: "$TSLA";
# the colon of "<venue or 'ticker'>: CODE" (only the colon is consumed, so the code is
# still read as a name when no venue precedes it; the venue is read from the words
# before the colon); "(CODE)" or the quote widget "(CODE 0.77%)", tickers only with
# evidence (see `written_tickers`), or in square brackets as Benzinga writes them
# ("XBP Europe [XBP]"); an ISIN-shaped word; else a run of capitalised words.
_CANDIDATES = re.compile(
    rf"[$:(\[{CAPITALS}](?:"
    r"(?<=\$)(?P<cash>[A-Z]{1,6}(?:\.[A-Z]{1,2})?)(?![\w.])"
    r"|(?<=\$)(?P<tag>(?P<tag_name>[A-Z][^$()\n]{1,80}?)\((?P<tag_code>[A-Z0-9]{1,6}(?:\.[A-Z]{1,2})?)\)\$)"
    r"|(?<=:)(?=[ \u00a0]*(?P<code>[A-Z0-9]{1,6}(?:[.\-][A-Z0-9]{1,3})?)(?![\w]))"
    # a Xetra code with its class digit ("SIX2", "VOW3") only in a quote, price and move after it
    r"|(?<=[(\[])(?P<paren>[A-Z]{1,5}(?:\.[A-Z])?|[A-Z]{2,4}[0-9](?=[ \u00a0]\d[\d.,']*[ \u00a0][+\-\u2212]?\d))"
    r"(?:(?P<quote>(?:[ \u00a0]\d[\d.,']*)?[ \u00a0][+\-\u2212]?\d{1,3}(?:\.\d{1,2})?%)|(?=[)\]]))"
    r"|(?<=[A-Z])(?P<isin>[A-Z][A-Z0-9]{9}[0-9])(?![^\W_])"
    rf"|(?<=[{CAPITALS}]){NAME_RUN_TAIL})"
)
INDEX_ISINS: frozenset[str] = frozenset(
    # Indices carry ISINs too, and German wires list them beside the shares' ("DAX
    # DE0008469008" in a dpa-AFX footer): an index is no instrument to file under.
    # Those under a country's code are listed here; "XC" ones (`INDEX_PREFIX`) all are.
    """DE0008469008 DE0008467416 DE0009653386 DE0007203275 DE0008469594 EU0009658145
    EU0009658202 CH0009980894 AT0000999982 FR0003500008 NL0000000107 GB0001383545
    US78378X1072 US6311011026""".split()
)
INDEX_PREFIX = "XC"
"""No country's code: the prefix CUSIP Global Services gives indices' ISINs ("Nikkei 225
(XC0009692440)", the Hang Seng's XC0009694271)."""
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
    cited: int = 0
    """Mentions as the house whose analysts speak ("Societe Generale analysts said",
    "Vontobel-Analyst"): a company only cited so is no primary while another is named."""


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
        self.by_name: dict[str, _Company] = {}
        self.by_code: dict[str, _Company] = {}
        """ISINs and symbols named outright, and the keys of issuers the directory lacks."""
        self.by_company: dict[str, _Company] = {}

    def known(self, instrument: Instrument) -> bool:
        company = self.directory.company(instrument)
        if company is not None and company.name in self.by_company:
            return True
        return instrument.key in self.by_code

    def add(
        self, instrument: Instrument, at: int, rank: int, names: tuple[str, ...] = (), count: int = 1,
        cited: int = 0,
    ) -> None:
        instrument = self.directory.complete(instrument)
        entry = None
        for key in names:
            entry = self.by_name.get(key)
            if entry is not None:
                break
        codes = (instrument.isin, instrument.ticker) if rank != _NAMED else ()
        if entry is None:
            for code in codes:
                if code and (entry := self.by_code.get(code)) is not None:
                    break
        company = self.directory.company(instrument)
        if entry is None and company is not None:
            shared = self.by_company.get(company.name)
            if shared is not None and (rank == _NAMED or shared.rank == _NAMED):
                entry = shared
        elif entry is None:
            # Outside the directory the key is all there is: a declared name "SAP" and
            # "ticker: SAP" are one instrument, as the store would file them.
            entry = self.by_code.get(instrument.key)
        if entry is None:
            entry = _Company(instrument, rank, at)
            self.companies.append(entry)
        elif rank < entry.rank:
            entry.listing = instrument
            entry.rank = rank
        entry.first = min(entry.first, at)
        if rank == _DECLARED:
            entry.declared = True
        entry.mentions += count
        entry.cited += cited
        for key in names:
            self.by_name.setdefault(key, entry)
        for code in codes:
            if code:
                self.by_code.setdefault(code, entry)
        if company is not None:
            self.by_company.setdefault(company.name, entry)
        else:
            self.by_code.setdefault(instrument.key, entry)


_name_key = lru_cache(maxsize=1024)(name_key)
"""Declared names repeat with every article of a source."""


def find_instruments(title: str, body: str, declared: list[Instrument]) -> list[Instrument]:
    """The instruments an article names, primary first (``primary=True``), then by mentions.

    Primary is the first declared instrument (instrument line, footer, JSON field),
    else the most mentioned, ties going to the first mentioned.
    """
    found_in = directory()
    forget_venue_forms(found_in.revision)
    merger = _Merger(found_in)
    text = f"{title}\n{body}"
    if _GLUED_SENTENCE.search(text):  # "rival Eli Lilly.Novo, which …": a copy site lost the space
        text = _GLUED_SENTENCE.sub(". ", text)

    declared_names: NameScanner | None = None
    by_declared_name: dict[str, Instrument] = {}
    for instrument in declared:
        if not (instrument.isin or instrument.ticker or instrument.name):
            continue
        key = _name_key(instrument.name) if instrument.name else ""
        if key:
            if not found_in.scanner.knows(key, instrument.name or ""):
                declared_names = declared_names or NameScanner()
                declared_names.add(key, instrument.name or "")
            by_declared_name.setdefault(key, instrument)
        merger.add(instrument, -1, _DECLARED, (key,) if key else (), count=0)

    # One pass finds every candidate; they are then merged in a fixed order (ISINs,
    # cashtags, venue forms, names) so that the listing named outright wins.
    isins: list[tuple[int, str]] = []
    cashtags: list[tuple[int, int, str]] = []
    colons: list[tuple[int, int, str]] = []
    parens: list[tuple[int, str, bool]] = []
    spelled = found_in.scanner.spelled_runs(text, declared_names)  # "3i": usually none
    runs: list[Span] = []
    coded: list[int] = []
    """Ends of runs that end in two capitals, where a brief's symbol may close the run."""
    tags: list[tuple[int, int, str, str]] = []
    for match in _CANDIDATES.finditer(text):
        kind = match.lastgroup
        if kind == "more":
            span = match.span()
            runs.append(span)
            if text[span[1] - 2:span[1]].isupper():
                coded.append(span[1])
        elif kind == "tag":
            tags.append((match.start(), match.end(), match["tag_name"], match["tag_code"]))
        elif kind == "isin":
            isins.append((match.start(), match.group()))
        elif kind == "paren" or kind == "quote":
            parens.append((match.start(), match.group("paren"), kind == "quote"))
        elif kind == "cash":
            cashtags.append((match.start(), match.end(), match.group("cash")))
        else:
            colons.append((match.start(), match.end("code"), match.group("code")))
    if spelled:
        runs = sorted(spelled + [r for r in runs if not any(s <= r[0] < e for s, e in spelled)])
    hits = found_in.scanner.names(text, runs, declared_names)

    for at, isin in (*isins, *wkn_isins(text)):
        if isin not in INDEX_ISINS and not isin.startswith(INDEX_PREFIX) and is_isin(isin):
            merger.add(found_in.by_isin(isin) or Instrument(isin, None, None), at, _EXPLICIT)

    ticker_spans: list[tuple[int, int]] = []
    written_tickers: dict[str, str] = {}
    """The codes the text wrote as tickers ("FANG", "WOW" of WOW.AX) → the listing's ticker."""
    unlisted: set[int] = set()
    """Where codes the directory lacks start: a name right before one is that listing."""
    venue_listings: dict[str, Instrument] = {}
    """Codes written with their venue ("ASX:LIT"): a bare "(LIT)" later is that listing."""
    for at, end, instrument in (*ticker_mentions(found_in, text, cashtags, colons), *mover_tickers(found_in, text),
                                *briefed_tickers(found_in, text, coded), *tagged_tickers(found_in, tags),
                                *ric_tickers(found_in, text), *bloomberg_tickers(found_in, text)):
        merger.add(instrument, at, _EXPLICIT)
        ticker_spans.append((at, end))
        if instrument.name is None and instrument.isin is None:
            unlisted.add(at)
        if instrument.ticker:
            root = instrument.ticker.split(".", 1)[0]
            written_tickers[root] = instrument.ticker
            venue_listings.setdefault(root, instrument)

    home = home_suffix(text) if parens else ""
    for at, code, quoted in parens:
        listing = venue_listings.get(code) or paren_ticker(found_in, text, at, code, quoted, home)
        if listing is not None:
            merger.add(listing, at, _EXPLICIT)
            ticker_spans.append((at, at + 2 + len(code)))
            if listing.ticker:
                written_tickers[listing.ticker.split(".", 1)[0]] = listing.ticker

    if written_tickers and ", " in title:
        for listing in _listed_in_headline(found_in, title, written_tickers):
            merger.add(listing, len(text), _EXPLICIT)  # last: the headline's list names no primary

    # "(Xetra: SAP)" is one mention, not a ticker and a name.
    in_spans: set[int] = set()
    if ticker_spans:
        starts = [hit[0] for hit in hits]
        for start, end in ticker_spans:
            i = bisect_left(starts, start)
            while i < len(starts) and starts[i] < end:
                in_spans.add(i)
                i += 1
    if unlisted:
        for i, hit in enumerate(hits):
            if (hit[3] + 2 in unlisted and text.startswith(" (", hit[3])) or (
                    text[hit[3]:hit[3] + 1] == " " and (close := _NAME_TO_CODE.match(text, hit[3])) is not None
                    and (close.end() in unlisted or close.end() - 1 in unlisted)):
                # "Hesai (02525.HK)": the code names the listing, not the name's New York one;
                # "Charter Hall Social Infrastructure REIT (ASX: CQE)": a longer name than Charter Hall's
                in_spans.add(i)
    if written_tickers:  # "FANG stock fell" after "(NASDAQ:FANG)", "WOW" after "(ASX:WOW)": the code again
        for i, (start, key, _, end) in enumerate(hits):
            ticker = written_tickers.get(text[start:end])
            if ticker is not None and (named_as := found_in.by_key(key)) is not None and named_as.ticker != ticker:
                in_spans.add(i)  # the name of another company (Fang Holdings), spelled like the ticker
    named, deferred, people = count_names(text, hits, in_spans, found_in, by_declared_name, set())
    if people:  # rare: a surname met before its first name or title is that person too
        named, deferred, _ = count_names(text, hits, in_spans, found_in, by_declared_name, people)
    for table, only_known in ((named, False), (deferred, True)):
        for key, (at, count, cited) in table.items():
            named_listing = by_declared_name.get(key) or found_in.by_key(key)
            if key in SENSES and key not in by_declared_name and (sense := local_sense(key, text)):
                named_listing = found_in.by_ticker(sense)  # "die Post": Deutsche Post
            if named_listing is None or (only_known and not merger.known(named_listing)):
                continue
            merger.add(named_listing, at, _NAMED, (key,), count, cited)
    if any(clash.name in text for clash in CLASHES):  # "Merck": which one, from its context
        named_isins = {c.listing.isin for c in merger.companies if c.listing.isin}
        for at, isin, count in clash_mentions(text, is_german(text), named_isins):
            listing = found_in.by_isin(isin)
            if listing is not None:
                merger.add(listing, at, _NAMED, (), count)

    return _ranked(merger.companies)


_GLUED_SENTENCE = re.compile(r"\.(?<=[a-z]{2}\.)(?=[A-Z][a-z]{2})")
"""A sentence's full stop glued to the next one's first word, as copies of wire stories
print them ("Eli Lilly.Novo", "resilience.Telecom Italia"): the names on either side are
read apart. Not "Amazon.com" (lower case after) nor "U.S.Steel" (capitals before). The
full stop first: a lookbehind first is tried at every character (55 µs an article, not 2)."""
_NAME_TO_CODE = re.compile(r"(?:[ \u00a0]+[A-Z][\w&.'’-]*){1,5}[ \u00a0]+\(")
"""The rest of a longer capitalised name up to the parenthesis of its code."""
_TICKER_RUN = re.compile(r"(?<![\w.])[A-Z]{2,5}(?:, [A-Z]{2,5}){3,}(?![\w.])")
"""Four or more capital codes in a row, as a movers headline lists them: "Pre-market
Movers For April 30- BKS, HUM, SUN, GPRO, LYB"."""


def _listed_in_headline(found_in: Directory, title: str, written: dict[str, str]) -> list[Instrument]:
    """The listings of a headline's list of codes that the body does not write again,
    when at least two of its codes are written as tickers in the text too ("Barnes &
    Noble, Inc. (BKS)"): then the list is one of symbols, not of acronyms."""
    run = _TICKER_RUN.search(title)
    if run is None:
        return []
    codes = run.group().split(", ")
    if sum(code in written for code in codes) < 2:
        return []
    return [listing for code in codes
            if code not in written and code not in NOT_TICKERS and (listing := found_in.by_ticker(code)) is not None]


def _ranked(companies: list[_Company]) -> list[Instrument]:
    if not companies:
        return []
    by_mentions = sorted(companies, key=lambda c: (0 < c.mentions == c.cited, -c.mentions, c.first))
    primary = next((c for c in companies if c.declared), by_mentions[0])
    return [_final(primary, True)] + [_final(c, False) for c in by_mentions if c is not primary]


def _final(company: _Company, primary: bool) -> Instrument:
    listing = company.listing
    mentions = max(1, company.mentions)
    if listing.primary == primary and listing.mentions == mentions:
        return listing  # frozen, so shareable: a secondary named once (~1 µs saved)
    return Instrument(
        listing.isin,
        listing.ticker,
        listing.name,
        listing.exchange,
        listing.currency,
        primary,
        mentions,
    )
