"""Key figures in the forms real publishers write them (issue 9): wire stories, German
portal reports, fool.com-style quote widgets and bare headlines.

Every sentence here is our own, built to reproduce a structure seen in real market news;
expected values were written before the extractor was run on them.
"""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

import pytest

from tui_reader.extract.figures import find_figures
from tui_reader.model import KeyFigure

MARCH = datetime(2026, 3, 10, 14, 5, tzinfo=UTC)
"""A March article: year-less February dates lie in its recent past."""


def figures(body: str, published: datetime | None = MARCH) -> list[KeyFigure]:
    found = find_figures(body, published)
    for figure in found:
        assert body[figure.start:figure.end] == figure.text
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))
    return found


def only(body: str, published: datetime | None = MARCH) -> KeyFigure:
    found = figures(body, published)
    assert len(found) == 1, [f.text for f in found]
    return found[0]


def summary(found: list[KeyFigure]) -> list[tuple[object, ...]]:
    return [(f.kind, f.text, f.value, f.currency, f.unit, f.direction, f.high) for f in found]


# --- money in the forms wire stories and portals use ---

@pytest.mark.parametrize(
    ("body", "text", "value", "currency"),
    [
        ("The chipmaker earned 22 cents a share in the quarter.", "22 cents", 0.22, "USD"),
        ("It posted EPS of 45 cents, ahead of estimates.", "45 cents", 0.45, "USD"),
        ("It lost 8 cents per share.", "8 cents", 0.08, "USD"),
        ("Adjusted EPS was 41c in the quarter.", "41c", 0.41, "USD"),
        ("Die Dividende steigt auf 45 Cent je Aktie.", "45 Cent", 0.45, "EUR"),
        ("Sales reached 2.38 billion francs last year.", "2.38 billion francs", 2.38e9, "CHF"),
        ("Die Aktie fiel unter die 48-Euro-Marke.", "48-Euro", 48.0, "EUR"),
        ("Der Kurs sprang über die 50-Dollar-Marke.", "50-Dollar", 50.0, "USD"),
        ("The deal is worth Rp 5 trillion.", "Rp 5 trillion", 5e12, "IDR"),
        ("The deal is worth Rp5 trillion.", "Rp5 trillion", 5e12, "IDR"),
        ("Profit was Rs 116.8 million.", "Rs 116.8 million", 1.168e8, "INR"),
        ("It raised CHF 12.5 million in the round.", "CHF 12.5 million", 1.25e7, "CHF"),
        ("Der Umsatz lag bei 12,5 Mio. Euro.", "12,5 Mio. Euro", 1.25e7, "EUR"),
        ("Der Gewinn betrug 1,2 Mrd. € im Jahr.", "1,2 Mrd. €", 1.2e9, "EUR"),
        ("It sold US$ 500 million of bonds.", "US$ 500 million", 5e8, "USD"),
        ("Der Index ist 1,78 Bio. Euro wert.", "1,78 Bio. Euro", 1.78e12, "EUR"),
        ("It agreed a $5-billion takeover.", "$5-billion", 5e9, "USD"),
        ("It made an 8.2-billion-pound offer.", "8.2-billion-pound", 8.2e9, "GBP"),
        ("The miner rose 21.6p on the day.", "21.6p", 0.216, "GBP"),
        ("Revenue reached NT$868.5 billion.", "NT$868.5 billion", 8.685e11, "TWD"),
        ("The developer lost Rmb5bn.", "Rmb5bn", 5e9, "CNY"),
        ("The group earned SFr 2.4 billion.", "SFr 2.4 billion", 2.4e9, "CHF"),
        ("Profit came to ₹19,000 crore.", "₹19,000 crore", 1.9e11, "INR"),
        ("Operating profit was ₩10 trillion.", "₩10 trillion", 1e13, "KRW"),
    ],
)
def test_real_money_forms(body: str, text: str, value: float, currency: str) -> None:
    figure = only(body)
    assert (figure.kind, figure.text, figure.currency) == ("money", text, currency)
    assert figure.value == pytest.approx(value)


def test_cents_and_a_dollar_amount_in_one_earnings_line() -> None:
    found = figures("It earned 46 cents per share on $5.37 billion in sales, "
                    "topping the 44 cents analysts expected.")
    assert [(f.text, f.value, f.currency) for f in found] == [
        ("46 cents", pytest.approx(0.46), "USD"), ("$5.37 billion", 5.37e9, "USD"),
        ("44 cents", pytest.approx(0.44), "USD")]


