"""Number forms of real publishers' text read wrongly in the second held-out evaluation
(issue 9): German decimals with three digits, accountants' and Unicode minus signs,
ranges with the unit written twice, currencies taken from the money nearby, and German
scales and compounds written as words.

Every sentence is our own, built to reproduce a structure seen in real market news;
the expected values were written before the extractor was run on them.
"""

from __future__ import annotations

import pytest

from tests.unit.test_figures_real_text import figures, only, summary

# --- class 1: a German decimal comma before three digits is no thousands separator ---


@pytest.mark.parametrize(
    ("body", "text", "value"),
    [
        ("Die Ausschüttung je Aktie beträgt 0,700 EUR.", "0,700 EUR", 0.7),
        ("The payout per share is 0,315 EUR this year.", "0,315 EUR", 0.315),
        ("Der Fonds zahlt je Anteil 1,250 EUR aus und die Kosten sinken.", "1,250 EUR", 1.25),
        ("Der Preis liegt bei 1.250 Euro pro Tonne.", "1.250 Euro", 1250.0),
        ("Die Aktie kostet 2,375 Dollar und ist damit nicht teuer.", "2,375 Dollar", 2.375),
    ],
)
def test_german_decimal_before_three_digits(body: str, text: str, value: float) -> None:
    figure = only(body)
    assert (figure.text, figure.value) == (text, pytest.approx(value))


@pytest.mark.parametrize(
    ("body", "value"),
    [
        ("The company raised $1,250 in the pilot round.", 1250.0),  # English grouping
        ("It sold 1,250 million euros of bonds.", 1250e6),
        ("The fund returned $0.125 per unit.", 0.125),
    ],
)
def test_english_grouping_stays_grouping(body: str, value: float) -> None:
    assert only(body).value == pytest.approx(value)


# --- class 2: negative amounts ---


@pytest.mark.parametrize(
    ("body", "text", "value"),
    [
        ("Das Ergebnis je Aktie lag bei -0,31 EUR.", "-0,31 EUR", -0.31),
        ("Analysts expected −$0.04 per share.", "−$0.04", -0.04),
        ("The unit posted an operating loss of $(7.2) million.", "$(7.2) million", -7.2e6),
        ("Diluted EPS was $(0.17) for the period.", "$(0.17)", -0.17),
    ],
)
def test_negative_amounts(body: str, text: str, value: float) -> None:
    figure = only(body)
    assert (figure.kind, figure.text, figure.value) == ("money", text, pytest.approx(value))


def test_loss_range_written_largest_first() -> None:
    figure = only("It now sees an adjusted loss in a range of $0.92 to $0.35 per share.")
    assert (figure.text, figure.value, figure.high) == ("$0.92 to $0.35", -0.92, -0.35)


def test_falling_amounts_without_a_loss_stay_two() -> None:
    assert [f.high for f in figures("Prices went $0.92 to $0.35 over the week.")] == [None, None]


def test_accountants_percentage_is_a_fall() -> None:
    figure = only("Organic sales growth was (4)% in the quarter.")
    assert (figure.text, figure.value, figure.direction) == ("(4)%", 4.0, "down")


@pytest.mark.parametrize(
    "body",
    [
        "Die Spanne 2-3 Euro blieb stabil.",  # a range, not a minus
        "Rates apply (see note 3)% of the time.",  # the parenthesis opened far before
    ],
)
def test_no_false_minus(body: str) -> None:
    for figure in figures(body):
        assert not (isinstance(figure.value, float) and figure.value < 0)
        assert figure.direction is None


# --- class 3: ranges with the unit written twice, worded ends, other dashes ---


@pytest.mark.parametrize(
    ("body", "text", "low", "high", "currency"),
    [
        ("Der Umsatz soll 3,10 Mrd. Euro bis 3,25 Mrd. Euro erreichen.",
         "3,10 Mrd. Euro bis 3,25 Mrd. Euro", 3.10e9, 3.25e9, "EUR"),
        ("Das Ebit soll zwischen 210 Mio. Euro und 260 Mio. Euro liegen.",
         "zwischen 210 Mio. Euro und 260 Mio. Euro", 210e6, 260e6, "EUR"),
        ("The lender sees earnings of $11 to $13 per share.", "$11 to $13", 11.0, 13.0, "USD"),
        ("It now guides to $8.00 to $9.50 a share.", "$8.00 to $9.50", 8.0, 9.5, "USD"),
        ("Targets sit at $31\u2011$34 a share.", "$31\u2011$34", 31.0, 34.0, "USD"),
        ("Sales of $12.5 billion U.S. to $14 billion U.S. are planned.",
         "$12.5 billion U.S. to $14 billion U.S.", 12.5e9, 14e9, "USD"),
    ],
)
def test_money_ranges(body: str, text: str, low: float, high: float, currency: str) -> None:
    figure = only(body)
    assert (figure.text, figure.value, figure.high, figure.currency) == (
        text, pytest.approx(low), pytest.approx(high), currency)


