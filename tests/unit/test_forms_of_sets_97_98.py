"""Forms of the 97th and 98th held-out sets (issue 9): a results release's spaced "m" and
the bankers' "mm", pence in price targets and lists, a London movers table, a line wrapped
mid-sentence, an earlier outlook's growth, the page's title with the site's name, the
Börsen-Zeitung's "sfr", German thousands shared by "bzw.", a quote box's row glued to the
story, "Bill. Yen", an index's ISIN under the prefix no country has, and Toronto, Indian,
Japanese and Australian companies the directory lacked.

Every text is our own; the expected results were written before the code ran.
"""

from __future__ import annotations

import pytest

from tests.unit.test_figures_estimates_and_home_dollars import _article
from tests.unit.test_forms_of_sets_67_to_71 import _tickers
from tui_reader.extract import enrich
from tui_reader.extract.boilerplate import strip_boilerplate
from tui_reader.extract.headline_copies import without_headline
from tui_reader.sources.seeds import parse_seed_bytes


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Group revenue came to GBP97.0 m, up from GBP 80.1 m.", [("GBP97.0 m", 97e6), ("GBP 80.1 m", 80.1e6)]),
        ("Pre-tax profit was £12.5 m for the half.", [("£12.5 m", 12.5e6)]),
        # must not: a deal type, a height, a word that starts with "m"
        ("The €2 M&A advisory fee was paid.", [("€2", 2.0)]),
        ("It paid $5 more per share.", [("$5", 5.0)]),
    ],
)
def test_a_spaced_m_after_an_amount_is_millions(body: str, expected: list[tuple[str, float]]) -> None:
    found = enrich(_article("", body)).figures
    assert [(f.text, f.value) for f in found if f.kind == "money"] == expected


def test_an_index_isin_under_xc_is_no_instrument() -> None:
    article = enrich(_article("", "Der Nikkei 225 (ISIN XC0009692440) stieg, Toyota Motor (JP3633400001) auch."))
    assert [i.isin for i in article.instruments] == ["JP3633400001"]


def _money(body: str) -> list[tuple[str, float, str | None, float | None]]:
    return [(f.text, f.value, f.currency, f.high) for f in enrich(_article("", body)).figures if f.kind == "money"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Profit came in at the lower end of the £853mm-888m consensus range.",
         [("£853mm-888m", 853e6, "GBP", 888e6)]),
        ("The bank started the builder with a 3,714p price target.", [("3,714p", 37.14, "GBP", None)]),
        ("It set price targets of 449p, 1,446p and 731p, respectively.",
         [("449p", 4.49, "GBP", None), ("1,446p", 14.46, "GBP", None), ("731p", 7.31, "GBP", None)]),
        ("Der Investor bietet 135 sfr je Aktie, insgesamt 1,05 Mrd. sfr.",
         [("135 sfr", 135.0, "CHF", None), ("1,05 Mrd. sfr", 1.05e9, "CHF", None)]),
        ("Zwei Banken trauen der Aktie 2.240 beziehungsweise 2.300 Euro zu.",
         [("2.240", 2240.0, "EUR", None), ("2.300 Euro", 2300.0, "EUR", None)]),
        ("Sie kauften Aktien im Wert von über 6 Bill. Yen.", [("6 Bill. Yen", 6e12, "JPY", None)]),
        # must not: a screw's size, one-digit pence of a clause number, a bill
        ("A 12mm screw and Section 3p, 4p of the code. Bill. Gates paid.", []),
    ],
)
def test_amounts_of_london_and_swiss_copy(body: str, expected: list[tuple[str, float, str | None, float | None]]) -> None:
    assert _money(body) == expected


def test_a_growth_outlook_cut_keeps_the_earlier_outlook_a_growth() -> None:
    body = ("The group now expects sales growth of 2% to 4%, down from a prior outlook of 5% to 7%. "
            "Margins fell to 12%, down from 14%.")
    found = [(f.text, f.direction) for f in enrich(_article("", body)).figures]
    assert found == [("2% to 4%", "up"), ("5% to 7%", "up"), ("12%", None), ("14%", None)]


def test_a_london_movers_table_is_the_story_not_a_ticker_strip() -> None:
    table = "Kestrel Homes (KHM) 382.70p -1.03% Arden Foods (ARF) 1,620.50p -1.58% Tollgate (TGT) 195.90p -1.31% " \
            "Marlow Mining (MMN) 42.53p -3.90%"
    assert strip_boilerplate(["FTSE 100 - Fallers", table])[0] == ["FTSE 100 - Fallers", table]
    # must not: a strip of index quotes stays furniture
    strip = "DAX 21.500 -0,5% MDAX 27.100 -0,3% Dow 44.010 -0,4% Gold 2.650 +0,6%"
    assert strip_boilerplate([strip, "Der Versorger gewann."])[0] == ["Der Versorger gewann."]


def test_a_quote_box_row_glued_to_the_story_leaves_it() -> None:
    kept, _ = strip_boilerplate(["Arden", "217.10 CHF -0.42% Der Index schloss kaum verändert."])
    assert kept == ["Arden", "Der Index schloss kaum verändert."]


