"""Forms of the 67th to 71st held-out sets (issue 9): Toronto reports' codes, a market
report's move and trade as evidence for an everyday name, a line's label for its moves,
German companies listed with their moves and no verb; a ticker strip joined into one
paragraph, share buttons, a Nordic legal form, a company's own title compound, Warsaw,
Lisbon and Budapest, crowns and TEUR, a portal's news ticker; no count-less spans.

Every text is our own; the expected results were written before the code ran.
"""

from __future__ import annotations

import pytest

from tests.unit.test_forms_of_sets_40_to_43 import figures, moves
from tui_reader.extract.boilerplate import strip_boilerplate
from tui_reader.extract.instruments import find_instruments

# Forms of the 67th held-out set.


def _tickers(title: str, body: str) -> set[str | None]:
    return {i.ticker for i in find_instruments(title, body, [])}


def test_a_toronto_report_files_its_codes_in_parentheses_at_toronto() -> None:
    body = (
        "Crude gained 80 cents on the day.\n\n"
        "On the TSX, two of the busiest names were oil juniors. Moosejaw Petroleum Corp. (MJP) "
        "added 10 cents to 70 cents, while Quillcreek Energy Ltd. (QCE) rose 16 cents.\n\n"
        "Better still was the TSX-V-listed Larchmere Resources Corp. (LRR), up 12 cents."
    )
    assert _tickers("Energy summary", body) == {"MJP.TO", "QCE.TO", "LRR.V"}


def test_a_report_naming_new_york_keeps_its_codes_american() -> None:
    # must not: a US report that mentions the TSX in passing
    body = (
        "Moosejaw Petroleum Corp. (MJP) added 3% on the NYSE, while its Canadian peers "
        "on the TSX were flat."
    )
    assert _tickers("Oil stocks", body) == {"MJP"}


def test_a_market_reports_move_and_trade_make_an_everyday_name_the_company() -> None:
    # "Capita" is a word ("per capita") and "Hochschild" a surname: both need evidence
    body = (
        "Capita fell as the outsourcer warned that revenue would be lower.\n\n"
        "Gold miner Hochschild was weaker after a broker cut its rating."
    )
    assert _tickers("FTSE 250 movers", body) >= {"CPI.L"}
    assert {i.isin for i in find_instruments("FTSE 250 movers", body, [])} >= {"GB00B1FW5029"}


def test_a_word_moving_for_a_reason_that_is_no_company_stays_a_word() -> None:
    # must not: growth per capita, and a dollar is no company
    body = "Output per capita fell as the dollar rose. Capita fell after the figures came out."
    assert "CPI.L" not in _tickers("Economy", body)


def test_a_surname_without_the_trade_is_no_miner() -> None:
    # must not: the author and the bare surname
    assert _tickers("Books", "Adam Hochschild wrote about it. Hochschild said the book sold well.") == set()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Top gainers: Fjordline Salmon ASA 12 pct, Vestkyst Energi ASA 3.5 pct and Nordpil AB 1.2 pct\n\n"
         "Top losers: Hardanger Mining ASA 4.4 pct, Trollbank ASA 2.1 pct",
         [("12 pct", "up"), ("3.5 pct", "up"), ("1.2 pct", "up"), ("4.4 pct", "down"), ("2.1 pct", "down")]),
        ("Gainers: Alpha 3 pct, Beta 2 pct. Losers: Gamma 1 pct", [("3 pct", "up"), ("2 pct", "up"), ("1 pct", "down")]),
        ("Weekly gain: 96.5 percent", [("96.5 percent", "up")]),
        ("with the stock spiking 40 percent by Friday", [("40 percent", "up")]),
        ("Die Westbank taucht um über 60 Prozent. Die Ostbank Holding um 25 Prozent, die Nordbank Corp 19,5 Prozent "
         "und die Suedbank um 30 Prozent.",
         [("60 Prozent", "down"), ("25 Prozent", "down"), ("19,5 Prozent", "down"), ("30 Prozent", "down")]),
        # must not: a label that names no move, a level after a move
        ("Margin: 5 percent", [("5 percent", None)]),
        ("Der Umsatz stieg um 5 Prozent. Die Marge lag bei 12 Prozent.", [("5 Prozent", "up"), ("12 Prozent", None)]),
    ],
)
def test_moves_of_set_67(body: str, expected: list[tuple[str, str | None]]) -> None:
    assert moves(body) == expected


def test_a_german_multiple_in_the_teens() -> None:
    found = [(f.text, f.value) for f in figures("Seit dem Börsengang hat sich der Kurs versechzehnfacht.")
             if f.kind == "multiple"]
    assert found == [("versechzehnfacht", 16.0)]


# Forms of the 68th to 71st held-out sets.


