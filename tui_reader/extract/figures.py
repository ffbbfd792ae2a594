"""The key figures an article states: money, percentages, dates, multiples, periods.

Our own extractor of precompiled regexes, because the general libraries get finance
text wrong (quantulum3 reads "bn" as barn and drops currencies; dateparser turns
"$53" into the year 2053) and because it has to be fast: figures get about 100 µs of
the per-article budget (see benchmarks/figures_rate.py). One regex pass finds every
figure led by a digit or currency symbol (figures_scan), one more the figures written
in words (figures_heads); this module merges them into one non-overlapping list and
attaches each figure's sentence (figures_context.figure_sentences, which the store also
uses to rebuild it).

Real publishers' forms (issue 9) are read by the decoder of their kind: cents and pence
(figures_minor), German amounts and percentages in words (figures_worded), quote widgets
that are not figures (figures_widgets), wire datelines and day ranges (figures_dates),
moves named by nouns, German compounds and separable verbs (figures_words), fractions
(figures_fractions: "ein Drittel" is a percent figure of 33.3), spans that are only a
comparison's base and so no period (figures_bases: "a two-year low", "the 52-week
high"); page furniture (update lines, bylines, photo credits, ticker strips) is
no figure (figures_dates, figures_widgets). Two decisions shape the output: a move
between two levels ("von 78 auf 107 Millionen Dollar", "from 5 to 7 percent", "auf 95
von 90 Franken", "to 95 francs from 90") is two figures, the level written bare
borrowing the scale and unit written once with the other; a day range ("19. bis 22.
Mai", "May 19-22") is two dates, the first spanning only its own day.

A bare "$" or "cents" in an Australian or Canadian market report is that country's
dollar (`_local_dollars`), as "kroner" in a Danish story is DKK (`_danish`).

Once all figures are known, figures_joins reads them again in one loop: two amounts
that form one range with the unit written twice ("4,20 Mrd. Euro bis 4,35 Mrd. Euro")
become one figure, a span's worded low end joins it ("sechs bis zwölf Monaten"), and
cents or a bare per-share amount take the currency of the money nearby; then
figures_bare gives a scaled amount written without its currency ("von 94 Millionen im
Vorjahr auf 101,7 Millionen Euro") the currency of the amount that names it.
"""

from __future__ import annotations

import re
from datetime import datetime
from operator import itemgetter

from tui_reader.extract.figures_bare import bare_amounts
from tui_reader.extract.figures_context import figure_sentences
from tui_reader.extract.figures_heads import worded
from tui_reader.extract.figures_joins import join_figures
from tui_reader.extract.figures_numbers import Found
from tui_reader.extract.figures_scan import scan
from tui_reader.extract.word_names import is_german
from tui_reader.model import KeyFigure

_URL = re.compile(r"(?:https?://|www\.)\S+")
_RANK = {"date": 0, "money": 1, "percent": 2, "period": 3, "multiple": 4}
"""Which kind wins when two figures claim the same characters and are equally long."""
_START, _END = itemgetter(0), itemgetter(1)


def find_figures(body: str, published: datetime | None, home_dollar: str | None = None) -> list[KeyFigure]:
    """Every key figure in `body`, sorted by position, none overlapping another.

    `published` resolves dates written without a year; without it such dates are
    left out rather than guessed. `home_dollar`: the dollar of the market the article's
    companies are listed in ("AUD" for an ASX company), which a bare "$" means where the
    text names no market.
    """
    found = scan(body, published) + worded(
        body, published.date() if published is not None else None)
    if not found:
        return []
    kept = _without_overlaps(found)
    if "://" in body or "www." in body:
        kept = _outside_urls(body, kept)
    kept = join_figures(body, kept)
    if "ollar" in body or "uro" in body or "ound" in body or "währung" in body or " yen" in body:
        kept = _without_exchange_rates(body, kept)
    if published is not None:
        kept = _without_own_day(body, kept, published.date().isoformat())
    if "hoto" in body or "llustration" in body or " seen " in body:
        kept = _without_caption_days(body, kept)
    if "illi" in body or "Mio." in body or "Mrd." in body:
        kept = bare_amounts(body, kept)
    if ("Mrd." in body or "Mio." in body or "Bio." in body) and _POINT_DECIMALS.search(body):
        kept = _swiss_scaled(body, kept)
    if " Won" in body or " Yen" in body or " yen" in body:
        kept = _whole_units(body, kept)
    if " Billion " in body and is_german(body):
        kept = _german_billion(body, kept)
    if " pound" in body:
        kept = _without_weights(body, kept)
    if "krone" in body or "crown" in body or "Krone" in body:
        kept = _danish(body, kept)
    if (home_dollar or "ASX" in body or "TSX" in body or "SGX" in body or "Singapore Exchange" in body or "STI" in body
            or "NZX" in body):
        kept = _local_dollars(body, kept, home_dollar)
    contexts = figure_sentences(body, kept)
    return [KeyFigure(kind, body[start:end], value, start, end, context, currency, qualifier, unit, direction, high)
            for (start, end, kind, value, currency, qualifier, unit, direction, high), context
            in zip(kept, contexts, strict=True)]


