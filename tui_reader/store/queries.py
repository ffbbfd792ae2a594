"""The read side of the store: article lists, instrument lists, counts, full articles.

Kept apart from the writes so the queries the UI waits on at start-up can be read and
tuned in one place. Each function takes an
open connection; `Store` holds its lock around the call.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TypedDict, TypeVar, Unpack

from tui_reader.model import Article, Instrument
from tui_reader.query.sql import BY_INSTRUMENT, compile_where, isin_condition, source_condition, ticker_condition
from tui_reader.query.syntax import Node
from tui_reader.store import figure_codec

_T = TypeVar("_T")

CHUNK = 500
"""Rows per `IN (...)` lookup; stays well below SQLite's bound-variable limit."""


@dataclass(slots=True)
class ArticleSummary:
    """One row of an article list: enough to paint it without loading the body."""

    id: str
    title: str
    source: str
    published: datetime | None
    url: str | None
    primary_ticker: str | None
    primary_isin: str | None
    primary_name: str | None
    read: bool
    starred: bool
    sources: list[str] = field(default_factory=list)
    """Every source carrying this story, the first one first."""


@dataclass(slots=True)
class InstrumentSummary:
    key: str
    isin: str | None
    ticker: str | None
    name: str | None
    unread: int
    total: int
    latest: datetime | None


@dataclass(slots=True)
class Counts:
    total: int
    unread: int
    starred: int
    starred_unread: int
    """The starred articles not read yet: the Starred view's `unread/total`, as every view's."""


_WORD = re.compile(r"[^\W_]+")


def normalise_text(text: str) -> str:
    """Casefold and collapse punctuation and whitespace, so cosmetic edits compare equal."""
    return " ".join(_WORD.findall(text.casefold()))


def fts_query(text: str) -> str | None:
    """Turn what the user typed into an FTS5 query that cannot be a syntax error.

    Each word becomes a quoted phrase (so `AND`, `NEAR(`, `*`, `"` are plain text) and
    the last one a prefix match, for search-as-you-type. None when nothing searchable
    is left.
    """
    terms = [t.replace('"', "") for t in text.split()]
    terms = [t for t in terms if normalise_text(t)]
    if not terms:
        return None
    quoted = [f'"{t}"' for t in terms]
    quoted[-1] += "*"
    return " ".join(quoted)


def symbol_forms(ticker: str | None) -> tuple[str | None, str | None]:
    """(upper-cased symbol, symbol without exchange suffix) for case-blind lookups."""
    if not ticker:
        return None, None
    symbol = ticker.strip().upper()
    return symbol, symbol.split(".", 1)[0] or symbol


def from_ts(ts: float | None) -> datetime | None:
    return None if ts is None else datetime.fromtimestamp(ts, tz=UTC)


