"""Work on articles already stored: stage 2 of ingestion (key figures), re-extraction
after an upgrade, tickers found later.

Stage 2 and re-extraction are one loop (`reextract_pending`): every row another
extractor version filed, stage 1's pending rows included (`ingest/steps.py`), newest
first. A feed poll runs it on its parser workers once its feeds are listed; `fetch`
runs it after the poll (for seed folders and anything left); the app runs it in slices
beside its seed scans (`SeedWatcher.check`) and runs the online part after each feed
poll, always in worker threads. Every step commits whole batches, so stopping at any
moment (a budget, a quit, a SIGKILL) loses nothing and the next run carries on.
"""

from __future__ import annotations

import logging
import threading
import time
import weakref
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import BrokenExecutor, Executor, Future
from typing import TYPE_CHECKING

from tui_reader.sources.registrants import refresh_registrants

if TYPE_CHECKING:
    from tui_reader.prices.service import PriceService
    from tui_reader.store import Prepared, StaleArticle, Store

log = logging.getLogger(__name__)

REFILE_BATCH = 200
"""Articles per transaction: ~0.1 s of extraction, so a slice stops soon after its budget."""
POOL_FROM = 6_000
"""Stale articles from which worker processes pay (benchmarks/refile_bench.py, 2 cores):
they start in about a second and then go 1.75x as fast as this process alone, so they
lose on 4,200 articles (2.8 s against 2.2 s) and win on 14,000 (4.6 s against 8.1 s)."""
IN_FLIGHT = 8
"""Batches read at once when worker processes extract them: enough to keep every core
busy while this process writes the finished ones."""
LOOKUPS_PER_RUN = 20
"""ISIN searches per run: enough to keep up with news, few enough never to look like a scraper."""


def reextract_pending(
    store: Store,
    *,
    budget: float | None = None,
    batch: int = REFILE_BATCH,
    on_batch: Callable[[int], None] | None = None,
    executor: Executor | None = None,
) -> int:
    """Complete every stale article (figures pending, or filed by another extractor
    version), newest first, a batch per transaction, until none is left or `budget`
    seconds have passed; returns how many. `on_batch` hears the running count after
    each batch (fetch's progress bar). With an `executor` (`refile_pool`, a poll's
    parser pool), batches are extracted in its processes while this one writes the
    finished ones, in order. The caller has let this process's directory learn first
    (`registrants.teach_directory`); pool workers learn at start."""
    from tui_reader.extract import EXTRACTOR_VERSION

    started = time.monotonic()
    done = 0
    while True:
        try:
            batches = _pooled_batches(store, batch, executor) if executor else _batches(store, batch)
            if batches is None:
                return done
            for items in batches:
                done += store.save_refiled(items, EXTRACTOR_VERSION)
                if on_batch is not None:
                    on_batch(done)
                if budget is not None and time.monotonic() - started >= budget:
                    return done
        except (OSError, ValueError, BrokenExecutor) as exc:
            if executor is None:
                raise
            # Processes that cannot start (or died): what was written stays, the rest here.
            log.warning("re-extracting in-process: worker processes failed (%s)", exc)
            executor = None


Batch = list[tuple["StaleArticle", "Prepared"]]


def _batches(store: Store, batch: int) -> Iterator[Batch] | None:
    """One batch, read and extracted in this process; None when nothing is stale."""
    from tui_reader.extract import EXTRACTOR_VERSION
    from tui_reader.ingest.steps import complete_batch

    stale = store.stale_articles(EXTRACTOR_VERSION, batch)
    if not stale:
        return None
    return iter([list(zip(stale, complete_batch(stale), strict=True))])


