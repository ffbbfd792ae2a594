"""The price CSV reader on the bundled real files and on hand-made variants."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tui_reader.model import PricePoint
from tui_reader.prices.csvfiles import BadCsv, find_csv, read_csv

REPO = Path(__file__).resolve().parents[2]
BUNDLED = REPO / "seeds" / "prices"
VARIANTS = REPO / "tests" / "data" / "prices"


def close_on(points: list[PricePoint], day: str) -> float:
    return next(p.close for p in points if p.day == date.fromisoformat(day))


def test_bundled_baba_has_every_row_and_the_seed_day_close():
    series = read_csv(BUNDLED / "BABA.csv")
    assert len(series.points) == 501
    assert series.points[0] == PricePoint(date(2024, 4, 1), 73.37)
    assert close_on(series.points, "2026-01-29") == 174.25
    assert series.warnings == []


def test_hong_kong_holiday_stubs_are_not_trading_days():
    series = read_csv(BUNDLED / "9988.HK.csv")
    days = {p.day for p in series.points}
    assert len(series.points) == 1228 - 9
    for stub in ("2022-01-31", "2024-12-24", "2025-12-31", "2026-02-16"):
        assert date.fromisoformat(stub) not in days
    assert date(2026, 2, 13) in days
    assert series.warnings == [], "stubs are data, not damage: no warning"


def test_verbatim_yahoo_export_without_final_newline():
    raw = (BUNDLED / "SAP.csv").read_bytes()
    assert not raw.endswith(b"\n"), "the fixture must keep its missing final newline"
    series = read_csv(BUNDLED / "SAP.csv")
    assert len(series.points) == 6084
    assert series.points[-1] == PricePoint(date(2024, 3, 8), 192.990005)


def test_missing_adj_close_blank_lines_crlf_and_a_null_row():
    series = read_csv(VARIANTS / "NOADJ.csv")
    assert series.points == [
        PricePoint(date(2024, 3, 4), 10.5),
        PricePoint(date(2024, 3, 5), 11.25),
        PricePoint(date(2024, 3, 7), 11.1),
    ]
    assert series.warnings == ["line 5: close 'null' is not a positive number"]


def test_bom_lowercase_reordered_columns_timestamps_and_bad_rows():
    series = read_csv(VARIANTS / "TIINGO.csv")
    assert series.points == [PricePoint(date(2024, 4, 1), 73.37), PricePoint(date(2024, 4, 2), 72.6)]
    assert series.warnings == [
        "line 4: 2024-04-02 appears twice; the later row wins",
        "line 5: date 'not-a-date' is not YYYY-MM-DD",
        "line 6: close '-3' is not a positive number",
    ]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"\n\n  \n", "empty file"),
        (b"Date,Open,High,Low,Close,Adj Close,Volume\n", "no valid rows"),
        (b"Date,Close\nyesterday,abc\n", "no valid rows (1 skipped)"),
        (b"Ticker,Price\nBABA,174.25\n", "no Date and Close columns"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe", "not a UTF-8 text file"),
    ],
)
def test_unusable_files_raise_with_a_reason(tmp_path: Path, content: bytes, reason: str):
    path = tmp_path / "X.csv"
    path.write_bytes(content)
    with pytest.raises(BadCsv) as caught:
        read_csv(path)
    assert caught.value.reason.startswith(reason)


def test_a_changed_file_is_read_again(tmp_path: Path):
    path = tmp_path / "X.csv"
    path.write_text("Date,Close\n2024-01-02,1.5\n")
    assert read_csv(path).points == [PricePoint(date(2024, 1, 2), 1.5)]
    path.write_text("Date,Close\n2024-01-02,1.5\n2024-01-03,1.75\n")
    assert len(read_csv(path).points) == 2


def test_find_csv_matches_the_stem_case_insensitively_in_the_first_folder(tmp_path: Path):
    first, second = tmp_path / "a", tmp_path / "b"
    (first / "prices").mkdir(parents=True)
    (second / "prices").mkdir(parents=True)
    (first / "prices" / "baba.CSV").write_text("Date,Close\n2024-01-02,1\n")
    (second / "prices" / "BABA.csv").write_text("Date,Close\n2024-01-02,2\n")
    (second / "prices" / "9988.HK.csv").write_text("Date,Close\n2024-01-02,3\n")
    missing = tmp_path / "missing"
    assert find_csv("BABA", [missing, first, second]) == first / "prices" / "baba.CSV"
    assert find_csv("9988.hk", [first, second]) == second / "prices" / "9988.HK.csv"
    assert find_csv("BAB", [first, second]) is None
    assert find_csv("SAP", [BUNDLED.parent]) == BUNDLED / "SAP.csv"
