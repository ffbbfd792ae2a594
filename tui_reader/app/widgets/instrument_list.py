"""The left pane: the fixed views, the watchlist, the saved searches, then every
instrument with news.

Each instrument reads `TICKER  ISIN  Name  unread/total`. Option ids encode the
selection (`all`, `unread`, `starred`, `watch:BABA`, `search:NAME`, `inst:US01609W1027`) so the
screen can turn a highlight back into a `Selection` without a lookup table.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from tui_reader.app.filters import Selection
from tui_reader.app.safe_text import clean
from tui_reader.isin_shape import looks_like_isin

if TYPE_CHECKING:
    from tui_reader.app.data import SearchCount
    from tui_reader.store import Counts, InstrumentSummary


def selection_for(option_id: str) -> Selection:
    kind, _, key = option_id.partition(":")
    if kind == "inst":
        return Selection("instrument", key)
    if kind == "watch":
        return Selection("watch", key)
    if kind == "search":
        return Selection("search", key, key)
    return Selection(kind)


def _count(unread: int, total: int) -> Text:
    return Text.assemble((str(unread), "bold" if unread else "dim"), ("/", "dim"), (str(total), "dim"))


def _fixed(label: str, glyph: str, unread: int, total: int) -> Text:
    text = Text.assemble((f"{glyph} ", "dim"), (label, "bold"), " ")
    text.append_text(_count(unread, total))
    return text


def ticker_width(instruments: list[InstrumentSummary]) -> int:
    """The ticker column fits the longest symbol shown (005930.KS is nine cells), within 7–10."""
    return min(10, max([7, *(len(i.ticker) for i in instruments if i.ticker)]))


_MIN_NAME = 8
"""Below this many cells for the name, the ISIN and the name give their place up: a
compact pane shows tickers and counts only."""
_MAX_NAME = 40
"""A wide screen widens the pane for names up to this long; a longer one is cut."""
_ISIN_CELLS = 13
"""The ISIN's column: twelve characters and the space after them."""


def whole_row_width(item: InstrumentSummary, ticker_cells: int) -> int:
    """The cells `instrument_row` needs to show the item's name whole."""
    name = min(_MAX_NAME, len(clean(item.name or "", single_line=True)))
    return ticker_cells + 1 + _ISIN_CELLS + max(_MIN_NAME, name) + 1 + len(_count(item.unread, item.total))


def instrument_row(item: InstrumentSummary, width: int = 40, ticker_cells: int = 7) -> Text:
    """`TICKER  ISIN  Name  unread/total` in `width` cells, `TICKER  unread/total` when
    the pane is compact; cleaned, never parsed as markup."""
    ticker = clean(item.ticker or "", single_line=True)[:ticker_cells]
    isin = clean(item.isin or "", single_line=True)[:12]
    count = _count(item.unread, item.total)
    room = width - ticker_cells - 1 - len(count) - 1
    with_isin = room - _ISIN_CELLS >= _MIN_NAME
    room = max(1, room - _ISIN_CELLS if with_isin else room)
    # A compact pane shows tickers and counts only: names there would be cut to stubs
    # ("Alpha…") or shown for some rows and not others.
    name = clean(item.name or "", single_line=True) if with_isin else ""
    name = name if len(name) <= room else name[: room - 1] + "…"
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(f"{ticker:<{ticker_cells}} ", style="bold" if item.unread else "")
    if with_isin:
        text.append(f"{isin:<12} ", style="dim")
    text.append(f"{name:<{room}} ")
    text.append_text(count)
    return text


