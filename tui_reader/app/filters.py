"""The `/` filter: the query language (docs/QUERIES.md) typed by hand, and the scope.

`ticker:BABA isin:… source:reuters starred unread words` read as before; figures,
comparisons and `and`/`or`/`not` come with the language. The parsed tree goes to
`Store.articles(where=...)`, so the store does the work and the UI never builds SQL.
The left pane's selection (`Selection`) narrows first; a saved search selected there
adds its own query.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from tui_reader.isin_shape import looks_like_isin
from tui_reader.query.syntax import And, Node


@dataclass(frozen=True, slots=True)
class Filter:
    """What the `/` box holds once it parsed: the text as typed and its syntax tree."""

    text: str = ""
    tree: Node | None = None
    """None: the box is empty, everything passes."""

    @property
    def empty(self) -> bool:
        return self.tree is None


def parse_filter(text: str) -> Filter:
    """The box's text as a filter; raises `QueryError` (column, what was expected)."""
    from tui_reader.query.parser import parse  # lark: on the first filter, not at start-up

    return Filter(text, parse(text))


@dataclass(frozen=True, slots=True)
class Selection:
    """What the left pane has selected: a fixed view, a watchlist entry or an instrument."""

    kind: str
    """"all", "unread", "starred", "watch", "instrument" or "search"."""
    key: str | None = None
    """The instrument key (ISIN, else ticker), the watchlist entry as configured, or
    the saved search's name."""
    label: str = field(default="", compare=False)

    def store_kwargs(self) -> dict[str, object]:
        if self.kind == "unread":
            return {"unread_only": True}
        if self.kind == "starred":
            return {"starred_only": True}
        if self.kind == "instrument" and self.key:
            return {"instrument": self.key}
        if self.kind == "watch" and self.key:
            # The config names a ticker or an ISIN, not the store's instrument key.
            if looks_like_isin(self.key):
                return {"isin": self.key.upper()}
            return {"ticker": self.key.upper()}
        return {}


def merge_kwargs(selection: Selection, flt: Filter, searches: Mapping[str, Node | None] | None = None) -> dict[str, object]:
    """`Store.articles()` keywords: the selection narrows, the filter narrows further; a
    selected saved search (its tree from `searches`, by name) and the filter both hold."""
    merged = selection.store_kwargs()
    trees = [flt.tree]
    if selection.kind == "search" and selection.key is not None:
        trees.insert(0, (searches or {}).get(selection.key))
    wheres = [w for w in trees if w is not None]
    if wheres:
        merged["where"] = wheres[0] if len(wheres) == 1 else And(tuple(wheres))
    return merged


def scope_label(selection: Selection) -> str:
    """Where a search looks, in a few words: "in all articles", "in BABA"."""
    if selection.kind == "all":
        return "in all articles"
    if selection.kind in ("unread", "starred"):
        return f"in {selection.kind} articles"
    return f"in {selection.label or selection.key or 'this instrument'}"


def filter_title(selection: Selection) -> str:
    """The filter box's title: where it searches, and `*` to search everything, which
    only says something while the selection is narrower than all articles."""
    where = f"Filter {scope_label(selection)}"
    return where if selection.kind == "all" else f"{where} · * searches all"


def scope_title(selection: Selection, filter_text: str) -> str:
    """The article list's border title: what the list holds, so a scope is never hidden."""
    where = {"all": "All", "unread": "Unread", "starred": "Starred"}.get(selection.kind)
    if selection.kind == "search":
        where = f"search {selection.label or selection.key}"
    title = f"Articles · {where or selection.label or selection.key}"
    if filter_text.strip():
        title += f" · filter: {' '.join(filter_text.split())}"
    return title


def empty_reason(selection: Selection, flt: Filter, filter_text: str) -> str:
    """Why the list is empty, and the key that widens it."""
    wanted = " ".join(filter_text.split())
    if selection.kind != "all" and not flt.empty:
        # "*" typed in the box is the words' prefix operator ("trill*"), so Enter leaves it first
        return (f"Nothing {scope_label(selection)} matches “{wanted}”. Press * to search all articles "
                "(Enter first while typing), Esc to clear the filter.")
    if not flt.empty:
        return f"No article matches “{wanted}”. Esc clears the filter."
    if selection.kind == "unread":
        return "No unread articles."
    if selection.kind == "starred":
        return "No starred articles: s stars the article under the cursor."
    if selection.kind == "search":
        return f"No article matches the saved search {selection.label or selection.key}."
    if selection.kind != "all":
        return f"No articles {scope_label(selection)} yet."
    return "No articles yet: add feeds or seed folders to the config (see the README), or press r to poll."
