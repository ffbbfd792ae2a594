"""Periods and dates of real publishers' text the second held-out evaluation read wrongly
(issue 9): chart lines and points in time that are no periods, windows that are, German
span adjectives, wire furniture, and weekdays named relative to publication.

Every sentence is our own; expected values were written before running the extractor.
The publication day of these tests is Tuesday 10 March 2026 (see test_figures_real_text).
"""

from __future__ import annotations

import pytest

from tests.unit.test_figures_real_text import MARCH, figures


def periods(body: str) -> list[tuple[str, object]]:
    return [(f.text, f.value) for f in figures(body) if f.kind == "period"]


@pytest.mark.parametrize(
    "body",
    [
        "Der Kurs fiel unter die 38-Tage-Linie und die 100-Tage-Linie.",
        "Costs in the prior year were lower.",
        "Revenue for the previous year was flat.",
        "For the 2026 year the bank sees growth.",
        "A year ago the picture was different.",
        "Vor einer Woche sah es noch anders aus.",
        "Die Vierjährige spielte im Garten.",  # a noun, not a span
    ],
)
def test_no_period(body: str) -> None:
    assert periods(body) == []


@pytest.mark.parametrize(
    ("body", "text", "value"),
    [
        ("Der Kurs steigt seit neun Monaten.", "neun Monaten", "P9M"),
        ("Seit einer Woche fällt der Kurs.", "einer Woche", "P1W"),
        ("It was the largest quarterly loss in 4 years.", "in 4 years", "P4Y"),
        ("Es gab eine fünfmonatige Verzögerung.", "fünfmonatige", "P5M"),
        ("Die zweijährige Frist läuft ab.", "zweijährige", "P2Y"),
        ("Ein dreiwöchiger Streik legte das Werk lahm.", "dreiwöchiger", "P3W"),
        ("Der Index stieg über 45 Handelstage.", "über 45 Handelstage", "P45D"),
    ],
)
def test_windows(body: str, text: str, value: str) -> None:
    assert periods(body) == [(text, value)]


def test_bond_tenor_adjective_is_no_period() -> None:
    assert periods("Die 10-jährige Anleihe rentiert höher.") == []


@pytest.mark.parametrize(
    "body",
    [
        "MÜNCHEN, 4. März (dpa-AFX) - Die Aktie gewann.",
        "CHICAGO, March 4 (Reuters) - Shares rose.",
        "(END) Dow Jones Newswires\n\nMarch 4, 2026 09:12 ET",
        "(END) Dow Jones Newswires March 4, 2026 09:12 ET",
    ],
)
def test_wire_furniture_has_no_date(body: str) -> None:
    assert [f for f in figures(body) if f.kind == "date"] == []


@pytest.mark.parametrize(
    ("body", "text", "value"),
    [
        ("The vote is set for next Tuesday.", "next Tuesday", "2026-03-17"),
        ("Next Thursday the fund closes.", "Next Thursday", "2026-03-12"),
        ("Die Hauptversammlung ist am kommenden Montag.", "kommenden Montag", "2026-03-16"),
        ("Ab diesem Samstag gilt der neue Tarif.", "diesem Samstag", "2026-03-14"),
    ],
)
def test_weekdays_relative_to_publication(body: str, text: str, value: str) -> None:
    assert MARCH is not None and MARCH.date().isoformat() == "2026-03-10"
    assert [(f.kind, f.text, f.value) for f in figures(body)] == [("date", text, value)]


@pytest.mark.parametrize(
    "body",
    [
        "Shares fell on Wednesday.",  # a bare weekday may look back
        "Am Freitag schloss der Kurs höher.",
        "This Monday the shares fell.",  # "this" may name a day already past
        "An diesem Montag fiel der Kurs.",
        "The one-day strike ended.",  # "day" of a span, not a weekday
    ],
)
def test_bare_weekday_is_no_date(body: str) -> None:
    assert [f for f in figures(body) if f.kind == "date"] == []


@pytest.mark.parametrize(
    ("body", "unit"),
    [
        ("The yield rose 15 basis points.", "bp"),
        ("Die Rendite stieg um 12 Basispunkte.", "bp"),
    ],
)
def test_basis_points_stay_percent_figures(body: str, unit: str) -> None:
    [figure] = figures(body)
    assert (figure.kind, figure.unit) == ("percent", unit)


def test_a_bylines_date_without_by_is_page_furniture() -> None:
    # The author's name, then the date of writing at the end of its line: no key figure.
    body = "Nebenwerte\nAndrea Berger 10.03.2026 - 14:05 Uhr\nAb dem 20. März greifen die Änderungen."
    assert [f.text for f in figures(body)] == ["20. März"]


def test_a_coming_date_after_a_company_name_is_kept() -> None:
    body = "Termine:\nDeutsche Bank 25.04.2026\nAllianz 06.05.2026\n"
    assert [f.value for f in figures(body)] == ["2026-04-25", "2026-05-06"]
