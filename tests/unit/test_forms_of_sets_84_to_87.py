"""Forms of the 84th to 87th held-out sets (issue 9): older spellings of known names,
New Zealand's and Singapore's markets and their dollars, a company's short name in
parentheses that is another company's US ticker.

Every text is our own; the expected results were written before the code ran.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.unit.test_forms_of_sets_67_to_71 import _tickers
from tui_reader.extract import enrich
from tui_reader.model import Article


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


def _article(title: str, body: str) -> Article:
    return Article(id="a", source="Sample", title=title, body=body, published=datetime(2026, 2, 18, tzinfo=UTC))


def test_a_new_zealand_report_writes_its_bare_dollar_in_nzd() -> None:
    # by the company's home market, and by the market the text names
    by_company = enrich(_article("Fletcher Building profit jumps", "Fletcher Building said turnover was $175.3 million."))
    by_market = enrich(_article("Market close", "The NZX 50 rose 0.4%. The dairy company gained 12c to $6.10."))
    assert {f.currency for f in by_company.figures if f.kind == "money"} == {"NZD"}
    assert {f.currency for f in by_market.figures if f.kind == "money"} == {"NZD"}


def test_a_singapore_company_writes_its_bare_dollar_in_sgd() -> None:
    article = enrich(_article("Singtel lifts its dividend", "Singtel said underlying profit rose to $1.35 billion."))
    assert {f.currency for f in article.figures if f.kind == "money"} == {"SGD"}
