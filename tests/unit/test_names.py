"""Names as people write them, and the mentions that are people or products instead.

Sentences are our own, built on the structures real wire stories and German portals
use ("Goldman names Chipotle a top pick", "Papiere von SFC Energy", "Judge ... ruled").
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tui_reader.cli import main
from tui_reader.extract import enrich
from tui_reader.extract.aliases import COMMON_WORDS, curated_aliases, derived_short_names, first_names
from tui_reader.extract.directory import directory
from tui_reader.extract.instruments import find_instruments
from tui_reader.extract.listings import Company
from tui_reader.model import Article, Instrument
from tui_reader.store import Store


def tickers(text: str, declared: list[Instrument] | None = None) -> list[str | None]:
    return [i.ticker for i in find_instruments("", text, declared or [])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Goldman names Chipotle a top pick for the year.", ["GS", "CMG"]),
        ("Marvell slid after the chip report.", ["MRVL"]),
        ("UPS cut jobs again.", ["UPS"]),
        ("T-Mobile added more phone customers than expected.", ["TMUS"]),
        ("BofA raised its target on the stock.", ["BAC"]),
        ("Google search ads grew quickly.", ["GOOGL"]),
        ("Facebook's owner reported strong ad sales.", ["META"]),
        ("Exxon and Disney both reported on Tuesday.", ["XOM", "DIS"]),
        ("Die Aktie von VW gab nach.", ["VOW3.DE"]),
        ("Papiere von Evonik legten zu.", ["EVK.DE"]),
    ],
)
def test_short_names_and_abbreviations(text: str, expected: list[str]) -> None:
    assert tickers(text) == expected


def test_an_all_capital_short_name_counts_only_so_written() -> None:
    assert tickers("Ups and downs marked the session.") == []
    assert tickers("Shares of UPS rose.") == ["UPS"]


@pytest.mark.parametrize(
    "text",
    [
        "Judge Richard Eaton ruled on the tariff case.",
        "Agriculture minister Julia Klöckner spoke in Berlin.",
        "Premier Fico met the delegation.",
        "Fed Chair Powell kept rates unchanged.",
        "Porsche owners complained about the recall.",
        "He drove a Porsche 911 to the meeting.",
        "She bought a Porsche.",
        "Mercedes drivers waited for the update.",
        "Viele Porsche-Fahrer warten auf Ersatzteile.",
        "CEO Tim Cook spoke at the event.",
    ],
)
def test_people_and_products_are_not_companies(text: str) -> None:
    assert tickers(text) == []


def test_the_same_names_are_companies_elsewhere() -> None:
    assert tickers("Eaton raised its outlook.") == ["ETN"]
    assert tickers("Klöckner & Co stieg um 3 Prozent.") == ["KCO.DE"]
    assert tickers("Porsche hob die Prognose an.") == ["P911.DE"]
    assert tickers("An Apple spokesperson declined to comment.") == ["AAPL"]
    assert tickers("CEO Tim Cook said Apple would grow.") == ["AAPL"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SoftBank Group shares jumped.", ["9984.T"]),
        ("SoftBank Corp shares slipped.", ["9434.T"]),
        ("SoftBank rallied on the chip deal.", ["9984.T"]),
        ("Porsche SE cut the value of its stake.", ["PAH3.DE"]),
        ("Porsche AG sold fewer cars in China.", ["P911.DE"]),
        ("Siemens Energy and Siemens Healthineers rose, Siemens fell.", ["ENR.DE", "SHL.DE", "SIE.DE"]),
    ],
)
def test_a_parent_and_its_listed_unit_stay_apart(text: str, expected: list[str]) -> None:
    assert tickers(text) == expected


def test_ticker_only_declared_instrument_is_completed_and_merged_with_the_name() -> None:
    (apple,) = find_instruments("Apple beats", "Apple said sales rose.", [Instrument(None, "AAPL", None)])
    assert (apple.isin, apple.ticker, apple.name, apple.primary) == ("US0378331005", "AAPL", "Apple", True)
    assert apple.mentions == 2


def test_declared_unknown_ticker_merges_with_the_same_ticker_in_text() -> None:
    (found,) = find_instruments("", "Twitter (TWTR) fell.", [Instrument(None, "TWTR", None)])
    assert found.ticker == "TWTR" and found.primary


def test_isin_only_small_caps_have_tickers() -> None:
    found = directory()
    assert found.by_isin("DE0005659700").ticker == "EUZ.DE"  # type: ignore[union-attr]
    assert found.by_isin("DE0007568578").ticker == "F3C.DE"  # type: ignore[union-attr]
    assert tickers("Papiere von Eckert & Ziegler und SFC Energy stiegen.") == ["EUZ.DE", "F3C.DE"]


def test_every_curated_alias_names_a_listing_we_know() -> None:
    from tui_reader.extract.clash_names import CLASHES

    found = directory()
    clashing = {clash.name for clash in CLASHES}
    for symbol, alias in curated_aliases():
        assert found.by_ticker(symbol) is not None, symbol
        if alias in clashing:  # "FMC": two companies' name, read from its context (clash_names)
            assert found.by_name(alias) is None, alias
            continue
        assert found.by_name(alias) == found.by_ticker(symbol), alias


def test_aliases_file_has_its_header() -> None:
    from tui_reader.extract import aliases

    with open(aliases._HERE / "aliases.csv", encoding="utf-8") as rows:
        assert csv.DictReader(rows).fieldnames == ["symbol", "alias"]


def test_derived_short_names_skip_shared_common_and_taken_words() -> None:
    a, b, c, d, e = (Company(f"c{n}", ()) for n in range(5))
    names = {
        "marvell technology": a,
        "wacker chemie": b, "wacker neuson": c,  # shared first word
        "monster beverage": d,  # an everyday word
        "hugo boss": e,  # a first name
        "siemens energy": a, "siemens": b,  # taken by another company
    }
    assert derived_short_names(names, ()) == {"marvell": a}
    assert "monster" in COMMON_WORDS and "hugo" in first_names()


def test_a_short_name_never_replaces_an_official_one() -> None:
    found = directory()
    assert found.by_name("Siemens").ticker == "SIE.DE"  # type: ignore[union-attr]


def test_german_compounds_after_a_multi_word_name() -> None:
    assert tickers("Die Eckert & Ziegler-Aktie zog an.") == ["EUZ.DE"]
    assert tickers("Die Siemens Energy-Aktie gab nach, Siemens nicht.") == ["ENR.DE", "SIE.DE"]


def test_list_by_bare_ticker_finds_an_isin_only_small_cap(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Filed from the text alone (the portal names it, no symbol anywhere), then listed
    # by the ticker people type: `list --ticker EUZ`.
    article = enrich(Article("e1", "finanznachrichten.de", "Eckert & Ziegler hebt Prognose",
                             "Die Papiere von Eckert & Ziegler stiegen.", None))
    path = tmp_path / "store.sqlite3"
    with Store.open(path) as store:
        store.upsert_articles("https://portal.example/rss", [article])
    assert main(["list", "--db", str(path), "--ticker", "EUZ"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert "EUZ.DE" in line and "Eckert & Ziegler hebt Prognose" in line


def test_a_derived_short_name_followed_by_another_capitalised_word_is_another_name() -> None:
    # "Getty Images" (photo credits under every wire picture) is not Getty Realty.
    assert tickers("Photo: Jane Roe | Getty Images") == []
    assert tickers("Marvell Technology rose; Marvell said demand held.") == ["MRVL"]


def test_german_declined_forms_of_deutsche_names() -> None:
    assert tickers("Ein Analyst der Deutschen Bank hob das Ziel.") == ["DBK.DE"]
    assert tickers("Der Arbeitskreis der Deutschen Börse entschied.") == ["DB1.DE"]
