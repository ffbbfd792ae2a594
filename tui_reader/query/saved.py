"""Saved searches: named queries from the config's `[searches]` table.

Shown as lists in the instrument pane (with unread/total counts, like newsboat's
query feeds) and, when marked `alert = true`, watched by every poll.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tui_reader.query.parser import parse
from tui_reader.query.syntax import Node


@dataclass(frozen=True, slots=True)
class SavedSearch:
    name: str
    query: str
    alert: bool = False
    tree: Node | None = field(default=None, compare=False, repr=False)
    """The parsed query; `saved_search` fills it (and refuses a query that does not parse)."""


def saved_search(name: str, query: str, alert: bool = False) -> SavedSearch:
    """A saved search with its query parsed; raises `QueryError` for a bad query."""
    return SavedSearch(name, query, alert, parse(query))
