"""Fetching feed bytes over HTTP: the only place that talks to the network for feeds.

Every way a download can go wrong ends as a `Fetched` with `status="error"` and a
sentence for the user, never an exception: one bad feed must not stop the others.
Parsing happens elsewhere (`feedparse.py`), so a 304 costs nothing beyond the request.
"""

from __future__ import annotations

import asyncio
import email.utils
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Literal

from tui_reader import __version__

if TYPE_CHECKING:
    import httpx

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
    """Requests in flight to one host: polite to the server, and few open connections
    keep httpx's pool bookkeeping (which grows with them) cheap."""


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


class BodyTooLarge(Exception):
    pass


def make_client(limits: FetchLimits = FetchLimits()) -> httpx.AsyncClient:
    """One client per poll, so connections to the same host are reused across feeds.

    Verifying TLS means loading the CA bundle (~50-70 ms, the largest single cost of a
    re-poll answered by 304s), so the https transport is built on the first https
    request: a poll of plain-http feeds never loads it. With a proxy configured in the
    environment httpx's own transports (which honour it) are used as they are.
    """
    import urllib.request

    import httpx

    from tui_reader.sources.transport import OnFirstUse

    pool = httpx.Limits(max_connections=limits.concurrency, max_keepalive_connections=limits.concurrency)
    transport: httpx.AsyncBaseTransport | None = None
    mounts: dict[str, httpx.AsyncBaseTransport] | None = None
    # getproxies() also reports NO_PROXY (as "no"), which sets no proxy by itself.
    if not [scheme for scheme in urllib.request.getproxies() if scheme != "no"]:
        # The default transport then serves plain http only, which never touches its
        # (unverified, empty) TLS context; https goes to the verifying one.
        transport = httpx.AsyncHTTPTransport(verify=False, limits=pool)
        mounts = {"https://": OnFirstUse(lambda: httpx.AsyncHTTPTransport(limits=pool))}
    return httpx.AsyncClient(
        headers={"User-Agent": USER_AGENT, "Accept": ACCEPT, "Accept-Encoding": "gzip, deflate"},
        timeout=httpx.Timeout(limits.read_timeout, connect=limits.connect_timeout, pool=None),
        follow_redirects=True,
        max_redirects=limits.max_redirects,
        limits=pool,
        transport=transport,
        mounts=mounts,
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
        when = when.replace(tzinfo=UTC)
    now = now or datetime.now(UTC)
    return max(0.0, (when - now).total_seconds())


async def fetch(
    client: httpx.AsyncClient,
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    limits: FetchLimits = FetchLimits(),
    user_agent: str | None = None,
) -> Fetched:
    """GET `url` conditionally; never raises for network or server trouble. `user_agent`
    replaces the client's for this request (a provider that wants a contact named)."""
    import httpx

    headers = {"User-Agent": user_agent} if user_agent else {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        async with asyncio.timeout(limits.total_timeout):
            try:
                return await _get(client, url, headers, limits)
            except (httpx.ReadError, httpx.WriteError, httpx.RemoteProtocolError):
                # A kept-alive connection the server had just closed: GET is idempotent,
                # so one retry on a fresh connection is what browsers do too.
                return await _get(client, url, headers, limits)
    except TimeoutError:
        return Fetched(url, "error", error=f"no complete answer within {limits.total_timeout:g} s")
    except BodyTooLarge:
        return Fetched(url, "error", error=f"larger than {_size(limits.max_bytes)}")
    except (httpx.HTTPError, httpx.InvalidURL, OSError) as exc:
        return Fetched(url, "error", error=_describe(exc, limits))


async def _get(client: httpx.AsyncClient, url: str, headers: dict[str, str], limits: FetchLimits) -> Fetched:
    async with client.stream("GET", url, headers=headers) as response:
        final_url = str(response.url)
        status = response.status_code
        if status == 304:
            await response.aread()  # reaching the end of the message keeps the connection reusable
            return Fetched(
                final_url,
                "not_modified",
                etag=response.headers.get("etag"),
                last_modified=response.headers.get("last-modified"),
                http_status=status,
            )
        if status >= 400:
            retry = parse_retry_after(response.headers.get("retry-after")) if status in (429, 503) else None
            reason = response.reason_phrase or ""
            return Fetched(final_url, "error", error=f"HTTP {status} {reason}".rstrip(), retry_after=retry, http_status=status)
        if status != 200:
            return Fetched(final_url, "error", error=f"unexpected HTTP {status} {response.reason_phrase}".rstrip(), http_status=status)
        declared = response.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > limits.max_bytes and not response.headers.get("content-encoding"):
            raise BodyTooLarge
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > limits.max_bytes:
                raise BodyTooLarge
            chunks.append(chunk)
        return Fetched(
            final_url,
            "ok",
            body=b"".join(chunks),
            headers={k: v for k, v in response.headers.items() if k in _KEPT_HEADERS},
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
            http_status=status,
        )


_KEPT_HEADERS = frozenset({"content-type", "content-language", "content-location", "last-modified"})
"""What the parser may use; the rest is not worth pickling to a worker process."""


def _describe(exc: Exception, limits: FetchLimits) -> str:
    import httpx

    if isinstance(exc, httpx.TooManyRedirects):
        return f"more than {limits.max_redirects} redirects (a redirect loop?)"
    if isinstance(exc, httpx.ConnectTimeout):
        return f"could not connect within {limits.connect_timeout:g} s"
    if isinstance(exc, httpx.ReadTimeout):
        return f"server went silent for {limits.read_timeout:g} s"
    if isinstance(exc, httpx.TimeoutException):
        return "timed out"
    if isinstance(exc, httpx.ConnectError):
        return f"could not connect: {_first_line(exc) or 'connection refused'}"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"connection broke off: {_first_line(exc)}"
    if isinstance(exc, httpx.DecodingError):
        return "response body could not be decompressed"
    if isinstance(exc, (httpx.UnsupportedProtocol, httpx.InvalidURL)):
        return f"not a usable URL: {_first_line(exc)}"
    return f"{type(exc).__name__}: {_first_line(exc)}"


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:g} MB" if n >= 1024 * 1024 else f"{n // 1024} KB"


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else ""
