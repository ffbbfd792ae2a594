"""Figure forms of Vienna and Zurich reports, wire earnings copy and Asian company news:
a unit written once for a list of moves, a percentage restated in parentheses, a German
move named by its noun as the clause's subject, year words after a date, Malaysian
ringgit and sen, Singapore dollars, "doppelt so" and ranges of multiples, and
Benzinga's quote widget after a legal name.

Every sentence is our own; the expected figures were written before the code ran.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.unit.test_figures_real_text import figures

DECEMBER = datetime(2016, 12, 30, 16, 0, tzinfo=UTC)


def moves(body: str) -> list[tuple[str, str | None]]:
    return [(f.text, f.direction) for f in figures(body) if f.kind == "percent"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the unit written once for two moves
        ("Gesucht waren Chipwerte: Aixtron stiegen um 3,4 und Siltronic um 1,9 Prozent.",
         [("3,4", "up"), ("1,9 Prozent", "up")]),
        ("Miners Antofagasta and Fresnillo lost 2.6 and 1.8 percent respectively.",
         [("2.6", "down"), ("1.8 percent", "down")]),
        ("Minus 4,2 respektive 3,1 Prozent standen bei den Versorgern zu Buche.",
         [("4,2", "down"), ("3,1 Prozent", "down")]),
        # a range's low end is read with the range, a year is no move
        ("Die Marge soll zwischen 2 und 3 Prozent liegen.", [("zwischen 2 und 3 Prozent", None)]),
        ("In 2024 and 5 percent of sales went to research.", [("5 percent", None)]),
        # restated in parentheses after the move
        ("Sales are set to rise 14% (11% at constant exchange rates) this year.",
         [("14%", "up"), ("11%", "up")]),
        ("Erwartet wird ein Anstieg des Auftragseingangs um 8 bis 20 Prozent (bisher: 2 bis 10 Prozent).",
         [("8 bis 20 Prozent", "up"), ("2 bis 10 Prozent", "up")]),
        ("Die Marge lag bei 9 Prozent (Vorjahr: 7 Prozent).", [("9 Prozent", None), ("7 Prozent", None)]),
        # a German move's noun as the subject
        ("12,4 Prozent beträgt das Plus des Leitindex seit Jänner.", [("12,4 Prozent", "up")]),
        ("Ein Jahr zuvor lag der Zuwachs bei neun Prozent.", [("neun Prozent", "up")]),
        ("In Mailand lag das Minus zu Mittag bei vier Prozent.", [("vier Prozent", "down")]),
        ("Die Inflation lag bei zwei Prozent.", [("zwei Prozent", None)]),
        # the verb of a move after a figure that opens the sentence
        ("48,3 Prozent legte der Kranbauer seit Jahresbeginn zu.", [("48,3 Prozent", "up")]),
        # words after the figure
        ("15 Prozent runter: Kurssturz beim Baukonzern", [("15 Prozent", "down")]),
        ("The index suffered a 22% drawdown in five weeks.", [("22%", "down")]),
        ("The stock closed 1.4% ($0.62) higher at $44.80.", [("1.4%", "up")]),
        ("Mit Avancen von gut 7% setzte sich der Titel an die Spitze.", [("7%", "up")]),
        ("The shares escalated by 3.5% in early trade.", [("3.5%", "up")]),
    ],
)
def test_moves_in_lists_asides_and_subjects(body: str, expected: list[tuple[str, str | None]]) -> None:
    assert moves(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Das Jahrestief erreichte der Index am 9. März dieses Jahres.", "2016-03-09"),
        ("The group listed on March 4 last year.", "2015-03-04"),
        ("Die Frist läuft bis zum 31. Mai nächsten Jahres.", "2017-05-31"),
        ("The dividend is payable on Jan 20, after a year ago's cut.", "2017-01-20"),
    ],
)
def test_the_year_a_date_names_or_implies(body: str, expected: str) -> None:
    assert [f.value for f in figures(body, DECEMBER) if f.kind == "date"] == [expected]


def test_a_numeric_day_range_gives_both_days() -> None:
    found = figures("Die Einstufungen der Woche vom 07. bis 11.05.2018 im Überblick.")
    assert [f.value for f in found if f.kind == "date"] == ["2018-05-07", "2018-05-11"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Die Bank stellt eine Dividende von einem Euro je Aktie in Aussicht.", [(1.0, "EUR")]),
        ("Der Kurs des Euro fiel.", []),
        ("The shipyard won a RM2.4 billion contract and its shares added 8 sen to 71 sen.",
         [(2.4e9, "MYR"), (0.08, "MYR"), (0.71, "MYR")]),
        ("SGX shares closed at $9.12 after the bourse earned $121.5 million.",
         [(9.12, "SGD"), (121.5e6, "SGD")]),
        ("The Nikkei, Hang Seng and SGX rose; oil fetched $71.", [(71.0, "USD")]),
    ],
)
def test_amounts_in_words_and_local_currencies(body: str, expected: list[tuple[float, str]]) -> None:
    assert [(f.value, f.currency) for f in figures(body) if f.kind == "money"] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Der Versorger ist fast doppelt so viel wert wie sein Rivale.", [(2.0, None)]),
        ("Die Doppelt-Strategie ging auf.", []),
        ("The new chip is 10 to 40 times faster than the old one.", [(10.0, 40.0)]),
        ("Rivals are 3 times smaller.", [(3.0, None)]),
    ],
)
def test_multiples_compared_and_ranged(body: str, expected: list[tuple[float, float | None]]) -> None:
    assert [(f.value, f.high) for f in figures(body) if f.kind == "multiple"] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Gainers included Acme Tools Corp ACT 9.12% up 11 percent, while Bolt Inc. BLT 4.05% "
         "reported.", [("11 percent", "up")]),
        # prose with two decimals and no legal name stays a figure
        ("Revenue in the unit NA 4.25% higher.", [("4.25%", "up")]),
    ],
)
def test_benzingas_widget_after_a_legal_name(body: str, expected: list[tuple[str, str | None]]) -> None:
    assert moves(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The stock is leaping 14% today after rocketing 30% last week.", [("14%", "up"), ("30%", "up")]),
        ("Seit der Empfehlung klettert das Kursplus seit Mai auf über 60 Prozent.", [("60 Prozent", "up")]),
        ("Die Inflation stieg seit Mai auf drei Prozent.", [("drei Prozent", None)]),
    ],
)
def test_more_words_of_a_move(body: str, expected: list[tuple[str, str | None]]) -> None:
    assert moves(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The retailer expects Y6.20 billion in profit on sales of Y310.5 billion.", [(6.2e9, "JPY"), (310.5e9, "JPY")]),
        ("The Y2K scare and the Y3 tractor.", []),
    ],
)
def test_yen_written_with_a_y(body: str, expected: list[tuple[float, str]]) -> None:
    assert [(round(f.value), f.currency) for f in figures(body) if f.kind == "money"] == [
        (round(v), c) for v, c in expected]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a portal's quote inserted after the name, inside the sentence
        ("FRANKFURT - Die Papiere von Hapag-Lloyd -3,40% haben vorbörslich nachgegeben.", []),
        # Dow Jones' German copy gives the day's move in prose, code and comma first
        ("Die Aktie der Baloise (BALN, +1,4%) war gesucht.", [("+1,4%", "up")]),
        # doubled spaces before the unit
        ("Die Titel fallen um 0,35  Prozent.", [("0,35  Prozent", "down")]),
        ("Eine Stunde nach Handelsbeginn verlieren die Aktien des Versorgers aus Essen 1,2 Prozent.",
         [("1,2 Prozent", "down")]),
        ("Higher costs knocked 15 percent off the shares.", [("15 percent", "down")]),
        # a list's verb left out, after a move restated in pence and its new level
        ("Unilever fell by 3 per cent, or 120p, to 3,900p and shares in Diageo by 2 per cent, or 60p, "
         "to 2,950p.", [("3 per cent", "down"), ("2 per cent", "down")]),
        ("Roche, Novartis and Nestle gained 1 to 1.4%.", [("1 to 1.4%", "up")]),
        ("Die Gewinne sollen um 7,5 statt 6 Prozent zugelegt haben.", [("7,5", "up"), ("6 Prozent", "up")]),
    ],
)
def test_quotes_inside_sentences_and_more_list_forms(body: str, expected: list[tuple[str, str | None]]) -> None:
    assert moves(body) == expected


def test_cents_in_german_words_and_pence_restating_a_move() -> None:
    assert [(f.value, f.currency) for f in figures("Bis zum Hoch fehlten nur noch fünf Cent.")
            if f.kind == "money"] == [(0.05, "EUR")]
    assert [f.text for f in figures("Tesco fell 2.1 per cent, or 6p, to 280p.") if f.kind == "money"] == [
        "6p", "280p"]


def test_a_multiple_counted_in_german_words() -> None:
    assert [(f.text, f.value) for f in figures("Der Konzern gewann fast zehn Mal so viele Kunden wie erwartet.")
            if f.kind == "multiple"] == [("zehn Mal", 10.0)]
    assert [f for f in figures("Einmal so, einmal anders.") if f.kind == "multiple"] == []


def test_a_studys_publication_date_is_no_figure() -> None:
    body = "Die Analysten bestätigen ihr Kursziel. Veröffentlichung der Original-Studie: 16.09.2025 / 21:23 / GMT"
    assert [f for f in figures(body) if f.kind == "date"] == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Das Jahresminus beim Leitindex summiert sich inzwischen auf über 11 Prozent.", [("11 Prozent", "down")]),
        ("Insgesamt beläuft sich das Minus seit Anfang der Woche auf 3,1 Prozent.", [("3,1 Prozent", "down")]),
        ("Die Marge beläuft sich auf 9 Prozent.", [("9 Prozent", None)]),
        ("Miners climbed between two and 2.9 per cent.", [("between two and 2.9 per cent", "up")]),
        # a portal's instrument code set into the sentence
        ("So stiegen die Papiere des Maschinenbauers Nordwerk (105:NRDW) um 4,4 Prozent.", [("4,4 Prozent", "up")]),
    ],
)
def test_sums_ranges_in_words_and_codes_set_in(body: str, expected: list[tuple[str, str | None]]) -> None:
    assert moves(body) == expected


def test_pence_to_the_quarter() -> None:
    found = figures("Greene King fell 7½p to 418¾p, and Mitie added 1¼p.")
    assert [(f.text, round(f.value, 4), f.currency) for f in found if f.kind == "money"] == [
        ("7½p", 0.075, "GBP"), ("418¾p", 4.1875, "GBP"), ("1¼p", 0.0125, "GBP")]


def test_swiss_grouping_and_decimal_points() -> None:
    body = ("Lonza (+ 1.15 Prozent auf 512.40 CHF) und Givaudan (+ 0.8 Prozent auf 3’412.00 CHF) stiegen. "
            "Der Börsenwert beträgt 1.204 Bio. Euro, Nestlé kommt auf 221.560 Mrd. Euro.")
    assert [(f.text, f.value) for f in figures(body) if f.kind == "money"] == [
        ("512.40 CHF", 512.4), ("3’412.00 CHF", 3412.0), ("1.204 Bio. Euro", 1.204e12),
        ("221.560 Mrd. Euro", 221.56e9)]
    # German grouping where the text's decimals are commas
    assert [f.value for f in figures("Der Umsatz stieg um 2,5 Prozent auf 1.250 Mio. Euro.")
            if f.kind == "money"] == [1.25e9]
    assert [f.value for f in figures("Der Index stand bei 12'544,1 Punkten, Roche bei 1'074 Franken.")
            if f.kind == "money"] == [1074.0]
