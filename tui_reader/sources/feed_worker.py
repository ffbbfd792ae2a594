"""The half of a feed poll that runs in the parser processes (see `feeds.py`).

Apart from `feeds.py` so the forkserver that starts the workers imports only what they
run: no asyncio, no HTTP client. Heavy imports stay inside the functions, so the
parent can import this module at no cost.
"""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui_reader.store.prepared import Prepared


def warm_up() -> None:
    """One tiny extraction builds the instrument directory and compiles the patterns.
    The forkserver runs it once before it forks the workers (`feed_warm`), so each
    starts with them built; a failure here shows up again, as a feed's error line, in
    the first real job."""
    from tui_reader.extract import enrich
    from tui_reader.model import Article

    enrich(Article(id="warm-up", source="", title="Apple (NASDAQ: AAPL) rises", body="Apple rose 1.5% to $200 on Monday."))


def ready() -> None:
    """A job that only makes the pool start a worker (`_Poller.start_parsers`)."""


def exit_with(owner: int) -> None:
    """A worker whose poll was killed (SIGKILL, a crash) would otherwise wait for work
    forever: it checks every second that the process that started it still exists."""
    import threading

    def watch() -> None:
        while True:
            time.sleep(1.0)
            try:
                os.kill(owner, 0)
            except (ProcessLookupError, PermissionError):  # gone, or its pid now someone else's
                os._exit(0)

    threading.Thread(target=watch, name="tui-reader-owner-watch", daemon=True).start()


def start(owner: int, store_path: str) -> None:
    """A new worker's initializer: watch the owner (`exit_with`) and let the directory
    learn the registrants cached in the store, which the forkserver's copy lacks."""
    from tui_reader.sources.registrants import teach_worker

    exit_with(owner)
    teach_worker(store_path)


class ParseFailed(Exception):
    """A feed's document could not be turned into articles; the message is for the user."""


def parse_job(
    body: bytes, headers: dict[str, str], url: str, source: str | None, feed_key: str,
    instruments: tuple[str, ...] = (),
) -> tuple[str | None, list[Prepared]]:
    """Runs in a worker: parse, then ingestion's stage 1 for every item (boilerplate,
    instruments, store rows; figures come in stage 2). Returns the feed's title and
    the rows. `instruments` are the feed's configured ones (tickers, ISINs), declared
    for every item.

    Everything per item happens here, in parallel, so the parent only runs SQL.
    """
    from tui_reader.ingest.steps import file_article
    from tui_reader.sources.feed_items import configured_instruments
    from tui_reader.sources.feedparse import FeedError, parse_feed

    try:
        parsed = parse_feed(body, headers, url, source, feed_key, configured_instruments(instruments))
    except FeedError as exc:
        raise ParseFailed(str(exc)) from None
    now = time.time()
    return parsed.title, [file_article(article, now, story_keys=True) for article in parsed.articles]
