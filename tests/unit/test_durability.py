"""A `fetch` killed with SIGKILL mid-poll leaves a sound store: whole feeds or nothing."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tui_reader.store import Store

FEEDS = 40
ITEMS = 50


def feed_xml(feed: int) -> bytes:
    items = "".join(
        f"<item><title>Feed {feed} item {i}: results beat the estimates</title>"
        f"<link>https://f{feed}.example.com/{i}</link><guid>https://f{feed}.example.com/{i}</guid>"
        f"<description>Revenue for item {i} of feed {feed} rose {i % 9 + 1}% to ${i + 1}.{feed} billion.</description></item>"
        for i in range(ITEMS)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>F{feed}</title>{items}</channel></rss>'.encode()


def _children_of(parent: int) -> set[int]:
    """Every process below `parent` (forkserver and its parser workers), from /proc."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = set(), {parent}
    while frontier:
        frontier = {pid for pid, ppid in parents.items() if ppid in frontier} - found
        found |= frontier
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_sigkill_during_fetch_keeps_the_store_sound(tmp_path: Path):
    documents = {f"/f{n}": feed_xml(n) for n in range(FEEDS)}

    def slow(request: Request) -> Response:
        time.sleep(0.02 * (int(request.path[2:]) % 10))  # feeds finish at different times
        return Response(documents[request.path], content_type="application/rss+xml")

    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    try:
        for path in documents:
            server.expect_request(path).respond_with_handler(slow)
        urls = [server.url_for(p) for p in documents]
        db = tmp_path / "articles.sqlite3"
        env = {**os.environ, "TUI_READER_HOME": str(tmp_path / "home")}
        args = [sys.executable, "-m", "tui_reader", "fetch", "--db", str(db)]
        for url in urls:
            args += ["--feed", url]

        process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        assert process.stdout is not None
        reported: dict[str, int] = {}
        while len(reported) < 3:
            line = process.stdout.readline()
            assert line, process.stderr.read() if process.stderr else "fetch ended early"
            url, _, outcome = line.partition("  ")
            assert outcome.strip().startswith("new"), line
            reported[url.strip()] = int(outcome.split()[-1])
        workers = _children_of(process.pid)
        assert workers, "the parse pool should be running by now"
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
        assert process.returncode == -signal.SIGKILL

        with sqlite3.connect(db) as raw:
            assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        with Store.open(db) as store:
            counts = {s.key: s.article_count for s in store.source_states()}
            for url in reported:  # what fetch said it stored is there, whole
                assert counts[url] == ITEMS == reported[url]
            assert set(counts.values()) <= {0, ITEMS}, "a feed was stored only in part"
            stored_before = store.counts().total
            assert stored_before == sum(counts.values())

        finish = subprocess.run(args, capture_output=True, text=True, env=env, timeout=120)
        assert finish.returncode == 0, finish.stderr
        with Store.open(db) as store:
            assert store.counts().total == FEEDS * ITEMS  # nothing missing, nothing doubled
            assert {s.article_count for s in store.source_states()} == {ITEMS}
        deadline = time.monotonic() + 5
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not [pid for pid in workers if _alive(pid)], "parser processes outlived the killed fetch"
    finally:
        server.clear()
        server.stop()


def test_sigkill_during_re_extraction_leaves_whole_batches_and_the_next_fetch_finishes(tmp_path: Path):
    """Articles an older extractor filed are re-filed a batch per transaction: killed
    mid-way, every article is either wholly old or wholly new, the counters equal a
    recount, and the next fetch re-extracts exactly the rest. Enough articles that fetch
    uses its worker processes (`upkeep.POOL_FROM`), which must not outlive it either."""
    from tui_reader.extract import EXTRACTOR_VERSION
    from tui_reader.model import Article, Instrument
    from tui_reader.sources.upkeep import POOL_FROM

    count = POOL_FROM + 1000
    old = Instrument(None, "OLDX", "Old Extractor Corp", primary=True)
    db = tmp_path / "articles.sqlite3"
    with Store.open(db) as store:
        store.upsert_articles("https://wire.example/rss", [
            Article(id=f"a{n}", source="Wire", title=f"Apple and Siemens, story {n}",
                    body=f"Apple (NASDAQ: AAPL) rose {n % 9 + 1}% while Siemens AG won an order worth EUR {n} million.",
                    instruments=[old])
            for n in range(count)
        ])
    with sqlite3.connect(db) as raw:
        raw.execute("UPDATE articles SET extractor = 0")

    env = {**os.environ, "TUI_READER_HOME": str(tmp_path / "home")}
    args = [sys.executable, "-m", "tui_reader", "fetch", "--offline", "--db", str(db)]
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    watcher = sqlite3.connect(db, timeout=10)
    done = 0
    deadline = time.monotonic() + 60
    while done < 400 and time.monotonic() < deadline:
        assert process.poll() is None, f"fetch finished before it could be killed: {process.communicate()}"
        done = watcher.execute("SELECT count(*) FROM articles WHERE extractor = ?", (EXTRACTOR_VERSION,)).fetchone()[0]
        time.sleep(0.005)
    workers = _children_of(process.pid)
    assert workers, "the re-extraction should run in worker processes"
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=10)
    watcher.close()
    deadline = time.monotonic() + 5
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [pid for pid in workers if _alive(pid)], "re-extraction processes outlived the killed fetch"

    with sqlite3.connect(db) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        mixed = raw.execute(
            "SELECT a.extractor, i.key = 'OLDX', count(DISTINCT a.id) FROM articles a "
            "JOIN article_instruments i ON i.article_id = a.id GROUP BY 1, 2 ORDER BY 1, 2"
        ).fetchall()
        left = raw.execute("SELECT count(*) FROM articles WHERE extractor = 0").fetchone()[0]
        kept = raw.execute("SELECT key, total, unread FROM instrument_stats ORDER BY key").fetchall()
        recount = raw.execute(
            "SELECT i.key, count(*), sum(a.read = 0) FROM article_instruments i "
            "JOIN articles a ON a.id = i.article_id GROUP BY i.key ORDER BY i.key"
        ).fetchall()
    assert 0 < left < count, "the kill should have come mid-way"
    assert (0, 1, left) in mixed and not [row for row in mixed if row[0] == 0 and row[1] == 0]
    assert not [row for row in mixed if row[0] == EXTRACTOR_VERSION and row[1] == 1], "a re-filed article kept its old row"
    assert kept == recount

    finish = subprocess.run(args, capture_output=True, text=True, env=env, timeout=120)
    assert finish.returncode == 0, finish.stderr
    assert f"; re-extracted {left:,} stored articles;" in finish.stdout.splitlines()[-1]
    with Store.open(db) as store:
        assert store.count_stale(EXTRACTOR_VERSION) == 0
        assert "OLDX" not in {i.key for i in store.instruments()}
        assert {s.id for s in store.articles(ticker="AAPL", limit=count)} >= {f"a{n}" for n in range(count)}