@pytest.mark.parametrize(
    "body",
    [
        "Die Schulden sanken von 350 Mio. Euro auf 300 Mio. Euro.",  # a move
        "It cut debt by $2 billion to $6 billion.",  # a change and a new level
        "Revenue was $5 billion and $3 billion went to buybacks.",  # a list
        "Der Umsatz stieg 4,1 Mrd. Euro bis 4,3 Mrd. Euro.",  # a move written with bis
    ],
)
def test_two_amounts_that_are_no_range(body: str) -> None:
    assert all(f.high is None for f in figures(body))


def test_worded_percent_range_between() -> None:
    assert summary(figures("Die Marge soll zwischen fünf und sieben Prozent liegen.")) == [
        ("percent", "zwischen fünf und sieben Prozent", 5.0, None, "%", None, 7.0)]


def test_worded_list_is_no_range() -> None:
    found = figures("Er nannte vier und neun Prozent als Grenzen.")
    assert [(f.text, f.high) for f in found] == [("neun Prozent", None)]


def test_period_range_in_words() -> None:
    figure = only("Die Auslieferung verzögert sich um drei bis neun Monaten.")
    assert (figure.kind, figure.text, figure.value, figure.high) == (
        "period", "drei bis neun Monaten", "P3M", 9.0)


# --- class 4: currencies ---


def test_taiwan_dollar_sign() -> None:
    figure = only("Its exports rose to T$318.4 billion.")
    assert (figure.text, figure.currency) == ("T$318.4 billion", "TWD")


def test_cent_takes_the_currency_of_the_amounts_nearby() -> None:
    found = figures("Der US-Konzern verdiente 2 Dollar je Aktie, die Dividende steigt um 45 Cent.")
    assert [(f.text, f.currency) for f in found] == [("2 Dollar", "USD"), ("45 Cent", "USD")]


def test_cent_stays_euro_among_euro_amounts() -> None:
    found = figures("Der Konzern verdiente 3 Euro je Aktie und zahlt 80 Cent Dividende.")
    assert [(f.text, f.currency) for f in found] == [("3 Euro", "EUR"), ("80 Cent", "EUR")]


def test_bare_per_share_amount_after_or() -> None:
    found = figures("Net income was $2.4 billion, or 0.61 per share, in the quarter.")
    assert [(f.text, f.value, f.currency) for f in found] == [
        ("$2.4 billion", 2.4e9, "USD"), ("0.61", 0.61, "USD")]


def test_bare_number_after_or_without_shares_is_nothing() -> None:
    assert [f.text for f in figures("It earned $2.4 billion, or 0.61 of the target.")] == [
        "$2.4 billion"]


# --- class 6: German scales and compounds in words, multiples ---


def test_german_billion_is_ten_to_the_twelfth() -> None:
    figure = only("Der Konzern ist fünf Billionen Dollar wert.")
    assert (figure.text, figure.value, figure.currency) == (
        "fünf Billionen Dollar", 5e12, "USD")


def test_one_german_billion() -> None:
    figure = only("Es fehlt eine Billion Euro.")
    assert (figure.text, figure.value) == ("eine Billion Euro", 1e12)


def test_percent_adjective_in_one_word() -> None:
    figure = only("Nach dem zwölfprozentigen Plus folgte die Ruhe.")
    assert (figure.kind, figure.text, figure.value, figure.direction) == (
        "percent", "zwölfprozentigen", 12.0, "up")


def test_percent_compound_with_stake_has_no_direction() -> None:
    figure = only("Nach dem Kursplus erwarb er einen 25-Prozent-Anteil an der Firma.")
    assert (figure.value, figure.direction) == (25.0, None)


@pytest.mark.parametrize(
    ("body", "text", "value"),
    [
        ("Der Gewinn hat sich verdreieinhalbfacht.", "verdreieinhalbfacht", 3.5),
        ("Net profit more than tripled.", "tripled", 3.0),
        ("The notes were oversubscribed by more than 15 times.", "15 times", 15.0),
    ],
)
def test_multiples(body: str, text: str, value: float) -> None:
    figure = only(body)
    assert (figure.kind, figure.text, figure.value) == ("multiple", text, value)


def test_times_over_a_span_counts_events() -> None:
    found = figures("It topped forecasts four times over the past five quarters.")
    assert [f.kind for f in found] == ["period"]
