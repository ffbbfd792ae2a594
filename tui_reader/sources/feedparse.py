"""Feed bytes → `Article`s: RSS 0.9x/1.0/2.0 and Atom via feedparser, JSON Feed by hand.

The only module that imports feedparser. It runs inside worker processes, so it works
on plain bytes and returns plain dataclasses. Before feedparser sees a document we
settle its encoding ourselves (the decoder's ladder: servers often mislabel it, in both
directions) and strip the DOCTYPE (`xml_prolog`), so entity-expansion documents cannot
blow up memory and feedparser's strict parser runs on clean UTF-8. HTML in titles and
bodies becomes plain text by `html_text`, with control characters removed: feed text
must never reach the terminal as escapes. What
an item says besides its text (symbol tags, the credited publisher, filing lines) is
read by `feed_items`.
"""

from __future__ import annotations

import email.utils
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

from tui_reader.model import Article, Instrument, stable_id
from tui_reader.sources.datelines import find_dateline
from tui_reader.sources.decode import NotText, decode_bytes, load_json
from tui_reader.sources.feed_items import (
    credited_publisher,
    drop_repeated_headline,
    edgar_company,
    edgar_filer,
    listed_tickers,
    mark_item_metadata,
    merge_declared,
    strip_filing_line,
    strip_more_links,
    tag_instruments,
    url_instruments,
)
from tui_reader.sources.html_text import clean_line, clean_text
from tui_reader.sources.xml_prolog import declared_encoding, strip_doctype


class FeedError(Exception):
    """The document is not a usable feed; the message is shown to the user as is."""


@dataclass(slots=True)
class ParsedFeed:
    title: str | None
    articles: list[Article]


def parse_feed(
    body: bytes,
    headers: Mapping[str, str],
    url: str,
    source: str | None = None,
    feed_key: str | None = None,
    declared: Sequence[Instrument] = (),
) -> ParsedFeed:
    """Turn a fetched document into articles.

    `url` is where the document came from (after redirects): relative links resolve
    against it. `feed_key` (the configured URL, default `url`) scopes the article ids.
    `source` (the configured feed title) names the articles; without it the feed's
    own title, then the host name, does; an item that credits its publisher
    (`<source>`, as Google News items do) names itself. `declared` (the feed's
    configured instruments) joins what the configured URL names (`url_instruments`)
    in every item's `Article.declared`, after the item's own symbol tags.
    """
    feed_key = feed_key or url
    declared = merge_declared(declared, url_instruments(feed_key))
    if not body.strip():
        raise FeedError("empty response")
    content_type = headers.get("content-type", "").lower()
    text = _to_text(body, _charset(content_type))
    head = text.lstrip()[:512]
    if head.startswith(("{", "[")) or "json" in content_type:
        return _parse_json_feed(text, url, source, feed_key, declared)
    if _HTML_PAGE.match(head):
        raise FeedError("an HTML page, not a feed")
    return _parse_xml_feed(text, url, source, feed_key, declared)


# --- encoding ----------------------------------------------------------------------


def _charset(content_type: str) -> str | None:
    match = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9._-]+)", content_type)
    return match.group(1) if match else None


def _to_text(body: bytes, header_charset: str | None) -> str:
    """The decoder's ladder, with the server's charset and then the XML declaration's
    as the declared evidence (weaker than a BOM or valid UTF-8)."""
    try:
        return decode_bytes(body, (header_charset, declared_encoding(body)), sniff=4096)
    except NotText:
        raise FeedError("binary data, not a feed") from None


# --- XML feeds (feedparser) ----------------------------------------------------------

_HTML_PAGE = re.compile(r"(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>])", re.I | re.S)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_ROOT_CLOSE = re.compile(r"</(?:[\w-]+:)?(?:rss|feed|RDF|channel)\s*>\s*$", re.S)
_BIG_CHAR_REF = re.compile(r"&#(?:[xX]0*([dD][89a-fA-F][0-9a-fA-F]{2}|[1-9a-fA-F][0-9a-fA-F]{5,})|0*(5[5-7]\d{3}|\d{7,}));")
"""Character references that may name no character: surrogates (D800-DFFF) and numbers
past U+10FFFF. feedparser's loose parser turns each into `chr(n).encode()`, which
raises out of `feedparser.parse`; `_unbreakable_refs` finds the candidates."""


