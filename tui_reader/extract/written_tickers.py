"""Tickers written in the text: "(TWTR)", the quote widget "(AMKR 0.77%)", cashtags
("$NVDA") and venue forms ("NASDAQ: NVDA", "(Xetra: SAP)").

An all-capital word in parentheses is far more often an acronym ("(CEO)", "(AI)",
"(ECB)", "(USD)") than a symbol, so it counts as a ticker only with evidence:
a quote widget's percentage after it ("(AMKR 0.77%)", as fool.com prints them), or a
company-like name right before it ("Twitter (TWTR)", "Amkor Technology Inc. (AMKR)")
whose initials it is not ("European Central Bank (ECB)"). A symbol the directory lacks
is kept as written, ticker-only, so the article is still filed under it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from tui_reader.extract.directory import Directory
from tui_reader.extract.exchanges import HOME_COUNTRY, exchange_named, yahoo_symbol
from tui_reader.extract.names import CONNECTORS, LEGAL_SUFFIXES, name_key, name_word, picks_initials
from tui_reader.extract.word_names import is_german, word_names
from tui_reader.model import Instrument

NOT_TICKERS: frozenset[str] = frozenset(
    # Roles, economics and accounting, institutions, currencies, places, indices,
    # technologies, news agencies, time zones and business metrics (GMV, FFO, RASM) that
    # writers put in parentheses.
    """CEO CFO COO CTO CIO CMO EVP SVP VP MD AI KI ML AR VR EV EVS IT HR PR IPO SPO ETF
    ETFS REIT SPAC ADR ADRS ADS EPS DPS EBIT EBITDA FCF ROE ROI ROIC YOY QOQ YTD TTM
    GAAP IFRS CAGR ARR MRR KPI OEM SAAS API LLM GPU CPU SOC LNG LPG EUV DRAM NAND HBM
    GDP BIP CPI PPI PMI HICP VPI ECB EZB FED FOMC SEC FTC DOJ FDA EMA IMF WTO WHO OPEC
    NATO UN EU EC EIB BIS IEA CFTC FINRA BAFIN FCA ESMA SNB BOE BOJ PBOC RBI USD EUR
    GBP JPY CHF CNY RMB HKD KRW INR AUD CAD SEK NOK DKK PLN BRL MXN SGD TWD US USA UK
    GB DE FR JP CN HK IN IT ES NL CH KR TW UAE DAX MDAX SDAX TECDAX STOXX FTSE SPX NDX
    DJIA OTC LSE TSE HKEX KRX NYSE AMEX ESG CO NV SA AG SE PLC LTD INC LLC GMBH KGAA
    BV AB ASA OYJ SPA PDF FAQ CEST CET EST EDT PST PDT UTC GMT AM PM Q1 Q2 Q3 Q4 H1 H2
    FY TBD NA NM ETA AP AFP DPA AFX UPI ANSA APA SDA KNA EPD BBG ET CT MT PT BST MEZ
    MESZ II III IV IWF OECD UNO WTI DIW IFW ZEW VDA VDMA BDI DIHK IG SPD CDU CSU FDP
    BSW KFW BIZ EZ EWU BLS BEA CBO IRS FAA FCC EPA CDC NIH NASA USDA DOE DOD GOP NHTSA
    FERC OCC FDIC CFPB NLRB ISM NFP KGV KUV KBV KCV PEG DI EBITA ROTE ROTCE ROCE ROACE RWA
    CET1 NIM NPL LCR GMV AOV ARPU DAU MAU NPS TAM SKU NRR LTV CAC AUM FFO AFFO NOI RPK CASK RASM
    CASM PRASM TRASM END EBT NOPAT WACC IANS PTI ANI RMBS CMBS MBS ABS CDO CLO SREP CNMV AMF CONSOB ASP ASPS
    GW MW KW GWH MWH KWH TWH BBL BOE MMBTU MENA EMEA APAC DACH LATAM DCF NAV NSCLC SCLC RTS OPA SEPI
    DSW SDW IVA SDK TERP CDI""".split()
)


def paren_ticker(
    found_in: Directory, text: str, start: int, code: str, quoted: bool, home: str
) -> Instrument | None:
    """The listing "(CODE)" at `start` (the parenthesis) names, if the evidence holds;
    `home` is the Yahoo suffix of the market the article reports on (`home_suffix`)."""
    if code in INDEX_CODES:
        return None  # "PHLX Semiconductor Sector Index (SOX)", "(SPX +0.3%)"
    if home and "." in code and "." + code.rsplit(".", 1)[1] in HOME_COUNTRY:
        home = ""  # "(WPP.L)" in a London report: the suffix is written already
    elif home == ".TO":
        home = venture_suffix(text, start)
    listing = found_in.by_ticker(code + home) if home else found_in.by_ticker(code)
    if quoted:
        # "Rational (RAA 770.40 +12.73%)": the code is the known name's Xetra one
        if code[-1].isdigit():  # "Sixt (SIX2 111.90 +10.25%)": a Xetra class code, no symbol alone
            return found_in.by_ticker(code + ".DE") or named_before(found_in, text, start)
        return listing or named_before(found_in, text, start) or Instrument(
            None, code + home if home else code.replace(".", "-"), None)
    if len(code) < 2 or code in NOT_TICKERS or (exchange_named(code) is not None and not (home and listing)):
        return None  # "(NYSE)", but "SSE (SSE) 1,886.00p" in a FTSE report is the utility's EPIC
    words = _words_before(text, start)
    if not words or not words[-1][:1].isupper():
        return None  # "the chief executive officer (CEO)", "(TWTR)" opening a line
    if all(w.isupper() for w in words) and listing is None:
        return None  # a dateline: "NEW YORK (AP)", "FRANKFURT (AFX)"
    if (listing is None and text.startswith((". ", " - ", " – ", " — "), start + 2 + len(code))
            and " " not in text[text.rfind("\n", 0, start) + 1:start].strip()):
        return None  # a dateline opening a paragraph: "Frankfurt/Main (RPO). Nach ..."
    initials = _initials(words)
    if (initials.endswith(code) or (len(code) >= 3 and picks_initials(initials, code))) and not (
            code == initials and name_word(words[-1]) in _LEGAL_FORMS and _PRICE_AFTER.match(text, start + 2 + len(code))):
        # "European Central Bank (ECB)", "Paytm Payments Bank Ltd (PPBL)"; but in a price
        # list, a code that spells the legal form too is a small cap's ticker:
        # "Foresight Solar Fund Limited (FSFL) 88.70p 2.19%"
        return None
    if listing is None and any(_abbreviates(words[i:], code) for i in range(len(words))) and is_german(text):
        return None  # "Landesbank Baden-Württemberg (LBBW)", "Duchenne-Muskeldystrophie (DMD)"
    if listing is not None:
        if (short := found_in.by_name(code)) is not None and short != listing and short in _named_by_tails(
                found_in, words):
            return None  # "Waadtländer Kantonalbank (BCV)": the company's short name, not US BCV
        if (_compound_abbreviation(words[-1], code) and (listing.name or " ").split()[0] not in words
                and is_german(text)):
            return None  # "die Bundeswettbewerbsbehörde (BWB)": an authority's short form, not Bridgewater Bancshares
        return listing
    if _ISIN_SHAPE.fullmatch(words[-1]):
        return None  # "MediaforEurope NL0015000N09 (MFE)": the ISIN files it, the code is its short name
    if words[-1].rstrip(",.") in _SHORT_NAME_FORMS:
        return None  # "Boustead Heavy Industries Corp Bhd (BHIC)": Bursa's codes are digits
    if words[-1].rstrip(",") in _NOT_ISSUERS:
        return None  # "Boston Options Exchange (BOXR)", "the Dow Jones Transportation Average (DJT)"
    if any(named is not None for named in _named_by_tails(found_in, words, word_tails=False)):
        return None  # a known company before an unknown code ("Die Volkswagen (VW)"): its name files it already
    if words[-1].startswith(code + "-") and found_in.by_name(code) is not None:
        return None  # "die BMW-Aktie (BMW)": the company's name repeated, its compound files it
    return Instrument(None, code + home if home else code.replace(".", "-"), None)


_HOME_MARKETS = (("FTSE", ".L"), ("S&P/ASX", ".AX"), ("S&P/TSX", ".TO"), ("SMI", ".SW"),
                 ("Swiss Market Index", ".SW"), ("ATX", ".VI"))
"""A market report names its index; a code in parentheses there is that market's own
("Auto Trader Group (AUTO)" in a FTSE report is AUTO.L, not the US AUTO; "Swiss Re (SREN
87.7 1.68%)" in an SMI report is SREN.SW)."""


