"""The feed poller against a real HTTP server on 127.0.0.1, storing into a real SQLite file."""

from __future__ import annotations

import asyncio
import gzip
import os
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tui_reader.sources.feeds import FeedSource, SourceResult, next_poll_after, poll_feeds
from tui_reader.sources.fetching import FetchLimits, parse_retry_after
from tui_reader.store import Store

DATA = Path(__file__).parent.parent / "data" / "feeds"
RSS = (DATA / "rss20.xml").read_bytes()
ATOM = (DATA / "atom.xml").read_bytes()
JSON_FEED = (DATA / "feed.json").read_bytes()
FAST = FetchLimits(connect_timeout=2, read_timeout=0.5, total_timeout=3, max_bytes=200_000, max_redirects=3)


@pytest.fixture(scope="module")
def server():
    # Threaded: the slow-server test must not hold up the other feeds of the same poll.
    http = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    http.start()
    yield http
    http.clear()
    if http.is_running():
        http.stop()


@pytest.fixture
def http(server: HTTPServer):
    server.clear()
    yield server
    server.clear()


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "articles.sqlite3") as opened:
        yield opened


def poll(feeds, store, *, limits=FAST, honour_schedule=False, parse_workers=0) -> dict[str, SourceResult]:
    results = asyncio.run(
        poll_feeds(feeds, store, limits=limits, honour_schedule=honour_schedule, parse_workers=parse_workers)
    )
    return {r.key: r for r in results}


def state(store: Store, key: str):
    return next(s for s in store.source_states() if s.key == key)


def test_rss_atom_and_json_feed_are_stored(http, store):
    http.expect_request("/rss").respond_with_data(RSS, content_type="application/rss+xml")
    http.expect_request("/atom").respond_with_data(ATOM, content_type="application/atom+xml")
    http.expect_request("/json").respond_with_data(JSON_FEED, content_type="application/feed+json")
    urls = [http.url_for(p) for p in ("/rss", "/atom", "/json")]
    results = poll([FeedSource(u) for u in urls], store)
    assert [(results[u].status, results[u].new) for u in urls] == [("new", 3), ("new", 2), ("new", 2)]
    assert store.counts().total == 7
    stored = {a.title for a in store.articles()}
    assert "Alibaba beats estimates as cloud revenue jumps 26%" in stored
    alibaba = next(a for a in store.articles() if a.title.startswith("Alibaba"))
    assert store.article(alibaba.id).instruments, "extraction ran on the feed item"
    assert state(store, urls[0]).title == "Market Wire & Co"


def test_requests_name_the_app_and_accept_gzip(http, store):
    http.expect_request("/gz").respond_with_data(
        gzip.compress(RSS), headers={"Content-Encoding": "gzip"}, content_type="application/rss+xml"
    )
    results = poll([FeedSource(http.url_for("/gz"))], store)
    assert results[http.url_for("/gz")].new == 3
    request, _ = http.log[0]
    assert request.headers["User-Agent"].startswith("tui-reader/")
    assert "gzip" in request.headers["Accept-Encoding"]


def _conditional(validator_header: str, request_header: str, value: str):
    def handler(request: Request) -> Response:
        if request.headers.get(request_header) == value:
            return Response(status=304, headers={validator_header: value})
        return Response(RSS, content_type="application/rss+xml", headers={validator_header: value})

    return handler


@pytest.mark.parametrize(
    ("validator", "conditional", "value"),
    [("ETag", "If-None-Match", '"v1"'), ("Last-Modified", "If-Modified-Since", "Thu, 29 Jan 2026 21:41:05 GMT")],
)
def test_not_modified_costs_no_parsing(http, store, validator, conditional, value):
    http.expect_request("/cond").respond_with_handler(_conditional(validator, conditional, value))
    url = http.url_for("/cond")
    assert poll([FeedSource(url)], store)[url].status == "new"
    second = poll([FeedSource(url)], store)[url]
    assert (second.status, second.new, second.error) == ("unchanged", 0, None)
    assert http.log[1][0].headers.get(conditional) == value
    assert http.log[1][1].status_code == 304
    assert store.counts().total == 3


