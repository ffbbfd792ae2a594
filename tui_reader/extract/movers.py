"""Symbols in movers lists and market briefs, written in their own forms: "AAOI up 23%",
Benzinga's widget after a legal name ("Champions Oncology, Inc. CSBR 15.24%"), its
briefs' "PMGC Holdings Inc ELAB shares were up" and Tiger Brokers' tags
"$Keppel DC Real Estate Investment Trust(AJBU.SI)$"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tui_reader.extract.directory import Directory
from tui_reader.extract.exchanges import exchange_named
from tui_reader.extract.figures_widgets import NAMED_WIDGET
from tui_reader.extract.written_tickers import NOT_TICKERS, home_suffix, named_before
from tui_reader.model import Instrument

_MOVER = re.compile(
    r"(?<![\w$])([A-Z]{2,5})[ \u00a0]+(?:[-–—][ \u00a0]*)?(?:up|down|[+−-])[ \u00a0]?\d{1,3}(?:\.\d+)?[ \u00a0]?%"
)
"""A symbol before a signed move ending at a "%": searched only in the few characters
before each "%" (a scan of the whole text cost ~60 µs an article, this ~7)."""


def mover_tickers(found_in: Directory, text: str) -> Iterator[tuple[int, int, Instrument]]:
    """Symbols in a movers list ("AAOI up 23%", "CEMP - up 29%"): an all-capital word
    right before a signed move is a ticker when the directory knows it (in a report on
    London, Sydney or Toronto, that market's line first; an acronym
    before "up 5%" is far rarer than a symbol, and a known symbol keeps it so). And
    Benzinga's widget after a legal name ("Champions Oncology, Inc. CSBR 15.24%"), a
    ticker even when the directory lacks it (the named company when it knows the name)."""
    home: str | None = None
    at = text.find("%")
    while at >= 0:
        match = _MOVER.search(text, max(0, at - 22), at + 1)
        if match is None and text[at - 3:at - 2] == "." and _after_capitals(text, at - 4) and (
                named := NAMED_WIDGET.search(text, max(0, at - 40), at + 1)):
            yield named.start("ticker"), named.end("ticker"), (
                found_in.by_ticker(named["ticker"]) or named_before(found_in, text, named.start())
                or Instrument(None, named["ticker"], None))
        at = text.find("%", at + 1)
        if match is None:
            continue
        code = match.group(1)
        if code in NOT_TICKERS or exchange_named(code) is not None:
            continue
        if home is None:
            home = home_suffix(text)
        # "British Airways owner IAG down 4.1%" in a London report is IAG.L, not New York's IAG
        known = (home and found_in.by_ticker(code + home)) or found_in.by_ticker(code)
        if known is not None:
            yield match.start(1), match.end(1), known


def _after_capitals(text: str, at: int) -> bool:
    """Whether the number ending at `at` follows a space after a capital ("NAV 11.01%"):
    the one cheap test before the widget's pattern is searched."""
    while at > 0 and text[at].isdigit():
        at -= 1
    return at > 0 and text[at] == " " and text[at - 1].isupper()


_LEGAL_CODE = re.compile(
    r"(?<=[a-z.])[ \u00a0](?:Inc|Ltd|Corp|Plc|PLC|Co|Limited|Corporation|Incorporated|LLC)\.?[ \u00a0]"
    r"(?P<ticker>[A-Z]{2,5})(?=[ \u00a0](?:shares|stock|was|were|is|has|rose|fell|gained|jumped|dropped|surged"
    r"|slid|climbed|traded|closed|tumbled|soared|plunged)\b)")
"""A symbol right after a company's legal name and before what its shares did, as
Benzinga's briefs write it: "Aptorum Group Ltd APM shares dropped 39%", "5E Advanced
Materials Inc FEAM was down"."""


def briefed_tickers(found_in: Directory, text: str, ends: list[int]) -> Iterator[tuple[int, int, Instrument]]:
    """Symbols written after a legal name (`_LEGAL_CODE`): the listing the directory
    knows by the symbol or the name, else ticker-only, as the text wrote it. Looked for
    only at `ends`, the ends of runs of capitalised words that end in two capitals (the
    code closes the run "Aptorum Group Ltd APM"): a scan of the whole text for the legal
    words cost ~40 µs an article."""
    for end in ends:
        match = _LEGAL_CODE.search(text, end - 24 if end > 24 else 0, end + 10)
        if match is None or match.end("ticker") != end:
            continue
        code = match["ticker"]
        if code in NOT_TICKERS or exchange_named(code) is not None:
            continue
        yield match.start("ticker"), end, (
            found_in.by_ticker(code) or named_before(found_in, text, match.start() + 1) or Instrument(None, code, None))


def tagged_tickers(found_in: Directory, tags: list[tuple[int, int, str, str]]
                   ) -> Iterator[tuple[int, int, Instrument]]:
    """The listings of Tiger Brokers' tags, "$Keppel DC Real Estate Investment
    Trust(AJBU.SI)$", "$Apple(AAPL)$" (start, end, name, symbol, as the candidate
    pattern of `find_instruments` reads them), each spanning its whole tag: the name
    inside is no second mention ("Keppel" of a Keppel REIT's tag is not Keppel Ltd)."""
    for start, end, name, code in tags:
        yield start, end, found_in.by_ticker(code) or Instrument(None, code, name.strip())
