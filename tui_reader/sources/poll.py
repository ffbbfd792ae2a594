"""One poll of every source — feeds and seed folders — into the store.

Both `tui-reader fetch` and the UI's background worker call `poll_all`; the UI also
runs a `SeedWatcher` every second so a file dropped into a seed folder shows up within
two seconds. Seed folders are read through `seeds.scan` (the authority on what counts
as a seed file); the watcher then re-reads only files whose size or mtime changed. A
file that disappears keeps its article: the store never forgets what it showed.
Both paths store articles through `ingest/` (stage 1: listed, filed, searchable; the
figures come in stage 2). After its scan, each check also completes a slice of the
stored articles still pending or filed by an older extractor
(`upkeep.reextract_pending`), so the app catches up in the background, a fraction of
a second per tick, without a thread of its own. The check
is also where the app's directory learns a newly stored SEC list: the thread that
runs the app's in-process extraction (seeds, re-extraction), so none of it sees the
directory's tables change halfway (feeds are parsed in worker processes).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tui_reader.model import Article, Skipped
from tui_reader.sources.feeds import FeedSource, OnListed, OnResult, SourceResult, poll_feeds

if TYPE_CHECKING:
    from tui_reader.store import Store

__all__ = ["FeedSource", "SeedWatcher", "SourceResult", "poll_all", "poll_seed_folder", "seed_key"]


def seed_key(folder: Path) -> str:
    return f"seeds:{Path(folder).resolve()}"


def poll_all(
    feeds: Sequence[FeedSource],
    seed_dirs: Sequence[Path],
    store: Store,
    on_result: OnResult | None = None,
    *,
    honour_schedule: bool = False,
    parse_workers: int | None = None,
    on_listed: OnListed | None = None,
) -> list[SourceResult]:
    """Read the seed folders, then poll the feeds; blocking (run it in a worker thread).

    Results reach `on_result` as each source finishes, so callers show progress and
    articles land while slow feeds are still loading; `on_listed` hears when every
    source's articles are listed (before the feeds' stage 2). The UI passes its seed
    folders to a `SeedWatcher` instead (cheap re-checks every second) and
    `honour_schedule=True`.
    """
    results = [poll_seed_folder(folder, store, on_result) for folder in seed_dirs]
    if feeds:
        results += asyncio.run(
            poll_feeds(feeds, store, on_result, honour_schedule=honour_schedule, parse_workers=parse_workers,
                       on_listed=on_listed)
        )
    elif on_listed is not None:
        on_listed()
    return results


def poll_seed_folder(folder: Path, store: Store, on_result: OnResult | None = None) -> SourceResult:
    """Read a whole seed folder and store its articles (unchanged ones cost no writes)."""
    from tui_reader.sources.seeds import SeedPathError, scan

    started = time.perf_counter()
    folder = Path(folder)
    try:
        articles, skipped = scan([folder])
    except SeedPathError as exc:
        result = SourceResult(seed_key(folder), str(folder), 0, "error", str(exc), time.perf_counter() - started)
    else:
        result = _store_seeds(folder, articles, skipped, store, started)
    if on_result is not None:
        on_result(result)
    return result


def _store_seeds(folder: Path, articles: list[Article], skipped: list[Skipped], store: Store, started: float) -> SourceResult:
    """Stage 1 for the folder's articles, written together; an article that cannot be
    stored is one more skipped line, never the folder's loss."""
    from tui_reader.ingest.steps import file_article
    from tui_reader.ingest.writer import save_articles

    now = time.time()
    key = seed_key(folder)
    try:
        new, failed = save_articles(store, key, [file_article(a, now, strip=False) for a in articles])
    except Exception as exc:  # noqa: BLE001 - the store itself failed: this folder's error line
        return SourceResult(key, str(folder), 0, "error", f"cannot store: {exc}", time.perf_counter() - started)
    skipped = skipped + [Skipped(item.path or item.id, why) for item, why in failed]
    return SourceResult(key, str(folder), new, "new" if new else "unchanged", None, time.perf_counter() - started, skipped)


Signature = dict[Path, tuple[int, int]]
"""File → (mtime_ns, size): enough to notice an edit without reading the file."""


def _signature(folder: Path) -> Signature:
    """Stat the files `seeds.scan` would read (hidden ones left out too: an editor's swap
    file changing every second is no reason to re-read). 300 files cost about 2 ms."""
    from tui_reader.sources.seeds import seed_files

    out: Signature = {}
    for path in seed_files(folder, []):
        if path.name.startswith("."):
            continue
        try:
            info = path.stat()
        except OSError:  # removed since the walk listed it: its article stays anyway
            continue
        out[path] = (info.st_mtime_ns, info.st_size)
    return out


class SeedWatcher:
    """Notices new and changed seed files; the UI calls `check()` about once a second.

    The first `check()` reads every folder in full; later ones re-read only files whose
    mtime or size changed, so an unchanged folder costs one stat per file. Stat-based on
    purpose: no extra dependency, and it works the same on every platform and on
    network folders where inotify does not.
    """

    REFILE_SLICE = 0.2
    """Seconds of re-extraction per check: the UI thread keeps most of each second."""

    def __init__(self, folders: Sequence[Path], store: Store) -> None:
        self.folders = [Path(f).resolve() for f in folders]
        self.store = store
        self._seen: dict[Path, Signature] = {}
        self._refiling = True
        """Until a check finds nothing stale, and again once a check stored articles
        (stage 2 for them): nothing else makes rows stale while the app runs."""
        self.refiled = 0
        """Articles re-extracted by this watcher's checks so far."""

    def check(self) -> list[SourceResult]:
        """Results only for folders that changed since the last call (new ones included)."""
        from tui_reader.sources.registrants import teach_directory

        teach_directory(self.store)  # one query when there is nothing new to learn
        results = []
        for folder in self.folders:
            signature = _signature(folder)
            previous = self._seen.get(folder)
            if previous is None:
                result = poll_seed_folder(folder, self.store)
            elif signature == previous:
                continue
            else:
                changed = [path for path, stamp in signature.items() if previous.get(path) != stamp]
                if not changed:  # only removals: their articles stay
                    self._seen[folder] = signature
                    continue
                result = self._reread(folder, sorted(changed))
            self._seen[folder] = signature
            results.append(result)
            self._refiling = self._refiling or result.new > 0  # their figures are pending
        if self._refiling:
            from tui_reader.sources.upkeep import reextract_pending

            done = reextract_pending(self.store, budget=self.REFILE_SLICE, batch=100)
            self.refiled += done
            self._refiling = done > 0
        return results

    def _reread(self, folder: Path, files: list[Path]) -> SourceResult:
        from tui_reader.sources.seeds import SEED_SUFFIXES, SkipFile, read_seed

        started = time.perf_counter()
        articles: list[Article] = []
        skipped: list[Skipped] = []
        for path in files:
            if path.suffix.lower() not in SEED_SUFFIXES:
                skipped.append(Skipped(str(path), f"not a seed format ({path.suffix.lower()})"))
                continue
            try:
                articles.extend(read_seed(path, folder))
            except SkipFile as exc:
                skipped.append(Skipped(str(path), exc.reason))
        return _store_seeds(folder, articles, skipped, self.store, started)
