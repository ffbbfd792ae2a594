"""What the article pane says about its chart when the prices are not simply the named
line's around the article: prices that end before it, another line's prices."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

from rich.console import Console
from textual.widgets import Static

from tests.app.conftest import settle, until
from tui_reader.app.chart_data import ChartData
from tui_reader.app.links import article_markdown
from tui_reader.app.widgets.article_list import ArticleList
from tui_reader.app.widgets.article_view import ArticleView
from tui_reader.app.widgets.instrument_chart import InstrumentChart
from tui_reader.app.widgets.quote_strip import QuoteStrip
from tui_reader.model import Article, Instrument, KeyFigure, PricePoint
from tui_reader.store import Store

BABA = Instrument("US01609W1027", "BABA", "Alibaba Group", primary=True)


def _text(app) -> str:  # noqa: ANN001 - the app under test
    console = Console(width=400, record=True, file=io.StringIO())
    console.print(app.screen.query_one(ArticleView).query_one("#article-text", Static).content)
    return console.export_text()


def _plot_title(app) -> str:  # noqa: ANN001
    """The plot's first line with text: its title, as drawn."""
    plot = app.screen.query_one(ArticleView).plot
    if plot is None or not plot.display:
        return ""
    return next((line.strip() for line in str(plot.render()).splitlines() if line.strip()), "")


async def _open(app, pilot, article_id: str) -> None:  # noqa: ANN001
    articles = app.screen.query_one(ArticleList)
    articles.move_cursor(row=articles.get_row_index(article_id), animate=False)
    await settle(pilot)



async def _no_chart_lines(make_app, db_path: Path, article: Article) -> list[str]:
    """The article pane's lines once it says why it draws no chart for this article."""
    with Store.open(db_path) as store:
        store.upsert_articles("seeds:fixture", [article])
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await _open(app, pilot, article.id)
        await until(pilot, lambda: "No chart:" in _text(app))
        return [line.strip() for line in _text(app).splitlines()]

async def test_an_article_after_the_last_close_says_where_the_prices_end(make_app, db_path: Path) -> None:
    """BABA.csv ends on 2026-03-30; the instrument view shows those closes, so "no
    prices" under a December article was untrue."""
    later = Article("later", "example.com", "Alibaba opens a data centre in Dubai", "Alibaba shares rose 2.1% on the day.",
                    datetime.fromisoformat("2026-12-01T09:00:00+00:00"), instruments=[BABA])
    start = later.body.index("2.1%")
    later.figures = [KeyFigure("percent", "2.1%", 2.1, start, start + 4, context=later.body, unit="%", direction="up")]
    shown = await _no_chart_lines(make_app, db_path, later)
    assert "No chart: BABA's prices end 2026-03-30, before this article" in shown
    # Its claim is not checked against March's closes either.
    claim = next(line for line in shown if line.startswith("1 trading day"))
    assert "prices end before publication" in claim and "gap" not in claim


async def test_another_line_s_chart_says_whose_line_it_is_at_80_columns(make_app) -> None:
    """SAP.DE has no closes of its own here: the chart is the NYSE line's, in USD, and
    its title says so, whole, in an 80-column terminal."""
    app = make_app()
    async with app.run_test(size=(80, 36)) as pilot:
        await settle(pilot)
        await _open(app, pilot, "a03")  # SAP plans restructuring, SAP.DE
        await until(pilot, lambda: _plot_title(app) != "")
        assert _plot_title(app) == "SAP daily close (USD) · another line of SAP.DE"
        await _open(app, pilot, "a01")  # BABA's own line: no note
        await until(pilot, lambda: _plot_title(app).startswith("BABA"))
        assert _plot_title(app) == "BABA daily close (USD)"


def test_another_line_is_told_by_isin_and_said_in_the_saved_markdown() -> None:
    sap_de = Instrument("DE0007164600", "SAP.DE", "SAP", primary=True)
    assert sap_de.other_line("SAP", "US8030542042") == "SAP.DE"
    assert sap_de.other_line("SAP.DE", "DE0007164600") is None
    # The same ISIN under another spelling of the ticker is the same line.
    berkshire = Instrument("US0846707026", "BRK.B", "Berkshire Hathaway", primary=True)
    assert berkshire.other_line("BRK-B", "US0846707026") is None
    assert Instrument(None, "SAP.DE", "SAP").other_line("SAP", None) == "SAP.DE"
    article = Article("x", "example.com", "SAP plans restructuring", "SAP will restructure.",
                      datetime.fromisoformat("2024-01-24T06:00:00+00:00"), instruments=[sap_de])
    chart = ChartData("SAP", "USD", points=[PricePoint(datetime(2024, 1, 24).date(), 150.0)],
                      moves={"1d": 1.0}, other_line_of="SAP.DE")
    assert "Moves of SAP (another line of SAP.DE) after publication: 1 day +1.00 %" in article_markdown(article, chart)


