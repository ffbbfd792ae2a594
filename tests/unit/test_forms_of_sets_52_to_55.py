"""Forms of the 52nd to 55th held-out sets (issue 9): "nach oben"/"nach unten" after a
move, an English move noun with "of" after its figure, Indian wire credits, a known
name before an unknown code in parentheses, quarters that are not Q2 Holdings; moves
named after the figure ("ahead", "behind") or by new words ("hurt", "lifting",
"Volumenrückgänge in Höhe von"), lists that run past a level in billions or "the U.S.",
bare amounts that end a sentence, pence in a results table, RNS numbers, picture
credits, style sheets and dpa-AFX editors' codes.

Every text is our own; the expected results were written before the code ran.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.unit.test_forms_of_sets_40_to_43 import money, moves
from tui_reader.extract.boilerplate import strip_boilerplate
from tui_reader.extract.figures import find_figures
from tui_reader.extract.instruments import find_instruments


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Die Aktie ging nach den Zahlen um 14 Prozent nach oben.", [("14 Prozent", "up")]),
        ("Die Aktie ging nach den Zahlen um 9 Prozent nach unten.", [("9 Prozent", "down")]),
        ("The group reported a rise of around 25% of its order intake.", [("25%", "up")]),
        ("Traders saw a fall of 4% of the stock by midday.", [("4%", "down")]),
        # must not match: "nachgeben" is still down, a share of a whole still no move
        ("Die Aktie gab 3 Prozent nach.", [("3 Prozent", "down")]),
        ("The fund holds 20% of the shares.", [("20%", None)]),
    ],
)
def test_moves_of_set_52(body: str, expected: list[tuple[str, str | None]]) -> None:
    assert moves(body) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NEW DELHI (IANS) Infosys shares rose after the results.", ["INFY.NS"]),
        ("MUMBAI (PTI) Infosys shares rose after the results.", ["INFY.NS"]),
        ("Die Volkswagen (VW) hat am Freitag neue Zahlen vorgelegt.", ["VOW3.DE"]),
        ("Q2 net bookings rose 5% and H1 sales beat estimates.", []),
        # must not match: the company named Q2 Holdings is still filed
        ("Q2 Holdings rose after its Q2 results.", ["QTWO"]),
    ],
)
def test_filing_of_set_52(text: str, expected: list[str]) -> None:
    assert [i.ticker for i in find_instruments("", text, [])] == expected


# Forms of the 54th and 55th held-out sets.


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Online sales were hurt by some 12 percentage points by the calendar.", [("12 percentage points", "down")]),
        ("Der Versorger steigerte den Umsatz um 34 Prozent auf 1,8 Mrd. Euro, das operative Ergebnis (Ebit) "
         "um 46 Prozent.", [("34 Prozent", "up"), ("46 Prozent", "up")]),
        ("Sales decreased 0.2 per cent in the U.S. and 9.6 per cent in Canada.",
         [("0.2 per cent", "down"), ("9.6 per cent", "down")]),
        ("The order book stood 8.4 per cent ahead at the same point last year.", [("8.4 per cent", "up")]),
        ("Bookings were 3% behind last year.", [("3%", "down")]),
        ("Sales increased 4.6 percent in the UK to 11.4 billion pounds, 4.4 percent in Ireland to 731 million "
         "pounds, and 0.6 percent in Central Europe.", [("4.6 percent", "up"), ("4.4 percent", "up"), ("0.6 percent", "up")]),
        ("Revenue rose 3% to 5 billion euros, margins were 12% last year.", [("3%", "up"), ("12%", None)]),
        # must not match: "ahead of" is a time, and a verb before the figure wins
        ("Shares of Acme fell 5% ahead of the company's earnings report.", [("5%", "down")]),
        ("Shares rose 2% behind strong demand.", [("2%", "up")]),
        ("The broker sees gross margin expansion of 100 basis points.", [("100 basis points", "up")]),
        ("The board was lifting its interim dividend by 2.4% to 2.15 a share.", [("2.4%", "up")]),
        ("Der Konzern wies einen um 18 Prozent gestiegener Reingewinn aus.", [("18 Prozent", "up")]),
        ("Der Umsatz verminderte sich um 9,5 Prozent.", [("9,5 Prozent", "down")]),
        ("Die Analystin verweist auf Volumenrückgänge in Höhe von 5,5 Prozent.", [("5,5 Prozent", "down")]),
        # must not match: a new sentence after "U.S.", a margin "in Höhe von" stay without a move
        ("Sales decreased 0.2 per cent in the U.S. Margins were 9.6 per cent in Canada.",
         [("0.2 per cent", "down"), ("9.6 per cent", None)]),
        ("Der Umsatz stieg bei einer Marge in Höhe von 9 Prozent.", [("9 Prozent", None)]),
        ("Revenue rose 5% to over 7%.", [("5%", "up"), ("7%", None)]),  # a move to a level, no range
    ],
)
def test_moves_of_sets_54_and_55(body: str, expected: list[tuple[str, str | None]]) -> None:
    assert moves(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Der Auftragseingang stieg um 5 Prozent auf 1,51 Milliarden Franken. Der Bestelleingang lag bei "
         "1,20 Milliarden Franken und wuchs auf 1,25 Milliarden.",
         [("1,51 Milliarden Franken", 1.51e9, "CHF"), ("1,20 Milliarden Franken", 1.2e9, "CHF"),
          ("1,25 Milliarden", 1.25e9, "CHF")]),
        ("Revenue is seen at 16.2 billion euros ($17.9 billion) against a forecast for 15.5 billion.",
         [("16.2 billion euros", 16.2e9, "EUR"), ("$17.9 billion", 17.9e9, "USD"), ("15.5 billion", 15.5e9, "EUR")]),
        (" Dividends per share declared       100p            80p Earnings per share    21.5p    20.1p",
         [("100p", 1.0, "GBP"), ("80p", 0.8, "GBP"), ("21.5p", 0.215, "GBP"), ("20.1p", 0.201, "GBP")]),
        ("The shares traded in a 12-month range of 55.5p-97p.", [("55.5p-97p", 0.555, "GBP")]),
        ("Its 12-month range is 1,210p-1,515p.", [("1,210p-1,515p", 12.1, "GBP")]),
        ("It cut its EPS outlook to approximately 8 cents from 24 cents to 30 cents.",
         [("8 cents", 0.08, "USD"), ("24 cents to 30 cents", 0.24, "USD")]),
        ("Der Umsatz soll knapp 64 bis über 66 Milliarden Dollar erreichen.",
         [("64 bis über 66 Milliarden Dollar", 64e9, "USD")]),
        # must not match: a count that ends the sentence, a video format, an RNS number
        ("Der Umsatz lag bei 300 Millionen Euro. Die Zahl der Kunden stieg auf 40 Millionen.",
         [("300 Millionen Euro", 3e8, "EUR")]),
        ("The service streams at 1080p   and 720p on older sets.", []),
        ("See section 3p-4p of the rules.", []),
        ("Revenue rose from $5 billion to $6 billion.", [("$5 billion", 5e9, "USD"), ("$6 billion", 6e9, "USD")]),
    ],
)
def test_amounts_of_sets_54_and_55(body: str, expected: list[tuple[str, float, str]]) -> None:
    assert [(text, value, currency) for text, value, currency, _ in money(body)] == expected


def test_near_before_an_amount_is_approximate() -> None:
    figures = find_figures("The shares hold near $175 after the results.", None)
    assert [(f.text, f.qualifier) for f in figures] == [("$175", "approx")]
    # must not match: a level after "near" is still no move
    assert moves("The yield stood near 4.5% all week.") == [("4.5%", None)]


def test_the_publication_day_named_by_the_prose_is_a_figure() -> None:
    day = datetime(2025, 7, 24, 20, 23, tzinfo=UTC)
    found = find_figures("Der Konzern hat in einer Ad-hoc-Mitteilung vom 24. Juli 2025 Gespräche bestätigt.", day)
    assert [f.value for f in found if f.kind == "date"] == ["2025-07-24"]
    found = find_figures("On July 24, 2025, the company announced a buyback.", day)
    assert [f.value for f in found if f.kind == "date"] == ["2025-07-24"]
    # must not match: a byline's stamp or a page's date line stays out
    for stamp in ("Published on July 24, 2025. The company announced a buyback.",
                  "Thursday, 24 July 2025\n\nThe company announced a buyback."):
        assert [f for f in find_figures(stamp, day) if f.kind == "date"] == []


def test_a_us_dollar_reporter_listed_in_toronto_and_new_york_keeps_its_dollars() -> None:
    from tui_reader.extract import enrich
    from tui_reader.model import Article

    def currencies(body: str) -> set[str | None]:
        article = enrich(Article(id="a", source="Sample", title="Results", body=body,
                                 published=datetime(2024, 8, 1, tzinfo=UTC)))
        return {f.currency for f in article.figures if f.kind == "money"}

    assert currencies("Shopify (TSX:SHOP)(NYSE:SHOP) earned $0.26 per share on revenue of $2 billion.") == {"USD"}
    # must not match: a Toronto-only text about the same company is in Canadian dollars
    assert currencies("Shopify (TSX:SHOP) shares closed at $105.20 in Toronto.") == {"CAD"}


def test_an_rns_number_is_no_multiple() -> None:
    assert [f.value for f in find_figures("RNS Number : 9973X. Sales rose 3x in a year.", None)
            if f.kind == "multiple"] == [3.0]


def test_page_furniture_of_sets_54_and_55() -> None:
    story = "The engine maker said on Thursday that its profit rose."
    caption = "A model of an engine on the maker's stand at an airshow, on Tuesday, July 23, 2024."
    kept, notes = strip_boilerplate([caption, "Jane Roe | Bloomberg | Getty Images", story,
                                     "div { box-sizing: border-box; } .noselect { user-select: none; }",
                                     "The maker expects sales growth of 3-5 per cent. Credit: AFP Photo",
                                     "Der Experte erhöhte seine Schätzungen um bis zu 12 Prozent./tav/edh"])
    assert kept == [story, "Der Experte erhöhte seine Schätzungen um bis zu 12 Prozent."]
    assert [note.split(":")[0] for note in notes] == [
        "photo caption", "photo caption", "page code", "photo caption", "author codes"]
    # must not match: a one-sentence news paragraph before a credit line stays
    kept, notes = strip_boilerplate(["Revenue rose 5%.", "Jane Roe | Bloomberg | Getty Images", story])
    assert kept == ["Revenue rose 5%.", story] and len(notes) == 1
    # must not match: braces in prose, a path at a paragraph's end
    assert strip_boilerplate(["We use {braces: like this} in prose.", "Read more at example.com/news"]) == (
        ["We use {braces: like this} in prose.", "Read more at example.com/news"], [])
