"""Feed documents → Articles, without the network: formats, text cleaning, hostile input."""

from __future__ import annotations

import resource
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tui_reader.model import Instrument
from tui_reader.sources.feed_items import (
    edgar_filer,
    strip_filing_line,
    strip_more_links,
    tag_instruments,
    url_instruments,
)
from tui_reader.sources.feedparse import FeedError, parse_feed
from tui_reader.sources.html_text import clean_line, clean_text

DATA = Path(__file__).parent.parent / "data" / "feeds"
URL = "https://feeds.example.com/dir/feed.xml"


def parse(name: str, headers: dict[str, str] | None = None, source: str | None = None):
    return parse_feed((DATA / name).read_bytes(), headers or {}, URL, source)


def test_rss20_cleans_html_resolves_links_and_prefers_full_content():
    feed = parse("rss20.xml")
    assert feed.title == "Market Wire & Co"
    first, second, third = feed.articles
    assert first.title == "Alibaba beats estimates as cloud revenue jumps 26%"
    assert first.url == "https://feeds.example.com/2026/01/alibaba-cloud"
    assert first.published == datetime(2026, 1, 29, 21, 41, 5, tzinfo=UTC)
    assert first.source == "Market Wire & Co"
    assert first.body == (
        "Alibaba Group (NYSE: BABA) said cloud revenue rose 26% to 33.5 billion yuan.\n\n"
        "Shares gained 3.2% in New York \u2014 the best day since\u00a0March.".replace("\u00a0", " ")
    )
    assert "alert" not in first.body
    assert second.title == 'Plain title: 3 < 5 and "quotes"'
    assert second.body == "Second story body."
    assert third.url is None and third.title == "No link, no guid"
    assert len({a.id for a in feed.articles}) == 3


def test_configured_title_names_the_source():
    assert {a.source for a in parse("rss20.xml", source="My Wire").articles} == {"My Wire"}


def test_rss10_and_rss091():
    rdf = parse("rss10.rdf").articles
    assert [a.title for a in rdf] == ["SAP raises its cloud outlook"]
    assert rdf[0].published == datetime(2026, 1, 27, 9, 15, tzinfo=UTC)
    old = parse("rss091.xml")
    assert old.title == "Old Wire"
    assert old.articles[0].url == "http://old.example.net/siemens"


def test_atom_xml_base_html_and_xhtml_titles():
    feed = parse("atom.xml")
    nvidia, tesla = feed.articles
    assert nvidia.title == "Nvidia & partners"
    assert nvidia.url == "https://atom.example.com/news/nvidia-partners"
    assert nvidia.body == "Nvidia (NASDAQ: NVDA) announced new partners.\n\nSecond paragraph."
    assert nvidia.published == datetime(2026, 1, 30, 9, 0, tzinfo=UTC)
    assert tesla.title == "Tesla deliveries"
    assert tesla.body == "Tesla delivered cars. 1 < 2."


def test_json_feed():
    feed = parse("feed.json", {"content-type": "application/feed+json"})
    assert feed.title == "JSON Desk"
    apple, untitled = feed.articles
    assert apple.title == "Apple <sells> more iPhones"  # JSON Feed titles are plain text
    assert apple.url == "https://json.example.com/posts/1"
    assert apple.body == "Apple Inc. (NASDAQ: AAPL) sold more iPhones."
    assert apple.published is not None and apple.published.utcoffset().total_seconds() == -5 * 3600
    assert untitled.title == "No title here, plain text <b>kept</b>."


def test_json_that_is_not_a_feed():
    with pytest.raises(FeedError, match="not a JSON Feed"):
        parse_feed(b'{"hello": 1}', {}, URL)
    with pytest.raises(FeedError, match="malformed JSON"):
        parse_feed(b'{"version": ', {"content-type": "application/json"}, URL)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("html_page.html", "an HTML page, not a feed"),
        ("malformed.xml", "malformed feed"),
        ("binary.png", "binary data, not a feed"),
        ("truncated.xml", "feed is cut off"),
    ],
)
def test_bad_documents_are_one_clear_error(name, message):
    with pytest.raises(FeedError, match=message):
        parse(name)


