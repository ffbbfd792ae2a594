"""`tui-reader extract`: the CONTRACT.md JSON, the readable report, and the exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui_reader.cli import main

VARIANTS = Path(__file__).resolve().parents[1] / "data" / "seed_variants"
FULL = VARIANTS / "portal_full.txt"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["extract", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_shape_for_the_worked_example(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(FULL), "--json")
    assert code == 0 and err == ""
    [article] = json.loads(out)
    assert {"path", "title", "published", "source", "url", "instruments", "figures", "body_chars", "removed"} <= set(article)
    assert article["path"] == str(FULL)
    assert article["published"] == "2026-11-03T07:15:42+01:00"
    assert article["source"] == "boerse-global.de" and article["url"] is None
    assert article["removed"] == ["promotional line: Should investors sell immediately? …", "ad block: 3 paragraphs"]
    primary = [i for i in article["instruments"] if i["primary"]]
    assert len(primary) == 1 and primary[0]["isin"] == "DE000NLE0014"
    assert article["body_chars"] > 400
    for figure in article["figures"]:
        assert figure["kind"] in {"money", "percent", "date", "multiple", "period"}
        assert {"text", "value", "context"} <= set(figure)
    assert "’" in out  # ensure_ascii=False: the apostrophe is written as itself


def test_folder_json_lists_every_article_and_reports_skips_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(VARIANTS), "--json")
    assert code == 0
    articles = json.loads(out)
    assert len(articles) == 19
    assert sum(a["path"].endswith("json_bad_item.json") for a in articles) == 2
    lines = err.splitlines()
    assert f"skipped {VARIANTS / 'empty.txt'}: empty file" in lines
    assert f"skipped {VARIANTS / 'binary_data.txt'}: binary file" in lines
    assert f"skipped {VARIANTS / '.DS_Store'}: hidden file" in lines
    assert f"skipped {VARIANTS / 'chart.png'}: not a seed format (.png)" in lines
    assert f"skipped {VARIANTS / 'json_bad_item.json'}[1]: no title" in lines
    assert all(line.startswith("skipped ") for line in lines)


def test_readable_report(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(FULL))
    assert code == 0
    assert "title      Nordlicht Energie’s Offshore Gamble" in out
    assert "published  2026-11-03 07:15:42+01:00" in out
    assert "source     boerse-global.de" in out
    assert "* Nordlicht Energie  DE000NLE0014" in out
    assert "promotional line: Should investors sell immediately? …" in out and "ad block: 3 paragraphs" in out
    assert "figures" in out


def test_nothing_read_exits_1_with_the_skips_on_stderr_and_json_on_stdout(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A binary file alone printed `[]` and exited 0, as if it were an article-free success."""
    code, out, err = run(capsys, str(VARIANTS / "binary_data.txt"), "--json")
    assert (code, json.loads(out)) == (1, [])
    assert err == f"skipped {VARIANTS / 'binary_data.txt'}: binary file\n"
    code, out, err = run(capsys, str(VARIANTS / "empty.txt"))
    assert (code, out) == (1, "") and err == f"skipped {VARIANTS / 'empty.txt'}: empty file\n"
    code, out, err = run(capsys, str(tmp_path), "--json")  # an empty folder
    assert (code, json.loads(out)) == (1, []) and err == f"no seed files in {tmp_path}\n"
    # One article read among skipped files is success.
    code, out, _ = run(capsys, str(VARIANTS / "empty.txt"), str(FULL), "--json")
    assert code == 0 and len(json.loads(out)) == 1


def test_missing_path_is_a_usage_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, str(FULL), str(tmp_path / "nope.txt"))
    assert code == 2 and out == ""
    assert err == f"error: no such file or directory: {tmp_path / 'nope.txt'}\n"


def test_no_paths_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys)
    assert code == 2 and err.startswith("error: ")


def test_hostile_text_reaches_stdout_without_escapes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    seed = tmp_path / "evil.txt"
    seed.write_bytes(b"Evil \x1b]0;pwned\x07Title\x1b[2J\n\nBody \x1b[31mred\x1b[0m text.")
    code, out, _ = run(capsys, str(seed))
    assert code == 0 and "\x1b" not in out and "\x07" not in out
    assert "title      Evil Title" in out


def test_hostile_file_names_reach_neither_stream_with_escapes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "evil\x1b]0;pwned\x07.bin").write_bytes(b"\x00\x01")
    (tmp_path / "news\x1b[2J.txt").write_text("Siemens wins a rail order\n\nSiemens AG won an order.\n")
    code, out, err = run(capsys, str(tmp_path))
    # Each escape goes whole, so no "[2J" or "]0;pwned" residue is printed either.
    assert code == 0 and "skipped" in err and f"{tmp_path}/news.txt\n" in out
    assert f"skipped {tmp_path}/evil.bin: " in err
    assert "\x1b" not in out + err and "\x07" not in out + err


def test_a_usage_error_naming_a_hostile_path_is_printable(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, str(tmp_path / "gone\x1b[31m\u202e\n.txt"))
    assert code == 2
    assert err == f"error: no such file or directory: {tmp_path}/gone .txt\n"


def test_an_article_that_names_no_source_reports_null(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(VARIANTS / "portal_no_footer.txt"), str(VARIANTS / "json_single.json"), "--json")
    assert code == 0
    sources = [article["source"] for article in json.loads(out)]
    assert None in sources and not any(s and s.startswith("seed:") for s in sources)
    code, out, _ = run(capsys, str(VARIANTS / "portal_no_footer.txt"))
    assert "source     none given" in out


def test_the_reader_still_labels_a_sourceless_article_by_its_folder() -> None:
    from tui_reader.sources.seeds import scan

    articles, _ = scan([VARIANTS / "portal_no_footer.txt"])
    assert articles[0].source == "seed:seed_variants"
