"""Portal boilerplate: the promotional questions and the ad block inside article bodies.

German finance portals (and their English editions) end every article with a sales
pitch: "Should investors sell immediately? Or is it worth buying X?", then an `Ad`
marker and two or three paragraphs pushing a "free analysis". Other portals say it
differently ("Is Apple a buy now? Our free special report ...", "Advertisement",
"Apple: Buy, Hold or Sell?") but build it the same way: a buy-or-sell question leading
into sales copy, then a marked ad block. None of it is news, and its "buy"/"sell"
wording would pollute search and figure extraction, so it goes (what a pitch looks like
is promotions.py's to say). Portals also end articles with
an info box about the stock ("Zusätzliche Unternehmensinformationen zur X Aktie", then
short lines of price and performance: "+0,57 %", "1 Woche", "30 Tage"): it restates the
quote page, not the article, and its numbers would read as the article's figures (those
quote furniture checks live in page_furniture.py). Every removal leaves a note, so the
reader can see what was taken out.
"""

from __future__ import annotations

import re

from tui_reader.extract.captions import (
    CAPTION,
    CAPTION_LIMIT,
    CREDIT_LIMIT,
    GLUED_FILE_CAPTION,
    PHOTO_CREDIT,
    PICTURED,
    agency_caption_note,
)
from tui_reader.extract.notes import SENTENCE_END, shorten
from tui_reader.extract.page_furniture import (
    QUOTE_BOX_HEADINGS,
    QUOTE_ROW_LIMIT,
    SYMBOL_QUOTE_ROW,
    info_box_start,
    leading_quotes_end,
    page_tail_start,
    quote_kind,
)
from tui_reader.extract.promotions import APOS, PITCH_LIMIT, glued_pitch, is_pitch

__all__ = ["strip_boilerplate"]

_UNASKED_OPENERS = frozenset("RrNnDdTtJjHhKkGgMmAaSsFfEeLlYyCcWwPpOo+-−{→QqUuZzBbVvIiKk1|.")
_LIST_HEADING = "Most Read from Bloomberg"
"""A box's heading whose next paragraph is its list of other stories' headlines."""
_IMAGE_CREDITS = ("Image source:", "Image credit:", "Image: ", "Photo credit:")
_SENTENCE_ENDS = frozenset(".!?\"”’)")
"""First letters of the pitch phrases without a "?" ("Read the free analysis now",
"Neue … Analyse …", "Jetzt kostenlos …", "Lesen Sie auch: …"): other paragraphs
without a "?" skip the regexes (parse budget)."""

_NOT_RESPONSIBLE = re.compile(r"[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,3} is not responsible for the content")
"""A site's disclaimer of the articles it carries, naming itself first."""
_TRADE_PROMO = re.compile(r"\b(?:jetzt|schon|ab) (?:für|ab|zu) [0-9][0-9,.]* ?(?:€|Euro(?!\w)).{0,30} handeln\b"
                          r"|-aktie (?:komplett |jetzt )?kostenlos handeln\b", re.IGNORECASE)
"""A broker's line under the article ("DERMAPHARM-Aktie jetzt für 4€ handeln - auf
Smartbroker.de"): its price is the broker's fee, no figure of the story."""

