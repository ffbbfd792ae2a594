"""The instrument view's chart: closes over a range, a marker at each stored article.

Like `PriceChart`, it plots against day indexes (plotext's date parsing is slow and
locale-bound), labels a few ticks itself and takes its colours from the theme. Each
article sits on the close of its publication day (the first trading day from it on);
the selected one also gets a vertical line, so `[`/`]` can be followed by eye.
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import date

from textual.app import RenderResult
from textual.color import Color
from textual_plotext import PlotextPlot

from tui_reader.app.safe_text import clean
from tui_reader.model import PricePoint

_TICKS = 5


def marker_index(points: list[PricePoint], day: date) -> int | None:
    """The index of the first close on or after `day`; None outside the points."""
    if not points or day < points[0].day or day > points[-1].day:
        return None
    return bisect_left([p.day for p in points], day)


class InstrumentChart(PlotextPlot):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.points: list[PricePoint] = []
        self.marker_days: list[date] = []
        self.selected: date | None = None
        self.title = ""
        self._drawn: tuple[object, ...] | None = None
        self._drawing: RenderResult = ""
        self._generation = 0

    def render(self) -> RenderResult:
        """Build once per data, size and theme (a plotext build costs ~10 ms)."""
        key = (self.size, self.app.theme, self._generation)
        if key != self._drawn:
            self._drawing = super().render()
            self._drawn = key
        return self._drawing

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._draw())

    def show(self, title: str, points: list[PricePoint], marker_days: list[date], selected: date | None) -> None:
        self.title, self.points, self.marker_days, self.selected = title, points, marker_days, selected
        self._draw()

    @property
    def markers(self) -> list[int]:
        """The x of every marker inside the range (one per article, articles of one day
        share a place)."""
        found = (marker_index(self.points, day) for day in self.marker_days)
        return [x for x in found if x is not None]

    def _colour(self, variable: str, fallback: str) -> tuple[int, int, int]:
        return Color.parse(self.app.theme_variables.get(variable, fallback)).rgb

    def _draw(self) -> None:
        self._generation += 1
        plt = self.plt
        plt.clear_data()
        points = self.points
        if not points:
            self.refresh()
            return
        closes = [p.close for p in points]
        xs = list(range(len(closes)))
        plt.plot(xs, closes, marker="braille", color=self._colour("chart-line", "#58a6ff"))
        markers = sorted(set(self.markers))
        if markers:
            plt.scatter(markers, [closes[x] for x in markers], marker="●", color=self._colour("chart-marker", "#e3b341"))
        chosen = marker_index(points, self.selected) if self.selected else None
        if chosen is not None:
            plt.vertical_line(chosen, color=self._colour("instrument-highlight", "#58a6ff"))
        step = max(1, (len(xs) - 1) // (_TICKS - 1)) if len(xs) > 1 else 1
        ticks = xs[::step]
        form = "%d %b %y" if (points[-1].day - points[0].day).days > 200 else "%d %b"
        plt.xticks([float(i) for i in ticks], [points[i].day.strftime(form) for i in ticks])
        # The plot reaches the screen through Text.from_ansi: no escapes from a symbol.
        plt.title(clean(self.title, single_line=True))
        self.refresh()