def test_empty_body():
    with pytest.raises(FeedError, match="empty response"):
        parse_feed(b"  \n", {}, URL)


def test_utf8_body_labelled_latin1_is_read_as_utf8():
    feed = parse("utf8_labelled_latin1.xml", {"content-type": "text/xml; charset=iso-8859-1"})
    assert feed.articles[0].title == "Börse \u2013 Kürzung"
    assert feed.articles[0].body == "Überraschung"


def test_cp1252_body_labelled_utf8_is_read_as_cp1252():
    feed = parse("cp1252_labelled_utf8.xml", {"content-type": "application/rss+xml; charset=utf-8"})
    assert feed.title == "Börse Wire"
    assert feed.articles[0].title == "Münchener Rück: Gewinn steigt \u2013 Aktie +2 %"
    assert feed.articles[0].body == "Die Münchener Rück meldet \u201eRekord\u201c."


def test_utf16_with_bom():
    text = (DATA / "rss10.rdf").read_text("utf-8").replace('encoding="utf-8"', 'encoding="utf-16"')
    feed = parse_feed(text.encode("utf-16"), {}, URL)
    assert feed.articles[0].title == "SAP raises its cloud outlook"


def test_entity_expansion_document_stays_small():
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    feed = parse("billion_laughs.xml")
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    (article,) = feed.articles
    assert len(article.title) < 100 and len(article.body) < 100
    assert "lollol" not in article.title + article.body
    assert grown_kib < 50_000


def test_terminal_escapes_and_bidi_controls_are_removed():
    doc = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item>'
        b"<title>Buy \xc2\x9b31m now \xe2\x80\xae</title><link>https://e.example/1</link>"
        b"<description>&lt;p&gt;a&#27;[2Jb&lt;/p&gt;</description></item></channel></rss>"
    )
    (article,) = parse_feed(doc, {}, URL).articles
    text = article.title + article.body
    assert not any("\x00" <= ch < " " or "\x7f" <= ch <= "\x9f" or ch == "\u202e" for ch in text.replace("\n", ""))
    assert article.title.endswith("31m now")  # feedparser maps a C1 byte to its cp1252 glyph
    assert article.body == "ab"  # the whole escape sequence goes (decode.strip_controls), not only its ESC


def test_a_lone_carriage_return_still_separates_words():
    assert clean_text("<p>Shares\rrose</p><p>a\r\nb \x1b[31mred\x1b[0m</p>") == "Shares rose\n\na\nb red"


def test_javascript_links_are_dropped():
    doc = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item>'
        b"<title>t</title><link>javascript:alert(1)</link></item></channel></rss>"
    )
    assert parse_feed(doc, {}, URL).articles[0].url is None


def test_ids_are_stable_and_scoped_to_the_configured_feed():
    first = parse("rss20.xml").articles
    again = parse_feed((DATA / "rss20.xml").read_bytes(), {}, "https://moved.example.com/feed", None, URL).articles
    other = parse_feed((DATA / "rss20.xml").read_bytes(), {}, "https://other.example.com/feed").articles
    assert [a.id for a in first] == [a.id for a in again]
    assert not {a.id for a in first} & {a.id for a in other}


