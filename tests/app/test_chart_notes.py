"""What the article pane says about its chart when the prices are not simply the named
line's around the article: prices that end before it, another line's prices."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

from rich.console import Console
from textual.widgets import Static

from tests.app.conftest import settle, until
from tui_reader.app.widgets.article_list import ArticleList
from tui_reader.app.widgets.article_view import ArticleView
from tui_reader.model import Article, Instrument
from tui_reader.store import Store

BABA = Instrument("US01609W1027", "BABA", "Alibaba Group", primary=True)


def _text(app) -> str:  # noqa: ANN001 - the app under test
    console = Console(width=400, record=True, file=io.StringIO())
    console.print(app.screen.query_one(ArticleView).query_one("#article-text", Static).content)
    return console.export_text()


async def _open(app, pilot, article_id: str) -> None:  # noqa: ANN001
    articles = app.screen.query_one(ArticleList)
    articles.move_cursor(row=articles.get_row_index(article_id), animate=False)
    await settle(pilot)


async def test_an_article_after_the_last_close_says_where_the_prices_end(make_app, db_path: Path) -> None:
    """BABA.csv ends on 2026-03-30; the instrument view shows those closes, so "no
    prices" under a December article was untrue."""
    later = Article("later", "example.com", "Alibaba opens a data centre in Dubai", "Alibaba opened it today.",
                    datetime.fromisoformat("2026-12-01T09:00:00+00:00"), instruments=[BABA])
    with Store.open(db_path) as store:
        store.upsert_articles("seeds:fixture", [later])
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await _open(app, pilot, "later")
        await until(pilot, lambda: "No chart:" in _text(app))
        shown = [line.strip() for line in _text(app).splitlines()]
        assert "No chart: BABA's prices end 2026-03-30, before this article" in shown
