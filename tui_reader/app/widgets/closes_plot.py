"""What both price charts share: daily closes drawn by plotext against day indexes.

Plotted against indexes rather than date strings (plotext's date parsing is slow and
locale-bound), with a few ticks labelled here. Colours come from the theme's
`$chart-line` / `$chart-marker` variables and are read again on every theme change;
a plotext build costs ~10 ms, so it is built once per data, size and theme, not on
every scroll and refresh Textual asks a render for.
"""

from __future__ import annotations

from textual.app import RenderResult
from textual.color import Color
from textual_plotext import PlotextPlot

from tui_reader.app.safe_text import clean
from tui_reader.model import PricePoint


class ClosesPlot(PlotextPlot):
    """Subclasses say what to draw (`_draw_markers`) and call `_draw` on new data."""

    TICKS = 4
    """Labelled ticks on the x axis."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._drawn: tuple[object, ...] | None = None
        self._drawing: RenderResult = ""
        self._generation = 0
        """Bumped whenever the plot's data or colours change."""

    def render(self) -> RenderResult:
        key = (self.size, self.app.theme, self._generation)
        if key != self._drawn:
            self._drawing = super().render()
            self._drawn = key
        return self._drawing

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._draw())

    def _colour(self, variable: str, fallback: str) -> tuple[int, int, int]:
        return Color.parse(self.app.theme_variables.get(variable, fallback)).rgb

    def _closes(self) -> tuple[list[PricePoint], str]:
        """The points to draw and the title (empty points: an empty plot)."""
        raise NotImplementedError

    def _draw_markers(self, points: list[PricePoint]) -> None:
        """Anything drawn over the line (the publication, the articles)."""

    def _draw(self) -> None:
        self._generation += 1
        plt = self.plt
        plt.clear_data()
        points, title = self._closes()
        if points:
            closes = [p.close for p in points]
            xs = list(range(len(closes)))
            plt.plot(xs, closes, marker="braille", color=self._colour("chart-line", "#58a6ff"))
            self._draw_markers(points)
            step = max(1, (len(xs) - 1) // (self.TICKS - 1)) if len(xs) > 1 else 1
            ticks = xs[::step]
            form = "%d %b %y" if (points[-1].day - points[0].day).days > 200 else "%d %b"
            plt.xticks([float(i) for i in ticks], [points[i].day.strftime(form) for i in ticks])
            # The plot reaches the screen through Text.from_ansi: a symbol from a seed
            # file or Yahoo's search must not carry escape sequences into it.
            plt.title(clean(title, single_line=True))
        self.refresh()
