"""Daily closes for the instruments the news is about: cache → CSV → Yahoo.

Import-light on purpose (no yfinance, no pandas): the UI imports this at start-up and
runs `PriceService.history` / `.article_window` in worker threads.
"""

from tui_reader.prices.claims import ClaimCheck, claim_checks
from tui_reader.prices.service import (
    ArticleWindow,
    InvalidIsin,
    NoPrices,
    PriceHistory,
    PriceService,
)
from tui_reader.prices.window import Window, empty_window_reason, price_window

__all__ = [
    "ArticleWindow",
    "ClaimCheck",
    "InvalidIsin",
    "NoPrices",
    "PriceHistory",
    "PriceService",
    "Window",
    "claim_checks",
    "empty_window_reason",
    "price_window",
]
