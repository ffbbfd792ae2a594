"""Forms of the 101st to 108th held-out sets (issue 9). From 101 and 102: a company's
code on another venue than the directory's listing, Tiger Brokers' "$Name(CODE)$" tags, an exchange
operator as the place of listing, capitals that pick a name's initials, "TERP", Swiss
basis points "BP" and francs "Fr", onvista's and Bloomberg's boxes, a signed-off
sentence that is not continued, growth named after a level's figure, a London report's
"SSE", a German count after an adjective, "von rund 77 auf etwa 82 Prozent", German
thousands after a currency code, and Indian, Korean, Singapore, US and AIM companies the
directory lacked. From 103 to 108 (marked below): moves restated after a comma, glued
ranges, captions, promotions and page stamps, a German authority's abbreviation, a seed
dated by its month only, colloquial and Swiss German moves, an aside in parentheses, a
move noun before a reflexive verb, and more companies the directory lacked.

Every text is our own; the expected results were written before the code ran.
"""

from __future__ import annotations

import pytest

from tests.unit.test_figures_estimates_and_home_dollars import _article
from tests.unit.test_forms_of_sets_67_to_71 import _tickers
from tui_reader.extract import enrich
from tui_reader.extract.boilerplate import strip_boilerplate
from tui_reader.extract.instruments import find_instruments
from tui_reader.sources.seeds import parse_seed_bytes


def _figures(body: str) -> list[tuple[str, object, str | None, str | None]]:
    return [(f.text, f.value, f.currency, f.direction) for f in enrich(_article("", body)).figures]


def test_a_companys_code_on_another_venue_is_that_venues_listing() -> None:
    body = "The first share to be cut is building materials maker James Hardie Industries (ASX: JHX)."
    assert "JHX.AX" in _tickers("", body)


def test_a_tiger_tag_names_its_listing_and_its_name_is_no_second_company() -> None:
    body = "$Keppel DC Real Estate Investment Trust(AJBU.SI)$ (Reit): the offering was fully subscribed."
    assert _tickers("", body) == {"AJBU.SI"}
    assert _tickers("", "$Apple(AAPL)$ rose after the event.") == {"AAPL"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The new units will list on the Singapore Exchange on Dec 18.", set()),
        ("The bond is traded on the London Stock Exchange.", set()),
        # must: the operator's own shares
        ("Shares of the Singapore Exchange rose 2% after its results.", {"S68.SI"}),
    ],
)
def test_an_exchange_as_the_place_of_listing_is_no_filing(body: str, expected: set[str]) -> None:
    assert _tickers("", body) == expected


def test_capitals_that_pick_the_names_initials_abbreviate_it() -> None:
    body = ("Harbour Institute of Advanced Dentistry (HAD) set up a review. The move follows HAD’s auditors "
            "issuing a note.")
    assert "HAD" not in _tickers("", body)
    body = "Singapore Institute of Advanced Medicine (SAM) set up a committee. SAM’s auditors agreed."
    assert "SAM" not in _tickers("", body)
    # must: a ticker that is no pick of the name's initials
    assert "SAM" in _tickers("", "Boston Beer (SAM) fell after the report.")


def test_a_theoretical_ex_rights_price_is_no_ticker() -> None:
    assert _tickers("", "Der Preis liegt 35,9 Prozent unter dem rechnerischen Kurswert (TERP).") == set()


def test_swiss_basis_points_and_francs() -> None:
    found = _figures("Die Bruttomarge lag bei 83 BP, Wertberichtigungen von 149 Mio. Fr Bis Ende Jahr.")
    assert [(t, c) for t, _, c, _ in found] == [("83 BP", None), ("149 Mio. Fr", "CHF")]
    assert [f.unit for f in enrich(_article("", "Die Marge lag bei 83 BP.")).figures] == ["bp"]
    assert "BP.L" not in _tickers("", "Die Bruttomarge lag bei 83 BP.")
    # must not: Friday's abbreviation; must: the oil company
    assert _figures("Am Fr 12.5. kam die Meldung.") == []
    assert "BP.L" in _tickers("", "BP shares fell after the update.")


