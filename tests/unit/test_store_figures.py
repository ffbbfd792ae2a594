"""Figures stored compactly (issue 14, item 4) and the full-text index written once per
batch (item 3): what the store gives back is what extraction found, character for
character, over the bundled seeds and the accuracy corpus; the index agrees with the
articles after inserts, in-place updates and re-filing."""

from __future__ import annotations

import copy
import json
import sqlite3
from dataclasses import asdict
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import pytest

from tui_reader.extract import enrich
from tui_reader.model import Article, KeyFigure
from tui_reader.sources.seeds import scan
from tui_reader.store import PollOutcome, Store, figure_codec, prepare

ROOT = Path(__file__).resolve().parents[2]
CORPUS = [ROOT / "seeds", ROOT / "benchmarks" / "accuracy" / "articles", ROOT / "tests" / "data" / "unseen"]


@cache
def _corpus() -> tuple[Article, ...]:
    articles, _skipped = scan([p for p in CORPUS if p.is_dir()])
    return tuple(enrich(a) for a in articles)


def corpus() -> list[Article]:
    """Fresh copies: the store and the checks must not share figure objects."""
    return copy.deepcopy(list(_corpus()))


def fts_sound(path: Path) -> bool:
    """FTS5's own check of an external-content index against its table (rank 1)."""
    db = sqlite3.connect(path)
    try:
        db.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
        return True
    except sqlite3.DatabaseError:
        return False
    finally:
        db.close()


def test_the_corpus_is_big_enough_to_mean_something() -> None:
    articles = corpus()
    assert len(articles) >= 50
    assert sum(len(a.figures) for a in articles) >= 400
    assert any(f.in_title for a in articles for f in a.figures)


def test_encode_then_decode_gives_every_figure_back_and_keeps_no_text() -> None:
    for article in corpus():
        stored = figure_codec.encode(article.figures, article.title, article.body)
        assert figure_codec.decode(stored, article.title, article.body) == article.figures, article.id
        # Rebuilt, not kept: no row of the corpus needs its text or sentence stored.
        assert all(len(row) <= 10 for row in json.loads(stored)), article.id


def test_the_store_returns_the_figures_extraction_found(tmp_path: Path) -> None:
    articles = corpus()
    with Store.open(tmp_path / "s.sqlite3") as store:
        store.upsert_articles("seeds", articles)
        checked = 0
        for article in articles:
            stored = store.article(article.id)
            assert stored is not None
            if stored.id != article.id:
                continue  # merged into another copy of its story
            assert [f.to_json() for f in stored.figures] == [f.to_json() for f in article.figures], article.id
            assert stored.figures == article.figures
            checked += 1
    assert checked >= len(articles) * 0.9


def test_a_figure_the_body_does_not_rebuild_keeps_its_own_text_and_sentence(tmp_path: Path) -> None:
    """Hand-made figures (tests, benchmarks), or a sentence the rules would now find
    differently, come back as they were given."""
    body = "Revenue rose 12% to $4 billion. Margins held."
    odd = [
        KeyFigure("percent", "12 percent", 12.0, 13, 16, "Sales went up by twelve.", unit="%", direction="up"),
        KeyFigure("money", "$4 billion", 4e9, 20, 30, "Revenue rose 12% to $4 billion.", currency="USD"),
    ]
    stored = figure_codec.encode(odd, "A title", body)
    rows = json.loads(stored)
    assert rows[0][10:] == ["12 percent", "Sales went up by twelve."]
    assert len(rows[1]) <= 10
    assert figure_codec.decode(stored, "A title", body) == odd
    article = Article("x1", "Wire", "A title", body, published=datetime(2026, 1, 2, tzinfo=UTC), figures=odd)
    with Store.open(tmp_path / "s.sqlite3") as store:
        store.upsert_articles("https://a.example/rss", [article])
        got = store.article("x1")
    assert got is not None and got.figures == odd


def test_stored_figures_are_a_fraction_of_the_figures_with_their_text() -> None:
    """What a parser process sends and the store keeps per figure, against the form
    kept before (every field, text and sentence included)."""
    compact = full = 0
    for article in corpus():
        compact += len(prepare(article, 0.0).figures)
        full += len(json.dumps([asdict(f) for f in article.figures], ensure_ascii=False))
    assert compact < full / 3


def test_the_full_text_index_agrees_with_the_articles_after_every_kind_of_write(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    articles = corpus()
    with Store.open(path) as store:
        store.upsert_articles("seeds", articles[:30])
        store.upsert_articles("https://b.example/rss", articles[30:])
        assert fts_sound(path)
        edited = copy.deepcopy(articles[3])
        edited.title, edited.body = "A new headline about zeppelins over Hamburg", edited.body + " Zeppelinhafen."
        store.upsert_articles("seeds", [edited])  # updated in place: the update trigger
        assert [a.id for a in store.articles(query="zeppelinhafen")] == [edited.id]
        assert [a.id for a in store.articles(query="zeppelins")] == [edited.id]
        assert store.upsert_articles("seeds", [edited]) == 0  # the same again: nothing written
        again = store.articles(query="zeppelins")
        assert [a.id for a in again] == [edited.id]
    assert fts_sound(path)
    db = sqlite3.connect(path)
    triggers = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    db.close()
    assert triggers == {"articles_fts_update", "articles_fts_delete"}


def test_several_sources_in_one_transaction_are_all_searchable(tmp_path: Path) -> None:
    """`save_polls` writes a batch of sources in one transaction, each source's new rows
    indexed after its own insert; a story repeated by a later source adds no row."""
    path = tmp_path / "s.sqlite3"
    articles = corpus()
    repeat = copy.deepcopy(articles[0])
    repeat.id = "repeat-of-0"
    outcomes = [PollOutcome(f"https://f{n}.example/rss", [prepare(a, 0.0) for a in articles[n::4]]) for n in range(4)]
    outcomes.append(PollOutcome("https://g.example/rss", [prepare(repeat, 0.0)]))
    with Store.open(path) as store:
        new = store.save_polls(outcomes)
        assert new[-1] == 0 and sum(new) == store.counts().total
        for summary in store.articles(limit=-1):
            word = f'"{summary.title}"'  # the whole title, as a phrase
            assert summary.id in {a.id for a in store.articles(query=word, limit=-1)}, summary.title
    assert fts_sound(path)


def test_a_failed_batch_leaves_no_index_rows_behind(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    articles = corpus()[:5]
    bad = Article("bad", "Wire", "Broken text in this title", "\ud800")
    with Store.open(path) as store:
        with pytest.raises(UnicodeEncodeError):
            store.upsert_articles("seeds", [*articles, bad])
        assert store.counts().total == 0
        assert store.articles(query=articles[0].title.split()[0]) == []
        store.upsert_articles("seeds", articles)
        assert store.counts().total == 5
    assert fts_sound(path)
