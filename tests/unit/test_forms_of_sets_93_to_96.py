"""Forms of the 93rd to 96th held-out sets (issue 9): a republished range that lost its
dash, a portal's index strip joined to the headline, move words of wire and portal copy,
datelines that give the time first, a Zacks name followed by its ticker, a company's
name repeated in parentheses, SIG in Swiss and German news, and companies the directory
lacked.

Every text is our own; the expected results were written before the code ran.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from tests.unit.test_figures_estimates_and_home_dollars import _article
from tests.unit.test_forms_of_sets_67_to_71 import _tickers
from tui_reader.extract import enrich
from tui_reader.sources.datelines import DATELINE, dateline_time


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a release republished without the dash between the two ends of its range
        ("Earnings per share are now seen in a range of $4.10 $4.25, up from before.",
         [("$4.10 $4.25", 4.10, 4.25)]),
        # must not: two prices side by side without a range before them stay two
        ("The stock closed at $12 $13 was the high.", [("$12", 12.0, None), ("$13", 13.0, None)]),
    ],
)
def test_a_range_that_lost_its_dash(body: str, expected: list[tuple[str, float, float | None]]) -> None:
    found = enrich(_article("", body)).figures
    assert [(f.text, f.value, f.high) for f in found if f.kind == "money"] == expected


@pytest.mark.parametrize(
    "strip",
    [
        "DAX19.210 +0,4%Est504.880 -0,2%MSCI World3.912 +0,1%Gold2.650 +0,6%Öl70,12 -1,1%",
        "SMI 12'104 0.3%  SPI 16'322 0.2%  Dow 44'010 -0.4%  DAX 21'500 0.5%  Gold 2'912 1.1%",
    ],
)
def test_a_portal_index_strip_joined_to_the_headline_leaves_the_body(strip: str) -> None:
    from tui_reader.extract.boilerplate import strip_boilerplate

    kept, _notes = strip_boilerplate([f"{strip} Versorger gefragt: Der Index schließt höher",
                                      "Der Versorger gewann 2,5 Prozent."])
    assert kept == ["Versorger gefragt: Der Index schließt höher", "Der Versorger gewann 2,5 Prozent."]


def test_a_sentence_listing_moves_is_no_index_strip() -> None:
    from tui_reader.extract.boilerplate import strip_boilerplate

    paragraph = "Siemens 2,1 %, SAP 1,4 %, Allianz 0,9 % und BASF 0,3 % legten zu."
    assert strip_boilerplate([paragraph])[0] == [paragraph]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Shareholders saw a 28% cumulative decline since the listing.", [("28%", "down")]),
        ("The fifth increase in six years makes a 35% total increase.", [("35%", "up")]),
        ("The broker lifted its target, boosting the stock 3.1% to $88.", [("3.1%", "up")]),
        ("The index inclined 84.2 points, or 1.15%, to 7,412.", [("1.15%", "up")]),
        ("Fee income declined slightly, 2.9 percent to 1.2 billion.", [("2.9 percent", "down")]),
        ("Der Umsatz ging deutlich zurück - um 12 Prozent auf 4 Milliarden Euro.", [("12 Prozent", "down")]),
        ("Verbund festigten sich um 0,6 Prozent.", [("0,6 Prozent", "up")]),
        ("Analysts noted a 310 bps contraction in the gross margin.", [("310 bps", "down")]),
        # must not: a part after the comma, and a dash that closes an insert
        ("Sales rose sharply, 30% of them abroad.", [("30%", None)]),
        ("Die Talfahrt beschleunigte sich – nachdem die Prognose fiel – um 6 Prozent.", [("6 Prozent", "down")]),
    ],
)
def test_moves_of_sets_93_to_96(body: str, expected: list[tuple[str, str | None]]) -> None:
    found = enrich(_article("", body)).figures
    assert [(f.text, f.direction) for f in found if f.kind == "percent"] == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("09:41 JST, March 3, 2025", datetime(2025, 3, 3, 9, 41, tzinfo=timezone(timedelta(hours=9)))),
        ("04:05 PM EDT, 06/18/2024", datetime(2024, 6, 18, 16, 5, tzinfo=timezone(timedelta(hours=-4)))),
        ("11:20 AM, 06/18/2024", None),  # month or day first: unknown without an American zone
    ],
)
def test_datelines_that_give_the_time_first(line: str, expected: datetime | None) -> None:
    match = DATELINE.fullmatch(line)
    assert (dateline_time(match, UTC) if match else None) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Zacks writes the ticker right after the name, no parentheses
        ("Owens Corning OC reported quarterly earnings above estimates.", {"OC"}),
        # a company's name repeated in parentheses is no ticker of its own
        ("Die Analysten setzten die BMW-Aktie (BMW) auf ihre Favoritenliste.", {"BMW.DE"}),
        # SIG in a Swiss report and in German news; the British SIG in an English UK report
        ("An der SIX brachen die SIG-Aktien nach der Gewinnwarnung ein.", {"SIGN.SW"}),
        ("Die Aktien von SIG verloren nach der Gewinnwarnung deutlich.", {"SIGN.SW"}),
        ("On the FTSE 250, SIG fell 4% after a weak trading update from the builders' merchant.", {"SHI.L"}),
        # companies the directory lacked
        ("Hyundai and Asics rose; Sun Hung Kai Properties and Henderson Land fell.",
         {"005380.KS", "7936.T", "0016.HK", "0012.HK"}),
        ("CSPC Pharmaceutical, Orient Overseas and Neoenergia moved most.", {"1093.HK", "0316.HK", "NEOE3.SA"}),
        ("ABO Energy bestätigte die Prognose.", {"AB9.DE"}),
        # must not: the name of another company before its ticker-like word
        ("Getty Images said the deal had closed.", set()),
    ],
)
def test_companies_of_sets_93_to_96(body: str, expected: set[str]) -> None:
    assert _tickers("News", body) == expected


@pytest.mark.parametrize(
    ("isin", "ticker"),
    [
        ("GB0034330679", "AGL.L"),  # Angle on AIM: AGL, not a Reuters code
        ("US9135431040", "UFPI"),  # Universal Forest Products' ISIN finds UFP Industries
    ],
)
def test_listings_of_sets_93_to_96(isin: str, ticker: str) -> None:
    from tui_reader.extract.directory import directory

    found = directory().by_isin(isin)
    assert found is not None and found.ticker == ticker


def test_a_renamed_company_carries_its_new_isin() -> None:
    from tui_reader.extract.directory import directory

    found = directory().by_ticker("UFPI")
    assert found is not None and found.isin == "US90278Q1085"


def test_a_bulleted_list_of_other_headlines_leaves_the_body() -> None:
    from tui_reader.extract.boilerplate import strip_boilerplate

    headlines = ("Copper output up 4.1 pct in May  • Airline adds 12 routes  • U.S. Fed holds rates  "
                 "• Retail sales rise 2 pct")
    # must not: the story's own points, each opening its line
    story = ("- • Swedbank's target raised to SEK 205 - • Handelsbanken's target raised to SEK 115 "
             "- • Nordea stays the top pick - • Deposits keep growing")
    assert strip_boilerplate([headlines, story])[0] == [story]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Der Gewinn sank auf knapp vier Milliarden schwedische Kronen.", [(4e9, "SEK")]),
        ("Der Konzern investiert zwei Milliarden Yen.", [(2e9, "JPY")]),
    ],
)
def test_worded_amounts_in_kronen_and_yen(body: str, expected: list[tuple[float, str]]) -> None:
    found = enrich(_article("", body)).figures
    assert [(f.value, f.currency) for f in found if f.kind == "money"] == expected
