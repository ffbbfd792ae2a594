"""Forms of the 109th to 118th held-out sets (issue 9). From 109 and 110: a movers table
whose rows stand in paragraphs of their own under its heading, a small cap's code in
parentheses after a name whose initials (legal form included) it is, an everyday word at
the end of an unknown name, a London share-form marker ("(CDI)", "(DI)") before the
code, a London report's mover code, a share that "hit a record high", German
"gutgemacht", a move noun after "opening", and companies the directory lacked or had
wrong. From 111 and 112 (marked below): Hong Kong's five-digit codes, the Hong Kong
lines of companies listed in New York too, a model's version glued to a name, crowns in
a story about a Danish or Swedish company, a clinical trial's name, an exchange as the
keeper of an index, an old forecast range after the new one, a name met first inside a
longer one, and Nordic, Dutch and AIM small caps. From 113 and 114: a quote ticker's
rows run into one long paragraph, teasers between "++", German moves ("hoch",
"südwärts", "vorgerückt", "um" after a comma, plural compounds), the prior year's cents,
Deutsche Post in English copy, a name before a code the directory lacks, a dateline's
horizontal bar, an institute's abbreviation with "for" in its name. From 115 and 116: a
legal form's initial counts toward a ticker only in a price list, a venue code after a
longer name than the directory's, a range around a conversion in parentheses, German
"bzw." lists, a caterer, a German compound's abbreviation, a separable verb before "und
zwar", a Xetra class code in a quote. From 117 and 118: "um satte 48% ein", "im roten
Bereich", "vorankamen". And the companies each pair showed the directory lacked.

Every text is our own; the expected results were written before the code ran.
"""

from __future__ import annotations

import pytest

from tests.unit.test_figures_estimates_and_home_dollars import _article
from tests.unit.test_forms_of_sets_67_to_71 import _tickers
from tests.unit.test_forms_of_sets_101_to_108 import _figures
from tui_reader.extract import enrich
from tui_reader.extract.boilerplate import strip_boilerplate
from tui_reader.extract.directory import directory

_LONDON = "FTSE 250 movers: builders lead the way\n"
"""A London report's headline: codes in parentheses are London's."""


def _directions(body: str) -> dict[str, str | None]:
    return {text: direction for text, _, _, direction in _figures(body) if text.endswith("%")}


def test_a_movers_tables_rows_in_paragraphs_of_their_own_take_its_headings_direction() -> None:
    body = ("London's mid caps were mixed on Friday.\n\n"
            "FTSE 250 – Risers\n\n"
            "Alder Homes (ALD) 410.00p 6.10%\n\n"
            "Brook Mining (BRKM) 120.50p 4.25%\n\n"
            "Cairn Estates (CRNE) 75.20p 1.15%\n\n"
            "FTSE 250 – Fallers\n\n"
            "Dunmore Retail (DNMR) 88.10p 3.40%\n\n"
            "Elgin Freight (ELGF) 250.00p 2.05%\n")
    assert _directions(body) == {"6.10%": "up", "4.25%": "up", "1.15%": "up", "3.40%": "down", "2.05%": "down"}


def test_rows_under_a_heading_that_names_no_move_get_no_direction() -> None:
    # must not: index weights, a table of levels
    body = ("Index weights\n\n"
            "Alder Homes (ALD) 6.10%\n\n"
            "Brook Mining (BRKM) 4.25%\n")
    assert _directions(body) == {"6.10%": None, "4.25%": None}


def test_a_code_that_spells_a_names_initials_with_its_legal_form_is_its_ticker() -> None:
    body = "Harbourside Wind Fund Limited (HWFL) 91.20p 2.10%\n"
    assert _tickers(_LONDON, body) == {"HWFL.L"}
    # must not: the initials without the legal form are the name's abbreviation
    body = "The Harbourside Wind Fund (HWF) said its board would meet in May."
    assert _tickers("", body) == set()


