"""The listed companies below the indices (data/listed.csv) joining the directory.

Thousands of small companies, and companies renamed or gone since, fill the gaps our
CSV and pytickersymbols leave and override nothing: see `add_listed`. Kept apart from
the directory's lookups, whose tables these functions fill as `Directory.of` does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from tui_reader.extract.exchanges import HOME_COUNTRY
from tui_reader.extract.listings import Company
from tui_reader.model import Instrument

if TYPE_CHECKING:
    from tui_reader.extract.directory import Directory


def add_listed(
    directory: Directory, listed: Iterable[tuple[Company, Sequence[str]]], isin_changes: Iterable[tuple[str, str]] = ()
) -> None:
    """data/listed.csv's companies (with their name keys), below all others.

    One whose ISIN is known is that company under an older name ("Daimler" is
    Mercedes-Benz Group, "Facebook" is Meta: a rename keeps the ISIN), so its names
    fill gaps for the known company; so is one whose ISIN has since changed to a known
    one (`isin_changes`: "Bunge Limited" of Bermuda is Bunge Global of Switzerland).
    One whose symbol or name a known company without an ISIN holds is that company,
    which gains the ISIN (else an article naming BlackBerry and one giving its ISIN
    were filed under two instruments).
    Otherwise it is added, but not under a symbol another company holds (symbols
    are reused; ISINs are not). Its one-word names are short names: a name only
    where no capitalised word follows ("First National Bank" is no First National).
    """
    new_keys: dict[str, Company] = {}
    gained: dict[int, tuple[Company, str]] = {}
    foreign: set[str] = set()
    changes = dict(isin_changes)
    for company, keys in listed:
        shorts = [k[1:] for k in keys if k[0] == "~"]  # short or everyday-word names (see the tool)
        shorts += [k.lstrip("~")[:-6] for k in keys if k.endswith(_TRUST) and k.count(" ") >= 2]
        keys = [k for k in keys if k[0] != "~"] + shorts
        primary = company.listings[0]
        if _otc_receipt(primary) and (not foreign.isdisjoint(keys) or any(k in directory._names for k in keys)):
            # "Smiths Group Plc" SMGZY, "Iberdrola SA" IBDRY: the receipt of a company held
            # at home already, no rival for its names ("Iberdrola SA" filed the receipt)
            continue
        if primary.isin and not primary.isin.startswith("US"):
            foreign.update(keys)
        known = (directory._isins.get(primary.isin or "") or directory._isins.get(changes.get(primary.isin or "", ""))
                 or _without_isin(directory, primary.ticker, keys[0], primary.isin, shorts))
        if known is not None:
            if known[1].isin is None and primary.isin and _home_isin(known[1].ticker, primary.isin):
                gained.setdefault(id(known[0]), (known[0], primary.isin))
            company = known[0]
        else:
            if any((i.ticker or "") in directory._tickers for i in company.listings):
                listings = tuple(i if i.ticker not in directory._tickers else replace(i, ticker=None, exchange=None)
                                 for i in company.listings)
                company = replace(company, listings=listings)
            directory._add_listings(company)
        directory._fill_names(company, keys, new_keys)
        # Weak: the "~" keys (short or everyday-word names, see the tool) and one-word ones.
        directory.short_names.update(
            k for k in keys if (k in shorts or " " not in k) and new_keys.get(k) is company
        )
    # One pass over the tables for both: ISINs gained, and ISINs changed since the lists
    # were made (data/isin_changes.csv: a split, a consolidation, a move abroad), which
    # the primary listing takes, as today's pages write it ("JD Sports" GB00BM8Q5M07, not
    # GB00BYX91H57); the old one still finds the company (`by_isin`).
    for key, (company, isin) in gained.items():
        if isin in changes:
            gained[key] = (company, changes[isin])
    for old, new in changes.items():
        held = directory._isins.get(old)
        if (held is not None and new not in directory._isins and held[1] is held[0].listings[0]
                and id(held[0]) not in gained):
            gained[id(held[0])] = (held[0], new)
    _give_isins(directory, gained.values(), new_keys)
    for old, new in changes.items():
        if old not in directory._isins and new in directory._isins:
            directory._isins[old] = directory._isins[new]
    directory._index_names(new_keys, with_spellings=False)


_TRUST = " trust"
"""Real-estate trusts are written without the word: "Piedmont Office Realty" (Piedmont
Office Realty Trust); a short name, as it is a shortening (one word before it, as in
"Northern Trust", keeps it)."""


def _home_isin(ticker: str | None, isin: str) -> bool:
    """Whether an ISIN can be that of a listing at home: "055550.KS" takes a Korean ISIN,
    never the US one of its receipt ("Shinhan Financial Group" SHG); a symbol without a
    venue's suffix (a US line) takes any."""
    suffix = "." + ticker.rsplit(".", 1)[1] if ticker and "." in ticker else ""
    country = HOME_COUNTRY.get(suffix)
    return country is None or isin.startswith(country)


_RECEIPT = re.compile(r"[A-Z]{4}[YF]")


def _otc_receipt(listing: Instrument) -> bool:
    """Whether a listing is a US over-the-counter receipt of a foreign share (five
    letters ending in Y for an ADR, F for the foreign ordinary): its name is the
    foreign company's, and as a second company it would make that name nobody's."""
    return bool(listing.isin and listing.isin.startswith("US") and listing.ticker
                and _RECEIPT.fullmatch(listing.ticker))


def _without_isin(directory: Directory, ticker: str | None, key: str, isin: str | None,
                  other_keys: Sequence[str]) -> tuple[Company, Instrument] | None:
    """The known company with this symbol or name whose primary listing lacks an ISIN.

    A row's other names of several words join too when the known listing is at a venue
    abroad whose country the ISIN has: "London Stock Exchange Group PLC" (LSE.L, an old
    symbol) is the directory's "London Stock Exchange Group" (LSEG.L), "Balfour Beatty"
    (BALF.L, a Reuters code) its BBY.L."""
    held = directory._tickers.get((ticker or "").upper())
    if held is None and (named := directory._names.get(key)) is not None and named.listings:
        held = (named, named.listings[0])
    if held is None and isin:
        for other in other_keys:
            named = directory._names.get(other) if " " in other else None
            if named is not None and named.listings and "." in (named.listings[0].ticker or "") and _home_isin(
                    named.listings[0].ticker, isin):
                held = (named, named.listings[0])
                break
    return held if held is not None and held[0].listings[0].isin is None else None


def _give_isins(directory: Directory, gained: Iterable[tuple[Company, str]], new_keys: dict[str, Company]) -> None:
    """Give known companies the ISIN of their primary listing: the frozen Company
    and Instrument are replaced, in every table that holds them (one pass each)."""
    swap: dict[int, Company] = {}
    listing_swap: dict[int, Instrument] = {}
    for company, isin in gained:
        old = company.listings[0]
        listing = replace(old, isin=isin)
        swap[id(company)] = replace(company, listings=(listing, *company.listings[1:]))
        listing_swap[id(old)] = listing
        directory._isins[isin] = (swap[id(company)], listing)
    if not swap:
        return
    for table in (directory._isins, directory._tickers):
        for code, (company, listing) in table.items():
            if id(company) in swap:
                table[code] = (swap[id(company)], listing_swap.get(id(listing), listing))
    for names in (directory._names, directory._ciks, new_keys):
        for key, company in names.items():
            if id(company) in swap:
                names[key] = swap[id(company)]
