"""What an article says: the instruments it is about and the figures it states."""

from __future__ import annotations

import math

from tui_reader.model import Article, Instrument, KeyFigure

EXTRACTOR_VERSION = 44
"""Bumped whenever a change to the rules changes what `enrich` finds: stored articles
written by an older version are re-extracted in the background, so a user who upgrades
sees the better filing on the news they already have."""

READ_LIMIT = 200_000
"""Characters of a body the extractors read: ~30,000 words, more than any news story,
while a pasted 4 MB file (a seed may have 5) took 40 s and 285,000 figures to read and
then froze the reader that showed them. The rest stays stored and searchable; the
article view says it was not read."""


def enrich(article: Article) -> Article:
    """Fill the article's instruments and key figures from its title and text, in place."""
    from tui_reader.extract.instruments import find_instruments

    article.instruments = find_instruments(article.title, article.body[:READ_LIMIT], article.declared)
    article.figures = article_figures(article)
    return article


def article_figures(article: Article, primary_ticker: str | None = None) -> list[KeyFigure]:
    """The key figures of the article's title and text: `enrich` without the
    instruments, for ingestion's second stage (the instruments were filed in the first,
    and `primary_ticker` is the primary one's ticker as stored then)."""
    from tui_reader.extract.figures import find_figures

    ticker = primary_ticker if primary_ticker is not None else _primary_ticker(article.instruments)
    home = home_dollar(ticker)
    figures = find_figures(article.body[:READ_LIMIT], article.published, home)
    if article.title:
        in_title = find_figures(article.title, article.published, home)
        if article.published is not None and in_title:
            # "FTSE 100 live 05 February": the day of the headline's own edition, no figure
            day = article.published.date().isoformat()
            in_title = [f for f in in_title if not (f.kind == "date" and f.value == day)]
        figures = _title_figures(in_title, figures) + figures
    dot = ticker.rfind(".")
    if (crown := _LOCAL_CROWNS.get(ticker[dot:]) if dot > 0 else None) is not None:
        for figure in figures:
            if figure.currency == "NOK" and figure.text.endswith(_BARE_CROWNS) and not any(
                    country in figure.context for country in _CROWN_COUNTRIES):
                figure.currency = crown  # "fiel auf 326,35 Kronen" about Novo Nordisk: Danish crowns
    return figures


_LOCAL_CROWNS = {".CO": "DKK", ".ST": "SEK", ".PR": "CZK"}
"""The crown of the market the article's primary listing is in, where a bare "Kronen",
"crowns" or "kroner" (read as Norwegian when nothing names the country) is another."""
_BARE_CROWNS = ("Kronen", "crowns", "crown", "kroner", "krone")
_CROWN_COUNTRIES = ("orw", "wed", "chwed", "Dan", "dän", "Dän", "Czech", "chech")
"""Stems of the crown countries' names: a sentence that names one keeps its crowns as read
("Norway's Orkla earned 3 billion crowns" in a story about Carlsberg)."""


_LOCAL_DOLLARS = {".AX": "AUD", ".SI": "SGD", ".NZ": "NZD", ".TO": "CAD", ".V": "CAD"}
"""Yahoo's suffixes of the markets whose companies report in a dollar of their own."""


def _primary_ticker(instruments: list[Instrument]) -> str:
    primary = next((i for i in instruments if i.primary), instruments[0] if instruments else None)
    return primary.ticker if primary is not None and primary.ticker else ""


def home_dollar(ticker: str) -> str | None:
    """The local dollar of the market the article's primary listing (`ticker`) is in
    (Australia's, Singapore's, New Zealand's), or None. The primary company sets it, as
    its home market's papers write about it: "AGL Energy's profit fell to $94 million" is
    AUD though the story also names Netflix."""
    if ticker in _FOREIGN_REPORTERS:
        return "USD"  # its "$" is the US dollar, unless the text names its market (see figures._local_dollars)
    dot = ticker.rfind(".")
    return _LOCAL_DOLLARS.get(ticker[dot:]) if dot > 0 else None


_FOREIGN_REPORTERS = frozenset(
    "BHP.AX RIO.AX WDS.AX CSL.AX STO.AX FMG.AX QBE.AX BXB.AX RMD.AX AMC.AX JHX.AX S32.AX NEM.AX "
    "PDN.AX WTC.AX "
    "ABX.TO AEM.TO K.TO FNV.TO WPM.TO FM.TO LUN.TO CS.TO IVN.TO BTO.TO HBM.TO EQX.TO NTR.TO BN.TO BAM.TO "
    "BIP-UN.TO BEP-UN.TO QSR.TO SHOP.TO TRI.TO OTEX.TO CSU.TO WCN.TO MG.TO CLS.TO CCL-B.TO GIL.TO "
    "ATZ.TO ATD.TO "
    "TRI SHOP BN BAM QSR OTEX WCN NTR GOLD AEM KGC FNV WPM BHP RIO BIP BEP CLS MGA".split())
"""Companies listed in Sydney or Toronto (and their New York lines) that report in US
dollars: wires and their own releases write their "$" for those
("BHP's underlying profit fell to $10.2 billion", Toronto's gold and copper miners,
Brookfield, Shopify, Thomson Reuters)."""


def _title_figures(in_title: list[KeyFigure], in_body: list[KeyFigure]) -> list[KeyFigure]:
    """The headline's figures that the body does not state again, marked `in_title`.

    Feed items often carry their one figure only in the headline ("Shares of Jabil
    jumped 20%"); when the body repeats it, the body's figure (with its sentence) is
    the one kept, so a figure is listed once. Headlines round what the body states
    exactly ("Soars 22%" over "rose 21.9%", "Slips 2.2%" over "fell 2.21%"): a rounding
    of a body figure of the same kind is that figure too. A bare "$" in the headline is
    the currency the body's bare "$" amounts are in (a headline names no market).
    """
    stated = {(f.kind, f.value, f.currency) for f in in_body}
    local = {f.currency for f in in_body if f.kind == "money" and f.text.startswith("$")}
    kept = []
    for figure in in_title:
        if len(local) == 1 and figure.kind == "money" and figure.text.startswith("$") and figure.currency == "USD":
            figure.currency = next(iter(local))  # the body names the ASX: "$11 million" there is AUD
        if (figure.kind, figure.value, figure.currency) in stated or any(
            _rounds(figure, body) for body in in_body
        ):
            continue
        figure.in_title = True
        kept.append(figure)
    return kept


def _rounds(title: KeyFigure, body: KeyFigure) -> bool:
    """Whether the headline's figure is the body's rounded to the places it shows:
    22 of 21.9, 2.2 of 2.21, $25 billion of $25.18 billion (not 20 of 21.9)."""
    if (title.kind, title.currency, title.direction) != (body.kind, body.currency, body.direction):
        return False
    if not isinstance(title.value, float | int) or not isinstance(body.value, float | int) or not title.value:
        return False
    scale = 1000.0 ** (int(math.log10(abs(title.value))) // 3) if abs(title.value) >= 1000 else 1.0
    shown = title.value / scale
    places = len(repr(round(shown, 2)).partition(".")[2].rstrip("0"))
    return round(body.value / scale, places) == round(shown, places) and body.value != title.value
