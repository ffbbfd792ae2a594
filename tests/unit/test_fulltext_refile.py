"""A teaser whose page was fetched, through a re-extraction after an upgrade: the full
text survives the next poll of the same feed, and a teaser the feed really changed
still replaces it. Feed and page served on 127.0.0.1, a real store."""

from __future__ import annotations

from pathlib import Path

import pytest
from werkzeug import Request, Response

from tests.unit.test_fulltext import PAGE
from tui_reader.extract import EXTRACTOR_VERSION
from tui_reader.sources.feeds import FeedSource
from tui_reader.sources.fetching import FetchLimits
from tui_reader.sources.fulltext import fill_full_texts
from tui_reader.sources.poll import poll_all
from tui_reader.sources.upkeep import reextract_pending, refile_pool
from tui_reader.store import Store

TEASER = "The packager raised its outlook on AI orders."
EDITED = "The packager raised its outlook on AI orders and named a new finance chief."


TITLE = "Chip packager lifts outlook as AI orders pile up"


def _feed(base: str, teaser: str, title: str = TITLE, link: str = "/story/packager") -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Symbol news</title>
<link>{base}</link><description>per-symbol headlines</description>
<item><title>{title}</title><link>{base}{link}</link>
<guid isPermaLink="false">/story/packager</guid><pubDate>Thu, 04 Dec 2026 01:00:00 +0000</pubDate>
<description>{teaser}</description></item></channel></rss>""".encode()


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "store.sqlite3") as opened:
        yield opened


@pytest.fixture
def served(http):
    """The feed (its teaser settable through the returned dict) and the article's page."""
    state = {"teaser": TEASER}
    base = http.url_for("").rstrip("/")

    def feed(_request: Request) -> Response:
        return Response(_feed(base, state["teaser"]), content_type="application/rss+xml")

    http.expect_request("/feed").respond_with_handler(feed)
    http.expect_request("/story/packager").respond_with_data(PAGE, content_type="text/html; charset=utf-8")
    return FeedSource(http.url_for("/feed"), instruments=("AMKR",)), state


def _poll(store: Store, source: FeedSource) -> None:
    poll_all([FeedSource(source.url, instruments=source.instruments)], [], store, parse_workers=0)


def _full_article(store: Store, source: FeedSource) -> tuple[str, str]:
    """Poll the teaser, fetch its page; the article's id and its full text."""
    _poll(store, source)
    [listed] = store.articles(limit=5)
    teaser = store.article(listed.id)
    assert teaser is not None and teaser.body == TEASER
    assert fill_full_texts(store, {source.url}, limits=FetchLimits(total_timeout=10)).fetched == 1
    full = store.article(teaser.id)
    assert full is not None and full.body.startswith("Amkor Technology raised its full-year outlook")
    return teaser.id, full.body


def _upgrade(store: Store, pooled: bool = False) -> None:
    """Every row as an older extractor filed it, then re-extracted under this one, in
    this process or in worker processes (as `fetch` does after an upgrade of a large store)."""
    store._db.execute("UPDATE articles SET extractor = ?", (EXTRACTOR_VERSION - 1,))
    assert store.count_stale(EXTRACTOR_VERSION) == 1
    pool = refile_pool(store) if pooled else None
    try:
        assert reextract_pending(store, executor=pool) == 1
    finally:
        if pool is not None:
            pool.shutdown()
    assert store.count_stale(EXTRACTOR_VERSION) == 0


def _hash(store: Store, article_id: str) -> str:
    return store._db.execute("SELECT content_hash FROM articles WHERE id = ?", (article_id,)).fetchone()[0]


@pytest.mark.parametrize("pooled", [False, True], ids=["in-process", "worker-processes"])
def test_a_full_text_survives_re_extraction_and_the_next_poll(store, served, pooled):
    source, _ = served
    article_id, full_text = _full_article(store, source)
    teaser_hash = _hash(store, article_id)
    _upgrade(store, pooled)

    refiled = store.article(article_id)
    assert refiled is not None and refiled.body == full_text
    assert any(f.kind == "money" and f.value == 3.9e9 for f in refiled.figures)  # re-filed from the full text
    assert _hash(store, article_id) == teaser_hash  # what a re-poll of the same teaser computes

    for _ in range(2):  # the poll itself re-extracts at its end: a second poll sees that too
        _poll(store, source)
        polled = store.article(article_id)
        assert polled is not None and polled.body == full_text
    assert [a.id for a in store.articles(query="high-bandwidth", limit=5)] == [article_id]


def test_a_teaser_the_feed_changed_still_replaces_the_full_text(store, served):
    source, state = served
    article_id, _ = _full_article(store, source)
    _upgrade(store)

    state["teaser"] = EDITED
    _poll(store, source)
    edited = store.article(article_id)
    assert edited is not None and edited.body == EDITED
    _upgrade(store)  # and a later re-extraction files the teaser by the hash a poll computes
    _poll(store, source)
    assert store.article(article_id).body == EDITED
    assert [a.id for a in store.articles(query="finance chief", limit=5)] == [article_id]
