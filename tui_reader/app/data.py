"""The app's one door to the store and the price chain.

Every method here does I/O (SQLite, CSV files, maybe Yahoo) and is meant to run in a
thread worker; widgets never call it. Textual-free, so it can be tested and
benchmarked without an app.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from tui_reader.app.chart_data import ChartData, ClaimLine, ReactionLine
from tui_reader.app.filters import Filter, Selection, merge_kwargs
from tui_reader.model import Article, Instrument, PricePoint
from tui_reader.query.syntax import rename_sources
from tui_reader.sources.datelines import is_date_only

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from types import ModuleType

    from tui_reader.prices.claims import ClaimCheck
    from tui_reader.prices.intraday_service import Found, IntradayReactions
    from tui_reader.prices.quotes import NoQuote, Quote
    from tui_reader.prices.service import PriceService
    from tui_reader.query.saved import SavedSearch
    from tui_reader.store import ArticleSummary, Counts, InstrumentSummary, Store

_IMPORT_LOCK = threading.Lock()


def _prices() -> ModuleType:
    """The price package, imported on first use by one thread at a time: the article
    and move-column workers start together, and two threads importing the package's
    modules at once can see one of them half-initialised (an ImportError seen in
    benchmarks/ui_bench.py runs)."""
    with _IMPORT_LOCK:
        from tui_reader import prices
    return prices


@dataclass(frozen=True, slots=True)
class SearchCount:
    """A saved search as the left pane lists it, with its unread/total counts."""

    name: str
    unread: int
    total: int


@dataclass(frozen=True, slots=True)
class Overview:
    """What the left pane shows."""

    counts: Counts
    instruments: list[InstrumentSummary]


@dataclass(frozen=True, slots=True)
class _Series:
    """The closes the list's move column measures an instrument's moves on."""

    points: list[PricePoint]
    line: str | None
    """Their line's symbol when it is another line than the one named (SAP for SAP.DE)."""


