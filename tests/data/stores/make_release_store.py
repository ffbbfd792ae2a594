"""Writes `release-5.sqlite3` (kept gzipped): a store as the release with schema 5
(commit 77adcdd) leaves it, for the migration tests (tests/unit/test_store_migrations.py).

It must run under that release's code, not the checkout's:

    mkdir /tmp/release && git archive 77adcdd tui_reader | tar -x -C /tmp/release
    PYTHONPATH=/tmp/release python tests/data/stores/make_release_store.py /tmp/release-5.sqlite3
    gzip -9 -n -c /tmp/release-5.sqlite3 > tests/data/stores/release-5.sqlite3.gz

Contents: the bundled seeds (our own sample articles) and two feed items written here,
one repeating a seed's story, with some articles read and one starred, so the test
can check that flags, sources, story merges and counters survive the migration.
"""

from __future__ import annotations

import sqlite3
import sys
from datetime import UTC, datetime
from pathlib import Path

from tui_reader.extract import enrich
from tui_reader.model import Article
from tui_reader.sources.seeds import scan
from tui_reader.store import SCHEMA_VERSION, Store

ROOT = Path(__file__).resolve().parents[3]


def main(out: Path) -> None:
    assert SCHEMA_VERSION == 5, f"run this under the schema-5 release, not schema {SCHEMA_VERSION}"
    out.unlink(missing_ok=True)
    articles, _skipped = scan([ROOT / "seeds"])
    feed = [
        Article("feed-1", "Wire", "Chipmaker lifts its outlook after a 12% jump in orders",
                "The company said orders rose 12% to $4.2 billion in the quarter. It now expects revenue "
                "between $17 billion and $18 billion for the year, up from $16 billion.",
                published=datetime(2026, 2, 3, 14, 30, tzinfo=UTC), url="https://wire.example/1"),
        # The same story as the first seed, from a feed: stored as one more source of it.
        Article("feed-2", "Other wire", articles[0].title, articles[0].body, published=articles[0].published,
                url="https://other.example/2"),
    ]
    with Store.open(out) as store:
        store.upsert_articles(str(ROOT / "seeds"), [enrich(a) for a in articles])
        store.save_poll("https://wire.example/rss", [enrich(a) for a in feed], etag='"v1"')
        for article in articles[::3]:
            store.set_read(article.id)
        store.set_starred(articles[1].id)
    db = sqlite3.connect(out)
    db.execute("PRAGMA journal_mode=DELETE")  # one file, no -wal beside it
    db.execute("PRAGMA page_size=512")  # small pages: a small file to keep in the repository
    db.execute("VACUUM")
    db.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