def test_an_everyday_word_ending_an_unknown_name_is_not_the_known_company() -> None:
    # "Partners" alone is a key of Partners Group, but "Kestrel Partners" is another company
    body = "Kestrel Partners (KSTP) 149.00p 1.78%\n"
    assert _tickers(_LONDON, body) == {"KSTP.L"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Lough Drinks Group (CDI) (LDGP) 141.00p 2.92%\n", {"LDGP.L"}),
        ("C&C Group (CDI) (CCR) 141.00p 2.92%\n", {"CCR.L"}),
        ("888 Holdings (DI) (888) 84.05p 3.00%\n", {"EVOK.L"}),
        ("Wood Group (John) (WG.) 140.20p -3.11%\n", {"WG.L"}),
    ],
)
def test_a_london_share_form_marker_before_the_code_is_no_ticker(body: str, expected: set[str]) -> None:
    assert _tickers(_LONDON, body) == expected


def test_a_london_reports_mover_code_is_the_london_line() -> None:
    body = "British Airways owner IAG down 4.1%, while the budget carriers held up."
    assert _tickers("FTSE 100 closes lower as airlines drag", body) == {"IAG.L"}
    # must not: the same code in a report on another market is that market's listing
    assert _tickers("Gold miners rally", "Bullion rose. IAG up 4.1% after the miner's update.") == {"IAG"}


def test_a_share_that_hit_a_record_high_is_the_company() -> None:
    body = "London's Admiral hit a record high, rising 6.6% after strong half-year numbers."
    assert "ADM.L" in _tickers("", body)
    # must not: an index after "the"
    assert _tickers("", "The Dow hit a record high on Friday.") == set()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Seit dem Tief im Oktober hat der Index inzwischen wieder fast 10 Prozent gutgemacht.", "up"),
        ("Newsmax's wild 735% opening gain in March drew buyers to the IPO market.", "up"),
        ("The stock's 40% first-day jump was the largest of the year.", "up"),
    ],
)
def test_more_moves(body: str, expected: str) -> None:
    assert [direction for text, _, _, direction in _figures(body) if text.endswith(("%", "Prozent"))] == [expected]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Cleanaway Waste Management fell 3% after its half-year result.", {"CWY.AX"}),
        ("China Hongqiao rose 4% in Hong Kong as aluminium prices climbed.", {"1378.HK"}),
        ("Smith+Nephew and Convatec fell on the day.", {"SN.L", "CTEC.L"}),
        ("Drone maker Airo Group Holdings Inc. ended its first day 140% higher.", {"AIRO"}),
        ("Cable channel Newsmax Inc. opened far above its offer price.", {"NMAX"}),
    ],
)
def test_companies_the_directory_lacked(body: str, expected: set[str]) -> None:
    assert _tickers("", body) == expected


@pytest.mark.parametrize(
    ("lookup", "key", "expected"),
    [
        ("ticker", "6361.T", ("JP3166000004", "6361.T")),  # Ebara: pytickersymbols had another ISIN
        ("name", "W.A.G payment solutions", ("GB00BLGXWY71", "WPS.L")),
        # Just Eat plc was bought by Takeaway.com in 2020: "Just Eat" is the merged company since
        ("name", "Just Eat", ("NL0012015705", "TKWY.AS")),
        ("name", "Phoenix Group", ("GB00BGXQNP29", "SDLF.L")),  # renamed Standard Life (set 114)
        ("ticker", "FRO", ("CY0200352116", "FRO")),  # Frontline moved to Cyprus (set 114)
    ],
)
def test_listings_the_directory_had_wrong_or_stale(lookup: str, key: str, expected: tuple[str, str]) -> None:
    found_in = directory()
    listing = found_in.by_ticker(key) if lookup == "ticker" else found_in.by_name(key)
    assert listing is not None and (listing.isin, listing.ticker) == expected


# 111 and 112


def test_hong_kongs_five_digit_codes_are_yahoos_four() -> None:
    body = "Financials led: HSBC Holdings (00005.HK) rose 2% and AIA (01299.HK) gained 3.5%."
    assert _tickers("", body) == {"0005.HK", "1299.HK"}
    assert _tickers("", "Alibaba (09988 HK) rose 2%.") == {"9988.HK"}


def test_the_hong_kong_line_of_a_company_listed_in_new_york_too() -> None:
    assert _tickers("", "Baidu (09888.HK) fell 0.2% and JD.com (09618.HK) rose 1%.") == {"9888.HK", "9618.HK"}
    # must not: the company named alone in a US story is its New York line
    assert _tickers("", "Baidu shares rose in New York after the results.") == {"BIDU"}


