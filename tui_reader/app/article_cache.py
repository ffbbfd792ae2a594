"""The articles around the list's cursor, loaded ahead so a `j` needs no worker round trip.

A thread hop costs more than a frame, the read itself well under 1 ms: the main screen
asks for the rows after the cursor (and one before) once an article is painted, and a
cursor move finds its article here. Textual-free; the screen owns the workers.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui_reader.app.chart_data import ChartData
    from tui_reader.model import Article
    from tui_reader.store import ArticleSummary
    from tui_reader.store.fulltext import FullTextState

AHEAD = 4
"""Articles after the cursor loaded ahead (and one before)."""
KEEP = 64
"""Articles kept at most; the oldest loaded go first."""


@dataclass(frozen=True, slots=True)
class Loaded:
    """One article as the article pane shows it."""

    article: Article | None
    """None: the article is gone from the store."""
    chart: ChartData | None = None
    """Offline it comes along (cache and CSVs cost well under a millisecond); online it
    follows once the cursor rests."""
    full_text: FullTextState | None = None
    """The attempt at the article's page, when one was made (why it failed, if it did)."""
    focus: str | None = None
    """The left pane's instrument (ticker or ISIN) the article was loaded for: its chart
    is that instrument's when the article names it, so a load for another selection is
    not this one."""


class ArticleCache:
    def __init__(self, keep: int = KEEP) -> None:
        self._keep = keep
        self._items: OrderedDict[str, Loaded] = OrderedDict()

    def get(self, article_id: str, focus: str | None) -> Loaded | None:
        """The article as loaded for the instrument `focus`; None when it was loaded for
        another one (a late worker of the previous selection put it here)."""
        loaded = self._items.get(article_id)
        return loaded if loaded is not None and loaded.focus == focus else None

    def put(self, items: Mapping[str, Loaded]) -> None:
        self._items.update(items)
        while len(self._items) > self._keep:
            self._items.popitem(last=False)

    def forget(self, article_id: str | None = None) -> None:
        """One article (its full text just came) or, with None, all of them (a poll may
        have changed any article in place)."""
        if article_id is None:
            self._items.clear()
        else:
            self._items.pop(article_id, None)

    def wanted(self, rows: Sequence[ArticleSummary], cursor: int, focus: str | None) -> list[str]:
        """The articles around `cursor` not loaded yet for `focus`, in the order to load them."""
        around = rows[max(0, cursor - 1): cursor + AHEAD + 1]
        return [s.id for s in around if self.get(s.id, focus) is None]
