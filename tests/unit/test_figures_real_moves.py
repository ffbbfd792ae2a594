"""Direction of percentages in the forms real publishers write them (issue 9): verbs,
nouns and German separable verbs of change, shares of a whole, levels, lists with the
verb left out, bare headlines and portal tables.

Every sentence here is our own, built to reproduce a structure seen in real market news;
expected values were written before the extractor was run on them.
"""

from __future__ import annotations

import pytest

from tests.unit.test_figures_real_text import figures, only

# --- headlines: no final full stop, often nothing but a name, a verb and a number ---

@pytest.mark.parametrize(
    ("title", "text", "direction"),
    [
        ("Shares of Jabil jumped 20%", "20%", "up"),
        ("Fabrinet drops 9% after earnings", "9%", "down"),
        ("Siemens Energy: Aktie klettert um 5 Prozent", "5 Prozent", "up"),
        ("Why Protagonist Stock Skyrocketed 30% Today", "30%", "up"),
        ("Nordex-Aktie bricht um 12 Prozent ein", "12 Prozent", "down"),
        ("Chipmaker plummets 14% on weak outlook", "14%", "down"),
        ("Micron shares pop 10% on upbeat forecast", "10%", "up"),
        ("AKTIE IM FOKUS: Zalando-Papiere brechen um 8 Prozent ein", "8 Prozent", "down"),
    ],
)
def test_bare_headlines(title: str, text: str, direction: str) -> None:
    figure = only(title)
    assert (figure.kind, figure.text, figure.direction) == ("percent", text, direction)
    assert figure.context == title


# --- direction carried by a noun or a German verb ---

@pytest.mark.parametrize(
    ("body", "direction"),
    [
        ("The company reported 26% growth in cloud sales.", "up"),
        ("Ein Umsatzanstieg von 12 Prozent stützte die Aktie.", "up"),
        ("Die Aktie ist um 8 Prozent geklettert.", "up"),
        ("Die Aktie gab 3 Prozent nach.", "down"),
        ("FRANKFURT (dpa-AFX) - Die Aktie gab 3 Prozent nach, der Dax auch.", "down"),
        ("Der Umsatz, der um 5 Prozent gestiegen ist, überraschte.", "up"),
        ("Der Index gab um 0,4 Prozent nach.", "down"),
        ("Es gab 50 Prozent weniger Aufträge.", "down"),
        ("Der MDax schloss mit 0,4 Prozent mehr als am Vortag.", "up"),
        ("Der Kurs sank um 4 Prozent.", "down"),
        ("Die Aktie legte 6 Prozent zu.", "up"),
        ("Die Aktie verlor 2,5 Prozent.", "down"),
        ("Ein Kursrutsch von 15 Prozent erschreckte Anleger.", "down"),
        ("Ein Einbruch von 30 Prozent beim Absatz.", "down"),
        ("Orders saw a 12% slump.", "down"),
        ("Demand saw a 40% surge.", "up"),
        ("Revenue showed a 7% decline.", "down"),
        ("Siemens verbuchte einen Wertanstieg von 3,2 Prozent.", "up"),
        ("GEA trug mit einem Abschlag von 4,2 Prozent die rote Laterne.", "down"),
        ("Zalando schaffte einen Aufschlag von 2,1 Prozent.", "up"),
        ("Die Aktie schloss mit einem Kursplus von 7,2 Prozent.", "up"),
        ("Die Aktie verzeichnete einen Kursverlust von 3 Prozent.", "down"),
        ("Der Dax schloss 4,4 Prozent tiefer.", "down"),
        ("Der Dax schloss 0,5 Prozent fester.", "up"),
        ("Die Aktie lag 2 Prozent im Minus.", "down"),
        ("Die Aktie lag 2 Prozent im Plus.", "up"),
        ("Der EuroStoxx rückte um 0,6 Prozent vor.", "up"),
        ("Der Kurs schoss um 58 Prozent nach oben.", "up"),
        ("Die Papiere schossen um 8,6 Prozent hoch.", "up"),
        ("Der Gewinn brach um 40 Prozent ein.", "down"),
        ("Die Aktie büßte 6 Prozent ein.", "down"),
        ("Die Aktie zog um 4 Prozent an.", "up"),
        ("Die Aktie verteuerte sich um 2 Prozent.", "up"),
        ("Die Aktie verbilligte sich um 3 Prozent.", "down"),
        ("Der Umsatz ging um 5 Prozent zurück.", "down"),
        ("Die Aktie sackte um 11 Prozent ab.", "down"),
        ("Der Umsatz ist um 5 Prozent zurückgegangen.", "down"),
        ("Der Umsatz soll um 5 Prozent steigen.", "up"),
        ("Shares exploded 27% on Thursday.", "up"),
        ("Fitbit shares plummeted 32% on the warning.", "down"),
        ("The stock tanked 9% after the call.", "down"),
        ("Shares rebounded 4% on Friday.", "up"),
    ],
)
def test_direction_from_nouns_and_german_verbs(body: str, direction: str) -> None:
    figure = only(body)
    assert (figure.kind, figure.direction) == ("percent", direction)