def test_a_failed_parse_does_not_keep_the_etag(http, store):
    """Otherwise the next poll would get 304 and never see the items."""
    http.expect_request("/bad").respond_with_data(b"<rss><channel><item>", headers={"ETag": '"x"'})
    url = http.url_for("/bad")
    assert poll([FeedSource(url)], store)[url].status == "error"
    poll([FeedSource(url)], store)
    assert "If-None-Match" not in http.log[1][0].headers
    assert state(store, url).etag is None


@pytest.mark.parametrize(("status", "text"), [(404, "HTTP 404"), (500, "HTTP 500")])
def test_http_errors_are_reported_and_backed_off(http, store, status, text):
    http.expect_request("/err").respond_with_data("no", status=status)
    url = http.url_for("/err")
    before = datetime.now(UTC)
    result = poll([FeedSource(url, interval_minutes=10)], store)[url]
    assert result.status == "error" and result.error.startswith(text)
    polled = state(store, url)
    assert polled.failures == 1 and polled.last_error.startswith(text)
    # 10 min doubled once, ±10 % jitter
    assert before + timedelta(minutes=17.9) <= polled.next_poll <= before + timedelta(minutes=22.1, seconds=5)
    poll([FeedSource(url, interval_minutes=10)], store)
    assert state(store, url).failures == 2


def test_429_retry_after_is_honoured(http, store):
    http.expect_request("/busy").respond_with_data("slow down", status=429, headers={"Retry-After": "120"})
    url = http.url_for("/busy")
    before = datetime.now(UTC)
    result = poll([FeedSource(url)], store)[url]
    assert result.error.startswith("HTTP 429") and "retry after 120 s" in result.error
    polled = state(store, url)
    assert before + timedelta(seconds=119) <= polled.next_poll <= before + timedelta(seconds=125)
    # `fetch` polls everything now, but not a server that asked us to wait:
    deferred = poll([FeedSource(url)], store)[url]
    assert deferred.status == "error" and "wait until" in deferred.error
    assert len(http.log) == 1


def test_503_with_http_date():
    now = datetime(2026, 1, 30, 12, 0, tzinfo=UTC)
    assert parse_retry_after("Fri, 30 Jan 2026 12:05:00 GMT", now) == 300
    assert parse_retry_after("soon", now) is None
    assert parse_retry_after("7", now) == 7


def test_backoff_is_capped_at_six_hours():
    now = datetime(2026, 1, 1, tzinfo=UTC)
    assert next_poll_after(now, 15, 0) == now + timedelta(minutes=15)
    assert next_poll_after(now, 15, 30) <= now + timedelta(hours=6.6)
    assert next_poll_after(now, 15, 1, retry_after=5) == now + timedelta(seconds=5)


def test_slow_server_times_out_and_others_are_still_stored(http, store):
    def slow(request: Request) -> Response:
        time.sleep(1.5)
        return Response(RSS)

    http.expect_request("/slow").respond_with_handler(slow)
    http.expect_request("/ok").respond_with_data(ATOM)
    slow_url, ok_url = http.url_for("/slow"), http.url_for("/ok")
    results = poll([FeedSource(slow_url), FeedSource(ok_url)], store)
    assert results[slow_url].status == "error" and "silent" in results[slow_url].error
    assert results[ok_url].new == 2


def test_body_over_the_cap(http, store):
    big = RSS.replace(b"Short teaser.", b"x" * 300_000)
    http.expect_request("/big").respond_with_data(big)
    http.expect_request("/bomb").respond_with_data(gzip.compress(big), headers={"Content-Encoding": "gzip"})
    results = poll([FeedSource(http.url_for("/big")), FeedSource(http.url_for("/bomb"))], store)
    assert [r.error for r in results.values()] == ["larger than 195 KB"] * 2
    assert store.counts().total == 0


