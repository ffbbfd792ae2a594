"""Accuracy of filing and key figures on labelled examples: precision and recall per kind.

Runs the real pipeline on `benchmarks/accuracy/` (seed files through `read_seed` +
`enrich`; feeds through `parse_feed`, the worker's boilerplate step and `enrich`, as
`feed_worker.parse_job` does) and compares what comes out with labels written from the
texts before the code ever ran on them (format: `benchmarks/accuracy/README.md`). A
second line scores the held-out set the extractor was never tuned on
(`tests/data/unseen/` against `tests/data/golden/unseen/`); its golden files list what
must be found rather than everything there is, so its precision is a lower bound.

How an article is scored against its label: `accuracy_scoring.py`.

    python3 benchmarks/accuracy.py [--verbose] [--json] [--data DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable, Mapping
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from accuracy_scoring import FIGURE_KINDS, Score, Tally, pair, score_item  # noqa: E402 (a script's sibling)

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "accuracy"
UNSEEN = ROOT / "tests" / "data" / "unseen"
UNSEEN_GOLDEN = ROOT / "tests" / "data" / "golden" / "unseen"


# --- running the pipeline ---------------------------------------------------------------


def read_articles(path: Path) -> list[object]:
    from tui_reader.extract import enrich
    from tui_reader.sources.seeds import read_seed

    return [enrich(article) for article in read_seed(path, path.parent)]


def read_feed(path: Path, url: str, content_type: str, configured: list[str]) -> list[object]:
    """What a poll stores for this feed: `feed_worker.parse_job` without the store rows.
    `configured` are the feed config's `instruments = [...]`."""
    from tui_reader.extract import enrich
    from tui_reader.extract.boilerplate import strip_boilerplate
    from tui_reader.sources.feedparse import parse_feed

    document = (path.read_bytes(), {"content-type": content_type}, url)
    declared = _configured(configured)
    articles = (parse_feed(*document, declared=declared) if declared else parse_feed(*document)).articles
    for article in articles:
        if article.body:
            kept, removed = strip_boilerplate(article.body.split("\n\n"))
            if removed:
                article.body, article.removed = "\n\n".join(kept), removed
    return [enrich(article) for article in articles]


def _configured(codes: list[str]) -> list[object]:
    """The config's tickers and ISINs as the poll declares them; none on code that predates
    configured instruments, whose items then miss them (and the score says so)."""
    if not codes:
        return []
    try:
        from tui_reader.sources.feed_items import configured_instruments
    except ImportError:
        return []
    return list(configured_instruments(tuple(codes)))


def score_file(label_file: Mapping[str, object], data: Path) -> Score:
    path = data / str(label_file["file"])
    score = Score()
    try:
        if path.parent.name == "feeds":
            content_type = str(label_file.get("content_type", "application/xml"))
            configured = list(label_file.get("config_instruments", []))
            articles = read_feed(path, str(label_file["url"]), content_type, configured)
        else:
            articles = read_articles(path)
    except Exception as exc:  # noqa: BLE001 - a benchmark reports a crash on one file and goes on
        score.problems.append(f"{path.name}: {type(exc).__name__}: {exc}")
        articles = []
    for number, (label, article) in enumerate(pair(list(label_file["items"]), articles)):
        score.add(score_item(label, article, f"{path.name}[{number}]"))
    return score


def load_labels(data: Path) -> list[dict[str, object]]:
    return [json.loads(p.read_text("utf-8")) for p in sorted((data / "labels").glob("*.json"))]


def unseen_labels() -> Iterable[tuple[Path, list[dict[str, object]]]]:
    """The held-out golden files in the label format: primary and others as instruments."""
    for golden in sorted(UNSEEN_GOLDEN.glob("*.json")):
        seed = UNSEEN / golden.name.removesuffix(".json")
        items = []
        for expected in json.loads(golden.read_text("utf-8"))["articles"]:
            instruments = [expected["primary"]] + [{"isin": isin} for isin in expected.get("others", [])]
            items.append({"title": expected["title"], "published": expected["published"][:10],
                          "instruments": instruments, "figures": expected["figures"],
                          "not_figures": expected.get("not_figures", []),
                          "body_excludes": expected.get("body_excludes", [])})
        yield seed, items


def run(data: Path = DATA) -> dict[str, Score]:
    """Scores by part: articles-en, articles-de, feeds, and held-out."""
    parts: dict[str, Score] = {}
    for label_file in load_labels(data):
        name = Path(str(label_file["file"]))
        part = "feeds" if name.parent.name == "feeds" else f"articles-{name.name[:2]}"
        parts.setdefault(part, Score()).add(score_file(label_file, data))
    held_out = Score()
    for seed, items in unseen_labels():
        try:
            articles = read_articles(seed)
        except Exception as exc:  # noqa: BLE001 - reported like a missing article
            held_out.problems.append(f"{seed.name}: {type(exc).__name__}: {exc}")
            articles = []
        for number, (label, article) in enumerate(pair(items, articles)):
            held_out.add(score_item(label, article, f"unseen/{seed.name}[{number}]"))
    parts["held-out"] = held_out
    return parts


# --- report -----------------------------------------------------------------------------


def _row(name: str, tally: Tally) -> str:
    return f"  {name:<12} {tally.precision:9.3f} {tally.recall:7.3f} {tally.tp:5d} {tally.fp:4d} {tally.fn:4d}"


def labelled(parts: dict[str, Score]) -> Score:
    """All of our own labelled examples together (every part but the held-out set)."""
    total = Score()
    for name, score in parts.items():
        if name != "held-out":
            total.add(score)
    return total


def report(parts: dict[str, Score], verbose: bool) -> str:
    ours = labelled(parts)
    counts = ", ".join(f"{name} {score.items}" for name, score in parts.items() if name != "held-out")
    lines = [f"Labelled examples (benchmarks/accuracy/: {counts})",
             f"  {'kind':<12} {'precision':>9} {'recall':>7} {'tp':>5} {'fp':>4} {'fn':>4}"]
    lines += [_row(kind, ours.tallies[kind]) for kind in ("filing", *FIGURE_KINDS)]
    lines.append(_row("all figures", ours.figures))
    checks = [f"{name} {passed}/{total}" for name, (passed, total) in sorted(ours.checks.items())]
    lines += ["  " + "   ".join(checks[i:i + 4]) for i in range(0, len(checks), 4)]
    lines.append("By part           items   filing P / R      figures P / R")
    for name, score in parts.items():
        filing, figures = score.tallies["filing"], score.figures
        lines.append(f"  {name:<16} {score.items:4d}  {filing.precision:6.3f} / {filing.recall:5.3f}   "
                     f"{figures.precision:6.3f} / {figures.recall:5.3f}")
    if verbose:
        for name, score in parts.items():
            lines.append(f"\n{name}: {len(score.problems)} problems")
            lines += [f"  {problem}" for problem in score.problems]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--verbose", action="store_true", help="list every miss and extra")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--data", type=Path, default=DATA, help="folder with articles/, feeds/, labels/")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    parts = run(args.data)
    if args.json:
        scores = {"labelled": labelled(parts), **parts}
        out = {name: {**score.to_json(), **({"problems": score.problems} if args.verbose else {})}
               for name, score in scores.items()}
        print(json.dumps(out, indent=1, ensure_ascii=False))
    else:
        print(report(parts, args.verbose))
        print(f"({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
