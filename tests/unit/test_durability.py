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
