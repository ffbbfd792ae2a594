"""What comes before an XML document's root element, read once for feeds and OPML.

Two facts both readers need: the encoding the document declares (evidence for the
decoder's ladder, weaker than valid UTF-8) and the DOCTYPE, which goes before any
parser sees the text: with it goes every entity definition, so a billion-laughs
document parses as a few undefined references instead of filling memory.
"""

from __future__ import annotations

import re

__all__ = ["declared_encoding", "strip_doctype"]

_DECL_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_DOCTYPE = re.compile(r"<!DOCTYPE\s[^\[>]*(?:\[.*?\]\s*)?>", re.I | re.S)
_FIRST_ELEMENT = re.compile(r"<[A-Za-z_]")


def declared_encoding(data: bytes) -> str | None:
    """The ``encoding`` of the XML declaration, if the bytes start with one."""
    match = _DECL_ENCODING.match(data)
    return match.group(1).decode("ascii") if match else None


def strip_doctype(text: str) -> str:
    """Remove the DOCTYPE and its internal subset from the prolog (only there: the same
    characters inside the document are text)."""
    first = _FIRST_ELEMENT.search(text)
    end = first.start() if first else len(text)
    prolog = text[:end]
    if "<!" not in prolog:
        return text
    return _DOCTYPE.sub("", prolog) + text[end:]
