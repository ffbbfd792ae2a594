"""`tui-reader follow SYMBOL|ISIN|NAME...` and `tui-reader unfollow ...`.

Everything named is resolved before the config is touched: an unknown name is an
error (exit 2) and an ambiguous one lists its candidates (exit 2), and in both cases
nothing changes. Then one line per instrument says what was added or removed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui_reader.cli import EXIT_OK, UsageError, printable


def run(args: argparse.Namespace) -> int:
    from tui_reader import locations
    from tui_reader.config import ConfigError, load_config
    from tui_reader.follow import Ambiguous, NotFound, contact_notes, follow, resolve, unfollow

    target = Path(args.config).expanduser() if args.config else locations.config_file()
    try:
        load_config(args.config)  # a config that does not read is not edited
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    registered = _registered_ciks(args.db)
    instruments = []
    for text in args.instruments:
        try:
            instruments.append(resolve(text))
        except NotFound:
            raise UsageError(f"no instrument known as {text!r} (try its Yahoo symbol or ISIN)") from None
        except Ambiguous as exc:
            for candidate in exc.candidates:
                print(printable(f"  {candidate.ticker:<10} {candidate.isin or '-':<12}  {candidate.name or ''}"),
                      file=sys.stderr)
            raise UsageError(f"{text!r} names {len(exc.candidates)} companies (listed above): "
                             "name one by its symbol; nothing changed") from None
    try:
        if args.command == "follow":
            changes = follow(target, instruments, registered)
        else:
            changes = unfollow(target, instruments)
    except (ConfigError, OSError) as exc:
        raise UsageError(str(exc)) from None
    for change in changes:
        label = f"{change.instrument.ticker} ({change.instrument.name})" if change.instrument.name else str(change.instrument.ticker)
        if args.command == "follow":
            feeds = f"{len(change.feeds)} feeds added ({', '.join(change.feeds)})" if change.feeds else "no new feeds"
            listed = "added to the watchlist" if change.watchlist else "already on the watchlist"
            print(printable(f"following {label}: {listed}, {feeds}"))
        else:
            feeds = f"{len(change.feeds)} feeds removed ({', '.join(change.feeds)})" if change.feeds else "no feeds of its own"
            listed = "removed from the watchlist" if change.watchlist else "not on the watchlist"
            print(printable(f"unfollowed {label}: {listed}, {feeds}; stored articles stay"))
    if args.command == "follow":
        for note in contact_notes(load_config(target), changes):
            print(printable(note), file=sys.stderr)
    return EXIT_OK


def _registered_ciks(db: Path | None) -> dict[str, str]:
    """US ticker → SEC CIK from the registrants list a store holds (`fetch` downloads it
    with `sec_contact` set): SEC feeds are built by CIK. Without it the ticker stands in
    (EDGAR's company browser accepts one)."""
    from tui_reader import locations
    from tui_reader.store import Store, StoreError

    path = Path(db).expanduser() if db else locations.default_db()
    if not path.is_file():
        return {}
    try:
        with Store.open(path) as store:
            return {ticker.upper(): str(cik) for ticker, cik, _ in reversed(store.registrants())}
    except (StoreError, OSError):
        return {}  # the CIK is an improvement, not a requirement
