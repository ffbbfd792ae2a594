"""Figure forms a fourth set of real articles showed we missed: moves named by a noun
before "auf"/"to" or after the figure with what grew in between, "in die Höhe", the
percentage after an amount ("rose 81 cents, or 4 percent"), "$.29", volume multiples,
and an analyst note's footer date.

Every sentence is our own, built on the structures of German index reports, wire
stories, US retail earnings columns, small-cap movers lists and old press releases;
expected values were written before the extractor was run on them.
"""

from __future__ import annotations

import pytest

from tests.unit.test_figures_real_text import figures, only


@pytest.mark.parametrize(
    ("body", "text", "direction"),
    [
        ("Der Index baute seine Gewinne dann bis auf 2,30 Prozent aus.", "2,30 Prozent", "up"),
        ("Zum Auftakt standen Gewinne von 0,4 Prozent an der Tafel.", "0,4 Prozent", "up"),
        ("Der Index konnte seinen Verlust auf 0,9 Prozent eingrenzen.", "0,9 Prozent", "down"),
        ("The index extended its gains to 1.8% by noon.", "1.8%", "up"),
        ("Die Erlöse im Servicegeschäft wuchsen um 4,5 Prozent.", "4,5 Prozent", "up"),
        ("Der Kurs schoss in die Höhe, und zwar um gut 11 Prozent.", "11 Prozent", "up"),
        ("Die Aktie ist um ein Viertel in die Höhe geschnellt.", "ein Viertel", "up"),
        ("The retailer posted a 2.6% earnings decline for the year.", "2.6%", "down"),
        ("It reported 5% net sales growth in the quarter.", "5%", "up"),
        ("Shares gained 64 cents, or 3 percent, to $22.", "3 percent", "up"),
        ("The average fell by 180.5 points, or 0.5%, to 36,100.", "0.5%", "down"),
    ],
)
def test_moves_named_around_the_figure(body: str, text: str, direction: str) -> None:
    found = [f for f in figures(body) if f.kind == "percent"]
    assert [(f.text, f.direction) for f in found] == [(text, direction)]


@pytest.mark.parametrize(
    "body",
    [
        "Die Dividende in Höhe von 5 Prozent wurde bestätigt.",  # "Höhe" alone is an amount
        "The dividend yield rose to 4.5% this year.",            # a level after "to"
        "Margins narrowed to 9.8% in the quarter.",
        "The group holds a 20% sales share in the region.",       # a share, what grew skipped
    ],
)
def test_levels_and_shares_keep_no_direction(body: str) -> None:
    found = [f for f in figures(body) if f.kind == "percent"]
    assert [f.direction for f in found] == [None]


def test_a_range_of_growth_with_what_grew_between() -> None:
    found = [f for f in figures("The chain sees 4% to 4.5% net sales growth next year.") if f.kind == "percent"]
    assert [(f.value, f.high, f.direction) for f in found] == [(4.0, 4.5, "up")]


def test_per_share_amounts_without_a_leading_zero() -> None:
    found = figures("Net income was $1.2 million, or $.29 per diluted share, against $.14 a year ago.")
    assert [(f.text, f.value, f.currency) for f in found] == [
        ("$1.2 million", 1_200_000.0, "USD"), ("$.29", 0.29, "USD"), ("$.14", 0.14, "USD")]


def test_volume_multiples() -> None:
    found = figures("The stock jumped on 6 times average volume after 3.5 times its daily volume.")
    assert [(f.kind, f.value) for f in found] == [("multiple", 6.0), ("multiple", 3.5)]
    assert figures("He met the board 3 times last year.") == []


