"""Numbers as articles write them: English and German digit grouping, scale words,
number words and currency names.

Shared by the figure extractors so that "4,2 Mrd. Euro", "1,234.5 million" and
"twelve months" are read the same way everywhere. Only regex fragments and lookup
tables live here; the extractors compile them into their own patterns.
"""

from __future__ import annotations

import math
from functools import cache, lru_cache

from tui_reader.model import Direction, FigureKind, Qualifier

SP = "[ \u00a0\u202f]"
"""One space as typeset in articles: plain, no-break or narrow no-break."""

NUM = (
    r"(?:[0-9]{1,3}(?:[.,'’][0-9]{3})+(?:[.,][0-9]{1,9})?|[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+,[0-9]{2}"
    r"|[0-9]{1,15}(?:[.,][0-9]{1,9})?)"
    r"(?![0-9]|[.,][0-9])"
)
"""A written number with optional grouping and decimals; groups set apart by a space only
with two decimals after a comma ("1 030,00 CHF", as Austrian and Swiss portals print
prices), where no two numbers could stand so. Bounded repeats keep long digit runs (IDs,
10**400) from matching at all instead of turning into a huge float."""

REST = (
    r"(?:[0-9]{0,2}(?:[.,'’][0-9]{3})+(?:[.,][0-9]{1,9})?|[0-9]{0,2}(?:[ \u00a0\u202f][0-9]{3})+,[0-9]{2}"
    r"|[0-9]{0,14}(?:[.,][0-9]{1,9})?)"
    r"(?![0-9]|[.,][0-9])"
)
"""`NUM` after its first digit, for patterns that consume that digit first (see figures_scan)."""

STARTS_TOKEN = r"(?<=[0-9])(?:(?<![\w.,/][0-9])|(?<=c\.[0-9])(?<![\w]c\.[0-9]))"
"""Placed after a consumed first digit: the number does not continue a word, an ISIN, a
URL path or another number (so "H100", "DE000NLE0014", "24/7" yield nothing); British
releases glue "c." (circa) to it: "a tax rate of c.85%"."""

_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
          "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_GERMAN = {"ein": 1, "einem": 1, "einer": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5,
           "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12,
           "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17,
           "achtzehn": 18, "neunzehn": 19, "zwanzig": 20, "dreißig": 30, "vierzig": 40,
           "fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90,
           "hundert": 100}

WORD_VALUES: dict[str, int] = {w: i + 1 for i, w in enumerate(_UNITS)}
WORD_VALUES.update({w: i + 10 for i, w in enumerate(_TEENS)})
WORD_VALUES.update({w: (i + 2) * 10 for i, w in enumerate(_TENS)})
WORD_VALUES["hundred"] = 100

NUMBER_WORD = (
    rf"(?:(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_UNITS)}))?"
    rf"|{'|'.join(_TEENS)}|{'|'.join(_UNITS)}|hundred)"
)
"""English number words one..ninety-nine; teens before units so "seventeen" wins over "seven"."""

GERMAN_NUMBER_WORD = "|".join(sorted(_GERMAN, key=len, reverse=True))


@lru_cache(maxsize=1024)
def word_value(word: str) -> int | None:
    """The value of an English or German number word ("twenty-four" → 24), else None.

    Cached: it is asked about the word before every period unit ("the quarter", "coming
    quarters", "five years"), and those few words repeat across articles."""
    word = word.lower()
    if word in WORD_VALUES:
        return WORD_VALUES[word]
    if word in _GERMAN:
        return _GERMAN[word]
    tens, _, unit = word.replace(" ", "-").partition("-")
    if tens in WORD_VALUES and unit in WORD_VALUES:
        if unit in ("hundred", "thousand"):  # "two-hundred": a product, not "two" plus 100
            return WORD_VALUES[tens] * WORD_VALUES[unit]
        return WORD_VALUES[tens] + WORD_VALUES[unit]
    return None


def parse_number(raw: str, german: bool) -> float | None:
    """Read a written number, deciding per number whether `.` or `,` is the decimal mark.

    Both marks present: the last one is the decimal mark ("1.234,5", "1,234.5"). One
    mark repeated: grouping ("1.234.567"). One mark once: decimal unless exactly three
    digits follow it and the surrounding words are not German ("1,234 million" is
    1234 million; "1.250 Mio." is German grouping; "4,2 Mrd." is 4.2). A leading "0"
    is never a thousands group ("0,700 EUR", "0.291"); Swiss apostrophes always group
    ("1’074.00 CHF"). Returns None for values a float cannot hold, which callers treat as
    "not a figure".
    """
    if "'" in raw or "’" in raw:  # Swiss grouping: "1’074.00", "12'544,1"
        raw = raw.replace("'", "").replace("’", "")
    if " " in raw or "\u00a0" in raw or "\u202f" in raw:  # "1 030,00": groups set apart by a space
        raw = raw.replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    dot, comma = raw.rfind("."), raw.rfind(",")
    # a leading "0" is never a thousands group: "0,700" and "0.700" are decimals anywhere
    if comma < 0 and (dot < 0 or raw.find(".") == dot and not (
            german and len(raw) - dot == 4 and raw[0] != "0")):
        value = float(raw)  # the common case: no grouping, at most one decimal point
        return value if math.isfinite(value) else None
    if dot >= 0 and comma >= 0:
        if comma > dot:
            raw = raw.replace(".", "").replace(",", ".")
        else:
            raw = raw.replace(",", "")
    elif comma >= 0:
        if raw.count(",") > 1 or (len(raw) - comma == 4 and not german and raw[0] != "0"):
            raw = raw.replace(",", "")
        else:
            raw = raw.replace(",", ".")
    elif dot >= 0 and (raw.count(".") > 1 or (german and len(raw) - dot == 4 and raw[0] != "0")):
        raw = raw.replace(".", "")
    value = float(raw)
    return value if math.isfinite(value) else None


