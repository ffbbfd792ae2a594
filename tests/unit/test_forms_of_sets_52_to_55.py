"""Forms of the 52nd to 55th held-out sets (issue 9): "nach oben"/"nach unten" after a
move, an English move noun with "of" after its figure, Indian wire credits, a known
name before an unknown code in parentheses, and quarters that are not Q2 Holdings.

Every text is our own; the expected results were written before the code ran.
"""

from __future__ import annotations

import pytest

from tests.unit.test_forms_of_sets_40_to_43 import moves
from tui_reader.extract.instruments import find_instruments


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Die Aktie ging nach den Zahlen um 14 Prozent nach oben.", [("14 Prozent", "up")]),
        ("Die Aktie ging nach den Zahlen um 9 Prozent nach unten.", [("9 Prozent", "down")]),
        ("The group reported a rise of around 25% of its order intake.", [("25%", "up")]),
        ("Traders saw a fall of 4% of the stock by midday.", [("4%", "down")]),
        # must not match: "nachgeben" is still down, a share of a whole still no move
        ("Die Aktie gab 3 Prozent nach.", [("3 Prozent", "down")]),
        ("The fund holds 20% of the shares.", [("20%", None)]),
    ],
)
def test_moves_of_set_52(body: str, expected: list[tuple[str, str | None]]) -> None:
    assert moves(body) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NEW DELHI (IANS) Infosys shares rose after the results.", ["INFY.NS"]),
        ("MUMBAI (PTI) Infosys shares rose after the results.", ["INFY.NS"]),
        ("Die Volkswagen (VW) hat am Freitag neue Zahlen vorgelegt.", ["VOW3.DE"]),
        ("Q2 net bookings rose 5% and H1 sales beat estimates.", []),
        # must not match: the company named Q2 Holdings is still filed
        ("Q2 Holdings rose after its Q2 results.", ["QTWO"]),
    ],
)
def test_filing_of_set_52(text: str, expected: list[str]) -> None:
    assert [i.ticker for i in find_instruments("", text, [])] == expected
