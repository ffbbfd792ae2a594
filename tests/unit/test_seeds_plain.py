"""Plain .txt/.md seeds: `Source:`/`URL:` lines are metadata, a paragraph-first file
gets a short title and keeps the whole paragraph in its body."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tui_reader.sources.datelines import find_dateline, is_date_only
from tui_reader.sources.seeds import parse_seed_bytes, read_seed
from tui_reader.sources.seeds_plain import TITLE_LIMIT, short_title

BUNDLED = Path(__file__).resolve().parents[2] / "seeds"
BODY = "Copper rose 3% to $10,500 a tonne on supply worries."


def parse(text: str, name: str = "note.txt"):
    articles = parse_seed_bytes(text.encode(), name)
    assert len(articles) == 1
    return articles[0]


@pytest.mark.parametrize("name", ["note.txt", "note.md"])
def test_source_and_url_lines_under_the_title_are_metadata(name: str) -> None:
    article = parse(f"Copper Hits a High\n\nSource: Metals Daily\nURL: https://example.com/copper\n\n{BODY}\n", name)
    assert article.title == "Copper Hits a High"
    assert article.source == "Metals Daily"
    assert article.url == "https://example.com/copper"
    assert article.body == BODY


def test_source_line_between_date_and_body_and_in_any_case() -> None:
    article = parse(f"Copper Hits a High\n2026-11-02T18:00:00Z\nsource:  Metals   Daily\n{BODY}\n")
    assert article.source == "Metals Daily"
    assert article.published is not None
    assert article.body == BODY


def test_source_line_ending_the_file_is_metadata() -> None:
    article = parse(f"Copper Hits a High\n\n{BODY}\n\nSource: Metals Daily\n")
    assert (article.source, article.body) == ("Metals Daily", BODY)


@pytest.mark.parametrize("name", ["MSFT-2025-07-31-azure-75-billion.md", "NVDA-2025-10-29-five-trillion.txt"])
def test_bundled_plain_seeds_name_their_source(name: str) -> None:
    article = read_seed(BUNDLED / name)[0]
    assert article.source == "tui-reader sample"
    assert "Source:" not in article.body


def test_without_a_source_line_the_folder_is_the_source() -> None:
    assert parse(f"Copper Hits a High\n\n{BODY}\n").source == "seed:seeds"


@pytest.mark.parametrize(
    "line",
    [
        "Source: company filings show that the copper price rose by 3% in a single week, the most since 2022, "
        "while inventories fell.",
        "URL: see the company website",
        "Link: not an address",
    ],
)
def test_prose_that_starts_like_a_source_line_stays_in_the_body(line: str) -> None:
    article = parse(f"Copper Hits a High\n\n{line}\n\n{BODY}\n")
    assert article.body.startswith(line)
    assert article.url is None and article.source == "seed:seeds"


def test_source_line_reaches_the_article_without_escapes() -> None:
    article = parse(f"Copper Hits a High\n\nSource: Metals\x1b[31m Daily\x07\n\n{BODY * 5}\n")
    assert article.source == "Metals Daily"


def test_a_file_opening_with_a_paragraph_gets_a_short_title_and_keeps_the_paragraph() -> None:
    opening = ("Copper rose to a two-year high on Monday as supply worries in Chile and Peru met stronger "
               "demand from grid builders in China and Europe, and traders said the rally could run further "
               "if inventories on the London Metal Exchange keep falling at this pace.")
    assert len(opening) > TITLE_LIMIT
    article = parse(f"{opening}\n\n{BODY}\n")
    assert article.title.endswith("…")
    assert len(article.title) <= TITLE_LIMIT + 1
    assert opening.startswith(article.title[:-1])
    assert opening[len(article.title) - 1] == " "  # cut at a word boundary
    assert article.body == f"{opening}\n\n{BODY}"


def test_a_paragraph_first_file_still_reads_the_date_and_source_lines_under_it() -> None:
    """A page saved without its headline: the lines under the opening paragraph are the
    publication date and the origin, as under a headline, not body text or a figure."""
    opening = ("(Wire) – A chip foundry forecast second-quarter revenue above estimates on Tuesday, betting "
               "that demand for older chips is turning after a long slump caused by surplus stock at its "
               "customers, and its shares rose in extended trading.")
    article = parse(f"{opening}\n2024-05-07\nSource: Wire\nURL: https://example.com/foundry\n\n{BODY}\n")
    assert article.published == datetime(2024, 5, 7, tzinfo=UTC)
    assert (article.source, article.url) == ("Wire", "https://example.com/foundry")
    assert article.body == f"{opening}\n\n{BODY}"
    joined = parse(f"{opening}\nIts second line.\n\n{BODY}\n")  # one paragraph stays one
    assert joined.body == f"{opening} Its second line.\n\n{BODY}"


def test_a_portal_time_before_the_date_is_the_publication_time() -> None:
    article = parse(f"Dow Slips as a Phone Maker Lifts Hopes\n22:25 | 22.12.2020\nQuelle: Agentur\n\n{BODY}\n")
    assert article.published == datetime(2020, 12, 22, 22, 25, tzinfo=ZoneInfo("Europe/Berlin"))
    assert "22.12.2020" not in article.body


def test_headlines_are_never_cut() -> None:
    headline = "Copper " + "and Zinc " * 20 + "Rally"
    assert len(headline) <= TITLE_LIMIT
    assert parse(f"{headline}\n\n{BODY}\n").title == headline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a" * 250, "a" * TITLE_LIMIT + "…"),
        ("word " * 60, ("word " * 40).rstrip() + "…"),
        ("x" * 199 + " tail and more words" * 5, "x" * 199 + "…"),
    ],
)
def test_short_title_cuts(text: str, expected: str) -> None:
    assert short_title(text) == expected


# --- datelines (issue 9) --------------------------------------------------------------

@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("June 28, 2016 12:58 PM ET", datetime(2016, 6, 28, 12, 58, tzinfo=ZoneInfo("America/New_York"))),
        ("Fri Nov 7, 2025 3:30 pm JST", datetime(2025, 11, 7, 15, 30, tzinfo=ZoneInfo("Asia/Tokyo"))),
        ("Published: Nov. 7, 2025, 3:30 p.m. EST", datetime(2025, 11, 7, 15, 30, tzinfo=ZoneInfo("America/New_York"))),
        ("28.06.2016, 12:58 Uhr", datetime(2016, 6, 28, 12, 58, tzinfo=ZoneInfo("Europe/Berlin"))),
        ("28. Juni 2016, 12:58 Uhr MESZ", datetime(2016, 6, 28, 12, 58, tzinfo=ZoneInfo("Europe/Berlin"))),
        ("28 June 2016 12:58 GMT", datetime(2016, 6, 28, 12, 58, tzinfo=UTC)),
        ("June 28, 2016", datetime(2016, 6, 28, tzinfo=UTC)),
        ("By Sample Writer - Dec 16, 2025 at 2:41PM", datetime(2025, 12, 16, 14, 41, tzinfo=ZoneInfo("Europe/Berlin"))),
        ("28.06.2016", datetime(2016, 6, 28, tzinfo=UTC)),
        ("2016-06-28", datetime(2016, 6, 28, tzinfo=UTC)),
        # forms real pages print (the fourth to eighth real-article sets)
        ("Oct 03, 2025 07:27:00 -0400 by Sample Writer", datetime(2025, 10, 3, 7, 27, tzinfo=timezone(timedelta(hours=-4)))),
        ("Wirtschaftszeitung, 17.8.2018", datetime(2018, 8, 17, tzinfo=UTC)),
        ("26/05/2016 1:40pm", datetime(2016, 5, 26, 13, 40, tzinfo=ZoneInfo("Europe/Berlin"))),
        ("By Agency - Oct 30,2017 - Last updated at Oct 30,2017", datetime(2017, 10, 30, tzinfo=UTC)),
        ("14:10 July 22, 2021", datetime(2021, 7, 22, 14, 10, tzinfo=ZoneInfo("Europe/Berlin"))),
        # issue 9, the later sets: an em dash before the time, day-month-year with hyphens,
        # a portal's two-digit year
        ("October 24, 2024 — 04:55 pm EDT", datetime(2024, 10, 24, 16, 55, tzinfo=ZoneInfo("America/New_York"))),
        ("27-02-2025", datetime(2025, 2, 27, tzinfo=UTC)),
        ("10.10.25 08:45 Uhr", datetime(2025, 10, 10, 8, 45, tzinfo=ZoneInfo("Europe/Berlin"))),
    ],
)
def test_dateline_under_the_title_is_the_publication_time(line: str, expected: datetime) -> None:
    article = parse(f"Chipmaker Beats\n\n{line}\n\n{BODY}\n")
    assert article.published == expected
    assert article.published.utcoffset() == expected.utcoffset()
    assert article.body == BODY


def test_a_date_without_a_time_keeps_its_calendar_day_everywhere() -> None:
    from tui_reader.app.formatting import local_time
    from tui_reader.store.prepared import ts

    article = parse(f"Chipmaker Beats\n\n28.06.2016\n\n{BODY}\n")
    assert article.published.astimezone(UTC).date().isoformat() == "2016-06-28"
    assert datetime.fromtimestamp(ts(article.published), UTC).day == 28  # the store's sort key
    assert local_time(article.published) == "2016-06-28"  # not shifted into the reader's zone
    timed = datetime(2016, 6, 28, 0, 0, tzinfo=timezone(timedelta(hours=2)))
    assert not is_date_only(timed) and local_time(timed) != "2016-06-28"


@pytest.mark.parametrize(
    "line",
    ["June 31, 2016", "Nov 7, 2025 13:30 pm ET", "Dec 18 (Reuters) - Shares rose 3%.", "June 28 was a good day.",
     "By the end of June 28, 2016 the deal had closed.",
     # a short year only with a time after it; mixed separators are no date
     "10.10.25", "27-02.2025"],
)
def test_not_a_dateline_or_an_impossible_one(line: str) -> None:
    article = parse(f"Chipmaker Beats\n\n{line}\n\n{BODY}\n")
    assert article.published is None


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("TOKYO, Fri Nov 7, 2025 3:30 pm JST - Shares rose.", datetime(2025, 11, 7, 6, 30, tzinfo=UTC)),
        ("FRANKFURT, 28.06.2016, 12:58 Uhr - Die Aktie stieg.", datetime(2016, 6, 28, 10, 58, tzinfo=UTC)),
        ("By A. Writer\nJune 28, 2016 12:58 PM ET\nShares rose.", datetime(2016, 6, 28, 16, 58, tzinfo=UTC)),
        # must not match: dates the story is about, wire datelines without a year
        ("The deal, announced June 28, 2016, closed on Friday.", None),
        ("June 28, 2016 was a good day for the shares.", None),
        ("Dec 18 (Reuters) - Shares rose 3.1% on Monday.", None),
        ("Revenue rose 12.5% in 2016.", None),
    ],
)
def test_a_body_that_opens_with_its_dateline(body: str, expected: datetime | None) -> None:
    assert find_dateline(body) == expected


def test_a_feed_item_without_a_date_takes_its_bodys_dateline() -> None:
    from tui_reader.sources.feedparse import parse_feed

    rss = (b'<rss version="2.0"><channel><title>T</title><item><title>Chips</title><link>https://e.com/1</link>'
           b"<description>NEW YORK, June 28, 2016 12:58 PM ET - Shares rose 3%.</description></item>"
           b'<item><title>Dated</title><link>https://e.com/2</link><pubDate>Tue, 04 Nov 2025 10:00:00 GMT</pubDate>'
           b"<description>June 28, 2016 12:58 PM ET</description></item></channel></rss>")
    undated, dated = parse_feed(rss, {}, "https://e.com/feed").articles
    assert undated.published == datetime(2016, 6, 28, 16, 58, tzinfo=UTC)
    assert dated.published == datetime(2025, 11, 4, 10, 0, tzinfo=UTC)  # the feed's date wins


def test_a_date_only_article_reads_as_its_day_west_of_utc_after_a_store_round_trip(tmp_path, monkeypatch) -> None:
    import time

    from tui_reader.app.formatting import local_time
    from tui_reader.cli.listing import _when
    from tui_reader.extract import enrich
    from tui_reader.store import Store

    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        article = enrich(parse(f"Chipmaker Beats\n\n28.06.2016\n\n{BODY}\n"))
        article.id = "date-only"
        with Store.open(tmp_path / "a.sqlite3") as store:
            store.upsert_articles("seeds:test", [article])
            stored = store.article("date-only")
        assert stored is not None
        assert local_time(stored.published) == "2016-06-28"
        assert _when(stored.published).strip() == "2016-06-28"
        timed = datetime(2016, 6, 28, 2, 0, tzinfo=UTC)  # a real moment still moves to the reader's day
        assert _when(timed) == "2016-06-27 22:00"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_a_slashed_date_that_could_be_either_way_round_is_not_guessed() -> None:
    article = parse(f"Retailer Beats Views\n05/06/2016 1:40pm\n\n{BODY}\n")
    assert article.published is None


def test_a_dateline_in_its_own_paragraph_under_the_title_and_the_source_lines_after_it() -> None:
    article = parse(f"Retailer Beats Views\n\n26/05/2016 1:40pm\n\nSource: Wire\nURL: https://example.com/r\n\n{BODY}\n")
    assert article.published == datetime(2016, 5, 26, 13, 40, tzinfo=ZoneInfo("Europe/Berlin"))
    assert (article.source, article.url, article.body) == ("Wire", "https://example.com/r", BODY)
