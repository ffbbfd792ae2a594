"""Re-extraction after an upgrade, on real SQLite files: stored articles an older
extractor filed are re-filed from their stored text, newest first, in whole batches,
with flags, sources and the full-text index left alone and the counters kept right."""

from __future__ import annotations

import copy
import random
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tui_reader.extract import EXTRACTOR_VERSION, enrich
from tui_reader.model import Article, Instrument, KeyFigure
from tui_reader.sources.upkeep import reextract_pending
from tui_reader.store import Store

T0 = datetime(2026, 3, 2, 14, 30, tzinfo=UTC)
OLD = Instrument(None, "OLDX", "Old Extractor Corp", primary=True)
"""What the 'old extractor' filed every article under: no current rule finds it."""
STALE_FIGURE = KeyFigure("percent", "99%", 99.0, 0, 3, "An old misreading.", unit="%")
TEXTS = [
    ("Apple lifts its buyback", "Apple (NASDAQ: AAPL) rose 1.5% to $200 on Monday after a record buyback."),
    ("Siemens wins a rail order", "Siemens AG won an order worth EUR 1.2 billion, its shares gained 2%."),
    ("Alibaba beats estimates", "Alibaba Group (NYSE: BABA) said revenue grew 8% to 280 billion yuan."),
    ("Nvidia and Microsoft in talks", "Nvidia (NASDAQ: NVDA) and Microsoft (NASDAQ: MSFT) met on Tuesday."),
]


def _article(n: int, **extra: object) -> Article:
    title, body = TEXTS[n % len(TEXTS)]
    return Article(
        id=f"a{n}", source="Wire", title=f"{title} ({n})", body=f"{body} Story {n}.",
        published=T0 + timedelta(hours=n), url=f"https://wire.example/{n}", **extra,  # type: ignore[arg-type]
    )


def _old_filing(article: Article) -> Article:
    """The article as an older extractor stored it: other instruments, other figures."""
    old = copy.copy(article)
    old.instruments = [OLD]
    old.figures = [STALE_FIGURE]
    return old


def _age(store: Store, version: int = EXTRACTOR_VERSION - 1) -> None:
    store._db.execute("UPDATE articles SET extractor = ?", (version,))


def _expected(article: Article) -> Article:
    return enrich(copy.deepcopy(article))


def _recounted(store: Store) -> list[tuple]:
    return store._db.execute(
        "SELECT i.key, count(*), sum(a.read = 0), max(i.sort_ts) FROM article_instruments i "
        "JOIN articles a ON a.id = i.article_id GROUP BY i.key ORDER BY i.key"
    ).fetchall()


def _kept(store: Store) -> list[tuple]:
    return store._db.execute("SELECT key, total, unread, latest FROM instrument_stats ORDER BY key").fetchall()


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "store.sqlite3") as s:
        yield s


def test_an_old_filing_is_replaced_by_what_the_extractor_finds_now(store: Store) -> None:
    articles = [_article(n) for n in range(8)]
    store.upsert_articles("https://wire.example/rss", [_old_filing(a) for a in articles])
    store.set_read("a1")
    store.set_starred("a2")
    _age(store)
    assert store.count_stale(EXTRACTOR_VERSION) == 8
    assert [i.key for i in store.instruments()] == [OLD.key]

    assert reextract_pending(store, batch=3) == 8

    assert store.count_stale(EXTRACTOR_VERSION) == 0
    for article in articles:
        stored = store.article(article.id)
        expected = _expected(article)
        assert stored is not None
        assert stored.instruments == expected.instruments
        assert [f.to_json() for f in stored.figures] == [f.to_json() for f in expected.figures]
        assert (stored.title, stored.body) == (article.title, article.body)
    assert OLD.key not in {i.key for i in store.instruments()}
    assert {s.id for s in store.articles(ticker="AAPL")} == {"a0", "a4"}
    flags = {s.id: (s.read, s.starred) for s in store.articles()}
    assert flags["a1"] == (True, False) and flags["a2"] == (False, True)
    assert _kept(store) == _recounted(store)
    assert store.counts().unread == 7
    assert [s.id for s in store.articles(query="rail order")] == ["a5", "a1"]  # the index still answers


