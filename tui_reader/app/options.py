"""What the CLI, the Pilot tests and the snapshot tests tell `create_app`.

Textual-free so the CLI can build it before paying for the Textual import.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


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
