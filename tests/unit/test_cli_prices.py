"""`tui-reader prices` end to end through `cli.main`, on the bundled CSVs and a real store."""

from __future__ import annotations

import json
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from tui_reader.cli import main
from tui_reader.model import PricePoint
from tui_reader.prices import yahoo

PRICES = Path(__file__).resolve().parents[2] / "seeds" / "prices"


@pytest.fixture
def seeds(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("TUI_READER_HOME", str(tmp_path / "home"))
    folder = tmp_path / "seeds"
    (folder / "prices").mkdir(parents=True)
    for name in ("BABA.csv", "9988.HK.csv", "SAP.csv"):
        shutil.copy(PRICES / name, folder / "prices" / name)
    return folder


def run(*argv: str | Path) -> int:
    return main([str(a) for a in argv])


def test_offline_isin_prints_the_csv_series(seeds, tmp_path, capsys):
    assert run("prices", "US01609W1027", "--offline", "--seeds", seeds, "--db", tmp_path / "db.sqlite3") == 0
    lines = capsys.readouterr().out.splitlines()
    # Default window: the latest six months of the CSV, which ends on 2026-03-30.
    assert lines[0] == "BABA  US01609W1027  USD  source csv  126 closes  2025-09-29..2026-03-30"
    assert lines[1] == "2025-09-29  179.90"
    assert lines[-1] == "2026-03-30  121.98"


def test_json_matches_the_contract(seeds, tmp_path, capsys):
    code = run("prices", "BABA", "--start", "2026-01-28", "--end", "2026-01-29", "--offline", "--seeds", seeds,
               "--db", tmp_path / "db.sqlite3", "--json")
    assert code == 0
    assert json.loads(capsys.readouterr().out) == {
        "symbol": "BABA", "isin": "US01609W1027", "currency": "USD", "source": "csv",
        "closes": [{"date": "2026-01-28", "close": 175.66}, {"date": "2026-01-29", "close": 174.25}],
    }


def test_sap_isin_falls_back_to_the_adr_and_says_so(seeds, tmp_path, capsys):
    assert run("prices", "DE0007164600", "--offline", "--seeds", seeds, "--db", tmp_path / "db.sqlite3", "--json") == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["symbol"], out["currency"], out["closes"][-1]) == ("SAP", "USD", {"date": "2024-03-08", "close": 192.990005})


def test_a_symbol_shown_another_line_s_prices_says_so(seeds, tmp_path, capsys):
    assert run("prices", "SAP.DE", "--offline", "--seeds", seeds, "--db", tmp_path / "db.sqlite3") == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("SAP  ") and "note: no prices for SAP.DE; these are SAP's" in captured.err
    run("prices", "DE0007164600", "--offline", "--seeds", seeds, "--db", tmp_path / "db.sqlite3")
    assert "note:" not in capsys.readouterr().err  # must not match: an ISIN names the company, not a line


def test_no_data_offline_is_exit_1_with_the_contract_message(seeds, tmp_path, capsys):
    assert run("prices", "MSFT", "--offline", "--seeds", seeds, "--db", tmp_path / "db.sqlite3") == 1
    captured = capsys.readouterr()
    assert captured.err == "error: no prices for MSFT (offline; no cache or CSV)\n"
    assert captured.out == ""


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["US01609W1028"], "error: US01609W1028 is not a valid ISIN (check digit)\n"),
        (["BABA", "--start", "2026-02-30"], "error: --start '2026-02-30' is not a date (YYYY-MM-DD)\n"),
        (["BABA", "--start", "2026-02-01", "--end", "2026-01-01"], "error: --start 2026-02-01 is after --end 2026-01-01\n"),
    ],
)
def test_bad_usage_is_exit_2(seeds, tmp_path, capsys, argv, message):
    assert run("prices", *argv, "--offline", "--seeds", seeds, "--db", tmp_path / "db.sqlite3") == 2
    assert capsys.readouterr().err == message


def test_online_fills_the_cache_and_then_uses_it(seeds, tmp_path, capsys, monkeypatch):
    calls = []
    today = date.today()
    recent = [PricePoint(today - timedelta(days=n), 150.0 + n) for n in range(10, 0, -1)]

    def fetch_daily(symbol, start, end, timeout):
        calls.append(symbol)
        return recent, "USD"

    monkeypatch.setattr(yahoo, "fetch_daily", fetch_daily)
    db = tmp_path / "db.sqlite3"
    for expected in ("yahoo", "cache"):
        assert run("prices", "US01609W1027", "--seeds", seeds, "--db", db, "--json") == 0
        out = json.loads(capsys.readouterr().out)
        assert out["source"] == expected
        assert out["closes"][-1] == {"date": recent[-1].day.isoformat(), "close": recent[-1].close}
    assert calls == ["BABA"]
    # Offline the cached Yahoo series answers first, as the chain promises.
    assert run("prices", "BABA", "--offline", "--seeds", seeds, "--db", db, "--json") == 0
    assert json.loads(capsys.readouterr().out)["source"] == "cache"


def test_yahoo_reasons_reach_stderr_without_escapes(seeds, tmp_path, capsys, monkeypatch):
    def fetch_daily(symbol, start, end, timeout):
        raise yahoo.YahooError("HTTP 500 \x1b[31mboom\u202e\nagain")

    monkeypatch.setattr(yahoo, "fetch_daily", fetch_daily)
    db = tmp_path / "db.sqlite3"
    assert run("prices", "NOPE", "--seeds", seeds, "--db", db) == 1
    assert capsys.readouterr().err == "error: no prices for NOPE (HTTP 500 boom again)\n"
    # A CSV still answers; Yahoo's reason is a warning, printed the same way.
    assert run("prices", "BABA", "--seeds", seeds, "--db", db, "--start", "2020-01-01") == 0
    assert "warning: HTTP 500 boom again\n" in capsys.readouterr().err
