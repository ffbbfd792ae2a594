"""Bare names two listed companies share ("Merck", "FMC"), read from the words around them.

The directory never resolves such a name by itself (`Directory._clashes`), which is
right for a lookup but loses the company in news that writes only "Merck": a DAX
movers list ("Merck (-2,18 Prozent auf 150,30 EUR)"), a Dow list in a German report
("Merck (+ 1,62 Prozent auf 85,48 USD)"), a US drug story. Writers tell their readers
which one they mean, and so they tell us, in this order of strength:

1. the article names one of them outright elsewhere (legal name, ticker or ISIN);
2. the price written right after the name is in one company's currency;
3. a word just before it gives the home ("US-Pharmakonzern Merck", "Darmstädter");
4. the language: German news means the German company by the bare name, English
   news the American one (it writes "Merck KGaA" or "EMD" for the German one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui_reader.extract.word_names import is_german


@dataclass(frozen=True, slots=True)
class Clash:
    name: str
    """As written, capitalised: the bare name the scan looks for."""
    home: str
    """ISIN of the company German text means by the bare name."""
    abroad: str
    """ISIN of the company English text means by it."""
    home_currency: str
    abroad_currency: str
    home_words: tuple[str, ...]
    abroad_words: tuple[str, ...]


CLASHES = (
    Clash("Merck", "DE0006599905", "US58933Y1055", "EUR", "USD",
          ("Darmstadt", "Darmstädter", "deutsche", "DAX"),
          ("US-", "U.S.", "US ", "amerikanische", "New Jersey", "Rahway", "Kenilworth", "Dow")),
    # German news writes "FMC" for Fresenius Medical Care, US news for FMC Corporation
    Clash("FMC", "DE0005785802", "US3024913036", "EUR", "USD",
          ("Dialyse", "Fresenius", "Bad Homburg", "DAX", "Gesundheit"),
          ("US-", "U.S.", "US ", "Philadelphia", "crop", "agricultural", "Agrar")),
)

_BARE_NAME = {clash.name: re.compile(
    rf"(?<![\w-]){re.escape(clash.name)}(?!\w|\s*(?:&|KGaA|Sharp|Group|Finck))")
    for clash in CLASHES}
"""The name alone: not inside a word, nor the start of a legal or longer name ("Merck
KGaA", "Merck & Co.", "Merck Finck", the private bank)."""
_CURRENCIES = {"EUR": ("EUR", "Euro", "€"), "USD": ("USD", "Dollar", "$")}
_AFTER = re.compile(r"\s*\(([^()]{0,60})\)")
"""A parenthesis right after the name: "(+ 1,62 Prozent auf 85,48 USD)"."""
_US_FORMS = (" Corp", " Corporation", " Inc")
"""A US legal form right after the name: the American company."""
_BEFORE = 40
"""Characters before the name that may say its home."""


@dataclass(frozen=True, slots=True)
class Sense:
    """A company a name key means where the text says so."""

    ticker: str
    home: re.Pattern[str] | None
    """Words anywhere in the text that place it ("ASX", "Wiener Börse"); None: any text."""
    german_only: bool


_AUSTRIAN = re.compile(r"\b(?:Wien(?:er)?|ATX|Österreichs?|österreichische[nrs]?)\b")
_SWISS = re.compile(r"\b(?:SMI|SPI|SIX|Zürich|Zurich|Schweiz(?:er)?|Swiss|Franken)\b")
SENSES = {
    # German news means by "die Post" Deutsche Post (Österreichische Post in a Vienna
    # report), never the US cereal maker Post Holdings; so does English copy that names
    # Deutsche Post ("KfW sells Post shares")
    "post": (Sense("POST.VI", _AUSTRIAN, True), Sense("DHL.DE", None, True),
             Sense("DHL.DE", re.compile(r"\bDeutsche Post\b"), False)),
    # Sydney's "National Bank" is National Australia Bank, Toronto's National Bank of
    # Canada; elsewhere the directory's US National Bank Holdings stands
    "national bank": (Sense("NAB.AX", re.compile(r"\b(?:ASX|Australian?|Sydney|Melbourne)\b"), False),
                      Sense("NA.TO", re.compile(r"\b(?:TSX|Canadian?|Toronto|Montreal)\b"), False)),
    # SIG in a Swiss report, or in German news, is the Swiss packaging maker (SIG Group),
    # not the British builders' merchant SIG plc
    "sig": (Sense("SIGN.SW", _SWISS, False), Sense("SIGN.SW", None, True)),
}
"""Name keys whose local sense is another company than the directory's."""


def local_sense(key: str, text: str) -> str | None:
    """Ticker of the company this text means by the name key (one of `SENSES`), if
    its language or place says; None: the directory's company."""
    german: bool | None = None
    for sense in SENSES[key]:
        if sense.german_only:
            if german is None:
                german = is_german(text)
            if not german:
                continue
        if sense.home is None or sense.home.search(text):
            return sense.ticker
    return None


def clash_mentions(text: str, german: bool, named: set[str]) -> list[tuple[int, str, int]]:
    """(first place, ISIN, count) for each bare clashing name the text uses. `named`:
    the ISINs the article names otherwise, which decide for every bare mention."""
    found: list[tuple[int, str, int]] = []
    for clash in CLASHES:
        if clash.name not in text:
            continue
        chosen: dict[str, list[int]] = {}
        for match in _BARE_NAME[clash.name].finditer(text):
            isin = _which(clash, text, match.start(), match.end(), german, named)
            seen = chosen.setdefault(isin, [match.start(), 0])
            seen[1] += 1
        found.extend((start, isin, count) for isin, (start, count) in chosen.items())
    return found


def _which(clash: Clash, text: str, start: int, end: int, german: bool, named: set[str]) -> str:
    if (clash.home in named) != (clash.abroad in named):
        return clash.home if clash.home in named else clash.abroad
    if text.startswith(_US_FORMS, end):
        return clash.abroad  # "FMC Corp", "FMC Corporation"
    after = _AFTER.match(text, end)
    if after is not None:
        inside = after[1]
        home = any(mark in inside for mark in _CURRENCIES[clash.home_currency])
        abroad = any(mark in inside for mark in _CURRENCIES[clash.abroad_currency])
        if home != abroad:
            return clash.home if home else clash.abroad
    before = text[max(0, start - _BEFORE):start]
    home = any(word in before for word in clash.home_words)
    abroad = any(word in before for word in clash.abroad_words)
    if home != abroad:
        return clash.home if home else clash.abroad
    return clash.home if german else clash.abroad
