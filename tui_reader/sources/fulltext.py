"""Full text for summary-only feed items: fetch the article's page, keep its main text.

Many symbol feeds (Yahoo's headlines, Nasdaq, aggregators) carry a two-line teaser,
too little for the figures that make an article worth reading here. The page is
fetched with the feeds' limits, timeouts and per-host politeness (`fetching.py`),
http(s) only and with no cookies kept, and trafilatura extracts the article from the
navigation, cookie banners, related links, comments and ads around it. Whatever goes
wrong (a paywall's 403, a timeout, a page that is all script) is stored as the
reason, and the teaser stays the body: a page is tried once.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tui_reader.sources.fetching import Fetched, FetchLimits, fetch, make_client
from tui_reader.store.fulltext import Teaser, save_failure, save_full_text, teasers

if TYPE_CHECKING:
    import httpx

    from tui_reader.config import Config
    from tui_reader.store import Store

MIN_TEXT_CHARS = 300
"""Less than this after extraction is a teaser again (a paywall's first paragraph)."""
PER_RUN = 40
"""Pages fetched per fetch run at most: a first follow brings many teasers at once,
and the rest come with the next runs instead of one long wait."""
_PAGE_TYPES = ("text/html", "application/xhtml+xml")
_CONSENT = re.compile(r"^https?://(?:[^/?#]*[.-])?(?:consent|guce)[.-]|/(?:consent|cookie-?consent|collectConsent)(?:[/?#]|$)", re.I)
"""Where a redirect ended: a consent host (consent.example, guce.example) or path."""


def page_feeds(config: Config) -> set[str]:
    """Config `full_text`: `followed` (the default) means the feeds about an instrument
    (followed instruments' feeds declare theirs), `all` every feed, `off` none; feeds of
    a template with `full_text = false` (SEC filings: their pages are document indexes)
    never."""
    if config.full_text == "off":
        return set()
    keys = set()
    for feed in config.feeds:
        template = config.templates.get(feed.template) if feed.template else None
        if template is not None and not template.full_text:
            continue
        if config.full_text == "all" or feed.instruments:
            keys.add(feed.url)
    return keys


@dataclass(slots=True)
class FullTextReport:
    """What one run did, for one line of `fetch` output."""

    fetched: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    """(url, reason) per page without a usable article."""

    def line(self) -> str | None:
        if not self.fetched and not self.failed:
            return None
        failed = f", {len(self.failed)} kept their summary" if self.failed else ""
        return f"full text for {self.fetched} summary-only article{'s' if self.fetched != 1 else ''}{failed}"


def fill_full_texts(
    store: Store, source_keys: Collection[str] | None, *, limit: int = PER_RUN, limits: FetchLimits = FetchLimits()
) -> FullTextReport:
    """Fetch and store the full text of up to `limit` teasers from these sources
    (None: any feed). Blocking: run it from a worker thread or the command line."""
    return fill_pages(store, teasers(store, source_keys, limit), limits=limits)


def fill_pages(store: Store, pending: list[Teaser], *, limits: FetchLimits = FetchLimits()) -> FullTextReport:
    """Fetch and store the pages of these teasers (the app: one article, when it is opened)."""
    report = FullTextReport()
    if not pending:
        return report
    for teaser, outcome in asyncio.run(_fetch_all(pending, limits)):
        if isinstance(outcome, str):
            save_failure(store, teaser, outcome)
            report.failed.append((teaser.url, outcome))
        elif save_full_text(store, teaser, outcome.text):
            report.fetched += 1
    return report


@dataclass(frozen=True, slots=True)
class MainText:
    text: str


async def _fetch_all(pending: list[Teaser], limits: FetchLimits) -> list[tuple[Teaser, MainText | str]]:
    client = _cookieless(make_client(limits))
    hosts: dict[str, asyncio.Semaphore] = {}
    everyone = asyncio.Semaphore(limits.concurrency)
    loop = asyncio.get_running_loop()

    async def one(teaser: Teaser) -> tuple[Teaser, MainText | str]:
        from urllib.parse import urlsplit

        if urlsplit(teaser.url).scheme not in ("http", "https"):
            return teaser, "not an http(s) link"
        host = hosts.setdefault(urlsplit(teaser.url).hostname or "", asyncio.Semaphore(limits.per_host))
        async with host, everyone:
            fetched = await fetch(client, teaser.url, limits=limits)
        # Extraction parses HTML for a few ms: off the loop, so other pages keep loading.
        return teaser, await loop.run_in_executor(None, _outcome, fetched)

    async with client:
        return await asyncio.gather(*(one(t) for t in pending))


def _cookieless(client: httpx.AsyncClient) -> httpx.AsyncClient:
    """A cookie jar that refuses every cookie: no consent or tracking state is kept
    between pages (and none is sent), so each page is read as a first visit."""
    from http.cookiejar import CookieJar, DefaultCookiePolicy

    import httpx

    client.cookies = httpx.Cookies(CookieJar(policy=DefaultCookiePolicy(allowed_domains=[])))
    return client


def _outcome(fetched: Fetched) -> MainText | str:
    if fetched.status != "ok":
        reason = fetched.error or "no answer"
        if fetched.http_status in (401, 402, 403):
            reason += " (a paywall or a block)"
        return reason
    if _CONSENT.search(fetched.url):
        # Without cookies a consent wall answers every visit (Yahoo's in the EU, many
        # publishers'): its text is no article, however long.
        return "a cookie-consent page instead of the article"
    kind = fetched.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind and kind not in _PAGE_TYPES:
        return f"not a web page ({kind})"
    text = main_text(fetched.body, fetched.url)
    if text is None or len(text) < MIN_TEXT_CHARS:
        return "no article text found on the page (a paywall, or a page built by script)"
    return MainText(text)


def main_text(html: bytes | str, url: str | None = None) -> str | None:
    """The article of a web page as paragraphs separated by blank lines, without its
    navigation, banners, related links, comments and ads; None when there is none.
    Promotional lines inside it go the way the feeds' do (`extract.boilerplate`)."""
    import trafilatura

    from tui_reader.extract.boilerplate import strip_boilerplate
    from tui_reader.sources.decode import strip_controls

    text = trafilatura.extract(
        html, url=url, include_comments=False, include_tables=False, include_images=False,
        include_links=False, favor_precision=True,
    )
    if not text:
        return None
    paragraphs = [p.strip() for p in strip_controls(text).split("\n") if p.strip()]
    kept, _ = strip_boilerplate(paragraphs)
    return "\n\n".join(kept) or None
