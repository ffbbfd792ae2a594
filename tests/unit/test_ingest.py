"""Ingestion in two stages, on real SQLite files: stage 1 lists and files, stage 2 adds
the figures, and the two together store exactly what one pass stores; one source that
cannot be written never costs the others."""

from __future__ import annotations

import asyncio
import copy
import sqlite3
import time
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tui_reader.extract import EXTRACTOR_VERSION, enrich
from tui_reader.extract.boilerplate import strip_boilerplate
from tui_reader.ingest import PENDING, article_with_figures, file_article
from tui_reader.model import Article
from tui_reader.sources.feeds import FeedSource, poll_feeds
from tui_reader.sources.upkeep import reextract_pending
from tui_reader.store import PollOutcome, Store, prepare

ROOT = Path(__file__).resolve().parents[2]
ACCURACY = ROOT / "benchmarks" / "accuracy"
SEEDS = ROOT / "seeds"


def _rss(feed: str, titles: list[str]) -> bytes:
    items = "".join(
        f"<item><title>{title}</title><link>https://{feed}.example/{n}</link><guid>{feed}-{n}</guid>"
        f"<description>Siemens AG (XETRA: SIE) won an order worth EUR {n + 1}.5 billion; "
        f"its shares rose {n + 2}% on the news.</description></item>"
        for n, title in enumerate(titles)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{feed}</title>{items}</channel></rss>'.encode()


def _poison(db_path: Path, word: str) -> None:
    """A trigger that refuses the rows of one feed, as a full disk or a constraint would."""
    with sqlite3.connect(db_path) as raw:
        raw.execute(
            f"CREATE TRIGGER poison BEFORE INSERT ON articles WHEN new.title LIKE '%{word}%' "
            "BEGIN SELECT RAISE(ABORT, 'this row is refused'); END"
        )


# --- defect 4: one failed write -------------------------------------------------------


def test_a_feed_whose_rows_cannot_be_written_is_its_own_error_and_the_batch_is_stored(http: HTTPServer, tmp_path):
    """Issue 13, defect 4. Before: the feed's write error escaped `poll_one`, the poll
    raised, and the feeds not yet reported were lost with it."""
    names = ["alpha", "bravo", "charlie", "delta"]
    for name in names:
        titles = [f"{name} story {n} about Siemens" + (" poisoned" if name == "bravo" else "") for n in range(3)]
        http.expect_request(f"/{name}").respond_with_data(_rss(name, titles), content_type="application/rss+xml")
    db = tmp_path / "store.sqlite3"
    Store.open(db).close()
    _poison(db, "poisoned")
    with Store.open(db) as store:
        results = asyncio.run(poll_feeds([FeedSource(http.url_for(f"/{n}")) for n in names], store, parse_workers=0))
        by_name = {r.key.rsplit("/", 1)[1]: r for r in results}
        assert {n: (r.status, r.new) for n, r in by_name.items()} == {
            "alpha": ("new", 3), "bravo": ("error", 0), "charlie": ("new", 3), "delta": ("new", 3)
        }
        assert "this row is refused" in (by_name["bravo"].error or "")
        states = {s.key.rsplit("/", 1)[1]: s for s in store.source_states()}
        assert states["bravo"].etag is None and states["bravo"].failures == 1  # polled in full next time
        assert store.counts().total == 9
        assert store.count_stale(EXTRACTOR_VERSION) == 0  # stage 2 ran for what was stored


def test_a_seed_article_that_cannot_be_written_is_skipped_and_its_folder_stored(tmp_path):
    from tui_reader.sources.poll import poll_seed_folder

    folder = tmp_path / "notes"
    folder.mkdir()
    for n in range(3):
        title = "Siemens order poisoned" if n == 1 else f"Siemens order number {n}"
        (folder / f"n{n}.txt").write_text(f"{title}\n\nSiemens AG won an order worth EUR {n + 1} billion.\n")
    db = tmp_path / "store.sqlite3"
    Store.open(db).close()
    _poison(db, "poisoned")
    with Store.open(db) as store:
        result = poll_seed_folder(folder, store)
        assert (result.status, result.new) == ("new", 2)
        assert [(Path(s.where).name, "this row is refused" in s.reason) for s in result.skipped] == [("n1.txt", True)]


# --- stage 1 and stage 2 --------------------------------------------------------------


def _corpus() -> list[tuple[Article, bool]]:
    """(article as parsed, whether ingestion strips its boilerplate): the accuracy
    corpus's articles and feeds and the bundled seeds."""
    from tui_reader.sources.feedparse import parse_feed
    from tui_reader.sources.seeds import scan

    articles, _ = scan([ACCURACY / "articles", SEEDS])
    out = [(a, False) for a in articles]
    for path in sorted((ACCURACY / "feeds").iterdir()):
        kind = "application/json" if path.suffix == ".json" else "application/xml"
        out += [(a, True) for a in parse_feed(path.read_bytes(), {"content-type": kind}, f"https://x.example/{path.name}").articles]
    assert len(out) > 80
    return out


def _one_pass(article: Article, strip: bool, now: float) -> Article:
    """What ingestion stored before it had two stages: boilerplate, then `enrich`."""
    if strip and article.body:
        kept, removed = strip_boilerplate(article.body.split("\n\n"))
        if removed:
            article.body, article.removed = "\n\n".join(kept), removed
    return enrich(article)


def _tables(store: Store) -> dict[str, list[tuple]]:
    db = store._db
    return {
        "articles": db.execute(
            "SELECT id, title, body, figures, removed, content_hash, primary_ticker, primary_isin, primary_name, "
            "declared, extractor FROM articles ORDER BY id"
        ).fetchall(),
        "instruments": db.execute("SELECT * FROM article_instruments ORDER BY article_id, position").fetchall(),
        "figures": db.execute(
            "SELECT a.id, f.kind, f.amount, f.currency, f.unit, f.day FROM article_figures f "
            "JOIN articles a ON a.n = f.article_n ORDER BY 1, 2, 3, 4, 5, 6"
        ).fetchall(),
        "stats": db.execute("SELECT * FROM instrument_stats ORDER BY key").fetchall(),
    }


def test_stage_two_stores_exactly_what_one_pass_extraction_stores(tmp_path):
    """Over the accuracy corpus and the bundled seeds: rows, instruments, figures,
    figure index, counters and hashes identical, whether stage 2 runs here or in workers."""
    from tui_reader.sources.upkeep import refile_pool

    corpus = _corpus()
    now = time.time()
    with Store.open(tmp_path / "one.sqlite3") as one:
        items = [prepare(_one_pass(copy.deepcopy(a), strip, now), now) for a, strip in corpus]
        one.save_polls([PollOutcome("seeds:/corpus", items)])
        expected = _tables(one)
    assert any(row[3] != "[]" for row in expected["articles"]), "the corpus states figures"
    for name, pooled in (("here", False), ("pool", True)):
        with Store.open(tmp_path / f"{name}.sqlite3") as two:
            filed = [file_article(copy.deepcopy(a), now, strip=strip) for a, strip in corpus]
            two.save_polls([PollOutcome("seeds:/corpus", filed)])
            stage_one = _tables(two)
            assert {row[10] for row in stage_one["articles"]} == {PENDING} and stage_one["figures"] == []
            # Listed with their instruments before any figure exists.
            assert stage_one["instruments"] == expected["instruments"]
            assert stage_one["stats"] == expected["stats"]
            pool = refile_pool(two) if pooled else None
            try:
                assert reextract_pending(two, batch=17, executor=pool) == len(expected["articles"])
            finally:
                if pool is not None:
                    pool.shutdown()
            assert _tables(two) == expected


def test_a_re_poll_of_the_same_items_writes_nothing_before_or_after_stage_two(tmp_path):
    now = time.time()
    article = Article(id="x1", source="Wire", title="Siemens wins an order",
                      body="Siemens AG (XETRA: SIE) won an order worth EUR 1.2 billion; shares rose 2%.")
    with Store.open(tmp_path / "s.sqlite3") as store:
        assert store.save_polls([PollOutcome("https://w.example/rss", [file_article(copy.deepcopy(article), now)])]) == [1]
        again = file_article(copy.deepcopy(article), now)
        assert store.save_polls([PollOutcome("https://w.example/rss", [again])]) == [0]
        assert reextract_pending(store) == 1
        before = _tables(store)
        assert store.save_polls([PollOutcome("https://w.example/rss", [again])]) == [0]
        assert _tables(store) == before and before["figures"]


def test_an_article_opened_before_stage_two_gets_its_figures_on_the_spot(tmp_path):
    now = time.time()
    article = Article(id="x1", source="Wire", title="Siemens wins an order",
                      body="Siemens AG (XETRA: SIE) won an order worth EUR 1.2 billion; shares rose 2%.")
    with Store.open(tmp_path / "s.sqlite3") as store:
        store.save_polls([PollOutcome("https://w.example/rss", [file_article(copy.deepcopy(article), now)])])
        listed = store.article("x1")
        assert listed is not None and listed.figures == [] and listed.primary is not None
        opened = article_with_figures(store, "x1")
        expected = enrich(copy.deepcopy(article)).figures
        assert opened is not None and [(f.kind, f.value) for f in opened.figures] == [(f.kind, f.value) for f in expected]
        assert store.count_stale(EXTRACTOR_VERSION) == 0
        assert reextract_pending(store) == 0  # stage 2 finds nothing left to do
        assert article_with_figures(store, "missing") is None


@pytest.mark.parametrize("workers", [0, None])
def test_a_poll_lists_before_its_figures_and_completes_them_before_it_returns(http: HTTPServer, tmp_path, workers):
    """`on_listed` comes once every feed is stored with its instruments and no figure
    yet; the poll returns with every figure stored (in worker processes or here)."""
    for name in ("alpha", "bravo"):
        titles = [f"{name} story {n} about Siemens" for n in range(4)]
        http.expect_request(f"/{name}").respond_with_data(_rss(name, titles), content_type="application/rss+xml")
    seen: list[tuple[int, int, int]] = []
    with Store.open(tmp_path / "s.sqlite3") as store:

        def listed() -> None:
            db = store._db
            seen.append((
                store.counts().total,
                db.execute("SELECT count(DISTINCT article_id) FROM article_instruments").fetchone()[0],
                db.execute("SELECT count(*) FROM articles WHERE extractor = ?", (PENDING,)).fetchone()[0],
            ))

        feeds = [FeedSource(http.url_for(f"/{n}")) for n in ("alpha", "bravo")]
        asyncio.run(poll_feeds(feeds, store, parse_workers=workers, on_listed=listed))
        assert seen == [(8, 8, 8)]
        assert store.count_stale(EXTRACTOR_VERSION) == 0
        assert store._db.execute("SELECT count(DISTINCT article_n) FROM article_figures").fetchone()[0] == 8