def test_the_page_title_with_the_site_name_is_the_headline_again() -> None:
    title = "Kestrel to buy Arden for $2.4 billion"
    kept, notes = without_headline([f"{title} | Valley Daily Allegheny", "Kestrel said it will pay $2.4 billion."], title)
    assert kept == ["Kestrel said it will pay $2.4 billion."] and notes
    # must not: a paragraph that goes on after the headline is a sentence of the story
    sentence = f"{title} - the deal, announced on Thursday, ends a long search."
    assert without_headline([sentence], title)[0] == [sentence]


def test_a_line_wrapped_mid_sentence_is_no_heading() -> None:
    text = ("Kestrel raises outlook\n\nKestrel sees annual revenue in the range of $10.80\n"
            "billion to $10.92 billion, above the $10.70 billion to $10.85 billion it gave before.\n")
    body = parse_seed_bytes(text.encode(), "x.txt")[0].body
    assert body == ("Kestrel sees annual revenue in the range of $10.80 billion to $10.92 billion, "
                    "above the $10.70 billion to $10.85 billion it gave before.")
    # must not: a heading before a sentence stays apart
    text = "Kestrel raises outlook\n\nOutlook and risks\nThe company expects more of the same next year.\n"
    assert parse_seed_bytes(text.encode(), "x.txt")[0].body.split("\n\n")[0] == "Outlook and risks"


@pytest.mark.parametrize(
    ("text", "tickers"),
    [
        ("Corus Entertainment is up 11%. Equinox Gold, NexGen Energy and Centerra Gold rose; Laurentian Bank fell.",
         {"CJR-B.TO", "EQX.TO", "NXE.TO", "CG.TO", "LB.TO"}),
        ("Brookfield Renewable and Canada Goose Holdings were down sharply.", {"BEP", "GOOS.TO"}),
        ("Bharat Electronics and United Spirits reported results; Mitsui Kinzoku jumped.",
         {"BEL.NS", "UNITDSPR.NS", "5706.T"}),
        ("Austal reported a six-fold increase in its annual profit.", {"ASB.AX"}),
    ],
)
def test_companies_the_directory_lacked(text: str, tickers: set[str]) -> None:
    assert _tickers("", text) == tickers


def test_renewed_isins_of_toronto_lines() -> None:
    isins = {i.isin for i in enrich(_article("", "Celestica and Canopy Growth fell.")).instruments}
    assert isins == {"CA15101Q2071", "CA1380357048"}


def _seed_body(body: str) -> str:
    return parse_seed_bytes(f"Headline of the story\n\n2025-11-04\n\n{body}\n".encode(), "x.txt")[0].body


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a link on lines of its own: the move keeps its verb
        ("Shares of the maker have gained\n\n12%\n\nsince the report came out.",
         "Shares of the maker have gained 12% since the report came out."),
        ("Die Aktie ist seit Jahresbeginn um\n\n8 Prozent\n\ngestiegen.", "Die Aktie ist seit Jahresbeginn um 8 Prozent gestiegen."),
        # must not: a heading before its text, a sentence's end, a name before a number, a list
        ("Outlook for the year\n\nThe group expects more.", "Outlook for the year\n\nThe group expects more."),
        ("Revenue rose sharply.\n\n12% came from abroad.", "Revenue rose sharply.\n\n12% came from abroad."),
        ("Chief executive Anna Berg\n\n2025 was a good year.", "Chief executive Anna Berg\n\n2025 was a good year."),
        ("Key points of the day\n\n- sales up\n- costs down", "Key points of the day\n\n- sales up\n- costs down"),
        ("Short line\n\nand more text here.", "Short line\n\nand more text here."),
    ],
)
def test_a_sentence_a_saved_page_broke_is_one_paragraph_again(body: str, expected: str) -> None:
    assert _seed_body(body) == expected


def test_a_broken_sentence_keeps_the_direction_of_its_move() -> None:
    article = parse_seed_bytes(b"Headline\n\n2025-11-04\n\nThe stock has fallen\n\n9%\n\nthis year.\n", "x.txt")[0]
    assert [(f.text, f.direction) for f in enrich(article).figures] == [("9%", "down")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Operating profit was 320 MSEK, against 1,234.5 MSEK a year before.",
         [("320 MSEK", 320e6, "SEK"), ("1,234.5 MSEK", 1234.5e6, "SEK")]),
        ("Umsatz: 177.801 TEUR (Vorjahr 2.575 TEUR).", [("177.801 TEUR", 177.801e6, "EUR"), ("2.575 TEUR", 2.575e6, "EUR")]),
        ("Net sales came to 45 KSEK.", [("45 KSEK", 45e3, "SEK")]),
        # must not: a scale word beside the scaled code, a code without a number
        ("Es waren 12 Mio. TEUR, sagt der Bericht über MEUR.", []),
    ],
)
def test_a_code_after_the_amount_scaled_by_its_first_letter(
        body: str, expected: list[tuple[str, float, str]]) -> None:
    assert [(t, v, c) for t, v, c, _ in _money(body)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Der 25 prozentige Anstieg des Umsatzes überraschte.", [("25 prozentige", 25.0, "up")]),
        ("Nach einem 7,5 prozentigen Rückgang im Vorjahr.", [("7,5 prozentigen", 7.5, "down")]),
        # must not: a word, not digits, before the space
        ("Eine prozentige Angabe fehlt.", []),
    ],
)
def test_a_spaced_german_percent_adjective(body: str, expected: list[tuple[str, float, str]]) -> None:
    found = enrich(_article("", body)).figures
    assert [(f.text, f.value, f.direction) for f in found] == expected