_DELAY_NOTES = ("Verzögerung der Kursdaten", "Kursdaten verzögert", "Quotes delayed", "Data delayed")
"""A portal's note on how late its quotes are, naming the exchanges that deliver them."""
_DISCLAIMERS = ("Disclaimer:", "DISCLAIMER:", "Haftungsausschluss:")
_MADE_BY = re.compile(r" (?:This|Dieser|Diese|Dieses) [^.]{0,60}\b(?:created|generated|produced|written|erstellt|generiert)\b")
"""A notice of how the text was made ("Disclaimer: This news brief was created by Public
Technologies (PUBT) using generative artificial intelligence"): never the news, and the
company and code it names are the publisher's. An author's disclosure ("Disclaimer: the
author holds no shares") stays, as the story's own words."""
_PUBLISHER_MENU = "Reuters News Agency"
"""The menu of the publisher's other businesses atop an old reuters.com page ("Financial
Government SolutionsLegalReuters News Agency…Innovation @ Thomson Reuters"), which named
Thomson Reuters in every story."""
_BULLETED_ITEMS = 3
"""Bullets, after two spaces, between a paragraph's items that make it a list of other
stories' headlines."""
_HEADLINE_LIMIT = 160
"""The longest item of such a list: a headline, never a paragraph of the story."""
_TAPE_ROW = re.compile(r"[0-9][0-9.,']*[ \u00a0]+\([+\-−][0-9][0-9.,]*[ \u00a0]?%\)")
_TAPE_ROWS = 8
"""Prices with their signed change in parentheses ("3,725.49 (-1.73%)") that make a long
paragraph worth asking `quote_kind` whether it is a quote ticker's rows run together; a
movers list in prose ("Siemens Energy +5,2%, Adidas -2,1%") has no prices, and a table
with "|" cells is cut from the story's text after it below."""
_PIPE_STRIP = 12
"""A table's cell bars in one long paragraph that make it worth asking `quote_kind`."""
_QUOTE_TABLE = re.compile(
    r"(?:[^|\n.]{1,30}\|){3,8}(?:[ \u00a0]*-{2,}\|){3,8}"
    rf"|(?:[ \u00a0]*{SYMBOL_QUOTE_ROW}){{2,}}")
"""A quote table inside a paragraph, its lines joined: "Ticker | Security | Last | Change |
Change % | ---|---| I:DJI | DOW JONES AVERAGES | 44722.06 | -138.25 | -0.31% | SP500 | …":
two or more rows (`SYMBOL_QUOTE_ROW`), and their header, found on its own (its cells hold
no full stop, so the sentence before stays)."""
_TICKER_STAMP = re.compile(r"(?<![\w.])[0-9]{1,2}\.[0-9]{1,2}\.[ \u00a0]+[0-9]{1,2}:[0-9]{2}(?![\w:])")
"""What a portal's news ticker opens each item with: the day and time, no year ("20.11.
10:55 vor 5 Tagen", its lines joined or not); two make a ticker, and the rest of the
paragraph is its items."""
_AD_MARKER = re.compile(
    r"[-–—*\[(]*\s*(?:ad|anzeige|advertisement|werbung|sponsored(?: content)?|paid (?:content|post))"
    r"\s*:?\s*[-–—*\])]*",
    re.IGNORECASE,
)

_MARKER_OPENERS = frozenset("AaWwSsPp-–—*[(")
"""First characters `_AD_MARKER` can match; short headings skip it (parse budget)."""

_AD_CUE = re.compile(
    rf"""
      buy\ or\ sell | buy,?\ hold,?\ or\ sell | worth\ buying | should\ you\ sell | free\ analysis
    | the\ answer | analysis\ from | special\ report | read\ (?:more|here|now|the) | click\ here
    | download | find\ out\ what\ to\ do | urgent\ action | speak\ for\ themselves
    | investor{APOS}?s?\ (?:need|must)
    | kaufen\ oder\ verkaufen | analyse | liefert\ die\ antwort | hier\ lesen | jetzt\ lesen
    """,
    re.VERBOSE,
)
"""Phrases of the ad copy after the marker, matched on the lower-cased paragraph (an
IGNORECASE scan is several times slower); the first paragraph without any ends the block."""

_GLUED_TEASER = re.compile(
    r"(?<=[.!?\"”])\s+((?:read\ more\ news|read\ more|also\ read|see\ also|lesen\ sie\ auch|mehr\ zum\ thema"
    r"|auch\ interessant):\ [^.!?]{1,120})$",
    re.IGNORECASE | re.VERBOSE,
)
"""A teaser line glued onto the end of a paragraph ("… nach. Read More News: Rüstungsaktien
im Überblick"): the link's headline has no sentence end of its own."""
_TEASER_LIMIT = 160

