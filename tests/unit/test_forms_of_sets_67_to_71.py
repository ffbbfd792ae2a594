"""Forms of the 67th to 71st held-out sets (issue 9): Toronto reports' codes in
parentheses, a market report's move and trade as evidence for an everyday name, a line's
label for its moves ("Biggest gainers:", "Weekly gain:"), German companies listed with their
moves and no verb, "taucht", "spiking", "versechzehnfacht".

Every text is our own; the expected results were written before the code ran.
"""

from __future__ import annotations

import pytest

from tests.unit.test_forms_of_sets_40_to_43 import figures, moves
from tui_reader.extract.instruments import find_instruments

# Forms of the 67th held-out set.


def _tickers(title: str, body: str) -> set[str | None]:
    return {i.ticker for i in find_instruments(title, body, [])}


def test_a_toronto_report_files_its_codes_in_parentheses_at_toronto() -> None:
    body = (
        "Crude gained 80 cents on the day.\n\n"
        "On the TSX, two of the busiest names were oil juniors. Moosejaw Petroleum Corp. (MJP) "
        "added 10 cents to 70 cents, while Quillcreek Energy Ltd. (QCE) rose 16 cents.\n\n"
        "Better still was the TSX-V-listed Larchmere Resources Corp. (LRR), up 12 cents."
    )
    assert _tickers("Energy summary", body) == {"MJP.TO", "QCE.TO", "LRR.V"}


def test_a_report_naming_new_york_keeps_its_codes_american() -> None:
    # must not: a US report that mentions the TSX in passing
    body = (
        "Moosejaw Petroleum Corp. (MJP) added 3% on the NYSE, while its Canadian peers "
        "on the TSX were flat."
    )
    assert _tickers("Oil stocks", body) == {"MJP"}


def test_a_market_reports_move_and_trade_make_an_everyday_name_the_company() -> None:
    # "Capita" is a word ("per capita") and "Hochschild" a surname: both need evidence
    body = (
        "Capita fell as the outsourcer warned that revenue would be lower.\n\n"
        "Gold miner Hochschild was weaker after a broker cut its rating."
    )
    assert _tickers("FTSE 250 movers", body) >= {"CPI.L"}
    assert {i.isin for i in find_instruments("FTSE 250 movers", body, [])} >= {"GB00B1FW5029"}


def test_a_word_moving_for_a_reason_that_is_no_company_stays_a_word() -> None:
    # must not: growth per capita, and a dollar is no company
    body = "Output per capita fell as the dollar rose. Capita fell after the figures came out."
    assert "CPI.L" not in _tickers("Economy", body)


def test_a_surname_without_the_trade_is_no_miner() -> None:
    # must not: the author and the bare surname
    assert _tickers("Books", "Adam Hochschild wrote about it. Hochschild said the book sold well.") == set()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Top gainers: Fjordline Salmon ASA 12 pct, Vestkyst Energi ASA 3.5 pct and Nordpil AB 1.2 pct\n\n"
         "Top losers: Hardanger Mining ASA 4.4 pct, Trollbank ASA 2.1 pct",
         [("12 pct", "up"), ("3.5 pct", "up"), ("1.2 pct", "up"), ("4.4 pct", "down"), ("2.1 pct", "down")]),
        ("Gainers: Alpha 3 pct, Beta 2 pct. Losers: Gamma 1 pct", [("3 pct", "up"), ("2 pct", "up"), ("1 pct", "down")]),
        ("Weekly gain: 96.5 percent", [("96.5 percent", "up")]),
        ("with the stock spiking 40 percent by Friday", [("40 percent", "up")]),
        ("Die Westbank taucht um über 60 Prozent. Die Ostbank Holding um 25 Prozent, die Nordbank Corp 19,5 Prozent "
         "und die Suedbank um 30 Prozent.",
         [("60 Prozent", "down"), ("25 Prozent", "down"), ("19,5 Prozent", "down"), ("30 Prozent", "down")]),
        # must not: a label that names no move, a level after a move
        ("Margin: 5 percent", [("5 percent", None)]),
        ("Der Umsatz stieg um 5 Prozent. Die Marge lag bei 12 Prozent.", [("5 Prozent", "up"), ("12 Prozent", None)]),
    ],
)
def test_moves_of_set_67(body: str, expected: list[tuple[str, str | None]]) -> None:
    assert moves(body) == expected


def test_a_german_multiple_in_the_teens() -> None:
    found = [(f.text, f.value) for f in figures("Seit dem Börsengang hat sich der Kurs versechzehnfacht.")
             if f.kind == "multiple"]
    assert found == [("versechzehnfacht", 16.0)]