_RATE_SUBJECT = re.compile(
    r"(?:\b(?:[Tt]he|Australian|Canadian|Swiss|U\.S\.|US|[Dd]er|[Dd]ie)[ \u00a0]+"
    r"(?:dollar|euro|pound|yen|franc|loonie|Euro|Dollar|Franken|Yen|Pfund)(?![\w-]|[ \u00a0](?:zone|area|Stoxx))"
    r"|\bsterling\b|Gemeinschaftswährung)")
"""A currency as the subject of a clause: "The Australian dollar was at $0.7234", "The
dollar slipped to 120.91 yen", "notierte die Gemeinschaftswährung bei 1,4123 Dollar"."""
_CLAUSE_MARKS = (". ", ", ", "; ", ": ", "\n")


def _without_exchange_rates(body: str, found: list[Found]) -> list[Found]:
    """Drop exchange rates: a bare amount (no million or billion) in a clause whose
    subject is a currency is that currency's price, market colour rather than a figure
    of the story (the held-out sets' readers never counted one as a key figure)."""
    out = []
    for f in found:
        if f[2] == "money" and isinstance(f[3], float) and f[3] < 1000 and not f[8]:
            head = body[(f[0] - 80 if f[0] > 80 else 0):f[0]]
            clause = head[max(head.rfind(mark) for mark in _CLAUSE_MARKS) + 1:]
            if _RATE_SUBJECT.search(clause):
                continue
        out.append(f)
    return out


_YEAR = re.compile(r"(?:19|20)[0-9]{2}")


def _without_own_day(body: str, found: list[Found], day: str) -> list[Found]:
    """Drop the publication's own day written out with its year in the text ("Friday, 12
    January 2024", "30 Apr, 2020", "12.12.2017" in a portal's headline): a stamp of the
    page, not a date the story names. Without a year ("on Oct. 24") it is a day the story
    speaks of, and stays; so does one that opens a span ("vom 1. Oktober 2024 bis …",
    "from October 1, 2024 to …"): the story's own period starting that day, and one the
    prose attaches to an event ("in einer Ad-hoc-Mitteilung vom 24. Juli 2025", "On
    November 6, 2024, the company …") unless a byline's word leads it ("Published on").
    A day a byline's word leads and a clock time follows is the page's stamp on any day
    ("Updated Fri, Sep 12, 2025 · 08:18 AM")."""
    return [f for f in found
            if not (f[2] == "date" and (
                (f[3] == day and _YEAR.search(body, f[0], f[1])
                 and not (body.endswith(_SPAN_OPENERS, 0, f[0]) and _SPAN_CLOSERS.match(body, f[1]))
                 and not (body.endswith(_PROSE_LEADS, 0, f[0])
                          and not _STAMP_LEAD.search(body, max(0, f[0] - 32), f[0])
                          and not _CLOCK_AFTER.match(body, f[1])))
                # "— Updated Fri, Sep 12, 2025 · 08:18 AM": the page's stamp on another day
                or (_CLOCK_AFTER.match(body, f[1]) and _YEAR.search(body, f[0], f[1])
                    and _STAMP_LEAD.search(body, max(0, f[0] - 32), f[0]))))]


def _whole_units(body: str, found: list[Found]) -> list[Found]:
    """Won and yen have no hundredths in a price, so "105.800 Won" is 105,800 (German
    digits), not 105.8."""
    return [(*f[:3], f[3] * 1000, *f[4:]) if f[2] == "money" and f[4] in ("KRW", "JPY") and isinstance(f[3], float)
            and f[3] < 1000 and _GROUPED_WHOLE.match(body, f[0]) else f for f in found]


_GROUPED_WHOLE = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+[ \u00a0](?:[Ww]on|[Yy]en)\b")