def _unbreakable_refs(text: str) -> str:
    """Each reference to a surrogate or past U+10FFFF becomes ``&#xFFFD;``: one bad
    item must not fail its whole feed, and untrusted text never carries an unencodable
    code point past the decoder."""
    if "&#" not in text:
        return text

    def fix(match: re.Match[str]) -> str:
        number = int(match[1], 16) if match[1] else int(match[2])
        return "&#xFFFD;" if 0xD800 <= number <= 0xDFFF or number > 0x10FFFF else match[0]

    return _BIG_CHAR_REF.sub(fix, text)


def _parse_xml_feed(text: str, url: str, source: str | None, feed_key: str, declared: list[Instrument]) -> ParsedFeed:
    text = _XML_DECL.sub('<?xml version="1.0" encoding="utf-8"?>', strip_doctype(_unbreakable_refs(text)), count=1)
    text = mark_item_metadata(text)
    data = text.encode("utf-8")
    import feedparser

    result = feedparser.parse(
        data,
        # No content-location: feedparser would then re-resolve a base URI at every
        # element (a quarter of its time); `_http_url` resolves the links we keep.
        response_headers={"content-type": "application/xml; charset=utf-8"},
        sanitize_html=False,
        resolve_relative_uris=False,
    )
    entries = result.entries
    if result.bozo:
        problem = _bozo_text(result.get("bozo_exception"))
        if not entries:
            raise FeedError(f"malformed feed: {problem}" if result.version or "<" in text[:200] else "not a feed")
        if not _ROOT_CLOSE.search(text[-200:]):
            raise FeedError(f"feed is cut off: {problem}")
    elif not result.version and not entries:
        raise FeedError("not a feed (no RSS, Atom or JSON Feed root)")
    feed_title = clean_line(result.feed.get("title", ""), _is_html(result.feed.get("title_detail"))) or None
    name = source or feed_title or urlsplit(url).hostname or url
    declared = merge_declared(declared, edgar_company(feed_key, result.feed))
    articles: list[Article] = []
    for entry in entries:
        articles.append(_entry_article(entry, url, name, feed_key, declared))
    return ParsedFeed(feed_title, _unique(articles))


def _bozo_text(exc: object) -> str:
    if exc is None:
        return "unknown problem"
    line = getattr(exc, "getLineNumber", None)
    message = getattr(exc, "getMessage", None)
    if callable(line) and callable(message):
        return f"line {line()}: {message()}"
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def _entry_article(entry: Mapping, feed_url: str, source: str, feed_key: str, declared: list[Instrument]) -> Article:
    # A plain dict: FeedParserDict.get runs its key aliasing in Python (~4 us of a 40 us
    # entry). No key read here is aliased; the one special case, updated_parsed falling
    # back to published_parsed, only repeats the lookup made just before it.
    entry = dict(entry)
    # Feedburner's <link> is its click-counting redirect; origLink is the article.
    link = (_http_url(entry.get("feedburner_origlink"), feed_url) or _http_url(entry.get("link"), feed_url)
            or _http_url(entry.get("filing-href"), feed_url))  # SEC EDGAR: the filing's index page
    title = clean_line(entry.get("title", ""), _is_html(entry.get("title_detail")))
    body = strip_more_links(strip_filing_line(_best_body(entry)))
    publisher, short_title = credited_publisher(entry.get("source"), title)
    if publisher is not None:
        body = drop_repeated_headline(body, publisher, (title, short_title))
    parsed = entry.get("published_parsed")
    published = _in_own_zone(entry.get("published" if parsed else "updated"),
                             _from_struct(parsed or entry.get("updated_parsed")))
    if published is None and body:
        published = find_dateline(body)
    tags = entry.get("tags")
    own = tag_instruments(tags, feed_url, link) if tags else []
    if "nasdaq_tickers" in entry:
        own += listed_tickers(entry["nasdaq_tickers"])
    if (filer := edgar_filer(feed_key, title)) is not None:
        own.append(filer)
    return Article(
        id=_article_id(feed_key, entry.get("id"), link, title, published.astimezone(UTC) if published else None),
        source=publisher or source,
        title=short_title or _fallback_title(body),
        body=body,
        published=published,
        url=link,
        declared=merge_declared(own, declared) if own else list(declared),
    )


def _best_body(entry: Mapping) -> str:
    """Full content (content:encoded, atom:content) when it says more than the summary.
    Photo captions never compete (`mark_item_metadata` keeps them out of both), nor
    does structured XML content (EDGAR's filing fields), which is data, not text."""
    candidates = [c for c in entry.get("content", ()) if isinstance(c, Mapping) and c.get("type") != "text/xml"]
    if "summary" in entry:
        candidates.append({"value": entry["summary"], "type": entry.get("summary_detail", {}).get("type")})
    if not candidates:
        return ""
    best = max(candidates, key=lambda c: len(c.get("value") or ""))
    return clean_text(best.get("value") or "", _is_html(best))


