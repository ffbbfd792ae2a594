"""Quote widgets: the day's price change that portals print after a ticker.

fool.com writes "Jabil (JBL 0.32%)", "(NASDAQ: AMKR 0.77%)", "(^GSPC -2.71%)";
MarketWatch "Facebook FB, -2.19%"; tickers in feeds "AAPL +1.2%". The number is the
stock's move at the moment the page was rendered, not something the article states, so
it is not a key figure. A bare ticker needs a sign to count as a widget, and words
that look like tickers in prose ("EPS +12%", "DAX +1.2%", "Q3, +5%") stay figures.
"""

from __future__ import annotations

import re

_TICKER_BEFORE = re.compile(
    r"(?:(?P<paren>\()(?:[A-Za-z]+:[ \u00a0]?)?|(?<![\w&^]))\^?"
    r"(?P<ticker>[A-Z][A-Z0-9]{0,5}(?:\.[A-Z]{1,2})?|[0-9]{3,6}\.[A-Z]{1,2}),?[ \u00a0]$")
"""What stands before a widget's number: "(JBL ", "(NASDAQ: AMKR ", "(^GSPC ", "FB, ",
"(9988.HK "."""
_PROSE_CAPITALS = frozenset(
    "EPS GDP CPI PPI PMI EBIT EBITDA YOY QOQ MOM ROE ROI ROA ARPU FCF US USA UK EU DAX MDAX "
    "SDAX TECDAX ATX SMI FTSE CAC IBEX AEX OMX HSI CSI NIKKEI TOPIX KOSPI ASX TSX DOW STOXX "
    "MSCI NASDAQ NYSE AI IT TV FY".split())
"""Capitals that name a measure, a market or an index in prose, not a listing."""
_PERIOD_CODE = re.compile(r"(?:[QH][1-4]|FY)[0-9]*")
WIDGET_TAILS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ,")
"""The last character of a ticker or of "FB,": checked before calling `quote_widget`,
which most percentages ("rose 5%") then never reach."""


def quote_widget(body: str, start: int, end: int, sign: str | None) -> bool:
    """Whether the percentage body[start:end] (sign included) is a quote widget."""
    if start < 2 or body[start - 1] not in " \u00a0" or body[start - 2] not in WIDGET_TAILS:
        return False  # the common case, "rose 5%", leaves here
    closing = body[end:end + 1] == ")"
    if not closing and sign is None:
        return False
    m = _TICKER_BEFORE.search(body, max(0, start - 24), start)
    if m is None:
        return False
    if m["paren"]:
        return closing
    ticker = m["ticker"]
    return (sign is not None and ticker not in _PROSE_CAPITALS
            and _PERIOD_CODE.fullmatch(ticker) is None)
