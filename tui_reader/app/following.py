"""Following an instrument from the app: the palette's command and the instrument pane's
`f` key both end here.

The config is edited in a worker (`tui_reader.follow`, as `tui-reader follow` does:
the watchlist entry plus one feed per source template, its comments kept); the app's
feed list and watchlist are updated in place and the app is told by a message
(`FollowingChanged`), so, online, the new feeds are polled at once. The app is used
through `Reader`, so this module, which the app's parts import, never imports the app.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from tui_reader.app.messages import FollowingChanged

if TYPE_CHECKING:
    from textual.app import App

    from tui_reader.app.reader import Reader
    from tui_reader.model import Instrument


def follows(watchlist: list[str], codes: set[str]) -> bool:
    """Whether one of the instrument's codes (ticker, ISIN) is on the watchlist."""
    return bool({w.upper() for w in watchlist} & {c.upper() for c in codes if c})


def toggle_following(app: App[object], ticker: str | None, isin: str | None) -> None:
    """`f` on an instrument: unfollow it when it is on the watchlist, else resolve it (by
    ticker, else ISIN) through the directory and follow it."""
    app.run_worker(partial(_toggle, app, ticker, isin), thread=True, group="follow", exit_on_error=False)


def _toggle(app: App[object], ticker: str | None, isin: str | None) -> None:
    from tui_reader.follow import Ambiguous, NotFound, resolve
    from tui_reader.model import Instrument

    if follows(reader_of(app).watchlist, {ticker or "", isin or ""}):
        _change(app, Instrument(isin, ticker, None), False)
        return
    code = ticker or isin or ""
    try:
        instrument = resolve(code)
    except (Ambiguous, NotFound):
        app.call_from_thread(app.notify, f"Cannot follow {code}: the directory has no listing with a ticker for it.",
                             severity="warning", timeout=6, markup=False)
        return
    _change(app, instrument, True)


def reader_of(app: App[object]) -> Reader:
    """The app as the `Reader` it is (mypy checks that where the app makes its main screen)."""
    return cast("Reader", app)


def change_following(app: App[object], instrument: Instrument, follow: bool) -> None:
    app.run_worker(partial(_change, app, instrument, follow), thread=True, group="follow", exit_on_error=False)


def _change(app: App[object], instrument: Instrument, follow: bool) -> None:
    """In a worker: edit the config, then bring the app's feeds and watchlist in line."""
    from tui_reader.config import ConfigError, load_config
    from tui_reader.follow import contact_notes, unfollow
    from tui_reader.follow import follow as follow_in_config
    from tui_reader.sources.feeds import FeedSource

    reader = reader_of(app)
    path = reader.config.path
    try:
        change = (follow_in_config if follow else unfollow)(path, [instrument])[0]
        config = load_config(path)
    except (ConfigError, OSError) as exc:
        app.call_from_thread(app.notify, f"Config not changed: {exc}", severity="error", timeout=8, markup=False)
        return
    reader.feeds[:] = [FeedSource.from_config(f, config.interval_minutes) for f in config.feeds]
    codes = {instrument.ticker or "", instrument.isin or ""}
    if follow and not follows(reader.watchlist, codes):
        reader.watchlist.append(instrument.ticker or "")
    if not follow:
        reader.watchlist[:] = [w for w in reader.watchlist if not follows([w], codes)]
    sources = ", ".join(change.feeds) or "no new sources"
    name = instrument.ticker or instrument.isin
    message = (f"Following {name}: {sources}." if follow
               else f"Unfollowed {name}: its feeds removed; stored articles stay.")
    notes = " ".join(contact_notes(config, [change])) if follow else ""
    app.call_from_thread(app.notify, f"{message} {notes}".strip(), timeout=8, markup=False)
    app.post_message(FollowingChanged(new_feeds=bool(follow and change.feeds)))
