"""The article write path: prepared rows, upserts, the full-text index, instrument counters.

Apart from `database.py` (the `Store` API) because a feed poll splits it across
processes: `prepare` is pure and runs in the parser workers, where hashing,
JSON and story keys cost nothing on the parent's single writer thread, and it returns
a `Prepared` row, a plain tuple that pickles in a fraction of the time an `Article`
with its figure dataclasses does. `upsert` then only runs SQL, in the caller's
transaction; which stored story a new item repeats is `stories.py`'s.

The full-text index gets a batch's new articles in one INSERT … SELECT at the end of
`upsert`, in the same transaction, instead of a trigger per row: FTS5 then builds
one segment for the batch rather than merging a row at a time (issue 14). Updates and
deletes, rare, keep their triggers (schema migration 1).

Instrument counters (`instrument_stats`) change by deltas for the rows a batch
inserts, so a save costs O(batch) however many articles an instrument already has;
only articles updated in place (rare: a feed edited an item) recount their keys.

A story repeated by another feed (issue 11: two followed listings whose providers both
carry it) is filed under what that feed declares too: its declared instruments join the
stored article's `declared` (so re-extraction, stage 2 and full text keep them) and
their rows join its instrument rows after the ones it has, primary and read/starred
untouched, each key once, counted by delta. The content hash stays the first feed's, so
a re-poll of either feed still writes nothing; an in-place update of a story others
carry keeps what they brought (`_carry`).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import NamedTuple

from tui_reader.extract import EXTRACTOR_VERSION
from tui_reader.model import Article, Instrument
from tui_reader.query.figure_rows import FigureRow, figure_rows
from tui_reader.store import figure_codec, repolled_pages
from tui_reader.store.figure_index import replace_figure_rows
from tui_reader.store.queries import chunks, marks, symbol_forms
from tui_reader.store.stories import add_story, body_key, candidate_stories, match_story, title_key

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


_to_json = json.JSONEncoder(ensure_ascii=False).encode


def declared_json(declared: Sequence[Instrument]) -> str:
    """[[isin, ticker, name, exchange, currency], ...]: what `enrich` reads of them."""
    if not declared:
        return "[]"
    return _to_json([[i.isin, i.ticker, i.name, i.exchange, i.currency] for i in declared])


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
    (in a worker); otherwise `upsert` does it only for articles not stored unchanged,
    the costliest step of re-reading a seed folder that brings nothing new."""
    instruments = _unique_instruments(article.instruments)
    removed = _to_json(list(article.removed)) if article.removed else "[]"
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


