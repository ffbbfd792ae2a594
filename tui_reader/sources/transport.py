"""An httpx transport that is built when the first request needs it.

Kept out of `fetching.py` because subclassing needs httpx at import time, and
`fetching` is imported by the UI at start-up, long before (or without) any poll.
"""

from __future__ import annotations

from collections.abc import Callable

import httpx


class OnFirstUse(httpx.AsyncBaseTransport):
    """Wraps a transport whose construction is costly and often not needed (TLS
    verification loads the CA bundle; a poll of plain-http feeds never uses it)."""

    def __init__(self, build: Callable[[], httpx.AsyncBaseTransport]) -> None:
        self._build = build
        self._transport: httpx.AsyncBaseTransport | None = None

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self._transport is None:
            self._transport = self._build()
        return await self._transport.handle_async_request(request)

    async def aclose(self) -> None:
        if self._transport is not None:
            await self._transport.aclose()
