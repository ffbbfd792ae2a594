"""Reading the query language with lark: text → syntax tree, or a `QueryError`.

    money>=50bn currency:USD          pct<=-5 and not ticker:NVDA
    move<-10 unread                   kind:date date>=today
    (ticker:SAP.DE or ticker:SIE.DE) "profit warning"

Words that are not a field, a comparison or a keyword are free text for the full-text
index, so plain searches work as before. `and` binds tighter than `or`; writing two
conditions side by side means `and`. A mistake is reported with its position (1-based
column) and what was expected there, which the filter box shows inline.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from difflib import get_close_matches
from functools import cache

from lark import Lark, Token, Transformer, UnexpectedCharacters, UnexpectedEOF, UnexpectedToken
from lark.exceptions import VisitError

from tui_reader.query.syntax import (
    FLAGS,
    KEYS,
    KINDS,
    And,
    Compare,
    Flag,
    Keyed,
    Node,
    Not,
    Or,
    Words,
)
from tui_reader.query.values import LiteralError, read_day, read_number

# Terminals are tried by priority: a comparison before a keyed field before a keyword
# before a bare word, so "money>=5" is never read as the word "money>=5" and "android"
# is never the keyword "and" (keywords must end at a space, a parenthesis or the end).
# FIELD is the shape of a field no key has ("tickr:BABA"), reported rather than searched
# as text and found nowhere; a colon elsewhere stays text: "10:30", "https://…" (a value
# starting with "/"), "EUR:USD" and "NYSE:BABA" (a name in capitals), "Update:" (no value).
_GRAMMAR = r"""
?start: or_
?or_: and_ (_OR and_)*
?and_: not_ (_AND? not_)*
?not_: _NOT not_ -> negation
     | "(" or_ ")"
     | COMPARE -> compare
     | KEYED -> keyed
     | FIELD -> unknown_field
     | PHRASE -> phrase
     | WORD -> word

