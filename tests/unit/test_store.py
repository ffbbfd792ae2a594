"""The store against real SQLite files: schema, de-duplication, queries, caches, rollback."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from tui_reader.model import Article, Instrument, KeyFigure, PricePoint
from tui_reader.store import SCHEMA_VERSION, Store, StoreError, fts_query
from tui_reader.store.schema import MIGRATIONS

T0 = datetime(2026, 1, 29, 21, 41, 5, tzinfo=timezone(timedelta(hours=1)))
BABA = Instrument("US01609W1027", "BABA", "Alibaba Group", exchange="NYSE", currency="USD", primary=True, mentions=4)
SAP = Instrument("DE0007164600", "SAP.DE", "SAP", exchange="XETRA", currency="EUR", mentions=2)
TSLA = Instrument(None, "TSLA", "Tesla", primary=True)
BODY = (
    "Alibaba reported revenue of more than 380 billion yuan for the quarter, beating what analysts "
    "had expected. The shares rose 5.6% in New York trading as investors welcomed the cloud growth. "
    "The company also announced a new buyback programme worth $25 billion over three years."
)


def make(
    article_id: str,
    title: str = "Alibaba beats revenue estimates on cloud growth",
    body: str = BODY,
    *,
    source: str = "Reuters",
    published: datetime | None = T0,
    instruments: list[Instrument] | None = None,
    **extra: object,
) -> Article:
    return Article(
        id=article_id,
        source=source,
        title=title,
        body=body,
        published=published,
        instruments=[BABA] if instruments is None else instruments,
        **extra,  # type: ignore[arg-type]
    )


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "store.sqlite3") as s:
        yield s


def test_open_creates_parent_folders_wal_and_current_schema(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "store.sqlite3"
    Store.open(path).close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


def test_reopen_keeps_data_and_does_not_migrate_again(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    with Store.open(path) as s:
        s.upsert_articles("https://a.example/rss", [make("a1")])
    with Store.open(path) as s:
        assert [a.id for a in s.articles()] == ["a1"]


def old_store(path: Path, version: int) -> None:
    """A store file as a release with schema `version` left it, with one article in it."""
    db = sqlite3.connect(path)
    for script in MIGRATIONS[:version]:
        db.executescript(script)
    db.execute("INSERT INTO sources(key, kind) VALUES ('https://a.example/rss', 'feed')")
    db.execute(
        "INSERT INTO articles(id, source_key, source, title, body, published, sort_ts, fetched, content_hash, "
        "primary_ticker, primary_isin, primary_name) VALUES ('a1', 'https://a.example/rss', 'Reuters', "
        "'Alibaba beats revenue estimates on cloud growth', ?, ?, ?, ?, 'old', 'BABA', ?, 'Alibaba Group')",
        (BODY, T0.isoformat(), T0.timestamp(), T0.timestamp(), BABA.isin),
    )
    db.execute(
        "INSERT INTO article_sources(item_id, article_id, source_key, source, seen) "
        "VALUES ('a1', 'a1', 'https://a.example/rss', 'Reuters', 0)"
    )
    db.execute(
        "INSERT INTO article_instruments(article_id, position, key, isin, ticker, symbol, symbol_base, name, "
        "is_primary, mentions, sort_ts) VALUES ('a1', 0, ?, ?, 'BABA', 'BABA', 'BABA', 'Alibaba Group', 1, 4, ?)",
        (BABA.isin, BABA.isin, T0.timestamp()),
    )
    db.execute("INSERT INTO instrument_stats VALUES (?, ?, 'BABA', 'Alibaba Group', 1, 1, ?)", (BABA.isin, BABA.isin, T0.timestamp()))
    db.execute(f"PRAGMA user_version={version}")
    db.commit()
    db.close()


@pytest.mark.parametrize("version", [1, 2])
def test_migrates_an_older_store(tmp_path: Path, version: int) -> None:
    """A file left at an older schema gets the later steps, keeping its rows; its
    articles are marked as filed by no known extractor (0), so they are re-filed."""
    path = tmp_path / "s.sqlite3"
    old_store(path, version)
    with Store.open(path) as s:
        assert [a.id for a in s.articles(source="Reuters")] == ["a1"]
        assert s.count_stale(1) == 1
        assert [stale.article.title for stale in s.stale_articles(1, 10)] == ["Alibaba beats revenue estimates on cloud growth"]
    db = sqlite3.connect(path)
    names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"article_sources_name", "articles_extractor"} <= names
    assert db.execute("SELECT extractor, declared FROM articles").fetchall() == [(0, None)]
    db.close()


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    Store.open(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(StoreError, match="newer"):
        Store.open(path)


def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(b"this is not sqlite at all, just text " * 100)
    with pytest.raises(StoreError, match="notes.txt"):
        Store.open(path)


def test_a_folder_or_unwritable_place_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot open"):
        Store.open(tmp_path)
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError, match="cannot open"):
        Store.open(tmp_path / "file" / "store.sqlite3")


def test_same_entry_again_adds_nothing(store: Store) -> None:
    assert store.upsert_articles("https://a.example/rss", [make("a1"), make("a2", "Tesla recalls cars in China", "x")]) == 2
    assert store.upsert_articles("https://a.example/rss", [make("a1"), make("a2", "Tesla recalls cars in China", "x")]) == 0
    assert store.counts().total == 2


def test_same_story_from_a_second_feed_is_one_article_with_two_sources(store: Store) -> None:
    store.upsert_articles("https://reuters.example/rss", [make("r1")])
    teaser = make("c1", "Alibaba Beats Revenue Estimates, on Cloud Growth!", "Short teaser.", source="CNBC",
                  published=T0 + timedelta(hours=3))
    assert store.upsert_articles("https://cnbc.example/rss", [teaser]) == 0
    (summary,) = store.articles()
    assert summary.id == "r1"
    assert summary.sources == ["Reuters", "CNBC"]
    assert store.article("c1").id == "r1"  # the merged item id leads to the story
    counts = {s.key: s.article_count for s in store.source_states()}
    assert counts == {"https://reuters.example/rss": 1, "https://cnbc.example/rss": 1}


def test_same_body_under_another_title_is_the_same_story(store: Store) -> None:
    store.upsert_articles("https://a.example/rss", [make("a1")])
    assert store.upsert_articles("https://b.example/rss", [make("b1", "Alibaba: a big quarter", source="B")]) == 0
    assert store.articles()[0].sources == ["Reuters", "B"]


def test_same_body_opening_days_apart_is_another_story(store: Store) -> None:
    """A feed whose items open with the same long preamble must not collapse into one."""
    store.upsert_articles("https://a.example/rss", [make("a1")])
    later = make("a2", "Another headline entirely here", published=T0 + timedelta(days=2))
    assert store.upsert_articles("https://a.example/rss", [later]) == 1


def test_same_title_days_apart_is_another_story(store: Store) -> None:
    store.upsert_articles("https://a.example/rss", [make("a1", "Daily market wrap for investors", "one")])
    later = make("a2", "Daily market wrap for investors", "two", published=T0 + timedelta(days=3))
    assert store.upsert_articles("https://a.example/rss", [later]) == 1


def test_short_generic_titles_are_not_merged(store: Store) -> None:
    new = store.upsert_articles("https://a.example/rss", [make("a1", "Markets", "one"), make("a2", "Markets", "two")])
    assert new == 2


def test_duplicate_story_inside_one_batch(store: Store) -> None:
    batch = [make("a1"), make("a2", "ALIBABA beats revenue estimates on cloud growth", "teaser")]
    assert store.upsert_articles("https://a.example/rss", batch) == 1


def test_changed_content_updates_in_place_and_keeps_read_and_starred(store: Store) -> None:
    store.upsert_articles("/seeds", [make("s1", path="alibaba.txt")])
    store.set_read("s1")
    store.set_starred("s1")
    edited = make("s1", "Alibaba beats estimates (corrected)", BODY + " Corrected figures.",
                  instruments=[BABA, SAP], path="alibaba.txt",
                  figures=[KeyFigure("percent", "5.6%", 5.6, 120, 124, "The shares rose 5.6%.", unit="%", direction="up")])
    assert store.upsert_articles("/seeds", [edited]) == 0
    article = store.article("s1")
    assert article is not None
    assert article.title == "Alibaba beats estimates (corrected)"
    assert article.figures == edited.figures
    assert [i.key for i in article.instruments] == [BABA.key, SAP.key]
    (summary,) = store.articles()
    assert summary.read and summary.starred
    assert [a.id for a in store.articles(query="corrected")] == ["s1"]
    assert store.articles(query="quarter") == store.articles()  # body still indexed once


def test_article_round_trip(store: Store) -> None:
    figure = KeyFigure("money", "380 billion yuan", 380e9, 34, 50, "Alibaba reported…", currency="CNY", qualifier="more_than")
    original = make("a1", url="https://a.example/1", figures=[figure], removed=["ad block: 3 paragraphs"],
                    instruments=[BABA, SAP])
    store.upsert_articles("https://a.example/rss", [original])
    loaded = store.article("a1")
    assert loaded is not None
    assert loaded.published == T0 and loaded.published.utcoffset() == timedelta(hours=1)
    assert (loaded.title, loaded.body, loaded.url, loaded.source) == (original.title, BODY, original.url, "Reuters")
    assert loaded.instruments == [BABA, SAP]
    assert loaded.figures == [figure]
    assert loaded.removed == ["ad block: 3 paragraphs"]
    assert store.article("missing") is None


def test_newest_first_with_undated_articles_at_fetch_time(store: Store) -> None:
    store.upsert_articles("https://a.example/rss", [
        make("old", "Old story about chips and cloud", "a", published=T0 - timedelta(days=2)),
        make("new", "New story about chips and cloud", "b", published=T0),
        make("undated", "Undated story about chips and cloud", "c", published=None),
    ])
    assert [a.id for a in store.articles()] == ["undated", "new", "old"]
    assert [a.id for a in store.articles(limit=1, offset=1)] == ["new"]


@pytest.mark.parametrize("hostile", ['"', 'AND(', "*", "NEAR(a b", "title:x", "a OR", "-", "^", "'", "((", "\x00", "🙂"])
def test_search_never_raises_on_hostile_input(store: Store, hostile: str) -> None:
    store.upsert_articles("https://a.example/rss", [make("a1")])
    store.articles(query=hostile)
    store.articles(query=f"alibaba {hostile}")


def test_search_quotes_terms_and_prefix_matches_the_last(store: Store) -> None:
    store.upsert_articles("https://a.example/rss", [make("a1"), make("t1", "Tesla recalls cars in China", "Recall of Model Y.", instruments=[TSLA])])
    assert fts_query('revenue AND( clo') == '"revenue" "AND(" "clo"*'
    assert [a.id for a in store.articles(query="alibaba clo")] == ["a1"]
    assert [a.id for a in store.articles(query="recall")] == ["t1"]
    assert [a.id for a in store.articles(query="NEAR")] == []
    assert store.articles(query='"*') == []  # nothing searchable: nothing found
    assert len(store.articles(query="   ")) == 2  # blank: no filter


def test_filters(store: Store) -> None:
    store.upsert_articles("https://a.example/rss", [
        make("a1", instruments=[BABA, SAP]),
        make("t1", "Tesla recalls cars in China", "Recall.", instruments=[TSLA], source="CNBC"),
    ])
    store.set_starred("t1")
    store.set_read("a1")
    assert [a.id for a in store.articles(ticker="baba")] == ["a1"]
    assert [a.id for a in store.articles(ticker="SAP")] == ["a1"]  # without the exchange suffix
    assert [a.id for a in store.articles(ticker="sap.de")] == ["a1"]
    assert [a.id for a in store.articles(ticker="TSLA.MX")] == ["t1"]  # a Yahoo form of a plain ticker
    assert store.articles(ticker="SAP.F") == []
    assert [a.id for a in store.articles(isin="de0007164600")] == ["a1"]
    assert [a.id for a in store.articles(instrument="TSLA")] == ["t1"]
    assert [a.id for a in store.articles(source="CNBC")] == ["t1"]
    assert {a.id for a in store.articles(source="https://a.example/rss")} == {"a1", "t1"}
    assert [a.id for a in store.articles(unread_only=True)] == ["t1"]
    assert [a.id for a in store.articles(starred_only=True)] == ["t1"]
    assert store.articles(ticker="BABA", unread_only=True) == []
    summary = store.articles(ticker="TSLA")[0]
    assert (summary.primary_ticker, summary.primary_isin, summary.primary_name) == ("TSLA", None, "Tesla")


def test_instruments_counts_and_order(store: Store) -> None:
    store.upsert_articles("https://a.example/rss", [
        make("a1", instruments=[BABA, SAP]),
        make("a2", "Alibaba cloud unit spins off in Hong Kong", "other", published=T0 - timedelta(days=5)),
        make("t1", "Tesla recalls cars in China", "Recall.", instruments=[TSLA], published=T0 + timedelta(hours=1)),
        make("n1", "A story about nothing listed anywhere", "None.", instruments=[]),
    ])
    store.set_read("a2")
    rows = store.instruments()
    # most recent news first; equal times by key (DE… before US…)
    assert [(r.key, r.total, r.unread) for r in rows] == [("TSLA", 1, 1), (SAP.key, 1, 1), (BABA.key, 2, 1)]
    assert rows[2].latest == T0 and rows[2].ticker == "BABA" and rows[2].name == "Alibaba Group"
    store.set_read("a1")
    store.set_read("a1")  # twice: counted once
    assert {r.key: r.unread for r in store.instruments()} == {"TSLA": 1, BABA.key: 0, SAP.key: 0}
    store.set_read("a1", False)
    assert {r.key: r.unread for r in store.instruments()} == {"TSLA": 1, BABA.key: 1, SAP.key: 1}
    # an update that drops an instrument takes it off the list
    store.upsert_articles("https://a.example/rss", [make("a1", BODY.upper(), instruments=[BABA])])
    assert SAP.key not in {r.key for r in store.instruments()}
    assert store.counts().total == 4 and store.counts().unread == 3


def test_read_and_starred_persist_across_reopen(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    with Store.open(path) as s:
        s.upsert_articles("https://a.example/rss", [make("a1"), make("t1", "Tesla recalls cars in China", "x")])
        s.set_read("a1")
        s.set_starred("t1")
    with Store.open(path) as s:
        assert s.counts() == type(s.counts())(total=2, unread=1, starred=1, starred_unread=1)
        assert {a.id: (a.read, a.starred) for a in s.articles()} == {"a1": (True, False), "t1": (False, True)}


def test_save_poll_records_state_and_keeps_validators_on_error(store: Store) -> None:
    next_poll = datetime(2026, 2, 1, 12, tzinfo=UTC)
    assert store.save_poll("https://a.example/rss", [make("a1")], etag='"v1"', last_modified="Mon, 26 Jan 2026",
                           next_poll=next_poll, title="A feed") == 1
    (state,) = store.source_states()
    assert (state.kind, state.title, state.etag, state.last_modified) == ("feed", "A feed", '"v1"', "Mon, 26 Jan 2026")
    assert state.next_poll == next_poll and state.last_error is None and state.article_count == 1
    assert state.last_poll is not None and abs(state.last_poll - datetime.now(UTC)) < timedelta(minutes=1)
    store.save_poll("https://a.example/rss", [], error="HTTP 503", failures=2)
    (state,) = store.source_states()
    assert (state.etag, state.last_error, state.failures, state.title) == ('"v1"', "HTTP 503", 2, "A feed")
    store.save_poll("https://a.example/rss", [], etag='"v2"')
    (state,) = store.source_states()
    assert (state.etag, state.last_error, state.failures) == ('"v2"', None, 0)


def test_a_source_keeps_its_title_when_a_later_poll_names_none(store: Store) -> None:
    store.save_poll("https://a.example/rss", [], title="Markets wire")
    store.save_poll("https://a.example/rss", [])
    (state,) = store.source_states()
    assert (state.key, state.kind, state.title, state.article_count) == ("https://a.example/rss", "feed", "Markets wire", 0)


def test_a_failing_row_rolls_back_the_whole_batch(store: Store) -> None:
    store.save_poll("https://a.example/rss", [], etag='"v1"')
    bad = make("bad", "Broken text in this title", "lone surrogate \ud800 cannot be stored")
    with pytest.raises(UnicodeEncodeError):
        store.save_poll("https://a.example/rss", [make("a1"), bad], etag='"v2"')
    assert store.counts().total == 0
    assert store.instruments() == []
    assert store.source_states()[0].etag == '"v1"'
    assert store.upsert_articles("https://a.example/rss", [make("a1")]) == 1  # the store still works


def test_price_cache_round_trip_and_merge(store: Store) -> None:
    assert store.cached_prices("BABA") is None
    store.save_prices("BABA", [PricePoint(date(2026, 1, 28), 171.9), PricePoint(date(2026, 1, 29), 174.25)],
                      currency="USD", source="csv")
    store.save_prices("BABA", [PricePoint(date(2026, 1, 29), 175.0), PricePoint(date(2026, 1, 30), 170.5)],
                      currency=None, source="yahoo")
    series = store.cached_prices("BABA")
    assert series is not None
    assert (series.symbol, series.currency, series.source) == ("BABA", "USD", "yahoo")
    assert series.points == [PricePoint(date(2026, 1, 28), 171.9), PricePoint(date(2026, 1, 29), 175.0),
                             PricePoint(date(2026, 1, 30), 170.5)]
    assert series.fetched_at.tzinfo is not None and abs(series.fetched_at - datetime.now(UTC)) < timedelta(minutes=1)


def test_symbol_cache_records_misses_too(store: Store) -> None:
    assert store.cached_symbol("US01609W1027") is None
    store.save_symbol("US01609W1027", "BABA", "USD")
    store.save_symbol("XX0000000000", None, None)
    hit = store.cached_symbol("US01609W1027")
    miss = store.cached_symbol("XX0000000000")
    assert hit is not None and (hit.symbol, hit.currency) == ("BABA", "USD")
    assert miss is not None and miss.symbol is None


def test_worker_threads_can_share_one_store(store: Store) -> None:
    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            for k in range(20):
                store.upsert_articles(f"https://f{n}.example/rss",
                                      [make(f"{n}-{k}", f"Story {n} {k} about things", f"body {n} {k}")])
                store.articles(limit=10)
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert store.counts().total == 80


_WRITER = """
import sys
from datetime import UTC, datetime
from pathlib import Path
from tui_reader.model import Article, Instrument
from tui_reader.store import Store

