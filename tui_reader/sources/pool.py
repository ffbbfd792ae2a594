"""The worker processes that parse feeds and extract articles (both stages of ingestion).

Workers come from a forkserver, not a plain fork: the UI polls from a thread, and
forking a threaded process can copy a held lock into the child. The server imports
what the workers run once and builds the extractor's tables (`feed_warm`) before it
forks, so each worker starts warm: feedparser and the instrument directory included
(once there instead of once per worker), `feeds.py` not (its asyncio is ~40 ms of
imports the workers never use). Starting a worker waits for that server, so callers
on an event loop start the pool from a thread (`feeds._Poller.start_parsers`).
"""

from __future__ import annotations

import os
from concurrent.futures import Executor

PRELOAD = [
    "tui_reader.sources.feed_worker", "tui_reader.sources.feedparse", "feedparser",
    "tui_reader.store.prepared", "tui_reader.ingest.steps", "tui_reader.extract.boilerplate",
    "tui_reader.extract.figures", "tui_reader.extract.instruments", "tui_reader.sources.registrants",
    "tui_reader.sources.feed_warm",
]


def cores() -> int:
    """Cores this process may run on (a container's CPU set, not the host's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def process_pool(workers: int, store_path: str) -> Executor:
    """`workers` processes; each watches this one and learns the registrants stored in
    `store_path` (`feed_worker.start`)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from tui_reader.sources.feed_worker import start

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return ProcessPoolExecutor(workers, mp_context=context, initializer=start, initargs=(os.getpid(), store_path))
