"""The `/` box: the filter language typed by hand, applied once typing pauses.

It owns the pause (a store query per key would queue up behind a fast typist) and
says what it has through messages; the screen decides what the list shows. It is
mounted hidden at start-up, not on the first `/`, so keys typed right after `/` reach
it instead of acting on the list.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input

from tui_reader.app.filters import Filter, parse_filter

PLACEHOLDER = "ticker:BABA  isin:…  source:…  starred  unread  words"


class FilterBox(Input):
    @dataclass
    class Paused(Message):
        """Typing paused: the list follows what is in the box."""

        filter: Filter

    def __init__(self, *, pause: float, id: str | None = None) -> None:
        super().__init__(placeholder=PLACEHOLDER, id=id)
        self.pause = pause
        """Seconds without a key before the box's text filters the list (`Delays.filter`)."""
        self._timer: Timer | None = None

    def watch_value(self, value: str) -> None:
        self.stop_pause()
        self._timer = self.set_timer(self.pause, lambda: self.post_message(self.Paused(parse_filter(value))))

    def stop_pause(self) -> None:
        """Forget a pending pause: Enter or Esc decided already."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def clear_and_hide(self) -> None:
        self.value = ""
        self.stop_pause()
        self.display = False
