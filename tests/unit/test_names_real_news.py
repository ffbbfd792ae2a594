"""Filing on the forms real news takes: widely followed names outside the indices,
names without their accents, data vendors and picture credits cited as sources,
listed units named beside their parents, and surnames the article shows to be people.

Every sentence is our own, built on structures wire stories, US business sites and
German portals use ("analysts polled by ...", "Bild: ...", "die VW-Tochter ...").
"""

from __future__ import annotations

import pytest

from tui_reader.extract.directory import directory
from tui_reader.extract.instruments import find_instruments
from tui_reader.extract.name_context import SOURCE, mention_kind


def tickers(text: str) -> list[str | None]:
    return [i.ticker for i in find_instruments("", text, [])]


# --- breadth: widely followed companies outside the index lists ------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Twilio beat estimates and lifted its forecast.", ["TWLO"]),
        ("Rivian delivered fewer trucks than planned.", ["RIVN"]),
        ("Fastly shares slid after the outage.", ["FSLY"]),
        ("Jefferies upgraded the stock to buy.", ["JEF"]),
        ("Royal Bank of Canada reported higher trading income.", ["RY.TO"]),
        ("RBC and Scotiabank both raised their dividends.", ["RY.TO", "BNS.TO"]),
        ("Renk won a new order for tank gearboxes.", ["R3NK.DE"]),
        ("CMC Markets said client activity picked up.", ["CMCX.L"]),
        ("Coinbase and Robinhood rallied with bitcoin.", ["COIN", "HOOD"]),
        ("Snowflake guided above consensus.", ["SNOW"]),
        ("Spotify raised subscription prices in Europe.", ["SPOT"]),
        ("Reddit posted its first annual profit.", ["RDDT"]),
        ("Die Aktie von Hensoldt zog an.", ["HAG.DE"]),
        ("Covestro verlor nach der Prognosesenkung.", ["1COV.DE"]),
        ("Kioxia lifted memory prices.", ["285A.T"]),
        ("Leonardo and Renk led European defence stocks.", ["LDO.MI", "R3NK.DE"]),
    ],
)
def test_widely_followed_names_outside_the_indices(text: str, expected: list[str]) -> None:
    assert sorted(tickers(text)) == sorted(expected)


def test_a_listing_without_a_verified_isin_is_filed_by_its_symbol() -> None:
    listing = directory().by_ticker("TWLO")
    assert listing is not None and listing.isin is None
    assert listing.key == "TWLO"
    (found,) = find_instruments("", "Twilio rose.", [])
    assert found.key == "TWLO"


def test_a_verified_isin_and_the_name_are_one_instrument() -> None:
    """German portals print the ISIN beside the name: both must file one instrument."""
    (renk,) = find_instruments("", "Renk (ISIN: DE000RENK730) gewann einen Auftrag. Renk-Aktie stieg.", [])
    assert (renk.ticker, renk.isin, renk.mentions) == ("R3NK.DE", "DE000RENK730", 3)


def test_cross_listings_share_their_company() -> None:
    found = directory()
    assert found.by_name("Royal Bank of Canada") == found.by_ticker("RY.TO")
    assert [i.ticker for i in found.listings("RY")] == ["RY.TO", "RY"]
    assert found.by_name("Shopify") == found.by_ticker("SHOP")
    assert found.by_ticker("SHOP.TO").isin == found.by_ticker("SHOP").isin


