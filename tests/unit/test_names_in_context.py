"""Filing decided by the words around a name: a name two companies share ("Merck"),
index and market codes where a ticker would go, square-bracket tickers.

Every sentence is our own, built on structures of German index reports (movers lists
with the price and its currency in parentheses), US market wraps (MarketWatch's
"index SPX, +0.03%"), press releases naming an index or an exchange with its code in
parentheses, and Benzinga's "Name [TICKER]".
"""

from __future__ import annotations

import pytest

from tui_reader.extract.instruments import find_instruments


def tickers(text: str) -> list[str | None]:
    return [i.ticker for i in find_instruments("", text, [])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the currency of the price right after the name
        ("Unter den Verlierern im DAX waren Merck (-2,18 Prozent auf 150,30 EUR) und andere.", ["MRK.DE"]),
        ("Im Dow legten Merck (+ 1,62 Prozent auf 85,48 USD) und Boeing zu.", ["MRK", "BA"]),
        # a word before it
        ("Der US-Pharmakonzern Merck senkte seine Prognose.", ["MRK"]),
        ("Der Darmstädter Konzern Merck hob die Prognose an. Die Merck-Aktie stieg.", ["MRK.DE"]),
        # the language, with nothing else to go by
        ("Merck said sales of its cancer drug rose in the quarter.", ["MRK"]),
        ("Merck hat im Quartal mehr umgesetzt als erwartet.", ["MRK.DE"]),
        # the company named outright decides for the bare mentions
        ("Merck KGaA raised its outlook. Merck said its lab unit grew.", ["MRK.DE"]),
        ("Merck & Co. cut its forecast. Merck blamed weaker vaccine demand.", ["MRK"]),
    ],
)
def test_a_shared_name_is_read_from_its_context(text: str, expected: list[str]) -> None:
    assert tickers(text) == expected


def test_a_private_bank_sharing_the_name_is_no_listed_company() -> None:
    assert tickers("Die Privatbank Merck Finck gewann neue Kunden.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Aufschläge in Frankfurt: DAX präsentiert sich zum Handelsschluss fester",
        "Stocks were mixed, the S&P 500 index SPX, +0.03% little changed.",
        "The PHLX Semiconductor Sector Index (SOX) fell 2% on the day.",
        "The group also runs the Boston Options Exchange (BOXR) for its members.",
        "Tech stocks led the gains (SPX +0.4%) into the close.",
    ],
)
def test_index_and_market_codes_are_no_tickers(text: str) -> None:
    assert tickers(text) == []


def test_a_listed_exchange_operator_keeps_its_code() -> None:
    assert tickers("Intercontinental Exchange (ICE) reported record volumes.") == ["ICE"]


def test_square_bracket_tickers_are_read_like_parenthesised_ones() -> None:
    text = "Movers: XBP Europe [XBP] - Last Close: $2.12. Read the full note [here]."
    assert tickers(text) == ["XBP"]
    assert tickers("The wire [AP] said markets were calm.") == []


def test_renamed_company_and_legal_name_aliases() -> None:
    assert tickers("SPX Technologies raised its outlook.") == ["SPXC"]
    text = "Die Münchener Rückversicherungs-Gesellschaft (+ 1,35 Prozent) führte die Gewinner an."
    assert tickers(text) == ["MUV2.DE"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Oil majors including Britain's BP and Shell earned more.", ["BP.L", "SHEL.L"]),
        ("Shell, Exxon and Chevron reported record profits.", ["SHEL.L", "XOM", "CVX"]),
        ("Die Baader Bank senkte das Kursziel.", ["BWB.DE"]),
        ("Raymond James and KeyBanc raised their targets.", ["RJF", "KEY"]),
        ("Die Fondsplattform ALLFUNDS soll übernommen werden.", ["ALLFG.AS"]),
    ],
)
def test_names_beside_companies_and_new_directory_rows(text: str, expected: list[str]) -> None:
    assert tickers(text) == expected


def test_a_word_name_alone_still_needs_evidence() -> None:
    assert tickers("The shell company was wound up last year.") == []
    assert tickers("Shell companies are used to hide owners.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Der Markt sei müde, schreibt Vontobel-Analyst Hans Muster in einer Studie über die Aktie.", ["VONN.SW"]),
        ("Die AMAG-Titel rutschten ab, Verbund-Anteilsscheine stiegen dagegen um 0,9 Prozent.", ["AMAG.VI", "VER.VI"]),
        ("Shares of Signet surged after the jewelry retailer raised its outlook.", ["SIG"]),
        ("American depositary shares in AngloGold Ashanti rose 70 cents.", ["AU"]),
        ("Miners Marathon Digital (MARA) and Riot Blockchain (RIOT) fell.", ["MARA", "RIOT"]),
    ],
)
def test_more_names_as_news_writes_them(text: str, expected: list[str]) -> None:
    assert tickers(text) == expected


