"""Portals' sales pitches: the buy-or-sell questions and the copy that follows them.

German finance portals (and their English editions) end every article with "Should
investors sell immediately? Or is it worth buying X?" and a push for a "free analysis";
other sites write their own fixed lines ("Open FREE Demat Account", "BT in your inbox").
A question alone is no pitch, since editors ask the same questions in real sentences:
it must stand as a paragraph of its own or lead into sales copy. `strip_boilerplate`
asks these checks of each short paragraph and of a long one's tail.
"""

from __future__ import annotations

import re

APOS = "['’]"

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
    | jetzt\ (?:sichern|informieren)!?$
    | \+\+\ (?:diese[rs]?|jetzt|achtung|exklusiv|gratis|kostenlos)\b[^+]{0,80}\ \+\+$  # "++ Diese Kupfer-Aktien heben ab ++"
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
    | werbung(?:\ werbung)*$ | -?\ ?invest\ with\ ii:\ | suggested\ articles$
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

_SENTENCE_START = re.compile(r"(?<=[.!?\"”])\s+(?=\S)")

PITCH_LIMIT = 450
"""The German portals' pitch paragraphs run to about 400 characters; news paragraphs
this short that hold a "?" or open with a pitch letter pay one literal-led match."""
def is_pitch(text: str, *, alone: bool = True) -> bool:
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


def glued_pitch(paragraph: str) -> int | None:
    """Where a pitch glued onto the end of a real paragraph (no blank line before it)
    starts, if there is one; the caller checks for a "?" first, as every pitch asks a
    question. Only the last `PITCH_LIMIT` characters are searched."""
    tail_from = max(0, len(paragraph) - PITCH_LIMIT)
    tail = paragraph[tail_from:].lower()
    if not any(word in tail for word in _TRADE_WORDS):
        return None
    for start in _SENTENCE_START.finditer(tail):
        if is_pitch(tail[start.end():], alone=False):
            return tail_from + start.start()
    return None
