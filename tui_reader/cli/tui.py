"""`tui-reader` with no subcommand: build the app from the arguments and the config, run it.

A crash inside the app exits non-zero (Textual prints the traceback and sets the
return code); a broken config is one `error:` line and exit 2, like every command.
"""

from __future__ import annotations

import argparse
import sys

from tui_reader import locations
from tui_reader.cli import EXIT_USAGE, printable


def run(args: argparse.Namespace) -> int:
    if not (sys.stdin.isatty() and sys.stderr.isatty()):
        # Without a terminal Textual waits for input that never comes, at 100% CPU; and it
        # draws on standard error, so with that redirected the screen stays blank.
        reason = ("it draws on standard error, which is redirected (run it without 2>…)"
                  if sys.stdin.isatty() and sys.stdout.isatty() else
                  "the commands extract, fetch, list, prices work without one")
        print(f"error: the reader needs a terminal ({reason})", file=sys.stderr)
        return EXIT_USAGE
    from tui_reader.app.factory import create_app
    from tui_reader.app.options import AppOptions
    from tui_reader.config import ConfigError
    from tui_reader.store import StoreError

    options = AppOptions(
        db=args.db or locations.default_db(),
        config=args.config,
        seed_dirs=args.seeds,
        offline=args.offline,
        theme=args.theme,
    )
    try:
        app = create_app(options)
    except (ConfigError, StoreError, OSError) as exc:
        print(printable(f"error: {exc}"), file=sys.stderr)
        return EXIT_USAGE
    try:
        app.run()
    finally:
        app.library.store.close()
    return app.return_code or 0
