"""How often Yahoo may be asked, shared by every price and ISIN lookup of a service.

Each symbol or ISIN is asked at most once per `retry_interval`; a refusal (429) or a
dead network blocks every call for a doubling pause (1, 2, 4 ... 60 min) so the UI
does not hammer Yahoo per article; each call runs in a daemon thread with a hard
deadline, so a request that hangs on a dead socket cannot freeze a worker or hold up
exit. Apart from `service.py`, which decides *what* to ask, because this decides
*whether* to ask.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, TypeVar

from tui_reader.prices import yahoo

T = TypeVar("T")


class YahooGate:
    """Thread-safe: the UI's workers share one service, hence one gate."""

    def __init__(self, retry_interval: timedelta, timeout: float, now: Callable[[], datetime]) -> None:
        self.retry_interval = retry_interval
        self.timeout = timeout
        self._now = now
        self._lock = threading.Lock()
        self._asked: dict[str, tuple[datetime, str | None]] = {}
        """Per symbol/ISIN: when Yahoo was last asked and why it failed (None: it answered)."""
        self._blocked: tuple[datetime, yahoo.YahooError] | None = None
        """Until when every Yahoo call is refused after a 429 or a dead network, and why."""
        self._failures = 0

    @property
    def trouble(self) -> yahoo.YahooError | None:
        """The refusal or dead network blocking calls now; None while Yahoo answers."""
        with self._lock:
            return self._blocked[1] if self._blocked else None

    def ask(self, key: str, call: Callable[..., T], *args: object) -> T:
        """Run one Yahoo call under the backoff and per-key limits, in a daemon thread
        with a deadline (a thread that hangs on a dead socket must not hold up exit)."""
        now = self._now()
        with self._lock:
            if self._blocked is not None and now < self._blocked[0]:
                raise self._blocked[1]
            asked = self._asked.get(key)
            if asked and now - asked[0] < self.retry_interval:
                when = asked[0].astimezone().strftime("%H:%M")
                raise yahoo.YahooError(asked[1] or f"Yahoo already asked for {key} at {when}")
            self._asked[key] = (now, None)
        try:
            result = with_deadline(call, args, self.timeout)
        except yahoo.YahooError as exc:
            raise self._record_failure(key, exc, now) from exc
        with self._lock:
            self._failures = 0
            self._blocked = None
            if not result or (isinstance(result, tuple) and not result[0]):
                self._asked[key] = (now, f"no data for {key} at Yahoo")
        return result

    def _record_failure(self, key: str, exc: yahoo.YahooError, now: datetime) -> yahoo.YahooError:
        """Remember the failure; a refusal or a dead network blocks every symbol for a
        doubling pause (1, 2, 4 ... 60 min) so the UI does not hammer Yahoo per article."""
        with self._lock:
            self._asked[key] = (now, exc.reason)
            if not isinstance(exc, (yahoo.RateLimited, yahoo.Unreachable)):
                return exc
            self._failures += 1
            until = now + timedelta(minutes=min(2 ** (self._failures - 1), 60))
            local = until.astimezone().strftime("%H:%M")
            if isinstance(exc, yahoo.RateLimited):
                blocked: yahoo.YahooError = yahoo.RateLimited(f"Yahoo rate limit; retrying after {local}")
            else:
                blocked = yahoo.Unreachable(f"{exc.reason}; retrying after {local}")
            self._blocked = (until, blocked)
            return blocked


def with_deadline(call: Callable[..., T], args: tuple[object, ...], seconds: float) -> T:
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = call(*args)
        except yahoo.YahooError as exc:
            outcome["error"] = exc
        except Exception as exc:  # noqa: BLE001 - a yfinance bug must reach the user as a reason, not kill the worker
            outcome["error"] = yahoo.YahooError(f"Yahoo request failed: {type(exc).__name__}: {exc}")

    worker = threading.Thread(target=target, name="yahoo-request", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise yahoo.Unreachable(f"Yahoo did not answer within {seconds:g} s")
    if "error" in outcome:
        raise outcome["error"]
    value: T = outcome["value"]
    return value
