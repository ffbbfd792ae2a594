"""What an article says: the instruments it is about and the figures it states."""

from __future__ import annotations

from tui_reader.model import Article, KeyFigure

EXTRACTOR_VERSION = 3
"""Bumped whenever a change to the rules changes what `enrich` finds: stored articles
written by an older version are re-extracted in the background, so a user who upgrades
sees the better filing on the news they already have."""


def enrich(article: Article) -> Article:
    """Fill the article's instruments and key figures from its title and text, in place."""
    from tui_reader.extract.instruments import find_instruments

    article.instruments = find_instruments(article.title, article.body, article.declared)
    article.figures = article_figures(article)
    return article


def article_figures(article: Article) -> list[KeyFigure]:
    """The key figures of the article's title and text: `enrich` without the
    instruments, for ingestion's second stage (the instruments were filed in the first)."""
    from tui_reader.extract.figures import find_figures

    figures = find_figures(article.body, article.published)
    if article.title:
        figures = _title_figures(find_figures(article.title, article.published), figures) + figures
    return figures


def _title_figures(in_title: list[KeyFigure], in_body: list[KeyFigure]) -> list[KeyFigure]:
    """The headline's figures that the body does not state again, marked `in_title`.

    Feed items often carry their one figure only in the headline ("Shares of Jabil
    jumped 20%"); when the body repeats it, the body's figure (with its sentence) is
    the one kept, so a figure is listed once.
    """
    stated = {(f.kind, f.value, f.currency) for f in in_body}
    kept = []
    for figure in in_title:
        if (figure.kind, figure.value, figure.currency) in stated:
            continue
        figure.in_title = True
        kept.append(figure)
    return kept