def test_counters_stay_a_recount_through_any_mix_of_gained_kept_and_lost_keys(store: Store) -> None:
    rng = random.Random(9)
    pool = [OLD, Instrument("US0378331005", "AAPL", "Apple"), Instrument("DE0007236101", "SIE.DE", "Siemens")]
    articles = [_article(n) for n in range(30)]
    old = []
    for article in articles:
        aged = _old_filing(article)
        aged.instruments = rng.sample(pool, rng.randint(0, 3))
        old.append(aged)
    store.upsert_articles("https://wire.example/rss", old)
    for article in rng.sample(articles, 12):
        store.set_read(article.id)
    _age(store)
    assert reextract_pending(store, batch=7) == 30
    assert _kept(store) == _recounted(store)
    spelled = store._db.execute("SELECT key, ticker, name FROM instrument_stats WHERE key = 'US0378331005'").fetchone()
    assert spelled[1] == "AAPL"


def test_the_full_text_index_is_never_rewritten(store: Store) -> None:
    store.upsert_articles("https://wire.example/rss", [_old_filing(_article(n)) for n in range(4)])
    _age(store)
    store._db.execute("CREATE TABLE touched(n)")
    store._db.execute(
        "CREATE TRIGGER watch AFTER UPDATE OF title, body ON articles BEGIN INSERT INTO touched VALUES (new.n); END"
    )
    assert reextract_pending(store) == 4
    assert store._db.execute("SELECT count(*) FROM touched").fetchone() == (0,)


def test_newest_first_one_batch_per_budget_and_a_later_run_carries_on(store: Store) -> None:
    store.upsert_articles("https://wire.example/rss", [_old_filing(_article(n)) for n in range(6)])
    _age(store)
    assert reextract_pending(store, batch=2, budget=0) == 2
    done = {r for (r,) in store._db.execute("SELECT id FROM articles WHERE extractor = ?", (EXTRACTOR_VERSION,))}
    assert done == {"a5", "a4"}
    assert reextract_pending(store, batch=2) == 4
    assert reextract_pending(store) == 0


def test_stale_rows_by_count_and_by_id_are_those_stale_articles_lists(store: Store) -> None:
    """`Store.stale_ids` (the worker batches) and `Store.stale_by_ids` (an article opened
    before stage 2) read what `stale_articles` reads, newest first, current rows left out."""
    store.upsert_articles("https://wire.example/rss", [_old_filing(_article(n)) for n in range(5)])
    _age(store)
    store._db.execute("UPDATE articles SET extractor = ? WHERE id = 'a4'", (EXTRACTOR_VERSION,))
    listed = store.stale_articles(EXTRACTOR_VERSION, 3)
    assert store.stale_ids(EXTRACTOR_VERSION, 3) == [s.article.id for s in listed] == ["a3", "a2", "a1"]
    by_id = store.stale_by_ids(("a4", "a2", "a3", "nope"), EXTRACTOR_VERSION)
    assert sorted(by_id, key=lambda s: s.article.id) == sorted(listed[:2], key=lambda s: s.article.id)


def test_declared_instruments_are_kept_and_used_again(store: Store) -> None:
    """An instrument line is not in the body: re-extraction starts from what the source
    declared, as the first extraction did, so the declared company stays primary."""
    declared = [Instrument("DE0005659700", None, "Eckert & Ziegler")]
    article = _article(1, declared=declared)  # a Siemens story with an instrument line
    store.upsert_articles("seeds:/notes", [_old_filing(article)])
    _age(store)
    assert reextract_pending(store) == 1
    stored = store.article("a1")
    assert stored is not None and stored.primary is not None
    assert stored.primary.isin == "DE0005659700"
    assert stored.instruments == _expected(article).instruments


def test_a_seed_stored_before_declared_instruments_were_kept_keeps_its_primary(store: Store) -> None:
    primary = Instrument("DE0005659700", None, "Eckert & Ziegler", primary=True)
    legacy = _old_filing(_article(1, path="/notes/euz.txt"))
    legacy.instruments = [primary]
    store.upsert_articles("seeds:/notes", [legacy])
    store._db.execute("UPDATE articles SET extractor = 0, declared = NULL")
    assert reextract_pending(store) == 1
    stored = store.article("a1")
    assert stored is not None and stored.primary is not None and stored.primary.isin == primary.isin
    # what stood in for the declared line is kept, so the next upgrade starts from it too
    assert store._db.execute("SELECT declared FROM articles").fetchone() == ('[["DE0005659700", null, "Eckert & Ziegler", null, null]]',)


def test_unchanged_results_only_mark_the_version(store: Store) -> None:
    article = enrich(_article(0))
    store.upsert_articles("https://wire.example/rss", [article])
    before = store._db.execute("SELECT content_hash, figures FROM articles").fetchone()
    _age(store)
    assert reextract_pending(store) == 1
    assert store._db.execute("SELECT content_hash, figures FROM articles").fetchone() == before
    assert store.count_stale(EXTRACTOR_VERSION) == 0


