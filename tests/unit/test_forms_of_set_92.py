"""Forms of the 92nd held-out set (issue 9): a verb's rise before "off", a noun's move
before "ranging from", "cheaper by", compound nouns after a figure, "britische Pence",
half years in German, a German month before a count, "expected to" and "no later than"
ahead of a year-less date, and directory rows renewed since the bundled lists.

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
        # a rise "off" its cause is a rise; "off" its high is still a fall
        ("Smiths led the index, climbing 12% off strong half-year figures.", [("12%", "up")]),
        ("The stock trades 20% off its record high.", [("20%", "down")]),
        # the noun before "ranging from" carries the move of the range
        ("Carmakers posted gains ranging from 1% to 1.6%.", [("1% to 1.6%", "up")]),
        # must not: a range of estimates has no direction
        ("Forecasts ranging from 1% to 1.6% were published.", [("1% to 1.6%", None)]),
        # "cheaper by", and "of its stock market value"
        ("Verbund became cheaper by 1.2 percent.", [("1.2 percent", "down")]),
        ("The telecom group has lost 11.5% of its stock market value this week.", [("11.5%", "down")]),
        # a German compound noun right after the figure
        ("Der Konzern meldete zehn Prozent Umsatzplus.", [("zehn Prozent", "up")]),
        ("Der Händler verbuchte 4 Prozent Umsatzminus.", [("4 Prozent", "down")]),
    ],
)
def test_moves_of_set_92(body: str, expected: list[tuple[str, str | None]]) -> None:
    found = enrich(_article("", body)).figures
    assert [(f.text, f.direction) for f in found if f.kind == "percent"] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # pounds and pence named British, written with a capital too
        ("Der Umsatz stieg auf 512 Millionen Britische Pfund.", [(512e6, "GBP")]),
        ("Die Aktie schloss bei 41,7 britischen Pence.", [(0.417, "GBP")]),
        ("Die Dividende beträgt 30,1 britische Pence.", [(0.301, "GBP")]),
    ],
)
def test_british_pounds_and_pence_in_german(body: str, expected: list[tuple[float, str]]) -> None:
    found = enrich(_article("", body)).figures
    assert [(round(f.value, 6), f.currency) for f in found if f.kind == "money"] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Die Haltefrist wurde um zweieinhalb Jahre verlängert.", ["P2.5Y"]),
        ("Das Werk soll in anderthalb Jahren fertig sein.", ["P1.5Y"]),
        # must not: the first half-year names a time, not a span
        ("Im ersten halben Jahr stieg der Umsatz.", []),
    ],
)
def test_half_years_in_german(body: str, expected: list[str]) -> None:
    found = enrich(_article("", body)).figures
    assert [f.value for f in found if f.kind == "period"] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "expected to" before a verb, and "no later than", look ahead
        ("The buyback is expected to finish no later than December 31.", ["2022-12-31"]),
        ("The sale is expected to close on March 3.", ["2023-03-03"]),
        # must not: "than expected" about the past, and a German month before a count
        ("Orders were stronger than expected on June 2.", ["2022-06-02"]),
        ("Der Index umfasst ab September 21 statt 20 Werte.", []),
        ("Der Index hatte im September 21 Mitglieder.", []),
    ],
)
def test_dates_of_set_92(body: str, expected: list[str]) -> None:
    article = replace(_article("", body), published=datetime(2022, 6, 16, 9, tzinfo=UTC))
    found = enrich(article).figures
    assert [f.value for f in found if f.kind == "date"] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # short names and companies the directory lacked
        ("Maruti and NTPC led the Sensex; Astra Zeneca fell in Stockholm.", {"MARUTI.NS", "NTPC.NS", "AZN.L"}),
        ("In Milan STM gained 1.2% and Ferrari rose.", {"STMPA.PA", "RACE.MI"}),
        ("BOC Hong Kong and China Minsheng Banking rose.", {"2388.HK", "1988.HK"}),
        ("Nojima and GungHo Online Entertainment fell.", {"7419.T", "3765.T"}),
        ("SBB B, Xbrane Biopharma and Rusta moved most in Stockholm.", {"SBB-B.ST", "XBRANE.ST", "RUSTA.ST"}),
        # must not: Swiss railways are no Swedish landlord
        ("Die SBB erhöhen die Preise im Fernverkehr.", set()),
    ],
)
def test_companies_of_set_92(body: str, expected: set[str]) -> None:
    assert _tickers("News", body) == expected


@pytest.mark.parametrize(
    ("isin", "ticker"),
    [
        # Suzuki Motor's ISIN, which a bundled list gave wrong
        ("JP3397200001", "7269.T"),
        # SGS after its 2023 split; Roche's Genussschein, replaced in March 2026 by the
        # participation certificate: the old ISIN finds today's line
        ("CH0002497458", "SGSN.SW"),
        ("CH1256740924", "SGSN.SW"),
        ("CH0012032048", "ROP.SW"),
        ("CH1499059983", "ROP.SW"),
    ],
)
def test_isins_renewed_or_corrected(isin: str, ticker: str) -> None:
    from tui_reader.extract.directory import directory

    found = directory().by_isin(isin)
    assert found is not None and found.ticker == ticker


def test_a_renewed_line_keeps_one_company() -> None:
    # the bundled list's Roche under its old line is the same company, not a second one
    from tui_reader.extract.directory import directory

    assert directory().by_ticker("ROG.SW") is None
    assert [i.ticker for i in enrich(_article("", "Roche shares rose 2% in Zurich.")).instruments] == ["ROP.SW"]
