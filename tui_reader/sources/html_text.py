"""HTML from feeds → plain text: paragraphs separated by blank lines, nothing hidden.

Parsed by lxml's HTML parser (libxml2), not by patterns: a tag is whatever the parser
says it is, so an attribute holding ``>`` (``<a title="a > b">``) no longer leaks its
text into the article, and entities are decoded where they stand. Block elements
make paragraphs, ``<br>`` a line break, and what a browser would not show (scripts,
styles, the head, comments) is dropped. The text is untrusted: escape sequences and
control characters go through the decoder's `strip_controls`, before the parser (which
refuses some control characters) and after it (an entity can spell one).
"""

from __future__ import annotations

import html
import re
import threading

from lxml import etree

from tui_reader.sources.decode import strip_controls

__all__ = ["clean_line", "clean_text"]

_PARSERS = threading.local()
"""One parser per thread (feeds are parsed in worker threads when no process can start):
a parser holds its state while it runs. Comments and processing instructions are
dropped by the parser itself; no network, so nothing in a feed makes libxml2 fetch."""

_INVISIBLE = frozenset({"script", "style", "head", "noscript", "template", "iframe", "object"})
_BLOCKS = frozenset({
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote",
    "pre", "tr", "table", "section", "article", "header", "footer", "figure", "figcaption", "hr",
})
_SPACES = re.compile(r"[ \t\u00a0]+")
_PARAGRAPH = re.compile(r"\n\s*\n")


def clean_text(raw: str, is_html: bool = True) -> str:
    """HTML (or, with `is_html=False`, plain text) → paragraphs separated by blank
    lines, entities decoded, terminal escapes and control characters gone."""
    # A lone CR separates words like a space; strip_controls would drop it, the HTML
    # parser would make it a line break.
    raw = raw.replace("\r\n", "\n").replace("\r", " ")
    if is_html and "<" in raw:
        raw = _markup_text(strip_controls(raw))
    elif is_html and "&" in raw:
        raw = html.unescape(raw)
    raw = strip_controls(raw)
    if "  " in raw or "\t" in raw or "\u00a0" in raw:
        # Most bodies have only single spaces, which `_SPACES` would replace one by one
        # with themselves: checking first costs 0.1 us instead of ~10 of an 18 us body.
        raw = _SPACES.sub(" ", raw)
    paragraphs = []
    for block in _PARAGRAPH.split(raw):
        lines = [line.strip() for line in block.split("\n")]
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


def clean_line(raw: str, is_html: bool = True) -> str:
    """A title: one line of plain text."""
    return " ".join(clean_text(raw, is_html).split())


def _markup_text(markup: str) -> str:
    """The text of an HTML fragment with blocks as blank lines and ``<br>`` as line
    breaks; source line breaks inside a block stay line breaks, as feeds use them."""
    if markup.startswith("<?xml"):  # lxml refuses a str that declares an encoding
        markup = markup[markup.find(">") + 1:]
    parser = getattr(_PARSERS, "parser", None)
    if parser is None:
        parser = _PARSERS.parser = etree.HTMLParser(
            remove_comments=True, remove_pis=True, no_network=True, default_doctype=False)
    root = etree.fromstring(markup, parser)
    if root is None:  # only whitespace, or markup that holds nothing
        return ""
    out: list[str] = []
    _element_text(root, out)
    return "".join(out)


def _element_text(element: etree._Element, out: list[str]) -> None:
    """Append an element's text, its visible children's and their tails. Recursive: the
    parser nests no deeper than 256 elements (libxml2's limit without `huge_tree`),
    and a plain walk is a sixth faster than `iterwalk` on feed bodies."""
    tag = element.tag  # the HTML parser gives tag names in lower case
    if tag in _BLOCKS:
        out.append("\n\n")
    elif tag == "br":
        out.append("\n")
    if element.text:
        out.append(element.text)
    for child in element:
        if child.tag not in _INVISIBLE:
            _element_text(child, out)
        if child.tail:
            out.append(child.tail)
    if tag in _BLOCKS:
        out.append("\n\n")
