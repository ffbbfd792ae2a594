"""Forms of the 56th to 59th held-out sets (issue 9): a German participle right after
the figure, "trieben den Kurs", "two-hundred" (200, not 102), a portal's own day and
time in an overview's headline, MarketScreener's US date line, picture-agency captions,
Indian, Hong Kong, Nordic and Vienna names, Bloomberg's codes ("3908 HK"), a headline
that lists tickers, glued table rows, price boxes run together, spans back ("vor drei
Monaten"), valuation multiples, an everyday name with its chief or its results, and
German clauses that leave out their verb.

Every text is our own; the expected results were written before the code ran.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from tests.unit.test_forms_of_sets_40_to_43 import moves
from tui_reader.extract.boilerplate import strip_boilerplate
from tui_reader.extract.figures import find_figures
from tui_reader.extract.instruments import find_instruments
from tui_reader.sources.seeds import parse_seed_bytes


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Die zuletzt erholten Papiere sind am Morgen wieder um fast 12 Prozent eingebrochen.",
         [("12 Prozent", "down")]),
        ("Gute Zahlen trieben den Kurs vorbörslich um 3,5 Prozent auf 120 Dollar.", [("3,5 Prozent", "up")]),
        ("Schwache Zahlen trieben die Aktie um 6 Prozent nach unten.", [("6 Prozent", "down")]),
        # must not match: a participle after the figure still agrees with a verb before it,
        # and a level reached stays a level
        ("Die zuvor gefallenen Aktien sind um 5 Prozent gestiegen.", [("5 Prozent", "up")]),
        ("Die Aktie legte um 4 Prozent zu.", [("4 Prozent", "up")]),
    ],
)
def test_moves_of_set_57(body: str, expected: list[tuple[str, str | None]]) -> None:
    assert moves(body) == expected


def test_a_hyphenated_hundred_is_a_product() -> None:
    found = find_figures("Its fifty day moving average is $10.50 and its two-hundred day moving average "
                         "is $12.25.", None)
    assert [(f.kind, f.value) for f in found] == [("period", "P50D"), ("money", 10.5), ("period", "P200D"),
                                                   ("money", 12.25)]
    # must not match: a tens word and a unit still add up
    assert [(f.kind, f.value) for f in find_figures("The offer runs for twenty-four days.", None)] == [
        ("period", "P24D")]


def test_an_overviews_own_day_and_time_in_its_headline_is_no_figure() -> None:
    day = datetime(2014, 6, 9, 13, 18, tzinfo=UTC)
    assert find_figures("Überblick: FIRMEN vom 09.06.2014 - 15.15 Uhr", day) == []
    # must not match: the prose's own reference to that day stays a figure
    found = find_figures("Die Firma hat in einer Mitteilung vom 09.06.2014 neue Ziele genannt.", day)
    assert [f.value for f in found if f.kind == "date"] == ["2014-06-09"]


def test_a_us_date_line_with_a_bar_and_a_us_zone_is_month_first() -> None:
    text = (b"Indian shares rise on bank gains\n\n10/07/2020 | 01:50am EDT\n\nSource: Example Wire\n\n"
            b"Indian shares rose on Wednesday.\n")
    [article] = parse_seed_bytes(text, "a.txt")
    assert article.published == datetime(2020, 10, 7, 5, 50, tzinfo=UTC)


def test_a_picture_agencys_caption_line_is_no_story_text() -> None:
    story = "Shares of the studio rose as much as 15% on Friday after a report of an offer."
    caption = ("Two actors attend a launch party at a hotel bar on March 10, 2019 in Austin, Texas.")
    kept, notes = strip_boilerplate([caption, story])
    assert kept == [story] and notes and "caption" in notes[0]
    # must not match: a sentence of the story with a place and a date stays
    event = "The studio will hold its investor day on March 10, 2026 in Austin, Texas."
    kept, _ = strip_boilerplate([event, story])
    assert kept == [event, story]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Indian shares rose; the TCS buyback plan is awaited.", ["TCS.NS"]),
        ("Motilal Oswal finds the stock worth Rs 1,750.", ["MOTILALOFS.NS"]),
        ("HCL Technologies and Tech Mahindra fell 2%.", ["HCLTECH.NS", "TECHM.NS"]),
        ("Bajaj Finance and Muthoot Finance saw upgrades.", ["BAJFINANCE.NS", "MUTHOOTFIN.NS"]),
        ("Nachdem der Konkurrent Pilgrim's Pride sein Gebot zurückzog, stieg Tyson Foods ein.", ["PPC", "TSN"]),
        ("Swire Properties and New World Development gained in Hong Kong.", ["1972.HK", "0017.HK"]),
        ("The investment bank (CICC; 3908 HK) posted a jump in profit.", ["3908.HK"]),
        ("The courier SF Express (002352 SZ) and its rival (600233 SH) reported volumes.",
         ["002352.SZ", "600233.SS"]),
        # must not match: an amount in Hong Kong cents, a code with a digit too few
        ("Dividends rose to 12 HK cents (from 10 HK cents) per share.", []),
        ("The Shenzhen company (12345 SZ) rose.", []),
    ],
)
def test_filing_of_set_57(text: str, expected: list[str]) -> None:
    assert [i.ticker for i in find_instruments("", text, [])] == expected


def test_a_headline_listing_tickers_files_the_known_ones() -> None:
    title = "Movers For May 2 - BKS, HUM, LYB, ZZQX"
    body = "Barnes & Noble, Inc. (BKS) jumped 9%. Humana Inc. (HUM) fell 4%."
    assert [i.ticker for i in find_instruments(title, body, [])] == ["BKS", "HUM", "LYB"]
    # must not match: a headline of acronyms, or a list without a confirmed ticker
    assert [i.ticker for i in find_instruments("ECB, FED, BOE, SNB: rates on hold", "Rates held.", [])] == []
    assert [i.ticker for i in find_instruments("Watch: LYB, HUM, BKS", "Markets were quiet.", [])] == []


def test_a_plan_with_a_place_and_a_day_is_no_caption() -> None:
    plan = "The chief executive will speak at the conference on March 10, 2026 in Austin, Texas."
    assert strip_boilerplate([plan]) == ([plan], [])


# Forms of the 56th held-out set.


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Biggest losers: Acme Biometrics Group ASA -2.20 pct and Fjord Bio ASA -1.99 pct.",
         [("-2.20 pct", "down"), ("-1.99 pct", "down")]),
        ("Winners and losers Share Change Comment Nordwind 6,4%Rising earnings Skarp-0,8%Broker lowers to hold",
         [("6,4%", None), ("-0,8%", "down")]),
        ("Die Aktie ging nach den Zahlen gleich um 20 Prozent in den Keller.", [("20 Prozent", "down")]),
        # must not match: a ticker strip's item keeps out, a hyphen inside prose is no sign
        ("Markets: DAX -0.5% SMI +0.2% CAC -0.1%", []),
        ("The group targets a mid-20% margin.", [("20%", None)]),
    ],
)
def test_moves_of_set_56(body: str, expected: list[tuple[str, str | None]]) -> None:
    assert moves(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Revenue rose to $NZ805.3 million ($A773.6 million) in the half.",
         [("$NZ805.3 million", 805.3e6, "NZD"), ("$A773.6 million", 773.6e6, "AUD")]),
        ("Profit was 34.4 million kronor, up from 20.4 million.",
         [("34.4 million kronor", 34.4e6, "SEK"), ("20.4 million", 20.4e6, "SEK")]),
        ("Der Gewinn lag bei 12 Millionen Euro, nach 9,5 Millionen.",
         [("12 Millionen Euro", 12e6, "EUR"), ("9,5 Millionen", 9.5e6, "EUR")]),
        # must not match: a count after a money amount stays a count
        ("Sales were $5 million. The app has 20.4 million users.", [("$5 million", 5e6, "USD")]),
    ],
)
def test_amounts_of_set_56(body: str, expected: list[tuple[str, float, str]]) -> None:
    from tests.unit.test_forms_of_sets_40_to_43 import money

    assert [(text, value, currency) for text, value, currency, _ in money(body)] == expected


def test_a_doubling_inside_a_german_compound_is_a_multiple() -> None:
    found = find_figures("Einige Werte kommen auf mehr als eine Kursverdopplung; andere auf eine "
                         "annähernde Umsatzverdoppelung.", None)
    assert [(f.kind, f.value) for f in found] == [("multiple", 2.0), ("multiple", 2.0)]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("June 6, 2018 / 8:38 AM", datetime(2018, 6, 6, 8, 38, tzinfo=ZoneInfo("Europe/Berlin"))),  # no zone: a seed's
        ("03-Sep-2025 / 07:00 GMT/BST", datetime(2025, 9, 3, 6, 0, tzinfo=UTC)),
        ("Last updated: 03:06 21 Dec 2013 AEDT, First published: 04:06 21 Dec 2013 AEDT",
         datetime(2013, 12, 20, 17, 6, tzinfo=UTC)),
    ],
)
def test_date_lines_of_set_56(line: str, expected: datetime) -> None:
    text = f"A headline\n\n{line}\n\nSource: Example Wire\nURL: https://example.com/a\n\nThe story.\n".encode()
    [article] = parse_seed_bytes(text, "a.txt")
    assert article.published == expected and article.url == "https://example.com/a"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lundin Gold traded up by 8.5% after its results.", ["LUG.TO"]),
        ("The snus retailer Haypp reported a profit, and Ctek surged.", ["HAYPP.ST", "CTEK.ST"]),
        ("The retailer Verkkokauppa.com and Pihlajalinna rose.", ["VERK.HE", "PIHLIS.HE"]),
        ("Kürzlich erhielt Basilea eine Zahlung.", ["BSLN.SW"]),
        ("Risers: IWG (IWG) 142.85p 4.84%", ["IWG.L"]),
        ("Why a2 Milk shares are surging today", ["A2M.AX"]),
        ("Die Österreichische Post konnte sich um 1,8 Prozent verbessern.", ["POST.VI"]),
        ("Die Aktien von CPI Europe legten zu.", ["IIA.VI"]),
        ("Weniger euphorisch waren die Anleger über die Zahlen des Flughafens Wien.", ["FLU.VI"]),
        ("Infineon, Siltronic, Aixtron… – warum diese Werte oben stehen", ["IFX.DE", "WAF.DE", "AIXA.DE"]),
        # must not match: a first name is a person's before a company's ("Elisa" stays out
        # alone), the US cereal maker stays itself
        ("Elisa Brandt, an analyst, said the market was calm.", []),
        ("Post Holdings raised its outlook.", ["POST"]),
    ],
)
def test_filing_of_set_56(text: str, expected: list[str]) -> None:
    assert [i.ticker for i in find_instruments("", text, [])] == expected


def test_a_glued_table_row_and_an_old_target_in_parentheses() -> None:
    text = ("Share Change Comment\nNordwind 6,4%Rising earnings, dividend up\n"
            "Skarp-0,8%Broker lowers to hold (buy), target price SEK 345 (310)\n")
    found = find_figures(text, None)
    assert [(f.text, f.value, f.currency, f.direction) for f in found] == [
        ("6,4%", 6.4, None, None), ("-0,8%", 0.8, None, "down"), ("SEK 345", 345.0, "SEK", None),
        ("310", 310.0, "SEK", None)]
    # must not match: a percent glued to a lower-case word stays out, a year in parentheses is no level
    assert find_figures("a 5%share of the market", None) == []
    assert [f.text for f in find_figures("It paid SEK 345 (2024) a share.", None)] == ["SEK 345"]


def test_the_extractors_read_only_the_first_characters_of_a_huge_body() -> None:
    from tui_reader.extract import READ_LIMIT, enrich
    from tui_reader.model import Article

    body = "Acme Corp (NASDAQ: ACME) rose 5% on Monday.\n\n" + "Filler words here. " * (READ_LIMIT // 19) + (
        "\n\nBeta Inc (NYSE: BETA) fell 9%.")
    article = enrich(Article(id="a", source="Sample", title="Dump", body=body, published=None))
    assert [f.text for f in article.figures] == ["5%"]
    assert [i.ticker for i in article.instruments] == ["ACME"]
    assert article.body == body  # stored whole


def test_a_european_legal_form_is_never_a_us_companys() -> None:
    assert [i.ticker for i in find_instruments("", "Die Post AG konnte sich um 1,8 Prozent verbessern.", [])] != ["POST"]
    # must not match: the US company with its own form is still filed
    assert [i.ticker for i in find_instruments("", "Post Holdings Inc. raised its outlook.", [])] == ["POST"]


def test_a_price_box_run_together_is_furniture() -> None:
    box = ("Share Price is delayed by 15 minutes Get Live Data Share Price: 41.50 Bid: 40.00 Ask: 43.00 "
           "Change: 0.00 (0.00%) Spread: 3.00 (7.229%) Open: 0.00 High: 0.00 Low: 0.00 Prev. Close: 41.50")
    story = "The group said revenue rose 12% to £8.1m. High: demand in the second half."
    kept, notes = strip_boilerplate([box, story])
    assert kept == [story] and notes[0].startswith("quote box: ")
    kept, notes = strip_boilerplate(["0.000.00%", story])  # a widget's price and change glued
    assert kept == [story] and notes[0].startswith("quote line: ")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Der Dax hatte vor drei Monaten ein Rekordhoch erreicht.", ["P3M"]),
        ("The stock has fallen 20% since its peak 7 days ago.", ["P7D"]),
        ("Knapp drei Jahre später war die Firma an der Börse.", ["P3Y"]),
        # must not match: one unit back is the year-ago base, a comparison's base, a page's stamp
        ("Der Gewinn lag ein Jahr zuvor bei 5 Millionen Euro.", []),
        ("Revenue was higher than two years ago.", []),
        ("Updated 2 days ago\n\nThe stock rose.", []),
    ],
)
def test_spans_back_and_on_of_two_units_or_more_are_periods(body: str, expected: list[str]) -> None:
    assert [f.value for f in find_figures(body, None) if f.kind == "period"] == expected


# Forms of the 58th and 59th held-out sets.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Target is bursting into the holiday season. Target CEO Brian Cornell said demand held up.", ["TGT"]),
        ("Target’s quarterly sales of clothing rose 10% year over year.", ["TGT"]),
        # must not match: the word as a word stays out, a target of results too
        ("The retailer set a target for its quarterly sales.", []),
        ("Target revenue for 2026 is $5 billion, the company said.", []),
    ],
)
def test_an_everyday_name_with_its_chief_or_its_results_is_the_company(text: str, expected: list[str]) -> None:
    assert [i.ticker for i in find_instruments("", text, [])] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Shares in the group tank 15 per cent after a warning.", [("15 per cent", "down")]),
        ("Der Euro Stoxx 50 kam um 1,4 % voran.", [("1,4 %", "up")]),
        ("Der Dax liegt gut neun Prozent in der Gewinnzone.", [("neun Prozent", "up")]),
        ("Der Index liegt 3 Prozent in der Verlustzone.", [("3 Prozent", "down")]),
        # must not match: "kam" alone says nothing, a share of a whole stays a share
        ("Der Umsatz kam zu 40 Prozent aus Asien.", [("40 Prozent", None)]),
    ],
)
def test_moves_of_sets_58_and_59(body: str, expected: list[tuple[str, str | None]]) -> None:
    assert moves(body) == expected


def test_valuation_multiples_of_set_58() -> None:
    found = find_figures("The sector trades for about seven times 2025 earnings, while BofA trades for 8.4 times "
                         "and the stockpile was three times above expectations.", None)
    assert [(f.text, f.value) for f in found if f.kind == "multiple"] == [
        ("seven times", 7.0), ("8.4 times", 8.4), ("three times", 3.0)]
    # must not match: a count of events stays a count
    assert find_figures("He visited three times in 2025.", None) == []


@pytest.mark.parametrize(
    "text",
    ["Die Bank musste für Fälle rund um Residential Mortgage-Backed Securities (RMBS) zurückstellen.",
     "Die Kapitalanforderungen (SREP) der EZB fallen."],
)
def test_finance_acronyms_in_parentheses_are_no_tickers(text: str) -> None:
    assert [i.ticker for i in find_instruments("", text, [])] == []


@pytest.mark.parametrize(
    "furniture",
    ["Subscribe to gift this article", "Gift 5 articles to anyone you choose each month when you subscribe.",
     "Do you have questions about the biggest topics and trends from around the world? Get the answers here.",
     "Screenshot/finanzen.net"],
)
def test_page_furniture_of_set_59(furniture: str) -> None:
    story = "Revenue rose 13 per cent to 4.4 billion euros in the quarter."
    kept, notes = strip_boilerplate([furniture, story])
    assert kept == [story] and len(notes) == 1


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Im Fondsgeschäft sackten sie um 13 Prozent ab, im Handel um 19 Prozent.",
         [("13 Prozent", "down"), ("19 Prozent", "down")]),
        ("Der Umsatz lag mit 0,65 % nur leicht niedriger, im Vergleich zum Vorquartal um 12 %.",
         [("0,65 %", "down"), ("12 %", "down")]),
        # must not match: a new clause with its own verb, a level before
        ("Der Umsatz sank um 3 Prozent, im Ausland wuchs er um 5 Prozent.", [("3 Prozent", "down"), ("5 Prozent", "up")]),
        ("Die Marge lag bei 9 Prozent, im Vorjahr um 8 Prozent.", [("9 Prozent", None), ("8 Prozent", None)]),
    ],
)
def test_a_clause_that_leaves_out_its_verb_keeps_the_move_before(body: str, expected: list[tuple[str, str | None]]) -> None:
    assert moves(body) == expected


def test_rbi_is_raiffeisen_in_german_text_and_the_central_bank_in_english() -> None:
    german = "An der Wiener Börse gewann Andritz, während RBI, Porr und UNIQA Verluste verbuchten."
    assert "RBI.VI" in [i.ticker for i in find_instruments("", german, [])]
    # must not match: India's central bank
    assert [i.ticker for i in find_instruments("", "The RBI kept its repo rate unchanged on Friday.", [])] == []
