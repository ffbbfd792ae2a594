"""How fast the query language answers on a 50,000-article store (~1M figure rows).

Target (issue 12): the first page (500 rows) of `Store.articles(where=...)` under 50 ms
for the issue's examples, and `Store.count_matching` (a saved search's counts) for the
same queries. Articles are synthetic but shaped like extracted news: ~20 key figures
each (amounts in a few currencies, signed percentages, percentage points, dates around
publication, multiples, periods), 1-3 instruments from a pool of 400 plus a few popular
ones, publication over the last two years up to today, a stored move since publication,
older articles mostly read. Reproducible from a fixed seed.

Building the store takes a while, so the file is kept in the temp folder under a hash of
what shapes it (this generator's parameters and the schema version) and reused.

    python benchmarks/query_bench.py [--total 50000] [--rebuild]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from tui_reader.model import Article, Instrument, KeyFigure
from tui_reader.query.parser import parse
from tui_reader.store import Store
from tui_reader.store.schema import SCHEMA_VERSION

QUERIES = (
    "money>=50bn currency:USD",
    "pct<=-5 and not ticker:NVDA",
    "move<-10 unread",
    "kind:date date>=today",
    "buyback",
    '"profit warning"',
    "ticker:NVDA",
    "ticker:T123",
    "money>=1tn currency:EUR",
    "pp<=-1.5 or kind:multiple",
    "ticker:T007 pct>=10",
    "date>=today+30d date<=today+60d",
)
GENERATOR = 4
"""Bumped whenever `make_articles` changes, so a cached store is not reused by mistake."""

WORDS = (
    "revenue profit guidance shares market quarter growth outlook investors analysts cloud chips "
    "demand margin dividend buyback forecast sales record results strong weak rally slump deal "
    "merger acquisition regulator approval launch expansion china europe earnings beat miss warning"
).split()
CURRENCIES = ("USD",) * 10 + ("EUR",) * 5 + ("CNY", "GBP", "JPY", "CHF", "HKD")
POPULAR = (Instrument("US67066G1040", "NVDA", "Nvidia"), Instrument("US0378331005", "AAPL", "Apple"))


def _figure(rng: random.Random, published: date) -> KeyFigure:
    roll = rng.random()
    if roll < 0.35:
        # Most amounts are millions, a few are hundreds of billions (10**8.3 ± 1.4 decades).
        amount = 10 ** min(12.7, max(3.0, rng.gauss(8.3, 1.4)))
        return KeyFigure("money", "$1", round(amount, -3), 0, 2, "c", currency=rng.choice(CURRENCIES))
    if roll < 0.75:
        unit = rng.choices(("%", "pp", "bp"), (85, 10, 5))[0]
        value = round(rng.lognormvariate(1.3, 1.0) * (100 if unit == "bp" else 1), 1)
        direction = rng.choice(("up", "down", None))
        return KeyFigure("percent", "1%", value, 0, 2, "c", unit=unit, direction=direction)  # type: ignore[arg-type]
    if roll < 0.90:
        day = published + timedelta(days=int(rng.triangular(-200, 250, 20)))
        return KeyFigure("date", day.isoformat(), day.isoformat(), 0, 2, "c")
    if roll < 0.95:
        return KeyFigure("multiple", "2x", round(rng.uniform(1.5, 20), 1), 0, 2, "c")
    return KeyFigure("period", "3 years", f"P{rng.randint(1, 10)}Y", 0, 2, "c")


def make_articles(count: int, today: date, seed: int = 12) -> list[tuple[Article, bool, float | None]]:
    """(article, read, move) for `count` articles published over the two years to `today`."""
    rng = random.Random(seed)
    pool = [Instrument(f"US{n:09d}{n % 10}" if n % 4 else None, f"T{n:03d}", f"Company {n}") for n in range(400)]
    end = datetime(today.year, today.month, today.day, 12, tzinfo=UTC)
    step = timedelta(days=730) / count
    out = []
    for n in range(count):
        published = end - step * (count - n)
        chosen = rng.sample(pool, rng.randint(1, 3))
        if rng.random() < 0.04:
            chosen.insert(0, rng.choice(POPULAR))
        instruments = [Instrument(i.isin, i.ticker, i.name, primary=k == 0, mentions=1) for k, i in enumerate(chosen)]
        figures = [_figure(rng, published.date()) for _ in range(rng.randint(5, 35))]
        words = rng.sample(WORDS, 8) + (["profit", "warning"] if rng.random() < 0.01 else [])
        body = " ".join(rng.choice(WORDS) for _ in range(120)) + " " + " ".join(words)
        article = Article(
            id=f"q-{n}", source=f"source{n % 6}.example", title=f"{chosen[0].name} {' '.join(words[:6])}",
            body=body, published=published, url=f"https://source{n % 6}.example/{n}",
            instruments=instruments, figures=figures,
        )
        age = (end - published).days
        read = rng.random() < (0.9 if age > 30 else 0.3)
        move = round(rng.gauss(0, 8), 2) if rng.random() < 0.8 else None
        out.append((article, read, move))
    return out


def build(path: Path, total: int, today: date) -> None:
    t0 = time.perf_counter()
    made = make_articles(total, today)
    with Store.open(path) as store:
        for start in range(0, total, 5000):
            store.upsert_articles("bench", [a for a, _, _ in made[start : start + 5000]])
        store.save_moves([(a.id, move) for a, _, move in made])
    # The read flags in one statement: `Store.set_read` per article would take minutes.
    # (No ANALYZE: the app never runs it, so the planner must do without statistics.)
    with sqlite3.connect(path) as db:
        db.executemany("UPDATE articles SET read = 1 WHERE id = ?", [(a.id,) for a, read, _ in made if read])
    print(f"built {total} articles in {time.perf_counter() - t0:.0f} s: {path}")


def store_path(total: int, today: date) -> Path:
    key = hashlib.sha256(f"{GENERATOR} {total} {today} {SCHEMA_VERSION}".encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"tui-reader-query-bench-{key}.sqlite3"


def median_ms(fn: Callable[[], object], repeat: int = 5) -> float:
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--total", type=int, default=50_000)
    parser.add_argument("--rebuild", action="store_true", help="build the store again even if cached")
    args = parser.parse_args()

    today = date.today()
    path = store_path(args.total, today)
    if args.rebuild or not path.exists():
        path.unlink(missing_ok=True)
        build(path, args.total, today)
    with Store.open(path) as store:
        figures = store._db.execute("SELECT count(*) FROM article_figures").fetchone()[0]
        print(f"store: {args.total} articles, {figures} figure rows; medians of 5 runs (target: first page < 50 ms)")
        print(f"  {'query':<36} {'page ms':>8} {'rows':>5} {'count ms':>9} {'matches':>8}")
        worst = 0.0
        for text in QUERIES:
            node = parse(text)
            page = median_ms(lambda node=node: store.articles(where=node, limit=500))  # type: ignore[misc]
            count = median_ms(lambda node=node: store.count_matching(node))  # type: ignore[misc]
            rows = len(store.articles(where=node, limit=500))
            _, matched = store.count_matching(node)
            worst = max(worst, page)
            flag = "" if page < 50 else "  <- over target"
            print(f"  {text:<36} {page:8.1f} {rows:5d} {count:9.1f} {matched:8d}{flag}")
        print(f"slowest first page: {worst:.1f} ms")


if __name__ == "__main__":
    main()
