"""A teaser whose page was fetched, polled again when the item's hash changed though its
teaser did not: a newer extractor finds another instrument in the teaser, or the feed
edited the title, the link or the symbols it declares. The full text stays the body, what
the feed changed is written, the row is filed again from the page, and the stored hash is
the one the next poll of that teaser computes (so it writes nothing). Feed and page served
on 127.0.0.1, a real store; the helpers are test_fulltext_refile's. `reextract_pending` is
the upkeep a poll that brought nothing new leaves to the app's slices, an opened article
or `fetch`."""

from __future__ import annotations

from pathlib import Path

import pytest
from werkzeug import Request, Response

from tests.unit.test_fulltext import PAGE
from tests.unit.test_fulltext_refile import EDITED, TEASER, TITLE, _feed, _full_article, _hash, _upgrade
from tui_reader.extract import EXTRACTOR_VERSION
from tui_reader.extract import instruments as instruments_module
from tui_reader.model import Instrument
from tui_reader.sources.feeds import FeedSource
from tui_reader.sources.poll import poll_all
from tui_reader.sources.upkeep import reextract_pending
from tui_reader.store import Store

EXTRA = Instrument(None, "XPKG", "Example Packaging Corp", primary=False)
"""What the "newer extractor" also finds, in the teaser and in the page alike."""
SECOND = Instrument(None, "ASX", "ASE Technology Holding", primary=False)
"""Found only in the page's text: a re-filing from the teaser alone would lose it."""


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "store.sqlite3") as opened:
        yield opened


@pytest.fixture
def served(http):
    """The feed (teaser, title and link settable through the returned dict) and the page."""
    state = {"teaser": TEASER, "title": TITLE, "link": "/story/packager"}
    base = http.url_for("").rstrip("/")

    def feed(_request: Request) -> Response:
        return Response(_feed(base, state["teaser"], state["title"], state["link"]),
                        content_type="application/rss+xml")

    http.expect_request("/feed").respond_with_handler(feed)
    http.expect_request("/story/packager").respond_with_data(PAGE, content_type="text/html; charset=utf-8")
    return FeedSource(http.url_for("/feed"), instruments=("AMKR",)), state


@pytest.fixture
def newer_extractor(monkeypatch):
    """Call it to have instrument-finding also find EXTRA wherever the packager is named,
    and SECOND in the page's text only (as a directory that grew would)."""
    found = instruments_module.find_instruments

    def finding_more(title: str, body: str, declared: list[Instrument]) -> list[Instrument]:
        out = found(title, body, declared)
        if "packager" in body and all(i.key != EXTRA.key for i in out):
            out.append(EXTRA)
        if "high-bandwidth" in body:
            out.append(SECOND)
        return out

    return lambda: monkeypatch.setattr(instruments_module, "find_instruments", finding_more)


def _poll(store: Store, source: FeedSource, instruments: tuple[str, ...] | None = None) -> None:
    declared = source.instruments if instruments is None else instruments
    poll_all([FeedSource(source.url, instruments=declared)], [], store, parse_workers=0)


def _row(store: Store, article_id: str) -> tuple:
    return store._db.execute(
        "SELECT a.body, a.title, a.url, a.content_hash, a.extractor, f.summary_hash FROM articles a "
        "JOIN full_texts f ON f.article_id = a.id WHERE a.id = ?", (article_id,)
    ).fetchone()


def _keys(store: Store, article_id: str) -> set[str]:
    return {k for (k,) in store._db.execute("SELECT key FROM article_instruments WHERE article_id = ?", (article_id,))}


def _writes_nothing(store: Store, source: FeedSource, article_id: str, instruments: tuple[str, ...] | None = None) -> None:
    """A further poll of the same feed leaves the row as it is."""
    before = store._db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    _poll(store, source, instruments)
    assert store._db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone() == before