def test_the_analyst_notes_footer_date_is_no_figure() -> None:
    body = "Der Analyst sieht weiteres Potenzial./ajx/tih Datum der Analyse: 18.01.2018"
    assert figures(body) == []
    assert only("Die Hauptversammlung ist am 18.06.2026.").value == "2026-06-18"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Das Ergebnis stieg von 61 Millionen im Vorjahr auf 70,5 Millionen Euro.",
         [(61e6, "EUR"), (70.5e6, "EUR")]),
        ("Statt der erwarteten 80 Millionen verdiente der Versender 95 Millionen Euro.",
         [(80e6, "EUR"), (95e6, "EUR")]),
        ("Der Umsatz stieg von 1,2 Mrd. im Vorjahr auf 1,5 Mrd. Euro.", [(1.2e9, "EUR"), (1.5e9, "EUR")]),
        ("Profit rose from 61 million a year earlier to 70.5 million euros.", [(61e6, "EUR"), (70.5e6, "EUR")]),
        # counts stay counts: a noun follows them
        ("Der Dienst hat 3 Millionen Kunden und setzte 2 Millionen Euro um.", [(2e6, "EUR")]),
        ("It has 40 million users and sold 3 million euros of ads.", [(3e6, "EUR")]),
        # another sentence names no currency for it
        ("Die Zahl stieg auf 50 Millionen. Der Umsatz lag bei 2 Millionen Euro.", [(2e6, "EUR")]),
    ],
)
def test_a_bare_scaled_amount_borrows_the_currency_named_after_it(body: str, expected: list) -> None:
    assert [(f.value, f.currency) for f in figures(body) if f.kind == "money"] == expected


# --- forms from a fifth set: German index and analyst copy, US guidance ranges ---------


@pytest.mark.parametrize(
    ("body", "text", "direction"),
    [
        ("Der Umsatz lag mit 0,8 % nur leicht niedriger als im Vorjahr.", "0,8 %", "down"),
        ("Die Aktie schloss mit einem Zugewinn von 0,6 Prozent.", "0,6 Prozent", "up"),
        ("Der Index beendete den Tag mit einem Gewinn von 1,3 Prozent.", "1,3 Prozent", "up"),
        ("Die Papiere sind um 4,2 Prozent angesprungen.", "4,2 Prozent", "up"),
        ("Die Aktie hat seit dem Hoch um bis zu 12 Prozent korrigiert.", "12 Prozent", "down"),
        ("Für die Papiere ging es im DAX um 6,5 Prozent auf 50,10 Euro und damit auf das tiefste "
         "Niveau seit Jahren nach unten.", "6,5 Prozent", "down"),
        ("Wegen des starken Euro belief sich das Plus nominal dann aber nur auf 2,1 Prozent.",
         "2,1 Prozent", "up"),
    ],
)
def test_more_german_moves(body: str, text: str, direction: str) -> None:
    found = [f for f in figures(body) if f.kind == "percent"]
    assert [(f.text, f.direction) for f in found] == [(text, direction)]


def test_a_forecast_raised_after_the_figure_is_a_rise_not_a_correction() -> None:
    found = figures("Der Konzern hat das Ziel um 5 Prozent nach oben korrigiert.")
    assert [(f.text, f.direction) for f in found] == [("5 Prozent", "up")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The company now sees revenue ranging from $12.5 billion to $13 billion.", [(12.5e9, 13e9)]),
        ("It expects earnings to range from $4.10 per share to $4.30 per share.", [(4.1, 4.3)]),
    ],
)
def test_ranges_written_with_range_from(body: str, expected: list) -> None:
    assert [(f.value, f.high) for f in figures(body) if f.kind == "money"] == expected


def test_a_bare_amount_after_the_amount_that_names_its_currency() -> None:
    body = ("Der Bestand lag Ende 2021 bei 20,5 Milliarden Euro. Im Herbst waren es schon knapp "
            "40 Milliarden, Tendenz steigend. Analysten hatten 300 Millionen erwartet.")
    assert [(f.value, f.currency) for f in figures(body) if f.kind == "money"] == [(20.5e9, "EUR"), (40e9, "EUR")]
    other_paragraph = "Der Umsatz lag bei 5 Millionen Euro.\n\nDie Nutzerzahl stieg auf 50 Millionen, hieß es."
    assert [f.value for f in figures(other_paragraph) if f.kind == "money"] == [5e6]


