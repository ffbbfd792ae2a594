"""Command palette: follow or unfollow the instrument the user types.

What is typed (ticker, ISIN or company name) is resolved through the offline
directory, as `tui-reader follow` does; the hit follows it (watchlist entry plus one
feed per source template, written into the config with its comments kept) or, for an
instrument already on the watchlist, unfollows it. The config is edited in a worker;
the app's feed list and watchlist are updated in place, and, online, the new feeds
are polled at once. Hits rank below "Go to" so Enter still jumps by default. A typed
verb that the instrument's state contradicts ("Follow AAPL" for a followed AAPL)
gets a hit that only says so: never one doing the opposite of the word typed.

The change itself is `following.py`'s, shared with the instrument pane's `f` key.
"""

from __future__ import annotations

import asyncio
from functools import partial
from typing import TYPE_CHECKING

from textual.command import Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

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
        wanted: bool | None = None  # what a typed verb asks for: follow, unfollow; no verb: the toggle
        if verb_typed.lower() in _VERBS and rest.strip():
            text = rest.strip()  # "Follow INTC", "unfollow sap": the words the hit itself shows
            wanted = verb_typed.lower() == "follow"
        if len(text) < 2:
            return
        instrument = await asyncio.to_thread(_resolve, text)  # the directory's first build is ~35 ms
        if instrument is None or not instrument.ticker:
            return
        watched = {w.upper() for w in reader_of(self.app).watchlist}
        following = bool({instrument.ticker.upper(), (instrument.isin or "").upper()} & watched)
        named = f"{instrument.ticker} ({instrument.name or instrument.ticker})"
        if wanted is not None and wanted == following:
            # "Follow AAPL" for a followed AAPL: a reflex Enter must not unfollow it.
            state = "is followed already" if following else "is not followed"
            label = clean(f"{named} {state}", single_line=True)
            said = clean(f"{instrument.ticker} {state}.", single_line=True)
            yield Hit(_BELOW_GO_TO, Content(label), partial(self.app.notify, said, timeout=4, markup=False),
                      text=label, help=escape(f"Nothing to do: {said}"))  # help is read as markup
            return
        verb = "Unfollow" if following else "Follow"
        label = clean(f"{verb} {named}", single_line=True)
        what = "Remove it from the watchlist and its news sources" if following else \
            "Add it to the watchlist and subscribe its news sources"
        yield Hit(_BELOW_GO_TO, Content(label), partial(change_following, self.app, instrument, not following),
                  text=label, help=what)