def home_suffix(text: str) -> str:
    """The Yahoo suffix of the market the article reports on, when its title or opening
    names its index: a code in parentheses there is an EPIC ("Arrow Global (ARW)" is
    ARW.L, not the US Arrow Electronics), known to the directory or not."""
    opening = text[:_OPENING]
    suffix = next((suffix for index, suffix in _HOME_MARKETS if index in opening), "")
    if not suffix and "TSX" in text and _TORONTO.search(text) and not _US_VENUES.search(text):
        return ".TO"  # "On the TSX, ... Athabasca Oil Corp. (ATH)": a Toronto market report
    return suffix


_TORONTO = re.compile(r"\bTSX\b")
_US_VENUES = re.compile(r"\b(?:NYSE|Nasdaq|NASDAQ|New York Stock Exchange)\b")
"""A report that names the TSX and no US venue is about Toronto: its codes in parentheses
are Toronto's, or the Venture exchange's where the sentence says so (`venture_suffix`)."""
_VENTURE = re.compile(r"\bTSX[- ]?V(?:enture)?\b|\bTSXV\b")


def venture_suffix(text: str, start: int) -> str:
    """".V" where the words right before a code in a Toronto report name the TSX Venture
    exchange ("the TSX-V-listed Petro-Victory Energy Corp. (VRY)"), else ".TO"."""
    return ".V" if _VENTURE.search(text, max(0, start - 80), start) else ".TO"


