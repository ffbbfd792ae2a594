"""The article pane's chart: daily closes around an article's publication, with a
vertical line at the publication day, titled with the line charted (and the line the
article names, when the prices are another's)."""

from __future__ import annotations

from tui_reader.app.chart_data import ChartData
from tui_reader.app.widgets.closes_plot import ClosesPlot
from tui_reader.model import PricePoint


class PriceChart(ClosesPlot):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._data: ChartData | None = None

    def show(self, data: ChartData) -> None:
        self._data = data
        self._draw()

    def _closes(self) -> tuple[list[PricePoint], str]:
        data = self._data
        if data is None:
            return [], ""
        title = f"{data.symbol or ''} daily close{f' ({data.currency})' if data.currency else ''}"
        if data.other_line_of:  # SAP's closes for SAP.DE: never passed off as SAP.DE's
            title += f" · another line of {data.other_line_of}"
        return data.points, title

    def _draw_markers(self, points: list[PricePoint]) -> None:
        published = self._data.published_day if self._data is not None else None
        if published is not None:
            marker = next((i for i, p in enumerate(points) if p.day >= published), len(points) - 1)
            self.plt.vertical_line(marker, color=self._colour("chart-marker", "#e3b341"))
