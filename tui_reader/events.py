"""Coming dates: every date figure of the stored articles as an event on its day.

A date an article states ("results on 19 February", "the AGM on 5 May") is something a
holder plans around. The same day stated by several articles about the same
instruments is one event with several sources, so a story carried by five feeds is
one line in the calendar, not five. An event is about the instruments its sentence
names, not every instrument of the article: "Rheinmetall reports on 18 March" in a
story that also names Siemens is no date for a Siemens holder. `write_ics` makes a file any calendar app imports
(all-day events, written by the icalendar library).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from tui_reader.extract.instruments import find_instruments
from tui_reader.model import Article, Instrument
from tui_reader.query.evaluate import names_listing


@dataclass(frozen=True, slots=True)
class EventSource:
    id: str
    title: str
    url: str | None


@dataclass(slots=True)
class Event:
    day: date
    text: str
    """The sentence the date stands in (from the newest article that states it)."""
    instruments: list[str]
    """Tickers (else ISINs) of the instruments the sentence is about, primary first."""
    articles: list[EventSource] = field(default_factory=list)
    about: list[Instrument] = field(default_factory=list)
    """The instruments behind `instruments`, for `touching` (a watchlist's ticker
    without its suffix, or an ISIN, must still find them)."""

    def to_json(self) -> dict[str, object]:
        """The object `tui-reader calendar --json` prints (see docs/CONTRACT.md)."""
        return {
            "date": self.day.isoformat(),
            "text": self.text,
            "instruments": list(self.instruments),
            "articles": [{"id": a.id, "title": a.title, "url": a.url} for a in self.articles],
        }


def events_of(articles: Iterable[Article], start: date, end: date | None = None) -> list[Event]:
    """The date figures of `articles` (newest first) falling in [start, end], by day.

    Merged into one event per (day, instruments), the instruments being those the
    date's sentence names (`sentence_instruments`); within an article a day stated twice
    counts once. A day before the article's own is a fact it recalls ("the 52-week high
    came on October 2"), not an event to plan around: left out.
    """
    by_key: dict[tuple[date, tuple[str, ...]], Event] = {}
    for article in articles:
        written = article.published.date() if article.published is not None else start
        seen: set[date] = set()
        for figure in article.figures:
            if figure.kind != "date" or not isinstance(figure.value, str):
                continue
            try:
                day = date.fromisoformat(figure.value)
            except ValueError:
                continue
            if day < start or day < written or (end is not None and day > end) or day in seen:
                continue
            seen.add(day)
            text = figure.context if not figure.in_title else article.title
            about = sentence_instruments(text, article.instruments)
            instruments = tuple(dict.fromkeys(i.ticker or i.key for i in about))
            event = by_key.get((day, instruments))
            if event is None:
                event = by_key[(day, instruments)] = Event(day, " ".join(text.split()), list(instruments), about=about)
            event.articles.append(EventSource(article.id, article.title, article.url))
    return sorted(by_key.values(), key=lambda e: (e.day, e.instruments))


def sentence_instruments(sentence: str, instruments: list[Instrument]) -> list[Instrument]:
    """Those of an article's `instruments` (primary first) that `sentence` names, by
    ticker, ISIN or any name the directory knows; else the primary alone, since a
    sentence naming none ("The company reports on 18 March") is most likely about it.

    `find_instruments` over the one sentence (a fraction of a millisecond) rather than
    the whole article: the calendar reads thousands of articles.
    """
    listed = [i for i in instruments if i.key]
    if not listed:
        return []
    named = find_instruments("", sentence, [])
    codes = {code for i in named for code in (i.isin, i.ticker, i.name) if code}
    found = [i for i in listed if codes.intersection((i.isin, i.ticker, i.name))]
    return found or listed[:1]


def touching(events: Iterable[Event], entries: Sequence[str]) -> list[Event]:
    """The events whose own instruments include one of `entries` (tickers with or
    without their exchange suffix, or ISINs, as the watchlist and `--ticker` hold them)."""
    return [e for e in events if any(names_listing(entry, e.about) for entry in entries)]


def write_ics(events: Iterable[Event], path: Path, now: datetime | None = None) -> int:
    """Write the events as all-day VEVENTs; returns how many were written."""
    from icalendar import Calendar
    from icalendar import Event as IcsEvent

    stamp = now or datetime.now(UTC)
    calendar = Calendar()
    calendar.add("prodid", "-//tui-reader//coming dates//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "tui-reader: coming dates")
    count = 0
    for event in events:
        entry = IcsEvent()
        first = event.articles[0] if event.articles else None
        entry.add("uid", f"{event.day.isoformat()}-{'-'.join(event.instruments) or 'news'}@tui-reader")
        entry.add("dtstamp", stamp)
        entry.add("dtstart", event.day)
        entry.add("dtend", event.day + timedelta(days=1))  # DTEND is exclusive
        label = ", ".join(event.instruments)
        entry.add("summary", f"{label}: {first.title}" if label and first else (first.title if first else event.text))
        sources = "\n".join(f"- {a.title}" + (f" <{a.url}>" if a.url else "") for a in event.articles)
        entry.add("description", f"{event.text}\n\n{sources}")
        if first and first.url and first.url.startswith(("http://", "https://")):
            entry.add("url", first.url)
        calendar.add_component(entry)
        count += 1
    path.write_bytes(calendar.to_ical())
    return count