def _german_billion(body: str, found: list[Found]) -> list[Found]:
    """German "eine Billion" is 10**12, as "Billionen" is ("über 1 Billion Yen"); the scale
    reads it as an English headline's "Billion" (10**9) until the text is known German."""
    return [(*f[:3], f[3] * 1000, *f[4:8], f[8] * 1000 if f[8] else f[8])
            if f[2] == "money" and isinstance(f[3], float) and body[f[0]].isdigit() and " Billion " in body[f[0]:f[1] + 1]
            else f
            for f in found]


_COMMODITIES = (r"(?:copper|gold|silver|nickel|zinc|cobalt|molybdenum|uranium|lithium|alumini?um|coffee|cocoa"
                r"|sugar|cotton|beef|pork|butter|cheese|salmon|meat)")
_COMMODITY_BEFORE = re.compile(
    rf"\b{_COMMODITIES}[ \u00a0]+(?:sales|production|output|shipments|volumes?|exports|imports|deliveries)"
    r"[ \u00a0]+(?:of|at|to|were|was|totall?ed|reached)[ \u00a0]+(?:(?:about|around|roughly|nearly)[ \u00a0]+)?$",
    re.IGNORECASE)
_COMMODITY_AFTER = re.compile(rf"[ \u00a0]+of[ \u00a0]+(?:[a-z]+[ \u00a0]+)?{_COMMODITIES}\b", re.IGNORECASE)


def _without_weights(body: str, found: list[Found]) -> list[Found]:
    """Pounds of a commodity are its weight, not sterling: "copper sales of 635 million
    pounds", "20 million pounds of roasted coffee"."""
    return [f for f in found
            if not (f[2] == "money" and body.endswith(("pounds", "pound"), f[0], f[1])
                    and (_COMMODITY_BEFORE.search(body, max(0, f[0] - 40), f[0]) is not None
                         or _COMMODITY_AFTER.match(body, f[1]) is not None))]


def _line_bounds(body: str, start: int, end: int) -> tuple[int, int]:
    """Where the line holding body[start:end] begins and ends."""
    line_end = body.find("\n", end)
    return body.rfind("\n", 0, start) + 1, line_end if line_end >= 0 else len(body)


def _without_caption_days(body: str, found: list[Found]) -> list[Found]:
    """Drop the day a photo was taken, which a picture's caption kept in the text states
    ("The logo … is seen in Paris, France, February 13, 2023. REUTERS/…/File Photo",
    "In this photo provided by Union Pacific … July 28, 2025"): no date of the story."""
    out = []
    for f in found:
        if f[2] == "date":
            line_start, line_end = _line_bounds(body, f[0], f[1])
            if _CAPTION_CUE.search(body[line_start:line_end]):
                continue
        out.append(f)
    return out


_CAPTION_CUE = re.compile(r"REUTERS/|Photo\b|[Pp]hoto (?:provided|taken|shows)|[Ii]n this photo|[Ii]llustration"
                          r"|\b(?:is|are) seen\b|(?:AP|AFP|dpa) Photo|Getty Images")
"""What a picture's caption says of itself."""


_SPAN_OPENERS = ("vom ", "from ", "ab ", "Vom ", "From ")
_SPAN_CLOSERS = re.compile(r" (?:bis|to|through|until)\b")
_PROSE_LEADS = (" vom ", " on ", "On ", " am ", "Am ", " dated ", " datiert ")
_STAMP_LEAD = re.compile(r"(?i:published|updated|posted|veröffentlicht|aktualisiert|erschienen|stand)[: ]*"
                         r"(?:on|am|vom)? (?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6},? )?$")
"""A byline's word before the day ("Published on …", "Veröffentlicht am …", "Updated Fri,
Sep 12, 2025"): a stamp."""
_CLOCK_AFTER = re.compile(r"[ \u00a0]*[-–|,·][ \u00a0]*[0-9]{1,2}[.:][0-9]{2}(?:[ \u00a0]?Uhr|[ \u00a0]?[ap]m)?(?![0-9])")
"""A clock time set after the day by a dash, bar or comma ("Überblick: UNTERNEHMEN vom
09.06.2014 - 15.15 Uhr"): the page's stamp even after a prose word like "vom"."""


_DANISH = re.compile(r"Danish|Denmark|Copenhagen|dänisch|Dänemark|Kopenhagen")
_NORWEGIAN = re.compile(r"Norw|Oslo|norweg")
_CROWNS = re.compile(r"[Kk]ron|crown")
_SWEDISH = re.compile(r"Swed|Stockholm|schwed|Schweden")


