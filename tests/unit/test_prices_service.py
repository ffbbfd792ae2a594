"""The price source chain on a real SQLite store, with Yahoo faked at its boundary,
plus the real yahoo module on an unreachable network and on yfinance's failure shapes."""

from __future__ import annotations

import os
import shutil
import threading
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tui_reader.extract import enrich
from tui_reader.model import Article, Instrument, KeyFigure, PricePoint
from tui_reader.prices import yahoo
from tui_reader.prices.service import InvalidIsin, NoPrices, PriceService
from tui_reader.sources.seeds import read_seed, scan
from tui_reader.store import Store

PRICES = Path(__file__).resolve().parents[2] / "seeds" / "prices"
BABA = Instrument("US01609W1027", "BABA", "Alibaba Group", "NYSE", "USD")
BABA_HK = Instrument("KYG017191142", "9988.HK", "Alibaba Group", "HKEX", "HKD")
SAP_DE = Instrument("DE0007164600", "SAP.DE", "SAP", "XETRA", "EUR")
SAP_ADR = Instrument("DE0007164600", "SAP", "SAP", "NYSE", "USD")


class FakeDirectory:
    """The offline directory as the extract engineer specifies it, for the rows we need."""

    def __init__(self, *listings: Instrument) -> None:
        self._listings = listings

    def by_ticker(self, symbol: str) -> Instrument | None:
        return next((i for i in self._listings if i.ticker == symbol.upper()), None)

    def listings(self, isin_or_symbol: str) -> list[Instrument]:
        """Every line of the company, as the real directory answers (BABA and 9988.HK)."""
        names = {i.name for i in self._listings if isin_or_symbol in (i.isin, i.ticker)}
        return [i for i in self._listings if i.name in names]


DIRECTORY = FakeDirectory(BABA, SAP_DE, SAP_ADR)


class FakeYahoo:
    """Stands in for yahoo.fetch_daily / search_isin and records every call."""

    def __init__(self, points=(), currency="USD", error: Exception | None = None, isin_answer=None) -> None:
        self.points = list(points)
        self.currency = currency
        self.error = error
        self.isin_answer = isin_answer
        self.calls: list[tuple] = []

    def fetch_daily(self, symbol, start, end, timeout):
        self.calls.append(("fetch", symbol, start, end))
        if self.error:
            raise self.error
        return list(self.points), self.currency

    def search_isin(self, isin, timeout):
        self.calls.append(("search", isin))
        if self.error:
            raise self.error
        return self.isin_answer


class Clock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "store.sqlite3") as opened:
        yield opened


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    (folder / "prices").mkdir(parents=True)
    for name in ("BABA.csv", "SAP.csv"):
        shutil.copy(PRICES / name, folder / "prices" / name)
    return folder


def service(store, seeds, offline, fake=None, clock=None, directory=DIRECTORY, **kwargs) -> PriceService:
    fake = fake or FakeYahoo(error=AssertionError("Yahoo must not be asked"))
    return PriceService(store, [seeds], offline, fetch_daily=fake.fetch_daily, search_isin=fake.search_isin,
                        directory=directory, now=clock or Clock(), **kwargs)


RECENT = [PricePoint(date(2026, 7, 1) + timedelta(days=i), 100.0 + i) for i in range(5)]


def test_offline_isin_reads_the_csv_with_the_listing_currency(store, seeds):
    history = service(store, seeds, offline=True).history("US01609W1027")
    assert (history.symbol, history.isin, history.currency, history.source) == ("BABA", "US01609W1027", "USD", "csv")
    assert PricePoint(date(2026, 1, 29), 174.25) in history.points
    assert store.cached_prices("BABA") is None, "CSV data is local already; the cache is for Yahoo"


def test_isin_with_several_listings_uses_the_first_that_has_data(store, seeds):
    history = service(store, seeds, offline=True).history("DE0007164600", start=date(2024, 3, 1))
    assert (history.symbol, history.currency, history.source) == ("SAP", "USD", "csv")
    assert [p.day for p in history.points][-1] == date(2024, 3, 8)