def test_a_ticker_strip_joined_into_one_long_paragraph_is_furniture() -> None:
    strip = " ".join(f"KQX{i} 12.0{i} Decreased By ▼ -0.4{i} (-3.1{i}%)" for i in range(14))
    story = "London's blue chips closed at a record on Thursday, helped by oil majors."
    kept, notes = strip_boilerplate([strip, story])
    assert kept == [story] and notes[0].startswith("quote line: KQX0")


def test_share_buttons_are_no_companies() -> None:
    body = ("Updated 5 min ago Comments Facebook Twitter WhatsApp SMS Email Print Save. "
            "Microsoft Corp. said its board raised the dividend.")
    assert _tickers("Dividend", body) == {"MSFT"}
    # must not: the company in a sentence stays
    assert _tickers("Ads", "Facebook said advertising revenue rose 12% in the quarter.") == {"META"}


def test_a_nordic_legal_form_is_no_us_company_of_that_name() -> None:
    body = "Aug 26 (Reuters) - Rtx A/S :\n\n* Starts a buy-back. In this period RTX will buy back shares."
    assert _tickers("BRIEF-Rtx starts buy-back", body) == set()
    # must not: the US company without the form
    assert _tickers("Defence", "RTX Corp said orders rose.") == {"RTX"}


def test_a_heading_with_the_companys_own_title_is_no_person() -> None:
    body = ("Die Airbus-Aktie erreichte ein Rekordhoch. Das sagt der Airbus-Chef Airbus-CEO Guillaume Faury "
            "plant mehr Flugzeuge.")
    assert "AIR.PA" in _tickers("Airbus: Rekordhoch", body)
    # must not: a person after another company's title compound
    assert _tickers("Aktien", "Der Siemens-Chef Herbert Airbus sagte nichts.") == {"SIE.DE"}


def test_moeller_maersk_and_asmi_as_people_write_them() -> None:
    body = "Ein neuer Ausblick von Moeller-Maersk belastete. Nach den Nachrichten zu ASMI blieb JPMorgan optimistisch."
    assert _tickers("Reederei", body) >= {"MAERSK-B.CO", "ASM.AS"}


def test_an_amount_signed_by_a_word() -> None:
    found = [(f.text, f.value) for f in figures("EBIT was negative 7.7 million euros, after plus 2.1 million euros.")
             if f.kind == "money"]
    assert found == [("negative 7.7 million euros", -7_700_000.0), ("2.1 million euros", 2_100_000.0)]
    # must not: a tolerance
    assert [f.value for f in figures("Der Umsatz soll bei plus/minus 25 Millionen Euro liegen.") if f.kind == "money"] == [
        25_000_000.0]


@pytest.mark.parametrize(
    "body",
    ["The shares rose 12% over the past month.", "Margins improved in the last year.",
     "Over the previous year costs fell 3%."],
)
def test_a_span_without_a_count_is_no_period(body: str) -> None:
    assert [f for f in figures(body) if f.kind == "period"] == []


def test_a_span_counted_by_its_article_stays() -> None:
    assert [f.value for f in figures("It aims to break even within a year.") if f.kind == "period"] == ["P1Y"]


def test_a_market_widget_naming_the_tsx_leaves_a_us_storys_dollars_american() -> None:
    body = ("Canada markets open in 5 hours\n• S&P/TSX\n\n21,900.10\n+120.50 (+0.55%)\n\n"
            "Apple reported revenue of $83.4 billion, short of the $84.7 billion analysts expected.")
    found = [(f.text, f.currency) for f in figures(body) if f.kind == "money"]
    assert found == [("$83.4 billion", "USD"), ("$84.7 billion", "USD")]
    # must not: a Toronto report in prose keeps its dollars Canadian
    toronto = "On the TSX, Maple Leaf Metals rose to $3.10 as its profit hit $12 million."
    assert {f.currency for f in figures(toronto) if f.kind == "money"} == {"CAD"}


@pytest.mark.parametrize(
    ("name", "ticker", "isin", "currency"),
    [
        ("KGHM", "KGH.WA", "PLKGHM000017", "PLN"),
        ("Jeronimo Martins", "JMT.LS", "PTJMT0AE0001", "EUR"),
        ("Grieg Seafood", "GSF.OL", "NO0010365521", "NOK"),
        ("Gedeon Richter", "RICHT.BD", "HU0000123096", "HUF"),
        ("Salvatore Ferragamo", "SFER.MI", "IT0004712375", "EUR"),
        ("Leonardo", "LDO.MI", "IT0003856405", "EUR"),  # known before, now with its ISIN
    ],
)
def test_warsaw_lisbon_oslo_budapest_and_milan_companies_resolve(name: str, ticker: str, isin: str, currency: str) -> None:
    from tui_reader.extract.directory import directory

    found = directory().resolve(name)
    assert found is not None and (found.ticker, found.isin, found.currency) == (ticker, isin, currency)


