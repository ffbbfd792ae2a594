"""Trading venues as writers name them and as Yahoo Finance addresses them.

"(HKEX: 700)", "Xetra: SAP" and "NYSE: BABA" name a venue and a local code; the
store files prices under Yahoo symbols (0700.HK, SAP.DE, BABA), so every spelling of
a venue leads to the suffix and currency that turn its local code into one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Exchange:
    """A trading venue as Yahoo Finance addresses it."""

    name: str
    suffix: str
    """Appended to the local code to form the Yahoo symbol ("" for US venues)."""
    currency: str
    code_width: int = 0
    """Numeric local codes are zero-padded to this width (HKEX 700 → 0700.HK)."""


_EXCHANGES: dict[str, Exchange] = {}
"""Every spelling writers use for a venue (casefolded) → the venue."""


def _venue(name: str, suffix: str, currency: str, *aliases: str, width: int = 0) -> Exchange:
    exchange = Exchange(name, suffix, currency, width)
    for alias in (name, *aliases):
        _EXCHANGES[alias.casefold()] = exchange
    return exchange


_venue("NASDAQ", "", "USD", "Nasdaq GS", "Nasdaq GM", "Nasdaq CM")
_venue("NYSE", "", "USD", "New York Stock Exchange")
_venue("NYSE American", "", "USD", "AMEX", "NYSE MKT")
_venue("OTC", "", "USD", "OTCMKTS", "OTC Markets", "OTCQX")
for _args in (
    ("XETRA", ".DE", "EUR", "ETR"),
    ("Frankfurt", ".F", "EUR", "FRA", "FWB"),
    ("LSE", ".L", "GBP", "LON", "London Stock Exchange"),
    ("Euronext Amsterdam", ".AS", "EUR", "AMS"),
    ("Euronext Paris", ".PA", "EUR", "EPA"),
    ("Euronext Brussels", ".BR", "EUR", "EBR"),
    ("Borsa Italiana", ".MI", "EUR", "BIT"),
    ("BME", ".MC", "EUR"),
    ("SIX", ".SW", "CHF", "SWX"),
    ("Nasdaq Stockholm", ".ST", "SEK", "STO"),
    ("Nasdaq Helsinki", ".HE", "EUR", "HEL"),
    ("Nasdaq Copenhagen", ".CO", "DKK", "CPH"),
    ("Oslo Børs", ".OL", "NOK", "OSL", "OL", "Oslo Stock Exchange"),
    ("TSE", ".T", "JPY", "TYO", "Tokyo Stock Exchange"),
    ("TWSE", ".TW", "TWD", "TPE"),
    ("NSE", ".NS", "INR"),
    ("BSE", ".BO", "INR"),
    ("ASX", ".AX", "AUD"),
    ("TSX", ".TO", "CAD"),
    ("SGX", ".SI", "SGD"),
    ("NZX", ".NZ", "NZD"),
    ("Vienna", ".VI", "EUR", "WBAG"),
    ("Euronext Lisbon", ".LS", "EUR", "ELI"),
    ("GPW", ".WA", "PLN", "WSE"),
    ("Budapest", ".BD", "HUF", "BUD"),
    ("Athens", ".AT", "EUR", "ATHEX"),
):
    _venue(*_args)
_venue("HKEX", ".HK", "HKD", "HK", "SEHK", "HKG", "HKSE", width=4)
_venue("KRX", ".KS", "KRW", "KOSPI", width=6)
_venue("KOSDAQ", ".KQ", "KRW", width=6)
_venue("SSE", ".SS", "CNY", "SHA", width=6)
_venue("SZSE", ".SZ", "CNY", "SHE", width=6)

_BY_SUFFIX: dict[str, Exchange] = {}
for _exchange in _EXCHANGES.values():
    if _exchange.suffix:
        _BY_SUFFIX.setdefault(_exchange.suffix, _exchange)

def exchange_named(name: str) -> Exchange | None:
    return _EXCHANGES.get(" ".join(name.split()).casefold())


def exchange_of(symbol: str) -> Exchange | None:
    """The venue a Yahoo symbol's suffix names; None for US symbols, which have none."""
    dot = symbol.rfind(".")
    return _BY_SUFFIX.get(symbol[dot:].upper()) if dot > 0 else None


def yahoo_symbol(exchange: str, code: str) -> str | None:
    """The Yahoo symbol for a local code on a named venue: ("HKEX", "700") → "0700.HK".

    None when the venue is unknown: a guessed suffix would file the article under a
    symbol that does not exist.
    """
    venue = exchange_named(exchange)
    if venue is None:
        return None
    code = code.strip().upper()
    if venue.suffix == ".T" and code[:1].isalpha():
        venue = exchange_named("TSX") or venue  # "TSE:CGY": Tokyo's codes are digits, Toronto's letters
    if not venue.suffix:
        return code.replace(".", "-")  # BRK.B is BRK-B on Yahoo
    if code.endswith(venue.suffix):
        code = code.removesuffix(venue.suffix)
        if not code.endswith("-OL"):
            return code + venue.suffix
    code = code.removesuffix("-OL")  # "2888-OL.HK": Yahoo once tagged Hong Kong's odd-lot line
    if venue.suffix in _CLASS_DASHED and len(code) > 2 and code[-2] == "." and code[-1].isalpha():
        code = code[:-2] + "-" + code[-1]  # "TSX: CTC.A" is Yahoo's CTC-A.TO, a share class
    if venue.code_width and code.isdigit():
        code = (code.lstrip("0") or "0").zfill(venue.code_width)
    return code + venue.suffix


_CLASS_DASHED = frozenset({".TO", ".V", ".L"})
"""Venues whose share classes Yahoo writes with a dash ("RCI-B.TO", "CTC-A.TO", "LON: BT.A"
is "BT-A.L")."""

HOME_COUNTRY = {
    ".DE": "DE", ".F": "DE", ".L": "GB", ".AS": "NL", ".PA": "FR", ".BR": "BE", ".MI": "IT",
    ".MC": "ES", ".SW": "CH", ".ST": "SE", ".HE": "FI", ".CO": "DK", ".OL": "NO", ".T": "JP",
    ".HK": "HK", ".KS": "KR", ".KQ": "KR", ".TW": "TW", ".NS": "IN", ".BO": "IN", ".AX": "AU",
    ".TO": "CA", ".SI": "SG", ".VI": "AT", ".SS": "CN", ".SZ": "CN", ".LS": "PT", ".WA": "PL", ".BD": "HU",
    ".NZ": "NZ", ".JO": "ZA", ".V": "CA", ".AT": "GR",
}
"""Yahoo suffix → the country code that starts the ISINs of shares listed there."""
