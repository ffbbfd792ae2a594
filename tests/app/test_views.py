"""Issue 12 in the app: the query language in `/`, saved searches in the left pane,
the calendar (`c`), alerts after a poll and the instrument view with its markers."""

from __future__ import annotations

import io
import json
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets import OptionList

from tests.app.conftest import settle, until
from tui_reader.app.screens import calendar
from tui_reader.app.widgets.article_list import ArticleList
from tui_reader.app.widgets.filter_box import FilterBox
from tui_reader.app.widgets.instrument_chart import InstrumentChart
from tui_reader.app.widgets.instrument_list import InstrumentList
from tui_reader.model import Article, Instrument
from tui_reader.store import Store

BABA = "US01609W1027"


def _rows(app) -> list[str]:  # noqa: ANN001
    return [s.id for s in app.screen.query_one(ArticleList).summaries]


def _select(app, option_id: str) -> None:  # noqa: ANN001
    instruments = app.screen.query_one(InstrumentList)
    instruments.highlighted = instruments.get_option_index(option_id)


def _prompt(app, option_id: str) -> str:  # noqa: ANN001
    instruments = app.screen.query_one(InstrumentList)
    return str(instruments.get_option(option_id).prompt)


async def test_a_query_mistake_is_shown_in_the_box_and_the_last_good_list_stays(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"money>=1tn currency:USD", "enter")
        await settle(pilot)
        assert _rows(app) == ["a02"]  # the $5 trillion article, by its extracted figure
        box = app.screen.query_one(FilterBox)
        await pilot.press("slash", "ctrl+u", *"pct<=")
        await until(pilot, lambda: box.mistake is not None)
        assert box.has_class("-mistake")
        assert "column 6" in str(box.border_subtitle) and "expected a number" in str(box.border_subtitle)
        await settle(pilot)
        assert _rows(app) == ["a02"]  # the last good list
        await pilot.press("enter")
        await settle(pilot)
        assert app.focused is box and _rows(app) == ["a02"]  # Enter on a mistake keeps the box
        await pilot.press(*"-5 or ticker:SAP", "enter")
        await settle(pilot)
        assert not box.has_class("-mistake") and not box.border_subtitle
        assert _rows(app) == ["a03"]
        # The words of the old filter language still work, with seed-folder names too.
        await pilot.press("slash", "ctrl+u", *"unread ticker:baba cloud", "enter")
        await settle(pilot)
        assert _rows(app) == ["a01"]


