"""The store's side of a teaser polled again after its page became the body
(store/repolled_pages.py). The item's hash changed but its teaser did not. The page
stays the body, what other feeds carrying the story declared stays too, the counters
stay equal to a recount, and the next poll writes nothing."""

from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path

import pytest

from tests.unit.test_store_carriers import AAPL, BABA, BODY, T0, TITLE, item, kept, recounted, rows, snapshot
from tui_reader.extract import EXTRACTOR_VERSION
from tui_reader.ingest.steps import file_article
from tui_reader.model import Article
from tui_reader.sources.upkeep import reextract_pending
from tui_reader.store import PollOutcome, Store
from tui_reader.store.fulltext import Teaser, save_full_text

PAGE = BODY + " " + "The company also said services now make up a quarter of its sales. " * 10
MSFT = "US5949181045"


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "store.sqlite3") as s:
        yield s


def poll(store: Store, *articles: Article) -> None:
    now = time.time()
    store.save_polls([PollOutcome(f"https://{a.id[0]}.example/rss", [file_article(a, now)]) for a in articles])


def row(store: Store) -> tuple:
    return store._db.execute(
        "SELECT a.body, a.declared, a.content_hash, a.extractor, a.sort_ts, f.summary_hash "
        "FROM articles a JOIN full_texts f ON f.article_id = a.id WHERE a.id = 'a-1'"
    ).fetchone()


def paged_story(store: Store) -> None:
    """The story from feeds a (AAPL) and b (BABA), stage 2 done, the page fetched."""
    poll(store, item("a", ("AAPL",)))
    poll(store, item("b", ("BABA",)))
    reextract_pending(store)
    assert save_full_text(store, Teaser("a-1", "https://a.example/story", TITLE), PAGE)
    assert store.count_stale(EXTRACTOR_VERSION) == 0


def test_the_first_feed_declaring_more_keeps_the_page_and_what_others_declared(store: Store) -> None:
    paged_story(store)
    store.set_read("a-1")
    poll(store, item("a", ("AAPL", "MSFT")), item("b", ("BABA",)))
    body, declared, content_hash, extractor, _ts, summary_hash = row(store)
    assert body == PAGE and summary_hash == content_hash and extractor == 0  # filed again by the upkeep
    assert declared == ('[[null, "AAPL", null, null, null], [null, "MSFT", null, null, null], '
                        '[null, "BABA", null, null, null]]')
    assert [r[2:] for r in rows(store)] == [(AAPL, 1), (BABA, 0)] and kept(store) == recounted(store)
    before = snapshot(store)
    poll(store, item("a", ("AAPL", "MSFT")), item("b", ("BABA",)))
    assert snapshot(store) == before  # a re-poll writes nothing

    reextract_pending(store)
    body, _declared, content_hash, extractor, _ts, summary_hash = row(store)
    assert (body, extractor, summary_hash) == (PAGE, EXTRACTOR_VERSION, content_hash)
    assert {r[2] for r in rows(store)} == {AAPL, MSFT, BABA}
    assert store.articles()[0].read and kept(store) == recounted(store)
    before = snapshot(store)
    poll(store, item("a", ("AAPL", "MSFT")), item("b", ("BABA",)))
    assert snapshot(store) == before


def test_a_new_time_moves_the_instrument_rows_and_counters(store: Store) -> None:
    paged_story(store)
    moved = item("a", ("AAPL",))
    moved.published = T0 + timedelta(hours=2)
    poll(store, moved)
    body, _declared, content_hash, extractor, sort_ts, summary_hash = row(store)
    assert (body, extractor, summary_hash) == (PAGE, 0, content_hash)
    assert sort_ts == moved.published.timestamp()
    assert {ts for (ts,) in store._db.execute("SELECT sort_ts FROM article_instruments")} == {sort_ts}
    assert kept(store) == recounted(store)
    reextract_pending(store)
    assert row(store)[0] == PAGE and kept(store) == recounted(store)


def test_only_the_teasers_instruments_changed_keeps_a_current_filing(store: Store, monkeypatch) -> None:
    """A newer directory finds another company in the teaser of a story one feed carries:
    the page's filing by this version stays as it is, nothing is left to re-extract. (Had
    another feed added its declared instruments, the row would be filed again: the
    stored declared list does not say which were the first feed's.)"""
    from tui_reader.extract import instruments
    from tui_reader.model import Instrument

    poll(store, item("a", ("AAPL",)))
    reextract_pending(store)
    assert save_full_text(store, Teaser("a-1", "https://a.example/story", TITLE), PAGE)
    filed = rows(store)
    found = instruments.find_instruments
    monkeypatch.setattr(instruments, "find_instruments",
                        lambda t, b, d: [*found(t, b, d), Instrument(None, "XPKG", "Example Packaging Corp")])
    poll(store, item("a", ("AAPL",)))
    body, _declared, content_hash, extractor, _ts, summary_hash = row(store)
    assert (body, extractor, summary_hash) == (PAGE, EXTRACTOR_VERSION, content_hash)
    assert rows(store) == filed and store.count_stale(EXTRACTOR_VERSION) == 0
    before = snapshot(store)
    poll(store, item("a", ("AAPL",)))
    assert snapshot(store) == before


def test_a_row_without_a_page_is_updated_as_before(store: Store) -> None:
    """A page that failed (the body is still the teaser): an edited item rewrites the row."""
    from tui_reader.store.fulltext import save_failure

    poll(store, item("a", ("AAPL",)))
    save_failure(store, Teaser("a-1", "https://a.example/story", TITLE), "HTTP 403")
    poll(store, item("a", ("AAPL", "MSFT")))
    assert store.article("a-1").body == BODY  # type: ignore[union-attr]
    assert {r[2] for r in rows(store)} == {AAPL, MSFT}
    assert store._db.execute("SELECT extractor FROM articles").fetchone() == (-EXTRACTOR_VERSION,)