def upsert(db: sqlite3.Connection, source_key: str, items: Iterable[Prepared], now: float) -> int:
    """Write one source's articles inside the caller's transaction; returns how many were new.

    An id seen before updates nothing, or updates in place when its content changed
    (keeping read/starred); a new id whose story is already stored becomes one more
    source of that story, filed under the instruments it declares as well (`_carry`).
    A row whose body is its fetched page keeps it when the item still brings the same
    teaser (`repolled_pages`).
    """
    batch: dict[str, Prepared] = {}
    for item in items:  # the last copy of an id in one batch wins
        batch[item.id] = item
    if not batch:
        return 0
    known = _known_items(db, list(batch))
    for item_id, item in batch.items():
        if item_id not in known or known[item_id][1] != item.content_hash:
            batch[item_id] = item.with_story_keys()
    stories = candidate_stories(db, [i for k, i in batch.items() if k not in known])

    inserts: list[Prepared] = []
    updates: list[Prepared] = []
    carriers: list[tuple[str, str, Prepared]] = []  # (item id, story article id, item)
    for item_id, item in batch.items():
        if item_id in known:
            owner, stored_hash = known[item_id]
            if owner == item_id and stored_hash != item.content_hash:
                updates.append(item)
            continue
        story = match_story(stories, item)
        if story is not None:
            carriers.append((item_id, story, item))
            continue
        inserts.append(item)
        carriers.append((item_id, item_id, item))
        add_story(stories, item_id, item)
    updates, paged = repolled_pages.split(db, updates)  # the full text stays (repolled_pages.py)
    inserts = with_resolved_tickers(db, inserts)
    updates = with_resolved_tickers(db, updates)
    carried = _kept_through_update(db, updates + paged) + _repeats(db, carriers)

    # New rows get numbers above the highest one: the full-text index takes them below.
    top = db.execute("SELECT coalesce(max(n), 0) FROM articles").fetchone()[0]
    db.executemany(
        "INSERT INTO articles(id, source_key, source, url, path, title, body, published, sort_ts, "
        "fetched, title_key, body_key, content_hash, primary_ticker, primary_isin, primary_name, "
        "figures, removed, declared, extractor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(i.id, source_key, i.source, i.url, i.path, i.title, i.body, i.published, i.sort_ts, now,
          i.title_key, i.body_key, i.content_hash, *primary_row(i), i.figures, i.removed, i.declared, i.extractor)
         for i in inserts],
    )
    if inserts:
        db.execute("INSERT INTO articles_fts(rowid, title, body) SELECT n, title, body FROM articles WHERE n > ?", (top,))
    db.executemany(
        "UPDATE articles SET source = ?, url = ?, path = ?, title = ?, body = ?, published = ?, "
        "sort_ts = ?, title_key = ?, body_key = ?, content_hash = ?, primary_ticker = ?, "
        "primary_isin = ?, primary_name = ?, figures = ?, removed = ?, declared = ?, extractor = ? WHERE id = ?",
        [(i.source, i.url, i.path, i.title, i.body, i.published, i.sort_ts, i.title_key, i.body_key,
          i.content_hash, *primary_row(i), i.figures, i.removed, i.declared, i.extractor, i.id) for i in updates],
    )
    db.executemany(
        "INSERT INTO article_sources(item_id, article_id, source_key, source, url, seen) VALUES (?, ?, ?, ?, ?, ?)",
        [(item_id, story, source_key, i.source, i.url, now) for item_id, story, i in carriers],
    )
    db.executemany(
        "UPDATE article_sources SET source = ?, url = ? WHERE item_id = ?",
        [(i.source, i.url, i.id) for i in updates + paged],
    )
    recount = _instrument_keys(db, [i.id for i in updates]) | repolled_pages.write(db, paged)
    db.executemany("DELETE FROM article_instruments WHERE article_id = ?", [(i.id,) for i in updates])
    insert_instruments(db, inserts + updates)
    replace_figure_rows(db, inserts + updates)
    recount |= {row[0] for i in updates for row in i.instruments}
    if carried:
        _carry(db, carried, recount)
    _add_to_stats(db, inserts, recount)
    recount_stats(db, recount)
    return len(inserts)


def with_resolved_tickers(db: sqlite3.Connection, items: list[Prepared]) -> list[Prepared]:
    """ISIN-only instruments take the ticker an earlier ISIN search found (the `symbols`
    cache), so an article is filed under it from its first write on, and re-extraction
    (which finds no ticker in the text) never takes it away. The content hash stays the
    one computed from the text: a re-poll of the same item still changes nothing.
    Batches without an ISIN-only instrument, nearly all, cost one pass over their rows."""
    wanted = sorted({row[1] for item in items for row in item.instruments if row[2] is None and row[1]})
    if not wanted:
        return items
    found: dict[str, tuple[str, str | None]] = {}
    for chunk in chunks(wanted):
        for isin, symbol, currency in db.execute(
            f"SELECT isin, symbol, currency FROM symbols WHERE symbol IS NOT NULL AND isin IN ({marks(chunk)})", chunk
        ):
            found[isin] = (symbol, currency)
    if not found:
        return items
    return [_with_tickers(item, found) if any(r[2] is None and r[1] in found for r in item.instruments) else item
            for item in items]


