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

from tui_reader.app.safe_text import plain


class ErrorsScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,e", "dismiss", "Close", id="errors.close")]

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
            table.add_row(plain(title or key, single_line=True), plain(reason, single_line=False))
        for where, reason in sorted(self.skipped.items()):
            table.add_row(plain(where), plain(f"skipped: {reason}"))
        for symbol, reason in self.unquoted.items():
            table.add_row(plain(symbol, single_line=True), plain(f"no quote: {reason}", single_line=True))
        return table