def test_the_austrian_agency_is_no_oil_company() -> None:
    assert tickers("Das sagte der Vorstandschef im Gespräch mit der APA.") == []
    assert tickers("APA Corp raised its output forecast.") == ["APA"]


def test_hong_kong_and_paris_listings_named_in_wire_copy() -> None:
    assert tickers("A court ruled in favor of Wynn Macau on Friday.") == ["1128.HK"]
    assert tickers("French supermarket retailer Casino, selling assets, said sales fell.") == ["CO.PA"]
    assert tickers("The casino operator said revenue fell.") == []


def test_a_house_only_cited_for_its_analysts_is_not_the_primary_instrument() -> None:
    found = find_instruments(
        "Gold miners rise", "Societe Generale analysts see gold at $6,000. Newmont rose 3% and Barrick gained.", [])
    assert [(i.ticker, i.primary) for i in found] == [("NEM", True), ("ABX.TO", False), ("GLE.PA", False)]
    alone = find_instruments("", "Goldman Sachs analysts said the market looks cheap.", [])
    assert [(i.ticker, i.primary) for i in alone] == [("GS", True)]


def test_vienna_small_caps_carry_their_tickers() -> None:
    text = "Frequentis, Polytec und die Addiko Bank legten im Prime Market zu."
    assert tickers(text) == ["FQT.VI", "PYT.VI", "ADKO.VI"]


def test_an_opening_adverb_is_no_company_listed_beside_another() -> None:
    assert tickers("Also, Ford was forced to stop making its electric pickup.") == ["F"]
    assert tickers("Lufthansa verlor den Titel an den Billigflieger Ryanair.") == ["LHA.DE", "RYA.IR"]
    assert [i.isin for i in find_instruments("", "BHP rose with iron ore.", [])] == ["AU000000BHP4"]


def test_current_isins_of_renamed_or_relisted_companies() -> None:
    found = find_instruments("", "Commonwealth Bank shed 2%; CSL and Sonova rose; Caesars Entertainment fell.", [])
    assert [(i.ticker, i.isin) for i in found] == [
        ("CBA.AX", "AU000000CBA7"), ("CSL.AX", "AU000000CSL8"), ("SOON.SW", "CH0012549785"), ("CZR", "US12769G1004")]


def test_a_papers_code_after_a_dateline_place_is_no_ticker() -> None:
    assert tickers("Vorspann.\nFrankfurt/Main (RPO). Nach einer Achterbahnfahrt hat sich der Dax erholt.") == []
    assert tickers("Twitter (TWTR). Shares rose.") == ["TWTR"]
    assert tickers("MONY Group fell 6.9% after the update.") == ["MONY.L"]


def test_a_multinationals_local_listed_unit_is_not_the_parent() -> None:
    assert tickers("Nestle India gained 2% in Mumbai.") == ["NESTLEIND.NS"]
    assert tickers("Hindustan Unilever and Unilever Pakistan rose.") == ["HINDUNILVR.NS"]
    assert tickers("Unilever Nigeria fell; Unilever rose in London.") == ["UNA.AS"]


def test_sensex_and_jse_companies() -> None:
    text = "Kotak Mahindra Bank and ITC Ltd rose on the Sensex, while ONGC and NTPC fell; Titan Company gained."
    assert tickers(text) == ["KOTAKBANK.NS", "ITC.NS", "ONGC.NS", "NTPC.NS", "TITAN.NS"]
    text = "Naspers, Sibanye-Stillwater and Gold Fields lifted the JSE; Standard Bank and Absa fell."
    assert tickers(text) == ["NPN.JO", "SSW.JO", "GFI.JO", "SBK.JO", "ABG.JO"]
    assert tickers("The U.S. International Trade Commission (ITC) ruled on Tuesday.") == []


def test_german_valuation_ratios_in_parentheses_are_no_tickers() -> None:
    assert tickers("Die Aktie hat das niedrigste Kurs-Gewinn-Verhältnis (KGV) im Index.") == []
