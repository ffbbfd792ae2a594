"""Company names that are everyday words file only with evidence (issue 9).

The sentences are our own, shaped like the cases seen in real news: a German portal's
disclaimer naming its "Rubrik", headlines in title case, famous names that are words.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tui_reader.extract.instruments import find_instruments
from tui_reader.extract.names import AMBIGUOUS_NAMES, name_word
from tui_reader.extract.word_names import GERMAN_WORD, allowed_word_names, is_german, word_names

DATA = Path(__file__).resolve().parents[2] / "tui_reader" / "extract" / "data"


def tickers(title: str, body: str = "") -> list[str]:
    return [i.ticker or i.isin or "" for i in find_instruments(title, body, [])]


# --- the committed lists ------------------------------------------------------------


def _lines(name: str) -> list[str]:
    return [
        line.rstrip("\n")
        for line in (DATA / name).read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


def test_generated_list_is_sorted_unique_and_clean():
    rows = [line.split("\t") for line in _lines("word_names.txt")]
    keys = [row[0] for row in rows]
    assert len(keys) > 10_000
    assert keys == sorted(set(keys))
    for row in rows:
        assert len(row) == 2, row
        key, languages = row
        assert key == name_word(key) and key.isalpha(), key  # a name key, accents folded
        assert languages in ("en", "de", "de en"), row


def test_allow_list_is_sorted_and_holds_only_listed_words():
    allowed = _lines("word_names_allowed.txt")
    assert allowed == sorted(set(allowed))
    listed = {line.split("\t")[0] for line in _lines("word_names.txt")} | AMBIGUOUS_NAMES
    for line in allowed:
        key, *where = line.split("\t")
        assert key in listed, key  # an entry that is no word would allow nothing
        assert where in ([], ["de"]), line


def test_where_keys_need_evidence():
    needs = word_names()
    assert needs["target"] != GERMAN_WORD and needs["rubrik"] == GERMAN_WORD
    assert "apple" not in needs and "linde" not in needs  # allowed
    assert "shell" in needs  # the hand-kept list still counts
    assert "apple" in allowed_word_names()


def test_is_german():
    assert is_german("Die Aktie stieg, und der Konzern ist zuversichtlich.")
    assert not is_german("The shares rose and the company said it was confident.")
    assert not is_german("Analysts at Der Spiegel said the stock rose.")
    assert is_german("Mehr in der Rubrik Wirtschaft")  # a teaser
    assert tickers("Mehr in der Rubrik Wirtschaft") == []


# --- German nouns ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "Die Beiträge in der Rubrik Börse sind keine Anlageberatung und werden nicht von der Redaktion geprüft.",
        "Mehr dazu finden Sie in unserer Rubrik Wirtschaft, die täglich aktualisiert wird.",
    ],
)
def test_a_german_noun_is_not_the_company(body):
    assert tickers("Hinweis des Portals", body) == []


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("Rubrik beats estimates", "Rubrik raised its forecast for the year."),  # English text
        ("Rubrik-Aktie springt an", "Die Papiere legten zu, und der Konzern hob die Prognose an."),
        ("Cyber-Sicherheit", "Die Aktie von Rubrik Inc. stieg, und Rubrik hob die Ziele an."),
        ("Cyber-Sicherheit", "Die Aktien von Rubrik legten zu, weil die Zahlen überzeugten."),
    ],
)
def test_the_company_with_evidence(title, body):
    assert tickers(title, body) == ["RBRK"]


def test_german_nouns_among_famous_names_still_file():
    assert tickers("Linde hebt Prognose", "Der Gasekonzern ist zuversichtlich, dass die Nachfrage steigt.") == ["LIN"]
    assert "ALV.DE" in tickers("Allianz mit Rekordgewinn", "Der Versicherer ist für das Jahr optimistisch.")
    assert "BAYN.DE" in tickers("Bayer senkt Ziele", "Der Konzern ist unter Druck und die Aktie fällt.")


def test_umlauts_folded_do_not_meet_a_company():
    # "Löwe" folds to "lowe" (Lowe's), "Gärtner" to "gartner" (Gartner): German words
    body = "Der Löwe im Zoo und der Gärtner im Park sind die Helden der Geschichte, die wir erzählen."
    assert tickers("Ein Tag im Zoo", body) == []


# --- English words ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("A Coherent Strategy For Volatile Markets", "Investors want a clear plan."),
        ("Analysts Affirm Buy Ratings on Banks", "Three banks were rated."),
        ("Evolution Of The Bond Market", "Yields rose."),
        ("Target Price Raised", "The broker lifted its target."),
    ],
)
def test_everyday_english_words_in_headlines_are_not_companies(title, body):
    assert tickers(title, body) == []


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        ("Strategy buys more bitcoin", "Strategy Inc said it added to its holdings.", "MSTR"),
        ("Target shares fall", "The retailer cut its outlook.", "TGT"),
        ("Retail earnings", "Shares of Target fell after the retailer cut its outlook.", "TGT"),
    ],
)
def test_everyday_english_words_with_evidence(title, body, expected):
    assert tickers(title, body) == [expected]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Apple Stock Jumps After Launch", "AAPL"),
        ("Amazon Raises Prices", "AMZN"),
        ("Oracle Shares Climb on Cloud Deal", "ORCL"),
        ("Visa Beats Estimates", "V"),
    ],
)
def test_famous_names_that_are_words_still_file(title, expected):
    assert tickers(title) == [expected]


# --- how a word is written ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        ("Bitcoin rallies", "Analysts expect Strategy to buy more coins this quarter.", "MSTR"),
        ("Optics demand", "Orders at rival Coherent rose sharply.", "COHR"),
        ("Optik-Nachfrage", "Der Konkurrent Coherent meldete mehr Aufträge, und die Aktie stieg.", "COHR"),
        ("Bitcoin miners", "MARA said its hash rate rose in the month.", "MARA"),
        ("Affirm's loan volume jumps", "Affirm's customers borrowed more.", "AFRM"),
        ("Strategy’s bitcoin pile grows", "", "MSTR"),
    ],
)
def test_capitals_that_make_a_word_a_name(title, body, expected):
    assert tickers(title, body) == [expected]


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("The Evolution of the Bond Market", "Yields rose."),  # title case
        ("Notes", "Evolution matters. Strategy is what counts."),  # sentence starts
        ("Notes", "Mara Smith and Anderson Cooper spoke at the event."),  # people
        ("The Strategy's Flaws", "It was never tested."),  # owned by "the" strategy
        ("Listing news", "The fund will list on the Nasdaq Stock Market in May."),  # the venue
        ("Listing news", "Tech names led the Nasdaq stock index higher in May."),
        ("BREAKING NEWS from the market", "NEWS: rates were left unchanged."),  # shouted labels
        ("Evolution der Märkte", "Die Evolution der Börse und die Strategie der Anleger sind das Thema."),
    ],
)
def test_capitals_that_do_not(title, body):
    assert tickers(title, body) == []


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        ("Continental hebt die Prognose", "Der Zulieferer ist für das Jahr zuversichtlich.", ["CON.DE"]),
        ("Shell mit mehr Gewinn", "Der Ölkonzern hat im Quartal mehr verdient als erwartet.", ["SHEL.L"]),
        ("Continental Europe lags", "Stocks in Continental Europe fell as the euro rose.", []),
        ("Software-News", "Die News des Tages: Der Deal ist fertig, und die Software ist neu.", []),
    ],
)
def test_names_allowed_in_german_text_only(title, body, expected):
    assert tickers(title, body) == expected


def test_committed_list_is_what_the_generator_writes():
    """Only where the development tools are installed (wordfreq, Hunspell dictionaries)."""
    pytest.importorskip("wordfreq")
    if not Path("/usr/share/hunspell/de_DE.dic").exists() or not Path("/usr/share/hunspell/en_US.dic").exists():
        pytest.skip("Hunspell dictionaries not installed")
    import subprocess
    import sys

    tool = Path(__file__).resolve().parents[2] / "tools" / "word_names.py"
    written = subprocess.run([sys.executable, str(tool)], capture_output=True, text=True, check=True).stdout
    assert written == (DATA / "word_names.txt").read_text(encoding="utf-8")
