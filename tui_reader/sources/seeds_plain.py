"""What plain .txt/.md seeds add to the portal layout: markdown, `Source:`/`URL:`
lines, and files that open with a paragraph instead of a headline.

People write these files by hand or paste them from a browser, so the article's
origin is often a line of its own (``Source: Reuters``) near the top or at the very
end, and the first line is sometimes the whole first paragraph. Those lines are
metadata, not body text; a paragraph is too long to be a title, so the title gets its
first words and the body keeps all of it.
"""

from __future__ import annotations

import re

__all__ = ["TITLE_LIMIT", "meta_line", "short_title", "take_trailing_meta", "unmark"]

TITLE_LIMIT = 200
"""Characters a title may have before it is cut; headlines stay well under it."""

_META = re.compile(r"(source|quelle|url|link)\s*:\s*(\S.{0,299})", re.IGNORECASE)
_URL = re.compile(r"https?://[^\s<>\"']+")
_META_KEYS = {"source": "source", "quelle": "source", "url": "url", "link": "url"}
_SOURCE_LIMIT = 60
"""A source is a name ("Reuters", "tui-reader sample"); a longer value is a sentence."""


def meta_line(line: str) -> tuple[str, str] | None:
    """("source", name) or ("url", address) for a `Source:`/`URL:` line, else None.
    A `URL:` line must hold nothing but an http(s) address and a `Source:` line a short
    name, so prose that happens to start with "Source:" stays in the body. The text is
    already sanitised by `decode_text`."""
    if line[0] not in "sSqQuUlL" or not (match := _META.fullmatch(line)):
        return None
    key, value = _META_KEYS[match.group(1).lower()], match.group(2).strip()
    if key == "url":
        return (key, value) if _URL.fullmatch(value) else None
    return (key, " ".join(value.split())) if len(value) <= _SOURCE_LIMIT else None


def take_trailing_meta(blocks: list[list[str]]) -> dict[str, str]:
    """Remove `Source:`/`URL:` lines that end the file and return what they say."""
    found: dict[str, str] = {}
    while blocks and (meta := meta_line(blocks[-1][-1])) and meta[0] not in found:
        found[meta[0]] = meta[1]
        blocks[-1].pop()
        if not blocks[-1]:
            blocks.pop()
    return found


def short_title(text: str) -> str:
    """`text` itself, or its first words up to `TITLE_LIMIT` characters and "…"."""
    if len(text) <= TITLE_LIMIT:
        return text
    head = text[:TITLE_LIMIT]
    if text[TITLE_LIMIT] != " " and " " in head:
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(" ,;:–-") + "…"


_MD_RULE = re.compile(r"(?:-{3,}|\*{3,}|_{3,})")
_MD_HEADING = re.compile(r"#{1,6}\s+(.*?)(?:\s+#+)?")
_MD_REFERENCE = re.compile(r"\[[^\]]+\]:\s*\S+.*")
_MD_INLINE = (
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),       # links, images → their text
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),        # reference links
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),          # autolinks
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])"), r"\2"),  # emphasis
    (re.compile(r"~~(.+?)~~"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),
)


def unmark(blocks: list[list[str]]) -> list[list[str]]:
    """Markdown reduced to its text; each heading becomes a block of its own so it
    stays a paragraph of its own."""
    out: list[list[str]] = []
    for block in blocks:
        current: list[str] = []
        for line in block:
            if _MD_RULE.fullmatch(line) or _MD_REFERENCE.fullmatch(line):
                continue
            if heading := _MD_HEADING.fullmatch(line):
                if current:
                    out.append(current)
                    current = []
                if text := _unmark_line(heading.group(1)):
                    out.append([text])
            elif text := _unmark_line(line.lstrip("> ") if line[0] == ">" else line):
                current.append(text)
        if current:
            out.append(current)
    return out


def _unmark_line(line: str) -> str:
    if any(ch in line for ch in "[<*_~`"):
        for pattern, replacement in _MD_INLINE:
            line = pattern.sub(replacement, line)
    return line.strip()
