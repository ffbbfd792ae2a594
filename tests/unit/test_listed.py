"""The listed companies below the indices (data/listed.csv): small caps, and companies
renamed or gone that real news still names, which fill gaps and never override."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tui_reader.extract.directory import Directory, directory
from tui_reader.extract.instruments import find_instruments
from tui_reader.extract.listings import Company, pytickersymbols_company, read_csv
from tui_reader.model import Instrument

DATA = Path(__file__).parents[2] / "tui_reader" / "extract" / "data"


def _found(title: str, body: str = "") -> set[tuple[str | None, str | None]]:
    return {(i.ticker, i.isin) for i in find_instruments(title, body, [])}


def test_the_stored_name_keys_are_what_the_directory_computes_today() -> None:
    # The generator writes each name's keys so loading need not compute 5,700 of them:
    # a change to name_key must regenerate the file (tools/listed_companies.py).
    with open(DATA / "listed.csv", encoding="utf-8") as file:
        for row in csv.DictReader(file):
            computed = [k for k in dict.fromkeys(Directory.name_keys(row["name"])) if sum(c.isalpha() for c in k) >= 3]
            stored = [k.lstrip("~") for k in row["keys"].split("|")]  # "~": a weak or short name
            assert stored[: len(computed)] == computed, row["name"]


def test_the_ambiguous_keys_are_only_listed_companies_names() -> None:
    # listed_ambiguous.txt makes a key need evidence; it must not reach a name of our
    # CSV's or an index company's own ("Anthem", Elevance's old name, may be in it).
    from pytickersymbols import PyTickerSymbols

    indexed = (pytickersymbols_company(s) for s in PyTickerSymbols().get_all_stocks())
    without = Directory.of(read_csv(), (c for c in indexed if c is not None))
    keys = [k for k in (DATA / "listed_ambiguous.txt").read_text("utf-8").splitlines() if not k.startswith("#")]
    assert keys
    assert [key for key in keys if without.by_key(key) is not None] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thor Industries", ("THO", "US8851601018")),
        ("EchoStar", ("SATS", "US2787681061")),
        ("Twitter", ("TWTR", "US90184L1026")),
        ("Wirecard", ("WDI.DE", "DE0007472060")),
        ("Vita 34", ("V3V.DE", "DE000A0BL849")),
        ("SunTrust", ("STI", "US8679141031")),  # a derived short name of "SunTrust Banks"
    ],
)
def test_small_and_gone_companies_resolve(text: str, expected: tuple[str, str]) -> None:
    found = directory().resolve(text)
    assert found is not None and (found.ticker, found.isin) == expected


def test_an_old_name_with_the_same_isin_is_the_renamed_company() -> None:
    # A rename keeps the ISIN: "Daimler" is Mercedes-Benz Group, "Facebook" is Meta.
    assert directory().resolve("Daimler").isin == "DE0007100000"  # type: ignore[union-attr]
    assert directory().resolve("Facebook").ticker == "META"  # type: ignore[union-attr]


def test_listed_companies_fill_gaps_and_never_override() -> None:
    known = Company("Acme Corp", (Instrument("US0000000001", "ACME", "Acme Corp"),))
    taken_symbol = Company("Zenith Widgets Inc", (Instrument("US0000000002", "ACME", "Zenith Widgets Inc"),))
    same_isin = Company("Old Acme Inc", (Instrument("US0000000001", "OACM", "Old Acme Inc"),))
    first = Company("First Bancorp Inc", (Instrument("US0000000003", "FBA", "First Bancorp Inc"),))
    second = Company("First BanCorp", (Instrument("US0000000004", "FBB", "First BanCorp"),))
    found = Directory.of(
        [known],
        listed=[(c, tuple(Directory.name_keys(c.name))) for c in (taken_symbol, same_isin, first, second)],
    )
    assert found.by_ticker("ACME").name == "Acme Corp"  # type: ignore[union-attr]
    zenith = found.by_name("Zenith Widgets")
    assert zenith is not None and zenith.isin == "US0000000002" and zenith.ticker is None  # symbol reused
    assert found.by_name("Old Acme").ticker == "ACME"  # type: ignore[union-attr]  # renamed: the known one
    assert found.by_name("First Bancorp") is None  # two companies share it: nobody's


def test_articles_file_small_caps_by_name_and_by_written_ticker() -> None:
    assert ("THO", "US8851601018") in _found("Thor Industries beats estimates as RV demand holds up")
    assert ("V3V.DE", "DE000A0BL849") in _found("Vita 34 hebt Prognose an", "Die Vita 34 AG meldet mehr Umsatz.")
    assert ("TWTR", "US90184L1026") in _found("Musk puts deal on hold", "Shares of Twitter Inc. (TWTR) fell 9%.")


@pytest.mark.parametrize(
    ("title", "body", "not_filed"),
    [
        # A place: T-Mobile's home town is no Bellevue Group.
        ("T-Mobile adds subscribers", "The Bellevue, Washington-based carrier added 1.1 million customers.", "BBN.SW"),
        # A person: Benjamin Graham is no Graham Holdings.
        ("Value investing is back", "Graham argued that a margin of safety protects investors.", "GHC"),
        # A number is no name ("600 Group").
        ("Nvidia rises", "The stock gained 600 points on the index in a week.", "SIXH.L"),
    ],
)
def test_places_people_and_numbers_are_not_small_companies(title: str, body: str, not_filed: str) -> None:
    assert not_filed not in {ticker for ticker, _ in _found(title, body)}


@pytest.mark.parametrize(
    ("body", "not_filed"),
    [
        # A weak name (everyday words, a short name, a descriptor) inside a longer name
        # the directory does not know is that other company.
        ("Yadkin Bank will merge into First National Bank of Pennsylvania.", "FXNC"),
        ("Old National Bancorp in Evansville agreed to buy the lender.", "NHLD"),
        ("Southern National Corporation (NYSE: SNB) announced the merger today.", "SO"),
        ("Piedmont Bancorp and Select Bancorp agreed to combine.", "TBBK"),
        ("WesBanco agreed to buy smaller rival Premier Financial in an all-stock deal.", "PINC"),
        # The exchange, not American Express; an index's code, not a listing.
        ("16 American Stock Exchange (AMEX)-listed companies and 19 Amex & NYSE switches.", "AXP"),
        ("The benchmark S&P/ASX 200 (ASX: XJO) rose 0.4%.", "XJO.AX"),
    ],
)
def test_weak_names_inside_longer_names_are_not_filed(body: str, not_filed: str) -> None:
    assert not_filed not in {ticker for ticker, _ in _found("Bank deals", body)}


def test_weak_names_on_their_own_still_file() -> None:
    assert ("AXP", "US0258161092") in _found("Amex raises its outlook", "Amex said card spending rose 7%.")
    # German capitalises every noun: a noun before a name is no part of it.
    assert ("CON.DE", "DE0005439004") in _found(
        "Indexwechsel", "In den SDax steigt die vom Autozulieferer Continental abgespaltene Tochter."
    )


def test_a_wkn_names_the_german_listing() -> None:
    # A German share's ISIN is DE000 + WKN + check digit.
    assert ("SAP.DE", "DE0007164600") in _found("Walldorf", "Die SAP-Aktie (WKN: 716460) stieg um 2 Prozent.")
    assert (None, "DE000A0MZ4B0") in _found("Scale", "Der Werkstoffanbieter Delignit (WKN A0MZ4B) legte zu.")


def test_a_movers_list_names_known_symbols_only() -> None:
    found = _found("Small-cap movers", "Notable advancers CEMP - up 29%. AAOI up 23%. GDP up 2% in the quarter.")
    assert found == {("AAOI", "US03823U1025")}


def test_old_names_people_still_write_file_under_the_company() -> None:
    assert {"BB", "ADS.DE", "NWO.DE"} <= {t for t, _ in _found(
        "Results",
        "Research In Motion posted results. Papiere von adidas-Salomon stiegen. Die Xing-Mutter legte zu.",
    )}


def test_a_company_known_by_symbol_without_isin_gains_the_listed_isin() -> None:
    # BlackBerry's name and its ISIN are one instrument, not a ticker and an ISIN apart.
    assert _found("BlackBerry earnings", "BlackBerry (ISIN CA09228F1036) beat estimates.") == {("BB", "CA09228F1036")}


def test_vienna_listings_and_german_institution_short_forms() -> None:
    found = _found("Kursziele", "Die Deutsche Bank erhöhte das Kursziel für die Erste Group und für OMV.")
    assert {("EBS.VI", "AT0000652011"), ("OMV.VI", "AT0000743059")} <= found
    # An institution's short form in German text is no unknown symbol; a German word no company.
    assert _found("Kursziel", "Die Landesbank Baden-Württemberg (LBBW) senkte das Ziel. Sein Credo ist Wachstum.") == set()


def test_abbreviations_spelled_out_and_index_isins_are_no_instruments() -> None:
    assert _found("Bank results", "The bank said net interest income (NII) rose 4%.") == set()
    assert _found("Indizes", "Der DAX (ISIN DE0008469008) stieg. Von der APA befragte Analysten sind skeptisch.") == set()
    assert ("NIHD", "US62913F5089") in _found("Telecom", "NII Holdings (NIHD) fell.")
    assert _found("Tokio", "Der Nikkei 225 (ISIN XC0009692440) stieg um 1,2 Prozent.") == set()


def test_names_companies_went_by_before_file_under_them_now() -> None:
    found = _found("Energy", "Royal Dutch Shell and Statoil raised output; Zions Bancorp and Wizz cut costs.")
    assert {"SHEL.L", "EQNR.OL", "ZION", "WIZZ.L"} <= {ticker for ticker, _ in found}
