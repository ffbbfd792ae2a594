"""Companies real news names that the directory lacked, and names written as the
companies write them: camel case, all capitals, umlauts spelled out (issue 9)."""

from __future__ import annotations

import pytest
from stdnum import isin as stdnum_isin

from tui_reader.extract.directory import directory
from tui_reader.extract.instruments import find_instruments
from tui_reader.extract.listings import read_csv


def tickers(title: str, body: str = "") -> list[str]:
    return [i.ticker or i.isin or "" for i in find_instruments(title, body, [])]


@pytest.mark.parametrize(
    ("name", "symbol"),
    [
        ("PROS Holdings", "PRO"),
        ("PubMatic", "PUBM"),
        ("OceanFirst Financial", "OCFC"),
        ("Flushing Financial", "FFIC"),
        ("AXT Inc", "AXTI"),
        ("Trump Media & Technology Group", "DJT"),
        ("Sony Financial Group", "8729.T"),
        ("AlzChem Group", "ACT.DE"),
        ("TAKKT", "TTK.DE"),
        ("Merck KGaA", "MRK.DE"),
        ("Borussia Dortmund", "BVB.DE"),
        ("Rackspace Technology", "RXT"),
        ("Nordic Semiconductor", "NOD.OL"),
        ("Baloise", "BALN.SW"),
        ("Taylor Wimpey", "TW.L"),
        ("Navitas Semiconductor", "NVTS"),
        ("Ginkgo Bioworks", "DNA"),
        ("Steyr Motors", "4X0.DE"),
        ("ElringKlinger", "ZIL2.DE"),
    ],
)
def test_names_from_real_news_are_known(name, symbol):
    assert directory().by_name(name).ticker == symbol
    assert tickers(f"{name} reports results") == [symbol]


@pytest.mark.parametrize(
    ("text", "symbol"),
    [
        ("Der Online-Broker flatexDEGIRO gewinnt Kunden", "FTK.DE"),
        ("FLATEXDEGIRO und Flatex im Fokus", "FTK.DE"),
        ("TAKKT senkt die Prognose", "TTK.DE"),
        ("JENOPTIK mit mehr Aufträgen", "JEN.DE"),
        ("SÜSS MicroTec liefert mehr Anlagen", "SMHN.DE"),
        ("Suess MicroTec liefert mehr Anlagen", "SMHN.DE"),
        ("Suedzucker hebt Ausblick", "SZU.DE"),
        ("Die BVB-Aktie steigt nach dem Sieg", "BVB.DE"),
        ("loanDepot cuts jobs", "LDI"),
        ("Laser maker nLight rises", "LASR"),
    ],
)
def test_names_as_companies_write_them(text, symbol):
    assert tickers(text) == [symbol]


@pytest.mark.parametrize(
    "text",
    [
        "The iPhone maker said demand held up",  # camel case that names no company
        "President Trump said tariffs would stay",  # not Trump Media
        "Pros and cons of buying now",  # not PROS Holdings
        "Rs 500 crore for the new plant",  # rupees, not a listing
        "The Nordic countries cut rates",  # not Nordic Semiconductor
        "As Figure 2 shows, the Holy Grail is near; see Figure 3.",  # not Figure, not GRAIL
        "The Voyager probe left the solar system",  # not Voyager Technologies
        "Drillers in the Permian added rigs as the Canadian dollar fell",  # regions, not companies
    ],
)
def test_must_not_match(text):
    assert tickers(text) == []


def test_an_etf_named_with_its_ticker_is_filed():
    assert tickers("Global X Silver Miners ETF (SIL) rallies with silver") == ["SIL"]


def test_every_isin_in_our_csv_is_valid():
    for company in read_csv():
        for listing in company.listings:
            assert listing.isin is None or stdnum_isin.is_valid(listing.isin), listing


def test_verified_isins_of_new_german_listings():
    assert directory().by_ticker("TTK.DE").isin == "DE0007446007"
    assert directory().by_ticker("BVB.DE").isin == "DE0005493092"
    assert directory().by_ticker("FTK.DE").isin == "DE000FTG1111"