def parse_in(body: str, raw: str, german: bool) -> float | None:
    """`parse_number` for a number of `body`: a lone comma before three digits ("1,250
    EUR") is the decimal mark when the article is German, whatever its unit says, and a
    lone full stop there ("GBP830.000") groups thousands."""
    if not german and len(raw) > 4 and raw[-4] == "," and raw.count(",") == 1 and (
            "." not in raw):
        german = german_text(body)
    elif not german and len(raw) > 4 and raw[-4] == "." and raw.count(".") == 1 and "," not in raw and german_text(body):
        return parse_number(raw.replace(".", ""), False)  # "GBP830.000" in German copy: thousands
    return parse_number(raw, german)


_GERMAN_CUES = (" und ", " der ", " die ", " das ", " nicht ", " mit ")
_last_text: list[object] = [None, False]


def german_text(body: str) -> bool:
    """Whether `body` is German, by its commonest function words; remembered for the last
    body only, since its figures are decoded one after another."""
    if _last_text[0] is not body:
        hits = 0
        for cue in _GERMAN_CUES:
            if cue in body:
                hits += 1
                if hits == 2:
                    break
        _last_text[0], _last_text[1] = body, hits >= 2
    return bool(_last_text[1])


SCALE = (
    r"(?:[¹²³⁴⁵⁶⁷⁸⁹]?[ \u00a0\u202f-]?(?:trillion|Trillion|billion|Billion|million|Million|thousand|Thousand"
    r"|Billionen|Milliarden|Milliarde|Millionen|Mrd\.?|Mio\.?|Mill\.|Mil\.|Tsd\.?|Tausend|Bio\.|Bill\."
    r"|bn|Bn|bln|Bln|mn|mm|mln|Mln|tn|trn|[Ll]akh[ \u00a0][Cc]rores?|[Cc]rores?|[Ll]akhs?)"
    r"|[bBmMkK]|[ \u00a0]m(?![&²³]))(?![\w])"
)
"""A scale after an amount. Single letters attached ("$5m"), and "m" also after a space,
as British results releases write it ("GBP97.0 m", "£12.5 m"; not "€2 M&A"), and the
bankers' "mm" ("£853mm-888m"); words with or
without a space or a hyphen ("a $5-billion deal"), also after a press release's footnote
mark ("$3.0¹ billion"). German "Billionen", "Bio." and "Bill." are 10**12; English "Billion" in a
headline is 10**9."""

SCALE_VALUES: dict[str, float] = {
    "trillion": 1e12, "billionen": 1e12, "bio": 1e12, "bill": 1e12, "tn": 1e12, "trn": 1e12,
    "billion": 1e9, "milliarden": 1e9, "milliarde": 1e9, "mrd": 1e9, "bn": 1e9,
    "bln": 1e9, "b": 1e9,
    "million": 1e6, "millionen": 1e6, "mio": 1e6, "mill": 1e6, "mil": 1e6, "mn": 1e6, "mm": 1e6, "mln": 1e6, "m": 1e6,
    "thousand": 1e3, "tsd": 1e3, "tausend": 1e3, "k": 1e3, "crore": 1e7, "crores": 1e7, "lakh": 1e5,
    "lakh crore": 1e12, "lakh crores": 1e12,
    "lakhs": 1e5,
}

GERMAN_SCALES = frozenset({"billionen", "bio", "bill", "milliarden", "milliarde", "mrd", "millionen",
                           "mio", "mill", "mil", "tsd"})
"""Scale words that mark a number as German-formatted ("4,2 Mrd." is 4.2, not 42)."""


@cache
def scale_value(scale: str | None) -> tuple[float, bool]:
    """Multiplier for a matched scale and whether the scale word is German (cached: the
    SCALE pattern allows a few dozen spellings)."""
    if not scale:
        return 1.0, False
    key = " ".join(scale.strip(" \u00a0\u202f.-¹²³⁴⁵⁶⁷⁸⁹").lower().split())  # "lakh\u00a0crore"
    return SCALE_VALUES[key], key in GERMAN_SCALES


Found = tuple[int, int, FigureKind, float | str, str | None, Qualifier | None, str | None,
              Direction | None, float | None]
"""A figure before its sentence is known, what each extractor hands to `find_figures`:
(start, end, kind, value, currency, qualifier, unit, direction, high), the fields of
`KeyFigure` without text and context. A plain tuple, not a NamedTuple: building one is
~30 ns instead of ~250 ns, and an article has dozens."""
