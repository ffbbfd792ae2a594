"""How fast stored articles are re-extracted after an upgrade (`upkeep.reextract_pending`).

The bundled seeds, each stored under many distinct variants (a numbered note opens
the body, so no two are one story), are marked as filed by an older extractor and
re-extracted newest first, a batch per transaction: in this process (the app's
slices) and in worker processes (`fetch` with 2,000 or more to do). Prints articles
per second and this process's CPU time.

    python benchmarks/refile_bench.py [--copies 300]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from tui_reader.extract import EXTRACTOR_VERSION
from tui_reader.model import Article
from tui_reader.sources.seeds import scan
from tui_reader.sources.upkeep import reextract_pending, refile_pool
from tui_reader.store import Store

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=300, help="variants of each bundled seed article")
    args = parser.parse_args()
    seeds, _ = scan([SEEDS])
    articles = [
        Article(id=f"{a.id}-{k}", source=a.source, title=f"{k} {a.title}", body=f"Note {k}: {a.body}",
                published=a.published, declared=a.declared)
        for k in range(args.copies)
        for a in seeds
    ]
    for label in ("in this process", "worker processes"):
        with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "refile.sqlite3") as store:
            store.upsert_articles("seeds:/bench", articles)
            store._db.execute("UPDATE articles SET extractor = ?", (EXTRACTOR_VERSION - 1,))
            pool = refile_pool(store) if label == "worker processes" else None
            wall, cpu = time.perf_counter(), time.process_time()
            try:
                done = reextract_pending(store, executor=pool)
            finally:
                if pool is not None:
                    pool.shutdown()
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(f"{label:<17} {done:,} articles in {wall:.2f} s ({cpu:.2f} s CPU here): {done / wall:,.0f} articles/s")

if __name__ == "__main__":
    main()
