"""read_seed / parse_seed_bytes / scan on every variant SEED_FORMAT.md lists."""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tui_reader.model import Skipped, stable_id
from tui_reader.sources.seeds import MAX_BYTES, SeedPathError, SkipFile, parse_seed_bytes, read_seed, scan

VARIANTS = Path(__file__).resolve().parents[1] / "data" / "seed_variants"
FULL = VARIANTS / "portal_full.txt"
TITLE = "Nordlicht Energie’s Offshore Gamble: €4.2 Billion for the North Sea"
PROMO_WORDS = ("Should investors", "worth buying", "Buy or Sell", "free analysis", "delivers the answer", "@ boerse")


def one(path: Path, root: Path | None = None):
    articles = read_seed(path, root)
    assert len(articles) == 1
    return articles[0]


def test_worked_example() -> None:
    article = one(FULL)
    assert article.title == TITLE
    assert article.published == datetime(2026, 11, 3, 6, 15, 42, tzinfo=UTC)
    assert article.published.utcoffset() == timedelta(hours=1)  # Europe/Berlin, winter time
    assert [(i.name, i.isin) for i in article.declared] == [("Nordlicht Energie", "DE000NLE0014")]
    assert article.source == "boerse-global.de"
    assert article.removed == ["promotional line: Should investors sell immediately? …", "ad block: 3 paragraphs"]
    assert article.id == stable_id("seed", "portal_full.txt", "0")
    assert article.path == str(FULL)
    assert article.url is None and article.instruments == [] and article.figures == []


def test_worked_example_body_is_the_article_only() -> None:
    body = one(FULL).body
    paragraphs = body.split("\n\n")
    assert paragraphs[0].startswith("Nordlicht Energie AG will invest more than €4.2 billion (about $4.9 billion) in two North Sea")
    assert paragraphs[1] == "Financing and Timeline"  # the section heading stays a paragraph
    assert paragraphs[2].endswith("management expects to double installed capacity within five years.")
    assert len(paragraphs) == 3
    assert not any(word in body for word in PROMO_WORDS)
    assert "\n" not in paragraphs[0]  # hard-wrapped lines joined
    assert "DE000NLE0014" not in body and "07:15:42" not in body and "Nordlicht’s, Offshore" not in body


@pytest.mark.parametrize("name", ["portal_crlf.txt", "portal_bom.txt", "portal_utf16.txt"])
def test_encoding_variants_read_like_the_original(name: str) -> None:
    data = (VARIANTS / name).read_bytes()
    assert data != FULL.read_bytes()  # the fixture really is different bytes
    article, original = one(VARIANTS / name), one(FULL)
    assert (article.title, article.published, article.body, article.removed, article.declared, article.source) == (
        original.title, original.published, original.body, original.removed, original.declared, original.source)


def test_crlf_fixture_really_has_crlf() -> None:
    assert b"\r\n" in (VARIANTS / "portal_crlf.txt").read_bytes()


@pytest.mark.parametrize("name", ["portal_latin1.txt", "portal_cp1252.txt"])
def test_single_byte_encodings(name: str) -> None:
    article = one(VARIANTS / name)
    assert article.title == "Müller Übernahme: Aktionäre erhalten 12,50 Euro je Aktie"
    assert article.body == "Die Übernahme bewertet Müller mit 1.234,5 Mio. Euro."
    assert [(i.name, i.isin) for i in article.declared] == [("Müller AG", "DE0007164600")]


def test_cp1252_apostrophe_reaches_the_text() -> None:
    assert b"\x92" in (VARIANTS / "portal_cp1252.txt").read_bytes()
    assert parse_seed_bytes(b"Ma\x92s Title\n\nBody.", "x.txt")[0].title == "Ma’s Title"


def test_no_teaser_starts_with_the_headline() -> None:
    article = one(VARIANTS / "portal_no_teaser.txt")
    assert article.title == "Baltic Rail Shares Jump After Record Freight Quarter"
    assert article.published == datetime(2026, 11, 3, 6, 15, tzinfo=UTC)
    # real sentences with "sell"/"buy" survive; the pitch does not
    assert article.body.startswith("Baltic Rail reported freight volumes up 12%")
    assert "Investors who sell now" in article.body and "buy back shares" in article.body
    assert article.removed == ["promotional line: Should investors sell immediately? …"]


