"""The middle pane: the articles of the current selection, newest first.

Shows one page at a time (the store pages with limit/offset) and asks for the next
page when the cursor nears the end, so a store of 50,000 articles never becomes
50,000 widget rows. Every cell is a `Text` built from cleaned strings: DataTable
would parse a plain `str` as markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable

from tui_reader.app.article_text import theme_colour
from tui_reader.app.formatting import format_move, local_time
from tui_reader.app.list_columns import (
    GAP,
    SORT_MARK,
    TYPICAL,
    Column,
    ContentWidths,
    compact_time,
    layout,
    whole_width,
)
from tui_reader.app.safe_text import clean, plain

if TYPE_CHECKING:
    from tui_reader.store import ArticleSummary

PAGE_SIZE = 200
"""Rows fetched per page: a screenful many times over, and few enough that the first
page costs little of the start-up budget (benchmarks/ui_bench.py)."""
_PREFETCH = 25
"""Ask for the next page this many rows before the end, so scrolling never stalls."""
_UNGAPPED = ("read", "move")
"""The unread mark starts the row; the move is right-aligned, its gap falls on the left."""
SORT_LABELS = {"time": "time, newest first", "move": "move since publication, biggest rise first",
               "ticker": "ticker", "source": "source"}
"""The orders `sort_by` takes, as the title and the notifications name them."""


def this_year() -> int:
    """The local year, which the compact time leaves out (tests pin it: the snapshots
    must not change on New Year's Day)."""
    return datetime.now().astimezone().year


class ArticleList(DataTable):
    """Articles as rows: unread mark, time, source, title, primary ticker, move since
    publication. Which columns show, and how wide, follows the width (list_columns.py):
    the title takes what the others leave, and no row is wider than the pane."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("g", "scroll_top", "Top", show=False, id="list.top"),
        Binding("G", "last_row", "Bottom", show=False, id="list.bottom"),
    ]

    @dataclass
    class NeedMore(Message):
        """The cursor is near the last loaded row and more may exist."""

        offset: int

    class NeedAll(Message):
        """`G` was pressed before every row was loaded: load the rest, then go there."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False, cursor_foreground_priority="renderable",
                         cell_padding=0)
        self._rows: dict[str, ArticleSummary] = {}
        self._moves: dict[str, float | None] = {}
        self._moved: dict[str, str | None] = {}
        """The instrument each cached move is of (see `MovesReady.symbols`)."""
        self._lines: dict[str, str] = {}
        """The line a cached move was measured on when it is another line of the
        company than the row's (see `MovesReady.lines`)."""
        self._exhausted = True
        self._asked_for: int | None = None
        self._columns: list[Column] = []
        self._arrival: dict[str, int] = {}
        """Article id → its place in the store's order (newest first), for sorting back."""
        self.sort_by = "time"
        """What the rows are ordered by: "time", "move", "ticker" or "source"."""
        self._scope = ""
        """What the list holds, in the screen's words: the start of its title."""
        self._full_time = True
        self._name_lines = True
        """A move measured on another line names it (`SAP +10.53 %`); False: it is
        only marked (`+10.53 %*`), where the list has no room for the names."""
        self._measured = TYPICAL
        """The content widths of the last rows shown: an empty list keeps their columns,
        so its header is the one a filled list has (a filter typed to no hit and back
        does not shift the columns either)."""
        self._year = this_year()
        """The year the compact time leaves out: read again whenever every row is
        redrawn, so a list kept open over New Year gives last year's rows their year."""

    def _content_widths(self, rows: list[ArticleSummary]) -> ContentWidths:
        return ContentWidths(
            title=max((len(clean(s.title, single_line=True)) + (2 if s.starred else 0) for s in rows), default=0),
            source=max((len(self._source_label(s)) for s in rows), default=0),
            ticker=max((len(s.primary_ticker or "") for s in rows), default=0),
            # The rows' own moves: one cached for a row of another list must not widen this one.
            move=max((self._move_cell(s.id, "", "", named=False).cell_len for s in rows), default=0),
            named_move=max((self._move_cell(s.id, "", "", named=True).cell_len for s in rows), default=0),
        )

    def _layout_changed(self, rows: list[ArticleSummary]) -> bool:
        """Work out the columns for the current width and rows; True when they changed."""
        width = self.size.width - 1  # the vertical scrollbar's cell, whether shown or not
        if rows:
            self._measured = self._content_widths(rows)
        columns, full_time = layout(width, self._measured, self.sort_by)
        if columns == self._columns and full_time == self._full_time:
            return False
        self._columns, self._full_time = columns, full_time
        self._name_lines = any(c.key == "move" and c.width >= self._measured.named_move for c in columns)
        return True

    def _add_columns(self) -> None:
        for column in self._columns:
            # The gap is part of the column's width, on its left (a cut cell keeps it);
            # the table's own cell padding is off.
            label = Text(column.label + (SORT_MARK if column.key == self.sort_by else ""), no_wrap=True,
                         justify="right" if column.key == "move" else "left")
            if column.key not in _UNGAPPED:
                label.pad_left(GAP)
            self.add_column(label, key=column.key, width=column.width + GAP)
        self._show_title()

    def set_scope(self, scope: str) -> None:
        """Title the list with what it holds; its order follows (`_show_title`)."""
        self._scope = scope
        self._show_title()

    def _show_title(self) -> None:
        """The scope, then the order unless it is the usual one, by time. The `▼` is on
        the sorted column's header; where the width leaves that column out (the source
        in a narrow list, the time in a very narrow pane) the title carries it, so the
        order is always on screen."""
        shown = self.sort_by in self.column_keys
        order = "" if self.sort_by == "time" and shown else f" · by {SORT_LABELS[self.sort_by]}"
        # Content, not a str: a str title is parsed as markup, and the scope holds typed text.
        self.border_title = Content(self._scope + order + ("" if shown else SORT_MARK))

    @property
    def wanted_width(self) -> int:
        """The width, frame included, that shows every column and the longest headline
        loaded whole (`whole_width`): a wide screen gives the list up to this much."""
        return whole_width(self._measured, self.sort_by) + 1 + self.styles.gutter.width  # 1: the scrollbar

    @property
    def column_keys(self) -> list[str]:
        """The columns shown now (tests and the header look at them)."""
        return [c.key for c in self._columns]

    @property
    def exhausted(self) -> bool:
        """Every row of the selection is loaded."""
        return self._exhausted

    @property
    def summaries(self) -> list[ArticleSummary]:
        return list(self._rows.values())

    def summary(self, article_id: str) -> ArticleSummary | None:
        return self._rows.get(article_id)

    def move_of(self, article_id: str) -> float | None:
        """The move since publication shown for the article (None: unknown yet or none)."""
        return self._moves.get(article_id)

    @property
    def current_id(self) -> str | None:
        if not self.row_count:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return row_key.value

    def show(self, summaries: list[ArticleSummary], *, append: bool = False, keep: str | None = None,
             complete: bool = False) -> None:
        """Replace (or extend) the rows; `keep` puts the cursor back on that article;
        `complete`: these were all the remaining rows."""
        # No "need more" while rows go in: clearing and adding rows move the cursor. (A
        # clear that asked for more requested page 0, whose arrival cleared the table
        # again: on a list of 200+ rows every reload started an endless page loop.)
        self._exhausted = True
        if keep is None and append:
            keep = self.current_id
        if not append:
            self._rows.clear()
            self._arrival.clear()
            self._year = this_year()
        new = [s for s in summaries if s.id not in self._rows]
        for summary in new:
            if self._moved.get(summary.id, "") != (summary.primary_isin or summary.primary_ticker):
                self._moves.pop(summary.id, None)  # measured for another instrument's list
                self._lines.pop(summary.id, None)
            self._rows[summary.id] = summary
            self._arrival[summary.id] = len(self._arrival)
        resorted = self.sort_by != "time" and self._sort_rows()
        if self._layout_changed(list(self._rows.values())):
            self.clear(columns=True)
            self._add_columns()
            new = list(self._rows.values())
        elif not append or resorted:
            self.clear()
            new = list(self._rows.values())
        self.add_rows_keyed(new)
        self._exhausted = complete or len(summaries) < PAGE_SIZE
        self._asked_for = None
        if keep is not None and keep in self._rows:
            self.move_cursor(row=self.get_row_index(keep), animate=False)

    def set_sort(self, sort_by: str) -> None:
        """Order the loaded rows by "time" (the store's order), "move", "ticker" or
        "source"; the cursor stays on its article."""
        self.sort_by = sort_by
        self._sort_rows()
        self._layout_changed(list(self._rows.values()))  # the sorted column's header widens for its mark
        self._rebuild()

    def _sort_rows(self) -> bool:
        """Reorder `_rows` for `sort_by`; True (the table must be refilled)."""
        rows = list(self._rows.values())
        arrival = self._arrival
        if self.sort_by == "move":
            # Biggest rise first, unknown moves last.
            moves = self._moves
            rows.sort(key=lambda s: (moves.get(s.id) is None, -(moves.get(s.id) or 0.0), arrival[s.id]))
        elif self.sort_by == "ticker":
            rows.sort(key=lambda s: (not s.primary_ticker, (s.primary_ticker or "").upper(), arrival[s.id]))
        elif self.sort_by == "source":
            rows.sort(key=lambda s: (clean(s.source, single_line=True).casefold(), arrival[s.id]))
        else:
            rows.sort(key=lambda s: arrival[s.id])
        self._rows = {s.id: s for s in rows}
        return True

    def add_rows_keyed(self, summaries: list[ArticleSummary]) -> None:
        for summary in summaries:
            self.add_row(*self._cells(summary), key=summary.id)

    def _source_label(self, s: ArticleSummary) -> str:
        return clean(s.source, single_line=True)

    def _cell(self, key: str, s: ArticleSummary) -> Text:
        cell = self._content(key, s)
        if key not in _UNGAPPED:
            cell.pad_left(GAP)
        return cell

    def _content(self, key: str, s: ArticleSummary) -> Text:
        if key == "read":
            return Text("" if s.read else "●", style="bold", no_wrap=True)
        if key == "time":
            when = local_time(s.published, short=True)
            return Text(when if self._full_time else compact_time(when, self._year), style="dim", no_wrap=True)
        if key == "source":
            return plain(self._source_label(s))
        if key == "title":
            title = plain(s.title, "" if s.read else "bold")
            if not s.starred:
                return title
            # The star is part of the cell: a cut headline still ends in "…" (the
            # assembled Text would otherwise crop silently).
            return Text.assemble(("★ ", "bold"), title, no_wrap=True, overflow="ellipsis")
        if key == "ticker":
            return plain(s.primary_ticker or "")
        return self._move_cell(s.id, *self._move_styles(), named=self._name_lines)

    def _move_cell(self, article_id: str, up: str, down: str, *, named: bool) -> Text:
        """`+1.23 %`; measured on another line of the company than the row names, that
        line first (`SAP +10.53 %` for SAP.DE), as the article's chart says it draws
        another line, or where the list has no room for the name a mark (`+10.53 %*`,
        the help explains it): the move is never passed off as the named line's."""
        move = format_move(self._moves.get(article_id), up, down)
        line = self._lines.get(article_id)
        if line is None:
            return move
        if not named:
            return Text.assemble(move, ("*", "bold"), justify="right", no_wrap=True)
        return Text.assemble((clean(line, single_line=True), "dim"), " ", move, justify="right", no_wrap=True)

    def _cells(self, s: ArticleSummary) -> list[Text]:
        return [self._cell(column.key, s) for column in self._columns]

    def _move_styles(self) -> tuple[str, str]:
        variables = self.app.theme_variables
        return theme_colour(variables, "price-up", "green"), theme_colour(variables, "price-down", "red")

    def redraw_row(self, summary: ArticleSummary) -> None:
        """Redraw one row after its read/starred state changed."""
        if summary.id not in self._rows:
            return
        self._rows[summary.id] = summary
        for column in self._columns:
            self.update_cell(summary.id, column.key, self._cell(column.key, summary))

    def set_moves(self, moves: dict[str, float | None], symbols: dict[str, str | None],
                  lines: dict[str, str] | None = None) -> None:
        """Moves since publication, and the other line each was measured on if any
        (`MovesReady.lines`); one measured for another instrument than the row's (a list
        chosen since) is dropped."""
        moves = {article_id: move for article_id, move in moves.items() if article_id in self._rows
                 and symbols.get(article_id) == (self._rows[article_id].primary_isin or self._rows[article_id].primary_ticker)}
        lines = lines or {}
        for article_id, move in moves.items():
            self._moves[article_id] = move
            self._moved[article_id] = symbols.get(article_id)
            if article_id in lines:
                self._lines[article_id] = lines[article_id]
            else:
                self._lines.pop(article_id, None)
        if self.sort_by == "move":
            at_top = self.row_count > 0 and self.cursor_row == 0
            self._sort_rows()
            self._layout_changed(list(self._rows.values()))
            self._rebuild()
            if at_top:  # the moves arrive after the rows: the top stays the top (the biggest rise)
                self.move_cursor(row=0, animate=False)
            return
        if self._layout_changed(list(self._rows.values())):
            self._rebuild()
            return
        for article_id in moves:
            if article_id in self._rows and "move" in self.column_keys:
                self.update_cell(article_id, "move", self._move_cell(article_id, *self._move_styles(),
                                                                     named=self._name_lines))

    def on_mount(self) -> None:
        self._layout_changed([])
        self._add_columns()
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._rebuild())

    def on_resize(self) -> None:
        if self._layout_changed(list(self._rows.values())):
            self._rebuild()

    def action_last_row(self) -> None:
        """`G`: the real end of the list, loading the rows not read yet first."""
        if self._exhausted:
            self.move_cursor(row=self.row_count - 1)
        else:
            self.post_message(self.NeedAll())

    def _rebuild(self) -> None:
        """Column widths and theme colours are baked into rows: redraw them all."""
        keep = self.current_id
        rows = list(self._rows.values())
        self._year = this_year()
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