def _published(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def chunks(items: Sequence[_T]) -> Iterator[Sequence[_T]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def marks(chunk: Sequence[object]) -> str:
    """The `?, ?, …` placeholders of an `IN (...)` over one chunk."""
    return ",".join("?" * len(chunk))


_SUMMARY_COLUMNS = (
    "a.id, a.title, a.source, a.published, a.url, a.primary_ticker, a.primary_isin, "
    "a.primary_name, a.read, a.starred"
)
_INSTRUMENT_COLUMNS = "isin, ticker, name, exchange, currency, is_primary, mentions"


def _instrument(
    isin: str | None, ticker: str | None, name: str | None, exchange: str | None,
    currency: str | None, primary: int, mentions: int,
) -> Instrument:
    return Instrument(isin, ticker, name, exchange, currency, bool(primary), mentions)


def load_article(db: sqlite3.Connection, article_id: str) -> Article | None:
    """The full article; an id that was merged into another story returns that story."""
    row = db.execute(
        "SELECT a.id, a.source, a.title, a.body, a.published, a.url, a.path, a.figures, a.removed "
        "FROM articles a WHERE a.id = coalesce("
        "(SELECT article_id FROM article_sources WHERE item_id = ?), ?)",
        (article_id, article_id),
    ).fetchone()
    if row is None:
        return None
    found_id, source, title, body, published, url, path, figures, removed = row
    instruments = db.execute(
        f"SELECT {_INSTRUMENT_COLUMNS} FROM article_instruments WHERE article_id = ? ORDER BY position",
        (found_id,),
    ).fetchall()
    return Article(
        id=found_id,
        source=source,
        title=title,
        body=body,
        published=_published(published),
        url=url,
        path=path,
        instruments=[_instrument(*r) for r in instruments],
        figures=figure_codec.decode(figures, title, body),
        removed=json.loads(removed),
    )


class ArticleFilters(TypedDict, total=False):
    """The filters of an article list, spelled once: `Store.articles` and
    `Store.mark_all_read` take them as keywords and `article_filter` turns them into
    SQL, so "mark all read" in the app means exactly the list on screen. Each is
    described at `Store.articles`."""

    instrument: str | None
    ticker: str | None
    isin: str | None
    query: str | None
    source: str | None
    unread_only: bool
    starred_only: bool
    where: Node | None


def article_filter(today: date | None = None, **filters: Unpack[ArticleFilters]) -> tuple[str, list[object]] | None:
    """The WHERE clause (over `articles a`) and its parameters for these filters.
    None when the text query has nothing searchable: nothing matches. `today` resolves
    the query language's relative days.

    Each filter is a `+a.n IN (subquery)`: the unary plus keeps SQLite from driving the
    query by the subquery's rows (and then sorting them all); it walks the newest-first
    index, which holds `n`, and stops at `limit` — a few ms however many rows match.
    """
    instrument, ticker, isin = filters.get("instrument"), filters.get("ticker"), filters.get("isin")
    query, source, where = filters.get("query"), filters.get("source"), filters.get("where")
    clauses: list[str] = []
    params: list[object] = []
    if instrument:
        clauses.append(f"+a.n IN ({BY_INSTRUMENT}i.key = ?)")
        params.append(instrument)
    if ticker:
        clauses.append(ticker_condition(ticker, params))
    if isin:
        clauses.append(isin_condition(isin, params))
    if query is not None and query.strip():
        match = fts_query(query)
        if match is None:
            return None
        clauses.append("+a.n IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        params.append(match)
    if source:
        clauses.append(source_condition(source, params))
    if filters.get("unread_only"):
        clauses.append("a.read = 0")
    if filters.get("starred_only"):
        clauses.append("a.starred = 1")
    if where is not None:
        compiled, more = compile_where(where, today or date.today())
        clauses.append(compiled)
        params += more
    return " AND ".join(clauses) or "1", params


def list_articles(db: sqlite3.Connection, where: str, params: list[object], *, limit: int, offset: int) -> list[ArticleSummary]:
    """See `Store.articles`; `where` and `params` come from `article_filter`."""
    sql = f"SELECT {_SUMMARY_COLUMNS} FROM articles a WHERE {where} ORDER BY a.sort_ts DESC, a.n DESC LIMIT ? OFFSET ?"
    rows = db.execute(sql, [*params, limit, offset]).fetchall()
    sources = _sources_of(db, [r[0] for r in rows])
    return [
        ArticleSummary(
            id=article_id,
            title=title,
            source=source_name,
            published=_published(published),
            url=url,
            primary_ticker=p_ticker,
            primary_isin=p_isin,
            primary_name=p_name,
            read=bool(read),
            starred=bool(starred),
            sources=sources.get(article_id, [source_name]),
        )
        for article_id, title, source_name, published, url, p_ticker, p_isin, p_name, read, starred in rows
    ]


def _sources_of(db: sqlite3.Connection, article_ids: list[str]) -> dict[str, list[str]]:
    """Source names per article, first seen first, each name once."""
    out: dict[str, list[str]] = {}
    for chunk in chunks(article_ids):
        for article_id, name in db.execute(
            f"SELECT article_id, source FROM article_sources WHERE article_id IN ({marks(chunk)}) "
            "ORDER BY seen, rowid",
            chunk,
        ):
            names = out.setdefault(article_id, [])
            if name not in names:
                names.append(name)
    return out


def instruments_of(db: sqlite3.Connection, article_ids: Sequence[str]) -> dict[str, list[Instrument]]:
    """Every instrument of each listed article, primary first."""
    out: dict[str, list[Instrument]] = {}
    for chunk in chunks(list(article_ids)):
        for article_id, *row in db.execute(
            f"SELECT article_id, {_INSTRUMENT_COLUMNS} FROM article_instruments "
            f"WHERE article_id IN ({marks(chunk)}) ORDER BY article_id, is_primary DESC, position",
            chunk,
        ):
            out.setdefault(article_id, []).append(_instrument(*row))
    return out


def instrument_summaries(db: sqlite3.Connection) -> list[InstrumentSummary]:
    """Instruments with news, most recent news first (from the counters writes keep)."""
    rows = db.execute(
        "SELECT key, isin, ticker, name, unread, total, latest FROM instrument_stats ORDER BY latest DESC, key"
    ).fetchall()
    return [
        InstrumentSummary(key, isin, ticker, name, unread, total, from_ts(latest))
        for key, isin, ticker, name, unread, total, latest in rows
    ]


def counts(db: sqlite3.Connection) -> Counts:
    total, unread, starred, starred_unread = db.execute(
        "SELECT count(*), "
        "(SELECT count(*) FROM articles WHERE read = 0), "
        "(SELECT count(*) FROM articles WHERE starred = 1), "
        "(SELECT count(*) FROM articles WHERE starred = 1 AND read = 0) FROM articles"
    ).fetchone()
    return Counts(total, unread, starred, starred_unread)
