"""Copies of the headline that a saved page keeps in its text.

The page's own heading above the story, once more beside a share button, the browser's
title with the site's name: each repeats the headline's figures, which the headline
itself already gives, so they leave the body (and a note says so).
"""

from __future__ import annotations

from tui_reader.extract.notes import shorten


def without_headline(paragraphs: list[str], title: str) -> tuple[list[str], list[str]]:
    """The paragraphs without the copies of the headline a saved page keeps in its text
    (the page's own heading above the story, once more beside a share button, the
    browser's title with the site's name: "… for $2.4 billion | TribLIVE.com"), and the
    note that says so: its figures are the headline's, counted once."""
    headline = " ".join(title.split())
    if not headline:
        return paragraphs, []
    near = len(headline) + 8 + len(headline) // 10  # only a paragraph about as long is compared, whitespace aside
    kept = [p for p in paragraphs if len(p) > near + _SITE_NAME_LIMIT or len(p) < len(headline)
            or not _is_headline(" ".join(p.split()), headline)]
    dropped = len(paragraphs) - len(kept)
    return kept, ([f"repeated headline: {dropped} × {shorten(headline)}"] if dropped else [])


_SITE_NAME_LIMIT = 40
_SITE_NAME_MARKS = (" | ", " - ", " – ", " — ")


def _is_headline(paragraph: str, headline: str) -> bool:
    """The headline itself, or the page's title: the headline, a bar or dash, and a
    site's name (and the section's) shorter than `_SITE_NAME_LIMIT` with no sentence;
    or the headline after such a short run of words (the lines of a wire's name and
    day, which the seed's block joined to it)."""
    if paragraph == headline:
        return True
    if paragraph.endswith(headline):  # a wire's name and day glued before it: "Reuters Aug 28 …"
        head = paragraph[:-len(headline)]
        return len(head) <= _SITE_NAME_LIMIT and head.endswith(" ") and ". " not in head
    tail = paragraph[len(headline):]
    return (paragraph.startswith(headline) and tail.startswith(_SITE_NAME_MARKS)
            and len(tail) <= _SITE_NAME_LIMIT and ". " not in tail)
