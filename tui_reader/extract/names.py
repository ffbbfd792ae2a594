"""Company names as keys: the normalised form every spelling of a name meets in.

"Apple Inc.", "APPLE" and "Apple’s" are one key, "apple"; `NAME_RUN_TAIL` describes
the runs of capitalised words in text that can hold a name at all.
"""

from __future__ import annotations

import re
import unicodedata

LEGAL_SUFFIXES: frozenset[str] = frozenset(
    "inc incorporated corp corporation co company companies cos ag se plc ltd limited nv sa "
    "holding holdings group llc lp kgaa ab asa oyj spa as bv gmbh aktiengesellschaft".split()
)
"""Words that do not tell companies apart: "Alibaba Group Holding Ltd" is "alibaba"."""

AMBIGUOUS_NAMES: frozenset[str] = frozenset(
    # Company names that are also everyday words, places, people or market venues
    # ("Next week", "Target price", "the North Sea", "Bill Gates", "the Dow"). The
    # scanner takes them only with a legal form ("Shell plc") or when the article
    # names the same company unambiguously elsewhere (ISIN, ticker, declared line).
    """next target block match ball compass sea arm reliance progressive southern
    continental investor news dow nasdaq msci sse sto orion elisa orange city now box
    buckle cactus deluxe diodes enact employers frontdoor gates griffon harmonic hub
    integer interface mosaic noble partners pool rational screen sharp shift stride
    universal verve waters sage geo prog ly nn qt q2 booking carnival phoenix dover zurich
    everest indus hartford carter hawkins brady rogers campbell dana lindsay disco
    mitsubishi mitsui sumitomo energizer toast snap wise grab elastic gap celsius rocket
    ig acs cgi fmc man vat pandora frontline siegfried nu flex douglas hertz wendy
    equitable flutter ferguson diploma metro euronext signify eternal goodman santos
    cooper hays weir roper hayward mara ana merlin admiral aberdeen credo apa also vz agm egm m&m rbi nii asx
    hochschild kakao rs ithaca thg avon""".split()
) | {
    "london stock exchange",
    "renewable energy",
    "national bank",
    "independent bank",
    "preferred bank",
    "healthcare services",
    "international airlines",
    "american international",
    "public storage",
    "waste management",
    "best buy",
}

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "–": "-"})
_DROP = str.maketrans("", "", ".'/,()")
_UNDECOMPOSED = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ı": "i"})
PARENTHESISED = re.compile(r"\([^)]*\)")


def picks_initials(initials: str, code: str) -> bool:
    """Whether `code` takes the `initials` of a name's last words in order, from one of
    them to the last: "SAM" of "Singapore Institute of Advanced Medicine" (SIAM), the
    name abbreviated, not a ticker."""
    if not initials or code[-1] != initials[-1]:
        return False
    for first in range(len(initials) - len(code) + 1):
        if initials[first] == code[0]:
            rest = iter(initials[first + 1:])
            if all(letter in rest for letter in code[1:]):
                return True
    return False


def fold_accents(word: str) -> str:
    """A lower-case word without its diacritics ("estée" → "estee", "mærsk" → "maersk"):
    writers and feeds drop accents at will ("Nestle", "L'Oreal", "Societe Generale"),
    so a key must not depend on them. ASCII words, nearly all, return at once."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word.translate(_UNDECOMPOSED))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_word(token: str) -> str:
    """One written word as name keys spell it: "Nvidia’s" → "nvidia", "N.V." → "nv",
    "Estée" → "estee"."""
    word = token.casefold().translate(_APOSTROPHES).rstrip(".,;:!?)")
    if word.endswith("'s"):
        word = word[:-2]
    elif word.endswith("'"):
        word = word[:-1]
    return fold_accents(word.translate(_DROP))


def strip_legal(words: list[str]) -> list[str]:
    """Drop a leading "the" and trailing legal forms ("Eli Lilly and Company" → "eli lilly")."""
    end = len(words)
    while end and (words[end - 1] in LEGAL_SUFFIXES or words[end - 1] in ("&", "and")):
        end -= 1
    start = 1 if end > 1 and words[0] == "the" else 0
    return words[start:end]


def name_key(name: str) -> str:
    """The normalised form names are indexed under, so "Apple Inc." and "APPLE" meet."""
    if "(" in name:
        name = PARENTHESISED.sub(" ", name)
    words = [w for w in map(name_word, name.split()) if w]
    return " ".join(strip_legal(words))


def legal_keys(name: str, key: str) -> list[str]:
    """`key` lengthened by the legal words `name_key` dropped, one at a time: "SoftBank
    Group Corp" → "softbank group", "softbank group corp". Where a parent and its unit
    share a key ("softbank"), these keep them apart."""
    if "(" in name:
        name = PARENTHESISED.sub(" ", name)
    words = [w for w in map(name_word, name.split()) if w]
    if words and words[0] == "the":
        words = words[1:]
    size = key.count(" ") + 1
    if " ".join(words[:size]) != key:
        return []
    return [" ".join(words[:n]) for n in range(size + 1, len(words) + 1) if words[n - 1] not in ("&", "and")]


NameHit = tuple[int, str, bool, int]
"""A company name found in text by `NameScanner.names`: (start, key, suffixed, end).
`suffixed`: written with a legal form ("Shell plc"), which makes a common word a
company; `end`: where the name and its legal form end. A plain tuple, not a
NamedTuple: one is made per mention, and a NamedTuple costs 0.25 µs more each."""


# A run of capitalised words: the only text that can hold a company name. Words go up
# to whitespace or clause punctuation, so hyphens, apostrophes and "&" stay inside
# ("Mercedes-Benz", "Nvidia’s", "AT&T"); words join across whitespace and one
# lower-case connector ("Bank of America", "Kühne + Nagel", "Mensch und Maschine"); an ISIN-shaped word ends the run, since
# find_instruments reads it as an ISIN. The pattern starts after the run's capital
# letter: find_instruments' one candidate regex leads every branch with a single
# character class (capitals, "$", ":") so the engine can skip straight to candidates.
CAPITALS = "A-ZÀ-ÖØ-Þ"
HAS_CAPITAL = re.compile(f"[{CAPITALS}]")
_ISIN_WORD = r"[A-Z]{2}[A-Z0-9]{9}[0-9](?![^\W_])"
_WORD_REST = r"[^\s,;:!?()\[\]\"“”…]*+"
_CONNECTOR_WORDS = ("of", "and", "und", "&", "+", "de", "du", "des", "di", "dei", "del", "della", "do", "dos", "la", "le",
                    "the", "van", "von", "y")
NAME_RUN_TAIL = (
    rf"(?P<word>{_WORD_REST})"
    # The connectors as a trie: the engine tries branches one by one, after every word.
    # Possessive quantifiers (++, *+): a failed continuation is not retried with fewer
    # spaces or letters, which could never succeed anyway.
    r"(?P<more>(?:\s++(?:(?:of|and|und|[&+]|d(?:es|e|u|i|ei|el|ella|os|o)|l[ae]|the|v[ao]n|y)\s++)?"
    rf"(?!{_ISIN_WORD})[{CAPITALS}0-9]{_WORD_REST})*+)"
)
CONNECTORS = frozenset(_CONNECTOR_WORDS)
"""Lower-case words allowed inside a name ("Bank of America", "Procter & Gamble", "Monte
dei Paschi", "Banco do Brasil")."""
RUN_TAIL = re.compile(NAME_RUN_TAIL)
LOWER_LEGAL = re.compile(r"[ \u00a0]+(?:plc|ltd|inc|corp|limited)\b")

Span = tuple[int, int]
"""A run in text: its start and end."""