def _with_tickers(item: Prepared, found: dict[str, tuple[str, str | None]]) -> Prepared:
    rows = []
    for key, isin, ticker, name, exchange, currency, primary, mentions in item.instruments:
        if ticker is None and isin in found:
            ticker, currency = found[isin][0], currency or found[isin][1]
        rows.append((key, isin, ticker, name, exchange, currency, primary, mentions))
    return item._replace(instruments=tuple(rows))


def insert_instruments(db: sqlite3.Connection, items: list[Prepared]) -> None:
    """The `article_instruments` rows of these articles (whose old rows are gone)."""
    db.executemany(
        "INSERT INTO article_instruments(article_id, position, key, isin, ticker, symbol, symbol_base, "
        "name, exchange, currency, is_primary, mentions, sort_ts) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (i.id, pos, key, isin, ticker, *symbol_forms(ticker), name, exchange, currency, int(primary),
             mentions, i.sort_ts)
            for i in items
            for pos, (key, isin, ticker, name, exchange, currency, primary, mentions) in enumerate(i.instruments)
        ],
    )


def primary_row(item: Prepared) -> tuple[str | None, str | None, str | None]:
    for _key, isin, ticker, name, _exchange, _currency, primary, _mentions in item.instruments:
        if primary:
            return ticker, isin, name
    return None, None, None


def _known_items(db: sqlite3.Connection, ids: list[str]) -> dict[str, tuple[str, str]]:
    """item id → (article id it belongs to, that article's content hash)."""
    known: dict[str, tuple[str, str]] = {}
    for chunk in chunks(ids):
        for item, owner, content_hash in db.execute(
            "SELECT s.item_id, s.article_id, a.content_hash FROM article_sources s "
            f"JOIN articles a ON a.id = s.article_id WHERE s.item_id IN ({marks(chunk)})",
            chunk,
        ):
            known[item] = (owner, content_hash)
    return known


def _instrument_keys(db: sqlite3.Connection, article_ids: list[str]) -> set[str]:
    keys: set[str] = set()
    for chunk in chunks(article_ids):
        keys.update(k for (k,) in db.execute(f"SELECT key FROM article_instruments WHERE article_id IN ({marks(chunk)})", chunk))
    return keys


def _add_to_stats(db: sqlite3.Connection, inserts: list[Prepared], skip: set[str]) -> None:
    """Count newly inserted (hence unread) articles into their instruments' rows. The
    spelling of the latest article wins, as in a recount; keys in `skip` are recounted."""
    delta: dict[str, list] = {}  # key → [isin, ticker, name, count, latest]
    for item in inserts:
        for key, isin, ticker, name, *_rest in item.instruments:
            if key in skip:
                continue
            row = delta.get(key)
            if row is None:
                delta[key] = [isin, ticker, name, 1, item.sort_ts]
                continue
            row[3] += 1
            if item.sort_ts > row[4]:
                row[0:3], row[4] = (isin, ticker, name), item.sort_ts
    db.executemany(
        _ADD_TO_STATS,
        [(key, isin, ticker, name, count, count, latest) for key, (isin, ticker, name, count, latest) in delta.items()],
    )


_ADD_TO_STATS = (
    "INSERT INTO instrument_stats(key, isin, ticker, name, total, unread, latest) VALUES (?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT(key) DO UPDATE SET total = total + excluded.total, unread = unread + excluded.unread, "
    "isin = iif(excluded.latest > latest, excluded.isin, isin), "
    "ticker = iif(excluded.latest > latest, excluded.ticker, ticker), "
    "name = iif(excluded.latest > latest, excluded.name, name), "
    "latest = max(latest, excluded.latest)"
)


def recount_stats(db: sqlite3.Connection, keys: set[str]) -> None:
    """Recount the instrument rows of articles updated in place: their instruments and
    times may have changed, so no delta is known."""
    for chunk in chunks(sorted(keys)):
        db.execute(f"DELETE FROM instrument_stats WHERE key IN ({marks(chunk)})", chunk)
        # SQLite takes the bare columns from the row holding max(): the latest spelling wins.
        db.execute(
            "INSERT INTO instrument_stats(key, isin, ticker, name, latest, total, unread) "
            "SELECT i.key, i.isin, i.ticker, i.name, max(i.sort_ts), count(*), sum(a.read = 0) "
            "FROM article_instruments i JOIN articles a ON a.id = i.article_id "
            f"WHERE i.key IN ({marks(chunk)}) GROUP BY i.key",
            chunk,
        )


