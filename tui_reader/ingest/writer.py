"""The write step: stage-1 rows into the store, several sources to a transaction, and
one source's failure kept its own.

A source whose rows cannot be written (a constraint, a row SQLite refuses, a full
disk) must not take the rest of its transaction down with it, nor the poll: its batch
is written again without it, and it gets an error line, its articles left for the
next poll (its validators are not stored, so that poll downloads them again).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui_reader.store import PollOutcome, Prepared, Store

log = logging.getLogger(__name__)

BATCH_ARTICLES = 500
"""Articles worth a transaction of their own (about ten feeds)."""
BATCH_WAIT = 0.2
"""Seconds a finished feed may wait for others to share its transaction."""

Saved = tuple[int, str | None]
"""(new articles, the error that kept this source's articles out of the store)"""


def _failed(outcome: PollOutcome, exc: Exception) -> PollOutcome:
    """The poll as stored when its articles cannot be: an error, no items, no validators."""
    error = f"cannot store its articles: {type(exc).__name__}: {exc}"
    log.warning("%s: %s", outcome.key, error)
    return replace(outcome, items=[], error=error, failures=outcome.failures + 1)


def save_isolated(store: Store, outcomes: Sequence[PollOutcome]) -> list[Saved]:
    """`store.save_polls(outcomes)` in one transaction when it can; otherwise one by one,
    each that fails stored as an error (`_failed`). Raises only when even that fails
    (the store itself is unusable)."""
    try:
        return [(new, None) for new in store.save_polls(outcomes)]
    except Exception as exc:  # noqa: BLE001 - which outcome failed is found below, one transaction each
        if len(outcomes) > 1:
            return [one for outcome in outcomes for one in save_isolated(store, [outcome])]
        failed = _failed(outcomes[0], exc)
        store.save_polls([failed])
        return [(0, failed.error)]


def save_articles(store: Store, key: str, items: Sequence[Prepared]) -> tuple[int, list[tuple[Prepared, str]]]:
    """A seed folder's articles: in one transaction, or, when that fails, one per
    article, so one bad article costs only itself. Returns (new, [(article, why)])."""
    from tui_reader.store import PollOutcome

    try:
        return store.save_polls([PollOutcome(key, items)])[0], []
    except Exception as exc:  # noqa: BLE001 - the folder's articles are written one by one below
        if len(items) <= 1:
            return 0, [(item, f"cannot store: {type(exc).__name__}: {exc}") for item in items]
    new = 0
    failed: list[tuple[Prepared, str]] = []
    for item in items:
        one, bad = save_articles(store, key, [item])
        new += one
        failed += bad
    return new, failed


class BatchWriter:
    """Writes polls in the order they finish, several to a transaction.

    Every transaction costs a commit and a full-text segment flush whatever its size, so
    a batch waits (up to `BATCH_WAIT`) for company: until it holds `BATCH_ARTICLES`
    articles or every poll still running has joined it. Measured on the 200-feed
    benchmark's rows: one feed per transaction 7.1 ms of SQL per 50-item feed, ten 5.5 ms.
    Batches with articles go to one writer thread (the loop keeps fetching meanwhile);
    batches of polling state only (304s, errors) are a few microseconds of SQL and run
    on the loop. A batch that fails is written again one poll at a time (`save_isolated`).
    """

    def __init__(self, store: Store, expected: int = 0) -> None:
        self.store = store
        self.expected = expected
        """Polls that will be saved in all: once they are all in, nothing waits (0: write at once)."""
        self.saved = 0
        self.pending: list[tuple[PollOutcome, asyncio.Future[Saved]]] = []
        self.oldest = 0.0
        """Loop time the oldest pending poll arrived: its wait for company counts from then,
        so a poll that came in during a write waits no longer for it."""
        self.arrived = asyncio.Event()
        self.draining: asyncio.Task[None] | None = None
        self.thread = ThreadPoolExecutor(1, thread_name_prefix="tui-reader-store")

    async def save(self, outcome: PollOutcome) -> Saved:
        """New articles, and the error when this poll's articles could not be stored.
        Raises only when the store cannot be written at all."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Saved] = loop.create_future()
        if not self.pending:
            self.oldest = loop.time()
        self.pending.append((outcome, future))
        self.saved += 1
        self.arrived.set()
        if self.draining is None or self.draining.done():
            self.draining = asyncio.create_task(self._drain())
        return await future

    async def _drain(self) -> None:
        while self.pending:
            await self._gather_company()
            batch, self.pending = self.pending, []
            await self._settle(batch)

    async def _gather_company(self) -> None:
        deadline = self.oldest + BATCH_WAIT
        while self.saved < self.expected and sum(len(o.items) for o, _ in self.pending) < BATCH_ARTICLES:
            self.arrived.clear()
            try:
                async with asyncio.timeout_at(deadline):
                    await self.arrived.wait()
            except TimeoutError:
                return

    async def _settle(self, batch: list[tuple[PollOutcome, asyncio.Future[Saved]]]) -> None:
        outcomes = [outcome for outcome, _ in batch]
        try:
            if any(outcome.items for outcome in outcomes):
                loop = asyncio.get_running_loop()
                results = await loop.run_in_executor(self.thread, save_isolated, self.store, outcomes)
            else:
                results = save_isolated(self.store, outcomes)
        except Exception as exc:  # noqa: BLE001 - the store is unusable: every waiter hears it
            for _, future in batch:
                if not future.done():
                    future.set_exception(exc)
            return
        for (_, future), result in zip(batch, results, strict=True):
            if not future.done():
                future.set_result(result)

    def close(self) -> None:
        """After a cancelled poll nothing more is written (the write in progress, if
        any, completes); unwritten feeds simply keep their old state and are polled again."""
        if self.draining is not None:
            self.draining.cancel()
        self.thread.shutdown(wait=True)
