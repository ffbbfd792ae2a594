"""UI figures on a store of 50,000 articles, measured on a real terminal: first paint,
`j` latency, memory.

    python benchmarks/ui_bench.py [--articles 50000] [--presses 40] [--db FILE]

Runs the real `tui-reader --offline` in a pseudo-terminal of 120x36 and reads what it
writes, as a terminal would, so every figure is "until these characters reached the
screen" rather than "until the app thought it was done". Prints:
- process start → first article title on screen (target 0.6 s);
- `j` → the next article's title in the article pane on screen, and `j` → its chart on screen (one
  key at a time with a pause between, median and p90; target 30 ms);
- a held `j` (a key every 30 ms): text latency per key, and the time from the last
  key to the chart of the article the cursor stopped on (the chart is debounced);
- resident memory (VmHWM) of the app at the end (target 150 MB).
The store is built once in a temp folder; `--db` reuses a store built earlier.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import random
import re
import select
import shutil
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SYMBOLS = [("BABA", "US01609W1027", "Alibaba Group"), ("NVDA", "US67066G1040", "NVIDIA"),
           ("AAPL", "US0378331005", "Apple"), ("MSFT", "US5949181045", "Microsoft"),
           ("TSLA", "US88160R1014", "Tesla"), ("AMZN", "US0231351067", "Amazon"),
           ("ASML", "NL0010273215", "ASML Holding")]
"""Symbols with price CSVs reaching past the bench's dates, so every article has a chart."""
SIZE = (120, 36)
ESCAPES = re.compile(rb"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|[@-Z\\-_])")

_WORDS = ("cloud", "chips", "orders", "guidance", "margin", "buyback", "dividend", "probe", "deal", "plant",
          "outlook", "record", "sales", "cuts", "hires", "lawsuit", "upgrade", "downgrade", "merger", "launch")


def _words(n: int, k: int) -> str:
    """Distinct wording per article, so the store's story de-duplication keeps them apart."""
    rng = random.Random(n)
    return " ".join(rng.choice(_WORDS) + str(rng.randrange(1000)) for _ in range(k))


def title(n: int) -> str:
    return f"{SYMBOLS[n % len(SYMBOLS)][2]}: {_words(n, 6)}"


def text_marker(n: int) -> bytes:
    """The last word of article n's title: the list cuts titles short, so only the
    article pane draws it."""
    return title(n).split()[-1].encode()


def chart_marker(n: int) -> bytes:
    """The chart's title; neighbouring articles are about different symbols."""
    return f"{SYMBOLS[n % len(SYMBOLS)][0]} daily close".encode()


