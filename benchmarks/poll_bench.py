"""First poll and re-poll of 200 feeds × 50 items: `tui-reader fetch` next to newsboat.

Both read the same feeds from the same nginx on 127.0.0.1 in the same run. nginx (not a
Python server, which would be the bottleneck) serves static files and answers
If-None-Match / If-Modified-Since with 304 by itself. Each tool gets a fresh cache and
polls twice: the first poll downloads, parses, extracts and stores everything; the
second finds every feed unchanged. For tui-reader's first poll three times count, each
from the start of the process: `listed` (every article stored with its instruments:
in the lists, searchable; fetch's own summary line says when), `complete` (key figures
too) and the wall time to exit. newsboat has one stage: listed = complete = its wall.

After the timings it measures, in this process, what each step costs per feed (first
poll) and per re-poll, and names what dominates.

Needs Debian's `nginx` and `newsboat`; run as root it installs them with apt-get when
they are missing. Usage: python benchmarks/poll_bench.py [--feeds 200] [--items 50] [--rounds 3]
Touches only 127.0.0.1 and a temporary folder; stops nginx by itself.

Start-up is part of the re-poll, so run it with the interpreter of a clean install to
measure what users get (`python -m venv v && v/bin/pip install . && v/bin/python
benchmarks/poll_bench.py`): a development environment with extra packages costs more
(with `click` installed, importing httpx also loads its command-line client and Rich;
measured here: httpx imports in ~55 ms clean, ~115 ms in the dev environment).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from poll_bench_steps import first_poll_steps, repoll_steps  # noqa: E402 (a script's sibling)

SUMMARY_TIMES = re.compile(r"listed in (\d+\.\d\d) s, complete in (\d+\.\d\d) s$")
TARGETS = {"listed": 1.0, "complete": 1.3, "re-poll": 0.15}
"""tui-reader / newsboat in the same runs (issue 14)."""

COMPANIES = [
    ("Alibaba Group", "NYSE: BABA", "yuan"),
    ("Nvidia", "NASDAQ: NVDA", "dollars"),
    ("SAP", "XETRA: SAP", "euros"),
    ("Tesla", "NASDAQ: TSLA", "dollars"),
    ("Siemens", "XETRA: SIE", "euros"),
    ("Apple", "NASDAQ: AAPL", "dollars"),
    ("Tencent", "HKEX: 0700", "yuan"),
    ("Microsoft", "NASDAQ: MSFT", "dollars"),
]


def feed_document(feed: int, items: int, port: int) -> str:
    """An RSS 2.0 feed shaped like a news wire's: HTML descriptions of a few paragraphs."""
    entries = []
    for i in range(items):
        name, listing, currency = COMPANIES[(feed + i) % len(COMPANIES)]
        growth = (feed * 7 + i * 3) % 40 + 1
        body = (
            f"<p>{name} ({listing}) reported quarterly revenue of {growth * 3}.{i % 10} billion {currency}, "
            f"up {growth}% from a year earlier, and raised its outlook for the next three years.</p>"
            f"<p>Shares rose {growth / 10:.1f}% in early trading on February {i % 27 + 1}, 2026. "
            f"Analysts had expected about {growth * 3 - 1} billion {currency}; the company now sees margins "
            f"between {growth % 20 + 10}% and {growth % 20 + 14}%.</p>"
            f"<p>Feed {feed}, story {i}: the board also approved a buyback of up to 5 billion {currency}.</p>"
        )
        entries.append(
            f"<item><title>{name} beats estimates in story {feed}-{i}</title>"
            f"<link>http://127.0.0.1:{port}/news/{feed}/{i}.html</link>"
            f"<guid isPermaLink=\"true\">http://127.0.0.1:{port}/news/{feed}/{i}.html</guid>"
            f"<pubDate>Mon, {i % 28 + 1:02d} Feb 2026 {i % 24:02d}:{feed % 60:02d}:00 +0000</pubDate>"
            f"<description><![CDATA[{body}]]></description></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>Wire {feed}</title><link>http://127.0.0.1:{port}/</link><description>Bench feed</description>"
        + "\n".join(entries)
        + "</channel></rss>\n"
    )


