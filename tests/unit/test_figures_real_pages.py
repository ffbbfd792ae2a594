"""Page furniture and spans in the forms real publishers write them (issue 9): dates of
bylines, update lines, photo captions and stamps, ticker strips and quote widgets, and
spans that are only the base of a comparison (a two-year low, the highest level in
three years, a bond's tenor) rather than periods.

Every sentence is our own, built to reproduce a structure seen in real market news;
the expected values were written before the extractor was run on them.
"""

from __future__ import annotations

import pytest

from tests.unit.test_figures_real_text import figures


@pytest.mark.parametrize(
    "body",
    [
        "The shares sank to a three-year low.",
        "The stock touched a 52-week high on Monday.",
        "The 52-week closing low came in March.",
        "Die Aktie markierte ein 52-Wochen-Hoch.",
        "It was the steepest fall in a single day since the crash.",
        "Es war der größte Verlust an einem Tag.",
        "Die Rendite stand so hoch wie seit sieben Jahren nicht mehr.",
    ],
)
def test_comparison_bases_are_no_periods(body: str) -> None:
    assert [f for f in figures(body) if f.kind == "period"] == []


@pytest.mark.parametrize(
    ("body", "value"),
    [
        ("Sie ist seit drei Jahren Finanzchefin des Konzerns.", "P3Y"),
        ("Er ist erst seit zwei Jahren im Amt.", "P2Y"),
        ("The group will invest the sum over the next four years.", "P4Y"),
        ("Die Aktie stieg in den letzten drei Jahren kräftig.", "P3Y"),
        ("The lease has a five-year term.", "P5Y"),
        ("Der Vertrag läuft für 2 Jahre.", "P2Y"),
        ("The best result came over the next three years.", "P3Y"),
    ],
)
def test_spans_stay_periods(body: str, value: str) -> None:
    assert [f.value for f in figures(body) if f.kind == "period"] == [value]


@pytest.mark.parametrize(
    "body",
    [
        "The plant will close.\n(Photo by Jane Roe/Getty Images) March 12, 2019",
        "Last update: Sep 17, 2025\nThe plant will close.",
        "Aktualisiert am 12.03.2025\nDas Werk schließt.",
        "Published Tue, Mar 12 2019 9:31 AM EDT\nThe plant will close.",
        "By Jane Roe and John Doe - Dec 16, 2025\nThe plant will close.",
        "The plant will close.\n\nMarch 12, 2019 10:15 AM ET",
        "Stand: 05.03.2025, 14:12 Uhr\nDas Werk schließt.",
    ],
)
def test_furniture_dates_are_no_figures(body: str) -> None:
    assert [f for f in figures(body) if f.kind == "date"] == []


@pytest.mark.parametrize(
    ("body", "value"),
    [
        ("The deal was published on March 12, 2019 in the register.", "2019-03-12"),
        ("By March 31, 2026 the plant will close.", "2026-03-31"),
        ("March 12, 2019 was the day the plant closed.", "2019-03-12"),
        ("The regulator updated its rules on 12.03.2025, the company said.", "2025-03-12"),
    ],
)
def test_dates_in_sentences_stay(body: str, value: str) -> None:
    assert [f.value for f in figures(body) if f.kind == "date"] == [value]


@pytest.mark.parametrize(
    "body",
    [
        "DAX +0,57 % MDAX -0,12 % TecDAX +1,02 %",
        "DAX\n+0,57 %\nMDAX\n-0,12 %",
        "DAX 18.512,30 +0,57 % MDAX 27.100,00 -0,12 % TecDAX 3.400,10 +1,02 %",
        "Dow Jones -1,2 % | S&P 500 -0,8 % | Nasdaq -1,5 %",
        "The index fell (^GSPC -2.71%) on Monday.",
        "American Express (AXP 10.54%) rose after the report.",
    ],
)
def test_ticker_strips_and_widgets_are_no_figures(body: str) -> None:
    assert [f for f in figures(body) if f.kind == "percent"] == []


