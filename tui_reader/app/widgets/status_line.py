"""The one-line status bar: poll progress, the last poll, new articles, errors, offline,
whether Yahoo answers, the followed instruments without a quote and the filter.

Everything must fit one row at 80 columns as at 200: when it does not, the least
important items shorten or go first (`_STEPS`), whole, so the line never ends cut
inside an item or on a label without its value."""

from __future__ import annotations

from collections.abc import Callable
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
    unquoted: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    """(watchlist entry, reason) for each followed instrument without a quote; `e` lists them."""

    def evolve(self, **changes: object) -> PollStatus:
        return replace(self, **changes)  # type: ignore[arg-type]


class StatusLine(Widget):
    DEFAULT_CSS = """
    StatusLine { height: 1; padding: 0 1; }
    """

    status: reactive[PollStatus] = reactive(PollStatus, always_update=False)

    def render(self) -> Text:
        variables = self.app.theme_variables
        return status_text(self.status, self.content_region.width,
                           error=variables.get("error", "red"), warning=variables.get("warning", "yellow"))


@dataclass(slots=True)
class Part:
    """One item of the status line and the shorter forms it takes when space is short."""

    full: Text
    short: Text | None = None
    """The same said shorter ("Yahoo unreachable" for "…: prices from cache and CSVs")."""
    label: str = ""
    """For an item whose value is cut rather than dropped (the filter): the label kept
    before the value, which `full` then holds alone."""
    text: Text | None = None
    """What is drawn now; None once dropped."""

    def __post_init__(self) -> None:
        self.text = Text(self.label).append_text(self.full) if self.label else self.full

    def shorten(self) -> None:
        if self.text is not None and self.short is not None:
            self.text = self.short

    def drop(self) -> None:
        self.text = None

    def cut(self, cells: int) -> None:
        """The value cut to give up `cells` cells, with "…", never below `MIN_VALUE`."""
        value = self.full.copy()
        value.truncate(max(value.cell_len - cells, MIN_VALUE), overflow="ellipsis")
        self.text = Text(self.label).append_text(value)


MIN_VALUE = 8
"""Cells of the filter text kept (with its "…") however narrow the line: the filter is
what the list shows, and a bare `filter:` would say nothing."""
_SEPARATOR = " · "
_STEPS: tuple[tuple[str, Callable[[Part], None]], ...] = (
    ("prices", Part.shorten), ("poll", Part.shorten), ("unquoted", Part.shorten), ("skipped", Part.drop),
    ("poll", Part.drop), ("unquoted", Part.drop), ("prices", Part.drop), ("new", Part.drop),
    ("errors", Part.shorten), ("count", Part.shorten),
)
"""How the line gives way, least important first: the long explanations shorten, then
the details go, then the counts shorten. The filter's text is cut (`Part.cut`) before
the new count goes; the article count, the errors and the filter always stay. A step
that turns out to have been more than needed is taken back (`_take_back`)."""


def status_text(s: PollStatus, width: int, *, error: str, warning: str) -> Text:
    """The status line in at most `width` cells: items joined by " · ", shortened and
    dropped in `_STEPS` until they fit, so it never ends cut inside an item or on a
    label without its value."""
    offline = Text.assemble((" OFFLINE ", "reverse bold"), " ") if s.offline else Text()
    items = parts(s, error=error, warning=warning)
    room = width - offline.cell_len
    taken: list[tuple[Part, Text | None]] = []
    for name, step in _STEPS:
        if _width(items) <= room:
            break
        if name == "new" and "filter" in items:  # the filter is cut before the new count goes
            items["filter"].cut(_width(items) - room)
            if _width(items) <= room:
                break
        if name in items:
            taken.append((items[name], items[name].text))
            step(items[name])
    _take_back(items, taken, room)
    line = Text(no_wrap=True, overflow="ellipsis").append_text(offline)
    line.append_text(Text(_SEPARATOR).join(p.text for p in items.values() if p.text is not None))
    line.truncate(width, overflow="ellipsis")  # narrower than the essentials: cut, with "…"
    return line


def parts(s: PollStatus, *, error: str, warning: str) -> dict[str, Part]:
    """The status line's items, in the order they are drawn, at full length."""
    shown = f"{s.shown}{'+' if s.more else ''}"
    # The count first: at 80 columns the poll details may go, the count must not.
    out = {"count": Part(Text(f"{shown} of {s.articles} articles"), Text(f"{shown}/{s.articles}"))}
    if s.running:
        out["poll"] = Part(Text(f"polling {s.done}/{s.total}…", style="bold"))
    elif s.last_poll is not None:
        out["poll"] = Part(Text(f"polled {s.last_poll.astimezone().strftime('%H:%M')}"))
    elif s.offline:
        out["poll"] = Part(Text("feeds not polled; seed folders watched"), Text("seeds only"))
    elif not s.feeds:
        out["poll"] = Part(Text("no feeds configured; seed folders watched"), Text("no feeds"))
    else:
        out["poll"] = Part(Text("not polled yet"))
    if s.new:
        out["new"] = Part(Text(f"{s.new} new", style="bold"))
    if s.errors:
        count = len(s.errors)
        out["errors"] = Part(Text(f"{count} error{'s' if count != 1 else ''} (e)", style=f"bold {error}"),
                             Text(f"{count} err (e)", style=f"bold {error}"))
    if s.skipped:
        out["skipped"] = Part(Text(f"{s.skipped} skipped (e)"))
    if s.live_prices and not s.offline:
        out["prices"] = Part(Text(f"{s.live_prices}: prices from cache and CSVs", style=f"bold {warning}"),
                             Text(s.live_prices, style=f"bold {warning}"))
    if s.unquoted:
        symbols = ", ".join(clean(symbol, single_line=True) for symbol, _ in s.unquoted)
        out["unquoted"] = Part(Text(f"no quote: {symbols} (e)"),
                               Text(f"no quote: {len(s.unquoted)} (e)") if len(s.unquoted) > 1 else None)
    if s.filter:
        out["filter"] = Part(Text(clean(s.filter, single_line=True), style="bold"), label="filter: ")
    return out


def _take_back(items: dict[str, Part], taken: list[tuple[Part, Text | None]], room: int) -> None:
    """Undo the steps, most important first, that the line has room for after all: a
    later step may have freed more than an earlier one needed."""
    for part, before in reversed(taken):
        now = part.text
        part.text = before
        if _width(items) > room:
            part.text = now


def _width(items: dict[str, Part]) -> int:
    texts = [p.text for p in items.values() if p.text is not None]
    return sum(t.cell_len for t in texts) + len(_SEPARATOR) * max(len(texts) - 1, 0)
