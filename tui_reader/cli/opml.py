"""`tui-reader import-opml FILE` and `tui-reader export-opml [FILE]`.

Import appends the file's feeds to the config (feeds already there are left alone);
export writes the configured feeds as OPML 2.0, to a file or standard output.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui_reader.cli import EXIT_OK, UsageError, printable


def run(args: argparse.Namespace) -> int:
    if args.command == "import-opml":
        return _import(args.file, args.config)
    return _export(args.file, args.config)


def _import(file: Path, config_path: Path | None) -> int:
    from tui_reader import locations
    from tui_reader.config import ConfigError, add_feeds
    from tui_reader.sources.opml import OpmlError, read_opml

    try:
        data = Path(file).read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {file}: {exc.strerror or exc}") from None
    skipped: list[tuple[str, str]] = []
    try:
        feeds = read_opml(data, skipped)
    except OpmlError as exc:
        raise UsageError(f"{file}: {exc}") from None
    target = config_path or locations.config_file()
    try:
        added = add_feeds(target, feeds)
    except (ConfigError, OSError) as exc:
        raise UsageError(str(exc)) from None
    for url, why in skipped:
        print(printable(f"skipped {url}: {why}"), file=sys.stderr)
    known = len(feeds) - added
    notes = [f"{known} already there"] * bool(known) + [f"{len(skipped)} skipped"] * bool(skipped)
    counts = f" ({', '.join(notes)})" if notes else ""
    print(printable(f"added {added} feed{'s' if added != 1 else ''} to {target}{counts}"))
    return EXIT_OK


def _export(file: Path | None, config_path: Path | None) -> int:
    from tui_reader.config import ConfigError, load_config, write_atomically
    from tui_reader.sources.opml import write_opml

    try:
        config = load_config(config_path)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    text = write_opml(config.feeds)
    if file is None:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        write_atomically(Path(file), text)
    except OSError as exc:
        raise UsageError(f"cannot write {file}: {exc.strerror or exc}") from None
    print(printable(f"wrote {len(config.feeds)} feed{'s' if len(config.feeds) != 1 else ''} to {file}"), file=sys.stderr)
    return EXIT_OK