def test_a_cent_range() -> None:
    figure = only("It guided for EPS of 72 to 80c.")
    assert (figure.text, figure.currency) == ("72 to 80c", "USD")
    assert (figure.value, figure.high) == (pytest.approx(0.72), pytest.approx(0.80))


@pytest.mark.parametrize(
    "body",
    ["Section 3c of the act applies.", "The video plays at 1080p.", "It was 5c colder."],
)
def test_letters_after_numbers_are_not_always_cents_or_pence(body: str) -> None:
    assert [f for f in figures(body) if f.kind == "money"] == []


# --- ranges and from-to moves keep both numbers ---

def test_german_von_bis_is_a_range() -> None:
    figure = only("Der Konzern peilt eine Marge von 8 bis 10 Prozent an.")
    assert (figure.kind, figure.text, figure.value, figure.high, figure.unit) == (
        "percent", "8 bis 10 Prozent", 8.0, 10.0, "%")


def test_german_von_bis_money_is_a_range() -> None:
    figure = only("Die Spanne liegt bei 60 bis 70 Milliarden Euro.")
    assert (figure.value, figure.high, figure.currency) == (6e10, 7e10, "EUR")


def test_german_von_auf_keeps_the_old_level_as_its_own_figure() -> None:
    """The new level is the figure of the move; the old level is a figure of its own
    that borrows the scale and currency written only once, after the new level."""
    assert summary(figures("Der Umsatz stieg von 78 auf 107 Millionen Dollar.")) == [
        ("money", "78", 7.8e7, "USD", None, None, None),
        ("money", "107 Millionen Dollar", 1.07e8, "USD", None, None, None),
    ]


def test_kursziel_von_auf() -> None:
    found = figures("Der Analyst hob das Kursziel von 80,00 auf 120,50 Euro an.")
    assert [(f.text, f.value, f.currency) for f in found] == [
        ("80,00", 80.0, "EUR"), ("120,50 Euro", 120.5, "EUR")]


def test_english_from_to_keeps_both_levels() -> None:
    assert summary(figures("Margins rose from 5 to 7 percent.")) == [
        ("percent", "5", 5.0, None, "%", None, None),
        ("percent", "7 percent", 7.0, None, "%", None, None),
    ]
    found = figures("Revenue climbed from 78 to 107 million dollars.")
    assert [(f.text, f.value, f.currency) for f in found] == [
        ("78", 7.8e7, "USD"), ("107 million dollars", 1.07e8, "USD")]


def test_english_from_to_borrows_the_scale_of_the_new_level() -> None:
    found = figures("Revenue climbed from $78 to $107 million.")
    assert [(f.text, f.value) for f in found] == [("$78", 7.8e7), ("$107 million", 1.07e8)]


def test_german_von_auf_percent_old_level_has_no_direction() -> None:
    found = figures("Der Gewinn stieg von 5 Prozent auf 7 Prozent.")
    assert [(f.text, f.direction) for f in found] == [("5 Prozent", None), ("7 Prozent", None)]


@pytest.mark.parametrize(
    ("body", "texts", "values"),
    [
        ("Die Messe findet vom 19. bis 22. Mai statt.", ["19.", "22. Mai"],
         ["2026-05-19", "2026-05-22"]),
        ("Die Messe läuft vom 19.-22. Mai in Hannover.", ["19.", "22. Mai"],
         ["2026-05-19", "2026-05-22"]),
        ("Die Tagung ist am 4. und 5. Juni.", ["4.", "5. Juni"], ["2026-06-04", "2026-06-05"]),
        ("The conference runs May 19-22 in Berlin.", ["May 19", "22"],
         ["2026-05-19", "2026-05-22"]),
        ("The conference runs May 19 to 22 in Berlin.", ["May 19", "22"],
         ["2026-05-19", "2026-05-22"]),
    ],
)
def test_date_ranges_are_two_dates(body: str, texts: list[str], values: list[str]) -> None:
    """A date range is two date figures, the first day spanning only its own digits."""
    found = [f for f in figures(body) if f.kind == "date"]
    assert [f.text for f in found] == texts
    assert [f.value for f in found] == values


def test_a_day_before_a_date_without_a_range_word_stays_out() -> None:
    assert [f.text for f in figures("Am 19. Mai kam der 3. Mann.")] == ["19. Mai"]


# --- year-less dates in a March article ---

