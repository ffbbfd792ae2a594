"""Quote widgets: the day's price change that portals print after a ticker.

fool.com writes "Jabil (JBL 0.32%)", "(NASDAQ: AMKR 0.77%)", "(^GSPC -2.71%)";
MarketWatch "Facebook FB, -2.19%"; Benzinga "Navistar International Corp NAV 11.01%";
tickers in feeds "AAPL +1.2%". The number is the
stock's move at the moment the page was rendered, not something the article states, so
it is not a key figure. A bare ticker needs a sign to count as a widget, and words
that look like tickers in prose ("EPS +12%", "DAX +1.2%", "Q3, +5%") stay figures,
unless they stand in a ticker strip: two or more "name ±N %" items in a row with
nothing but spaces, line breaks or bars between them ("DAX +0,57 % MDAX -0,12 %",
"DAX 18.512,30 +0,57 % MDAX 27.100,00 -0,12 %").
"""

from __future__ import annotations

import re

_SYMBOL = r"[A-Z][A-Z0-9]{0,5}(?:\.[A-Z]{0,2})?"
"""A widget's symbol: "JBL", "RDS.A", "BG." (Tokyo's and Hong Kong's codes are digits)."""
_TICKER_BEFORE = re.compile(
    r"(?:(?P<paren>\()(?:[A-Za-z]+:[ \u00a0]?)?|(?<![\w&^]))\^?"
    rf"(?P<ticker>{_SYMBOL}|[0-9]{{3,6}}\.[A-Z]{{1,2}}|[0-9]{{4,6}}(?=,)),?[ \u00a0]"
    r"(?:(?<=[A-Z0-9] )(?P<price>[0-9][0-9.']*(?:,[0-9]+)?(?:,[ \u00a0][+\-−]?[0-9][0-9.']*,)?)[ \u00a0])?$")
"""What stands before a widget's number: "(JBL ", "(NASDAQ: AMKR ", "(^GSPC ", "FB, ",
"(9988.HK ", MarketWatch's "RDS.A, " and Tokyo lines "Toyota 7203, ", and London lines
"BG., "; Finanz und Wirtschaft puts the price between: "(SREN 87.7 1.68%)", Briefing.com
the price and the change: "(TSLA 272.06, -16.08, -5.6%)"."""
_PROSE_CAPITALS = frozenset(
    "EPS GDP CPI PPI PMI EBIT EBITDA YOY QOQ MOM ROE ROI ROA ARPU FCF US USA UK EU DAX MDAX "
    "SDAX TECDAX ATX SMI FTSE CAC IBEX AEX OMX HSI CSI NIKKEI TOPIX KOSPI ASX TSX DOW STOXX "
    "MSCI NASDAQ NYSE AI IT TV FY EUR USD CHF GBP JPY CNY HKD CAD AUD SEK NOK DKK "
    "ASA AB AG SE SA NV PLC OYJ ABP SPA AS".split())
"""Capitals that name a measure, a market, an index or a currency in prose, not a listing
("Umsatz von 149,6 Mio. EUR, +26% mehr"); a legal form ends a company's name ("Next
Biometrics Group ASA -2.20 pct"), whose move follows as prose."""
_ITEM = (r"[A-ZÄÖÜ][\w.&-]*(?:[ \u00a0][A-Za-z0-9][\w.&-]*){0,2}[ \u00a0\n\t]+"
         r"(?:[0-9][0-9.,]*[ \u00a0\n\t]+)?")
"""A strip item's name and, optionally, its level before the change: "DAX ", "MDAX
27.512,30 "."""
_GAP = r"[ \u00a0\n\t]*[|•·]?[ \u00a0\n\t]*"
_STRIP_NEXT = re.compile(rf"{_GAP}{_ITEM}[+\-−][0-9]")
"""The next item of a ticker strip right after a percentage: "  MDAX -0,12"."""
_STRIP_PREVIOUS = re.compile(rf"[0-9][ \u00a0]?%{_GAP}{_ITEM}$")
"""The end of the item before, up to this item's name: "+0,57 % MDAX "."""
_NAME_BEFORE = re.compile(rf"(?:^|[\s|•·]){_ITEM}$")
_STRIP_REACH = 48


def in_ticker_strip(body: str, start: int, end: int) -> bool:
    """Whether the signed percentage body[start:end] is one item of a ticker strip: a
    name before it, and another "name ±N %" item right after or right before it."""
    reach = start - _STRIP_REACH if start > _STRIP_REACH else 0
    if _NAME_BEFORE.search(body, reach, start) is None:
        return False
    return (_STRIP_NEXT.match(body, end) is not None
            or _STRIP_PREVIOUS.search(body, reach, start) is not None)


NAMED_WIDGET = re.compile(
    r"\b(?:Inc|Corp|Corporation|Incorporated|Ltd|Limited|plc|PLC|Co|Company|Holdings|N\.V|S\.A|SE|AG|NV|SA)"
    r"\.?,?[ \u00a0](?P<ticker>[A-Z]{1,5})[ \u00a0][0-9]{1,3}\.[0-9]{2}%$")
