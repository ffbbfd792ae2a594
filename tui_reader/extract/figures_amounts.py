"""Money amounts, including ranges ("$2-2.5 billion", "between €1.1 and €1.3 billion").

The regex fragments here (money and percentage alike) are assembled into the one
scanning pattern in figures_scan; the decoders below turn its money matches into figures
and read the words around them (qualifier, "between"). A match that turns out not to be
a range ("cut debt by $1 billion to $5 billion" read as a change, "$5 billion and $3
billion") is cut back to its first amount, and scanning resumes right after it so the
second is still found; the old level of a move ("von 78 auf 107 Millionen Dollar") is a
figure of its own. Amounts with a currency code or word ("EUR 3.1 billion", "380
billion yuan") are decoded in figures_codes, percentages in figures_percent.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from tui_reader.extract.figures_numbers import (
    NUM,
    SCALE,
    SP,
    Found,
    parse_in,
    parse_number,
    scale_value,
)
from tui_reader.extract.figures_ranges import from_to_level, range_start
from tui_reader.extract.figures_words import MONEY_CHANGE_WORDS, qualifier_before

CODES = "USD|EUR|GBP|CHF|JPY|HKD|CNY|RMB|CAD|AUD|KRW|INR|SEK|NOK|DKK|SGD|IDR|Rmb|SFr|DKr|SKr|NKr|NIS|GBX"
LOCAL_PREFIXES = ("Rp", "Rs", "RM")
"""Two-letter currency marks written before the amount ("Rp 5 trillion", "Rs 116.8 million",
"RM1.1 billion")."""
SYMBOLS = "$€£¥₹₩¤"
"""Currency signs an amount may start with (also the first characters figures_scan jumps to).
"¤", the generic sign, is how old Irish Times pages kept their euro ("at ¤17.75")."""
PREFIX = rf"(?:(?:US|HK|NZ|NT|[CASRT])?[{SYMBOLS}]|(?:{CODES}))"
"""A currency before the second amount of a range ("€1.1 to €1.3 billion")."""
SUFFIX = (
    rf"(?:{SP}?€|(?<=\.)[ \u00a0]\$(?![0-9])|[ \u00a0\u202f-](?:(?:US|U\.S\.)[- ]dollars?|US-Dollar|Hong Kong dollars?"
    r"|Canadian dollars?|Australian dollars?|Singapore dollars?|dollars?|Dollar|Indian rupees?"
    r"|[Ee]uros?|pounds?(?: sterling)?|sterling|stg|(?:[Bb]ritischen? )?Pfund|(?:japanischen? )?[Yy]en|(?:chinesischen? )?[Yy]uan|[Rr]enminbi"
    r"|(?:Taiwan|Hongkong|Singapur)-Dollar|(?:kanadischen?|australischen?) Dollar|(?:süd)?koreanischen? Won"
    r"|(?:indischen? )?Rupien|(?:VAE-)?Dirham|dirhams?"
    rf"|(?:Swiss )?francs?|(?:Schweizer )?Franken|Fr\.|(?<=Mio\. )Fr(?![\w.])|(?<=Mrd\. )Fr(?![\w.])|sfr|Sfr|[Ww]on|rupees?|(?:Swedish |Norwegian |Danish )?(?:[Kk]ronor|[Kk]roner|[Kk]rona|[Kk]rone)"
    rf"|(?:Danish |Swedish |Norwegian |Czech )?crowns?|(?:(?:[Dd]änische|[Ss]chwedische|[Nn]orwegische|[Tt]schechische)n? )?Kronen(?! Zeitung)"
    rf"|{CODES}|[TKM](?:EUR|SEK|NOK|DKK|USD|CHF)))(?!\w)"
)
"""A currency written after the amount ("380 billion yuan", "4,2 Mrd. Euro", "4,20 €"),
or joined to it by a hyphen ("die 48-Euro-Marke", "an 8.2-billion-pound offer"); Swiss
German papers write francs "Fr." ("17,9 Mio. Fr."), the Börsen-Zeitung "sfr" ("1,05 Mrd. sfr"),
Nordic and German results tables a code scaled by its first letter ("320 MSEK", "177.801 TEUR")."""
SEP = (rf"(?:{SP}?[-\u2011–—]{SP}?|{SP}+(?:to|and|bis|und|auf|von|nach){SP}+"
       rf"(?:(?:rund|etwa|about|around|roughly|approximately|über|knapp|gut|fast|over|nearly|almost){SP}+)?)")
"""Between the two ends of a range, or of a move from one level to another ("von 78 auf
107 Millionen Dollar", "von 81 nach 71 Franken", new level first: "auf 95 von 90
Franken": never a range, see `range_start`); the second end may be qualified ("zwischen
rund 13,50 und etwa 13,80 Euro", "knapp 64 bis über 66 Milliarden Dollar")."""
UNIT = (
    rf"(?:{SP}?(?:%-Punkte?n?|%(?![a-zäöüß0-9_]))|(?:{SP}{SP}?|-)?(?:[Pp]ercentage(?:{SP}|-)points?|Prozentpunkte?n?"
    rf"|ppts?|pp|[Pp]er(?:{SP}|-)?cent|Prozent|pct|(?<=[0-9])pc|[Bb]asis(?:{SP}|-)points?|Basispunkte?n?|bps|bp|(?<=[0-9][ \u00a0])BP)(?!\w))"
)
"""Percent, percentage points or basis points, a word unit after up to two spaces ("um 0,45
Prozent" with a doubled space: pages keep them); the word joined by a hyphen too, as an
adjective ("a 5-percent gain", "die 5-Prozent-Hürde"); British papers glue "pc" to the
number ("rose 0.8pc"), Swiss ones write basis points "BP" ("Marge 83 BP")."""
SIGN = "[+\\-−–](?=[0-9])"

CODE_SET = frozenset(CODES.split("|"))
_CODE_ALIASES = {"rmb": "CNY", "sfr": "CHF", "dkr": "DKK", "skr": "SEK", "nkr": "NOK", "nis": "ILS"}
"""Marks written like codes that are not ISO's: "DKr60 billion", "250'000 NIS" (shekels)."""
_CURRENCIES = {
    "$": "USD", "us$": "USD", "hk$": "HKD", "nz$": "NZD", "c$": "CAD", "a$": "AUD", "au$": "AUD", "ca$": "CAD",
    "s$": "SGD", "r$": "BRL", "nt$": "TWD", "t$": "TWD", "€": "EUR", "¤": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR",
    "₩": "KRW", "sfr": "CHF", "fr.": "CHF", "fr": "CHF",
    "dollar": "USD", "us dollar": "USD", "us-dollar": "USD", "u.s. dollar": "USD",
    "hong kong dollar": "HKD", "canadian dollar": "CAD", "australian dollar": "AUD",
    "singapore dollar": "SGD", "euro": "EUR", "franc": "CHF", "rp": "IDR", "rs": "INR", "rm": "MYR", "y": "JPY",
    "pound": "GBP", "pound sterling": "GBP",
    "pounds sterling": "GBP", "sterling": "GBP", "stg": "GBP", "pfund": "GBP", "yen": "JPY",
    "yuan": "CNY", "renminbi": "CNY", "swiss franc": "CHF", "franken": "CHF", "won": "KRW",
    "rupee": "INR", "indian rupee": "INR", "kronor": "SEK", "kroner": "NOK", "crown": "NOK", "danish crown": "DKK",
    "swedish kronor": "SEK", "norwegian kroner": "NOK", "danish kroner": "DKK", "swedish kroner": "SEK",
    "norwegian kronor": "NOK", "danish kronor": "DKK", "krona": "SEK", "swedish krona": "SEK",
    "krone": "NOK", "danish krone": "DKK", "norwegian krone": "NOK",
    "britische pfund": "GBP", "britischen pfund": "GBP", "chinesische yuan": "CNY", "chinesischen yuan": "CNY",
    "schweizer franken": "CHF",
    "swedish crown": "SEK", "norwegian crown": "NOK", "czech crown": "CZK",
    "dänische kronen": "DKK", "dänischen kronen": "DKK", "schwedische kronen": "SEK", "schwedischen kronen": "SEK",
    "norwegische kronen": "NOK", "norwegischen kronen": "NOK", "tschechische kronen": "CZK",
    "tschechischen kronen": "CZK", "kronen": "NOK",
    "japanische yen": "JPY", "japanischen yen": "JPY", "taiwan-dollar": "TWD", "hongkong-dollar": "HKD",
    "singapur-dollar": "SGD", "kanadische dollar": "CAD", "kanadischen dollar": "CAD", "australische dollar": "AUD",
    "australischen dollar": "AUD", "koreanische won": "KRW", "koreanischen won": "KRW", "südkoreanische won": "KRW",
    "südkoreanischen won": "KRW", "rupien": "INR", "indische rupien": "INR", "indischen rupien": "INR",
    "dirham": "AED", "vae-dirham": "AED",
}
_GERMAN_CURRENCY_WORDS = frozenset({"Euro", "€", "EUR", "Dollar", "US-Dollar", "Franken", "Schweizer Franken",
                                    "Pfund", "britische Pfund", "britischen Pfund", "Britische Pfund", "Britischen Pfund", "Fr.", "sfr", "Sfr",
                                    "Kronen", "Taiwan-Dollar", "Hongkong-Dollar", "Singapur-Dollar", "Rupien", "Dirham",
                                    "VAE-Dirham",
                                    *(f"{land}{n} {unit}" for land, unit in (("japanische", "Yen"), ("kanadische", "Dollar"),
                                                                            ("australische", "Dollar"), ("koreanische", "Won"),
                                                                            ("südkoreanische", "Won"), ("indische", "Rupien"))
                                      for n in ("", "n")),
                                    *(f"{land}{n} Kronen" for land in ("dänische", "schwedische", "norwegische",
                                                                        "tschechische", "Dänische", "Schwedische",
                                                                        "Norwegische", "Tschechische")
                                      for n in ("", "n"))})
"""Written after the amount only in German ("4,20 €", "1.234,5 Mio. Euro", "1,250 EUR")."""
_AMBIGUOUS_PREFIXES = frozenset({"$", "¥"})
"""Symbols a following currency word overrides ("¥380 billion yuan" is CNY)."""
_SYMBOL_LETTERS = ("US", "HK", "NZ", "NT", "AU", "CA")
SPACES = " \u00a0\u202f"
_ONE_SYMBOL = re.compile(rf"[{SYMBOLS}]{SP}?(?P<sa>{NUM})(?P<sk>{SCALE})?(?P<sc>{SUFFIX})?")


def symbol_money(body: str, m: re.Match[str],
                 _: date | None) -> tuple[Found | list[Found] | None, int]:
    """ "$4.9 billion", "US$4.9bn", "€1.1 to €1.3 billion", "¥380 billion yuan", a loss
    of "-$0.08" or "($0.10)" a share; not the exchange rate a wire story notes ("($1 =
    0.87 euros)")."""
    head = m.start()
    start = _symbol_start(body, head)
    if start > 0 and body[start - 1] in "-−(":
        if body[start - 1] == "(":
            if body.startswith(" = ", m.end()):
                close = body.find(")", m.end(), m.end() + 40)
                return None, (close if close > 0 else m.end())
            if body.startswith(")", m.end()) and _accounting_loss(body, start - 1, m.end() + 1):
                found = money_found(body, start, m.end(), m["sa"], m["sk"],
                                    _money_currency(body[start:head + 1], m["sc"]), m["sc"])
                if found is not None and m["ssep"] is None:
                    return (start - 1, m.end() + 1, "money", -float(found[3]), *found[4:]), m.end() + 1
        elif start == 1 or body[start - 2] in " \n(":
            found = money_found(body, start, m.end(), m["sa"], m["sk"],
                                _money_currency(body[start:head + 1], m["sc"]), m["sc"])
            if found is not None and m["ssep"] is None:
                return (start - 1, found[1], "money", -float(found[3]), *found[4:]), m.end()
    prefix = body[start:head + 1]
    currency = _money_currency(prefix, m["sc"])
    if prefix == "$" and body[head + 1:head + 2].isupper():  # "$NZ805.3 million": the dollar named after the sign
        currency = _CURRENCIES.get(body[head + 1:head + 3].rstrip("0123456789 .").lower() + "$") or currency
    coded = _dollar_code(body, start) if prefix == "$" and start >= 3 and body[start - 1] in _CODE_GAP else None
    if coded is not None:
        start, currency = coded  # "CAD ~$3.0 billion", "AUD $5 million": the code names the dollar
    if m["ssep"] is not None:
        found = money_range(body, start, m.end(), m["sa"], m["sk"], m["ssep"], m["sa2"],
                             m["sk2"], currency, m["sc"],
                             m["sp2"] is None or currency_code(m["sp2"]) == currency_code(prefix))
        if found is not None:
            return found, m.end()
        one = _ONE_SYMBOL.match(body, head)
        assert one is not None  # the scanned match starts with the same amount
        scale = one["sk"]
        if scale is None and one["sc"] is None and from_to_level(body, start, m["ssep"]):
            scale = m["sk2"]  # "from $78 to $107 million": $78 million
        one_currency = coded[1] if coded is not None else _money_currency(prefix, one["sc"])
        return money_found(body, start, one.end(), one["sa"], scale, one_currency, one["sc"]), one.end()
    found = money_found(body, start, m.end(), m["sa"], m["sk"], currency, m["sc"])
    if body.startswith(FROM, m.end()):  # "to $95 from 90"
        return with_old_level(body, found, m["sk"], 1.0), m.end()
    return found, m.end()


def accounting_money(body: str, m: re.Match[str], _: date | None) -> tuple[Found | None, int]:
    """ "$(6.5) million", "US$(0.14)": the accountants' parentheses are a minus wherever
    they stand right after the currency sign."""
    start = _symbol_start(body, m.start())
    found = money_found(body, start, m.end(), m["na"], m["nk"],
                        currency_code(body[start:m.start() + 1]), None)
    if found is None:
        return None, m.end()
    return (*found[:3], -float(found[3]), *found[4:]), m.end()


_LOSS_BEFORE = ("estimate of ", "estimates of ", "reported ", "posted ", "EPS of ",
                "loss of ", "estimate of $", "expectations of ")
_LOSS_AFTER = (" earnings per share", " EPS", " per share", " a share", " loss per share")


def _accounting_loss(body: str, open_at: int, close_end: int) -> bool:
    """Whether "($0.10)" is a negative per-share figure written the accountants' way
    ("reported ($0.10) earnings per share", "estimate of ($0.19)"); a parenthesised
    amount is otherwise a conversion or an aside ("438 million euros ($502 million)"),
    also before "per share" ("offered 22 euros ($23.24) per share")."""
    before = body[max(0, open_at - 16):open_at].rstrip(SPACES)
    if before.lower().endswith(_CONVERTEDFROM) or _SIGNED_AMOUNT_END.search(before):
        return False
    return (body.startswith(_LOSS_AFTER, close_end)
            or body.endswith(_LOSS_BEFORE, max(0, open_at - 16), open_at))


_CONVERTEDFROM = ("euros", "euro", "pounds", "pence", "francs", "yen", "kronor", "kroner", "yuan", "won",
                   "rupees", "million", "billion", "€", "£", "¥")
"""An amount written right before a parenthesised one, which is then its conversion."""
_SIGNED_AMOUNT_END = re.compile(r"(?:[€£¥₹]|\b(?:EUR|GBP|CHF|JPY|SEK|NOK|DKK))[ \u00a0]?[0-9][0-9.,]*$")
"""An amount in another currency's sign or code ends the text before: "€22 ($23.24)"; a
bare number there ("in Q3 2025 ($0.05)") is no amount."""


_CODE_GAP = frozenset(" ~\u00a0D")
"""What stands right before a "$" that a currency code names: a space or "~" after the
code, or the code's last letter ("CAD$3 billion", "AUD$5m")."""
_DOLLAR_CODES = frozenset({"CAD", "AUD", "NZD", "SGD", "HKD"})


def _dollar_code(body: str, start: int) -> tuple[int, str] | None:
    """Where a dollar code written before "$" starts, and the code: "CAD ~$3.0 billion"."""
    head = body[max(0, start - 6):start].rstrip(" ~\u00a0")
    code = head[-3:]
    if code in _DOLLAR_CODES and (len(head) == 3 or not head[-4].isalpha()):
        return start - (len(body[max(0, start - 6):start]) - len(head)) - 3, code
    return None


FROM = (" from ", "\u00a0from ")
_YEAR = re.compile(r"(?:19|20)[0-9]{2}")
_DECIMAL_COMMA = re.compile(r",[0-9]{1,2}$")
_OLD_LEVEL_AFTER = re.compile(
    rf"{SP}+from{SP}+(?P<n>{NUM})(?P<k>{SCALE})?"
    rf"(?![0-9]|{UNIT}|{SUFFIX}|{SP}?(?:[Cc]ents?\b|pence\b|[$€£¥]))")
"""The old level written bare after the new one: "to 95 francs from 90", "to $1.2 billion
from 1.1"."""


def with_old_level(body: str, found: Found | None, scale_text: str | None,
                   factor: float) -> Found | list[Found] | None:
    """`found` and, for "to 95 francs from 90", the old level written bare after it,
    taking the new level's currency (and scale, when it has none of its own).

    Only after "to": "raised its target to $95 from $90" is a move between levels, while
    "$5 from 2020 to 2022" is not. `factor` turns the written number into the main unit
    (1/100 for cents)."""
    if found is None or not body.startswith(FROM, found[1]) or not body.endswith(
            ("to ", "auf "), 0, found[0]):
        return found
    old = _OLD_LEVEL_AFTER.match(body, found[1])
    if old is None:
        return found
    value = parse_number(old["n"], _DECIMAL_COMMA.search(old["n"]) is not None)
    if value is None or (old["k"] is None and _YEAR.fullmatch(old["n"])):
        return found  # "fell to $5 from 2019's peak"
    scale, _ = scale_value(old["k"] or scale_text)
    return [found, (old.start("n"), old.end(), "money", value * scale * factor, found[4], None,
                    None, None, None)]


def money_found(body: str, start: int, end: int, raw: str, scale_text: str | None,
                currency: str | None, suffix: str | None) -> Found | None:
    """The money figure body[start:end], or None when its number or currency cannot be
    read. Public for the prior-year form in figures_percent ("113 (Vorjahr: 144) Mio. €")."""
    scale, german = scale_value(scale_text)
    value = parse_in(body, raw, german or _german_suffix(suffix))
    if value is None or currency is None:
        return None
    return (start, end, "money", value * scale, currency, qualifier_before(body, start), None,
            None, None)


def money_range(body: str, start: int, end: int, low_raw: str, low_scale: str | None,
                 sep: str, high_raw: str, high_scale: str | None, currency: str | None,
                 suffix: str | None, same_currency: bool) -> Found | None:
    """The range figure, or None when the two amounts do not form one range."""
    scale2, german2 = scale_value(high_scale)
    scale1, german1 = scale_value(low_scale) if low_scale else (scale2, german2)
    german = german1 or german2 or _german_suffix(suffix)
    low, high = parse_in(body, low_raw, german), parse_in(body, high_raw, german)
    if currency is None or low is None or high is None or not same_currency:
        return None
    if low * scale1 > high * scale2 and " loss" in body[(start - 48 if start > 48 else 0):start]:
        low, high = -low, -high  # "a loss in a range of $0.81 to $0.27 per share"
    begin = range_start(body, start, sep, low * scale1, high * scale2, MONEY_CHANGE_WORDS)
    if begin is None:
        return None
    return (begin, end, "money", low * scale1, currency, None, None, None, high * scale2)


def _symbol_start(body: str, head: int) -> int:
    """Widen "$" over the letters of "US$", "HK$", "C$", "A$", "AU$", "T$" (Taiwan's)."""
    if body[head] != "$" or head == 0:
        return head
    if (body[(head - 2 if head > 2 else 0):head] in _SYMBOL_LETTERS
            and (head < 3 or not body[head - 3].isalpha())):
        return head - 2
    if body[head - 1] in "CASRT" and (head < 2 or not body[head - 2].isalpha()):
        return head - 1
    return head


@cache
def currency_code(token: str) -> str | None:
    """ISO 4217 code of a currency symbol, code or name (cached: the pattern allows few)."""
    key = " ".join(token.split()).lower().lstrip("-")
    if key.upper() in CODE_SET or token in CODE_SET:
        return _CODE_ALIASES.get(key, key.upper())
    return _CURRENCIES.get(key) or _CURRENCIES.get(key.removesuffix("s"))


@cache
def _money_currency(prefix: str | None, suffix: str | None) -> str | None:
    """The currency of an amount; a currency word overrides an ambiguous "$" or "¥"."""
    currency = currency_code(suffix) if suffix else None
    if prefix and not (currency and prefix in _AMBIGUOUS_PREFIXES):
        currency = currency_code(prefix)
    return currency


@cache
def _german_suffix(suffix: str | None) -> bool:
    return suffix is not None and suffix.strip(SPACES + "-") in _GERMAN_CURRENCY_WORDS
