"""The main screen's workers: every read and write of the store and the price chain.

They run in threads, never touch a widget and post one typed message each (messages.py);
the screen's handlers decide what is shown. Kept apart from the screen so the I/O is in
one place and the screen holds only view state and key handling.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.screen import Screen
from textual.worker import get_current_worker

from tui_reader.app.article_cache import Loaded
from tui_reader.app.messages import (
    ArticleLoaded,
    ChartReady,
    FlagsSaved,
    MarkedAllRead,
    MovesReady,
    OverviewLoaded,
    PageFetched,
    PageLoaded,
    Prefetched,
    QuotesReady,
    SearchesCounted,
)
from tui_reader.app.pages import fetch_page, page_state
from tui_reader.app.widgets.article_list import PAGE_SIZE

if TYPE_CHECKING:
    from tui_reader.app.chart_data import ChartData
    from tui_reader.app.data import Library
    from tui_reader.app.filters import Filter, Selection
    from tui_reader.model import Article
    from tui_reader.store import ArticleSummary


class LibraryScreen(Screen[None]):
    """A screen reading the library in workers; `MainScreen` is the one that shows it."""

    library: Library

    @work(thread=True, exclusive=True, exit_on_error=False, group="overview")
    def _load_overview(self) -> None:
        overview = self.library.overview()
        if get_current_worker().is_cancelled:
            return
        self.post_message(OverviewLoaded(overview))
        counts = []
        for search in list(self.library.searches):
            if get_current_worker().is_cancelled:
                return
            counts.append(self.library.search_count(search))
        if counts:
            self.post_message(SearchesCounted(counts))

    @work(thread=True, exclusive=True, exit_on_error=False, group="page")
    def _load_page(self, request: int, selection: Selection, flt: Filter, offset: int, keep: str | None,
                   *, whole: bool = False, to_end: bool = False, next_unread: bool = False) -> None:
        # `whole`: every remaining row at once (`G` goes to the real end; a sort by move,
        # ticker or source orders the whole list, not its first page).
        whole = whole or to_end
        summaries = self.library.page(selection, flt, offset, -1 if whole else PAGE_SIZE)
        if not get_current_worker().is_cancelled:
            self.post_message(PageLoaded(request, summaries, append=offset > 0, keep=keep, to_end=to_end, whole=whole,
                                         next_unread=next_unread))

    @work(thread=True, exclusive=True, exit_on_error=False, group="article")
    def _load_article(self, article_id: str, focus: str | None) -> None:
        loaded = self._loaded(article_id, focus)
        if not get_current_worker().is_cancelled:
            self.post_message(ArticleLoaded(article_id, loaded))

    @work(thread=True, exclusive=True, exit_on_error=False, group="prefetch")
    def _prefetch(self, article_ids: list[str], focus: str | None) -> None:
        items: dict[str, Loaded] = {}
        for article_id in article_ids:
            if get_current_worker().is_cancelled:
                return
            items[article_id] = self._loaded(article_id, focus)
        self.post_message(Prefetched(items))

    def _loaded(self, article_id: str, focus: str | None) -> Loaded:
        """In a worker: the article, what became of its page and, offline, its chart
        (cache and CSVs cost well under a millisecond, so text and chart arrive in one
        layout pass)."""
        article = self.library.article(article_id)
        chart = self.library.chart(article, focus) if article is not None and self.library.offline else None
        return Loaded(article, chart, page_state(self.library.store, article_id) if article is not None else None,
                      focus)

    @work(thread=True, exit_on_error=False, group="fulltext")
    def _fetch_page(self, article: Article) -> None:
        """On open: the page of a summary-only article (http(s) only, the feeds' limits);
        what it brought, or why not, is stored and the article read again."""
        fetch_page(self.library.store, article)
        self.post_message(PageFetched(article.id))

    @work(thread=True, exclusive=True, exit_on_error=False, group="chart")
    def _load_chart(self, article: Article, focus: str | None) -> None:
        chart = self.library.chart(article, focus)
        if not get_current_worker().is_cancelled:
            self.post_message(ChartReady(article.id, chart, self.library.live_prices_problem(), focus))

    @work(thread=True, exclusive=True, exit_on_error=False, group="quotes")
    def _load_quotes(self, symbols: list[str]) -> None:
        quotes = self.library.quotes(symbols)
        if not get_current_worker().is_cancelled:
            self.post_message(QuotesReady(quotes, self.library.live_prices_problem()))

    @work(thread=True, exit_on_error=False, group="moves")
    def _load_moves(self, summaries: list[ArticleSummary]) -> None:
        symbols = {s.id: s.primary_isin or s.primary_ticker for s in summaries}
        moves, lines = self.library.moves(summaries)
        self.post_message(MovesReady(moves, symbols, lines))

    @work(thread=True, exit_on_error=False, group="flags")
    def _save_flags(self, summary: ArticleSummary, *, read: bool | None = None, starred: bool | None = None) -> None:
        if read is not None:
            self.library.store.set_read(summary.id, read)
            summary.read = read
        if starred is not None:
            self.library.store.set_starred(summary.id, starred)
            summary.starred = starred
        self.post_message(FlagsSaved(summary))

    @work(thread=True, exit_on_error=False, group="flags")
    def _mark_all_read(self, request: int, selection: Selection, flt: Filter) -> None:
        self.post_message(MarkedAllRead(request, self.library.mark_all_read(selection, flt)))

    @work(thread=True, exit_on_error=False, group="save")
    def _save(self, article: Article, chart: ChartData | None) -> None:
        from tui_reader.app.links import save_markdown, saved_folder

        try:
            path = save_markdown(article, chart, saved_folder())
        except OSError as exc:
            self.app.call_from_thread(self.notify, f"Not saved: {exc}", severity="error", timeout=8, markup=False)
            return
        self.app.call_from_thread(self.notify, f"Saved to {path}", timeout=6, markup=False)
