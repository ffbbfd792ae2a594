"""Forms of the 99th and 100th held-out sets (issue 9): Benzinga's brief tickers after a
legal name, a release that states its amounts are in US dollars, cents that borrow no
other paragraph's dollar, New Zealand's "cps", "several hundred million" as no amount,
moves carried by "lift", "Verteuerung", "schrumpften", a separable verb after "um rund"
and "a return of"; a wire's name and day glued to the headline's copy, a text-made-by
notice, newsletter boxes, an onvista quote box and tail, a regional paper's author box,
a file photo's credit; a short name hyphenated into a German compound, "und" inside a
name, the box of a release's ISIN, and German, Japanese, Nordic and Singapore companies
the directory lacked. Then: an earlier estimate after an aside and its second range, a
move restated as an amount ("0.4 per cent or S$0.06 up"), an index's quote after its code
and level, a picture's description above its credit, "Credit: AAP image", teaser and tag
lines, a template's slot, and an exchange operator as the place of trading.

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


def _figures(body: str, title: str = "") -> list[tuple[str, object, str | None, str | None]]:
    return [(f.text, f.value, f.currency, f.direction) for f in enrich(_article(title, body)).figures]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Orbit Lake Holdings Inc OLKH shares jumped 40% after the update.", {"OLKH"}),
        ("Meadowgrain Ltd MDGR was down after the offer. Sunfield Corp SNFD shares rose.", {"MDGR", "SNFD"}),
        # must not: a role or an accounting word after the legal name, no share word after the code
        ("Orbit Lake Holdings Inc CEO was upbeat. Meadowgrain Ltd EBITDA was higher.", set()),
        ("Orbit Lake Holdings Inc OLKH announced a deal.", set()),
    ],
)
def test_a_code_after_a_legal_name_and_before_its_shares_is_a_ticker(body: str, expected: set[str]) -> None:
    assert _tickers("", body) == expected


def test_a_release_that_states_its_dollars_keeps_them_american() -> None:
    body = ("TORONTO (GLOBE NEWSWIRE) -- Quarry Phosphate Inc. (TSX-V: QPHI) reported its results. All figures "
            "are in thousands of US Dollars except as otherwise noted. Adjusted EBITDA rose by over $17 million.")
    assert [(t, c) for t, _, c, _ in _figures(body) if t.startswith("$")] == [("$17 million", "USD")]
    # must not: without the statement, a Toronto Venture release's dollar is Canadian
    plain = body.replace("All figures are in thousands of US Dollars except as otherwise noted. ", "")
    assert [(t, c) for t, _, c, _ in _figures(plain) if t.startswith("$")] == [("$17 million", "CAD")]


def test_cents_borrow_no_dollar_from_another_paragraph() -> None:
    body = ("Four ASX shares fell today.\n\nKiwi Pay said revenue rose to NZ$96.5 million.\n\n"
            "The Dune Minerals (ASX: DUN) share price is down 17% to 23.2 cents.")
    assert [(t, c) for t, _, c, _ in _figures(body) if "cent" in t] == [("23.2 cents", "AUD")]
    # must not: in the same paragraph the cents stay with their dollar
    same = "Kiwi Pay earned NZ$9.8 million, or 23.2 cents a share."
    assert [(t, c) for t, _, c, _ in _figures(same) if "cent" in t] == [("23.2 cents", "NZD")]


def test_new_zealand_cents_per_share() -> None:
    body = "On the NZX, the grid owner declared 13.25 cents per share, taking the year to 25cps from 20cps."
    assert [(t, v, c) for t, v, c, _ in _figures(body) if c] == [
        ("13.25 cents", 0.1325, "NZD"), ("25cps", 0.25, "NZD"), ("20cps", 0.2, "NZD")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Der Auftrag hat einen Wert von mehreren hundert Millionen Euro.", []),
        ("Einige hundert Millionen Euro fließen in das Werk.", []),
        # must: a hundred millions stated as such
        ("Das Werk kostet hundert Millionen Euro.", [("hundert Millionen Euro", 1e8, "EUR", None)]),
    ],
)
def test_several_hundred_millions_are_no_amount(body: str, expected: list[tuple[str, float, str, None]]) -> None:
    assert _figures(body) == expected


@pytest.mark.parametrize(
    ("body", "direction"),
    [
        ("The group posted a 43% lift in net profit.", "up"),
        ("Die Aktie kommt auf eine Verteuerung von 4,51 Prozent.", "up"),
        ("Der Händler meldet eine Verbilligung von 3 Prozent.", "down"),
        ("Im Jahresverlauf zog der Kurs trotz des Rückschlags um rund 30 Prozent an.", "up"),
        ("Harbor Bank led large-cap gains at 5.7%.", "up"),
        ("The fund delivered a return of 10.1% in the year.", "up"),
        # must not: a level, not a move
        ("Its return on equity of 12% held steady.", None),
        ("The shares closed at 5% of the index weight.", None),
    ],
)
def test_moves_named_by_these_words(body: str, direction: str | None) -> None:
    assert [d for t, _, _, d in _figures(body) if t[0].isdigit()] == [direction]


def test_a_fraction_before_a_closing_verb_in_the_past() -> None:
    found = enrich(_article("", "Obwohl die Gewinne im Vorjahr um ein Fünftel schrumpften, blieb die Dividende.")).figures
    assert [(f.text, f.direction) for f in found] == [("ein Fünftel", "down")]


def test_a_wire_name_and_day_glued_before_the_headline_copy_leave_the_body() -> None:
    title = "Harbor Chinese Reports HK$199 Million Profit in H1"
    kept, notes = without_headline([f"Reuters Aug 28 {title}", "Harbor Chinese announced its results."], title)
    assert kept == ["Harbor Chinese announced its results."] and notes
    # must not: a sentence before the headline's words is story
    sentence = f"The company said in a statement on Friday that it had seen {title}"
    assert without_headline([sentence], title)[0] == [sentence]


@pytest.mark.parametrize(
    ("paragraph", "note"),
    [
        ("Disclaimer: This news brief was created by Wire Briefs (WRBF) using generative AI.", "disclaimer"),
        ("Market Daily in your inbox", "promotional line"),
        ("Start and end each day with the latest news delivered straight to your inbox.", "promotional line"),
        ("EinstellungenAktueller KursPerf. akt. Perf. 1 Jahr Chart 1 Jahr Einstellungen Siemens", "quote box"),
        ("Nikko Daily file photo The Tokyo Stock Exchange", "photo caption"),
    ],
)
def test_furniture_of_these_pages(paragraph: str, note: str) -> None:
    kept, notes = strip_boilerplate([paragraph])
    assert kept == [] and notes[0].startswith(note + ": ")


@pytest.mark.parametrize(
    "paragraph",
    ["Disclaimer: the author holds shares of the company.", "Readers asked which stocks are in your inbox today.",
     "The 1 Jahr chart was shown at the fair."],
)
def test_sentences_like_that_furniture_stay(paragraph: str) -> None:
    assert strip_boilerplate([paragraph]) == ([paragraph], [])


@pytest.mark.parametrize(
    "heading", ["Das könnte dich auch interessieren", "Dieser Artikel wurde geschrieben von: Anna Roe (zur Freigabe)"])
def test_a_page_tail_after_these_headings_leaves_the_body(heading: str) -> None:
    story = "Der Maschinenbauer meldete weniger Aufträge. " * 6
    kept, notes = strip_boilerplate([story, heading, "Andere Geschichte: Das sind die Ergebnisse"])
    assert kept == [story] and notes[0].startswith("page tail: ")


def test_a_short_name_hyphenated_into_a_german_compound_is_the_term() -> None:
    assert _tickers("", "Der Private-Equity-Fonds Advent erwägt ein Angebot für die Firma.") == set()
    # must: the company by its name, and a listed name hyphenated before "Aktie"
    assert _tickers("", "Die Private Equity Holding meldet Zahlen.") == {"PEHN.SW"}
    assert _tickers("", "Die Deutsche-Bank-Aktie stieg.") == {"DBK.DE"}


def test_und_inside_a_name_and_between_two() -> None:
    assert _tickers("", "Mensch und Maschine hob die Prognose an.") == {"MUM.DE"}
    assert _tickers("", "Siemens und BASF legten zu, Umsatz und Gewinn von Bayer auch.") == {
        "SIE.DE", "BAS.DE", "BAYN.DE"}


def test_a_release_box_with_wkn_and_isin_names_its_issuer() -> None:
    text = ("Gewinnschätzung der Beispiel AG\n\n2026-01-23\n\nAnzeige\n\n"
            "WKN: A3MQRK | ISIN: DE000A3MQRK6 | Ticker-Symbol: 3330\nXetra\n1,960 Euro\n\n"
            "Der Vorstand der Beispiel AG rechnet mit einem Jahresfehlbetrag.\n").encode()
    article = enrich(parse_seed_bytes(text, "x.txt")[0])
    assert [i.isin for i in article.instruments] == ["DE000A3MQRK6"]
    assert "WKN" not in article.body


@pytest.mark.parametrize(
    ("body", "ticker"),
    [
        ("Nabaltec und Deutsche Rohstoff legten zu.", {"NTG.DE", "DR0.DE"}),
        ("Cliq Digital, MPC Capital und Mynaric gaben nach.", {"CLIQ.DE", "MPCK.DE", "M0Y.DE"}),
        ("Orion Oyj raised its outlook.", {"ORNBV.HE"}),
        ("Singapore Exchange posted higher profit.", {"S68.SI"}),
        ("Metaplanet and Toyo Engineering led the mid caps.", {"3350.T", "6330.T"}),
    ],
)
def test_companies_the_directory_lacked(body: str, ticker: set[str]) -> None:
    assert _tickers("", body) == ticker


def test_an_earlier_estimate_after_an_aside_and_its_second_range_keep_the_growth_direction() -> None:
    body = ("The drugmaker now sees sales growth of 8% to 14% at constant exchange rates, well below its "
            "previous estimates of 13% to 21% and 16% to 24%, respectively.")
    assert [(f.value, f.high, f.direction) for f in enrich(_article("", body)).figures] == [
        (8.0, 14.0, "up"), (13.0, 21.0, "up"), (16.0, 24.0, "up")]
    # must not: two ranges that are shares, not moves
    shares = "The two units were 5% to 7% and 2% to 3% of the total."
    assert [f.direction for f in enrich(_article("", shares)).figures] == [None, None]


def test_the_move_restated_as_an_amount_with_its_word_after_both() -> None:
    body = "Shares of the bourse ended 0.4 per cent or S$0.06 up at S$16.34. It held 5% or so."
    assert [(f.text, f.direction) for f in enrich(_article("", body)).figures if f.kind == "percent"] == [
        ("0.4 per cent", "up"), ("5%", None)]


def test_an_index_quote_after_its_code_and_level_is_no_figure() -> None:
    body = "(Sharecast News) - FTSE 250 (MCX) 20,936.42 0.44%\n\nOffice landlord Workbench (WBH) fell 12.5%."
    assert [f.text for f in enrich(_article("", body)).figures] == ["12.5%"]


@pytest.mark.parametrize(
    ("paragraphs", "kept"),
    [
        # a picture's description without a sentence's end, then its credit
        (["The shares fell.", "A trader looks at a red line trending sharply downward", "Image source: Getty Images"],
         ["The shares fell."]),
        (["Traders on Wall Street. Credit: AAP image", "The Dow rose."], ["The Dow rose."]),
        (["Die Aktie stieg.", "Hier zum vollständigen Artikel"], ["Die Aktie stieg."]),
        (["| More on:", "The shares fell."], ["The shares fell."]),
        (["{{col.header}}", "The shares fell."], ["The shares fell."]),
        # must not: a sentence before the credit stays
        (["The shares fell sharply on Friday.", "Image source: Getty Images"], ["The shares fell sharply on Friday."]),
    ],
)
def test_captions_and_page_slots_leave_the_body(paragraphs: list[str], kept: list[str]) -> None:
    assert strip_boilerplate(paragraphs)[0] == kept


def test_an_exchange_operator_as_the_place_of_trading_is_no_filing() -> None:
    body = "Meistgehandelte Aktie auf den Marktplätzen der Deutschen Börse war 2G Energy."
    assert "DB1.DE" not in _tickers("", body)
    # must: the operator's own shares
    assert "DB1.DE" in _tickers("", "Die Aktie der Deutschen Börse stieg um 2 Prozent.")