def test_no_footer_falls_back_to_the_folder_as_source() -> None:
    article = one(VARIANTS / "portal_no_footer.txt")
    assert article.title == TITLE
    assert article.source == "seed:seed_variants"
    assert [i.isin for i in article.declared] == ["DE000NLE0014"]


def test_no_instrument_line_keeps_the_body_and_the_footer_source() -> None:
    article = one(VARIANTS / "portal_no_instrument.txt")
    assert article.title == "Harbour Cranes Order Book Swells Past $2 Billion"
    assert article.published == datetime(2026, 11, 3, 9, 30, tzinfo=UTC)
    assert article.declared == []
    assert article.source == "boerse-global.de"
    assert article.body == "The crane maker said its order book grew 30% to more than $2 billion."
    assert article.removed == ["ad block: 3 paragraphs"]


def test_several_isins_invalid_dropped_footer_merged() -> None:
    article = one(VARIANTS / "portal_several_isins.txt")
    assert [(i.name, i.isin) for i in article.declared] == [
        ("SAP SE", "DE0007164600"),
        ("Siemens AG", "DE0007236101"),  # DE0007236102 has a wrong check digit: dropped
        (None, "US0378331005"),  # from the footer; its SAP ISIN was already declared
    ]
    assert article.body == "SAP and Siemens will spend up to €500 million on a joint platform."


def test_german_numbers_and_german_boilerplate() -> None:
    article = one(VARIANTS / "portal_german_numbers.txt")
    assert article.body == "Der Umsatz stieg um 12,3 Prozent auf 1.234,5 Mio. Euro. Die Aktie verlor 2,5 %."
    assert article.removed == ["promotional line: Sollten Anleger sofort verkaufen? …", "ad block: 2 paragraphs"]


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        ("03.11.2026 - 07:15:42", datetime(2026, 11, 3, 6, 15, 42, tzinfo=UTC)),
        ("03.11.2026 - 07:15", datetime(2026, 11, 3, 6, 15, tzinfo=UTC)),
        ("2026-11-03 07:15", datetime(2026, 11, 3, 6, 15, tzinfo=UTC)),
        ("2026-11-03T07:15:42+01:00", datetime(2026, 11, 3, 6, 15, 42, tzinfo=UTC)),
        ("2026-11-03T06:15:42Z", datetime(2026, 11, 3, 6, 15, 42, tzinfo=UTC)),
        ("Published: 2026-11-03 07:15", datetime(2026, 11, 3, 6, 15, tzinfo=UTC)),
        ("03.07.2026 - 07:15:42", datetime(2026, 7, 3, 5, 15, 42, tzinfo=UTC)),  # summer time
        ("31.02.2026 - 07:15:42", None),  # shaped like a timestamp, but no such day
    ],
)
def test_timestamp_variants(stamp: str, expected: datetime | None) -> None:
    text = FULL.read_text(encoding="utf-8").replace("03.11.2026 - 07:15:42", stamp)
    article = parse_seed_bytes(text.encode(), "x.txt")[0]
    assert article.published == expected
    assert article.title == TITLE and stamp not in article.body


def test_header_lines_without_blank_lines_between_them() -> None:
    text = "Nordlicht’s, Offshore\n\nNordlicht Offshore Plan\n03.11.2026 - 07:15:42\nNordlicht Energie DE000NLE0014\n\nBody text."
    article = parse_seed_bytes(text.encode(), "x.txt")[0]
    assert article.title == "Nordlicht Offshore Plan"
    assert article.published == datetime(2026, 11, 3, 6, 15, 42, tzinfo=UTC)
    assert [i.isin for i in article.declared] == ["DE000NLE0014"]
    assert article.body == "Body text."


def test_markdown_heading_and_syntax_reduced() -> None:
    article = one(VARIANTS / "plain_heading.md")
    assert article.title == "Quiet Week for Chip Stocks"
    assert article.published == datetime(2026, 11, 2, 18, tzinfo=UTC)
    assert article.body == (
        "Chip stocks drifted lower on thin volume; see the index page.\n\n"
        "What to Watch\n\n- earnings from NVDA\n- the Fed decision"
    )