@pytest.mark.parametrize("upgraded_first", [True, False], ids=["re-extracted-then-polled", "polled-while-stale"])
def test_a_teaser_with_new_instruments_keeps_the_full_text(store, served, newer_extractor, upgraded_first):
    source, _ = served
    article_id, full_text = _full_article(store, source)
    assert not {EXTRA.key, SECOND.key} & _keys(store, article_id)
    newer_extractor()
    if upgraded_first:
        _upgrade(store)  # the upgrade's re-extraction, then the next poll
    else:
        store._db.execute("UPDATE articles SET extractor = ?", (EXTRACTOR_VERSION - 1,))  # the poll comes first

    teaser_hash = _hash(store, article_id)
    _poll(store, source)  # the teaser's hash differs now (EXTRA found in it)
    body, title, _url, content_hash, extractor, summary_hash = _row(store, article_id)
    assert (body, title) == (full_text, TITLE)
    assert content_hash != teaser_hash and summary_hash == content_hash
    # Nothing extraction reads changed: the row keeps its version (current, or stale until the upkeep).
    assert extractor == (EXTRACTOR_VERSION if upgraded_first else EXTRACTOR_VERSION - 1)
    _writes_nothing(store, source, article_id)

    reextract_pending(store)
    body, *_rest, content_hash, extractor, summary_hash = _row(store, article_id)
    assert (body, extractor, summary_hash) == (full_text, EXTRACTOR_VERSION, content_hash)
    assert {EXTRA.key, SECOND.key} <= _keys(store, article_id)  # SECOND: the page's filing, not the teaser's
    refiled = store.article(article_id)
    assert refiled is not None and any(f.kind == "money" and f.value == 3.9e9 for f in refiled.figures)
    assert [a.id for a in store.articles(query="high-bandwidth", limit=5)] == [article_id]

    _writes_nothing(store, source, article_id)


def test_an_edited_title_and_link_are_taken_and_the_full_text_kept(store, served):
    source, state = served
    state["title"] = "Amkor shares up 7% as AI orders pile up"
    article_id, full_text = _full_article(store, source)
    [in_title] = [f.text for f in store.article(article_id).figures if f.in_title]

    state["title"] = "Chip packager Amkor's stock gains 7% on AI orders"
    state["link"] = "/story/packager?updated=1"
    _poll(store, source)
    body, title, url, content_hash, extractor, summary_hash = _row(store, article_id)
    assert (body, title, summary_hash) == (full_text, state["title"], content_hash)
    assert url is not None and url.endswith("/story/packager?updated=1")
    assert extractor == 0  # the title is read by extraction: filed again by the upkeep
    article = store.article(article_id)
    assert article is not None and article.url == url
    assert [f.text for f in article.figures if f.in_title] == [in_title]  # the old headline's, until then
    assert [a.id for a in store.articles(query="gains", limit=5)] == [article_id]  # the index has the new title
    assert [a.id for a in store.articles(query="high-bandwidth", limit=5)] == [article_id]  # and still the page
    _writes_nothing(store, source, article_id)

    reextract_pending(store)
    body, *_rest, content_hash, extractor, summary_hash = _row(store, article_id)
    assert (body, extractor, summary_hash) == (full_text, EXTRACTOR_VERSION, content_hash)
    article = store.article(article_id)
    assert article is not None
    assert all(f.text == article.title[f.start:f.end] for f in article.figures if f.in_title)
    assert any(f.kind == "money" and f.value == 3.9e9 for f in article.figures)
    _writes_nothing(store, source, article_id)


def test_a_newly_declared_symbol_files_the_page_under_it(store, served):
    source, _ = served
    article_id, full_text = _full_article(store, source)
    assert "INTC" not in _keys(store, article_id)

    _poll(store, source, ("AMKR", "INTC"))
    body, *_rest, content_hash, extractor, summary_hash = _row(store, article_id)
    assert (body, extractor, summary_hash) == (full_text, 0, content_hash)
    reextract_pending(store)
    body, *_rest, content_hash, extractor, summary_hash = _row(store, article_id)
    assert (body, extractor, summary_hash) == (full_text, EXTRACTOR_VERSION, content_hash)
    assert any("INTC" in key or key == "US4581401001" for key in _keys(store, article_id))
    assert [a.id for a in store.articles(ticker="INTC", limit=5)] == [article_id]
    _writes_nothing(store, source, article_id, ("AMKR", "INTC"))


def test_a_teaser_the_feed_changed_still_replaces_the_full_text(store, served, newer_extractor):
    source, state = served
    article_id, _ = _full_article(store, source)
    newer_extractor()
    _upgrade(store)

    state["teaser"] = EDITED
    _poll(store, source)
    assert store._db.execute("SELECT body FROM articles WHERE id = ?", (article_id,)).fetchone()[0] == EDITED
    _poll(store, source)
    assert store._db.execute("SELECT body FROM articles WHERE id = ?", (article_id,)).fetchone()[0] == EDITED