def test_redirects_are_followed_but_loops_end(http, store):
    http.expect_request("/moved").respond_with_data("", status=301, headers={"Location": "/rss"})
    http.expect_request("/rss").respond_with_data(RSS)
    http.expect_request("/loop").respond_with_data("", status=302, headers={"Location": "/loop"})
    moved, loop = http.url_for("/moved"), http.url_for("/loop")
    results = poll([FeedSource(moved), FeedSource(loop)], store)
    assert results[moved].new == 3
    assert results[loop].status == "error" and "redirect" in results[loop].error


@pytest.mark.parametrize(
    ("name", "content_type", "error"),
    [
        ("malformed.xml", "application/xml", "malformed feed"),
        ("html_page.html", "text/html", "an HTML page"),
        ("binary.png", "image/png", "binary data"),
        ("truncated.xml", "application/rss+xml", "cut off"),
    ],
)
def test_bad_documents_do_not_stop_the_poll(http, store, name, content_type, error):
    http.expect_request("/bad").respond_with_data((DATA / name).read_bytes(), content_type=content_type)
    http.expect_request("/good").respond_with_data(RSS)
    bad, good = http.url_for("/bad"), http.url_for("/good")
    results = poll([FeedSource(bad), FeedSource(good)], store)
    assert results[bad].status == "error" and error in results[bad].error
    assert results[good].new == 3
    assert store.counts().total == 3


def test_wrong_declared_charset(http, store):
    http.expect_request("/cp").respond_with_data(
        (DATA / "cp1252_labelled_utf8.xml").read_bytes(), content_type="application/rss+xml; charset=utf-8"
    )
    http.expect_request("/utf").respond_with_data(
        (DATA / "utf8_labelled_latin1.xml").read_bytes(), content_type="text/xml; charset=ISO-8859-1"
    )
    poll([FeedSource(http.url_for("/cp")), FeedSource(http.url_for("/utf"))], store)
    titles = {a.title for a in store.articles()}
    assert titles == {"Münchener Rück: Gewinn steigt \u2013 Aktie +2 %", "Börse \u2013 Kürzung"}


def test_same_story_in_two_feeds_is_stored_once(http, store):
    http.expect_request("/a").respond_with_data(RSS)
    http.expect_request("/b").respond_with_data(RSS.replace(b"Market Wire &amp; Co", b"Other Wire"))
    a, b = http.url_for("/a"), http.url_for("/b")
    results = poll([FeedSource(a, "Wire A"), FeedSource(b, "Wire B")], store)
    assert results[a].new + results[b].new == 3
    alibaba = next(x for x in store.articles() if x.title.startswith("Alibaba"))
    assert len(alibaba.sources) == 2


def test_entity_expansion_document(http, store):
    http.expect_request("/lol").respond_with_data((DATA / "billion_laughs.xml").read_bytes())
    url = http.url_for("/lol")
    result = poll([FeedSource(url)], store)[url]
    assert result.status == "new"
    (summary,) = store.articles()
    assert len(store.article(summary.id).body) < 100


def test_connection_refused(store):
    url = "http://127.0.0.1:9/feed"
    result = poll([FeedSource(url)], store)[url]
    assert result.status == "error" and result.error.startswith("could not connect")


def test_background_poll_skips_feeds_that_are_not_due(http, store):
    http.expect_request("/rss").respond_with_data(RSS)
    url = http.url_for("/rss")
    poll([FeedSource(url, interval_minutes=30)], store)
    assert poll([FeedSource(url)], store, honour_schedule=True) == {}
    # Only this test's path: the shared server may still log the slow test's late answer.
    assert [request.path for request, _ in http.log if request.path == "/rss"] == ["/rss"]