def test_a_longer_bank_name_is_not_the_shorter_one_inside_it() -> None:
    assert _tickers("", "Agricultural Bank of China (01288.HK) rose 2.6%.") == {"1288.HK"}


def test_a_models_version_glued_to_a_name_is_no_company() -> None:
    assert _tickers("", "The new model is said to match GPT-5.2 and its rivals.") == set()
    # must not: the trust itself
    assert _tickers("", "GPT Group rose 2% after its results.") == {"GPT.AX"}


def _currencies(title: str, body: str) -> list[tuple[str, str | None]]:
    return [(f.text, f.currency) for f in enrich(_article(title, body)).figures if f.kind == "money"]


def test_crowns_in_a_story_about_a_danish_company_are_danish() -> None:
    body = "Die Aktie von Novo Nordisk fiel auf 326,35 Kronen; zuvor hatte sie mehr als 1.000 Kronen gekostet."
    assert _currencies("Novo Nordisk bricht ein", body) == [("326,35 Kronen", "DKK"), ("1.000 Kronen", "DKK")]
    # must not: a Norwegian company's crowns, and crowns the text says are Norwegian
    assert _currencies("Equinor legt zu", "Equinor stieg auf 250 Kronen.") == [("250 Kronen", "NOK")]
    body = "Novo Nordisk fiel deutlich. Der Zukauf kostet 300 norwegische Kronen je Aktie."
    assert _currencies("Novo Nordisk", body) == [("300 norwegische Kronen", "NOK")]


def test_a_clinical_trials_name_is_no_company() -> None:
    body = "Das Scheitern der EVOKE-Studien belastete die Aktie von Novo Nordisk."
    assert _tickers("", body) == {"NOVO-B.CO"}


def test_an_exchange_as_the_keeper_of_an_index_is_no_filing() -> None:
    body = "Das ist mehr als alle im Leitindex der Deutschen Börse gelisteten Unternehmen zusammen."
    assert _tickers("", body) == set()
    # must not: the operator's own shares
    assert _tickers("", "Die Aktie der Deutschen Börse stieg um 2 Prozent.") == {"DB1.DE"}


def test_an_old_forecast_range_after_the_new_one() -> None:
    body = ("It cut its outlook to a range of $18 million to $19 million, from the previous guidance of "
            "$33 million to $36 million.")
    ranges = [(f.value, f.high) for f in enrich(_article("", body)).figures if f.kind == "money"]
    assert ranges == [(18e6, 19e6), (33e6, 36e6)]
    # must not: the old level and the new one of a move
    body = "Toyota raised its forecast from the previous forecast of 84.0 billion yen to 87.5 billion yen."
    ranges = [(f.value, f.high) for f in enrich(_article("", body)).figures if f.kind == "money"]
    assert ranges == [(84e9, None), (87.5e9, None)]


def test_a_name_met_first_inside_a_longer_one_is_that_company_later() -> None:
    body = ("Securitas booked a charge for its subsidiary Paragon Systems. Paragon’s dealings with "
            "subcontractors are under review.")
    assert "PGN.DE" not in _tickers("", body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Pro Sieben Sat 1 steigt aus dem MDax ab.", {"PSM.DE"}),
        ("Vaisala and Terveystalo fell in Helsinki, Scanfil rose.", {"VAIAS.HE", "TTALO.HE", "SCANFL.HE"}),
        ("Dustin Group slumped in Stockholm while Tethys Oil gained.", {"DUST.ST", "TETY.ST"}),
        ("Alfen cut its revenue forecast again.", {"ALFEN.AS"}),
        ("Synectics and Strategic Minerals led AIM's risers.", {"SNX.L", "SML.L"}),
        ("China Feihe fell 3% in Hong Kong.", {"6186.HK"}),
    ],
)
def test_small_caps_of_111_and_112(body: str, expected: set[str]) -> None:
    assert _tickers("", body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The lender posted a 6 per cent improvement in quarterly profit.", "up"),
        ("Brokers flagged a 36% YoY EBITDA drop at the carmaker.", "down"),
        ("The grocer is hiking its dividend by 17 per cent.", "up"),
        # must not: a level before "operating"
        ("The group targets a 5% operating margin.", None),
    ],
)
def test_moves_of_111_and_112(body: str, expected: str | None) -> None:
    assert [direction for text, _, _, direction in _figures(body) if text.endswith(("%", "cent"))] == [expected]


