"""Command palette: follow or unfollow the instrument the user types.

What is typed (ticker, ISIN or company name) is resolved through the offline
directory, as `tui-reader follow` does; the hit follows it (watchlist entry plus one
feed per source template, written into the config with its comments kept) or, for an
instrument already on the watchlist, unfollows it. The config is edited in a worker;
the app's feed list and watchlist are updated in place, and, online, the new feeds
are polled at once. Hits rank below "Go to" so Enter still jumps by default.

The change itself is `following.py`'s, shared with the instrument pane's `f` key.
"""

from __future__ import annotations

import asyncio
from functools import partial
from typing import TYPE_CHECKING

from textual.command import Hit, Hits, Provider
from textual.content import Content

from tui_reader.app.following import change_following, reader_of
from tui_reader.app.safe_text import clean

if TYPE_CHECKING:
    from tui_reader.model import Instrument

_VERBS = frozenset({"follow", "unfollow"})
"""A leading verb the user types as the hit reads ("Follow INTC (Intel)")."""
_BELOW_GO_TO = 0.01
"""A fixed low score: the palette's jump hits (scored by the matcher) come first."""


def _resolve(text: str) -> Instrument | None:
    from tui_reader.follow import Ambiguous, NotFound, resolve

    try:
        return resolve(text)
    except (Ambiguous, NotFound):
        return None


class FollowCommands(Provider):
    async def search(self, query: str) -> Hits:
        text = query.strip()
        verb_typed, _, rest = text.partition(" ")
        if verb_typed.lower() in _VERBS and rest.strip():
            text = rest.strip()  # "Follow INTC", "unfollow sap": the words the hit itself shows
        if len(text) < 2:
            return
        instrument = await asyncio.to_thread(_resolve, text)  # the directory's first build is ~35 ms
        if instrument is None or not instrument.ticker:
            return
        watched = {w.upper() for w in reader_of(self.app).watchlist}
        following = bool({instrument.ticker.upper(), (instrument.isin or "").upper()} & watched)
        verb = "Unfollow" if following else "Follow"
        label = clean(f"{verb} {instrument.ticker} ({instrument.name or instrument.ticker})", single_line=True)
        what = "Remove it from the watchlist and its news sources" if following else \
            "Add it to the watchlist and subscribe its news sources"
        yield Hit(_BELOW_GO_TO, Content(label), partial(change_following, self.app, instrument, not following),
                  text=label, help=what)