def test_clean_text_paragraphs_and_entities():
    assert clean_text("<div>One<br>two</div><p>Three &amp; four</p>\n\n\n<ul><li>x</li></ul>") == (
        "One\ntwo\n\nThree & four\n\nx"
    )
    assert clean_text("a <b and c> d", is_html=False) == "a <b and c> d"
    assert clean_line("  A\n\n <i>B</i>  ") == "A B"


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        # Issue 13, defect 2: the tag patterns ended a tag at the first ">", so the rest of
        # an attribute holding one was left in the article as text.
        ('<a title="up > 5%" href="/x">Chipmaker</a> gains', "Chipmaker gains"),
        ("<img alt='a > b > c' src='x.png'><p>Shares rose</p>", "Shares rose"),
        ('<p data-x="<p>no</p>">Only this</p>', "Only this"),
        ('<SCRIPT type="text/javascript">if (a > b) { leak() }</SCRIPT>After', "After"),
        ("<style>p > b { color: red }</style><p>Styled</p>", "Styled"),
        ("One <!-- a > b --> two", "One two"),
        ("Q3 &lt; Q2 <b>and</b> 3 < 4", "Q3 < Q2 and 3 < 4"),
        ('<?xml version="1.0" encoding="utf-8"?><p>Declared</p>', "Declared"),
        ("</p>", ""),
        ("<p>Bad &#xD800; ref \ud800 raw</p>", "Bad \ufffd ref \ufffd raw"),
        ("x\x00y<b>z</b>", "xyz"),
    ],
)
def test_html_is_read_by_a_parser_not_by_patterns(markup: str, text: str) -> None:
    assert clean_text(markup) == text


def test_an_attribute_holding_gt_leaks_nothing_into_a_feed_item():
    doc = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>t</title>'
        b'<description><![CDATA[<p><a href="/q" title="EPS > consensus">Beat</a> estimates</p>'
        b'<p><img alt="chart: revenue > cost" src="c.png">Margin widened.</p>]]></description>'
        b"</item></channel></rss>"
    )
    assert parse_feed(doc, {}, URL).articles[0].body == "Beat estimates\n\nMargin widened."


VARIED_RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>R&amp;D &lt;i&gt;Wire&lt;/i&gt;</title>
<item><title>AT&amp;T &amp;amp; friends</title><guid>https://w.example/permalink-only</guid>
  <dc:date>2026-01-29T10:00:00+01:00</dc:date><author>x@example.com</author><category>Tech</category>
  <description>Teaser &amp;mdash; short.</description></item>
<item><title>  Spaced
   title  </title><link> relative/path </link><guid isPermaLink="false">id-2</guid>
  <pubDate>Thu, 29 Jan 2026 16:41:05 EST</pubDate>
  <content:encoded><![CDATA[<p>Full <b>content</b></p><p>two</p>]]></content:encoded><description>short</description></item>