def _danish(body: str, found: list[Found]) -> list[Found]:
    """ "kroner", German "Kronen" and bare "crowns" are Norway's and Denmark's alike (and
    Sweden's, in German): in a story about a Danish company (and none about Norway) they
    are DKK ("2.05 billion kroner" of Copenhagen's D/S Norden, "12,12 Milliarden Kronen" of
    Novo Nordisk), in one about a Swedish company SEK ("4,7 Milliarden Kronen" of H&M)."""
    if _SWEDISH.search(body) and not _DANISH.search(body) and not _NORWEGIAN.search(body):
        return [(*f[:4], "SEK", *f[5:]) if f[4] == "NOK" else f for f in found]  # its crowns, borrowed ones too
    if not _DANISH.search(body) or _NORWEGIAN.search(body):
        return found
    return [(*f[:4], "DKK", *f[5:]) if f[4] == "NOK" and _CROWNS.search(body, f[0], f[1] + 12) else f
            for f in found]


def _named_in_prose(body: str, named: re.Pattern[str]) -> bool:
    """Whether the text names a market in a sentence, not only in a market widget's short
    line ("• S&P/TSX" / "22,011.72" atop a Yahoo Canada page about Apple, whose dollars
    stay American)."""
    for m in named.finditer(body):
        line_start, line_end = _line_bounds(body, m.start(), m.end())
        if line_end - line_start > _WIDGET_LINE:
            return True
    return False


_WIDGET_LINE = 24
"""The longest line a market widget gives an index's name ("• S&P/TSX 60")."""


_DOLLAR_MARKETS = (
    ("AUD", re.compile(r"\bASX\b|S&P/ASX")),
    ("CAD", re.compile(r"\bTSX\b|S&P/TSX")),
    ("SGD", re.compile(r"\bSGX\b|Singapore Exchange|Straits Times Index|\bSTI\b")),
    ("NZD", re.compile(r"\bNZX\b")),
)
"""Markets whose own currency is a dollar, by how their reports name the market."""
_OTHER_ASIAN_MARKETS = {
    "AUD": re.compile(r"Nikkei|Hang Seng|Kospi|Shanghai Composite|Taiex|Straits Times|Sensex"),
    "SGD": re.compile(r"Nikkei|Hang Seng|Kospi|Shanghai Composite|Taiex|Sensex|\bASX\b"),
}
"""Other Asian markets: a wrap that names them is written in US dollars."""


_DECIMALS_BEFORE_UNIT = r"[0-9]{1,2}[ \u00a0](?:Prozent|CHF|Franken|Punkte|Euro|EUR)(?!\w)"
"""The decimals of a German figure and its unit: "1.25 Prozent", "32,33 CHF"."""
_POINT_DECIMALS = re.compile(r"[0-9]\." + _DECIMALS_BEFORE_UNIT)
_COMMA_DECIMALS = re.compile(r"[0-9]," + _DECIMALS_BEFORE_UNIT)
_GROUPED_SCALED = re.compile(r"[0-9]{1,3}\.[0-9]{3}[ \u00a0]?(?:Mrd|Mio|Bio)\.")


def _swiss_scaled(body: str, found: list[Found]) -> list[Found]:
    """Swiss portals write German with a decimal point ("+ 1.25 Prozent auf 32.33 CHF"), so
    there "229.795 Mrd. Euro" is 229.795 billion, not the 229,795 billion the German
    reading of a three-digit group gives. Only where the text's decimals are points and
    never commas."""
    if _COMMA_DECIMALS.search(body) is not None:
        return found
    return [(*f[:3], f[3] / 1000, *f[4:]) if f[2] == "money" and isinstance(f[3], float)
            and _GROUPED_SCALED.match(body, f[0]) else f for f in found]


