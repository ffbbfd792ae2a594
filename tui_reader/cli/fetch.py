"""`tui-reader fetch`: poll every feed and seed folder once, print one line per source.

Lines appear as sources finish (`URL  new 12`, `unchanged`, `error: reason`), then a
summary with two times, both counted from the start of the command's process (Python's
own start-up included, as a user waits for it): `listed` when every source's articles
are stored with their instruments (ingestion's stage 1: in the lists, searchable), and
`complete` when their key figures (stage 2) and the pages of summary-only items are
stored too; the upkeep after that (tickers, moves since publication) is not counted. Around the poll it keeps the stored articles current
(`sources.upkeep`): online, the SEC's list of US registrants is refreshed when a week
old (before the poll, so the parser processes learn it); after it, articles an older
extractor filed are re-extracted and, online, ISIN-only instruments get the tickers
Yahoo's search finds; each article's move since publication is stored from cached
closes and price CSVs (for `list --where 'move<-10'`). The summary says how many of each, when there were any. On a terminal a one-line progress bar runs on stderr;
piped output stays plain lines. Exit 0 when at least one source was read, 1 when none
was, 2 for bad usage.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from tui_reader.cli import EXIT_NO_DATA, EXIT_OK, UsageError, printable
from tui_reader.sources.feeds import FeedSource, SourceResult

if TYPE_CHECKING:
    from tui_reader.store import Store

_KEY_WIDTH_CAP = 60
_IMPORTED = time.perf_counter()


def run(args: argparse.Namespace) -> int:
    feeds, seed_dirs, online, sec_contact, page_feeds = _sources(args)
    if not feeds and not seed_dirs:
        print("error: nothing to poll: no feeds configured and no seed folders", file=sys.stderr)
        return EXIT_NO_DATA

    from tui_reader import locations
    from tui_reader.sources.poll import poll_all
    from tui_reader.sources.registrants import refresh_registrants, teach_directory
    from tui_reader.sources.upkeep import fill_tickers, reextract_all
    from tui_reader.store import Store, StoreError

    try:
        store = Store.open(args.db or locations.default_db())
    except (StoreError, OSError) as exc:
        raise UsageError(f"cannot open the store: {exc}") from None
    keys = [str(d) for d in seed_dirs] + [f.url for f in feeds]
    with store:
        if online and (note := refresh_registrants(store, sec_contact)) and sec_contact != "":
            print(printable(note), file=sys.stderr)
        teach_directory(store)
        upgrade = _old_filings(store)
        printer = _Printer(len(keys), max((len(k) for k in keys), default=0), sys.stdout, sys.stderr)
        listed: list[float] = []
        results = poll_all(feeds, seed_dirs, store, printer.show, on_listed=lambda: listed.append(since_start()))
        printer.finish()
        _fill_full_texts(store, page_feeds)
        reextract_all(store, on_batch=printer.refiling(store))
        printer.finish()
        complete = since_start()
        refiled = upgrade - _old_filings(store)
        filled = fill_tickers(store, online=online)
        _store_moves(store, seed_dirs)
    return _summary(results, listed[0] if listed else complete, complete, refiled, filled)


def _fill_full_texts(store: Store, keys: set[str]) -> None:
    """The pages of the summary-only items these feeds brought (see `page_feeds`)."""
    if not keys:
        return
    from tui_reader.sources.fulltext import fill_full_texts

    if line := fill_full_texts(store, keys).line():
        print(line, file=sys.stderr)


def _old_filings(store: Store) -> int:
    """Stored articles an older extractor filed (not the ones whose figures are only
    pending): the summary's `re-extracted` counts those made current by this run."""
    from tui_reader.extract import EXTRACTOR_VERSION
    from tui_reader.ingest import PENDING

    stale = store.count_stale(EXTRACTOR_VERSION)
    return stale and stale - (store.counts().total - store.count_stale(PENDING))


def _store_moves(store: Store, seed_dirs: list[Path]) -> None:
    """Moves since publication for `list --where 'move<...'`, from cached closes and
    price CSVs only (see prices/moves.py)."""
    from tui_reader.prices.moves import refresh_moves
    from tui_reader.prices.service import PriceService

    refresh_moves(store, PriceService(store, seed_dirs, offline=True))


