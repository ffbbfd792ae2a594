"""How fast stored articles are re-extracted after an upgrade (`upkeep.reextract_pending`).

The bundled seeds, each stored under many distinct variants (a numbered note opens
the body, so no two are one story), are marked as filed by an older extractor and
re-extracted the way `fetch` does it: newest first, a batch per transaction, in this
process. Prints articles per second, wall and CPU; extraction is nearly all of it.

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
from tui_reader.sources.upkeep import reextract_pending
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
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "refile.sqlite3") as store:
        store.upsert_articles("seeds:/bench", articles)
        store._db.execute("UPDATE articles SET extractor = ?", (EXTRACTOR_VERSION - 1,))
        wall, cpu = time.perf_counter(), time.process_time()
        done = reextract_pending(store)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"re-extracted {done:,} articles in {wall:.2f} s ({cpu:.2f} s CPU): {done / wall:,.0f} articles/s")


if __name__ == "__main__":
    main()
