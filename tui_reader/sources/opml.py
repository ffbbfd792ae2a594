"""OPML subscription lists in and out: how feed readers hand their feeds to each other.

Reading decodes the bytes with the decoder's ladder (the one feeds and seeds use) and
removes the DOCTYPE (`xml_prolog`, as for feeds) before the standard library's expat
parser sees the text, so an entity-expansion file fails as malformed instead of filling
memory; no extra dependency (defusedxml) is needed for a format that never needs a DTD.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from datetime import UTC, datetime
from email.utils import format_datetime
from urllib.parse import urlsplit
from xml.sax.saxutils import quoteattr

from tui_reader.config import FeedConfig
from tui_reader.sources.decode import NotText, decode_bytes, strip_controls
from tui_reader.sources.xml_prolog import declared_encoding, strip_doctype


class OpmlError(Exception):
    """The file is not readable OPML; the message says where."""


def read_opml(data: bytes, skipped: list[tuple[str, str]] | None = None) -> list[FeedConfig]:
    """Every outline with an http(s) `xmlUrl`, at any depth, first occurrence wins.

    Folder outlines (no `xmlUrl`) become tags of the feeds inside them. Titles lose
    escape sequences and control characters before they reach the config; a URL that
    carries any is not a URL a feed can live at, and is left out. Each outline left
    out is added to `skipped` as (URL, why), so the import can say so: a silent drop
    read as "already there".
    """
    try:
        root = ET.fromstring(strip_doctype(decode_bytes(data, (declared_encoding(data),))))
    except NotText:
        raise OpmlError("not OPML: binary data") from None
    except ET.ParseError as exc:
        line, column = exc.position
        raise OpmlError(f"not well-formed XML (line {line}, column {column + 1})") from None
    if root.tag.lower() != "opml":
        raise OpmlError(f"not OPML: the root element is <{root.tag}>")
    body = next((child for child in root if child.tag.lower() == "body"), None)
    if body is None:
        raise OpmlError("OPML without a <body>")
    feeds: dict[str, FeedConfig] = {}
    _collect(body, [], feeds, skipped if skipped is not None else [])
    return list(feeds.values())


def _collect(element: ET.Element, folders: list[str], feeds: dict[str, FeedConfig],
             skipped: list[tuple[str, str]]) -> None:
    for outline in element:
        if outline.tag.lower() != "outline":
            continue
        title = " ".join(strip_controls(outline.get("title") or outline.get("text") or "").split()) or None
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if url and (why := _not_a_feed_url(url)):
            skipped.append((url, why))
        elif url and url not in feeds:
            feeds[url] = FeedConfig(url=url, title=title, tags=list(folders))
        _collect(outline, folders + [title] if title and not url else folders, feeds, skipped)


def _not_a_feed_url(url: str) -> str:
    """Why `url` cannot be a feed's address, or "" when it can."""
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        return "not an http or https URL"
    if strip_controls(url) != url or any(ch.isspace() for ch in url):
        return "the URL holds spaces or control characters"
    return ""


def write_opml(feeds: Sequence[FeedConfig], title: str = "tui-reader feeds") -> str:
    """OPML 2.0 with one `rss` outline per feed; every attribute escaped."""
    now = format_datetime(datetime.now(UTC), usegmt=True)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        "  <head>",
        f"    <title>{_text(_xml_chars(title))}</title>",
        f"    <dateCreated>{now}</dateCreated>",
        "  </head>",
        "  <body>",
    ]
    for feed in feeds:
        name = _xml_chars(feed.title or feed.url)
        lines.append(
            f"    <outline type=\"rss\" text={quoteattr(name)} title={quoteattr(name)} xmlUrl={quoteattr(_xml_chars(feed.url))}"
            + (f" category={quoteattr(_xml_chars(','.join(feed.tags)))}" if feed.tags else "")
            + "/>"
        )
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)


_NONCHARACTERS = re.compile("[\ufffe\uffff]")


def _xml_chars(value: str) -> str:
    """An attribute's text without the characters XML 1.0 cannot carry, not even
    escaped: C0 controls go through the decoder's filter, which takes a terminal escape
    sequence out whole (a title from a hand-edited config cannot leave ``[31m`` behind
    in the document) and bidi overrides with it; U+FFFE and U+FFFF go here."""
    return _NONCHARACTERS.sub("", strip_controls(value))


def _text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