NGINX_CONF = """\
daemon off;
worker_processes 2;
pid {root}/nginx.pid;
error_log {root}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {root}/tmp/body;
    proxy_temp_path {root}/tmp/proxy;
    fastcgi_temp_path {root}/tmp/fastcgi;
    uwsgi_temp_path {root}/tmp/uwsgi;
    scgi_temp_path {root}/tmp/scgi;
    types {{ application/rss+xml xml; }}
    default_type application/octet-stream;
    keepalive_requests 10000;
    server {{
        listen 127.0.0.1:{port};
        root {root}/www;
        etag on;
    }}
}}
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(port: int, nginx: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if nginx.poll() is not None:
            sys.exit(f"nginx exited with {nginx.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    sys.exit("nginx did not start within 10 s")


def timed(args: list[str], env: dict[str, str]) -> tuple[float, float, float, str]:
    """Wall seconds, CPU seconds of the process and every descendant (user+sys), CPU
    seconds of the process alone, stdout.

    Parser workers are grandchildren (forkserver → worker) that outlive `fetch` by a
    moment; as child subreaper we inherit and reap them, so their CPU time counts too.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        child = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=errors, text=True)
        assert child.stdout is not None
        stdout = child.stdout.read()
        _, status, own = os.wait4(child.pid, 0)  # unlike wait(), says what the process itself used
        wall = time.perf_counter() - start
        errors.seek(0)
        stderr = errors.read().decode(errors="replace")
    _reap_orphans()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{args[0]} failed ({os.waitstatus_to_exitcode(status)}):\n{stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, own.ru_utime + own.ru_stime, stdout


_SERVER_PIDS: set[int] = set()
"""Our own long-running children (nginx), never waited for by `_reap_orphans`."""


def _become_subreaper() -> None:
    import ctypes

    pr_set_child_subreaper = 36
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_child_subreaper, 1, 0, 0, 0)


def _reap_orphans() -> None:
    me = os.getpid()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        orphans = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit() and int(entry.name) not in _SERVER_PIDS:
                try:
                    if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == me:
                        orphans.append(int(entry.name))
                except (OSError, IndexError, ValueError):
                    continue
        if not orphans:
            return
        for pid in orphans:
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                continue


def ensure_tools() -> None:
    missing = [t for t in ("nginx", "newsboat") if shutil.which(t) is None and not Path(f"/usr/sbin/{t}").exists()]
    if not missing:
        return
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        sys.exit(f"{' and '.join(missing)} not installed: apt-get install -y nginx newsboat")
    print(f"installing {' '.join(missing)} with apt-get ...")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "install", "-y", "--no-install-recommends", *missing], env=env, check=True,
                   stdout=subprocess.DEVNULL)