@pytest.mark.parametrize(
    "text",
    [
        "Toast and jam sales rose at the cafe.",
        "Snap judgments rarely help investors.",
        "Wise investors keep some cash.",
        "Grab a coffee before the open.",
        "Temperatures reached 40 degrees Celsius in the city.",
        "Gap between bid and ask widened.",
        "IG Metall rief zu Warnstreiks auf.",
        "Rocket launches were delayed by the storm.",
        "Ally of the senator said the bill would pass.",
        "Man arrested after the match, police said.",
        "VAT rises hit retailers.",
        "Opening Pandora's box, the court ruled.",
        "Frontline workers got a raise.",
        "Flex time is popular with staff.",
        "New Zealand cut rates again.",  # not Zealand Pharma
        "The Alaska pipeline reopened.",
        "CRISPR gene editing advanced.",
        "Legend has it the founder sold early.",
        "Restaurant sales rose in May.",
        "Esso raised fuel prices at its German stations.",
        "The shares are listed on Euronext Paris and Euronext Amsterdam.",
        "Der Netzbetreiber 50 Hertz baut eine neue Leitung.",
        "Galaxy phones sold well in Korea.",
        "Metro trains ran late in the capital.",
        "Array sizes grew with the new chips.",
    ],
)
def test_everyday_words_among_the_new_names_need_more_evidence(text: str) -> None:
    assert tickers(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Toast Inc. raised its outlook.", ["TOST"]),
        ("Toast (NYSE: TOST) raised its outlook.", ["TOST"]),
        ("Wise plc reported more customers.", ["WISE.L"]),
        ("Metro AG verkaufte weniger.", ["B4B.DE"]),
        ("Volvo Cars cut jobs while Volvo raised truck prices.", ["VOLCAR-B.ST", "VOLV-B.ST"]),
        ("Klarna and Figma rose after their listings.", ["KLAR", "FIG"]),
        ("Gap Inc. lifted its forecast.", ["GAP"]),
        ("FMC Corp cut its guidance.", ["FMC"]),
        ("Affirm shares jumped after the report.", ["AFRM"]),
        ("Man Group reported inflows.", ["EMG.L"]),
        ("VAT Group raised guidance.", ["VACN.SW"]),
    ],
)
def test_everyday_word_names_with_their_legal_form_or_ticker(text: str, expected: list[str]) -> None:
    assert tickers(text) == expected


def test_an_official_name_styled_in_lower_case_does_not_hide_its_parent() -> None:
    assert tickers("Thyssenkrupp rose in Frankfurt.") == ["TKA.DE"]
    assert tickers("Thyssenkrupp Nucera rose in Frankfurt.") == ["NCH2.DE"]


# --- accents and corporate words in name keys -----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Estée Lauder cut jobs.", "EL"),
        ("Estee Lauder cut jobs.", "EL"),
        ("The Estée Lauder Companies cut jobs.", "EL"),
        ("Nestle raised prices.", "NESN.SW"),
        ("L'Oreal grew in China.", "OR.PA"),
        ("Hermes kept its margin.", "RMS.PA"),
        ("Societe Generale sold a unit.", "GLE.PA"),
        ("Maersk cut its outlook.", "MAERSK-B.CO"),
    ],
)
def test_names_are_found_with_or_without_accents(text: str, expected: str) -> None:
    assert tickers(text) == [expected]


def test_by_name_folds_accents_and_reads_legal_words_of_shared_names() -> None:
    found = directory()
    assert found.by_name("Estee Lauder") == found.by_name("The Estée Lauder Companies") == found.by_ticker("EL")
    assert found.by_name("Merck KGaA") == found.by_ticker("MRK.DE")
    assert found.by_name("Merck & Co.") == found.by_ticker("MRK")
    assert found.by_name("Merck") is None  # two companies: the bare name decides nothing


# --- sources and credits are not subjects ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Analysts polled by FactSet expect earnings of $1.20 a share.",
        "Revenue beat the average estimate, according to LSEG data.",
        "Data compiled by Bloomberg show the fund grew.",
        "Laut FactSet erwarten Analysten 2,10 Euro je Aktie.",
        "Die Schätzungen von FactSet liegen darüber.",
        "Quelle: Refinitiv",
        "Profit per share topped estimates, per S&P Global Market Intelligence.",
        "FactSet-Daten zufolge liegt der Konsens bei 4 Prozent.",
        "Photo: Shutterstock",
        "Bild: picture alliance / Shutterstock",
        "© Shutterstock",
        "Image by Shutterstock",
        "The consensus, according to Morningstar, is a hold.",
        "Morningstar analysts rate the fund a buy.",
        "It carries a Morningstar rating of four stars.",
        "S&P Global Ratings cut the outlook to negative.",
        "LSEG Data & Analytics figures show a drop.",
    ],
)
def test_vendors_and_credits_cited_as_sources_file_nothing(text: str) -> None:
    assert tickers(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FactSet raises its outlook for the year.", ["FDS"]),
        ("S&P Global said revenue rose.", ["SPGI"]),
        ("LSEG agreed a buyback.", ["LSEG.L"]),
        ("Morningstar reported higher licensing revenue.", ["MORN"]),
        ("Sales rose 5%, according to Apple.", ["AAPL"]),  # a company quoting itself
        ("Apple said: sales rose.", ["AAPL"]),
        ("FactSet raised prices. Analysts polled by FactSet expect more.", ["FDS"]),
    ],
)
def test_the_same_companies_as_subjects_are_filed(text: str, expected: list[str]) -> None:
    assert tickers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Aktie ist an der Deutschen Börse notiert.", []),
        ("The company listed on HKEX last year.", []),
        ("The lender was delisted from the Nasdaq.", []),
        ("Die Deutsche Börse steigerte den Gewinn.", ["DB1.DE"]),
        ("HKEX reported record turnover.", ["0388.HK"]),
        ("Deutsche-Börse-Chef Weimer sprach.", ["DB1.DE"]),
    ],
)
def test_an_exchange_operator_named_as_the_venue_is_not_the_subject(text: str, expected: list[str]) -> None:
    assert tickers(text) == expected


