"""What the app does with a poll's alerts (tui_reader/alerts.py finds them).

A notification per alert up to `SHOWN`, then one summary, so a first poll of a busy
watchlist does not bury the screen; the terminal bell once per batch when the config
asks for it. The notify command runs in a thread worker of the app (app.py), one
alert after another.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from tui_reader.app.safe_text import clean

if TYPE_CHECKING:
    from tui_reader.alerts import Alert

SHOWN = 3
"""Alerts shown one by one; more than this many are summed up in one notification."""


@dataclass
class AlertsFound(Message):
    """A poll or seed scan stored articles that match the watchlist or an alerting search."""

    alerts: list[Alert]


def notifications(alerts: list[Alert]) -> list[tuple[str, str]]:
    """(title, text) of each notification for these alerts: plain text, never markup."""
    if len(alerts) > SHOWN:
        reasons = sorted({a.reason for a in alerts})
        named = ", ".join(reasons[:4]) + (f" and {len(reasons) - 4} more" if len(reasons) > 4 else "")
        return [(f"{len(alerts)} new articles", clean(f"matching {named}", single_line=True))]
    return [
        (clean(f"New: {a.reason}", single_line=True), clean(f"{a.ticker}: {a.title}" if a.ticker else a.title, single_line=True))
        for a in alerts
    ]
