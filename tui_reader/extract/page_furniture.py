"""Page furniture a saved or fetched page keeps around the story: quote boxes and their
rows, labelled quote lines, chart tabs, ticker strips, a portal's quote written as
sentences, the info box at the end and the page's tail of related stories and comments.

None of it is the story: its numbers are the quote when the page was made, and would
read as the article's figures. `strip_boilerplate` (boilerplate.py) asks these checks
for each short paragraph and notes what it removed.
"""

from __future__ import annotations

import re

_ROW_ITEM = r"\(?[+\-−]?[0-9][0-9.,']*(?:[ \u00a0]?(?:EUR|USD|CHF|GBP|€|\$|%|Pkt\.?|PKT|Punkte))?\)?"
_QUOTE_ROW = re.compile(rf"{_ROW_ITEM}(?:[ \u00a0]+{_ROW_ITEM})+")
"""A quote box's row, numbers and units only ("332,40 EUR 5,30 EUR 1,62%" under
finanzen.net's "Werte in diesem Artikel", "+26,11 (+0,09%)" in Yahoo's index box): the
price and its change when the page was saved, no figure of the story."""
_LONE_CHANGE = re.compile(r"[+\-−][0-9][0-9.,]*[ \u00a0]?%")
"""A signed percentage alone in its paragraph, under a ticker line: a quote widget's
change ("NVDA" / "-3.02%" / "Add to Watchlist"), never a sentence."""
_GLUED_QUOTE = re.compile(r"[0-9][0-9,]*\.[0-9]{2,4}[+\-−]?[0-9]+\.[0-9]{2}%")
"""A widget's price and change glued together, alone on a line: "0.000.00%", "12.345+1.20%"."""
SYMBOL_QUOTE_ROW = (r"[A-Z][A-Z0-9:.^\-]{0,9}[ \u00a0]*\|(?:[^|\n%]{1,40}\|){2,6}[ \u00a0]*[+\-−]?[0-9][0-9.,]*[ \u00a0]?%"
                    r"[ \u00a0]*\|?")
"""A quote table's row that opens with a symbol and ends with the change: "I:DJI | DOW JONES
AVERAGES | 44722.06 | -138.25 | -0.31% |" (a results table's rows open with a line item).
Its cells are bounded in number and hold no "%", so rows joined in a long paragraph of
bars are searched in one pass (boilerplate's `_QUOTE_TABLE`)."""
_PIPE_ROW = re.compile(
    r"[^|\n]{2,60}\|[ \u00a0]*[0-9][0-9.,']*[ \u00a0]*(?:EUR|€|CHF|USD|\$)?[ \u00a0]*\|"
    r"[ \u00a0]*[+\-−]?[0-9][0-9.,]*[ \u00a0]?%[ \u00a0]*\|?"
    r"|[0-9][0-9.,]*[ \u00a0]*\|[ \u00a0]*(?:Negative|Positive)[ \u00a0]+[0-9][0-9.,]*[ \u00a0]*\([0-9.,]+%\)"
    r"(?:[ \u00a0]+Graph)?"
    r"|[A-Z][A-Z0-9.]{0,7}[ \u00a0]*\|[ \u00a0]*[+\-−]?[0-9][0-9.,]*%[ \u00a0]*\|[ \u00a0]*[0-9][0-9.,']*"
    r"(?:[ \u00a0]*\|[ \u00a0]*(?:[$€£]|EUR|USD|GBP)?)*[ \u00a0]*"
    rf"|{SYMBOL_QUOTE_ROW}")