def test_a_symbol_without_prices_falls_back_to_its_company_s_other_line_as_its_isin_does(store, seeds):
    history = service(store, seeds, offline=True).history("SAP.DE", start=date(2024, 3, 1))
    assert (history.symbol, history.currency, history.source) == ("SAP", "USD", "csv")
    # must not match: a symbol of no known company has no other line to fall back to
    with pytest.raises(NoPrices):
        service(store, seeds, offline=True).history("NOSUCH")


def test_closes_of_the_other_line_that_end_before_the_span_are_the_reason_given(store, seeds):
    """SAP.DE has no closes here and SAP's CSV ends on 2024-03-08: asked for this month,
    the reason was SAP.DE's "offline; no cache or CSV", as if no prices existed at all."""
    with pytest.raises(NoPrices) as caught:
        service(store, seeds, offline=True).history("SAP.DE", start=date(2026, 11, 1))
    assert caught.value.reason == ("SAP.DE: offline; no cache or CSV; no closes between 2026-11-01 and … "
                                   "(SAP's csv covers 2000-01-03..2024-03-08)")
    # An article of this month: an empty window from SAP's closes, not "no prices".
    article = Article("sap", "example.com", "SAP raises its outlook", "SAP raised its cloud outlook.",
                      datetime(2026, 12, 3, 9, tzinfo=UTC), instruments=[Instrument("DE0007164600", "SAP.DE", "SAP", primary=True)])
    found = service(store, seeds, offline=True).article_window(article)
    assert found.history.symbol == "SAP" and found.history.points[-1].day == date(2024, 3, 8)
    assert not found.window.points


def test_another_share_class_on_the_same_market_is_no_fallback(store, seeds):
    """BRK-B without prices must not be shown BRK-A's: another security, not another line."""
    brk_a = Instrument("US0846701086", "BRK-A", "Berkshire Hathaway", "NYSE", "USD")
    brk_b = Instrument("US0846707026", "BRK-B", "Berkshire Hathaway", "NYSE", "USD")
    (seeds / "prices").mkdir(exist_ok=True)
    shutil.copy(PRICES / "AAPL.csv", seeds / "prices" / "BRK-A.csv")  # prices for BRK-A only
    found = service(store, seeds, offline=True, directory=FakeDirectory(brk_a, brk_b))
    assert found.history("BRK-A").symbol == "BRK-A"
    for asked in ("BRK-B", "US0846707026"):
        with pytest.raises(NoPrices):
            found.history(asked)


def test_offline_with_nothing_says_so(store, seeds):
    with pytest.raises(NoPrices) as caught:
        service(store, seeds, offline=True).history("MSFT")
    assert str(caught.value) == "no prices for MSFT (offline; no cache or CSV)"


def test_offline_corrupt_csv_names_the_problem(store, seeds):
    (seeds / "prices" / "MSFT.csv").write_text("")
    with pytest.raises(NoPrices) as caught:
        service(store, seeds, offline=True).history("MSFT")
    assert caught.value.reason == "offline; no cache or CSV; MSFT.csv: empty file"


def test_invalid_check_digit_is_not_an_unknown_symbol(store, seeds):
    with pytest.raises(InvalidIsin, match="US01609W1028 is not a valid ISIN"):
        service(store, seeds, offline=True).history("US01609W1028")


def test_online_fills_the_cache_then_uses_it(store, seeds):
    fake, clock = FakeYahoo(RECENT, "USD"), Clock()
    prices = service(store, seeds, offline=False, fake=fake, clock=clock)
    first = prices.history("BABA")
    assert first.source == "yahoo" and first.points == RECENT
    assert store.cached_prices("BABA").points == RECENT
    second = prices.history("BABA")
    assert second.source == "cache" and not second.stale and second.points == RECENT
    assert len(fake.calls) == 1


