"""The reading screen: instruments, the article list, the article, the status line.

View state (selection, filter) lives in reactives; every read of the store runs in a
thread worker that posts a typed message back (messages.py), so a slow disk or a
price lookup never freezes a key press. Stale results (the user has moved on) are
recognised by a request counter or the article id and dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.events import DescendantFocus, Resize
from textual.widgets import DataTable, OptionList, Static

from tui_reader.app.article_cache import ArticleCache, Loaded
from tui_reader.app.data import SearchCount
from tui_reader.app.filters import Filter, empty_reason, filter_title, scope_title
from tui_reader.app.following import toggle_following
from tui_reader.app.messages import (
    ArticleLoaded,
    ChartReady,
    MovesReady,
    OverviewLoaded,
    PageFetched,
    PageLoaded,
    Prefetched,
    SearchesCounted,
)
from tui_reader.app.options import Delays
from tui_reader.app.pages import page_note, wants_page
from tui_reader.app.pane_widths import COMPACT, NARROW, WIDE, instruments_width, list_width
from tui_reader.app.read_clock import ReadClock
from tui_reader.app.screens.main_actions import ArticleActions
from tui_reader.app.screens.main_polls import PollFollower
from tui_reader.app.widgets.article_list import ArticleList
from tui_reader.app.widgets.article_view import ArticleView
from tui_reader.app.widgets.filter_box import FilterBox
from tui_reader.app.widgets.instrument_list import InstrumentList
from tui_reader.app.widgets.key_bar import KeyBar
from tui_reader.app.widgets.quote_strip import QuoteStrip
from tui_reader.app.widgets.status_line import PollStatus, StatusLine

if TYPE_CHECKING:
    from textual.coordinate import Coordinate
    from textual.timer import Timer

    from tui_reader.app.data import Library, Overview
    from tui_reader.app.reader import Reader
    from tui_reader.store import InstrumentSummary

class MainScreen(PollFollower, ArticleActions):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "pane(1)", "Next pane", show=False, id="pane.next"),
        Binding("shift+tab", "pane(-1)", "Previous pane", show=False, id="pane.previous"),
        Binding("l,right", "pane(1, False)", "Pane right", show=False, id="pane.right"),
        Binding("h,left", "pane(-1, False)", "Pane left", show=False, id="pane.left"),
        # Priority: the box takes focus inside the `/` key's own dispatch, so the keys
        # typed right after it reach the box instead of racing it to the list.
        Binding("slash", "filter", "Filter", id="filter", priority=True,
                tooltip="ticker:BABA isin:… source:… starred unread or words"),
        Binding("escape", "clear_filter", "Clear filter", show=False, id="filter.clear"),
        Binding("asterisk", "search_all", "Search all", show=False, id="search_all", priority=True,
                tooltip="Keep the filter, drop the instrument: search every article"),
        # As in newsboat and mutt: the list keeps its cursor and the article pages on (the
        # article pane's own `space` wins while it has focus).
        Binding("space", "page_article", "Page the article down", show=False, id="page_article"),
        Binding("n", "next_unread", "Next unread", id="next_unread"),
        Binding("s", "star", "Star", id="star"),
        Binding("m", "toggle_read", "Read/unread", id="toggle_read"),
        Binding("A", "mark_all_read", "Mark all read", show=False, id="mark_all_read",
                tooltip="Every article of this list, all pages, with the filter applied"),
        Binding("o", "open_link", "Open link", id="open_link",
                tooltip="In the browser; over SSH or without a display the link is copied instead"),
        Binding("y", "copy_link", "Copy link", show=False, id="copy_link", tooltip="To the clipboard (OSC 52)"),
        Binding("S", "save", "Save as Markdown", show=False, id="save",
                tooltip="With its figures, instruments and claim checks, into your downloads folder"),
        Binding("O", "sort", "Sort", show=False, id="sort",
                tooltip="By time, move since publication, ticker or source (the whole list)"),
        Binding("r", "refresh", "Refresh", id="refresh"),
        Binding("e", "errors", "Errors", show=False, id="errors"),
        Binding("c", "calendar", "Calendar", id="calendar", tooltip="Coming dates the stored articles state"),
        Binding("i", "instrument", "Chart", show=False, id="instrument",
                tooltip="The article's instrument: its prices with a marker per article"),
        Binding("W", "save_search", "Save search", show=False, id="save_search",
                tooltip="Save the filter as a named search in the config's [searches]"),
    ]

    def __init__(self, reader: Reader, library: Library, watchlist: list[str], *,
                 mark_read_after: float | None = None, delays: Delays | None = None) -> None:
        super().__init__()
        self.reader = reader
        """The app, through the interface the screen needs of it (no import of the app)."""
        self.library = library
        self.delays = delays or Delays()
        self.watchlist = watchlist
        self._request = 0
        self._article_id: str | None = None
        self._article_focus: str | None = None
        """The left pane's instrument `_article_id` was chosen under: a new selection
        whose list starts with the same article charts it anew."""
        self._chart_timer: Timer | None = None
        self.read_clock = ReadClock(self, mark_read_after, self._read_long_enough)
        self._previewing = False
        """True while a list (re)load puts its cursor on an article: that one is shown as
        a preview and is not marked read by the clock; a move the user makes is."""
        self._chosen = False
        """The article shown was chosen by the user (a cursor move, `n`, Enter, a click)."""
        self._kept_unread: str | None = None
        """The article shown that the user marked unread with `m`: the clock leaves it
        unread however often it is shown again (its page fetched, a reload), until the
        cursor moves to another article."""
        self._ready = ArticleCache()
        """Articles loaded ahead of the cursor (with their chart offline)."""
        self._fetching: set[str] = set()
        """Articles whose page was asked for on open: once per session, whatever came of
        it (a page that stored nothing must not be asked for again on every show)."""
        self.instruments: list[InstrumentSummary] = []
        """The instruments last loaded: the palette searches these."""
        self._overview: Overview | None = None
        self._searches: list[SearchCount] = [
            SearchCount(s.name, 0, 0) for s in library.searches
        ]
        """The saved searches' last counts (shown at 0/0 until first counted)."""
        self._fitted: tuple[int | None, int | None] = (None, None)
        """The instrument pane's and the list's widths set last (`_fit_panes`)."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield InstrumentList(id="instruments")
            with Vertical(id="reader"):
                with Vertical(id="list-pane"):
                    filter_box = FilterBox(pause=self.delays.filter, id="filter")
                    filter_box.display = False  # until `/`
                    yield filter_box
                    yield ArticleList(id="articles")
                    yield Static("", id="empty-note", markup=False)
                yield ArticleView(id="article", plot_quiet=self.delays.plot)
        # Under the panes, across the screen: above the list it pushed that pane's top
        # border a row below the instrument pane's.
        yield QuoteStrip(id="quotes")
        yield StatusLine(id="status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#instruments", InstrumentList).border_title = "Instruments"
        self.query_one("#empty-note").display = False
        self._show_scope()
        self.query_one("#article", ArticleView).border_title = "Article"
        articles = self.query_one(ArticleList)
        articles.set_sort(self.reader.config.sort)  # as `O` left it last time
        articles.focus()
        # A reactive watcher runs inside the key press that moved the cursor, so the
        # cursor and the article it lands on reach the screen in the same frame; the
        # RowHighlighted message would arrive after the cursor had been painted alone,
        # and the article a 60 fps refresh tick later (benchmarks/ui_bench.py).
        self.watch(articles, "cursor_coordinate", self._cursor_moved, init=False)
        self.status = self.status.evolve(offline=self.library.offline, feeds=len(self.reader.feeds))
        self.reload()
        self.refresh_quotes()

    def on_resize(self, event: Resize) -> None:
        width = event.size.width
        self.set_class(width >= WIDE, "-wide")
        self.set_class(width < NARROW, "-narrow")
        self.set_class(width < COMPACT or width >= WIDE, "-compact")
        self._fit_panes()

    def _fit_panes(self) -> None:
        """The panes' widths for what they hold (pane_widths.py): after a resize and
        whenever the list's rows or the instruments change. None leaves it to app.tcss."""
        width, articles = self.size.width, self.query_one(ArticleList)
        instruments = self.query_one(InstrumentList)
        fitted = (instruments_width(width, articles.wanted_width, instruments.wanted_width),
                  list_width(width, articles.wanted_width))
        if fitted != self._fitted:
            self._fitted = fitted
            instruments.styles.width, self.query_one("#list-pane").styles.width = fitted

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        """What has focus is on screen: in a narrow terminal the instrument pane shows
        exactly while it has focus, and the list comes back as soon as it leaves."""
        self.set_class(event.widget.id == "instruments", "-show-instruments")

    # -- loading -------------------------------------------------------------------------

    def reload(self, *, keep_cursor: bool = False, keep: str | None = None) -> None:
        """Re-read the overview and the first page (after a poll, a flag, a new filter);
        the cursor goes back to its article (`keep_cursor`) or to the article `keep`."""
        self._load_overview()
        self._ready.forget()  # a poll may have changed an article in place
        self._request += 1
        keep = keep or (self.query_one(ArticleList).current_id if keep_cursor else None)
        self._load_page(self._request, self.selection, self.filter, 0, keep,
                        whole=self.query_one(ArticleList).sort_by != "time")

    def watch_selection(self) -> None:
        self._show_scope()
        self.reload()

    def watch_filter(self, flt: Filter) -> None:
        self.status = self.status.evolve(filter=self._filter_text())
        self._show_scope()
        self.reload()

    def _show_scope(self) -> None:
        """The list's title says what it holds: the selection and the filter."""
        self.query_one(ArticleList).set_scope(scope_title(self.selection, self._filter_text()))
        self._filter_box().border_title = filter_title(self.selection)

    def _filter_text(self) -> str:
        return "" if self.filter.empty else self._filter_box().value

    def watch_status(self, status: PollStatus) -> None:
        self.query_one(StatusLine).status = status

    @property
    def _focus_instrument(self) -> str | None:
        """The ticker or ISIN selected in the left pane: the chart shows it when the
        article names it."""
        return self.selection.key if self.selection.kind in ("instrument", "watch") else None

    # -- results -------------------------------------------------------------------------

    def on_overview_loaded(self, message: OverviewLoaded) -> None:
        overview = self._overview = message.overview
        self.instruments = overview.instruments
        self.query_one(InstrumentList).show(overview.counts, self.watchlist, overview.instruments, self._searches)
        self.status = self.status.evolve(articles=overview.counts.total)
        self._fit_panes()

    def on_searches_counted(self, message: SearchesCounted) -> None:
        self._searches = message.searches
        if self._overview is not None:
            self.query_one(InstrumentList).show(self._overview.counts, self.watchlist, self._overview.instruments,
                                                self._searches)
            self._fit_panes()

    def on_page_loaded(self, message: PageLoaded) -> None:
        if message.request != self._request:
            return
        articles = self.query_one(ArticleList)
        self._previewing = True
        try:
            articles.show(message.summaries, append=message.append, keep=message.keep, complete=message.whole)
        finally:
            self._previewing = False
        if message.to_end and articles.row_count:
            articles.move_cursor(row=articles.row_count - 1, animate=False)
        if message.next_unread:
            self.action_next_unread()
        self.status = self.status.evolve(shown=articles.row_count, more=not articles.exhausted)
        self._show_empty(articles.row_count == 0)
        self._fit_panes()
        if message.summaries:
            # After the rows are painted: the first price lookup imports the directory.
            self.call_after_refresh(self._load_moves, message.summaries)
        if not message.append and not articles.row_count:
            self._article_id = None
            self.read_clock.stop()
            self.query_one(ArticleView).show_article(None)

    def on_article_list_need_more(self, message: ArticleList.NeedMore) -> None:
        self._load_page(self._request, self.selection, self.filter, message.offset, None)

    def on_article_list_need_all(self, message: ArticleList.NeedAll) -> None:
        self._load_page(self._request, self.selection, self.filter, self.query_one(ArticleList).row_count, None,
                        to_end=True)

    def _show_empty(self, empty: bool) -> None:
        """An empty list says why, and how to widen it: a blank pane says nothing."""
        note = self.query_one("#empty-note", Static)
        note.display = empty
        self.query_one("#list-pane").set_class(empty, "-empty")  # the note closes the list's frame
        if empty:
            note.update(empty_reason(self.selection, self.filter, self._filter_text()))

    def on_article_loaded(self, message: ArticleLoaded) -> None:
        self._ready.put({message.article_id: message.loaded})
        if (message.article_id, message.loaded.focus) == (self._article_id, self._article_focus):
            self._show(message.loaded)

    def on_prefetched(self, message: Prefetched) -> None:
        self._ready.put(message.items)

    def _show(self, loaded: Loaded) -> None:
        article, chart = loaded.article, loaded.chart
        fetch = article is not None and wants_page(article, loaded.full_text, offline=self.library.offline,
                                                   setting=self.reader.config.full_text)
        note = "Fetching the full article…" if fetch else page_note(loaded.full_text)
        self.query_one(ArticleView).show_article(article, chart, note, loaded.focus)
        if fetch and article is not None and article.id not in self._fetching:
            self._fetching.add(article.id)
            self._fetch_page(article)
        self.read_clock.start(self._article_id if article is not None and self._chosen else None)
        if self._chart_timer is not None:
            self._chart_timer.stop()
        if article is not None and chart is None:
            focus = loaded.focus
            self._chart_timer = self.set_timer(self.delays.chart, lambda: self._load_chart(article, focus))
        # After the paint: the worker thread's reads would compete with this frame for
        # the GIL.
        self.call_after_refresh(self._prefetch_around)

    def _prefetch_around(self) -> None:
        articles = self.query_one(ArticleList)
        if wanted := self._ready.wanted(articles.summaries, articles.cursor_row, self._focus_instrument):
            self._prefetch(wanted, self._focus_instrument)

    def on_page_fetched(self, message: PageFetched) -> None:
        """The page came (or its failure was stored): the article is read again."""
        self._ready.forget(message.article_id)
        if message.article_id == self._article_id:
            self._load_article(message.article_id, self._article_focus)

    def on_chart_ready(self, message: ChartReady) -> None:
        self.query_one(ArticleView).show_chart(message.article_id, message.chart, message.focus)
        answers_again = self.status.live_prices is not None and message.live_prices_problem is None
        # The status reactive only redraws on a change: a dead network is said once,
        # not again for every article whose chart it empties.
        self.status = self.status.evolve(live_prices=message.live_prices_problem)
        if answers_again and self.status.unquoted:
            self.refresh_quotes()  # the followed instruments Yahoo could not price may have prices now

    def on_moves_ready(self, message: MovesReady) -> None:
        self.query_one(ArticleList).set_moves(message.moves, message.symbols, message.lines)
        self._fit_panes()

    # -- interaction ---------------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#instruments")
    def _instrument_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.selection = self.query_one(InstrumentList).selection

    @on(OptionList.OptionSelected, "#instruments")
    def _instrument_selected(self) -> None:
        self.open_selected()

    def on_instrument_list_follow_asked(self, message: InstrumentList.FollowAsked) -> None:
        toggle_following(self.app, message.ticker, message.isin)

    def _cursor_moved(self, old: Coordinate, new: Coordinate) -> None:
        # DataTable re-sets the same coordinate for every row it adds: not a move.
        if old != new:
            self._select_article(self.query_one(ArticleList).current_id, chosen=not self._previewing)

    @on(DataTable.RowHighlighted, "#articles")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """The first row of a fresh list is highlighted without the cursor moving: a
        preview the user did not choose. The message arrives late: a reload refilling
        the table highlights its first row before the cursor goes back to its article,
        and that stale highlight would make the chosen article a preview (its pending
        read mark dropped), so only the row the cursor is on now counts."""
        if event.row_key.value == self.query_one(ArticleList).current_id:
            self._select_article(event.row_key.value, chosen=False)

    def _select_article(self, article_id: str | None, *, chosen: bool) -> None:
        """Show the article the cursor is on; the same one again only when another
        instrument is selected on the left (its chart may be another instrument's)."""
        focus = self._focus_instrument
        if article_id is None or (article_id, focus) == (self._article_id, self._article_focus):
            return
        self._article_id, self._article_focus = article_id, focus
        self._chosen = chosen
        self._kept_unread = None
        if (loaded := self._ready.get(article_id, focus)) is not None:
            self._show(loaded)
        else:
            self._load_article(article_id, focus)

    @on(DataTable.RowSelected, "#articles")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        summary = self.query_one(ArticleList).summary(event.row_key.value or "")
        if summary is not None and not summary.read:
            self.read_clock.stop()  # read now, not again when the clock runs out
            self._save_flags(summary, read=True)
        self._focus_pane("#article")

    def on_filter_box_paused(self, message: FilterBox.Paused) -> None:
        """The list follows the box as you type, once typing pauses; Enter applies at once."""
        self.filter = message.filter

    def on_filter_box_applied(self, message: FilterBox.Applied) -> None:
        self.filter = message.filter
        self.query_one(ArticleList).focus()

    def jump_to(self, option_id: str) -> None:
        """From the palette: select an instrument (or a fixed view) and show its news."""
        instruments = self.query_one(InstrumentList)
        instruments.highlighted = instruments.get_option_index(option_id)
        self._focus_pane("#articles")
