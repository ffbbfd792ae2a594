"""What a first poll's rows cost the store: bytes a parser worker sends per feed, and the
parent's write time, on poll_bench's own feeds (200 feeds x 50 items, parsed in process).
Rows are prepared in one pass (parse, boilerplate, instruments and figures), so the
figures' share of a worker's result shows however ingestion is staged.

Issue 14 items 3 and 4 are measured here: the full-text index written once per
transaction instead of by a per-row trigger, and figures stored without their text and
sentence (rebuilt from the body when read). Writes go in batches of ten feeds per
transaction, as a poll writes them.

    python benchmarks/store_write_bench.py [--feeds 200] [--items 50] [--rounds 3]
"""

from __future__ import annotations

import argparse
import pickle
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from poll_bench import feed_document  # noqa: E402

from tui_reader.extract import enrich  # noqa: E402
from tui_reader.extract.boilerplate import strip_boilerplate  # noqa: E402
from tui_reader.model import Article  # noqa: E402
from tui_reader.sources.feedparse import parse_feed  # noqa: E402
from tui_reader.store import PollOutcome, Store, prepare  # noqa: E402

HEADERS = {"content-type": "application/rss+xml"}


def extracted(document: bytes, url: str) -> tuple[str | None, list[Article]]:
    """A feed's articles with everything extracted, as a one-pass worker has them."""
    parsed = parse_feed(document, HEADERS, url)
    for article in parsed.articles:
        kept, removed = strip_boilerplate(article.body.split("\n\n"))
        if removed:
            article.body, article.removed = "\n\n".join(kept), removed
        enrich(article)
    return parsed.title, parsed.articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    urls = [f"http://127.0.0.1:9/feed{n}.xml" for n in range(args.feeds)]
    documents = [feed_document(n, args.items, 9).encode() for n in range(args.feeds)]
    feeds = [extracted(doc, url) for doc, url in zip(documents, urls, strict=True)]
    now = time.time()
    start = time.process_time()
    results = [(title, [prepare(a, now, story_keys=True) for a in articles]) for title, articles in feeds]
    prepare_ms = (time.process_time() - start) * 1000 / args.feeds
    sizes = [len(pickle.dumps(result)) for result in results]
    figures = [len(item.figures) for _title, items in results for item in items]

    write_cpu, write_wall = [], []
    for _ in range(args.rounds):
        with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "bench.sqlite3") as store:
            cpu, wall = time.process_time(), time.perf_counter()
            for n in range(0, len(results), 10):
                store.save_polls([PollOutcome(url, items, etag='"e"', title=title)
                                  for url, (title, items) in zip(urls[n:n + 10], results[n:n + 10], strict=True)])
            write_cpu.append((time.process_time() - cpu) * 1000)
            write_wall.append((time.perf_counter() - wall) * 1000)

    print(f"{args.feeds} feeds x {args.items} items")
    print(f"  prepare store rows (worker), CPU per feed         {prepare_ms:8.2f} ms")
    print(f"  worker result, pickled, per feed                  {statistics.mean(sizes) / 1000:8.1f} KB")
    print(f"  figures JSON per article                          {statistics.mean(figures):8.0f} chars")
    print(f"  store every feed, CPU (median of {args.rounds})              {statistics.median(write_cpu):8.0f} ms"
          f"  ({statistics.median(write_cpu) / args.feeds:.2f} ms per feed)")
    print(f"  store every feed, wall (median of {args.rounds})             {statistics.median(write_wall):8.0f} ms")


if __name__ == "__main__":
    main()