def test_a_csv_that_covers_the_request_answers_without_the_network(store, seeds):
    history = service(store, seeds, offline=False).history("BABA", date(2026, 1, 1), date(2026, 1, 31))
    assert history.source == "csv" and history.points[-1] == PricePoint(date(2026, 1, 30), 169.56)


def test_stale_cache_is_refreshed_online_and_served_offline(store, seeds):
    store.save_prices("MSFT", RECENT, currency="USD", source="yahoo")
    clock = Clock()
    clock.now += timedelta(hours=5)
    offline = service(store, seeds, offline=True, clock=clock).history("MSFT")
    assert offline.source == "cache" and offline.stale
    newer = RECENT + [PricePoint(date(2026, 7, 6), 110.0)]
    fake = FakeYahoo(newer)
    online = service(store, seeds, offline=False, fake=fake, clock=clock).history("MSFT")
    assert online.source == "yahoo" and online.points[-1].close == 110.0 and len(fake.calls) == 1


def test_unreachable_yahoo_falls_back_to_stale_cache_then_csv(store, seeds):
    store.save_prices("MSFT", RECENT, currency="USD", source="yahoo")
    clock = Clock()
    clock.now += timedelta(hours=5)
    fake = FakeYahoo(error=yahoo.Unreachable("cannot reach Yahoo (ConnectionError)"))
    prices = service(store, seeds, offline=False, fake=fake, clock=clock)
    cached = prices.history("MSFT")
    assert cached.source == "cache" and cached.stale
    assert cached.warnings[0].startswith("cannot reach Yahoo (ConnectionError); retrying after ")
    from_csv = prices.history("BABA")
    assert from_csv.source == "csv"
    assert len(fake.calls) == 1, "a dead network pauses every symbol, not just the one that failed"


def test_rate_limit_backs_off_and_says_until_when(store, seeds):
    fake, clock = FakeYahoo(RECENT, error=yahoo.RateLimited("Yahoo rate limit")), Clock()
    prices = service(store, seeds, offline=False, fake=fake, clock=clock)
    with pytest.raises(NoPrices) as caught:
        prices.history("MSFT")
    assert caught.value.reason.startswith("Yahoo rate limit; retrying after ")
    until = (clock.now + timedelta(minutes=1)).astimezone().strftime("%H:%M")
    assert caught.value.reason.endswith(until)
    with pytest.raises(NoPrices):
        prices.history("NVDA")
    assert len(fake.calls) == 1, "no request while backing off"
    fake.error = None
    clock.now += timedelta(minutes=2)
    assert prices.history("NVDA").source == "yahoo"
    assert len(fake.calls) == 2


def test_empty_answer_is_no_data_and_is_not_asked_again_soon(store, seeds):
    fake, clock = FakeYahoo([]), Clock()
    prices = service(store, seeds, offline=False, fake=fake, clock=clock)
    for _ in range(2):
        with pytest.raises(NoPrices) as caught:
            prices.history("NOSUCH")
        assert str(caught.value) == "no prices for NOSUCH (no data for NOSUCH at Yahoo)"
    assert len(fake.calls) == 1
    clock.now += timedelta(minutes=16)
    with pytest.raises(NoPrices):
        prices.history("NOSUCH")
    assert len(fake.calls) == 2


def test_a_hanging_request_times_out(store, seeds):
    release = threading.Event()

    def hang(symbol, start, end, timeout):
        release.wait(10)
        return RECENT, "USD"

    prices = PriceService(store, [seeds], False, timeout=0.05, fetch_daily=hang, directory=DIRECTORY)
    try:
        with pytest.raises(NoPrices, match="did not answer"):
            prices.history("MSFT")
    finally:
        release.set()


def test_isin_search_result_is_remembered_in_the_store(store, seeds):
    empty = FakeDirectory()
    fake = FakeYahoo(RECENT, "HKD", isin_answer=("9988.HK", None))
    history = service(store, seeds, offline=False, fake=fake, directory=empty).history("KYG017191142")
    assert (history.symbol, history.isin, history.currency) == ("9988.HK", "KYG017191142", "HKD")
    assert store.cached_symbol("KYG017191142").symbol == "9988.HK"
    # A later run, offline, resolves from the store and reads the cached prices.
    again = service(store, seeds, offline=True, directory=empty).history("KYG017191142")
    assert (again.symbol, again.source) == ("9988.HK", "cache")


