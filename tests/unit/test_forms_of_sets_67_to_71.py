"""Forms of the 67th to 71st held-out sets (issue 9): Toronto reports' codes in
parentheses, a market report's move and trade as evidence for an everyday name.

Every text is our own; the expected results were written before the code ran.
"""

from __future__ import annotations

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
