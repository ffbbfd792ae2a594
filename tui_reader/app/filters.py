"""The `/` filter language: `ticker:BABA isin:US01609W1027 source:reuters starred unread words`.

Parsed into a `Filter` whose fields map one-to-one onto `Store.articles()` keywords,
so the store does the work (FTS5 for the free text) and the UI never builds SQL.
Unknown `word:` prefixes stay part of the free text rather than failing: a headline
search for "EUR:USD" should still find something.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field

from tui_reader.isin_shape import looks_like_isin

_KEYED = ("ticker", "isin", "source")
_FLAGS = ("starred", "unread")


@dataclass(frozen=True, slots=True)
class Filter:
    ticker: str | None = None
    isin: str | None = None
    source: str | None = None
    starred: bool = False
    unread: bool = False
    text: str | None = None
    """Free text for the store's full-text search."""

    @property
    def empty(self) -> bool:
        return self == Filter()

    def store_kwargs(self) -> dict[str, object]:
        """Keywords for `Store.articles()`."""
        return {
            "ticker": self.ticker,
            "isin": self.isin,
            "source": self.source,
            "starred_only": self.starred,
            "unread_only": self.unread,
            "query": self.text,
        }


def _split(query: str) -> list[str]:
    try:
        return shlex.split(query)
    except ValueError:  # an unbalanced quote: take the words as typed
        return query.split()


def parse_filter(query: str) -> Filter:
    values: dict[str, str] = {}
    flags: set[str] = set()
    words: list[str] = []
    for token in _split(query):
        key, sep, value = token.partition(":")
        key = key.lower()
        if sep and key in _KEYED and value:
            values[key] = value.upper() if key in ("ticker", "isin") else value
        elif not sep and token.lower() in _FLAGS:
            flags.add(token.lower())
        else:
            words.append(token)
    return Filter(
        ticker=values.get("ticker"),
        isin=values.get("isin"),
        source=values.get("source"),
        starred="starred" in flags,
        unread="unread" in flags,
        text=" ".join(words) or None,
    )


@dataclass(frozen=True, slots=True)
class Selection:
    """What the left pane has selected: a fixed view, a watchlist entry or an instrument."""

    kind: str
    """"all", "unread", "starred", "watch" or "instrument"."""
    key: str | None = None
    """The instrument key (ISIN, else ticker), or the watchlist entry as configured."""
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


def merge_kwargs(selection: Selection, flt: Filter) -> dict[str, object]:
    """The selection narrows, the filter narrows further; flags add up."""
    merged: dict[str, object] = dict(flt.store_kwargs())
    for key, value in selection.store_kwargs().items():
        if isinstance(value, bool):
            merged[key] = bool(merged.get(key)) or value
        else:
            merged[key] = value
    return {k: v for k, v in merged.items() if v not in (None, False)}


def scope_label(selection: Selection) -> str:
    """Where a search looks, in a few words: "in all articles", "in BABA"."""
    if selection.kind == "all":
        return "in all articles"
    if selection.kind in ("unread", "starred"):
        return f"in {selection.kind} articles"
    return f"in {selection.label or selection.key or 'this instrument'}"


def scope_title(selection: Selection, filter_text: str) -> str:
    """The article list's border title: what the list holds, so a scope is never hidden."""
    where = {"all": "All", "unread": "Unread", "starred": "Starred"}.get(selection.kind)
    title = f"Articles · {where or selection.label or selection.key}"
    if filter_text.strip():
        title += f" · filter: {' '.join(filter_text.split())}"
    return title


def empty_reason(selection: Selection, flt: Filter, filter_text: str) -> str:
    """Why the list is empty, and the key that widens it."""
    wanted = " ".join(filter_text.split())
    if selection.kind != "all" and not flt.empty:
        return f"Nothing {scope_label(selection)} matches “{wanted}”. Press * to search all articles, Esc to clear the filter."
    if not flt.empty:
        return f"No article matches “{wanted}”. Esc clears the filter."
    if selection.kind == "unread":
        return "No unread articles."
    if selection.kind == "starred":
        return "No starred articles: s stars the article under the cursor."
    if selection.kind != "all":
        return f"No articles {scope_label(selection)} yet."
    return "No articles yet: add feeds or seed folders to the config (see the README), or press r to poll."
