"""A query's meaning over one article in Python, the twin of `sql.compile_where`.

Used where there is no SQL to run (an alert deciding whether a just-polled article
matches a saved search) and by the tests that hold the SQL to this reading.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from tui_reader.model import Article, Instrument
from tui_reader.query.conditions import FigureTest, figure_test, holds, is_figure_condition, split_conjunction
from tui_reader.query.figure_rows import FigureRow, figure_rows
from tui_reader.query.syntax import And, Compare, Flag, Keyed, Node, Not, Or, Words
from tui_reader.query.text_match import text_matches, tokens
from tui_reader.query.values import resolve_day


@dataclass(slots=True)
class Facts:
    """What a query can ask of an article beyond its text: the user's flags, its
    sources, and the price move since publication (None when unknown)."""

    article: Article
    read: bool = False
    starred: bool = False
    move: float | None = None
    sources: tuple[str, ...] = ()
    _rows: list[FigureRow] | None = field(default=None, repr=False)
    _tokens: list[str] | None = field(default=None, repr=False)

    @property
    def rows(self) -> list[FigureRow]:
        if self._rows is None:
            self._rows = figure_rows(self.article.figures)
        return self._rows

    @property
    def tokens(self) -> list[str]:
        if self._tokens is None:
            self._tokens = tokens(self.article.title) + tokens(self.article.body)
        return self._tokens


def matches(node: Node | None, facts: Facts, today: date) -> bool:
    if node is None:
        return True
    if isinstance(node, And):
        groups, rest = split_conjunction(node)
        return all(_some_figure(figure_test(g, today), facts) for g in groups) and all(
            matches(item, facts, today) for item in rest
        )
    if isinstance(node, Or):
        return any(matches(item, facts, today) for item in node.items)
    if isinstance(node, Not):
        return not matches(node.item, facts, today)
    if is_figure_condition(node):
        return _some_figure(figure_test([node], today), facts)
    if isinstance(node, Compare):
        if node.field == "move":
            return holds(node.op, facts.move, node.value.value)  # type: ignore[union-attr]
        published = facts.article.published
        day = published.date().isoformat() if published else None
        return holds(node.op, day, resolve_day(node.value, today).isoformat())  # type: ignore[arg-type]
    if isinstance(node, Flag):
        return not facts.read if node.name == "unread" else facts.starred
    if isinstance(node, Words):
        if not node.phrase and word_names_listing(node.text, facts.article.instruments):
            return True
        return text_matches(node.text, node.phrase, facts.tokens)
    assert isinstance(node, Keyed)
    return _keyed(node, facts)


def _keyed(node: Keyed, facts: Facts) -> bool:
    value = node.value.strip()
    if node.key == "source":
        wanted = value.casefold()
        names = facts.sources or (facts.article.source,)
        return any(name.casefold().startswith(wanted) for name in names)
    instruments = facts.article.instruments
    if node.key == "isin":
        return any(i.isin == value.upper() for i in instruments)
    return names_listing(value, instruments)


def names_listing(entry: str, instruments: Iterable[Instrument]) -> bool:
    """`ticker:ENTRY` over these instruments: the ticker with or without its exchange
    suffix, or the ISIN. Shared with the calendar, which asks it of one event's
    instruments rather than of a whole article's."""
    symbol = entry.strip().upper()
    base = symbol.split(".", 1)[0] or symbol
    for i in instruments:
        mine = (i.ticker or "").upper() or None
        mine_base = mine.split(".", 1)[0] if mine else None
        if mine in (symbol, base) or mine_base == symbol or i.isin == symbol:
            return True
    return False


def word_names_listing(word: str, instruments: Iterable[Instrument]) -> bool:
    """A bare word of a query names one of these listings: its ticker with or without
    the exchange suffix (`BABA`, `SAP`, `9988` for 9988.HK), or its ISIN. The word a
    trader types first finds the articles filed under it, beside those that contain it.
    Narrower than `ticker:` (the word's own suffix is not dropped), so "U.S." is no
    listing "U"."""
    symbol = word.strip().upper()
    for i in instruments:
        mine = (i.ticker or "").upper()
        if mine and (mine == symbol or mine.split(".", 1)[0] == symbol):
            return True
        if i.isin == symbol:
            return True
    return False


def _some_figure(test: FigureTest, facts: Facts) -> bool:
    for row in facts.rows:
        if row.kind != test.kind or (test.unit and row.unit != test.unit):
            continue
        if test.currency and row.currency != test.currency:
            continue
        value = row.day if test.kind == "date" else row.amount
        if all(holds(op, value, bound) for op, bound in test.compares):
            return True
    return False
