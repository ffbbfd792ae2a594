"""The one-line status bar: poll progress, the last poll, new articles, errors, offline,
and whether Yahoo answers."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from tui_reader.app.safe_text import clean


@dataclass(frozen=True, slots=True)
class PollStatus:
    running: bool = False
    done: int = 0
    total: int = 0
    last_poll: datetime | None = None
    new: int = 0
    """New articles found by the last poll."""
    errors: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    """(source, reason) from the last poll."""
    skipped: int = 0
    """Seed files (or JSON items) that were not articles; `e` lists them with reasons."""
    offline: bool = False
    feeds: int = 0
    """Configured feeds; with none, the seed folders are all that is live."""
    live_prices: str | None = None
    """Why charts come from the cache and CSVs only ("Yahoo unreachable"): with no feeds
    to fail, a dead network would otherwise show only in each article's chart area."""
    articles: int = 0
    shown: int = 0
    more: bool = False
    """The list has more rows than it has loaded so far."""
    filter: str = ""

    def evolve(self, **changes: object) -> PollStatus:
        return replace(self, **changes)  # type: ignore[arg-type]


class StatusLine(Widget):
    DEFAULT_CSS = """
    StatusLine { height: 1; padding: 0 1; }
    """

    status: reactive[PollStatus] = reactive(PollStatus, always_update=False)

    def render(self) -> Text:
        s = self.status
        text = Text(no_wrap=True, overflow="ellipsis")
        if s.offline:
            text.append(" OFFLINE ", style="reverse bold")
            text.append(" ")
        # The count first: at 80 columns the poll details may be cut, the count must not.
        text.append(f"{s.shown}{'+' if s.more else ''} of {s.articles} articles · ")
        if s.running:
            text.append(f"polling {s.done}/{s.total}…", style="bold")
        elif s.last_poll is not None:
            text.append(f"polled {s.last_poll.astimezone().strftime('%H:%M')}")
        elif s.offline:
            text.append("feeds not polled; seed folders watched")
        elif not s.feeds:
            text.append("no feeds configured; seed folders watched")
        else:
            text.append("not polled yet")
        if s.new:
            text.append(f" · {s.new} new", style="bold")
        if s.errors:
            error = self.app.theme_variables.get("error", "red")
            text.append(f" · {len(s.errors)} error{'s' if len(s.errors) != 1 else ''} (e)", style=f"bold {error}")
        if s.skipped:
            text.append(f" · {s.skipped} skipped (e)")
        if s.live_prices and not s.offline:
            warning = self.app.theme_variables.get("warning", "yellow")
            text.append(f" · {s.live_prices}: prices from cache and CSVs", style=f"bold {warning}")
        if s.filter:
            text.append(" · filter: ")
            text.append(clean(s.filter, single_line=True), style="bold")
        return text