def test_a_bylines_updated_date_is_no_figure_and_a_record_high_lies_in_the_past() -> None:
    assert figures("By Jane Roe – Updated Jul 15, 2020 at 4:32PM\n\nAirline shares rose.") == []
    found = only("The shares have tumbled from their record high of 618.95 from Oct. 21.")
    assert found.value == "2025-10-21"  # published March 2026: the past October, not the coming one


# --- forms from a sixth set and real feeds: market reports, guidance, release stamps ----


@pytest.mark.parametrize(
    ("body", "directions"),
    [
        ("The three banks ended down 1.4%, 1.1% and 0.9%, respectively.", ["down", "down", "down"]),
        ("The index climbed 31.5 points, 1.2%, to 2,400.", ["up"]),
        ("The two funds were each adding 0.7%.", ["up"]),
        ("It trades near a 28% year-to-date loss.", ["down"]),
        ("Der Markt gemessen am Leitindex 0,5 Prozent nachgibt.", ["down"]),
        ("Am Vortag waren sie 3,5 Prozent zurückgefallen.", ["down"]),
    ],
)
def test_list_and_report_directions(body: str, directions: list[str]) -> None:
    assert [f.direction for f in figures(body) if f.kind == "percent"] == directions


def test_ranges_written_as_a_range_of_x_and_y() -> None:
    found = figures("It lifted guidance to a range of $58 billion and $60 billion this year.")
    assert [(f.value, f.high) for f in found if f.kind == "money"] == [(58e9, 60e9)]
    loss = only("It now sees a loss in a range of $0.80 to $0.30 per share.")
    assert (loss.text, loss.value, loss.high) == ("$0.80 to $0.30", -0.8, -0.3)


def test_german_worded_amounts_with_abbreviated_scales() -> None:
    found = figures("Eine Kapitalerhöhung um sechs Mrd. Euro und drei Mio. Euro wären genug.")
    assert [(f.text, f.value, f.currency) for f in found] == [
        ("sechs Mrd. Euro", 6e9, "EUR"), ("drei Mio. Euro", 3e6, "EUR")]


def test_a_conversion_in_parentheses_borrows_no_currency() -> None:
    found = figures("The stake went for 80.5 million euros (91 million), the group said.")
    assert [(f.value, f.currency) for f in found] == [(80.5e6, "EUR")]


def test_bond_tenors_are_no_periods() -> None:
    assert [f.kind for f in figures("The 10-year U.S. Treasury yield rose to 4.2%.")] == ["percent"]


@pytest.mark.parametrize(
    "body",
    [
        "Published on May 13, 2025 at 9:28 AM Updated on May 13, 2025 at 9:40 AM\n\nAnalysts weigh in.",
        "Freitag, 24.07.2025 12:00 von Agentur\n\nDer Konzern hebt die Prognose an.",
        "Der Konzern hebt die Prognose an 24.07.2025 / 11:58 CET/CEST Veröffentlichung einer Insiderinformation.",
    ],
)
def test_release_stamps_are_no_dates(body: str) -> None:
    assert [f for f in figures(body) if f.kind == "date"] == []


def test_a_meeting_the_company_said_it_would_hold_lies_ahead() -> None:
    found = only("The company, which said it would hold its annual meeting on Dec. 4, raised its dividend.")
    assert found.value == "2026-12-04"  # published March 2026
    assert only("Die Hauptversammlung findet am 24.07.2026 um 10:00 Uhr statt.").value == "2026-07-24"


@pytest.mark.parametrize(
    ("body", "value"),
    [
        ("The annual report will be published on March 3.", "2027-03-03"),  # published March 10, 2026
        ("Results are to be released on March 3.", "2027-03-03"),
        ("The annual report was published on March 3.", "2026-03-03"),
        ("The figures have been released on March 3.", "2026-03-03"),
    ],
)
def test_a_passive_after_will_be_looks_ahead(body: str, value: str) -> None:
    assert only(body).value == value