class Library:
    def __init__(self, store: Store, seed_dirs: list[Path], offline: bool,
                 seed_names: dict[Path, str] | None = None, searches: Sequence[SavedSearch] = (),
                 clock: Callable[[], datetime] | None = None) -> None:
        self.store = store
        self.clock = clock
        """The quote strip's and the intraday reaction's "now"; None: the real clock
        (see AppOptions.clock)."""
        self.searches = list(searches)
        """The config's saved searches, in its order; `save_search` adds to it."""
        self.seed_dirs = seed_dirs
        self.offline = offline
        self.seed_names = {Path(folder): name for folder, name in (seed_names or {}).items() if name}
        """Seed folder → display name: its articles show it as their source, and
        `source:` matches it."""
        self._members: dict[str, str] | None = None
        """Article id → the display name of the named seed folder it came from."""
        self._lock = threading.Lock()
        self._prices: PriceService | None = None
        self._cached_prices: PriceService | None = None
        self._intraday: IntradayReactions | None = None
        """The intraday chain beside `_prices`, sharing its store, mode and Yahoo gate."""
        self._series: dict[str, _Series | None] = {}
        """Per symbol, the closes the list's move column uses (None: none to be had)."""

    # -- prices --------------------------------------------------------------------------

    def _service(self, *, network: bool) -> PriceService:
        """The chart asks the full chain; the list's move column never uses the network
        (a page of 500 rows must not fire 50 Yahoo requests) and reads cache and CSVs."""
        PriceService = _prices().PriceService  # the class, imported late

        with self._lock:
            if network:
                if self._prices is None:
                    self._prices = PriceService(self.store, self.seed_dirs, self.offline)
                return self._prices
            if self._cached_prices is None:
                self._cached_prices = PriceService(self.store, self.seed_dirs, True)
            return self._cached_prices

    def price_service(self) -> PriceService:
        """The full chain (cache, CSVs, Yahoo when online), for the instrument view."""
        return self._service(network=True)

    def set_offline(self, offline: bool) -> None:
        with self._lock:
            self.offline = offline
            self._prices = None
            self._intraday = None

    def live_prices_problem(self) -> str | None:
        """"Yahoo unreachable" or "Yahoo rate limit" while charts can only come from the
        cache and CSVs; None while Yahoo answers, before it is asked, and offline."""
        with self._lock:
            service = self._prices
        trouble = service.yahoo_trouble if service is not None else None
        if trouble is None:
            return None
        from tui_reader.prices.yahoo import RateLimited

        return "Yahoo rate limit" if isinstance(trouble, RateLimited) else "Yahoo unreachable"

    def forget_prices(self) -> None:
        """After a refresh: the cache may hold newer closes now."""
        with self._lock:
            self._series.clear()

    def chart(self, article: Article, focus: str | None = None) -> ChartData:
        """The chart of the instrument `focus` names (a ticker or ISIN, the one selected in
        the left pane) when the article mentions it, else of the article's primary one."""
        NoPrices = _prices().NoPrices  # the exception class, imported late

        article = charted(article, focus)
        primary = article.primary
        symbol = primary.ticker or primary.isin if primary else None
        try:
            found = self._service(network=True).article_window(article)
        except NoPrices as exc:
            return ChartData(symbol, published=article.published, reason=exc.reason)
        except ValueError as exc:  # InvalidIsin: a typo in the source, say so
            return ChartData(symbol, published=article.published, reason=str(exc))
        history, window = found.history, found.window
        outside = _prices().empty_window_reason  # prices, none of them around the article
        listing = " ".join(part for part in (history.symbol, history.exchange, history.currency) if part)
        return ChartData(
            history.symbol,
            currency=history.currency,
            source=history.source + (" (stale)" if history.stale else ""),
            points=list(window.points),
            published=article.published,
            published_day=window.published_day,
            moves=dict(window.moves),
            latest=window.latest,
            reason=None if window.points else outside(history.points, article.published, history.symbol),
            claims=[_claim_line(check) for check in found.checks],
            listing=listing,
            other_line_of=primary.other_line(history.symbol, history.isin) if primary else None,
            reaction=self.reaction(history.symbol, article.published),
        )

    def reaction(self, symbol: str, published: datetime | None) -> ReactionLine | None:
        """The first-hour and first-day move of `symbol` (the listing the daily chain
        answered with) after publication, or why a recent article has none; None when
        only daily closes can speak of the article (older than Yahoo's intraday data,
        no CSV covering it). Runs in the chart's worker: online it may ask Yahoo, under
        the daily chain's gate; offline never."""
        if published is None:
            return None
        with _IMPORT_LOCK:
            from tui_reader.prices.intraday import interval_for
            from tui_reader.prices.intraday_service import NoIntraday
        recent = interval_for(published, self._now()) is not None
        if is_date_only(published):
            # The first hour after a guessed midnight would be a made-up number.
            return ReactionLine(reason="the article gives a date, not a time") if recent else None
        try:
            found = self._intraday_chain().reaction(symbol, published)
        except NoIntraday as exc:
            return ReactionLine(reason=exc.reason) if recent else None
        return _reaction_line(found)

    def _intraday_chain(self) -> IntradayReactions:
        with _IMPORT_LOCK:
            from tui_reader.prices.intraday_service import IntradayReactions
        service = self._service(network=True)
        with self._lock:
            if self._intraday is None:
                self._intraday = IntradayReactions.of(service, self.clock)
            return self._intraday

    def _now(self) -> datetime:
        return self.clock() if self.clock else datetime.now(UTC)

    def quotes(self, symbols: list[str]) -> list[Quote | NoQuote]:
        """The watchlist's quotes (blocking: a worker calls it after each poll). Online
        the chain may ask Yahoo, with its own pacing; offline the cache and CSVs."""
        from tui_reader.prices.quotes import watchlist_quotes

        return watchlist_quotes(self._service(network=True), symbols, self.clock() if self.clock else None)

    def moves(self, summaries: list[ArticleSummary]) -> tuple[dict[str, float | None], dict[str, str]]:
        """Move since publication (in %) per article, from cached closes and CSVs only;
        and for a move measured on another line of the company (SAP's for SAP.DE), that
        line's symbol, which the list shows beside it."""
        price_window = _prices().price_window

        out: dict[str, float | None] = {}
        lines: dict[str, str] = {}
        for summary in summaries:
            symbol = summary.primary_isin or summary.primary_ticker
            series = self._series_of(symbol) if symbol else None
            if not series or not series.points or summary.published is None:
                out[summary.id] = None
                continue
            window = price_window(series.points, summary.published, symbol=summary.primary_ticker or "")
            out[summary.id] = window.moves.get("since")
            if series.line is not None and out[summary.id] is not None:
                lines[summary.id] = series.line
        return out, lines

    def _series_of(self, symbol: str) -> _Series | None:
        NoPrices = _prices().NoPrices  # the exception class, imported late

        if symbol in self._series:
            return self._series[symbol]
        try:
            history = self._service(network=False).history(symbol)
        except (NoPrices, ValueError):
            series = None
        else:
            series = _Series(history.points, history.symbol if history.line_of else None)
        self._series[symbol] = series
        return series

    # -- articles ------------------------------------------------------------------------

    def overview(self) -> Overview:
        return Overview(self.store.counts(), self.store.instruments())

    def search_count(self, search: SavedSearch) -> SearchCount:
        """A saved search's unread/total (tens of ms on 50,000 articles: the workers count
        after the overview is shown, one search at a time)."""
        tree = search.tree and rename_sources(search.tree, self._seed_source)
        return SearchCount(search.name, *self.store.count_matching(tree))

    def refresh_moves(self) -> int:
        """Store the since-publication moves a poll's new articles lack (cache and CSVs
        only), so `move<...` filters see them."""
        with _IMPORT_LOCK:
            from tui_reader.prices.moves import refresh_moves
        return refresh_moves(self.store, self._service(network=False))

    def page(self, selection: Selection, flt: Filter, offset: int = 0, limit: int = 500) -> list[ArticleSummary]:
        """A page of the list; `limit=-1` is every row from `offset` on."""
        found = self.store.articles(**self._kwargs(selection, flt), limit=limit, offset=offset)  # type: ignore[arg-type]
        members = self._named_members()
        for summary in found:
            summary.source = members.get(summary.id, summary.source)
        if selection.kind in ("instrument", "watch") and selection.key and found:
            focused(found, selection.key, self.store.instruments_of([s.id for s in found]))
        return found

    def article(self, article_id: str) -> Article | None:
        """The article, its figures computed now if ingestion's stage 2 has not reached it."""
        from tui_reader.ingest import article_with_figures

        article = article_with_figures(self.store, article_id)
        if article is not None:
            # A named folder's name, as the list shows it: it replaces the folder's
            # fallback label ("seed:/home/…/notes") and the label a file gives itself.
            article.source = self._named_members().get(article.id, article.source)
        return article

    def unread_beyond(self, selection: Selection, flt: Filter, loaded_unread: int) -> bool:
        """Whether the list holds more unread articles than the `loaded_unread` its loaded
        rows show: `n` loads further pages only then, not a whole read archive."""
        kwargs = {**self._kwargs(selection, flt), "unread_only": True}
        return bool(self.store.articles(**kwargs, limit=1, offset=loaded_unread))  # type: ignore[arg-type]

    def mark_all_read(self, selection: Selection, flt: Filter) -> int:
        """Every article of the list `page` pages through, not only the loaded rows."""
        return self.store.mark_all_read(**self._kwargs(selection, flt))  # type: ignore[arg-type]

    def sources_changed(self) -> None:
        """After a poll brought articles: the named folders may hold new ones."""
        with self._lock:
            self._members = None

    def _kwargs(self, selection: Selection, flt: Filter) -> dict[str, object]:
        """`source:` that starts a seed folder's name (case-blind) means that folder."""
        searches = {s.name: s.tree and rename_sources(s.tree, self._seed_source) for s in self.searches}
        if flt.tree is not None:
            flt = replace(flt, tree=rename_sources(flt.tree, self._seed_source))
        return merge_kwargs(selection, flt, searches)

    def _seed_source(self, wanted: str) -> str:
        folded = wanted.casefold()
        folder = next((f for f, name in self.seed_names.items() if name.casefold().startswith(folded)), None)
        return wanted if folder is None else _seed_key(folder)

    def _named_members(self) -> dict[str, str]:
        with self._lock:
            if self._members is not None:
                return self._members
        members: dict[str, str] = {}
        for folder, name in self.seed_names.items():
            for summary in self.store.articles(source=_seed_key(folder), limit=-1):
                members.setdefault(summary.id, name)
        with self._lock:
            self._members = members
        return members


