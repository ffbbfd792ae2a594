"""UI figures on a store of 50,000 articles: first paint, `j` latency, memory.

    python benchmarks/ui_bench.py [--articles 50000] [--presses 60]

Prints:
- start → first painted article list, measured from before `import textual` in a
  fresh interpreter (the child process) to the first refresh after rows arrive;
  targets 0.6 s;
- median and p90 of `j` → the refresh that paints the article with its chart
  (offline: CSV prices, which come with the article); target 30 ms;
- resident memory (VmHWM) of the child at the end; target 150 MB.
The store is built once in a temp folder and reused by the child run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SYMBOLS = [("BABA", "US01609W1027", "Alibaba Group"), ("NVDA", "US67066G1040", "NVIDIA"),
           ("AAPL", "US0378331005", "Apple"), ("MSFT", "US5949181045", "Microsoft"),
           ("TSLA", "US88160R1014", "Tesla"), ("AMZN", "US0231351067", "Amazon"),
           ("ASML", "NL0010273215", "ASML Holding"), ("SAP", "DE0007164600", "SAP")]


_WORDS = ("cloud", "chips", "orders", "guidance", "margin", "buyback", "dividend", "probe", "deal", "plant",
          "outlook", "record", "sales", "cuts", "hires", "lawsuit", "upgrade", "downgrade", "merger", "launch")


def _words(n: int, k: int) -> str:
    """Distinct wording per article, so the store's story de-duplication keeps them apart."""
    rng = random.Random(n)
    return " ".join(rng.choice(_WORDS) + str(rng.randrange(1000)) for _ in range(k))


def build_store(path: Path, count: int) -> float:
    from tui_reader.model import Article, Instrument
    from tui_reader.store import Store

    started = time.perf_counter()
    base = datetime(2026, 2, 27, 20, 0, tzinfo=timezone.utc)
    with Store.open(path) as store:
        batch: list[Article] = []
        for n in range(count):
            ticker, isin, name = SYMBOLS[n % len(SYMBOLS)]
            batch.append(Article(
                id=f"bench{n:06d}", source=f"source{n % 40}.example", title=f"{name}: {_words(n, 6)}",
                body=f"{name} ({ticker}) {_words(n + 10**7, 60)}.",
                published=base - timedelta(minutes=17 * n), url=f"https://example.com/{n}",
                instruments=[Instrument(isin, ticker, name, primary=True)],
            ))
            if len(batch) == 1000:
                store.upsert_articles("seeds:bench", batch)
                batch = []
        if batch:
            store.upsert_articles("seeds:bench", batch)
    return time.perf_counter() - started


CHILD = r"""
import time, sys, os, json, asyncio
t0 = time.perf_counter()
from pathlib import Path
from tui_reader.app import AppOptions, create_app
from tui_reader.app.widgets.article_list import ArticleList
from tui_reader.app.widgets.article_view import ArticleView
from textual.events import Key
db, seeds, presses = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
out = {}

async def main():
    app = create_app(AppOptions(db=db, config=None, seed_dirs=[seeds], offline=True, poll=False, theme="terminal-amber"))
    async with app.run_test(size=(120, 36)) as pilot:
        table = app.screen.query_one(ArticleList)
        while table.row_count == 0:
            await asyncio.sleep(0.001)
        await pilot.pause()  # the refresh that paints the rows
        out["first_paint_s"] = time.perf_counter() - t0
        out["rows_loaded"] = table.row_count
        view = app.screen.query_one(ArticleView)
        while view.chart_for is None:
            await asyncio.sleep(0.005)
        await pilot.pause(0.5)
        # Time from the key event to the refresh that paints the article with its chart:
        # `call_after_refresh` runs once the screen has been drawn after show_article.
        painted = asyncio.Event()
        shown = view.show_article

        def show_and_mark(article, chart=None):
            shown(article, chart)
            if chart is not None:
                view.call_after_refresh(painted.set)

        view.show_article = show_and_mark
        texts, charts = [], []
        for _ in range(presses):
            painted.clear()
            start = time.perf_counter()
            app.post_message(Key("j", "j"))
            await painted.wait()
            charts.append(time.perf_counter() - start)
            await asyncio.sleep(0.05)  # a key every 50 ms, like a held key
        texts = charts
        out["chart_ms"] = [t * 1000 for t in charts]
    app.library.store.close()

asyncio.run(main())
with open("/proc/self/status") as f:
    out["vmhwm_mb"] = next(int(l.split()[1]) for l in f if l.startswith("VmHWM")) / 1024
print(json.dumps(out))
"""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--presses", type=int, default=60)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="ui-bench-"))
    db = work / "bench.sqlite3"
    built = build_store(db, args.articles)
    print(f"built store of {args.articles} articles in {built:.1f} s ({db})")
    env = {**os.environ, "TUI_READER_HOME": str(work / "home"), "TZ": "UTC"}
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(db), str(REPO / "seeds"), str(args.presses)],
        capture_output=True, text=True, env=env, check=False,
    )
    if child.returncode != 0:
        print(child.stderr[-3000:], file=sys.stderr)
        return 1
    out = json.loads(child.stdout.strip().splitlines()[-1])
    chart = out["chart_ms"]
    print(f"first painted article list: {out['first_paint_s']:.3f} s (target 0.6 s; {out['rows_loaded']} rows in the first page)")
    print(f"j -> article and chart painted: median {statistics.median(chart):.1f} ms, "
          f"p90 {statistics.quantiles(chart, n=10)[-1]:.1f} ms (target 30 ms)")
    print(f"resident memory (VmHWM): {out['vmhwm_mb']:.0f} MB (target 150 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