# --- forms from an eighth set: Swiss and German small-cap copy, release footers --------


def test_swiss_francs_thousands_and_german_percent_typesetting() -> None:
    found = figures("Der Gewinn stieg auf 47 Mio Fr., der Ertrag auf 90,5 Mio. Fr. und das EBIT auf EUR 340 Tausend.")
    assert [(f.value, f.currency) for f in found if f.kind == "money"] == [(47e6, "CHF"), (90.5e6, "CHF"), (340e3, "EUR")]
    assert only("Die Short-Position lag bei 1,094 % des Kapitals.").value == 1.094
    assert only("Revenue rose 1,094% last year.").value == 1094.0


def test_a_currency_code_before_a_signed_percentage_is_no_quote_widget() -> None:
    found = figures("Umsatz von 149,6 Mio. EUR, +26% mehr als im Vorjahr.")
    assert [(f.kind, f.value, f.direction) for f in found] == [("money", 149.6e6, None), ("percent", 26.0, "up")]


@pytest.mark.parametrize(
    ("body", "direction"),
    [
        ("Die Titel, die 0,6 Prozent auf 38 Euro gewannen, blieben zurück.", "up"),
        ("Die Annahmeschwelle liegt bei 50 Prozent plus einer Aktie.", None),
    ],
)
def test_more_german_endings(body: str, direction: str | None) -> None:
    assert [f.direction for f in figures(body) if f.kind == "percent"] == [direction]


@pytest.mark.parametrize(
    "body",
    [
        "Prognose angehoben Erlangen, 19. Mai 2025 - Der Vorstand hat heute beschlossen.",
        "Ende der Mitteilung News-Service 1198454 19.05.2025 CET/CEST",
    ],
)
def test_a_releases_dateline_and_footer_are_no_dates(body: str) -> None:
    assert [f for f in figures(body) if f.kind == "date"] == []


# --- forms from a ninth set ----------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "kind", "value", "direction"),
    [
        ("Die Aktie dürfte zwischen rund 17 und 21 Euro kosten.", "money", 17.0, None),
        ("Der Kurs ging um 1,4 Prozent hinab.", "percent", 1.4, "down"),
        ("Nach einem 40-prozentigen Wertzuwachs im Vorjahr kam die Wende.", "percent", 40.0, "up"),
        ("The stock posted a 3.1-per-cent decline.", "percent", 3.1, "down"),
    ],
)
def test_ninth_set_forms(body: str, kind: str, value: float, direction: str | None) -> None:
    figure = only(body)
    assert (figure.kind, figure.value, figure.direction) == (kind, value, direction)


@pytest.mark.parametrize(
    "body",
    [
        "Jane Roe, John Doe 13.01.2026 - 01:18 Uhr\n\nDie Autobauer leiden unter der Schwäche.",
        "Die Börse schloss ruhig.\n18:13 | 23.09.2025\nMehr dazu später.",
    ],
)
def test_two_author_bylines_and_time_first_stamps_are_no_dates(body: str) -> None:
    assert [f for f in figures(body) if f.kind == "date"] == []


# --- forms from a tenth set: Australian and Canadian market reports, more German verbs --


def test_dollars_in_an_asx_or_tsx_report_are_local() -> None:
    found = figures("The S&P/ASX 200 fell. The bank shed $1.20 to $102.79 and a miner lost 51 cents; gold was US$2,400.")
    assert [(f.value, f.currency) for f in found if f.kind == "money"] == [
        (1.2, "AUD"), (102.79, "AUD"), (0.51, "AUD"), (2400.0, "USD")]
    found = figures("The S&P/TSX composite index rose as the retailer gained $3.10.")
    assert [f.currency for f in found if f.kind == "money"] == ["CAD"]
    assert [f.currency for f in figures("Apple rose $3 while the ASX and the TSX fell.")] == ["USD"]