def generated_rss(feed: int, items: int) -> bytes:
    entries = "".join(
        f"<item><title>Feed {feed} story {i} about quarterly results</title><link>https://f{feed}.example.com/{i}</link>"
        f"<description>Revenue of story {i} in feed {feed} rose 5%.</description></item>"
        for i in range(items)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>F{feed}</title>{entries}</channel></rss>'.encode()


def test_parsing_in_worker_processes(http, store):
    for n in range(4):
        http.expect_request(f"/p{n}").respond_with_data(generated_rss(n, 5))
    urls = [http.url_for(f"/p{n}") for n in range(4)]
    results = poll([FeedSource(u) for u in urls], store, parse_workers=2)
    assert [(results[u].status, results[u].new) for u in urls] == [("new", 5)] * 4
    assert store.counts().total == 20


# --- seed folders: poll.py ----------------------------------------------------------


def test_seed_watcher_picks_up_new_and_changed_files_and_keeps_removed_ones(tmp_path, store):
    from tui_reader.sources.poll import SeedWatcher, seed_key

    folder = tmp_path / "seeds"
    folder.mkdir()
    first = folder / "a.txt"
    first.write_text("Siemens wins a rail order in Spain\n\nSiemens AG won an order worth EUR 1.2 billion.\n")
    watcher = SeedWatcher([folder], store)
    (result,) = watcher.check()
    assert (result.key, result.status, result.new) == (seed_key(folder), "new", 1)
    assert watcher.check() == []  # unchanged folder: nothing re-read

    (folder / "b.txt").write_text("Tesla delivers more cars than expected\n\nTesla delivered 500,000 cars.\n")
    (result,) = watcher.check()
    assert result.new == 1 and store.counts().total == 2

    first.write_text("Siemens wins a bigger rail order in Spain\n\nSiemens AG won an order worth EUR 2 billion.\n")
    os.utime(first, ns=(time.time_ns(), time.time_ns() + 10**9))
    (result,) = watcher.check()
    assert result.new == 0  # updated in place, not a second article
    titles = {a.title for a in store.articles()}
    assert titles == {"Siemens wins a bigger rail order in Spain", "Tesla delivers more cars than expected"}

    first.unlink()
    assert watcher.check() == []
    assert store.counts().total == 2


def test_seed_watcher_watches_what_scan_reads_and_ends_on_symlink_loops(tmp_path, store):
    """Two links back to the folder itself made the old stat walk descend 2**40 paths."""
    from tui_reader.sources.poll import SeedWatcher

    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "a.txt").write_text("Siemens wins a rail order in Spain\n\nSiemens AG won an order worth EUR 1.2 billion.\n")
    (folder / "up").symlink_to(folder, target_is_directory=True)
    (folder / "again").symlink_to(folder, target_is_directory=True)
    watcher = SeedWatcher([folder], store)
    (result,) = watcher.check()
    assert (result.status, result.new, result.skipped) == ("new", 1, [])
    (folder / "README.md").write_text("Notes about these files.\n")
    assert watcher.check() == []  # documentation is not an article: no re-read, no skip line
    assert store.counts().total == 1


def test_missing_seed_folder_is_an_error_line(tmp_path, store):
    from tui_reader.sources.poll import poll_all

    (result,) = poll_all([], [tmp_path / "nowhere"], store)
    assert result.status == "error" and "no such" in result.error


def test_a_plain_http_poll_never_builds_the_verifying_tls_transport(http, store, monkeypatch):
    """Loading the CA bundle is the costliest step of a 304-only re-poll; http feeds skip it."""
    import httpx

    # Without proxies (tests/conftest.py sets them to keep tests off the internet): with
    # one, httpx builds a transport per proxy variable, which is not what this measures.
    for name in ("HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "https_proxy", "http_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)

    built = []
    real = httpx.AsyncHTTPTransport.__init__

    def spy(self, *args, **kwargs):
        built.append(kwargs.get("verify", True))
        real(self, *args, **kwargs)

    monkeypatch.setattr(httpx.AsyncHTTPTransport, "__init__", spy)
    http.expect_request("/plain").respond_with_data(RSS, content_type="application/rss+xml")
    result = poll([FeedSource(http.url_for("/plain"))], store)[http.url_for("/plain")]
    assert result.status == "new", result.error
    assert built == [False]