def _is_html(detail: Mapping | None) -> bool:
    """feedparser marks text that looks like HTML as text/html even in RSS titles."""
    return not detail or "html" in (detail.get("type") or "text/html")


def _in_own_zone(written: object, moment: datetime | None) -> datetime | None:
    """`moment` (feedparser's UTC reading) at the offset the feed wrote it with ("Thu, 26
    Oct 2017 21:54:10 -0400" is the 26th where it was published, the 27th in UTC), so
    the publication day is the publisher's; `moment` itself when the text says no
    offset or reads differently."""
    if moment is None or not isinstance(written, str) or not written:
        return moment
    try:
        own = (datetime.fromisoformat(written) if written[:4].isdigit()
               else email.utils.parsedate_to_datetime(written))
    except (TypeError, ValueError, IndexError):
        return moment
    return own if own.tzinfo is not None and own == moment else moment


def _from_struct(value: object) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime(*value[:6], tzinfo=UTC)  # type: ignore[index,misc]
    except (TypeError, ValueError):
        return None


# --- JSON Feed ----------------------------------------------------------------------


def _parse_json_feed(text: str, url: str, source: str | None, feed_key: str, declared: list[Instrument]
                     ) -> ParsedFeed:
    try:
        doc = load_json(text)
    except (ValueError, RecursionError) as exc:
        raise FeedError(f"malformed JSON: {exc}") from None
    if not isinstance(doc, dict) or not str(doc.get("version", "")).startswith("https://jsonfeed.org/version/"):
        raise FeedError("JSON, but not a JSON Feed")
    items = doc.get("items")
    if not isinstance(items, list):
        raise FeedError("JSON Feed without an items list")
    feed_title = clean_line(_str(doc.get("title")), is_html=False) or None
    name = source or feed_title or urlsplit(url).hostname or url
    base = _str(doc.get("home_page_url")) or url
    articles = []
    for item in items:
        if not isinstance(item, dict):
            continue
        link = _http_url(_str(item.get("url")) or _str(item.get("external_url")), base)
        title = clean_line(_str(item.get("title")), is_html=False)
        if content_html := _str(item.get("content_html")):
            body = clean_text(content_html)
        else:
            body = clean_text(_str(item.get("content_text")) or _str(item.get("summary")), is_html=False)
        body = strip_more_links(body)
        published = _iso_datetime(_str(item.get("date_published")) or _str(item.get("date_modified")))
        articles.append(
            Article(
                id=_article_id(feed_key, _str(item.get("id")) or None, link, title, published),
                source=name,
                title=title or _fallback_title(body),
                body=body,
                published=published,
                url=link,
                declared=merge_declared(_json_tags(item.get("tags")), declared),
            )
        )
    return ParsedFeed(feed_title, _unique(articles))


def _json_tags(tags: object) -> list[Instrument]:
    """A JSON Feed item's `tags` (strings) read as categories are."""
    if not isinstance(tags, list):
        return []
    return tag_instruments({"term": tag} for tag in tags if isinstance(tag, str))


def _str(value: object) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value if isinstance(value, str) else ""


def _iso_datetime(value: str) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


# --- shared helpers -----------------------------------------------------------------


def _http_url(link: str | None, base: str) -> str | None:
    """Resolve relative links; anything but http(s) (javascript:, data:) is dropped."""
    if not link:
        return None
    absolute = urljoin(base, link.strip())
    if absolute.startswith(("http://", "https://")):  # the usual case, without a second parse (~3 us)
        return absolute
    return absolute if urlsplit(absolute).scheme in ("http", "https") else None


def _article_id(feed_key: str, guid: str | None, link: str | None, title: str, published: datetime | None) -> str:
    """An item id is scoped to its feed: the store keys each (feed, item) pair and finds
    the same story carried by two feeds itself (title and body fingerprints), recording
    both as its sources. A global GUID shared by two feeds would instead make them
    overwrite each other's copy on every poll."""
    guid = (guid or "").strip()
    if guid:
        return stable_id("feed", feed_key, guid)
    if link:
        return stable_id("feed", feed_key, link)
    return stable_id("feed", feed_key, title, published.isoformat() if published else None)


def _unique(articles: list[Article]) -> list[Article]:
    seen: set[str] = set()
    out = []
    for article in articles:
        if article.id not in seen:
            seen.add(article.id)
            out.append(article)
    return out


def _fallback_title(body: str) -> str:
    first = body.split("\n", 1)[0]
    return (first[:77] + "…") if len(first) > 80 else (first or "(untitled)")
