"""A story carried by several feeds, each declaring its own instruments (issue 11: two
followed listings whose providers both carry it): one article, filed under every
declared instrument, through repeats, re-polls, in-place updates, stage 2, re-extraction
and full text, with the counters the instrument pane reads equal to a recount."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tui_reader.extract import EXTRACTOR_VERSION
from tui_reader.ingest.steps import file_article
from tui_reader.model import Article, Instrument
from tui_reader.sources.upkeep import reextract_pending
from tui_reader.store import PollOutcome, Store

T0 = datetime(2026, 12, 4, 9, 30, tzinfo=UTC)
TITLE = "Handset maker lifts buyback as services grow"
BODY = "The maker of the handsets lifted its buyback by $20 billion as services revenue grew 14%."
AAPL, BABA, SAP = "US0378331005", "US01609W1027", "DE0007164600"


def item(feed: str, declared: tuple[str, ...], *, body: str = BODY, title: str = TITLE) -> Article:
    """The story as `feed` sends it: ids are scoped to the feed, the declared
    instruments are the feed's configured ones (as `configured_instruments` makes them)."""
    return Article(id=f"{feed}-1", source=f"Provider {feed}", title=title, body=body, published=T0,
                   url=f"https://{feed}.example/story",
                   declared=[Instrument(None, code, None) for code in declared])


def poll(store: Store, *feeds: tuple[str, tuple[str, ...]], **extra: object) -> list[int]:
    """One poll of these feeds, stage 1 as parser workers run it, in one transaction."""
    now = time.time()
    return store.save_polls([
        PollOutcome(f"https://{feed}.example/rss", [file_article(item(feed, declared, **extra), now)])  # type: ignore[arg-type]
        for feed, declared in feeds
    ])


def rows(store: Store) -> list[tuple]:
    return store._db.execute(
        "SELECT article_id, position, key, is_primary FROM article_instruments ORDER BY article_id, position"
    ).fetchall()


def kept(store: Store) -> list[tuple]:
    return store._db.execute("SELECT key, total, unread, latest FROM instrument_stats ORDER BY key").fetchall()


def recounted(store: Store) -> list[tuple]:
    return store._db.execute(
        "SELECT i.key, count(*), sum(a.read = 0), max(i.sort_ts) FROM article_instruments i "
        "JOIN articles a ON a.id = i.article_id GROUP BY i.key ORDER BY i.key"
    ).fetchall()


def snapshot(store: Store) -> tuple:
    return (
        store._db.execute("SELECT id, declared, content_hash, primary_ticker, read, starred FROM articles").fetchall(),
        rows(store),
        kept(store),
        store._db.execute("SELECT count(*) FROM articles_fts").fetchone(),
    )


def unread(store: Store) -> dict[str, tuple[int, int]]:
    """The instrument pane's counts: key -> (unread, total)."""
    return {r.key: (r.unread, r.total) for r in store.instruments()}


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "store.sqlite3") as s:
        yield s


def test_a_second_feed_files_the_story_under_its_instrument_too(store: Store) -> None:
    assert poll(store, ("a", ("AAPL",))) == [1]
    store.set_read("a-1")
    store.set_starred("a-1")
    assert poll(store, ("b", ("BABA",))) == [0]
    assert rows(store) == [("a-1", 0, AAPL, 1), ("a-1", 1, BABA, 0)]
    (summary,) = store.articles(ticker="BABA")
    assert summary.id == "a-1" and summary.primary_ticker == "AAPL" and summary.sources == ["Provider a", "Provider b"]
    assert summary.read and summary.starred  # the story's state, not a new article's
    assert unread(store) == {AAPL: (0, 1), BABA: (0, 1)} and kept(store) == recounted(store)
    declared = store._db.execute("SELECT declared FROM articles").fetchone()[0]
    assert declared == '[[null, "AAPL", null, null, null], [null, "BABA", null, null, null]]'
    store.set_read("a-1", False)  # unread again: both keys count it
    assert unread(store) == {AAPL: (1, 1), BABA: (1, 1)} and kept(store) == recounted(store)