# -- a story other feeds carry -------------------------------------------------------

Carried = tuple[str, list[list], Sequence[InstrumentRow]]
"""(article id, declared entries as `declared_json` writes them, the carrier's instrument
rows): what one more feed carrying a stored story brings to it."""


def _entry_key(entry: Sequence) -> str:
    """`Instrument.key` of a declared entry [isin, ticker, name, exchange, currency]."""
    return entry[0] or entry[1] or (entry[2] or "").upper()


def _repeats(db: sqlite3.Connection, carriers: list[tuple[str, str, Prepared]]) -> list[Carried]:
    """The new items that repeat a story and declare instruments. None in nearly every
    batch, and then nothing here touches the database."""
    items = [(story, item) for item_id, story, item in carriers if story != item_id and item.declared != "[]"]
    if not items:
        return []
    resolved = with_resolved_tickers(db, [item for _, item in items])
    return [(story, json.loads(item.declared), item.instruments)
            for (story, _), item in zip(items, resolved, strict=True)]


def _kept_through_update(db: sqlite3.Connection, updates: list[Prepared]) -> list[Carried]:
    """Read before an in-place update rewrites them: what a story other feeds carry holds
    beyond the updated item's own declared instruments. The stored `declared` does not
    say which feed brought an entry, so an entry the edited item dropped stays too."""
    if not updates:
        return []
    shared: set[str] = set()
    for chunk in chunks([i.id for i in updates]):
        shared.update(a for (a,) in db.execute(
            f"SELECT DISTINCT article_id FROM article_sources WHERE article_id IN ({marks(chunk)}) "
            "AND item_id != article_id", chunk))
    if not shared:
        return []
    stored: dict[str, list[list]] = {}
    rows: dict[str, list[InstrumentRow]] = {}
    for chunk in chunks(sorted(shared)):
        for article_id, declared in db.execute(f"SELECT id, declared FROM articles WHERE id IN ({marks(chunk)})", chunk):
            stored[article_id] = json.loads(declared or "[]")
        for article_id, key, isin, ticker, name, exchange, currency, primary, mentions in db.execute(
            "SELECT article_id, key, isin, ticker, name, exchange, currency, is_primary, mentions "
            f"FROM article_instruments WHERE article_id IN ({marks(chunk)}) ORDER BY article_id, position", chunk
        ):
            rows.setdefault(article_id, []).append((key, isin, ticker, name, exchange, currency, bool(primary), mentions))
    out: list[Carried] = []
    for item in updates:
        if item.id in shared:
            own = {_entry_key(e) for e in json.loads(item.declared)}
            extra = [e for e in stored.get(item.id, []) if _entry_key(e) not in own]
            if extra:
                out.append((item.id, extra, rows.get(item.id, [])))
    return out


class _Story:
    """A stored article as carrying reads and extends it."""

    __slots__ = ("changed", "declared", "keys", "next", "primary", "read", "sort_ts")

    def __init__(self, declared: str | None, sort_ts: float, read: int) -> None:
        self.declared: list[list] = json.loads(declared or "[]")
        self.sort_ts = sort_ts
        self.read = read
        self.keys: set[str] = set()
        self.next = 0
        self.primary: list | None = None
        self.changed = False


