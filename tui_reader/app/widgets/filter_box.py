"""The `/` box: the query language typed by hand, applied once typing pauses.

It owns the pause (a store query per key would queue up behind a fast typist), Enter
and its own showing and hiding, and says what it has through messages; the screen
decides what the list shows. A query that does not parse is answered in the box
itself (its lower border names the column and what was expected) and posts nothing,
so the list keeps its last good filter. It is mounted hidden at start-up, not on the
first `/`, and takes focus inside the `/` key's own dispatch (`open`), so keys typed
right after `/` reach it instead of acting on the list.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input

from tui_reader.app.filters import Filter, parse_filter

if TYPE_CHECKING:
    from tui_reader.query.parser import QueryError

PLACEHOLDER = "ticker:BABA  source:…  unread  pct<=-5  money>=1bn currency:USD  words"


class FilterBox(Input):
    @dataclass
    class Paused(Message):
        """Typing paused on a query that parses: the list follows it."""

        filter: Filter

    @dataclass
    class Applied(Message):
        """Enter on a query that parses: the list follows it and takes the focus back."""

        filter: Filter

    def __init__(self, *, pause: float, id: str | None = None) -> None:
        # Not selected on focus: `/` on a filter is mostly to refine it (` and pct<=-5`),
        # which a selection would replace with the first key; Ctrl+U or Esc clears it.
        super().__init__(placeholder=PLACEHOLDER, id=id, select_on_focus=False)
        self.pause = pause
        """Seconds without a key before the box's text filters the list (`Delays.filter`)."""
        self._timer: Timer | None = None
        self.mistake: QueryError | None = None
        """Why the text does not parse, while it does not; shown in the lower border."""

    def open(self) -> None:
        """`/`: show the box and focus it at once, not through `focus()`, which waits for
        the next idle while the keys typed next are forwarded to whatever has focus. A `/`
        typed in the box (the binding sees it first) is text. The cursor goes to the end
        of the kept filter, wherever it was left, ready for more conditions."""
        if self.has_focus:
            self.insert_text_at_cursor("/")
            return
        self.display = True
        self.cursor_position = len(self.value)
        self.screen.set_focus(self)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.stop_pause()
        flt = self.read()
        if flt is None:  # the mistake is shown in the box, which keeps the focus
            return
        if not event.value.strip():
            self.display = False
        self.post_message(self.Applied(flt))

    def watch_value(self, value: str) -> None:
        self.stop_pause()
        self._timer = self.set_timer(self.pause, self._paused)

    def _paused(self) -> None:
        if (flt := self.read()) is not None:
            self.post_message(self.Paused(flt))

    def read(self) -> Filter | None:
        """The box's filter; None (and the mistake shown) when it does not parse."""
        from tui_reader.query.parser import QueryError

        try:
            flt = parse_filter(self.value)
        except QueryError as error:
            self._show_mistake(error)
            return None
        self._show_mistake(None)
        return flt

    def _show_mistake(self, error: QueryError | None) -> None:
        self.mistake = error
        self.set_class(error is not None, "-mistake")
        # Content, not a str: a border title string is parsed as markup.
        self.border_subtitle = None if error is None else Content(f"column {error.column}: expected {error.expected}")

    def stop_pause(self) -> None:
        """Forget a pending pause: Enter or Esc decided already."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def clear_and_hide(self) -> None:
        self.value = ""
        self.stop_pause()
        self._show_mistake(None)
        self.display = False
