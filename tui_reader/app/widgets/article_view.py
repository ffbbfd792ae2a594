"""The right pane: one article with its chart, key figures, claim checks and body.

The text arrives first (`show_article`) and the chart when its worker is done
(`show_chart`), so moving through the list never waits for prices.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from tui_reader.app.article_text import Palette, body_text, claims_block, figures_table, meta, moves_line, removed_notes
from tui_reader.app.chart_data import ChartData
from tui_reader.app.widgets.price_chart import PriceChart
from tui_reader.model import Article


class ArticleView(VerticalScroll):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Scroll down", show=False, id="article.down"),
        Binding("k", "scroll_up", "Scroll up", show=False, id="article.up"),
        Binding("g", "scroll_home", "Top", show=False, id="article.top"),
        Binding("G", "scroll_end", "Bottom", show=False, id="article.bottom"),
        Binding("space", "page_down", "Page down", show=False, id="article.page"),
        Binding("b", "toggle_removed", "Show removed boilerplate", show=False, id="article.removed"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, can_focus=True)
        self.article: Article | None = None
        self.chart: ChartData | None = None
        self.chart_for: str | None = None
        """The article the chart belongs to; a late chart for another one is dropped."""
        self.show_removed = False
        """Removed boilerplate is folded to one line until `b` unfolds it."""

    def compose(self) -> ComposeResult:
        yield Static(Text("Select an article.", style="italic"), id="article-meta", markup=False)
        with Vertical(id="chart-box"):
            yield PriceChart(id="chart")
            yield Static("", id="chart-note", markup=False)
        yield Static("", id="figures", markup=False)
        yield Static("", id="claims", markup=False)
        yield Static("", id="body", markup=False)
        yield Static("", id="removed", markup=False)

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._render_all())
        self._render_all()

    @property
    def palette(self) -> Palette:
        return Palette.from_variables(self.app.theme_variables)

    def show_article(self, article: Article | None, chart: ChartData | None = None) -> None:
        """Show the article, with its chart when it came along (else it follows later)."""
        if article is not self.article:
            self.scroll_home(animate=False)
        self.article = article
        if chart is not None and article is not None:
            self.chart, self.chart_for = chart, article.id
        elif self.chart is not None and (article is None or self.chart_for != article.id):
            self.chart = None
        self._render_all()

    def show_chart(self, article_id: str, chart: ChartData) -> None:
        if self.article is None or self.article.id != article_id:
            return  # the user has moved on
        self.chart, self.chart_for = chart, article_id
        self._render_chart()

    def _render_all(self) -> None:
        palette = self.palette
        article = self.article
        self.set_class(article is None, "-empty")
        if article is None:
            self.query_one("#article-meta", Static).update(Text("Select an article.", style="italic"))
            for name in ("#figures", "#claims", "#body"):
                self.query_one(name, Static).update("")
            self.query_one("#removed", Static).display = False
            self._render_chart()
            return
        self.query_one("#article-meta", Static).update(meta(article, palette))
        self.query_one("#figures", Static).update(figures_table(article, palette))
        self.query_one("#body", Static).update(body_text(article, palette))
        removed = self.query_one("#removed", Static)
        removed.display = bool(article.removed)
        removed.update(removed_notes(article, unfolded=self.show_removed))
        self._render_chart()

    def action_toggle_removed(self) -> None:
        self.show_removed = not self.show_removed
        if self.article is not None:
            self.query_one("#removed", Static).update(removed_notes(self.article, unfolded=self.show_removed))

    def _render_chart(self) -> None:
        chart = self.chart
        note = self.query_one("#chart-note", Static)
        plot = self.query_one(PriceChart)
        claims = self.query_one("#claims", Static)
        if self.article is None:
            plot.display = False
            note.update("")
            claims.display = False
            return
        if chart is None:
            plot.display = False
            note.update(Text("Loading prices…", style="italic"))
            claims.display = False
            return
        plot.display = bool(chart.points)
        plot.show(chart)
        note.update(moves_line(chart, self.palette))
        block = claims_block(chart, self.palette)
        claims.display = block is not None
        claims.update(block or "")