def build_store(path: Path, count: int) -> float:
    from tui_reader.model import Article, Instrument
    from tui_reader.store import Store

    started = time.perf_counter()
    base = datetime(2026, 2, 27, 20, 0, tzinfo=UTC)
    with Store.open(path) as store:
        batch: list[Article] = []
        for n in range(count):
            ticker, isin, name = SYMBOLS[n % len(SYMBOLS)]
            batch.append(Article(
                id=f"bench{n:06d}", source=f"source{n % 40}.example", title=title(n),
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


class Terminal:
    """The app in a pseudo-terminal; `wait_for` reads its output until some text shows."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        self.started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # the child: size its terminal, then become the app
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
            os.execve(argv[0], argv, env)
        self.pid, self.fd = pid, fd
        self.seen = b""
        """Output since the last `mark()`, escape sequences removed."""
        self._raw = b""

    def mark(self) -> None:
        self.seen = b""

    def send(self, keys: bytes) -> float:
        self.mark()
        at = time.perf_counter()
        os.write(self.fd, keys)
        return at

    def wait_for(self, *needles: bytes, timeout: float = 10.0) -> dict[bytes, float]:
        """Read until every needle has shown; returns when each one first did."""
        found: dict[bytes, float] = {}
        deadline = time.perf_counter() + timeout
        while len(found) < len(needles):
            for needle in needles:
                if needle not in found and needle in self.seen:
                    found[needle] = time.perf_counter()
            if len(found) == len(needles):
                break
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError(f"never saw {[n for n in needles if n not in found]}; tail: {self.seen[-400:]!r}")
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                self._raw += os.read(self.fd, 1 << 16)
                # Keep an unfinished escape sequence for the next read.
                cut = self._raw.rfind(b"\x1b")
                if cut == -1 or cut < len(self._raw) - 64:
                    chunk, self._raw = self._raw, b""
                else:
                    chunk, self._raw = self._raw[:cut], self._raw[cut:]
                self.seen += ESCAPES.sub(b"", chunk)
        return found

    def drain(self, seconds: float) -> None:
        end = time.perf_counter() + seconds
        while (left := end - time.perf_counter()) > 0:
            if select.select([self.fd], [], [], left)[0]:
                try:
                    os.read(self.fd, 1 << 16)
                except OSError:  # the app has exited and closed the terminal
                    return

    def vmhwm_mb(self) -> float:
        with open(f"/proc/{self.pid}/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) / 1024

    def quit(self) -> None:
        os.write(self.fd, b"q")
        deadline = time.perf_counter() + 5
        while time.perf_counter() < deadline:
            if os.waitpid(self.pid, os.WNOHANG)[0]:
                return
            self.drain(0.05)
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)


def _ms(values: list[float]) -> str:
    p90 = statistics.quantiles(values, n=10)[-1] if len(values) > 1 else values[0]
    return f"median {statistics.median(values) * 1000:.1f} ms, p90 {p90 * 1000:.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--presses", type=int, default=40)
    parser.add_argument("--db", type=Path, help="reuse this bench store (built when missing)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="ui-bench-"))
    db = args.db or work / "bench.sqlite3"
    if not db.exists():
        built = build_store(db, args.articles)
        print(f"built store of {args.articles} articles in {built:.1f} s ({db})")
    seeds = work / "seeds"  # price CSVs only: the articles are the store's
    shutil.copytree(REPO / "seeds" / "prices", seeds / "prices")
    env = {**os.environ, "TUI_READER_HOME": str(work / "home"), "TZ": "UTC", "TERM": "xterm-256color",
           "COLUMNS": str(SIZE[0]), "LINES": str(SIZE[1])}
    argv = [sys.executable, "-m", "tui_reader", "--offline", "--db", str(db), "--seeds", str(seeds),
            "--theme", "terminal-amber"]
    term = Terminal(argv, env)
    try:
        shown = term.wait_for(title(0)[:20].encode(), text_marker(0), chart_marker(0))
        first_list = shown[title(0)[:20].encode()] - term.started
        first_article = max(shown.values()) - term.started
        term.drain(1.0)  # the move column and anything else that follows start-up

        texts, charts = [], []
        row = 0
        for _ in range(args.presses):
            row += 1
            at = term.send(b"j")
            shown = term.wait_for(text_marker(row), chart_marker(row))
            texts.append(shown[text_marker(row)] - at)
            charts.append(shown[chart_marker(row)] - at)
            term.drain(0.15)

        held, held_rows = [], 12
        for _ in range(held_rows):
            row += 1
            at = term.send(b"j")
            held.append(term.wait_for(text_marker(row))[text_marker(row)] - at)
            time.sleep(max(0.0, 0.03 - (time.perf_counter() - at)))
        last_chart = term.wait_for(chart_marker(row))[chart_marker(row)] - at
        term.drain(0.3)
        memory = term.vmhwm_mb()
    finally:
        term.quit()

    print(f"start -> first article list on screen: {first_list:.3f} s (target 0.6 s); "
          f"with the first article and its chart: {first_article:.3f} s")
    print(f"j -> next article's text on screen: {_ms(texts)} (target 30 ms)")
    print(f"j -> its chart on screen:           {_ms(charts)}")
    print(f"held j (a key every 30 ms, {held_rows} keys): text {_ms(held)}; "
          f"last key -> chart {last_chart * 1000:.0f} ms")
    print(f"resident memory (VmHWM): {memory:.0f} MB (target 150 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
