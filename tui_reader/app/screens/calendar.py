"""`c`: what is coming. Every date the stored articles state, from today on, as events
on their day with the instruments and the sentence it stands in.

For the watchlist (when there is one) or everything, `w` switches; `p` adds the past
dates (an archive of older news has no coming ones), with the cursor on the first
event from today on. Enter goes back to the reading screen with the event's newest
article selected.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, ClassVar

from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from tui_reader.app.safe_text import clean
from tui_reader.app.views_data import coming_events
from tui_reader.app.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from tui_reader.app.data import Library
    from tui_reader.events import Event


PAST_LIMIT = 2000
"""The past view reads the newest this many articles that stated a coming date: an
archive of 50,000 holds too many to load while the list waits for the store."""

EMPTY_NOTE = "empty"
"""The id of the one row an empty calendar shows: why it is empty (not an event)."""


def today() -> date:
    """The calendar's first day (a function, so tests can fix it)."""
    return date.today()


class EventsLoaded(Message):
    def __init__(self, events: list[Event], everything: bool, past: bool) -> None:
        super().__init__()
        self.events = events
        self.everything = everything
        self.past = past


def event_row(event: Event, start: date) -> Table:
    """`Thu 19 Feb 2026  in 12 d  BABA, SAP` over the sentence, which wraps in its own
    column; how many articles state it when more than one."""
    days = (event.day - start).days
    when = ("today" if days == 0 else "tomorrow" if days == 1 else "yesterday" if days == -1
            else f"{-days} d ago" if days < 0 else f"in {days} d")
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(width=15, no_wrap=True)
    grid.add_column(width=9, no_wrap=True)
    grid.add_column(ratio=1)
    about = Text(clean(", ".join(event.instruments), single_line=True) or "-", style="bold")
    count = len(event.articles)
    if count > 1:
        about.append(f"  {count} articles", style="dim")
    about.append("\n")
    about.append(clean(event.text, single_line=True))
    grid.add_row(Text(event.day.strftime("%a %d %b %Y"), style="bold"), Text(when, style="dim"), about)
    return grid


class CalendarScreen(Screen[str | None]):
    """Dismissed with the id of the article to show, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,c", "dismiss(None)", "Back", id="calendar.close"),
        Binding("w", "toggle_scope", "Watchlist/all", id="calendar.scope",
                tooltip="The watchlist's coming dates, or every stored article's"),
        Binding("p", "toggle_past", "Past dates", id="calendar.past",
                tooltip="Coming dates only, or the past ones too"),
        Binding("enter", "open", "Open article", id="calendar.open"),
        Binding("j", "cursor(1)", "Down", show=False, id="calendar.down"),
        Binding("k", "cursor(-1)", "Up", show=False, id="calendar.up"),
    ]

    everything: reactive[bool] = reactive(False, init=False)
    """Every article's dates (True) or only the watchlist's."""
    past: reactive[bool] = reactive(False, init=False)
    """The past dates too (True), or only those from today on."""

    def __init__(self, library: Library, watchlist: list[str]) -> None:
        super().__init__()
        self.library = library
        self.watchlist = watchlist
        self.start = today()
        self.events: list[Event] = []
        self.set_reactive(CalendarScreen.everything, not watchlist)
        self.set_reactive(CalendarScreen.past, False)

    def compose(self) -> ComposeResult:
        yield OptionList(id="events")
        yield KeyBar()

    def on_mount(self) -> None:
        self._title("loading…")
        self.query_one("#events", OptionList).focus()
        self._load(self.everything, self.past)

    def _title(self, count: str) -> None:
        scope = "every article" if self.everything else "the watchlist" if self.watchlist else "the watchlist (empty)"
        span = "All dates · today" if self.past else "Coming dates from"
        self.query_one("#events").border_title = Content(
            f"{span} {self.start.strftime('%d %b %Y')} · {scope} · {count}"
        )

    def watch_everything(self) -> None:
        self._title("loading…")
        self._load(self.everything, self.past)

    def watch_past(self) -> None:
        self._title("loading…")
        self._load(self.everything, self.past)

    @work(thread=True, exclusive=True, exit_on_error=False, group="calendar")
    def _load(self, everything: bool, past: bool) -> None:
        first = date.min + timedelta(days=1) if past else self.start  # a day after date.min: ISO text stays 4-digit
        events = coming_events(self.library, first, None if everything else self.watchlist, PAST_LIMIT if past else -1)
        if not get_current_worker().is_cancelled:
            self.post_message(EventsLoaded(events, everything, past))

    def on_events_loaded(self, message: EventsLoaded) -> None:
        if (message.everything, message.past) != (self.everything, self.past):
            return
        self.events = message.events
        listing = self.query_one("#events", OptionList)
        listing.set_options(Option(event_row(e, self.start), id=str(i)) for i, e in enumerate(self.events))
        if self.events:  # on today's first event; the last past one when none is coming
            coming = next((i for i, e in enumerate(self.events) if e.day >= self.start), len(self.events) - 1)
            listing.highlighted = coming
        else:
            # Inside the frame, where the events would be (above it, it read as a title).
            listing.add_option(Option(Text(self._empty_note(), style="italic"), id=EMPTY_NOTE, disabled=True))
        count = len(self.events)
        self._title(f"{count} event{'s' if count != 1 else ''}")

    def _empty_note(self) -> str:
        """Why the calendar is empty, and the key that widens it. An empty watchlist
        says so and how to fill it: "no coming dates in the watchlist's articles" and
        "press p for past dates" sent the user looking for dates that could not be."""
        if not self.everything and not self.watchlist:
            return ("The watchlist is empty: follow an instrument (f on it in the instruments pane, or "
                    "\"Follow …\" in the palette, Ctrl+P) to see its dates here. Press w for every article's dates.")
        where = "the stored articles" if self.everything else "the watchlist's articles"
        hints = ([] if self.everything else ["w for every article"]) + ([] if self.past else ["p for past dates"])
        dates = "dates" if self.past else "coming dates"
        return f"No {dates} in {where}." + (f" Press {' or '.join(hints)}." if hints else "")

    def action_toggle_scope(self) -> None:
        self.everything = not self.everything

    def action_toggle_past(self) -> None:
        self.past = not self.past

    def action_cursor(self, step: int) -> None:
        listing = self.query_one("#events", OptionList)
        listing.action_cursor_down() if step > 0 else listing.action_cursor_up()

    @on(OptionList.OptionSelected, "#events")
    def _selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        listing = self.query_one("#events", OptionList)
        index = listing.highlighted
        if index is None or not self.events or not self.events[index].articles:
            return
        self.dismiss(self.events[index].articles[0].id)
