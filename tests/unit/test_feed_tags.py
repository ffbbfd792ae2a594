"""Bare ticker-looking categories: symbols at a provider that tags them so, else only
tickers the directory knows that are neither common acronyms nor words (issue 9)."""

from __future__ import annotations

import pytest

from tui_reader.sources.feed_items import tag_instruments
from tui_reader.sources.feedparse import parse_feed

SA_FEED = "https://seekingalpha.com/api/sa/combined/RXT.xml"
OTHER_FEED = "https://news.example.com/markets/rss"

ITEM = """<item><title>{title}</title><link>{link}</link><guid>{guid}</guid>
<description>A short note on the quarter, in our own words.</description>{categories}</item>"""


def feed(link_host: str, *items: tuple[str, list[str]]) -> bytes:
    body = "".join(
        ITEM.format(
            title=title,
            link=f"https://{link_host}/news/{n}",
            guid=f"item-{n}",
            categories="".join(f"<category>{c}</category>" for c in categories),
        )
        for n, (title, categories) in enumerate(items)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{body}</channel></rss>'.encode()


def declared(document: bytes, url: str) -> list[list[str]]:
    parsed = parse_feed(document, {}, url)
    return [[i.ticker or "" for i in article.declared] for article in parsed.articles]


def test_a_symbol_tagging_provider_files_bare_tags_as_symbols():
    document = feed(
        "seekingalpha.com",
        ("Rackspace slides after guidance", ["RXT"]),
        ("Drone maker raises cash", ["UAVS", "KAR"]),
        ("IPO market heats up", ["IPO"]),  # a topic, not a listing
    )
    assert declared(document, SA_FEED) == [["RXT"], ["UAVS", "KAR"], []]


def test_the_item_link_names_the_provider_too():
    document = feed("seekingalpha.com", ("Rackspace slides", ["RXT"]))
    assert declared(document, "https://mirror.example.org/sa.xml") == [["RXT"]]


def test_elsewhere_only_known_tickers_that_are_no_acronym_or_word():
    document = feed(
        "news.example.com",
        ("Apple and Nvidia lead", ["AAPL", "NVDA"]),
        ("Small cap news", ["RXQZ"]),  # unknown: could be anything
        ("Market wrap", ["IPO", "ETF", "CEO", "AI", "EPS", "USA", "EU"]),
        ("Tech news", ["TECH", "NOW", "ALL"]),  # tickers, but everyday words as categories
    )
    assert declared(document, OTHER_FEED) == [["AAPL", "NVDA"], [], [], []]


@pytest.mark.parametrize("term", ["Technology", "Dividends", "Markets", "ipo", "aapl"])
def test_topic_words_are_never_symbols(term):
    assert tag_instruments([{"term": term}], SA_FEED) == []
    assert tag_instruments([{"term": term}], OTHER_FEED) == []
