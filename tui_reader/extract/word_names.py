"""Company names that are everyday words, which need evidence before they file.

"Target price", "a Shell company", German "in der Rubrik Wirtschaft": a name key that
is also a common word is that word far more often than the company. Such a key files
only with evidence: a legal form ("Rubrik Inc."), a ticker or ISIN of the company, a
declared instrument line, or the company named unambiguously elsewhere in the article.

Which keys are words comes from ``data/word_names.txt``, generated at development time
by ``tools/word_names.py`` from word frequencies and spelling dictionaries (no runtime
dependency), plus the hand-kept `names.AMBIGUOUS_NAMES` (places, surnames, venues).
``data/word_names_allowed.txt`` lists the famous names that are words yet are nearly
always the company when capitalised in market news ("Apple", "Oracle", "Linde"), and
those that are so in German text only ("Continental", "Shell").

German-only words ("rubrik", "lowe" from "Löwe") matter only in German text: German
capitalises every noun, so there the company needs evidence; in English text
"Rubrik" is the company.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import islice
from pathlib import Path

from tui_reader.extract.names import AMBIGUOUS_NAMES

_DATA = Path(__file__).with_name("data")

ANY_TEXT, ENGLISH_WORD, BOTH_WORD, GERMAN_WORD = "any", "en", "de en", "de"
"""What a key that needs evidence is: a hand-kept name (places, surnames, venues),
which needs it in any text however written; an English word, a word in both
languages, or a German noun. An English word capitalised inside an English sentence
is a name ("analysts expect Strategy to buy more"), and so is an English-only word in
German text ("der Konkurrent Coherent"); a German-only noun needs evidence only in
German text, where every noun is capitalised."""


def _keys(file: str) -> list[str]:
    with open(_DATA / file, encoding="utf-8") as lines:
        return [line.rstrip("\n") for line in lines if line.strip() and not line.startswith("#")]


@cache
def allowed_word_names() -> frozenset[str]:
    """Keys that are words yet file without evidence (data/word_names_allowed.txt)."""
    return frozenset(line for line in _keys("word_names_allowed.txt") if "\t" not in line)


@cache
def allowed_in_german() -> frozenset[str]:
    """Keys that file without evidence in German text, where they are no word
    ("Continental", "Shell"): the allow list's lines marked "de"."""
    return frozenset(line.split("\t")[0] for line in _keys("word_names_allowed.txt") if line.endswith("\tde"))


@cache
def word_names() -> dict[str, str]:
    """Name key → what kind of word it is (`ANY_TEXT`, `ENGLISH_WORD`, `BOTH_WORD`,
    `GERMAN_WORD`): see those.

    Built on first use (~10 ms for ~24,000 words), as the directory is."""
    allowed = allowed_word_names()
    text = (_DATA / "word_names.txt").read_text(encoding="utf-8")
    rows = (line.partition("\t") for line in text.splitlines() if line and line[0] != "#")
    needs = {key: languages for key, _, languages in rows}
    for key in allowed:
        needs.pop(key, None)
    for key in AMBIGUOUS_NAMES:
        needs[key] = ANY_TEXT
    return needs


_GERMAN_WORDS = re.compile(
    r"\b(?:der|die|das|und|den|dem|des|mit|für|nicht|ist|auf|sich|wird|eine?|im|zum|zur|vom|beim"
    r"|mehr|auch|noch|oder|aber|bei|über|sind|wurde|werden)\b",
    re.IGNORECASE,
)


def is_german(text: str) -> bool:
    """Whether the text reads as German: German function words in it, three in a long
    text (an English article may quote "der" once), two in a teaser ("Mehr in der
    Rubrik Wirtschaft"). Only asked when a word name was found, so it costs nothing
    on most articles."""
    needed = 3 if len(text) > 400 else 2
    # The needed-th match, if there is one (the scan stops there).
    return next(islice(_GERMAN_WORDS.finditer(text), needed - 1, None), None) is not None
