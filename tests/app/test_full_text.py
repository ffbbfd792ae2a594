"""Issue 11 in the app: a summary-only article gets its page when it is opened (online,
http(s) only, once), and the article view says why when the page gave no article.

The pages are served on 127.0.0.1 (pytest-httpserver); Yahoo is a dead network, so
the charts come from the CSVs and nothing reaches the internet.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.app.conftest import settle, until
from tui_reader.app.widgets.article_list import ArticleList
from tui_reader.app.widgets.article_view import ArticleView
from tui_reader.model import Article, Instrument
from tui_reader.prices import yahoo
from tui_reader.store import Store
from tui_reader.store.fulltext import full_text_state

PAGE = (Path(__file__).parents[1] / "data" / "pages" / "article_with_furniture.html").read_bytes()


def _teaser(n: int, title: str, url: str, hour: int) -> Article:
    return Article(
        id=f"t{n}", source="symbol headlines", title=title, body="The packager raised its outlook on AI orders.",
        published=datetime.fromisoformat(f"2026-03-30T{hour:02d}:00:00+00:00"), url=url,
        instruments=[Instrument("US0316521006", "AMKR", "Amkor Technology", primary=True)],
    )


@pytest.fixture
def dead_yahoo(monkeypatch: pytest.MonkeyPatch) -> None:
    def unreachable(symbol, start, end, timeout):  # noqa: ANN001, ANN202 - yahoo.fetch_daily's signature
        raise yahoo.Unreachable("cannot reach Yahoo (ConnectError)")

    monkeypatch.setattr(yahoo, "fetch_daily", unreachable)


def _select(app, article_id: str) -> None:  # noqa: ANN001 - the app under test
    articles = app.screen.query_one(ArticleList)
    articles.move_cursor(row=articles.get_row_index(article_id), animate=False)


def _shown(app) -> str:  # noqa: ANN001
    view = app.screen.query_one(ArticleView)
    return f"{view.note or ''}\n{view.article.body if view.article else ''}"


async def test_a_summary_only_article_is_fetched_on_open_and_a_failure_says_why(
    make_app, db_path: Path, httpserver: HTTPServer, dead_yahoo: None
) -> None:
    httpserver.expect_request("/story/packager").respond_with_data(PAGE, content_type="text/html")
    httpserver.expect_request("/story/paywalled").respond_with_data("Subscribers only", status=403)
    with Store.open(db_path) as store:
        store.upsert_articles("feed:symbol", [
            _teaser(1, "Chip packager lifts outlook", httpserver.url_for("/story/packager"), 10),
            _teaser(2, "Subscriber story on the packager", httpserver.url_for("/story/paywalled"), 9),
        ])
    app = make_app(offline=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        _select(app, "t1")
        await until(pilot, lambda: "between $3.9 billion and $4.2 billion" in _shown(app))
        await settle(pilot)
        assert "Summary only" not in _shown(app)
        # Re-extracted from the whole article: its figures come from the page.
        assert any("4.2 billion" in f.text for f in app.screen.query_one(ArticleView).article.figures)

        _select(app, "t2")
        await until(pilot, lambda: "Summary only" in _shown(app))
        await settle(pilot)
        assert "403" in _shown(app) and "paywall" in _shown(app)
        assert app.screen.query_one(ArticleView).article.body.startswith("The packager raised")

        # Once: going back to either asks the server nothing more.
        asked = len(httpserver.log)
        _select(app, "t1")
        await settle(pilot)
        _select(app, "t2")
        await settle(pilot)
        assert len(httpserver.log) == asked == 2
        # Seed articles (whole texts) and the fixture's articles without an http link are never fetched.
        assert full_text_state(app.library.store, "a01") is None


async def test_offline_or_full_text_off_fetches_nothing(
    make_app, db_path: Path, config_file: Path, httpserver: HTTPServer, dead_yahoo: None
) -> None:
    httpserver.expect_request("/story/packager").respond_with_data(PAGE, content_type="text/html")
    with Store.open(db_path) as store:
        store.upsert_articles("feed:symbol", [_teaser(1, "Chip packager lifts outlook",
                                                      httpserver.url_for("/story/packager"), 10)])
    offline = make_app(offline=True)  # the config is read here: full_text is "followed"
    config_file.write_text(config_file.read_text() + 'full_text = "off"\n')
    for app in (offline, make_app(offline=False)):
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            _select(app, "t1")
            await settle(pilot)
            assert app.screen.query_one(ArticleView).article.id == "t1"
            assert "Summary only" not in _shown(app) and "Fetching" not in _shown(app)
    assert not httpserver.log