def test_plain_txt_title_then_body_without_blank_line() -> None:
    article = one(VARIANTS / "plain_note.txt")
    assert article.title == "Copper Hits a Two-Year High"
    assert article.body == "Copper rose 3% to $10,500 a tonne on supply worries."
    assert article.published is None and article.source == "seed:seed_variants"


def test_txt_hash_heading_is_stripped_from_the_title() -> None:
    assert parse_seed_bytes(b"## Big News\n\nText.", "n.txt")[0].title == "Big News"


def test_json_single_object() -> None:
    article = one(VARIANTS / "json_single.json")
    assert article.title == "Alibaba Cloud Revenue Climbs"
    assert article.published == datetime(2026, 1, 29, 21, 41, 5, tzinfo=UTC)
    assert article.url == "https://example.com/baba" and article.source == "example.com"
    assert article.body == "Alibaba said cloud revenue rose 34%."
    assert article.removed == ["promotional line: Should investors sell immediately? …"]
    assert [(i.isin, i.ticker, i.name) for i in article.declared] == [
        ("US01609W1027", "BABA", "Alibaba Group"),
        (None, "9988.HK", None),  # US0000000000 fails the check digit: dropped
    ]
    assert article.id == stable_id("seed", "json_single.json", "0")


def test_json_list_naive_time_is_utc_and_bad_urls_are_dropped() -> None:
    first, second = read_seed(VARIANTS / "json_list.json")
    assert first.published == datetime(2026, 3, 1, 8, tzinfo=UTC)
    assert first.source == "wire" and second.source == "seed:seed_variants"
    assert second.url is None  # javascript: is not a link to follow
    assert (first.id, second.id) == (stable_id("seed", "json_list.json", "0"), stable_id("seed", "json_list.json", "1"))


def test_json_list_with_bad_items_keeps_the_good_ones() -> None:
    articles = read_seed(VARIANTS / "json_bad_item.json")
    assert [a.title for a in articles] == ["Good Story", "Also Good"]
    assert articles[1].body == "Para one.\n\nPara two."
    assert articles[1].id == stable_id("seed", "json_bad_item.json", "3")  # index in the file, not in the result


def test_json_strings_are_sanitized_after_parsing() -> None:
    data = b'{"title": "Evil\\u001b[2J Title\\u0007", "body": "x\\u009b31m y", "source": "s\\u001b]0;t\\u0007ite"}'
    article = parse_seed_bytes(data, "e.json")[0]
    assert (article.title, article.body, article.source) == ("Evil Title", "x y", "site")


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", None, "empty file"),
        ("whitespace.txt", None, "empty file"),
        ("binary_data.txt", None, "binary file"),
        (".DS_Store", None, "hidden file"),
        ("json_broken.json", None, "invalid JSON at line 3 column 1"),
        ("x.json", b"[]", "empty JSON list"),
        ("x.json", b"42", "neither an article object nor a list"),
        ("x.json", b'[{"body": "b"}, 3]', "no usable article in JSON (item 0: no title)"),
        ("x.json", b"[" * 100_000, "invalid JSON"),
        ("x.txt", b"###\n\n@ boerse-global.de | DE000NLE0014 X", "no title"),
    ],
)
def test_files_that_are_not_articles(name: str, data: bytes | None, reason: str) -> None:
    with pytest.raises(SkipFile) as caught:
        if data is None:
            read_seed(VARIANTS / name)
        else:
            parse_seed_bytes(data, name)
    assert reason in caught.value.reason


def test_oversize_file_says_its_size(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"Title\n\n" + b"x" * MAX_BYTES)
    with pytest.raises(SkipFile, match=r"too large: 5\.0 MB \(limit 5 MB\)"):
        read_seed(big)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_is_skipped_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    articles, skipped = scan([tmp_path])
    assert articles == [] and [(Path(s.where).name, s.reason) for s in skipped] == [("pipe.txt", "not a regular file")]


