"""What the CLI, the Pilot tests and the snapshot tests tell `create_app`.

Textual-free so the CLI can build it before paying for the Textual import.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Delays:
    """The app's deliberate waits, in seconds (each > 0: they are Textual timers). Tests
    make them a millisecond and wait on conditions instead of on the clock."""

    chart: float = 0.12
    """Online, how long the cursor must rest on an article before its prices are looked
    up, so holding `j` does not queue a Yahoo request per row (offline: no wait)."""
    filter: float = 0.15
    """Typing pause before the filter box's text filters the list: a store query per key
    would queue up behind a fast typist."""
    plot: float = 0.05
    """Quiet time before the plot follows the text (a plotext build costs about as much
    as the rest of the frame; measured in benchmarks/ui_bench.py)."""


@dataclass(slots=True)
class AppOptions:
    db: Path
    """The SQLite store to open (created when missing)."""
    config: Path | None = None
    """Config file; None means the default location (which may not exist)."""
    seed_dirs: list[Path] | None = None
    """Seed folders from `--seeds`; None means the configured (or bundled) ones."""
    offline: bool = False
    theme: str | None = None
    """`--theme`; None means the config's theme, else the bundled default."""
    poll: bool = True
    """Poll feeds and re-scan seed folders in the background. Tests turn it off."""
    poll_interval: float | None = None
    """Seconds between checks for feeds that are due (each feed keeps its own interval
    from the config); None means once a minute."""
    seed_scan_interval: float = 1.0
    """Seconds between cheap seed-folder re-scans, so new files show up quickly."""
    theme_dirs: list[Path] | None = None
    """Folders of TOML themes; None means the bundled and the user's theme folders."""
    watchlist: list[str] = field(default_factory=list)
    """Extra watchlist entries (the config's come first)."""
    delays: Delays = field(default_factory=Delays)
    clock: Callable[[], datetime] | None = None
    """The quote strip's "now" (a market's open/closed state, the cache's age) and the
    article view's (whether an article is recent enough for Yahoo's intraday bars); None
    is the real clock. Snapshot tests fix it so the screen does not change by the hour."""
