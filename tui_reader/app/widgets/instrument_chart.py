"""The instrument view's chart: closes over a range, a marker at each stored article.

Each article sits on the close of its publication day (the first trading day from it
on); the selected one also gets a vertical line, so `[`/`]` can be followed by eye.
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import date

from tui_reader.app.widgets.closes_plot import ClosesPlot
from tui_reader.model import PricePoint


def marker_index(points: list[PricePoint], day: date) -> int | None:
    """The index of the first close on or after `day`; None outside the points."""
    if not points or day < points[0].day or day > points[-1].day:
        return None
    return bisect_left([p.day for p in points], day)


class InstrumentChart(ClosesPlot):
    TICKS = 5

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.points: list[PricePoint] = []
        self.marker_days: list[date] = []
        self.selected: date | None = None
        self.title = ""

    def show(self, title: str, points: list[PricePoint], marker_days: list[date], selected: date | None) -> None:
        self.title, self.points, self.marker_days, self.selected = title, points, marker_days, selected
        self._draw()

    @property
    def markers(self) -> list[int]:
        """The x of every marker inside the range (one per article, articles of one day
        share a place)."""
        found = (marker_index(self.points, day) for day in self.marker_days)
        return [x for x in found if x is not None]

    def _closes(self) -> tuple[list[PricePoint], str]:
        return self.points, self.title

    def _draw_markers(self, points: list[PricePoint]) -> None:
        closes = [p.close for p in points]
        if markers := sorted(set(self.markers)):
            self.plt.scatter(markers, [closes[x] for x in markers], marker="●",
                             color=self._colour("chart-marker", "#e3b341"))
        chosen = marker_index(points, self.selected) if self.selected else None
        if chosen is not None:
            self.plt.vertical_line(chosen, color=self._colour("instrument-highlight", "#58a6ff"))
