"""Fetching feed bytes over HTTP: the only place that talks to the network for feeds.

Every way a download can go wrong ends as a `Fetched` with `status="error"` and a
sentence for the user, never an exception: one bad feed must not stop the others.
Parsing happens elsewhere (`feedparse.py`), so a 304 costs nothing beyond the request.
The HTTP itself is `http11.py` (why not httpx: see there).
"""

from __future__ import annotations

import asyncio
import email.utils
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Literal

from tui_reader import __version__

if TYPE_CHECKING:
    from tui_reader.sources.http11 import Client

USER_AGENT = f"tui-reader/{__version__} (+https://github.com/tui-reader/tui-reader)"
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, "
    "application/xml;q=0.9, text/xml;q=0.8, application/json;q=0.5, */*;q=0.1"
)


@dataclass(frozen=True, slots=True)
class FetchLimits:
    """How much one feed may cost; the defaults keep a stuck or hostile server harmless."""

    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    """Longest silence between two chunks of the response."""
    total_timeout: float = 60.0
    """The whole request including redirects: a server trickling bytes cannot hold us forever."""
    max_bytes: int = 10 * 1024 * 1024
    """Counted after gzip, so a small compressed bomb cannot fill memory either."""
    max_redirects: int = 5
    concurrency: int = 24
    """Requests in flight across all hosts: hides network latency."""
    per_host: int = 4
    """Requests in flight to one host: polite to the server, and few open connections."""


@dataclass(slots=True)
class Fetched:
    """What one request produced; `body` is set only for `ok`."""

    url: str
    status: Literal["ok", "not_modified", "error"]
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    retry_after: float | None = None
    """Seconds the server asked us to wait (429/503 with Retry-After)."""
    http_status: int | None = None


def make_client(limits: FetchLimits = FetchLimits()) -> Client:
    """One client per poll, so connections to the same host are reused across feeds.
    TLS (the CA bundle) is loaded on the first https request, not here."""
    from tui_reader.sources.http11 import Client

    return Client(
        {"User-Agent": USER_AGENT, "Accept": ACCEPT, "Accept-Encoding": "gzip, deflate"},
        connect_timeout=limits.connect_timeout,
        read_timeout=limits.read_timeout,
        max_bytes=limits.max_bytes,
        max_redirects=limits.max_redirects,
    )


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Retry-After is either delta-seconds or an HTTP date (RFC 9110 10.2.3)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    now = now or datetime.now(timezone.utc)
    return max(0.0, (when - now).total_seconds())


async def fetch(
    client: Client,
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    limits: FetchLimits = FetchLimits(),
) -> Fetched:
    """GET `url` conditionally; never raises for network or server trouble."""
    from tui_reader.sources.http11 import BodyTooLarge, HTTPError

    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        async with asyncio.timeout(limits.total_timeout):
            response = await client.get(url, headers)
    except TimeoutError:
        return Fetched(url, "error", error=f"no complete answer within {limits.total_timeout:g} s")
    except BodyTooLarge:
        return Fetched(url, "error", error=f"larger than {_size(limits.max_bytes)}")
    except HTTPError as exc:
        return Fetched(url, "error", error=str(exc))
    except OSError as exc:  # the connection failed in the middle of a body
        return Fetched(url, "error", error=f"connection broke off: {exc.strerror or type(exc).__name__}")
    status = response.status
    if status == 304:
        return Fetched(
            response.url, "not_modified", etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"), http_status=status,
        )
    if status >= 400:
        retry = parse_retry_after(response.headers.get("retry-after")) if status in (429, 503) else None
        return Fetched(response.url, "error", error=f"HTTP {status} {response.reason}".rstrip(), retry_after=retry,
                       http_status=status)
    if status != 200:
        return Fetched(response.url, "error", error=f"unexpected HTTP {status} {response.reason}".rstrip(),
                       http_status=status)
    return Fetched(
        response.url,
        "ok",
        body=response.body,
        headers={k: v for k, v in response.headers.items() if k in _KEPT_HEADERS},
        etag=response.headers.get("etag"),
        last_modified=response.headers.get("last-modified"),
        http_status=status,
    )


_KEPT_HEADERS = frozenset({"content-type", "content-language", "content-location", "last-modified"})
"""What the parser may use; the rest is not worth pickling to a worker process."""


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:g} MB" if n >= 1024 * 1024 else f"{n // 1024} KB"
