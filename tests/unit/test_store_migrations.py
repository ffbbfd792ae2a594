"""A store written by the release with schema 5 opens under this code and keeps its data.

`tests/data/stores/release-5.sqlite3.gz` was made by that release's own code (see
`make_release_store.py` beside it): its figures are stored with their text and
sentence and its full-text index is kept by an insert trigger. Opening it runs the
later migrations; afterwards every figure, flag, source and search result is what the
release showed, and new writes keep the index sound.
"""

from __future__ import annotations

import gzip
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

from tui_reader.model import Article, KeyFigure
from tui_reader.store import SCHEMA_VERSION, Store
from tui_reader.store.figure_codec import decode

RELEASE = Path(__file__).resolve().parents[1] / "data" / "stores" / "release-5.sqlite3.gz"
WORDS = ("cloud", "buyback", "robotaxi", "orders", "restructuring", "trillion")


@pytest.fixture
def release_store(tmp_path: Path) -> Path:
    path = tmp_path / "store.sqlite3"
    path.write_bytes(gzip.decompress(RELEASE.read_bytes()))
    return path


@dataclass
class Released:
    """What the release stored, read with plain SQL before any migration runs."""

    figures: dict[str, list[KeyFigure]]
    flags: list[tuple[str, int, int]]
    texts: list[tuple[str, str, str]]
    sources: list[tuple]
    instruments: list[tuple]
    stats: list[tuple]
    polls: list[tuple]
    found: dict[str, list[str]]


def _as_released(path: Path) -> Released:
    db = sqlite3.connect(path)
    try:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 5
        articles = db.execute("SELECT id, title, body, figures, read, starred FROM articles ORDER BY id").fetchall()
        return Released(
            figures={i: [KeyFigure(**f) for f in json.loads(figures)] for i, _t, _b, figures, _r, _s in articles},
            flags=[(i, r, s) for i, _t, _b, _f, r, s in articles],
            texts=[(i, t, b) for i, t, b, _f, _r, _s in articles],
            sources=db.execute("SELECT * FROM article_sources ORDER BY item_id").fetchall(),
            instruments=db.execute("SELECT * FROM article_instruments ORDER BY article_id, position").fetchall(),
            stats=db.execute("SELECT * FROM instrument_stats ORDER BY key").fetchall(),
            polls=db.execute("SELECT key, kind, title, etag FROM sources ORDER BY key").fetchall(),
            found={w: _search(db, w) for w in WORDS},
        )
    finally:
        db.close()


def _search(db: sqlite3.Connection, word: str) -> list[str]:
    return [r[0] for r in db.execute(
        "SELECT a.id FROM articles a WHERE a.n IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?) "
        "ORDER BY a.id", (word,))]


def test_the_release_store_is_what_it_claims(release_store: Path) -> None:
    before = _as_released(release_store)
    figures = before.figures
    assert len(figures) >= 12
    assert sum(len(f) for f in figures.values()) >= 100
    assert all(f.context for found in figures.values() for f in found)  # stored with their sentences
    assert any(before.found.values())


def test_a_release_store_migrates_and_shows_the_same_figures(release_store: Path) -> None:
    before = _as_released(release_store)
    with Store.open(release_store) as store:
        for article_id, figures in before.figures.items():
            stored = store.article(article_id)
            assert stored is not None and stored.id == article_id
            assert stored.figures == figures, article_id
            assert [f.to_json() for f in stored.figures] == [f.to_json() for f in figures]
    db = sqlite3.connect(release_store)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
    for article_id, title, body, stored in db.execute("SELECT id, title, body, figures FROM articles"):
        assert '"context"' not in stored  # compact now: rebuilt from the body when read
        assert decode(stored, title, body) == before.figures[article_id]
    db.close()


def test_a_release_store_keeps_flags_sources_counters_and_search(release_store: Path) -> None:
    before = _as_released(release_store)
    Store.open(release_store).close()
    db = sqlite3.connect(release_store)
    try:
        articles = db.execute("SELECT id, title, body, read, starred FROM articles ORDER BY id").fetchall()
        assert [(i, r, s) for i, _t, _b, r, s in articles] == before.flags
        assert [(i, t, b) for i, t, b, _r, _s in articles] == before.texts
        assert db.execute("SELECT * FROM article_sources ORDER BY item_id").fetchall() == before.sources
        assert db.execute(
            "SELECT * FROM article_instruments ORDER BY article_id, position").fetchall() == before.instruments
        assert db.execute("SELECT * FROM instrument_stats ORDER BY key").fetchall() == before.stats
        assert db.execute("SELECT key, kind, title, etag FROM sources ORDER BY key").fetchall() == before.polls
        assert {w: _search(db, w) for w in WORDS} == before.found
        triggers = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        assert "articles_fts_insert" not in triggers
    finally:
        db.close()


def test_a_migrated_store_indexes_new_articles_and_edits(release_store: Path) -> None:
    with Store.open(release_store) as store:
        total = store.counts().total
        new = Article("after-1", "Wire", "Shipyard orders a fleet of hydrofoils",
                      "The shipyard booked orders for 40 hydrofoils worth EUR 300 million.")
        assert store.upsert_articles("https://wire.example/rss", [new]) == 1
        assert [a.id for a in store.articles(query="hydrofoils")] == ["after-1"]
        new.body += " Delivery starts in 2027."
        store.upsert_articles("https://wire.example/rss", [new])
        assert [a.id for a in store.articles(query="delivery hydrofoils")] == ["after-1"]
        assert store.counts().total == total + 1
    db = sqlite3.connect(release_store)
    db.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
    db.close()
