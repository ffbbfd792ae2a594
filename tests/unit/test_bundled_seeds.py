"""The bundled sample seeds (and a held-out set) against hand-written golden files.

The golden files in tests/data/golden/ were written from the article texts, not by
running our code, so they check the parser and the extractors on real-looking input.
`unseen/` holds articles in another portal's voice that no extractor was tuned on: a
failure there is the extractor over-fitting the samples, not a reason to edit the
golden file. Matching is a subset match: every expected figure must be found with the
fields the golden file gives (fields it leaves out are not checked).
"""

from __future__ import annotations

import csv
import json
import re
from datetime import date, datetime
from functools import cache
from pathlib import Path

import pytest

from tui_reader.extract import enrich
from tui_reader.model import Article, KeyFigure
from tui_reader.sources.seeds import read_seed

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
UNSEEN = ROOT / "tests" / "data" / "unseen"
GOLDEN = ROOT / "tests" / "data" / "golden"
PRICES = SEEDS / "prices"

SEED_SUFFIXES = (".txt", ".md", ".json")


def _seed_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in SEED_SUFFIXES and p.name != "README.md")


def _cases() -> list[tuple[Path, Path]]:
    cases = [(p, GOLDEN / f"{p.name}.json") for p in _seed_files(SEEDS)]
    cases += [(p, GOLDEN / "unseen" / f"{p.name}.json") for p in _seed_files(UNSEEN)]
    return cases


def _article_cases() -> list[pytest.param]:
    """One case per article (a .json seed can hold several)."""
    params = []
    for seed, golden in _cases():
        if not golden.exists():
            continue  # reported by test_every_seed_has_a_golden_file
        expected = json.loads(golden.read_text("utf-8"))["articles"]
        for index in range(len(expected)):
            params.append(pytest.param(seed, golden, index, id=f"{seed.parent.name}/{seed.name}[{index}]"))
    return params


@cache
def _read(seed: Path, enriched: bool) -> tuple[Article, ...]:
    """Parsed once per seed; header and body checks do not need the extractors."""
    articles = read_seed(seed, seed.parent)
    return tuple(enrich(a) for a in articles) if enriched else tuple(articles)


def _pair(seed: Path, golden: Path, index: int, *, enriched: bool = True) -> tuple[Article, dict]:
    expected = json.loads(golden.read_text("utf-8"))["articles"]
    articles = _read(seed, enriched)
    assert len(articles) == len(expected), f"{seed.name}: {len(articles)} articles, golden has {len(expected)}"
    return articles[index], expected[index]


def _norm(text: str) -> str:
    """Whitespace as a reader sees it: a non-breaking space is a space."""
    return " ".join(text.replace("\u00a0", " ").split())


