"""Turning untrusted feed text into something the terminal shows literally.

Feed titles and bodies come from strangers. Rich markup (`[@click=app.quit]`), ANSI
CSI/OSC sequences (hyperlinks, title changes, cursor moves) and bare control
characters must neither act nor corrupt the screen, so every string from a source
passes through `clean()` and reaches a widget only inside a `rich.text.Text`, which
never parses markup.
"""

from __future__ import annotations

from rich.text import Text

from tui_reader.sources.decode import strip_controls


def clean(text: str | None, *, single_line: bool = False) -> str:
    """Strip escape sequences and control characters; collapse to one line when asked."""
    if not text:
        return ""
    text = strip_controls(text.replace("\r\n", "\n"))
    if single_line:
        text = " ".join(text.split())
    return text


def plain(text: str | None, style: str = "", *, single_line: bool = True) -> Text:
    """A `Text` holding cleaned untrusted text; markup in it stays literal.

    A single line that does not fit ends in "…", so a cut title or source says so."""
    return Text(clean(text, single_line=single_line), style=style, no_wrap=single_line,
                overflow="ellipsis" if single_line else "fold")
