"""`W`: name the current filter; it is saved as a search in the config's `[searches]`."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class SaveSearchScreen(ModalScreen[str | None]):
    """Dismissed with the name typed (stripped, one line), or None."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Cancel", id="save_search.cancel")]

    def __init__(self, query: str, taken: set[str]) -> None:
        super().__init__()
        self.query_text = query
        self.taken = taken
        """Names in use: a saved search is never overwritten from here."""

    def compose(self) -> ComposeResult:
        with Vertical(id="save-search-body"):
            yield Static(Content(f"Save {self.query_text}"), id="save-search-query")
            yield Input(placeholder="a name, such as big-deals", id="save-search-name")
            yield Static("", id="save-search-note", markup=False)

    def on_mount(self) -> None:
        self.query_one("#save-search-body").border_title = "Save the filter as a search  (Esc cancels)"
        self.query_one("#save-search-name", Input).focus()

    @on(Input.Submitted, "#save-search-name")
    def _submitted(self, event: Input.Submitted) -> None:
        name = " ".join(event.value.split())
        note = self.query_one("#save-search-note", Static)
        if not name or not name.isprintable():
            note.update("Type a name (letters, digits, spaces).")
        elif name in self.taken:
            note.update(f"A search named {name} exists already; choose another name.")
        else:
            self.dismiss(name)
