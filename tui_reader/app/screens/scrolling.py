"""The keys that move through a long modal text (help, errors) as they move through
the lists: `j`/`k`, `g`/`G`, Home/End, space and the page keys.

A `VerticalScroll` knows the arrows, Home and End only while it has focus; these
bindings sit on the screen, so they work whatever holds the focus there.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen


def scroll_bindings(prefix: str) -> list[Binding]:
    """The bindings, with ids under `prefix` (`help.top`, `errors.bottom`)."""
    return [
        Binding("j,down", "scroll_body('down')", "Down", show=False, id=f"{prefix}.down"),
        Binding("k,up", "scroll_body('up')", "Up", show=False, id=f"{prefix}.up"),
        Binding("g,home", "scroll_body('home')", "Top", show=False, id=f"{prefix}.top"),
        Binding("G,end", "scroll_body('end')", "Bottom", show=False, id=f"{prefix}.bottom"),
        Binding("space,pagedown", "scroll_body('page_down')", "Page down", show=False, id=f"{prefix}.page_down"),
        Binding("pageup", "scroll_body('page_up')", "Page up", show=False, id=f"{prefix}.page_up"),
    ]


class ScrollKeys(Screen[None]):
    """A screen whose one `VerticalScroll` these keys move."""

    def action_scroll_body(self, how: str) -> None:
        body = self.query_one(VerticalScroll)
        moves = {"down": body.scroll_down, "up": body.scroll_up, "home": body.scroll_home, "end": body.scroll_end,
                 "page_down": body.scroll_page_down, "page_up": body.scroll_page_up}
        moves[how](animate=False)