def test_a_source_mention_is_judged_as_such() -> None:
    text = "Analysts polled by FactSet expect more."
    start = text.index("FactSet")
    assert mention_kind(text, start, start + 7, "factset") == SOURCE


# --- a listed unit and its parent ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thyssenkrupp Nucera won an electrolyser order.", ["NCH2.DE"]),
        ("Die Thyssenkrupp-Tochter Nucera gewann einen Auftrag.", ["NCH2.DE"]),
        ("Die Volkswagen-Tochter Traton hob die Prognose an.", ["8TRA.DE"]),
        ("Volkswagen's truck unit Traton raised its forecast.", ["8TRA.DE"]),
        ("Siemens Energy and Siemens Healthineers rose.", ["ENR.DE", "SHL.DE"]),
        ("Fresenius Medical Care fell.", ["FME.DE"]),
        ("Daimler Truck and Mercedes-Benz reported sales.", ["DTG.DE", "MBG.DE"]),
        ("Merck KGaA lifted its forecast.", ["MRK.DE"]),
        ("Merck & Co. lifted its forecast.", ["MRK"]),
        ("Porsche AG fell while Porsche SE held.", ["P911.DE", "PAH3.DE"]),
        ("Die Siemens-Tochter Healthineers legte zu.", ["SHL.DE"]),
        ("Die Siemens-Energy-Aktie stieg.", ["ENR.DE"]),  # a compound of the unit's name
        ("Die Daimler-Truck-Aktie fiel.", ["DTG.DE"]),
        ("Die Mercedes-Benz-Aktie fiel.", ["MBG.DE"]),
    ],
)
def test_a_listed_unit_is_filed_under_itself_only(text: str, expected: list[str]) -> None:
    assert sorted(tickers(text)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Volkswagen cut its outlook; its unit Traton held its own.", ["VOW3.DE", "8TRA.DE"]),
        ("Fresenius Medical Care fell, and Fresenius slipped too.", ["FME.DE", "FRE.DE"]),
        ("Siemens unit Mobility won a train order.", ["SIE.DE"]),  # an unlisted unit
        ("Die Fresenius-Tochter Kabi wuchs.", ["FRE.DE"]),
        ("Die Siemens-Aktie stieg.", ["SIE.DE"]),
    ],
)
def test_a_parent_named_on_its_own_is_filed(text: str, expected: list[str]) -> None:
    assert sorted(tickers(text)) == sorted(expected)


# --- a surname the article shows to be a person ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Judge Richard Eaton heard the case. Eaton, who joined the court in 1999, asked questions.",
        "Eaton asked questions. Judge Richard Eaton heard the case on Thursday.",
        "Bundestagspräsidentin Klöckner besucht ein Stahlwerk.",
    ],
)
def test_a_surname_shown_to_be_a_person_is_that_person_throughout(text: str) -> None:
    assert tickers(text) == []


def test_the_company_with_its_legal_form_stays_beside_the_person() -> None:
    assert tickers("Eaton Corp rose. Judge Richard Eaton ruled. Eaton left.") == ["ETN"]
    assert tickers("Klöckner & Co steigerte den Absatz; Julia Klöckner sprach.") == ["KCO.DE"]
