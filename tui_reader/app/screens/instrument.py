"""The news on the chart: an instrument's closes over a range, a marker at each stored
article about it, and those articles listed under the chart.

Enter on an instrument in the left pane (or `i` on an article) opens it. `1` `3` `6`
`y` `5` switch the range (1M … 5Y, counted back from the latest close); `[` and `]`
walk the markers, and the list under the chart follows (and the other way round).
Enter goes back to the reading screen with the article selected there.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from tui_reader.app.safe_text import clean
from tui_reader.app.views_data import RANGES, InstrumentHistory, instrument_history
from tui_reader.app.widgets.instrument_chart import InstrumentChart, marker_index
from tui_reader.app.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from tui_reader.app.data import Library
    from tui_reader.store import ArticleSummary


class HistoryLoaded(Message):
    def __init__(self, history: InstrumentHistory) -> None:
        super().__init__()
        self.history = history


def article_row(summary: ArticleSummary) -> Text:
    when = summary.published.strftime("%Y-%m-%d") if summary.published else "          "
    text = Text.assemble((when, "dim"), "  ", no_wrap=True, overflow="ellipsis")
    text.append(clean(summary.title, single_line=True), style="" if summary.read else "bold")
    return text


class InstrumentScreen(Screen[str | None]):
    """Dismissed with the id of the article to show in the reading screen, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,i", "dismiss(None)", "Back", id="instrument.close"),
        Binding("left_square_bracket", "step(-1)", "Earlier news", id="instrument.earlier"),
        Binding("right_square_bracket", "step(1)", "Later news", id="instrument.later"),
        Binding("1", "range('1m')", "1M", id="instrument.1m"),
        Binding("3", "range('3m')", "3M", id="instrument.3m"),
        Binding("6", "range('6m')", "6M", id="instrument.6m"),
        Binding("y", "range('1y')", "1Y", id="instrument.1y"),
        Binding("5", "range('5y')", "5Y", id="instrument.5y"),
        Binding("enter", "open", "Open article", show=False, id="instrument.open"),
    ]

    range_id: reactive[str] = reactive("6m", init=False)
    """The key of `RANGES` shown."""
    selected: reactive[int | None] = reactive(None, init=False)
    """Index into `history.articles` (oldest first) of the article the marker and the
    list are on."""

    def __init__(self, library: Library, key: str | None, symbol: str, name: str | None, article_id: str | None = None) -> None:
        super().__init__()
        self.library = library
        self.key = key
        self.symbol = symbol
        self.name_shown = name
        self.wanted = article_id
        """The article to start on (from `i`); else the newest."""
        self.history: InstrumentHistory | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="instrument-head", markup=False)
        yield InstrumentChart(id="instrument-chart")
        yield OptionList(id="instrument-articles")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#instrument-head", Static).update(f"{self.symbol}  loading prices…")
        self.query_one("#instrument-articles").border_title = "Articles"
        self.query_one("#instrument-articles", OptionList).focus()
        self._load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="instrument")
    def _load(self) -> None:
        history = instrument_history(self.library, self.key, self.symbol, self.name_shown)
        if not get_current_worker().is_cancelled:
            self.post_message(HistoryLoaded(history))

    def on_history_loaded(self, message: HistoryLoaded) -> None:
        self.history = history = message.history
        listing = self.query_one("#instrument-articles", OptionList)
        # Newest first, as in the reading screen; option ids are indexes (oldest first).
        listing.set_options(
            Option(article_row(s), id=str(i)) for i, s in reversed(list(enumerate(history.articles)))
        )
        listing.border_title = Content(f"Articles about {history.named} · {len(history.articles)}")
        ids = [s.id for s in history.articles]
        start = ids.index(self.wanted) if self.wanted in ids else len(ids) - 1 if ids else None
        self._draw()
        self.selected = start

    # -- state → screen ---------------------------------------------------------------------

    def watch_range_id(self) -> None:
        self._draw()

    def watch_selected(self, index: int | None) -> None:
        history = self.history
        if history is None or index is None:
            return
        day = self._day(index)
        points = history.window(self.range_id)
        if day is not None and points and marker_index(points, day) is None and day < points[0].day:
            # The article is older than the range: widen to the first range that holds it.
            wider = next((r for r in RANGES if (p := history.window(r)) and p[0].day <= day), "5y")
            if wider != self.range_id:
                self.range_id = wider
        listing = self.query_one("#instrument-articles", OptionList)
        wanted = listing.get_option_index(str(index))
        if listing.highlighted != wanted:
            listing.highlighted = wanted
        self._draw()

    def _day(self, index: int | None) -> date | None:
        if self.history is None or index is None:
            return None
        published = self.history.articles[index].published
        return published.date() if published else None

    def _draw(self) -> None:
        history = self.history
        if history is None:
            return
        label, _days = RANGES[self.range_id]
        points = history.window(self.range_id)
        days = [s.published.date() for s in history.articles if s.published]
        chart = self.query_one(InstrumentChart)
        currency = f" ({history.currency})" if history.currency else ""
        # SAP's closes for SAP.DE: titled as the article's chart is, never passed off as SAP.DE's.
        other = f" · another line of {history.line_of}" if history.line_of else ""
        chart.show(f"{history.symbol} daily close{currency} · {label}{other}", points, days, self._day(self.selected))
        shown = len(chart.markers)
        head = f"{history.named}  {history.name or ''}".rstrip()
        head += f" · {label} · {shown} of {len(history.articles)} articles on the chart"
        if history.reason:
            head += f" · no prices: {history.reason}"
        elif history.source and points:
            whose = f"{history.symbol}'s " if history.line_of else ""
            head += f" · {whose}{history.source} to {points[-1].day.isoformat()}"
        self.query_one("#instrument-head", Static).update(clean(head, single_line=True))

    # -- keys -----------------------------------------------------------------------------

    def action_range(self, range_id: str) -> None:
        self.range_id = range_id

    def action_step(self, step: int) -> None:
        """`]` the next article in time, `[` the one before: along the markers."""
        if self.history is None or not self.history.articles:
            return
        current = self.selected if self.selected is not None else len(self.history.articles)
        wanted = max(0, min(len(self.history.articles) - 1, current + step))
        if wanted == current:  # at the first or last marker: say so rather than do nothing
            self.notify("No earlier article about it." if step < 0 else "No later article about it.", timeout=2)
            return
        self.selected = wanted

    @on(OptionList.OptionHighlighted, "#instrument-articles")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id is not None and int(event.option.id) != self.selected:
            self.selected = int(event.option.id)

    @on(OptionList.OptionSelected, "#instrument-articles")
    def _chosen(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        if self.history is not None and self.selected is not None:
            self.dismiss(self.history.articles[self.selected].id)
