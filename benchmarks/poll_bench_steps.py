"""Where `poll_bench.py`'s time goes: each step of a first poll and of a re-poll, measured
in the benchmark's own process on its own documents (imported by `poll_bench.py`)."""

from __future__ import annotations

import asyncio
import os
import pickle
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path


def _cpu_ms(step: Callable[[], object], repeat: int = 1) -> float:
    """CPU milliseconds per call (process time, so other load on the machine counts less)."""
    start = time.process_time()
    for _ in range(repeat):
        step()
    return (time.process_time() - start) * 1000 / repeat


def first_poll_steps(documents: list[bytes], urls: list[str], work: Path) -> list[tuple[str, float]]:
    """ms of CPU per feed for each step of a first poll, on the benchmark's own documents:
    the workers' stage 1 and stage 2 (ingest/steps.py) and the parent's SQL for each."""
    import copy

    import tui_reader.sources.feedparse as feedparse
    from tui_reader.extract import EXTRACTOR_VERSION, article_figures
    from tui_reader.extract.boilerplate import strip_boilerplate
    from tui_reader.extract.instruments import find_instruments
    from tui_reader.ingest.steps import complete_batch, file_article
    from tui_reader.sources.feed_worker import parse_job
    from tui_reader.store import PollOutcome, Store

    sample = list(zip(documents, urls, strict=True))[:20]
    headers = {"content-type": "application/rss+xml"}
    parse_job(sample[0][0], headers, sample[0][1], None, sample[0][1])  # warm: imports, directory, patterns

    def parse_all() -> list:
        return [feedparse.parse_feed(doc, headers, url) for doc, url in sample]

    parse_ms = _cpu_ms(parse_all) / len(sample)
    parsed = parse_all()
    articles = [a for feed in parsed for a in feed.articles]

    def filing() -> None:
        for article in articles:
            strip_boilerplate(article.body.split("\n\n"))
            find_instruments(article.title, article.body, article.declared)

    filing_ms = _cpu_ms(filing) / len(sample)
    now = time.time()
    rows_ms = _cpu_ms(lambda: [file_article(copy.copy(a), now, story_keys=True) for a in articles]) / len(sample)
    rows_ms = max(0.0, rows_ms - filing_ms)
    figures_ms = _cpu_ms(lambda: [article_figures(a) for a in articles]) / len(sample)
    results = [(f.title, [file_article(copy.copy(a), now, story_keys=True) for a in f.articles]) for f in parsed]
    ipc_ms = _cpu_ms(lambda: [pickle.loads(pickle.dumps(r)) for r in results]) / len(sample)

    # The store over every feed (it must not slow down as it fills), in batches of ten as a poll writes them.
    every = [(url, parse_job(doc, headers, url, None, url)) for doc, url in zip(documents, urls, strict=True)]
    with Store.open(work / "steps.sqlite3") as store:
        start = time.process_time()
        for n in range(0, len(every), 10):
            store.save_polls([PollOutcome(url, items, etag='"e"', title=title) for url, (title, items) in every[n:n + 10]])
        store_ms = (time.process_time() - start) * 1000 / len(every)
        stale = store.stale_articles(EXTRACTOR_VERSION, 1000)  # pending rows, as stage 2 reads them
        per_feed = len(articles) / len(sample) / len(stale)
        stage2_ms = max(0.0, _cpu_ms(lambda: complete_batch(stale)) * per_feed - figures_ms)
        done = complete_batch(stale)
        ids = [s.article.id for s in stale]  # what goes to a worker; (hash, row) pairs come back
        pairs = [(s.content_hash, row) for s, row in zip(stale, done, strict=True)]
        ipc2_ms = _cpu_ms(lambda: (pickle.loads(pickle.dumps(ids)), pickle.loads(pickle.dumps(pairs)))) * per_feed
        store2_ms = _cpu_ms(lambda: store.save_refiled(list(zip(stale, done, strict=True)), EXTRACTOR_VERSION)) * per_feed
    return [
        ("parse (feedparser)", parse_ms),
        ("stage 1: boilerplate + instruments", filing_ms),
        ("stage 1: prepare store rows", rows_ms),
        ("stage 1: result IPC, pickle both ways", ipc_ms),
        ("stage 1: store SQL + FTS, parent", store_ms),
        ("stage 2: key figures", figures_ms),
        ("stage 2: prepare figure rows", stage2_ms),
        ("stage 2: IPC, pickle both ways", ipc2_ms),
        ("stage 2: store SQL, parent", store2_ms),
    ]


def _wall(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=dict(os.environ))
    return time.perf_counter() - start


def repoll_steps(urls: list[str], db: Path) -> list[tuple[str, float]]:
    """ms (wall, nothing else runs) for the parts of a 304-only re-poll."""
    bare = _wall("pass")
    cli = _wall("import tui_reader.cli, tui_reader.cli.fetch, tui_reader.store, tui_reader.config")
    client = _wall("from tui_reader.sources.fetching import make_client; make_client()")
    from tui_reader.sources.fetching import fetch, make_client
    from tui_reader.store import Store

    with Store.open(db) as store:
        states = {s.key: s for s in store.source_states()}

    async def get_all() -> float:
        async with make_client() as http:
            slots = asyncio.Semaphore(4)

            async def one(url: str) -> None:
                async with slots:
                    got = await fetch(http, url, etag=states[url].etag, last_modified=states[url].last_modified)
                assert got.status == "not_modified", got

            start = time.perf_counter()
            await asyncio.gather(*(one(u) for u in urls))
            return time.perf_counter() - start

    return [
        ("python start", bare * 1000),
        ("CLI, store, config imports", (cli - bare) * 1000),
        ("HTTP client import + client", (client - bare) * 1000),
        (f"{len(urls)} conditional GETs (304)", asyncio.run(get_all()) * 1000),
    ]
