"""What an article says: the instruments it is about and the figures it states."""

from __future__ import annotations

from tui_reader.model import Article


def enrich(article: Article) -> Article:
    """Fill the article's instruments and key figures from its text, in place."""
    from tui_reader.extract.figures import find_figures
    from tui_reader.extract.instruments import find_instruments

    article.instruments = find_instruments(article.title, article.body, article.declared)
    article.figures = find_figures(article.body, article.published)
    return article
