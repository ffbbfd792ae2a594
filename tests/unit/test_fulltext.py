"""Full text for summary-only feed items: pages written by us with navigation, a cookie
banner, ads, related links and comments around the article, served on 127.0.0.1; a
real store; what trafilatura keeps and drops, what is stored, and that a page is
fetched once whatever happened."""

from __future__ import annotations

from pathlib import Path

import pytest
from werkzeug import Request, Response

from tui_reader.sources.feeds import FeedSource
from tui_reader.sources.fetching import FetchLimits
from tui_reader.sources.fulltext import fill_full_texts, main_text
from tui_reader.sources.poll import poll_all
from tui_reader.store import Store
from tui_reader.store.fulltext import full_text_state

PAGE = (Path(__file__).parent.parent / "data" / "pages" / "article_with_furniture.html").read_bytes()
PAYWALL = b"""<!DOCTYPE html><html><head><title>Subscriber story</title></head><body>
<nav><a href="/">Home</a> <a href="/markets">Markets</a></nav>
<article><h1>Chip packager lifts outlook</h1><p>The company raised its outlook.</p>
<div class="paywall">Subscribe to keep reading. Already a subscriber? Sign in.</div></article></body></html>"""


def feed(base: str) -> bytes:
    items = "".join(
        f"""<item><title>{title}</title><link>{base}{path}</link><guid isPermaLink="false">{path}</guid>
<pubDate>Thu, 04 Dec 2026 0{n}:00:00 +0000</pubDate><description>{teaser}</description></item>"""
        for n, (title, path, teaser) in enumerate([
            ("Chip packager lifts outlook as AI orders pile up", "/story/packager",
             "The packager raised its outlook on AI orders."),
            ("Subscriber story on the packager", "/story/paywalled", "A teaser only subscribers can read past."),
            ("Packager's slides as a PDF", "/story/slides.pdf", "The presentation to investors."),
            ("Packager behind a consent wall", "/story/walled", "Only readers who accept cookies get this."),
        ], start=1)
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Symbol news</title>
<link>{base}</link><description>per-symbol headlines</description>{items}</channel></rss>""".encode()


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "store.sqlite3") as opened:
        yield opened


def test_main_text_keeps_the_article_and_drops_the_furniture():
    text = main_text(PAGE, "https://markets.example/story")
    assert text is not None
    paragraphs = text.split("\n\n")
    assert paragraphs[0].startswith("Amkor Technology raised its full-year outlook")
    assert any("between $3.9 billion and $4.2 billion" in p for p in paragraphs)
    assert paragraphs[-1].startswith("Gross margin should widen")
    for furniture in ("cookies", "Accept all", "Markets\n", "S&P 500", "Advertisement", "Related stories",
                      "Memory makers race", "newsletter", "to the moon", "dividend gets paid", "All rights reserved"):
        assert furniture not in text, furniture


def test_teasers_become_full_articles_once(http, store, tmp_path):
    requests: list[tuple[str, str | None]] = []

    def page(request: Request) -> Response:
        requests.append((request.path, request.headers.get("Cookie")))
        if request.path == "/story/packager":
            response = Response(PAGE, content_type="text/html; charset=utf-8")
            response.set_cookie("consent", "tracked")
            return response
        if request.path == "/story/walled":
            return Response("", status=302, headers={"Location": "/consent?sessionId=1&done=/story/walled"})
        if request.path == "/consent":
            return Response(PAGE, content_type="text/html")  # long enough, but no article
        if request.path == "/story/paywalled":
            return Response(PAYWALL, status=403, content_type="text/html")
        return Response(b"%PDF-1.7 slides", content_type="application/pdf")

    base = http.url_for("").rstrip("/")
    http.expect_request("/feed").respond_with_data(feed(base), content_type="application/rss+xml")
    for path in ("/story/packager", "/story/paywalled", "/story/slides.pdf", "/story/walled", "/consent"):
        http.expect_request(path).respond_with_handler(page)
    source = FeedSource(http.url_for("/feed"), instruments=("AMKR",))
    poll_all([source], [], store, parse_workers=0)
    before = {a.title: a for a in store.articles(limit=10)}
    assert len(before) == 4

    report = fill_full_texts(store, {source.url}, limits=FetchLimits(total_timeout=10))
    assert report.fetched == 1 and len(report.failed) == 3
    assert report.line() == "full text for 1 summary-only article, 3 kept their summary"
    assert all(cookie is None for _, cookie in requests)  # the consent cookie was never sent back

    stored = {a.title: a for a in store.articles(limit=10)}
    assert len(stored) == 4
    full = store.article(stored["Chip packager lifts outlook as AI orders pile up"].id)
    assert full.body.startswith("Amkor Technology raised its full-year outlook")
    assert "Related stories" not in full.body
    money = [f for f in full.figures if f.kind == "money"]
    assert any(f.value == 3.9e9 and f.high == 4.2e9 for f in money)  # figures of the full text
    assert "AMKR" in {i.ticker for i in full.instruments}  # still filed under the followed instrument
    assert full_text_state(store, full.id).error is None

    paywalled = store.article(stored["Subscriber story on the packager"].id)
    assert paywalled.body == "A teaser only subscribers can read past."
    assert "403" in full_text_state(store, paywalled.id).error and "paywall" in full_text_state(store, paywalled.id).error
    pdf = store.article(stored["Packager's slides as a PDF"].id)
    assert full_text_state(store, pdf.id).error == "not a web page (application/pdf)"
    walled = store.article(stored["Packager behind a consent wall"].id)
    assert walled.body == "Only readers who accept cookies get this."
    assert full_text_state(store, walled.id).error == "a cookie-consent page instead of the article"

    # Fetched once: a second run asks for nothing; a re-poll of the feed keeps the full text.
    assert fill_full_texts(store, {source.url}).line() is None
    assert len(requests) == 5
    poll_all([FeedSource(source.url, instruments=("AMKR",))], [], store, parse_workers=0)
    assert store.article(full.id).body == full.body
    hits = store.articles(query="high-bandwidth", limit=5)
    assert [a.id for a in hits] == [full.id]  # the full text is searchable


def test_only_the_followed_sources_are_filled(http, store):
    base = http.url_for("").rstrip("/")
    http.expect_request("/feed").respond_with_data(feed(base), content_type="application/rss+xml")
    poll_all([FeedSource(http.url_for("/feed"))], [], store, parse_workers=0)
    assert fill_full_texts(store, {"https://some.other.example/feed"}).line() is None
    assert [request.path for request, _ in http.log] == ["/feed"]  # no page was asked for


def test_the_same_page_twice_gives_the_same_text():
    """No state across pages: trafilatura's `deduplicate` would empty the second copy
    of a story read from two providers' links."""
    first = main_text(PAGE, "https://one.example/story")
    assert first and main_text(PAGE, "https://two.example/story") == first
