"""Filing forms of London, Zurich and Tokyo reports: how Alliance News and Reuters spell
companies ("Relx", "Lloyds", "StanChart"), German portals writing "adidas" and "Kühne +
Nagel", US over-the-counter receipts that must not make a foreign company's name
nobody's, Reuters codes of Asian shares written bare after the name ("5706.T"), and
Yahoo's old odd-lot tag "(HKSE: 2888-OL.HK - news)".

Every sentence is our own; the expected listings were written before the code ran.
"""

from __future__ import annotations

import pytest

from tui_reader.extract.instruments import find_instruments


def tickers(text: str) -> list[str | None]:
    return [i.ticker for i in find_instruments("", text, [])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Citi raises Relx price target to 3,400 pence.", ["C", "REL.L"]),
        ("Jefferies cuts Playtech to 'hold'.", ["JEF", "PTEC.L"]),
        ("Lloyds slipped after its results.", ["LLOY.L"]),
        ("Barclays upgrade lifts StanChart.", ["BARC.L", "STAN.L"]),
        ("Tullett Prebon gained after the deal.", ["TCAP.L"]),
        ("Die Flop-Werte im DAX waren adidas und Zalando.", ["ADS.DE", "ZAL.DE"]),
        ("Am Ende des SMI lagen Kühne + Nagel mit einem Minus.", ["KNIN.SW"]),
        ("VP Bank-Ökonom Paul Meier erwartet eine Zinssenkung.", ["VPBN.SW"]),
        ("Smiths Group shares rose after the update.", ["SMIN.L"]),
        ("Swatch Group fell in Zurich.", ["UHR.SW"]),
    ],
)
def test_names_as_london_and_swiss_reports_write_them(text: str, expected: list[str]) -> None:
    assert tickers(text) == expected


def test_bare_reuters_codes_of_asian_shares() -> None:
    text = "Chip supplier Tokyo Ohka 4186.T jumped, and Daiwa House 1925.T slipped."
    assert tickers(text) == ["4186.T", "1925.T"]
    assert tickers("The index rose 1.5.T and the ratio was 1925.5.") == []


def test_the_odd_lot_tag_of_a_hong_kong_line_is_the_share() -> None:
    found = find_instruments("", "Upgrade lifts StanChart (HKSE: 2888-OL.HK - news) in London.", [])
    assert [(i.ticker, i.isin) for i in found] == [("2888.HK", "GB0004082847")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cruise line owner Carnival jumped 7 percent on its outlook.", ["CCL"]),
        ("At the carnival in Rio the crowds jumped.", []),
        ("Gefragt waren Versicherer wie Swiss Life (+1,3%) und Zurich (+0,8%).", ["SLHN.SW", "ZURN.SW"]),
        ("Die Konferenz in Zurich stieg zur wichtigsten der Branche auf.", []),
        ("Schaeffler hält weiter 46 Prozent aller Conti-Aktien.", ["SHA0.DE", "CON.DE"]),
        ("In Wien gaben VIG (minus 1,2 Prozent) nach, Marinomed und Warimpex legten zu.",
         ["VIG.VI", "MARI.VI", "WXF.VI"]),
        ("Gold miners such as Evolution Mining rallied in Sydney.", ["EVN.AX"]),
        ("Ritchie Bros Auctioneers Inc rose after an upgrade.", ["RBA.TO"]),
        ("Utility Scottish and Southern Energy gained 1.2%.", ["SSE.L"]),
        ("Food group Nestle NESN.S and planemaker Airbus AIR.PA rose.", ["NESN.SW", "AIR.PA"]),
    ],
)
def test_names_with_their_evidence_and_codes(text: str, expected: list[str]) -> None:
    assert tickers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Seoul shares rose on Samsung Electronics and SK hynix.", ["005930.KS", "000660.KS"]),
        ("Der Verbund (Aktie mit plus 0,4 Prozent) kauft einen Windpark.", ["VER.VI"]),
        ("Im Verbund mit Partnern plant die Stadt ein Netz.", []),
        ("Australia and New Zealand Banking Group gained 1%.", ["ANZ.AX"]),
        ("In Brüssel legten Anheuser-Busch zu.", ["ABI.BR"]),
        ("Shop Apotheke stieg nach Zahlen.", ["RDC.DE"]),
    ],
)
def test_more_names_as_written(text: str, expected: list[str]) -> None:
    assert tickers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wealth manager St. James's Place lost ground.", ["STJ.L"]),
        ("St James’s Place plc cut its fees.", ["STJ.L"]),
        ("Domino's Pizza Enterprises slid in Sydney.", ["DMP.AX"]),
        ("Domino's Pizza Group traded flat.", ["DOM.L"]),
        # past a possessive only a longer name that exists is taken
        ("Nvidia's Blackwell orders kept coming.", ["NVDA"]),
        ("McDonald's Chicken Big Mac arrives.", ["MCD"]),
    ],
)
def test_names_with_a_possessive_inside(text: str, expected: list[str]) -> None:
    assert tickers(text) == expected


