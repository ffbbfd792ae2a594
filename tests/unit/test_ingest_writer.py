"""The write step of ingestion (`ingest/writer.py`): polls batched into transactions,
one poll's failure kept its own, on real SQLite files."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from tui_reader.ingest import writer as ingest_writer
from tui_reader.store import Store


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "articles.sqlite3") as opened:
        yield opened


def state(store: Store, key: str):
    return next(s for s in store.source_states() if s.key == key)


def test_batch_writer_writes_feeds_that_finish_together_and_isolates_a_bad_one(store: Store):
    """Three polls land while no write runs: one transaction for all, and when one of
    them cannot be written the other two still are, each waiter getting its own outcome."""
    from tui_reader.model import Article
    from tui_reader.store import PollOutcome, prepare

    def outcome(key: str, title: str, body: str) -> PollOutcome:
        article = Article(id=f"{key}#1", source="S", title=title, body=body)
        return PollOutcome(key, [prepare(article, time.time())], etag=f'"{key}"')

    async def run():
        writer = ingest_writer.BatchWriter(store)
        try:
            return await asyncio.gather(
                writer.save(outcome("https://a.example/f", "Alibaba beats the estimates", "a")),
                writer.save(outcome("https://b.example/f", "Broken text in this title", "\ud800")),
                writer.save(outcome("https://c.example/f", "Siemens wins a rail order", "c")),
            )
        finally:
            writer.close()

    first, bad, third = asyncio.run(run())
    assert (first, third) == ((1, None), (1, None))
    assert bad[0] == 0 and bad[1].startswith("cannot store its articles: UnicodeEncodeError")
    states = {s.key: (s.etag, s.last_error, s.failures) for s in store.source_states()}
    assert states == {
        "https://a.example/f": ('"https://a.example/f"', None, 0),
        "https://b.example/f": (None, bad[1], 1),  # no validators: the next poll downloads it again
        "https://c.example/f": ('"https://c.example/f"', None, 0),
    }


def _one_article_poll(key: str):
    from tui_reader.model import Article
    from tui_reader.store import PollOutcome, prepare

    article = Article(id=f"{key}#1", source="S", title=f"Story number one of {key}", body=f"Body of {key}")
    return PollOutcome(key, [prepare(article, time.time())], etag=f'"{key}"')


def _count_transactions(store: Store, monkeypatch) -> list[list[str]]:
    transactions: list[list[str]] = []
    save_polls = store.save_polls

    def spy(outcomes):
        transactions.append([o.key for o in outcomes])
        return save_polls(outcomes)

    monkeypatch.setattr(store, "save_polls", spy)
    return transactions


def test_batch_writer_gathers_polls_that_finish_apart_and_never_waits_for_none(store: Store, monkeypatch):
    """Polls finishing a few ms apart share one transaction; once every poll of the run
    is in, the batch is written at once instead of waiting out BATCH_WAIT."""

    monkeypatch.setattr(ingest_writer, "BATCH_WAIT", 60.0)
    transactions = _count_transactions(store, monkeypatch)
    keys = [f"https://{name}.example/f" for name in "abc"]

    async def run():
        writer = ingest_writer.BatchWriter(store, expected=len(keys))

        async def finish(n: int, key: str) -> int:
            await asyncio.sleep(0.02 * n)
            return await writer.save(_one_article_poll(key))

        try:
            return await asyncio.wait_for(asyncio.gather(*(finish(n, k) for n, k in enumerate(keys))), 10)
        finally:
            writer.close()

    assert asyncio.run(run()) == [(1, None)] * 3
    assert transactions == [keys]


def test_batch_writer_waits_for_company_only_so_long(store: Store, monkeypatch):
    """A poll whose companions are slow is written after BATCH_WAIT, not held for them."""

    monkeypatch.setattr(ingest_writer, "BATCH_WAIT", 0.05)
    transactions = _count_transactions(store, monkeypatch)

    async def run():
        writer = ingest_writer.BatchWriter(store, expected=3)
        try:
            return await asyncio.wait_for(writer.save(_one_article_poll("https://a.example/f")), 10)
        finally:
            writer.close()

    assert asyncio.run(run()) == (1, None)
    assert transactions == [["https://a.example/f"]]
    assert state(store, "https://a.example/f").etag == '"https://a.example/f"'


def test_a_poll_finishing_during_a_write_waits_for_company_from_its_arrival(store: Store, monkeypatch):
    """A feed still hanging (expected=3, the third never comes) holds nobody longer than
    BATCH_WAIT: a poll that arrived while the previous batch was being written has
    already waited that long when the write ends, and is written at once."""
    import threading


    monkeypatch.setattr(ingest_writer, "BATCH_WAIT", 0.8)
    writing, release = threading.Event(), threading.Event()
    transactions: list[list[str]] = []
    save_polls = store.save_polls

    def slow_first_write(outcomes):
        transactions.append([o.key for o in outcomes])
        if len(transactions) == 1:
            writing.set()
            release.wait(10)
        return save_polls(outcomes)

    monkeypatch.setattr(store, "save_polls", slow_first_write)

    async def run() -> float:
        writer = ingest_writer.BatchWriter(store, expected=3)
        try:
            first = asyncio.ensure_future(writer.save(_one_article_poll("https://a.example/f")))
            assert await asyncio.to_thread(writing.wait, 10)
            second = asyncio.ensure_future(writer.save(_one_article_poll("https://b.example/f")))
            await asyncio.sleep(0.9)  # the write outlasts the second poll's BATCH_WAIT
            release.set()
            released = time.perf_counter()
            assert await asyncio.wait_for(asyncio.gather(first, second), 10) == [(1, None)] * 2
            return time.perf_counter() - released
        finally:
            writer.close()

    assert asyncio.run(run()) < 0.5  # not another BATCH_WAIT (0.8 s) after the write
    assert transactions == [["https://a.example/f"], ["https://b.example/f"]]