_OPENING = 500
"""How much of title and body names the market a report is about: a US report that
mentions the FTSE further down stays a US report."""


_NOT_ISSUERS = frozenset({"Index", "Exchange", "Average", "Börse", "Indizes", "Benchmark"})
"""The last word of a name that is an index or a market, whose code is no ticker."""


_ISIN_SHAPE = re.compile(r"[A-Z]{2}[A-Z0-9]{9}[0-9]")
_SHORT_NAME_FORMS = frozenset({"Bhd", "Berhad"})
"""Malaysian legal forms ("Sdn Bhd" private, "Bhd" public): the code in parentheses after
them is the company's short name, as Bursa Malaysia's symbols are digits."""


_QUOTES = "\"„“”‘’»«"
_JOINERS = CONNECTORS | {"for", "für"}
"""Lower-case words inside a name before a parenthesis: "Bank of America", an institute's
"National Institute for Health and Care Excellence (NICE)"."""
_PRICE_AFTER = re.compile(r"[ \u00a0]+[0-9][0-9.,]*p?[ \u00a0]")
"""A price right after the parenthesis: a row of a price list."""
_SHARE_FORMS = frozenset({"(CDI)", "(DI)"})
"""Marks London's price lists put after a name whose shares trade as depositary interests."""
_LEGAL_FORMS = frozenset("limited ltd plc inc incorporated corp corporation ag se nv sa llc kgaa ab asa oyj spa bv gmbh".split())
"""Legal forms proper (not "Group" or "Holdings"). A price list's code may spell one as the
name's last initial ("… Fund Limited (FSFL)"); prose abbreviations do too, so only there."""


def _words_before(text: str, start: int) -> list[str]:
    """The capitalised words (and connectors) right before the parenthesis."""
    if start < 2 or text[start - 1] not in " \u00a0":
        return []
    words = text[max(0, start - 60) : start].split()
    if words and words[-1] in _SHARE_FORMS:
        words.pop()  # "C&C Group (CDI) (CCR)": London's mark of a depositary interest, then the code
    kept: list[str] = []
    for word in reversed(words):
        word = word.strip(_QUOTES)  # 'das "Manager Magazin" (MM)'
        # "(Fresenius Medical Care (FMC)": a name opens a parenthesis that is still open
        opened = word[:1] == "(" and ")" not in word and word[1:2].isupper()
        if opened:
            word = word[1:]
        if word[:1].isupper() or (kept and word in _JOINERS) or name_word(word) in LEGAL_SUFFIXES:
            kept.append(word)
        else:
            break
        if opened:
            break
        if word[-1] in ",;:)" and len(kept) > 1:
            break
    while kept and kept[-1] in _JOINERS:
        kept.pop()
    return kept[::-1]


