"""The article pane's text blocks as Rich renderables, built from untrusted strings.

Textual-free so the highlighting (figure spans, instrument names) and the escaping
can be unit-tested directly. Every string from a source goes through `clean()` and
into `Text`, never into markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rich import color as rich_color
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.color import Color, ColorParseError

from tui_reader.app.chart_data import ChartData
from tui_reader.app.formatting import format_figure, format_move, local_time
from tui_reader.app.safe_text import clean, plain
from tui_reader.extract import READ_LIMIT
from tui_reader.model import Article

_MOVE_LABELS = (("1d", "1 day"), ("5d", "5 days"), ("since", "since"))
"""Moves after publication: from the close before it to one and five trading days
later, and to the latest close."""


@dataclass(frozen=True, slots=True)
class Palette:
    """Colours from the current theme (Rich styles cannot read `$variables`)."""

    up: str = "green"
    down: str = "red"
    figure: str = "yellow"
    instrument: str = "cyan"
    muted: str = "dim"

    @classmethod
    def from_variables(cls, variables: dict[str, str]) -> Palette:
        # The defaults come from an instance: with slots=True, `cls.up` is the slot's
        # descriptor, not "green", and a theme without the variable handed it to Rich.
        default = cls()
        return cls(
            up=theme_colour(variables, "price-up", default.up),
            down=theme_colour(variables, "price-down", default.down),
            figure=theme_colour(variables, "figure-highlight", default.figure),
            instrument=theme_colour(variables, "instrument-highlight", default.instrument),
        )


def theme_colour(variables: dict[str, str], name: str, fallback: str) -> str:
    """A theme variable as a colour Rich can draw. Textual's ANSI themes name colours
    `ansi_magenta`, which Rich refuses (a crash at start-up in KeyBar): those become
    the terminal's own colour (`magenta`), anything else Textual cannot parse falls back."""
    value = variables.get(name)
    if not value:
        return fallback
    if value.startswith("ansi_"):
        return value.removeprefix("ansi_")
    try:
        rich_color.Color.parse(value)
        return value
    except rich_color.ColorParseError:
        pass
    try:
        return Color.parse(value).hex  # hsl(...), #rrggbbaa: Textual's forms
    except ColorParseError:
        return fallback


def meta(article: Article, palette: Palette, charted: str | None = None) -> Text:
    """Title, then `source · time`, the link, then the instruments with the primary first;
    `▶` marks the one the chart shows (`charted`, a symbol), else the primary one."""
    text = Text()
    text.append_text(plain(article.title, "bold", single_line=True))
    text.append("\n")
    text.append_text(plain(article.source, palette.muted))
    text.append(f" · {local_time(article.published)}", style=palette.muted)
    if article.url:
        # The link as text (never as a terminal hyperlink escape): o opens it, y copies it.
        text.append("\n")
        text.append(clean(article.url, single_line=True), style=f"underline {palette.muted}")
    marked = next((i for i in article.instruments if charted and charted in (i.ticker, i.isin)), article.primary)
    for instrument in article.instruments:
        label = " ".join(clean(part, single_line=True) for part in (instrument.ticker, instrument.isin, instrument.name) if part)
        text.append("\n")
        text.append("▶ " if instrument is marked else "  ", style=palette.instrument)
        text.append(label, style=f"bold {palette.instrument}" if instrument is marked else palette.instrument)
    return text


def moves_line(chart: ChartData, palette: Palette) -> Text:
    if not chart.points:
        # Whose prices fall short, as the chart's title would say: SAP's, for SAP.DE.
        other = f" · another line of {chart.other_line_of}" if chart.other_line_of else ""
        return Text(f"No chart: {clean((chart.reason or 'no prices') + other, single_line=True)}", style="italic")
    text = Text("After publication: ", style=palette.muted)
    for key, label in _MOVE_LABELS:
        text.append(f"{label} ", style=palette.muted)
        text.append_text(format_move(chart.moves.get(key), palette.up, palette.down))
        text.append("   ")
    text.rstrip()
    # Its own line: wrapped onto the moves' line it broke inside "latest 208.27 USD on".
    last = chart.latest or chart.points[-1]
    text.append(f"\nlatest {last.close:,.2f} {chart.currency or ''} on {last.day.isoformat()}", style=palette.muted)
    if chart.source:
        text.append(f" · {chart.source}", style=palette.muted)
    return text


