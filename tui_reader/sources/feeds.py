"""One poll of a set of feeds: fetch concurrently, parse in parallel, store as they land.

The event loop only does network I/O. Parsing and ingestion run in a process pool
(one worker per core, `pool.py`) that is started only once a feed actually sent a
body, so a re-poll where every server answers 304 never imports feedparser or forks
anything. Workers send back stage-1 rows (`ingest/steps.py`: instruments, no figures
yet), which `ingest/writer.py` writes several feeds to a transaction; each feed's
articles and its new polling state (ETag, Last-Modified, back-off) are always in the
same transaction, so a failed write can never leave an ETag that hides items we did
not store, and one feed that cannot be written is that feed's error line only. Once
every feed is listed, stage 2 (key figures, and re-extraction of what an older
extractor filed) runs on the same workers before the poll returns. The worker's side
of the poll is `feed_worker.py`.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Callable, Sequence
from concurrent.futures import BrokenExecutor, Executor, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Literal, TypeVar
from urllib.parse import urlsplit

from tui_reader.config_default import DEFAULT_INTERVAL_MINUTES
from tui_reader.ingest.writer import BatchWriter
from tui_reader.model import Skipped
from tui_reader.sources.feed_worker import ParseFailed, parse_job, ready
from tui_reader.sources.fetching import Fetched, FetchLimits, fetch, make_client
from tui_reader.sources.pool import cores, process_pool

log = logging.getLogger(__name__)
_T = TypeVar("_T")

if TYPE_CHECKING:
    import httpx

    from tui_reader.config import FeedConfig
    from tui_reader.store import PollOutcome, Prepared, SourceState, Store

MAX_BACKOFF = timedelta(hours=6)
MAX_RETRY_AFTER = timedelta(hours=24)
"""A server asking for more than a day is ignored beyond that: the feed is not abandoned."""
_RETRY_AFTER_NOTE = "retry after"
"""Marks an error whose next poll the server chose; `fetch` respects that window."""


@dataclass(frozen=True, slots=True)
class FeedSource:
    url: str
    title: str | None = None
    """The configured name; articles carry it as their source."""
    interval_minutes: int = DEFAULT_INTERVAL_MINUTES
    instruments: tuple[str, ...] = ()
    """Tickers and ISINs the feed is about (config `instruments`): declared for every item."""
    user_agent: str | None = None
    """Instead of the default User-Agent: SEC feeds name the config's contact."""

    @classmethod
    def from_config(cls, feed: FeedConfig, default_interval: int) -> FeedSource:
        """A configured `[[feeds]]` table, its interval defaulting to the config's."""
        return cls(feed.url, feed.title, feed.interval_minutes or default_interval, tuple(feed.instruments),
                   feed.user_agent)


@dataclass(frozen=True, slots=True)
class SourceResult:
    """How one source's poll went: one line of `fetch` output, one UI message."""

    key: str
    """Feed URL, or ``seeds:<folder>``."""
    title: str
    new: int
    status: Literal["new", "unchanged", "error"]
    error: str | None = None
    elapsed: float = 0.0
    skipped: list[Skipped] = field(default_factory=list)
    """Seed files that are not articles (shown, not fatal)."""

    @property
    def read(self) -> bool:
        """The source answered usefully (with or without anything new)."""
        return self.status != "error"


OnResult = Callable[[SourceResult], None]
OnListed = Callable[[], None]
"""Called once every feed's stage 1 is stored (listed, filed, searchable), before stage 2."""


# --- scheduling -----------------------------------------------------------------------


def next_poll_after(
    now: datetime, interval_minutes: int, failures: int, retry_after: float | None = None, rng: random.Random | None = None
) -> datetime:
    """When to poll again: the interval after success; after failures the interval doubled
    per failure up to six hours, ±10 % jitter so feeds that failed together spread out;
    a server's Retry-After wins."""
    if retry_after is not None:
        return now + min(timedelta(seconds=retry_after), MAX_RETRY_AFTER)
    interval = timedelta(minutes=interval_minutes)
    if failures == 0:
        return now + interval
    delay = min(interval * (2 ** min(failures, 20)), MAX_BACKOFF)
    return now + delay * (rng or random).uniform(0.9, 1.1)


