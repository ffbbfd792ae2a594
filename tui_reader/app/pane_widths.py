"""How wide the main screen's panes are for the terminal's width, and for what the
instrument pane and the article list would show whole.

The layout changes at three widths (the classes `-narrow`, `-compact`, `-wide` of the
main screen, app.tcss). Between them the panes used fixed widths, so a wide terminal
left cells unused while it cut text: at 200 columns the instrument pane cut company
names at 40 cells while the list's headline column had 20 cells to spare, and at 240
the list kept 125 cells and cut headlines at 64 characters while the article beside it
had 91. Here the list is given what shows every column and its longest headline whole
(`ArticleList.wanted_width`) as far as the other panes keep their minimum, and the
instrument pane what is left, up to what shows every name whole. Textual-free, so
each width can be unit-tested.
"""

from __future__ import annotations

WIDE = 230
"""From this width the article sits beside the list; below it, under the list. Beside
it earlier, the list would be narrower than the one above the article a few columns
less give it, and lose its source column and clock (list_columns.py): from here the
list keeps `LIST_BESIDE` cells and the article still has `ARTICLE_BESIDE`."""
NARROW = 110
"""Below this width the instrument pane hides until it is asked for: beside it, the
article list would leave the titles no room (measured at 100 columns)."""
COMPACT = 170
"""Below this width (and from WIDE on) the instrument pane shows tickers and counts
only, so the article list keeps room for whole headlines. From here the full pane still
leaves the list room for every column (a 20-character source, an 11-character ticker),
so the list does not lose its source where the instruments gain their names."""

FULL_INSTRUMENTS = 40
"""The instrument pane with names (app.tcss's `#instruments`): its width at least."""
COMPACT_INSTRUMENTS = 24
"""The instrument pane with tickers and counts only (app.tcss's `-compact`)."""
LIST_BESIDE = 125
"""The list beside the article keeps this much (app.tcss's `-wide #list-pane`)."""
ARTICLE_BESIDE = WIDE - COMPACT_INSTRUMENTS - LIST_BESIDE
"""And the article beside it this much: what it has at `WIDE` (81 cells)."""


def instruments_width(width: int, list_wanted: int, instruments_wanted: int) -> int | None:
    """The instrument pane's width with names (from COMPACT to WIDE): `FULL_INSTRUMENTS`,
    wider up to `instruments_wanted` as far as the list keeps `list_wanted`. None in
    the other layouts, whose pane app.tcss sizes."""
    if not COMPACT <= width < WIDE:
        return None
    return max(FULL_INSTRUMENTS, min(instruments_wanted, width - list_wanted))


def list_width(width: int, list_wanted: int) -> int | None:
    """The list's width beside the article (from WIDE): `list_wanted`, within
    `LIST_BESIDE` and what leaves the article `ARTICLE_BESIDE`; the article takes the
    rest. None in the other layouts, where the list spans the reading column."""
    if width < WIDE:
        return None
    return max(LIST_BESIDE, min(list_wanted, width - COMPACT_INSTRUMENTS - ARTICLE_BESIDE))