def test_isin_resolution_offline_and_not_found(store, seeds):
    empty = FakeDirectory()
    with pytest.raises(NoPrices, match="offline; ISIN not in the offline directory"):
        service(store, seeds, offline=True, directory=empty).history("US01609W1027")
    fake = FakeYahoo(isin_answer=None)
    with pytest.raises(NoPrices, match="unknown symbol"):
        service(store, seeds, offline=False, fake=fake, directory=empty).history("US0378331005")
    cached = store.cached_symbol("US0378331005")
    assert cached is not None and cached.symbol is None
    with pytest.raises(NoPrices, match="unknown symbol"):
        service(store, seeds, offline=False, directory=empty).history("US0378331005")


def test_article_window_pairs_an_article_with_its_prices(store, seeds):
    body = "Alibaba shares retreated by 4.46% over the past seven trading days."
    figure = KeyFigure("percent", "4.46%", 4.46, body.index("4.46%"), body.index("4.46%") + 5, body,
                       unit="%", direction="down")
    article = Article("a", "sample", "Alibaba", body, published=datetime(2026, 1, 29, 22, 41, 5, tzinfo=ZoneInfo("Europe/Berlin")),
                      instruments=[Instrument("US01609W1027", "BABA", "Alibaba", primary=True)], figures=[figure])
    found = service(store, seeds, offline=True).article_window(article)
    assert found.history.source == "csv"
    assert found.window.published_close == 174.25
    assert [round(c.computed_pct, 2) for c in found.checks] == [7.30]
    with pytest.raises(NoPrices, match="names no instrument"):
        service(store, seeds, offline=True).article_window(Article("b", "s", "t", "body"))


SEEDS = PRICES.parent


def _bundled_article(name: str) -> Article:
    (article,) = read_seed(SEEDS / name, SEEDS)
    return enrich(article)


def test_bundled_alibaba_article_checks_each_claim_on_its_own_period_and_listing(store):
    """The seed's numbers come from the real CSVs (tests/data/golden, field `prices`)."""
    article = _bundled_article("BABA-2026-01-29-cloud-spending.txt")
    found = PriceService(store, [SEEDS], offline=True).article_window(article)
    assert [(c.stated.text, c.period, c.listing, c.currency, c.start.day.isoformat(), c.agrees)
            for c in found.checks] == [
        ("0.8%", "1 trading day", "BABA", "USD", "2026-01-28", True),
        ("1.65%", "1 week", "BABA", "USD", "2026-01-22", True),
        ("80.2%", "12 months", "BABA", "USD", "2025-01-29", True),
        ("5.2%", "5 trading days", "9988.HK", "HKD", "2026-01-22", True),
    ]


def test_every_stated_move_in_the_bundled_seeds_agrees_with_the_bundled_closes(store):
    """The seed articles' moves were computed from the bundled CSVs (golden `prices`
    field), so any gap here is a claim read against the wrong period or listing."""
    articles, _ = scan([SEEDS])
    prices = PriceService(store, [SEEDS], offline=True)
    checks = [(a.path, c) for a in articles for c in prices.article_window(enrich(a)).checks]
    gaps = [(path, c.stated.text, c.period, c.listing, c.computed_pct) for path, c in checks if not c.agrees]
    assert gaps == []
    # Moves stated without a period ("rose 3% to $207.04") and distances from a high
    # ("17.2% below the 52-week closing high") are not checked; these 35 are. A headline
    # that rounds the body's figure ("Down 12% in a Week", the body says 12.1% over five
    # trading days) is that figure, checked once from the body.
    assert len(checks) == 35
    assert sum(c.stated.in_title for _, c in checks) == 0


