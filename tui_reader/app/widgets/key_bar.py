"""The bottom line of key hints, built from the screen's active bindings.

Textual's `Footer` recomposes one widget per key on every focus change; at start-up
that was the largest single cost before the first paint (~0.15 s of styling). This
bar renders one `Text` from the same bindings (so user keymaps show) and keeps the
keys clickable by remembering where each one was drawn.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget

from tui_reader.app.article_text import theme_colour

_KEPT = ("help", "quit")
"""Binding ids whose hints stay however narrow the terminal."""


class KeyBar(Widget):
    DEFAULT_CSS = """
    KeyBar { height: 1; background: $footer-background; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._targets: list[tuple[int, int, str]] = []
        """(first cell, end cell, key) of every hint, for clicks."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if screen is self.screen:
            self.refresh()

    def render(self) -> Text:
        variables = self.app.theme_variables
        accent = theme_colour(variables, "accent", "yellow")
        key_style = f"bold {theme_colour(variables, 'footer-key-foreground', accent)}"
        foreground = theme_colour(variables, "foreground", "white")
        description_style = theme_colour(variables, "footer-description-foreground", foreground)
        hints: list[tuple[str, str, str, bool, str]] = []
        seen: set[str] = set()
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            hints.append((f" {self.app.get_key_display(binding)} ", f"{binding.description} ", binding.key,
                          enabled, binding.id or ""))
        # Too narrow for every hint: drop from the end, but never Help and Quit (the
        # way to every other key, and the way out).
        width = self.size.width
        while sum(len(k) + len(d) for k, d, *_ in hints) > width:
            droppable = [i for i, hint in enumerate(hints) if hint[4] not in _KEPT]
            if not droppable:
                break
            del hints[droppable[-1]]
        text = Text(no_wrap=True, overflow="crop")
        self._targets = []
        for key_text, description, key, enabled, _id in hints:
            start = len(text)
            text.append(key_text, style=key_style if enabled else "dim")
            text.append(description, style=description_style if enabled else "dim")
            self._targets.append((start, len(text), key))
        return text

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._targets:
            if start <= event.x < end:
                self.app.simulate_key(key)
                return
