"""The plotext chart of daily closes around an article's publication.

Plots against day indexes rather than date strings (plotext's date parsing is slow
and locale-bound) and labels a few ticks itself. Colours come from the theme's
`$chart-line` / `$chart-marker` variables and are re-read on every theme change.
"""

from __future__ import annotations

from textual.app import RenderResult
from textual.color import Color
from textual_plotext import PlotextPlot

from tui_reader.app.chart_data import ChartData
from tui_reader.app.safe_text import clean

_TICKS = 4


class PriceChart(PlotextPlot):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._data: ChartData | None = None
        self._drawn: tuple[object, ...] | None = None
        self._drawing: RenderResult = ""
        self._generation = 0
        """Bumped whenever the plot's data or colours change."""

    def render(self) -> RenderResult:
        """Build the plot once per data, size and theme: a plotext build costs ~10 ms and
        Textual asks for a render on every scroll and refresh."""
        key = (id(self._data), self.size, self.app.theme, self._generation)
        if key != self._drawn:
            self._drawing = super().render()
            self._drawn = key
        return self._drawing

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._draw())

    def show(self, data: ChartData) -> None:
        self._data = data
        self._draw()

    def _colour(self, variable: str, fallback: str) -> tuple[int, int, int]:
        return Color.parse(self.app.theme_variables.get(variable, fallback)).rgb

    def _draw(self) -> None:
        self._generation += 1
        plt = self.plt
        plt.clear_data()
        data = self._data
        if data is None or not data.points:
            self.refresh()
            return
        closes = [p.close for p in data.points]
        xs = list(range(len(closes)))
        plt.plot(xs, closes, marker="braille", color=self._colour("chart-line", "#58a6ff"))
        if data.published_day is not None:
            marker = next((i for i, p in enumerate(data.points) if p.day >= data.published_day), len(xs) - 1)
            plt.vertical_line(marker, color=self._colour("chart-marker", "#e3b341"))
        step = max(1, (len(xs) - 1) // (_TICKS - 1)) if len(xs) > 1 else 1
        ticks = xs[::step]
        plt.xticks([float(i) for i in ticks], [data.points[i].day.strftime("%d %b") for i in ticks])
        # The plot reaches the screen through Text.from_ansi: a symbol from a seed file or
        # Yahoo's search must not carry escape sequences into it.
        plt.title(clean(f"{data.symbol or ''} daily close{f' ({data.currency})' if data.currency else ''}", single_line=True))
        self.refresh()