def _pooled_batches(store: Store, batch: int, executor: Executor) -> Iterator[Batch] | None:
    """`IN_FLIGHT` batches extracted in the executor's processes, each reading its rows
    from the store by id (`complete_stored`), handed back in order; None when nothing
    is stale. Only the stored hash comes back with each row: that is all `save_refiled`
    checks of the stale row."""
    from tui_reader.ingest.steps import complete_stored
    from tui_reader.ingest.stored import stale_ids

    ids = stale_ids(store, batch * IN_FLIGHT)
    if not ids:
        return None
    path = str(store.path)
    return _finished(deque(executor.submit(complete_stored, path, ids[i : i + batch]) for i in range(0, len(ids), batch)))


def _finished(running: deque[Future[list[tuple[str, Prepared]]]]) -> Iterator[Batch]:
    """The batches in order, each joined by those after it that are already done: one
    transaction for what the workers finished while the last one was written. Each
    commit writes every index page the batch touched, so two batches of a poll's stage 2
    in one transaction cost less than in two (and the store is as durable: a kill loses
    at most the transaction in progress, whose rows stay stale and are done again)."""
    from tui_reader.model import Article
    from tui_reader.store import StaleArticle

    while running:
        done = running.popleft().result()
        while running and running[0].done():
            done += running.popleft().result()
        yield [(StaleArticle(Article(id=item.id, source="", title="", body=""), item.sort_ts, read), item)
               for read, item in done]


def reextract_all(store: Store, on_batch: Callable[[int], None] | None = None) -> int:
    """fetch's call: every stale article, in worker processes when there are enough to
    repay starting them (`POOL_FROM`); returns how many were re-extracted."""
    from tui_reader.extract import EXTRACTOR_VERSION

    pool = refile_pool(store) if store.count_stale(EXTRACTOR_VERSION) >= POOL_FROM else None
    try:
        return reextract_pending(store, on_batch=on_batch, executor=pool)
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def refile_pool(store: Store) -> Executor | None:
    """Worker processes for a large re-extraction (fetch after an upgrade), the feed
    parsers' kind (`pool.py`). None on a single core, where they would only add the
    cost of shipping articles back and forth."""
    from tui_reader.sources.pool import cores, process_pool

    workers = cores()
    return process_pool(workers, str(store.path)) if workers >= 2 else None


def fill_tickers(store: Store, *, online: bool, service: PriceService | None = None, limit: int = LOOKUPS_PER_RUN) -> int:
    """Online: ask Yahoo's search for up to `limit` ISINs filed without a ticker (each
    answer, found or not, is cached and never asked again), then file every ISIN-only
    instrument under the ticker found; returns how many instrument rows got one.
    Offline nothing changes. A dead network or a 429 ends the run; the service's
    back-off keeps the next runs from asking until it has passed."""
    if not online:
        return 0
    isins = store.isins_to_resolve(limit)
    if isins:
        from tui_reader.prices.service import NoPrices

        service = service or _lookup_service(store)
        for isin in isins:
            try:
                service.lookup_isin(isin)
            except NoPrices as exc:
                log.info("ISIN lookups stopped: %s", exc.reason)
                break
    return store.apply_symbols()


_services: weakref.WeakKeyDictionary[Store, PriceService] = weakref.WeakKeyDictionary()
_services_lock = threading.Lock()


def _lookup_service(store: Store) -> PriceService:
    """One service per store for the lookups, so its back-off after a 429 or a dead
    network outlasts a run: the app runs this after every feed poll."""
    from tui_reader.prices.service import PriceService

    with _services_lock:
        service = _services.get(store)
        if service is None:
            service = _services[store] = PriceService(store, [], offline=False)
        return service


def online_upkeep(store: Store, sec_contact: str | None) -> list[str]:
    """The app's call after a feed poll: refresh the SEC's list when due (the next
    poll's parser processes and the seed watcher learn it), fill tickers; returns lines
    worth logging. It teaches no directory itself: learning while another thread
    extracts could change the scanner's tables under it."""
    notes = [note] if (note := refresh_registrants(store, sec_contact)) else []
    filled = fill_tickers(store, online=True)
    if filled:
        notes.append(f"{filled} ISIN-only instruments filed under their ticker")
    for line in notes:
        log.info("%s", line)
    return notes
