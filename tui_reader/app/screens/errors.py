"""The per-source error list behind the status line's `N errors (e)`, `N skipped (e)`
and `no quote: … (e)`."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui_reader.app.folding import Folded
from tui_reader.app.safe_text import clean
from tui_reader.app.screens.scrolling import ScrollKeys, scroll_bindings


class ErrorsScreen(ModalScreen[None], ScrollKeys):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,e", "dismiss", "Close", id="errors.close"),
                                             *scroll_bindings("errors")]

    def __init__(self, errors: dict[str, tuple[str, str]], skipped: dict[str, str],
                 unquoted: dict[str, str]) -> None:
        super().__init__()
        self.errors = errors
        self.skipped = skipped
        self.unquoted = unquoted
        """Followed instrument → why the quote strip has no price for it."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="errors-body"):
            yield Static(self._table(), id="errors-table")

    def on_mount(self) -> None:
        self.query_one("#errors-body").border_title = "Source errors  (Esc closes)"

    def _table(self) -> Table | Text:
        if not self.errors and not self.skipped and not self.unquoted:
            return Text("No errors in the last poll.")
        table = Table(box=None, expand=True, header_style="bold", pad_edge=False)
        table.add_column("Source", ratio=1)
        table.add_column("Problem", ratio=2)
        for key, (title, reason) in sorted(self.errors.items()):
            table.add_row(_whole(title or key), _whole(reason))
        for where, reason in sorted(self.skipped.items()):
            table.add_row(_whole(where), _whole(f"skipped: {reason}"))
        for symbol, reason in self.unquoted.items():
            table.add_row(_whole(symbol), _whole(f"no quote: {reason}"))
        return table


def _whole(text: str) -> Folded:
    """A cell shown whole: wrapped at words, and a word wider than the column (a path,
    a URL) broken at its separators, so `…/saved-articles/` / `broker-reports-2026/`
    stay readable (`folding.py`). A reason cut with "…" (a bad JSON seed's
    `Expecting property name enclosed in double quotes: line 1 column 2 (char 1)`)
    hid the part that says where to look, and nothing here could show the rest."""
    return Folded(clean(text, single_line=True))
