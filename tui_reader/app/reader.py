"""What the screens and command providers ask of the app, as an interface.

They are typed against `Reader`, not `TuiReaderApp`, so nothing below the app imports
the app's module and `app/` has no import cycle (.importlinter holds that). The app
hands itself to `MainScreen` as its reader, which is where mypy checks that it is one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from tui_reader.app.data import Library
    from tui_reader.config import Config
    from tui_reader.sources.feeds import FeedSource


@dataclass(slots=True)
class PollState:
    """Per-source outcome of the latest poll and seed scan, for the status line and `e`."""

    errors: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Source key → (title, reason)."""
    skipped: dict[str, str] = field(default_factory=dict)
    """Seed file → why it is not an article."""

    def keep_sources(self, keys: set[str]) -> None:
        """Forget the errors of sources no longer configured (an unfollowed instrument's
        feeds): the status line must not count, nor `e` list, feeds that are gone."""
        for key in [k for k in self.errors if k not in keys]:
            del self.errors[key]


class Reader(Protocol):
    """The app's state and actions its parts use; Textual's own `App` API comes from `self.app`."""

    config: Config
    feeds: list[FeedSource]
    """The configured feeds; following an instrument changes them in place."""
    watchlist: list[str]
    library: Library
    poll_state: PollState

    def poll_now(self) -> None: ...

    def remember(self, key: str, value: str) -> None: ...

    def show_errors(self) -> None: ...

    def open_article_link(self, url: str | None) -> None: ...

    def copy_article_link(self, url: str | None) -> None: ...
