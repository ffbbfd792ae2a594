"""The help screen, generated from the bindings so it can never drift from the keys.

It lists every pane's bindings (not only the focused one's), with the user's keymap
applied and the binding id shown, because the id is what the config's `[keymap]`
table takes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import Static

from tui_reader.app.screens.scrolling import ScrollKeys, scroll_bindings

Sections = Sequence[tuple[str, type[DOMNode]]]
"""(title, the class whose BINDINGS it lists): the app passes its own, in order, so this
screen needs to import neither the app nor the main screen."""

_EXTRA = (
    ("ctrl+p", "Command palette: jump to a ticker, ISIN or name; themes; offline", ""),
    ("enter", "Open the article / show the instrument's news", ""),
    ("↑ ↓ pgup pgdn", "Move in lists, scroll the article", ""),
)

_LEGEND = (
    ("●", "Unread (an article becomes read once you move to it and stay mark_read_after seconds, or with m)", ""),
    ("Move", "The list's column: the primary (or selected) instrument's close since publication, to the latest close; measured on the company's other line, that line first (SAP +10.53 % for SAP.DE), or where the list is narrow a * after it", ""),
    ("1 day · 5 days · since", "After publication: from the last close before it to one and five trading days later, and to the latest", ""),
    ("Reaction", "After publication, from intraday bars: the move in its first hour and first 24 hours (Yahoo keeps bars about two years, 5-minute ones 60 days; else prices/SYMBOL.intraday.csv)", ""),
    ("Claim checks", "Before publication: the move the article states over its period, next to the move computed from prices", ""),
    ("Periods", "As written, in words: 5 days, 52 weeks, 3 years", ""),
)
"""What the numbers on screen mean; the help screen is where a reader looks it up."""


def help_rows(sections: Sections, keymap: dict[str, str],
              key_display: Callable[[str], str]) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """(section, [(keys, description, binding id)]) with the keymap applied."""
    out = []
    for title, holder in sections:
        rows = []
        for binding in Binding.make_bindings(holder.BINDINGS):
            keys = keymap.get(binding.id, binding.key) if binding.id else binding.key
            rows.append((keys, binding.description, binding.id or ""))
        merged: dict[tuple[str, str], list[str]] = {}
        for keys, description, binding_id in rows:
            merged.setdefault((description, binding_id), []).append(keys)
        out.append((title, [(", ".join(key_display(k) for k in keys), d, i) for (d, i), keys in merged.items()]))
    out.append(("More", list(_EXTRA)))
    out.append(("Reading the numbers", list(_LEGEND)))
    return out


def checked_keymap(sections: Sections, keymap: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """The user's `[keymap]` without the entries that cannot work, and why each was left
    out: an id no binding has (a typo would otherwise do nothing, silently), or a key
    another binding keeps (a remap onto `q` would silently replace Quit)."""
    bindings = [b for _, holder in sections for b in Binding.make_bindings(holder.BINDINGS)]
    ids = {b.id for b in bindings if b.id}
    remapped = {i for i in keymap if i in ids}
    taken: dict[str, str] = {}
    for binding in bindings:
        if binding.id and binding.id not in remapped:
            taken.setdefault(binding.key, binding.id)
    kept: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, keys in keymap.items():
        if binding_id not in ids:
            problems.append(f"no binding has the id {binding_id!r} (the help screen, ?, lists them)")
            continue
        clash = next((taken[k.strip()] for k in keys.split(",") if k.strip() in taken and taken[k.strip()] != binding_id), None)
        if clash is not None:
            problems.append(f"{binding_id} = {keys!r} left out: that key belongs to {clash}")
            continue
        kept[binding_id] = keys
    return kept, problems


class HelpScreen(ModalScreen[None], ScrollKeys):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close", id="help.close"),
        *scroll_bindings("help"),
    ]

    def __init__(self, sections: Sections, keymap: dict[str, str]) -> None:
        super().__init__()
        self._sections = sections
        self._keymap = keymap

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(self._table(), id="help-table")

    def on_mount(self) -> None:
        self.query_one("#help-body").border_title = "Keys  (Esc closes; remap a key by its id in the config's keymap table)"

    def _table(self) -> Table:
        table = Table(box=None, expand=True, show_header=True, header_style="bold", pad_edge=False)
        table.add_column("Keys", no_wrap=True, style="bold")
        table.add_column("Does")
        table.add_column("Id", style="dim", no_wrap=True)
        for section, rows in help_rows(self._sections, self._keymap, self._display):
            table.add_row(Text(section, style="bold underline"), "", "")
            for keys, description, binding_id in rows:
                table.add_row(Text(keys), Text(description), Text(binding_id))
            table.add_row("", "", "")
        return table

    def _display(self, keys: str) -> str:
        return " ".join(self.app.get_key_display(Binding(key.strip(), "")) for key in keys.split(","))
