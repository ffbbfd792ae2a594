"""Reading marks read: an article counts as read once it has been shown long enough.

As in a mail reader's preview pane, every article shown restarts the clock, so a held
`j` flying past rows marks none of them; only an article the user chose (a cursor
move, `n`, Enter, a click) starts it, never one a list reload previews.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.dom import DOMNode
    from textual.timer import Timer


class ReadClock:
    def __init__(self, owner: DOMNode, dwell: float | None, read: Callable[[str], None]) -> None:
        self._owner = owner
        """Whose timers run the clock (the main screen)."""
        self.dwell = dwell
        """Seconds (config `mark_read_after`); 0 marks at the next frame, None never."""
        self._read = read
        """Called with the article id once its dwell has passed."""
        self._timer: Timer | None = None

    def start(self, article_id: str | None) -> None:
        """Restart the clock for this article; None (or no dwell) only stops it."""
        self.stop()
        if article_id is None or self.dwell is None:
            return
        if self.dwell == 0:
            self._owner.call_after_refresh(self._read, article_id)
        else:
            self._timer = self._owner.set_timer(self.dwell, lambda: self._read(article_id))

    def stop(self) -> None:
        """The user decided (`m`, Enter) or moved on: this article's clock is off."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
