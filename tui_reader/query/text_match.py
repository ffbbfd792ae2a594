"""Free words of a query: the FTS5 expression, and the same match in Python.

Words are tokenised as the store's FTS5 index tokenises (unicode61, diacritics
removed, case-blind). A bare word matches as a prefix, so results follow typing; a
quoted phrase matches its words in a row, exactly.
"""

from __future__ import annotations

import re
import unicodedata

_TOKEN = re.compile(r"[^\W_]+")


def tokens(text: str) -> list[str]:
    """Casefolded word tokens without diacritics ("Übernahme" → "ubernahme")."""
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return _TOKEN.findall(text.casefold())


def fts_expression(text: str, phrase: bool) -> str | None:
    """An FTS5 MATCH expression that cannot be a syntax error; None when nothing is searchable."""
    words = tokens(text)
    if not words:
        return None
    return '"' + " ".join(words) + '"' + ("" if phrase else "*")


def text_matches(text: str, phrase: bool, haystack: list[str]) -> bool:
    """`fts_expression`'s meaning over the tokens of an article's title and body."""
    words = tokens(text)
    if not words:
        return False
    n = len(words)
    for i in range(len(haystack) - n + 1):
        if haystack[i : i + n - 1] == words[:-1]:
            last = haystack[i + n - 1]
            if last == words[-1] or (not phrase and last.startswith(words[-1])):
                return True
    return False
