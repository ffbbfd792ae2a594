"""Command palette: follow or unfollow the instrument the user types.

What is typed (ticker, ISIN or company name) is resolved through the offline
directory, as `tui-reader follow` does; the hit follows it (watchlist entry plus one
feed per source template, written into the config with its comments kept) or, for an
instrument already on the watchlist, unfollows it. The config is edited in a worker;
the app's feed list and watchlist are updated in place, and, online, the new feeds
are polled at once. Hits rank below "Go to" so Enter still jumps by default.

The app is used through `Reader` and told of the change by a message (`FollowingChanged`),
so this module, which the app imports, does not import the app.
"""

from __future__ import annotations

import asyncio
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import Hit, Hits, Provider
from textual.content import Content

from tui_reader.app.messages import FollowingChanged
from tui_reader.app.safe_text import clean

if TYPE_CHECKING:
    from textual.app import App

    from tui_reader.app.reader import Reader
    from tui_reader.model import Instrument

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
        if len(text) < 2:
            return
        instrument = await asyncio.to_thread(_resolve, text)  # the directory's first build is ~35 ms
        if instrument is None or not instrument.ticker:
            return
        watched = {w.upper() for w in _reader(self.app).watchlist}
        following = bool({instrument.ticker.upper(), (instrument.isin or "").upper()} & watched)
        verb = "Unfollow" if following else "Follow"
        label = clean(f"{verb} {instrument.ticker} ({instrument.name or instrument.ticker})", single_line=True)
        what = "Remove it from the watchlist and its news sources" if following else \
            "Add it to the watchlist and subscribe its news sources"
        yield Hit(_BELOW_GO_TO, Content(label), partial(change_following, self.app, instrument, not following),
                  text=label, help=what)


def _reader(app: App[object]) -> Reader:
    """The app as the `Reader` it is (mypy checks that where the app makes its main screen)."""
    return cast("Reader", app)


def change_following(app: App[object], instrument: Instrument, follow: bool) -> None:
    app.run_worker(partial(_change, app, instrument, follow), thread=True, group="follow", exit_on_error=False)


def _change(app: App[object], instrument: Instrument, follow: bool) -> None:
    """In a worker: edit the config, then bring the app's feeds and watchlist in line."""
    from tui_reader.config import ConfigError, load_config
    from tui_reader.follow import follow as follow_in_config
    from tui_reader.follow import unfollow
    from tui_reader.sources.feeds import FeedSource

    reader = _reader(app)
    path = reader.config.path
    try:
        change = (follow_in_config if follow else unfollow)(path, [instrument])[0]
        config = load_config(path)
    except (ConfigError, OSError) as exc:
        app.call_from_thread(app.notify, f"Config not changed: {exc}", severity="error", timeout=8, markup=False)
        return
    reader.feeds[:] = [FeedSource.from_config(f, config.interval_minutes) for f in config.feeds]
    codes = {instrument.ticker or "", instrument.isin or ""}
    if follow and not {w.upper() for w in reader.watchlist} & codes:
        reader.watchlist.append(instrument.ticker or "")
    if not follow:
        reader.watchlist[:] = [w for w in reader.watchlist if w.upper() not in codes]
    sources = ", ".join(change.feeds) or "no new sources"
    message = (f"Following {instrument.ticker}: {sources}." if follow
               else f"Unfollowed {instrument.ticker}: its feeds removed; stored articles stay.")
    notes = " ".join(config.notes) if follow else ""
    app.call_from_thread(app.notify, f"{message} {notes}".strip(), timeout=8, markup=False)
    app.post_message(FollowingChanged(new_feeds=bool(follow and change.feeds)))
