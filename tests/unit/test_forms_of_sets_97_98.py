"""Forms of real news found this session (issue 9): a results release's spaced "m", and
an index's ISIN under the prefix no country has.

Every text is our own; the expected results were written before the code ran.
"""

from __future__ import annotations

import pytest

from tests.unit.test_figures_estimates_and_home_dollars import _article
from tui_reader.extract import enrich


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Group revenue came to GBP97.0 m, up from GBP 80.1 m.", [("GBP97.0 m", 97e6), ("GBP 80.1 m", 80.1e6)]),
        ("Pre-tax profit was £12.5 m for the half.", [("£12.5 m", 12.5e6)]),
        # must not: a deal type, a height, a word that starts with "m"
        ("The €2 M&A advisory fee was paid.", [("€2", 2.0)]),
        ("It paid $5 more per share.", [("$5", 5.0)]),
    ],
)
def test_a_spaced_m_after_an_amount_is_millions(body: str, expected: list[tuple[str, float]]) -> None:
    found = enrich(_article("", body)).figures
    assert [(f.text, f.value) for f in found if f.kind == "money"] == expected


def test_an_index_isin_under_xc_is_no_instrument() -> None:
    article = enrich(_article("", "Der Nikkei 225 (ISIN XC0009692440) stieg, Toyota Motor (JP3633400001) auch."))
    assert [i.isin for i in article.instruments] == ["JP3633400001"]
