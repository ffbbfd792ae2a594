"""A directory that grows: the SEC's list of US registrants from a real HTTP server on
127.0.0.1 (a file written by us, in the SEC's shape), and tickers for ISIN-only
instruments from Yahoo's search, faked at the service's boundary."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tui_reader.extract import enrich
from tui_reader.extract.directory import directory
from tui_reader.model import Article, Instrument
from tui_reader.prices import yahoo
from tui_reader.prices.service import PriceService
from tui_reader.sources import registrants
from tui_reader.sources.registrants import (
    NO_CONTACT,
    parse_company_tickers,
    refresh_registrants,
    registrant_companies,
    teach_directory,
)
from tui_reader.sources.upkeep import fill_tickers
from tui_reader.store import Store

# Invented registrants: no real company, so the bundled directory cannot know them.
TICKERS = {
    "0": {"cik_str": 1990001, "ticker": "QZVX", "title": "Quorvex Instruments Inc."},
    "1": {"cik_str": 1990002, "ticker": "BLNDA", "title": "Blandewood Holdings Corp"},
    "2": {"cik_str": 1990002, "ticker": "BLNDB", "title": "Blandewood Holdings Corp"},
    "3": {"cik_str": "1990003", "ticker": "BAD", "title": "A CIK given as text"},
    "4": ["not", "an", "entry"],
}
CONTACT = "reader@example.com"


@pytest.fixture(autouse=True)
def bundled_directory_after(monkeypatch: pytest.MonkeyPatch):
    """What a test teaches the process-wide directory goes with it: later tests in the
    same run see the bundled directory, as they expect."""
    monkeypatch.setattr(registrants, "_taught", None)
    yield
    directory.cache_clear()


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "store.sqlite3") as s:
        yield s


@pytest.fixture
def sec(httpserver: HTTPServer):
    seen: list[Request] = []

    def answer(request: Request) -> Response:
        seen.append(request)
        return Response(json.dumps(TICKERS), content_type="application/json")

    httpserver.expect_request("/files/company_tickers.json").respond_with_handler(answer)
    return httpserver.url_for("/files/company_tickers.json"), seen


def test_the_list_is_fetched_with_a_contact_stored_and_grouped_by_cik(store: Store, sec) -> None:
    url, seen = sec
    assert refresh_registrants(store, CONTACT, url=url) == "learned 3 US registrants from the SEC"
    assert CONTACT in seen[0].headers["User-Agent"] and "tui-reader" in seen[0].headers["User-Agent"]
    assert store.registrants() == [("QZVX", 1990001, "Quorvex Instruments Inc."),
                                   ("BLNDA", 1990002, "Blandewood Holdings Corp"),
                                   ("BLNDB", 1990002, "Blandewood Holdings Corp")]
    companies = registrant_companies(store.registrants())
    assert [(c.name, [i.ticker for i in c.listings]) for c in companies] == [
        ("Quorvex Instruments Inc.", ["QZVX"]), ("Blandewood Holdings Corp", ["BLNDA", "BLNDB"]),
    ]


def test_at_most_once_a_week(store: Store, sec) -> None:
    url, seen = sec
    refresh_registrants(store, CONTACT, url=url)
    assert refresh_registrants(store, CONTACT, url=url) is None
    assert len(seen) == 1
    store._db.execute("UPDATE registries SET fetched_at = ?", (time.time() - 8 * 24 * 3600,))
    assert refresh_registrants(store, CONTACT, url=url) is not None
    assert len(seen) == 2


def test_without_a_contact_nothing_is_asked_and_one_line_says_why(store: Store, sec) -> None:
    url, seen = sec
    assert refresh_registrants(store, None, url=url) == NO_CONTACT
    assert "sec_contact" in NO_CONTACT
    assert seen == [] and store.registrants() == []


def test_a_refusal_keeps_the_stored_list_and_waits_an_hour(store: Store, httpserver: HTTPServer, sec) -> None:
    url, _ = sec
    refresh_registrants(store, CONTACT, url=url)
    store._db.execute("UPDATE registries SET fetched_at = fetched_at - 8 * 24 * 3600")
    httpserver.clear()
    httpserver.expect_request("/files/company_tickers.json").respond_with_data("Forbidden", status=403)
    note = refresh_registrants(store, CONTACT, url=url)
    assert note is not None and "HTTP 403" in note and "keeping the list of" in note
    assert len(store.registrants()) == 3
    assert refresh_registrants(store, CONTACT, url=url) is None  # no retry within the hour
    assert len(httpserver.log) == 1


@pytest.mark.parametrize("body", [b"<html>maintenance</html>", b"[1, 2]", b'{"0": {"ticker": "X"}}'])
def test_anything_but_the_list_is_an_error_not_a_crash(body: bytes) -> None:
    with pytest.raises(registrants.RegistryError, match="not"):
        parse_company_tickers(body)


def test_the_directory_learns_the_stored_list_and_extraction_files_by_it(store: Store, sec) -> None:
    url, _ = sec
    article = Article(id="q", source="Wire", title="Quorvex Instruments raises its outlook",
                      body="Quorvex Instruments said orders rose 12% in the quarter.")
    assert "QZVX" not in [i.ticker for i in enrich(article).instruments]
    refresh_registrants(store, CONTACT, url=url)
    assert teach_directory(store) == 2
    assert teach_directory(store) == 0  # once per download
    assert directory().by_ticker("BLNDB") is not None
    assert [i.ticker for i in enrich(article).instruments][:1] == ["QZVX"]


@pytest.mark.parametrize("relative", [False, True], ids=["absolute", "relative store path"])
def test_parser_processes_learn_the_stored_list_too(
    tmp_path: Path, sec, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch, relative: bool
) -> None:
    """The forkserver's directory is the bundled one: each worker learns at start, from
    the store file however it was named (`--db store.sqlite3` is relative)."""
    from tui_reader.sources.poll import FeedSource, poll_all

    monkeypatch.chdir(tmp_path)
    store = Store.open(Path("rel.sqlite3") if relative else tmp_path / "abs.sqlite3")
    url, _ = sec
    refresh_registrants(store, CONTACT, url=url)
    item = ("<item><title>Blandewood Holdings wins a contract</title><guid>b1</guid>"
            "<description>Blandewood Holdings said the order is worth $40 million.</description></item>")
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>{item}</channel></rss>'
    httpserver.expect_request("/rss").respond_with_data(feed, content_type="application/rss+xml")
    with store:
        [result] = poll_all([FeedSource(httpserver.url_for("/rss"))], [], store, parse_workers=1)
        assert result.status == "new", result.error
        assert [s.primary_ticker for s in store.articles()] == ["BLNDA"]


def test_a_store_a_worker_cannot_read_leaves_the_bundled_directory(tmp_path: Path) -> None:
    registrants.teach_worker(str(tmp_path / "missing.sqlite3"))  # logs, never raises
    (tmp_path / "junk.sqlite3").write_bytes(b"not a database at all" * 100)
    registrants.teach_worker(str(tmp_path / "junk.sqlite3"))


# -- tickers for ISIN-only instruments ---------------------------------------------

EUZ = Instrument("DE0005659700", None, "Eckert & Ziegler", primary=True)
F3C = Instrument("DE0007568578", None, "SFC Energy", primary=True)
UNKNOWN = Instrument("DE000A0Z2ZZ5", None, "Some Issuer", primary=True)


class FakeSearch:
    def __init__(self, answers: dict[str, tuple[str, str | None] | None], error: Exception | None = None) -> None:
        self.answers = answers
        self.error = error
        self.asked: list[str] = []

    def __call__(self, isin: str, timeout: float) -> tuple[str, str | None] | None:
        self.asked.append(isin)
        if self.error:
            raise self.error
        return self.answers.get(isin)


def _service(store: Store, search: FakeSearch) -> PriceService:
    def no_prices(*_args: object) -> None:
        raise AssertionError("prices are not asked for")

    return PriceService(store, [], offline=False, fetch_daily=no_prices, search_isin=search)


def _isin_only_articles(store: Store) -> None:
    published = datetime(2026, 3, 2, 9, tzinfo=UTC)
    store.upsert_articles("seeds:/notes", [
        Article(id="e1", source="Portal", title="Eckert & Ziegler order", body="x", published=published, instruments=[EUZ]),
        Article(id="s1", source="Portal", title="SFC Energy order", body="y", published=published, instruments=[F3C]),
        Article(id="u1", source="Portal", title="Unknown issuer", body="z", published=published, instruments=[UNKNOWN]),
    ])


def test_isin_only_instruments_get_the_ticker_yahoo_finds(store: Store) -> None:
    _isin_only_articles(store)
    search = FakeSearch({EUZ.isin: ("EUZ.DE", "EUR"), F3C.isin: ("F3C.DE", "EUR")})
    assert store.articles(ticker="EUZ") == []
    assert fill_tickers(store, online=True, service=_service(store, search)) == 2
    assert [s.id for s in store.articles(ticker="EUZ")] == ["e1"]
    assert [s.primary_ticker for s in store.articles(ticker="F3C.DE")] == ["F3C.DE"]
    tickers = {i.key: i.ticker for i in store.instruments()}
    assert tickers == {EUZ.isin: "EUZ.DE", F3C.isin: "F3C.DE", UNKNOWN.isin: None}
    stored = store.article("e1")
    assert stored is not None and (stored.instruments[0].ticker, stored.instruments[0].currency) == ("EUZ.DE", "EUR")
    # every answer is remembered, "none" included: a second run asks nothing
    assert fill_tickers(store, online=True, service=_service(store, search)) == 0
    assert sorted(search.asked) == sorted([EUZ.isin, F3C.isin, UNKNOWN.isin])


def test_offline_nothing_is_asked_and_nothing_changes(store: Store) -> None:
    _isin_only_articles(store)
    store.save_symbol(EUZ.isin, "EUZ.DE", "EUR")  # known from an earlier online session
    search = FakeSearch({})
    assert fill_tickers(store, online=False, service=_service(store, search)) == 0
    assert search.asked == [] and store.articles(ticker="EUZ") == []


def test_lookups_are_bounded_and_stop_at_a_rate_limit(store: Store) -> None:
    _isin_only_articles(store)
    bounded = FakeSearch({})
    fill_tickers(store, online=True, service=_service(store, bounded), limit=2)
    assert len(bounded.asked) == 2
    with Store.open(store.path.with_name("other.sqlite3")) as other:
        _isin_only_articles(other)
        limited = FakeSearch({}, error=yahoo.RateLimited("Yahoo rate limit"))
        service = _service(other, limited)
        assert fill_tickers(other, online=True, service=service) == 0
        assert len(limited.asked) == 1  # the first 429 ends the run
        assert fill_tickers(other, online=True, service=service) == 0
        assert len(limited.asked) == 1  # and the service's back-off holds the next one
        assert other.cached_symbol(EUZ.isin) is None  # nothing recorded: asked again later


def test_a_new_article_of_a_resolved_isin_is_filed_under_the_ticker_as_it_is_written(store: Store) -> None:
    _isin_only_articles(store)
    fill_tickers(store, online=True, service=_service(store, FakeSearch({EUZ.isin: ("EUZ.DE", "EUR")})))
    later = Article(id="e2", source="Portal", title="Eckert & Ziegler again", body="w",
                    published=datetime(2026, 3, 3, tzinfo=UTC), instruments=[EUZ])
    store.upsert_articles("seeds:/notes", [later])
    assert {s.id for s in store.articles(ticker="EUZ")} == {"e1", "e2"}
    assert fill_tickers(store, online=True, service=_service(store, FakeSearch({}))) == 0


def test_a_resolved_ticker_is_applied_at_write_time_and_survives_re_extraction(store: Store) -> None:
    """Offline too: the cache holds what an earlier online search found. A new article
    is filed under it as it is stored; a re-extraction (whose text names no ticker)
    keeps it."""
    from tui_reader.extract import EXTRACTOR_VERSION
    from tui_reader.sources.upkeep import reextract_pending

    store.save_symbol(EUZ.isin, "EUZ.DE", "EUR")
    euz = Instrument(EUZ.isin, None, "Eckert & Ziegler")
    article = Article(id="e3", source="Portal", title="Eckert & Ziegler wins an order",
                      body="The isotope maker won an order worth EUR 5 million.",
                      published=datetime(2026, 3, 4, tzinfo=UTC), declared=[euz], instruments=[EUZ])
    store.upsert_articles("seeds:/notes", [article])
    assert [s.primary_ticker for s in store.articles(ticker="EUZ")] == ["EUZ.DE"]
    store._db.execute("UPDATE articles SET extractor = ?", (EXTRACTOR_VERSION - 1,))
    assert reextract_pending(store) == 1
    assert [s.id for s in store.articles(ticker="EUZ")] == ["e3"]
    assert {i.key: i.ticker for i in store.instruments()}[EUZ.isin] == "EUZ.DE"
