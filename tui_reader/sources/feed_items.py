"""What a feed says about its items besides their text: symbol tags, the instruments a
feed's own URL names, the publisher an aggregator credits, and the link and filing
lines that are not article text.

Symbol feeds (Seeking Alpha, Nasdaq, Yahoo Finance headlines, SEC EDGAR) state which
instrument an item is about; that is better evidence than any name found in a
two-line summary, so it becomes `Article.declared`. Topic categories ("Technology",
"Markets") say nothing about a listing and are left alone. Pure functions on
feedparser's plain values, so they are cheap to test and run in the parser workers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from urllib.parse import parse_qs, urlsplit

from tui_reader.model import Instrument

__all__ = ["configured_instruments", "credited_publisher", "drop_repeated_headline", "edgar_company", "edgar_filer", "listed_tickers", "mark_item_metadata",
           "merge_declared", "strip_filing_line", "strip_more_links", "tag_instruments", "url_instruments"]

# --- the document, before feedparser ------------------------------------------------

_SYMBOL_CATEGORY = re.compile(r"""<category\s+type\s*=\s*["']symbol["']\s*>""")


def mark_item_metadata(text: str) -> str:
    """Rename the elements feedparser would otherwise mix up with the item's own text.

    feedparser reads `media:description` (a photo caption) as a second description,
    so it becomes the item's summary or content depending on element order; as
    `media:caption` it lands under a key of its own. `sa:symbol` repeats per item
    and feedparser keeps only the last; `<category type="symbol">` loses its type.
    Both become `<category domain="symbol">`, which feedparser keeps as tags. Each
    rewrite runs only when its element occurs (a `str.__contains__` per document).
    """
    if "media:description" in text:
        text = text.replace("<media:description", "<media:caption").replace("</media:description", "</media:caption")
    if "sa:symbol>" in text:
        text = text.replace("<sa:symbol>", '<category domain="symbol">').replace("</sa:symbol>", "</category>")
    if 'type="symbol"' in text or "type='symbol'" in text:
        text = _SYMBOL_CATEGORY.sub('<category domain="symbol">', text)
    return text


# --- tags -------------------------------------------------------------------------

_SYMBOL_SCHEMES = frozenset({"symbol", "symbols", "ticker", "tickers", "stock symbol", "stock symbols"})
"""Schemes whose terms are tickers. Not "stocks": blogs file topics ("IPO", "Dividends") there."""
_TICKER = re.compile(r"[A-Z0-9]{1,6}(?:[.\-][A-Z0-9]{1,4})?")
_PREFIXED = re.compile(r"([A-Za-z][A-Za-z ]{1,20}?)\s*:\s*([A-Za-z0-9][A-Za-z0-9.\-]{0,9})")
_CASHTAG = re.compile(r"\$([A-Z]{1,6}(?:\.[A-Z]{1,2})?)")
_SYMBOL_WORDS = frozenset({"stock", "stocks", "ticker", "symbol", "aktie"})
_ISIN = re.compile(r"[A-Z]{2}[A-Z0-9]{9}[0-9]")


def tag_instruments(tags: Iterable[Mapping[str, object]], *urls: object) -> list[Instrument]:
    """Instruments an item's categories name: any term under a symbol scheme
    (`domain="symbol"`, Seeking Alpha's `.../symbol/AAPL`), and terms written as
    `nasdaq:AAPL`, `NYSE:X`, `stock:SAP`, `$AAPL` or an ISIN under any scheme.
    Topic words never qualify, not even under a symbol scheme, unless they have a
    ticker's shape. A bare all-capital term ("RXT") is read by `_bare_symbol`, which
    asks whether the feed or item `urls` belong to a provider that tags symbols so."""
    found: list[Instrument] = []
    tags_symbols: bool | None = None
    for tag in tags:
        term = tag.get("term")
        if not isinstance(term, str) or not (term := term.strip()) or len(term) > 40:
            continue
        scheme = tag.get("scheme")
        scheme = scheme.lower().strip() if isinstance(scheme, str) else ""
        if scheme in _SYMBOL_SCHEMES or "/symbol/" in scheme or scheme.endswith("/symbol"):
            instrument = _symbol_term(term)
        else:
            instrument = _written_symbol(term)
            if instrument is None and _BARE.fullmatch(term):
                if tags_symbols is None:
                    tags_symbols = any(_tags_bare_symbols(url) for url in urls)
                instrument = _bare_symbol(term, tags_symbols)
        if instrument is not None:
            found.append(instrument)
    return found


_BARE = re.compile(r"[A-Z]{1,5}(?:\.[A-Z]{1,2})?")
"""A category that looks like a ticker: "RXT", "UAVS", "BRK.B"."""
_BARE_SYMBOL_HOSTS = ("seekingalpha.com",)
"""Providers whose plain `<category>` terms are the item's tickers ("RXT", "KAR")."""


def _tags_bare_symbols(url: object) -> bool:
    if not isinstance(url, str) or not url:
        return False
    host = (urlsplit(url).hostname or "").lower()
    return any(host == h or host.endswith("." + h) for h in _BARE_SYMBOL_HOSTS)


def _bare_symbol(term: str, tags_symbols: bool) -> Instrument | None:
    """A bare all-capital category as a ticker. At a provider that tags symbols so, any
    such term but a common acronym the directory does not list as a ticker ("IPO");
    elsewhere only a ticker the directory knows that is neither a common acronym
    ("ETF", "CEO", "AI", "EPS", "USA", "EU") nor an everyday word ("TECH", "NOW")."""
    from tui_reader.extract.directory import directory
    from tui_reader.extract.word_names import word_names
    from tui_reader.extract.written_tickers import NOT_TICKERS

    known = directory().by_ticker(term)
    if tags_symbols:
        if term in NOT_TICKERS and known is None:
            return None
        return Instrument(None, term.replace(".", "-") if known is None else known.ticker, None)
    if known is None or len(term) < 2 or term in NOT_TICKERS or term.lower() in word_names():
        return None
    return Instrument(None, known.ticker, None)


def listed_tickers(value: object) -> list[Instrument]:
    """Nasdaq's `<nasdaq:tickers>AAPL,MSFT</nasdaq:tickers>`: comma-separated symbols."""
    if not isinstance(value, str):
        return []
    return tag_instruments({"term": code, "scheme": "symbol"} for code in value.split(","))


def _symbol_term(term: str) -> Instrument | None:
    """A term a symbol scheme labels: a bare ticker, or any written form."""
    written = _written_symbol(term)
    if written is not None:
        return written
    upper = term.upper()
    return Instrument(None, upper, None) if _TICKER.fullmatch(upper) else None


def _written_symbol(term: str) -> Instrument | None:
    """`VENUE:CODE`, `stock:CODE`, `$CODE` or an ISIN; None for anything else."""
    if _ISIN.fullmatch(term):
        from tui_reader.extract.isins import is_isin

        return Instrument(term, None, None) if is_isin(term) else None
    if cash := _CASHTAG.fullmatch(term):
        return Instrument(None, cash.group(1), None)
    prefixed = _PREFIXED.fullmatch(term)
    if prefixed is None:
        return None
    venue, code = prefixed.group(1).strip(), prefixed.group(2).upper()
    if not _TICKER.fullmatch(code):
        return None
    if venue.lower() in _SYMBOL_WORDS:
        return Instrument(None, code, None)
    from tui_reader.extract.directory import yahoo_symbol

    symbol = yahoo_symbol(venue.upper(), code)
    return Instrument(None, symbol, None) if symbol else None


# --- the feed's own URL -------------------------------------------------------------

_QUERY_SYMBOLS = (
    # (host ends with, path holds, query key): providers whose feed URL names its symbols
    ("finance.yahoo.com", "headline", "s"),
    ("nasdaq.com", "", "symbol"),
    ("sec.gov", "browse-edgar", "cik"),
)


def url_instruments(url: str) -> list[Instrument]:
    """The instruments a provider's feed URL names: Yahoo Finance headlines (`s=AAPL,MSFT`),
    Nasdaq (`symbol=AAPL`), and SEC EDGAR's `CIK=` when it is a ticker (EDGAR takes
    both); a numeric CIK is resolved by the feed's own company name, `edgar_company`."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    path = parts.path.lower()
    for host_end, path_part, key in _QUERY_SYMBOLS:
        if not host.endswith(host_end) or path_part not in path:
            continue
        query = {k.lower(): v for k, v in parse_qs(parts.query).items()}
        found = []
        for value in query.get(key, ()):
            for code in value.split(","):
                code = code.strip().upper()
                if code and not code.isdigit() and _TICKER.fullmatch(code):
                    found.append(Instrument(None, code, None))
        return found
    return []


_EDGAR_TITLE = re.compile(r"(.+?)\s+\(\d{4,10}\)\s*")


def edgar_company(url: str, feed: Mapping[str, object]) -> list[Instrument]:
    """An EDGAR company feed (`browse-edgar?...CIK=0000320193`) is about the company it
    names in `<company-info><conformed-name>` (feed title "NAME  (CIK)" otherwise)."""
    parts = urlsplit(url)
    if not (parts.hostname or "").lower().endswith("sec.gov") or "cik=" not in parts.query.lower():
        return []
    name = feed.get("conformed-name")
    if not isinstance(name, str) or not name.strip():
        title = feed.get("title")
        match = _EDGAR_TITLE.fullmatch(title) if isinstance(title, str) else None
        name = match.group(1) if match else ""
    name = " ".join(name.split())
    return [Instrument(None, None, name)] if name else []


_EDGAR_FILER = re.compile(r".{1,20}?\s+-\s+(.+?)\s+\(\d{4,10}\)\s+\((?:Filer|Subject|Issuer)\)")


_EDGAR_PREFIXES = ("https://www.sec.gov/", "http://www.sec.gov/", "https://sec.gov/")


def edgar_filer(feed_url: str, title: str) -> Instrument | None:
    """EDGAR's latest-filings items name their company in the title ("8-K - ACME CORP
    (0000012345) (Filer)"). A "(Reporting)" owner is a person or fund, not the issuer."""
    if not feed_url.startswith(_EDGAR_PREFIXES):
        return None
    match = _EDGAR_FILER.fullmatch(title)
    return Instrument(None, None, match.group(1)) if match else None


def configured_instruments(codes: Iterable[str]) -> list[Instrument]:
    """A feed's `instruments = [...]` setting: ISINs and Yahoo symbols."""
    found = []
    for code in codes:
        code = code.strip()
        if _ISIN.fullmatch(code.upper()):
            found.append(Instrument(code.upper(), None, None))
        elif code:
            found.append(Instrument(None, code.upper(), None))
    return found


def merge_declared(*groups: Iterable[Instrument]) -> list[Instrument]:
    """Declared instruments in order, each ticker/ISIN/name once."""
    seen: set[str] = set()
    out = []
    for instrument in (i for group in groups for i in group):
        if instrument.key and instrument.key not in seen:
            seen.add(instrument.key)
            out.append(instrument)
    return out


# --- aggregators --------------------------------------------------------------------


def credited_publisher(source: object, title: str) -> tuple[str | None, str]:
    """(publisher, title) for an item that credits its publisher in `<source>` (Google
    News and other aggregators): the publisher's name, and the title without the
    " - Publisher" suffix such items carry. (None, title) when the item credits nobody."""
    if not isinstance(source, Mapping):
        return None, title
    name = source.get("title")
    if not isinstance(name, str) or not (name := " ".join(name.split())):
        return None, title
    for dash in (" - ", " – ", " — ", " | "):
        suffix = dash + name
        if title.endswith(suffix) and len(title) > len(suffix):
            return name, title[: -len(suffix)].rstrip()
    return name, title


def drop_repeated_headline(body: str, publisher: str, titles: tuple[str, str]) -> str:
    """An aggregator's summary is often just the headline linked and the publisher's
    name again ("Apple rises - Reuters  Reuters"): that paragraph is no article text."""
    kept = []
    for paragraph in body.split("\n\n"):
        text = " ".join(paragraph.split())
        if text.endswith(publisher):
            text = text[: -len(publisher)].rstrip()
        if text not in titles:
            kept.append(paragraph)
    return "\n\n".join(kept)


# --- body lines that are not article text -------------------------------------------

_MORE_LINK = re.compile(
    r"""\s*(?:
        \[\s*(?:mehr|more|weiterlesen|read\ more|…|\.\.\.)\s*\]
      | \(\s*(?:mehr|more)\s*(?:…|\.\.\.)?\s*\)
      | (?:»\s*)?(?:read\ more|continue\ reading|weiterlesen|mehr\ lesen|zum\ artikel|full\ story)
        \s*(?:»|›|>>|→|…|\.\.\.)?
      | (?:»\s*mehr|mehr\s*(?:»|›|>>|→))
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_APPEARED_FIRST = re.compile(
    r"(?:^|\n\n)(?:the\ post\ .{1,300}?\ appeared\ first\ on|der\ beitrag\ .{1,300}?\ erschien\ zuerst\ auf)"
    r"\ .{1,120}?\s*$",
    re.IGNORECASE | re.VERBOSE | re.DOTALL,
)


_MORE_ENDS = frozenset("])»›>→…")
_MORE_WORDS = ("read more", "continue reading", "weiterlesen", "mehr lesen", "zum artikel", "full story")
_MORE_TAIL = 40
"""Characters at the end of a body a "more" link fits in."""


def strip_more_links(body: str) -> str:
    """The body without a trailing "more" link (`[mehr]`, "Read more »", "Weiterlesen")
    or WordPress's "The post X appeared first on Y." line. A sentence that merely ends
    in "mehr" ("…steigen nicht mehr.") keeps it: a bare "mehr" needs brackets or an arrow.
    Most bodies end in neither a bracket, an arrow nor one of the link words, and are
    returned after two cheap checks (the regexes cost ~50 us on a whole tail)."""
    if not body:
        return body
    if "appeared first on" in body[-400:] or "erschien zuerst auf" in body[-400:]:
        tail = body[-400:]
        if match := _APPEARED_FIRST.search(tail):
            body = body[: len(body) - len(tail) + match.start()].rstrip()
    end = body[-_MORE_TAIL:].rstrip()
    if (
        end
        and (end[-1] in _MORE_ENDS or end.endswith("...") or end.lower().endswith(_MORE_WORDS))
        and (match := _MORE_LINK.search(end))
    ):
        body = body[: len(body) - len(body[-_MORE_TAIL:]) + match.start()].rstrip()
    return body


_FILING_LINE = re.compile(
    r"Filed:\s*\d{4}-\d{2}-\d{2}\s+AccNo:\s*[\d-]+\s+Size:\s*[\d.,]+\s*[KMG]?B\b\s*", re.IGNORECASE
)


def strip_filing_line(body: str) -> str:
    """An EDGAR item's summary opens with "Filed: 2026-05-03 AccNo: … Size: 7 MB":
    index metadata, not text, so its date never becomes a key figure. What follows
    (the 8-K's "Item 2.02: Results of Operations") stays."""
    if not body.startswith("Filed:"):
        return body
    match = _FILING_LINE.match(body)
    return body[match.end():].lstrip() if match else body
