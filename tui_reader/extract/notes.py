"""The short notes that say what was taken out of an article's text.

Every removal (a promotion block, a caption, a copy of the headline) leaves one line in
`Article.removed`, so the reader can see it; `shorten` keeps that line short.
"""

from __future__ import annotations

import re

NOTE_LIMIT = 60
SENTENCE_END = re.compile(r"[.!?]+(?=\s)")


def shorten(line: str) -> str:
    """The first sentence, or the first words, so a note stays one short line."""
    end = _first_sentence_end(line)
    if end is not None and end <= NOTE_LIMIT:
        head = line[:end]
    elif len(line) <= NOTE_LIMIT:
        return line
    else:
        head = line[:NOTE_LIMIT].rsplit(" ", 1)[0]
    return head if head == line else head + " …"


def _first_sentence_end(line: str) -> int | None:
    match = SENTENCE_END.search(line)
    return match.end() if match else None