def _seed_key(folder: Path) -> str:
    from tui_reader.sources.poll import seed_key

    return seed_key(folder)


def focused(found: list[ArticleSummary], key: str, instruments: dict[str, list[Instrument]]) -> None:
    """An instrument's list is about that instrument: each row shows its ticker and its
    move since publication, not the primary's ("Microsoft tops $4 trillion" listed under
    NVDA shows NVDA's move), as the article pane charts it (`charted`)."""
    wanted = key.upper()
    for summary in found:
        hit = next((i for i in instruments.get(summary.id, ())
                    if wanted in ((i.isin or "").upper(), (i.ticker or "").upper())), None)
        if hit is not None:
            summary.primary_ticker, summary.primary_isin, summary.primary_name = hit.ticker, hit.isin, hit.name


def charted(article: Article, focus: str | None) -> Article:
    """The article with `focus` as its primary instrument, when it names it: the price
    chain charts (and checks claims against) the primary one."""
    if not focus:
        return article
    wanted = focus.upper()
    hit = next((i for i in article.instruments if wanted in ((i.isin or "").upper(), (i.ticker or "").upper())), None)
    if hit is None or hit.primary:
        return article
    instruments = [replace(i, primary=i is hit) for i in article.instruments]
    return replace(article, instruments=instruments)


