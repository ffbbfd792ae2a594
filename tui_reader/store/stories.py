"""Story de-duplication: which stored article a new item repeats.

Two feeds carrying one story (a wire piece republished, a portal mirroring a press
release) give one article with several sources, not two list rows. A story is known by
its normalised title (at least a few words) and by a fingerprint of its body's opening;
`writes.upsert` looks both up for a batch's new items in one query per key kind.
"""

from __future__ import annotations

import hashlib
import sqlite3
from typing import Protocol

from tui_reader.store.queries import chunks, marks, normalise_text

STORY_WINDOW_SECONDS = 24 * 3600
"""Two feeds carrying one story publish it within a day of each other; a longer window
would merge a recurring column ("Stocks to watch this week …") with its next issue."""
_MIN_TITLE_WORDS = 3
"""Shorter titles ("Markets", "Update") are too generic to identify a story."""
_FINGERPRINT_CHARS = 500
_MIN_FINGERPRINT_CHARS = 200
"""Bodies shorter than this (feed teasers) are not distinctive enough to fingerprint."""

Stories = dict[str, list[tuple[str, float, bool]]]
"""story key → [(article id, sort_ts, dated)]"""


class Keyed(Protocol):
    """What story matching reads of a prepared row (`prepared.Prepared`)."""

    @property
    def title_key(self) -> str | None: ...
    @property
    def body_key(self) -> str | None: ...
    @property
    def sort_ts(self) -> float: ...
    @property
    def published(self) -> str | None: ...


def title_key(title: str) -> str | None:
    norm = normalise_text(title)
    return norm if len(norm.split()) >= _MIN_TITLE_WORDS else None


def body_key(body: str) -> str | None:
    # Normalising a generous prefix, not the whole body, keeps big batches fast.
    norm = normalise_text(body[: _FINGERPRINT_CHARS * 3 // 2])
    if len(norm) < _MIN_FINGERPRINT_CHARS:
        return None
    data = norm[:_FINGERPRINT_CHARS].encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=12).hexdigest()


def candidate_stories(db: sqlite3.Connection, incoming: list[Keyed]) -> Stories:
    """Stored articles sharing a title or body key with the batch."""
    stories: Stories = {}
    for column, keys in (
        ("title_key", sorted({i.title_key for i in incoming if i.title_key})),
        ("body_key", sorted({i.body_key for i in incoming if i.body_key})),
    ):
        for chunk in chunks(keys):
            for story_key, article_id, sort_ts, dated in db.execute(
                f"SELECT {column}, id, sort_ts, published IS NOT NULL FROM articles WHERE {column} IN ({marks(chunk)})",
                chunk,
            ):
                stories.setdefault(story_key, []).append((article_id, sort_ts, bool(dated)))
    return stories


def match_story(stories: Stories, item: Keyed) -> str | None:
    """The stored story this article repeats: same body opening, else same title, and
    published within the window (undated articles match on the keys alone)."""
    dated = item.published is not None
    for story_key in (item.body_key, item.title_key):
        for article_id, sort_ts, other_dated in stories.get(story_key or "", ()):
            if _same_story(item.sort_ts, dated, sort_ts, other_dated):
                return article_id
    return None


def add_story(stories: Stories, article_id: str, item: Keyed) -> None:
    """Count an article the batch inserts as a story later items of the batch may repeat."""
    for story_key in (item.title_key, item.body_key):
        if story_key:
            stories.setdefault(story_key, []).append((article_id, item.sort_ts, item.published is not None))


def _same_story(a_ts: float, a_dated: bool, b_ts: float, b_dated: bool) -> bool:
    return not (a_dated and b_dated) or abs(a_ts - b_ts) <= STORY_WINDOW_SECONDS
