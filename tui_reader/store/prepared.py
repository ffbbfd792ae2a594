"""Prepared rows: one article as the store writes it, every derived value computed once.

Apart from the write itself (`writes.py`) because a feed poll splits the write path
across processes: `prepare` is pure and runs in the parser workers, where hashing,
JSON and story keys cost nothing on the parent's single writer thread, and it returns
a `Prepared` row, a plain tuple that pickles in a fraction of the time an `Article`
with its figure dataclasses does. `writes.upsert` then only runs SQL.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import NamedTuple

from tui_reader.extract import EXTRACTOR_VERSION
from tui_reader.model import Article, Instrument
from tui_reader.query.figure_rows import FigureRow, figure_rows
from tui_reader.store import figure_codec
from tui_reader.store.stories import body_key, title_key

InstrumentRow = tuple[str, str | None, str | None, str | None, str | None, str | None, bool, int]
"""(key, isin, ticker, name, exchange, currency, is_primary, mentions)"""


class Prepared(NamedTuple):
    """One article as the store writes it, with every derived value computed once."""

    id: str
    source: str
    title: str
    body: str
    published: str | None
    """ISO 8601 with the source's own offset."""
    url: str | None
    path: str | None
    sort_ts: float
    content_hash: str
    """Of what the source sent and the instruments found in it, not of the figures:
    those follow from the same text (and `extractor`), and may be computed later."""
    figures: str
    """As `figure_codec.encode` stores them for this row's title and body."""
    removed: str
    instruments: tuple[InstrumentRow, ...]
    """One per instrument key, in the article's order; `is_primary` marks exactly one."""
    declared: str = "[]"
    """The instruments the source stated (JSON, see `declared_json`): re-extraction
    starts from them, since the instrument line they came from is not in the body."""
    extractor: int = EXTRACTOR_VERSION
    """The extractor version that found `instruments` and `figures`."""
    title_key: str | None = None
    body_key: str | None = None
    keyed: bool = False
    """Whether the story keys were computed (they may legitimately be None)."""
    figure_rows: tuple[FigureRow, ...] = ()
    """The figures as the query language compares them (store/figure_index.py)."""

    def with_story_keys(self) -> Prepared:
        if self.keyed:
            return self
        return self._replace(title_key=title_key(self.title), body_key=body_key(self.body), keyed=True)


def ts(moment: datetime | None) -> float | None:
    if moment is None:
        return None
    if moment.tzinfo is None:  # a source gave a naive time: read it as UTC, not local
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


def _published_text(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).isoformat()


to_json = json.JSONEncoder(ensure_ascii=False).encode
"""Declared instruments and removed lines as the store keeps them (non-ASCII as is)."""


def declared_json(declared: Sequence[Instrument]) -> str:
    """[[isin, ticker, name, exchange, currency], ...]: what `enrich` reads of them."""
    if not declared:
        return "[]"
    return to_json([[i.isin, i.ticker, i.name, i.exchange, i.currency] for i in declared])


def declared_from_json(text: str) -> list[Instrument]:
    return [Instrument(*fields) for fields in json.loads(text)]


def _unique_instruments(instruments: Sequence[Instrument]) -> list[Instrument]:
    """One row per instrument key: the extractor may list a company under two spellings."""
    seen: set[str] = set()
    out = []
    for instrument in instruments:
        if instrument.key and instrument.key not in seen:
            seen.add(instrument.key)
            out.append(instrument)
    return out


def _undated_ts(path: object, now: float) -> float:
    """Where an undated article sorts: a seed note by when its file was last written (read
    at start-up, `now` would put it above every newer dated article), else `now`."""
    if path:
        try:
            return min(os.stat(str(path)).st_mtime, now)
        except OSError:
            pass
    return now


def prepare(article: Article, now: float, story_keys: bool = False) -> Prepared:
    """`now` dates undated articles. `story_keys=True` normalises title and body now
    (in a worker); otherwise `writes.upsert` does it only for articles not stored unchanged,
    the costliest step of re-reading a seed folder that brings nothing new."""
    instruments = _unique_instruments(article.instruments)
    removed = to_json(list(article.removed)) if article.removed else "[]"
    published = _published_text(article.published)
    declared = declared_json(article.declared)
    # repr of the frozen Instrument dataclasses covers every field, mentions included.
    # `declared` only when there is one, so articles without keep their earlier hash.
    parts = (article.source, article.title, article.body, article.url, article.path,
             published, removed, repr(instruments)) + ((declared,) if article.declared else ())
    content = "\x1f".join(part or "" for part in parts).encode("utf-8", "surrogatepass")
    primary = next((i for i in instruments if i.primary), instruments[0] if instruments else None)
    published_ts = ts(article.published)
    prepared = Prepared(
        id=article.id,
        source=article.source,
        title=article.title,
        body=article.body,
        published=published,
        url=article.url,
        path=article.path,
        sort_ts=published_ts if published_ts is not None else _undated_ts(article.path, now),
        content_hash=hashlib.blake2b(content, digest_size=16).hexdigest(),
        figures=figure_codec.encode(article.figures, article.title, article.body),
        removed=removed,
        instruments=tuple(
            (i.key, i.isin, i.ticker, i.name, i.exchange, i.currency, i is primary, i.mentions) for i in instruments
        ),
        declared=declared,
        figure_rows=tuple(figure_rows(article.figures)),
    )
    return prepared.with_story_keys() if story_keys else prepared
