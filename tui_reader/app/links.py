"""Whether a browser can be opened here, and the article as a Markdown file.

Textual-free, with the environment passed in, so both can be unit-tested. Over SSH or on
a machine without a display, Python's `webbrowser` finds no browser or starts a text
browser inside our terminal; there the app copies the link instead (OSC 52).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path

from tui_reader.app.chart_data import ChartData
from tui_reader.app.formatting import format_figure, local_time
from tui_reader.app.safe_text import clean
from tui_reader.extract import READ_LIMIT
from tui_reader.model import Article

SAFE_SCHEMES = ("http://", "https://")


def can_open_browser(env: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """A graphical browser can be started: macOS and Windows always, elsewhere only with
    a display and not over SSH (the browser would open on the far machine, if at all)."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if env.get("SSH_CONNECTION") or env.get("SSH_TTY"):
        return False
    if platform == "darwin" or platform.startswith("win"):
        return True
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def saved_folder() -> Path:
    """Where `S` writes: under TUI_READER_HOME when set (tests), else the user's
    downloads folder, where a person looks for a file they just saved."""
    from tui_reader import locations

    home = os.environ.get("TUI_READER_HOME")
    if home:
        return Path(home) / "saved"
    from platformdirs import user_downloads_path

    return user_downloads_path() / locations.APP_NAME


def _line(text: str | None) -> str:
    return clean(text, single_line=True)


def article_markdown(article: Article, chart: ChartData | None) -> str:
    """The article as Markdown: headline, source and time, link, instruments, moves
    (and the first-hour and first-day reaction when intraday bars gave one), key figures, claim checks, then the body. Control characters are removed; the text
    is otherwise the article's own."""
    out = [f"# {_line(article.title)}", "", f"{_line(article.source)} · {local_time(article.published)}"]
    if article.url:
        out += ["", f"<{_line(article.url)}>"]
    if article.instruments:
        out += ["", "## Instruments", ""]
        out += [f"- {' '.join(_line(p) for p in (i.ticker, i.isin, i.name) if p)}{' (primary)' if i.primary else ''}"
                for i in article.instruments]
    if chart is not None and chart.points:
        moves = ", ".join(f"{label} {chart.moves[key]:+.2f} %" for key, label in
                          (("1d", "1 day"), ("5d", "5 days"), ("since", "since")) if chart.moves.get(key) is not None)
        other = f" (another line of {_line(chart.other_line_of)})" if chart.other_line_of else ""
        out += ["", f"Moves of {_line(chart.symbol)}{other} after publication: {moves or 'none'}"]
        reaction = chart.reaction
        if reaction is not None and reaction.reason is None:
            hour, day = (f"{move:+.2f} %" if move is not None else "pending" for move in (reaction.hour, reaction.day))
            out += ["", f"Reaction: first hour {hour}, first day {day} ({reaction.bars} · {reaction.source})"]
    if article.figures:
        out += ["", "## Key figures", "", "| kind | value | as written |", "|---|---|---|"]
        out += [f"| {f.kind} | {_cell(format_figure(f))} | {_cell(f.text)} |" for f in article.figures]
    if chart is not None and chart.claims:
        out += ["", "## Claim checks", ""]
        out += [f"- {_line(c.period)}: stated {_line(c.stated)}, computed {_line(c.computed)}"
                f"{' on ' + _line(c.listing) if c.listing else ''}{' → ' + _line(c.result) if c.result else ''}"
                for c in chart.claims]
    out += ["", "## Text", ""]
    if len(article.body) > READ_LIMIT:  # saved whole, but read only so far
        out += [f"_Instruments and key figures come from the first {READ_LIMIT:,} of its "
                f"{len(article.body):,} characters._", ""]
    out += [clean(article.body).strip(), ""]
    return "\n".join(out)


def _cell(text: str) -> str:
    return _line(text).replace("|", "\\|")


def slug(title: str | None, limit: int = 60) -> str:
    """The title as a file name: ASCII words in lower case joined by "-", at most `limit`
    characters, cut after the last whole word (a word cut short reads as a typo: "…-in-a-
    wee.md"); a single word longer than `limit` is cut."""
    words = re.sub(r"[^\w]+", "-", _line(title).lower(), flags=re.ASCII).strip("-")
    if len(words) > limit:
        head = words[: limit + 1]  # a "-" right after the limit ends a whole word too
        words = head.rsplit("-", 1)[0] if "-" in head else words[:limit]
    return words or "article"


def save_markdown(article: Article, chart: ChartData | None, folder: Path) -> Path:
    """Write the article beside earlier ones, never over one: `name.md`, `name-2.md`…"""
    folder.mkdir(parents=True, exist_ok=True)
    stem = slug(article.title)
    day = article.published.date().isoformat() if article.published else "undated"
    path = folder / f"{day}-{stem}.md"
    number = 2
    while path.exists():
        path = folder / f"{day}-{stem}-{number}.md"
        number += 1
    path.write_text(article_markdown(article, chart), encoding="utf-8")
    return path