def test_a_third_repeat_and_every_re_poll_change_nothing(store: Store) -> None:
    poll(store, ("a", ("AAPL",)))
    poll(store, ("b", ("BABA",)))
    before = snapshot(store)
    assert poll(store, ("c", ("BABA",)), ("d", ("AAPL", "BABA"))) == [0, 0]  # a third and a fourth carrier
    assert snapshot(store) == before
    assert poll(store, ("a", ("AAPL",)), ("b", ("BABA",)), ("c", ("BABA",))) == [0, 0, 0]
    assert snapshot(store) == before
    assert store.articles()[0].sources == ["Provider a", "Provider b", "Provider c", "Provider d"]
    assert unread(store) == {AAPL: (1, 1), BABA: (1, 1)} and kept(store) == recounted(store)


def test_carriers_in_the_same_batch_and_instruments_the_story_had(store: Store) -> None:
    """The story inserted and repeated in one transaction; a carrier declaring what the
    text names already adds a declared entry, no second row; unread counts by key."""
    poll(store, ("x", ("SAP.DE",)), title="Another story entirely about other things", body="Other.")
    assert poll(store, ("a", ("AAPL",)), ("b", ("BABA", "AAPL")), ("c", ("SAP.DE",))) == [1, 0, 0]
    assert [r[1:] for r in rows(store) if r[0] == "a-1"] == [(0, AAPL, 1), (1, BABA, 0), (2, SAP, 0)]
    assert unread(store) == {AAPL: (1, 1), BABA: (1, 1), SAP: (2, 2)}
    store.mark_all_read(ticker="BABA")
    assert unread(store) == {AAPL: (0, 1), BABA: (0, 1), SAP: (1, 2)} and kept(store) == recounted(store)


def test_stage_two_full_text_and_re_extraction_keep_what_carriers_brought(store: Store) -> None:
    from tui_reader.store.fulltext import Teaser, save_full_text

    both = [(AAPL, 1), (BABA, 0)]
    poll(store, ("a", ("AAPL",)))
    poll(store, ("b", ("BABA",)))
    reextract_pending(store)  # stage 2: figures only, the hash stays the first feed's
    assert [r[2:] for r in rows(store)] == both and store.count_stale(EXTRACTOR_VERSION) == 0
    before = snapshot(store)
    assert poll(store, ("a", ("AAPL",)), ("b", ("BABA",))) == [0, 0] and snapshot(store) == before

    page = BODY + " " + "The company also said services now make up a quarter of its sales. " * 10
    assert save_full_text(store, Teaser("a-1", "https://a.example/story", TITLE), page)
    assert [r[2:] for r in rows(store)] == both and kept(store) == recounted(store)
    before = snapshot(store)
    assert poll(store, ("a", ("AAPL",)), ("b", ("BABA",))) == [0, 0]  # the teaser again: nothing changes
    assert snapshot(store) == before and store.article("a-1").body == page  # type: ignore[union-attr]

    store._db.execute("UPDATE articles SET extractor = ?", (EXTRACTOR_VERSION - 1,))  # an upgrade re-extracts
    reextract_pending(store)
    assert [r[2:] for r in rows(store)] == both and kept(store) == recounted(store)
    poll(store, ("a", ("AAPL",)), ("b", ("BABA",)))
    assert [r[2:] for r in rows(store)] == both and kept(store) == recounted(store)


def test_an_edited_first_item_keeps_what_the_other_feeds_declared(store: Store) -> None:
    poll(store, ("a", ("AAPL",)))
    poll(store, ("b", ("BABA",)))
    store.set_starred("a-1")
    edited = BODY + " Corrected: the buyback was lifted by $25 billion."
    assert poll(store, ("a", ("AAPL",)), body=edited) == [0]
    assert store.article("a-1").body == edited  # type: ignore[union-attr]
    assert [r[2:] for r in rows(store)] == [(AAPL, 1), (BABA, 0)]
    assert store.articles()[0].starred and kept(store) == recounted(store)
    assert unread(store) == {AAPL: (1, 1), BABA: (1, 1)}