@pytest.mark.parametrize(
    ("body", "value"),
    [
        ("The company reported on Feb. 28 that sales fell.", "2026-02-28"),
        ("The company said Feb. 28 that it would cut jobs.", "2026-02-28"),
        ("It reported better-than-expected earnings on Feb. 28.", "2026-02-28"),
        ("Results beat what was expected on Feb. 28.", "2026-02-28"),
        ("Shares rose ahead of the results on Feb. 28.", "2026-02-28"),
        ("The company announced plans on Feb. 28 to cut jobs.", "2026-02-28"),
        ("The company will report on Feb. 28.", "2027-02-28"),
        ("Results are due on Feb. 28.", "2027-02-28"),
        ("The deal is expected to close on April 2.", "2026-04-02"),
        ("Trading in the shares was halted until Feb. 28.", "2026-02-28"),
        ("The deal is expected to close by Feb. 28.", "2027-02-28"),
    ],
)
def test_february_dates_in_a_march_article(body: str, value: str) -> None:
    assert [f.value for f in figures(body) if f.kind == "date"] == [value]


# --- datelines and quote widgets are not figures ---

@pytest.mark.parametrize(
    ("body", "texts"),
    [
        ("Dec 18 (Reuters) - Apple shares rose 2% on Thursday.", ["2%"]),
        ("NEW YORK, March 3 (AP) — Stocks fell 1% at the open.", ["1%"]),
        ("FRANKFURT, 5. März (Reuters) - Die Aktie stieg um 3 Prozent.", ["3 Prozent"]),
        ("LONDON, Feb 3 (Reuters) - European shares fell 1.6 percent.", ["1.6 percent"]),
        ("Jabil (JBL 0.32%) reported results.", []),
        ("Amkor (NASDAQ: AMKR 0.77%) rose 5%.", ["5%"]),
        ("AAPL +1.2% in premarket trading", []),
        ("Shares of American Express (AXP 10.54%) climbed 10.5% on Friday.", ["10.5%"]),
        ("The S&P 500 (^GSPC -2.71%) slid by almost 3%.", ["3%"]),
        ("Facebook FB, -2.19% lost ground as the index NDX, -1.42% fell 1.4%.", ["1.4%"]),
        ("Jabil (JBL -0.32%) slipped while Alibaba (9988.HK 2.5%) rose 3%.", ["3%"]),
    ],
)
def test_datelines_and_quote_widgets_are_not_figures(body: str, texts: list[str]) -> None:
    assert [f.text for f in figures(body)] == texts


@pytest.mark.parametrize(
    ("body", "texts"),
    [
        ("EPS +12% to $1.10 in the quarter.", ["+12%", "$1.10"]),
        ("The DAX rose 1.2% (its best day since June).", ["1.2%"]),
        ("Revenue rose 5% (after 3% in Q2).", ["5%", "3%"]),
        ("The index closed on March 3 (a Tuesday) higher.", ["March 3"]),
    ],
)
def test_look_alikes_of_widgets_and_datelines_stay(body: str, texts: list[str]) -> None:
    assert [f.text for f in figures(body)] == texts


# --- more forms met in real stories ---

def test_a_loss_per_share_written_with_a_minus_is_negative_money() -> None:
    found = figures("The loss per share was -$0.08, against an estimate of -$0.07.")
    assert [(f.text, f.value, f.currency) for f in found] == [
        ("-$0.08", -0.08, "USD"), ("-$0.07", -0.07, "USD")]


def test_a_hyphen_joining_words_to_an_amount_is_no_minus() -> None:
    assert [f.value for f in figures("It guided for $5-$7 billion.")] == [5e9]


def test_the_wire_exchange_rate_note_is_not_a_figure() -> None:
    body = "It will pay 438 million euros ($502 million).\n($1 = 0.8725 euros)"
    assert [f.text for f in figures(body)] == ["438 million euros", "$502 million"]


def test_a_valuation_multiple_before_next_years_earnings() -> None:
    figure = only("The chipmaker trades at 18 times next year's expected earnings.")
    assert (figure.kind, figure.text, figure.value) == ("multiple", "18 times", 18.0)


@pytest.mark.parametrize(
    ("body", "periods"),
    [
        ("Its supply of chips for next year is sold out.", []),
        ("It hedged its fuel for the next year.", []),  # no count: a span only with one
        ("Der Gewinn war 50 Prozent niedriger als ein Jahr zuvor.", []),
        ("Der Umsatz lag 3 Prozent über dem Wert von vor einem Jahr davor.", []),
        ("Der Index lag vor einem Monat bei 18.000 Punkten.", []),
        ("Die Aktie war doppelt so teuer wie vor drei Jahren.", []),  # a comparison's base
        ("Vor drei Jahren war die Aktie doppelt so teuer.", ["P3Y"]),  # two or more units back: a span
        ("Seit drei Jahren wächst der Umsatz.", ["P3Y"]),
    ],
)
def test_points_in_time_are_not_spans(body: str, periods: list[str]) -> None:
    assert [f.value for f in figures(body) if f.kind == "period"] == periods