"""Benzinga's widget after a company's legal name, with no sign or parentheses:
"Navistar International Corp NAV 11.01% up 18 percent", "Darden Restaurants, Inc. DRI
5.33% reported". Searched up to the percentage's end (the pattern ends in "$")."""
_CODED_LEVEL = re.compile(r"\([A-Z]{2,5}\)[ \u00a0][0-9][0-9,]*\.[0-9]{2}[ \u00a0]$")
"""A code in parentheses and a level before the percentage: Sharecast's line atop a story,
"FTSE 250 (MCX) 20,936.42 0.44%", restates the index's quote."""
_PERIOD_CODE = re.compile(r"(?:[QH][1-4]|FY)[0-9]*")
WIDGET_TAILS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ,.0123456789")
"""The last character of a ticker, of "FB," or of a widget's price ("SREN 87.7"):
checked before calling `quote_widget`, which most percentages ("rose 5%") then never
reach."""


def quote_widget(body: str, start: int, end: int, sign: str | None) -> bool:
    """Whether the percentage body[start:end] (sign included) is a quote widget."""
    if start < 2 or body[start - 1] not in " \u00a0" or body[start - 2] not in WIDGET_TAILS:
        return False  # the common case, "rose 5%", leaves here
    closing = body[end:end + 1] == ")" or body[end:end + 2] == " )"  # Seeking Alpha: "(ACNB -1.7% )"
    if not closing and sign is None:
        return (NAMED_WIDGET.search(body, max(0, start - 40), end) is not None
                or _CODED_LEVEL.search(body, max(0, start - 24), start) is not None)
    m = _TICKER_BEFORE.search(body, max(0, start - 34), start)
    if m is None:
        return False
    if m["paren"]:
        # "(JBL 0.32%)"; Dow Jones' German copy writes the day's move in prose: "(CS, +1,1%)"
        return closing and body[m.end("ticker")] != ","
    if m["price"]:
        return False  # "ticker price move" is a widget only in parentheses
    ticker = m["ticker"]
    if sign is None or _PERIOD_CODE.fullmatch(ticker) is not None:
        return False
    if ticker.isdigit() and _YEAR_BEFORE.search(body, max(0, m.start() - 8), m.end("ticker")):
        return False  # "In 2023, +5% was the goal": a year, not Tokyo's "Toyota 7203, -2.94%"
    if body[m.end() - 2] == ",":  # MarketWatch's "index DAX, -0.28%": the comma marks the widget
        return ticker not in _MEASURES
    return ticker not in _PROSE_CAPITALS


_FINITE_AFTER = re.compile(
    r" (?:haben|hat|sind|ist|waren|war|legten|legte|verloren|verlor|gewannen|gewann|stiegen|stieg"
    r"|fielen|fiel|notierten|notierte|notieren|notiert|rutschten|rutschte|gaben|gab|zogen|zog|büßten|büßte"
    r"|kletterten|kletterte|sanken|sank|have|has|are|is|were|was|rose|fell|gained|lost)\b")
"""The finite verb right after a signed percentage: the percentage interrupts its
sentence, a quote a portal inserted after the name ("Fraport -2,10% haben …")."""
_NAME_BEFORE_SIGN = re.compile(r"[A-ZÄÖÜ][\w&.-]*[ \u00a0]$")


def inline_quote(body: str, start: int, end: int) -> bool:
    """Whether the signed percentage body[start:end] is a quote a portal inserted after a
    name, inside the sentence: "Die Papiere von Fraport -2,10% haben … gelitten"."""
    return (body[end:end + 1] == " " and _FINITE_AFTER.match(body, end) is not None
            and _NAME_BEFORE_SIGN.search(body, max(0, start - 40), start) is not None)


_YEAR_BEFORE = re.compile(r"(?:^|\b)(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Tt]hrough|[Ff]or|[Oo]f|[Ii]m|[Ss]eit|[Bb]is|[Vv]om?|[Ee]nde|[Ee]nd)[ \u00a0](?:19|20)[0-9]{2}$")
_MEASURES = frozenset(
    "EPS GDP CPI PPI EBIT EBITDA FCF ARPU ROE ROI ROA YOY QOQ MOM FY US USA UK EU AI IT TV "
    "EUR USD CHF GBP JPY CNY HKD CAD AUD SEK NOK DKK".split())
"""Capitals that stay prose even before a comma and a signed percentage ("GDP, +0.4%",
"149,6 Mio. EUR, +26% mehr"); index and market codes there are MarketWatch widgets
("index DAX, -0.28%")."""
_WIDGET_END = re.compile(rf"\b(?:{_SYMBOL}|[0-9]{{4,6}}),[ \u00a0][+\-−][0-9][0-9.]*%[ \u00a0]$")


def widget_before(body: str, start: int) -> int:
    """Where a MarketWatch widget right before `start` begins ("index UKX, -0.02% 0.5%":
    the widget stands between the verb and the figure), or `start` when there is none."""
    if start < 8 or body[start - 2] != "%":
        return start
    m = _WIDGET_END.search(body, start - 24 if start > 24 else 0, start)
    return m.start() if m is not None else start
