"""Forms of the 109th and 110th held-out sets (issue 9): a movers table whose rows stand
in paragraphs of their own under its heading, a small cap's code in parentheses after a
name whose initials (legal form included) it is, an everyday word at the end of an
unknown name, a London share-form marker ("(CDI)", "(DI)") before the code, a London
report's mover code, a share that "hit a record high", German "gutgemacht", a move noun
after "opening", and companies the directory lacked or had wrong.

Every text is our own; the expected results were written before the code ran.
"""

from __future__ import annotations

import pytest

from tests.unit.test_forms_of_sets_67_to_71 import _tickers
from tests.unit.test_forms_of_sets_101_to_108 import _figures
from tui_reader.extract.directory import directory

_LONDON = "FTSE 250 movers: builders lead the way\n"
"""A London report's headline: codes in parentheses are London's."""


def _directions(body: str) -> dict[str, str | None]:
    return {text: direction for text, _, _, direction in _figures(body) if text.endswith("%")}


def test_a_movers_tables_rows_in_paragraphs_of_their_own_take_its_headings_direction() -> None:
    body = ("London's mid caps were mixed on Friday.\n\n"
            "FTSE 250 – Risers\n\n"
            "Alder Homes (ALD) 410.00p 6.10%\n\n"
            "Brook Mining (BRKM) 120.50p 4.25%\n\n"
            "Cairn Estates (CRNE) 75.20p 1.15%\n\n"
            "FTSE 250 – Fallers\n\n"
            "Dunmore Retail (DNMR) 88.10p 3.40%\n\n"
            "Elgin Freight (ELGF) 250.00p 2.05%\n")
    assert _directions(body) == {"6.10%": "up", "4.25%": "up", "1.15%": "up", "3.40%": "down", "2.05%": "down"}


def test_rows_under_a_heading_that_names_no_move_get_no_direction() -> None:
    # must not: index weights, a table of levels
    body = ("Index weights\n\n"
            "Alder Homes (ALD) 6.10%\n\n"
            "Brook Mining (BRKM) 4.25%\n")
    assert _directions(body) == {"6.10%": None, "4.25%": None}


def test_a_code_that_spells_a_names_initials_with_its_legal_form_is_its_ticker() -> None:
    body = "Harbourside Wind Fund Limited (HWFL) 91.20p 2.10%\n"
    assert _tickers(_LONDON, body) == {"HWFL.L"}
    # must not: the initials without the legal form are the name's abbreviation
    body = "The Harbourside Wind Fund (HWF) said its board would meet in May."
    assert _tickers("", body) == set()


def test_an_everyday_word_ending_an_unknown_name_is_not_the_known_company() -> None:
    # "Partners" alone is a key of Partners Group, but "Kestrel Partners" is another company
    body = "Kestrel Partners (KSTP) 149.00p 1.78%\n"
    assert _tickers(_LONDON, body) == {"KSTP.L"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Lough Drinks Group (CDI) (LDGP) 141.00p 2.92%\n", {"LDGP.L"}),
        ("C&C Group (CDI) (CCR) 141.00p 2.92%\n", {"CCR.L"}),
        ("888 Holdings (DI) (888) 84.05p 3.00%\n", {"EVOK.L"}),
        ("Wood Group (John) (WG.) 140.20p -3.11%\n", {"WG.L"}),
    ],
)
def test_a_london_share_form_marker_before_the_code_is_no_ticker(body: str, expected: set[str]) -> None:
    assert _tickers(_LONDON, body) == expected


def test_a_london_reports_mover_code_is_the_london_line() -> None:
    body = "British Airways owner IAG down 4.1%, while the budget carriers held up."
    assert _tickers("FTSE 100 closes lower as airlines drag", body) == {"IAG.L"}
    # must not: the same code in a report on another market is that market's listing
    assert _tickers("Gold miners rally", "Bullion rose. IAG up 4.1% after the miner's update.") == {"IAG"}


def test_a_share_that_hit_a_record_high_is_the_company() -> None:
    body = "London's Admiral hit a record high, rising 6.6% after strong half-year numbers."
    assert "ADM.L" in _tickers("", body)
    # must not: an index after "the"
    assert _tickers("", "The Dow hit a record high on Friday.") == set()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Seit dem Tief im Oktober hat der Index inzwischen wieder fast 10 Prozent gutgemacht.", "up"),
        ("Newsmax's wild 735% opening gain in March drew buyers to the IPO market.", "up"),
        ("The stock's 40% first-day jump was the largest of the year.", "up"),
    ],
)
def test_more_moves(body: str, expected: str) -> None:
    assert [direction for text, _, _, direction in _figures(body) if text.endswith(("%", "Prozent"))] == [expected]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Cleanaway Waste Management fell 3% after its half-year result.", {"CWY.AX"}),
        ("China Hongqiao rose 4% in Hong Kong as aluminium prices climbed.", {"1378.HK"}),
        ("Smith+Nephew and Convatec fell on the day.", {"SN.L", "CTEC.L"}),
        ("Drone maker Airo Group Holdings Inc. ended its first day 140% higher.", {"AIRO"}),
        ("Cable channel Newsmax Inc. opened far above its offer price.", {"NMAX"}),
    ],
)
def test_companies_the_directory_lacked(body: str, expected: set[str]) -> None:
    assert _tickers("", body) == expected


def test_listings_the_directory_had_wrong() -> None:
    found_in = directory()
    ebara = found_in.by_ticker("6361.T")
    assert ebara is not None and ebara.isin == "JP3166000004"
    wag = found_in.by_name("W.A.G payment solutions")
    assert wag is not None and wag.ticker == "WPS.L"
    # Just Eat plc was bought by Takeaway.com in 2020: "Just Eat" is the merged company since
    just_eat = found_in.by_name("Just Eat")
    assert just_eat is not None and just_eat.isin == "NL0012015705"