def reaction_line(chart: ChartData, palette: Palette) -> Text | None:
    """`Reaction: first hour +1.20 %, first day -3.40 % (5-min bars · cache)` under the
    daily moves: how the market took the news, not only where it stood a day later.
    A move whose span has not passed yet is "pending"; for a recent article without
    intraday bars the reason, dim; nothing when the chart's `reaction` is None (an
    article only daily closes can answer: no line, no noise)."""
    found = chart.reaction
    if found is None or not chart.points:
        return None
    text = Text("Reaction: ", style=palette.muted)
    if found.reason is not None:
        text.append(clean(found.reason, single_line=True), style=f"italic {palette.muted}")
        return text
    for label, move in (("first hour", found.hour), ("first day", found.day)):
        if label != "first hour":
            text.append(", ", style=palette.muted)
        text.append(f"{label} ", style=palette.muted)
        if move is None:
            text.append("pending", style=f"italic {palette.muted}")
        else:
            text.append_text(format_move(move, palette.up, palette.down))
    text.append(f" ({found.bars} · {found.source})", style=palette.muted)
    return text


CONTEXT_WORDS = 7
"""Words shown on each side of a figure in the key figures table."""
_WORD = re.compile(r"\S+")
_CONTEXT_REACH = 600
"""Characters read on each side of a figure for its words: seven words of prose and more."""


def figure_context(text: str, start: int, end: int, words: int = CONTEXT_WORDS) -> str:
    """The words around a figure (`text[start:end]`) within its paragraph, with "…"
    where the text goes on: the figure's own neighbourhood, not the start of its
    sentence, which several figures of one sentence would all share, nor the heading
    above its paragraph ("What the Market Says").

    Only `_CONTEXT_REACH` characters on each side are read: a pasted dump is one
    paragraph of megabytes, where reading to its ends cost each figure a fifth of a second."""
    if not 0 <= start < end <= len(text):
        return ""
    reach_start, reach_end = max(0, start - _CONTEXT_REACH), min(len(text), end + _CONTEXT_REACH)
    opening = text.rfind("\n\n", reach_start, start)
    opening = reach_start if opening < 0 else opening + 2
    closing = text.find("\n\n", end, reach_end)
    closing = reach_end if closing < 0 else closing
    before = list(_WORD.finditer(text, opening, start))
    after = list(_WORD.finditer(text, end, closing))
    first = before[-words].start() if len(before) >= words else opening
    # A word the figure starts inside of ("(56.94%)") belongs with it.
    last = after[words - 1].end() if len(after) >= words else closing
    snippet = " ".join(text[first:last].split())
    goes_back = first > opening or (first == reach_start > 0 and text[first - 2:first] != "\n\n")
    goes_on = last < closing or (last == reach_end < len(text) and text[last:last + 2] != "\n\n")
    return ("…" if goes_back else "") + snippet + ("…" if goes_on else "")


def figures_table(article: Article, palette: Palette) -> RenderableType:
    if not article.figures:
        return Text("No key figures found.", style=palette.muted)
    table = Table(box=None, expand=True, show_edge=False, pad_edge=False, header_style="bold")
    table.add_column("Kind", no_wrap=True)
    table.add_column("Value", no_wrap=True, style=f"bold {palette.figure}")
    table.add_column("Around it", ratio=1)
    for figure in article.figures[:_FIGURE_ROWS]:
        source = article.title if getattr(figure, "in_title", False) else article.body
        around = figure_context(source, figure.start, figure.end) or figure.context
        table.add_row(
            Text(figure.kind),
            plain(format_figure(figure)),
            # Wrapped at word boundaries, never cut: the words are the point.
            plain(around, palette.muted, single_line=False),
        )
    if len(article.figures) > _FIGURE_ROWS:
        table.add_row(Text("…", style=palette.muted), Text(""),
                      Text(f"{len(article.figures) - _FIGURE_ROWS:,} more key figures (extract --json lists them all)",
                           style=f"italic {palette.muted}"))
    return table


_FIGURE_ROWS = 300
"""Rows of the key figures table: a real story states a few dozen; a pasted data dump
thousands, whose rows would take the reader seconds to lay out at every resize."""