@pytest.mark.parametrize(
    ("paragraphs", "kept"),
    [
        (["Nvidia rose 16%.", "Most Read from Bloomberg", "Stocks Rally as AI Craze Sweeps On\nT-Bills Without Tax",
          "The shares added $277 billion."], ["Nvidia rose 16%.", "The shares added $277 billion."]),
        (["Nvidia rose 16% in a day.Most Read from BloombergStocks Rally as AI Craze Sweeps On"], ["Nvidia rose 16% in a day."]),
        (["Listen to the Big Take podcast on iHeart and Spotify.", "Nvidia rose."], ["Nvidia rose."]),
        (["Werbung ausblenden", "Ströer stiegen."], ["Ströer stiegen."]),
    ],
)
def test_bloomberg_and_onvista_boxes_leave_the_body(paragraphs: list[str], kept: list[str]) -> None:
    assert strip_boilerplate(paragraphs)[0] == kept


def test_onvista_teasers_end_the_story() -> None:
    story = "Die Dividende will der Konzern auf das gesetzliche Minimum senken, sagte er. " * 4
    kept, notes = strip_boilerplate([story, "onvista Premium-Artikel Kolumne von Jane Roe Die Industrie ist …"])
    assert kept == [story] and notes[0].startswith("page tail: ")


def test_a_signed_off_sentence_is_not_continued_by_the_next_paragraph() -> None:
    text = "Headline\n\n2025-06-02\n\nDie Dividende soll 4 Cent je Aktie betragen./ag/men\n\nonvista Premium-Artikel\n"
    body = parse_seed_bytes(text.encode(), "x.txt")[0].body
    assert body.split("\n\n")[0].endswith("/ag/men")


@pytest.mark.parametrize(
    ("body", "direction"),
    [
        ("But this reflected a return to 3% organic growth in the quarter.", "up"),
        ("It saw underlying revenue growth accelerating to 8% in the quarter.", "up"),
        # must not: a level
        ("Its margin rose to 9.8% in the year.", None),
    ],
)
def test_growth_named_around_a_levels_figure(body: str, direction: str | None) -> None:
    assert [d for *_, d in _figures(body)] == [direction]


def test_a_london_reports_sse_is_the_utility() -> None:
    body = "London's FTSE 100 was flat. SSE is down 2.1%, Fresnillo fell.\n\nSSE (SSE) 1,886.00p -1.18%"
    assert "SSE.L" in {i.ticker for i in find_instruments("FTSE 100 movers", body, [])}
    # must not: Shanghai's exchange in a Chinese market report
    assert _tickers("China stocks", "Stocks on the SSE rose 2% as the SSE Composite gained.") == set()


def test_a_german_count_after_an_adjective_borrows_no_currency() -> None:
    body = "Für bis zu 300 Millionen Euro will sie bis zu 14 Millionen eigene Aktien zurückkaufen."
    assert [t for t, *_ in _figures(body)] == ["300 Millionen Euro"]
    # must: the amount compared with the year before
    assert [(t, c) for t, _, c, _ in _figures("Von 94 Millionen im Vorjahreszeitraum auf 101,7 Millionen Euro.")] == [
        ("94 Millionen", "EUR"), ("101,7 Millionen Euro", "EUR")]


def test_a_qualifier_before_the_first_of_two_levels() -> None:
    assert [(t, v) for t, v, *_ in _figures("Der Anteil steigt von rund 77 auf etwa 82 Prozent.")] == [
        ("77", 77.0), ("82 Prozent", 82.0)]


def test_german_thousands_after_a_currency_code() -> None:
    assert [v for _, v, *_ in _figures("Die Firma hat mit der Platzierung GBP830.000 eingesammelt und die Aktie fiel.")] == [830000.0]
    # must not: English keeps the decimal point
    assert [v for _, v, *_ in _figures("The firm raised GBP830.000 through the placing.")] == [830.0]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Analysts kept their buy call on IndiGo, Trent and SBI Cards.", {"INDIGO.NS", "TRENT.NS", "SBICARD.NS"}),
        ("Samsung Life Insurance and Samsung Fire & Marine Insurance rose.", {"032830.KS", "000810.KS"}),
        ("Tilray Brands Inc. surged 28%, Monte Rosa Therapeutics Inc. 13%.", {"TLRY", "GLUE"}),
        ("Peel Hunt advised Verditek on the placing.", {"PEEL.L", "VDTK.L"}),
    ],
)
def test_companies_the_directory_lacked(body: str, expected: set[str]) -> None:
    assert _tickers("", body) == expected


