"""Whether a company name found in text is the company: not a person, not a product.

"Judge Richard Eaton" and "Julia Klöckner" are people; "Premier Fico" is a head of
government; "Porsche owners", "a Porsche 911" and "Mercedes-Fahrer" are about cars,
not about the listed company of that name. The scanner finds the name either way;
these rules, read from the words right around it, drop such mentions.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from tui_reader.extract.aliases import first_names
from tui_reader.extract.names import fold_accents, name_word
from tui_reader.extract.word_names import word_names

TITLES: frozenset[str] = frozenset(
    fold_accents(word)
    for word in """mr mrs ms dr prof sir dame lord lady judge justice senator sen rep representative
    congressman congresswoman governor gov president vice premier prime minister chancellor
    secretary mayor commissioner chairman chairwoman chair ceo cfo coo cto founder
    analyst economist general gen colonel col captain capt king queen prince princess
    pope bishop herr frau richter richterin ministerin minister ministerpräsident
    ministerpräsidentin kanzler kanzlerin bundeskanzler präsident präsidentin
    bürgermeister bürgermeisterin senatorin abgeordnete chef chefin vorstand
    vorstandschef""".split()
)
"""Words that put a person's name after them ("Judge", "Premier", "Kanzler"), without
their accents, as `name_word` gives them."""

_TITLE_ENDINGS = tuple(
    fold_accents(word)
    for word in "präsident präsidentin minister ministerin kanzler kanzlerin chef chefin richter richterin".split()
)
"""German titles end compounds ("Bundestagspräsidentin", "Finanzminister",
"Konzernchef"), which no list can hold whole."""

PRODUCT_NOUNS: frozenset[str] = frozenset(
    """owners driver drivers dealer dealers dealership dealerships enthusiast
    enthusiasts collector collectors fan fans buyer buyers model models car cars
    fahrer fahrerin besitzer händler haendler modell modelle fans käufer kaeufer""".split()
)
"""Nouns after a brand that make it the product ("Porsche owners", "Mercedes-Fahrer")."""

_NEXT_WORD = re.compile(r"[ \u00a0]+([\w’'-]+)")
_MODEL = re.compile(r"[ \u00a0]+(?:[A-Z]{0,2}-?\d{1,4}[a-z]?|[A-Z]-Class|Model [A-Z0-9])\b")
_ARTICLES = frozenset({"a", "an"})


DATA_VENDORS: frozenset[str] = frozenset(
    # Name keys of companies whose data, estimates or pictures articles cite.
    (
        "factset", "lseg", "refinitiv", "s&p global", "s&p global market intelligence",
        "morningstar", "bloomberg", "moody", "msci", "dow jones", "thomson reuters",
        "reuters", "getty images", "visible alpha", "zacks", "ice", "intercontinental exchange",
        "nasdaq", "gartner", "idc", "counterpoint", "canalys", "nielsen",
        "kantar", "ipsos", "yougov", "circana", "sensor tower", "jd power", "cox automotive",
        "lipper", "preqin", "pitchbook", "dealogic", "emarketer", "statista",
        "shutterstock", "alamy"
    )
)
"""Vendors cited as the source of numbers ("according to FactSet", "LSEG data"): the
article is about the numbers, not the vendor, unless it names the vendor otherwise."""

EXCHANGE_OPERATORS: frozenset[str] = frozenset(
    (
        "deutsche borse", "deutschen borse", "hkex", "hong kong exchanges and clearing",
        "london stock exchange", "lseg", "euronext", "nasdaq", "nyse", "cboe", "cme",
        "intercontinental exchange", "six", "asx", "sgx", "tmx", "japan exchange",
    )
)
"""Listed companies that run exchanges: "an der Deutschen Börse notiert", "listed on
HKEX" name the venue, not the company."""
_VENUE_WORDS = frozenset("on onto an auf at from".split())
_VENUE_ARTICLES = frozenset("the der die dem".split())