def test_a_receipts_us_isin_never_becomes_the_home_listings() -> None:
    found = find_instruments("", "Shinhan Financial Group and KB Financial Group fell in Seoul.", [])
    assert [(i.ticker, i.isin) for i in found] == [("055550.KS", "KR7055550008"), ("105560.KS", "KR7105560007")]


def test_codes_in_a_london_report_are_london_listings() -> None:
    text = "The FTSE 100 rose. Risers: Auto Trader Group (AUTO), Shell (SHEL). B&M (DI) (BME) gained."
    assert [t for t in tickers(text) if t and t.endswith(".L")] == ["AUTO.L", "SHEL.L", "BME.L"]
    assert "DI" not in tickers(text)
    assert tickers("Prudential Financial (PRU) rose in New York.") == ["PRU"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In Wien kletterten Do&Co nach Zahlen, SBO gaben nach.", ["DOC.VI", "SBO.VI"]),
        ("Austriacard fiel nach dem Börsengang.", ["ACAG.VI"]),
        ("In Zürich stiegen SIG Combibloc nach einem Auftrag.", ["SIGN.SW"]),
        ("Swedish Orphan Biovitrum (Sobi) agreed to buy the biotech.", ["SOBI.ST"]),
    ],
)
def test_vienna_zurich_and_stockholm_names(text: str, expected: list[str]) -> None:
    assert tickers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Am Vormittag kamen bereits Zahlen von Strabag.", ["STR.VI"]),
        ("Nach Angaben von Siemens stieg der Auftragseingang.", ["SIE.DE"]),
        ("Laut Daten von FactSet erwarten Analysten mehr.", []),
        ("Der Schokoladehersteller Lindt+Sprüngli fiel, CA Immobilien (+ 0,9 Prozent) stieg.", ["LISN.SW", "CAI.VI"]),
    ],
)
def test_a_companys_own_numbers_and_names_with_a_plus(text: str, expected: list[str]) -> None:
    assert tickers(text) == expected


def test_an_unknown_code_in_a_london_report_is_an_epic_not_a_us_ticker() -> None:
    text = "The FTSE 250 slipped. Debt buyer Arrow Global (ARW) rose and Purplebricks (PURI) fell."
    assert tickers(text) == ["ARW.L", "PURI.L"]
    assert tickers("Arrow Electronics (ARW) rose in New York.") == ["ARW"]


def test_a_us_report_that_mentions_the_ftse_late_keeps_us_codes() -> None:
    text = ("Midday update: US stocks rose. Defence contractor Raytheon (RTN) gained. "
            + "Traders watched bonds and the dollar all morning. " * 12 + "In London the FTSE 100 rose.")
    assert "RTN.L" not in tickers(text) and tickers(text)[0] in ("RTN", "RTX")
    assert tickers("IT-Dienstleister adesso passt die Prognose an; das EBITA (EBITA) steigt.") == ["ADN1.DE"]


def test_finanz_und_wirtschaft_widgets_with_a_price_file_the_swiss_listing() -> None:
    text = "Im Swiss Market Index (SMI) brillieren Swiss Re (SREN 87.7 1.68%) und AMS (AMS 70.2 0.07%)."
    assert tickers(text) == ["SREN.SW", "AMS.SW"]
    assert tickers("ams-OSRAM fiel nach Zahlen.") == ["AMS.SW"]