class InstrumentList(OptionList):
    _shown: tuple[Counts, list[str], list[InstrumentSummary], list[SearchCount]] | None = None
    """The last data shown, to lay it out again when the pane's width changes."""
    _tickers: Mapping[str, str] = MappingProxyType({})
    """Instrument key → ticker, so a selection can name itself ("BABA", not its ISIN)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="instruments.down"),
        Binding("k", "cursor_up", "Up", show=False, id="instruments.up"),
        Binding("g", "first", "Top", show=False, id="instruments.top"),
        Binding("G", "last", "Bottom", show=False, id="instruments.bottom"),
        Binding("f", "follow", "Follow/unfollow", id="instruments.follow",
                tooltip="The highlighted instrument: watchlist entry and news sources, or off again"),
    ]

    @dataclass
    class FollowAsked(Message):
        """`f` on an instrument or watchlist entry; the screen follows or unfollows it."""

        ticker: str | None
        isin: str | None

    def action_cursor_up(self) -> None:
        self._step(-1)

    def action_cursor_down(self) -> None:
        self._step(1)

    def _step(self, step: int) -> None:
        """One option up or down, stopping at the ends as the article list does:
        OptionList wraps, and an Up pressed once too often on All would land on the last
        instrument and quietly filter the list to it."""
        here = self.highlighted
        if here is None:
            self.action_first() if step > 0 else self.action_last()
            return
        ahead = range(here + step, self.option_count if step > 0 else -1, step)
        self.highlighted = next((i for i in ahead if not self.options[i].disabled), here)

    def action_follow(self) -> None:
        selection = self.selection
        if selection.kind not in ("instrument", "watch") or not selection.key:
            self.notify("Highlight an instrument (or a watchlist entry) to follow it.", timeout=4)
            return
        key = selection.key.upper()
        found = next((i for i in (self._shown[2] if self._shown else [])
                      if key in (i.key.upper(), (i.ticker or "").upper(), (i.isin or "").upper())), None)
        if found is not None:
            self.post_message(self.FollowAsked(found.ticker, found.isin))
        elif looks_like_isin(key):
            self.post_message(self.FollowAsked(None, key))
        else:
            self.post_message(self.FollowAsked(key, None))

    def on_resize(self) -> None:
        if self._shown is not None:
            self.show(*self._shown)

    @property
    def wanted_width(self) -> int:
        """The width, frame included, that shows every instrument's name whole (up to
        `_MAX_NAME`): a wide screen gives the pane up to this much."""
        if self._shown is None:
            return 0
        _counts, _watchlist, instruments, searches = self._shown
        cells = ticker_width(instruments)
        rows = [whole_row_width(item, cells) for item in instruments]
        rows += [len(f"⌕ {clean(s.name, single_line=True)} ") + len(_count(s.unread, s.total)) for s in searches]
        return max(rows, default=0) + self.styles.gutter.width + 1  # 1: the scrollbar

    def show(self, counts: Counts, watchlist: list[str], instruments: list[InstrumentSummary],
             searches: list[SearchCount] | None = None) -> None:
        """Rebuild the options, keeping the highlighted one where it still exists."""
        searches = searches or []
        self._shown = (counts, watchlist, instruments, searches)
        self._tickers = {i.key: clean(i.ticker or i.isin or i.key, single_line=True) for i in instruments}
        current = self.highlighted_option.id if self.highlighted_option is not None else "all"
        by_ticker = {i.ticker.upper(): i for i in instruments if i.ticker}
        by_isin = {i.isin.upper(): i for i in instruments if i.isin}
        options: list[Option | None] = [
            Option(_fixed("All", "◆", counts.unread, counts.total), id="all"),
            Option(_fixed("Unread", "●", counts.unread, counts.unread), id="unread"),
            Option(_fixed("Starred", "★", counts.starred_unread, counts.starred), id="starred"),
        ]
        width = self.scrollable_content_region.width or 34
        seen: set[str] = set()
        for entry in watchlist:
            entry = clean(entry, single_line=True).upper()
            if not entry or entry in seen:
                continue
            seen.add(entry)
            match = by_isin.get(entry) or by_ticker.get(entry)
            label = Text.assemble(("» ", "dim"), (entry, "bold"), no_wrap=True, overflow="ellipsis")
            if match is not None:
                count = _count(match.unread, match.total)
                # One line: the name gives way to the count in a compact pane.
                room = min(16, width - len(label) - len(count) - 2)
                name = clean(match.name or "", single_line=True)
                name = name if len(name) <= room else name[: room - 1] + "…" if room > 1 else ""
                label.append(f" {name} " if name else " ")
                label.append_text(count)
            else:
                label.append(" no news", style="dim")
            options.append(Option(label, id=f"watch:{entry}"))
        for search in searches:  # newsboat's query feeds: a list per saved query
            label = Text.assemble(("⌕ ", "dim"), (clean(search.name, single_line=True), "bold"), " ")
            label.append_text(_count(search.unread, search.total))
            options.append(Option(label, id=f"search:{search.name}"))
        options.append(None)
        cells = ticker_width(instruments)
        options.extend(Option(instrument_row(item, width, cells), id=f"inst:{item.key}") for item in instruments)
        wanted = [option for option in options if option is not None]
        if [o.id for o in wanted] == [o.id for o in self.options]:
            # The same rows with new counts (an article was read): new prompts in place,
            # so the pane neither jumps back to the top nor re-announces its highlight.
            for index, (old, new) in enumerate(zip(self.options, wanted, strict=True)):
                if old.prompt != new.prompt:
                    self.replace_option_prompt_at_index(index, new.prompt)
            return
        self.set_options(options)
        try:
            self.highlighted = self.get_option_index(current or "all")
        except OptionDoesNotExist:  # the instrument has no news any more
            self.highlighted = 0

    @property
    def selection(self) -> Selection:
        option = self.highlighted_option
        if option is None or not option.id:
            return Selection("all")
        selection = selection_for(option.id)
        label = self._tickers.get(selection.key or "", selection.key or "")
        return Selection(selection.kind, selection.key, label)
