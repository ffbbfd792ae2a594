"""How fast the store writes a poll's worth of articles and answers the UI's first queries.

Targets (issue "Feeds and the store"): 10,000 extracted articles stored in well under
2 s; on a 50,000-article store, `instruments()` and the first `articles()` page in a few
ms (at most ~50 ms each), because the UI paints its first list within 0.6 s of start.
Articles are synthetic but shaped like extracted ones (~2.5 KB bodies, 1-3
instruments from a pool of 400, a few figures), reproducible from a fixed seed.

    python benchmarks/store_bench.py [--batch 10000] [--total 50000]
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tui_reader.model import Article, Instrument, KeyFigure
from tui_reader.store import Store

WORDS = (
    "revenue profit guidance shares market quarter growth outlook investors analysts cloud chips "
    "demand margin dividend buyback forecast sales record results strong weak rally slump deal "
    "merger acquisition regulator approval launch expansion china europe earnings beat miss"
).split()


def _instruments(rng: random.Random, count: int) -> list[Instrument]:
    pool = []
    for n in range(count):
        isin = f"US{n:09d}{n % 10}" if n % 4 else None
        pool.append(Instrument(isin=isin, ticker=f"T{n:03d}" + (".DE" if n % 7 == 0 else ""), name=f"Company {n}"))
    return pool


def make_articles(count: int, start: int = 0, seed: int = 7) -> list[Article]:
    rng = random.Random(seed + start)
    pool = _instruments(rng, 400)
    base = datetime(2026, 1, 1, tzinfo=UTC)
    out = []
    for n in range(start, start + count):
        body = " ".join(rng.choice(WORDS) for _ in range(350)) + f" story {n}."
        chosen = rng.sample(pool, rng.randint(1, 3))
        instruments = [
            Instrument(i.isin, i.ticker, i.name, primary=(k == 0), mentions=rng.randint(1, 5))
            for k, i in enumerate(chosen)
        ]
        figures = [
            KeyFigure("percent", "5.2%", 5.2, 10 * k, 10 * k + 4, "Shares rose 5.2%.", unit="%", direction="up")
            for k in range(rng.randint(0, 4))
        ]
        out.append(
            Article(
                id=f"bench-{n}",
                source=f"source{n % 5}.example",
                title=f"{chosen[0].name} {' '.join(rng.sample(WORDS, 6))} {n}",
                body=body,
                published=base + timedelta(minutes=n * 3),
                url=f"https://source{n % 5}.example/{n}",
                instruments=instruments,
                figures=figures,
                removed=["promotional line: buy now"] if n % 3 == 0 else [],
            )
        )
    return out


def timed(label: str, fn, repeat: int = 5) -> float:  # type: ignore[no-untyped-def]
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
    best, median = min(runs) * 1000, statistics.median(runs) * 1000
    print(f"  {label:<44} best {best:8.2f} ms   median {median:8.2f} ms")
    return median


FIRST_PAINT = """
import sys, time
t0 = time.perf_counter()
from pathlib import Path
from tui_reader.store import Store
s = Store.open(Path(sys.argv[1]))
s.counts(); s.instruments(); s.articles(limit=500)
print(f"{(time.perf_counter() - t0) * 1000:.1f}")
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=10_000)
    parser.add_argument("--total", type=int, default=50_000)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite3"
        store = Store.open(path)
        batch = make_articles(args.batch)
        print(f"write ({args.batch} articles, one transaction each call)")
        t0 = time.perf_counter()
        new = store.save_poll("https://bench.example/feed", batch, etag="x")
        print(f"  {'save_poll, new articles':<44} {(time.perf_counter() - t0) * 1000:8.1f} ms  ({new} new)")
        t0 = time.perf_counter()
        again = store.save_poll("https://bench.example/feed", batch, etag="x")
        print(f"  {'save_poll, same articles again':<44} {(time.perf_counter() - t0) * 1000:8.1f} ms  ({again} new)")

        done = args.batch
        while done < args.total:
            step = min(args.batch, args.total - done)
            store.upsert_articles(f"https://bench.example/feed{done}", make_articles(step, start=done))
            done += step
        store.close()
        print(f"read (store of {done} articles, {path.stat().st_size / 1e6:.0f} MB)")
        store = Store.open(path)
        ticker = store.instruments()[0].ticker or ""
        timed("instruments()", store.instruments)
        timed("counts()", store.counts)
        timed("articles(limit=500)", lambda: store.articles(limit=500))
        timed("articles(unread_only=True, limit=500)", lambda: store.articles(unread_only=True, limit=500))
        timed(f"articles(ticker={ticker.lower()!r})", lambda: store.articles(ticker=ticker.lower()))
        timed("articles(query='merger approv')", lambda: store.articles(query="merger approv"))
        timed("articles(query='rally', limit=50)", lambda: store.articles(query="rally", limit=50))
        timed("articles(source=..., limit=500)", lambda: store.articles(source="source3.example"))
        timed("article(id)", lambda: store.article("bench-123"))
        flips = iter(range(1_000_000))
        timed("set_read(id) (toggling)", lambda: store.set_read("bench-124", next(flips) % 2 == 0))
        store.close()
        first = [
            float(subprocess.run([sys.executable, "-c", FIRST_PAINT, str(path)], capture_output=True,
                                 text=True, check=True).stdout)
            for _ in range(3)
        ]
        print(f"fresh process: import + open + counts + instruments + first page: {min(first):.0f} ms (best of 3)")


if __name__ == "__main__":
    main()
