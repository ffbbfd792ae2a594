"""The figure index: one row per key figure, for the query language's comparisons.

`articles.figures` keeps each article's figures for display (`figure_codec`);
`article_figures` holds the same figures flattened (kind, signed amount, currency,
unit, day) and indexed, so `money>=50bn currency:USD` is one indexed range scan over
50,000 articles instead of decoding every article's figures. Rows are written in the
transaction that writes the article's figures, so the two never disagree.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Protocol

from tui_reader.query.figure_rows import FigureRow
from tui_reader.query.sql import ticker_condition
from tui_reader.store.queries import chunks, marks


class _Indexed(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def figure_rows(self) -> tuple[FigureRow, ...]: ...


def replace_figure_rows(db: sqlite3.Connection, items: Sequence[_Indexed]) -> None:
    """The figure rows of these (new or rewritten) articles, replacing any they had.

    One lookup of the articles' row numbers per chunk, then plain inserts: a subquery
    per figure row (a poll stores ~8 per article) cost a third of a poll's SQL."""
    if not items:
        return
    numbers: dict[str, int] = {}
    for chunk in chunks([item.id for item in items]):
        numbers.update(db.execute(f"SELECT id, n FROM articles WHERE id IN ({marks(chunk)})", chunk))
    for rows in chunks(list(numbers.values())):
        db.execute(f"DELETE FROM article_figures WHERE article_n IN ({marks(rows)})", rows)
    db.executemany(
        "INSERT INTO article_figures(article_n, kind, amount, currency, unit, day) VALUES (?, ?, ?, ?, ?, ?)",
        [(numbers[item.id], *row) for item in items if item.id in numbers for row in item.figure_rows],
    )


def save_moves(db: sqlite3.Connection, moves: Sequence[tuple[str, float | None]], at: float) -> None:
    """Each article's price move since publication (in %), as of `at`."""
    db.executemany("UPDATE articles SET move = ?, move_at = ? WHERE id = ?", [(m, at, i) for i, m in moves])


def articles_with_dates(db: sqlite3.Connection, start: str, end: str | None, ticker: str | None,
                        limit: int = -1) -> list[str]:
    """Ids (newest first, at most `limit`; -1: all) of the articles stating a day in
    [start, end] that was still to come when they were written: a day before the
    article's own (its published text's date, in its own offset) is one it recalls
    (`events.events_of` says why), and an archive holds many."""
    params: list[object] = ["date", start, end or "9999-12-31"]
    about = " AND " + ticker_condition(ticker, params) if ticker else ""
    params.append(limit)
    return [row[0] for row in db.execute(
        "SELECT a.id FROM articles a WHERE a.n IN (SELECT f.article_n FROM article_figures f "
        "JOIN articles w ON w.n = f.article_n WHERE f.kind = ? AND f.day BETWEEN ? AND ? "
        f"AND (w.published IS NULL OR f.day >= substr(w.published, 1, 10))){about} "
        "ORDER BY a.sort_ts DESC, a.n DESC LIMIT ?",
        params,
    )]


def move_candidates(db: sqlite3.Connection, older_than: float) -> list[tuple[str, str | None, str | None, str]]:
    return db.execute(
        "SELECT id, primary_ticker, primary_isin, published FROM articles "
        "WHERE published IS NOT NULL AND (primary_ticker IS NOT NULL OR primary_isin IS NOT NULL) "
        "AND (move_at IS NULL OR move_at < ?)",
        (older_than,),
    ).fetchall()