def test_a_press_release_dateline_is_not_a_figure() -> None:
    body = "AUSTIN, Texas, Nov. 25, 2025 /PRNewswire/ -- The company grew sales 9%."
    assert [f.text for f in figures(body)] == ["9%"]


@pytest.mark.parametrize(
    ("body", "value", "currency", "qualifier"),
    [
        ("Der Konzern verdiente mehr als eine Milliarde Dollar.", 1e9, "USD", "more_than"),
        ("Das Projekt kostet etwa einer Milliarde Euro weniger.", 1e9, "EUR", "approx"),
        ("Die Bank zahlt zwei Millionen Franken Strafe.", 2e6, "CHF", None),
    ],
)
def test_german_amounts_in_words(body: str, value: float, currency: str,
                                 qualifier: str | None) -> None:
    figure = only(body)
    assert (figure.kind, figure.value, figure.currency, figure.qualifier) == (
        "money", value, currency, qualifier)


def test_a_worded_count_without_a_currency_is_no_money() -> None:
    assert figures("Die App hat eine Million Kunden und zwei Milliarden Aufrufe.") == []


def test_losses_per_share_in_accountants_parentheses_are_negative() -> None:
    found = figures("It reported ($0.12) earnings per share, missing the consensus "
                    "estimate of ($0.05) by $0.07.")
    assert [(f.text, f.value) for f in found] == [
        ("($0.12)", -0.12), ("($0.05)", -0.05), ("$0.07", 0.07)]


@pytest.mark.parametrize("body", ["It will pay 438 million euros ($502 million) in cash.",
                                  "A small ($5) fee applies."])
def test_other_amounts_in_parentheses_stay_positive(body: str) -> None:
    assert all(f.value > 0 for f in figures(body) if f.kind == "money")  # type: ignore[operator]


def test_a_decimal_without_its_leading_zero() -> None:
    figure = only("Quarterly revenue was down .8% on the year.")
    assert (figure.text, figure.value, figure.direction) == (".8%", 0.8, "down")


def test_prior_year_level_in_parentheses_keeps_both_levels() -> None:
    """dpa-AFX writes "auf 113 (Vorjahr: 144) Millionen Euro": two figures, each spanning
    its own number and both taking the unit written once after them."""
    found = figures("Der operative Gewinn sank auf 113 (Vorjahr: 144) Millionen Euro.")
    assert [(f.text, f.value, f.currency) for f in found] == [
        ("113", 1.13e8, "EUR"), ("144", 1.44e8, "EUR")]
    found = figures("Die Marge erreichte 12,5 (Vorjahr: 11,8) Prozent.")
    assert [(f.text, f.value, f.unit, f.direction) for f in found] == [
        ("12,5", 12.5, "%", None), ("11,8", 11.8, "%", None)]


@pytest.mark.parametrize(
    ("body", "text", "low", "high"),
    [
        ("Das Ziel einer Rendite von vier bis sechs Prozent wurde verfehlt.",
         "vier bis sechs Prozent", 4.0, 6.0),
        ("Er erwartet nun eine Marge von zwei bis 3,5 Prozent.", "zwei bis 3,5 Prozent", 2.0,
         3.5),
    ],
)
def test_german_ranges_with_worded_ends(body: str, text: str, low: float, high: float) -> None:
    figure = only(body)
    assert (figure.kind, figure.text, figure.value, figure.high) == ("percent", text, low, high)


def test_worded_amount_beside_a_digit_amount() -> None:
    found = figures("Das Ebitda lag bei 570 Millionen Euro, davon zehn Millionen Euro aus "
                    "einem Zukauf.")
    assert [(f.text, f.value) for f in found] == [("570 Millionen Euro", 5.7e8),
                                                  ("zehn Millionen Euro", 1e7)]


def test_a_cents_move_keeps_the_old_level() -> None:
    found = figures("The quarterly dividend rose from 20 to 22 cents a share.")
    assert [(f.text, f.value, f.currency) for f in found] == [
        ("20", pytest.approx(0.20), "USD"), ("22 cents", pytest.approx(0.22), "USD")]
