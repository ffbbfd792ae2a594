"""Which name mentions in an article are the company: the checks each name hit passes
before it counts (a person, a product, a cited source, an index code, a longer name, a
local unit, a German word written with an umlaut, an everyday word without evidence).

`find_instruments` (instruments.py) finds the hits in one pass and merges what counts.
"""

from __future__ import annotations

import re

from tui_reader.extract.aliases import DESCRIPTORS
from tui_reader.extract.directory import Directory
from tui_reader.extract.exchanges import exchange_named
from tui_reader.extract.figures_amounts import LOCAL_PREFIXES
from tui_reader.extract.name_bounds import (
    VENUE_BESIDE,
    capitalised_mid_sentence,
    in_capitals,
    inside_a_longer_name,
    longer_name_follows,
    spelled_out_before,
)
from tui_reader.extract.name_context import PERSON, mention_kind, named_as_stock, parent_named_for
from tui_reader.extract.names import CAPITALS, NameHit, name_key
from tui_reader.extract.word_names import (
    ANY_TEXT,
    ENGLISH_WORD,
    GERMAN_WORD,
    allowed_in_german,
    is_german,
    word_names,
)
from tui_reader.extract.written_tickers import INDEX_CODES, home_suffix
from tui_reader.model import Instrument

_VENUE_OF = re.compile(r"(?:[Mm]arkt|[Hh]andels|Börsen)plätzen der $|[Pp]lattformen der $|[Ii]ndex der $|[Ii]ndizes der $"
                       r"|\b(?:list(?:ed|s|ing)?|trade[sd]?|trading|quoted|debut(?:ed|s)?|float(?:ed|s)?) on the $")
"""An exchange operator named as the place of trading or the keeper of an index ("im
Leitindex der Deutschen Börse"), not as the listed company."""
_CAPITAL_NEXT = re.compile(rf"[ \u00a0]+[{CAPITALS}]")
CITED_AFTER = re.compile(
    r"(?:['’]s?)?(?:[ \u00a0]+|-)(?:[Aa]nalysts?|[Aa]nalysten|[Aa]nalystin|[Ss]trategists?|[Ss]trategen"
    r"|[Ee]conomists?|[Vv]olkswirte?)(?!\w)")
"""After a name: its analysts speak ("Societe Generale analysts said", "Vontobel-Analyst")."""


_GERMAN_FORMS = frozenset({"AG", "KGaA", "GmbH", "SE"})
_GERMAN_FORMS_ENDS = frozenset(form[-2:] for form in _GERMAN_FORMS)


def _german_form_of_a_us_company(text: str, end: int, listing: Instrument | None) -> bool:
    """A name followed by a European legal form that a US company never has: the
    company meant is a European one of the same name (the directory may not know it)."""
    return (listing is not None and (listing.isin or "").startswith("US")
            and text[:end].rsplit(None, 1)[-1].strip(".,") in _GERMAN_FORMS)


_OTHER_FIRM_AFTER = re.compile(
    r"[ \u00a0]+(?:Capital[ \u00a0]+(?:Partners|Management|Advisors)|Partners|Private[ \u00a0]+Equity"
    r"|Asset[ \u00a0]+Management|Ventures|Investment[ \u00a0]+Management)\b")
"""After a known name, words that make a longer name of a firm the directory does not
know (it would have matched the longer name first): an investor, not the company."""
_FIRM_INITIALS = frozenset("CPAVI")
"""The initials of `_OTHER_FIRM_AFTER`'s first words."""
_FORM_NAMES = frozenset({"sca"})
"""Companies named like a legal form, which after a capitalised name is that form."""
_NORDIC_FORM = re.compile(r"[ \u00a0](?:A/S|ASA|AB|Oyj|Abp|ApS)(?![\w/])")
"""A Nordic legal form after a name, which no US company has: "Rtx A/S" is the Danish
company, not RTX Corp (the directory may not know it). Asked right after a name, or at
the end of a name found with its form."""


_PLACE_LEADS = (" in ", " nach ", " aus ", " bei ", " ab ", " von ")
"""Before a name that is also a place ("Zurich", allowed in German text, where the city
is "Zürich"): "die Konferenz in Zurich" is the city."""