def test_hong_kong_claim_without_hong_kong_prices_is_left_out(store, seeds):
    body = ("The New York shares fell 1.65% over five trading days. "
            "The Hong Kong line (stock code 9988) rose 5.2% over five trading days.")
    figures = [KeyFigure("percent", t, v, body.index(t), body.index(t) + len(t), body, unit="%", direction=d)
               for t, v, d in (("1.65%", 1.65, "down"), ("5.2%", 5.2, "up"))]
    article = Article("hk", "sample", "Alibaba", body,
                      published=datetime(2026, 1, 29, 22, 41, 5, tzinfo=ZoneInfo("Europe/Berlin")),
                      instruments=[Instrument("US01609W1027", "BABA", "Alibaba Group", primary=True)], figures=figures)
    directory = FakeDirectory(BABA, BABA_HK)
    # `seeds` holds BABA.csv but no 9988.HK.csv: the Hong Kong claim is not compared with BABA.
    found = service(store, seeds, offline=True, directory=directory).article_window(article)
    assert [(c.stated.text, c.listing) for c in found.checks] == [("1.65%", "BABA")]
    shutil.copy(PRICES / "9988.HK.csv", seeds / "prices" / "9988.HK.csv")
    found = service(store, seeds, offline=True, directory=directory).article_window(article)
    assert [(c.stated.text, c.listing, c.currency) for c in found.checks] == [
        ("1.65%", "BABA", "USD"), ("5.2%", "9988.HK", "HKD")]


# ---- the real yfinance boundary ---------------------------------------------------------