_CREDIT_LABELS = frozenset(
    "photo photos photograph foto fotos bild bilder image images picture illustration credit "
    "credits quelle source sources bildquelle fotoquelle datenquelle".split()
)
"""Words that open a picture credit or a source line ("Photo: Reuters", "Quelle: LSEG")."""
_GATHERED = frozenset("polled compiled surveyed tracked collected gathered aggregated".split())
_DATA_NOUNS = frozenset(
    "data consensus survey poll daten konsens konsensschätzung konsensschätzungen umfrage".split()
)
"""Nouns of numbers gathered by others ("data from", "Daten von"). Not "Zahlen",
"figures" or "Angaben": "Zahlen von Strabag" and "nach Angaben von Siemens" are the
company's own; nor estimates and forecasts: "estimates from Morgan Stanley" are its
analysts' (a data vendor's stay a source: `_ESTIMATE_NOUNS`)."""
_ESTIMATE_NOUNS = frozenset("estimates estimate forecasts schätzung schätzungen prognose prognosen".split())
"""Estimates before a data vendor's name ("Schätzungen von FactSet", "die Prognosen von
LSEG"): its numbers, not the company."""
_VENDOR_CUE = re.compile(
    # A vendor cited for numbers: "according to LSEG", "per FactSet", "laut FactSet".
    r"\b(?:according to|per|citing|via|laut|nach|from|based on|using|gemäß|zufolge)[ \u00a0]+$", re.IGNORECASE
)
_VENDOR_AFTER = re.compile(
    # The vendor's numbers or judgement, not the vendor: "LSEG data", "Morningstar
    # analysts", "S&P Global Ratings", "FactSet-Daten", "FactSet zufolge".
    r"(?:['’]s?)?[ \u00a0]+(?:data|figures|estimates|consensus|survey|polls?|index data|zufolge"
    r"|analysts?|[Aa]nalysten|research|[Rr]atings?|Data"
    # The vendor's products: "LSEG SmartEstimate", "LSEG I/B/E/S", "Refinitiv Eikon",
    # "Bloomberg Intelligence", "FactSet Consensus", "S&P Capital IQ".
    r"|(?i:smart ?estimates?|i/b/e/s|ibes|eikon|workspace|datastream|starmine|intelligence"
    r"|terminal|consensus|estimates|capital iq|market intelligence|economics|indices|indexes))\b"
    r"|-(?:[Dd]aten|[Ss]chätzungen|[Zz]ahlen|[Kk]onsens|[Uu]mfrage|[Aa]nalysten|[Rr]ating|compiled|polled|tracked)"
)


def is_source(before: str, written: str, after: str, key: str) -> bool:
    """Whether the name is cited as the source of numbers here: "polled by", "data
    from" (any company; credit lines: `_in_credit_line`), "according to FactSet", "LSEG data",
    "FactSet-Daten", "FactSet zufolge" (data vendors only: "according to Apple" is
    about Apple). Word checks, not regexes: this runs for every new context."""
    words = before.split()
    if words and words[-1].casefold().startswith("datenanbieter"):
        return True  # "Datenanbieter FactSet"
    if len(words) >= 2:
        last, previous = words[-1].casefold(), words[-2].casefold()
        if last == "by" and (previous in _GATHERED or previous in _CREDIT_LABELS):
            return True  # "analysts polled by", "data compiled by", "Image by"
        if last in ("from", "by", "of", "von", "des", "der") and previous in _DATA_NOUNS:
            return True  # "data from", "Daten von"
        if (previous, last) in _FOLLOW_US:
            return True  # "Follow us on Google News", "Folgen Sie uns auf Facebook": a channel
    if key not in DATA_VENDORS:
        return False
    if len(words) >= 2 and words[-1].casefold() in ("from", "by", "of", "von", "des", "der") and (
            words[-2].casefold() in _ESTIMATE_NOUNS):
        return True  # "Schätzungen von FactSet"
    if "-" in written:
        return _VENDOR_AFTER.match(written, written.rindex("-")) is not None
    return _VENDOR_CUE.search(before) is not None or _VENDOR_AFTER.match(after) is not None


_FOLLOW_US = frozenset({("us", "on"), ("uns", "auf"), ("uns", "bei")})
"""The site's call to follow it on a platform, whose owner it does not report on."""


def is_venue(before: str, key: str) -> bool:
    """Whether an exchange operator's name is the venue here: after "on", "an der",
    "listed on the", "delisted from"."""
    if key not in EXCHANGE_OPERATORS:
        return False
    words = before.split()[-2:]
    if not words:
        return False
    last = words[-1].casefold()
    if last in _VENUE_ARTICLES and len(words) == 2:
        last = words[0].casefold()
    return last in _VENUE_WORDS


