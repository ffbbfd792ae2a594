"""Tickers written in parentheses: "(TWTR)", and the quote widget "(AMKR 0.77%)".

An all-capital word in parentheses is far more often an acronym ("(CEO)", "(AI)",
"(ECB)", "(USD)") than a symbol, so it counts as a ticker only with evidence:
a quote widget's percentage after it ("(AMKR 0.77%)", as fool.com prints them), or a
company-like name right before it ("Twitter (TWTR)", "Amkor Technology Inc. (AMKR)")
whose initials it is not ("European Central Bank (ECB)"). A symbol the directory lacks
is kept as written, ticker-only, so the article is still filed under it.
"""

from __future__ import annotations

from tui_reader.extract.directory import Directory
from tui_reader.extract.exchanges import exchange_named
from tui_reader.extract.names import CONNECTORS, LEGAL_SUFFIXES, name_word
from tui_reader.model import Instrument

NOT_TICKERS: frozenset[str] = frozenset(
    # Roles, economics and accounting, institutions, currencies, places, indices,
    # technologies, news agencies and time zones that writers put in parentheses.
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
    FERC OCC FDIC CFPB NLRB ISM NFP""".split()
)


def paren_ticker(
    found_in: Directory, text: str, start: int, code: str, quoted: bool
) -> Instrument | None:
    """The listing "(CODE)" at `start` (the parenthesis) names, if the evidence holds."""
    listing = found_in.by_ticker(code)
    if quoted:
        return listing or Instrument(None, code.replace(".", "-"), None)
    if len(code) < 2 or code in NOT_TICKERS or exchange_named(code) is not None:
        return None
    words = _words_before(text, start)
    if not words or not words[-1][:1].isupper():
        return None  # "the chief executive officer (CEO)", "(TWTR)" opening a line
    if all(w.isupper() for w in words) and listing is None:
        return None  # a dateline: "NEW YORK (AP)", "FRANKFURT (AFX)"
    if _initials(words).endswith(code):
        return None  # "European Central Bank (ECB)", "Food and Drug Administration (FDA)"
    if listing is not None:
        return listing
    name = " ".join(words)
    if found_in.by_name(name) is not None:
        return None  # a known company before an unknown code: its name files it already
    return Instrument(None, code.replace(".", "-"), None)


def _words_before(text: str, start: int) -> list[str]:
    """The capitalised words (and connectors) right before the parenthesis."""
    if start < 2 or text[start - 1] not in " \u00a0":
        return []
    words = text[max(0, start - 60) : start].split()
    kept: list[str] = []
    for word in reversed(words):
        if word[:1].isupper() or (kept and word in CONNECTORS) or name_word(word) in LEGAL_SUFFIXES:
            kept.append(word)
        else:
            break
        if word[-1] in ",;:)" and len(kept) > 1:
            break
    while kept and kept[-1] in CONNECTORS:
        kept.pop()
    return kept[::-1]


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w not in CONNECTORS and w.lower() != "the").upper()
