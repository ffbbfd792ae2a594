"""Names as people write them: "Marvell" for Marvell Technology, "BofA" for Bank of America.

Writers shorten official names, and the directory only knows the official ones. Two
sources of shorter names, both below every name the directory already has (an
official name or a CSV alias never yields to a short one):

* derived: a distinctive word followed only by words that say what the business does
  ("Marvell Technology", "Secunet Security Networks", "Evonik Industries") is written
  as that word alone. Not when the word is an everyday word, a place or a first name
  ("Monster Beverage", "Heidelberg Materials", "Hugo Boss"), when two companies would
  share it ("Wacker Chemie", "Wacker Neuson"), or when it already names a company.
* curated: ``data/aliases.csv``, abbreviations and nicknames no rule derives ("BofA",
  "UPS", "Goldman", "Chipotle"), keyed by the listing's symbol.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

from tui_reader.extract.listings import Company
from tui_reader.extract.names import AMBIGUOUS_NAMES, LEGAL_SUFFIXES, name_key, name_word

DESCRIPTORS: frozenset[str] = frozenset(
    """technology technologies tech energy energies industries industrial international
    systems semiconductor semiconductors networks network software entertainment resorts
    brands foods financial bancorp bancshares petroleum resources communications airlines
    motors materials chemicals chemical healthcare pharmaceuticals pharmaceutical
    pharma therapeutics biosciences biotech biotechnology medical solutions laboratories
    labs scientific instruments electric properties realty services worldwide interactive
    media platforms devices automotive aerospace logistics enterprises products
    electronics restaurants hotels insurance reit trust energietechnik immobilien chemie
    solar biomedical security werke aktiengesellschaft bancorporation""".split()
)
"""Words that say what a company does, not which company it is."""

COMMON_WORDS: frozenset[str] = frozenset(
    # Everyday words, places and descriptions that start company names but, on their
    # own, mean something else ("Monster", "Heidelberg", "Digital", "Regions").
    """american national international global general united first new royal standard
    pacific atlantic southern northern western eastern southwest northeast central
    digital electronic advanced applied public universal diversified consolidated
    monster zebra host regions fifth principal marathon dollar delivery home best
    constellation healthcare medical energy ameri china japan india europe euro
    texas norfolk kansas boston heidelberg hannover frankfurt berlin munchen munich
    hamburg stuttgart paris london tokyo dallas denver atlanta phoenix florida
    california carolina virginia washington york jersey ohio nevada arizona vegas
    deutsche deutscher deutsches bayerische french british swiss german
    united deutsche las west east north south old great big smart simply live match
    snap blue green red black white gold golden silver star sun solar bright clear
    open one alpha omega prime first next core true albany analog arbor benchmark
    bread catalyst charter cincinnati citizens crescent customers devon digi dominion
    duke edison element essential expand extreme harmony hawaiian helix heritage
    imperial innovative insight inspire liberty lincoln liquidity merchants merit
    minerals oxford penguin progress quaker redwood republic rush safety select sonic
    stellar taiwan trinity triumph tyler vulcan zurich fukuoka shizuoka lakeland
    lexington southside whitestone penn powell matthews apogee beacon fuji lumen getty
    iridium quanta cogent align protagonist gibraltar fulton erie ally bloom riot
    alaska beam crispr fairfax harbour intact legend restaurant royalty unity viking zealand
    planet jackson galaxy mineral origin array hanwha trump nordic uranium comet genus
    figure voyager firefly permian steyr carpenter comfort selective flushing kearny canadian mueller
    vienna wien geneva genf milan madrid brussels amsterdam sydney toronto singapore""".split()
)

_HERE = Path(__file__).with_name("data")


@cache
def first_names() -> frozenset[str]:
    """Common English and German first names (name keys), from data/first_names.txt:
    a word among them is a person's name before it is a company's ("Hugo Boss")."""
    with open(_HERE / "first_names.txt", encoding="utf-8") as lines:
        return frozenset(
            name_word(word) for line in lines if not line.startswith("#") for word in line.split()
        )


def derived_short_names(
    names: dict[str, Company], blocked: Iterable[str], descriptors: frozenset[str] = DESCRIPTORS
) -> dict[str, Company]:
    """Short keys → company, for name keys of a distinctive word and descriptors only.

    `names` maps every known key to its company; `blocked` are keys that must not be
    used (names two companies share). A short key two companies would derive, or one
    that is already a key, is not returned.
    """
    stop = COMMON_WORDS | first_names() | AMBIGUOUS_NAMES | LEGAL_SUFFIXES | set(blocked)
    found: dict[str, Company] = {}
    shared: set[str] = set()
    # Every first word any key starts with: "Wacker Chemie" and "Wacker Neuson" share one.
    starts: dict[str, set[int]] = {}
    for key, company in names.items():
        starts.setdefault(key.split(" ", 1)[0], set()).add(id(company))
    for key, company in names.items():
        words = key.split(" ")
        short = words[0]
        if len(words) < 2 or not all(w in descriptors for w in words[1:]):
            continue
        if len(short.replace("-", "")) < 4 or short in stop or short in names:
            continue
        if len(starts[short]) > 1:
            continue  # "Siemens Energy" and "Siemens Healthineers"
        if found.get(short, company) is not company:
            shared.add(short)
        found[short] = company
    return {short: company for short, company in found.items() if short not in shared}


def curated_aliases() -> Iterator[tuple[str, str]]:
    """(Yahoo symbol, alias as written) from data/aliases.csv."""
    with open(_HERE / "aliases.csv", encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            yield row["symbol"].strip().upper(), row["alias"].strip()


def is_acronym(spelling: str) -> bool:
    """An all-capitals name of up to four letters ("UPS", "FICO", "SAP") is a name only
    when so written: "Ups and downs", "Premier Fico", "sap" are not the companies."""
    letters = spelling.replace("&", "").replace("-", "")
    return 2 <= len(letters) <= 4 and letters.isalpha() and spelling.isupper() and name_key(spelling) != ""