def _in_credit_line(before: str) -> bool:
    """Whether the name stands in a credit on its line: after "Photo:", "Bild:",
    "Quelle:" or "©" with no sentence end between."""
    line = before[before.rfind("\n") + 1 :]
    if "©" in line:
        return True
    colon = line.rfind(":")
    if colon < 0 or any(mark in line[colon:] for mark in ".;!?"):
        return False
    label = line[:colon].split()[-1:]
    return bool(label) and label[0].casefold() in _CREDIT_LABELS


@cache
def _person_cues() -> frozenset[str]:
    return TITLES | first_names()


PERSON, PRODUCT, SOURCE = "person", "product", "source"
"""What a name found in text is instead of the company (`mention_kind`); SOURCE covers
cited vendors, credits and exchanges named as the venue."""


def mention_kind(text: str, start: int, end: int, key: str = "") -> str | None:
    """Whether the name at text[start:end] (name key `key`) is a person, a product or
    a cited source here; None when it is the company.

    Judged from the few characters around it, cached by them: a feed's articles
    repeat the same contexts ("Shares of Apple rose"), and this runs for every name.
    """
    return _judged(text[max(0, start - 32) : start], text[start:end], text[end : end + 16], key)


def not_the_company(text: str, start: int, end: int, key: str = "") -> bool:
    """Whether the name at text[start:end] is a person, a product or a source here."""
    return mention_kind(text, start, end, key) is not None


@lru_cache(maxsize=32768)
def _judged(before: str, written: str, after: str, key: str) -> str | None:
    near = before[-24:]
    if is_person(near) and not _own_title(near, written):
        return PERSON
    if _named_person(before, after):
        return PERSON
    if is_product(near, written, after) or ("-" in written and _VERSION.fullmatch(written.partition("-")[2].rstrip(".,;:"))) or (
            after[1:2].isdigit() and _GENERATION.match(after) and key in word_names()) or (
            "-" in written and key in word_names() and written.rsplit("-", 1)[1].casefold().startswith(_GENERIC_COMPOUNDS)):
        # "the Switch 2": a product's generation, when the name is an everyday word; "GPT-5.2":
        # a model's version glued to its name
        return PRODUCT
    if is_source(near, written, after, key) or _in_credit_line(before) or is_venue(near, key):
        return SOURCE
    if key in _NETWORKS and _share_buttons(near, after):
        return SOURCE
    return None


_ROLE_AFTER = re.compile(
    r",[ \u00a0]+(?:the[ \u00a0]+|a[ \u00a0]+)?(?:co-?founder|founder|chief|CEO|CFO|head|president|director|analyst"
    r"|economist|strategist|partner|professor|spokes(?:man|woman|person)|Gründer|Chef(?:in)?|Analyst(?:in)?"
    r"|Vorstand|Sprecher(?:in)?)\b")


def _named_person(before: str, after: str) -> bool:
    """A surname after a given name no list holds: "said Serkan Toto, founder of …" (a
    role after it), "Nintendo-Chef Shuntaro Furukawa" (a title before the given name)."""
    if before[-1:] not in " \u00a0" or not before[-2:-1].isalpha():
        return False  # the common case: no word, or a word ending in a mark, right before the name
    words = before.split()
    if len(words) < 2 or not words[-1][:1].isupper() or not words[-1].isalpha():
        return False
    title = name_word(words[-2])
    if title in TITLES or (len(title) > 8 and title.endswith(_TITLE_ENDINGS)) or title.endswith("-chef"):
        return True
    return words[-2] in ("said", "says", "sagte", "sagt", "by", "von") and _ROLE_AFTER.match(after) is not None


def _own_title(before: str, written: str) -> bool:
    """ "Das sagt der Airbus-Chef Airbus-CEO Guillaume Faury": a heading glued to the
    text, whose title compound is the company's own, so the name after it is the
    company again, not a person's surname."""
    word = before.split()[-1]
    return "-" in word and word.split("-", 1)[0].casefold() == written.split("-", 1)[0].casefold()


_NETWORKS = frozenset({"facebook", "twitter", "linkedin", "pinterest", "reddit", "snapchat", "instagram", "whatsapp"})
_BUTTONS = frozenset({"facebook", "twitter", "linkedin", "pinterest", "reddit", "whatsapp", "instagram", "xing",
                      "telegram", "sms", "email", "e-mail", "mail", "print", "messenger", "flipboard", "threads",
                      "bluesky", "mastodon", "share", "teilen", "drucken"})


