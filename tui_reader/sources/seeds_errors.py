"""The two errors the seed parser raises, in a module of their own so the format
modules can raise `SkipFile` without importing the folder walker that imports them."""

from __future__ import annotations

__all__ = ["SeedPathError", "SkipFile"]


class SkipFile(Exception):
    """This file is not an article; `reason` says why, for the user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class SeedPathError(Exception):
    """A path the user named does not exist or cannot be opened (the CLI exits 2)."""