@pytest.mark.parametrize(
    "body",
    [
        "Der DAX +1,2 % im Wochenvergleich war das beste Ergebnis.",
        "Der DAX stieg auf 18.512 Punkte, +0,57 % zum Vortag.",
        "Apple +2%, Microsoft -1% in early trade.",
        "EPS +12% year on year.",
    ],
)
def test_signed_percentages_in_prose_stay(body: str) -> None:
    assert [f for f in figures(body) if f.kind == "percent"] != []


@pytest.mark.parametrize(
    "body",
    [
        "The index posted its biggest one-day drop since the spring.",
        "It was the largest single-day gain since the spring.",
        "Shares reached a new 52 week high of $351.72 on Friday.",
    ],
)
def test_record_measures_are_no_periods(body: str) -> None:
    assert [f for f in figures(body) if f.kind == "period"] == []


def test_a_one_day_strike_lasts_a_day() -> None:
    assert [f.value for f in figures("The union called a one-day strike.")
            if f.kind == "period"] == ["P1D"]


@pytest.mark.parametrize(
    "body",
    [
        "The exchange floor in New York on Sept. 16, 2024.\nJane Roe | Bloomberg | Getty Images"
        "\n\nThe index climbed on Friday.",
        "Der Börsensaal in Frankfurt am 3. März 2025.\nFoto: dpa\nDer Dax stieg.",
        "Friday, 20 Sep 2013 | 3:32 PM ET\nThe index rose.",
    ],
)
def test_caption_and_stamp_dates_are_no_figures(body: str) -> None:
    assert [f for f in figures(body) if f.kind == "date"] == []


def test_a_date_in_a_sentence_before_a_pipe_line_stays() -> None:
    body = "The company said on Sept. 16, 2024 it would close.\nSales | APAC region | 2025"
    assert [f.value for f in figures(body) if f.kind == "date"] == ["2024-09-16"]


@pytest.mark.parametrize(
    ("body", "periods"),
    [
        ("The 10-year Treasury yield rose to 4.24%.", []),
        ("Two-year notes yielded 4.1%.", []),
        ("The bank signed a three-year loan.", ["P3Y"]),
    ],
)
def test_bond_tenors_are_names(body: str, periods: list[str]) -> None:
    assert [f.value for f in figures(body) if f.kind == "period"] == periods


@pytest.mark.parametrize(
    ("body", "value"),
    [
        ("Die Holding hat in den ersten neun Monaten Verlust gemacht.", "P9M"),
        ("Sales rose in the first six months.", "P6M"),
    ],
)
def test_first_months_are_a_span(body: str, value: str) -> None:
    assert [f.value for f in figures(body) if f.kind == "period"] == [value]


@pytest.mark.parametrize(
    "body",
    [
        "Die Aktie notiert unter der 200-Tage-Linie.",
        "Its 52-week range is wide.",
    ],
)
def test_technical_measures_are_no_periods(body: str) -> None:
    assert [f for f in figures(body) if f.kind == "period"] == []


@pytest.mark.parametrize(
    "body",
    ["Mar 12, 2019 / 9:31 AM\nThe plant will close.", "12.03.2025 | 14:30 Uhr\nDas Werk schließt.",
     "Einleitung.\n24.03.2024 10:50 130 mal gelesen\nDas Werk schließt."],
)
def test_stamp_lines_with_a_time_are_furniture(body: str) -> None:
    assert [f for f in figures(body) if f.kind == "date"] == []


@pytest.mark.parametrize(
    ("body", "value"),
    [
        ("The stock trades at a premium to its five-year average.", "P5Y"),
        ("The index slipped under its 200-day moving average.", "P200D"),
    ],
)
def test_averages_cover_their_span(body: str, value: str) -> None:
    assert [f.value for f in figures(body) if f.kind == "period"] == [value]


@pytest.mark.parametrize(
    "body",
    [
        "The biggest bank in the US will cut 5,000 jobs in three years.",
        "The largest lender in Europe plans to grow in three years.",
    ],
)
def test_a_superlative_far_from_the_span_leaves_it_a_period(body: str) -> None:
    assert [f.value for f in figures(body) if f.kind == "period"] == ["P3Y"]


def test_a_date_with_a_time_inside_a_sentence_stays() -> None:
    body = "Die Hauptversammlung findet am 12.03.2025 um 10:00 Uhr statt."
    assert [f.value for f in figures(body) if f.kind == "date"] == ["2025-03-12"]