def test_a_saved_huge_article_keeps_its_whole_text_and_says_what_was_read() -> None:
    from tui_reader.extract import READ_LIMIT

    body = "Acme rose 1%. " * (READ_LIMIT // 10)
    saved = article_markdown(Article("a", "Notes", "A dump", body, None), None)
    assert f"come from the first {READ_LIMIT:,} of its {len(body):,} characters" in saved
    assert saved.rstrip().endswith("Acme rose 1%.")  # nothing left out of the file
    # must not match: an ordinary article says nothing of the kind
    assert "come from the first" not in article_markdown(Article("b", "Notes", "Short", "Acme rose 1%.", None), None)


async def test_the_mark_follows_a_chart_drawn_with_another_line(make_app, db_path: Path) -> None:
    """Under SAP.DE on the left, an article whose primary is Apple charts SAP's NYSE line
    for SAP.DE: the ▶ marks SAP.DE, the instrument that line stands for, not Apple."""
    from tui_reader.app.widgets.instrument_list import InstrumentList

    both = Article("both", "example.com", "Apple and SAP gain", "Apple and SAP rose on Wednesday.",
                   datetime.fromisoformat("2024-01-24T07:00:00+00:00"),
                   instruments=[Instrument("US0378331005", "AAPL", "Apple", primary=True),
                                Instrument("DE0007164600", "SAP.DE", "SAP")])
    with Store.open(db_path) as store:
        store.upsert_articles("seeds:fixture", [both])
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        instruments = app.screen.query_one(InstrumentList)
        instruments.highlighted = instruments.get_option_index("inst:DE0007164600")
        await settle(pilot)
        await _open(app, pilot, "both")
        await until(pilot, lambda: _plot_title(app).startswith("SAP daily close"))
        heading = str(app.screen.query_one(ArticleView).query_one("#article-meta", Static).render())
        assert "▶ SAP.DE" in heading and "▶ AAPL" not in heading


async def test_an_article_of_this_month_under_sap_de_says_whose_prices_end_before_it(make_app, db_path: Path) -> None:
    """SAP.DE has no closes here; its other line SAP has a CSV that ends on 2024-03-08.
    Under an article of this month the pane said "No chart: offline; no cache or CSV",
    which was untrue: those closes are there (the instrument view draws them)."""
    this_month = Article("sap-now", "example.com", "SAP raises its cloud outlook", "SAP raised its cloud outlook.",
                         datetime.fromisoformat("2026-03-26T09:00:00+00:00"),
                         instruments=[Instrument("DE0007164600", "SAP.DE", "SAP", primary=True)])
    shown = await _no_chart_lines(make_app, db_path, this_month)
    assert "No chart: SAP's prices end 2024-03-08, before this article · another line of SAP.DE" in shown, shown


def _cell(articles: ArticleList, row_key: str, column: str) -> str:
    width = next(c.width for key, c in articles.columns.items() if key.value == column)
    console = articles.app.console
    lines = console.render_lines(articles.get_cell(row_key, column), console.options.update_width(width), pad=False)
    return "".join(segment.text for segment in lines[0]).strip()


async def test_the_strip_the_move_column_and_the_chart_view_say_another_line_too(make_app, config_file: Path) -> None:
    """SAP.DE has no closes here; the article pane titled SAP's chart "another line of
    SAP.DE", but the quote strip showed `SAP 192.99` for the watchlist's SAP.DE, the list
    `+18.12 %` beside SAP.DE, and the chart view "SAP daily close" under "Articles about
    SAP": each now says whose line it shows."""
    config_file.write_text('bundled_seeds = false\ntheme = "terminal-amber"\nwatchlist = ["SAP.DE", "NVDA"]\n'
                           "mark_read_after = false\n")
    app = make_app()
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        strip = app.screen.query_one(QuoteStrip)
        await until(pilot, lambda: bool(strip.quotes))
        assert strip.render().plain.startswith("SAP (another line of SAP.DE) 192.99 -1.32% on 2024-03-08   NVDA ")
        articles = app.screen.query_one(ArticleList)
        await until(pilot, lambda: articles.move_of("a03") is not None)
        assert _cell(articles, "a03", "move") == "SAP +18.12 %"  # SAP plans restructuring, SAP.DE
        assert _cell(articles, "a02", "move") == "-15.77 %"  # NVIDIA's own line: as it was
        await pilot.resize_terminal(80, 30)
        await settle(pilot)
        assert strip.render().plain.startswith("SAP (for SAP.DE) 192.99 -1.32% 2024-03-08")
        await pilot.resize_terminal(160, 40)
        await _open(app, pilot, "a03")
        await pilot.press("i")
        await until(pilot, lambda: type(app.screen).__name__ == "InstrumentScreen")
        await settle(pilot)
        screen = app.screen
        assert screen.query_one(InstrumentChart).title == "SAP daily close (USD) · 6M · another line of SAP.DE"
        head = str(screen.query_one("#instrument-head", Static).render())
        assert head.startswith("SAP.DE SAP · 6M") and "SAP's csv to 2024-03-08" in head, head
        assert str(screen.query_one("#instrument-articles").border_title) == "Articles about SAP.DE · 1"


async def test_a_narrow_list_marks_another_lines_move(make_app, bundled_db: Path) -> None:
    """At 80 columns the bundled headlines leave no room for the line's name beside the
    move: the move of SAP's line under SAP.DE is marked, never shown bare."""
    from tests.app.conftest import REPO

    app = make_app(db=bundled_db, seed_dirs=[REPO / "seeds"])
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        sap = next(s.id for s in articles.summaries if s.primary_ticker == "SAP.DE")
        await until(pilot, lambda: articles.move_of(sap) is not None)
        await settle(pilot)
        assert _cell(articles, sap, "move") == "+10.53 %*"
        amazon = next(s.id for s in articles.summaries if s.primary_ticker == "AMZN")
        assert not _cell(articles, amazon, "move").endswith("*")
        await pilot.resize_terminal(160, 40)  # room for it: named
        await settle(pilot)
        assert _cell(articles, sap, "move") == "SAP +10.53 %"
