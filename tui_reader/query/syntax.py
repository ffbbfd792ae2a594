"""The query language's syntax tree, and its printer.

A query is a tree of these frozen dataclasses; `to_text` prints one back in the form
the parser reads, so a saved search can be shown, edited and parsed again with the
same meaning (`parse(to_text(tree)) == tree` is a property test).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

KeyName = Literal["ticker", "isin", "source", "kind", "currency"]
FlagName = Literal["starred", "unread"]
NumberField = Literal["money", "pct", "pp", "move"]
DateField = Literal["date", "published"]
Op = Literal["<", "<=", ">", ">=", "="]

KEYS: tuple[KeyName, ...] = ("ticker", "isin", "source", "kind", "currency")
FLAGS: tuple[FlagName, ...] = ("starred", "unread")
NUMBER_FIELDS: tuple[NumberField, ...] = ("money", "pct", "pp", "move")
DATE_FIELDS: tuple[DateField, ...] = ("date", "published")
KINDS = ("money", "percent", "date", "multiple", "period")


@dataclass(frozen=True, slots=True)
class Number:
    """A number as written (`50bn`, `-5`, `1.5`), with its value scale applied."""

    value: float
    text: str


@dataclass(frozen=True, slots=True)
class Day:
    """`YYYY-MM-DD`, `today`, or `today+30d` / `today-2w`: resolved when the query runs,
    so a saved search "what is coming" stays relative to the day it is asked."""

    text: str
    """Normalised spelling: `2026-03-01`, `today`, `today+30d`."""


@dataclass(frozen=True, slots=True)
class Compare:
    field: NumberField | DateField
    op: Op
    value: Number | Day


@dataclass(frozen=True, slots=True)
class Keyed:
    key: KeyName
    value: str


@dataclass(frozen=True, slots=True)
class Flag:
    name: FlagName


@dataclass(frozen=True, slots=True)
class Words:
    """Free text for the full-text index; `phrase` when it was written in quotes."""

    text: str
    phrase: bool = False


@dataclass(frozen=True, slots=True)
class Not:
    item: Node


@dataclass(frozen=True, slots=True)
class And:
    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    items: tuple[Node, ...]


Node = Compare | Keyed | Flag | Words | Not | And | Or


def to_text(node: Node) -> str:
    """The query as the parser reads it; parentheses only where precedence needs them."""
    if isinstance(node, Compare):
        return f"{node.field}{node.op}{node.value.text}"
    if isinstance(node, Keyed):
        return f'{node.key}:{_quoted(node.value) if _needs_quotes(node.value) else node.value}'
    if isinstance(node, Flag):
        return node.name
    if isinstance(node, Words):
        return _quoted(node.text) if node.phrase else node.text
    if isinstance(node, Not):
        inner = to_text(node.item)
        return f"not ({inner})" if isinstance(node.item, (And, Or)) else f"not {inner}"
    if isinstance(node, And):
        return " and ".join(f"({to_text(i)})" if isinstance(i, Or) else to_text(i) for i in node.items)
    return " or ".join(to_text(i) for i in node.items)


def _needs_quotes(value: str) -> bool:
    return not value or any(c.isspace() or c in '()"' for c in value)


def _quoted(text: str) -> str:
    return '"' + text + '"'


def rename_sources(node: Node, rename: Callable[[str], str]) -> Node:
    """The tree with each `source:NAME` replaced by `rename(NAME)`: a seed folder's
    display name stands for the folder's source key."""
    if isinstance(node, Keyed) and node.key == "source":
        return Keyed("source", rename(node.value))
    if isinstance(node, Not):
        return Not(rename_sources(node.item, rename))
    if isinstance(node, And | Or):
        return type(node)(tuple(rename_sources(item, rename) for item in node.items))
    return node
