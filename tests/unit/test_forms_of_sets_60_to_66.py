"""Forms of the 60th to 66th held-out sets (issue 9): a separable verb right before "um",
"collapsed", "in the red", worded ranges in billions, "Mil. Euro", a tip's "Buy (290p)",
"Posted on" date lines, home listings over US receipts, Irish and Canadian names, results
tables kept cell by cell, Australian releases' dollars, "Euro 64.3 billion", share-tip,
sign-up and teaser furniture, and a page's markup pasted into a seed.

Every text is our own; the expected results were written before the code ran.
"""

from __future__ import annotations

import pytest

from tests.unit.test_forms_of_sets_40_to_43 import moves
from tui_reader.extract.boilerplate import strip_boilerplate
from tui_reader.extract.figures import find_figures
from tui_reader.extract.instruments import find_instruments
from tui_reader.sources.seeds import parse_seed_bytes

# Forms of the 60th and 61st held-out sets.


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Der operative Gewinn ging um drei Prozent auf 2,7 Milliarden Euro zurück.", [("drei Prozent", "down")]),
        ("The shares collapsed more than 20% after the warning.", [("20%", "down")]),
        ("A 5.8pc plummet followed the news.", [("5.8pc", "down")]),
        ("Glenveagh finished 1.2 per cent in the red.", [("1.2 per cent", "down")]),
        ("Die Aktie ist bis zu zwei Prozent runtergegangen.", [("zwei Prozent", "down")]),
        # must not match: a verb without its particle says nothing, "in the red" needs its words
        ("Der Gewinn ging um drei Prozent auf 2,7 Milliarden Euro.", [("drei Prozent", None)]),
        ("Sales rose 3 per cent in the region.", [("3 per cent", "up")]),
    ],
)
def test_moves_of_sets_60_and_61(body: str, expected: list[tuple[str, str | None]]) -> None:
    assert moves(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Die Kosten lagen bei rund 400 Mil. Euro.", [("400 Mil. Euro", 4e8, "EUR", None)]),
        ("Der Konzern erwartet drei bis vier Milliarden Euro Gewinn.",
         [("drei bis vier Milliarden Euro", 3e9, "EUR", 4e9)]),
        ("The tipster says: Buy (290p).", [("290p", 2.9, "GBP", None)]),
        # must not match: a lone whole number of pence with no cue stays out
        ("The page 290p is blank.", []),
    ],
)
def test_amounts_of_sets_60_and_61(body: str, expected: list[tuple[str, float, str, float | None]]) -> None:
    from tests.unit.test_forms_of_sets_40_to_43 import money

    assert money(body) == expected


def test_date_lines_and_names_of_sets_60_and_61() -> None:
    text = b"A headline\n\nPosted on August 11, 2025\n\nSource: Example Wire\n\nThe story.\n"
    [article] = parse_seed_bytes(text, "a.txt")
    assert article.published is not None and article.published.date().isoformat() == "2025-08-11"
    assert [i.ticker for i in find_instruments("", "SSE Plc and Iberdrola SA raised grid spending.", [])] == [
        "SSE.L", "IBE.MC"]  # the home listing, not the US receipt of "Iberdrola SA"
    assert [i.ticker for i in find_instruments("", "Die Aktien der Ersten Group schlossen tiefer.", [])] == ["EBS.VI"]
    # must not match: net interest income is no NII Holdings, "twice more" a count
    assert find_instruments("", "The bank expects $95.5 billion of NII this year.", []) == []
    assert find_figures("The Fed could cut rates twice more before year-end.", None) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The S&P/TSX 60 was ahead 0.6% at midday.", [("0.6%", "up")]),
        ("Organic volume growth of 2.9% was offset by negative price/mix of 2.8%.", [("2.9%", "up"), ("2.8%", "down")]),
        # must not match: "ahead of" a level is no move
        ("Sales came in ahead of the 5% consensus.", [("5%", None)]),
    ],
)
def test_more_moves_of_sets_60_and_61(body: str, expected: list[tuple[str, str | None]]) -> None:
    assert moves(body) == expected


def test_pence_after_a_further_move_and_the_old_irish_euro_sign() -> None:
    found = find_figures("Barclays retreated a further 2.4p to 193.3p; CRH closed at ¤17.75.", None)
    assert [(f.text, f.value, f.currency, f.high) for f in found] == [
        ("2.4p", 0.024, "GBP", None), ("193.3p", 1.933, "GBP", None), ("¤17.75", 17.75, "EUR", None)]


