"""How long HTML → text (`sources.html_text.clean_text`) takes on real feed markup.

Collects every string the feed parser hands to `clean_text` (titles and bodies, HTML
or plain) while parsing the feed fixtures in tests/data/feeds and
benchmarks/accuracy/feeds, then times `clean_text` alone over them, best of a few
rounds. A micro-benchmark for the conversion's own cost; the poll benchmark measures
it inside a whole poll.

    python benchmarks/clean_text_bench.py [--rounds 200]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from tui_reader.sources import feedparse, html_text

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = (ROOT / "tests" / "data" / "feeds", ROOT / "benchmarks" / "accuracy" / "feeds")


def collect() -> list[tuple[str, bool]]:
    """(text, is_html) for every call the parser makes while reading the fixtures."""
    calls: list[tuple[str, bool]] = []
    original = html_text.clean_text

    def recording(raw: str, is_html: bool = True) -> str:
        calls.append((raw, is_html))
        return original(raw, is_html)

    # Bodies call it through feedparse's name, titles through clean_line's module.
    feedparse.clean_text = html_text.clean_text = recording
    try:
        for folder in FOLDERS:
            for path in sorted(folder.iterdir()):
                if path.suffix not in (".xml", ".rdf", ".json"):
                    continue
                try:
                    feedparse.parse_feed(path.read_bytes(), {}, f"https://feeds.example/{path.name}")
                except feedparse.FeedError:
                    continue  # the fixtures of broken feeds
    finally:
        feedparse.clean_text = html_text.clean_text = original
    return calls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    calls = collect()
    html = [(raw, is_html) for raw, is_html in calls if is_html and "<" in raw]
    size = sum(len(raw) for raw, _ in calls)
    clean = html_text.clean_text
    for label, sample in (("all calls", calls), ("with markup", html)):
        best = float("inf")
        for _ in range(args.rounds):
            start = time.perf_counter()
            for raw, is_html in sample:
                clean(raw, is_html)
            best = min(best, time.perf_counter() - start)
        chars = sum(len(raw) for raw, _ in sample)
        print(f"{label:<12} {len(sample):>5} strings {chars / 1e3:>7.1f} k chars: "
              f"{best * 1e3:7.2f} ms per pass, {best / len(sample) * 1e6:6.2f} us per string")
    print(f"({len(calls)} strings, {size / 1e3:.1f} k chars collected from {len(FOLDERS)} folders)")


if __name__ == "__main__":
    main()