def test_a_lisbon_report_files_its_shares() -> None:
    body = "In Lisbon, Jeronimo Martins fell 2% and Mota-Engil rose 1.5%, while Corticeira Amorim was flat."
    assert _tickers("PSI closes lower", body) == {"JMT.LS", "EGL.LS", "COR.LS"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Die Aktie kostet nun 1.604 dänische Kronen.", [("1.604 dänische Kronen", 1604.0, "DKK")]),
        ("Das Kursziel steigt auf 74,85 schwedische Kronen.", [("74,85 schwedische Kronen", 74.85, "SEK")]),
        ("Er zahlte gut 900 norwegischen Kronen.", [("900 norwegischen Kronen", 900.0, "NOK")]),
        ("Die Dividende beträgt 71 US-Cent je Aktie.", [("71 US-Cent", 0.71, "USD")]),
    ],
)
def test_nordic_crowns_and_us_cents_in_german(body: str, expected: list[tuple[str, float, str]]) -> None:
    assert [(f.text, f.value, f.currency) for f in figures(body) if f.kind == "money"] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Der Kurs ist heute mehr als fünfmal höher als damals.", [("fünfmal", 5.0)]),
        ("Operating profit more than quintupled.", [("quintupled", 5.0)]),
        # must not: "dreimal" that counts, not multiplies
        ("Das Werk stand dreimal still.", []),
    ],
)
def test_multiples_of_set_68_and_71(body: str, expected: list[tuple[str, float]]) -> None:
    assert [(f.text, f.value) for f in figures(body) if f.kind == "multiple"] == expected


def test_a_german_verb_closing_a_subordinate_clause_after_the_figure() -> None:
    assert moves("Richemont legt zu, während der SMI 0,47 Prozent verliert.") == [("0,47 Prozent", "down")]
    assert moves("Der Titel steigt, während der DAX 1,2 Prozent gewinnt.") == [("1,2 Prozent", "up")]


def test_a_frankfurt_company_incorporated_abroad_and_its_code() -> None:
    body = "Arbon, 21 February. According to preliminary figures, EDAG Engineering Group AG (EDAG) grew revenue."
    assert {(i.ticker, i.isin) for i in find_instruments("EDAG: preliminary figures", body, [])} == {
        ("ED4.DE", "CH0303692047")}


def test_a_portals_news_ticker_is_furniture_lines_joined_or_not() -> None:
    ticker = ("News-Ticker weitere Meldungen 20.11. 10:55 vor 5 Tagen Kartenhaus AG neuer Vorstand "
              "19.11. 14:42 vor 6 Tagen Seeblick Bank AG Prädikat sehr gut In allen Meldungen suchen")
    story = "Am 20.11. um 10:55 Uhr meldete die Firma einen Rekord."
    kept, notes = strip_boilerplate([ticker, story])
    assert kept == ["News-Ticker weitere Meldungen", story]
    assert notes == ["news ticker: 2 items from 20.11. 10:55 vor 5 Tagen Kartenhaus AG neuer Vorstand 19.11."]
    assert [f for f in figures("Weitere Meldungen\n20.11. 10:55 vor 5 Tagen\nDie Story.") if f.kind == "period"] == []


def test_a_german_date_line_without_a_space_after_the_day() -> None:
    from tui_reader.sources.seeds import parse_seed_bytes

    seed = "Prognose unter Vorbehalt\n\n17.März 2020 07:15 Uhr\n\nQuelle: Beispielportal\n\nDie Firma meldet.\n"
    article = parse_seed_bytes(seed.encode(), "x.txt", key="x", path="/x.txt")[0]
    assert (article.published.isoformat(), article.source) == ("2020-03-17T07:15:00+01:00", "Beispielportal")


def test_an_index_share_compound_is_no_company_of_the_index_s_first_name() -> None:
    # "Dow-Jones-Titel" is a member of the index, not a share of Dow Inc
    assert _tickers("Chips", "Die Investmentbank hat den Dow-Jones-Titel am Montag hochgestuft.") == set()
    # must not lose a company's own share compound, hyphenated names included
    assert _tickers("Getränke", "Die Coca-Cola-Aktie stieg, die Target-Aktie fiel.") == {"KO", "TGT"}


def test_average_selling_prices_and_merrill_lynch() -> None:
    body = "Der Spielraum für höhere durchschnittliche Verkaufspreise (ASP) sei gering, so Merrill Lynch über Intel."
    assert _tickers("Intel", body) == {"INTC", "BAC"}


def test_a_move_after_an_insert_between_glued_dashes() -> None:
    body = "Vernova Grid—the unit spun off at the start of April—jumped 6.4%, the day's best."
    assert moves(body) == [("6.4%", "up")]