def is_due(state: SourceState | None, now: datetime) -> bool:
    """The UI's background poll: only feeds whose next poll has come."""
    return state is None or state.next_poll is None or state.next_poll <= now


def in_retry_window(state: SourceState | None, now: datetime) -> bool:
    """`fetch` polls everything now (it is an explicit request) except feeds whose server
    asked us to stay away until later."""
    return (
        state is not None
        and state.next_poll is not None
        and state.next_poll > now
        and _RETRY_AFTER_NOTE in (state.last_error or "")
    )


# --- the poll -------------------------------------------------------------------------


async def poll_feeds(
    feeds: Sequence[FeedSource],
    store: Store,
    on_result: OnResult | None = None,
    *,
    honour_schedule: bool = False,
    limits: FetchLimits = FetchLimits(),
    parse_workers: int | None = None,
    on_listed: OnListed | None = None,
) -> list[SourceResult]:
    """Poll `feeds` once and store what they bring: stage 1 per feed as it lands
    (`on_result`), then, once all are listed (`on_listed`), stage 2 for every stored
    article still pending, on the same workers.

    `honour_schedule=False` (the `fetch` command) polls every feed except those inside a
    server's Retry-After window, which get an error line saying until when;
    `True` (the UI's background poll) skips every feed that is not due.
    `parse_workers=0` parses in a thread instead of processes (tests, tiny polls).
    """
    now = datetime.now(UTC)
    states = {state.key: state for state in store.source_states()}
    poller = _Poller(store, on_result, limits, parse_workers)
    deferred: list[SourceResult] = []
    jobs = []
    for feed in {f.url: f for f in feeds}.values():
        state = states.get(feed.url)
        if honour_schedule and not is_due(state, now):
            continue
        if not honour_schedule and state is not None and in_retry_window(state, now):
            deferred.append(poller.report(_deferred(feed, state)))
            continue
        jobs.append(feed)
    if not jobs:
        return deferred
    poller.writer.expected = len(jobs)
    if any(not _has_validators(states.get(f.url)) for f in jobs):
        poller.start_parsers()  # a body is certain: start the workers while the downloads run
    try:
        async with make_client(limits) as client:
            polled = await asyncio.gather(*(poller.poll_one(client, f, states.get(f.url)) for f in jobs))
        if on_listed is not None:
            on_listed()
        if any(result.new for result in polled):
            await poller.complete()
    finally:
        poller.close()
    return deferred + list(polled)


def _has_validators(state: SourceState | None) -> bool:
    return state is not None and bool(state.etag or state.last_modified)


def _deferred(feed: FeedSource, state: SourceState) -> SourceResult:
    local = "later"
    if state.next_poll is not None:
        # A Retry-After can reach into tomorrow: then the time alone would mislead.
        when = state.next_poll.astimezone()
        local = when.strftime("%H:%M:%S" if when.date() == datetime.now().astimezone().date() else "%Y-%m-%d %H:%M:%S")
    return SourceResult(feed.url, feed.title or feed.url, 0, "error", f"not polled: the server asked us to wait until {local}")


