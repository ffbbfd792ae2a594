"""Microseconds `find_instruments` spends on one article, on one core.

Instruments get at most 40 µs of the 200 µs per-article budget (5,000 articles/s for
parsing and extraction together, see extract_rate.py). Measured on two inputs: the
generated corpus of extract_rate.py (same name and figure density as our real seeds)
and the bundled seeds, repeated. Also prints what building the directory costs, which
the first extraction pays once.

    python benchmarks/instruments_rate.py [--articles 5000] [--rounds 200]
"""

from __future__ import annotations

import argparse
import random
import time

from extract_rate import make_article  # the sibling benchmark's corpus generator

from tui_reader.extract.directory import directory
from tui_reader.extract.instruments import find_instruments
from tui_reader.locations import bundled_seeds
from tui_reader.model import Article
from tui_reader.sources.seeds import parse_seed_bytes, scan


def measure(articles: list[Article], rounds: int = 1) -> tuple[float, float, float]:
    """(µs per article on the first pass, best of three later passes, instruments per
    article). The first pass fills the caches of repeated runs and venue forms; CPU
    time, so that other processes on the machine do not count."""
    times = []
    found = 0
    for _ in range(4):
        found = 0
        start = time.process_time()
        for _ in range(rounds):
            for article in articles:
                found += len(find_instruments(article.title, article.body, article.declared))
        times.append(time.process_time() - start)
    count = len(articles) * rounds
    return times[0] / count * 1e6, min(times[1:]) / count * 1e6, found / count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=200, help="passes over the bundled seeds")
    args = parser.parse_args()

    start = time.process_time()
    directory()
    print(f"directory build: {(time.process_time() - start) * 1e3:6.1f} ms (once per process)")

    rng = random.Random(20261124)  # the seed extract_rate.py uses: the same corpus
    generated = [
        article
        for i in range(args.articles)
        for article in parse_seed_bytes(make_article(rng, i).encode(), f"article-{i:05d}.txt")
    ]
    seeds, skipped = scan([bundled_seeds()])
    assert not skipped, skipped
    for label, articles, rounds in (
        ("extract_rate corpus", generated, 1),
        ("bundled seeds", seeds, args.rounds),
    ):
        first, warm, per_article = measure(articles, rounds)
        print(f"{label:19}: {first:6.1f} us/article first pass, {warm:6.1f} warm, over "
              f"{len(articles)} articles x {rounds}, {per_article:.1f} instruments each "
              f"(budget: 40 us)")

if __name__ == "__main__":
    main()
