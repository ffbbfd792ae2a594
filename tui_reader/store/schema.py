"""The store's schema as an ordered list of migrations: the file's `user_version` says
how many have run, and `Store.open` runs the rest, each in its own transaction.

A migration is only ever appended, never edited: a file written by any release
becomes the current schema by running the steps it has not seen.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator

from tui_reader.store.figure_codec import compact_stored

Migration = str | Callable[[sqlite3.Connection], None]
"""SQL, or a step that has to run Python over the rows (it gets the connection, inside
the migration's transaction)."""

MIGRATIONS: list[Migration] = [
    # 1: the initial schema.
    """
    CREATE TABLE sources (
        key TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('feed', 'seeds')),
        title TEXT,
        etag TEXT,
        last_modified TEXT,
        last_poll REAL,
        last_error TEXT,
        next_poll REAL,
        failures INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE articles (
        n INTEGER PRIMARY KEY,          -- stable rowid for the FTS index
        id TEXT NOT NULL UNIQUE,
        source_key TEXT NOT NULL REFERENCES sources(key),
        source TEXT NOT NULL,
        url TEXT,
        path TEXT,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        published TEXT,                 -- ISO 8601 with the source's own offset
        sort_ts REAL NOT NULL,          -- published, else fetched, as unix time
        fetched REAL NOT NULL,
        read INTEGER NOT NULL DEFAULT 0,
        starred INTEGER NOT NULL DEFAULT 0,
        title_key TEXT,
        body_key TEXT,
        content_hash TEXT NOT NULL,
        primary_ticker TEXT,
        primary_isin TEXT,
        primary_name TEXT,
        figures TEXT NOT NULL DEFAULT '[]',
        removed TEXT NOT NULL DEFAULT '[]'
    );
    CREATE INDEX articles_sort ON articles(sort_ts);
    CREATE INDEX articles_unread ON articles(sort_ts) WHERE read = 0;
    CREATE INDEX articles_starred ON articles(sort_ts) WHERE starred = 1;
    CREATE INDEX articles_title_key ON articles(title_key) WHERE title_key IS NOT NULL;
    CREATE INDEX articles_body_key ON articles(body_key) WHERE body_key IS NOT NULL;

    -- Every (source, item id) that carried a story, the article's own id included.
    CREATE TABLE article_sources (
        item_id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        source_key TEXT NOT NULL REFERENCES sources(key),
        source TEXT NOT NULL,
        url TEXT,
        seen REAL NOT NULL
    );
    CREATE INDEX article_sources_article ON article_sources(article_id);
    CREATE INDEX article_sources_source ON article_sources(source_key);

    CREATE TABLE article_instruments (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        key TEXT NOT NULL,
        isin TEXT,
        ticker TEXT,
        symbol TEXT,                    -- upper-cased ticker, for case-blind lookup
        symbol_base TEXT,               -- without the exchange suffix: SAP.DE -> SAP
        name TEXT,
        exchange TEXT,
        currency TEXT,
        is_primary INTEGER NOT NULL,
        mentions INTEGER NOT NULL,
        sort_ts REAL NOT NULL,          -- copy of the article's, for ordered scans by key
        PRIMARY KEY (article_id, position)
    ) WITHOUT ROWID;
    CREATE INDEX article_instruments_key ON article_instruments(key, sort_ts);
    CREATE INDEX article_instruments_isin ON article_instruments(isin);
    CREATE INDEX article_instruments_symbol ON article_instruments(symbol);
    CREATE INDEX article_instruments_symbol_base ON article_instruments(symbol_base);

    -- Kept up to date by every write so the instrument list paints without a GROUP BY.
    CREATE TABLE instrument_stats (
        key TEXT PRIMARY KEY,
        isin TEXT,
        ticker TEXT,
        name TEXT,
        total INTEGER NOT NULL,
        unread INTEGER NOT NULL,
        latest REAL
    );
    CREATE INDEX instrument_stats_latest ON instrument_stats(latest);

    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, body, content='articles', content_rowid='n',
        tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, body) VALUES (new.n, new.title, new.body);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body)
        VALUES ('delete', old.n, old.title, old.body);
    END;
    CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body)
        VALUES ('delete', old.n, old.title, old.body);
        INSERT INTO articles_fts(rowid, title, body) VALUES (new.n, new.title, new.body);
    END;

    CREATE TABLE price_series (
        symbol TEXT PRIMARY KEY,
        currency TEXT,
        source TEXT NOT NULL,
        fetched_at REAL NOT NULL
    );
    CREATE TABLE prices (
        symbol TEXT NOT NULL REFERENCES price_series(symbol) ON DELETE CASCADE,
        day TEXT NOT NULL,
        close REAL NOT NULL,
        PRIMARY KEY (symbol, day)
    ) WITHOUT ROWID;
    CREATE TABLE symbols (
        isin TEXT PRIMARY KEY,
        symbol TEXT,
        currency TEXT,
        resolved_at REAL NOT NULL
    );
    """,
    # 2: `articles(source=...)` also matches the source's display name.
    """
    CREATE INDEX article_sources_name ON article_sources(source);
    """,
    # 3: which extractor filed each article, and what its source declared, so a newer
    # extractor re-files stored articles (store/refile.py); and the registries learned
    # online (the SEC's list of US registrants), kept for offline use.
    """
    ALTER TABLE articles ADD COLUMN extractor INTEGER NOT NULL DEFAULT 0;
    -- JSON [[isin, ticker, name, exchange, currency], ...]; NULL: stored before it was kept.
    ALTER TABLE articles ADD COLUMN declared TEXT;
    CREATE INDEX articles_extractor ON articles(extractor, sort_ts);

    CREATE TABLE registrants (
        ticker TEXT PRIMARY KEY,
        cik INTEGER NOT NULL,
        name TEXT NOT NULL,
        position INTEGER NOT NULL       -- the list's order: a company's first ticker is its main line
    );
    CREATE TABLE registries (
        name TEXT PRIMARY KEY,          -- 'sec'
        fetched_at REAL,                -- last successful download
        tried_at REAL NOT NULL,
        error TEXT                      -- why the last try failed, NULL when it worked
    );
    """,
    # 4: the figure index for the query language (store/figure_index.py) and each
    # article's move since publication. Rows for articles stored before come with their
    # re-extraction (EXTRACTOR_VERSION 3), which every older article gets.
    """
    CREATE TABLE article_figures (
        article_n INTEGER NOT NULL REFERENCES articles(n) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        amount REAL,                    -- money; percent signed, pp for pp and bp; multiple
        currency TEXT,                  -- money only
        unit TEXT,                      -- percent only: '%' or 'pp'
        day TEXT                        -- date only: ISO day
    );
    CREATE INDEX article_figures_article ON article_figures(article_n);
    CREATE INDEX article_figures_amount ON article_figures(kind, amount);
    CREATE INDEX article_figures_day ON article_figures(kind, day) WHERE day IS NOT NULL;
    ALTER TABLE articles ADD COLUMN move REAL;      -- % since publication, NULL: unknown
    ALTER TABLE articles ADD COLUMN move_at REAL;   -- when `move` was computed
    """,
    # 5: the full text of summary-only feed items (store/fulltext.py), fetched once: on
    # success it becomes the article's body and the feed's teaser is kept here; on
    # failure the body stays the teaser and `error` says why.
    """
    CREATE TABLE full_texts (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        url TEXT NOT NULL,
        summary TEXT NOT NULL,          -- the body the feed gave
        summary_hash TEXT NOT NULL,     -- its content hash: a re-poll of the same item changes nothing
        text TEXT,                      -- the page's main text; NULL when it failed
        error TEXT,                     -- why there is none (HTTP 403, nothing extracted ...)
        fetched_at REAL NOT NULL
    );
    """,
    # 6: new articles enter the full-text index by one INSERT ... SELECT per batch, in the
    # transaction that writes them (store/writes.py), instead of a trigger per row; the
    # update and delete triggers stay.
    """
    DROP TRIGGER articles_fts_insert;
    """,
    # 7: figures kept without their text and sentence, which are rebuilt from the body
    # when read (store/figure_codec.py).
    compact_stored,
    # 8: a query's figure conditions are probed per article, newest first (query/sql.py):
    # one seek on (article, kind) in an index that holds every compared column, instead
    # of reading the article's figure rows. And the intraday bars behind an article's
    # first-hour and first-day reaction (prices/intraday.py), cached like daily closes.
    """
    CREATE INDEX article_figures_probe ON article_figures(article_n, kind, amount, currency, unit, day);
    CREATE TABLE intraday_series (
        symbol TEXT NOT NULL,
        interval INTEGER NOT NULL,      -- bar length in seconds (300, 3600)
        source TEXT NOT NULL,           -- 'yahoo' or 'csv'
        fetched_at REAL NOT NULL,
        PRIMARY KEY (symbol, interval)
    );
    CREATE TABLE intraday_bars (
        symbol TEXT NOT NULL,
        interval INTEGER NOT NULL,
        start INTEGER NOT NULL,         -- the bar's opening moment, unix seconds
        close REAL NOT NULL,
        PRIMARY KEY (symbol, interval, start),
        FOREIGN KEY (symbol, interval) REFERENCES intraday_series(symbol, interval) ON DELETE CASCADE
    ) WITHOUT ROWID;
    """,
    # 9: the index on article_figures(article_n) goes: article_figures_probe (8) starts
    # with the same column, so it serves every lookup by article and the cascade from
    # articles, and a poll's stage 2 no longer maintains a fourth index per figure row
    # (inserting the 200-feed benchmark's 80,000 figure rows and committing them:
    # ~13 % less CPU in the writing process).
    """
    DROP INDEX article_figures_article;
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


def statements(script: str) -> Iterator[str]:
    """Split a migration into statements, keeping trigger bodies whole.

    `executescript` would COMMIT the surrounding transaction, so each statement runs
    through `execute` inside the migration's own transaction instead.
    """
    buffer = ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--") and not buffer.strip():
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            yield buffer.strip()
            buffer = ""
    if buffer.strip():
        raise ValueError(f"incomplete SQL statement in migration: {buffer.strip()[:60]}")