def count_names(
    text: str,
    hits: list[NameHit],
    in_spans: set[int],
    found_in: Directory,
    declared: dict[str, Instrument],
    people: set[str],
) -> tuple[dict[str, list[int]], dict[str, list[int]], set[str]]:
    """The names that are the company, as key -> [first place, count], plain and
    deferred (everyday words, see `word_names`), and the keys found to be people.

    `people`: keys the article shows to be a person's surname ("Judge Richard Eaton"),
    whose other bare mentions ("Eaton, who was appointed") are that person too. A
    company named ten times is merged once, with its count (and its first place).
    """
    named: dict[str, list[int]] = {}
    deferred: dict[str, list[int]] = {}
    found_people: set[str] = set()
    needs_evidence, german_names = word_names(), allowed_in_german()
    short_names = found_in.short_names
    german: bool | None = None  # asked once, and only for a German-only word
    last = len(hits) - 1
    abbreviations: dict[str, bool] = {}  # capitals spelled out in parentheses earlier in the text
    longer_named: set[str] = set()  # weak keys met as the start of another company's longer name
    nordic: set[str] = set()  # keys written with a Nordic legal form (`_NORDIC_FORM`)
    for i, (start, key, suffixed, end) in enumerate(hits):
        if in_spans and i in in_spans:
            continue
        if not suffixed:
            written = text[start:end]
            if written in INDEX_CODES or written in _QUARTERS:
                continue  # "the S&P 500 index SPX, +0.03%": the index, not SPX Corp; "Q2 net bookings"
            if written in _CURRENCY_SIGNS and _AMOUNT_AFTER.match(text, end):
                continue  # "at Rs 11,058 crore": rupees, not RS Group
            if written.rstrip(".") == "BP" and start > 1 and text[start - 2].isdigit():
                continue  # "Bruttomarge 83 BP": basis points, not BP plc
            if not written.isascii() and key not in declared and _umlaut_word(written, found_in.by_key(key)):
                continue  # "Über den Namen", "die Bücher": German words, not Uber or Bucher
            kind = mention_kind(text, start, end, key)
            if kind is not None:
                if kind is PERSON:
                    found_people.add(key)
                continue  # "Judge Richard Eaton", "Porsche owners", "polled by FactSet"
            if key in people:
                continue
            if text.endswith(("der ", "the "), 0, start) and _VENUE_OF.search(text, max(0, start - 32), start):
                continue  # "auf den Marktplätzen der Deutschen Börse", "to list on the Singapore Exchange": a venue
            if (key in short_names and _CAPITAL_NEXT.match(text, end) and "-" not in written
                    and written[-1] not in ".!?"  # "… Expertin von Vontobel. Allerdings": a sentence ends
                    and not CITED_AFTER.match(text, end) and not _own_unit_or_person(text, start, end)
                    and not _own_ticker_after(text, end, found_in.by_key(key))):
                longer_named.add(key)
                continue  # "Getty Images": another name ("Vontobel-Analyst Jean …", "Owens Corning OC" are not)
            if " " in key and key in short_names and written.count("-") > key.count(" "):
                continue  # "Private-Equity-Fonds": a short name of words hyphenated into a compound is the term
            if text[end + 1:end + 2] in _LOCAL_INITIALS and _LOCAL_UNIT.match(text, end):
                continue  # "Nestle India", "Unilever Nigeria": the listed local unit, not the parent
        elif text[end - 2:end] in _GERMAN_FORMS_ENDS and _german_form_of_a_us_company(text, end, found_in.by_key(key)):
            continue  # "Die Post AG": an Austrian or German company, not Post Holdings Inc
        after = text[end + 1:end + 2]  # one look at the next word's initial spares the two patterns below
        if after in _FIRM_INITIALS and _OTHER_FIRM_AFTER.match(text, end) and not suffixed:
            continue  # "Avista Capital Partners", a private-equity firm, not Avista Corp: a longer name unknown
        if key in _FORM_NAMES and start > 1 and text[start - 1] == " " and text[start - 2].isalpha() and (
                text[text.rfind(" ", 0, start - 1) + 1:start - 1][:1].isupper()):
            continue  # "Hermes International SCA": a French partnership limited by shares, not Svenska Cellulosa
        if key in nordic or (((after in "AO" and _NORDIC_FORM.match(text, end))
                              or (suffixed and _NORDIC_FORM.search(text, end - 5, end)))
                                and (
                (named_as := found_in.by_key(key)) is not None and (named_as.isin or "").startswith("US"))):
            nordic.add(key)  # "Rtx A/S": the Danish company, here and in every later "RTX", not RTX Corp
            continue
        if start and text[start - 1] == "(" and spelled_out_before(text, start, end):
            continue  # "net interest income (NII)": an abbreviation, not NII Holdings
        if _defined_before(text, start, end, abbreviations):
            continue  # "NII jumped 44%" after "net interest income (NII)": the abbreviation again
        venue = exchange_named(key) is not None
        if venue and " " not in key and (listing := found_in.by_key(key)) is not None and (
                listing.ticker or "").endswith(".L") and home_suffix(text) == ".L":
            venue = False  # "SSE is down 2.1%" in a FTSE report: the utility, not Shanghai's exchange
        if venue and VENUE_BESIDE.search(text, max(0, start - 12), end + 12):
            continue  # "Amex & NYSE switches": the exchange, not American Express
        weak = key in short_names or key in needs_evidence or key in DESCRIPTORS
        if weak and not suffixed and key in longer_named:
            continue  # "Paragon’s dealings" after "its subsidiary Paragon Systems": that company again
        if weak and (inside_a_longer_name(text, start) or (
                not suffixed and longer_name_follows(text, end) and not _own_unit_or_person(text, start, end)
                and not _own_ticker_after(text, end, found_in.by_key(key)))):
            # " the " twice answers for English in ~1 µs, the German scan takes ~25 (and
            # stays unasked: `german` keeps meaning what is_german says, for the checks below).
            if german is None and text.count(" the ", 0, 4000) < 2:
                german = is_german(text)
            if not german:  # German capitalises every noun: "Autozulieferer Continental"
                longer_named.add(key)
                continue  # "Old National Bancorp", "Piedmont Bancorp": another company's name
        if i < last and hits[i + 1][0] - end < 40 and parent_named_for(text, start, end, hits[i + 1][0]):
            continue  # "Volkswagen-Tochter Traton": the parent only describes the unit
        where = needs_evidence.get(key) if not suffixed else None
        # A market's one-word name ("ASX shares rose", "Nasdaq rose 1%") files its company
        # only with its legal form; a longer one as any company ("London Stock Exchange
        # rose 6%": in a market report the share)
        if where is not None and (not venue or " " in key) and (named_as_stock(text, start, end, key) or in_capitals(text, start, end)
                                                or _listed_beside(text, hits, i, needs_evidence)
                                                or _QUOTE_AFTER.match(text, end)):
            # "Rubrik-Aktie", "Target shares", "MARA said", "BP and Shell", "Zurich (+1,0%)": the company
            where = None
        if where is not None and (where != ANY_TEXT or key in german_names):
            if german is None:
                german = is_german(text)
            if german and key in german_names and not text.endswith(_PLACE_LEADS, 0, start):
                where = None  # "Continental" in German text; "doch die Zurich hält …", not "in Zurich"
            elif where != ANY_TEXT and _written_as_name(where, german, text, start, end):
                where = None
        if where is not None and key not in declared:
            seen = deferred.setdefault(key, [start, 0, 0])
        else:
            seen = named.setdefault(key, [start, 0, 0])
        seen[1] += 1
        if CITED_AFTER.match(text, end):
            seen[2] += 1
    return named, deferred, found_people