def test_a_results_table_kept_cell_by_cell_keeps_its_changes() -> None:
    cells = ["Casino revenues", "£14.5m", "£9.5m", "+52%", "Poker revenues", "£0.6m", "£0.6m", "-5%"]
    kept, notes = strip_boilerplate(cells)
    assert kept == cells and notes == []
    # must not match: a quote widget's change under its ticker stays furniture
    kept, notes = strip_boilerplate(["NVDA", "-3.02%", "Nvidia said revenue rose."])
    assert "-3.02%" not in kept
    kept, notes = strip_boilerplate(["onsemi", "$61.20", "+0.08%", "The chipmaker said revenue rose."])
    assert "+0.08%" not in kept  # a price and its change under the name: still a quote


def test_asx_is_the_market_unless_written_with_its_legal_form() -> None:
    assert [i.ticker for i in find_instruments("", "ASX shares rose today.", [])] == []
    assert [i.ticker for i in find_instruments("", "ASX Limited reported a profit.", [])] == ["ASX.AX"]


def test_an_australian_release_names_its_own_dollars() -> None:
    from tui_reader.extract import enrich
    from tui_reader.model import Article

    article = enrich(Article(id="a", source="Wire", title="ASX Limited Half-Year Results",
                             body="Statutory profit of $73.7m, after a charge of $176.3m, announced in November. "
                                  "Interim dividend of 116.2c.", published=None))
    assert {f.currency for f in article.figures if f.kind == "money"} == {"AUD"}


# Forms of the 62nd and 63rd held-out sets.


@pytest.mark.parametrize(
    "furniture",
    ["Share your opinion and earn yourself a free Motley Fool premium report!",
     "Receive News & Ratings for Yellow Cake Daily", "Get Yellow Cake alerts:", "Unlock AI-picked Stocks",
     "Warum Bitcoin in keinem Portfolio fehlen sollte. Jetzt lesen -w-",
     "Titelfoto: Jane Roe / Shutterstock.com", "Chartanalysen für Aktien, Indizes, Währungen und den Goldpreis."],
)
def test_page_furniture_of_sets_62_and_63(furniture: str) -> None:
    story = "Revenue rose 13 per cent to 4.4 billion euros in the quarter."
    kept, notes = strip_boilerplate([furniture, story])
    assert kept == [story] and len(notes) == 1


def test_moves_and_codes_of_sets_62_and_63() -> None:
    assert moves("Proteome Sciences added 23% off the back of a trading update.") == [("23%", "up")]
    assert moves("It expects an improvement of approximately 100 basis points.") == [("100 basis points", "up")]
    assert [i.ticker for i in find_instruments("", "BT Group plc (LON: BT.A) raised its payout.", [])] == ["BT-A.L"]
    # must not match: a discount off a high is still a fall
    assert moves("The shares trade 20% off their high.") == [("20%", "down")]


# Forms of the 64th and 65th held-out sets.


def test_figures_of_sets_64_and_65() -> None:
    found = find_figures("Revenues reached Euro 64.3 billion; debt may not pass das 2,5-Fache des Ebitda.", None)
    assert [(f.text, f.kind, f.value) for f in found] == [
        ("Euro 64.3 billion", "money", 64.3e9), ("2,5-Fache", "multiple", 2.5)]
    assert moves("Es blieb ein um 1,7 Prozent tieferer Reingewinn.") == [("1,7 Prozent", "down")]
    assert moves("LVMH meldete Umsatzeinbussen von zwei Prozent.") == [("zwei Prozent", "down")]
    # must not match: a word that holds "Euro" is no code, "Europreis von 5 Euro" one amount
    assert [f.text for f in find_figures("Der Europreis lag bei 5 Euro.", None)] == ["5 Euro"]


@pytest.mark.parametrize(
    "furniture",
    ["Less than $10/month! Screen on your Watchlists with a free trial.",
     "+Get the most important news from Switzerland in your inbox"],
)
def test_page_furniture_of_sets_64_and_65(furniture: str) -> None:
    story = "Revenue rose 13 per cent to 4.4 billion euros in the quarter."
    kept, notes = strip_boilerplate([furniture, story])
    assert kept == [story] and len(notes) == 1


def test_a_seed_with_a_pages_markup_pasted_in_reads_as_text() -> None:
    text = (b'Meta falls after guidance\n\n2024-04-25\n\nSource: Example\n\n'
            b'Shares of <a href="https://example.com/meta" target="_blank">Meta</a> plunged 16.5 per cent.\n')
    [article] = parse_seed_bytes(text, "a.txt")
    assert article.body == "Shares of Meta plunged 16.5 per cent."
    # must not match: a comparison written with "<" stays as it is
    [plain] = parse_seed_bytes(b"Rates\n\n2024-04-25\n\nInflation stayed < 2% in May.\n", "b.txt")
    assert plain.body == "Inflation stayed < 2% in May."
