"""The main screen's actions on the article under the cursor, on the list as a whole
and between the panes: star, read/unread, next unread, mark all read, open/copy/save,
sort, search all, refresh; the filter box; h/l/Tab between panes, space in the article.

Kept apart from `main.py` (which holds the reading itself: loading, showing, focus);
the keys are bound there, in one list, so the help screen shows them together.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui_reader.app.filters import Filter, Selection
from tui_reader.app.messages import FlagsSaved, MarkedAllRead
from tui_reader.app.read_clock import ReadClock
from tui_reader.app.screens.main_views import ViewsScreen
from tui_reader.app.widgets.article_list import SORT_LABELS, ArticleList
from tui_reader.app.widgets.article_view import ArticleView
from tui_reader.app.widgets.filter_box import FilterBox
from tui_reader.app.widgets.instrument_list import InstrumentList
from tui_reader.config import SORTS

if TYPE_CHECKING:
    from tui_reader.app.reader import Reader
    from tui_reader.store import ArticleSummary

_PANES = ("#instruments", "#articles", "#article")


class ArticleActions(ViewsScreen):
    """The actions behind `s m n A o y S O * r e` (bound in `MainScreen`)."""

    read_clock: ReadClock
    reader: Reader
    _request: int
    _article_id: str | None
    _kept_unread: str | None

    def _current(self) -> ArticleSummary | None:
        articles = self.query_one(ArticleList)
        return articles.summary(articles.current_id or "")

    def action_star(self) -> None:
        if (summary := self._current()) is not None:
            self._save_flags(summary, starred=not summary.starred)

    def action_toggle_read(self) -> None:
        if (summary := self._current()) is not None:
            # The user decided: an article marked unread stays unread while it is shown.
            self.read_clock.stop()
            self._kept_unread = summary.id if summary.read else None
            self._save_flags(summary, read=not summary.read)

    def action_next_unread(self) -> None:
        """`n`: the next unread article below the cursor; past the last one, the first
        from the top (as newsboat wraps), said so, since the list jumps the other way.
        Rows not loaded yet come before the wrap: an unread one may be among them."""
        articles = self.query_one(ArticleList)
        rows = articles.summaries
        here = articles.cursor_row if articles.row_count else -1
        below = next((i for i in range(here + 1, len(rows)) if not rows[i].read), None)
        if below is not None:
            self._go_to_row(below)
        elif not articles.exhausted and self.library.unread_beyond(
                self.selection, self.filter, sum(not r.read for r in rows)):
            self._load_page(self._request, self.selection, self.filter, articles.row_count, None, next_unread=True)
        elif (above := next((i for i in range(here) if not rows[i].read), None)) is not None:
            self._go_to_row(above)
            self.notify("Wrapped to the top: no unread article below.", timeout=3)
        elif here >= 0 and not rows[here].read:
            self.notify("No other unread article in this list.", timeout=3)
        else:
            self.notify("No unread article in this list.", timeout=3)

    def _go_to_row(self, index: int) -> None:
        self.query_one(ArticleList).move_cursor(row=index)
        self._focus_pane("#articles")

    def action_mark_all_read(self) -> None:
        """No confirmation (as in newsboat): it only changes read marks, and the
        notification says how many."""
        self._mark_all_read(self._request, self.selection, self.filter)

    def action_search_all(self) -> None:
        """`*`: the same filter over every article, whatever the left pane selects."""
        self.query_one(InstrumentList).highlighted = 0  # "All"; its highlight sets the selection
        self.selection = Selection("all")

    def action_sort(self) -> None:
        """`O`: the next order. Any order but time needs every row of the list."""
        articles = self.query_one(ArticleList)
        articles.set_sort(SORTS[(SORTS.index(articles.sort_by) + 1) % len(SORTS)])
        self.reader.remember("sort", articles.sort_by)
        if articles.sort_by != "time" and not articles.exhausted:
            self._load_page(self._request, self.selection, self.filter, articles.row_count, None, whole=True)
        self.notify(f"Sorted by {SORT_LABELS[articles.sort_by]}.", timeout=2)

    def action_open_link(self) -> None:
        summary = self._current()
        self.reader.open_article_link(summary.url if summary is not None else None)

    def action_copy_link(self) -> None:
        summary = self._current()
        self.reader.copy_article_link(summary.url if summary is not None else None)

    def action_save(self) -> None:
        view = self.query_one(ArticleView)
        if view.article is None:
            self.notify("No article to save.", timeout=3)
            return
        self._save(view.article, view.shown_chart)

    def action_refresh(self) -> None:
        self.library.forget_prices()
        self.reader.poll_now()
        self.reload(keep_cursor=True)
        self.refresh_quotes()  # at once: with no feeds there is no poll to end and ask again

    def action_errors(self) -> None:
        self.reader.show_errors()

    # -- their results -------------------------------------------------------------------

    def on_flags_saved(self, message: FlagsSaved) -> None:
        self.query_one(ArticleList).redraw_row(message.summary)
        self._load_overview()

    def on_marked_all_read(self, message: MarkedAllRead) -> None:
        if message.request == self._request:
            articles = self.query_one(ArticleList)
            for summary in articles.summaries:
                if not summary.read:
                    summary.read = True
                    articles.redraw_row(summary)
            self._load_overview()
        else:  # the list changed meanwhile; its page may have been read before the write
            self.reload(keep_cursor=True)
        count = message.count
        text = f"Marked {count} article{'s' if count != 1 else ''} read." if count else "Nothing unread in this list."
        self.notify(text, timeout=3)

    def _read_long_enough(self, article_id: str) -> None:
        """The read clock ran out on this article (if it is still the one shown and
        the user did not mark it unread meanwhile)."""
        if article_id != self._article_id or article_id == self._kept_unread:
            return
        summary = self.query_one(ArticleList).summary(article_id)
        if summary is not None and not summary.read:
            self._save_flags(summary, read=True)

    def _focus_pane(self, selector: str) -> None:
        # In a narrow terminal the instrument pane is hidden until asked for: show the
        # target first and focus it once the layout has it (on_descendant_focus keeps
        # the class in step with focus from then on).
        self.set_class(selector == "#instruments", "-show-instruments")
        target = self.query_one(selector)
        self.call_after_refresh(target.focus)

    def action_pane(self, step: int, wrap: bool = True) -> None:
        """Tab and Shift+Tab cycle; `h` and `l` point at a side, and past the outer pane
        on that side there is none: a wrap there would throw the eye across the screen
        (and in a narrow terminal, `h` pressed once too often would hide the instruments
        it just showed)."""
        focused = self.focused
        current = next((i for i, sel in enumerate(_PANES) if focused is not None and focused.id == sel[1:]), 1)
        target = current + step
        if not wrap and not 0 <= target < len(_PANES):
            return
        self._focus_pane(_PANES[target % len(_PANES)])

    def action_page_article(self) -> None:
        self.query_one(ArticleView).scroll_page_down()

    def _filter_box(self) -> FilterBox:
        return self.query_one("#filter", FilterBox)

    def action_filter(self) -> None:
        self._filter_box().open()

    def action_clear_filter(self) -> None:
        box = self._filter_box()
        if self.filter.empty and not box.display:
            if self.has_class("-show-instruments"):
                self._focus_pane("#articles")
            return
        box.clear_and_hide()
        self.filter = Filter()
        self.query_one(ArticleList).focus()
