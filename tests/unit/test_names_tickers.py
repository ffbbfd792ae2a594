"""Tickers written in the text: parentheses with evidence, quote widgets, venue forms."""

from __future__ import annotations

import pytest

from tui_reader.extract.instruments import find_instruments


def listings(text: str) -> list[tuple[str | None, str | None]]:
    return [(i.ticker, i.name) for i in find_instruments("", text, [])]


@pytest.mark.parametrize(
    ("text", "ticker"),
    [
        ("Quarrix (QRXP) fell after the deal news.", "QRXP"),
        ("Quarrix Inc. (QRXP) fell.", "QRXP"),
        ("Packaging maker Quarrix Technology (NASDAQ: QRXP) rose.", "QRXP"),
        ("Quarrix Technology (QRXP 0.77%) rose after hours.", "QRXP"),
        ("Quarrix Technology (QRXP -1.25%) slipped.", "QRXP"),
        ("the packaging firm (QRXP 0.77%) rose", "QRXP"),
        ("Vantoril Steel, NYSE: VQ, jumped.", "VQ"),
    ],
)
def test_tickers_outside_the_directory_are_kept_as_written(text: str, ticker: str) -> None:
    assert listings(text) == [(ticker, None)]


def test_a_known_ticker_in_parentheses_is_that_listing() -> None:
    assert listings("Jabil (JBL 0.32%) and Apple (AAPL) rose.") == [("JBL", "Jabil"), ("AAPL", "Apple")]
    # Gone since, and known all the same (data/listed.csv): its ISIN and name come with it.
    assert listings("Twitter (TWTR) fell after the deal news.") == [("TWTR", "Twitter Inc")]


def test_widget_and_venue_form_of_one_symbol_are_one_instrument() -> None:
    (quarrix,) = find_instruments("", "Quarrix (QRXP 0.77%) said ... (NASDAQ: QRXP) shares", [])
    assert quarrix.ticker == "QRXP" and quarrix.mentions == 2


@pytest.mark.parametrize(
    "text",
    [
        "The chief executive officer (CEO) said margins held.",
        "Chief Executive Officer (CEO) Jane Roe spoke.",
        "Artificial Intelligence (AI) spending rose.",
        "Earnings Per Share (EPS) beat estimates.",
        "The European Central Bank (ECB) held rates.",
        "The Food and Drug Administration (FDA) approved it.",
        "Prices are quoted in dollars (USD).",
        "Die Europäische Zentralbank (EZB) senkte die Zinsen.",
        "It is listed in New York (NYSE).",
        "(QRXP) opens the line without a name before it.",
        "Revenue (GAAP) rose while a note (1) explained it.",
    ],
)
def test_acronyms_in_parentheses_are_not_tickers(text: str) -> None:
    assert listings(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "NEW YORK (AP) - Stocks rose on Friday.",
        "FRANKFURT (AFX) - Der Dax stieg.",
        "Trading closes at 4 PM (ET) on Friday.",
    ],
)
def test_datelines_and_time_zones_are_not_tickers(text: str) -> None:
    assert listings(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Der Internationale Währungsfonds (IWF) warnte vor Zöllen.",
        "Die Europäische Zentralbank (EZB) senkte den Zins.",
        "Das Bruttoinlandsprodukt (BIP) wuchs kaum.",
    ],
)
def test_german_institutions_in_parentheses_are_not_tickers(text: str) -> None:
    # German compounds hide the initials ("Währungsfonds"), so these are listed.
    assert listings(text) == []


def test_a_known_name_and_its_initials_in_parentheses_are_one_instrument() -> None:
    (adp,) = find_instruments("", "Automatic Data Processing (ADP) rose.", [])
    assert adp.ticker == "ADP"
