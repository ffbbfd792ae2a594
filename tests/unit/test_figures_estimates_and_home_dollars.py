"""Figure forms of earnings recaps, deal notes and Australian company news (issue 9, the
38th and 39th held-out sets): an estimate beaten or missed by a figure, deals accretive
or dilutive, German move nouns in the plural and after a hyphen, a gain named after the
figure, hyphenated basis and percentage points, "dreimal so", "up to 0.5% lower", a pair
of signed bounds, "in the last quarter", a date that was ahead when it was written, a list
of amounts joined by "bzw.", a conversion in parentheses before "per share", "AU$", and
the bare "$" of an article whose company is listed in Sydney.

Every sentence is our own; the expected figures were written before the code ran.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.unit.test_figures_real_text import figures
from tui_reader.extract import enrich, home_dollar
from tui_reader.model import Article

DECEMBER = datetime(2025, 12, 5, 12, 0, tzinfo=UTC)


def moves(body: str) -> list[tuple[str, str | None]]:
    return [(f.text, f.direction) for f in figures(body) if f.kind == "percent"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # an estimate beaten or missed: the noun after the figure, the verb before it
        ("Sales: $310 million against forecasts of $296 million (12% growth, 4.7% beat).",
         [("12%", "up"), ("4.7%", "up")]),
        ("Adjusted EPS: $1.02 against forecasts of $1.05 (2.9% miss).", [("2.9%", "down")]),
        ("Loss ratio: 61.2% against forecasts of 63% (180 basis point beat).",
         [("61.2%", None), ("63%", None), ("180 basis point", "up")]),
        ("Quarterly revenue topped estimates by 3.5%.", [("3.5%", "up")]),
        ("Bookings missed the consensus by 6%.", [("6%", "down")]),
        ("The retailer beat estimates; its gross margin was 38%.", [("38%", None)]),
        # a deal adding to or diluting a measure
        ("The purchase will be accretive to cash flow per share by about 15% next year.", [("15%", "up")]),
        ("The share sale is 4% dilutive to earnings.", [("4%", "down")]),
        # progressive verbs
        ("Its stock was tumbling over 7% late on Tuesday.", [("7%", "down")]),
        # German plural compounds and hyphenated compounds carry the move in their last part
        ("Der Versicherer setzte Preiserhöhungen von 4,1 Prozent durch.", [("4,1 Prozent", "up")]),
        ("Die Zinssenkungen von 0,5 Prozentpunkten halfen.", [("0,5 Prozentpunkten", "down")]),
        ("Die Sommer-Rally von zeitweise 22 Prozent ist vorbei.", [("22 Prozent", "up")]),
        # a German gain or loss named after the figure
        ("Es stehen 85 Prozent Gewinn seit Januar und im Vorjahr 20 Prozent Verlust zu Buche.",
         [("85 Prozent", "up"), ("20 Prozent", "down")]),
        # must not match: the profit a share of which is paid out
        ("Der Konzern will 50 Prozent Gewinn ausschütten.", [("50 Prozent", None)]),
        # hyphenated units
        ("Traders price in a 50-basis-point cut.", [("50-basis-point", "down")]),
        ("It was a 3-percentage-point gain in share.", [("3-percentage-point", "up")]),
        # "up to" before a figure whose word after it names the move
        ("Revenue may come in up to 1.5% lower or as much as 2% higher.", [("1.5%", "down"), ("2%", "up")]),
        ("Sales could rise up to 5% next year.", [("5%", "up")]),
        # a pair of signed bounds
        ("Die Kursziele spannen eine Bandbreite von -6,20 %/+31,75 % auf.",
         [("-6,20 %", "down"), ("+31,75 %", "up")]),
    ],
)
def test_moves_of_estimates_deals_and_compounds(body: str, expected: list[tuple[str, str | None]]) -> None:
    assert moves(body) == expected


def test_the_units_of_a_hyphenated_basis_and_percentage_point() -> None:
    assert [f.unit for f in figures("a 50-basis-point cut and a 3-percentage-point gain")] == ["bp", "pp"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Die Nachfrage sei viermal so hoch wie vor drei Jahren.", [("viermal", 4.0)]),
        ("Es kamen zehnmal so viele Anfragen.", [("zehnmal", 10.0)]),
        # must not match: "einmal", "manchmal"
        ("Das war einmal so geplant.", []),
        ("Manchmal so, manchmal anders.", []),
    ],
)
def test_a_german_multiple_glued_to_its_number_word(body: str, expected: list[tuple[str, float]]) -> None:
    assert [(f.text, f.value) for f in figures(body) if f.kind == "multiple"] == expected


def test_in_the_last_quarter_is_a_time_and_over_it_a_span_without_a_count() -> None:
    # no count, no key figure (held-out readers never counted one): only "over the last
    # two quarters" is a span
    assert [f for f in figures("Sales were $12.5M compared with $11.0M in the last quarter.") if f.kind == "period"] == []
    assert [f for f in figures("Shares rose 8% over the last quarter.") if f.kind == "period"] == []
    assert [f.value for f in figures("Shares rose 8% over the last two quarters.") if f.kind == "period"] == ["P6M"]


def test_a_date_that_was_ahead_when_the_sentence_happened_is_the_nearest_one() -> None:
    past = figures("The upgrade came as the chain was scheduled to report on December 2, with hopes high.", DECEMBER)
    assert [f.value for f in past if f.kind == "date"] == ["2025-12-02"]
    ahead = figures("The chain is scheduled to report on December 2.", DECEMBER)
    assert [f.value for f in ahead if f.kind == "date"] == ["2026-12-02"]


def test_a_list_of_amounts_joined_by_bzw_writes_the_unit_once() -> None:
    found = figures("Er erwartet 1,90 Euro sowie 2,25 bzw. 2,70 Euro je Aktie in den Folgejahren.")
    assert [(f.text, f.value, f.currency) for f in found] == [
        ("1,90 Euro", 1.9, "EUR"), ("2,25", 2.25, "EUR"), ("2,70 Euro", 2.7, "EUR")]
    scaled = figures("Der Umsatz soll 4,2 bzw. 4,6 Milliarden Euro erreichen.")
    assert [(f.value, f.currency) for f in scaled] == [(4.2e9, "EUR"), (4.6e9, "EUR")]
    # each amount with its own unit stays as written
    assert [f.value for f in figures("je 0,80 Euro bzw. 1,10 Euro")] == [0.8, 1.1]


def test_a_conversion_in_parentheses_is_no_accounting_minus() -> None:
    found = figures("The buyer offers 31 euros ($33.70) per share in cash.")
    assert [(f.value, f.currency) for f in found if f.kind == "money"] == [(31.0, "EUR"), (33.7, "USD")]
    # the accountants' parentheses still are one
    assert [f.value for f in figures("It reported a loss of ($0.21) per share.")] == [-0.21]


def test_au_and_ca_dollar_signs() -> None:
    found = figures("Coal fetched AU$212 a tonne; the Toronto deal was CA$1.4 billion.")
    assert [(f.text, f.currency) for f in found] == [("AU$212", "AUD"), ("CA$1.4 billion", "CAD")]


def _article(title: str, body: str) -> Article:
    return Article(id="a", source="Sample", title=title, body=body, published=datetime(2026, 2, 18, tzinfo=UTC))


def test_a_bare_dollar_is_the_home_dollar_of_the_primary_company() -> None:
    article = enrich(_article(
        "Origin Energy profit falls to $512M",
        "Origin Energy said profit fell 31% to $512 million and kept its dividend at 27.5 cents, "
        "helped by bundles with Netflix.",
    ))
    assert [i.ticker for i in article.instruments][:2] == ["ORG.AX", "NFLX"]
    assert {f.currency for f in article.figures if f.kind == "money"} == {"AUD"}


def test_a_us_company_or_a_canadian_one_keeps_the_dollar_american() -> None:
    us = enrich(_article("Netflix profit rises", "Netflix said profit rose 10% to $2.1 billion."))
    assert {f.currency for f in us.figures if f.kind == "money"} == {"USD"}
    # Toronto's companies report in Canadian dollars, its miners and a few others in US dollars
    assert home_dollar("BCE.TO") == "CAD"
    assert home_dollar("CS.TO") == "USD"
    assert home_dollar("ORG.AX") == "AUD"
    assert home_dollar("") is None
    # Sydney-listed companies that report in US dollars, and New York lines of such companies
    assert home_dollar("BHP.AX") == "USD"
    assert home_dollar("CSL.AX") == "USD"
    assert home_dollar("TRI") == "USD"


def test_a_text_that_marks_its_local_dollar_leaves_the_bare_one_american() -> None:
    article = enrich(_article("Origin Energy wins a US contract",
                              "Origin Energy reported net profit of A$50 million. It also won a U.S. "
                              "Defense Department contract worth $258 million."))
    assert [(f.text, f.currency) for f in article.figures if f.kind == "money"] == [
        ("A$50 million", "AUD"), ("$258 million", "USD")]


def test_an_amount_the_text_marks_american_stays_usd_in_a_home_dollar_article() -> None:
    article = enrich(_article("Origin Energy signs a US deal",
                              "Origin Energy agreed to pay US$300 million, or $460 million, for the plant."))
    assert [(f.text, f.currency) for f in article.figures if f.kind == "money"] == [
        ("US$300 million", "USD"), ("$460 million", "AUD")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a press release's footnote mark between the number and its scale
        ("for US$1.8 billion (CAD ~$2.5¹ billion)", [("US$1.8 billion", 1.8e9, "USD"), ("CAD ~$2.5¹ billion", 2.5e9, "CAD")]),
        ("net revenue of $4.2² million", [("$4.2² million", 4.2e6, "USD")]),
        # a dollar's code written before its "$"
        ("a deal worth AUD $40 million", [("AUD $40 million", 4e7, "AUD")]),
        ("priced at HKD$12.5 a share", [("HKD$12.5", 12.5, "HKD")]),
        # must not match: letters that only end in a code
        ("the XCAD $5 voucher", [("$5", 5.0, "USD")]),
    ],
)
def test_footnote_marks_and_dollar_codes(body: str, expected: list[tuple[str, float, str]]) -> None:
    assert [(f.text, f.value, f.currency) for f in figures(body) if f.kind == "money"] == expected
