"""Text that stays readable in a narrow column: wrapped at spaces and, in a word wider
than the column (a file path, a URL), at its separators.

Rich wraps at spaces and folds a longer word at the column's edge, wherever that falls:
a skipped seed's path read `…/saved-arti` / `cles/broker-reports-20` / `26/quarterly…`
at 80 and 100 columns. Here such a word breaks after a `/` (or `\\`), packing as many
whole folders on a line as fit; a single name still too long breaks after `_`, `-`, `.`
and the like, and only a run with none of those is cut at the edge. The width is the
column's when drawn, so the same cell reads well at any terminal size.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions
from rich.measure import Measurement
from rich.text import Text

_FOLDERS = re.compile(r"[^/\\]*[/\\]+|[^/\\]+")
"""A path's parts, each with the separators that end it (`https:` `//` is one part)."""
_PARTS = re.compile(r"[^_\-.?&=+,;:]*[_\-.?&=+,;:]+|[^_\-.?&=+,;:]+")
"""A name's parts, each with the punctuation that ends it."""


def _pack(pieces: list[str], width: int) -> list[str]:
    """Pieces joined into lines of at most `width` cells (a piece wider than that alone
    on its line, for the caller to break further)."""
    lines: list[str] = []
    line = ""
    for piece in pieces:
        if line and cell_len(line + piece) > width:
            lines.append(line)
            line = ""
        line += piece
    if line:
        lines.append(line)
    return lines


def _cut(text: str, width: int) -> list[str]:
    """The last resort: `width` cells at a time (each character a piece)."""
    return _pack(list(text), width)


def _break_word(word: str, width: int) -> list[str]:
    """A word wider than `width`: at its folders, then at a name's punctuation, then cut."""
    lines: list[str] = []
    for line in _pack(_FOLDERS.findall(word), width):
        if cell_len(line) <= width:
            lines.append(line)
            continue
        for part in _pack(_PARTS.findall(line), width):
            lines.extend([part] if cell_len(part) <= width else _cut(part, width))
    return lines


def fold_lines(text: str, width: int) -> list[str]:
    """`text` (one line, already cleaned) as lines of at most `width` cells."""
    width = max(1, width)
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and cell_len(f"{line} {word}") <= width:
            line = f"{line} {word}"
            continue
        if line:
            lines.append(line)
        if cell_len(word) <= width:
            line = word
            continue
        *whole, line = _break_word(word, width)
        lines.extend(whole)
    if line:
        lines.append(line)
    return lines or [""]


class Folded:
    """A Rich renderable: `text` laid out by `fold_lines` for the width it is given."""

    def __init__(self, text: str, style: str = "") -> None:
        self.text = text
        self.style = style

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        words = self.text.split() or [""]
        # The narrowest column worth having holds the longest folder or name whole.
        smallest = max(cell_len(part) for word in words for part in _PARTS.findall(word) or [""])
        widest = cell_len(" ".join(words))
        return Measurement(min(smallest, options.max_width), min(widest, options.max_width))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        yield Text("\n".join(fold_lines(self.text, options.max_width)), style=self.style, no_wrap=True,
                   overflow="fold")
