"""The main screen's ways to the other screens: the calendar (`c`), an instrument's
chart with its news (`i`, Enter on an instrument), saving the filter as a search (`W`).

Kept apart from `main.py` (which holds the reading itself): each opens a screen and,
when it comes back with an article, selects that article in the list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.reactive import reactive
from textual.widgets import OptionList
from textual.widgets.option_list import OptionDoesNotExist

from tui_reader.app.filters import Filter, Selection
from tui_reader.app.screens.main_workers import LibraryScreen
from tui_reader.app.widgets.instrument_list import InstrumentList
from tui_reader.app.widgets.status_line import PollStatus

if TYPE_CHECKING:
    from tui_reader.app.reader import Reader
    from tui_reader.app.widgets.filter_box import FilterBox
    from tui_reader.store import ArticleSummary, InstrumentSummary


class ViewsScreen(LibraryScreen):
    """The actions behind `c`, `i`, `W` and Enter on an instrument (bound in `MainScreen`,
    which supplies the list, the filter box and the reload)."""

    watchlist: list[str]
    instruments: list[InstrumentSummary]
    # The view state is declared here, where `show_instrument` sets it without watchers;
    # MainScreen's watch_* methods react to it.
    selection: reactive[Selection] = reactive(Selection("all"), init=False)
    """What the left pane selects; changing it reloads the list."""
    filter: reactive[Filter] = reactive(Filter(), init=False)
    """What `/` asked for; narrows the selection further."""
    status: reactive[PollStatus] = reactive(PollStatus, init=False)

    reader: Reader

    if TYPE_CHECKING:
        def _current(self) -> ArticleSummary | None: ...
        def _filter_box(self) -> FilterBox: ...
        def _focus_pane(self, selector: str) -> None: ...
        def _show_scope(self) -> None: ...
        def reload(self, *, keep_cursor: bool = False, keep: str | None = None) -> None: ...
        def refresh_quotes(self) -> None: ...

    def open_selected(self) -> None:
        """Enter on an instrument opens its chart with the news on it; on a view or a
        saved search it goes to the list."""
        selection = self.query_one(InstrumentList).selection
        if selection.kind == "instrument" and selection.key:
            found = next((i for i in self.instruments if i.key == selection.key), None)
            symbol = (found.ticker or found.isin) if found else None
            self._open_instrument(selection.key, symbol or selection.key, found.name if found else None)
        elif selection.kind == "watch" and selection.key:
            wanted = selection.key.upper()
            found = next((i for i in self.instruments if wanted in ((i.ticker or "").upper(), (i.isin or "").upper())), None)
            self._open_instrument(found.key if found else None, selection.key, found.name if found else None)
        else:
            self._focus_pane("#articles")

    def action_calendar(self) -> None:
        from tui_reader.app.screens.calendar import CalendarScreen

        self.app.push_screen(CalendarScreen(self.library, self.watchlist), self._back_with)

    def action_instrument(self) -> None:
        """`i`: the chart of the article's primary instrument, on the article."""
        summary = self._current()
        if summary is None or not (summary.primary_isin or summary.primary_ticker):
            self.notify("This article names no instrument.", timeout=3)
            return
        key = summary.primary_isin or summary.primary_ticker or ""
        found = next((i for i in self.instruments if i.key == key), None)
        symbol = summary.primary_ticker or summary.primary_isin or key
        self._open_instrument(found.key if found else key, symbol, summary.primary_name, summary.id)

    def _open_instrument(self, key: str | None, symbol: str, name: str | None, article_id: str | None = None) -> None:
        from tui_reader.app.screens.instrument import InstrumentScreen

        screen = InstrumentScreen(self.library, key, symbol, name, article_id)
        self.app.push_screen(screen, lambda chosen: self._back_with(chosen, f"inst:{key}" if key else None))

    def _back_with(self, article_id: str | None, option_id: str | None = None) -> None:
        """Back from the calendar or an instrument view: the article chosen there is
        selected in the list (of its instrument, else of all articles), unfiltered."""
        if article_id is None:
            return
        instruments = self.query_one(InstrumentList)
        try:
            index = instruments.get_option_index(option_id or "all")
        except OptionDoesNotExist:
            index = 0
        # The selection and the filter change together, then one reload puts the cursor
        # on the article (a highlight message would reload again, without it).
        with instruments.prevent(OptionList.OptionHighlighted):
            instruments.highlighted = index
        self._filter_box().clear_and_hide()
        self.set_reactive(type(self).filter, Filter())
        self.set_reactive(type(self).selection, instruments.selection)
        self.status = self.status.evolve(filter="")
        self._show_scope()
        self.reload(keep=article_id)
        self._focus_pane("#articles")

    def action_save_search(self) -> None:
        """`W`: the filter under a name, in the config's [searches] and the left pane."""
        text = " ".join(self.filter.text.split())  # what the list shows, not a mistake being typed
        if self.filter.empty or not text:
            self.notify("No filter to save: press / and type a query first.", timeout=4)
            return
        from tui_reader.app.screens.save_search import SaveSearchScreen

        taken = {s.name for s in self.library.searches}

        def save(name: str | None) -> None:
            if name:  # None: the dialog was cancelled
                self._save_search(name, text)

        self.app.push_screen(SaveSearchScreen(text, taken), save)

    @work(thread=True, exit_on_error=False, group="config")
    def _save_search(self, name: str, query: str) -> None:
        from tui_reader.config import ConfigError, remember_search
        from tui_reader.query.saved import saved_search

        try:
            remember_search(self.reader.config.path, name, query)
        except (ConfigError, OSError) as exc:
            self.app.call_from_thread(self.notify, f"Search not saved: {exc}", severity="warning", timeout=8,
                                      markup=False)
            return
        self.library.searches.append(saved_search(name, query))
        self.app.call_from_thread(self.notify, f"Saved as the search {name}.", timeout=4, markup=False)
        self.app.call_from_thread(self._load_overview)
