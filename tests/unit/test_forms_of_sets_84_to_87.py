"""Forms of the 84th to 87th held-out sets (issue 9): older spellings of known names,
New Zealand's and Singapore's markets and their dollars, a company's short name in
parentheses that is another company's US ticker, stamps with a clock time, pounds of
copper, moves written as out- and underperforming, and page furniture.

Every text is our own; the expected results were written before the code ran.
"""

from __future__ import annotations

import pytest

from tests.unit.test_figures_estimates_and_home_dollars import _article
from tests.unit.test_forms_of_sets_67_to_71 import _tickers
from tui_reader.extract import enrich


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the camel case a name was written in before the company wrote it in lower case
        ("Zum Beispiel ThyssenKrupp . Die Papiere gewannen 0,8 Prozent.", {"TKA.DE"}),
        ("Die Werft ThyssenKrupp Marine Systems baut U-Boote.", {"TKMS.DE"}),
        # old names of companies renamed since
        ("Imperial Tobacco Group plc lifted its dividend.", {"IMB.L"}),
        ("Canadian Pacific Railway agreed to buy the US railroad.", {"CP.TO"}),
        ("Smurfit Kappa beat forecasts.", {"SW"}),
        # New Zealand and Singapore: the home listing, never a US receipt
        ("Fletcher Building and Air New Zealand both rose on the NZX.", {"FBU.NZ", "AIR.NZ"}),
        ("Singapore Airlines and Singtel led the Straits Times Index.", {"C6L.SI", "Z74.SI"}),
        ("Wilmar and Keppel slipped.", {"F34.SI", "BN4.SI"}),
        # a short name in parentheses that is a US fund's ticker is the company's own
        ("Die Waadtländer Kantonalbank (BCV) hat weniger verdient.", {"BCVN.SW"}),
        # must not: the same words as no company's name
        ("Die Meridian-Stiftung hält elf Prozent.", set()),
        ("Contact us, or spark a debate about tourism.", set()),
    ],
)
def test_names_of_sets_84_to_87(body: str, expected: set[str]) -> None:
    assert _tickers("News", body) == expected


def test_a_new_zealand_report_writes_its_bare_dollar_in_nzd() -> None:
    # by the company's home market, and by the market the text names
    by_company = enrich(_article("Fletcher Building profit jumps", "Fletcher Building said turnover was $175.3 million."))
    by_market = enrich(_article("Market close", "The NZX 50 rose 0.4%. The dairy company gained 12c to $6.10."))
    assert {f.currency for f in by_company.figures if f.kind == "money"} == {"NZD"}
    assert {f.currency for f in by_market.figures if f.kind == "money"} == {"NZD"}


def test_a_singapore_company_writes_its_bare_dollar_in_sgd() -> None:
    article = enrich(_article("Singtel lifts its dividend", "Singtel said underlying profit rose to $1.35 billion."))
    assert {f.currency for f in article.figures if f.kind == "money"} == {"SGD"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a stamp's label, then a clock time and its zone, then the day
        ("Published: 09:40 EDT, 3 June 2016 | Updated: 10:05 EDT, 3 June 2016", []),
        ("The results will be published at 9:00 on 3 June 2016.", [("3 June 2016", "date", None)]),
        # pounds of a commodity are its weight
        ("It expects zinc sales of 410 million pounds this quarter.", []),
        ("Exports reached 12 million pounds of roasted coffee.", []),
        ("The gold miner paid 5 million pounds for the stake.", [("5 million pounds", "money", None)]),
        # "another" before a move's amount: the move, then the price it reached, no range
        ("The lender fell another 4.2p to 88.6p.", [("4.2p", "money", None), ("88.6p", "money", None)]),
        ("It sees another $5 million to $7 million of costs.", [("$5 million to $7 million", "money", None)]),
        # outperforming and underperforming are moves; German "hob ... an" lifts
        ("The stock outperformed the index by 12 percentage points.", [("12 percentage points", "percent", "up")]),
        ("The fund underperformed its benchmark by 3%.", [("3%", "percent", "down")]),
        ("Der Analyst hob seine Schätzungen um bis zu 9 Prozent an.", [("9 Prozent", "percent", "up")]),
    ],
)
def test_figures_of_sets_84_to_87(body: str, expected: list[tuple[str, str, str | None]]) -> None:
    found = enrich(_article("", body)).figures
    assert [(f.text, f.kind, f.direction) for f in found] == expected


def test_promotion_captions_and_comment_boxes_leave_the_body() -> None:
    from tui_reader.extract.boilerplate import strip_boilerplate

    paragraphs = [
        "The bank's shares rose 5% on Monday.",
        "\U0001f947 First rule of investing? Know when to save! Up to 40% off InvestingPro this week",
        "Zur Großbildansicht DPA Die Tochter: Mindestens eine Milliarde Euro Gewinn",
        "Share what you think",
        "By posting your comment you agree to our house rules.",
        "Others Also Read",
        "Charts zu den Werten im Artikel",
        "Subscribe from just €1 a week",
        "Mit Schweizer Aktien handeln - jetzt Konto eröffnen bei einem Broker",
        # must not: prose that starts with the same words
        "By posting a strong quarter, the bank beat estimates.",
        "Zur Sache: the bank said more.",
    ]
    kept, _notes = strip_boilerplate(paragraphs)
    assert kept == [paragraphs[0], paragraphs[-2], paragraphs[-1]]