@pytest.fixture
def no_internet(monkeypatch, tmp_path):
    """Every HTTP(S) request goes to a closed port on 127.0.0.1, so nothing leaves the machine."""
    for name in ("HTTPS_PROXY", "HTTP_PROXY", "https_proxy", "http_proxy", "ALL_PROXY"):
        monkeypatch.setenv(name, "http://127.0.0.1:9")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.setenv("TUI_READER_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(yahoo, "_configured", False)


def test_real_fetch_offline_raises_unreachable(no_internet, tmp_path):
    with pytest.raises(yahoo.Unreachable):
        yahoo.fetch_daily("BABA", date(2026, 1, 1), date(2026, 1, 31), timeout=2)
    with pytest.raises(yahoo.Unreachable):
        yahoo.search_isin("US01609W1027", timeout=2)
    from yfinance import cache

    assert Path(cache._TzDBManager.get_location()) == tmp_path / "home" / "cache" / "yfinance"


def test_real_fetch_maps_yfinance_rate_limit_empty_frames_and_stubs(no_internet, monkeypatch):
    import pandas as pd
    import yfinance
    from yfinance.exceptions import YFRateLimitError

    class Ticker:
        frame = pd.DataFrame()
        error: Exception | None = None

        def __init__(self, symbol):
            self.symbol = symbol

        def history(self, **kwargs):
            if Ticker.error:
                raise Ticker.error
            return Ticker.frame

        def get_history_metadata(self):
            return {"currency": "HKD"}

    monkeypatch.setattr(yfinance, "Ticker", Ticker)
    Ticker.error = YFRateLimitError()
    with pytest.raises(yahoo.RateLimited):
        yahoo.fetch_daily("9988.HK", date(2026, 2, 1), date(2026, 2, 28), timeout=1)
    Ticker.error = None
    assert yahoo.fetch_daily("9988.HK", date(2026, 2, 1), date(2026, 2, 28), timeout=1) == ([], None)
    index = pd.DatetimeIndex(["2026-02-13", "2026-02-16", "2026-02-17"], tz="Asia/Hong_Kong")
    Ticker.frame = pd.DataFrame({"Open": [154.0, 154.7, 153.0], "High": [156.4, 154.7, 155.0],
                                 "Low": [153.9, 154.7, 152.0], "Close": [155.4, 154.7, float("nan")],
                                 "Volume": [1e7, 0, 5e6]}, index=index)
    points, currency = yahoo.fetch_daily("9988.HK", date(2026, 2, 1), date(2026, 2, 28), timeout=1)
    assert points == [PricePoint(date(2026, 2, 13), 155.4)] and currency == "HKD"


def test_yfinance_is_not_imported_by_the_prices_package():
    code = "import sys, tui_reader.prices, tui_reader.cli.prices; assert 'yfinance' not in sys.modules and 'pandas' not in sys.modules"
    import subprocess
    import sys

    subprocess.run([sys.executable, "-c", code], check=True, env={**os.environ})


def test_real_directory_resolves_each_alibaba_line_to_its_own_listing(store, seeds):
    shutil.copy(PRICES / "9988.HK.csv", seeds / "prices" / "9988.HK.csv")
    prices = PriceService(store, [seeds], True)
    assert (prices.history("US01609W1027").symbol, prices.history("BABA").currency) == ("BABA", "USD")
    hong_kong = prices.history("KYG017191142")
    assert (hong_kong.symbol, hong_kong.isin, hong_kong.currency) == ("9988.HK", "KYG017191142", "HKD")


def test_concurrent_requests_for_one_symbol_ask_yahoo_once(store, seeds):
    calls = []
    gate = threading.Event()

    def slow_fetch(symbol, start, end, timeout):
        calls.append(symbol)
        gate.wait(2)
        return RECENT, "USD"

    prices = PriceService(store, [seeds], False, fetch_daily=slow_fetch, directory=DIRECTORY)
    results = []
    workers = [threading.Thread(target=lambda: results.append(prices.history("MSFT").source)) for _ in range(3)]
    for worker in workers:
        worker.start()
    time.sleep(0.2)  # all three are inside history() before the first answer lands
    gate.set()
    for worker in workers:
        worker.join(5)
    assert calls == ["MSFT"]
    assert sorted(results) == ["cache", "cache", "yahoo"]


def test_a_symbol_lock_lives_only_while_someone_holds_or_waits_for_it(store, seeds):
    gate = threading.Event()
    inside = threading.Event()

    def slow_fetch(symbol, start, end, timeout):
        if symbol == "NOPE":
            raise yahoo.YahooError("HTTP 404")
        inside.set()
        gate.wait(2)
        return RECENT, "USD"

    prices = PriceService(store, [seeds], False, fetch_daily=slow_fetch, directory=DIRECTORY)
    workers = [threading.Thread(target=prices.history, args=("MSFT",)) for _ in range(2)]
    for worker in workers:
        worker.start()
    assert inside.wait(2)
    time.sleep(0.1)  # the second worker is waiting for the first one's lock
    assert list(prices._symbol_locks) == ["MSFT"] and prices._symbol_locks["MSFT"].users == 2
    gate.set()
    for worker in workers:
        worker.join(5)
    prices.history("BABA")
    with pytest.raises(NoPrices):
        prices.history("NOPE")
    assert prices._symbol_locks == {}


def test_yahoo_trouble_lasts_from_a_dead_network_until_yahoo_answers(store, seeds):
    fake, clock = FakeYahoo(RECENT, error=yahoo.Unreachable("cannot reach Yahoo (ConnectError)")), Clock()
    prices = service(store, seeds, offline=False, fake=fake, clock=clock)
    assert prices.yahoo_trouble is None
    prices.history("BABA")  # the CSV answers, with a warning
    assert isinstance(prices.yahoo_trouble, yahoo.Unreachable)
    with pytest.raises(NoPrices):
        prices.history("MSFT")  # refused at once: the backoff is on
    assert isinstance(prices.yahoo_trouble, yahoo.Unreachable) and len(fake.calls) == 1
    clock.now += timedelta(minutes=2)
    fake.error = None
    assert prices.history("MSFT").source == "yahoo"
    assert prices.yahoo_trouble is None


def test_a_symbol_yahoo_does_not_know_is_no_trouble(store, seeds):
    prices = service(store, seeds, offline=False, fake=FakeYahoo([]))
    with pytest.raises(NoPrices):
        prices.history("MSFT")
    assert prices.yahoo_trouble is None