def test_a_story_that_declared_nothing_keeps_its_primary_through_re_extraction(store: Store) -> None:
    named = "Apple lifted its buyback by $20 billion as services revenue at Apple grew 14%."
    poll(store, ("a", ()), body=named)
    assert [r[2:] for r in rows(store)] == [(AAPL, 1)]
    poll(store, ("b", ("BABA",)), body=named)
    assert [r[2:] for r in rows(store)] == [(AAPL, 1), (BABA, 0)]
    store._db.execute("UPDATE articles SET extractor = ?", (EXTRACTOR_VERSION - 1,))
    reextract_pending(store)
    assert [r[2:] for r in rows(store)] == [(AAPL, 1), (BABA, 0)]
    assert store.articles()[0].primary_ticker == "AAPL" and kept(store) == recounted(store)


def test_a_story_without_instruments_takes_the_first_carried_as_primary(store: Store) -> None:
    poll(store, ("a", ()))
    assert rows(store) == [] and store.instruments() == []
    poll(store, ("b", ("BABA",)))
    assert rows(store) == [("a-1", 0, BABA, 1)]
    assert store.articles()[0].primary_ticker == "BABA" and unread(store) == {BABA: (1, 1)}
    poll(store, ("a", ()), ("b", ("BABA",)), ("c", ("AAPL",)))
    assert rows(store) == [("a-1", 0, BABA, 1), ("a-1", 1, AAPL, 0)] and kept(store) == recounted(store)


def test_a_new_story_days_later_is_its_own_article(store: Store) -> None:
    """Only a repeat carries: the same headline outside the story window is news of its own."""
    poll(store, ("a", ("AAPL",)))
    later = Article(id="b-2", source="Provider b", title=TITLE, body="Different.", published=T0 + timedelta(days=3),
                    declared=[Instrument(None, "BABA", None)])
    store.save_polls([PollOutcome("https://b.example/rss", [file_article(later, time.time())])])
    assert [r[:3] for r in rows(store)] == [("a-1", 0, AAPL), ("b-2", 0, BABA)]


def test_counters_stay_a_recount_through_any_mix_of_carriers_edits_and_reads(store: Store) -> None:
    import random

    rng = random.Random(11)
    codes = ["AAPL", "BABA", "SAP.DE", "MSFT"]
    titles = [f"Story {n} about handsets, buybacks and services" for n in range(4)]
    now = time.time()
    for round_ in range(15):
        outcomes = []
        for feed in rng.sample("abcde", rng.randint(1, 3)):
            items = [
                file_article(Article(
                    id=f"{feed}-{n}", source=f"Provider {feed}", title=titles[n],
                    body=f"Story {n}: " + BODY + (" Corrected." if rng.random() < 0.2 else ""), published=T0,
                    declared=[Instrument(None, code, None) for code in rng.sample(codes, rng.randint(0, 2))]), now)
                for n in rng.sample(range(4), rng.randint(1, 3))
            ]
            outcomes.append(PollOutcome(f"https://{feed}.example/rss", items))
        store.save_polls(outcomes)
        for summary in store.articles(limit=2, offset=rng.randint(0, 2)):
            store.set_read(summary.id, rng.random() < 0.6)
        if round_ % 5 == 4:
            store._db.execute("UPDATE articles SET extractor = ?", (EXTRACTOR_VERSION - 1,))
        reextract_pending(store)
        assert kept(store) == recounted(store), round_
        keys = store._db.execute("SELECT article_id, key, count(*) FROM article_instruments GROUP BY 1, 2 HAVING count(*) > 1")
        assert keys.fetchall() == []
        assert store._db.execute("SELECT count(*) FROM articles WHERE primary_ticker IS NULL AND id IN "
                                 "(SELECT article_id FROM article_instruments)").fetchone() == (0,)
