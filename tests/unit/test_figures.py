"""Key-figure extraction: exact values, spans and attributes for every kind, and the
things that must never become figures."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta, timezone

import pytest

from tui_reader.extract.figures import find_figures
from tui_reader.model import KeyFigure

PUBLISHED = datetime(2026, 11, 3, 7, 15, 42, tzinfo=timezone(timedelta(hours=1)))

WORKED_EXAMPLE = """\
Nordlicht Energie AG will invest more than €4.2 billion (about $4.9 billion) in two
North Sea wind parks by 2030. Revenue rose 18.5% to €3.1 billion in the third quarter,
while the operating margin narrowed by 1.2 percentage points to 9.8%.

Financing and Timeline

The company plans to raise up to €800 million in new shares. The shares fell 6.3%
in Frankfurt after the announcement and have lost 21% over the past twelve months.
The full-year report is due on March 12, 2027; management expects to double
installed capacity within five years."""


def figures(body: str, published: datetime | None = PUBLISHED) -> list[KeyFigure]:
    found = find_figures(body, published)
    for figure in found:
        assert body[figure.start:figure.end] == figure.text
    return found


def only(body: str, published: datetime | None = PUBLISHED) -> KeyFigure:
    found = figures(body, published)
    assert len(found) == 1, [f.text for f in found]
    return found[0]


def summary(found: list[KeyFigure]) -> list[tuple[object, ...]]:
    return [(f.kind, f.text, f.value, f.currency, f.qualifier, f.unit, f.direction, f.high)
            for f in found]


def test_worked_example_yields_every_listed_figure_and_nothing_else() -> None:
    assert summary(figures(WORKED_EXAMPLE)) == [
        ("money", "€4.2 billion", 4.2e9, "EUR", "more_than", None, None, None),
        ("money", "$4.9 billion", 4.9e9, "USD", "approx", None, None, None),
        ("percent", "18.5%", 18.5, None, None, "%", "up", None),
        ("money", "€3.1 billion", 3.1e9, "EUR", None, None, None, None),
        ("percent", "1.2 percentage points", 1.2, None, None, "pp", "down", None),
        ("percent", "9.8%", 9.8, None, None, "%", None, None),
        ("money", "€800 million", 8e8, "EUR", "up_to", None, None, None),
        ("percent", "6.3%", 6.3, None, None, "%", "down", None),
        ("percent", "21%", 21.0, None, None, "%", "down", None),
        ("period", "over the past twelve months", "P12M", None, None, None, None, None),
        ("date", "March 12, 2027", "2027-03-12", None, None, None, None, None),
        ("multiple", "double", 2.0, None, None, None, None, None),
        ("period", "within five years", "P5Y", None, None, None, None, None),
    ]


def test_worked_example_contexts_are_whole_sentences() -> None:
    found = figures(WORKED_EXAMPLE)
    assert found[0].context == (
        "Nordlicht Energie AG will invest more than €4.2 billion (about $4.9 billion) in two "
        "North Sea wind parks by 2030.")
    assert found[6].context == "The company plans to raise up to €800 million in new shares."
    assert found[10].context.startswith("The full-year report is due on March 12, 2027;")
    assert "Financing" not in found[6].context


def test_spans_are_sorted_and_disjoint() -> None:
    found = figures(WORKED_EXAMPLE)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_to_json_matches_the_contract_shape() -> None:
    money = figures(WORKED_EXAMPLE)[0].to_json()
    assert money["kind"] == "money" and money["currency"] == "EUR"
    assert money["qualifier"] == "more_than" and money["value"] == 4.2e9


@pytest.mark.parametrize(
    ("body", "text", "value", "currency"),
    [
        ("It paid $4.2b for it.", "$4.2b", 4.2e9, "USD"),
        ("It paid US$4.9 billion.", "US$4.9 billion", 4.9e9, "USD"),
        ("A USD 4.9 billion deal.", "USD 4.9 billion", 4.9e9, "USD"),
        ("Sales hit €3.1bn.", "€3.1bn", 3.1e9, "EUR"),
        ("Sales hit EUR 3.1 mln.", "EUR 3.1 mln", 3.1e6, "EUR"),
        ("A £250m deal.", "£250m", 2.5e8, "GBP"),
        ("It earned GBP 12 million.", "GBP 12 million", 1.2e7, "GBP"),
        ("It earned ¥500 billion.", "¥500 billion", 5e11, "JPY"),
        ("It earned ¥500 billion yuan.", "¥500 billion yuan", 5e11, "CNY"),
        ("It earned HK$12.5bn.", "HK$12.5bn", 1.25e10, "HKD"),
        ("It earned HKD 3 billion.", "HKD 3 billion", 3e9, "HKD"),
        ("It earned CHF 800 million.", "CHF 800 million", 8e8, "CHF"),
        ("It earned C$2 billion.", "C$2 billion", 2e9, "CAD"),
        ("It earned A$2 billion.", "A$2 billion", 2e9, "AUD"),
        ("Revenue of 380 billion yuan.", "380 billion yuan", 3.8e11, "CNY"),
        ("Revenue of 380 billion RMB.", "380 billion RMB", 3.8e11, "CNY"),
        ("Revenue of 380 billion renminbi.", "380 billion renminbi", 3.8e11, "CNY"),
        ("Revenue of CNY 5 billion.", "CNY 5 billion", 5e9, "CNY"),
        ("Revenue of 4.2 billion euros.", "4.2 billion euros", 4.2e9, "EUR"),
        ("Revenue of 2 billion dollars.", "2 billion dollars", 2e9, "USD"),
        ("Revenue of 2 billion pounds.", "2 billion pounds", 2e9, "GBP"),
        ("Revenue of 90 billion yen.", "90 billion yen", 9e10, "JPY"),
        ("Revenue of 3 billion Swiss francs.", "3 billion Swiss francs", 3e9, "CHF"),
        ("Revenue of 79 trillion won.", "79 trillion won", 7.9e13, "KRW"),
        ("Revenue of 500 billion rupees.", "500 billion rupees", 5e11, "INR"),
        ("Revenue of 8 billion Hong Kong dollars.", "8 billion Hong Kong dollars", 8e9, "HKD"),
        ("Revenue of 40 billion kronor.", "40 billion kronor", 4e10, "SEK"),
        ("It raised $500k.", "$500k", 5e5, "USD"),
        ("It raised $5 thousand.", "$5 thousand", 5e3, "USD"),
        ("Debt of $1.2tn.", "$1.2tn", 1.2e12, "USD"),
        ("Debt of $1,234.5 million.", "$1,234.5 million", 1.2345e9, "USD"),
        ("Debt of $1,234 million.", "$1,234 million", 1.234e9, "USD"),
        ("A dividend of $1.25 per share.", "$1.25", 1.25, "USD"),
    ],
)
def test_money_amounts(body: str, text: str, value: float, currency: str) -> None:
    figure = only(body)
    assert (figure.kind, figure.text, figure.currency) == ("money", text, currency)
    assert figure.value == pytest.approx(value)
    assert figure.start == body.index(text)


@pytest.mark.parametrize(
    ("body", "text", "value", "currency"),
    [
        ("Umsatz von 4,2 Mrd. Euro.", "4,2 Mrd. Euro", 4.2e9, "EUR"),
        ("Umsatz von 1.234,5 Mio. Euro.", "1.234,5 Mio. Euro", 1.2345e9, "EUR"),
        ("Umsatz von 1.234 Mio. Euro.", "1.234 Mio. Euro", 1.234e9, "EUR"),
        ("Umsatz von 3,5 Milliarden Euro.", "3,5 Milliarden Euro", 3.5e9, "EUR"),
        ("Umsatz von 12 Millionen Dollar.", "12 Millionen Dollar", 1.2e7, "USD"),
        ("Ein Preis von 4,20 €.", "4,20 €", 4.2, "EUR"),
        ("Kosten von 2 Billionen Euro.", "2 Billionen Euro", 2e12, "EUR"),
    ],
)
def test_german_money(body: str, text: str, value: float, currency: str) -> None:
    figure = only(body)
    assert (figure.text, figure.currency) == (text, currency)
    assert figure.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("body", "qualifier"),
    [
        ("It spent about $5 billion.", "approx"),
        ("It spent around $5 billion.", "approx"),
        ("It spent roughly $5 billion.", "approx"),
        ("It spent nearly $5 billion.", "approx"),
        ("It spent some $5 billion.", "approx"),
        ("It spent approximately $5 billion.", "approx"),
        ("It spent ~$5 billion.", "approx"),
        ("Es gab rund 5 Mrd. Euro aus.", "approx"),
        ("Es gab etwa 5 Mrd. Euro aus.", "approx"),
        ("It spent circa $5 billion.", "approx"),
        ("It spent more than $5 billion.", "more_than"),
        ("It spent over $5 billion.", "more_than"),
        ("It spent above $5 billion.", "more_than"),
        ("It spent in excess of $5 billion.", "more_than"),
        ("Es gab mehr als 5 Mrd. Euro aus.", "more_than"),
        ("Es gab über 5 Mrd. Euro aus.", "more_than"),
        ("It spent less than $5 billion.", "less_than"),
        ("It spent under $5 billion.", "less_than"),
        ("It spent below $5 billion.", "less_than"),
        ("Es gab weniger als 5 Mrd. Euro aus.", "less_than"),
        ("It may spend up to $5 billion.", "up_to"),
        ("It may spend as much as $5 billion.", "up_to"),
        ("Es gibt bis zu 5 Mrd. Euro aus.", "up_to"),
        ("It spent $5 billion.", None),
    ],
)
def test_money_qualifiers(body: str, qualifier: str | None) -> None:
    figure = only(body)
    assert figure.kind == "money" and figure.value == 5e9
    assert figure.qualifier == qualifier


def test_amount_in_parentheses_is_its_own_approximate_figure() -> None:
    found = figures("It spent €4.2 billion (about $4.9 billion) on it.")
    assert [(f.text, f.qualifier) for f in found] == [("€4.2 billion", None),
                                                      ("$4.9 billion", "approx")]


@pytest.mark.parametrize(
    ("body", "text", "low", "high", "currency"),
    [
        ("It guided for between $2 billion and $2.5 billion this year.",
         "between $2 billion and $2.5 billion", 2e9, 2.5e9, "USD"),
        ("It guided for $2-2.5 billion.", "$2-2.5 billion", 2e9, 2.5e9, "USD"),
        ("It guided for €1.1 to €1.3 billion.", "€1.1 to €1.3 billion", 1.1e9, 1.3e9, "EUR"),
        ("It guided for $500 million to $1.2 billion.", "$500 million to $1.2 billion",
         5e8, 1.2e9, "USD"),
        ("Man erwartet 4-5 Mrd. Euro.", "4-5 Mrd. Euro", 4e9, 5e9, "EUR"),
        ("Man erwartet zwischen 4 und 5 Mrd. Euro.", "zwischen 4 und 5 Mrd. Euro", 4e9, 5e9,
         "EUR"),
    ],
)
def test_money_ranges(body: str, text: str, low: float, high: float, currency: str) -> None:
    figure = only(body)
    assert (figure.text, figure.currency) == (text, currency)
    assert figure.value == pytest.approx(low) and figure.high == pytest.approx(high)


def test_a_change_from_one_amount_to_another_is_two_figures() -> None:
    found = figures("Sales rose from $1 billion to $2 billion.")
    assert [(f.text, f.high) for f in found] == [("$1 billion", None), ("$2 billion", None)]
    found = figures("Sales were $5 billion and costs $3 billion.")
    assert [f.text for f in found] == ["$5 billion", "$3 billion"]


@pytest.mark.parametrize(
    ("body", "text", "value", "unit", "direction"),
    [
        ("Revenue rose 18.5% to a record.", "18.5%", 18.5, "%", "up"),
        ("Shares gained 3 percent.", "3 percent", 3.0, "%", "up"),
        ("Shares jumped 3 per cent.", "3 per cent", 3.0, "%", "up"),
        ("Shares climbed 3%.", "3%", 3.0, "%", "up"),
        ("Shares surged 3%.", "3%", 3.0, "%", "up"),
        ("Sales increased 3%.", "3%", 3.0, "%", "up"),
        ("Shares advanced 3%.", "3%", 3.0, "%", "up"),
        ("Shares rallied 3%.", "3%", 3.0, "%", "up"),
        ("Sales grew 3%.", "3%", 3.0, "%", "up"),
        ("Shares were up 3% on the day.", "3%", 3.0, "%", "up"),
        ("Shares closed 3% higher.", "3%", 3.0, "%", "up"),
        ("It posted a gain of 3%.", "3%", 3.0, "%", "up"),
        ("Shares: +3%.", "+3%", 3.0, "%", "up"),
        ("The shares fell 6.3% in Frankfurt.", "6.3%", 6.3, "%", "down"),
        ("Shares dropped 6.3%.", "6.3%", 6.3, "%", "down"),
        ("Sales declined 6.3%.", "6.3%", 6.3, "%", "down"),
        ("Shares slipped 6.3%.", "6.3%", 6.3, "%", "down"),
        ("Shares lost 6.3%.", "6.3%", 6.3, "%", "down"),
        ("Shares retreated 6.3%.", "6.3%", 6.3, "%", "down"),
        ("Shares slid 6.3%.", "6.3%", 6.3, "%", "down"),
        ("Shares tumbled 6.3%.", "6.3%", 6.3, "%", "down"),
        ("Shares plunged 6.3%.", "6.3%", 6.3, "%", "down"),
        ("Shares were down 6.3% on Monday.", "6.3%", 6.3, "%", "down"),
        ("Shares closed 6.3% lower.", "6.3%", 6.3, "%", "down"),
        ("Sales decreased 6.3%.", "6.3%", 6.3, "%", "down"),
        ("It posted a loss of 6.3%.", "6.3%", 6.3, "%", "down"),
        ("Shares: −6.3%.", "−6.3%", 6.3, "%", "down"),
        ("Shares: -6.3%.", "-6.3%", 6.3, "%", "down"),
        ("The margin narrowed by 1.2 percentage points.", "1.2 percentage points", 1.2, "pp",
         "down"),
        ("The margin changed −1.2 percentage points.", "−1.2 percentage points", 1.2, "pp",
         "down"),
        ("The margin widened 30 bps.", "30 bps", 30.0, "bp", "up"),
        ("The Fed cut rates by 25 basis points.", "25 basis points", 25.0, "bp", "down"),
        ("The spread is 40bp.", "40bp", 40.0, "bp", None),
        ("The margin gained 2pp.", "2pp", 2.0, "pp", "up"),
        ("A stake of 9.8%.", "9.8%", 9.8, "%", None),
        ("Die Aktie ist um 12,3 Prozent gestiegen.", "12,3 Prozent", 12.3, "%", "up"),
        ("Die Aktie hat 4,5 Prozent verloren.", "4,5 Prozent", 4.5, "%", "down"),
        ("Ein Plus von 2,5 Prozent.", "2,5 Prozent", 2.5, "%", "up"),
        ("Ein Minus von 2,5 Prozent.", "2,5 Prozent", 2.5, "%", "down"),
        ("Die Marge sank um 1,5 Prozentpunkte.", "1,5 Prozentpunkte", 1.5, "pp", "down"),
        ("Ein Anteil von 18,5 %.", "18,5 %", 18.5, "%", None),
    ],
)
def test_percentages(body: str, text: str, value: float, unit: str,
                     direction: str | None) -> None:
    figure = only(body)
    assert (figure.kind, figure.text, figure.unit, figure.direction) == (
        "percent", text, unit, direction)
    assert figure.value == pytest.approx(value)


def test_direction_comes_from_the_figures_own_clause() -> None:
    found = figures("Sales rose 5%, while costs fell 3%.")
    assert [(f.text, f.direction) for f in found] == [("5%", "up"), ("3%", "down")]
    found = figures("Revenue rose 18.5% to €3.1 billion, while the margin narrowed by "
                    "1.2 percentage points to 9.8%.")
    assert [f.direction for f in found if f.kind == "percent"] == ["up", "down", None]


def test_up_to_is_a_limit_not_a_rise() -> None:
    figure = only("The stake could reach up to 5%.")
    assert (figure.qualifier, figure.direction) == ("up_to", None)


@pytest.mark.parametrize(
    ("body", "text", "low", "high"),
    [
        ("Growth of between 5% and 7% is expected.", "between 5% and 7%", 5.0, 7.0),
        ("Growth of 5-7% is expected.", "5-7%", 5.0, 7.0),
        ("Growth of 5 to 7 percent is expected.", "5 to 7 percent", 5.0, 7.0),
        ("Growth of 5% to 7% is expected.", "5% to 7%", 5.0, 7.0),
    ],
)
def test_percent_ranges(body: str, text: str, low: float, high: float) -> None:
    figure = only(body)
    assert (figure.text, figure.value, figure.high) == (text, low, high)


def test_percent_change_and_mixed_units_are_not_ranges() -> None:
    assert [f.text for f in figures("Its margin rose from 5% to 7%.")] == ["5%", "7%"]
    found = figures("It narrowed by 1.2 percentage points to 9.8%.")
    assert [(f.text, f.unit) for f in found] == [("1.2 percentage points", "pp"),
                                                 ("9.8%", "%")]


@pytest.mark.parametrize(
    ("body", "text", "value"),
    [
        ("Results come on February 19, 2026.", "February 19, 2026", "2026-02-19"),
        ("Results come on 19 February 2026.", "19 February 2026", "2026-02-19"),
        ("Results come on Feb. 19, 2027.", "Feb. 19, 2027", "2027-02-19"),
        ("Results come on March 12, 2027.", "March 12, 2027", "2027-03-12"),
        ("Results come on 2026-02-19.", "2026-02-19", "2026-02-19"),
        ("Ergebnisse am 19.02.2026.", "19.02.2026", "2026-02-19"),
        ("Ergebnisse am 12. März 2026.", "12. März 2026", "2026-03-12"),
        ("Results come on Thursday, February 19, 2026.", "Thursday, February 19, 2026",
         "2026-02-19"),
        ("Results come on the 3rd of March 2026.", "3rd of March 2026", "2026-03-03"),
    ],
)
def test_dates(body: str, text: str, value: str) -> None:
    figure = only(body)
    assert (figure.kind, figure.text, figure.value) == ("date", text, value)


def test_dates_without_a_year_resolve_against_publication() -> None:
    published = datetime(2026, 1, 29, 22, 41, tzinfo=UTC)
    assert only("Results come on Feb. 19.", published).value == "2026-02-19"
    assert only("Results come on Thursday, February 19.", published).text == (
        "Thursday, February 19")
    assert only("It said on January 27 that sales fell.", published).value == "2026-01-27"
    assert only("Results come on December 1.", published).value == "2026-12-01"


def test_year_less_dates_roll_over_new_year() -> None:
    published = datetime(2025, 12, 20, tzinfo=UTC)
    assert only("The deal closes on January 5.", published).value == "2026-01-05"
    assert only("The deal closes on 5 January.", published).value == "2026-01-05"


def test_year_less_dates_are_skipped_without_a_publication_time() -> None:
    assert figures("The deal closes on January 5.", None) == []
    assert only("The deal closes on January 5, 2026.", None).value == "2026-01-05"


def test_impossible_dates_are_skipped() -> None:
    assert figures("On February 30, 2026 and on 31.04.2026.") == []


@pytest.mark.parametrize(
    ("body", "text", "value"),
    [
        ("Output grew tenfold.", "tenfold", 10.0),
        ("Output grew twofold.", "twofold", 2.0),
        ("Output grew 10-fold.", "10-fold", 10.0),
        ("It aims to double capacity.", "double", 2.0),
        ("It doubled capacity.", "doubled", 2.0),
        ("It is doubling capacity.", "doubling", 2.0),
        ("It tripled capacity.", "tripled", 3.0),
        ("It plans to quadruple capacity.", "quadruple", 4.0),
        ("It halved its debt.", "halved", 0.5),
        ("It trades at 3x sales.", "3x", 3.0),
        ("It trades at 3.5x sales.", "3.5x", 3.5),
        ("The market is three times as large.", "three times", 3.0),
        ("Sales could grow three times by then.", "three times", 3.0),
        ("Sales are 2.5 times higher.", "2.5 times", 2.5),
        ("Der Konzern will den Umsatz verdoppeln.", "verdoppeln", 2.0),
        ("Der Gewinn hat sich verdreifacht.", "verdreifacht", 3.0),
    ],
)
def test_multiples(body: str, text: str, value: float) -> None:
    figure = only(body)
    assert (figure.kind, figure.text, figure.value) == ("multiple", text, value)


@pytest.mark.parametrize(
    "body",
    ["It posted double-digit growth.", "Growth in double digits.",
     "The board met three times a year.", "Sometimes it works."],
)
def test_words_that_multiply_nothing(body: str) -> None:
    assert figures(body) == []


@pytest.mark.parametrize(
    ("body", "text", "value"),
    [
        ("It will invest over the next three years.", "over the next three years", "P3Y"),
        ("It expects a profit within five years.", "within five years", "P5Y"),
        ("A 12-month target.", "12-month", "P12M"),
        ("It has risen for twelve months.", "for twelve months", "P12M"),
        ("It rose over the past seven trading days.", "over the past seven trading days",
         "P7D"),
        ("The trial runs a 52-week course.", "52-week", "P52W"),
        ("A plan for the next twenty-four months.", "for the next twenty-four months", "P24M"),
        ("A plan over the next 2 quarters.", "over the next 2 quarters", "P6M"),
        ("A five-year plan.", "five-year", "P5Y"),
        ("A plan for the coming decade, over 1.5 years.", "over 1.5 years", "P1.5Y"),
        ("Ziel innerhalb von fünf Jahren.", "innerhalb von fünf Jahren", "P5Y"),
        ("Ziel in den nächsten drei Jahren.", "in den nächsten drei Jahren", "P3Y"),
        ("Ein Plus binnen 12 Monaten.", "binnen 12 Monaten", "P12M"),
        # "Handelstage" with digits once raised StopIteration (found by a token-soup corpus)
        ("Ein Plus in den nächsten 5 Handelstagen.", "in den nächsten 5 Handelstagen", "P5D"),
        ("Ein Plus in den nächsten fünf Handelstagen.", "in den nächsten fünf Handelstagen",
         "P5D"),
    ],
)
def test_periods(body: str, text: str, value: str) -> None:
    figure = only(body)
    assert (figure.kind, figure.text, figure.value) == ("period", text, value)


@pytest.mark.parametrize(
    "body",
    ["It was founded a year ago.", "A 50-year-old chief executive.",
     "Three quarters of a century passed.", "Sales rose year-to-date.",
     "Sales rose since January.", "Today and on Monday it was quiet."],
)
def test_time_words_that_are_not_periods(body: str) -> None:
    assert figures(body) == []


@pytest.mark.parametrize(
    "body",
    [
        "Capacity will grow by 2030.",
        "Revenue in fiscal 2025 and in 2025 was flat.",
        "Call +49 69 1234 5678 for details.",
        "The ISIN is DE000NLE0014, the other one US01609W1027.",
        "Order 4711 and ID 123456 were filed.",
        "1. The first point\n2. The second point\n(3) The third point",
        "Trading opens at 07:15 and closes at 17:30.",
        "Results for Q3 2026 and the third quarter.",
        "Shares of NVDA and $TSLA moved.",
        "See https://example.com/2026/02/19/up-50-percent-in-3x for more.",
        "Its 3D chips, 5G modems, Windows 11, the iPhone 17, H100 and A380.",
        "Support runs 24/7.",
        "Results come in March.",
        "Results come in March 2026.",
    ],
)
def test_never_figures(body: str) -> None:
    assert figures(body) == []


def test_context_does_not_split_at_abbreviations() -> None:
    body = ("Intro. The U.S. unit of Acme Inc. earned 4,2 Mrd. Euro in Feb. 2026, approx. "
            "5% more. Next sentence.")
    found = figures(body)
    assert [f.text for f in found] == ["4,2 Mrd. Euro", "5%"]
    assert {f.context for f in found} == {
        "The U.S. unit of Acme Inc. earned 4,2 Mrd. Euro in Feb. 2026, approx. 5% more."}


def test_long_sentences_are_cut_around_the_figure() -> None:
    body = "Word " * 200 + "rose 5% then " + "word " * 200 + "end."
    figure = only(body)
    assert len(figure.context) <= 300 and "rose 5%" in figure.context


def test_empty_and_figure_free_text() -> None:
    assert figures("") == []
    assert figures("Nothing to see here.") == []


@pytest.mark.parametrize(
    ("body", "value"),
    [
        # past cues: the most recent such day on or before publication (2026-01-29)
        ("The 52-week closing high of $189.34 came on October 2.", "2025-10-02"),
        ("The stock closed at a record on February 3.", "2025-02-03"),
        ("Revenue was flat on March 1.", "2025-03-01"),
        ("It reported on January 30 that sales fell.", "2025-01-30"),
        ("A closing high of $147.57 from March 17 stands.", "2025-03-17"),  # a high was set before
        # future cues: the next such day on or after publication
        ("The next report is due on December 1.", "2026-12-01"),
        ("The company will report on October 2.", "2026-10-02"),
        ("The deal is expected to close by January 20.", "2027-01-20"),
        ("Shares rose 3%, and results are scheduled for January 2.", "2027-01-02"),
        # no cue: whichever is nearer
        ("The shares are 12% below their November 3 closing high.", "2025-11-03"),
        ("Shareholders meet in Munich on March 17.", "2026-03-17"),
    ],
)
def test_year_less_dates_follow_the_tense_of_their_clause(body: str, value: str) -> None:
    published = datetime(2026, 1, 29, 22, 41, tzinfo=UTC)
    dates = [f.value for f in figures(body, published) if f.kind == "date"]
    assert dates == [value]


def test_a_cue_in_an_earlier_clause_does_not_decide() -> None:
    published = datetime(2026, 1, 29, tzinfo=UTC)
    found = figures("Sales fell last year; the report comes on January 20.", published)
    assert [f.value for f in found if f.kind == "date"] == ["2027-01-20"]


@pytest.mark.parametrize(
    ("body", "direction"),
    [
        ("It raised its quarterly dividend by 4% to $0.25 per share.", "up"),
        ("It lifted the payout by 4%.", "up"),
        ("The board boosted the dividend by 150%.", "up"),
        ("It cut its workforce by 4%.", "down"),
        ("It reduced costs by 4%.", "down"),
        ("It lowered its forecast by 4%.", "down"),
    ],
)
def test_direction_from_verbs_of_raising_and_cutting(body: str, direction: str) -> None:
    percent = next(f for f in figures(body) if f.kind == "percent")
    assert (percent.text.endswith("%"), percent.direction) == (True, direction)


def test_percentage_points_after_improves_rise() -> None:
    figure = only("The gross margin improves by about 2 percentage points from the previous quarter.")
    assert (figure.text, figure.unit, figure.direction) == ("2 percentage points", "pp", "up")


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("He expects vehicle sales to grow by 20% to 30% next year.", "20% to 30%"),
        ("Brokers see the unit growing by 25% to 30% a year.", "25% to 30%"),
    ],
)
def test_percent_ranges_after_by(body: str, text: str) -> None:
    found = [f for f in figures(body) if f.kind == "percent"]
    assert [(f.text, f.value, f.high) for f in found] == [(text, float(text[:2]), 30.0)]


def test_amounts_after_by_are_still_a_change_to_a_level() -> None:
    found = figures("It cut debt by $1 billion to $5 billion.")
    assert [(f.text, f.high) for f in found] == [("$1 billion", None), ("$5 billion", None)]


@pytest.mark.parametrize(
    ("body", "text", "value"),
    [
        ("It aims to break even within a year.", "within a year", "P1Y"),
        ("Seit einem Jahr steigt der Kurs.", "einem Jahr", "P1Y"),
    ],
)
def test_periods_of_one_unit(body: str, text: str, value: str) -> None:
    found = [(f.text, f.value) for f in figures(body) if f.kind == "period"]
    assert found == [(text, value)]


@pytest.mark.parametrize(
    "body",
    ["Sales last year were flat.", "Next month it reports.", "A year ago it was flat.",
     "It plans for the coming decade.", "Over the past years it grew."],
)
def test_lone_time_words_that_are_not_periods(body: str) -> None:
    assert [f.text for f in figures(body) if f.kind == "period"] == []


@pytest.mark.parametrize(
    ("body", "text", "value"),
    [
        ("The shares trade at about 12 times expected earnings.", "12 times", 12.0),
        ("It trades at 15 times sales.", "15 times", 15.0),
        ("The market is twice as large.", "twice", 2.0),
        ("Sales grew twice as fast as costs.", "twice", 2.0),
    ],
)
def test_valuation_multiples_and_twice(body: str, text: str, value: float) -> None:
    figure = only(body)
    assert (figure.kind, figure.text, figure.value) == ("multiple", text, value)


def test_twice_that_counts_is_not_a_multiple() -> None:
    assert figures("The board met twice in March.") == []