_OR.2: /or(?![^\s()])/i
_AND.2: /and(?![^\s()])/i
_NOT.2: /not(?![^\s()])/i
COMPARE.4: /(money|pct|pp|move|date|published)\s*(<=|>=|<|>|=)\s*[^\s()"]*/i
KEYED.3: /(ticker|isin|source|kind|currency):("[^"]*"|[^\s()"]*)/i
FIELD.1: /(?![A-Z]+:)[a-zA-Z]+:("[^"]*"|[^\s()"\/][^\s()"]*)/
PHRASE: /"[^"]*"/
WORD: /[^\s()"]+/
%ignore /\s+/
"""


_COMPARISON = re.compile(r"([a-z]+)\s*(<=|>=|<|>|=)\s*(.*)", re.IGNORECASE | re.DOTALL)


class QueryError(ValueError):
    """A query that cannot be read: where (1-based column) and what was expected."""

    def __init__(self, column: int, expected: str) -> None:
        super().__init__(f"at column {column}: expected {expected}")
        self.column = column
        self.expected = expected


@cache
def _parser() -> Lark:
    # The basic lexer, not lark's contextual one: "and" is always the keyword, so
    # "a and and b" is a mistake to point at rather than a search for the word "and".
    return Lark(_GRAMMAR, parser="lalr", lexer="basic", maybe_placeholders=False)


class _ToSyntax(Transformer[Token, Node]):
    def or_(self, items: list[Node]) -> Node:
        return Or(tuple(_flatten(items, Or)))

    def and_(self, items: list[Node]) -> Node:
        return And(tuple(_flatten(items, And)))

    def negation(self, items: list[Node]) -> Node:
        return Not(items[0])

    def compare(self, items: list[Token]) -> Node:
        token = items[0]
        text = str(token)
        field, op, literal = _COMPARISON.fullmatch(text).groups()  # type: ignore[union-attr]
        field = field.lower()
        column = (token.column or 1) + len(text) - len(literal)
        try:
            value = read_day(literal) if field in ("date", "published") else read_number(literal)
        except LiteralError as error:
            raise QueryError(column, error.expected) from None
        return Compare(field, op, value)  # type: ignore[arg-type]

    def keyed(self, items: list[Token]) -> Node:
        token = items[0]
        key, _, value = str(token).partition(":")
        key = key.lower()
        if value.startswith('"'):
            value = value[1:-1]
        column = (token.column or 1) + len(key) + 1
        if not value.strip():
            raise QueryError(column, f"a value after {key}:")
        if key == "kind":
            value = value.lower()
            if value not in KINDS:
                raise QueryError(column, "one of " + ", ".join(KINDS))
        elif key in ("ticker", "isin", "currency"):
            value = value.upper()
        return Keyed(key, value)  # type: ignore[arg-type]

    def unknown_field(self, items: list[Token]) -> Node:
        token = items[0]
        name = str(token).partition(":")[0]
        raise QueryError(token.column or 1, _unknown_field(name.lower(), str(token)))

    def phrase(self, items: list[Token]) -> Node:
        return Words(str(items[0])[1:-1], phrase=True)

    def word(self, items: list[Token]) -> Node:
        text = str(items[0])
        if text.lower() in FLAGS:
            return Flag(text.lower())  # type: ignore[arg-type]
        return Words(text)


def _flatten(items: list[Node], kind: type[And] | type[Or]) -> list[Node]:
    out: list[Node] = []
    for item in items:
        out.extend(item.items if isinstance(item, kind) else (item,))
    return out


def parse(text: str) -> Node | None:
    """The syntax tree of a query; None for an empty one (everything matches)."""
    if not text.strip():
        return None
    try:
        tree = _parser().parse(text)
        return _ToSyntax().transform(tree)
    except VisitError as error:
        if isinstance(error.orig_exc, QueryError):
            raise error.orig_exc from None
        raise
    except UnexpectedEOF as error:
        raise QueryError(len(text) + 1, _expected(error.expected)) from None
    except UnexpectedToken as error:
        if error.token.type == "$END":
            raise QueryError(len(text) + 1, _expected(error.expected)) from None
        raise QueryError(error.column, _expected(error.expected)) from None
    except UnexpectedCharacters as error:
        wanted = "a closing quote" if error.char == '"' else _expected(error.allowed)
        raise QueryError(error.column, wanted) from None


_COMPARISON_EXAMPLES = {"money": "money>=50bn", "pct": "pct<=-5", "pp": "pp<=-1.5", "move": "move<-10",
                        "date": "date>=today", "published": "published>=today-7d"}


def _unknown_field(name: str, word: str) -> str:
    """What a field no key has should have been: the keys, the one meant if it is a
    slip of the keyboard, or the quotes that make it text."""
    if name in _COMPARISON_EXAMPLES:
        return f"a comparison such as {_COMPARISON_EXAMPLES[name]}, not {name}:"
    if name in FLAGS:
        return f"{name} alone, not {name}: (a flag takes no value)"
    meant = get_close_matches(name, KEYS, n=1, cutoff=0.6)
    if meant:
        return f"a field: did you mean {meant[0]}? (or {', '.join(k for k in KEYS if k != meant[0])})"
    keys = ", ".join(KEYS[:-1]) + " or " + KEYS[-1]
    return f"a field: {keys} ({_quoted(word)} in quotes is text)"


def _quoted(word: str) -> str:
    return '"' + word.replace('"', "") + '"'


_NAMES = {
    "RPAR": "')'",
    "LPAR": "'('",
    "_AND": "'and'",
    "_OR": "'or'",
    "_NOT": "'not'",
    "COMPARE": "a comparison",
    "KEYED": "a field",
    "FIELD": "a field",
    "PHRASE": "a phrase",
    "WORD": "a word",
    "$END": "the end",
}


def _expected(names: Collection[str] | None) -> str:
    """What lark expected, in words: a condition, or one of a few tokens."""
    names = set(names or ())
    if names & {"WORD", "COMPARE", "KEYED"}:
        return "a condition (a word, field:value or a comparison such as pct<=-5)"
    spelled = sorted(_NAMES.get(n, n.lower()) for n in names)
    return " or ".join(spelled) if spelled else "something else"
