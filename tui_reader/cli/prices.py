"""`tui-reader prices`: the closes behind the sparkline, and where they came from.

It runs the same chain the UI uses, so it is also the way to see why a chart is
missing: the reason printed here is the one the chart area shows.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from tui_reader import locations
from tui_reader.cli import EXIT_NO_DATA, EXIT_OK, UsageError, printable
from tui_reader.isin_shape import looks_like_isin

DEFAULT_SPAN = timedelta(days=183)
"""With no --start, show the latest six months of whatever data there is."""


def _day(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{option} {text!r} is not a date (YYYY-MM-DD)") from None


def _settings(args: argparse.Namespace) -> tuple[list[Path], bool]:
    """Seed folders and offline flag: --seeds replaces the configured folders, and the
    config is only read (and its default written) when it is needed."""
    from tui_reader.config import ConfigError, effective_seed_dirs, load_config

    offline = bool(args.offline)
    if args.seeds and offline:
        return [Path(p).expanduser().resolve() for p in args.seeds], offline
    try:
        config = load_config(getattr(args, "config", None))
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    return effective_seed_dirs(config, args.seeds), offline or config.offline


def _format_close(close: float) -> str:
    return f"{close:.2f}" if close >= 1 else f"{close:.4f}"


def run(args: argparse.Namespace) -> int:
    start, end = _day(args.start, "--start"), _day(args.end, "--end")
    if start and end and start > end:
        raise UsageError(f"--start {start} is after --end {end}")
    seed_dirs, offline = _settings(args)

    from tui_reader.prices.service import InvalidIsin, NoPrices, PriceService
    from tui_reader.store import Store, StoreError

    db = Path(args.db).expanduser() if args.db else locations.default_db()
    try:
        store = Store.open(db)
    except StoreError as exc:
        raise UsageError(str(exc)) from None
    with store:
        service = PriceService(store, seed_dirs, offline)
        try:
            history = service.history(args.symbol, start, end)
        except InvalidIsin as exc:
            raise UsageError(str(exc)) from None
        except NoPrices as exc:
            print(printable(f"error: {exc}"), file=sys.stderr)
            return EXIT_NO_DATA
    if start is None:
        first = (end or history.points[-1].day) - DEFAULT_SPAN
        history = replace(history, points=[p for p in history.points if p.day >= first])
    for warning in history.warnings:
        print(printable(f"warning: {warning}"), file=sys.stderr)
    asked = args.symbol.strip().upper()
    if not looks_like_isin(asked) and history.symbol.upper() != asked:
        # SAP.DE without prices of its own: the NYSE line's, in its currency, never as SAP.DE's
        print(printable(f"note: no prices for {asked}; these are {history.symbol}'s, another line of the same "
                        f"company ({history.currency or 'currency unknown'})"), file=sys.stderr)
    if args.json:
        json.dump(history.to_json(), sys.stdout)
        sys.stdout.write("\n")
        return EXIT_OK
    points = history.points
    stale = ", stale" if history.stale else ""
    print(printable(f"{history.symbol}  {history.isin or '-'}  {history.currency or '-'}  source {history.source}"
                    f"{stale}  {len(points)} closes  {points[0].day}..{points[-1].day}"))
    for point in points:
        print(f"{point.day}  {_format_close(point.close)}")
    return EXIT_OK