# Forms of the 103rd and 104th held-out sets.


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Shares of the bank reversed gains and closed 0.3 per cent, or S$0.16, down at S$52.57.",
         [("0.3 per cent", "down")]),
        ("The index closed 0.2 per cent or 9.36 points up at 4,355.82.", [("0.2 per cent", "up")]),
        ("Sales rose 4%, alongside margin accretion of 30 basis points.", [("4%", "up"), ("30 basis points", "up")]),
    ],
)
def test_moves_restated_after_a_comma_and_accretion(body: str, expected: list[tuple[str, str]]) -> None:
    found = enrich(_article("", body)).figures
    assert [(f.text, f.direction) for f in found if f.kind == "percent"] == expected


def test_two_amounts_a_page_glued_together_are_a_range() -> None:
    body = "Management lowered revenue guidance to $10.85 billion$11.00 billion and EPS to $2.18$2.23."
    found = [(f.value, f.high) for f in enrich(_article("", body)).figures]
    assert found == [(10.85e9, 11.0e9), (2.18, 2.23)]
    # must not: two amounts a space apart with no range word
    assert [f.high for f in enrich(_article("", "It paid $5 $6 times over.")).figures] in ([None, None], [None])


@pytest.mark.parametrize(
    "paragraph",
    ["Traders work on the floor of the exchange. The maker hit $4 trillion. Photograph: Jane Roe/Getty",
     "In this June 27, 2025, file photo, people walk in front of Exchange Square. (JANE ROE / DAILY)",
     "Open FREE Demat Account within minutes!", "Visit GuruFocus today to learn more.",
     "Our Services: SIPP Account", "Investment outlook: see all the expert opinion",
     "Kaufen Sie ein Produkt über einen mit (*) gekennzeichneten Werbelink, erhalten wir eine Provision.",
     "100 % unabhängig dank Ihres Klicks"],
)
def test_more_captions_and_promotions_leave_the_body(paragraph: str) -> None:
    assert strip_boilerplate([paragraph])[0] == []


@pytest.mark.parametrize("paragraph", ["100 companies reported results.", "Our services unit grew 5%."])
def test_sentences_like_those_promotions_stay(paragraph: str) -> None:
    assert strip_boilerplate([paragraph])[0] == [paragraph]


def test_a_pages_updated_stamp_on_another_day_is_no_date() -> None:
    body = "Published Thu, Sep 11, 2025 · 09:58 AM — Updated Fri, Sep 12, 2025 · 08:18 AM\n\nDBS shares rose."
    article = enrich(_article("", body))
    assert [f for f in article.figures if f.kind == "date"] == []
    # must: a day the story names
    story = enrich(_article("", "The deal closes on Fri, Sep 12, 2025, the bank said."))
    assert [f.value for f in story.figures if f.kind == "date"] == ["2025-09-12"]


def test_a_german_authoritys_compound_abbreviation_is_no_ticker() -> None:
    body = "Die Bundeswettbewerbsbehörde (BWB) hatte die Geldbuße beantragt, teilte die Firma mit."
    assert _tickers("", body) == set()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Tesco and M&S unwrap their results.", {"TSCO.L", "MKS.L"}),
        ("HDFC Life Insurance and Shriram Finance led the gains.", {"HDFCLIFE.NS", "SHRIRAMFIN.NS"}),
        ("Telix Pharmaceuticals and Santana Minerals climbed.", {"TLX.AX", "SMI.AX"}),
        ("Paragon Banking Group lifted its guidance.", {"PAG.L"}),
    ],
)
def test_companies_the_directory_lacked_in_sets_103_and_104(body: str, expected: set[str]) -> None:
    assert _tickers("", body) == expected


# Forms of the 105th and 106th held-out sets.


def test_a_month_for_a_date_still_lets_the_header_be_read() -> None:
    text = ("Aixtron-Aktie im Sturzflug\n\n2024-06\n\nSource: Beispielportal\nURL: https://example.com/a\n\n"
            "Die Aktie fiel um 2 Prozent.\n")
    article = parse_seed_bytes(text.encode(), "x.txt")[0]
    assert (article.source, article.url, article.published) == ("Beispielportal", "https://example.com/a", None)
    assert article.body == "Die Aktie fiel um 2 Prozent."


