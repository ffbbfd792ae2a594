"""Coming dates: date figures as events, merged across articles, written as .ics."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from icalendar import Calendar

from tui_reader.events import Event, events_of, touching, write_ics
from tui_reader.model import Article, Instrument, KeyFigure

SAP = Instrument("DE0007164600", "SAP.DE", "SAP SE", primary=True)
BABA = Instrument("US01609W1027", "BABA", "Alibaba Group", primary=True)


def _date(day: str, context: str) -> KeyFigure:
    return KeyFigure("date", day, day, 0, len(day), context)


def _article(n: int, instrument: Instrument, *figures: KeyFigure, url: str | None = None) -> Article:
    return Article(
        id=f"a{n}", source="test", title=f"headline {n}", body="", url=url,
        published=datetime(2026, 1, n, tzinfo=UTC), instruments=[instrument], figures=list(figures),
    )


def test_the_same_day_for_the_same_instrument_is_one_event_with_every_source() -> None:
    articles = [
        _article(3, SAP, _date("2026-01-29", "SAP reports on 29 January."), url="https://example.com/3"),
        _article(2, SAP, _date("2026-01-29", "Results are due on January 29.")),
        _article(1, BABA, _date("2026-01-29", "Alibaba reports the same day.")),
    ]
    events = events_of(articles, start=date(2026, 1, 1))
    assert [(e.day, e.instruments, [a.id for a in e.articles]) for e in events] == [
        (date(2026, 1, 29), ["BABA"], ["a1"]),
        (date(2026, 1, 29), ["SAP.DE"], ["a3", "a2"]),
    ]
    assert events[1].text == "SAP reports on 29 January."  # from the newest article
    assert events[1].to_json() == {
        "date": "2026-01-29",
        "text": "SAP reports on 29 January.",
        "instruments": ["SAP.DE"],
        "articles": [
            {"id": "a3", "title": "headline 3", "url": "https://example.com/3"},
            {"id": "a2", "title": "headline 2", "url": None},
        ],
    }


def test_only_days_in_the_window_and_other_kinds_are_left_out() -> None:
    article = _article(
        1, SAP,
        _date("2025-12-31", "last year"), _date("2026-02-01", "in"), _date("2026-03-01", "after"),
        KeyFigure("money", "$5", 5.0, 0, 2, "money", currency="USD"),
    )
    events = events_of([article], start=date(2026, 1, 1), end=date(2026, 2, 28))
    assert [e.day for e in events] == [date(2026, 2, 1)]


def test_a_day_before_the_article_is_a_fact_it_recalls_not_an_event() -> None:
    article = _article(10, SAP, _date("2025-10-02", "The 52-week high came on October 2."),
                       _date("2026-01-10", "The board meets today."), _date("2026-02-01", "Results on February 1."))
    assert [e.day for e in events_of([article], start=date(2025, 1, 1))] == [date(2026, 1, 10), date(2026, 2, 1)]


def test_a_day_stated_twice_in_one_article_counts_once() -> None:
    article = _article(1, SAP, _date("2026-02-01", "first"), _date("2026-02-01", "again"))
    [event] = events_of([article], start=date(2026, 1, 1))
    assert len(event.articles) == 1


def test_ics_holds_one_all_day_event_per_event(tmp_path: Path) -> None:
    articles = [
        _article(3, SAP, _date("2026-01-29", "SAP reports on 29 January."), url="https://example.com/3"),
        _article(1, BABA, _date("2026-02-19", "Alibaba reports on February 19."), url="javascript:alert(1)"),
    ]
    path = tmp_path / "coming.ics"
    assert write_ics(events_of(articles, start=date(2026, 1, 1)), path) == 2
    calendar = Calendar.from_ical(path.read_bytes())
    entries = list(calendar.walk("VEVENT"))
    assert [e.decoded("dtstart") for e in entries] == [date(2026, 1, 29), date(2026, 2, 19)]
    assert [e.decoded("dtend") for e in entries] == [date(2026, 1, 30), date(2026, 2, 20)]
    assert str(entries[0]["summary"]) == "SAP.DE: headline 3"
    assert "SAP reports on 29 January." in str(entries[0]["description"])
    assert str(entries[0]["url"]) == "https://example.com/3"
    assert "url" not in entries[1]  # only http(s) links become the event's link


SIEMENS = Instrument("DE0007236101", "SIE.DE", "Siemens AG", primary=True)
RHEINMETALL = Instrument("DE0007030009", "RHM.DE", "Rheinmetall AG")
SIEMENS_ENERGY = Instrument("DE000ENER6Y0", "ENR.DE", "Siemens Energy AG")
NVIDIA = Instrument("US67066G1040", "NVDA", "NVIDIA Corporation", primary=True)
MICROSOFT = Instrument("US5949181045", "MSFT", "Microsoft Corporation")
TSMC = Instrument("US8740391003", "TSM", "Taiwan Semiconductor Manufacturing")


def _story(title: str, instruments: list[Instrument], *figures: KeyFigure) -> Article:
    return Article(
        id="s1", source="test", title=title, body="", url=None,
        published=datetime(2026, 1, 5, tzinfo=UTC), instruments=instruments, figures=list(figures),
    )


def _by_day(events: list[Event]) -> dict[str, list[str]]:
    return {e.day.isoformat(): e.instruments for e in events}


def test_an_event_is_about_the_instruments_its_sentence_names_not_every_one_of_the_article() -> None:
    article = _story(
        "German industrials: orders up", [SIEMENS, RHEINMETALL, SIEMENS_ENERGY],
        _date("2026-03-12", "Rheinmetall will publish its annual report on 12 March 2026, with a margin above 15%."),
        _date("2026-11-20", "Siemens Energy holds its capital markets day on 20 November 2026."),
        _date("2026-05-14", "Both Rheinmetall and Siemens report their second quarter on 14 May 2026."),
    )
    assert _by_day(events_of([article], start=date(2026, 1, 1))) == {
        "2026-03-12": ["RHM.DE"],  # must not: SIE.DE, ENR.DE
        "2026-05-14": ["SIE.DE", "RHM.DE"],  # the primary first
        "2026-11-20": ["ENR.DE"],  # must not: SIE.DE, whose name is the start of this one's
    }


def test_a_sentence_naming_none_of_them_is_about_the_primary_alone() -> None:
    article = _story(
        "Siemens, Rheinmetall and Siemens Energy gain", [SIEMENS, RHEINMETALL, SIEMENS_ENERGY],
        _date("2026-02-12", "The company will hold its annual general meeting on 12 February 2026."),
    )
    [event] = events_of([article], start=date(2026, 1, 1))
    assert event.instruments == ["SIE.DE"]
    assert [i.ticker for i in event.about] == ["SIE.DE"]


def test_a_title_date_and_a_written_ticker_name_their_instrument() -> None:
    title = KeyFigure("date", "January 28", "2026-01-28", 0, 10, "Microsoft to report on January 28", in_title=True)
    article = _story(
        "Microsoft to report on January 28", [NVIDIA, MICROSOFT, TSMC], title,
        _date("2026-02-25", "Chip demand peaks when (NASDAQ: NVDA) reports on February 25."),
        _date("2026-04-16", "Taiwan Semiconductor Manufacturing posts first-quarter results on April 16."),
    )
    assert _by_day(events_of([article], start=date(2026, 1, 1))) == {
        "2026-01-28": ["MSFT"],  # must not: NVDA, TSM
        "2026-02-25": ["NVDA"],
        "2026-04-16": ["TSM"],
    }


def test_two_articles_dating_the_same_day_for_different_instruments_stay_two_events() -> None:
    first = _story("Defence orders", [SIEMENS, RHEINMETALL],
                   _date("2026-03-12", "Rheinmetall reports on 12 March."))
    second = _story("Siemens Healthineers spin-off", [SIEMENS],
                    _date("2026-03-12", "Siemens reports on 12 March as well."))
    events = events_of([first, second], start=date(2026, 1, 1))
    assert [(e.instruments, e.text) for e in events] == [
        (["RHM.DE"], "Rheinmetall reports on 12 March."),
        (["SIE.DE"], "Siemens reports on 12 March as well."),
    ]


def test_the_watchlist_sees_only_the_events_about_its_own_instruments() -> None:
    article = _story(
        "German industrials", [SIEMENS, RHEINMETALL, SIEMENS_ENERGY],
        _date("2026-03-12", "Rheinmetall will publish its annual report on 12 March 2026."),
        _date("2026-11-20", "Siemens Energy holds its capital markets day on 20 November 2026."),
        _date("2026-02-12", "The company will hold its annual general meeting on 12 February 2026."),
    )
    events = events_of([article], start=date(2026, 1, 1))
    assert [e.day.isoformat() for e in touching(events, ["SIE"])] == ["2026-02-12"]  # ticker without suffix
    assert [e.day.isoformat() for e in touching(events, ["DE0007030009", "enr.de"])] == ["2026-03-12", "2026-11-20"]
    assert touching(events, ["MSFT"]) == []