def test_a_move_restated_as_an_amount_then_the_price_reached_is_no_range() -> None:
    body = "The bank's shares rose 2.7 per cent or S$0.90 to S$33.65 after the results."
    assert [(text, value) for text, value, _, _ in _figures(body) if text.startswith("S$")] == [
        ("S$0.90", 0.9), ("S$33.65", 33.65)]
    # must not: a range of percentages restated as a range of amounts
    body = "It guided to revenue growth of 7% to 11%, or $144 billion to $149 billion, for the quarter."
    amounts = [(f.value, f.high) for f in enrich(_article("", body)).figures if f.text.startswith("$")]
    assert amounts == [(144e9, 149e9)]


# 113 and 114


def test_a_quote_tickers_rows_joined_into_one_long_paragraph_leave_the_body() -> None:
    codes = "SPX DOW QQQ AAPL MSFT META GOOGL AMZN TSLA NVDA NIO BABA AMD NFLX PYPL DIS INTC COST SBUX ABNB"
    rows = " ".join(f"{code}   {100 + i}.25 (-{i % 9 + 1}.{i % 7}5%)" for i, code in enumerate(codes.split()))
    story = "The bank's stock is down 1.8% to trade at $82.50 before the bell."
    kept, notes = strip_boilerplate([rows, story])
    assert kept == [story] and notes[0].startswith("quote line: SPX")
    # must not: a long market report with as many percentages stays
    report = " ".join(f"Shares of company {i} rose {i}.5% after it reported results." for i in range(1, 12))
    assert strip_boilerplate([report, story])[0] == [report, story]


@pytest.mark.parametrize("paragraph", ["++ Diese Rohstoff-Aktien heben ab ++", "Jetzt sichern"])
def test_promotion_teasers_leave_the_body(paragraph: str) -> None:
    kept, _ = strip_boilerplate(["Die Aktie stieg um 3 Prozent.", paragraph, "Analysten blieben skeptisch."])
    assert paragraph not in kept


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("In Tokio springen die Aktien zeitweise um 8,16 Prozent hoch auf 23.735 Yen.", "up"),
        ("Für Roche ging es noch kräftiger südwärts, um 1,4 Prozent.", "down"),
        ("Die Aktie ist seit Jahresbeginn rund 4% vorgerückt.", "up"),
        ("Einige Titel bringen Wochengewinne von zehn Prozent.", "up"),
        # must not: "um" after a comma that closes a clause without a move
        ("Die Bank senkte das Kursziel, um 10 Prozent Abstand zu halten.", None),
    ],
)
def test_german_moves_of_113_and_114(body: str, expected: str | None) -> None:
    assert [direction for text, _, _, direction in _figures(body) if text.endswith(("%", "Prozent"))][:1] == [
        expected]


def test_the_prior_years_cents_in_parentheses() -> None:
    body = "It expects adjusted earnings per share of 55 (previous year: 53) cents."
    assert [(text, value) for text, value, _, _ in _figures(body)] == [("55", 0.55), ("53", 0.53)]


def test_post_in_english_copy_that_names_deutsche_post() -> None:
    body = ("KfW sells Post shares. The sale will reduce the development bank's stake in Deutsche Post AG "
            "to about 16.5 percent.")
    assert _tickers("", body) == {"DHL.DE"}
    # must not: the US cereal maker in a US story
    assert _tickers("", "Post Holdings raised its outlook as cereal volumes held up.") == {"POST"}


def test_a_name_before_an_exchange_code_the_directory_lacks_is_that_listing() -> None:
    body = "Laser maker Hesai (02525.HK) fell 4.7%."
    assert _tickers("", body) == {"2525.HK"}


def test_a_datelines_horizontal_bar() -> None:
    body = "TOKYO, Feb 9 ― Tokyo stocks closed higher today after strong profit reports."
    assert [text for text, _, _, _ in _figures(body)] == []


