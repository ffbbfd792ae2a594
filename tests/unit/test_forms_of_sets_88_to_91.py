"""Forms of the 88th to 91st held-out sets (issue 9) and of misses left from the sets
before: names whose local sense is another company ("die Post", Sydney's "National
Bank"), an exchange operator moving in a market report, a move restated in pence,
and directory rows joined by their longer names.

Every text is our own; the expected results were written before the code ran.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from tests.unit.test_figures_estimates_and_home_dollars import _article
from tests.unit.test_forms_of_sets_67_to_71 import _tickers
from tui_reader.extract import enrich


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # German news means Deutsche Post by "die Post", a Vienna report Österreichische Post
        ("Die Aktie der Post gewann 2 Prozent, nachdem die Post höhere Portopreise ankündigte.", {"DHL.DE"}),
        ("An der Wiener Börse gewann die Aktie der Post 2 Prozent.", {"POST.VI"}),
        # Sydney's and Toronto's "National Bank"
        ("On the ASX, Westpac and National Bank shares gained 1.4 per cent.", {"WBC.AX", "NAB.AX"}),
        ("In Toronto, National Bank shares gained 1.4 per cent.", {"NA.TO"}),
        # must not: the US company keeps its own names in English text
        ("Post Holdings shares rose 3% after the cereal maker lifted its outlook.", {"POST"}),
        ("Post Holdings und General Mills: Die Aktie der Post Holdings legte zu.", {"POST", "GIS"}),
    ],
)
def test_names_with_a_local_sense(body: str, expected: set[str]) -> None:
    assert _tickers("News", body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # an exchange operator's longer name, moving in a market report, is the share
        ("London Stock Exchange rose 5% or 380p to 7210p, and Relx gained 2%.", {"LSEG.L", "REL.L"}),
        # must not: the venue, or a market's one-word name
        ("The bank is listed on the London Stock Exchange and rose 4%.", set()),
        ("Nasdaq rose 1.1% on Friday.", set()),
    ],
)
def test_an_exchange_operator_moving_in_a_market_report(body: str, expected: set[str]) -> None:
    assert _tickers("Markets", body) == expected


def test_a_move_restated_in_pence_then_the_price_it_reached() -> None:
    # "6% or 380p to 7210p": the move in pence and the price, not a range from 380p to 7210p
    article = enrich(_article("Markets", "London Stock Exchange rose 5% or 380p to 7210p."))
    money = sorted((f.value, f.high) for f in article.figures if f.kind == "money")
    assert money == [(3.8, None), (72.1, None)]


@pytest.mark.parametrize(
    ("ticker", "isin"),
    [
        # the directory's company without an ISIN joins a listed.csv row under an older
        # symbol or a Reuters code by its longer name, when the ISIN is of the venue's country
        ("LSEG.L", "GB00B0SWJX34"), ("BBY.L", "GB0000961622"), ("PETS.L", "GB00BJ62K685"),
        # must not: a US receipt's ISIN is no ISIN of a Johannesburg listing
        ("HAR.JO", None),
        # a company the bundled list named wrongly ("Apollo Commercial Real Estate Finance" as APO)
        ("APO", "US03769M1062"), ("ARI", "US03762U1051"),
    ],
)
def test_directory_joins_by_longer_names(ticker: str, isin: str | None) -> None:
    from tui_reader.extract.directory import directory

    found = directory().by_ticker(ticker)
    assert found is not None and found.isin == isin


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # rupees written "Rs" before an amount are no RS Group
        ("TCS gained 3 per cent to Rs 3,893.70 on the BSE.", {"TCS.NS"}),
        ("Infosys posted a 2 per cent rise (YoY profit at Rs 6,106 crore for the quarter.", {"INFY.NS"}),
        # the brewer, and its holding company only when named in full
        ("Heineken rose 2% while Carlsberg slipped.", {"HEIA.AS", "CARL-B.CO"}),
        ("Heineken Holding owns just over half of the brewer.", {"HEIO.AS"}),
        # companies renamed since: today's name and ticker
        ("Revvity and Gen Digital both beat forecasts.", {"RVTY", "GEN"}),
        ("RS Group and Vistry led the FTSE 250.", {"RS1.L", "VTY.L"}),
        # must not: a date written in Vietnamese ("Thg" is the month), a place
        ("Cập nhật: Thg 02 05, 2026. Babcock shares rose.", {"BAB.L"}),
        ("The company is based in Ithaca, New York.", set()),
    ],
)
def test_names_of_the_directory_check(body: str, expected: set[str]) -> None:
    assert _tickers("News", body) == expected


@pytest.mark.parametrize(
    ("isin", "ticker"),
    [
        # ISINs the bundled lists tied to another company, or to none
        ("FR0010220475", "ALO.PA"), ("FR0000121220", "SW.PA"), ("US37959E1029", "GL"),
        # ISINs of renamed companies: today's listing
        ("US7140461093", "RVTY"), ("GB0003096442", "RS1.L"), ("GB00B1QH8P22", "FRAS.L"),
        # companies the directory lacked
        ("GB00BNK9TP58", "TRST.L"), ("NL0011540547", "ABN.AS"), ("SE0000114837", "TREL-B.ST"),
    ],
)
def test_isins_of_the_directory_check(isin: str, ticker: str) -> None:
    from tui_reader.extract.directory import directory

    found = directory().by_isin(isin)
    assert found is not None and found.ticker == ticker


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # German moves: "auf Talfahrt", "angezogen", a "festerer" index, a "Talfahrt" adjective
        ("Der Nikkei ging 2,3 Prozent auf Talfahrt.", [("2,3 Prozent", "percent", "down")]),
        ("Die Papiere haben seit Jahresbeginn um 45 Prozent angezogen.", [("45 Prozent", "percent", "up")]),
        ("Händler erwarten einen 0,4 Prozent festeren Dax.", [("0,4 Prozent", "percent", "up")]),
        ("Händler erwarten einen 0,4 Prozent schwächeren Dax.", [("0,4 Prozent", "percent", "down")]),
        ("Nach einer 18-prozentigen Talfahrt erholte sich der Titel.", [("18-prozentigen", "percent", "down")]),
        # an English slang fall, and a move restated after its points
        ("The shares were whacked by 14% on Friday.", [("14%", "percent", "down")]),
        ("The FTSE 100 closed 41.2 points higher, or 0.5%.", [("0.5%", "percent", "up")]),
        ("The Dax ended 90 points lower, or 0.4%.", [("0.4%", "percent", "down")]),
        # a share's move in parentheses after its name: the word before the name says which way
        ("The biggest gain in the index was recorded by Repsol (3.1%), followed by Iberdrola (1.2%).",
         [("3.1%", "percent", "up"), ("1.2%", "percent", "up")]),
        # must not: a weight in parentheses, with no move word before
        ("Apple (7%) and Microsoft (6%) are the largest weights.", [("7%", "percent", None), ("6%", "percent", None)]),
    ],
)
def test_figures_of_sets_88_to_91(body: str, expected: list[tuple[str, str, str | None]]) -> None:
    found = enrich(_article("", body)).figures
    assert [(f.text, f.kind, f.direction) for f in found] == expected


def test_quote_tables_and_ticker_tapes_leave_the_body() -> None:
    from tui_reader.extract.boilerplate import strip_boilerplate

    paragraphs = [
        "VOD | -0.8% | 71.2 | $ | |",
        "BP | 0.4% | 33.1 | $ |",
        "The brewer sold less beer in the half. Ticker | Security | Last | Change | Change % | "
        "---|---|---|---|---| I:DJI | DOW JONES AVERAGES | 41250.10 | -120.40 | -0.29% | "
        "SP500 | S&P 500 | 5710.20 | -15.30 | -0.27% | Volumes fell 2%.",
        # must not: a results table, its rows opening with a line item
        "Revenue | 120.5 | 110.2 | +9.3% |",
    ]
    kept, _notes = strip_boilerplate(paragraphs)
    assert kept == ["The brewer sold less beer in the half. Volumes fell 2%.", paragraphs[-1]]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the short names market reports write for companies the directory held by long names only
        ("Im Ibex legten Indra und Amadeus zu, Rovi und Colonial gaben nach.", {"IDR.MC", "AMS.MC", "ROVI.MC", "COL.MC"}),
        ("Intesa und Heideldruck gewannen, Kapsch verlor.", {"ISP.MI", "HDD.DE", "KTCG.VI"}),
        # companies the directory lacked, Athens a venue
        ("Finnair and Optomed led Helsinki; Alpha Bank rose in Athens.", {"FIA1S.HE", "OPTOMED.HE", "ALPHA.AT"}),
        ("Alibaba Health Information Technology jumped while Alibaba slipped.", {"0241.HK", "BABA"}),
        # must not: a longer name beginning with the short one, an adjective
        ("Amadeus Fire hob die Prognose an.", {"AAD.DE"}),
        ("The Norwegian krone weakened as Norwegian Air Shuttle rose.", {"NAS.OL"}),
    ],
)
def test_short_names_and_companies_of_sets_88_to_91(body: str, expected: set[str]) -> None:
    assert _tickers("News", body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a past verb before a year-less date: the last such day, not the next
        ("The company went public on Dec. 14 through a merger.", ["2021-12-14"]),
        ("It signed the supply deal on Nov. 2.", ["2021-11-02"]),
        # must not: the same verbs after "will be" or "to be" look ahead
        ("The merger will be completed by Dec. 14.", ["2022-12-14"]),
        ("The deal is expected to be signed on Nov. 2.", ["2022-11-02"]),
        # a dateline with its agency after the date's full stop is no figure
        ("MADRID, 8 June. (EUROPA PRESS) – The Ibex 35 opened higher.", []),
    ],
)
def test_dates_of_sets_88_to_91(body: str, expected: list[str]) -> None:
    article = replace(_article("", body), published=datetime(2022, 6, 16, 9, tzinfo=UTC))
    found = enrich(article).figures
    assert [f.value for f in found if f.kind == "date"] == expected