def _share_buttons(before: str, after: str) -> bool:
    """ "Comments Facebook Twitter WhatsApp SMS Email": a page's share buttons, whose
    networks are no companies in the story; a neighbour that is another button says so."""
    words = before.split()[-1:] + after.split()[:1]
    return any(w.strip(".,:;|·•").casefold() in _BUTTONS for w in words)


def is_person(before: str) -> bool:
    """Whether the word before the name is a first name or a title ("Judge Richard
    Eaton", "Premier Fico"), so that the name is a surname."""
    if len(before) < 2 or before[-1] not in " \u00a0" or not before[-2].isalpha():
        return False
    word = name_word(before.split()[-1])
    return word in _person_cues() or (len(word) > 8 and word.endswith(_TITLE_ENDINGS))


def is_product(before: str, written: str, after: str) -> bool:
    """Whether the name is a product or brand here: "Porsche owners", "Porsche-Fahrer",
    "a Porsche 911", "bought a Porsche." (after "a"/"an" with no noun following)."""
    if written.endswith(("'s", "’s")):
        return False  # "Facebook's owner" is Meta
    if "-" in written and written.rsplit("-", 1)[1].casefold() in PRODUCT_NOUNS:
        return True
    following = _NEXT_WORD.match(after)
    if following and following.group(1).casefold() in PRODUCT_NOUNS:
        return True
    if before.endswith(_BRAND_BEFORE):
        return True  # "mit der Marke Mercedes-Benz Trucks", "under the brand Jeep": the brand
    words = before[-4:].split()
    if not words or words[-1].casefold() not in _ARTICLES:
        return False
    if _MODEL.match(after):
        return True  # "a Porsche 911", "a Mercedes S-Class"
    return written[-1] in ".,;!?" or after[:1] in ("", "\n", ".", ",", ";", "!", "?")


_GENERIC_COMPOUNDS = ("unternehmen", "firma", "firmen", "branche", "sektor", "hersteller", "anbieter",
                      "spezialist", "riese", "markt", "studie", "trial")
"""After an everyday-word name and a hyphen: the trade, not the company
("des Software-Unternehmens" is no Software AG), or a clinical trial's name ("die
EVOKE-Studien" are Novo Nordisk's, not evoke plc's)."""
_VERSION = re.compile(r"[0-9]{1,2}(?:\.[0-9]{1,2})?[a-z]?")
"""A model's version glued to its name by a hyphen ("GPT-5.2", "GPT-4o"); not a year or a
compound ("Airbus-2024-Zahlen", "Siemens-2025")."""
_GENERATION = re.compile(
    r"[ \u00a0][0-9]{1,2}(?![0-9]|[.,:%][0-9]|[ \u00a0]*(?:%|[Pp]ercent|[Pp]rozent|pct|[Mm]illion|[Bb]illion|Mio|Mrd"
    r"|[Yy]ears?|[Jj]ahre|[Mm]onths?|[Mm]onate|[Ww]eeks?|[Dd]ays?|[Tt]age|[Pp]unkte?|points?))")
"""A product's generation right after its name ("Switch 2"): a number of one or two digits
that no unit follows. Asked for everyday-word names only: "BMW 3 Series" sales are BMW's."""
_BRAND_BEFORE = (" Marke ", " Marken ", " brand ", " Brand ")
"""Right before a name: the brand of that name, not the company (the group behind the
brand files by its own name)."""


_UNIT_BETWEEN = re.compile(
    # What stands between a parent and its unit's name: "Volkswagen's truck unit Traton",
    # "Siemens subsidiary Siemens Healthineers", "Thyssenkrupp-Tochter Nucera".
    r"(?:['’]s?)?[ \u00a0]+(?:[\w-]+[ \u00a0]+){0,2}?"
    r"(?:unit|subsidiary|spin-?off|offshoot|[Tt]ochter(?:gesellschaft|firma|unternehmen)?)[ \u00a0]+"
)


