"""Portal boilerplate: the promotional questions and the ad block inside article bodies.

German finance portals (and their English editions) end every article with a sales
pitch: "Should investors sell immediately? Or is it worth buying X?", then an `Ad`
marker and two or three paragraphs pushing a "free analysis". Other portals say it
differently ("Is Apple a buy now? Our free special report ...", "Advertisement",
"Apple: Buy, Hold or Sell?") but build it the same way: a buy-or-sell question leading
into sales copy, then a marked ad block. None of it is news, and its "buy"/"sell"
wording would pollute search and figure extraction, so it goes. A question alone is
not enough, because editors ask the same questions in real sentences: it must stand
as a paragraph of its own or be followed by sales copy. Portals also end articles with
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

__all__ = ["strip_boilerplate"]

_APOS = "['’]"

_PITCH = re.compile(
    r"""
      should\ (?:investors|shareholders)\ sell\ immediately\?
    | or\ is\ it\ worth\ buying\b[^?]{0,80}\?
    | read\ the\ free\ analysis\ now
    | new\ .{1,80}\ analysis\ from\ .{1,40}\ delivers\ the\ answer
    | sollten\ anleger\ sofort\ verkaufen\?
    | neue\ .{1,80}analyse\ vom\ .{1,40}\ liefert\ die\ antwort
    | die\ neue?sten\ .{1,80}\ sprechen\ eine\ klare\ sprache
    | the\ latest\ .{1,80}\ (?:figures|numbers|results)\ speak\ for\ themselves
    | (?:jetzt\ |hier\ )?(?:kostenlos(?:e[nrs]?)?|gratis)[\ -](?:newsletter|analyse|report|sonderreport|börsenbrief)
    | (?:jetzt\ )?(?:melden\ sie\ sich|abonnieren\ sie)\b.{0,80}\bnewsletter
    | (?:sign\ up|subscribe)\ (?:now\ )?(?:for|to)\ (?:our|the)\b.{0,40}\bnewsletter
    | subscribe\ to\ gift\ this\ article | gift\ [0-9]{1,2}\ articles\ to\ anyone    # AFR's gift box
    | do\ you\ have\ questions\ about\ the\ biggest\ topics                  # SCMP's Knowledge promotion
    | join\ our\ community\ of\ traders
    | share\ your\ opinion\ and\ earn | receive\ news\ &\ ratings\ for | unlock\ ai-picked\ stocks
    | get\ [^.!?]{1,40}\ alerts:$                                          # MarketBeat's sign-up box
    | .{0,160}\ jetzt\ lesen\ -w-$                                          # finanzen.at's teaser line
    | chartanalysen\ für\ aktien,\ indizes
    | less\ than\ \$[0-9]+/month | \+?get\ the\ most\ important\ news\ from
    | (?:free|exclusive)\ (?:special\ )?(?:report|analysis):
    | (?:read\ more\ news|read\ more|also\ read|see\ also|lesen\ sie\ auch|mehr\ zum\ thema|auch\ interessant):\ 
    | you(?:'|’)re\ reading\ a\ free\ article
    | see\ the\ \d{1,3}\ stocks
    | jetzt\ (?:weiterlesen|einloggen|registrieren|abonnieren)
    | sie\ sind\ bereits\ (?:registriert|abonnent)
    | erhalten\ sie\ zugriff\ zu
    | charts\|news\|analysen
    | aktie\ kaufen$
    | (?:continue\ reading|read\ comments|already\ a\ subscriber\?)\.?$
    | hol\ dir\ die\ app | abonniere\ unseren\ newsletter
    | (?:[+\-−][0-9][0-9.,]*%\ )?add\ to(?:/remove\ from)?\ watchlist\b | add\ position$
    | position\ added\ successfully
    | please\ name\ your\ holdings\ portfolio$
    | our\ standards:\ ?the\ thomson\ reuters\ trust\ principles
    | \{[a-z]+=                                    # a CMS short code: "{slider=Market Mover …}"
    | sie\ möchten\ regelmäßig\b
    | wenn\ sie\ mehr\ über\ das\ thema\ [^.!?]{1,40}\ erfahren\ wollen
    | no\ news\ or\ research\ item\ is\ a\ personal\ recommendation
    | risk\ disclosure:\ trading\ in\ financial\ instruments
    | join\ our\ (?:free\ |daily\ |weekly\ )?newsletter\b
    | (?:follow|find)\ us\ on\ (?:our\ )?(?:official\ )?\S+(?:\ \S+)?\ (?:channel|for\ (?:breaking\ )?news)
    | →?\ ?continue\ reading\ (?:at|on)\b | relevante\ links: | kontakt\ zum\ autor: | summary\ by\ ai\b
    | disclaimer\*?$ | copyright\b.{0,80}\b(?:alle\ rechte\ vorbehalten|all\ rights\ reserved)
    | add\ shares\ to\ your\b | quickpicks\ to$ | display\ them\ here!?$ | track\ your\ favourite\ stocks
    | compare\ our\ accounts$ | news\ 24\ h\ / | anzeige\ mehr\ » | stay\ current\ [-–]\ follow\b
    | get\ [0-9]{1,2}%\ off$
    | first\ rule\ of\ investing\? | up\ to\ [0-9]{1,2}%\ off\ investingpro     # Investing.com's sale
    | zur\ großbildansicht\b                                             # a photo's caption and credit
    | share\ what\ you\ think | by\ posting\ your\ comment             # a comment box
    | others\ also\ read$ | next\ in\ [a-z]+\ news$
    | charts\ zu\ den\ werten\ im\ artikel | subscribe\ from\ just\b
    | hier\ zum\ vollständigen\ artikel | (?:read|view)\ the\ full\ (?:article|story)\b
    | \|\ more\ on:$                                                    # fool.com.au's tag line
    | \{\{[\w.]+\}\}                                                     # a page template's unfilled slot
    | werbung\ ausblenden$
    | most\ read\ from\ bloomberg | listen\ to\ the\ [^.]{1,40}\ podcast\ on\b             # Bloomberg's boxes
    | open\ free\ demat\ account | visit\ gurufocus\ today | our\ services:\ | investment\ outlook:\ see\ all\b
    | kaufen\ sie\ ein\ produkt\ über\ einen\ mit | 100\ %\ unabhängig\ dank\b     # an affiliate link's notice
    | email\ this\ article\ to\ a\ friend | \S{0,80}\.(?:png|jpe?g|gif|webp)\)?$   # a share link; an image's file name
    | pair\ your\ daily\ [a-z]+\ read\ with | mit\ schweizer\ aktien\ handeln\ -\ jetzt
    | [a-z0-9&\ ]{1,24}\ in\ your\ inbox$ | [^.]{0,80}\ delivered\ straight\ to\ your\ inbox   # a newsletter's box
    """,
    re.VERBOSE,
)
"""The pitch's fixed phrasings: a paragraph that opens with one of these is the pitch,
whatever follows: buy-or-sell pitches, the German portals' "Neue X-Analyse vom …
liefert die Antwort" and "Die neusten X-Zahlen sprechen eine klare Sprache", newsletter
and free-report offers, and teaser lines that link other stories ("Read More News:",
"Lesen Sie auch:"), and the paywall's lines ("Jetzt weiterlesen", "Erhalten Sie Zugriff
zu …", "Continue reading"), app and newsletter calls ("Hol dir die App!"), a quote
widget's buttons ("Add to Watchlist", "-3.02% Add to Watchlist", "Add Position") and Reuters' "Our Standards"
footer. Matched on the lower-cased paragraph; each branch starts with a
literal, so a paragraph that is not the pitch fails within a few characters."""

_ASK = re.compile(
    r"""
      is\ [^.!?]{1,60}?\ an?\ (?:buy|sell|hold)(?:\ (?:now|today|right\ now))?\?
    | (?:is\ (?:it|now)\ (?:the\ )?time\ to|should\ you|should\ investors)\ (?:buy|sell)\b[^.!?]{0,60}\?
    | is\ it\ worth\ buying\b[^.!?]{0,60}\?
    | should\ you\ invest\ [^.!?]{1,80}\?
    | oder\ lohnt\ sich\b[^.!?]{0,80}\?
    """,
    re.VERBOSE,
)
"""Buy-or-sell questions any portal opens its pitch with ("Is Apple a buy now?").
Editors ask them too, so one is the pitch only when it stands alone or what follows it
is sales copy (`_SALES`). Literal-led, like `_PITCH`."""

_BUY_OR_SELL = re.compile(
    r"[^.!?]{0,80}?\b(?:buy,?\ (?:hold,?\ )?or\ sell|kaufen,?\ (?:halten,?\ )?oder\ verkaufen)\?(!?)",
    re.VERBOSE,
)
""""Apple: Buy, Hold or Sell?" — an `_ASK`; with "?!" ("Nordlicht Stock: Buy or
Sell?!") a fixed pitch. It does not start with a literal, so it only runs on text
that holds "sell?" or "verkaufen?"."""

_SALES = re.compile(
    r"""
      free | special\ report | report\ now | (?:has|have|delivers|gives)\ the\ answer
    | what\ to\ do\ with\ your | find\ out | download | click\ here | sign\ up
    | kostenlos | gratis | liefert\ die\ antwort | jetzt\ lesen | hier\ lesen | weiterlesen
    | erfahren\ sie,?\ was\ jetzt\ zu\ tun\ ist | analyst\ team | stocks\ to\ buy
    | full\ (?:research|analysis)\ report
    """,
    re.VERBOSE,
)
"""Sales copy after a buy-or-sell question: offers, reports, calls to act."""

_TRADE_WORDS = ("buy", "sell", "kauf")
"""Every buy-or-sell question holds one of these; a paragraph's tail without any
cannot end in a glued pitch."""

_UNASKED_OPENERS = frozenset("RrNnDdTtJjHhKkGgMmAaSsFfEeLlYyCcWwPpOo+-−{→QqUuZzBbVvIiKk1|.")
_LIST_HEADINGS = ("Most Read from Bloomberg",)
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
_SENTENCE_START = re.compile(r"(?<=[.!?\"”])\s+(?=\S)")

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
    | investor{_APOS}?s?\ (?:need|must)
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

_PITCH_LIMIT = 450
"""The German portals' pitch paragraphs run to about 400 characters; news paragraphs
this short that hold a "?" or open with a pitch letter pay one literal-led match."""
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
            if len(paragraph) <= _PITCH_LIMIT and paragraph.rstrip()[-1:] not in _SENTENCE_ENDS:
                notes.append("headline list: " + shorten(paragraph))  # the headlines under "Most Read from Bloomberg"
                continue
        if (glued_list := paragraph.find(_LIST_HEADINGS[0], 1)) > 0:
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
        if ("▼" in paragraph or "▲" in paragraph) and len(paragraph) > _PITCH_LIMIT and quote_kind(paragraph):
            notes.append("quote line: " + shorten(paragraph))  # a ticker strip's rows joined into one paragraph
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
        if paragraph and len(paragraph) <= _PITCH_LIMIT:
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
                list_next = paragraph.startswith(_LIST_HEADINGS)
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
        if "?" in paragraph and (cut := _glued_pitch(paragraph)) is not None:
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
    if ("?" in paragraph or paragraph[0] in _UNASKED_OPENERS) and _is_pitch(paragraph.lower()):
        return "promotional line: " + shorten(paragraph)
    if ("oto" in paragraph or "OTO" in paragraph or "ild" in paragraph or "mage" in paragraph
            or "/" in paragraph or " pic" in paragraph or "stration:" in paragraph) and CAPTION.search(paragraph):
        return "photo caption: " + shorten(paragraph)
    if (note := agency_caption_note(paragraph)) is not None:
        return note
    if " handeln" in paragraph and _TRADE_PROMO.search(paragraph):
        return "promotional line: " + shorten(paragraph)
    return None


def _without_furniture_lines(paragraph: str, notes: list[str], longest: int = _PITCH_LIMIT) -> str:
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


def _is_pitch(text: str, *, alone: bool = True) -> bool:
    """Whether lower-cased `text` is the pitch: a fixed pitch phrase, or buy-or-sell
    questions that lead into sales copy or (`alone`, a paragraph of its own) nothing."""
    if text[:1] >= "\U0001f000":  # "🥇 First rule of investing? …": an emoji before the pitch
        text = text[1:].lstrip()
    if _PITCH.match(text):
        return True
    asked = False
    while True:
        match = _ASK.match(text)
        if match is None and ("sell?" in text or "verkaufen?" in text):
            match = _BUY_OR_SELL.match(text)
            if match is not None and match.group(1):
                return True
        if match is None:
            break
        asked, text = True, text[match.end():].lstrip()
    return asked and ((alone and not text) or _PITCH.match(text) is not None or _SALES.search(text) is not None)


def _glued_pitch(paragraph: str) -> int | None:
    """Where a pitch glued onto the end of a real paragraph (no blank line before it)
    starts, if there is one; the caller checks for a "?" first, as every pitch asks a
    question. Only the last `_PITCH_LIMIT` characters are searched."""
    tail_from = max(0, len(paragraph) - _PITCH_LIMIT)
    tail = paragraph[tail_from:].lower()
    if not any(word in tail for word in _TRADE_WORDS):
        return None
    for start in _SENTENCE_START.finditer(tail):
        if _is_pitch(tail[start.end():], alone=False):
            return tail_from + start.start()
    return None


def _ad_note(count: int) -> str:
    return f"ad block: {count} paragraph{'s' if count != 1 else ''}"