class _Poller:
    """The state one poll shares between its feeds: pools, the writer, the results."""

    def __init__(self, store: Store, on_result: OnResult | None, limits: FetchLimits, parse_workers: int | None) -> None:
        self.store = store
        self.on_result = on_result
        self.limits = limits
        self.workers = cores() if parse_workers is None else parse_workers
        self.semaphore = asyncio.Semaphore(limits.concurrency)
        self.hosts: dict[str, asyncio.Semaphore] = {}
        self.writer = BatchWriter(store)
        self.parser: Executor | None = None
        self.starting: asyncio.Future[None] | None = None
        """The workers being started in a thread (`start_parsers`)."""

    def report(self, result: SourceResult) -> SourceResult:
        if self.on_result is not None:
            self.on_result(result)
        return result

    def close(self) -> None:
        self.writer.close()
        if self.parser is not None:
            self.parser.shutdown(wait=True, cancel_futures=True)

    def start_parsers(self) -> None:
        """Start every worker now, while the parent still waits for responses, not when
        the first feed arrives. In a thread: a worker's start waits for the forkserver
        to import the parsers and build the extractor's tables (`pool.py`), and the
        loop meanwhile keeps downloading."""
        if self.workers == 0:
            return
        executor = self._parse_executor()

        def start_all() -> None:
            for _ in range(self.workers):
                executor.submit(ready)

        self.starting = asyncio.get_running_loop().run_in_executor(None, start_all)

    async def _run(self, fn: Callable[..., _T], *args: object) -> _T:
        """`fn(*args)` in the parser pool, submitted from a thread: submitting may start
        a worker, which waits for the forkserver (see `start_parsers`)."""
        if self.starting is not None:
            await asyncio.shield(self.starting)
        executor = self._parse_executor()
        loop = asyncio.get_running_loop()
        if self.workers == 0:
            return await loop.run_in_executor(executor, fn, *args)
        return await asyncio.wrap_future(await loop.run_in_executor(None, executor.submit, fn, *args))

    async def complete(self) -> None:
        """Stage 2 on the parser workers: key figures for the articles this poll listed
        (and any still pending from an earlier run, and re-extraction after an upgrade),
        newest first, a batch per transaction (`upkeep.reextract_pending`)."""
        from tui_reader.sources.upkeep import reextract_pending

        if self.starting is not None:
            await asyncio.shield(self.starting)
        executor = self._parse_executor() if self.workers else None
        await asyncio.get_running_loop().run_in_executor(
            None, lambda: reextract_pending(self.store, executor=executor)
        )

    def _parse_executor(self) -> Executor:
        if self.parser is None:
            if self.workers:
                try:
                    self.parser = process_pool(self.workers, str(self.store.path))
                except (OSError, ValueError) as exc:
                    # No worker processes to be had (process limits, or stdio that is not a
                    # real file, as under some embedders and test runners): parse here, slower
                    # but complete, rather than lose the poll.
                    log.warning("parsing in-process: cannot start parser processes (%s)", exc)
                    self.workers = 0
            if self.parser is None:
                self.parser = ThreadPoolExecutor(1, thread_name_prefix="tui-reader-parse")
        return self.parser

    async def poll_one(self, client: httpx.AsyncClient, feed: FeedSource, state: SourceState | None) -> SourceResult:
        started = time.perf_counter()
        host = urlsplit(feed.url).hostname or ""
        host_slots = self.hosts.setdefault(host, asyncio.Semaphore(self.limits.per_host))
        async with host_slots, self.semaphore:
            fetched = await fetch(
                client,
                feed.url,
                etag=state.etag if state else None,
                last_modified=state.last_modified if state else None,
                limits=self.limits,
                user_agent=feed.user_agent,
            )
        title = feed.title or (state.title if state else None)
        items: list[Prepared] = []
        error = fetched.error
        if fetched.status == "ok":
            try:
                feed_title, items = await self._run(
                    parse_job, fetched.body, fetched.headers, fetched.url, feed.title, feed.url, feed.instruments
                )
            except ParseFailed as exc:
                error = str(exc)
            except BrokenExecutor:
                error = "the parser process died (out of memory?)"
            except Exception as exc:  # noqa: BLE001 - a bug in parsing or extraction: this feed's error line, not a crash of the poll
                error = f"internal error while reading this feed: {type(exc).__name__}: {exc}"
            else:
                title = title or feed_title
        elif fetched.status == "not_modified":
            fetched.etag = fetched.etag or (state.etag if state else None)
            fetched.last_modified = fetched.last_modified or (state.last_modified if state else None)
        if error and fetched.retry_after is not None:
            error = f"{error} ({_RETRY_AFTER_NOTE} {fetched.retry_after:.0f} s)"
        failures = (state.failures + 1 if state else 1) if error else 0
        when = next_poll_after(datetime.now(UTC), feed.interval_minutes, failures, fetched.retry_after)
        new, unstored = await self.writer.save(_outcome(feed.url, items, fetched, error, when, failures, title))
        error = error or unstored
        status: Literal["new", "unchanged", "error"] = "error" if error else ("new" if new else "unchanged")
        return self.report(SourceResult(feed.url, title or feed.url, new, status, error, time.perf_counter() - started))


def _outcome(
    key: str, items: list[Prepared], fetched: Fetched, error: str | None, when: datetime, failures: int, title: str | None
) -> PollOutcome:
    from tui_reader.store import PollOutcome

    return PollOutcome(key, items, fetched.etag, fetched.last_modified, error, when, failures, title)
