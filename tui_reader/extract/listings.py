"""Companies and their listings, and the two offline sources we read them from.

* ``data/instruments.csv``: our own list of widely followed names outside the indices
  pytickersymbols covers (ADRs, Hong Kong, Tokyo, Seoul, Taipei lines, German and
  French small and mid caps), one row per listing, primary first. It wins wherever
  the two disagree.
* pytickersymbols: ~1,800 index constituents (S&P 500, DAX, FTSE 100, Nikkei ...).
  Its secondary listings and multi-ISIN lists are unreliable (Frankfurt lines, OTC
  ADRs, stale ISINs), so only the primary listing is taken, and an ISIN is tied to it
  only when that is unambiguous.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from tui_reader.extract.exchanges import HOME_COUNTRY, exchange_of
from tui_reader.extract.names import PARENTHESISED
from tui_reader.model import Instrument


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
    cik: str | None = None
    """The SEC's Central Index Key of a US registrant, as learned online: an EDGAR
    feed names its company by CIK only."""




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


def read_csv() -> list[Company]:
    with open(Path(__file__).with_name("data") / "instruments.csv", encoding="utf-8") as rows:
        return csv_companies(csv.DictReader(rows))


_SUFFIXED = re.compile(r"\.[A-Z]{1,2}$")
_TRADED_AS = re.compile(r"^(Nasdaq|NYSE)\s*:\s*([A-Z.\-]+)")
_US_COUNTRIES = ("United States", "")


def _list(stock: Mapping[str, object], key: str) -> list[object]:
    """A list field of pytickersymbols' data; anything else (missing, null) reads as empty."""
    value = stock.get(key)
    return value if isinstance(value, list) else []


def pytickersymbols_company(stock: Mapping[str, object]) -> Company | None:
    """One pytickersymbols entry as a Company with only the listing we can trust.

    Its "symbol" is the primary line but not always a Yahoo symbol (BRK.B, or a bare
    Xetra code without .DE): a bare code is only taken for US issuers. Its ISIN list
    mixes share classes, ADRs and bond ISINs, so an ISIN is tied to the listing only
    when exactly one fits the listing's country.
    """
    name = PARENTHESISED.sub("", str(stock.get("name") or "")).strip()
    if not name:
        return None
    yahoo = {str(s.get("yahoo")): s for s in _list(stock, "symbols") if isinstance(s, dict) and s.get("yahoo")}
    # Not re-validated here (1,300 checks would double the load time): an ISIN only
    # ever reaches a lookup after instruments.py validated it in the text.
    isins = [i for i in _list(stock, "isins") if isinstance(i, str) and len(i) == 12]
    country = str(stock.get("country") or "")
    symbol = str(stock.get("symbol") or "").upper()
    ticker: str | None = None
    if symbol in yahoo or (symbol and _SUFFIXED.search(symbol) and exchange_of(symbol)):
        ticker = symbol
    elif symbol.replace(".", "-") in yahoo or (
        symbol and (country in _US_COUNTRIES or "," in country or all(i[:2] == "US" for i in isins))
    ):
        ticker = symbol.replace(".", "-")
    if ticker is None:
        # Known by name and ISIN only: still worth filing articles under.
        return Company(name, (Instrument(isins[0], None, name),)) if len(isins) == 1 else None

    venue = exchange_of(ticker)
    home = HOME_COUNTRY.get(venue.suffix, "") if venue else "US"
    candidates = [i for i in isins if not (venue and i.startswith("US"))]
    matching = [i for i in candidates if i[:2] == home]
    isin = matching[0] if len(matching) == 1 else candidates[0] if len(candidates) == 1 else None

    exchange = venue.name if venue else None
    if venue is None:
        metadata = stock.get("metadata")
        traded_as = _TRADED_AS.match(str(metadata.get("traded_as") or "") if isinstance(metadata, dict) else "")
        if traded_as and traded_as.group(2).replace(".", "-") == ticker:
            exchange = traded_as.group(1).upper()
    quoted = yahoo.get(ticker) or {}
    currency = str(quoted.get("currency") or "") or (venue.currency if venue else "USD")
    listing = Instrument(isin, ticker, name, exchange, currency)
    return Company(name, (listing,), (), tuple(i for i in isins if i != isin))