def test_an_institutes_abbreviation_with_for_in_its_name_is_no_ticker() -> None:
    body = ("The test was recommended by the National Institute for Health and Care Excellence (NICE) "
            "for routine use.")
    assert _tickers("FTSE 250 movers", body) == set()


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        ("", "Swiss Marketplace Group rose in Zurich.", {"SMG.SW"}),
        # must not: a cosmetics brand, and a US state's abbreviation
        ("", "Avon sales fell 5% in Brazil, Natura said.", set()),
        ("", "The firm, based in Houston, TX, said revenue rose.", set()),
        ("", "Apotea and Sveafastigheter listed in Stockholm; Modern Times Group fell.",
         {"APOTEA.ST", "SFAST.ST", "MTG-B.ST"}),
        ("", "XLMedia, Gfinity, GENinCode, Zephyr Energy and Roadside Real Estate moved on AIM.",
         {"XLM.L", "GFIN.L", "GENI.L", "ZPHR.L", "ROAD.L"}),
        ("", "Kiwoom Securities analyst Han said chips led the rally.", {"039490.KS"}),
        ("", "Shore Capital starts Avon Protection with a sell rating.", {"AVON.L"}),
        ("", "Hafnia led Oslo higher.", {"HAFNI.OL"}),
        ("", "Frontline Ltd (OL:FRO) rose 3.61%.", {"FRO.OL"}),
        ("", "Eckert&Ziegler lost 3,27 Prozent.", {"EUZ.DE"}),
        ("ASX 200 closes lower", "Rio Tinto Ltd (ASX:RIO) rallied late. Rio Tinto led the miners.", {"RIO.AX"}),
    ],
)
def test_companies_of_113_and_114(title: str, body: str, expected: set[str]) -> None:
    assert _tickers(title, body) == expected



# 115 and 116


def test_an_abbreviation_that_spells_the_legal_form_outside_a_price_list_is_no_ticker() -> None:
    body = "The central bank told Paytm Payments Bank Ltd (PPBL) to stop taking deposits."
    assert _tickers("", body) == set()


def test_a_venue_code_after_a_longer_name_than_the_directorys_is_that_code() -> None:
    body = "Charter Hall Social Infrastructure REIT (ASX: CQE) – Shares surged 8.5%."
    assert _tickers("", body) == {"CQE.AX"}


def test_a_range_around_a_conversion_in_parentheses() -> None:
    body = "It sees 2025 sales between 30 billion euros ($32.72 billion) and 35 billion euros."
    money = [(f.value, f.currency, f.high) for f in enrich(_article("", body)).figures if f.kind == "money"]
    assert money == [(30e9, "EUR", 35e9)]  # the conversion is inside the range: figures never overlap


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Roche und Novartis fanden sich mit Einbußen von 0,3 bzw 0,5 Prozent unter den Verlierern.",
         [("0,3", "down"), ("0,5 Prozent", "down")]),
        ("Auch Alcon gaben nach, und zwar um 0,8 Prozent.", [("0,8 Prozent", "down")]),
        ("Zwei Banken führen mit Jahresgewinnen von 69,1 bzw. 62,4 Prozent die Liste an.",
         [("69,1", "up"), ("62,4 Prozent", "up")]),
        # must not: a range's low end after "zwischen"
        ("Die Marge soll zwischen 5 und 7 Prozent liegen.", [("zwischen 5 und 7 Prozent", None)]),
    ],
)
def test_german_forms_of_115_and_116(body: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(text, direction) for text, _, _, direction in _figures(body)] == expected


def test_a_caterer_is_the_company() -> None:
    assert _tickers("", "Contract caterer Compass reports another strong year.") == {"CPG.L"}


def test_a_german_compounds_abbreviation_is_no_ticker() -> None:
    body = "Novartis will das Mittel über eine Direct-to-Patient-Plattform (DTP) direkt an Patienten verkaufen."
    assert _tickers("", body) == {"NOVN.SW"}


