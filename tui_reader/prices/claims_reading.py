"""Reading a stated price move: which figure, over which period, about which listing.

The text half of the claim check (`claims` holds the other half, the closes): for each
percent figure of an article, whether its sentence is about the company's share price,
the period phrase it goes with, and the listing its clause names. No prices here.

A stated move is read clause by clause, because one sentence often carries several:
"The New York shares closed at $174.25, down 0.8% on the day and 1.65% lower than a
week earlier." Each figure takes the period phrase of its own clause (the nearest one
not closer to another figure), is excluded only by business words of its own clause or
of the clause its subject stands in, and is checked against the listing its clause or
sentence names ("the Hong Kong line", "stock code 9988", an ISIN), else the listing we
charted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from tui_reader.model import Article, Direction, Instrument, KeyFigure
from tui_reader.prices.window import US, Market, market_for

__all__ = ["Period", "StatedMove", "clauses_of", "find_period", "stated_moves"]


@dataclass(frozen=True, slots=True)
class Period:
    """A span ending at publication that a stated move refers to."""

    label: str
    trading_days: int | None = None
    months: int = 0
    days: int = 0
    since: date | None = None
    """Base is the last close on or before this day (year to date: 31 Dec of last year)."""
    session: date | None = None
    """A named session ("after a slide of 10.2% on Monday"): that day's close against the
    one before, even when publication came a day later."""


_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "fifty": 50, "fifty-two": 52, "a": 1, "an": 1,
}
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"]
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday"]
_NUM = r"(\d{1,3}|fifty-two|" + "|".join(w for w in _NUMBER_WORDS if "-" not in w) + ")"
_PERIOD_PATTERNS: list[tuple[re.Pattern[str], str]] = [(re.compile(p, re.IGNORECASE), kind) for p, kind in [
    (_NUM + r"[\s-]+trading[\s-]+(?:days?|sessions?)", "trading"),
    (r"\b(?:past|last|previous|over|in|within)\s+(?:the\s+)?(?:past\s+|last\s+)?" + _NUM + r"?\s*(day|week|month|year)s?\b", "span"),
    (r"\b" + _NUM + r"[\s-]+(day|week|month|year)s?\b", "span"),
    (r"\b(?:this|the) week\b", "week"),
    (r"\b(?:year[\s-]to[\s-]date|ytd|so far this year|since the (?:start|beginning) of (?:the|this) year|this year)\b", "ytd"),
    (r"\bsince (?:the (?:start|beginning) of |early |mid-|late )?(" + "|".join(_MONTHS) + r")\b", "since_month"),
    (r"\bon (" + "|".join(_WEEKDAYS) + r")\b", "weekday"),
    (r"\b(?:on the day|today|in (?:today's|the) (?:trading )?session)\b", "day"),
]]
_PRICE_WORDS = re.compile(
    r"\b(shares?|stock|share price|price|traded|closed|gain(?:ed|s)?|ris(?:e|en)|rose|fell|fall(?:en)?|drop(?:ped)?|"
    r"declin(?:e|ed)|slid|lost|retreat(?:ed)?|plunged?|surged?|jump(?:ed)?|climb(?:ed)?|rall(?:y|ied)|advanced?|"
    r"slump(?:ed)?|tumbled?|sank|soared?|added|shed|down|up|lower|higher)\b", re.IGNORECASE)
_SUBJECTS = re.compile(r"\b(shares?|stock|share price|adrs?|line|listing)\b", re.IGNORECASE)
"""Words that make a clause about the share price, so business words in earlier clauses
("Revenue came to $90.8 billion, down 4% ...") are no longer its subject."""
_NOT_PRICE_WORDS = re.compile(
    r"\b(revenues?|sales|profits?|earnings|income|margins?|eps|dividends?|yield|guidance|market share|stake|"
    r"inflation|gdp|interest|rates?|index|nasdaq composite|nasdaq[\s-]100|s&p|dow|dax|hang seng|nikkei|stoxx|ftse|"
    r"volume|users|customers|growth|forecast|estimates?|target|upside|downside|budget|division|unit|segment|business)\b",
    re.IGNORECASE)
_DISTANCE = re.compile(
    r"\b(?:below|above|under|off|from)\s+(?:its|the|their|a)\s+(?:[\w-]+\s+){0,3}?(?:highs?|lows?|records?|peaks?)\b",
    re.IGNORECASE)
"""'17.2% below the 52-week closing high': a distance from a level, not a move over a period."""
_DIRECTION_AFTER = re.compile(r"\s*(higher|lower|up|down|above|below)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“‘(]?[A-Z])")
_CLAUSE_MARK = re.compile(r"[,;](?=\s)|\s(?:and|but|while|whereas|after|because|following)\s|\s[–—-]\s")
"""Where a clause ends; a subordinate clause ("climbing 21.9% after third-quarter profit
came in above expectations") is cut off so its business words do not exclude the move."""
_LEADING_CONJUNCTION = re.compile(r"\W*(?:and|but|while|whereas)?\s*", re.IGNORECASE)
"""Used with `match(text, pos)`, which anchors at `pos` (a `^` would not)."""

Span = tuple[int, int]


def _count(word: str | None) -> int:
    if not word:
        return 1
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


def _period_from(match: re.Match[str], kind: str, local_day: date) -> Period | None:
    if kind == "trading":
        n = _count(match.group(1))
        return Period(f"{n} trading day{'s' * (n != 1)}", trading_days=n)
    if kind == "day":
        return Period("1 trading day", trading_days=1)
    if kind == "week":
        return Period("1 week", trading_days=5)
    if kind == "weekday":
        weekday = _WEEKDAYS.index(match.group(1).lower())
        session = local_day - timedelta(days=(local_day.weekday() - weekday) % 7)
        return Period(f"1 trading day ({match.group(1).title()})", trading_days=1, session=session)
    if kind == "ytd":
        return Period("year to date", since=date(local_day.year - 1, 12, 31))
    if kind == "since_month":
        month = _MONTHS.index(match.group(1).lower()) + 1
        year = local_day.year if month <= local_day.month else local_day.year - 1
        return Period(f"since {match.group(1).title()} {year}", since=date(year, month, 1) - timedelta(days=1))
    if match.group(1) is None and match.group(0).lower().endswith("s"):
        return None  # "their best day in months": a while, not one month
    n, unit = _count(match.group(1)), match.group(2).lower()
    if unit == "day" and n == 1:
        return Period("1 trading day", trading_days=1)
    label = f"{n} {unit}{'s' * (n != 1)}"
    # A single week or month counts sessions (5, 21), as performance tables do: "0.6%
    # below its close of a week ago" on 6 Jan 2025 means 27 Dec across the New Year
    # holiday, and NVDA's "over the past month" on 23 May 2024 means 24 Apr, not 23 Apr.
    # Longer spans ("12-month gain") run by the calendar.
    if unit == "week" and n == 1:
        return Period(label, trading_days=5)
    if unit == "month" and n == 1:
        return Period(label, trading_days=21)
    return {
        "day": Period(label, days=n),
        "week": Period(label, days=7 * n),
        "month": Period(label, months=n),
        "year": Period(label, months=12 * n),
    }[unit]


def _protected_cuts(sentence: str, protected: Sequence[Span]) -> list[Span]:
    """Clause marks outside parentheses and outside figures ("between 25% and 30%")."""
    depth, inside = 0, []
    for char in sentence:
        depth = depth + 1 if char == "(" else max(depth - 1, 0) if char == ")" else depth
        inside.append(depth > 0)
    return [(m.start(), m.end()) for m in _CLAUSE_MARK.finditer(sentence)
            if not inside[m.start()] and not any(a <= m.start() < b for a, b in protected)]


def clauses_of(sentence: str, protected: Sequence[Span] = ()) -> list[Span]:
    """The sentence cut at commas, semicolons, dashes and and/but/while."""
    spans, begin = [], 0
    for cut_start, cut_end in _protected_cuts(sentence, protected):
        spans.append((begin, cut_start))
        begin = cut_end
    spans.append((begin, len(sentence)))
    return spans


def _gap(figure: Span, phrase: Span) -> tuple[int, int]:
    """Distance between a figure and a phrase; on a tie the phrase after the figure wins
    ("0.8% on the day")."""
    return (phrase[0] - figure[1], 0) if phrase[0] >= figure[1] else (max(figure[0] - phrase[1], 0), 1)


def _periods_in(text: str, offset: int, local_day: date) -> list[tuple[Span, Period]]:
    found = [((offset + m.start(), offset + m.end()), _period_from(m, kind, local_day))
             for pattern, kind in _PERIOD_PATTERNS for m in pattern.finditer(text)]
    return [(span, period) for span, period in found if period is not None]


def find_period(sentence: str, at: int, published_day: date, figures: Sequence[Span] = (),
                protected: Sequence[Span] = ()) -> Period | None:
    """The period the percent figure at `at` refers to.

    `figures` are the spans of every percent figure in the sentence (default: just the
    one at `at`). A phrase in the figure's clause belongs to whichever figure of that
    clause stands nearest, so in "down 0.8% on the day, 1.65% lower than a week earlier"
    the week goes with 1.65%. Failing that, a period of the earlier clauses up to the
    previous figure applies: any for a clause without a subject of its own ("Over the
    past year the shares doubled, up 80%"), else one that opens a clause ("Over the past
    year, the stock gained 30%").
    `published_day` is the publication date at the exchange (for "year to date", "Monday");
    `protected` are other figures a clause cut must not split ("between $2 and $3 billion").
    """
    own = next((f for f in figures if f[0] <= at < f[1]), (at, at + 1))
    spans = list(figures) if own in figures else [*figures, own]
    clauses = clauses_of(sentence, [*spans, *protected])
    index = next(i for i, (a, b) in enumerate(clauses) if a <= own[0] <= b)
    start, end = clauses[index]
    in_clause = [f for f in spans if start <= f[0] < end]
    mine = [(_gap(own, span), period) for span, period in _periods_in(sentence[start:end], start, published_day)
            if min(in_clause, key=lambda f: _gap(f, span)) == own]
    if mine:
        return min(mine, key=lambda found: found[0])[1]
    # An appositive has no subject of its own and restates the clause before it ("The
    # stock has more than doubled since the start of the year, a gain of 110.5%"); a
    # clause with its own subject only takes a period that opens an earlier clause.
    appositive = not _SUBJECTS.search(sentence[start:end])
    for a, b in reversed(clauses[:index]):
        if any(a <= f[0] < b for f in spans):
            break
        found = _periods_in(sentence[a:b], a, published_day)
        if appositive and found:
            return max(found, key=lambda item: item[0][1])[1]
        lead = _LEADING_CONJUNCTION.match(sentence, a, b)
        opening = [period for span, period in found if lead and span[0] == lead.end()]
        if opening:
            return opening[0]
    return None


# ---- which listing a sentence talks about ---------------------------------------------------


def _mention_pattern(listing: Instrument, listings: Sequence[Instrument]) -> re.Pattern[str] | None:
    """What names this listing and no other line of the company: its ISIN, its symbol,
    its stock code, its market ("the Hong Kong line", "NYSE-listed ADR")."""
    symbol = listing.ticker or ""
    code = symbol.partition(".")[0]
    others = [o for o in listings if o is not listing]
    parts = [r"\b" + re.escape(symbol) + r"\b"] if "." in symbol else []
    if listing.isin and all(o.isin != listing.isin for o in others):
        parts.append(r"\b" + listing.isin + r"\b")
    if code.isdigit():
        parts.append(r"(?<![\d.,])0*" + str(int(code)) + r"(?![\d%]|[.,]\d)")
    elif code and all((o.ticker or "").partition(".")[0] != code for o in others) \
            and code.casefold() not in (listing.name or "").casefold().split():
        parts.append(r"(?-i:\b" + re.escape(code) + r"\b)")
    market = market_for(symbol)
    if market.places and all(market_for(o.ticker or "") != market for o in others):
        places = market.places
        parts += [
            rf"\b(?:{places})(?:[\s-]+(?:listed|traded))?[\s-]+(?:shares?|stock|line|listing|adrs?|ads|securities|session)\b",
            rf"\b(?:{places})-(?:listed|traded)\b",
            rf"\b(?:in|on the)\s+(?:{places})(?!\w)",
        ]
        if market is US:
            parts.append(r"\badrs?\b|\bamerican depositary")
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


def _listing_named(sentence: str, clauses: list[Span], index: int, at: int,
                   patterns: list[tuple[re.Pattern[str], Instrument]]) -> Instrument | None:
    """The listing the figure's clause names (the mention nearest the figure), else the
    one the nearest earlier clause names; None when the sentence names none before it."""
    for i in range(index, -1, -1):
        start, end = clauses[i]
        found = [(abs(m.start() - at), listing) for pattern, listing in patterns
                 for m in pattern.finditer(sentence, start, end)]
        if found:
            return min(found, key=lambda hit: hit[0])[1]
    return None


def _about_price(sentence: str, clauses: list[Span], index: int) -> bool:
    """Whether the figure's clause is a share-price move: not when its own words are
    business figures or a distance from a high, nor when its subject (the nearest
    earlier clause naming shares or a business figure) is a business figure."""
    own = sentence[clauses[index][0]:clauses[index][1]]
    if _NOT_PRICE_WORDS.search(own) or _DISTANCE.search(own):
        return False
    for start, end in reversed(clauses[:index + 1]):
        text = sentence[start:end]
        if _SUBJECTS.search(text):
            return True
        if _NOT_PRICE_WORDS.search(text):
            return False
    return True


def _names(instrument: Instrument, text: str) -> bool:
    return any(re.search(r"\b" + re.escape(n) + r"\b", text, re.IGNORECASE)
               for n in (instrument.name, instrument.ticker) if n)


def _is_about_company(sentence: str, article: Article, listings: Sequence[Instrument]) -> bool:
    """The sentence talks about price action and does not name only another company."""
    if not _PRICE_WORDS.search(sentence):
        return False
    primary = article.primary
    if primary is not None and _names(primary, sentence):
        return True
    ours = {key for listing in listings for key in (listing.isin, listing.ticker) if key}
    return not any(_names(i, sentence) for i in article.instruments
                   if i is not primary and i.isin not in ours and i.ticker not in ours)


@dataclass(frozen=True, slots=True)
class _Sentence:
    """The sentence a figure stands in, and where its percent figures and every other
    figure (kept whole when cutting clauses) stand in it."""

    text: str
    at: Span
    percents: list[Span]
    protected: list[Span]


def _sentence_of(figure: KeyFigure, article: Article) -> _Sentence:
    context = figure.context
    text = article.title if figure.in_title else article.body  # the span indexes this
    base = text.find(context, max(0, figure.start - len(context)))
    if base < 0 or not base <= figure.start < base + len(context):
        base = figure.start - max(context.find(figure.text), 0)
    same = [(f.start - base, f.end - base, f.kind) for f in article.figures
            if f.context == context and f.in_title == figure.in_title]
    at = figure.start - base
    # The extractor's context may run over several sentences ("... at $183.38. Over the past ...").
    cuts = [0, *(m.end() for m in _SENTENCE_END.finditer(context)), len(context) + 1]
    first = max(c for c in cuts if c <= at)
    last = min(c for c in cuts if c > at)
    text = context[first:last].rstrip()
    inside = [(a - first, b - first, kind) for a, b, kind in same if first <= a < last]
    return _Sentence(
        text=text,
        at=(at - first, at - first + len(figure.text)),
        percents=[(a, b) for a, b, kind in inside if kind == "percent"],
        protected=[(a, b) for a, b, _ in inside],
    )


def _stated_direction(figure: KeyFigure, sentence: _Sentence) -> KeyFigure:
    if figure.direction is not None:
        return figure
    after = _DIRECTION_AFTER.match(sentence.text, sentence.at[1])
    if after is None:
        return figure
    direction: Direction = "down" if after.group(1).lower() in ("lower", "down", "below") else "up"
    return replace(figure, direction=direction)


@dataclass(frozen=True, slots=True)
class StatedMove:
    """A percent move the article states for the company's share price."""

    figure: KeyFigure
    """As written; its direction filled from the clause ("0.6% below") when the
    extractor left it open."""
    listing: Instrument
    """The listing the sentence names, else the charted one (the first given)."""
    market: Market
    period: Period


def stated_moves(article: Article, published: datetime, listings: Sequence[Instrument]) -> Iterator[StatedMove]:
    """Every percent figure of `article` that states a move of the company's shares
    over a named period. `listings` are the company's listings, the charted one first;
    `published` is the article's publication time (which dates "Monday", "this year")."""
    patterns = [(p, item) for item in listings if (p := _mention_pattern(item, listings)) is not None]
    for figure in article.figures:
        if figure.kind != "percent" or figure.unit not in (None, "%") or not isinstance(figure.value, (int, float)):
            continue
        sentence = _sentence_of(figure, article)
        clauses = clauses_of(sentence.text, sentence.protected)
        index = next(i for i, (a, b) in enumerate(clauses) if a <= sentence.at[0] <= b)
        if not _is_about_company(sentence.text, article, listings) or not _about_price(sentence.text, clauses, index):
            continue
        target = _listing_named(sentence.text, clauses, index, sentence.at[0], patterns) or listings[0]
        market = market_for(target.ticker or "")
        local_day = published.astimezone(ZoneInfo(market.zone)).date()
        period = find_period(sentence.text, sentence.at[0], local_day, sentence.percents, sentence.protected)
        if period is not None:
            yield StatedMove(_stated_direction(figure, sentence), target, market, period)