def test_a_lower_case_spelling_keeps_the_capital_and_the_upper_case_one() -> None:
    assert tickers("Lindt, AMS und Belimo Holding schlossen fester.") == ["LISN.SW", "AMS.SW", "BEAN.SW"]
    assert tickers("Der SMI und der SPI (SXGE 10447.33 0.5%) stiegen, Relief (RLF 0.21 5%) auch.") == ["RLF.SW"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an everyday word is the company when its shares are named or it moves by a figure
        ("Die Wertpapiere des Verbund gaben 0,4 Prozent nach.", ["VER.VI"]),
        ("Der Verbund der Händler tagte.", []),
        ("Retailers slid, with Target dropping by 9 percent.", ["TGT"]),
        ("Our target is rising by 5 percent a year.", []),
        # a name spelled in lower case is written capitalised too
        ("Die Aktien der Voestalpine verloren 2 Prozent.", ["VOE.VI"]),
        ("SK Hynix slid in Seoul.", ["000660.KS"]),
        # listings the directory had wrong or without a symbol
        ("Barclays and RBS fell.", ["BARC.L", "NWG.L"]),
        ("Victrex rose after the update.", ["VCT.L"]),
        ("Rosenbauer steigerte den Gewinn.", ["ROS.VI"]),
    ],
)
def test_names_with_the_evidence_that_makes_them_companies(text: str, expected: list[str]) -> None:
    assert tickers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Yahoo links a secondary listing or a WKN after a known name: the name files it
        ("Glencore (Frankfurt: 8GC.F - news) and Fresnillo (Frankfurt: A0MVZE - news) gained.",
         ["GLEN.L", "FRES.L"]),
        ("Nordwind Holding (Frankfurt: NWH1.F - news) rose.", ["NWH1.F"]),
        # a Malaysian company's short name in parentheses is no ticker
        ("Seaport Marine Corp Bhd (SMC) won a contract for its unit Seaport Docks Sdn Bhd (SDS).", []),
        # a widget's code after a known name adds no second instrument
        ("Rational (RAA 770.40 +12.73%) führte den MDax an.", ["RAA.DE"]),
        # Benzinga's widget after a legal name is a ticker, known or not
        ("Gainers included Qorvix Labs Inc. QRVX 9.12% up 11 percent.", ["QRVX"]),
    ],
)
def test_codes_beside_names(text: str, expected: list[str]) -> None:
    assert tickers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The units were sold at $0.35 per Unit.", []),
        ("Unit Corporation shares rose 4%.", ["UNT"]),
        ("Die DATA MODUL Aktiengesellschaft hebt die Prognose an.", ["DAM.DE"]),
        ("Die Jungfraubahnen meldeten einen Rekord.", ["JFN.SW"]),
    ],
)
def test_everyday_words_legal_forms_and_brand_names(text: str, expected: list[str]) -> None:
    assert tickers(text) == expected


def test_a_banks_ratio_in_parentheses_is_no_ticker() -> None:
    text = "Erste Group will eine Eigenkapitalverzinsung (ROTE) von über zwölf Prozent erreichen."
    assert tickers(text) == ["EBS.VI"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an old or secondary venue code after an everyday-word name files the named company
        ("Shell (LON:RDSB) added 2.75% to 1,815p.", ["SHEL.L"]),
        ("Cruise operator Carnival (LON:CNR) lost 4.6%.", ["CCL.L"]),
        ("Der Schweizer Chiphersteller U-Blox prüft ein Angebot.", ["UBXN.SW"]),
        ("Herbalife beat estimates.", ["HLF"]),
        # a city in a dateline is no company named after it
        ("VIENNA (Reuters) - Austrian utility Verbund (VERB.VI) raised its forecast.", ["VER.VI"]),
    ],
)
def test_codes_after_names_and_names_as_written(text: str, expected: list[str]) -> None:
    assert tickers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a code in parentheses after an ISIN is the company's short name
        ("Der Großaktionär Nordholding NL0015000N09 (NHG) erwägt ein Angebot.", [None]),
        # a WKN printed beside a Swiss ISIN is no German share's; the Genussschein's ISIN
        # finds the participation certificate that replaced it in March 2026
        ("Roche Holding WKN: 855167 / ISIN: CH0012032048", ["ROP.SW"]),
        # the shares of a company described by its trade
        ("Die Titel des Stromkonzerns Verbund hielten sich mit einem Minus von 0,2 Prozent.", ["VER.VI"]),
        # old and current names, and listings the directory lacked
        ("Für Raiffeisen International ging es um 0,5% nach unten.", ["RBI.VI"]),
        ("FACC sanken um 5,2 Prozent, EuroTeleSites und VZ Holding stiegen.", ["FACC.VI", "ETS.VI", "VZN.SW"]),
        ("Zur Rose gained 2.8% while Dufry fell.", ["DOCM.SW", "AVOL.SW"]),
        ("Pfeiffer Vacuum hebt die Prognose an.", ["PFV.DE"]),
        # "Vz." marks preference shares, no VZ Holding
        ("Die Vz. des Pharmakonzerns stiegen.", []),
        ("VZ Holding gaben 0,4% nach.", ["VZN.SW"]),
    ],
)
def test_codes_funds_and_renamed_companies(text: str, expected: list[str | None]) -> None:
    assert tickers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "FMC": Fresenius Medical Care in German news, FMC Corporation in US news
        ("Im Dax waren die Aktien von FMC gesucht und stiegen um 2 Prozent, während der Index nachgab.",
         ["FME.DE"]),
        ("Der Dialysekonzern FMC (Fresenius Medical Care (FMC) St) legte zu.", ["FME.DE"]),
        ("Shares of FMC rose 3% after the crop protection company beat estimates.", ["FMC"]),
        ("FMC Corp shares rose 3% after the results.", ["FMC"]),
        ("Fresenius Medical Care (FMC) shares fell 4% in Frankfurt.", ["FME.DE"]),
    ],
)
def test_a_bare_name_two_companies_share(text: str, expected: list[str]) -> None:
    assert tickers(text) == expected
