"""`tui-reader list`: the stored articles, newest first, for people and for scripts."""

from __future__ import annotations

import argparse
import re
import sys
from datetime import datetime
from functools import partial
from pathlib import Path

from tui_reader.cli import EXIT_OK, UsageError, json_text, open_existing_store, printable
from tui_reader.isin_shape import looks_like_isin
from tui_reader.query.syntax import DATE_FIELDS, KEYS, NUMBER_FIELDS, Node, rename_sources
from tui_reader.sources.datelines import is_date_only
from tui_reader.store import ArticleSummary, Store

_SOURCE_WIDTH = 24
_QUERY_LANGUAGE = re.compile(
    rf"(?i)\b(?:{'|'.join(KEYS)}):\S|\b(?:{'|'.join(NUMBER_FIELDS + DATE_FIELDS)})\s*[<>=]")
"""A field or a comparison ("ticker:BABA", "money>=50bn"): --where's language, which --query
would search for as words and find nothing."""


def run(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise UsageError("--limit must be 1 or more")
    if args.isin is not None:
        _check_isin(args.isin)
    if args.query is not None and _QUERY_LANGUAGE.search(args.query):
        raise UsageError(f"--query {printable(args.query)!r} looks like the query language: --query takes words; "
                         "use --where for fields and figures (docs/QUERIES.md)")
    where = _parse_where(args.where) if args.where is not None else None
    folders = _folder_names_of(getattr(args, "config", None))
    if where is not None:
        where = rename_sources(where, partial(_folder_source, folders))  # "source:tui" is the samples' folder
    with open_existing_store(args.db) as store:
        rows = store.articles(ticker=args.ticker, isin=args.isin, query=args.query, where=where, limit=args.limit)
        if args.json:
            instruments = store.instruments_of([r.id for r in rows])
            out = [_as_json(r, [i.to_json() for i in instruments.get(r.id, [])]) for r in rows]
            print(json_text(out))
        else:
            named = _folder_members(store, folders)
            for row in rows:
                row.source = named.get(row.id, row.source)
            _print_lines(rows)
    return EXIT_OK


def _folder_names_of(config: Path | None) -> dict[Path, str]:
    """The named seed folders (the bundled samples, the config's [seed_names]), as the
    app names them."""
    from tui_reader.config import ConfigError, load_config, seed_folder_names

    try:
        configured = load_config(config, create=False).seed_names
    except ConfigError:
        configured = {}  # a broken config is the app's and `fetch`'s to report; the list still lists
    return seed_folder_names(configured)


def _folder_source(folders: dict[Path, str], wanted: str) -> str:
    """`source:NAME` that starts a named folder's name (any case) means that folder, as
    in the app's filter; any other name is a source's own."""
    from tui_reader.sources.poll import seed_key

    folded = wanted.casefold()
    folder = next((f for f, name in folders.items() if name.casefold().startswith(folded)), None)
    return wanted if folder is None else seed_key(folder)


def _folder_members(store: Store, folders: dict[Path, str]) -> dict[str, str]:
    """Article id → its seed folder's name, for the articles of named folders: the lines
    read as the app's list does. The JSON keeps each article's own source (CONTRACT.md)."""
    from tui_reader.sources.poll import seed_key

    members: dict[str, str] = {}
    for folder, name in folders.items():
        for summary in store.articles(source=seed_key(folder), limit=-1):
            members.setdefault(summary.id, name)
    return members


def _parse_where(text: str) -> Node | None:
    """The --where expression, or a usage error naming the column and what was expected."""
    from tui_reader.query.parser import QueryError, parse

    try:
        return parse(text)
    except QueryError as exc:
        raise UsageError(f"--where: {exc}") from None


def _check_isin(text: str) -> None:
    """A mistyped ISIN would list nothing and look like "no news": say what is wrong."""
    from tui_reader.extract.isins import is_isin

    if not looks_like_isin(text.strip()):
        raise UsageError(f"--isin {printable(text)!r} is not an ISIN (two letters, nine letters or digits, a check digit)")
    if not is_isin(text.strip().upper()):
        raise UsageError(f"--isin {printable(text)!r} is not a valid ISIN (its check digit does not match)")


def _as_json(row: ArticleSummary, instruments: list[dict[str, object]]) -> dict[str, object]:
    return {
        "id": row.id,
        "title": row.title,
        "published": row.published.isoformat() if row.published else None,
        "source": row.source,
        "sources": row.sources,
        "url": row.url,
        "instruments": instruments,
        "read": row.read,
        "starred": row.starred,
    }


def _clean(text: str | None) -> str:
    """A stored title or source is untrusted: it must not move the cursor or recolour
    the terminal."""
    return printable(text or "").strip()


def _print_lines(rows: list[ArticleSummary]) -> None:
    """`YYYY-MM-DD HH:MM  TICKER  source  title` in local time, columns aligned per page."""
    if not rows:
        print("no articles match", file=sys.stderr)
        return
    tickers = [_clean(r.primary_ticker or r.primary_isin) or "-" for r in rows]
    sources = [_cut(_clean(r.source), _SOURCE_WIDTH) for r in rows]
    ticker_width = max(map(len, tickers))
    source_width = max(map(len, sources))
    for row, ticker, source in zip(rows, tickers, sources, strict=True):
        when = _when(row.published)
        print(f"{when}  {ticker.ljust(ticker_width)}  {source.ljust(source_width)}  {_clean(row.title)}")


def _cut(text: str, width: int) -> str:
    """`text` in at most `width` characters, a cut one ending in "…"."""
    return text if len(text) <= width else text[:width - 1] + "…"


def _when(published: datetime | None) -> str:
    """Local time; a date without a time stays its own calendar day (see `datelines`)."""
    if published is None:
        return "-".ljust(16)
    if is_date_only(published):
        return published.strftime("%Y-%m-%d").ljust(16)
    return published.astimezone().strftime("%Y-%m-%d %H:%M")
