"""Windows, moves and claim checks on the real bundled daily closes."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tui_reader.model import Article, Instrument, KeyFigure, PricePoint
from tui_reader.prices.claims import claim_checks
from tui_reader.prices.claims_reading import find_period
from tui_reader.prices.csvfiles import read_csv
from tui_reader.prices.window import close_index_at, empty_window_reason, market_for, price_window

PRICES = Path(__file__).resolve().parents[2] / "seeds" / "prices"
BERLIN = ZoneInfo("Europe/Berlin")
HONG_KONG = ZoneInfo("Asia/Hong_Kong")
BABA_LISTING = Instrument("US01609W1027", "BABA", "Alibaba Group", "NYSE", "USD")


@pytest.fixture(scope="module")
def baba() -> list[PricePoint]:
    return read_csv(PRICES / "BABA.csv").points


def test_evening_article_in_berlin_is_after_the_us_close(baba):
    # 22:41 CET is 16:41 in New York: the 29 January close (174.25) was known.
    window = price_window(baba, datetime(2026, 1, 29, 22, 41, 5, tzinfo=BERLIN), symbol="BABA")
    assert window.published_day == date(2026, 1, 29)
    assert window.published_close == 174.25
    # 1 day: to 30 Jan's 169.56; 5 days: to 5 Feb's 157.76; since: to 30 Mar 2026's 121.98.
    assert window.moves["1d"] == pytest.approx((169.56 / 174.25 - 1) * 100)
    assert window.moves["5d"] == pytest.approx((157.76 / 174.25 - 1) * 100)
    assert window.moves["since"] == pytest.approx((121.98 / 174.25 - 1) * 100)
    assert window.latest == PricePoint(date(2026, 3, 30), 121.98)


def test_afternoon_article_in_berlin_precedes_the_us_close(baba):
    # 20:41 CET is 14:41 in New York: only 28 January's close (175.66) was known.
    window = price_window(baba, datetime(2026, 1, 29, 20, 41, tzinfo=BERLIN), symbol="BABA")
    assert (window.published_day, window.published_close) == (date(2026, 1, 28), 175.66)
    assert window.moves["1d"] == pytest.approx((174.25 / 175.66 - 1) * 100)


def test_window_spans_three_months_before_and_one_after(baba):
    published = datetime(2026, 1, 29, 22, 41, tzinfo=BERLIN)
    window = price_window(baba, published, symbol="BABA")
    assert window.points[0].day >= date(2026, 1, 29) - timedelta(days=92)
    assert window.points[0].day <= date(2026, 1, 29) - timedelta(days=88)
    assert window.points[-1].day <= date(2026, 3, 1)
    assert window.points[-1].day >= date(2026, 2, 25)


def test_weekend_article_uses_friday_close(baba):
    window = price_window(baba, datetime(2026, 1, 31, 10, 0, tzinfo=BERLIN), symbol="BABA")
    assert (window.published_day, window.published_close) == (date(2026, 1, 30), 169.56)


def test_hong_kong_listing_uses_the_hong_kong_clock():
    points = read_csv(PRICES / "9988.HK.csv").points
    market = market_for("9988.HK")
    before_close = close_index_at(points, datetime(2026, 2, 13, 15, 0, tzinfo=HONG_KONG), market)
    after_close = close_index_at(points, datetime(2026, 2, 13, 16, 30, tzinfo=HONG_KONG), market)
    assert points[before_close].day == date(2026, 2, 12)
    assert points[after_close].day == date(2026, 2, 13)
    # The 2026-02-16 holiday stub is skipped: the next trading day after the 13th is the 17th or later.
    assert points[after_close + 1].day > date(2026, 2, 16)


def test_edges_give_no_moves_instead_of_inventing_them(baba):
    too_early = price_window(baba, datetime(2020, 1, 1, tzinfo=BERLIN), symbol="BABA")
    assert too_early.published_close is None
    assert too_early.moves == {"1d": None, "5d": None, "since": None}
    at_the_end = price_window(baba, datetime(2026, 3, 27, 23, 0, tzinfo=BERLIN), symbol="BABA")
    assert at_the_end.moves["1d"] is not None and at_the_end.moves["5d"] is None
    undated = price_window(baba, None, symbol="BABA")
    assert undated.published_day is None and undated.points[-1] == baba[-1]
    assert undated.points[0].day >= baba[-1].day - timedelta(days=123)



def test_an_empty_window_says_which_way_the_prices_fall_short(baba):
    """The instrument view shows these closes, so "no prices" would be untrue."""
    later = datetime(2026, 12, 1, 9, 0, tzinfo=BERLIN)
    assert price_window(baba, later, symbol="BABA").points == []
    assert empty_window_reason(baba, later, "BABA") == "BABA's prices end 2026-03-30, before this article"
    earlier = datetime(2020, 1, 1, tzinfo=BERLIN)
    assert empty_window_reason(baba, earlier, "BABA") == f"BABA's prices begin {baba[0].day}, after this article"
    gap = [p for p in baba if not date(2025, 3, 1) <= p.day <= date(2025, 9, 30)]
    inside = datetime(2025, 6, 2, 12, 0, tzinfo=BERLIN)
    assert price_window(gap, inside, symbol="BABA").points == []
    assert empty_window_reason(gap, inside, "BABA") == "BABA's prices have a gap from 2025-02-28 to 2025-10-01"

@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("The stock retreated by 4.46% over the past seven trading days.", "7 trading days"),
        ("Shares posted a 12-month gain of 56.94%.", "12 months"),
        ("The shares are up 18.9% year to date.", "year to date"),
        ("The stock has climbed 20% since January.", "since January 2026"),
        ("It fell 2.7% on the day.", "1 trading day"),
        ("Over the past year the shares doubled, up 80%.", "1 year"),
        ("The stock rose 30% in 52 weeks.", "52 weeks"),
        ("The shares gained 4% over three months.", "3 months"),
        ("The shares gained 4%.", None),
        ("The shares had their best week in months, up 4%.", None),
        ("The stock has doubled since the start of the year, a gain of 104% in all.", "year to date"),
        ("Over the past year, the shares gained 40%.", "1 year"),
        ("Sales slipped, but over the past year, the shares gained 40%.", "1 year"),
        ("Revenue doubled over the past year, and the shares gained 40%.", None),
    ],
)
def test_period_phrases(sentence, label):
    period = find_period(sentence, sentence.find("%"), date(2026, 1, 29))
    assert (period.label if period else None) == label


def _figure(body: str, text: str, value: float, direction: str | None) -> KeyFigure:
    start = body.index(text)
    sentence_start = body.rfind(". ", 0, start) + 2 if ". " in body[:start] else 0
    sentence_end = body.index(".", start + len(text)) + 1
    return KeyFigure("percent", text, value, start, start + len(text), body[sentence_start:sentence_end].strip(),
                     unit="%", direction=direction)


def _article(body: str, figures: list[KeyFigure]) -> Article:
    return Article(
        id="a1", source="sample", title="Alibaba", body=body,
        published=datetime(2026, 1, 29, 22, 41, 5, tzinfo=BERLIN),
        instruments=[Instrument("US01609W1027", "BABA", "Alibaba", primary=True),
                     Instrument("US0231351067", "AMZN", "Amazon", mentions=1)],
        figures=figures,
    )


def test_claim_checks_worked_example(baba):
    body = ("Alibaba shares retreated by 4.46% over the past seven trading days. "
            "The stock still shows a 12-month gain of 80.1%. "
            "Year to date the shares are up 25%. "
            "Cloud revenue grew 34% over the past year. "
            "Amazon shares fell 3% over the past five trading days. "
            "Analysts see 15% upside. "
            "The stock trades 30% below its 52-week high.")
    figures = [_figure(body, t, v, d) for t, v, d in
               [("4.46%", 4.46, "down"), ("80.1%", 80.1, "up"), ("25%", 25.0, "up"),
                ("34%", 34.0, "up"), ("3%", 3.0, "down"), ("15%", 15.0, None),
                ("30%", 30.0, "down")]]
    checks = claim_checks(_article(body, figures), baba, BABA_LISTING)
    # Only the three share-price moves of Alibaba with a period are checked.
    assert [c.stated.text for c in checks] == ["4.46%", "80.1%", "25%"]
    seven, twelve, ytd = checks
    # End: the 29 Jan 2026 close 174.25 (the article is after the US close).
    # 7 trading days back is 20 Jan 2026 (162.39): 174.25 / 162.39 = 1 + 11.86 / 162.39 = +7.30 %.
    assert seven.period == "7 trading days"
    assert seven.start == PricePoint(date(2026, 1, 20), 162.39)
    assert seven.computed_pct == pytest.approx(7.3034, abs=1e-3)
    assert seven.stated_pct == -4.46 and seven.agrees is False
    # 12 months back: the last close on or before 29 Jan 2025 is that day's 96.72:
    # 174.25 / 96.72 = 1.8016 → +80.16 %, within 0.5 pp of the stated 80.1 %.
    assert twelve.start == PricePoint(date(2025, 1, 29), 96.72)
    assert twelve.computed_pct == pytest.approx(80.159, abs=1e-2)
    assert twelve.agrees is True
    # Year to date from the 31 Dec 2025 close 146.58: 174.25 / 146.58 = +18.88 %, not 25 %.
    assert ytd.start == PricePoint(date(2025, 12, 31), 146.58)
    assert ytd.computed_pct == pytest.approx(18.877, abs=1e-2)
    assert ytd.agrees is False
    assert {(c.listing, c.currency) for c in checks} == {("BABA", "USD")}


def test_claim_beyond_the_series_is_shown_without_a_verdict(baba):
    body = "Alibaba shares gained 150% over the past three years."
    checks = claim_checks(_article(body, [_figure(body, "150%", 150.0, "up")]), baba, BABA_LISTING)
    assert len(checks) == 1
    assert checks[0].computed_pct is None and checks[0].agrees is None



def test_a_claim_after_the_series_ends_is_not_checked_against_its_last_closes(baba):
    """BABA.csv ends on 2026-03-30: "up 2.1% on the day" in a December article is no
    claim about the move from 27 to 30 March."""
    body = "Alibaba shares rose 2.1% on the day."
    article = _alibaba(body, _figures(body, ("2.1%", 2.1, "up")), datetime(2026, 12, 1, 15, 0, tzinfo=BERLIN))
    [check] = claim_checks(article, baba, BABA_LISTING)
    assert check.computed_pct is None and check.agrees is None and check.ends_before
    # A holiday week is no gap: Easter Monday's article still ends at the Thursday close.
    [easter] = claim_checks(_alibaba(body, article.figures, datetime(2025, 4, 21, 12, 0, tzinfo=BERLIN)),
                            baba, BABA_LISTING)
    assert easter.computed_pct is not None and easter.end is not None and easter.end.day == date(2025, 4, 17)

# ---- which figure a period belongs to, which listing, which words exclude -----------------

BABA_HK_LISTING = Instrument("KYG017191142", "9988.HK", "Alibaba Group", "HKEX", "HKD")


@pytest.fixture(scope="module")
def baba_hk() -> list[PricePoint]:
    return read_csv(PRICES / "9988.HK.csv").points


def _figures(body: str, *specs: tuple[str, float, str | None]) -> list[KeyFigure]:
    return [_figure(body, text, value, direction) for text, value, direction in specs]


def _alibaba(body: str, figures: list[KeyFigure], published: datetime | None = None) -> Article:
    return Article(
        id="a2", source="sample", title="Alibaba", body=body,
        published=published or datetime(2026, 1, 29, 22, 41, 5, tzinfo=BERLIN),
        instruments=[Instrument("US01609W1027", "BABA", "Alibaba Group", primary=True),
                     Instrument("KYG017191142", "9988.HK", "Alibaba Group")],
        figures=figures,
    )


def test_each_figure_takes_the_period_of_its_own_clause(baba):
    body = ("The New York shares closed at $174.25 on Thursday, down 0.8% on the day "
            "and 1.65% lower than a week earlier.")
    checks = claim_checks(_alibaba(body, _figures(body, ("0.8%", 0.8, "down"), ("1.65%", 1.65, "down"))),
                          baba, BABA_LISTING)
    day, week = checks
    # 0.8 %: 28 Jan 175.66 → 29 Jan 174.25 = -1.41 / 175.66 = -0.803 %.
    assert (day.period, day.start, day.end) == ("1 trading day", PricePoint(date(2026, 1, 28), 175.66),
                                                PricePoint(date(2026, 1, 29), 174.25))
    assert day.computed_pct == pytest.approx(-0.8027, abs=1e-3) and day.agrees is True
    # 1.65 %: five sessions back is 22 Jan 177.18 → -2.93 / 177.18 = -1.654 %.
    assert (week.period, week.start) == ("1 week", PricePoint(date(2026, 1, 22), 177.18))
    assert week.computed_pct == pytest.approx(-1.6537, abs=1e-3) and week.agrees is True


def test_business_words_in_another_clause_do_not_exclude_a_move(baba):
    body = "Over the past twelve months the stock has gained 80.2%, after a closing low of $98.61 on February 3, 2025."
    (check,) = claim_checks(_alibaba(body, _figures(body, ("80.2%", 80.2, "up"))), baba, BABA_LISTING)
    # 29 Jan 2025 96.72 → 174.25: 77.53 / 96.72 = +80.16 %.
    assert check.period == "12 months" and check.start == PricePoint(date(2025, 1, 29), 96.72)
    assert check.computed_pct == pytest.approx(80.159, abs=1e-2) and check.agrees is True


@pytest.mark.parametrize("body", [
    "Revenue for the quarter came to $90.8 billion, down 4% from a year earlier.",
    "The shares now trade 17.2% below the 52-week closing high of $254.00.",
    "The stock is 27.3% below its record close, and analysts see 15% upside over the next year.",
])
def test_business_figures_and_distances_from_a_high_are_not_moves(baba, body):
    figures = [_figure(body, t, float(t.rstrip("%")), "down") for t in ("4%", "17.2%", "27.3%", "15%") if t in body]
    assert claim_checks(_alibaba(body, figures), baba, BABA_LISTING) == []


HK_SENTENCE = ("The Hong Kong line (stock code 9988, ISIN KYG017191142) ended its session at HK$173.30, "
               "up 5.2% over five trading days.")


@pytest.mark.parametrize("body", [
    HK_SENTENCE,
    "Stock code 9988 ended its session at HK$173.30, up 5.2% over five trading days.",
    "In Hong Kong the shares ended at HK$173.30, up 5.2% over five trading days.",
    "The KYG017191142 shares ended at HK$173.30, up 5.2% over five trading days.",
])
def test_a_sentence_naming_the_hong_kong_line_is_checked_against_its_closes(baba, baba_hk, body):
    article = _alibaba(body, _figures(body, ("5.2%", 5.2, "up")))
    asked: list[str] = []

    def series_of(listing: Instrument) -> list[PricePoint]:
        asked.append(listing.ticker or "")
        return baba_hk

    (check,) = claim_checks(article, baba, BABA_LISTING, [BABA_HK_LISTING], series_of)
    assert asked == ["9988.HK"]
    # 22 Jan HK$164.80 → 29 Jan HK$173.30 (after the 16:00 Hong Kong close): 8.50 / 164.80 = +5.16 %.
    assert (check.listing, check.currency) == ("9988.HK", "HKD")
    assert check.start.day == date(2026, 1, 22) and check.start.close == pytest.approx(164.80)
    assert check.end.close == pytest.approx(173.30)
    assert check.computed_pct == pytest.approx(5.158, abs=1e-2) and check.agrees is True


def test_a_claim_about_a_listing_without_prices_is_left_out_not_checked_against_another(baba):
    article = _alibaba(HK_SENTENCE, _figures(HK_SENTENCE, ("5.2%", 5.2, "up")))
    assert claim_checks(article, baba, BABA_LISTING, [BABA_HK_LISTING], lambda listing: None) == []
    assert claim_checks(article, baba, BABA_LISTING, [BABA_HK_LISTING]) == []


def test_the_clause_naming_new_york_keeps_the_charted_listing(baba, baba_hk):
    body = "The New York shares fell 0.8% on the day, while the Hong Kong line rose 5.2% over five trading days."
    checks = claim_checks(_alibaba(body, _figures(body, ("0.8%", 0.8, "down"), ("5.2%", 5.2, "up"))),
                          baba, BABA_LISTING, [BABA_HK_LISTING], lambda listing: baba_hk)
    assert [(c.stated.text, c.listing, c.currency, c.agrees) for c in checks] == [
        ("0.8%", "BABA", "USD", True), ("5.2%", "9988.HK", "HKD", True)]


def test_a_named_weekday_is_that_session_not_the_day_of_publication(baba):
    body = "The New York shares rose 3.85% on Tuesday to $134.01, after a slide of 10.2% on Monday."
    published = datetime(2025, 2, 25, 22, 35, 21, tzinfo=BERLIN)
    tuesday, monday = claim_checks(
        _alibaba(body, _figures(body, ("3.85%", 3.85, "up"), ("10.2%", 10.2, "down")), published), baba, BABA_LISTING)
    # Tuesday: 129.04 → 134.01 = +3.85 %. Monday: 21 Feb 143.75 → 24 Feb 129.04 = -14.71 / 143.75 = -10.23 %.
    assert (tuesday.start.close, tuesday.end.close, tuesday.agrees) == (129.04, 134.01, True)
    assert monday.period == "1 trading day (Monday)"
    assert (monday.start, monday.end) == (PricePoint(date(2025, 2, 21), 143.75), PricePoint(date(2025, 2, 24), 129.04))
    assert monday.computed_pct == pytest.approx(-10.233, abs=1e-2) and monday.agrees is True


def test_a_month_counts_21_sessions_and_a_trailing_clause_takes_the_opening_period():
    nvda = read_csv(PRICES / "NVDA.csv").points
    body = "The shares rose 9.3% on Thursday. Over the past month they have gained 30.3%."
    article = Article("n", "sample", "Nvidia", body, published=datetime(2024, 5, 23, 22, 31, 55, tzinfo=BERLIN),
                      instruments=[Instrument("US67066G1040", "NVDA", "Nvidia", primary=True)],
                      figures=[KeyFigure("percent", t, v, body.index(t), body.index(t) + len(t), body, unit="%",
                                         direction="up") for t, v in (("9.3%", 9.3), ("30.3%", 30.3))])
    day, month = claim_checks(article, nvda, Instrument("US67066G1040", "NVDA", "Nvidia", "NASDAQ", "USD"))
    assert day.computed_pct == pytest.approx((103.799 / 94.95 - 1) * 100)
    # 21 sessions before 23 May 2024 is 24 Apr (79.677): 103.799 / 79.677 = +30.27 %.
    # (The calendar month would start at 23 Apr's 82.423: +25.9 %.)
    assert month.start == PricePoint(date(2024, 4, 24), 79.677)
    assert month.computed_pct == pytest.approx(30.275, abs=1e-2) and month.agrees is True


def test_a_figure_without_direction_takes_it_from_the_word_after_it():
    body = "Since the start of the year the stock is up 1.5%, but it still trades 0.6% below its close of a week ago."
    published = datetime(2025, 1, 6, 22, 45, tzinfo=BERLIN)
    msft = read_csv(PRICES / "MSFT.csv").points
    article = Article("m", "sample", "Microsoft", body, published=published,
                      instruments=[Instrument("US5949181045", "MSFT", "Microsoft", primary=True)],
                      figures=_figures(body, ("1.5%", 1.5, "up"), ("0.6%", 0.6, None)))
    ytd, week = claim_checks(article, msft, Instrument("US5949181045", "MSFT", "Microsoft", "NASDAQ", "USD"))
    assert ytd.start == PricePoint(date(2024, 12, 31), 421.5)
    # Five sessions back over New Year is 27 Dec (430.53): 427.85 / 430.53 = -0.62 %.
    assert week.start == PricePoint(date(2024, 12, 27), 430.53)
    assert week.stated.direction == "down" and week.stated_pct == -0.6 and week.agrees is True


def test_a_subordinate_clause_neither_excludes_the_move_nor_lends_it_a_period():
    tsla = read_csv(PRICES / "TSLA.csv").points
    body = ("Tesla shares had their strongest session in years on Thursday, jumping 21.9% to $260.48 "
            "after quarterly profit beat estimates, while the car unit grew 8% in the quarter.")
    article = Article("t", "sample", "Tesla", body, published=datetime(2024, 10, 24, 22, 25, tzinfo=BERLIN),
                      instruments=[Instrument("US88160R1014", "TSLA", "Tesla", primary=True)],
                      figures=_figures(body, ("21.9%", 21.9, "up"), ("8%", 8.0, "up")))
    (check,) = claim_checks(article, tsla, Instrument("US88160R1014", "TSLA", "Tesla", "NASDAQ", "USD"))
    # Thursday 24 Oct 2024: 213.65 → 260.48 = +21.92 %; "in years" is no period, the unit's 8% no move.
    assert check.stated.text == "21.9%" and check.period == "1 trading day (Thursday)"
    assert (check.start.close, check.end.close) == (213.65, 260.48) and check.agrees is True
