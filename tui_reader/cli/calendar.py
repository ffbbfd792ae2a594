"""`tui-reader calendar`: the coming dates the stored articles state, one event a day
and instruments, with the sentence it comes from and every article that states it."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from tui_reader.cli import EXIT_OK, UsageError, json_text, open_existing_store, printable
from tui_reader.events import Event, events_of, touching, write_ics


def run(args: argparse.Namespace) -> int:
    today = date.today()
    start = _day(args.start, "--from", today) or today
    end = _day(args.end, "--to", today)
    if end is not None and end < start:
        raise UsageError("--to is before --from")
    with open_existing_store(args.db) as store:
        articles = store.articles_with_dates(start.isoformat(), end.isoformat() if end else None, args.ticker)
        filed = not args.ticker or bool(articles) or bool(store.articles(ticker=args.ticker, limit=1))
    if not filed:  # a mistyped ticker is no empty calendar: say what was not found, in every mode
        print(printable(f"no stored article is filed under {args.ticker}"), file=sys.stderr)
    events = events_of(articles, start, end)
    if args.ticker:  # the store picked the articles about it; an event is about fewer
        events = touching(events, [args.ticker])
    if args.ics is not None:
        try:
            count = write_ics(events, args.ics)
        except OSError as exc:
            raise UsageError(f"cannot write {args.ics}: {exc.strerror or exc}") from None
        print(printable(f"wrote {count} events to {args.ics}"), file=sys.stderr)
    if args.json:
        print(json_text([event.to_json() for event in events]))
    elif args.ics is None and filed:
        _print_lines(events)
    return EXIT_OK


def _day(text: str | None, option: str, today: date) -> date | None:
    """A day as the query language reads one (`2026-03-01`, `today`, `today+30d`), so
    `calendar --to today+30d` and `kind:date date<=today+30d` mean the same."""
    from tui_reader.query.values import LiteralError, read_day, resolve_day

    if text is None:
        return None
    try:
        return resolve_day(read_day(text.strip()), today)
    except LiteralError as exc:
        raise UsageError(f"{option} {printable(text)!r} is not {exc.expected}") from None


def _print_lines(events: list[Event]) -> None:
    """`YYYY-MM-DD  TICKERS  sentence  (N articles)`; untrusted text printed clean."""
    if not events:
        print("no coming dates in the stored articles", file=sys.stderr)
        return
    width = max(len(", ".join(e.instruments) or "-") for e in events)
    for event in events:
        tickers = ", ".join(event.instruments) or "-"
        count = len(event.articles)
        sources = f"  ({count} articles)" if count > 1 else ""
        print(printable(f"{event.day.isoformat()}  {tickers:<{width}}  {event.text}{sources}"))
