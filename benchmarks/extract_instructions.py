"""Instructions per article that `enrich` executes, counted by valgrind's callgrind.

Seconds on a shared 2-core machine move by 10 % and more from one minute to the next;
instruction counts do not (the same code and input give the same count, whatever else
runs). So a change to the extractor is compared by this figure: it runs the
`extract_rate.py` corpus under callgrind twice, extracting 1 and then 1 + N articles
(imports, the directory and the warm-up are in both), and prints the difference per
article. Takes about a minute for the default 200 articles; needs `valgrind`.

    python benchmarks/extract_instructions.py [--articles 200]

Compare two versions with the same command, e.g. the older one from a git worktree:
`PYTHONPATH=/tmp/old python /tmp/old/benchmarks/extract_instructions.py`.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def _extract(count: int) -> None:
    """The measured process: `count` articles of the extract_rate corpus through `enrich`."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from extract_rate import make_article

    from tui_reader.extract import enrich
    from tui_reader.sources.seeds import read_seed

    rng = random.Random(7)
    folder = Path(tempfile.mkdtemp())
    articles = []
    for index in range(count + 1):
        path = folder / f"a{index}.txt"
        path.write_text(make_article(rng, index), "utf-8")
        articles.extend(read_seed(path, folder))
    for article in articles[:count + 1]:
        enrich(article)
    shutil.rmtree(folder)


def _instructions(count: int) -> int:
    run = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, __file__,
         "--inner", str(count)],
        capture_output=True, text=True, check=True,
    )
    collected = re.search(r"Collected : (\d+)", run.stderr)
    if collected is None:
        raise SystemExit(f"valgrind printed no instruction count:\n{run.stderr[-500:]}")
    return int(collected.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--inner", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inner is not None:
        _extract(args.inner)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("needs valgrind (Debian: apt-get install valgrind)")
    base, loaded = _instructions(0), _instructions(args.articles)
    per_article = (loaded - base) / args.articles
    print(f"{per_article / 1e6:.3f} M instructions per article "
          f"({args.articles} articles; {base / 1e6:,.0f} M for start-up and one article)")


if __name__ == "__main__":
    main()