def _defined_before(text: str, start: int, end: int, known: dict[str, bool]) -> bool:
    """Whether a name in capitals was spelled out as an abbreviation earlier in the text
    ("net interest income (NII)"), which every later mention then is (`known` remembers
    each answer for the article)."""
    written = text[start:end]
    if not (2 <= len(written) <= 5 and written.isupper()):
        return False
    found = known.get(written)
    if found is None:
        at = text.find(f"({written})", 0, start)
        found = known[written] = at >= 0 and spelled_out_before(text, at + 1, at + 1 + len(written))
    return found


def _own_ticker_after(text: str, end: int, named_as: Instrument | None) -> bool:
    """Whether the word after a name is the company's own ticker, as Zacks writes them
    ("Owens Corning OC reported"): the name, then its symbol, no longer name."""
    if named_as is None or not named_as.ticker:
        return False
    symbol = named_as.ticker.split(".", 1)[0]
    return text.startswith(symbol, end + 1) and not text[end + 1 + len(symbol):end + 2 + len(symbol)].isalnum()


def _own_unit_or_person(text: str, start: int, end: int) -> bool:
    """Whether the capitalised words after a name are its own broking arm ("Mizuho
    Securities") or, after a possessive, one of its people ("Truist's Robyn Smith")."""
    return text.endswith(("'s", "’s"), start, end) or _BROKER_UNIT.match(text, end) is not None