def _carry(db: sqlite3.Connection, carried: list[Carried], skip: set[str]) -> None:
    """File each story under what its other feeds declare: the entries its `declared`
    lacks are appended to it, and the carrier's row for each (matched by ISIN, ticker or
    name) to its instrument rows, unless it has that key already. Declared first is
    primary on re-extraction, so a story that declared nothing first gets its primary
    written in front; one with no instrument at all takes the first carried as primary.
    Counters: each gained key counts the article, unread if it is; keys in `skip` are
    recounted by the caller."""
    stories: dict[str, _Story] = {}
    ids = sorted({article_id for article_id, _, _ in carried})
    for chunk in chunks(ids):
        for article_id, declared, sort_ts, read in db.execute(
            f"SELECT id, declared, sort_ts, read FROM articles WHERE id IN ({marks(chunk)})", chunk
        ):
            stories[article_id] = _Story(declared, sort_ts, read)
        for article_id, key, position, primary, isin, ticker, name, exchange, currency in db.execute(
            "SELECT article_id, key, position, is_primary, isin, ticker, name, exchange, currency "
            f"FROM article_instruments WHERE article_id IN ({marks(chunk)})", chunk
        ):
            held = stories[article_id]
            held.keys.add(key)
            held.next = max(held.next, position + 1)
            if primary:
                held.primary = [isin, ticker, name, exchange, currency]
    added: list[tuple] = []
    primaries: list[tuple] = []
    for article_id, entries, rows in carried:
        story = stories.get(article_id)
        if story is None:
            continue
        known = {_entry_key(e) for e in story.declared}
        new = [e for e in entries if _entry_key(e) and _entry_key(e) not in known]
        if not new:
            continue  # the third feed carrying it, or a re-poll: nothing to add
        if not story.declared and story.primary is not None:
            story.declared.append(story.primary)
            known.add(_entry_key(story.primary))
        for entry in new:
            if _entry_key(entry) in known:
                continue
            known.add(_entry_key(entry))
            story.declared.append(entry)
            story.changed = True
            row = _declared_row(entry, rows)
            if row is None or row[0] in story.keys:
                continue
            key, isin, ticker, name, exchange, currency, _primary, mentions = row
            primary = not story.keys
            story.keys.add(key)
            added.append((article_id, story.next, key, isin, ticker, *symbol_forms(ticker), name, exchange, currency,
                          int(primary), mentions, story.sort_ts))
            story.next += 1
            if primary:
                primaries.append((ticker, isin, name, article_id))
    db.executemany(
        "UPDATE articles SET declared = ? WHERE id = ?",
        [(_to_json(story.declared), article_id) for article_id, story in stories.items() if story.changed],
    )
    db.executemany(
        "INSERT INTO article_instruments(article_id, position, key, isin, ticker, symbol, symbol_base, "
        "name, exchange, currency, is_primary, mentions, sort_ts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        added,
    )
    db.executemany("UPDATE articles SET primary_ticker = ?, primary_isin = ?, primary_name = ? WHERE id = ?", primaries)
    delta: dict[str, list] = {}  # key → [isin, ticker, name, total, unread, latest], as `_add_to_stats`
    for article_id, _pos, key, isin, ticker, _symbol, _base, name, *_rest, sort_ts in added:
        if key in skip:
            continue
        counted = delta.get(key)
        if counted is None:
            counted = delta[key] = [isin, ticker, name, 0, 0, sort_ts]
        elif sort_ts > counted[5]:
            counted[0:3], counted[5] = (isin, ticker, name), sort_ts
        counted[3] += 1
        counted[4] += not stories[article_id].read
    db.executemany(_ADD_TO_STATS, [(key, *counted) for key, counted in delta.items()])


def _declared_row(entry: Sequence, rows: Sequence[InstrumentRow]) -> InstrumentRow | None:
    """The carrier's instrument row extraction made of a declared entry: the same ISIN or
    ticker (the directory completes the rest), else the same name, else the same key."""
    isin, ticker, name = entry[0], entry[1], entry[2]
    for row in rows:
        if (isin and row[1] == isin) or (ticker and row[2] and row[2].upper() == ticker.upper()):
            return row
    for row in rows:
        if (name and row[3] and row[3].casefold() == name.casefold()) or row[0] == _entry_key(entry):
            return row
    return None