def _abbreviates(words: list[str], code: str) -> bool:
    """Whether an unknown code abbreviates the two or more words before it: it starts
    with the first one's initial and holds every word's initial in order, whatever else
    ("LBBW" of "Landesbank Baden-Württemberg"), or the letters of one long compound in
    order ("BWB" of "Bundeswettbewerbsbehörde"). Asked in German text only, where an
    unknown company's symbol in parentheses is rare and an institution's short form
    common (an English small cap's symbol is often its initials and a letter more)."""
    parts = [p for w in words if w not in CONNECTORS for p in w.split("-") if p[:1].isupper()]
    if parts and _compound_abbreviation(parts[-1], code):
        return True
    if "-" in words[-1] and picks_initials("".join(p[0] for p in words[-1].split("-") if p).upper(), code):
        return True  # "Direct-to-Patient-Plattform (DTP)"
    if len(parts) < 2 or code[0] != parts[0][0].upper():
        return False
    at = 0
    for part in parts:
        at = code.find(part[0].upper(), at)
        if at < 0:
            return False
        at += 1
    return True


def _compound_abbreviation(word: str, code: str) -> bool:
    """Whether the code is a long German compound's short form, its letters in order
    from the first: "Bundeswettbewerbsbehörde (BWB)"."""
    if len(code) < 3 or len(word) <= 3 * len(code) or code[0] != word[0]:
        return False
    rest = iter(word[1:].upper())
    return all(letter in rest for letter in code[1:])


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w not in _JOINERS and w.lower() != "the").upper()


_SYMBOL_WORDS = frozenset({"ticker", "symbol"})
def ticker_mentions(
    found_in: Directory, text: str, cashtags: list[tuple[int, int, str]],
    colons: list[tuple[int, int, str]],
) -> Iterator[tuple[int, int, Instrument]]:
    """Explicit ticker forms as (start, end, listing); unknown symbols kept as written."""
    for start, end, cash in cashtags:
        if start and (text[start - 1].isalnum() or text[start - 1] == "$"):
            continue  # "US$5", "$$"
        listing = found_in.by_ticker(cash) or Instrument(None, cash.replace(".", "-"), None)
        yield start, end, listing
    for colon, end, code in colons:
        before = text[max(0, colon - 40) : colon]
        if not before or before[-1] not in " \u00a0" and not before[-1].isalpha():
            continue  # "(NASDAQ: NVDA)", "HK: 9988", not "(1): AB"
        words = before.rsplit(None, 3)[-3:]  # the last three words, without splitting all
        if not words:
            continue
        form = (*words, code)
        venue_listing = _VENUE_FORMS.get(form, _UNSEEN)
        if venue_listing is _UNSEEN:
            if len(_VENUE_FORMS) > 10_000:
                _VENUE_FORMS.clear()
            venue_listing = _VENUE_FORMS[form] = _venue_listing(found_in, words, code)
        if venue_listing is not None:
            yield colon - len(words[-1]), end, _named_instead(found_in, text, colon, venue_listing)


def _named_by_tails(found_in: Directory, words: list[str], *, word_tails: bool = True) -> Iterator[Instrument | None]:
    """What each tail of the words before a parenthesis names, longest first ("Die
    Waadtländer Kantonalbank", "Waadtländer Kantonalbank", "Kantonalbank").
    `word_tails=False` passes over a tail that is an everyday word after other words:
    "Partners" is a key of Partners Group, but "Kestrel Partners" is another company."""
    for i in range(len(words)):
        tail = " ".join(words[i:])
        if not word_tails and i and name_key(tail) in word_names():
            continue
        yield found_in.by_name(tail)


def named_before(found_in: Directory, text: str, start: int) -> Instrument | None:
    """The company the capitalised words before `start` name, if the directory knows it
    (the longest tail of them that it knows: "am Mittwoch Sixt")."""
    words = _words_before(text, start)
    return next((named for named in _named_by_tails(found_in, words, word_tails=False) if named is not None), None)


