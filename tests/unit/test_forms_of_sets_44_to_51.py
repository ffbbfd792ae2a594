"""Forms of the 44th to 51st held-out sets (issue 9): prices grouped by spaces, German
sums and made-up losses, written Yahoo suffixes, "AGM", file-photo captions, "TSE:" with
letters, German abbreviations in parentheses, Danish, Israeli, Korean, Chinese and Swiss
currency marks, Dow Jones and reprinted datelines, follow-us blocks, "der Gewinn" as the
profit, descriptor nouns as evidence, prior guidance ranges, day-first hyphenated dates,
Ebitda spelled out, a range's lower end, and a market the text names.

Every text is our own; the expected results were written before the code ran.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.unit.test_forms_of_sets_40_to_43 import money, moves
from tui_reader.extract.boilerplate import strip_boilerplate
from tui_reader.extract.instruments import find_instruments
from tui_reader.sources.datelines import DATELINE, dateline_time

# Forms of the 44th held-out set.


def test_prices_grouped_by_spaces_with_two_decimals() -> None:
    assert money("Partners Group (+ 4,85 Prozent auf 1 030,00 CHF)") == [("1 030,00 CHF", 1030.0, "CHF", None)]
    # must not match: a count after a year stays out, as before
    assert money("In 2024 1 030 Mitarbeiter") == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Damit summieren sich die Kursgewinne 2025 auf mehr als 25 Prozent.", [("25 Prozent", "up")]),
        ("Im regulären Handel hatte die Aktie 2,8 Prozent wettgemacht.", [("2,8 Prozent", "up")]),
    ],
)
def test_moves_of_set_44(body: str, expected: list[tuple[str, str | None]]) -> None:
    assert moves(body) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Comms company WPP (WPP.L) rose in the FTSE 100 as London stocks gained.", ["WPP.L"]),
        ("Investors filed a resolution ahead of the AGM.", []),
        ("Die Aktie von Sunrise sank.", ["SUNN.SW"]),
    ],
)
def test_filing_of_set_44(text: str, expected: list[str]) -> None:
    assert [i.ticker for i in find_instruments("", text, [])] == expected


def test_captions_of_file_photos() -> None:
    story = ("Sample Bank's third-quarter profit soared 35% from last year, the bank said on Friday, "
             "adding that it expected its lending to grow further in the coming quarters of the year, "
             "as rates stay high and its customers keep borrowing, though it warned of risks ahead.")
    glued = ("FILE - The chief executive of Sample Bank testifies at a hearing, Thursday, Sept. 22, 2022, "
             "on Capitol Hill in Washington. " + story)
    assert strip_boilerplate([glued]) == (
        [story], ["photo caption: FILE - The chief executive of Sample Bank testifies at a …"])
    aerial = "Boats tow the platform in this aerial photograph taken above the coast on May 5, 2017."
    assert strip_boilerplate([aerial])[0] == []


# Forms of the 45th held-out set.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "TSE:" with letters is Toronto (MarketBeat's name for it); Tokyo's codes are digits
        ("Sample Group (TSE:CGY) had its target raised.", ["CGY.TO"]),
        ("Sample Foods (TSE:EMP.A) was upgraded.", ["EMP-A.TO"]),
        ("Toyota (TSE:7203) rose.", ["7203.T"]),
        # abbreviations of the words before, in German text
        ("Die Rechte zur Behandlung der Duchenne-Muskeldystrophie (DMD) gingen an den Partner.", []),
        ('Das berichtete das "Manager Magazin" (MM) am Montag.', []),
        # must not match: an unknown symbol after a company's name is still a ticker
        ("Acme Widgets (ACMW) rose 5%.", ["ACMW"]),
        ("Mears Group raised its buyback.", ["MER.L"]),
    ],
)
def test_filing_of_set_45(text: str, expected: list[str]) -> None:
    assert [i.ticker for i in find_instruments("", text, [])] == expected


def test_currency_marks_of_set_45() -> None:
    assert money("Sample Wind's DKr60 billion rights issue") == [("DKr60 billion", 6e10, "DKK", None)]
    assert money("eine Kapitalerhöhung über 250'000 NIS") == [("250'000 NIS", 250000.0, "ILS", None)]
    assert money("SFr 3 Mio.") == [("SFr 3 Mio.", 3e6, "CHF", None)]


def test_dow_jones_and_ambiguous_datelines() -> None:
    match = DATELINE.fullmatch("03-15-24 0717ET")
    assert match is not None and dateline_time(match, UTC) == datetime(2024, 3, 15, 11, 17, tzinfo=UTC)


def test_a_follow_us_block_goes() -> None:
    kept, notes = strip_boilerplate(["Stay current - Follow SAMPLE on WhatsApp\nGoogle news and Telegram"])
    assert kept == [] and notes[0].startswith("promotional line: ")


def test_the_publication_day_opening_the_storys_own_span_stays() -> None:
    from tests.unit.test_figures_real_text import figures

    october = datetime(2024, 10, 1, 18, tzinfo=UTC)
    found = figures("Der Rückkauf läuft vom 1. Oktober 2024 bis spätestens 7. Mai 2025.", october)
    assert [f.value for f in found if f.kind == "date"] == ["2024-10-01", "2025-05-07"]
    # must not match: the day as the page's stamp
    assert [f for f in figures("Frankfurt, 1. Oktober 2024 - Die Aktie stieg.", october) if f.kind == "date"] == []


# Forms of the 47th held-out set.


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Bereinigt schrumpfte der Gewinn wegen sinkender Verkäufe um 17 Prozent.", [("17 Prozent", "down")]),
        ("Der Konzern erzielte einen Gewinn von 5 Prozent.", [("5 Prozent", "up")]),
        ("Die Aktie baute den Wochengewinn auf fast 10 Prozent aus.", [("10 Prozent", "up")]),
    ],
)
def test_moves_of_set_47(body: str, expected: list[tuple[str, str | None]]) -> None:
    assert moves(body) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Der Schweizer Versicherer Zurich hat mehr verdient.", ["ZURN.SW"]),
        ("The insurer Zurich said it would raise its dividend.", ["ZURN.SW"]),
        # must not match: the city
        ("Er wohnt in Zurich und arbeitet in Basel.", []),
        # Hornbach Holding's own ISIN, not that of the former Hornbach-Baumarkt
        ("Die Hornbach Holding meldet mehr Umsatz.", ["DE0006083405"]),
    ],
)
def test_filing_of_set_47(text: str, expected: list[str]) -> None:
    found = find_instruments("", text, [])
    assert [i.isin if expected[:1] and expected[0].startswith("DE") else i.ticker for i in found] == expected


# Forms of the 46th held-out set.


def test_forms_of_set_46() -> None:
    assert money("expects revenue of $4.5 billion to $4.6 billion, down from prior guidance of $5 billion to "
                 "$6 billion.") == [("$4.5 billion to $4.6 billion", 4.5e9, "USD", 4.6e9),
                                     ("$5 billion to $6 billion", 5e9, "USD", 6e9)]
    assert money("net profit of 24.75 billion Danish krone or 10.71 krone per share") == [
        ("24.75 billion Danish krone", 2.475e10, "DKK", None), ("10.71 krone", 10.71, "DKK", None)]
    assert moves("Die Verschuldung konnte um 6,8 Prozent abgebaut werden.") == [("6,8 Prozent", "down")]
    assert moves("It puts the tariff at a 0.75 percentage point hit.") == [("0.75 percentage point", "down")]
    assert [i.ticker for i in find_instruments("", "im SDAX derweil STO SE (-1,45 Prozent) und CEWE", [])] == [
        "STO3.DE", "CWC.DE"]
    assert [i.ticker for i in find_instruments("", 'Marken wie "Twix" und "M&M\'s" gehören dazu.', [])] == []
    assert [i.ticker for i in find_instruments("", "EBAY fell.", [])] == []


def test_hyphenated_dates_are_day_first_unless_the_clock_is_american() -> None:
    for line, expected in (("07-05-2025", datetime(2025, 5, 7, tzinfo=UTC)),
                           ("03-04-2025 10:00 AM ET", datetime(2025, 3, 4, 15, 0, tzinfo=UTC))):
        match = DATELINE.fullmatch(line)
        assert match is not None and dateline_time(match, UTC) == expected


# Forms of the 49th held-out set.


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Der Umsatz stieg auf 30,57 Mrd. $, der Börsenwert auf 1,002 Bio. $.",
         [("30,57 Mrd. $", 3.057e10, "USD", None), ("1,002 Bio. $", 1.002e12, "USD", None)]),
        ("ein Gewinn von rund 20 Billionen Won", [("20 Billionen Won", 2e13, "KRW", None)]),
        ("ein Umsatz von 161,5 Milliarden chinesische Yuan", [("161,5 Milliarden chinesische Yuan", 1.615e11, "CNY", None)]),
        ("Die Dividende steigt um 5 Rappen auf 3,05 Franken.",
         [("5 Rappen", 0.05, "CHF", None), ("3,05 Franken", 3.05, "CHF", None)]),
    ],
)
def test_currencies_of_set_49(body: str, expected: list[tuple[str, float, str | None, float | None]]) -> None:
    assert money(body) == expected


def test_a_reprinted_dateline_without_its_agency_is_no_figure() -> None:
    from tests.unit.test_figures_real_text import figures

    day = datetime(2026, 1, 29, 9, tzinfo=UTC)
    assert [f for f in figures("SEOUL, Jan 29 : Sample Motor on Thursday reported a fall.", day) if f.kind == "date"] == []
    # must not match: the same day as a date of the story
    assert [f.value for f in figures("Shares rose on Jan 29 - the day of results.", day) if f.kind == "date"] == [
        "2026-01-29"]
    assert [i.ticker for i in find_instruments("", "American Airlines expects a profit.", [])] == ["AAL"]


# Forms of the 48th held-out set.


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("wobei sich die Rendite um 2,2 Prozentpunkte auf 25 Prozent verbesserte.",
         [("2,2 Prozentpunkte", "up"), ("25 Prozent", None)]),
        ("Es schrumpfte das Ergebnis vor Zinsen, Steuern und Abschreibungen (Ebitda) um 18 Prozent.",
         [("18 Prozent", "down")]),
        ("Growth is to be towards the lower end of 4 percent to 6 percent.", [("4 percent to 6 percent", "up")]),
        ("The shares bolted 11% higher.", [("11%", "up")]),
    ],
)
def test_moves_of_set_48(body: str, expected: list[tuple[str, str | None]]) -> None:
    assert moves(body) == expected


def test_amounts_and_codes_of_set_48() -> None:
    assert money("Sample will die Kosten um 150 bis 200 Millionen Franken senken.") == [
        ("150 bis 200 Millionen Franken", 1.5e8, "CHF", 2e8)]
    assert [i.ticker for i in find_instruments("", "Das Ergebnis vor Steuern (EBT) stieg.", [])] == []


# Forms of the 50th and 51st held-out sets.


def test_forms_of_sets_50_and_51() -> None:
    # a falling forecast's old range; a move down stays two amounts
    assert money("expects earnings between $12.77 and $12.97, down from $14.58 to $14.78 earlier.") == [
        ("between $12.77 and $12.97", 12.77, "USD", 12.97), ("$14.58 to $14.78", 14.58, "USD", 14.78)]
    assert money("The stock is down from $20 to $15.") == [("$20", 20.0, "USD", None), ("$15", 15.0, "USD", None)]
    # Yahoo's index box: its rows go, its names stay
    kept, notes = strip_boilerplate(["  • Nikkei 225\n    30.274,92\n    +26,11 (+0,09%)"])
    assert kept == ["  • Nikkei 225\n    30.274,92"] and notes == ["quote line:     +26,11 (+0,09%)"]
    assert strip_boilerplate(["Get 40% Off"])[0] == []


def test_a_market_the_text_names_wins_over_a_us_dollar_reporter() -> None:
    from tui_reader.extract import enrich
    from tui_reader.model import Article

    article = enrich(Article(id="a", source="Sample", title="Fortescue shares slip",
                             body="Fortescue Ltd (ASX: FMG) shares closed at $18.63 and it declared a dividend of "
                                  "89 cents per share.", published=datetime(2024, 8, 26, tzinfo=UTC)))
    assert {f.currency for f in article.figures if f.kind == "money"} == {"AUD"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("nachdem der Leitindex am Vortag um 1,86 Prozent abgetaucht war.", [("1,86 Prozent", "down")]),
        ("Anleger schicken die Aktie um 2,12 Prozent hoch auf 263,67 Dollar.", [("2,12 Prozent", "up")]),
        ("Bereinigt nahmen die Verkäufe um 7,9 Prozent ab.", [("7,9 Prozent", "down")]),
        ("Der Umsatz nahm um 5 Prozent zu.", [("5 Prozent", "up")]),
        ("Die Titel schlossen mit Verlusten von 2,62 Prozent.", [("2,62 Prozent", "down")]),
        ("während sich der Index um 0,6% auf 4208 Zähler ermäßigte.", [("0,6%", "down")]),
        ("The stock cratered more than 14% on Thursday.", [("14%", "down")]),
    ],
)
def test_moves_of_sets_50_and_51(body: str, expected: list[tuple[str, str | None]]) -> None:
    assert moves(body) == expected


# Forms of the 53rd held-out set.


def test_forms_of_set_53() -> None:
    assert money("Die Investitionen sollen rund 2,7 statt 2,2 Milliarden Euro betragen.") == [
        ("2,7", 2.7e9, "EUR", None), ("2,2 Milliarden Euro", 2.2e9, "EUR", None)]
    assert money("ein Gewinn von gut 1,4 Milliarden Schweizer Franken") == [
        ("1,4 Milliarden Schweizer Franken", 1.4e9, "CHF", None)]
    assert moves("Reingewinn explodiert um 50 Prozent") == [("50 Prozent", "up")]
    # an abbreviation spelled out once is that abbreviation at every later mention
    text = "It lifted its net interest income (NII), the lending margin. The bank's NII jumped $2 billion."
    assert [i.ticker for i in find_instruments("", text, [])] == []
    assert [i.ticker for i in find_instruments("", "NII Holdings rose.", [])] == ["NIHD"]


def test_pence_written_as_gbx() -> None:
    assert money("It has a GBX 260 price target; the shares opened at GBX 255.90.") == [
        ("GBX 260", 2.6, "GBP", None), ("GBX 255.90", 2.559, "GBP", None)]
