"""The SEC's list of US registrants, learned online and kept in the store.

The bundled directory knows index constituents and a list of our own; news names many
more US companies. The SEC publishes every registrant's ticker, CIK and name as one
JSON file (`company_tickers.json`: `{"0": {"cik_str": 320193, "ticker": "AAPL",
"title": "Apple Inc."}, ...}`). It is downloaded at most once a week, only online and
only with a contact: the SEC's fair-access rules ask every automated client to name
one in its User-Agent, and answer 403 to those that do not. The rows stay in the store,
so the directory learns them on every start, online or not.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from tui_reader import __version__
from tui_reader.store.registries import SEC, Registrant, registrants

if TYPE_CHECKING:
    from tui_reader.extract.listings import Company
    from tui_reader.store import Store

log = logging.getLogger(__name__)

SEC_TICKERS_URL = "https://www.sec.gov/files/company_tickers.json"
REFRESH_AFTER = 7 * 24 * 3600.0
"""The list changes by a few listings a week; a weekly download keeps it current."""
RETRY_AFTER = 3600.0
"""After a failed download: the app polls every minute, the SEC need not hear from us as often."""
MAX_BYTES = 32 * 1024 * 1024
"""The file is about 1 MB; anything far larger is not it."""
NO_CONTACT = (
    'US registrants not learned from the SEC: set sec_contact = "you@example.com" in the config '
    "(the SEC asks every automated client to name a contact)"
)


class RegistryError(Exception):
    """The download failed or is not the SEC's list; the message is for the user."""


def refresh_registrants(
    store: Store, contact: str | None, *, url: str = SEC_TICKERS_URL, timeout: float = 30.0
) -> str | None:
    """Download the list when a week has passed (an hour after a failure) and store it.

    Returns one line for the user: how many were learned, why nothing was, or None when
    no download was due. Never raises for a network or data problem: the stored list
    (if any) simply stays in use.
    """
    if not contact:
        return NO_CONTACT
    state = store.registry_state(SEC)
    now = time.time()
    if state is not None:
        if state.fetched_at is not None and now - state.fetched_at < REFRESH_AFTER:
            return None
        if state.error is not None and now - state.tried_at < RETRY_AFTER:
            return None
    try:
        rows = parse_company_tickers(_download(url, contact, timeout))
    except RegistryError as exc:
        store.note_registry_failure(SEC, str(exc))
        kept = f" (keeping the list of {state.fetched})" if state and state.fetched_at else ""
        return f"SEC registrants not updated: {exc}{kept}"
    store.save_registrants(rows)
    return f"learned {len(rows):,} US registrants from the SEC"


def _download(url: str, contact: str, timeout: float) -> bytes:
    import httpx

    headers = {"User-Agent": f"tui-reader/{__version__} {contact}", "Accept-Encoding": "gzip, deflate"}
    try:
        with (
            httpx.Client(timeout=timeout, follow_redirects=True, headers=headers) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code != 200:
                raise RegistryError(f"HTTP {response.status_code} from {url}")
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > MAX_BYTES:
                    raise RegistryError(f"more than {MAX_BYTES // 1024 // 1024} MB from {url}")
            return bytes(body)
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise RegistryError(f"cannot download {url} ({type(exc).__name__})") from None


def parse_company_tickers(data: bytes) -> list[Registrant]:
    """(ticker, CIK, name) rows in the file's order; malformed entries are skipped, a
    file without a single good one is an error."""
    try:
        document = json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise RegistryError(f"not JSON ({exc})") from None
    if not isinstance(document, dict):
        raise RegistryError("not the SEC's list of company tickers (expected a JSON object)")
    rows: list[Registrant] = []
    for entry in document.values():
        if not isinstance(entry, dict):
            continue
        cik, ticker, title = entry.get("cik_str"), entry.get("ticker"), entry.get("title")
        if isinstance(cik, bool) or not isinstance(cik, int) or not isinstance(ticker, str) or not isinstance(title, str):
            continue
        ticker, title = ticker.strip().upper(), " ".join(title.split())
        if ticker and title and ticker.isprintable() and title.isprintable() and len(ticker) <= 12:
            rows.append((ticker, cik, title))
    if not rows:
        raise RegistryError("not the SEC's list of company tickers (no entry with cik_str, ticker and title)")
    return rows


def registrant_companies(rows: Iterable[Registrant]) -> list[Company]:
    """One company per CIK, its tickers in the list's order (its main line first)."""
    from tui_reader.extract.listings import Company
    from tui_reader.model import Instrument

    grouped: dict[int, tuple[str, list[Instrument]]] = {}
    for ticker, cik, name in rows:
        grouped.setdefault(cik, (name, []))[1].append(Instrument(None, ticker, name, currency="USD"))
    return [Company(name, tuple(listings)) for name, listings in grouped.values()]


_taught_lock = threading.Lock()
_taught: float | None = None
"""The download (its `fetched_at`) this process's directory has learned."""


def teach_directory(store: Store) -> int:
    """Let this process's extraction directory learn the stored list (once per download);
    returns how many companies it learned."""
    global _taught
    state = store.registry_state(SEC)
    if state is None or state.fetched_at is None:
        return 0
    with _taught_lock:
        if _taught == state.fetched_at:
            return 0
        companies = registrant_companies(store.registrants())
        _learn(companies)
        _taught = state.fetched_at
    return len(companies)


def teach_worker(store_path: str) -> None:
    """In a parser process: learn the stored list straight from the file, read-only (no
    `Store.open`, which would migrate). Whatever goes wrong leaves the bundled directory
    as it is: this runs as the pool's initializer, where an exception would break the
    pool and lose the poll for want of an optional list."""
    try:
        db = sqlite3.connect(Path(store_path).resolve().as_uri() + "?mode=ro", uri=True)
        try:
            rows = registrants(db)
        finally:
            db.close()
        if rows:
            _learn(registrant_companies(rows))
    except Exception as exc:  # noqa: BLE001 - see the docstring
        log.warning("parser process: SEC registrants not learned (%s: %s)", type(exc).__name__, exc)


def _learn(companies: list[Company]) -> None:
    from tui_reader.extract.directory import directory

    directory().learn(companies)