"""A quote box's row written as a table: "Deutsche Beteiligungs AG | 24,55 | 0,41% |", an
index's "7122.32 | Negative 6.89 (0.10%)" (and its chart link, "Graph"), a ticker tape's
"RIO | -1.16% | 63.1 | $ | |", a quote table's row (`SYMBOL_QUOTE_ROW`)."""
QUOTE_ROW_LIMIT = 80
QUOTE_BOX_HEADINGS = ("Werte in diesem Artikel", "Aktien in diesem Artikel", "EinstellungenAktueller Kurs")
"""finanzen.net's quote box under the headline: the instruments the page links, each with
its price, change and "Charts|News|Analysen"; a paragraph opening with it is the box.
onvista's under the story runs its tab labels together ("EinstellungenAktueller KursPerf.
akt." / "Perf. 1 Jahr" / "Chart" / "1 Jahr"), the companies' names after them."""
_QUOTE_ROW_OPENERS = frozenset("0123456789+-−(")
_QUOTE_LABEL = re.compile(
    r"(?:Change|Sell|Buy|Bid|Ask|Geld|Brief|Last|Letzter|Volume|Volumen|Spread)[ \u00a0]*:?[ \u00a0]*"
    r"[+\-−(]?[ \u00a0]*[0-9][0-9.,']*(?:[ \u00a0]*\(?[ \u00a0]*[+\-−]?[0-9][0-9.,]*[ \u00a0]?%?[ \u00a0]*\)?)?")
"""A quote box's labelled line: "Change: 33.16 ( 0.38 %)", "Ask 0,70", "Sell: 0.00"."""
_CHART_TAB = re.compile(
    r"(?:[A-Z0-9][A-Z0-9&.' ]{0,40}[ \u00a0]Chart[ \u00a0])?[0-9]{1,2}[ -](?:Tage|Jahre?|Monate?|Wochen?|days?|years?|months?"
    r"|weeks?)(?:-Chart)?")
"""A chart's period tab saved with the page: "7 Tage", "5-Tage-Chart", "BORGWARNER INC Chart 1 Jahr"."""
_SIGNED_PERCENT = re.compile(r"[+\-−][0-9][0-9.,]*[ \u00a0]?%")
_STRIP_LIMIT = 4
"""Signed changes in one line, with fewer lower-case words than half their number, so no
sentence: a ticker strip ("DAX23.527 -0,5%ESt50…"), not a market summary ("Der DAX
schloss mit +0,5 %, der MDAX mit −0,3 %, …")."""
_STRIP_AT_START = re.compile(
    r"(?:[A-ZÄÖÜ][\w .&-]{0,20}?[0-9][0-9.,']*[ \u00a0]+[+\-−]?[0-9][0-9.,]*%[ \u00a0]*)"
    rf"{{{_STRIP_LIMIT},}}")
"""A portal's strip of index quotes at a paragraph's start, each name with its level and
change, glued or spaced ("DAX24.337 +0,2%Est505.748 +0,1%MSCI World4.343 -0,1%…", "SMI
13'818 0.1%  SPI 19'047 0.1%  Dow 49'395 -0.5%…"), the headline after it."""
_ROW_AT_START = re.compile(
    r"[0-9][0-9.,']*[ \u00a0](?:EUR|USD|CHF|GBP|€|\$)[ \u00a0]+[+\-−][0-9][0-9.,]*[ \u00a0]?%[ \u00a0]+(?=[A-ZÄÖÜ])")
"""A quote box's one row glued to the story's next sentence, the box's name on the line
before: "217.10 CHF -0.42% Der DAX schloss …" (finanzen.ch)."""
_STRIP_FIRST_CHANGE = 40
"""Where such a strip's first change, or such a row's, ends at the latest: the patterns are
tried only then."""
_PORTAL_QUOTE = re.compile(
    r"Die [\w .&+-]{1,60} Aktie (?:wird zum Zeitpunkt der Veröffentlichung|handelt aktuell mit einem (?:Plus|Minus) von)")
