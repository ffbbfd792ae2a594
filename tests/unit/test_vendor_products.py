"""A data vendor's product cited as the source files nothing; the vendor as subject does.

Sentences in our own words, shaped like wire copy that cites consensus figures.
"""

from __future__ import annotations

import pytest

from tui_reader.extract.instruments import find_instruments


def tickers(title: str, body: str = "") -> list[str]:
    return [i.ticker or "" for i in find_instruments(title, body, [])]


@pytest.mark.parametrize(
    "body",
    [
        "Analysts expected 30 cents a share, per LSEG SmartEstimate, which weights recent calls.",
        "The average forecast in the LSEG Smart Estimate stood at 30 cents.",
        "Profit beat the LSEG I/B/E/S consensus of 30 cents.",
        "Sales topped the FactSet Consensus of $1.2 billion.",
        "Sales topped the Refinitiv Eikon estimate of $1.2 billion.",
        "The stock trades at 18 times earnings, Bloomberg Intelligence analysts wrote.",
        "Figures based on FactSet data showed a gain.",
        "Estimates compiled by S&P Capital IQ pointed higher.",
        "Profit beat the LSEG-compiled consensus of 30 cents.",
        "Der Gewinn lag über der Konsensschätzung von FactSet, hieß es.",
        "Das Ergebnis übertraf die Prognosen von LSEG deutlich.",
    ],
)
def test_vendor_products_cited_file_only_the_subject(body):
    assert tickers("Nike results beat forecasts", body) == ["NKE"]


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        ("LSEG profit rises", "LSEG reported higher income from data and analytics.", "LSEG.L"),
        ("FactSet cuts outlook", "FactSet lowered its forecast for the year.", "FDS"),
        ("Morningstar earnings", "Morningstar said revenue grew.", "MORN"),
    ],
)
def test_the_vendor_as_subject_still_files(title, body, expected):
    assert tickers(title, body) == [expected]
