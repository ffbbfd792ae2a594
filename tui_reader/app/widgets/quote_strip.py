"""The watchlist's quotes in one strip: last price, day change, the market's state.

Fed by `prices.quotes.watchlist_quotes` from a worker on the poll interval; the strip
only draws what it is given. Offline or with Yahoo unreachable the quotes come from
the cache, and the strip says how old it is rather than passing old prices off as
current. It sits under the panes, across the screen, so it never pushes one pane
down beside another. An entry without a price is not drawn: why it has none is a
status message (the status line's `no quote`, the reason under `e`), and a strip of
reasons would only be a second, wrapping status line. Symbols come from the config and
prices from the network: drawn as `Text`, never as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import TYPE_CHECKING

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from tui_reader.app.article_text import theme_colour
from tui_reader.app.safe_text import clean

if TYPE_CHECKING:  # the price chain loads in the worker that makes quotes, not at start-up
    from tui_reader.prices.quotes import NoQuote, Quote


def describe_age(age: timedelta) -> str:
    minutes = int(age.total_seconds() // 60)
    if minutes < 60:
        return f"{minutes} min"
    if minutes < 48 * 60:
        return f"{minutes // 60} h"
    return f"{minutes // (24 * 60)} days"


_GAP = "   "


def quote_entry(quote: Quote, up: str, down: str, *, detailed: bool) -> Text:
    """`AAPL 195.20 +1.20% open`; without `detailed` the market's state goes, and a last
    close of an earlier day keeps only its date (`AAPL 253.79 +2.90% 2026-03-31`), so an
    old price is never read as today's even in the short form. Another line's price
    says whose it stands for, as the article's chart does: `SAP (another line of
    SAP.DE) 192.99`, short `SAP (for SAP.DE) 192.99`."""
    text = Text()
    text.append(clean(quote.line or quote.symbol, single_line=True)[:12], style="bold")
    if quote.line_of:
        named = clean(quote.line_of, single_line=True)[:12]
        text.append(f" (another line of {named})" if detailed else f" (for {named})", style="italic")
    text.append(f" {quote.last:,.2f}")
    if quote.change_pct is not None:
        style = up if quote.change_pct > 0 else down if quote.change_pct < 0 else ""
        text.append(f" {quote.change_pct:+.2f}%", style=style)
    if quote.dated:
        text.append(f" on {quote.day.isoformat()}" if detailed else f" {quote.day.isoformat()}", style="italic")
    elif quote.state and detailed:
        text.append(f" {quote.state}")
    return text


def _joined(parts: Sequence[Text]) -> Text:
    return Text(_GAP, no_wrap=True, overflow="ellipsis").join(parts)


def fit_row(entries: Sequence[Text], width: int) -> Text:
    """As many whole entries as fit in `width` cells, in watchlist order, then `+N more`
    for the rest (dim): an entry is never cut, and the row never wraps."""
    shown: list[Text] = []
    for index, entry in enumerate(entries):
        rest = len(entries) - index - 1
        more = len(_GAP) + len(f"+{rest} more") if rest else 0
        if _joined([*shown, entry]).cell_len + more > width:
            break
        shown.append(entry)
    if (rest := len(entries) - len(shown)) > 0:
        shown.append(Text(f"+{rest} more", style="dim"))
    return _joined(shown)


class QuoteStrip(Widget):
    """The followed instruments with a price, side by side in one row:
    `AAPL 195.20 +1.20% open   SAP.DE …   +3 more`.

    A trader glances here for prices and the day's moves, so when the whole strip does
    not fit, the details go before any instrument does: first the market's state of
    each entry, then the cache's age (the status line says Yahoo is unreachable too),
    and only then the last entries, counted in `+N more`. The strip is one row at any
    width: a second row would take one from the list, which at 80x24 has few."""

    DEFAULT_CSS = """
    QuoteStrip { height: 1; padding: 0 1; color: $text-muted; }
    QuoteStrip.-empty { display: none; }
    """

    quotes: reactive[tuple[Quote, ...]] = reactive((), layout=True)
    """The latest quotes with a price, in watchlist order; empty hides the strip."""

    def show(self, quotes: Sequence[Quote | NoQuote]) -> None:
        from tui_reader.prices.quotes import Quote

        self.quotes = tuple(q for q in quotes if isinstance(q, Quote))

    def watch_quotes(self, quotes: tuple[Quote, ...]) -> None:
        self.set_class(not quotes, "-empty")

    def render(self) -> Text:
        variables = self.app.theme_variables
        up, down = theme_colour(variables, "price-up", "green"), theme_colour(variables, "price-down", "red")
        full = [quote_entry(q, up, down, detailed=True) for q in self.quotes]
        short = [quote_entry(q, up, down, detailed=False) for q in self.quotes]
        ages = [q.age for q in self.quotes if q.age is not None]
        note = [Text(f"· cached prices, {describe_age(max(ages))} old", style="italic")] if ages else []
        width = self.content_size.width
        for row in (_joined([*full, *note]), _joined([*short, *note]), _joined(full), _joined(short)):
            if row.cell_len <= width:
                return row
        return fit_row(short, width)