@pytest.mark.parametrize(
    ("body", "direction"),
    [
        ("Um 14 Prozent crashte gestern abermals die Aktie.", "down"),
        ("Der SLI ermässigt sich um 0,06 Prozent.", "down"),
        ("Das Ergebnis stieg gegenüber dem Vorjahreszeitraum (65 Millionen Euro) um 6 % und lag bei 69 Millionen Euro.",
         "up"),
    ],
)
def test_swiss_and_colloquial_german_moves_and_an_aside_before_the_figure(body: str, direction: str) -> None:
    assert [f.direction for f in enrich(_article("", body)).figures if f.kind == "percent"] == [direction]


@pytest.mark.parametrize("paragraph", ["Email this article to a friend", ".png)", "chart-2025-06.png"])
def test_a_share_link_and_an_image_file_name_leave_the_body(paragraph: str) -> None:
    assert strip_boilerplate([paragraph])[0] == []


def test_an_illustrations_credit_takes_its_caption_along() -> None:
    paragraph = "Investors jumped 44 per cent over the past year, with the index up.\nIllustration: Jane Roe"
    assert strip_boilerplate([paragraph])[0] == []
    assert strip_boilerplate(["The illustration: a chart of sales rose 5%."])[0] == [
        "The illustration: a chart of sales rose 5%."]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Banco Products (India), Godawari Power and Ispat (GPIL) and Radico Khaitan hit record highs.",
         {"BANCOINDIA.NS", "GPIL.NS", "RADICO.NS"}),
        ("Aya Gold & Silver and G Mining Ventures led the TSX miners.", {"AYA.TO", "GMIN.TO"}),
        ("Science Group agreed to buy the rival.", {"SAG.L"}),
    ],
)
def test_companies_the_directory_lacked_in_sets_105_and_106(body: str, expected: set[str]) -> None:
    assert _tickers("", body) == expected


# Forms of the 107th and 108th held-out sets.


def test_a_move_noun_before_a_reflexive_verb_and_its_level() -> None:
    found = enrich(_article("", "Das Plus verringerte sich auf gut 3 Prozent und die Aktie fiel.")).figures
    assert [(f.text, f.direction) for f in found] == [("3 Prozent", "up")]
    # must not: a level's noun
    assert [f.direction for f in enrich(_article("", "Die Marge verringerte sich auf 3 Prozent.")).figures] == [None]


@pytest.mark.parametrize(
    "paragraph", ["Werbung Werbung", "- Invest with ii: Share Dealing with ii | Open an ISA", "Suggested articles",
                  "Bildrechte: picture alliance/dpa | Jane Roe"])
def test_ad_labels_promotion_lines_and_picture_rights_leave_the_body(paragraph: str) -> None:
    assert strip_boilerplate([paragraph])[0] == []


def test_a_sentence_about_advertising_stays() -> None:
    assert strip_boilerplate(["Werbung ist wichtig für uns, sagte er."])[0] == ["Werbung ist wichtig für uns, sagte er."]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Lindsay Australia and Baltic Classifieds fell.", {"LAU.AX", "BCG.L"}),
        ("UmweltBank und Brain Biotech stiegen.", {"UBK.DE", "BNN.DE"}),
        ("Balkrishna Industries and Gabriel Holding slipped.", {"BALKRISIND.NS", "GABR.CO"}),
    ],
)
def test_companies_the_directory_lacked_in_sets_107_and_108(body: str, expected: set[str]) -> None:
    assert _tickers("", body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Der Umsatz soll 510,0 bis 550,0 (521,5) Mio. € erreichen.", [(510e6, 550e6), (521.5e6, None)]),
        ("Das Ebit soll zwischen 5,0 und 10,0 (8,5) Mio. € liegen.", [(5e6, 10e6), (8.5e6, None)]),
        # must not: a move from one level to another, and a single level with its prior one
        ("Das Ebit stieg auf 113 (Vorjahr: 144) Millionen Euro.", [(113e6, None), (144e6, None)]),
    ],
)
def test_a_german_outlook_range_with_last_years_value_in_parentheses(
        body: str, expected: list[tuple[float, float | None]]) -> None:
    assert [(f.value, f.high) for f in enrich(_article("", body)).figures] == expected
