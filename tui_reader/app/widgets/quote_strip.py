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


class QuoteStrip(Widget):
    """The followed instruments with a price, side by side, wrapping:
    `AAPL 195.20 +1.20% open   SAP.DE …`."""

    DEFAULT_CSS = """
    QuoteStrip { height: auto; padding: 0 1; color: $text-muted; }
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
        text = Text(overflow="fold")
        oldest: timedelta | None = None
        for index, quote in enumerate(self.quotes):
            if index:
                text.append("   ")
            text.append(clean(quote.line or quote.symbol, single_line=True)[:12], style="bold")
            text.append(" ")
            text.append(f"{quote.last:,.2f}")
            if quote.change_pct is not None:
                style = up if quote.change_pct > 0 else down if quote.change_pct < 0 else ""
                text.append(f" {quote.change_pct:+.2f}%", style=style)
            if quote.dated:
                text.append(f" on {quote.day.isoformat()}", style="italic")
            elif quote.state:
                text.append(f" {quote.state}")
            if quote.age is not None:
                oldest = max(oldest or quote.age, quote.age)
        if oldest is not None:
            text.append(f"   · cached prices, {describe_age(oldest)} old", style="italic")
        return text