def _reaction_line(found: Found) -> ReactionLine:
    reaction = found.reaction
    interval = reaction.interval
    bars = "hourly bars" if interval == 3600 else f"{interval // 60}-min bars" if interval % 60 == 0 else f"{interval}-s bars"
    if reaction.base is None:
        return ReactionLine(bars=bars, source=found.source, reason="no intraday bars before publication")
    return ReactionLine(reaction.hour, reaction.day, bars, found.source)


def _claim_line(check: ClaimCheck) -> ClaimLine:
    figure = check.stated
    stated = f"{({'up': 'up ', 'down': 'down '}).get(figure.direction or '', '')}{figure.text}"
    listing = " ".join(part for part in (check.listing, check.currency) if part)
    span = f"{check.start.day.isoformat()} → {check.end.day.isoformat()}" if check.start and check.end else ""
    if check.computed_pct is None:
        missing = "prices end before publication" if check.ends_before else "prices do not reach back"
        return ClaimLine(check.period, stated, missing, listing, "", None, span)
    # Without a direction in the text ("a 5% move") only the size can be compared.
    computed = abs(check.computed_pct) if figure.direction is None else check.computed_pct
    gap = computed - check.stated_pct
    result = "agrees" if check.agrees else f"gap {gap:+.2f} pp"
    return ClaimLine(check.period, stated, f"{check.computed_pct:+.2f} %", listing, result, bool(check.agrees), span)