"""A portal's quote written as sentences under the story ("Die PUMA Aktie handelt aktuell
mit einem Plus von +0,82 % …", "… wird zum Zeitpunkt der Veröffentlichung der Nachricht mit
einem Plus von +8,77 % … gehandelt. Auf 7 Tage gesehen …"): the price when the page was
made, no figure of the story."""
_RESULTS_TABLE = ("Veränderung", "Change in", "% change", "% Change", "Vorjahr", "y/y", "YoY")
"""A results table's header words: its rows of this year, last year and the change are
the release's figures, not a ticker strip ("Nettoumsatz 197,5 223 -11,4%")."""
_MOVERS_ROW = re.compile(r"\([A-Z][A-Z0-9.]{0,6}\)[ \u00a0]+[0-9][0-9.,']*p?[ \u00a0]+[+\-−]?[0-9][0-9.,]*[ \u00a0]?%")
"""A row of a movers table, its company's ticker in parentheses before price and change
("Barclays (BARC) 382.70p -1.03%"): the risers and fallers a market report is about,
not a strip of index quotes."""
_PORTAL_PERFORMANCE = ("Auf 7 Tage gesehen hat sich der Kurs", "Auf 30 Tage gesehen hat sich der Kurs")
"""The same portal's performance sentence under its quote: the week's and month's moves."""
_INFO_BOX = re.compile(
    r"(?:zusätzliche\ |weitere\ )?(?:unternehmensinformationen|informationen|kennzahlen|daten)"
    r"\ zu[mr]?\ .{1,60}(?:aktie|wertpapier)\b"
    r"|(?:additional\ )?(?:company\ information|key\ data|stock\ data)\ (?:on|for|about)\ "
    r"|stocks\ mentioned\ in\ (?:the|this)\ article",
    re.VERBOSE,
)
"""The heading of a portal's info box about the stock (MarketScreener's "Stocks
mentioned in the article" and its quote lines); matched on the lower-cased paragraph's
start."""
_INFO_BOX_OPENERS = frozenset("ZzWwUuIiKkDdAaCcSs")
_INFO_HEADING_LIMIT = 100
_INFO_LINE_LIMIT = 80
"""Lines of the info box are short: a label, a price, a performance figure."""


def leading_quotes_end(paragraph: str) -> int:
    """Where an index strip (`_STRIP_AT_START`) or a quote box's row (`_ROW_AT_START`) at
    the paragraph's start ends, or 0."""
    if paragraph.find("%", 0, _STRIP_FIRST_CHANGE) <= 0:
        return 0
    strip = _STRIP_AT_START.match(paragraph) or _ROW_AT_START.match(paragraph)
    return strip.end() if strip else 0


def quote_kind(paragraph: str) -> str | None:
    """ "quote line" or "quote box" when the short paragraph is a quote's furniture."""
    if ("▼" in paragraph or "▲" in paragraph) and "%" in paragraph and len(paragraph) <= QUOTE_ROW_LIMIT:
        return "quote line"  # a ticker strip: "BML 7.76 Decreased By ▼ -0.20 (-2.51%)"
    if len(paragraph) <= QUOTE_ROW_LIMIT:
        row = paragraph.strip()
        if _QUOTE_LABEL.fullmatch(row) or _CHART_TAB.fullmatch(row):
            return "quote line"
        if (row[:1] in _QUOTE_ROW_OPENERS and (_QUOTE_ROW.fullmatch(row) or _LONE_CHANGE.fullmatch(row)
                                                or _GLUED_QUOTE.fullmatch(row))) or (
                "|" in paragraph and _PIPE_ROW.fullmatch(row)):
            return "quote line"
    if paragraph.count("%") >= _STRIP_LIMIT and ". " not in paragraph and len(
            signed := _SIGNED_PERCENT.findall(paragraph)) >= _STRIP_LIMIT and sum(
            word[:1].islower() for word in paragraph.split()) <= len(signed) // 2 and not any(
            header in paragraph for header in _RESULTS_TABLE) and len(_MOVERS_ROW.findall(paragraph)) * 2 <= len(signed):
        return "quote line"
    head = paragraph.lstrip()  # pages indent these lines
    if head.startswith("Die ") and _PORTAL_QUOTE.match(head):
        return "quote box"
    if head.startswith(_PORTAL_PERFORMANCE):  # "Auf 7 Tage gesehen hat sich der Kurs … um +8,16 % verändert."
        return "quote box"
    if paragraph.startswith("WKN: ") and "| ISIN: " in paragraph:  # finanznachrichten's quote header
        return "quote box"
    if ("Bid:" in paragraph or "High:" in paragraph) and len(_QUOTE_FIELDS.findall(paragraph)) >= _QUOTE_FIELD_LIMIT:
        return "quote box"  # "Share Price: 87.50 Bid: 85.00 Ask: 90.00 Change: 0.00 (0.00%) Spread: …"
    return None


