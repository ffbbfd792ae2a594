"""The offline directory: our CSV's integrity, lookups in every form, name keys."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from pathlib import Path

import pytest
from stdnum import isin as stdnum_isin

import tui_reader.extract.listings as listings_module
from tui_reader.extract.directory import Directory, directory
from tui_reader.extract.exchanges import yahoo_symbol
from tui_reader.extract.isins import is_isin
from tui_reader.extract.listings import Company, pytickersymbols_company
from tui_reader.extract.names import CONNECTORS, NAME_RUN_TAIL, name_key
from tui_reader.model import Instrument

CSV_PATH = Path(listings_module.__file__).with_name("data") / "instruments.csv"


def csv_rows() -> list[dict[str, str]]:
    with open(CSV_PATH, encoding="utf-8") as rows:
        return list(csv.DictReader(rows))


def test_csv_every_isin_is_valid() -> None:
    """An ISIN is given only where verified; a row without one is filed by its symbol."""
    bad = [row["isin"] for row in csv_rows() if row["isin"] and not stdnum_isin.is_valid(row["isin"])]
    assert bad == []


def test_csv_symbols_are_unique_and_every_listing_is_complete() -> None:
    rows = csv_rows()
    symbols = [row["symbol"] for row in rows]
    assert len(symbols) == len(set(symbols))
    for row in rows:
        assert row["symbol"] and row["name"] and row["exchange"] and len(row["currency"]) == 3, row


def test_csv_listings_resolve_back_to_themselves() -> None:
    found = directory()
    for row in csv_rows():
        listing = found.by_ticker(row["symbol"])
        # Where our CSV leaves the ISIN out, data/listed.csv may give it (Walgreens').
        assert listing is not None and ((listing.isin or "") == row["isin"] or not row["isin"]), row
        assert listing.exchange == row["exchange"] and listing.currency == row["currency"]


@pytest.mark.parametrize(
    ("query", "isin", "ticker"),
    [
        ("US01609W1027", "US01609W1027", "BABA"),
        ("BABA", "US01609W1027", "BABA"),
        ("Alibaba", "US01609W1027", "BABA"),
        ("Alibaba Group Holding Ltd", "US01609W1027", "BABA"),
        ("KYG017191142", "KYG017191142", "9988.HK"),
        ("9988.HK", "KYG017191142", "9988.HK"),
        ("HKEX:9988", "KYG017191142", "9988.HK"),
        ("NASDAQ:NVDA", "US67066G1040", "NVDA"),
        ("NVIDIA", "US67066G1040", "NVDA"),
        ("Nvidia’s", "US67066G1040", "NVDA"),
        ("Apple Inc.", "US0378331005", "AAPL"),
        ("SAP.DE", "DE0007164600", "SAP.DE"),
        ("SAP", "US8030542042", "SAP"),  # as a symbol, SAP is the NYSE ADR
        ("DE0007164600", "DE0007164600", "SAP.DE"),
        ("NL0010273215", "NL0010273215", "ASML"),
        ("BRK.B", "US0846707026", "BRK-B"),
        ("Tencent", "KYG875721634", "0700.HK"),
        ("HKEX:700", "KYG875721634", "0700.HK"),
        ("TSMC", "US8740391003", "TSM"),
        ("Toyota Motor Corporation", "JP3633400001", "7203.T"),
    ],
)
def test_resolve_round_trips(query: str, isin: str, ticker: str) -> None:
    found = directory().resolve(query)
    assert found is not None
    assert (found.isin, found.ticker) == (isin, ticker)


def test_resolve_unknown_and_empty() -> None:
    found = directory()
    assert found.resolve("") is None
    assert found.resolve("Nordlicht Energie") is None
    assert found.resolve("US01609W1028") is None  # wrong check digit
    assert found.by_ticker("MARS:XYZ") is None


def test_name_lookup_only_uses_the_name_index() -> None:
    found = directory()
    assert found.by_name("BABA") is None
    assert found.by_name("Alibaba Group") == found.by_isin("US01609W1027")


def test_listings_primary_first() -> None:
    found = directory()
    assert [i.ticker for i in found.listings("KYG017191142")] == ["BABA", "9988.HK"]
    assert [i.ticker for i in found.listings("SAP")] == ["SAP.DE", "SAP"]
    assert [i.ticker for i in found.listings("ASML.AS")] == ["ASML", "ASML.AS"]
    assert found.listings("XX0000000000") == []


def test_pytickersymbols_companies_are_indexed() -> None:
    found = directory()
    gm = found.by_name("General Motors")
    assert gm is not None and gm.ticker == "GM" and gm.currency == "USD"
    allianz = found.by_isin("DE0008404005")
    assert allianz is not None and allianz.ticker == "ALV.DE" and allianz.exchange == "XETRA"


def test_complete_fills_only_missing_fields() -> None:
    found = directory()
    declared = Instrument("US01609W1027", None, "Alibaba")
    assert found.complete(declared) == Instrument(
        "US01609W1027", "BABA", "Alibaba", "NYSE", "USD"
    )
    unknown = Instrument("DE000NLE0014", None, "Nordlicht Energie")
    assert found.complete(unknown) is unknown
    # A symbol that belongs to a different security than the ISIN is not used.
    mixed = Instrument("KYG017191142", "BABA", None)
    assert found.complete(mixed).isin == "KYG017191142"


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Alibaba Group Holding Ltd", "alibaba"),
        ("Apple Inc.", "apple"),
        ("NVIDIA Corporation", "nvidia"),
        ("Nvidia’s", "nvidia"),
        ("ASML Holding N.V.", "asml"),
        ("Nestlé S.A.", "nestle"),
        ("The Walt Disney Company", "walt disney"),
        ("Eli Lilly and Company", "eli lilly"),
        ("Mercedes-Benz Group AG", "mercedes-benz"),
        ("Procter & Gamble Co.", "procter & gamble"),
        ("Rio Tinto (corporation)", "rio tinto"),
        ("Group", ""),
    ],
)
def test_name_key(name: str, key: str) -> None:
    assert name_key(name) == key


@pytest.mark.parametrize(
    ("venue", "code", "symbol"),
    [
        ("HKEX", "9988", "9988.HK"),
        ("HKEX", "700", "0700.HK"),
        ("hk", "00700", "0700.HK"),
        ("Xetra", "SAP", "SAP.DE"),
        ("TSE", "7203", "7203.T"),
        ("Tokyo Stock Exchange", "7203", "7203.T"),
        ("LSE", "HSBA", "HSBA.L"),
        ("Euronext Amsterdam", "ASML", "ASML.AS"),
        ("Euronext Paris", "MC", "MC.PA"),
        ("SIX", "NESN", "NESN.SW"),
        ("KRX", "5930", "005930.KS"),
        ("NYSE", "BRK.B", "BRK-B"),
        ("NASDAQ", "nvda", "NVDA"),
        ("Atlantis", "ABC", None),
    ],
)
def test_yahoo_symbol(venue: str, code: str, symbol: str | None) -> None:
    assert yahoo_symbol(venue, code) == symbol


def test_our_csv_wins_over_pytickersymbols() -> None:
    ours = Company("SAP", (Instrument("DE0007164600", "SAP.DE", "SAP", "XETRA", "EUR"),))
    theirs = Company("SAP SE", (Instrument("DE0007164600", "SAP.F", "SAP SE", "Frankfurt", "EUR"),))
    found = Directory.of([ours], [theirs])
    assert found.by_isin("DE0007164600") == ours.listings[0]
    assert found.by_ticker("SAP.F") is None


def test_name_shared_by_two_companies_resolves_to_neither() -> None:
    one = Company("Merck", (Instrument("US58933Y1055", "MRK", "Merck"),))
    two = Company("Merck", (Instrument("DE0006599905", "MRK.DE", "Merck"),))
    found = Directory.of([], [one, two])
    assert found.by_name("Merck") is None
    assert found.by_ticker("MRK.DE") == two.listings[0]


def test_pytickersymbols_entry_keeps_only_the_trustworthy_listing() -> None:
    sap = pytickersymbols_company(
        {
            "name": "SAP",
            "symbol": "SAP.DE",
            "country": "Germany",
            "isins": ["DE0007164600", "US8030542042"],
            "symbols": [{"yahoo": "SAP.F", "currency": "EUR"}, {"yahoo": "SAP", "currency": "USD"}],
        }
    )
    assert sap is not None
    assert sap.listings == (Instrument("DE0007164600", "SAP.DE", "SAP", "XETRA", "EUR"),)
    assert sap.other_isins == ("US8030542042",)
    # A bare local code of a non-US issuer is not a Yahoo symbol: no listing is guessed.
    durr = pytickersymbols_company(
        {"name": "Dürr AG", "symbol": "DUE", "country": "Germany", "isins": ["DE0005565204"],
         "symbols": [{"yahoo": "DUE.F", "currency": "EUR"}]}
    )
    assert durr is not None and durr.listings == (Instrument("DE0005565204", None, "Dürr AG"),)
    # Two same-country ISINs: neither is tied to the listing.
    alphabet = pytickersymbols_company(
        {"name": "Alphabet Inc.", "symbol": "GOOGL", "country": "United States",
         "isins": ["US02079K1079", "US02079K3059"], "symbols": [{"yahoo": "GOOGL", "currency": "USD"}],
         "metadata": {"traded_as": "Nasdaq : GOOGL (Class A) Nasdaq-100 component"}}
    )
    assert alphabet is not None
    assert alphabet.listings == (Instrument(None, "GOOGL", "Alphabet Inc.", "NASDAQ", "USD"),)


def test_hyphenated_names_match_with_or_without_the_hyphen() -> None:
    found = directory()
    assert found.by_name("Mercedes-Benz") == found.by_name("Mercedes Benz") is not None


def test_no_module_builds_the_directory_at_import_time() -> None:
    # Building costs ~35 ms that the UI's start-up must not pay: first use only.
    # Two modules are run, not imported: __main__ runs the program, and feed_warm is
    # the forkserver's preload, whose one job is to build the tables in that server.
    script = (
        "import importlib, pkgutil, tui_reader\n"
        "from tui_reader.extract.directory import directory\n"
        "for m in pkgutil.walk_packages(tui_reader.__path__, 'tui_reader.'):\n"
        "    if not m.name.endswith(('__main__', '.feed_warm')):\n"
        "        importlib.import_module(m.name)\n"
        "print(directory.cache_info().currsize)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.strip() == "0"


@pytest.mark.parametrize("connector", sorted(CONNECTORS))
def test_every_connector_joins_a_run(connector: str) -> None:
    run = re.compile(NAME_RUN_TAIL).match(f"ank {connector} America rose")
    assert run is not None and run.group() == f"ank {connector} America"


def test_other_lower_case_words_end_a_run() -> None:
    for word in ("for", "dee", "them", "a", "Of"):
        run = re.compile(NAME_RUN_TAIL).match(f"ank {word} America")
        assert run is not None and run.group() == ("ank" if word != "Of" else "ank Of America")


def test_isin_check_agrees_with_stdnum_on_valid_and_invalid_codes() -> None:
    for code in ("US0378331005", "US0378331006", "KYG017191142", "XS0000000009", "ZZ0000000000",
                 "us0378331005", "US037833100", "US03783310055", "US037833100Ä"):
        assert is_isin(code) == bool(stdnum_isin.is_valid(code)), code


def _fresh_directory() -> Directory:
    from tui_reader.extract.directory import load_directory

    return load_directory()


def test_learned_companies_fill_gaps() -> None:
    found = _fresh_directory()
    learned = Company("Zeta Quantum Robotics", (Instrument("US0000000000", "ZQRB", "Zeta Quantum Robotics"),))
    assert found.learn([learned]) == 1
    assert found.by_ticker("ZQRB") == learned.listings[0]
    assert found.by_name("Zeta Quantum Robotics") == learned.listings[0]
    assert found.scanner.names("Zeta Quantum Robotics rose", [(0, 21)])[0][1] == "zeta quantum robotics"


def test_learned_companies_never_override_what_we_know() -> None:
    found = _fresh_directory()
    apple = found.by_ticker("AAPL")
    impostors = [
        Company("Apple Fruit Farms", (Instrument(None, "AAPL", "Apple Fruit Farms"),)),  # taken symbol
        Company("Apple", (Instrument(None, "APLX", "Apple"),)),  # taken name
    ]
    assert found.learn(impostors) == 1  # the second adds its symbol, not the name
    assert found.by_ticker("AAPL") == apple
    assert found.by_name("Apple") == apple
    assert found.by_ticker("APLX") is not None


def test_learning_a_name_reaches_runs_already_scanned() -> None:
    found = _fresh_directory()
    text = "Quorvex Dynamics rose"
    assert found.scanner.names(text, [(0, 16)]) == []
    found.learn([Company("Quorvex Dynamics", (Instrument(None, "QRVX", "Quorvex Dynamics"),))])
    assert [hit[1] for hit in found.scanner.names(text, [(0, 16)])] == ["quorvex dynamics"]
    assert found.revision == 1


def test_learning_nothing_new_changes_nothing() -> None:
    found = _fresh_directory()
    assert found.learn([]) == 0 and found.revision == 0


def test_learned_ciks_lead_to_new_and_known_companies() -> None:
    found = _fresh_directory()
    apple = found.by_ticker("AAPL")
    learned = [
        Company("Apple Inc.", (Instrument(None, "AAPL", "Apple Inc."),), cik="0000320193"),  # known: CIK only
        Company("Zeta Quantum Robotics", (Instrument(None, "ZQRB", "Zeta Quantum Robotics"),), cik="1999999"),
    ]
    assert found.learn(learned) == 1
    assert found.by_cik("320193") == found.by_cik("0000320193") == apple
    assert found.by_cik("0001999999").ticker == "ZQRB"  # type: ignore[union-attr]
    assert found.by_cik("42") is None
