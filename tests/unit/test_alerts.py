"""Alerts: which new articles alert, and a notify command that gets text, not a shell."""

from __future__ import annotations

import json
import stat
import sys
from datetime import UTC, date, datetime
from pathlib import Path

from tui_reader.alerts import Alert, alerts_for, notify
from tui_reader.model import Article, Instrument, KeyFigure
from tui_reader.query.saved import saved_search

TODAY = date(2026, 12, 6)
HOSTILE = 'Apple "; rm -rf ~; echo $(id) `uname` | tee /tmp/x & $HOME\n[red]bold[/]'


def _article(n: int, title: str, ticker: str, *figures: KeyFigure) -> Article:
    return Article(
        id=f"a{n}", source="test", title=title, body="", url=f"https://example.com/{n}",
        published=datetime(2026, 12, 5, tzinfo=UTC),
        instruments=[Instrument(None, ticker, None, primary=True)], figures=list(figures),
    )


def test_watchlist_and_alerting_searches_choose_the_articles() -> None:
    drop = KeyFigure("percent", "-8%", 8.0, 0, 3, "fell 8%", unit="%", direction="down")
    articles = [
        _article(1, "Apple news", "AAPL"),
        _article(2, "Tesla slides", "TSLA", drop),
        _article(3, "Quiet day", "MSFT"),
    ]
    searches = [
        saved_search("falling", "pct<=-5", alert=True),
        saved_search("everything", "ticker:MSFT", alert=False),  # listed, not alerting
    ]
    alerts = alerts_for(articles, ["aapl"], searches, TODAY)
    assert [(a.article_id, a.reason, a.ticker) for a in alerts] == [
        ("a1", "watchlist aapl", "AAPL"),
        ("a2", "search falling", "TSLA"),
    ]


def _recorder(tmp_path: Path) -> tuple[Path, Path]:
    out = tmp_path / "argv.json"
    script = tmp_path / "record.py"
    script.write_text(
        f"#!{sys.executable}\nimport json, sys\nopen({str(out)!r}, 'w').write(json.dumps(sys.argv[1:]))\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script, out


def test_notify_passes_title_ticker_and_link_as_separate_arguments(tmp_path: Path) -> None:
    script, out = _recorder(tmp_path)
    alert = Alert("a1", HOSTILE, "AAPL", "https://example.com/1", "watchlist AAPL")
    assert notify([str(script), "--flag"], alert) is None
    assert json.loads(out.read_text()) == ["--flag", HOSTILE, "AAPL", "https://example.com/1"]


def test_notify_failures_are_messages(tmp_path: Path) -> None:
    alert = Alert("a1", "t", "AAPL", "", "watchlist AAPL")
    assert notify([str(tmp_path / "missing")], alert) == f"notify_command not found: {tmp_path / 'missing'}"
    failing = tmp_path / "fail.sh"
    failing.write_text("#!/bin/sh\necho 'no display' >&2\nexit 3\n")
    failing.chmod(0o755)
    assert notify([str(failing)], alert) == "notify_command exited 3: no display"