def test_id_uses_the_path_relative_to_the_root(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    target = tmp_path / "sub" / "a.txt"
    shutil.copy(FULL, target)
    assert one(target, tmp_path).id == stable_id("seed", "sub/a.txt", "0")
    assert one(target).id == stable_id("seed", "a.txt", "0")


def test_scan_walks_sorted_and_skips_prices_hidden_and_unknown(tmp_path: Path) -> None:
    for rel in ("b.txt", "a/z.md", "a/c.txt", "prices/BABA.csv", ".git/x.txt", "prices/notes.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(f"Title {rel}\n\nBody.", encoding="utf-8")
    (tmp_path / "chart.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    (tmp_path / ".DS_Store").write_bytes(b"Bud1\x00\x00")
    articles, skipped = scan([tmp_path])
    assert [a.title for a in articles] == ["Title a/c.txt", "Title a/z.md", "Title b.txt"]
    assert articles[0].id == stable_id("seed", "a/c.txt", "0")
    assert [(Path(s.where).name, s.reason) for s in skipped] == [
        (".DS_Store", "hidden file"),
        ("chart.png", "not a seed format (.png)"),
    ]


DOCS = ("README.md", "README.txt", "readme", "SOURCES.md", "LICENSE", "LICENSE.txt", "Licence-MIT.md", "CHANGELOG.md")


def test_scan_leaves_documentation_out_silently(tmp_path: Path) -> None:
    for name in (*DOCS, "sub/README.md", "story.md"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(f"# {name}\n\nThese files are samples.\n", encoding="utf-8")
    articles, skipped = scan([tmp_path])
    assert [a.title for a in articles] == ["story.md"]
    assert skipped == []


@pytest.mark.parametrize("name", DOCS)
def test_documentation_named_outright_says_why_it_is_skipped(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text("# Notes\n\nThese files are samples.\n", encoding="utf-8")
    with pytest.raises(SkipFile, match=r"^not an article \(documentation\)$"):
        read_seed(tmp_path / name)
    assert scan([tmp_path / name]) == ([], [Skipped(str(tmp_path / name), "not an article (documentation)")])


@pytest.mark.parametrize("name", ["readme-review.txt", "sourcesafe.md", "AAPL-2025-licensing.txt"])
def test_articles_whose_names_only_resemble_documentation_are_read(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text("Apple Licenses a Patent\n\nBody.\n", encoding="utf-8")
    assert one(tmp_path / name).title == "Apple Licenses a Patent"


def test_bundled_seed_folder_has_no_readme_article() -> None:
    articles, skipped = scan([Path(__file__).resolve().parents[2] / "seeds"])
    assert skipped == []
    assert articles and not any(Path(a.path or "").name == "README.md" for a in articles)


def test_scan_reports_bad_json_items_by_index() -> None:
    articles, skipped = scan([VARIANTS / "json_bad_item.json"])
    assert len(articles) == 2
    assert [(s.where, s.reason) for s in skipped] == [
        (f"{VARIANTS / 'json_bad_item.json'}[1]", "no title"),
        (f"{VARIANTS / 'json_bad_item.json'}[2]", "not an article object (str)"),
    ]


def test_scan_of_the_variant_folder_skips_exactly_the_non_articles() -> None:
    articles, skipped = scan([VARIANTS])
    reasons = {Path(s.where).name: s.reason for s in skipped}
    assert reasons == {
        ".DS_Store": "hidden file",
        "binary_data.txt": "binary file",
        "chart.png": "not a seed format (.png)",
        "empty.txt": "empty file",
        "whitespace.txt": "empty file",
        "json_bad_item.json[1]": "no title",
        "json_bad_item.json[2]": "not an article object (str)",
        "json_broken.json": "invalid JSON at line 3 column 1: Expecting ',' delimiter",
    }
    assert len(articles) == 19  # 14 text seeds, 1 + 2 + 2 from JSON


def test_scan_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SeedPathError, match="no such file or directory"):
        scan([FULL, tmp_path / "nope"])


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads everything")
def test_scan_unreadable_named_file_is_an_error(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("Title\n\nBody.")
    locked.chmod(0)
    with pytest.raises(SeedPathError, match="cannot read"):
        scan([locked])
