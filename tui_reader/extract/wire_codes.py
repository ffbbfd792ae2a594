"""Codes that wires and portals write for a listing: Reuters' instrument codes
("Tencent 0700.HK", "Daimler DAIGn.DE"), Bloomberg's ("CICC (3908 HK)") and the German
WKN ("Delignit (WKN A0MZ4B)"), each read back to the Yahoo symbol or the ISIN it names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tui_reader.extract.directory import Directory
from tui_reader.model import Instrument

_WKN = re.compile(r"\bWKN[:\s]{1,3}([A-Z0-9]{6})\b")
def wkn_isins(text: str) -> Iterator[tuple[int, str]]:
    """(where, ISIN) of each German securities code written out ("Delignit (WKN
    A0MZ4B)", "WKN: 716460"): a German share's ISIN is "DE000", the WKN and a check
    digit, so German portals that print only the WKN still name the listing."""
    if "WKN" not in text:
        return
    from stdnum import isin as stdnum_isin

    for match in _WKN.finditer(text):
        if "ISIN" in text[match.end():match.end() + 12]:
            continue  # "WKN: 855167 / ISIN: CH0012032048": not every WKN is a German share's
        body = "DE000" + match.group(1)
        yield match.start(1), body + stdnum_isin.calc_check_digit(body)


_RIC_VENUE = re.compile(r"\.(?P<venue>T|HK|KS|KQ|SS|SZ|TW|DE|L|PA|AS|MI|MC|S|VI|ST|HE|CO|OL|BR|N|OQ|O)(?![\w.])")
_RIC_CODE = re.compile(r"(?<![\w.])(?:(?P<digits>[0-9]{4,6})|(?P<root>[A-Z][A-Z0-9]{0,4})(?:[a-z]{1,2}|_[a-z])?)$")
"""A Reuters instrument code written bare after the name: its venue's suffix, then the
code read back from it (the suffix leads: a literal "." lets the engine skip the text).
An Asian share's ("Mitsui Kinzoku 5706.T", "Tencent 0700.HK") is digits, which are
Yahoo's symbol too and look like nothing else in prose. A European one ("Daimler
DAIGn.DE", "Shell RDSa.L", "Nestle NESN.S") marks the class in lower case, and Xetra's
adds a "G" to the root: read as Yahoo's symbol only where the directory knows it."""
_ASIAN = frozenset({"T", "HK", "KS", "KQ", "SS", "SZ", "TW"})
_RIC_SUFFIXES = {"S": "SW", "N": "", "O": "", "OQ": ""}
"""Reuters' venue codes where Yahoo's differ: SIX is ".S" there, ".SW" here; New York's
and Nasdaq's ("GM (GM.N)", "(AAPL.O)") have none here."""


def ric_tickers(found_in: Directory, text: str) -> Iterator[tuple[int, int, Instrument]]:
    """Shares named by their Reuters code (`_RIC_VENUE`, `_RIC_CODE`)."""
    for tail in _RIC_VENUE.finditer(text):
        at = tail.start()
        code = _RIC_CODE.search(text, at - 8 if at > 8 else 0, at)
        if code is None:
            continue
        venue = tail["venue"]
        if code["digits"]:
            if venue in _ASIAN:
                digits = code["digits"]
                if venue == "HK" and len(digits) == 5 and digits[0] == "0":
                    digits = digits[1:]  # "HSBC Holdings (00005.HK)": the exchange's five digits, Yahoo's four
                symbol = digits + tail.group()
                yield code.start(), tail.end(), found_in.by_ticker(symbol) or Instrument(None, symbol, None)
            continue
        if venue in _ASIAN:
            continue
        root, suffix = code["root"], _RIC_SUFFIXES.get(venue, venue)
        if not suffix and text[code.start():at] != root:
            continue  # a US code is capitals only: "Fig.N" is no Ford
        suffix = "." + suffix if suffix else ""
        roots = (root, root[:-1]) if venue == "DE" and len(root) == 4 and root.endswith("G") else (root,)
        listing = next((found for r in roots if (found := found_in.by_ticker(r + suffix)) is not None), None)
        if listing is not None:
            yield code.start(), tail.end(), listing


_BLOOMBERG = re.compile(r"(?:(?<=\()|(?<=[;,] ))(?P<digits>[0-9]{1,6}) (?P<venue>HK|SZ|SH|SS|CH|JP|JT|KS|TT)$")
"""Searched only right before a ")" or ";" whose two letters before are a venue code: a
scan of the whole text cost ~7 us an article, the closers are few."""
_BLOOMBERG_VENUES = {"HK": (".HK", 4), "SZ": (".SZ", 6), "SH": (".SS", 6), "SS": (".SS", 6), "JP": (".T", 4),
                     "JT": (".T", 4), "KS": (".KS", 6), "TT": (".TW", 4), "CH": ("", 6)}
"""Bloomberg's venue codes where Yahoo's differ, with the digits a code has there."""


def bloomberg_tickers(found_in: Directory, text: str) -> Iterator[tuple[int, int, Instrument]]:
    """Shares named by Bloomberg's code in parentheses, as Hong Kong and Asian papers
    write them: "CICC (3908 HK)", "SF Express (002352 SZ)", "(600233 SH)", "(7203 JP)".
    Digits and a venue code are nothing else in prose; "CH" (all of mainland China) is
    Shanghai for a "6" and Shenzhen otherwise."""
    for closer in ");":
        at = text.find(closer)
        while at >= 0:
            if text[at - 2:at] in _BLOOMBERG_VENUES and text[at - 4:at - 3].isdigit() and (
                    match := _BLOOMBERG.search(text, max(0, at - 12), at)) is not None:
                digits, venue = match["digits"], match["venue"]
                suffix, width = _BLOOMBERG_VENUES[venue]
                if venue == "CH":
                    suffix = ".SS" if digits[0] == "6" else ".SZ"
                elif venue == "HK" and len(digits) == 5 and digits[0] == "0":
                    digits = digits[1:]  # "(09988 HK)": the exchange's five digits
                if len(digits) == width or (width == 4 and len(digits) < 4):
                    symbol = digits.zfill(width) + suffix
                    yield match.start(), match.end(), found_in.by_ticker(symbol) or Instrument(None, symbol, None)
            at = text.find(closer, at + 1)
