"""Turning untrusted feed text into something the terminal shows literally.

Feed titles and bodies come from strangers. Rich markup (`[@click=app.quit]`), ANSI
CSI/OSC sequences (hyperlinks, title changes, cursor moves) and bare control
characters must neither act nor corrupt the screen, so every string from a source
passes through `clean()` and reaches a widget only inside a `rich.text.Text`, which
never parses markup.
"""

from __future__ import annotations

import re

from rich.text import Text

# ESC-introduced sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \),
# DCS/SOS/PM/APC (ESC P|X|^|_ ... ESC \), and two-byte escapes. The 8-bit C1
# forms (U+009B CSI, U+009D OSC) are covered by the control-character pass.
_ESCAPES = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]              # CSI
  | \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?   # OSC, terminated or not
  | \x1b[PX^_][^\x1b]*(?:\x1b\\)?        # DCS, SOS, PM, APC
  | \x1b[@-Z\\-_]                        # other two-byte escapes
  | \x1b                                 # a lone ESC
    """,
    re.VERBOSE,
)
# C0 controls except tab and newline, DEL, and the C1 range; plus bidi overrides,
# which can make a title read differently from what it is.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(text: str | None, *, single_line: bool = False) -> str:
    """Strip escape sequences and control characters; collapse to one line when asked."""
    if not text:
        return ""
    text = _CONTROLS.sub("", _ESCAPES.sub("", text.replace("\r\n", "\n")))
    if single_line:
        text = " ".join(text.split())
    return text


def plain(text: str | None, style: str = "", *, single_line: bool = True) -> Text:
    """A `Text` holding cleaned untrusted text; markup in it stays literal.

    A single line that does not fit ends in "…", so a cut title or source says so."""
    return Text(clean(text, single_line=single_line), style=style, no_wrap=single_line,
                overflow="ellipsis" if single_line else "fold")