store = Store.open(Path(sys.argv[1]))
for batch in range(10_000):
    articles = [
        Article(f"{batch}-{k}", "Wire", f"Story {batch} {k} about chips", f"Body {batch} {k} " + "text " * 200,
                datetime(2026, 1, 1, tzinfo=UTC), instruments=[Instrument(None, f"T{k}", None)])
        for k in range(50)
    ]
    store.save_poll("https://wire.example/rss", articles, etag=str(batch))
    print(batch, flush=True)
"""


def test_sigkill_mid_write_loses_nothing_committed_and_no_half_batch(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys

    path = tmp_path / "s.sqlite3"
    writer = subprocess.Popen([sys.executable, "-c", _WRITER, str(path)], stdout=subprocess.PIPE, text=True)
    assert writer.stdout is not None
    committed = -1
    while committed < 5:
        committed = int(writer.stdout.readline())
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()
    with Store.open(path) as s:
        total = s.counts().total
        assert total >= (committed + 1) * 50
        assert total % 50 == 0  # whole batches only
        (state,) = s.source_states()
        assert int(state.etag) == total // 50 - 1  # the polling state belongs to the last batch
        assert sum(r.total for r in s.instruments()) == total


def _recounted(store: Store) -> list[tuple]:
    """The instrument list as a full recount from the article tables would give it."""
    return store._db.execute(
        "SELECT i.key, count(*), sum(a.read = 0), max(i.sort_ts) FROM article_instruments i "
        "JOIN articles a ON a.id = i.article_id GROUP BY i.key ORDER BY i.key"
    ).fetchall()


def _kept(store: Store) -> list[tuple]:
    return store._db.execute("SELECT key, total, unread, latest FROM instrument_stats ORDER BY key").fetchall()


def test_counters_kept_by_deltas_equal_a_full_recount(store: Store) -> None:
    """Inserts add to the counters, in-place updates recount: after any mix of batches,
    reads and updates the kept rows equal a recount, and the latest spelling wins."""
    import random

    rng = random.Random(5)
    pool = [BABA, SAP, TSLA, Instrument("US0378331005", "AAPL", "Apple")]
    for batch in range(12):
        articles = []
        for _ in range(rng.randint(1, 8)):
            number = rng.randint(0, 40)
            chosen = rng.sample(pool, rng.randint(0, 3))
            articles.append(make(f"x{number}", f"Story number {number} about several companies", f"{BODY} {number} {batch}",
                                 published=T0 + timedelta(hours=rng.randint(-50, 50)), instruments=chosen))
        store.save_poll(f"https://f{batch % 3}.example/rss", articles)
        for summary in store.articles(limit=3, offset=rng.randint(0, 5)):
            store.set_read(summary.id, rng.random() < 0.7)
        assert _kept(store) == _recounted(store)
    newest = max(store.articles(ticker="BABA"), key=lambda a: a.published or T0)
    store.upsert_articles("https://g.example/rss", [
        make("later", "Alibaba under a later spelling of its name", "x", published=T0 + timedelta(days=9),
             instruments=[Instrument(BABA.isin, "BABA", "Alibaba Group Holding")]),
    ])
    row = next(r for r in store.instruments() if r.key == BABA.key)
    assert row.name == "Alibaba Group Holding" and newest.id != "later"
    assert _kept(store) == _recounted(store)


def test_save_polls_writes_several_sources_in_one_transaction(store: Store) -> None:
    from tui_reader.store import PollOutcome, prepare

    now = datetime.now(UTC).timestamp()
    good = PollOutcome("https://a.example/rss", [prepare(make("a1"), now)], etag='"a"')
    other = PollOutcome("https://b.example/rss", [prepare(make("t1", "Tesla recalls cars in China", "x"), now)], etag='"b"')
    assert store.save_polls([good, other]) == [1, 1]
    assert {s.key: s.etag for s in store.source_states()} == {good.key: '"a"', other.key: '"b"'}
    bad = PollOutcome("https://c.example/rss", [prepare(make("c1", "Broken text in this title", "\ud800"), now)], etag='"c"')
    third = PollOutcome("https://d.example/rss", [prepare(make("d1", "Siemens wins a rail order", "y"), now)], etag='"d"')
    with pytest.raises(UnicodeEncodeError):
        store.save_polls([third, bad])
    assert store.counts().total == 2  # neither the good nor the bad one of the failed batch
    assert {s.key for s in store.source_states()} == {good.key, other.key}


def test_mark_all_read_marks_every_listed_article_in_one_transaction(store: Store) -> None:
    """The same filters as `articles()`, every page of them, and the counters kept right."""
    store.upsert_articles("https://a.example/rss", [
        make("a1", instruments=[BABA, SAP]),
        make("a2", "Alibaba cloud unit spins off in Hong Kong", "other", published=T0 - timedelta(days=5)),
        make("t1", "Tesla recalls cars in China", "Recall.", instruments=[TSLA], source="CNBC"),
        make("n1", "A story about nothing listed anywhere", "None.", instruments=[]),
    ])
    store.set_read("a2")
    assert store.mark_all_read(ticker="BABA") == 1  # a2 was read already
    assert {s.id for s in store.articles(unread_only=True)} == {"t1", "n1"}
    assert {r.key: r.unread for r in store.instruments()} == {"TSLA": 1, BABA.key: 0, SAP.key: 0}
    assert _kept(store) == _recounted(store)
    assert store.mark_all_read(ticker="BABA") == 0
    assert store.mark_all_read(query="recalls", source="CNBC") == 1
    assert store.mark_all_read(query="***") == 0  # nothing searchable matches nothing
    assert store.counts().unread == 1
    assert store.mark_all_read() == 1
    assert store.counts().unread == 0 and _kept(store) == _recounted(store)


def test_mark_all_read_reaches_past_the_first_page_and_rolls_back_whole(store: Store) -> None:
    store.upsert_articles("https://a.example/rss", [
        make(f"x{n}", f"Story number {n} about Alibaba results", f"{BODY} {n}", published=T0 - timedelta(hours=n))
        for n in range(30)
    ])
    assert len(store.articles(limit=10)) == 10
    store._db.execute(
        "CREATE TEMP TRIGGER refuse BEFORE UPDATE OF read ON articles WHEN new.id = 'x29' "
        "BEGIN SELECT raise(ABORT, 'refused'); END"
    )
    with pytest.raises(sqlite3.IntegrityError):
        store.mark_all_read()
    assert store.counts().unread == 30 and _kept(store) == _recounted(store)
    store._db.execute("DROP TRIGGER refuse")
    assert store.mark_all_read() == 30
    assert store.counts().unread == 0 and next(iter(store.instruments())).unread == 0