def test_parser_processes_that_cannot_start_mean_parsing_here_not_a_lost_poll(http, store, monkeypatch):
    """Seen under Textual's Pilot: a forkserver refuses to start when stdio is not a real
    file ("bad value(s) in fds_to_keep"), which used to fail the whole poll."""
    from tui_reader.sources import feeds

    def refuse(workers: int, store_path: str):
        raise ValueError("bad value(s) in fds_to_keep")

    monkeypatch.setattr(feeds, "process_pool", refuse)
    http.expect_request("/f").respond_with_data(RSS, content_type="application/rss+xml")
    result = poll([FeedSource(http.url_for("/f"))], store, parse_workers=2)[http.url_for("/f")]
    assert result.status == "new" and result.new > 0, result.error
    assert store.counts().total == result.new


def test_a_wait_that_reaches_into_another_day_names_the_date():
    from tui_reader.sources.feeds import _deferred
    from tui_reader.store import SourceState

    later = datetime.now(UTC) + timedelta(days=1, hours=1)
    result = _deferred(FeedSource("https://a.example/f"), SourceState("https://a.example/f", "feed", next_poll=later))
    assert later.astimezone().strftime("%Y-%m-%d %H:%M:%S") in result.error
    soon = datetime.now(UTC).replace(microsecond=0)
    result = _deferred(FeedSource("https://a.example/f"), SourceState("https://a.example/f", "feed", next_poll=soon))
    local = soon.astimezone()
    expected = local.strftime("%H:%M:%S" if local.date() == datetime.now().astimezone().date() else "%Y-%m-%d %H:%M:%S")
    assert result.error.endswith(f"wait until {expected}")


# --- declared instruments (issue 9) ---------------------------------------------------


def test_configured_instruments_reach_the_parser_processes_and_file_every_item(http, store):
    http.expect_request("/sym").respond_with_data(generated_rss(7, 3))
    url = http.url_for("/sym")
    results = poll([FeedSource(url, instruments=("AAPL", "DE0007164600"))], store, parse_workers=2)
    assert results[url].status == "new"
    assert len(store.articles(ticker="AAPL")) == 3  # completed through the directory
    assert len(store.articles(isin="DE0007164600")) == 3
    assert store.articles(ticker="MSFT") == []


def test_symbol_tags_file_items_under_their_tickers(http, store):
    http.expect_request("/tags").respond_with_data((DATA / "symbol_feed.xml").read_bytes())
    url = http.url_for("/tags")
    poll([FeedSource(url)], store)
    assert [a.title for a in store.articles(ticker="AAPL")] == ["Handset maker lifts its services target again"]
    assert [a.title for a in store.articles(ticker="NVDA")] == ["Three stocks that rallied into the close"]


def test_feed_source_from_config_carries_instruments(tmp_path):
    from tui_reader.config import parse_config

    text = '[[feeds]]\nurl = "https://example.com/a"\ninstruments = ["aapl", "DE0007164600"]\n'
    config = parse_config(text, tmp_path / "config.toml")
    source = FeedSource.from_config(config.feeds[0], 15)
    assert source == FeedSource("https://example.com/a", None, 15, ("AAPL", "DE0007164600"))


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ('"AAPL"', "expected a list"),
        ('["AAPL", 5]', "expected a list of strings"),
        ('["DE0007164601"]', "not a valid ISIN"),
        ('["Apple Inc."]', "expected tickers or ISINs"),
    ],
)
def test_bad_feed_instruments_name_the_line(tmp_path, value, message):
    from tui_reader.config import ConfigError, parse_config

    text = f'interval = 5\n\n[[feeds]]\nurl = "https://example.com/a"\n\n[[feeds]]\nurl = "https://example.com/b"\ninstruments = {value}\n'
    with pytest.raises(ConfigError, match=rf"config.toml:8: feeds\[1\]\.instruments: .*{message}"):
        parse_config(text, tmp_path / "config.toml")


def test_the_commented_default_config_documents_instruments(tmp_path):
    from tui_reader.config import DEFAULT_CONFIG, parse_config

    assert "# instruments = [" in DEFAULT_CONFIG
    uncommented = DEFAULT_CONFIG.replace("# [[feeds]]", "[[feeds]]").replace("# url =", "url =")
    uncommented = uncommented.replace("# instruments =", "instruments =")
    assert parse_config(uncommented, tmp_path / "c.toml").feeds[0].instruments == ["AAPL", "DE0007164600"]
