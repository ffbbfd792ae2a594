"""`tui-reader extract PATH... [--json]`: what the parser and extraction make of seed files.

No network and no store: this is the command for checking a seed folder, for tests,
and for scripts that want the CONTRACT.md JSON. Skipped files go to stderr so the
JSON on stdout stays parseable.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator

from tui_reader.cli import EXIT_NO_DATA, EXIT_OK, UsageError, json_text, printable
from tui_reader.figure_format import format_figure
from tui_reader.model import Article

_KIND_ORDER = ("money", "percent", "date", "multiple", "period")


def run(args: argparse.Namespace) -> int:
    from tui_reader.extract import enrich
    from tui_reader.sources.seeds import SeedPathError, scan

    try:
        articles, skipped = scan(args.paths, label_by_folder=False)
    except SeedPathError as exc:
        raise UsageError(str(exc)) from None
    for article in articles:
        enrich(article)
    for item in skipped:
        print(printable(f"skipped {item.where}: {item.reason}"), file=sys.stderr)
    if args.json:
        # An article that names no source says so (null); only the reader labels it by folder.
        print(json_text([{**a.to_json(), "source": a.source or None} for a in articles]))
    elif articles:
        print("\n\n".join("\n".join(map(printable, _report(a))) for a in articles))
    if articles:
        return EXIT_OK
    # Nothing read is no success a script should take for an empty folder of news.
    if not skipped:
        print(printable("no seed files in " + ", ".join(map(str, args.paths))), file=sys.stderr)
    return EXIT_NO_DATA


def _report(article: Article) -> Iterator[str]:
    """The text report's lines, raw: the caller makes each printable."""
    yield article.path or article.id
    yield f"  title      {article.title}"
    yield f"  published  {article.published.isoformat(' ') if article.published else 'unknown'}"
    yield f"  source     {article.source or 'none given'}"
    yield f"  body       {len(article.body)} characters"
    if article.instruments:
        yield "  instruments"
        for instrument in article.instruments:
            mark = "*" if instrument.primary else " "
            parts = [instrument.name, instrument.isin, instrument.ticker]
            yield f"    {mark} " + "  ".join(p for p in parts if p)
    if article.figures:
        yield "  figures"
        for kind in _KIND_ORDER:
            for figure in (f for f in article.figures if f.kind == kind):
                yield f"    {kind:<9} {format_figure(figure):<24} {figure.text}"
    if article.removed:
        yield "  removed"
        yield from (f"    {note}" for note in article.removed)

