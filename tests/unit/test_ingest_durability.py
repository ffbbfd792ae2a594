"""Stage 2 of ingestion survives SIGKILL: a `fetch` killed while it computes key
figures leaves a sound store whose every listed article already has its instruments,
and the next `fetch` finishes the figures exactly as one pass would have."""

from __future__ import annotations

import copy
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tui_reader.extract import EXTRACTOR_VERSION, enrich
from tui_reader.ingest import PENDING
from tui_reader.store import Store, prepare

ARTICLES = 3000
COMPANIES = [("Siemens AG", "XETRA: SIE"), ("Apple", "NASDAQ: AAPL"), ("Alibaba Group", "NYSE: BABA")]


def _seed_folder(folder: Path) -> None:
    """One JSON seed holding many short articles, each naming a listing and some figures."""
    folder.mkdir()
    items = []
    for n in range(ARTICLES):
        name, listing = COMPANIES[n % len(COMPANIES)]
        items.append({
            "title": f"{name} update number {n}",
            "body": f"{name} ({listing}) reported revenue of {n % 90 + 10}.{n % 10} billion dollars, up {n % 30 + 1}% "
                    f"from a year earlier. Shares rose {n % 7 + 1}.5% on March {n % 27 + 1}, 2026.",
            "published": f"2026-03-{n % 27 + 1:02d}T{n % 24:02d}:{n % 60:02d}:00+00:00",
            "source": "Notes",
        })
    (folder / "many.json").write_text(json.dumps(items))


def _fetch(db: Path, seeds: Path) -> list[str]:
    return [sys.executable, "-m", "tui_reader", "fetch", "--offline", "--seeds", str(seeds), "--db", str(db)]


def test_sigkill_during_stage_two_and_the_next_fetch_finishes_the_figures(tmp_path: Path):
    seeds, db = tmp_path / "seeds", tmp_path / "articles.sqlite3"
    _seed_folder(seeds)
    (tmp_path / "home" / "config").mkdir(parents=True)
    (tmp_path / "home" / "config" / "config.toml").write_text("bundled_seeds = false\n")
    env = {**os.environ, "TUI_READER_HOME": str(tmp_path / "home")}
    args = _fetch(db, seeds)
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    done = 0
    deadline = time.monotonic() + 120
    while done < 300 and time.monotonic() < deadline:
        assert process.poll() is None, f"fetch finished before it could be killed: {process.communicate()}"
        time.sleep(0.005)
        if not db.exists():
            continue
        try:
            with sqlite3.connect(db, timeout=10) as watcher:
                done = watcher.execute(
                    "SELECT count(*) FROM articles WHERE extractor = ?", (EXTRACTOR_VERSION,)
                ).fetchone()[0]
        except sqlite3.OperationalError:  # the schema is being created
            continue
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=10)

    with sqlite3.connect(db) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        pending = raw.execute("SELECT count(*) FROM articles WHERE extractor = ?", (PENDING,)).fetchone()[0]
        total = raw.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert total == ARTICLES  # stage 1 stored the folder whole before stage 2 began
        assert 0 < pending < ARTICLES, "the kill should have come during stage 2"
        # Nothing half-written: a pending row has no figure yet, a complete one all of its own.
        assert raw.execute(
            "SELECT count(*) FROM article_figures f JOIN articles a ON a.n = f.article_n WHERE a.extractor = ?",
            (PENDING,),
        ).fetchone()[0] == 0
        assert raw.execute("SELECT count(*) FROM articles WHERE extractor = ? AND figures = '[]'", (EXTRACTOR_VERSION,)).fetchone() == (0,)
        # Newest first: every complete article is newer than every pending one.
        newest_pending, oldest_done = raw.execute(
            "SELECT (SELECT max(sort_ts) FROM articles WHERE extractor = ?), "
            "(SELECT min(sort_ts) FROM articles WHERE extractor = ?)", (PENDING, EXTRACTOR_VERSION)
        ).fetchone()
        assert newest_pending <= oldest_done

    # `list` shows every article with its instruments, figures or not.
    listed = subprocess.run([sys.executable, "-m", "tui_reader", "list", "--db", str(db), "--json", "--limit", str(ARTICLES)],
                            capture_output=True, text=True, env=env, timeout=60)
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert len(rows) == ARTICLES and all(row["instruments"] for row in rows)

    finish = subprocess.run(args, capture_output=True, text=True, env=env, timeout=120)
    assert finish.returncode == 0, finish.stderr
    assert finish.stdout.splitlines()[-1].startswith("polled 1 source: 0 new, 0 errors; listed in ")
    with Store.open(db) as store:
        assert store.count_stale(EXTRACTOR_VERSION) == 0
        stored = dict(store._db.execute("SELECT id, figures FROM articles").fetchall())
        sample = store.stale_articles(-7, 50)  # any 50 rows (none is of version -7), as extraction reads them
    for stale in sample:
        one_pass = prepare(enrich(copy.deepcopy(stale.article)), stale.sort_ts)
        assert stored[stale.article.id] == one_pass.figures != "[]"