_DURATION = re.compile(r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?")


def _duration_key(value: str) -> tuple[int, int] | str:
    """P1Y and P12M say the same thing; compare months and days."""
    match = _DURATION.fullmatch(value)
    if not match:
        return value
    years, months, weeks, days = (int(g or 0) for g in match.groups())
    return years * 12 + months, weeks * 7 + days


def _same_value(kind: str, expected: object, actual: object) -> bool:
    if isinstance(expected, float | int) and isinstance(actual, float | int):
        return abs(expected - actual) <= 1e-9 * max(1.0, abs(expected))
    if kind == "period" and isinstance(expected, str) and isinstance(actual, str):
        return _duration_key(expected) == _duration_key(actual)
    return expected == actual


def _matches(expected: dict, figure: KeyFigure) -> bool:
    if figure.kind != expected["kind"] or _norm(figure.text) != _norm(expected["text"]):
        return False
    for field in ("value", "high"):
        if field in expected and not _same_value(figure.kind, expected[field], getattr(figure, field)):
            return False
    return all(getattr(figure, field) == expected[field]
               for field in ("currency", "qualifier", "unit", "direction") if field in expected)


def _describe(figure: KeyFigure) -> str:
    fields = {k: v for k, v in figure.to_json().items() if k not in ("context", "start", "end")}
    return json.dumps(fields, ensure_ascii=False)


def test_every_seed_has_a_golden_file() -> None:
    missing = [str(golden.relative_to(ROOT)) for _, golden in _cases() if not golden.exists()]
    assert not missing, f"seeds without golden expectations: {missing}"
    assert len(_seed_files(SEEDS)) >= 12 and len(_seed_files(UNSEEN)) >= 6


def test_no_golden_file_without_its_seed() -> None:
    seeds = {p.name for p in _seed_files(SEEDS)}
    unseen = {p.name for p in _seed_files(UNSEEN)}
    orphans = [g.name for g in GOLDEN.glob("*.json") if g.name.removesuffix(".json") not in seeds]
    orphans += [g.name for g in (GOLDEN / "unseen").glob("*.json") if g.name.removesuffix(".json") not in unseen]
    assert not orphans


@pytest.mark.parametrize(("seed", "golden", "index"), _article_cases())
def test_header(seed: Path, golden: Path, index: int) -> None:
    article, expected = _pair(seed, golden, index, enriched=False)
    assert article.title == expected["title"]
    assert article.published is not None, "no publication time"
    assert article.published.isoformat() == expected["published"]
    if "source" in expected:
        assert article.source == expected["source"]


@pytest.mark.parametrize(("seed", "golden", "index"), _article_cases())
def test_instruments(seed: Path, golden: Path, index: int) -> None:
    article, expected = _pair(seed, golden, index)
    primary = article.primary
    assert primary is not None, "no instrument found"
    assert primary.primary, "first instrument not marked primary"
    for field, value in expected["primary"].items():
        assert getattr(primary, field) == value, f"primary {field}: {getattr(primary, field)!r} != {value!r}"
    found = {i.isin for i in article.instruments}
    missing = [isin for isin in expected["others"] if isin not in found]
    assert not missing, f"instruments not found: {missing}; found {sorted(filter(None, found))}"


@pytest.mark.parametrize(("seed", "golden", "index"), _article_cases())
def test_figures(seed: Path, golden: Path, index: int) -> None:
    article, expected = _pair(seed, golden, index)
    for figure in article.figures:
        text = article.title if figure.in_title else article.body
        assert text[figure.start:figure.end] == figure.text, f"span does not hold {figure.text!r}"
    body = _norm(article.body)
    typos = [w["text"] for w in expected["figures"] if _norm(w["text"]) not in body]
    assert not typos, f"golden figure texts not in the body: {typos}"
    unmatched = list(article.figures)
    missing = []
    for want in expected["figures"]:
        hit = next((f for f in unmatched if _matches(want, f)), None)
        if hit is None:
            missing.append(want)
        else:
            unmatched.remove(hit)
    wrong = [f for f in article.figures if _norm(f.text) in {_norm(t) for t in expected["not_figures"]}]
    problems = [f"missing {json.dumps(w, ensure_ascii=False)}" for w in missing]
    problems += [f"should not be a figure: {_describe(f)}" for f in wrong]
    if problems:
        found = "\n  ".join(_describe(f) for f in article.figures)
        pytest.fail("\n".join(problems) + f"\nfound:\n  {found}")


@pytest.mark.parametrize(("seed", "golden", "index"), _article_cases())
def test_body_boilerplate(seed: Path, golden: Path, index: int) -> None:
    article, expected = _pair(seed, golden, index, enriched=False)
    body = _norm(article.body)
    assert [s for s in expected["body_excludes"] if s in body] == [], "boilerplate left in the body"
    assert [s for s in expected["body_includes"] if s not in body] == [], "article text lost"


def _csv_span(symbol: str) -> tuple[date, date]:
    path = PRICES / f"{symbol}.csv"
    assert path.exists(), f"no bundled price CSV {path.name}"
    with path.open(newline="", encoding="utf-8") as handle:
        days = [row["Date"] for row in csv.DictReader(handle) if row.get("Date")]
    return date.fromisoformat(days[0]), date.fromisoformat(days[-1])


@pytest.mark.parametrize(("seed", "golden", "index"), _article_cases())
def test_published_inside_its_price_csv(seed: Path, golden: Path, index: int) -> None:
    """Every bundled article must open with a real chart: its CSV covers the date."""
    expected = json.loads(golden.read_text("utf-8"))["articles"][index]
    first, last = _csv_span(expected["chart"])
    published = datetime.fromisoformat(expected["published"]).date()
    assert first <= published <= last, f"{published} outside {expected['chart']}.csv ({first}..{last})"


@pytest.mark.parametrize(("seed", "golden", "index"), _article_cases())
def test_primary_charts_from_the_bundled_csv_offline(seed: Path, golden: Path, index: int, tmp_path: Path) -> None:
    """The same promise end to end: the extracted primary, offline, gets CSV closes."""
    from tui_reader.prices.service import PriceService
    from tui_reader.store import Store

    article, expected = _pair(seed, golden, index)
    primary = article.primary
    assert primary is not None
    store = Store.open(tmp_path / "store.db")
    try:
        history = PriceService(store, [SEEDS], offline=True).history(primary.isin or primary.ticker or "")
    finally:
        store.close()
    assert history.source == "csv"
    assert history.symbol == expected["chart"]
    days = [point.day for point in history.points]
    published = datetime.fromisoformat(expected["published"]).date()
    assert days[0] <= published <= days[-1]