def one_round(root: Path, urls: list[str], items: int, round_no: int) -> dict[str, tuple[float, float, float]]:
    work = root / f"round{round_no}"
    work.mkdir()
    times: dict[str, tuple[float, float, float]] = {}
    """label → (wall s, CPU s with every descendant, CPU s of the process alone)"""

    nb_home = work / "newsboat-home"
    nb_home.mkdir()
    (work / "urls").write_text("\n".join(urls) + "\n")
    (work / "newsboat.conf").write_text("")
    nb_env = {**os.environ, "HOME": str(nb_home), "XDG_CONFIG_HOME": str(nb_home), "XDG_DATA_HOME": str(nb_home)}
    newsboat = ["newsboat", "-u", str(work / "urls"), "-c", str(work / "newsboat.db"),
                "-C", str(work / "newsboat.conf"), "-x", "reload"]
    for label in ("newsboat first", "newsboat again"):
        wall, cpu, own, _ = timed(newsboat, nb_env)
        times[label] = (wall, cpu, own)

    home = work / "tui-home"
    (home / "config").mkdir(parents=True)
    config = home / "config" / "config.toml"
    config.write_text("bundled_seeds = false\n" + "".join(f'[[feeds]]\nurl = "{u}"\n' for u in urls))
    env = {**os.environ, "TUI_READER_HOME": str(home)}
    fetch = [sys.executable, "-m", "tui_reader", "fetch", "--config", str(config), "--db", str(work / "tui.sqlite3")]
    for label, expect in (("tui-reader first", "new"), ("tui-reader again", "unchanged")):
        wall, cpu, own, out = timed(fetch, env)
        lines = out.splitlines()
        outcomes = [line.rsplit("  ", 1)[-1] for line in lines[:-1]]
        wrong = [o for o in outcomes if not o.startswith(expect)]
        if wrong or len(outcomes) != len(urls):
            sys.exit(f"{label}: expected {len(urls)} x {expect!r}, got {wrong[:3]} ({len(outcomes)} lines)")
        times[label] = (wall, cpu, own)
        print(f"  round {round_no} {label}: {lines[-1]}")
        stamps = SUMMARY_TIMES.search(lines[-1])
        if stamps is None:
            sys.exit(f"{label}: no 'listed in …, complete in …' in {lines[-1]!r}")
        if expect == "new":
            times["tui-reader listed"] = (float(stamps[1]), cpu, own)
            times["tui-reader complete"] = (float(stamps[2]), cpu, own)

    from tui_reader.store import Store

    with Store.open(work / "tui.sqlite3") as store:
        stored = store.counts().total
    if stored != len(urls) * items:
        sys.exit(f"tui-reader stored {stored} articles, expected {len(urls) * items}")
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    ensure_tools()

    root = Path(tempfile.mkdtemp(prefix="poll-bench-"))
    root.chmod(0o755)  # nginx workers run as nobody
    port = free_port()
    (root / "tmp").mkdir()
    www = root / "www" / "feeds"
    www.mkdir(parents=True)
    documents = [feed_document(n, args.items, port).encode() for n in range(args.feeds)]
    for n, document in enumerate(documents):
        (www / f"f{n}.xml").write_bytes(document)
    urls = [f"http://127.0.0.1:{port}/feeds/f{n}.xml" for n in range(args.feeds)]
    size = sum(p.stat().st_size for p in www.iterdir())
    (root / "nginx.conf").write_text(NGINX_CONF.format(root=root, port=port))
    nginx_bin = shutil.which("nginx") or "/usr/sbin/nginx"
    _become_subreaper()
    nginx = subprocess.Popen(
        [nginx_bin, "-c", str(root / "nginx.conf"), "-p", str(root), "-e", str(root / "nginx-error.log")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    _SERVER_PIDS.add(nginx.pid)
    try:
        wait_for(port, nginx)
        print(f"{args.feeds} feeds x {args.items} items ({size / 1e6:.1f} MB) on nginx at 127.0.0.1:{port}, "
              f"{os.cpu_count()} CPUs, {args.rounds} rounds")
        rounds = [one_round(root, urls, args.items, r + 1) for r in range(args.rounds)]
        steps = first_poll_steps(documents, urls, root)
        again = repoll_steps(urls, root / f"round{args.rounds}" / "tui.sqlite3")
    finally:
        nginx.terminate()
        try:
            nginx.wait(timeout=10)
        except subprocess.TimeoutExpired:
            nginx.kill()
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)

    print()
    print(f"{'':18} {'median wall s':>13} {'min wall s':>10} {'median CPU s':>12} {'of it, parent':>13}")
    for label in rounds[0]:
        walls = [r[label][0] for r in rounds]
        cpus = [r[label][1] for r in rounds]
        own = [r[label][2] for r in rounds]
        print(f"{label:18} {statistics.median(walls):13.2f} {min(walls):10.2f} {statistics.median(cpus):12.2f} "
              f"{statistics.median(own):13.2f}")
    print("  (parent: the command's own process; the rest is its parser processes and their forkserver)")
    def median(label: str) -> float:
        return statistics.median(r[label][0] for r in rounds)

    nb_first, nb_again = median("newsboat first"), median("newsboat again")
    ratios = {
        "listed": median("tui-reader listed") / nb_first,
        "complete": median("tui-reader complete") / nb_first,
        "re-poll": median("tui-reader again") / nb_again,
    }
    print()
    print(f"tui-reader / newsboat, medians of {len(rounds)} runs side by side (newsboat: "
          f"first {nb_first:.2f} s, again {nb_again:.2f} s)")
    for name, ratio in ratios.items():
        verdict = "ok" if ratio <= TARGETS[name] else "MISSED"
        print(f"  {name:9} {ratio:5.2f}  (target <= {TARGETS[name]:.2f}: {verdict})")
    per_round = ", ".join(
        f"{r['tui-reader listed'][0] / r['newsboat first'][0]:.2f}/{r['tui-reader complete'][0] / r['newsboat first'][0]:.2f}"
        f"/{r['tui-reader again'][0] / r['newsboat again'][0]:.2f}" for r in rounds
    )
    print(f"  per round, listed/complete/re-poll: {per_round}")
    print()
    print(f"first poll, CPU ms per {args.items}-item feed    (x {args.feeds} feeds, {os.cpu_count()} CPUs)")
    for label, ms in steps:
        print(f"  {label:36} {ms:7.2f}")
    print(f"re-poll of {args.feeds} unchanged feeds, wall ms")
    for label, ms in again:
        print(f"  {label:36} {ms:7.0f}")
    workers = sum(ms for label, ms in steps if "parent" not in label)
    parent = sum(ms for label, ms in steps if "parent" in label)
    top = max(steps, key=lambda s: s[1])
    top_again = max(again, key=lambda s: s[1])
    print()
    print(f"dominates: first poll {top[0]} ({top[1] / (workers + parent):.0%} of {workers + parent:.1f} ms CPU per feed; "
          f"workers {workers:.1f} ms in parallel, parent {parent:.1f} ms); "
          f"re-poll {top_again[0]} ({top_again[1]:.0f} of {sum(ms for _, ms in again):.0f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