_QUOTE_FIELDS = re.compile(
    r"\b(?:Share Price|Bid|Ask|Change|Spread|Open|High|Low|Prev\. Close|Volume|Mid)[ \u00a0]*:[ \u00a0]*[+\-−]?[0-9]")
_QUOTE_FIELD_LIMIT = 4
"""A price box's labelled fields, its lines run together as a page's text keeps them:
four or more ("Bid: 85.00 Ask: 90.00 …") are the box, one in prose ("High: 5") is not."""


_TAIL_HEADINGS = frozenset({
    "related articles", "related stories", "related news", "related coverage", "related content",
    "similar articles", "schreibe deinen kommentar",
    "recommended stories", "read next", "trending now", "most read", "most popular", "comments",
    "no comments yet...", "no comments yet", "ähnliche artikel", "ähnliche nachrichten",
    "weitere artikel", "weitere nachrichten", "das könnte sie auch interessieren",
    "das könnte dich auch interessieren", "meistgelesen",
    "kommentare", "leserkommentare",
})
"""Headings a saved page shows after the article: what follows is other stories'
headlines and readers' comments, never the story."""
_TAIL_OPENERS = ("Dieser Artikel wurde geschrieben von:", "onvista Premium-Artikel")
"""The first line of a block of lines that is the page's tail: a regional paper's author
box (Rhein-Neckar-Zeitung), its comment form's prompts and errors after it; onvista's
teasers of its paid columns and other stories."""
_TAIL_HEADING_LIMIT = len("das könnte sie auch interessieren:")
_TAIL_MIN_BEFORE = 200
"""Story text a heading must follow to end the article: a page's navigation may open
with the same words above the story."""
_TAIL_ITEM_LIMIT = 120
"""What follows the heading is headlines and short comments; a longer paragraph that ends
a sentence means the heading was a box inside the story, whose text goes on."""


def _story_like(paragraph: str) -> bool:
    text = paragraph.rstrip()
    return len(text) > _TAIL_ITEM_LIMIT and text.endswith((".", '."', ".\u201d"))


def page_tail_start(paragraphs: list[str]) -> int | None:
    """Where the page's tail starts: a heading of related stories or comments after the
    story (`_TAIL_HEADINGS`)."""
    before = 0
    for at, paragraph in enumerate(paragraphs):
        if (before >= _TAIL_MIN_BEFORE and len(paragraph) <= _TAIL_HEADING_LIMIT
                and paragraph.strip().rstrip(":").lower() in _TAIL_HEADINGS
                and not any(_story_like(after) for after in paragraphs[at + 1:])):
            return at
        if before >= _TAIL_MIN_BEFORE and paragraph.startswith(_TAIL_OPENERS):
            return at  # the author box, the comment form's lines joined to it; onvista's teasers
        before += len(paragraph)
    return None


def info_box_start(paragraphs: list[str]) -> int | None:
    """Where a stock info box at the article's end starts: its heading, followed only by
    short lines up to the end."""
    for at in range(len(paragraphs) - 1, -1, -1):
        paragraph = paragraphs[at]
        if paragraph.startswith("Stocks mentioned in the article") and "Quote" in paragraph:
            return at  # MarketScreener's quote table, its rows joined into one line or not
        lines = paragraph.split("\n")
        if (paragraph[:1] in _INFO_BOX_OPENERS and len(lines[0]) <= _INFO_HEADING_LIMIT
                and _INFO_BOX.match(lines[0].lower())
                and all(len(line) <= _INFO_LINE_LIMIT for line in lines[1:])):
            return at
        if any(len(line) > _INFO_LINE_LIMIT for line in lines):
            return None
    return None
