"""The main screen following the app's polls and seed scans: progress and errors in the
status line, one notification for failed feeds, the list reloaded when articles came,
and the quote strip asked again after each poll.

Kept apart from `main.py`: the app's poll workers post these messages to the screen,
and none of them is about reading.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from textual.reactive import reactive

from tui_reader.app.messages import PollFinished, PollStarted, QuotesReady, SourceDone
from tui_reader.app.screens.main_workers import LibraryScreen
from tui_reader.app.widgets.quote_strip import QuoteStrip
from tui_reader.app.widgets.status_line import PollStatus

if TYPE_CHECKING:
    from tui_reader.app.reader import Reader
    from tui_reader.prices.quotes import NoQuote, Quote


class PollFollower(LibraryScreen):
    """The handlers for `PollStarted`, `SourceDone`, `PollFinished` and `QuotesReady`."""

    reader: Reader
    watchlist: list[str]
    status: reactive[PollStatus]

    if TYPE_CHECKING:
        def reload(self, *, keep_cursor: bool = False, keep: str | None = None) -> None: ...

    def refresh_quotes(self) -> None:
        """The quote strip follows the watchlist: asked again after every poll, on `r`,
        when following changes and when Yahoo answers again. An empty watchlist clears
        the strip and the status line's `no quote` at once, with nothing to ask."""
        if self.watchlist:
            self._load_quotes(list(self.watchlist))
        else:
            self._show_quotes([])

    def on_quotes_ready(self, message: QuotesReady) -> None:
        # The status reactive only redraws on a change: said once, as the chart says it.
        self.status = self.status.evolve(live_prices=message.live_prices_problem)
        # A worker started before an unfollow may answer after it: only what is still followed.
        followed = {w.upper() for w in self.watchlist}
        self._show_quotes([q for q in message.quotes if q.symbol.upper() in followed])

    def _show_quotes(self, quotes: list[Quote | NoQuote]) -> None:
        """Prices to the strip; the entries without one to the status line, with why."""
        from tui_reader.prices.quotes import NoQuote

        self.query_one(QuoteStrip).show(quotes)
        unquoted = tuple((q.symbol, q.reason) for q in quotes if isinstance(q, NoQuote))
        self.status = self.status.evolve(unquoted=unquoted)

    def on_poll_started(self, message: PollStarted) -> None:
        self.status = self.status.evolve(running=True, done=0, total=message.total)

    def on_source_done(self, message: SourceDone) -> None:
        self.status = self.status.evolve(done=self.status.done + 1)
        if message.new:
            self.library.sources_changed()
            self.reload(keep_cursor=True)

    def on_poll_finished(self, message: PollFinished) -> None:
        if not message.scan:
            self.refresh_quotes()
        errors = tuple(self.reader.poll_state.errors.values())
        skipped = len(self.reader.poll_state.skipped)
        if message.scan:
            self.status = self.status.evolve(errors=errors, skipped=skipped)
        else:
            self.status = self.status.evolve(
                running=False, last_poll=datetime.now(UTC), new=message.new, errors=errors,
                skipped=skipped, offline=self.library.offline,
            )
            if message.errors:
                names = ", ".join(title for title, _ in message.errors[:3])
                more = f" and {len(message.errors) - 3} more" if len(message.errors) > 3 else ""
                self.notify(f"{names}{more} failed; press e for details.", title="Feed errors", severity="warning", timeout=6, markup=False)
        if message.new:
            self.library.sources_changed()
            self.reload(keep_cursor=True)
