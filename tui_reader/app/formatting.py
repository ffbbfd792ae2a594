"""How numbers, times and moves look on screen, shared by the panes.

Textual-free (Rich only), so the formats can be unit-tested without an app.
"""

from __future__ import annotations

from datetime import datetime

from rich.text import Text

# The figure format has its home in the core (`extract`'s report uses it too); the panes
# import it from here, beside the formats that are the app's own.
from tui_reader.figure_format import format_count as format_count
from tui_reader.figure_format import format_figure as format_figure
from tui_reader.figure_format import period_words as period_words
from tui_reader.sources.datelines import is_date_only


def local_time(when: datetime | None, *, short: bool = False) -> str:
    """In the user's local time zone, always with the year: stores span several years,
    and a list that reads `03 Feb` cannot tell this February from last year's.
    The article header adds the zone."""
    if when is None:
        return "—"
    if is_date_only(when):  # a calendar day: shifting it into the local zone would change the day
        return when.strftime("%Y-%m-%d")
    local = when.astimezone()
    return local.strftime("%Y-%m-%d %H:%M" if short else "%Y-%m-%d %H:%M %Z")


def format_move(move: float | None, up: str = "green", down: str = "red") -> Text:
    """A move in percent (1.234) as `+1.23 %`, coloured up/down; `—` when unknown."""
    if move is None:
        return Text("—", style="dim", justify="right")
    style = up if move > 0 else down if move < 0 else ""
    return Text(f"{move:+.2f} %", style=style, justify="right")

