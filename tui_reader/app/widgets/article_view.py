"""The right pane: one article with its chart, key figures, claim checks and body.

Three widgets at most: the heading, the plot, and everything else as one renderable
(each extra widget costs a layout and styling pass per article). The plot is
mounted with the first chart (plotext is not imported before that) and follows the
text once the cursor has rested `Delays.plot` seconds: a plotext build costs about as
much as the rest of the frame, so the text of each article is painted first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.timer import Timer
from textual.widgets import Static

from tui_reader.app.article_text import Palette, article_body, meta
from tui_reader.app.chart_data import ChartData
from tui_reader.model import Article

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from tui_reader.app.widgets.price_chart import PriceChart



class ArticleView(VerticalScroll):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Scroll down", show=False, id="article.down"),
        Binding("k", "scroll_up", "Scroll up", show=False, id="article.up"),
        Binding("g", "scroll_home", "Top", show=False, id="article.top"),
        Binding("G", "scroll_end", "Bottom", show=False, id="article.bottom"),
        Binding("space", "page_down", "Page down", show=False, id="article.page"),
        Binding("b", "toggle_removed", "Show removed boilerplate", show=False, id="article.removed"),
    ]

    def __init__(self, *, id: str | None = None, plot_quiet: float = 0.05) -> None:
        super().__init__(id=id, can_focus=True)
        self.plot_quiet = plot_quiet
        """Seconds without a new article before the plot follows (`Delays.plot`)."""
        self.article: Article | None = None
        self.chart: ChartData | None = None
        self.selected: str | None = None
        """The left pane's instrument the article is shown for: the chart is that
        instrument's when the article names it."""
        self.chart_for: tuple[str, str | None] | None = None
        """The article and the left pane's instrument the chart was made for; a late
        chart for another article, or for the instrument selected before, is dropped."""
        self.note: str | None = None
        """A line above the body about its full text: being fetched, or why it is not."""
        self.show_removed = False
        """Removed boilerplate is folded to one line until `b` unfolds it."""
        self._plot: PriceChart | None = None
        self._plot_timer: Timer | None = None
        """Pending while articles arrive faster than `plot_quiet` apart."""

    def compose(self) -> ComposeResult:
        yield Static(Text("Select an article.", style="italic"), id="article-meta", markup=False)
        yield Static("", id="article-text", markup=False)

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._render_text())

    @property
    def palette(self) -> Palette:
        return Palette.from_variables(self.app.theme_variables)

    def show_article(self, article: Article | None, chart: ChartData | None = None, note: str | None = None,
                     focus: str | None = None) -> None:
        """Show the article for the instrument `focus` selected on the left, with its
        chart when it came along (else it follows later) and the `note` about its full
        text. The same article shown for another instrument loses its chart: it was of
        the instrument selected before."""
        if article is not self.article:
            self.scroll_home(animate=False)
        self.article = article
        self.note = note
        self.selected = focus
        if chart is not None and article is not None:
            self.chart, self.chart_for = chart, (article.id, focus)
        elif self.chart is not None and (article is None or self.chart_for != (article.id, focus)):
            self.chart = None
        self._render_text()
        self._plot_soon()

    def show_chart(self, article_id: str, chart: ChartData, focus: str | None = None) -> None:
        if self.article is None or (self.article.id, self.selected) != (article_id, focus):
            return  # the user has moved on
        self.chart, self.chart_for = chart, (article_id, focus)
        self._render_text()
        self._plot_soon()

    @property
    def shown_chart(self) -> ChartData | None:
        """The chart of the article shown, for the instrument it is shown for; None
        while that chart is still coming."""
        article = self.article
        return self.chart if article is not None and self.chart_for == (article.id, self.selected) else None

    def action_toggle_removed(self) -> None:
        """`b`: the removed boilerplate, listed at the article's end, unfolded into view."""
        self.show_removed = not self.show_removed
        self._render_text()
        if self.show_removed:
            self.call_after_refresh(self.scroll_end, animate=False)

    def _render_text(self) -> None:
        article = self.article
        self.set_class(article is None, "-empty")
        heading = self.query_one("#article-meta", Static)
        text = self.query_one("#article-text", Static)
        if article is None:
            heading.update(Text("Select an article.", style="italic"))
            text.update("")
            return
        palette = self.palette
        chart = self.shown_chart
        # Charted with another line (SAP for SAP.DE): the ▶ marks the instrument that line stands for.
        heading.update(meta(article, palette, (chart.other_line_of or chart.symbol) if chart is not None else None))
        text.update(article_body(article, chart, palette, show_removed=self.show_removed, note=self.note))

    # -- the plot ------------------------------------------------------------------------

    def _plot_soon(self) -> None:
        """Draw once no new article has arrived for `plot_quiet` seconds."""
        if self._plot_timer is None:
            self._plot_timer = self.set_timer(self.plot_quiet, self._quiet)
        else:
            self._plot_timer.reset()

    def _quiet(self) -> None:
        self._plot_timer = None
        self._draw_plot()

    def _draw_plot(self) -> None:
        chart = self.shown_chart
        has_points = chart is not None and bool(chart.points)
        if self._plot is None:
            if not has_points:
                return
            from tui_reader.app.widgets.price_chart import PriceChart

            self._plot = PriceChart(id="chart")
            self.mount(self._plot, after="#article-meta")
        if has_points and chart is not None:
            self._plot.show(chart)
        self._plot.display = has_points

    @property
    def plot(self) -> PriceChart | None:
        """The chart widget once a first chart has been drawn (tests look at it)."""
        return self._plot