@pytest.mark.parametrize(
    ("body", "direction"),
    [
        ("Die Titel sind um über 8 Prozent hinabgerasselt.", "down"),
        ("Die Dividende wird um 12,5 Prozent angehoben.", "up"),
        ("Die Aktien stärkten sich um 0,8 Prozent.", "up"),
        ("Die Umsätze nahmen im Quartal um 6 Prozent zu.", "up"),
        ("Die Papiere dürften um 2,9 Prozent anziehen.", "up"),
        ("Es gab Abschlägen von mehr als 5 Prozent.", "down"),
    ],
)
def test_tenth_set_german_verbs(body: str, direction: str) -> None:
    assert [f.direction for f in figures(body) if f.kind == "percent"] == [direction]


def test_a_german_bond_tenor_is_no_period() -> None:
    assert [f.kind for f in figures("Die Rendite der zehnjährigen Bundesanleihe stieg auf 2,5 Prozent.")] == ["percent"]


def test_australian_papers_mark_us_dollars_after_the_sign() -> None:
    found = figures("The S&P/ASX 200 rose as iron ore fetched $US95.51 a tonne and the bank gained $1.20.")
    assert [(f.text, f.currency) for f in found if f.kind == "money"] == [("$US95.51", "USD"), ("$1.20", "AUD")]
    assert [(f.text, f.currency) for f in figures("Shares rose to €5.10 and £3.")] == [("€5.10", "EUR"), ("£3", "GBP")]


def test_commodity_prices_in_a_local_market_report_stay_us_dollars() -> None:
    body = ("The S&P/TSX composite rose. Crude futures rose 2.5%, or $1.67, to $67.99 a barrel. "
            "The retailer gained $3.10.")
    assert [(f.value, f.currency) for f in figures(body) if f.kind == "money"] == [
        (1.67, "USD"), (67.99, "USD"), (3.1, "CAD")]


# --- forms from an eleventh set -------------------------------------------------------


def test_german_pence_knickten_ein_and_glued_last_updated() -> None:
    found = figures("In London stiegen die Aktien auf 661,64 Pence. Sie knickten danach um mehr als 8 Prozent ein.")
    assert [(f.kind, f.value, f.currency or f.direction) for f in found] == [
        ("money", 6.6164, "GBP"), ("percent", 8.0, "down")]
    assert figures("Posted on July 21, 2025 / 2 min readLast updated: January 22, 2026\n\nShares rose.") == []


# --- forms from a twelfth set: London market reports, rupees, forecasts ----------------


def test_whole_pence_in_london_market_reports() -> None:
    found = figures("Miners were up 22p to £10.88, the drugmaker ahead 36p to £19, the retailer 24p higher "
                    "and a dividend of 15p a share came.")
    assert [(f.text, f.value) for f in found if f.kind == "money"] == [
        ("22p", 0.22), ("£10.88", 10.88), ("36p", 0.36), ("£19", 19.0), ("24p", 0.24), ("15p", 0.15)]
    assert figures("The set streams at 1080p and Section 3p applies.") == []


def test_rupees_forecast_gerunds_and_german_potential() -> None:
    assert [(f.value, f.currency) for f in figures("Profit was 55.13 billion Indian rupees.")] == [(55.13e9, "INR")]
    found = only("The retailer sees revenue rising 2.5% to 4.5% next year.")
    assert (found.value, found.high, found.direction) == (2.5, 4.5, "up")
    assert [f.direction for f in figures("Die Analysten sehen ein Ertragspotenzial von 35 Prozent.")] == ["up"]


def test_weaker_and_stronger_after_a_figure() -> None:
    found = figures("Shell closed 2.26% weaker, while BP ended 1.1% stronger after a 35% one-day loss.")
    assert [f.direction for f in found if f.kind == "percent"] == ["down", "up", "down"]
