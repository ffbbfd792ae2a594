"""Command palette: jump to an instrument by ticker, ISIN or name.

Theme switching, refresh and offline come from `TuiReaderApp.get_system_commands`;
this provider adds the instruments the store has news for, taken from what the main
screen last loaded (no SQL in the palette).
"""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from tui_reader.app.safe_text import clean


class InstrumentCommands(Provider):
    def _entries(self) -> list[tuple[str, str]]:
        """(option id, "TICKER ISIN Name") for every instrument with news."""
        from tui_reader.app.screens.main import MainScreen

        main = next((s for s in self.app.screen_stack if isinstance(s, MainScreen)), None)
        if main is None:
            return []
        return [
            (f"inst:{item.key}", " ".join(clean(p, single_line=True) for p in (item.ticker, item.isin, item.name) if p))
            for item in main.instruments
        ]

    def _jump(self, option_id: str) -> None:
        from tui_reader.app.screens.main import MainScreen

        for screen in self.app.screen_stack:
            if isinstance(screen, MainScreen):
                screen.jump_to(option_id)

    async def discover(self) -> Hits:
        for option_id, label in self._entries()[:20]:
            yield DiscoveryHit(Content(f"Go to {label}"), partial(self._jump, option_id), help="Show this instrument's news")

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for option_id, label in self._entries():
            command = f"Go to {label}"
            if (score := matcher.match(command)) > 0:
                # Not matcher.highlight(): it parses the candidate as markup, and names are data.
                yield Hit(score, Content(command), partial(self._jump, option_id), text=command, help="Show this instrument's news")
