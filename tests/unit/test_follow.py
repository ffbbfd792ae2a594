"""`tui-reader follow` / `unfollow` and source templates, end to end: a real config
file edited as text, loopback servers standing in for each provider (documents written
by us in each provider's structure), a real store."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tui_reader.cli import main
from tui_reader.config import DEFAULT_CONFIG, ConfigError, load_config
from tui_reader.follow import add_to_watchlist, remove_from_watchlist
from tui_reader.templates import listing_market

pytestmark = pytest.mark.usefixtures("home")


def write_config(tmp_path: Path, extra: str = "", text: str = DEFAULT_CONFIG) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text + extra, encoding="utf-8")
    return path


def loopback_templates(http: HTTPServer, contact: bool = True) -> tuple[str, str]:
    """The four built-in templates pointed at the loopback server, through the config."""
    base = http.url_for("")
    head = 'sec_contact = "desk@example.com"\n' if contact else ""
    return head, (
        f'\n[templates.yahoo]\nurl = "{base}yahoo/headline?s={{symbol}}&region=US&lang=en-US"\n'
        f'\n[templates.nasdaq]\nurl = "{base}nasdaq/rssoutbound?symbol={{symbol}}"\n'
        f'\n[templates.sec]\nurl = "{base}edgar/browse-edgar?action=getcompany&CIK={{cik}}&output=atom"\n'
        f'\n[templates.google-news]\nurl = "{base}gnews/search?q={{name}}&hl={{lang}}"\n'
    )


def config_with(tmp_path: Path, http: HTTPServer, contact: bool = True) -> Path:
    head, tables = loopback_templates(http, contact)
    return write_config(tmp_path, tables, head + DEFAULT_CONFIG.split("\n# Per-instrument sources")[0])


def empty_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "no-seeds"
    folder.mkdir(exist_ok=True)
    return folder


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# --- the config as text ------------------------------------------------------------


def test_follow_adds_watchlist_and_feeds_keeping_comments(tmp_path, capsys):
    path = write_config(tmp_path, "\n# my own feed, keep me\n[[feeds]]\nurl = \"https://example.com/rss\"\n")
    code, out, _ = run(capsys, "follow", "AAPL", "SAP.DE", "9988.HK", "--config", str(path))
    assert code == 0, out
    config = load_config(path)
    assert config.watchlist == ["AAPL", "SAP.DE", "9988.HK"]
    text = path.read_text()
    assert "# my own feed, keep me" in text and "# Read the sample articles" in text
    by_instrument: dict[str, list[str]] = {}
    for feed in [*config.feeds, *config.unpolled]:
        for code_ in feed.instruments:
            by_instrument.setdefault(code_, []).append(feed.template or "")
    assert {k: sorted(v) for k, v in by_instrument.items()} == {
        "AAPL": ["google-news", "nasdaq", "sec", "yahoo"], "SAP.DE": ["google-news", "yahoo"],
        "9988.HK": ["google-news", "yahoo"]}
    google_sap = next(f for f in config.feeds if f.template == "google-news" and f.instruments == ["SAP.DE"])
    assert google_sap.url.endswith("hl=de")
    # following again adds nothing
    assert run(capsys, "follow", "AAPL", "--config", str(path))[1].startswith(
        "following AAPL (Apple): already on the watchlist, no new feeds")
    assert path.read_text() == text


def test_unfollow_removes_only_what_follow_made(tmp_path, capsys):
    path = write_config(tmp_path, '\n[[feeds]]\nurl = "https://example.com/aapl"\ninstruments = ["AAPL"]\n')
    before = path.read_text()
    assert run(capsys, "follow", "AAPL", "BABA", "--config", str(path))[0] == 0
    code, out, _ = run(capsys, "unfollow", "Apple", "--config", str(path))
    assert code == 0 and "4 feeds removed" in out
    config = load_config(path)
    assert config.watchlist == ["BABA"]
    assert "https://example.com/aapl" in [f.url for f in config.feeds]  # the user's own feed stays
    assert not [f for f in config.feeds if f.template and "AAPL" in f.instruments]
    run(capsys, "unfollow", "BABA", "--config", str(path))
    assert path.read_text().replace("watchlist = []", "watchlist = []") == before


def test_ambiguous_and_unknown_names_change_nothing(tmp_path, capsys):
    path = write_config(tmp_path)
    before = path.read_text()
    code, out, err = run(capsys, "follow", "AAPL", "Merck", "--config", str(path))
    assert code == 2
    assert "MRK " in err and "MRK.DE" in err and "names 2 companies" in err and "nothing changed" in err
    code, _, err = run(capsys, "follow", "Nosuchcompany Holdings", "--config", str(path))
    assert code == 2 and err.startswith("error: no instrument known as")
    assert path.read_text() == before


@pytest.mark.parametrize("before, code, after", [
    ('watchlist = []\n', "AAPL", 'watchlist = ["AAPL"]\n'),
    ('watchlist = ["BABA"]  # mine\n', "AAPL", 'watchlist = ["BABA", "AAPL"]  # mine\n'),
    ('watchlist = [\n  "BABA",  # mine\n  "SAP.DE",\n]\n', "AAPL", 'watchlist = [\n  "BABA",  # mine\n  "SAP.DE", "AAPL",\n]\n'),
    ('watchlist = [\n  # none yet\n]\n', "AAPL", 'watchlist = ["AAPL",\n  # none yet\n]\n'),
    ('theme = "x"\n[keymap]\n', "AAPL", 'theme = "x"\nwatchlist = ["AAPL"]\n[keymap]\n'),
])
def test_watchlist_additions(before, code, after):
    assert add_to_watchlist(before, code) == after


@pytest.mark.parametrize("before, after", [
    ('watchlist = ["AAPL"]\n', 'watchlist = []\n'),
    ('watchlist = ["BABA", "aapl"]  # mine\n', 'watchlist = ["BABA"]  # mine\n'),
    ('watchlist = ["AAPL", "BABA"]\n', 'watchlist = ["BABA"]\n'),
    ('watchlist = [\n  "AAPL",  # mine\n]\n', 'watchlist = [\n    # mine\n]\n'),
])
def test_watchlist_removals(before, after):
    text, removed = remove_from_watchlist(before, "AAPL")
    assert removed and text == after


# --- templates ---------------------------------------------------------------------


def test_unknown_placeholder_refused_with_its_line(tmp_path):
    path = write_config(tmp_path, '\n[templates.mine]\ntitle = "x"\nurl = "https://x.example/q={symbl}"\n')
    line = path.read_text().splitlines().index('url = "https://x.example/q={symbl}"') + 1
    with pytest.raises(ConfigError, match=rf"config.toml:{line}: templates.mine.url: unknown placeholder \{{symbl\}}"):
        load_config(path)


@pytest.mark.parametrize("table", [
    '[templates]\nmine = { url = "https://x.example/q={bad}" }\n',
    '[templates]\nmine.url = "https://x.example/q={bad}"\n',
    '[templates.mine]\ntitle = "{symbol} and {bad}"\nurl = "https://x.example/q={symbol}"\n',
], ids=["inline", "dotted", "title"])
def test_unknown_placeholder_names_its_line_however_the_table_is_written(tmp_path, table):
    path = write_config(tmp_path, "\n" + table)
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if "{bad}" in text)
    with pytest.raises(ConfigError, match=rf"config.toml:{line}: templates.mine.(url|title): unknown placeholder \{{bad\}}"):
        load_config(path)


def test_switched_off_template_is_neither_followed_nor_polled(tmp_path, capsys):
    path = write_config(tmp_path)
    run(capsys, "follow", "AAPL", "--config", str(path))
    text = path.read_text()
    at = text.index("[templates.nasdaq]")
    path.write_text(text[:at] + text[at:].replace("enabled = true", "enabled = false", 1))
    config = load_config(path)
    assert "nasdaq" not in [f.template for f in config.feeds]
    assert "nasdaq" in [f.template for f in config.unpolled]
    run(capsys, "follow", "MSFT", "--config", str(path))
    assert not [f for f in load_config(path).unpolled if f.instruments == ["MSFT"] and f.template == "nasdaq"]


def test_sec_template_needs_the_contact(tmp_path, capsys):
    path = write_config(tmp_path)
    code, _, err = run(capsys, "follow", "AAPL", "--config", str(path))
    assert code == 0 and err.count("\n") == 1 and 'set sec_contact = "you@example.com"' in err
    config = load_config(path)
    assert [f.template for f in config.unpolled] == ["sec"]
    path.write_text('sec_contact = "desk@example.com"\n' + path.read_text())
    sec = next(f for f in load_config(path).feeds if f.template == "sec")
    assert sec.user_agent and sec.user_agent.endswith(" desk@example.com")
    assert "CIK=AAPL" in sec.url  # no SEC list learned yet: EDGAR takes the ticker


def test_the_contact_note_is_only_of_the_instrument_just_followed(tmp_path, capsys):
    """A user's pass: `follow SAP.DE` added SAP's feeds and then spoke of the SEC feed
    it had not added (BABA's), as if SAP's were the silent ones."""
    path = write_config(tmp_path)
    code, _, err = run(capsys, "follow", "BABA", "--config", str(path))
    assert code == 0 and "1 feed of template sec not polled" in err
    code, out, err = run(capsys, "follow", "SAP.DE", "--config", str(path))
    assert code == 0 and "2 feeds added (yahoo, google-news)" in out and err == ""
    code, _, err = run(capsys, "follow", "AAPL", "SAP.DE", "--config", str(path))
    assert code == 0 and err.count("\n") == 1 and "1 feed of template sec not polled" in err  # AAPL's alone


@pytest.mark.parametrize("symbol, market", [("AAPL", ("US", "en")), ("SAP.DE", ("DE", "de")),
                                            ("9988.HK", ("HK", "zh-HK")), ("BRK-B", ("US", "en"))])
def test_listing_market(symbol, market):
    assert listing_market(symbol) == market


# --- providers on loopback ------------------------------------------------------------

YAHOO = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Yahoo! Finance: {s} News</title><copyright>Written for tests</copyright>
<link>https://finance.example.com/q/h?s={s}</link><description>Latest Financial News for {s}</description>
<language>en-US</language><lastBuildDate>Thu, 04 Dec 2026 10:00:00 +0000</lastBuildDate>
<item><description>The maker of the handsets lifted its buyback by $20 billion as services revenue grew 14%.</description>
<guid isPermaLink="false">b7a1c2d3-aaaa-4bbb-8ccc-000000000001</guid>
<link>{base}story/handset-maker-lifts-buyback</link>
<pubDate>Thu, 04 Dec 2026 09:30:00 +0000</pubDate>
<title>Handset maker lifts buyback as services grow</title></item>
</channel></rss>"""

NASDAQ = """<?xml version="1.0" encoding="utf-8"?>
<rss xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:nasdaq="http://nasdaq.com/reference/feeds/1.0" version="2.0">
<channel><title>{s} Feed</title><link>https://exchange.example.com</link><description>Articles for {s}</description>
<item><title>Handset maker lifts buyback as services grow</title>
<link>{base}story/handset-maker-lifts-buyback</link>
<dc:creator>Partner Desk</dc:creator><pubDate>Thu, 04 Dec 2026 09:41:00 +0000</pubDate>
<category>Markets</category><nasdaq:tickers>{s}</nasdaq:tickers>
<description>The maker of the handsets lifted its buyback by $20 billion as services revenue grew 14%.</description>
<guid>handset-maker-lifts-buyback</guid></item>
</channel></rss>"""

EDGAR = """<?xml version="1.0" encoding="ISO-8859-1" ?>
<feed xmlns="http://www.w3.org/2005/Atom">
<author><email>webmaster@filings.example</email><name>Webmaster</name></author>
<company-info><cik>0000320193</cik><conformed-name>Apple Inc.</conformed-name></company-info>
<entry><category label="form type" scheme="https://www.sec.gov/" term="8-K" />
<content type="text/xml"><accession-number>0000320193-26-000101</accession-number>
<filing-date>2026-12-03</filing-date><filing-type>8-K</filing-type><form-name>Current report</form-name></content>
<id>urn:tag:sec.gov,2008:accession-number=0000320193-26-000101</id>
<link href="https://filings.example/Archives/edgar/data/320193/000032019326000101-index.htm" rel="alternate" type="text/html" />
<summary type="html"> &lt;b&gt;Filed:&lt;/b&gt; 2026-12-03 &lt;b&gt;AccNo:&lt;/b&gt; 0000320193-26-000101 &lt;b&gt;Size:&lt;/b&gt; 310 KB</summary>
<title>8-K  - Current report</title><updated>2026-12-03T16:30:12-05:00</updated></entry>
</feed>"""

GOOGLE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><generator>NFE/5.0</generator>
<title>"{q}" - Aggregated News</title><link>https://news.example.com/search?q={q}</link><language>{hl}</language>
<description>Aggregated News</description>
<item><title>Quarterly report date set for late January - Wire Daily</title>
<link>{base}gnews/rss/articles/CBMiQQQ</link><guid isPermaLink="false">CBMiQQQ</guid>
<pubDate>Thu, 04 Dec 2026 08:00:00 GMT</pubDate>
<description>&lt;a href="https://news.example.com/rss/articles/CBMiQQQ?oc=5"&gt;Quarterly report date set for late January&lt;/a&gt;&amp;nbsp;&amp;nbsp;&lt;font color="#6f6f6f"&gt;Wire Daily&lt;/font&gt;</description>
<source url="https://www.wiredaily.example">Wire Daily</source></item>
</channel></rss>"""


PAGE = (Path(__file__).parent.parent / "data" / "pages" / "article_with_furniture.html").read_bytes()


def serve_providers(http: HTTPServer, seen_agents: dict[str, str]) -> None:
    from werkzeug import Request, Response

    def handler(request: Request) -> Response:
        seen_agents[request.path] = request.headers.get("User-Agent", "")
        if request.path.startswith("/yahoo"):
            symbol = request.args["s"]
            if symbol == "NOSUCH":
                return Response("Not Found", status=404)
            return Response(YAHOO.format(s=symbol, base=request.host_url), content_type="application/rss+xml")
        if request.path.startswith("/nasdaq"):
            return Response(NASDAQ.format(s=request.args["symbol"], base=request.host_url), content_type="application/rss+xml")
        if request.path.startswith("/story"):
            return Response(PAGE, content_type="text/html; charset=utf-8")
        if request.path.startswith("/gnews/rss/articles"):  # a redirect page built by script
            return Response(b"<html><body><script>location.href='/x'</script></body></html>", content_type="text/html")
        if request.path.startswith("/edgar"):
            if "desk@example.com" not in request.headers.get("User-Agent", ""):
                return Response("Undeclared Automated Tool", status=403)
            return Response(EDGAR, content_type="application/atom+xml")
        return Response(GOOGLE.format(q=request.args["q"], hl=request.args["hl"], base=request.host_url),
                        content_type="application/rss+xml")

    http.expect_request("/yahoo/headline").respond_with_handler(handler)
    http.expect_request("/nasdaq/rssoutbound").respond_with_handler(handler)
    http.expect_request("/edgar/browse-edgar").respond_with_handler(handler)
    http.expect_request("/gnews/search").respond_with_handler(handler)
    http.expect_request("/story/handset-maker-lifts-buyback").respond_with_handler(handler)
    http.expect_request("/gnews/rss/articles/CBMiQQQ").respond_with_handler(handler)


def test_followed_feeds_file_their_items_under_the_instrument(http, tmp_path, capsys):
    agents: dict[str, str] = {}
    serve_providers(http, agents)
    path = config_with(tmp_path, http)
    db = str(tmp_path / "store.sqlite3")
    assert run(capsys, "follow", "AAPL", "--config", str(path), "--db", db)[0] == 0
    code, out, err = run(capsys, "fetch", "--config", str(path), "--db", db, "--seeds", str(empty_dir(tmp_path)))
    assert code == 0, (out, err)
    assert out.count(" new 1") == 3 and "error:" not in out, out  # the second provider's copy is no new article
    assert agents["/edgar/browse-edgar"].endswith(" desk@example.com")
    assert "desk@example.com" not in agents["/yahoo/headline"]
    code, out, _ = run(capsys, "list", "--ticker", "AAPL", "--json", "--db", db)
    articles = {a["title"]: a for a in json.loads(out)}
    # the quarterly-report item never names Apple: the followed feed declares it
    assert len(articles) == 3, articles
    assert "Quarterly report date set for late January" in articles
    story = articles["Handset maker lifts buyback as services grow"]
    assert len(story["sources"]) == 2, story  # one article, two providers
    # The two teasers got their pages (not the filing: its link is a document index).
    assert "full text for 1 summary-only article, 1 kept their summary" in err
    code, out, _ = run(capsys, "list", "--ticker", "AAPL", "--where", "money>=3bn", "--json", "--db", db)
    assert [a["title"] for a in json.loads(out)] == ["Handset maker lifts buyback as services grow"]


def test_a_provider_refusing_one_symbol_fails_that_feed_only(http, tmp_path, capsys):
    agents: dict[str, str] = {}
    serve_providers(http, agents)
    path = config_with(tmp_path, http, contact=False)
    db = str(tmp_path / "store.sqlite3")
    path.write_text(path.read_text() + '\n[[feeds]]\nurl = "' + http.url_for("/yahoo/headline") +
                    '?s=NOSUCH"\ninstruments = ["AAPL"]\ntemplate = "yahoo"\n')
    run(capsys, "follow", "AAPL", "--config", str(path), "--db", db)
    code, out, err = run(capsys, "fetch", "--config", str(path), "--db", db, "--seeds", str(empty_dir(tmp_path)))
    assert code == 0
    errors = [line for line in out.splitlines() if "error:" in line]
    assert len(errors) == 1 and "NOSUCH" in errors[0] and "404" in errors[0]
    assert err.count("sec_contact") == 1 and "/edgar" not in agents  # SEC not polled without a contact
    from tui_reader.store import Store

    with Store.open(Path(db)) as store:
        states = {s.key: s for s in store.source_states()}
    failed = [s for s in states.values() if s.failures]
    assert len(failed) == 1 and failed[0].key.endswith("s=NOSUCH")
    fine = [s for s in states.values() if s.key.startswith("http") and not s.failures]
    assert len(fine) == 3 and failed[0].next_poll > max(s.next_poll for s in fine)  # backoff for that feed only


def test_sec_feed_by_the_cik_the_store_learned_and_isin_input(tmp_path, capsys):
    from tui_reader.store import Store

    db = tmp_path / "store.sqlite3"
    with Store.open(db) as store:
        store.save_registrants([("AAPL", 320193, "Apple Inc."), ("MSFT", 789019, "MICROSOFT CORP")])
    path = write_config(tmp_path, text='sec_contact = "desk@example.com"\n' + DEFAULT_CONFIG)
    assert run(capsys, "follow", "US0378331005", "--config", str(path), "--db", str(db))[0] == 0
    sec = next(f for f in load_config(path).feeds if f.template == "sec")
    assert "CIK=320193&" in sec.url and sec.instruments == ["AAPL"]


# --- issue 11's acceptance: three listings, every provider on loopback ---------------------


def opml_counts(capsys, path: Path) -> dict[str, list[str]]:
    """export-opml's outlines per followed instrument, by the provider's title."""
    code, out, _ = run(capsys, "export-opml", "--config", str(path))
    assert code == 0
    titles = re.findall(r'title="([^"]+)"', out)
    symbols = ("AAPL", "SAP.DE", "9988.HK")
    # "Yahoo Finance: AAPL", "Google News: Apple (AAPL)": the symbol ends every provider's title
    return {symbol: [t for t in titles if t.endswith((f": {symbol}", f"({symbol})"))] for symbol in symbols}


@pytest.mark.parametrize("contact", [True, False])
def test_follow_three_listings_subscribes_enough_providers(tmp_path, capsys, contact):
    head = 'sec_contact = "desk@example.com"\n' if contact else ""
    path = write_config(tmp_path, text=head + DEFAULT_CONFIG)
    code, out, _ = run(capsys, "follow", "AAPL", "SAP.DE", "9988.HK", "--config", str(path))
    assert code == 0 and out.count("following ") == 3
    counts = opml_counts(capsys, path)
    assert len(counts["AAPL"]) == (4 if contact else 3), counts  # SEC filings only with a contact
    assert len(counts["SAP.DE"]) >= 2 and len(counts["9988.HK"]) >= 2, counts
    urls = {f.template: f.url for f in load_config(path).feeds if f.instruments == ["SAP.DE"]}
    assert "hl=de" in urls["google-news"]  # German news for a German listing



def test_one_company_s_two_lines_get_news_feeds_told_apart(tmp_path, capsys):
    path = write_config(tmp_path, text=DEFAULT_CONFIG)
    assert run(capsys, "follow", "BABA", "9988.HK", "--config", str(path))[0] == 0
    titles = sorted(f.title for f in load_config(path).feeds if f.template == "google-news")
    assert titles == ["Google News: Alibaba Group (9988.HK)", "Google News: Alibaba Group (BABA)"]  # the errors view names both


def other_listing(symbol: str, base: str) -> str:
    """A provider's own story for a listing other than AAPL: the stories differ per
    symbol, as the real feeds' do, so each stays an article of its own."""
    return f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{symbol} News</title>
<link>{base}</link><description>Latest news for {symbol}</description>
<item><title>Results preview for {symbol}</title><link>{base}story/preview-{symbol}</link>
<guid isPermaLink="false">preview-{symbol}</guid><pubDate>Thu, 04 Dec 2026 07:00:00 +0000</pubDate>
<description>Analysts expect cloud revenue for {symbol} to grow 20% in the quarter.</description></item>
</channel></rss>"""


@pytest.mark.parametrize("status", [403, 404, 429])
def test_three_listings_fetched_and_one_refusal_backs_off_that_feed_only(http, tmp_path, capsys, status):
    """Issue 11's acceptance on loopback: AAPL, SAP.DE and 9988.HK followed and fetched;
    Yahoo refuses the German listing with `status`: one error line, that feed (only)
    waits, and the other providers still file every listing's news under it."""
    from werkzeug import Request, Response

    def yahoo(request: Request) -> Response:
        symbol = request.args["s"]
        if symbol == "SAP.DE":
            return Response("refused", status=status, headers={"Retry-After": "120"} if status == 429 else {})
        body = YAHOO.format(s=symbol, base=request.host_url) if symbol == "AAPL" else other_listing(symbol, request.host_url)
        return Response(body, content_type="application/rss+xml")

    def google(request: Request) -> Response:
        query = request.args["q"]
        body = GOOGLE.format(q=query, hl=request.args["hl"], base=request.host_url).replace(
            "Quarterly report date set", f"{query} sets its quarterly report date").replace("CBMiQQQ<", f"CB-{query}<")
        return Response(body, content_type="application/rss+xml")

    agents: dict[str, str] = {}
    http.expect_request("/yahoo/headline").respond_with_handler(yahoo)
    http.expect_request("/gnews/search").respond_with_handler(google)
    serve_providers(http, agents)  # the rest; the first matching route answers
    path = config_with(tmp_path, http, contact=False)
    db = str(tmp_path / "store.sqlite3")
    assert run(capsys, "follow", "AAPL", "SAP.DE", "9988.HK", "--config", str(path), "--db", db)[0] == 0
    code, out, err = run(capsys, "fetch", "--config", str(path), "--db", db, "--seeds", str(empty_dir(tmp_path)))
    assert code == 0, (out, err)
    refused = http.url_for("/yahoo/headline") + "?s=SAP.DE&region=US&lang=en-US"
    errors = [line for line in out.splitlines() if "error:" in line]
    assert len(errors) == 1 and errors[0].startswith(refused) and f"HTTP {status}" in errors[0], out
    assert err.count("sec_contact") == 1 and "/edgar/browse-edgar" not in agents  # one note, no failed poll
    from tui_reader.store import Store

    with Store.open(Path(db)) as store:
        states = [s for s in store.source_states() if s.key.startswith("http")]
    failed = [s for s in states if s.failures]
    assert [s.key for s in failed] == [refused] and len(states) == 7
    if status == 429:  # the server's wait, honoured: the next fetch leaves that feed alone
        http.clear_log()
        run(capsys, "fetch", "--config", str(path), "--db", db, "--seeds", str(empty_dir(tmp_path)))
        asked = [request.full_path for request, _ in http.log]
        assert not [p for p in asked if "s=SAP.DE" in p] and [p for p in asked if "s=9988.HK" in p]
    else:  # the interval doubled for that feed; the others keep theirs
        assert failed[0].next_poll > max(s.next_poll for s in states if not s.failures)
    for symbol, title in (("AAPL", "Handset maker lifts buyback"), ("SAP.DE", "SAP sets its quarterly report"),
                          ("9988.HK", "Results preview for 9988.HK")):
        code, out, _ = run(capsys, "list", "--ticker", symbol, "--json", "--db", db)
        assert code == 0 and any(a["title"].startswith(title) for a in json.loads(out)), (symbol, out)


def two_listings_carrying_one_story(http: HTTPServer, tmp_path: Path, feeds: dict[str, str]) -> tuple[Path, str]:
    """One Yahoo story served by each path in `feeds` (path -> the instrument that feed
    declares), under a channel title of its own: two providers, so two source names."""
    config = "bundled_seeds = false\n"
    for n, (route, symbol) in enumerate(feeds.items()):
        story = YAHOO.replace("{s}", f"X{n}").replace("{base}", http.url_for("/"))
        http.expect_request(route).respond_with_data(story, content_type="application/rss+xml")
        config += f'[[feeds]]\nurl = "{http.url_for(route)}"\ninstruments = ["{symbol}"]\n'
    return write_config(tmp_path, text=config), str(tmp_path / "store.sqlite3")


def listed(capsys, db: str, symbol: str) -> list[dict]:
    code, out, _ = run(capsys, "list", "--ticker", symbol, "--json", "--db", db)
    assert code == 0
    return json.loads(out)


def test_one_story_from_two_followed_listings_is_filed_under_both(http, tmp_path, capsys):
    from tui_reader.store import Store

    feeds = {"/a": "AAPL", "/b": "BABA"}
    path, db = two_listings_carrying_one_story(http, tmp_path, feeds)
    assert run(capsys, "fetch", "--config", str(path), "--db", db)[0] == 0
    with Store.open(Path(db)) as store:  # the feed written first (they finish in any order)
        (first,) = store._db.execute("SELECT source_key FROM articles").fetchone()
    primary = feeds["/" + first.rsplit("/", 1)[1]]
    for symbol in feeds.values():
        found = listed(capsys, db, symbol)
        assert [len(a["sources"]) for a in found] == [2], (symbol, found)
        # the first feed's instrument stays primary, the other's joins it once
        assert [(i["ticker"], i["primary"]) for i in found[0]["instruments"]] == [
            (primary, True), *[(s, False) for s in feeds.values() if s != primary]]


def test_a_third_feed_repeating_the_story_changes_nothing_and_counts_stay_right(http, tmp_path, capsys):
    """Three feeds carry the story, the third declaring an instrument one of the others
    did: one article, three sources, filed once under each instrument; a second fetch
    writes nothing; and the instrument pane's unread counts follow the one article."""
    from tui_reader.store import Store

    path, db = two_listings_carrying_one_story(http, tmp_path, {"/a": "AAPL", "/b": "BABA", "/c": "BABA"})
    assert run(capsys, "fetch", "--config", str(path), "--db", db)[0] == 0

    def state() -> tuple:
        with Store.open(Path(db)) as store:
            raw = store._db
            return (
                raw.execute("SELECT id, declared, content_hash, read, starred FROM articles").fetchall(),
                raw.execute("SELECT article_id, position, key, is_primary FROM article_instruments "
                            "ORDER BY article_id, position").fetchall(),
                raw.execute("SELECT key, total, unread, latest FROM instrument_stats ORDER BY key").fetchall(),
                raw.execute("SELECT i.key, count(*), sum(a.read = 0), max(i.sort_ts) FROM article_instruments i "
                            "JOIN articles a ON a.id = i.article_id GROUP BY i.key ORDER BY i.key").fetchall(),
            )

    articles, rows, stats, recount = state()
    assert len(articles) == 1 and sorted(r[2] for r in rows) == ["US01609W1027", "US0378331005"]
    assert [r[3] for r in rows] == [1, 0]  # positions in filing order, the first feed's primary
    assert stats == recount and [(k, total, unread) for k, total, unread, _ in stats] == [
        ("US01609W1027", 1, 1), ("US0378331005", 1, 1)]
    (story,) = listed(capsys, db, "BABA")
    assert len(story["sources"]) == 3 and [a["id"] for a in listed(capsys, db, "AAPL")] == [story["id"]]

    assert run(capsys, "fetch", "--config", str(path), "--db", db)[0] == 0  # every feed again
    assert state() == (articles, rows, stats, recount)

    with Store.open(Path(db)) as store:
        store.set_read(story["id"])
        counts = {r.key: (r.unread, r.total) for r in store.instruments()}
    assert counts == {"US0378331005": (0, 1), "US01609W1027": (0, 1)}
    _, _, stats, recount = state()
    assert stats == recount