def _sources(args: argparse.Namespace) -> tuple[list[FeedSource], list[Path], bool, str | None, set[str]]:
    """Feeds, seed folders, whether the network may be used, the SEC contact and the
    feeds whose summary-only items get their page's text.
    `--feed` URLs replace the configured feeds (with only `--seeds` folders beside
    them); `--offline` keeps the seed folders only."""
    from tui_reader.config import ConfigError, effective_seed_dirs, load_config

    try:
        config = load_config(args.config)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    offline = bool(args.offline) or config.offline
    cli_seeds = [Path(p).expanduser().resolve() for p in args.seeds or []]
    for folder in cli_seeds:
        if not folder.is_dir():
            raise UsageError(f"no such seed folder: {folder}")
    if args.feed:
        if offline:
            raise UsageError("--feed needs the network; leave out --offline")
        for url in args.feed:
            if not url.lower().startswith(("http://", "https://")):
                raise UsageError(f"not an http(s) URL: {url}")
        feeds = [FeedSource(url, interval_minutes=config.interval_minutes) for url in args.feed]
        return feeds, cli_seeds, True, config.sec_contact, set()
    seed_dirs = effective_seed_dirs(config, cli_seeds)
    if offline:
        return [], seed_dirs, False, None, set()
    feeds = [FeedSource.from_config(f, config.interval_minutes) for f in config.feeds]
    for note in config.notes:  # feeds left out (a template switched off, no SEC contact)
        print(printable(note), file=sys.stderr)
    # The line above already asked for the SEC contact: the registrants' note would repeat it.
    from tui_reader.sources.fulltext import page_feeds

    return feeds, seed_dirs, True, config.sec_contact or ("" if config.notes else None), page_feeds(config)



def since_start() -> float:
    """Seconds since this process started: the kernel's start time of the process on
    Linux (10 ms steps), else since this module was imported (a little later)."""
    try:
        with open("/proc/self/stat", "rb") as handle:
            fields = handle.read().rsplit(b")", 1)[1].split()
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")  # field 22: start time, ticks since boot
        return max(0.0, time.clock_gettime(time.CLOCK_BOOTTIME) - started)
    except (OSError, ValueError, IndexError, AttributeError):
        return time.perf_counter() - _IMPORTED


def _summary(results: list[SourceResult], listed: float, complete: float, refiled: int = 0, filled: int = 0) -> int:
    new = sum(r.new for r in results)
    errors = sum(1 for r in results if r.status == "error")
    sources = "source" if len(results) == 1 else "sources"
    error_word = "error" if errors == 1 else "errors"
    upkeep = f"; re-extracted {refiled:,} stored articles" if refiled else ""
    if filled:
        upkeep += f"; {filled:,} ISIN-only instruments filed under their ticker"
    print(f"polled {len(results)} {sources}: {new:,} new, {errors} {error_word}{upkeep}; "
          f"listed in {listed:.2f} s, complete in {complete:.2f} s")
    return EXIT_OK if any(r.read for r in results) else EXIT_NO_DATA


class _Printer:
    """Result lines on stdout as they come; on a terminal, a progress bar on stderr that
    is cleared before each line and redrawn after it."""

    def __init__(self, total: int, key_width: int, out: TextIO, err: TextIO) -> None:
        self.total = total
        self.done = 0
        self.width = min(key_width, _KEY_WIDTH_CAP)
        self.out = out
        self.err = err
        self.bar = err.isatty()
        if self.bar:
            self._draw()

    def show(self, result: SourceResult) -> None:
        self.done += 1
        key = result.key.removeprefix("seeds:")
        if result.status == "error":
            outcome = f"error: {result.error}"
        elif result.status == "new":
            outcome = f"new {result.new}"
        else:
            outcome = "unchanged"
        if self.bar:
            self.err.write("\r\x1b[K")
            self.err.flush()
        print(printable(f"{key:<{self.width}}  {outcome}"), file=self.out, flush=self.bar)
        for item in result.skipped:
            print(printable(f"skipped {item.where}: {item.reason}"), file=self.err)
        if self.bar:
            self._draw()

    def _draw(self) -> None:
        cells = 30
        filled = cells * self.done // max(self.total, 1)
        self.err.write(f"\r[{'#' * filled}{'.' * (cells - filled)}] {self.done}/{self.total} sources")
        self.err.flush()

    def refiling(self, store: Store) -> Callable[[int], None] | None:
        """On a terminal, a bar for re-extraction (a store of 50,000 articles takes half
        a minute after an upgrade); None otherwise."""
        if not self.bar:
            return None
        from tui_reader.extract import EXTRACTOR_VERSION

        total = store.count_stale(EXTRACTOR_VERSION)

        def show(done: int) -> None:
            filled = 30 * done // max(total, 1)
            self.err.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] re-extracting {done:,}/{total:,} stored articles")
            self.err.flush()

        return show

    def finish(self) -> None:
        if self.bar:
            self.err.write("\r\x1b[K")
            self.err.flush()