@pytest.mark.parametrize(
    "body",
    [
        "Das Segment macht 20 Prozent of sales aus.",
        "Das Segment macht 20 Prozent des Umsatzes aus.",
        "It bought a 20% stake in the firm.",
        "Cloud makes up 20% of revenue.",
        "It holds an 83% share of the market.",
        "Der Staat hält 20 Prozent der Anteile.",
        "Revenue should be about $11 billion, plus or minus 2%.",
        "Die Rendite fiel auf 0,754 Prozent zurück.",
        "Der Konzern peilt eine Marge von 8 Prozent an.",
    ],
)
def test_shares_levels_and_tolerances_are_not_moves(body: str) -> None:
    assert [f.direction for f in figures(body) if f.kind == "percent"] == [None]


@pytest.mark.parametrize(
    ("body", "direction"),
    [
        ("The stock is 17.2% below the 52-week high.", "down"),
        ("The stock trades 5% above its 200-day average.", "up"),
        ("Die Aktie notiert 12 Prozent unter dem Rekordhoch.", "down"),
    ],
)
def test_distance_below_or_above_a_level(body: str, direction: str) -> None:
    figure = figures(body)[0]
    assert (figure.kind, figure.direction) == ("percent", direction)


# --- portal table lines ---

def test_portal_winner_list_with_spaced_signs() -> None:
    found = figures("Gewinner: Bayer (+ 3,76 Prozent auf 27,32 EUR), "
                    "Zalando (-2,79 Prozent auf 26,17 EUR).")
    assert [(f.text, f.value, f.direction, f.currency) for f in found] == [
        ("+ 3,76 Prozent", 3.76, "up", None), ("27,32 EUR", 27.32, None, "EUR"),
        ("-2,79 Prozent", 2.79, "down", None), ("26,17 EUR", 26.17, None, "EUR")]


@pytest.mark.parametrize(
    ("body", "text", "value", "qualifier", "direction"),
    [
        ("Der Dax stürzte um fast acht Prozent ab.", "acht Prozent", 8.0, "approx", "down"),
        ("Der Index ist seitdem um zwölf Prozent gestiegen.", "zwölf Prozent", 12.0, None, "up"),
        ("Der Umsatz sinkt um 7 Prozent.", "7 Prozent", 7.0, None, "down"),
        ("Die Marge liegt bei gut 5 Prozent.", "5 Prozent", 5.0, "more_than", None),
    ],
)
def test_worded_and_german_present_tense_percentages(
        body: str, text: str, value: float, qualifier: str | None, direction: str | None) -> None:
    figure = only(body)
    assert (figure.kind, figure.text, figure.value, figure.qualifier, figure.direction) == (
        "percent", text, value, qualifier, direction)


@pytest.mark.parametrize("body", ["Einige Prozent fehlen noch.", "The percentage fell.",
                                  "Mehrere Prozent der Stimmen fehlten."])
def test_words_before_prozent_that_are_no_number(body: str) -> None:
    assert figures(body) == []


@pytest.mark.parametrize(
    ("body", "directions"),
    [
        ("Der Dax legte zu. SAP gewann 2,4 Prozent, Merck 1,2 Prozent.", ["up", "up"]),
        ("Apple slid 2%, Dell 1% and HP 3%.", ["down", "down", "down"]),
        ("Die Aktie hat seit Januar 20 Prozent gewonnen./abc/xyz", ["up"]),
        ("Der Umsatz wurde um 13 Prozent gesteigert.", ["up"]),
        ("Die Kosten wurden um 8 Prozent gesenkt.", ["down"]),
        ("Analysts see an upside of at least 30% for the stock.", ["up"]),
        ("Staff got a 38 percent raise.", ["up"]),
        ("It announced a 10% cut in staff.", ["down"]),
    ],
)
def test_lists_participles_and_nouns_after_the_figure(body: str, directions: list[str]) -> None:
    assert [f.direction for f in figures(body) if f.kind == "percent"] == directions


def test_a_range_after_a_noun_of_change_stays_a_range() -> None:
    figure = only("The company expects growth 5% to 7% next year.")
    assert (figure.text, figure.value, figure.high, figure.direction) == ("5% to 7%", 5.0, 7.0,
                                                                         "up")


@pytest.mark.parametrize(
    ("body", "qualifier", "direction"),
    [
        ("Das Papier stand annähernd 19 Prozent im Minus.", "approx", "down"),
        ("Während der MDax um 12 Prozent seit Januar stieg, trat Gea auf der Stelle.", None, "up"),
        ("Weil der Umsatz um 4 Prozent zurückging, sank der Gewinn.", None, "down"),
    ],
)
def test_german_qualifiers_and_verbs_of_subordinate_clauses(
        body: str, qualifier: str | None, direction: str) -> None:
    figure = only(body)
    assert (figure.qualifier, figure.direction) == (qualifier, direction)


@pytest.mark.parametrize(
    ("body", "directions"),
    [
        ("Ein Plus von 1,3 Prozent ist bei einem um 0,4 Prozent nachgebenden Index gut.",
         ["up", "down"]),
        ("Das EBIT verringert sich um 10 Prozent.", ["down"]),
        ("Die Experten erhöhen ihre Schätzung um rund 9 Prozent.", ["up"]),
        ("Die Inflation lag im März bei 2,4 Prozent.", [None]),
    ],
)
def test_german_participle_adjectives_present_tense_and_levels(
        body: str, directions: list[str | None]) -> None:
    assert [f.direction for f in figures(body) if f.kind == "percent"] == directions