_QUARTERS = frozenset({"Q1", "Q2", "Q3", "Q4", "H1", "H2"})
"""A quarter or half-year, never Q2 Holdings or H2 anything in market news."""
_BROKER_UNIT = re.compile(r"[ \u00a0]+(?:Securities|Capital Markets|Equities|Research|Equity Research)\b")
"""A bank's broking arm after its short name ("Mizuho Securities", "Truist Securities"): the
listed bank cited as the broker, not another company's name."""
_CURRENCY_SIGNS = frozenset({*LOCAL_PREFIXES, "Fr", "Ft", "Kr", "Sfr", "SFr"})
"""Currencies written as letters before an amount ("Rs 1,750", "RM 2.10", "Fr. 45"): the
figures' two-letter marks and a few more."""
_AMOUNT_AFTER = re.compile(r"\.?[ \u00a0]?[0-9]")
_UMLAUTS = frozenset("äöüÄÖÜ")


def _umlaut_word(written: str, listing: Instrument | None) -> bool:
    """Whether a name written with an umlaut is a German word that only folds to the
    company's name, which has none: "Über" is no Uber, "Bücher" no Bucher; "Suedzucker"
    and "Südzucker" both are Südzucker, whose name has one."""
    if listing is None or listing.name is None or _UMLAUTS.isdisjoint(written) or " " in written.strip():
        return False  # a name of several words is that name, umlaut or not ("Zürich Insurance")
    key = name_key(written)
    # only where the key is the company's own name, whose spelling is known ("Münchener
    # Rück" is an alias of Munich Re, spelled with its umlauts)
    return name_key(listing.name).startswith(key) and _UMLAUTS.isdisjoint(listing.name[:len(written) + 2])


_QUOTE_AFTER = re.compile(
    r"[ \u00a0]?\((?:(?:Aktie[ \u00a0]+mit[ \u00a0]+|Aktie:?[ \u00a0]+)?(?:[+\-−–][ \u00a0]?[0-9]|plus[ \u00a0]+[0-9]"
    r"|minus[ \u00a0]+[0-9])|[A-Z][A-Z0-9.]{0,6}[ \u00a0]+(?:[0-9][0-9.,']*[ \u00a0]+)?[+\-−]?[0-9][0-9.,]*[ \u00a0]?%\))")
"""A quote's change in parentheses right after a name: "Zurich (+1,0%)", "Verbund (Aktie mit
plus 0,6 Prozent)", a widget "Rational (RAA 770.40 +12.73%)" are the share."""
_LOCAL_COUNTRIES = ("India", "Pakistan", "Bangladesh", "Malaysia", "Nigeria", "Kenya", "Ghana", "Lanka",
                    "Indonesia", "Philippines", "Vietnam", "Thailand", "Egypt")
_LOCAL_UNIT = re.compile(rf" (?:{'|'.join(_LOCAL_COUNTRIES)})(?!\w)")
"""A country after a multinational's name: its separately listed local company."""
_LOCAL_INITIALS = frozenset(country[0] for country in _LOCAL_COUNTRIES)
"""First letters of those countries: one set look-up keeps most names off the regex."""
_ADVERB_NAMES = frozenset({"also", "next", "now", "here", "still", "well", "so", "then"})
"""Names that open sentences as adverbs ("Also, Ford said"): never taken for a list's
first item."""
_LIST_JOINS = frozenset({" and ", ", ", " & ", " or ", ", and ", " und ", " oder ", " sowie "})


def _listed_beside(text: str, hits: list[NameHit], i: int, needs_evidence: dict[str, str]) -> bool:
    """Whether the name at hits[i] stands in a list beside a company that needs no
    evidence ("Britain's BP and Shell", "Shell, Exxon and Chevron"): a word name listed
    with companies is one too."""
    start, _, _, end = hits[i]
    if i > 0 and hits[i - 1][1] not in needs_evidence and text[hits[i - 1][3]:start] in _LIST_JOINS:
        return True
    if hits[i][1] in _ADVERB_NAMES:
        return False  # "Also, Ford was ...": a sentence's opening word, not a list's first item
    return (i + 1 < len(hits) and hits[i + 1][1] not in needs_evidence
            and text[end:hits[i + 1][0]] in _LIST_JOINS)


def _written_as_name(word: str, german: bool, text: str, start: int, end: int) -> bool:
    """Whether an everyday word (`word_names`: English, German or both) is written as a
    name here: an English-only word in German text ("der Konkurrent Coherent"), a German
    noun in English text ("Rubrik said"), or an English word capitalised inside an
    English sentence ("analysts expect Strategy to buy") or as an owner ("Affirm's
    loans": everyday words seldom own anything)."""
    if german:
        return word == ENGLISH_WORD
    if word == GERMAN_WORD or capitalised_mid_sentence(text, start):
        return True
    return text.endswith(("'s", "’s"), start, end) and not text.endswith(("the ", "The "), 0, start)
