"""First poll and re-poll of 200 feeds × 50 items: `tui-reader fetch` next to newsboat.

Both read the same feeds from the same nginx on 127.0.0.1 in the same run. nginx (not a
Python server, which would be the bottleneck) serves static files and answers
If-None-Match / If-Modified-Since with 304 by itself. Each tool gets a fresh cache and
polls twice: the first poll downloads, parses, extracts and stores everything; the
second finds every feed unchanged.

Needs Debian's `nginx` and `newsboat` (`apt-get install -y nginx newsboat`).
Usage: python benchmarks/poll_bench.py [--feeds 200] [--items 50] [--rounds 3]
Touches only 127.0.0.1 and a temporary folder; stops nginx by itself.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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


def timed(args: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (user+sys of the process and its children), stdout."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=600)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"{args[0]} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stdout


def one_round(root: Path, urls: list[str], items: int, round_no: int) -> dict[str, tuple[float, float]]:
    work = root / f"round{round_no}"
    work.mkdir()
    times: dict[str, tuple[float, float]] = {}

    nb_home = work / "newsboat-home"
    nb_home.mkdir()
    (work / "urls").write_text("\n".join(urls) + "\n")
    (work / "newsboat.conf").write_text("")
    nb_env = {**os.environ, "HOME": str(nb_home), "XDG_CONFIG_HOME": str(nb_home), "XDG_DATA_HOME": str(nb_home)}
    newsboat = ["newsboat", "-u", str(work / "urls"), "-c", str(work / "newsboat.db"),
                "-C", str(work / "newsboat.conf"), "-x", "reload"]
    for label in ("newsboat first", "newsboat again"):
        wall, cpu, _ = timed(newsboat, nb_env)
        times[label] = (wall, cpu)

    home = work / "tui-home"
    (home / "config").mkdir(parents=True)
    config = home / "config" / "config.toml"
    config.write_text("bundled_seeds = false\n" + "".join(f'[[feeds]]\nurl = "{u}"\n' for u in urls))
    env = {**os.environ, "TUI_READER_HOME": str(home)}
    fetch = [sys.executable, "-m", "tui_reader", "fetch", "--config", str(config), "--db", str(work / "tui.sqlite3")]
    for label, expect in (("tui-reader first", "new"), ("tui-reader again", "unchanged")):
        wall, cpu, out = timed(fetch, env)
        lines = out.splitlines()
        outcomes = [line.rsplit("  ", 1)[-1] for line in lines[:-1]]
        wrong = [o for o in outcomes if not o.startswith(expect)]
        if wrong or len(outcomes) != len(urls):
            sys.exit(f"{label}: expected {len(urls)} x {expect!r}, got {wrong[:3]} ({len(outcomes)} lines)")
        times[label] = (wall, cpu)
        print(f"  round {round_no} {label}: {lines[-1]}")

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
    for tool in ("nginx", "newsboat"):
        if shutil.which(tool) is None and not Path(f"/usr/sbin/{tool}").exists():
            sys.exit(f"{tool} is not installed: apt-get install -y nginx newsboat")

    root = Path(tempfile.mkdtemp(prefix="poll-bench-"))
    root.chmod(0o755)  # nginx workers run as nobody
    port = free_port()
    (root / "tmp").mkdir()
    www = root / "www" / "feeds"
    www.mkdir(parents=True)
    for n in range(args.feeds):
        (www / f"f{n}.xml").write_text(feed_document(n, args.items, port), encoding="utf-8")
    urls = [f"http://127.0.0.1:{port}/feeds/f{n}.xml" for n in range(args.feeds)]
    size = sum(p.stat().st_size for p in www.iterdir())
    (root / "nginx.conf").write_text(NGINX_CONF.format(root=root, port=port))
    nginx_bin = shutil.which("nginx") or "/usr/sbin/nginx"
    nginx = subprocess.Popen(
        [nginx_bin, "-c", str(root / "nginx.conf"), "-p", str(root), "-e", str(root / "nginx-error.log")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(port, nginx)
        print(f"{args.feeds} feeds x {args.items} items ({size / 1e6:.1f} MB) on nginx at 127.0.0.1:{port}, "
              f"{os.cpu_count()} CPUs, {args.rounds} rounds")
        rounds = [one_round(root, urls, args.items, r + 1) for r in range(args.rounds)]
    finally:
        nginx.terminate()
        try:
            nginx.wait(timeout=10)
        except subprocess.TimeoutExpired:
            nginx.kill()
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)

    print()
    print(f"{'':18} {'median wall s':>13} {'min wall s':>10} {'median CPU s':>12}")
    for label in rounds[0]:
        walls = [r[label][0] for r in rounds]
        cpus = [r[label][1] for r in rounds]
        print(f"{label:18} {statistics.median(walls):13.2f} {min(walls):10.2f} {statistics.median(cpus):12.2f}")
    nb_first = statistics.median(r["newsboat first"][0] for r in rounds)
    nb_again = statistics.median(r["newsboat again"][0] for r in rounds)
    tr_first = statistics.median(r["tui-reader first"][0] for r in rounds)
    tr_again = statistics.median(r["tui-reader again"][0] for r in rounds)
    print()
    print(f"first poll: tui-reader / newsboat = {tr_first / nb_first:.2f} (target <= 1.00)")
    print(f"re-poll:    tui-reader / newsboat = {tr_again / nb_again:.2f} (target <= 0.20)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