_AMOUNT_CELL = re.compile(r"[(£$€-]?[0-9][0-9.,]*(?:m|bn|k|p|c|%)?\)?")
"""A results table's cell kept as a paragraph: "£9.5m", "1,234", "12.5p"."""
_AUTHOR_CODES = re.compile(r"(?<=[.!?\"“”])(?:/[A-Za-z]{2,5}){1,4}[ \u00a0]*$")
"""The editors' codes a dpa-AFX or APA story ends with, glued to its last sentence."""
_PAGE_CODE = re.compile(r"(?<![\w.#*-])[\w.#*-]+[ \u00a0]*\{[^{}]*?:[^{}]*?;")
"""A saved page's style sheet kept as text: "div { box-sizing: border-box; } .noselect { …"."""
_MARKER_LIMIT = len("-- sponsored content: --")


def strip_boilerplate(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """Split paragraphs into (kept, notes about what was removed).

    Notes read ``promotional line: Should investors sell immediately? …``,
    ``photo caption: …`` and ``ad block: 3 paragraphs`` (the marker counts as one), as
    CONTRACT.md shows.
    """
    kept: list[str] = []
    notes: list[str] = []
    in_ad = 0
    box = info_box_start(paragraphs)
    if box is not None:
        notes.append(f"info box: {shorten(paragraphs[box])}")
        paragraphs = paragraphs[:box]
    tail = page_tail_start(paragraphs)
    if tail is not None:
        notes.append(f"page tail: {len(paragraphs) - tail} paragraphs from {shorten(paragraphs[tail])}")
        paragraphs = paragraphs[:tail]
    list_next = False
    for paragraph in paragraphs:
        if list_next:
            list_next = False
            if len(paragraph) <= PITCH_LIMIT and paragraph.rstrip()[-1:] not in _SENTENCE_ENDS:
                notes.append("headline list: " + shorten(paragraph))  # the headlines under "Most Read from Bloomberg"
                continue
        if (glued_list := paragraph.find(_LIST_HEADING, 1)) > 0:
            # a copy glued the box to the lead: "… three weeks ago.Most Read from BloombergNvidia Rises …"
            notes.append("headline list: " + shorten(paragraph[glued_list:]))
            paragraph = paragraph[:glued_list]
        if in_ad:
            if len(paragraph) < 40 or _AD_CUE.search(paragraph.lower()):
                in_ad += 1
                continue
            notes.append(_ad_note(in_ad))
            in_ad = 0
        if paragraph[:4] == "FILE" and (glued := GLUED_FILE_CAPTION.match(paragraph)):
            notes.append("photo caption: " + shorten(glued[0]))  # AP: "FILE - … in Washington. JPMorgan's profit …"
            paragraph = paragraph[glued.end():].lstrip()
        if " | " in paragraph and len(paragraph) <= CREDIT_LIMIT and PHOTO_CREDIT.search(paragraph):
            # CNBC: the caption, then "Jane Roe | Bloomberg | Getty Images" on its own
            notes.append("photo caption: " + shorten(paragraph))
            if (kept and len(kept[-1]) <= CAPTION_LIMIT and not SENTENCE_END.search(kept[-1].rstrip()[:-1])
                    and PICTURED.search(kept[-1])):
                notes.append("photo caption: " + shorten(kept.pop()))
            continue
        if "{" in paragraph and _PAGE_CODE.search(paragraph):
            notes.append("page code: " + shorten(paragraph))  # a saved page's style sheet: "div { box-sizing: …"
            continue
        if paragraph.startswith(QUOTE_BOX_HEADINGS):  # the box whole, its rows joined or not
            notes.append("quote box: " + shorten(paragraph))
            continue
        if ". " in paragraph and ":" in paragraph and len(stamps := list(_TICKER_STAMP.finditer(paragraph))) >= 2:
            # a portal's news ticker: "20.11. 10:55 vor 5 Tagen" / "Arbonia AG" / its headline, item by item
            at = stamps[0].start()
            notes.append(f"news ticker: {len(stamps)} items from {paragraph[at:].split(chr(10))[0][:60]}")
            paragraph = paragraph[:at].rstrip()
            if not paragraph:
                continue
        if len(paragraph) > PITCH_LIMIT and (("▼" in paragraph or "▲" in paragraph) or (
                paragraph.count("%") >= _TAPE_ROWS and "|" not in paragraph
                and len(_TAPE_ROW.findall(paragraph)) >= _TAPE_ROWS)) and quote_kind(paragraph):
            # a ticker strip's rows joined into one paragraph: "BML 7.76 Decreased By ▼ -0.20 (-2.51%) …",
            # "S&P 500   3,725.49 (-1.73%) DOW   29,915.11 (-1.32%) …"
            notes.append("quote line: " + shorten(paragraph))
            continue
        if paragraph.count("|") >= _PIPE_STRIP:
            while table := _QUOTE_TABLE.search(paragraph):  # Fox Business's index table: header, rows
                notes.append("quote line: " + shorten(table[0].strip()))
                paragraph = f"{paragraph[:table.start()].rstrip()} {paragraph[table.end():].lstrip()}".strip()
        if paragraph.count("|") >= _PIPE_STRIP and quote_kind(strip := paragraph[:paragraph.rfind("|") + 1]):
            # a quote table's rows joined into one paragraph, the story's first line after them:
            # "RBGPF | -1.52% | 73.88 | $ | | RYCEF | -0.3% | 13.2 | $ | | … Heineken sees …"
            notes.append("quote line: " + shorten(strip))
            paragraph = paragraph[len(strip):].strip()
            if not paragraph:
                continue
        if paragraph.count("  • ") >= _BULLETED_ITEMS and all(
                len(item) <= _HEADLINE_LIMIT for item in paragraph.split("  • ")):
            # "Off the wire": other stories' headlines, bulleted on one line (a story's own
            # points open their lines: "- • Swedbank price target raised to SEK 205")
            notes.append("headline list: " + shorten(paragraph))
            continue
        if strip_end := leading_quotes_end(paragraph):
            # a portal's index strip joined to the headline after it: "DAX24.337 +0,2%Est505.748 +0,1%MSCI World…",
            # or a quote box's row to the story's sentence: "217.10 CHF -0.42% Der DAX schloss …"
            notes.append("quote line: " + shorten(paragraph[:strip_end]))
            paragraph = paragraph[strip_end:].lstrip()
            if not paragraph:
                continue
        # The pitch is always short, so long paragraphs skip these regexes (parse budget).
        # Empty ones occur: feeds split their bodies at every blank line.
        if paragraph and len(paragraph) <= PITCH_LIMIT:
            if (len(paragraph) <= _MARKER_LIMIT and paragraph[0] in _MARKER_OPENERS
                    and _AD_MARKER.fullmatch(paragraph)):
                in_ad = 1
                continue
            note = _short_note(paragraph)
            if note is not None and paragraph[0] in "+-−" and len(kept) > 1 and _AMOUNT_CELL.fullmatch(
                    kept[-1].strip()) and _AMOUNT_CELL.fullmatch(kept[-2].strip()):
                # "£14.5m" / "£9.5m" / "+52%": a results table kept cell by cell (this year, last
                # year, change), not a quote's price and change under its ticker
                note = None
            if note is not None:
                notes.append(note)
                list_next = paragraph.startswith(_LIST_HEADING)
                if (paragraph.startswith(_IMAGE_CREDITS) and kept and len(kept[-1]) <= CAPTION_LIMIT
                        and kept[-1].rstrip()[-1:] not in _SENTENCE_ENDS):
                    # the picture's description right above its credit: "A man … looks to a
                    # jagged red line" / "Image source: Getty Images" (no sentence ends it)
                    notes.append("photo caption: " + shorten(kept.pop()))
                continue
            if "\n" in paragraph:  # a saved page's widget: "NVDA" / "-3.02%" / "Add to Watchlist"
                paragraph = _without_furniture_lines(paragraph, notes)
        elif "\n" in paragraph:  # a widget's line above the text: "217.10 CHF -0.42%" / "Der DAX ..."
            paragraph = _without_furniture_lines(paragraph, notes, QUOTE_ROW_LIMIT)
        if "?" in paragraph and (cut := glued_pitch(paragraph)) is not None:
            notes.append("promotional line: " + shorten(paragraph[cut:].lstrip()))
            paragraph = paragraph[:cut]
        if ": " in paragraph[-_TEASER_LIMIT:] and (teaser := _GLUED_TEASER.search(paragraph[-_TEASER_LIMIT:])):
            notes.append("promotional line: " + shorten(teaser.group(1)))
            paragraph = paragraph[: len(paragraph) - len(paragraph[-_TEASER_LIMIT:]) + teaser.start()]
        kept.append(paragraph)
    if in_ad:
        notes.append(_ad_note(in_ad))
    if kept and "/" in kept[-1][-24:] and (codes := _AUTHOR_CODES.search(kept[-1])):
        notes.append("author codes: " + codes[0])  # dpa-AFX signs off: "… um bis zu 12 Prozent./tav/edh"
        kept[-1] = kept[-1][:codes.start()]
    return kept, notes


def _short_note(paragraph: str) -> str | None:
    """What a short paragraph is, when it is furniture: the note that says so."""
    kind = quote_kind(paragraph)
    if kind is not None:
        return f"{kind}: " + shorten(paragraph)
    if paragraph.startswith(_DISCLAIMERS) and _MADE_BY.match(paragraph, paragraph.index(":") + 1):
        return "disclaimer: " + shorten(paragraph)  # "Disclaimer: This news brief was created by … (PUBT) …"
    if ("Kursdaten" in paragraph or "delayed" in paragraph) and any(note in paragraph for note in _DELAY_NOTES):
        return "disclaimer: " + shorten(paragraph)  # "… keine Gewähr … Verzögerung der Kursdaten: Deutsche Börse 15 Min."
    if "Thomson Reuters" in paragraph and _PUBLISHER_MENU in paragraph:
        return "site menu: " + shorten(paragraph)  # "…Reuters News AgencyRisk Management Solutions…"
    if " is not responsible for the content" in paragraph and _NOT_RESPONSIBLE.match(paragraph):
        return "promotional line: " + shorten(paragraph)  # "Halifax is not responsible for the content …"
    if ("?" in paragraph or paragraph[0] in _UNASKED_OPENERS) and is_pitch(paragraph.lower()):
        return "promotional line: " + shorten(paragraph)
    if ("oto" in paragraph or "OTO" in paragraph or "ild" in paragraph or "mage" in paragraph
            or "/" in paragraph or " pic" in paragraph or "stration:" in paragraph) and CAPTION.search(paragraph):
        return "photo caption: " + shorten(paragraph)
    if (note := agency_caption_note(paragraph)) is not None:
        return note
    if " handeln" in paragraph and _TRADE_PROMO.search(paragraph):
        return "promotional line: " + shorten(paragraph)
    return None


def _without_furniture_lines(paragraph: str, notes: list[str], longest: int = PITCH_LIMIT) -> str:
    """A paragraph of several lines without its furniture lines (noted); only lines up
    to `longest` characters are read (a long paragraph's sentences are no furniture)."""
    kept = []
    for line in paragraph.split("\n"):
        # A line too long for the other furniture may still be a picture agency's caption.
        note = (_short_note(line) if len(line) <= longest else agency_caption_note(line)) if line.strip() else None
        if note is None:
            kept.append(line)
        else:
            notes.append(note)
    return "\n".join(kept)


def _ad_note(count: int) -> str:
    return f"ad block: {count} paragraph{'s' if count != 1 else ''}"
