"""`tui-reader sources`: every configured source and how its polling goes.

Feeds written by hand, the feeds of followed instruments (by template) and the seed
folders, each with its last poll, last error, next poll and the articles stored from
it, read from the store's polling state. A feed the config leaves unpolled (its
template switched off, or the SEC contact missing) is listed with the reason, since
"why is this feed silent" is the question the command answers.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from tui_reader.cli import EXIT_OK, UsageError, json_text, printable

if TYPE_CHECKING:
    from tui_reader.config import Config
    from tui_reader.store import SourceState


@dataclass(slots=True)
class SourceRow:
    kind: str
    """`feed` (written by hand or imported), `followed` (from a template) or `seeds`."""
    key: str
    """Feed URL or seed folder."""
    title: str | None
    instruments: list[str]
    template: str | None
    not_polled: str | None
    """Why the config leaves this feed out of polls; None when it is polled."""
    state: SourceState | None

    def to_json(self) -> dict[str, object]:
        state = self.state
        return {
            "kind": self.kind, "key": self.key, "title": self.title or (state.title if state else None),
            "instruments": self.instruments, "template": self.template, "not_polled": self.not_polled,
            "last_poll": _iso(state.last_poll if state else None),
            "next_poll": _iso(state.next_poll if state else None),
            "last_error": state.last_error if state else None,
            "failures": state.failures if state else 0,
            "articles": state.article_count if state else 0,
        }


def run(args: argparse.Namespace) -> int:
    from tui_reader.config import ConfigError, effective_seed_dirs, load_config

    try:
        config = load_config(args.config)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    cli_seeds = [Path(p).expanduser().resolve() for p in args.seeds or []]
    rows = source_rows(config, effective_seed_dirs(config, cli_seeds), _states(args.db))
    if args.json:
        print(json_text([row.to_json() for row in rows]))
        return EXIT_OK
    for line in _lines(rows):
        print(line)
    return EXIT_OK


def source_rows(config: Config, seed_dirs: list[Path], states: dict[str, SourceState]) -> list[SourceRow]:
    """Seed folders, the polled feeds in config order, then the unpolled ones, joined
    with their polling state."""
    from tui_reader.config import seed_folder_names
    from tui_reader.sources.poll import seed_key

    # Named as the app and `list` name them: the bundled folder is "tui-reader samples".
    names = seed_folder_names(config.seed_names)
    rows = [SourceRow("seeds", str(folder), names.get(folder.resolve()), [], None, None, states.get(seed_key(folder)))
            for folder in seed_dirs]
    unpolled = {id(feed): feed for feed in config.unpolled}
    for feed in [*config.feeds, *config.unpolled]:
        reason = None
        if id(feed) in unpolled:
            template = config.templates.get(feed.template or "")
            reason = (f"template {feed.template} is switched off" if template and not template.enabled
                      else "needs sec_contact in the config")
        rows.append(SourceRow("followed" if feed.template else "feed", feed.url, feed.title, list(feed.instruments),
                              feed.template, reason, states.get(feed.url)))
    return rows


def _states(db: Path | None) -> dict[str, SourceState]:
    """Polling state by source key; none at all before the first fetch."""
    from tui_reader import locations
    from tui_reader.store import Store, StoreError

    path = Path(db).expanduser() if db else locations.default_db()
    if not path.is_file():
        return {}
    try:
        with Store.open(path) as store:
            return {state.key: state for state in store.source_states()}
    except (StoreError, OSError) as exc:
        raise UsageError(f"cannot open the store: {exc}") from None


def _lines(rows: list[SourceRow]) -> list[str]:
    """One line per source, its columns aligned (kind, articles, last poll or read,
    next poll, name); the URL or folder and any error end the line, where their length
    pushes nothing out of line."""
    cells = [_cells(row) for row in rows]
    widths = [max((len(c[i]) for c in cells), default=0) for i in range(5)]
    lines = []
    for kind, articles, last, upcoming, name, rest in cells:
        line = "  ".join((kind.ljust(widths[0]), articles.rjust(widths[1]), last.ljust(widths[2]),
                          upcoming.ljust(widths[3]), name.ljust(widths[4]), rest))
        lines.append(line.rstrip())
    return lines


def _cells(row: SourceRow) -> tuple[str, str, str, str, str, str]:
    """The row's columns, each made printable before it is measured."""
    state = row.state
    name = row.title or (state.title if state else None) or ""
    if row.kind == "followed":
        name = f"{', '.join(row.instruments)} {row.template}: {name}"
    last = f"last {_when(state.last_poll)}" if state and state.last_poll else "never polled"
    if row.kind == "seeds":  # read at each fetch and watched by the app: no schedule
        if not state or not state.last_poll:
            last = "not read yet"
        upcoming = "read at every fetch"
    elif row.not_polled:
        upcoming = f"not polled: {row.not_polled}"
    elif state and state.next_poll:
        upcoming = f"next {_when(state.next_poll)}"
    else:
        upcoming = "next: at the next fetch"
    articles = f"{state.article_count if state else 0} articles"
    error = f"  error: {state.last_error}" if state and state.last_error else ""
    return (row.kind, articles, last, printable(upcoming), printable(name), printable(f"{row.key}{error}"))


def _when(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else "-"


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None