def _named_instead(found_in: Directory, text: str, colon: int, listing: Instrument) -> Instrument:
    """An unknown venue code right after a company the directory knows is that company:
    "Glencore (Frankfurt: 8GC.F - news)", "Fresnillo (Frankfurt: A0MVZE - news)" (Yahoo
    links a secondary listing, or a WKN), "Shell (LON:RDSB)" (a code since retired). The
    name's listing is filed, not a second, ticker-only instrument; and the code is the
    evidence that an everyday-word name ("Shell", "Carnival") is the company."""
    if listing.isin is not None or listing.name is not None:
        return listing
    paren = text.rfind("(", max(0, colon - 40), colon)
    words = _words_before(text, paren) if paren >= 2 else []
    if not words:
        return listing
    venue = listing.ticker.rpartition(".")[2] if listing.ticker and "." in listing.ticker else ""
    # The longest name among the words first: "Hermes International SCA (EPA:HRMS)" is
    # Hermès without its form, and a headline's word may stand before it ("Markets").
    spans = sorted(((first, last) for first in range(len(words)) for last in range(len(words), first, -1)),
                   key=lambda span: span[0] - span[1])
    for first, last in spans:
        if not all(name_word(w) in LEGAL_SUFFIXES or (w.isupper() and len(w) <= 4) for w in words[last:]):
            continue  # "Charter Hall Social Infrastructure REIT (ASX: CQE)" is not Charter Hall Group
        name = " ".join(words[first:last])
        if venue:  # "Carnival (LON:CNR)": of a dual listing, the one on the venue named
            local = next((c for c in found_in.candidates(name) if (c.ticker or "").endswith("." + venue)), None)
            if local is not None:
                return local
        if (named := found_in.by_name(name)) is not None:
            if venue and listing.ticker and (named.ticker or "").split(".", 1)[0] == listing.ticker.split(".", 1)[0]:
                # "James Hardie Industries (ASX: JHX)": the company's own code on another
                # venue than the listing the directory holds (NYSE's JHX) is that venue's line
                return replace(listing, name=named.name)
            return named
    return listing


_UNSEEN = Instrument(None, None, None)
"""Not looked up yet (a sentinel, compared by identity: None is a looked-up miss)."""
_VENUE_FORMS: dict[tuple[str, ...], Instrument | None] = {}
"""(up to three words before the colon, code) → listing: feeds repeat "(NASDAQ: NVDA)".
Bounded; filled from `directory()`, the one directory find_instruments reads."""
_venue_forms_revision = [0]
"""The `Directory.revision` the cached venue forms were resolved against."""


def forget_venue_forms(revision: int) -> None:
    """Drop the cached venue forms when the directory learned companies since."""
    if revision != _venue_forms_revision[0]:
        _VENUE_FORMS.clear()
        _venue_forms_revision[0] = revision


INDEX_CODES: frozenset[str] = frozenset(
    # The codes exchanges give their own indices, which writers put where a ticker goes.
    """XJO AXJO XAO XKO XSO XTO SPX GSPC NDX IXIC COMP DJI DJIA DJT RUT VIX NYA OEX SOX
    GDAXI MDAXI SDAXI TECDAX HSI HSCEI N225 NKY TPX UKX FTSE FTMC SX5E STOXX50E FCHI
    AEX SSMI SMI IBEX OMXS30 KOSPI KS11 TWII STI SENSEX NSEI DAX MDAX SDAX ATX CAC
    MIB SXGE SPI SLI""".split()
)


def _venue_listing(found_in: Directory, words: list[str], code: str) -> Instrument | None:
    """The listing "<venue>: CODE" names, reading the venue from up to three words
    before the colon ("(Tokyo Stock Exchange: 7203)", "NASDAQ:NVDA", "HK: 9988"). An
    index's code in that form ("(ASX: XJO)", "(NYSE: NYA)") is no listing."""
    if code.upper() in INDEX_CODES:
        return None
    for start in range(len(words)):
        candidate = " ".join(words[start:]).lstrip("([{")
        if not candidate.replace(" ", "").isalpha():
            continue
        if candidate.casefold() in _SYMBOL_WORDS:
            return found_in.by_ticker(code) or Instrument(None, code, None)
        if not candidate[0].isupper():
            continue
        venue = exchange_named(candidate)
        symbol = yahoo_symbol(candidate, code) if venue else None
        if venue and symbol:
            return found_in.by_ticker(symbol) or Instrument(
                None, symbol, None, exchange=venue.name, currency=venue.currency
            )
    return None
