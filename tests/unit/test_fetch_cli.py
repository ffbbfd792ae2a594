"""`tui-reader fetch` end to end: a real server on 127.0.0.1, a real store file."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from werkzeug import Request, Response

from tui_reader.cli import main
from tui_reader.cli.fetch import _Printer
from tui_reader.sources.feeds import SourceResult

DATA = Path(__file__).parent.parent / "data" / "feeds"
RSS = (DATA / "rss20.xml").read_bytes()
SUMMARY = re.compile(r"^polled (\d+) sources?: ([\d,]+) new, (\d+) errors?; listed in \d+\.\d\d s, complete in \d+\.\d\d s$")


pytestmark = pytest.mark.usefixtures("home")


def fetch(capsys, *args: str) -> tuple[int, list[str], str]:
    code = main(["fetch", *args])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


def test_lines_per_source_and_a_summary(http, tmp_path, capsys):
    http.expect_request("/rss").respond_with_data(RSS, content_type="application/rss+xml")
    http.expect_request("/gone").respond_with_data("gone", status=404)
    rss, gone = http.url_for("/rss"), http.url_for("/gone")
    db = str(tmp_path / "a.sqlite3")
    code, lines, err = fetch(capsys, "--feed", rss, "--feed", gone, "--db", db)
    assert code == 0
    assert sorted(lines[:2]) == sorted([f"{rss}   new 3", f"{gone}  error: HTTP 404 NOT FOUND"])
    assert SUMMARY.match(lines[2]).groups() == ("2", "3", "1")
    assert "\x1b" not in err  # piped: no progress bar
    code, lines, _ = fetch(capsys, "--feed", rss, "--db", db)
    assert lines[0] == f"{rss}  unchanged"
    assert main(["list", "--db", db]) == 0
    assert "Alibaba beats estimates" in capsys.readouterr().out


def test_exit_1_when_no_source_could_be_read(http, tmp_path, capsys):
    http.expect_request("/bad").respond_with_data(b"\x00\x01binary", content_type="application/octet-stream")
    code, lines, _ = fetch(capsys, "--feed", http.url_for("/bad"), "--db", str(tmp_path / "b.sqlite3"))
    assert code == 1
    assert lines[0].endswith("error: binary data, not a feed")


def test_config_feeds_and_seed_folders(http, tmp_path, capsys):
    http.expect_request("/rss").respond_with_data(RSS)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "story.txt").write_text("Siemens wins a rail order\n\nSiemens AG won an order worth EUR 1.2 billion.\n")
    (seeds / "picture.png").write_bytes(b"\x89PNG")
    config = tmp_path / "config.toml"
    config.write_text(
        f'bundled_seeds = false\nseeds = ["{seeds}"]\n[[feeds]]\nurl = "{http.url_for("/rss")}"\ntitle = "Wire"\n'
    )
    db = str(tmp_path / "c.sqlite3")
    code, lines, err = fetch(capsys, "--config", str(config), "--db", db)
    assert code == 0
    assert f"{seeds}  new 1" in [line.replace("   ", "  ").rstrip() for line in lines] or any(
        line.startswith(str(seeds)) and line.endswith("new 1") for line in lines
    )
    assert any(line.endswith("new 3") for line in lines)
    assert "skipped" in err and "picture.png" in err
    code, lines, _ = fetch(capsys, "--config", str(config), "--db", db, "--offline")
    assert len(lines) == 2 and lines[0].endswith("unchanged")


def test_usage_errors(tmp_path, capsys):
    assert main(["fetch", "--feed", "ftp://example.com/feed"]) == 2
    assert "not an http(s) URL" in capsys.readouterr().err
    assert main(["fetch", "--offline", "--feed", "https://example.com/feed"]) == 2
    assert main(["fetch", "--seeds", str(tmp_path / "missing")]) == 2
    assert "no such seed folder" in capsys.readouterr().err


def test_a_not_modified_repoll_never_loads_the_parser(http, tmp_path):
    """The re-poll must stay light: no feedparser, no extraction, no worker processes.
    (The `tui_reader.extract` package itself is loaded: it holds only `EXTRACTOR_VERSION`,
    which the store writes beside every article and the re-extraction check reads.)"""

    def etag(request: Request) -> Response:
        if request.headers.get("If-None-Match") == '"1"':
            return Response(status=304, headers={"ETag": '"1"'})
        return Response(RSS, headers={"ETag": '"1"'})

    http.expect_request("/rss").respond_with_handler(etag)
    db = str(tmp_path / "d.sqlite3")
    probe = (
        "import sys; from tui_reader.cli import main; code = main(sys.argv[1:]); "
        "print(sorted(m for m in ('concurrent.futures.process', 'feedparser', 'tui_reader.extract.instruments', "
        "'tui_reader.extract.figures', 'textual') if m in sys.modules)); "
        "sys.exit(code)"
    )
    args = [sys.executable, "-c", probe, "fetch", "--feed", http.url_for("/rss"), "--db", db]
    env = {**os.environ, "TUI_READER_HOME": str(tmp_path / "home")}
    first = subprocess.run(args, check=False, capture_output=True, text=True, env=env, timeout=60)
    assert first.returncode == 0, first.stderr
    assert "concurrent.futures.process" in first.stdout  # parsing happened in worker processes
    second = subprocess.run(args, check=False, capture_output=True, text=True, env=env, timeout=60)
    assert second.returncode == 0, second.stderr
    assert second.stdout.splitlines()[-1] == "[]"
    assert "unchanged" in second.stdout


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal():
    out, err = io.StringIO(), _Terminal()
    printer = _Printer(2, 10, out, err)
    printer.show(SourceResult("https://a.example/", "a", 2, "new"))
    printer.show(SourceResult("seeds:/tmp/s", "s", 0, "error", "HTTP 500 \x1b[31mbad"))
    printer.finish()
    assert out.getvalue().splitlines() == ["https://a.example/  new 2", "/tmp/s      error: HTTP 500 bad"]
    assert "[###############...............] 1/2 sources" in err.getvalue()
    assert err.getvalue().endswith("\r\x1b[K")


def test_a_bar_for_re_extraction_on_a_terminal(tmp_path):
    from tui_reader.extract import EXTRACTOR_VERSION
    from tui_reader.model import Article
    from tui_reader.sources.upkeep import reextract_pending
    from tui_reader.store import Store

    with Store.open(tmp_path / "s.sqlite3") as store:
        store.upsert_articles("seeds:/notes", [
            Article(id=f"n{n}", source="Notes", title=f"Siemens order number {n}", body=f"Siemens AG won order {n}.")
            for n in range(3)
        ])
        store._db.execute("UPDATE articles SET extractor = ?", (EXTRACTOR_VERSION - 1,))
        err = _Terminal()
        printer = _Printer(0, 0, io.StringIO(), err)
        assert reextract_pending(store, batch=2, on_batch=printer.refiling(store)) == 3
        printer.finish()
    assert "re-extracting 2/3 stored articles" in err.getvalue()
    assert "re-extracting 3/3 stored articles" in err.getvalue()
    assert _Printer(0, 0, io.StringIO(), io.StringIO()).refiling(store) is None  # piped: no bar