def parent_named_for(text: str, start: int, end: int, next_start: int) -> bool:
    """Whether the name at text[start:end] only describes the company named next, at
    `next_start`, as its parent ("Volkswagen-Tochter Traton", "Volkswagen's truck unit
    Traton"): the article is about the listed unit, and files the parent only where it
    names the parent on its own."""
    if next_start - end > 40:
        return False
    between = text[end:next_start]
    written = text[start:end]
    if "-" in written and written.rsplit("-", 1)[1].casefold().endswith("tochter"):
        return not between.strip()
    return _UNIT_BETWEEN.fullmatch(between) is not None


_SHARE_COMPOUND = re.compile(
    r"-(?:[Aa]ktien?|[Pp]apiere?|[Tt]itel|[Kk]onzern(?:s|chef)?|[Cc]hef(?:in)?|[Aa]ktionäre|[Aa]nteils?scheine?)$"
)
_SHARES_AFTER = re.compile(
    # Not "the Nasdaq stock market", "Dow stock index": the venue or the index.
    r"(?:['’]s)?[ \u00a0]+(?:shares|share[ \u00a0-]price|stock(?![ \u00a0]+(?:[Mm]arkets?|[Ee]xchanges?|[Ii]nd(?:ex|ices)))"
    r"|Aktien?|Papiere|Anteilscheine|CEO|CFO|[Cc]hief[ \u00a0]+(?:[Ee]xecutive|[Ff]inancial)|Konzernchef|Vorstandschef)\b"
)
"""After a name: its shares, its chief ("Target CEO Brian Cornell")."""
_OWN_RESULTS = re.compile(
    r"(?P<s>['’]s)?[ \u00a0]+(?:(?:quarterly|annual|third-quarter|second-quarter|first-quarter|fourth-quarter)"
    r"[ \u00a0]+)?(?:sales|revenue|profit|earnings|results|outlook|guidance)\b")
"""After a name and its possessive: the company's own results ("Target's quarterly sales",
"Delta's profit"); without the possessive it may be a common noun ("Target revenue for
2026")."""
_SHARES_BEFORE = re.compile(
    r"\b(?:[Ss]hares|[Ss]tock|Aktien?|Papiere|Wertpapiere|Anteilscheine|Anteile|Titel|Valoren)[ \u00a0]+"
    r"(?:of|in|von|der|des)[ \u00a0]+(?:[A-ZÄÖÜ][a-zäöüß]+-?[a-zäöüß]*(?:s|es|n|en)?[ \u00a0]+)?$"
    # its own results or its logo: "Sales at Target fell", "The logo for Target"
    r"|\b(?:[Ss]ales|[Rr]evenue|[Pp]rofits?|[Ee]arnings|[Tt]raffic|[Ll]ayoffs)[ \u00a0]+at[ \u00a0]+$"
    r"|\b[Ll]ogo[ \u00a0]+(?:for|of)[ \u00a0]+$"
)


def named_as_stock(text: str, start: int, end: int, key: str = "") -> bool:
    """Whether the name at text[start:end] is written as a listed share ("Rubrik-Aktie",
    "Target shares", "shares of Target", "Aktien von Rubrik", "die Titel des Stromkonzerns
    Verbund", "Carnival jumped 6%"). Evidence enough that an
    everyday word is the company (see `word_names`); asked only for such words."""
    if (compound := _SHARE_COMPOUND.search(text, start, end)) and (
            not key or fold_accents(text[start:compound.start()].casefold()).replace("-", " ") == key.replace("-", " ")):
        return True  # "Rubrik-Aktie"; not "Dow-Jones-Titel", a share of the index, not of Dow Inc
    if _SHARES_AFTER.match(text, end) is not None:
        return True
    if (own := _OWN_RESULTS.match(text, end)) is not None and (own["s"] or text[end - 2:end] in ("'s", "’s")):
        return True
    if _MOVED_AFTER.match(text, end) is not None and not text.endswith(_DEFINITE, 0, start):
        return True  # "Carnival jumped 6%", not "the Dow rose 1%"
    if _RECORD_AFTER.match(text, end) is not None and not text.endswith(_DEFINITE, 0, start) and (
            _SENTENCE_OPENING.search(text, max(0, start - 3), start) is None):
        return True  # "London's Admiral hit a record high, rising 6.6%", not "Also hit a record high was …"
    if _DESCRIBED_BEFORE.search(text, max(0, start - 32), start) is not None:
        return True  # "der Schweizer Versicherer Zurich", "the insurer Zurich"
    if _CITED_BEFORE.search(text, max(0, start - 24), start) is not None:
        return True  # "die zuständige Expertin von Vontobel", "analysts at Jefferies": a bank's analysts
    return _SHARES_BEFORE.search(text, max(0, start - 24), start) is not None


