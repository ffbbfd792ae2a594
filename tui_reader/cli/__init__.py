"""The command line: argument parsing only; each subcommand lives in its own module.

Kept import-light on purpose: `tui-reader fetch` on an unchanged set of feeds must
finish in a fraction of a second, so heavy modules (Textual, feedparser, yfinance) are
imported inside the subcommand that needs them.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from tui_reader.sources.decode import strip_controls

if TYPE_CHECKING:
    from tui_reader.store import Store

EXIT_OK = 0
EXIT_NO_DATA = 1
EXIT_USAGE = 2

_LINE_BREAKS = re.compile("[\t\n]+")


def printable(text: str) -> str:
    """One line of untrusted text (titles, server reason phrases, feed errors, file
    names) for the terminal. Escape sequences go whole through the decoder's filter, the
    one every output shares, so no ``[31m`` residue is left; the tabs and line breaks it
    keeps become a space, so one item stays one line."""
    return _LINE_BREAKS.sub(" ", strip_controls(text))


def json_text(value: object) -> str:
    """JSON for the terminal or a pipe. Strings keep their exact values, but a character
    a terminal would act on (C1 controls such as the one-byte CSI, bidi overrides, other
    invisible format characters) is written as a ``\\uXXXX`` escape instead of raw:
    `json.dumps` only escapes U+0000-U+001F."""
    import json

    text = json.dumps(value, ensure_ascii=False, indent=2)
    if text.replace("\n", " ").isprintable():
        return text
    return "".join(ch if ch == "\n" or ch.isprintable() else json.dumps(ch)[1:-1] for ch in text)


class UsageError(Exception):
    """Bad usage or unreadable input: printed as one `error: ...` line, exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse would print usage + exit 2 itself
        raise UsageError(message)


def open_existing_store(db: Path | None) -> Store:
    """The store a read-only command works on; a usage error when there is none yet."""
    from tui_reader import locations
    from tui_reader.store import Store, StoreError

    path = Path(db).expanduser() if db else locations.default_db()
    if not path.is_file():
        raise UsageError(f"no store at {path} (run tui-reader fetch first)")
    try:
        return Store.open(path)
    except StoreError as exc:
        raise UsageError(str(exc)) from exc


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("tui-reader")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown (not installed)"


def _common_store(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", type=Path, metavar="FILE", help="use this store instead of the default one")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="tui-reader", description="A terminal market-news reader.")
    parser.add_argument("--version", action="version", version=f"tui-reader {_version()}")
    parser.add_argument("--offline", action="store_true", help="no network: seeds, cached prices and price CSVs only")
    parser.add_argument("--seeds", type=Path, action="append", metavar="DIR", help="read and watch this seed folder (repeatable)")
    parser.add_argument("--config", type=Path, metavar="FILE", help="use this config file (TOML)")
    parser.add_argument("--theme", metavar="NAME", help="start with this theme")
    _common_store(parser)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    p = sub.add_parser("extract", help="parse seed files or folders and print what each article says")
    p.add_argument("paths", type=Path, nargs="+", metavar="PATH")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("fetch", help="poll every feed and seed folder once and store new articles")
    p.add_argument("--feed", action="append", metavar="URL", default=[])
    p.add_argument("--seeds", type=Path, action="append", metavar="DIR", dest="sub_seeds")
    p.add_argument("--config", type=Path, metavar="FILE", dest="sub_config")
    p.add_argument("--offline", action="store_true", dest="sub_offline")
    _common_store(p)

    p = sub.add_parser("list", help="list stored articles, newest first")
    p.add_argument("--ticker", metavar="T")
    p.add_argument("--isin", metavar="I")
    p.add_argument("--query", metavar="TEXT", help="full-text words in the title or body (for fields and figures: --where)")
    p.add_argument("--where", metavar="EXPR", help="the query language, e.g. 'money>=50bn currency:USD' (docs/QUERIES.md)")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")
    p.add_argument("--config", type=Path, metavar="FILE", dest="sub_config", help="for the seed folders' names")
    _common_store(p)

    p = sub.add_parser("calendar", help="coming dates extracted from the stored articles")
    p.add_argument("--from", dest="start", metavar="DATE", help="first day (YYYY-MM-DD, today, today+30d; default: today)")
    p.add_argument("--to", dest="end", metavar="DATE", help="last day (YYYY-MM-DD, today, today+30d; default: no limit)")
    p.add_argument("--ticker", metavar="T")
    p.add_argument("--json", action="store_true")
    p.add_argument("--ics", type=Path, metavar="FILE", help="also write the events as an iCalendar file")
    _common_store(p)

    p = sub.add_parser("prices", help="daily closes from the cache, price CSVs or Yahoo Finance")
    p.add_argument("symbol", metavar="SYMBOL")
    p.add_argument("--start", metavar="DATE")
    p.add_argument("--end", metavar="DATE")
    p.add_argument("--offline", action="store_true", dest="sub_offline")
    p.add_argument("--seeds", type=Path, action="append", metavar="DIR", dest="sub_seeds")
    p.add_argument("--json", action="store_true")
    _common_store(p)

    p = sub.add_parser("import-opml", help="add the feeds of an OPML file to the config")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--config", type=Path, metavar="FILE", dest="sub_config")

    for name, what in (("follow", "add instruments to the watchlist and subscribe their sources"),
                       ("unfollow", "remove instruments from the watchlist and their sources")):
        p = sub.add_parser(name, help=what)
        p.add_argument("instruments", nargs="+", metavar="SYMBOL|ISIN|NAME")
        p.add_argument("--config", type=Path, metavar="FILE", dest="sub_config")
        _common_store(p)

    p = sub.add_parser("sources", help="every configured source and its polling state")
    p.add_argument("--seeds", type=Path, action="append", metavar="DIR", dest="sub_seeds")
    p.add_argument("--config", type=Path, metavar="FILE", dest="sub_config")
    p.add_argument("--json", action="store_true")
    _common_store(p)

    p = sub.add_parser("export-opml", help="write the configured feeds as OPML")
    p.add_argument("file", type=Path, nargs="?", metavar="FILE", help="default: standard output")
    p.add_argument("--config", type=Path, metavar="FILE", dest="sub_config")
    return parser


def _merge_globals(args: argparse.Namespace) -> None:
    """Options may stand before or after the subcommand; the subcommand's copy wins."""
    for name in ("seeds", "config", "offline"):
        sub_value = getattr(args, f"sub_{name}", None)
        if sub_value:
            setattr(args, name, sub_value)


def _check_config(args: argparse.Namespace) -> None:
    """`--config FILE` must exist for every command (CONTRACT.md), also for those that
    read the config only for a detail (`list`: the seed folders' names; `prices` unless
    `--seeds` and `--offline` say it all) or not at all (`extract`, `calendar`).
    `import-opml` writes the file, so it may name a new one (it says where it wrote)."""
    if args.config is None or args.command == "import-opml":
        return
    from tui_reader.config import ConfigError, named_config

    try:
        named_config(args.config)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None


def _dispatch(args: argparse.Namespace) -> int:
    command = args.command
    if command == "extract":
        from tui_reader.cli.extract import run
    elif command == "fetch":
        from tui_reader.cli.fetch import run
    elif command == "list":
        from tui_reader.cli.listing import run
    elif command == "calendar":
        from tui_reader.cli.calendar import run
    elif command == "prices":
        from tui_reader.cli.prices import run
    elif command == "sources":
        from tui_reader.cli.sources import run
    elif command in ("follow", "unfollow"):
        from tui_reader.cli.follow import run
    elif command in ("import-opml", "export-opml"):
        from tui_reader.cli.opml import run
    else:
        from tui_reader.cli.tui import run
    return run(args)


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        _merge_globals(args)
        _check_config(args)
        return _dispatch(args)
    except UsageError as exc:
        print(printable(f"error: {exc}"), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