def test_a_row_rewritten_between_read_and_write_is_left_to_its_writer(store: Store) -> None:
    from tui_reader.store.prepared import prepare

    store.upsert_articles("https://wire.example/rss", [_old_filing(_article(0))])
    _age(store)
    stale = store.stale_articles(EXTRACTOR_VERSION, 10)
    newer = _article(0)
    newer.body += " Updated."
    store.upsert_articles("https://wire.example/rss", [enrich(newer)])  # a poll brought an edit
    refiled = prepare(enrich(stale[0].article), stale[0].sort_ts)
    assert store.save_refiled([(stale[0], refiled)], EXTRACTOR_VERSION) == 0
    stored = store.article("a0")
    assert stored is not None and stored.body.endswith("Updated.")


def test_a_re_polled_item_after_re_extraction_is_unchanged(store: Store) -> None:
    """Re-extraction stores the hash a poll computes, so the next poll writes nothing."""
    store.upsert_articles("https://wire.example/rss", [_old_filing(_article(0))])
    _age(store)
    reextract_pending(store)
    assert store.upsert_articles("https://wire.example/rss", [enrich(_article(0))]) == 0
    changed = store._db.execute("SELECT count(*) FROM articles WHERE extractor = ?", (EXTRACTOR_VERSION,)).fetchone()
    assert changed == (1,)


def test_a_store_of_the_previous_schema_is_upgraded_and_re_filed(tmp_path: Path) -> None:
    from tests.unit.test_store import old_store

    path = tmp_path / "old.sqlite3"
    old_store(path, 2)
    db = sqlite3.connect(path)
    db.execute("UPDATE articles SET read = 1, starred = 1")
    db.execute("UPDATE instrument_stats SET unread = 0")
    db.commit()
    db.close()
    with Store.open(path) as store:
        assert reextract_pending(store) == 1
        stored = store.article("a1")
        assert stored is not None and stored.figures  # the old row had none
        assert [(s.read, s.starred) for s in store.articles()] == [(True, True)]
        assert _kept(store) == _recounted(store)


def test_the_apps_seed_watcher_re_extracts_a_slice_per_check(store: Store) -> None:
    """The app's seed scan worker carries the re-extraction: a bounded slice per check,
    until a check finds nothing stale; seed results are reported as before."""
    from tui_reader.sources.poll import SeedWatcher

    store.upsert_articles("https://wire.example/rss", [_old_filing(_article(n)) for n in range(150)])
    _age(store)
    watcher = SeedWatcher([], store)
    watcher.REFILE_SLICE = 0  # one batch (100) per check
    assert watcher.check() == []
    assert (watcher.refiled, store.count_stale(EXTRACTOR_VERSION)) == (100, 50)
    watcher.check()
    assert (watcher.refiled, store.count_stale(EXTRACTOR_VERSION)) == (150, 0)
    watcher.check()
    assert watcher._refiling is False


def _stored(store: Store) -> list[tuple]:
    return store._db.execute(
        "SELECT a.id, a.figures, a.content_hash, a.extractor, group_concat(i.key || ':' || coalesce(i.ticker, ''), ',') "
        "FROM articles a LEFT JOIN article_instruments i ON i.article_id = a.id GROUP BY a.id ORDER BY a.id"
    ).fetchall()


def test_worker_processes_re_extract_exactly_as_this_process_does(tmp_path: Path) -> None:
    from tui_reader.sources.upkeep import refile_pool

    results = []
    for name, pooled in (("here", False), ("pool", True)):
        with Store.open(tmp_path / f"{name}.sqlite3") as store:
            store.upsert_articles("https://wire.example/rss", [_old_filing(_article(n)) for n in range(40)])
            _age(store)
            pool = refile_pool(store) if pooled else None
            try:
                assert reextract_pending(store, batch=7, executor=pool) == 40
            finally:
                if pool is not None:
                    pool.shutdown()
            results.append((_stored(store), _kept(store)))
            assert _kept(store) == _recounted(store)
    assert results[0] == results[1]


def test_worker_processes_that_fail_leave_the_rest_to_this_process(store: Store) -> None:
    from concurrent.futures.process import BrokenProcessPool

    class Broken:
        def map(self, *_args: object) -> None:
            raise BrokenProcessPool("a worker died")

        submit = map

    store.upsert_articles("https://wire.example/rss", [_old_filing(_article(n)) for n in range(5)])
    _age(store)
    assert reextract_pending(store, executor=Broken()) == 5  # type: ignore[arg-type]
    assert store.count_stale(EXTRACTOR_VERSION) == 0
