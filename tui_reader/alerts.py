"""Alerts: a just-polled article that matches the watchlist or an alerting saved search.

The app shows a notification (and rings the bell if asked); `notify_command`, when
configured, is run with the title, the ticker and the link as separate arguments,
never through a shell, so a headline such as ``"; rm -rf ~`` is only ever text (as
newsboat's notify-program, but without its shell).
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from tui_reader.isin_shape import looks_like_isin
from tui_reader.model import Article
from tui_reader.query.evaluate import Facts, matches
from tui_reader.query.saved import SavedSearch
from tui_reader.query.syntax import Keyed

NOTIFY_TIMEOUT = 10.0
"""Seconds a notify command may take before it is stopped: a hung script must not
hold up the poll that found the news."""


@dataclass(frozen=True, slots=True)
class Alert:
    article_id: str
    title: str
    ticker: str
    """The primary instrument's ticker, else its ISIN, else empty."""
    url: str
    reason: str
    """What matched: "watchlist AAPL" or "search big-deals"."""


def alerts_for(
    articles: Sequence[Article], watchlist: Sequence[str], searches: Sequence[SavedSearch], today: date
) -> list[Alert]:
    """One alert per new article that matches (the first reason wins)."""
    watched = [(entry, Keyed("isin" if looks_like_isin(entry) else "ticker", entry.upper())) for entry in watchlist]
    alerting = [s for s in searches if s.alert and s.tree is not None]
    alerts = []
    for article in articles:
        facts = Facts(article)
        reason = next((f"watchlist {entry}" for entry, node in watched if matches(node, facts, today)), None)
        if reason is None:
            reason = next((f"search {s.name}" for s in alerting if matches(s.tree, facts, today)), None)
        if reason is not None:
            primary = article.primary
            ticker = (primary.ticker or primary.isin or "") if primary else ""
            alerts.append(Alert(article.id, article.title, ticker, article.url or "", reason))
    return alerts


def notify(command: Sequence[str], alert: Alert) -> str | None:
    """Run the notify command for one alert; None when it ran, else why it did not."""
    argv = [*command, alert.title, alert.ticker, alert.url]
    try:
        finished = subprocess.run(  # noqa: S603 - argv list, no shell: text stays text
            argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            timeout=NOTIFY_TIMEOUT, check=False,
        )
    except FileNotFoundError:
        return f"notify_command not found: {command[0]}"
    except PermissionError:
        return f"notify_command not executable: {command[0]}"
    except subprocess.TimeoutExpired:
        return f"notify_command took over {NOTIFY_TIMEOUT:.0f} s and was stopped"
    except OSError as error:
        return f"notify_command failed: {error.strerror or error}"
    if finished.returncode != 0:
        detail = finished.stderr.decode("utf-8", "replace").strip().splitlines()
        return f"notify_command exited {finished.returncode}" + (f": {detail[-1][:200]}" if detail else "")
    return None
