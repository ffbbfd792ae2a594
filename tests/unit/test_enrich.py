"""enrich: instruments and figures from the headline as well as the body."""

from __future__ import annotations

from datetime import UTC, datetime

from tui_reader.extract import enrich
from tui_reader.model import Article

PUBLISHED = datetime(2025, 12, 18, 14, 0, tzinfo=UTC)


def _article(title: str, body: str) -> Article:
    return Article(id="x", source="test", title=title, body=body, published=PUBLISHED)


def test_a_figure_only_in_the_headline_is_found_with_a_title_span() -> None:
    article = enrich(_article("Shares of Nvidia jumped 20% on Thursday", "The chipmaker said demand stays strong."))
    title_figures = [f for f in article.figures if f.in_title]
    assert [(f.kind, f.value) for f in title_figures] == [("percent", 20.0)]
    figure = title_figures[0]
    assert article.title[figure.start:figure.end] == figure.text == "20%"
    assert figure.to_json()["in"] == "title"


def test_a_headline_figure_the_body_repeats_is_listed_once_from_the_body() -> None:
    article = enrich(_article("Nvidia jumps 20%", "Nvidia shares rose 20% to a record."))
    percents = [f for f in article.figures if f.kind == "percent"]
    assert len(percents) == 1
    assert not percents[0].in_title
    assert article.body[percents[0].start:percents[0].end] == "20%"


def test_a_headline_that_rounds_the_bodys_figure_is_listed_once_from_the_body() -> None:
    article = enrich(_article("Tesla soars 22% on profit", "Tesla shares rose 21.9% to $260.48, their best day since 2013."))
    assert [f.text for f in article.figures if f.kind == "percent"] == ["21.9%"]
    article = enrich(_article("SAP slips 2.2%", "The ADR fell 2.21% to $127.61."))
    assert [f.text for f in article.figures if f.kind == "percent"] == ["2.21%"]
    article = enrich(_article("Revenue hits $25 billion", "Revenue came to $25.18 billion in the quarter."))
    assert [f.text for f in article.figures if f.kind == "money"] == ["$25.18 billion"]


def test_a_headline_figure_the_body_does_not_round_is_kept() -> None:
    # 20% is no rounding of 21.9%, and a fall is no rounding of a rise.
    article = enrich(_article("Tesla soars 20% on profit", "Tesla shares rose 21.9% to $260.48."))
    assert sorted(f.text for f in article.figures if f.kind == "percent") == ["20%", "21.9%"]
    article = enrich(_article("Tesla slides 22%", "Tesla shares rose 21.9% in October."))
    assert sorted(f.text for f in article.figures if f.kind == "percent") == ["21.9%", "22%"]


def test_a_company_named_only_in_the_headline_is_filed() -> None:
    article = enrich(_article("Microsoft raises its dividend", "The board approved the increase on Tuesday."))
    assert article.primary is not None and article.primary.ticker == "MSFT"


def test_body_figures_are_marked_as_body() -> None:
    article = enrich(_article("Quarterly results", "Revenue rose 12% to $4.2 billion."))
    assert article.figures and not any(f.in_title for f in article.figures)
    assert {f.to_json()["in"] for f in article.figures} == {"body"}


def test_a_headlines_bare_dollars_are_the_bodys_market_currency() -> None:
    article = enrich(_article("Skyward wins $14 million order, shares hit $1.20",
                              "Skyward (ASX: SKW) said the $14 million order is its largest; the stock traded at $1.15."))
    assert [(f.text, f.currency, f.in_title) for f in article.figures if f.kind == "money"] == [
        ("$1.20", "AUD", True), ("$14 million", "AUD", False), ("$1.15", "AUD", False)]


def test_a_headlines_dollars_stay_us_dollars_when_the_body_mixes_them() -> None:
    article = enrich(_article("Deal worth $3 billion", "Holders get C$12 a share; the buyer paid $2 for options."))
    assert [f.currency for f in article.figures if f.in_title] == ["USD"]
