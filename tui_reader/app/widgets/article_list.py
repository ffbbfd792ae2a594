"""The middle pane: the articles of the current selection, newest first.

Shows one page at a time (the store pages with limit/offset) and asks for the next
page when the cursor nears the end, so a store of 50,000 articles never becomes
50,000 widget rows. Every cell is a `Text` built from cleaned strings: DataTable
would parse a plain `str` as markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable

from tui_reader.app.formatting import format_move, local_time
from tui_reader.app.safe_text import plain

if TYPE_CHECKING:
    from tui_reader.store import ArticleSummary

PAGE_SIZE = 200
"""Rows fetched per page: a screenful many times over, and few enough that the first
page costs little of the start-up budget (benchmarks/ui_bench.py)."""
_PREFETCH = 25
"""Ask for the next page this many rows before the end, so scrolling never stalls."""
_FIXED = {"time": 16, "source": 10, "ticker": 7, "move": 9}


class ArticleList(DataTable):
    """Articles as rows: time, source, title, primary ticker, move since publication."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("g", "scroll_top", "Top", show=False, id="list.top"),
        Binding("G", "scroll_bottom", "Bottom", show=False, id="list.bottom"),
    ]

    @dataclass
    class NeedMore(Message):
        """The cursor is near the last loaded row and more may exist."""

        offset: int

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False, cursor_foreground_priority="renderable")
        self._rows: dict[str, ArticleSummary] = {}
        self._moves: dict[str, float | None] = {}
        self._exhausted = True
        self._asked_for: int | None = None
        self._title_width = 40

    def _add_columns(self) -> None:
        self.add_column("Time", key="time", width=_FIXED["time"])
        self.add_column("Source", key="source", width=_FIXED["source"])
        self.add_column("Title", key="title", width=self._title_width)
        self.add_column("Ticker", key="ticker", width=_FIXED["ticker"])
        self.add_column("Move", key="move", width=_FIXED["move"])

    @property
    def exhausted(self) -> bool:
        """Every row of the selection is loaded."""
        return self._exhausted

    @property
    def summaries(self) -> list[ArticleSummary]:
        return list(self._rows.values())

    def summary(self, article_id: str) -> ArticleSummary | None:
        return self._rows.get(article_id)

    @property
    def current_id(self) -> str | None:
        if not self.row_count:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return row_key.value

    def show(self, summaries: list[ArticleSummary], *, append: bool = False, keep: str | None = None) -> None:
        """Replace (or extend) the rows; `keep` puts the cursor back on that article."""
        # No "need more" while rows go in: clearing and adding rows move the cursor. (A
        # clear that asked for more requested page 0, whose arrival cleared the table
        # again: on a list of 200+ rows every reload started an endless page loop.)
        self._exhausted = True
        if not append:
            self.clear()
            self._rows.clear()
        new = [s for s in summaries if s.id not in self._rows]
        for summary in new:
            self._rows[summary.id] = summary
        self.add_rows_keyed(new)
        self._exhausted = len(summaries) < PAGE_SIZE
        self._asked_for = None
        if keep is not None and keep in self._rows:
            self.move_cursor(row=self.get_row_index(keep), animate=False)

    def add_rows_keyed(self, summaries: list[ArticleSummary]) -> None:
        for summary in summaries:
            self.add_row(*self._cells(summary), key=summary.id)

    def _cells(self, s: ArticleSummary) -> tuple[Text, Text, Text, Text, Text]:
        unread_style = "" if s.read else "bold"
        title = plain(s.title, unread_style)
        if s.starred:
            title = Text.assemble(("★ ", "bold"), title)
        return (
            Text(local_time(s.published, short=True), style="dim", no_wrap=True),
            plain(s.source),
            title,
            plain(s.primary_ticker or ""),
            format_move(self._moves.get(s.id), *self._move_styles()),
        )

    def _move_styles(self) -> tuple[str, str]:
        variables = self.app.theme_variables
        return variables.get("price-up", "green"), variables.get("price-down", "red")

    def redraw_row(self, summary: ArticleSummary) -> None:
        """Redraw one row after its read/starred state changed."""
        if summary.id not in self._rows:
            return
        self._rows[summary.id] = summary
        for column, cell in zip(("time", "source", "title", "ticker", "move"), self._cells(summary)):
            self.update_cell(summary.id, column, cell)

    def set_moves(self, moves: dict[str, float | None]) -> None:
        for article_id, move in moves.items():
            if article_id in self._rows:
                self._moves[article_id] = move
                self.update_cell(article_id, "move", format_move(move, *self._move_styles()))

    def on_mount(self) -> None:
        self._add_columns()
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._rebuild())

    def on_resize(self) -> None:
        # Title takes what the fixed columns leave (each column pads one cell each side).
        width = max(12, self.size.width - sum(_FIXED.values()) - 2 * (len(_FIXED) + 1) - 1)
        if width != self._title_width:
            self._title_width = width
            self._rebuild()

    def _rebuild(self) -> None:
        """Column widths and theme colours are baked into rows: redraw them all."""
        keep = self.current_id
        rows = list(self._rows.values())
        # As in `show`: no "need more" while the rows go back in.
        exhausted, self._exhausted = self._exhausted, True
        self.clear(columns=True)
        self._add_columns()
        self.add_rows_keyed(rows)
        self._exhausted = exhausted
        if keep is not None:
            self.move_cursor(row=self.get_row_index(keep), animate=False)

    def watch_cursor_coordinate(self, old, new) -> None:  # noqa: ANN001 - DataTable's signature
        super().watch_cursor_coordinate(old, new)
        if self._exhausted or self._asked_for == self.row_count:
            return
        if new.row >= self.row_count - _PREFETCH:
            self._asked_for = self.row_count
            self.post_message(self.NeedMore(self.row_count))