def _local_dollars(body: str, found: list[Found], home_dollar: str | None) -> list[Found]:
    """In a report from the Australian, Canadian, Singapore or New Zealand market (it names
    the ASX, the TSX, the SGX or the NZX, and no other of them) a bare "$" and "cents" are
    that country's:
    "CBA shed $1.20 to $102.79" is AUD. "US$", "$US" and "US cents" stay USD. A text that
    names no market is in the dollar of its companies' market (`home_dollar`): "AGL
    Energy's profit fell to $94 million" is AUD; "USD" there (a company that reports in US
    dollars) leaves it American. A market the text names wins: its share prices and
    dividends are local even where the company reports in US dollars (Fortescue on the ASX),
    unless the text states that its amounts are in US dollars."""
    markets = [code for code, named in _DOLLAR_MARKETS if _named_in_prose(body, named)]
    if not markets and home_dollar and home_dollar != "USD" and _LOCAL_SIGN.search(body) is None:
        markets = [home_dollar]
    if len(markets) != 1 or _STATED_US_DOLLARS.search(body) is not None:
        return found
    local = markets[0]
    if home_dollar == "USD" and local == "CAD" and _US_VENUE.search(body) is not None:
        return found  # "(TSX/NYSE: TRI)": a US-dollar reporter's release, listed in both places
    others = _OTHER_ASIAN_MARKETS.get(local)
    if others is not None and others.search(body) is not None:
        return found  # a pan-Asian wrap names the ASX among others, in US dollars
    out = []
    for f in found:
        if f[2] == "money" and f[4] == "USD":
            text = body[f[0]:f[1]].lstrip("-−(")
            if (("$" in text and "$US" not in text and "US$" not in text) or (
                    text.lower().endswith(("cents", "cent", "c", "cps")) and "US" not in text and "U.S" not in text)) and not _priced_in_usd(
                    body, f[0], f[1]) and not _converted(body, f[0]):
                f = (*f[:4], local, *f[5:])
        out.append(f)
    return out


_US_VENUE = re.compile(r"\b(?:NYSE|Nasdaq|NASDAQ)\b")
_STATED_US_DOLLARS = re.compile(
    r"(?i:(?:figures|amounts|numbers)\b[^.]{0,40}?\bin (?:thousands of |millions of )?|(?:expressed|presented|reported) in )"
    r"(?:US|U\.S\.|United States) [Dd]ollars")
"""A release that says its currency: "All figures are in thousands of US Dollars except as
otherwise noted" (Itafos on the TSX Venture), "expressed in U.S. dollars"."""
_LOCAL_SIGN = re.compile(r"\b(?:AU?|NZ|S)\$|\$(?:A|NZ)\b")
"""A local dollar the text marks ("A$50 million", "$A50 million"): its bare "$" is then the
US dollar, as wires write it ("a U.S. contract worth $258 million")."""


def _converted(body: str, start: int) -> bool:
    """ "provisions of A$1.5 billion ($970 million)": a bare "$" in parentheses right after
    an amount the text marks as local is its conversion into US dollars."""
    return start > 0 and body[start - 1] == "(" and any(
        mark in body[(start - 24 if start > 24 else 0):start] for mark in ("A$", "C$", "AU$", "CA$"))


_CLAUSE_CUTS = (". ", "; ", " and ", " while ", "\n")
_COMMODITY = re.compile(r"\b(?:barrels?|ounces?|tonnes?|bushels?|crude|Brent|WTI|bitcoin|[Gg]old|[Ss]ilver|[Cc]opper)\b")
"""Whole words: "announced" holds "ounce", "Goldman" "Gold"."""


def _priced_in_usd(body: str, start: int, end: int) -> bool:
    """Whether the amount prices a commodity, which trades in US dollars in any market's
    report ("crude rose 2.52%, or $1.67, to $67.99 a barrel"): a commodity word in its
    clause before it (up to "and", "while", ";" or a sentence end) or just after it."""
    before = body[(start - 60 if start > 60 else 0):start]
    cut = max(before.rfind(mark) for mark in _CLAUSE_CUTS)
    after = body[end:end + 25]
    stop = min((at for mark in _CLAUSE_CUTS if (at := after.find(mark)) >= 0), default=len(after))
    return (_COMMODITY.search(before, cut + 1 if cut >= 0 else 0) is not None
            or _COMMODITY.search(after, 0, stop) is not None)



def _without_overlaps(found: list[Found]) -> list[Found]:
    """Sorted by start; of two overlapping figures the longer (then higher-ranked) stays."""
    found.sort(key=_END, reverse=True)  # two stable C-keyed sorts: start, then longest first
    found.sort(key=_START)
    kept: list[Found] = []
    for figure in found:
        if kept and figure[0] < kept[-1][1]:
            start, end, kind = figure[:3]
            last_start, last_end, last_kind = kept[-1][:3]
            if (end - start, -_RANK[kind]) > (last_end - last_start, -_RANK[last_kind]):
                kept[-1] = figure
            continue
        kept.append(figure)
    return kept


def _outside_urls(body: str, found: list[Found]) -> list[Found]:
    """Drop figures inside links: "…/2026/02/19/up-50-percent" states nothing."""
    spans = [m.span() for m in _URL.finditer(body)]
    return [f for f in found if not any(s < f[1] and f[0] < e for s, e in spans)]
