"""Each article's price move since publication, kept in the store for `move<...` queries.

The list's Move column computes this for the rows on screen; a query over 50,000
articles cannot, so `fetch` (and the app after a poll) stores it for every article
whose primary instrument has closes in the cache or a price CSV: never the network,
since one page of old news must not fire thousands of Yahoo requests. A stored move
older than `STALE_AFTER` is computed again, as new closes move it.
"""

from __future__ import annotations

import time
from datetime import datetime

from tui_reader.model import PricePoint
from tui_reader.prices.service import InvalidIsin, NoPrices, PriceService
from tui_reader.prices.window import price_window
from tui_reader.store import Store

STALE_AFTER = 6 * 3600.0
"""Seconds a stored move stands before it is computed again (closes change daily)."""


def refresh_moves(store: Store, service: PriceService, now: float | None = None) -> int:
    """Compute and store the since-publication move of every article whose move is
    missing or stale; returns how many were stored (None counts: "no prices")."""
    now = time.time() if now is None else now
    series: dict[str, list[PricePoint] | None] = {}
    moves: list[tuple[str, float | None]] = []
    for article_id, ticker, isin, published in store.move_candidates(older_than=now - STALE_AFTER):
        symbol = isin or ticker
        if symbol is None:  # the query asks for one of the two; this keeps the types honest
            continue
        if symbol not in series:
            try:
                series[symbol] = service.history(symbol).points
            except (NoPrices, InvalidIsin):
                series[symbol] = None
        points = series[symbol]
        move = None
        if points:
            window = price_window(points, datetime.fromisoformat(published), symbol=ticker or "")
            move = window.moves.get("since")
        moves.append((article_id, move))
    if moves:
        store.save_moves(moves)
    return len(moves)