def claims_block(chart: ChartData, palette: Palette) -> RenderableType | None:
    """Stated moves next to computed ones: agreement or the gap, never "wrong".

    One wrapping line per claim rather than a table: a table squeezed to 60 columns
    cut the verdict ("agr…") that is the reason to look."""
    if not chart.claims:
        return None
    styles = {True: palette.up, False: palette.down}
    text = Text("Claim checks (the period the article states, before publication)", style="bold")
    for claim in chart.claims:
        text.append("\n")
        text.append_text(plain(claim.period))
        text.append(": stated ", style=palette.muted)
        text.append_text(plain(claim.stated, f"bold {palette.figure}"))
        text.append(", computed ", style=palette.muted)
        text.append_text(plain(claim.computed))
        if claim.listing:
            text.append(" on ", style=palette.muted)
            text.append_text(plain(claim.listing, palette.muted))
        if claim.result:
            text.append(" → ", style=palette.muted)
            text.append_text(plain(claim.result, f"bold {styles[claim.agrees]}" if claim.agrees is not None else palette.muted))
        if claim.span:
            text.append(f" ({claim.span})", style=palette.muted)
    return text


def article_body(article: Article, chart: ChartData | None, palette: Palette, *, show_removed: bool,
                 note: str | None = None) -> Group:
    """Everything under the chart as one renderable: one widget to lay out per article
    instead of five (the moves line, key figures, claim checks, body, removed notes).
    `note` says what became of the full text of a summary-only article, above its body."""
    parts: list[RenderableType] = []
    if chart is None:
        parts.append(Text("Loading prices…", style="italic"))
    else:
        parts.append(moves_line(chart, palette))
        reaction = reaction_line(chart, palette)
        if reaction is not None:
            parts.append(reaction)
        claims = claims_block(chart, palette)
        if claims is not None:
            parts += [Text(), claims]
    parts += [Text(), figures_table(article, palette), Text()]
    if note:
        parts += [Text(clean(note, single_line=True), style=f"italic {palette.muted}")]
    parts.append(body_text(article, palette))
    if article.removed:
        parts += [Text(), removed_notes(article, unfolded=show_removed)]
    return Group(*parts)


def _instrument_spans(body: str, article: Article) -> list[tuple[int, int]]:
    names = {part for i in article.instruments for part in (i.ticker, i.isin, i.name) if part and len(part) >= 2}
    if not names:
        return []
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?!\w)")
    return [m.span() for m in pattern.finditer(body)]


def body_text(article: Article, palette: Palette) -> Text:
    """The body with figures and instruments highlighted from their spans.

    Spans index into the raw body, so the body is cut at span edges first and each
    piece is cleaned on its own: stripping an escape sequence never shifts a highlight.
    """
    body = article.body[:READ_LIMIT]
    if len(article.body) > READ_LIMIT and (space := body.rfind(" ", READ_LIMIT - 200)) > 0:
        body = body[:space]  # the cut at a word's end, not inside it
    marks: list[tuple[int, int, str]] = [
        (f.start, f.end, f"bold {palette.figure}") for f in article.figures if not f.in_title and 0 <= f.start < f.end <= len(body)
    ]
    taken = [(s, e) for s, e, _ in marks]
    for start, end in _instrument_spans(body, article):
        if not any(s < end and start < e for s, e in taken):
            marks.append((start, end, f"bold {palette.instrument}"))
    marks.sort()
    text = Text()
    position = 0
    for start, end, style in marks:
        if start < position:
            continue  # overlapping figure spans: the first one wins
        text.append(clean(body[position:start]))
        text.append(clean(body[start:end]), style=style)
        position = end
    text.append(clean(body[position:]))
    if len(article.body) > len(body):
        text.append(f"\n\n… {len(article.body) - len(body):,} more characters are stored but not shown; figures and "
                    f"instruments come from the first {READ_LIMIT:,}.", style=f"italic {palette.muted}")
    return text


def removed_notes(article: Article, *, unfolded: bool) -> Text:
    """Folded: one dim line saying what was taken out; unfolded: every note."""
    count = len(article.removed)
    head = Text(f"{'▼' if unfolded else '▶'} Removed boilerplate ({count}) · b {'folds' if unfolded else 'shows'}", style="dim")
    if unfolded:
        for note in article.removed:
            head.append(f"\n  • {clean(note, single_line=True)}", style="dim")
    return head
