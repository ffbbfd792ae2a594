"""An article's instrument rows and the counters they feed (`instrument_stats`).

Shared by every path that files an article under instruments: a new or updated row
(`writes.py`), a story gaining another feed's declared instruments (`carriers.py`) and
re-filing under a newer extractor (`refile.py`), so the rows and the counts are built
one way.

Counters change by deltas for the rows a batch inserts, so a save costs O(batch) however
many articles an instrument already has; only articles updated in place (rare: a feed
edited an item) recount their keys.
"""

from __future__ import annotations

import sqlite3

from tui_reader.store.prepared import Prepared
from tui_reader.store.queries import chunks, marks, symbol_forms


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


def instrument_keys(db: sqlite3.Connection, article_ids: list[str]) -> set[str]:
    """The keys these articles are filed under now: read before an update rewrites them,
    so the instruments an edited item lost are recounted too."""
    keys: set[str] = set()
    for chunk in chunks(article_ids):
        keys.update(k for (k,) in db.execute(f"SELECT key FROM article_instruments WHERE article_id IN ({marks(chunk)})", chunk))
    return keys


def add_to_stats(db: sqlite3.Connection, inserts: list[Prepared], skip: set[str]) -> None:
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
        ADD_TO_STATS,
        [(key, isin, ticker, name, count, count, latest) for key, (isin, ticker, name, count, latest) in delta.items()],
    )


ADD_TO_STATS = (
    "INSERT INTO instrument_stats(key, isin, ticker, name, total, unread, latest) VALUES (?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT(key) DO UPDATE SET total = total + excluded.total, unread = unread + excluded.unread, "
    "isin = iif(excluded.latest > latest, excluded.isin, isin), "
    "ticker = iif(excluded.latest > latest, excluded.ticker, ticker), "
    "name = iif(excluded.latest > latest, excluded.name, name), "
    "latest = max(latest, excluded.latest)"
)
"""One instrument's delta (key, isin, ticker, name, total, unread, latest) added to its
counters; the spelling of the latest article wins. `add_to_stats` and `carriers.carry`."""


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
