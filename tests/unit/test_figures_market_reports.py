"""Forms of the formulaic market reports (Vienna and Zurich midday reports, Frankfurt
closes, Indian and London market wraps) whose direction was lost: a points move and its
percentage joined by "bzw.", a verb carried over a list whose items say "um"/"by", a
particle verb far from its figure, a move noun before "von" with a genitive after it,
a prepositional phrase naming an earlier move, and MarketWatch's inline quote widgets.

Every sentence is our own, built on those structures; the expected values were
written before the extractor was run on them.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.unit.test_figures_real_text import figures


def moves(body: str) -> list[tuple[str, str | None]]:
    return [(f.text, f.direction) for f in figures(body) if f.kind == "percent"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Der Leitindex stand um 11.30 Uhr bei 3.100,50 Punkten, das ist ein Minus von 12,40 Punkten "
         "bzw. 0,40 Prozent.", [("0,40 Prozent", "down")]),
        ("Der Index notierte mit einem Plus von 8,10 Punkten beziehungsweise 0,26 Prozent.",
         [("0,26 Prozent", "up")]),
        # two shares, each its own move: the unit is written once for both
        ("Nach den Exportdaten verloren Adidas und Puma 0,8 bzw. 0,4 Prozent.",
         [("0,8", "down"), ("0,4 Prozent", "down")]),
        ("The small-cap gauge rose 0.52 point, close to 0.2 percent, to 1,402.10.",
         [("0.2 percent", "up")]),
    ],
)
def test_a_points_move_and_its_percentage(body: str, expected: list[tuple[str, str]]) -> None:
    assert moves(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Versicherer fielen um 1,1 Prozent, Munich Re um 0,9 Prozent und Hannover Rück AG um 0,6 Prozent.",
         [("1,1 Prozent", "down"), ("0,9 Prozent", "down"), ("0,6 Prozent", "down")]),
        ("Tata Steel spurted 4.1%, Hindalco Industries by 1.9%, JSW Steel by 1.6% and Vedanta by 1.2%.",
         [("4.1%", "up"), ("1.9%", "up"), ("1.6%", "up"), ("1.2%", "up")]),
        ("The insurer sunk 6.2 per cent after it cut its payout.", [("6.2 per cent", "down")]),
    ],
)
def test_a_verb_carried_over_a_list(body: str, expected: list[tuple[str, str]]) -> None:
    assert moves(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Im Chemiesektor fehlte eine klare Richtung: Während Lanxess 0,6 Prozent abgaben, rückten "
         "Covestro um 0,8 Prozent vor.", [("0,6 Prozent", "down"), ("0,8 Prozent", "up")]),
        ("Zalando legten nach einer überraschend guten Umsatzprognose für das laufende Geschäftsjahr "
         "und einem Aktienrückkauf um 6,4 % auf 31,20 Euro zu.", [("6,4 %", "up")]),
        ("Die Titel von Neuling Hensoldt verloren nach zwischenzeitlichen Gewinnen am Ende 1,3 Prozent.",
         [("1,3 Prozent", "down")]),
        ("Die Aktien von Brenntag schlossen mit einem Plus von 2,1 Prozent der schwachen Tendenz zum Trotz.",
         [("2,1 Prozent", "up")]),
    ],
)
def test_german_verbs_and_nouns_away_from_the_figure(body: str, expected: list[tuple[str, str]]) -> None:
    assert moves(body) == expected


def test_a_share_of_a_whole_after_von_stays_a_share() -> None:
    assert moves("Das Paket hat einen Anteil von 20 Prozent der Stimmrechte.") == [("20 Prozent", None)]


def test_marketwatch_inline_widgets_are_no_figures_and_do_not_cut_the_clause() -> None:
    body = ("Germany's DAX 30 index DAX, -0.31% ended flat. Miners helped lift the FTSE 100 index "
            "UKX, -0.05% 0.6% to 7,210.40. Shares of Banca Fittizia PMI, -1.52% lost 2.4%.")
    assert moves(body) == [("0.6%", "up"), ("2.4%", "down")]


def test_prose_capitals_before_a_comma_and_a_move_stay_figures() -> None:
    assert moves("Growth in GDP, +0.4%, beat forecasts.") == [("+0.4%", "up")]


@pytest.mark.parametrize(
    "body",
    [
        "The 10-year yield rose while the two-year rate slipped to 3.9%.",
        "Die Rendite der zehnjährigen deutschen Staatstitel stieg auf 2,6%.",
        "Die Renditen der zehnjährigen US-Anleihen legten zu, die zweijährige Bundrendite auch.",
        "The stock suffered a 30% one-day loss.",
    ],
)
def test_bond_tenors_and_a_one_day_move_are_no_periods(body: str) -> None:
    assert [f.text for f in figures(body) if f.kind == "period"] == []


def test_spans_the_story_speaks_of_stay_periods() -> None:
    body = "The rally lasted for three days and the firm plans to invest over the next two years."
    assert [f.value for f in figures(body) if f.kind == "period"] == ["P3D", "P2Y"]


def test_the_publication_day_restated_with_its_year_is_no_figure() -> None:
    published = datetime(2024, 1, 12, 9, 0, tzinfo=UTC)
    body = "Friday, 12 January 2024. The payout follows on January 30, 2024; the board met on Jan. 12."
    assert [f.text for f in figures(body, published) if f.kind == "date"] == ["January 30, 2024", "Jan. 12"]


def test_broker_lines_give_the_new_and_the_old_target_in_pence() -> None:
    body = ("Barclays raises Tesco price target to 385 (360) pence - 'overweight'\n"
            "Peel Hunt cuts Greggs target 2,650 (2,900) pence - 'hold'")
    assert [(f.text, f.value, f.currency) for f in figures(body)] == [
        ("385", 3.85, "GBP"), ("360", 3.6, "GBP"), ("2,650", 26.5, "GBP"), ("2,900", 29.0, "GBP")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Auch der Nebenwerteindex SDax (SDAX) sank um 1,4 Prozent auf 13 020 Punkte.", [("1,4 Prozent", "down")]),
        ("Der starke Franken drückte den Umsatz um 3 Prozent und das Ergebnis um 6 Prozent.",
         [("3 Prozent", "down"), ("6 Prozent", "down")]),
        ("Nach einem Rücksetzer um 2,8 Prozent erholte sich das Papier.", [("2,8 Prozent", "down")]),
        ("Versorger verzeichneten Abgaben von bis zu 2,2 Prozent.", [("2,2 Prozent", "down")]),
    ],
)
def test_german_report_nouns_verbs_and_set_in_codes(body: str, expected: list[tuple[str, str]]) -> None:
    assert moves(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("This week about half of the index members report their results.", []),
        ("Etwa die Hälfte der Analysten rät zum Kauf.", []),
        ("More than half of the revenue comes from China.", [("half", None)]),
        ("The shares fell by a third in two days.", [("a third", "down")]),
    ],
)
def test_a_fraction_is_a_move_or_a_share_of_money(body: str, expected: list[tuple[str, str | None]]) -> None:
    assert moves(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Für den SDax ging es um 0,9 Prozent auf 13.400 Punkte bergab.", [("0,9 Prozent", "down")]),
        ("Die Erlöse im Segment sinken seit dem Frühjahr gegenüber dem Vorjahr um rund zehn Prozent.",
         [("zehn Prozent", "down")]),
        ("Sales grew 4%, despite a 1.2 percent unfavorable impact from currencies.",
         [("4%", "up"), ("1.2 percent", "down")]),
        ("This year the stock has tacked on 38%.", [("38%", "up")]),
    ],
)
def test_more_words_of_a_move(body: str, expected: list[tuple[str, str]]) -> None:
    assert moves(body) == expected


def test_worded_cents_and_qualified_range_ends() -> None:
    body = ("Maple Minerals Inc. (TSX:MPM). Mining. Up three cents, or 4.1 per cent, to 76 cents. "
            "Analysts see the shares between about $3 and about $3.50. "
            "Der faire Wert liege zwischen rund 21,50 und etwa 22,40 Euro.")
    assert [(f.text, f.value, f.high, f.currency) for f in figures(body) if f.kind == "money"] == [
        ("three cents", 0.03, None, "CAD"), ("76 cents", 0.76, None, "CAD"),
        ("between about $3 and about $3.50", 3.0, 3.5, "CAD"),
        ("zwischen rund 21,50 und etwa 22,40 Euro", 21.5, 22.4, "EUR")]


def test_tokyo_widgets_by_code_and_years_before_a_comma() -> None:
    body = "Carmakers slid, with Mazda 7261, -3.12% off more than 3% and Subaru 7270, -2.05% sinking some 2%."
    assert moves(body) == [("3%", "down"), ("2%", "down")]
    assert moves("In 2024, +7% was the plan.") == [("+7%", "up")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Anleger quittierten das mit einem Kursverlusts von rund 9 Prozent.", [("9 Prozent", "down")]),
        ("Die Talfahrt beschleunigte sich – nachdem der Vorstand die Prognose kappte – um 8,5 Prozent.",
         [("8,5 Prozent", "down")]),
        ("Der Konzern erwartet, dass sich der Umsatz um mehr als 20% erhöhen wird.", [("20%", "up")]),
        ("Die Aktie stieg zunächst um über dreieinhalb Prozent.", [("dreieinhalb Prozent", "up")]),
    ],
)
def test_german_genitives_inserts_infinitives_and_halves(body: str, expected: list[tuple[str, str]]) -> None:
    assert moves(body) == expected


def test_a_us_dollar_conversion_after_an_australian_amount() -> None:
    body = "The S&P/ASX 200 fell. The bank booked provisions of A$1.2 billion ($780 million) and shed $1.10."
    assert [(f.value, f.currency) for f in figures(body) if f.kind == "money"] == [
        (1.2e9, "AUD"), (780e6, "USD"), (1.1, "AUD")]


def test_a_quarter_of_a_year_is_no_period() -> None:
    assert [f.kind for f in figures("The deficit narrowed in the last quarter of 2019.")] == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Oil producers ended 2.1 per cent and 1.4 per cent higher, respectively.", [("2.1 per cent", "up"), ("1.4 per cent", "up")]),
        ("Die Papiere verteuerten sich in Amsterdam um 2,4 Prozent.", [("2,4 Prozent", "up")]),
        ("Zwei Nebenwerte, deren Aktien um 12,5 % und 9,5 % absackten, fielen auf.", [("12,5 %", "down"), ("9,5 %", "down")]),
        ("Die Titel der Bank gaben 1,8 Prozent ab.", [("1,8 Prozent", "down")]),
        ("The regional index was firmer by 0.4 percent and the yen weaker by 0.2 percent.",
         [("0.4 percent", "up"), ("0.2 percent", "down")]),
        ("Der Nebenwerteindex notiert um 0,8 Prozent besser.", [("0,8 Prozent", "up")]),
        ("It extended the week's setback to almost 6 per cent.", [("6 per cent", "down")]),
        ("The net margin rose to about 9.5% and the rate to nearly 4%.", [("9.5%", None), ("4%", None)]),
        ("Der Konzern gab 3 Prozent seiner Anteile ab.", [("3 Prozent", None)]),
    ],
)
def test_lists_plural_verbs_comparatives_and_qualified_levels(body: str, expected: list[tuple[str, str | None]]) -> None:
    assert moves(body) == expected


def test_hyphenated_cents_nordic_crowns_and_a_pan_asian_wrap_in_us_dollars() -> None:
    assert [(f.value, f.currency) for f in figures("It declared a 12-cent per-share dividend.")] == [(0.12, "USD")]
    assert [(f.value, f.currency) for f in figures("The loss was 3.1 billion Swedish kronor.")] == [(3.1e9, "SEK")]
    body = "Japan's Nikkei rose and Australia's S&P/ASX 200 fell; the deal is worth $1.2 billion."
    assert [(f.value, f.currency) for f in figures(body) if f.kind == "money"] == [(1.2e9, "USD")]


def test_a_closing_verb_with_the_next_sentence_glued_on() -> None:
    assert moves("Zwei Titel, die um 7,5 % und 9 % absackten.Danach kam Ruhe.") == [("7,5 %", "down"), ("9 %", "down")]


def test_a_long_list_whose_items_end_in_their_new_level() -> None:
    body = ("Nach der Warnung verloren Talanx 5,5% auf 61,20 Euro, Allianz 4,1% auf 230,10 Euro, "
            "Zalando 3,9% auf 21,84 Euro, Puma 3,2% auf 44,10 Euro und Symrise 2,8% auf 98,20 Euro.")
    assert [d for _, d in moves(body)] == ["down"] * 5


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Analysten hatten mit einer Zunahme um 0,2 Prozent gerechnet.", [("0,2 Prozent", "up")]),
        ("Der Gewinn reduzierte sich im 1. Halbjahr im Vergleich zum Vorjahr um 2,9 Prozent.", [("2,9 Prozent", "down")]),
        ("The shares extended a 3.1% post-earnings drop.", [("3.1%", "down")]),
        ("Sales include a 0.6% negative impact from currencies.", [("0.6%", "down")]),
        ("The economy saw a contraction of 0.2% in the quarter.", [("0.2%", "down")]),
    ],
)
def test_nouns_adjectives_and_ordinals_in_a_clause(body: str, expected: list[tuple[str, str]]) -> None:
    assert moves(body) == expected


def test_exchange_rates_are_no_key_figures() -> None:
    body = ("The Canadian dollar was at $0.7412 after dipping below $0.74. The dollar slipped to 131.20 yen. "
            "Der Euro notierte bei 1,0850 Dollar. Analysts cut the target by $12 to $120; "
            "the euro zone lender rose to €11.40 and the pound fell, while the miner rose to 410p.")
    assert [f.text for f in figures(body) if f.kind == "money"] == ["$12", "$120", "€11.40", "410p"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The blue-chip index rose 0.6pc, or 44.10 points, with Rio up 3.2pc.", [("0.6pc", "up"), ("3.2pc", "up")]),
        ("The average fell 212.40 points (2.10%) to 9,870.", [("2.10%", "down")]),
        ("The lender suffered a tumble of $1.12 (5.9%) to $17.40.", [("5.9%", "down")]),
        ("Der Index stieg gegenüber dem Vortag (3.120,50) um 31,4 Punkte oder 1,01 Prozent.", [("1,01 Prozent", "up")]),
    ],
)
def test_british_pc_and_a_move_restated_in_parentheses_or_after_oder(body: str, expected: list[tuple[str, str]]) -> None:
    assert moves(body) == expected


def test_a_pence_move_then_the_price_is_no_range() -> None:
    found = figures("Miners led, with Glencore up 3.1pc, or 12.5p to 412p.")
    assert [(f.text, f.value, f.high) for f in found if f.kind == "money"] == [("12.5p", 0.125, None), ("412p", 4.12, None)]


def test_a_london_movers_list_in_pc_and_pence() -> None:
    body = ("Miners led: Antofagasta gained 4.1pc, or 52.5p, to 1330p, Fresnillo 3.3pc, or 31p, to 970p "
            "and Centamin 2.2pc, or 3p, to 139p.")
    assert [(f.text, f.direction or f.value) for f in figures(body)] == [
        ("4.1pc", "up"), ("52.5p", 0.525), ("1330p", 13.3), ("3.3pc", "up"), ("31p", 0.31), ("970p", 9.7),
        ("2.2pc", "up"), ("3p", 0.03), ("139p", 1.39)]


def test_a_movers_tables_heading_gives_its_rows_a_direction() -> None:
    body = ("FTSE 250 - Risers\n\nMaple Foods (MPF) 120.40p 6.10%\nHarbour Energy (HBR) 255.00p 3.20%\n\n"
            "FTSE 250 - Fallers\n\nNorth Mining (NMG) 88.10p 4.40%\n\nOutlook\n\nThe payout ratio stays at 2.5%")
    assert moves(body)[:3] == [("6.10%", "up"), ("3.20%", "up"), ("4.40%", "down")]
    assert moves(body)[-1] == ("2.5%", None)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Die Papiere ermäßigten sich im Jahresvergleich um 1,9 Prozent.", [("1,9 Prozent", "down")]),
        ("Der Umsatz zeigt ein Wachstum von rd. 31 % auf 40 Mio. Euro.", [("31 %", "up")]),
        ("Das Jahresplus des Index liegt nun bei 7,5 Prozent.", [("7,5 Prozent", "up")]),
        ("Nach der 90-Prozent-Rallye nahmen Anleger Gewinne mit.", [("90-Prozent", "up")]),
        ("The FTSE rose, with the pound weakening 0.4%.", [("0.4%", "down")]),
        ("Margins saw a 120 basis-point increase and a 2.1% bump.", [("120 basis-point", "up"), ("2.1%", "up")]),
        ("Im Gesamtjahr büsste der Index 2,3% ein, Partners Group die 4,1% einbüsste.",
         [("2,3%", "down"), ("4,1%", "down")]),
        ("That lifted the index's annual gain to 14pc.", [("14pc", "up")]),
    ],
)
def test_swiss_spellings_joined_moves_and_yearly_gains(body: str, expected: list[tuple[str, str]]) -> None:
    assert moves(body) == expected


def test_a_widget_with_its_price_in_parentheses_is_no_figure() -> None:
    body = "Der SMI (SMI 9157.46 0.5%) legte 12% zu, Swiss Re (SREN 87.7 1.68%) stieg 3%. Der Umsatz 2023 lag 5% höher."
    assert moves(body) == [("12%", "up"), ("3%", "up"), ("5%", "up")]


def test_a_hong_kong_widget_by_code_after_a_name_stays_a_widget() -> None:
    assert moves("Insurer Harbour Life 1299, -2.61% was off 2.5% after results.") == [("2.5%", "down")]
