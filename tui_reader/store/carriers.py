"""A story other feeds carry: the instruments those feeds declare are filed on it too.

A story repeated by another feed (issue 11: two followed listings whose providers both
carry it) is filed under what that feed declares too: its declared instruments join the
stored article's `declared` (so re-extraction, stage 2 and full text keep them) and
their rows join its instrument rows after the ones it has, primary and read/starred
untouched, each key once, counted by delta. The content hash stays the first feed's, so
a re-poll of either feed still writes nothing; an in-place update of a story others
carry keeps what they brought (`kept_through_update`, then `carry`).

Apart from `writes.py` because it is one rule about merged stories, which
`writes.upsert` calls at two points: before the batch's rows are written, to read what
an in-place update would lose (`kept_through_update`) and what the new carriers bring
(`repeats`); after them, to write both (`carry`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from tui_reader.store.instrument_rows import ADD_TO_STATS, with_resolved_tickers
from tui_reader.store.prepared import InstrumentRow, Prepared, to_json
from tui_reader.store.queries import chunks, marks, symbol_forms

Carried = tuple[str, list[list], Sequence[InstrumentRow]]
"""(article id, declared entries as `declared_json` writes them, the carrier's instrument
rows): what one more feed carrying a stored story brings to it."""


def _entry_key(entry: Sequence) -> str:
    """`Instrument.key` of a declared entry [isin, ticker, name, exchange, currency]."""
    return entry[0] or entry[1] or (entry[2] or "").upper()


def repeats(db: sqlite3.Connection, new_sources: list[tuple[str, str, Prepared]]) -> list[Carried]:
    """The new items that repeat a story and declare instruments. None in nearly every
    batch, and then nothing here touches the database."""
    items = [(story, item) for item_id, story, item in new_sources if story != item_id and item.declared != "[]"]
    if not items:
        return []
    resolved = with_resolved_tickers(db, [item for _, item in items])
    return [(story, json.loads(item.declared), item.instruments)
            for (story, _), item in zip(items, resolved, strict=True)]


def kept_through_update(db: sqlite3.Connection, updates: list[Prepared]) -> list[Carried]:
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


def carry(db: sqlite3.Connection, carried: list[Carried], skip: set[str]) -> None:
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
        [(to_json(story.declared), article_id) for article_id, story in stories.items() if story.changed],
    )
    db.executemany(
        "INSERT INTO article_instruments(article_id, position, key, isin, ticker, symbol, symbol_base, "
        "name, exchange, currency, is_primary, mentions, sort_ts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        added,
    )
    db.executemany("UPDATE articles SET primary_ticker = ?, primary_isin = ?, primary_name = ? WHERE id = ?", primaries)
    delta: dict[str, list] = {}  # key → [isin, ticker, name, total, unread, latest], as `instrument_rows.add_to_stats`
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
    db.executemany(ADD_TO_STATS, [(key, *counted) for key, counted in delta.items()])


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
