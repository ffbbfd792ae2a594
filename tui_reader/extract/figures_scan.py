"""The one regex pass that finds every figure written with a digit or a currency symbol.

Python's regex engine jumps quickly only to positions whose first character is in a
plain character class; a pattern that starts with a lookbehind or an optional word is
tried at every one of an article's ~3,000 positions, about ten times slower. So the
pattern first consumes one digit or currency symbol and only then looks back, with
fixed-width lookbehinds, at what stood before it (a month name, a currency code).
Words further back (qualifiers, "between", weekdays, "over the next") are read in
Python for the few matches. Each alternative ends in an empty marker group, so
`match.lastgroup` says which decoder reads the match.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime

from tui_reader.extract import figures_amounts as amounts
from tui_reader.extract import figures_codes as codes
from tui_reader.extract import figures_dates as dates
from tui_reader.extract import figures_minor as minor
from tui_reader.extract import figures_multiples as multiples
from tui_reader.extract import figures_percent as percent
from tui_reader.extract import figures_periods as periods
from tui_reader.extract.figures_numbers import NUM, REST, SCALE, SP, STARTS_TOKEN, Found

_MONTH_ENDS = "ary|rch|ril|May|une|uly|ust|ber|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|ept|Oct|Nov|Dec"
"""Last three letters of every English month name and abbreviation: a fixed-width
lookbehind for "February 19" (Python cannot look behind for variable-width words)."""
_ABBREVIATED = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|ept|Oct|Nov|Dec"
_YEAR = rf"(?:,?{SP}+(?P<{{}}>(?:19|20)[0-9]{{{{2}}}})(?![0-9]))?"
_NUMBER_TAILS = (
    rf"(?P<x>[xX×])(?!\w)(?P<K_x>)"
    rf"|-?(?:fold|[Ff]ach(?:e[nrs]?)?)(?!\w)(?P<K_fold>)"
    rf"|{SP}+times(?!\w)(?P<K_times>)"
    rf"|(?:-|{SP})(?P<pu>(?:(?:trading|business|calendar|consecutive|straight)[- ])?"
    rf"(?:years?|months?|weeks?|days?|decades?|quarters?)|Jahre?n?|Monate?n?|Wochen?"
    rf"|(?:Handelst|T)age?n?)"
    rf"(?!\w|-old|{SP}old\b)(?P<K_period>)"
    rf"|(?P<u1>{amounts.UNIT})?(?P<psep>{amounts.SEP})(?P<ps2>{amounts.SIGN})?(?P<pn2>{NUM})"
    rf"(?P<u2>{amounts.UNIT})(?P<K_prange>)"
    rf"|(?P<u>{amounts.UNIT})(?P<K_pct>)"
    rf"|(?P<k1>{SCALE})?(?:(?P<msep>{amounts.SEP})(?P<mn2>{NUM})(?P<mk2>{SCALE})?)?"
    rf"(?P<c1>{amounts.SUFFIX})(?P<K_msuf>)"
    rf"|(?P<minor>{minor.MINOR})(?P<K_minor>)"
    # "fell 9½p to 112½p": The Times prices London shares to the quarter penny
    rf"|(?P<frac>[¼½¾])p(?![\w'’])(?P<K_fracp>)"
    # "auf 113 (Vorjahr: 144) Millionen Euro", "12,5 (Vorjahr: 11,8) Prozent"
    # "auf 95 (100) Euro": dpa-AFX's analyst lines leave the label out; "to 225 (210) pence":
    # Alliance News' broker lines the same way
    # "445,2 (Vj: 398,5) Mio. Euro", "zwischen 19 und 21 (2020/21: 22,7) %": the label as written
    rf"|{SP}\((?:(?:Vorjahr(?:eswert)?|Vj\.?|[12][0-9]{{3}}(?:/[0-9]{{2,4}})?|zuvor|bisher|vorher|alt|prior year|year earlier"
    rf"|year ago|previous year|last year|previously|prior|before|old)[:,]?{SP}+)?"
    rf"(?P<vn>{NUM})\)(?:(?P<vu>{amounts.UNIT})|{SP}(?P<vm>[Pp]ence|[Cc]ents?|Cent)(?!\w)|(?P<vk>{SCALE})?(?P<vc>{amounts.SUFFIX}))"
    rf"(?P<K_prior>)"
    rf"|\)(?P<au>{amounts.UNIT})(?P<K_accpct>)"  # "(9)%": an accountant's minus
)
_CODE_AMOUNT = (
    rf"(?P<ca>{REST})(?P<ck>{SCALE})?(?:(?P<csep>{amounts.SEP})(?:(?:{amounts.CODES}){SP}?)?"
    rf"(?P<ca2>{NUM})(?P<ck2>{SCALE})?)?(?!{amounts.UNIT})"
)
FIGURE = re.compile(
    rf"[0-9{amounts.SYMBOLS}](?:"
    # "$4.9 billion", "€1.1 to €1.3 billion", "¥380 billion yuan" (US$/HK$ read in Python);
    # "$.29 per share": older press releases leave the leading zero out; "$US95.51",
    # "$NZ805.3 million", "$A773.6 million": Australian papers mark the dollar after the sign
    rf"(?<=[{amounts.SYMBOLS}])(?:(?:(?<=\$)(?:US|NZ|HK|A|C|S))?{SP}?(?P<sa>{NUM}|\.[0-9]{{1,3}}(?![0-9]|[.,][0-9]))(?P<sk>{SCALE})?(?:(?P<ssep>{amounts.SEP})"
    rf"(?P<sp2>{amounts.PREFIX})?{SP}?(?P<sa2>{NUM})(?P<sk2>{SCALE})?)?"
    rf"(?P<sc>{amounts.SUFFIX})?(?P<K_sym>)"
    # "$(6.5) million", "$(0.14)": an accountant's minus
    rf"|\((?P<na>{NUM})\)(?P<nk>{SCALE})?(?P<K_symneg>))"
    # the first digit of a number that does not continue a word, an ISIN or a number
    rf"|{STARTS_TOKEN}(?:"
    # "2026-02-19"
    r"(?<=[12])[0-9]{3}-(?P<iso_m>[01][0-9])-(?P<iso_d>[0-3][0-9])(?![\w/-]|[.,][0-9])(?P<K_iso>)"
    # "19.02.2026"
    r"|[0-9]?\.(?P<dot_m>[01]?[0-9])\.(?P<dot_y>(?:19|20)[0-9]{2})(?![0-9]|[.,][0-9])(?P<K_dot>)"
    # "19 February 2026", "12. März 2026"
    rf"|[0-9]?(?:st|nd|rd|th|\.)?{SP}+(?:of{SP}+)?(?P<df_m>{dates.MONTH_NAMES})"
    rf"(?!\w)\.?{_YEAR.format('df_y')}(?P<K_dfirst>)"
    # a number and what follows it: %, pp, bp, a currency word, x, -fold, times, years
    rf"|(?P<n>{REST})(?:{_NUMBER_TAILS})"
    # "February 19, 2026", "Feb. 19", "EUR 3.1 billion": fixed-width looks at the word before
    rf"|(?<=[ \u00a0][0-9])(?:"
    rf"(?:(?<=(?:{_MONTH_ENDS})[ \u00a0][0-9])|(?<=(?:{_ABBREVIATED})\.[ \u00a0][0-9]))"
    rf"[0-9]?(?:st|nd|rd|th)?(?![\w%]|[.,][0-9]){_YEAR.format('mf_y')}(?P<K_mfirst>)))"
    # one cheap look at the character before the digit guards the next two
    rf"|(?<=[A-Z \u00a0psbr.][0-9])(?:"
    # "EUR 3.1 billion", "USD4.9bn", "Rp 5 trillion", "Rs. 116 crore", "RM1.1 billion", "Y8.3 billion"
    rf"(?:(?<=(?:{amounts.CODES})[ \u00a0][0-9])"
    rf"|(?<=(?:{amounts.CODES})[0-9])|(?<=R[psM][ \u00a0][0-9])|(?<=R[psM][0-9])|(?<=[ (]Y[0-9])"
    rf"|(?<=Rs\.[ \u00a0][0-9])|(?<=Rs\.[0-9])|(?<=Euro[ \u00a0][0-9])){_CODE_AMOUNT}(?P<K_code>)"
    # "down .8%": a decimal without its leading zero
    rf"|(?<=[ (]\.[0-9])[0-9]{{0,8}}(?![0-9]|[.,][0-9])(?P<lu>{amounts.UNIT})(?P<K_lead>))"
    r")"
)

Decoder = Callable[[str, re.Match[str], date | None], tuple[Found | list[Found] | None, int]]
"""Reads one match: its figure (two for a date range), and where scanning resumes."""
_DECODERS: dict[str, Decoder] = {
    "K_sym": amounts.symbol_money,
    "K_symneg": amounts.accounting_money,
    "K_code": codes.code_money,
    "K_msuf": codes.suffix_money,
    "K_fracp": minor.fraction_pence,
    "K_minor": minor.minor_money,
    "K_prior": percent.prior_year,
    "K_pct": percent.percent,
    "K_accpct": percent.accounting_percent,
    "K_lead": percent.bare_decimal_percent,
    "K_prange": percent.percent_range,
    "K_iso": dates.iso_date,
    "K_dot": dates.dotted_date,
    "K_dfirst": dates.day_first_date,
    "K_mfirst": dates.month_first_date,
    "K_x": multiples.x_multiple,
    "K_fold": multiples.fold_multiple,
    "K_times": multiples.times_multiple,
    "K_period": periods.number_period,
}


def scan(body: str, published: datetime | None) -> list[Found]:
    """Every figure that contains a digit or a currency symbol, in order of position."""
    anchor = published.date() if published is not None else None
    found: list[Found] = []
    search = FIGURE.search
    pos = 0
    while (m := search(body, pos)) is not None:
        figure, pos = _DECODERS[m.lastgroup or ""](body, m, anchor)
        if figure is not None:
            if figure.__class__ is list:
                found.extend(figure)
            else:
                found.append(figure)  # type: ignore[arg-type]
    return found