<item><title></title><pubDate>Fri, 30 Jan 2026 08:00:00 -0000</pubDate><description>Body only, no title at all.</description></item>
</channel></rss>"""


def test_varied_rss_entities_links_guids_zones_and_missing_titles():
    feed = parse_feed(VARIED_RSS, {}, "https://w.example/feeds/main.xml")
    assert feed.title == "R&D Wire"
    first, second, third = feed.articles
    # RSS titles are HTML: entities decode, markup goes.
    assert first.title == "AT&T & friends"
    # A permalink GUID is the link; a relative link resolves against the feed's URL.
    assert first.url == "https://w.example/permalink-only"
    assert second.url == "https://w.example/feeds/relative/path"
    assert second.title == "Spaced title"
    # dc:date with an offset and RFC 822 with a zone name both land in UTC.
    assert first.published == datetime(2026, 1, 29, 9, 0, tzinfo=UTC)
    assert second.published == datetime(2026, 1, 29, 21, 41, 5, tzinfo=UTC)
    # content:encoded wins over the shorter description.
    assert second.body == "Full content\n\ntwo"
    # No title: the body's opening stands in, so the list never shows a blank row.
    assert third.title == "Body only, no title at all." and third.url is None


# --- evidence from the feed itself (issue 9) ------------------------------------------


def tickers(article) -> list[str | None]:
    return [i.ticker or i.isin or i.name for i in article.declared]


def test_symbol_tags_become_declared_instruments_and_topics_do_not():
    handset, chips, rally, wrap = parse("symbol_feed.xml").articles
    assert tickers(handset) == ["AAPL", "MSFT"]  # every sa:stock, not only the last
    assert tickers(chips) == ["AVGO"]  # domain=".../symbol/AVGO"; "Technology", "Markets" are topics
    assert tickers(rally) == ["NVDA", "AMKR", "X", "SAP"]  # type="symbol", nasdaq:, NYSE:, stock:
    assert tickers(wrap) == []  # "Dividends and income" under a symbol scheme has no ticker's shape


@pytest.mark.parametrize(
    ("term", "scheme", "expected"),
    [
        ("AAPL", "symbol", "AAPL"),
        ("brk-b", "ticker", "BRK-B"),
        ("NASDAQ:NVDA", None, "NVDA"),
        ("nyse: X", None, "X"),
        ("XETRA:SAP", None, "SAP.DE"),
        ("$TSLA", None, "TSLA"),
        ("US0378331005", None, "US0378331005"),
        ("Technology", None, None),
        ("Markets", "symbol", None),
        ("Apple Inc", "http://times.example.com/keywords/org", None),
        ("Earnings: Q3", None, None),
        ("Time: 12:30", None, None),
        ("US0378331006", None, None),  # wrong check digit
        ("AAPL", None, "AAPL"),  # bare, outside a symbol scheme: a ticker the directory lists
        ("ZZQX", None, None),  # bare and unknown: could be anything
        ("IPO", "stocks", None),  # a topic filed under "stocks"
    ],
)
def test_which_tags_name_an_instrument(term, scheme, expected):
    found = tag_instruments([{"term": term, "scheme": scheme, "label": None}])
    assert [i.ticker or i.isin for i in found] == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://feeds.finance.yahoo.com/rss/2.0/headline?s=MSFT&region=US&lang=en-US", ["MSFT"]),
        ("https://feeds.finance.yahoo.com/rss/2.0/headline?s=AAPL,SAP.DE", ["AAPL", "SAP.DE"]),
        ("https://www.nasdaq.com/feed/rssoutbound?symbol=amkr", ["AMKR"]),
        ("https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=AAPL&type=10-K&output=atom", ["AAPL"]),
        ("https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=0000320193&output=atom", []),
        ("https://example.com/rss?s=AAPL", []),  # only the providers whose s= is a symbol
        ("https://www.nasdaq.com/feed/nasdaq-original/rss.xml", []),
    ],
)
def test_a_providers_feed_url_declares_its_symbols(url, expected):
    assert [i.ticker for i in url_instruments(url)] == expected


def test_configured_and_url_instruments_follow_the_items_own_tags():
    body = (DATA / "symbol_feed.xml").read_bytes()
    url = "https://feeds.finance.yahoo.com/rss/2.0/headline?s=AAPL"
    feed = parse_feed(body, {}, url, declared=[Instrument("DE0007164600", None, None)])
    handset, chips, _, wrap = feed.articles
    assert tickers(handset) == ["AAPL", "MSFT", "DE0007164600"]  # AAPL once
    assert tickers(chips) == ["AVGO", "DE0007164600", "AAPL"]
    assert tickers(wrap) == ["DE0007164600", "AAPL"]


def test_edgar_company_feed_declares_its_company_and_keeps_filing_metadata_out_of_the_body():
    url = "https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=0000320193&type=&output=atom"
    quarterly, current = parse_feed((DATA / "edgar_company.xml").read_bytes(), {}, url).articles
    assert [i.name for i in quarterly.declared] == ["Apple Inc."]
    assert quarterly.body == ""  # neither the Filed/AccNo line nor the XML fields are text
    assert current.body == "Item 2.02: Results of Operations and Financial Condition"
    assert "2025-07-31" not in current.body


def test_edgar_latest_filings_items_name_the_filer_not_the_reporting_owner():
    latest = "https://www.sec.gov/cgi-bin/browse-edgar?action=getcurrent&output=atom"
    filer = edgar_filer(latest, "8-K - ACME WIDGETS CORP (0000012345) (Filer)")
    assert filer == Instrument(None, None, "ACME WIDGETS CORP")
    assert edgar_filer(latest, "4 - DOE JANE (0001234567) (Reporting)") is None
    assert edgar_filer(latest, "10-Q  - Quarterly report [Sections 13 or 15(d)]") is None
    assert edgar_filer("https://blog.example.com/feed", "8-K - ACME WIDGETS CORP (0000012345) (Filer)") is None


def test_filing_line_is_dropped_only_in_its_own_shape():
    assert strip_filing_line("Filed: 2025-08-01 AccNo: 0000320193-25-000073 Size: 5 MB") == ""
    assert strip_filing_line("Filed: the company filed suit on Monday.") == "Filed: the company filed suit on Monday."


def test_google_news_items_are_credited_to_their_publisher():
    first, cluster, uncredited = parse("google_news.xml").articles
    assert first.source == "Wire Daily"
    assert first.title == "Fabrinet drops after earnings, dragging down optics peers"
    assert first.body == ""  # the summary only repeated the headline and the publisher
    assert cluster.source == "Markets Weekly"
    assert cluster.title == "Optics makers: what the quarter showed - Markets Weekly"  # one suffix only
    assert cluster.body == "Contract manufacturer beats on revenue Street Notes"
    # No <source>: the feed names it, and a dash inside a title stays.
    assert uncredited.source == '"Fabrinet" - Aggregated News'
    assert uncredited.title == "Profit - Loss: a primer"


def test_feedburner_origlink_is_the_link_and_blog_trailers_go():
    (post,) = parse("feedburner.xml").articles
    assert post.url == "https://valuenotes.example.org/2025/11/why-the-buyback-matters/"
    assert post.body == (
        "The board approved a $5 billion repurchase, its largest so far.\n\n"
        "Management said the plan runs through 2027."
    )


def test_the_items_own_summary_wins_over_a_longer_photo_caption_in_either_order():
    retail, recall = parse("media_caption.xml").articles
    assert retail.body == "The chain now expects sales to fall 3 percent this year."
    assert recall.body == "A faulty seat bracket prompted the recall."
    assert "Photographer" not in retail.body and "Agency" not in recall.body
    assert retail.declared == []  # an organisation keyword is not a listing


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Der Konzern senkt die Prognose. [mehr]", "Der Konzern senkt die Prognose."),
        ("Shares fell 4%. Read more »", "Shares fell 4%."),
        ("Shares fell 4%.\n\nRead More", "Shares fell 4%."),
        ("Die Aktie gab nach. Weiterlesen", "Die Aktie gab nach."),
        ("Die Aktie gab nach. mehr »", "Die Aktie gab nach."),
        ("Body.\n\nThe post Why it matters appeared first on Value Notes.", "Body."),
        # must not match: prose that ends in the same words
        ("Die Preise steigen nicht mehr", "Die Preise steigen nicht mehr"),
        ("Investors who want to read more.", "Investors who want to read more."),
        ("We want more", "We want more"),
    ],
)
def test_trailing_more_links(body, expected):
    assert strip_more_links(body) == expected


def test_iso_8859_1_and_cp1252_feeds_decode():
    (portuguese,) = parse("latin1_portuguese.xml").articles
    assert portuguese.title == "Petroleira eleva produção e ações sobem 2,5%"
    assert "produção média" in portuguese.body and "R$ 45,00" in portuguese.body
    (german,) = parse("cp1252_german.xml").articles
    assert german.title == "„Gewinnwarnung“ – Aktie fällt unter 48 €"
    assert german.body == "Der Konzern senkt die Prognose; die Aktie gab um 4,2 % nach."
    # A server that says ISO-8859-1 for cp1252 bytes still gets the quotes and the euro.
    relabelled = parse("cp1252_german.xml", {"content-type": "text/xml; charset=ISO-8859-1"})
    assert relabelled.articles[0].title == german.title


def test_nasdaq_symbol_feed_items_are_filed_under_their_listed_tickers_and_the_feeds_symbol():
    url = "https://www.nasdaq.com/feed/rssoutbound?symbol=AMKR"
    (item,) = parse_feed((DATA / "nasdaq_symbol.xml").read_bytes(), {}, url).articles
    assert tickers(item) == ["AMKR", "TSM"]


def test_an_edgar_filing_date_never_becomes_a_key_figure():
    from tui_reader.extract import enrich

    url = "https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=0000320193&type=&output=atom"
    for article in parse_feed((DATA / "edgar_company.xml").read_bytes(), {}, url).articles:
        enrich(article)
        assert not [f for f in article.figures if f.kind == "date"]
        assert article.primary is not None and article.primary.ticker == "AAPL"


def test_a_caption_with_attributes_or_alone_never_becomes_the_body():
    rss = (b'<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>t</title>'
           b'<item><title>x</title><link>https://e.com/1</link><media:description type="plain">A long caption of a '
           b"photo, longer than the summary by far.</media:description><description>Own summary.</description></item>"
           b'<item><title>y</title><link>https://e.com/2</link><media:group><media:content url="https://i/1.jpg">'
           b"<media:description>Caption only</media:description></media:content></media:group></item>"
           b"</channel></rss>")
    with_summary, caption_only = parse_feed(rss, {}, URL).articles
    assert with_summary.body == "Own summary."
    assert caption_only.body == "" and caption_only.title == "y"


def _rss_item(pub_date: str, guid: str = "", link: str = "") -> bytes:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        f"<item><title>Chip maker lifts its outlook</title>{link}{guid}"
        f"<pubDate>{pub_date}</pubDate><description>Shares rose 4%.</description></item>"
        "</channel></rss>"
    ).encode()


def test_an_evening_post_keeps_the_publishers_day_and_offset():
    """A US evening post is the next day in UTC; its publication day is the publisher's."""
    article = parse_feed(_rss_item("Thu, 26 Oct 2017 21:54:10 -0400"), {}, URL).articles[0]
    assert article.published.date().isoformat() == "2017-10-26"
    assert article.published.utcoffset().total_seconds() == -4 * 3600
    assert article.published == datetime(2017, 10, 27, 1, 54, 10, tzinfo=UTC)