async def test_a_misspelt_field_is_a_mistake_in_the_box(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        box = app.screen.query_one(FilterBox)
        await pilot.press("slash", *"tickr:BABA")
        await until(pilot, lambda: box.mistake is not None)
        assert "column 1: expected a field: did you mean ticker?" in str(box.border_subtitle)
        await pilot.press("enter")
        await settle(pilot)
        assert app.focused is box and len(_rows(app)) == 5  # the list keeps its last good filter


async def test_a_bare_ticker_in_the_filter_finds_its_articles(make_app) -> None:
    """"ZZZW" is in no article's text, but one article is filed under it; SAP finds SAP.DE."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"ZZZW", "enter")
        await settle(pilot)
        assert _rows(app) == ["a05"]
        await pilot.press("slash", "ctrl+u", *"sap", "enter")
        await settle(pilot)
        assert _rows(app) == ["a03"]
        await pilot.press("slash", "ctrl+u", *"nvidia", "enter")  # words still search the text
        await settle(pilot)
        assert _rows(app) == ["a02"]


async def test_saved_searches_show_counts_list_their_articles_and_save_the_filter(make_app, config_file: Path) -> None:
    config_file.write_text(config_file.read_text() + '\n[searches]\nhuge = "money>=1tn"\n'
                           '[searches.cny]\nquery = "currency:CNY"\nalert = true\n')
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert "huge 1/1" in _prompt(app, "search:huge") and "cny 1/1" in _prompt(app, "search:cny")
        _select(app, "search:huge")
        await settle(pilot)
        assert _rows(app) == ["a02"]
        assert "search huge" in str(app.screen.query_one(ArticleList).border_title)
        # The filter narrows a saved search further.
        await pilot.press("slash", *"unread", "enter")
        await settle(pilot)
        assert _rows(app) == ["a02"]
        await pilot.press("m")  # read: the count follows
        await until(pilot, lambda: "huge 0/1" in _prompt(app, "search:huge"))
        # W saves the current filter under a name, into the config and the pane.
        await pilot.press("escape")
        await pilot.press("slash", "ctrl+u", *"ticker:SAP or ticker:TSLA", "enter")
        await settle(pilot)
        await pilot.press("W")
        await pilot.pause()
        await pilot.press(*"huge", "enter")  # a name in use is refused
        await pilot.pause()
        assert type(app.screen).__name__ == "SaveSearchScreen"
        await pilot.press(*["backspace"] * 4, *"europe cars", "enter")
        await until(pilot, lambda: "europe cars" in [s.name for s in app.library.searches])
        await settle(pilot)
        assert '"europe cars" = "ticker:SAP or ticker:TSLA"' in config_file.read_text()
        assert "europe cars 2/2" in _prompt(app, "search:europe cars")


def test_a_bad_saved_search_names_its_line_and_column(config_file: Path) -> None:
    from tui_reader.config import ConfigError, load_config

    config_file.write_text(config_file.read_text() + '\n[searches]\nok = "unread"\nbad = "pct<= and x"\n')
    with pytest.raises(ConfigError, match=r"config.toml:8: searches.bad: query 'pct<= and x': at column 7: expected a number"):
        load_config(config_file)


async def test_calendar_lists_coming_dates_and_enter_opens_the_article(make_app, monkeypatch) -> None:
    monkeypatch.setattr(calendar, "today", lambda: date(2026, 1, 30))
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        _select(app, "inst:DE0007164600")  # somewhere else: Enter must bring the list to the article
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, calendar.CalendarScreen) and not screen.everything  # the watchlist first
        assert [(e.day, e.instruments) for e in screen.events] == [(date(2026, 2, 19), ["BABA"])]
        listing = screen.query_one("#events", OptionList)
        assert [a.id for a in screen.events[0].articles] == ["a01"] and listing.option_count == 1
        await pilot.press("w")
        await settle(pilot)
        assert screen.everything and "every article" in str(listing.border_title)
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "MainScreen"
        articles = app.screen.query_one(ArticleList)
        assert articles.current_id == "a01" and app.focused is articles
        assert app.screen.selection.kind == "all"


async def test_calendar_shows_past_dates_on_p_when_nothing_is_coming(make_app, monkeypatch) -> None:
    monkeypatch.setattr(calendar, "today", lambda: date(2026, 3, 1))  # after every stored date
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("c", "w")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, calendar.CalendarScreen) and screen.everything and screen.events == []
        listing = screen.query_one("#events", OptionList)
        # The note is the frame's one row (it sat above the frame, a user found).
        assert listing.option_count == 1 and listing.get_option_at_index(0).disabled
        assert "Press p for past dates" in str(listing.get_option_at_index(0).prompt)
        await pilot.press("enter")  # the note is no event: Enter stays
        await settle(pilot)
        assert app.screen is screen
        await pilot.press("p")
        await settle(pilot)
        assert screen.past and screen.events and listing.option_count == len(screen.events)
        assert all(e.day < date(2026, 3, 1) for e in screen.events)
        assert listing.highlighted == len(screen.events) - 1  # the latest past event: nearest today
        assert "All dates" in str(listing.border_title)
        console = Console(width=100, record=True, file=io.StringIO())
        console.print(calendar.event_row(screen.events[-1], screen.start))
        assert " d ago" in console.export_text()
        await pilot.press("p")
        await settle(pilot)
        assert not screen.past and screen.events == []


async def test_a_scan_and_a_poll_at_once_alert_for_a_new_article_once(make_app) -> None:
    """At start-up the seed scan and the feed poll run together; each one's "after row
    `before`" takes in the other's new rows, and a story was alerted twice."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        before = app.library.store.newest_n()
        app.library.store.upsert_articles("seeds:fixture", [Article(
            "nv", "example.com", "Nvidia widens its lead", "Nvidia said sales rose 20%.",
            datetime.fromisoformat("2026-03-02T14:00:00+00:00"),
            instruments=[Instrument("US67066G1040", "NVDA", "NVIDIA", primary=True)])])
        shown = len(app._notifications)
        app._after_new(before)  # the scan's report
        app._after_new(before)  # the poll's, which began before the scan stored the story
        await settle(pilot)
        assert [n.message for n in list(app._notifications)[shown:]].count("NVDA: Nvidia widens its lead") == 1


async def test_a_new_watchlist_article_raises_an_alert_and_runs_notify_command_without_a_shell(
    make_app, config_file: Path, seeds_dir: Path, tmp_path: Path,
) -> None:
    record = tmp_path / "argv.json"
    script = tmp_path / "record.py"
    script.write_text(f"import json, sys\nopen({str(record)!r}, 'w').write(json.dumps(sys.argv[1:]))\n")
    pwned = tmp_path / "pwned"
    config_file.write_text(config_file.read_text().replace(
        "mark_read_after = false", f"mark_read_after = false\nnotify_command = [{json.dumps(sys.executable)}, "
        f"{json.dumps(str(script))}]\nalert_bell = true"))
    title = f'Nvidia beats; "; touch {pwned} $(touch {pwned}) `touch {pwned}` | rm -rf ~ & [/] [@click=app.quit]x'
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        app.scan_seeds()  # the watcher's first look: the price files, nothing new
        await settle(pilot)
        (seeds_dir / "nvda.json").write_text(json.dumps({
            "title": title, "published": "2026-03-02T14:00:00+00:00", "url": "https://example.com/nv?a=1&b=2",
            "source": "example.com", "body": "Nvidia shares rose 4% after results.", "instruments": ["NVDA"],
        }))
        app.scan_seeds()
        await until(pilot, record.exists)
        assert json.loads(record.read_text()) == [title, "NVDA", "https://example.com/nv?a=1&b=2"]
        assert not pwned.exists()
        shown = [n for n in app._notifications if n.title == "New: watchlist NVDA"]
        assert len(shown) == 1 and shown[0].message == f"NVDA: {title}"
        # The new article's move since publication is stored, so `move` queries see it.
        await settle(pilot)
        with Store.open(app.library.store.path) as store:
            new = next(s for s in store.articles(ticker="NVDA", limit=10) if s.title == title)
        await pilot.press("slash", *"move>-100 ticker:NVDA beats", "enter")
        await settle(pilot)
        assert _rows(app) == [new.id]


async def test_a_failing_notify_command_is_said_once(make_app, config_file: Path, seeds_dir: Path) -> None:
    config_file.write_text(config_file.read_text() + 'notify_command = "/no/such/notifier --flag"\n')
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        app.scan_seeds()
        await settle(pilot)
        for n in range(5):  # more than the notifications shown one by one: one summary
            (seeds_dir / f"nv{n}.json").write_text(json.dumps({
                "title": f"Nvidia item {n}", "published": f"2026-03-0{n + 1}T10:00:00+00:00",
                "body": "Nvidia news.", "instruments": ["NVDA"],
            }))
        app.scan_seeds()
        await until(pilot, lambda: any("notify_command not found" in n.message for n in app._notifications))
        await settle(pilot)
        assert [n.title for n in app._notifications if n.title and "new articles" in n.title] == ["5 new articles"]
        assert sum("notify_command" in n.message for n in app._notifications) == 1


def _more_alibaba(db_path: Path) -> None:
    """Two more Alibaba stories, so the view has markers to walk."""
    with Store.open(db_path) as store:
        store.upsert_articles("seeds:more", [
            Article(id=f"b{n}", source="example.com", title=f"Alibaba story {n}", body=f"Alibaba item number {n}.",
                    published=datetime.fromisoformat(when), instruments=[Instrument(BABA, "BABA", "Alibaba Group", primary=True)])
            for n, when in ((1, "2025-12-01T12:00:00+00:00"), (2, "2024-06-03T12:00:00+00:00"))
        ])


async def test_instrument_view_marks_each_article_switches_range_and_walks_the_markers(make_app, db_path: Path) -> None:
    _more_alibaba(db_path)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        _select(app, f"inst:{BABA}")
        await settle(pilot)
        app.screen.query_one(InstrumentList).focus()
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert type(screen).__name__ == "InstrumentScreen"
        chart = screen.query_one(InstrumentChart)
        # 6M back from the last close (2026-03-30): the January article and the December one.
        assert screen.range_id == "6m" and len(chart.markers) == 2
        assert screen.history.articles[screen.selected].id == "a01"  # the newest first
        await pilot.press("5")
        await pilot.pause()
        assert screen.range_id == "5y" and len(chart.markers) == 3  # one per stored article
        await pilot.press("1")
        await pilot.pause()
        assert screen.range_id == "1m" and len(chart.points) < 25 and chart.markers == []
        await pilot.press("left_square_bracket")
        await pilot.pause()
        listing = screen.query_one("#instrument-articles", OptionList)
        assert screen.history.articles[screen.selected].id == "b1"
        assert listing.highlighted_option.id == str(screen.selected)  # the list follows
        assert screen.range_id == "6m"  # widened to show the marker
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert screen.history.articles[screen.selected].id == "b2" and screen.range_id == "5y"
        await pilot.press("left_square_bracket")  # the oldest already: said, not silently ignored
        await pilot.pause()
        assert screen.history.articles[screen.selected].id == "b2"
        assert any("No earlier article" in n.message for n in app._notifications)
        await pilot.press("right_square_bracket", "enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "MainScreen"
        assert app.screen.selection.key == BABA and app.screen.query_one(ArticleList).current_id == "b1"
        # `i` on an article opens its instrument on that article.
        await pilot.press("i")
        await settle(pilot)
        assert app.screen.history.articles[app.screen.selected].id == "b1"


async def test_a_feed_poll_alerts_for_an_alerting_saved_search(make_app, config_file: Path, httpserver, tmp_path: Path) -> None:
    """The poll path (not a seed scan): a feed item matching `alert = true` runs the command."""
    record = tmp_path / "argv.json"
    script = tmp_path / "record.py"
    script.write_text(f"import json, sys\nopen({str(record)!r}, 'w').write(json.dumps(sys.argv[1:]))\n")
    rss = ("<?xml version='1.0'?><rss version='2.0'><channel><title>Desk</title><link>https://example.com/</link>"
           "<description>d</description><item><title>Widgets Corp &amp; co: $(id) `id` ; x</title>"
           "<link>https://example.com/w?x=1&amp;y=2</link><guid>w1</guid>"
           "<pubDate>Mon, 02 Mar 2026 10:00:00 +0000</pubDate>"
           "<description>Widgets Corp said revenue fell 12% to $40 million.</description></item></channel></rss>")
    httpserver.expect_request("/desk").respond_with_data(rss, content_type="application/rss+xml")
    config_file.write_text(
        config_file.read_text()
        + f'notify_command = [{json.dumps(sys.executable)}, {json.dumps(str(script))}]\n'
        + '[searches.falls]\nquery = "pct<=-10"\nalert = true\n'
        + f'[[feeds]]\nurl = "{httpserver.url_for("/desk")}"\ntitle = "Desk"\n'
    )
    app = make_app(offline=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        app.poll_feeds(honour_schedule=False)
        await until(pilot, record.exists, timeout=20)
        title = "Widgets Corp & co: $(id) `id` ; x"
        assert json.loads(record.read_text())[0] == title
        assert json.loads(record.read_text())[2] == "https://example.com/w?x=1&y=2"
        assert any(n.title == "New: search falls" for n in app._notifications)


async def test_the_calendar_of_an_empty_watchlist_says_how_to_fill_it(make_app, monkeypatch, tmp_path: Path) -> None:
    """With no watchlist, `w` showed "No coming dates in the watchlist's articles. Press w
    … or p for past dates": as if the watchlist had articles without dates, and p could
    find some. It says the watchlist is empty and how to follow an instrument."""
    monkeypatch.setattr(calendar, "today", lambda: date(2026, 1, 30))
    config = tmp_path / "no-watchlist.toml"
    config.write_text('bundled_seeds = false\nwatchlist = []\nmark_read_after = false\n')
    app = make_app(config=config)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, calendar.CalendarScreen) and screen.everything and screen.events  # every article's
        await pilot.press("w")
        await settle(pilot)
        listing = screen.query_one("#events", OptionList)
        note = str(listing.get_option_at_index(0).prompt)
        assert listing.option_count == 1 and listing.get_option_at_index(0).disabled
        assert note.startswith("The watchlist is empty: follow an instrument") and "Press w for every article" in note
        assert "p for past dates" not in note  # past dates of an empty watchlist: none either
        assert "the watchlist (empty)" in str(listing.border_title)