_DESCRIBED_BEFORE = re.compile(
    r"(?:^|[\s(])(?:[A-Za-zÄÖÜäöüß-]*(?:[Kk]onzerns?|[Vv]ersicherers?|[Hh]erstellers?|[Bb]auers?|[Zz]ulieferers?"
    r"|[Hh]ändlers?|[Ii]nsurer|[Rr]einsurer|maker|[Ll]ender|[Rr]etailer|[Bb]ank|[Kk]onkurrent(?:en)?|[Rr]ivale?n?"
    r"|[Mm]iner|[Oo]utsourcer|[Hh]ousebuilder|[Gg]rocer|[Bb]rewer|[Ss]upermarket|[Aa]irline|[Pp]ublisher|[Bb]roadcaster"
    r"|[Cc]aterer))"
    r"[ \u00a0]+$")
"""The noun that says what the company does, right before the name: "der Versicherer
Zurich", "Chipmaker Marvell", "beim Konkurrenten Continental", "Gold miner Hochschild"."""


_CITED_BEFORE = re.compile(
    r"\b(?:[Aa]nalyst(?:en|in)?|[Ee]xpert(?:en|in)?|[Ss]trateg(?:e|en|in)|analysts?|strategists?)"
    r"[ \u00a0]+(?:von|bei|der|des|at|from)[ \u00a0]+$")
"""A house's analysts before its name: the bank or broker that speaks is the company."""
_MOVE_VERBS = (
    r"(?:rose|fell|jumped|gained|climbed|slid|dropped|tumbled|surged|slipped|advanced|declined"
    r"|soared|plunged|sank|shed|added|lost|rising|falling|jumping|gaining|climbing|sliding|dropping|tumbling"
    r"|surging|slipping|advancing|declining|soaring|plunging|sinking|shedding|adding|losing"
    r"|stiegen|stieg|fielen|fiel|verloren|verlor|gewannen|gewann)")
_MOVED_AFTER = re.compile(
    rf"[ \u00a0]+{_MOVE_VERBS}[ \u00a0]+(?:by[ \u00a0]+|um[ \u00a0]+)?"
    r"(?:about|nearly|almost|rund|knapp|fast|more than|mehr als)?[ \u00a0]*[0-9]"
    # "SSE is down 2.1%", "Diploma was up 4%": a market report's move
    r"|[ \u00a0]+(?:is|was|are|were)[ \u00a0]+(?:down|up|higher|lower)[ \u00a0]+(?:by[ \u00a0]+)?[0-9]"

    # "Capita fell as the outsourcer warned", "Hochschild rose after the gold miner said":
    # a market report's move, then what the company is (a dollar or a price is no company)
    rf"|[ \u00a0]+{_MOVE_VERBS}[ \u00a0]+(?:as|after|when)[ \u00a0]+the[ \u00a0]+(?:[a-z-]+[ \u00a0]+)?"
    r"(?:[a-z-]{3,}(?:er|or)|group|company|firm|airline|bank|lender|retailer)\b")
"""A move of a stated size right after the name ("Carnival jumped 6 percent", "with Target
dropping by 12 percent" is the share), or a move and what the company is ("Capita fell as
the outsourcer warned")."""
_RECORD_AFTER = re.compile(
    r"[ \u00a0]+(?:hit|hits|touched|reached)[ \u00a0]+an?[ \u00a0]+(?:record|[a-z0-9]+-(?:year|month|week))"
    r"[ \u00a0]+(?:high|low)(?=[,.;:]|[ \u00a0]+(?:on|after|as|before|while|and)\b)")
"""A share's price at a record or an N-year high or low, the clause ending there ("Admiral
hit a record high, rising 6.6%"; not "a record high ridership" nor "in the polls")."""
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?][ \u00a0]+|\n)$")
_DEFINITE = ("the ", "The ", "der ", "Der ", "die ", "Die ", "den ", "dem ", "des ")
"""Before an index's name ("the Dow rose 1%"), which moves as a share does."""