def test_the_offset_does_not_change_the_id_of_an_item_without_guid_or_link():
    """Ids of guid- and link-less items are built from the UTC time, as before."""
    utc = parse_feed(_rss_item("Fri, 27 Oct 2017 01:54:10 +0000"), {}, URL).articles[0]
    local = parse_feed(_rss_item("Thu, 26 Oct 2017 21:54:10 -0400"), {}, URL).articles[0]
    assert utc.id == local.id


def test_an_edgar_entry_without_a_link_links_its_filing_index():
    document = (
        b'<?xml version="1.0" encoding="ISO-8859-1"?><feed xmlns="http://www.w3.org/2005/Atom">'
        b"<title>Example Holdings (0000000001)</title><entry><category term=\"10-K\" label=\"form type\"/>"
        b'<content type="text/xml"><accession-number>0000000001-26-000018</accession-number>'
        b"<filing-href>https://www.sec.gov/Archives/edgar/data/1/000000000126000018/0000000001-26-000018-index.htm"
        b"</filing-href><filing-type>10-K</filing-type></content>"
        b"<id>urn:tag:sec.gov,2008:accession-number=0000000001-26-000018</id>"
        b"<title>10-K  - Annual report</title><updated>2026-02-04T21:56:03-05:00</updated></entry></feed>"
    )
    article = parse_feed(document, {}, "https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=0000000001").articles[0]
    assert article.url.endswith("0000000001-26-000018-index.htm")
    assert article.published.date().isoformat() == "2026-02-04"