def test_a_xetra_class_code_in_a_quote_names_the_company() -> None:
    body = ("Am Mittwoch fielen Sixt (SIX2 111.90 +10.25%) (SIX3 66.20 +6.95%) auf. Der abtretende CEO "
            "Erich Sixt gibt sich nicht geschlagen.")
    assert _tickers("", body) == {"SIX2.DE"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Bystronic fell in Zurich.", {"BYS.SW"}),
        ("Billerud AB and Yubico AB led the Nordic gainers.", {"BILL.ST", "YUBICO.ST"}),
        ("Breville Group rallied at noon.", {"BRG.AX"}),
    ],
)
def test_companies_of_115_and_116(body: str, expected: set[str]) -> None:
    assert _tickers("", body) == expected


# 117 and 118


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "Gewinn" before it would say up: the verb closing the clause after "um satte" decides
        ("Im Quartal brach der Gewinn von Acme jedoch um satte 48% ein.", "down"),
        ("Das Papier stand mit mehr als 35 Prozent im roten Bereich.", "down"),
        ("Während Novartis 2% vorankamen, gab Roche nach.", "up"),
    ],
)
def test_german_moves_of_117_and_118(body: str, expected: str) -> None:
    assert [direction for text, _, _, direction in _figures(body)][:1] == [expected]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("X-Fab and InflaRx fell while About You rose.", {"XFAB.PA", "IFRX", "YOU.DE"}),
        ("EuroAPI and PolyPeptide slumped after their results.", {"EAPI.PA", "PPGN.SW"}),
        ("XP Power, Chrysalis Investments and Medcap moved.", {"XPP.L", "CHRY.L", "MCAP.ST"}),
    ],
)
def test_companies_of_117_and_118(body: str, expected: set[str]) -> None:
    assert _tickers("", body) == expected


# Must-nots a review of the rules above found


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        ("", "Die Airbus-2024-Zahlen überzeugten die Anleger.", {"AIR.PA"}),  # a year in a compound, no version
        ("", "Metro hit a record high ridership in 2025, the transit agency said.", set()),
        ("", "Nvidia rose 3%. Also hit a record high on Tuesday was Microsoft.", {"NVDA", "MSFT"}),
        ("", "Kestrel Partners (KES 120 +3.5%) rose.", {"KES"}),
        ("", "Toyota (OSE: 7203) rose.", {"7203.T"}),  # Osaka's OSE, not Oslo
    ],
)
def test_must_nots_of_the_review(title: str, body: str, expected: set[str]) -> None:
    assert _tickers(title, body) == expected


def test_an_old_forecast_range_after_a_new_range_of_prices() -> None:
    body = "EPS expectations were cut to a range of $6.00 to $6.50 from a previous forecast of $7.05 to $7.65."
    money = [(f.value, f.high) for f in enrich(_article("", body)).figures if f.kind == "money"]
    assert money == [(6.0, 6.5), (7.05, 7.65)]


def test_an_old_forecast_after_a_year_is_still_a_move() -> None:
    body = "Toyota raised its forecast for 2025 from the previous forecast of 84.0 billion yen to 87.5 billion yen."
    money = [(f.value, f.high) for f in enrich(_article("", body)).figures if f.kind == "money"]
    assert money == [(84e9, None), (87.5e9, None)]


def test_crowns_a_sentence_places_in_another_country_stay_as_read() -> None:
    body = ("Novo Nordisk fiel auf 326,35 Kronen. Der norwegische Konkurrent Equinor verdiente 5 Mrd. Kronen.")
    assert _currencies("Novo Nordisk bricht ein", body) == [("326,35 Kronen", "DKK"), ("5 Mrd. Kronen", "NOK")]


def test_a_final_clause_with_zu_inside_its_verb_gives_no_move() -> None:
    body = "Der Konzern senkte die Preise, um 10 Prozent Marktanteil zurückzugewinnen."
    assert [direction for _, _, _, direction in _figures(body)] == [None]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Top-Werte im Dax: " + ", ".join(f"Siemens Energy {i} +{i},2%" for i in range(1, 16))
        + "; schwächer: " + ", ".join(f"Adidas {i} -{i},1%" for i in range(1, 16)),
        "++ Dax schließt 1,2 Prozent fester ++",
    ],
)
def test_movers_in_prose_and_live_ticker_headings_stay(paragraph: str) -> None:
    kept, _ = strip_boilerplate(["Der Markt war fest.", paragraph, "Analysten blieben skeptisch."])
    assert paragraph in kept
