"""Full text in the app: the page of a summary-only article, fetched when it is opened.

Polls fetch the pages of followed instruments' feeds eagerly (`sources/fulltext.py`);
any other article with only a teaser gets its page when the user opens it, online,
once (a failure is stored with its reason, which the article view then shows).
Textual-free: the main screen's workers call it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui_reader.model import Article
    from tui_reader.store import Store
    from tui_reader.store.fulltext import FullTextState


def page_state(store: Store, article_id: str) -> FullTextState | None:
    """What became of the article's page; None when it was never fetched."""
    from tui_reader.store.fulltext import full_text_state

    return full_text_state(store, article_id)


def wants_page(article: Article, state: FullTextState | None, *, offline: bool, setting: str) -> bool:
    """Fetch on open: online, config `full_text` not "off", never tried, an http(s) link,
    and a body short enough to be a feed's teaser (seed files are whole articles)."""
    from tui_reader.store.fulltext import SUMMARY_ONLY_CHARS

    return (
        not offline
        and setting != "off"
        and state is None
        and article.path is None
        and (article.url or "").lower().startswith(("http://", "https://"))
        and len(article.body) < SUMMARY_ONLY_CHARS
    )


def fetch_page(store: Store, article: Article) -> None:
    """Blocking (a worker): fetch, extract and store the page, or the reason it failed."""
    from tui_reader.sources.fulltext import fill_pages
    from tui_reader.store.fulltext import Teaser

    fill_pages(store, [Teaser(article.id, article.url or "", article.title)])


def page_note(state: FullTextState | None) -> str | None:
    """The article view's line about a page that gave no article; None otherwise."""
    if state is None or state.error is None:
        return None
    return f"Summary only: the full article could not be fetched ({state.error})."
