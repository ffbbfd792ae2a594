"""`list --where` and `calendar` through the real entry point on the bundled seeds.

The issue's examples must list exactly the articles whose extracted figures satisfy
them: each is checked against the Python evaluation of the same query over the same
stored articles (flags and stored moves included).
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from tui_reader.cli import main
from tui_reader.query.evaluate import Facts, matches
from tui_reader.query.parser import parse
from tui_reader.store import Store

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
EXAMPLES = [
    "money>=50bn currency:USD",
    "pct<=-5 and not ticker:NVDA",
    "move<-10 unread",
    "kind:date date>=today",
    "kind:date date>=2025-01-01",
    "ticker:BABA pct>=10",
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("where") / "store.sqlite3"
    assert main(["fetch", "--offline", "--seeds", str(SEEDS), "--db", str(path)]) == 0
    return path


def _expected(db: Path, query: str) -> set[str]:
    node = parse(query)
    with sqlite3.connect(db) as raw:
        moves = dict(raw.execute("SELECT id, move FROM articles").fetchall())
    with Store.open(db) as store:
        summaries = store.articles(limit=1000)
        out = set()
        for summary in summaries:
            article = store.article(summary.id)
            assert article is not None
            facts = Facts(article, read=summary.read, starred=summary.starred, move=moves[summary.id],
                          sources=tuple(summary.sources or [summary.source]))
            if matches(node, facts, date.today()):
                out.add(summary.id)
    return out


@pytest.mark.parametrize("query", EXAMPLES)
def test_where_lists_exactly_the_matching_articles(db: Path, query: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["list", "--db", str(db), "--where", query, "--json", "--limit", "1000"]) == 0
    listed = {row["id"] for row in json.loads(capsys.readouterr().out)}
    assert listed == _expected(db, query)


def test_the_examples_find_what_the_seeds_state(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Written from the seed texts: the USD amounts of 50bn or more are stated in the
    Amazon, Microsoft, Nvidia and Apple articles; fetch stored moves from the CSVs."""
    assert main(["list", "--db", str(db), "--where", "money>=50bn currency:USD", "--json", "--limit", "100"]) == 0
    tickers = {row["instruments"][0]["ticker"] for row in json.loads(capsys.readouterr().out)}
    assert {"AMZN", "MSFT", "NVDA", "AAPL"} <= tickers
    with sqlite3.connect(db) as raw:
        known = raw.execute("SELECT count(*) FROM articles WHERE move IS NOT NULL").fetchone()[0]
    assert known >= 10


def _listed(db: Path, query: str, capsys: pytest.CaptureFixture[str]) -> set[str]:
    capsys.readouterr()
    assert main(["list", "--db", str(db), "--where", query, "--json", "--limit", "1000"]) == 0
    return {row["id"] for row in json.loads(capsys.readouterr().out)}


@pytest.mark.parametrize(("word", "field"), [("BABA", "ticker:BABA"), ("baba", "ticker:BABA"),
                                             ("US01609W1027", "isin:US01609W1027")])
def test_a_bare_ticker_or_isin_finds_the_articles_filed_under_it(
        db: Path, capsys: pytest.CaptureFixture[str], word: str, field: str) -> None:
    """The first thing a trader types: the samples' Alibaba stories never write "BABA" alone."""
    filed = _listed(db, field, capsys)
    assert filed and filed <= _listed(db, word, capsys)
    assert _listed(db, f'"{word}"', capsys) < filed  # quoted, a word is only text


def test_a_mistake_is_one_error_line_with_its_column(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--db", str(db), "--where", "pct<=five"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: --where: at column 6: expected a number")
    assert err.count("\n") == 1


def test_an_unknown_field_is_a_mistake_not_an_empty_list(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--db", str(db), "--where", "unknownfield:3"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: --where: at column 1: expected a field: ticker, isin, source, kind or currency")
    assert main(["list", "--db", str(db), "--where", "cloud tickr:BABA"]) == 2
    assert "at column 7: expected a field: did you mean ticker?" in capsys.readouterr().err


def test_calendar_json_lists_every_coming_day_stated_in_range(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", "--db", str(db), "--from", "2025-01-01", "--to", "2025-12-31", "--json"]) == 0
    events = json.loads(capsys.readouterr().out)
    days = [e["date"] for e in events]
    assert days == sorted(days) and all("2025-01-01" <= d <= "2025-12-31" for d in days)
    with Store.open(db) as store:
        stated = {
            (f.value, a.id)
            for s in store.articles(limit=1000)
            if (a := store.article(s.id)) is not None
            for f in a.figures
            if f.kind == "date" and "2025-01-01" <= str(f.value) <= "2025-12-31"
            and a.published is not None and str(f.value) >= a.published.date().isoformat()  # not a day it recalls
        }
    listed = {(e["date"], article["id"]) for e in events for article in e["articles"]}
    assert listed == stated
    assert all(set(e) == {"date", "text", "instruments", "articles"} for e in events)


def test_calendar_ics_imports_with_every_event(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ics = tmp_path / "coming.ics"
    assert main(["calendar", "--db", str(db), "--from", "2024-01-01", "--ics", str(ics), "--json"]) == 0
    events = json.loads(capsys.readouterr().out)
    entries = list(Calendar.from_ical(ics.read_bytes()).walk("VEVENT"))
    assert [e.decoded("dtstart").isoformat() for e in entries] == [e["date"] for e in events]


def test_calendar_refuses_a_bad_day(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", "--db", str(db), "--from", "2025-02-30"]) == 2
    assert "error: --from '2025-02-30' is not a real calendar day as YYYY-MM-DD" in capsys.readouterr().err
    assert main(["calendar", "--db", str(db), "--to", "soon"]) == 2
    assert "error: --to 'soon' is not a day as YYYY-MM-DD, today, or today+30d" in capsys.readouterr().err


def _calendar_days(db: Path, capsys: pytest.CaptureFixture[str], *options: str) -> list[str]:
    capsys.readouterr()
    assert main(["calendar", "--db", str(db), "--json", *options]) == 0
    return [event["date"] for event in json.loads(capsys.readouterr().out)]


def test_calendar_days_take_the_query_language_s_relative_forms(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    today = date.today()
    start, end = today - timedelta(days=3 * 365), today - timedelta(days=2 * 7)
    relative = _calendar_days(db, capsys, "--from", "today-3y", "--to", "TODAY-2w")
    assert relative and relative == _calendar_days(db, capsys, "--from", start.isoformat(), "--to", end.isoformat())
    assert _calendar_days(db, capsys, "--from", "today") == _calendar_days(db, capsys)


def test_calendar_says_when_no_article_is_filed_under_the_ticker(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", "--db", str(db), "--ticker", "ZZZZ"]) == 0
    assert capsys.readouterr().err == "no stored article is filed under ZZZZ\n"
    assert main(["calendar", "--db", str(db), "--ticker", "ZZZZ", "--json"]) == 0
    out = capsys.readouterr()
    assert json.loads(out.out) == [] and out.err == "no stored article is filed under ZZZZ\n"
    # A ticker with articles but no coming dates in the range keeps the usual line.
    assert main(["calendar", "--db", str(db), "--ticker", "BABA", "--from", "2999-01-01"]) == 0
    assert capsys.readouterr().err == "no coming dates in the stored articles\n"
