"""The step every article goes through on its way into the store, seeds and feeds alike.

A source's format is read elsewhere (`sources/seeds.py`, `sources/feedparse.py`, each
decoding bytes to clean text first); from the parsed `Article` on, both paths share
this package, in two stages:

1. `steps.file_article` (stage 1): boilerplate stripped, instruments found, store rows
   prepared. Written by `writer` (several sources to a transaction, each source's
   failure its own), the article is listed, filed under its instruments and searchable.
2. `steps.complete_batch` (stage 2): key figures, computed afterwards for rows stage 1
   marked `PENDING`, by the same loop that re-files articles an older extractor filed
   (`sources/upkeep.reextract_pending`, newest first, a batch per transaction), so
   stage 2 and re-extraction after an upgrade are one mechanism and both resume after
   a kill. `on_open.article_with_figures` completes one article on the spot when the
   reader opens it before its turn.

Stage 1 is what the lists need; stage 2 is most of the CPU a poll spends per article,
so splitting them lists a poll's news sooner (issue 14).
"""

from tui_reader.ingest.on_open import article_with_figures
from tui_reader.ingest.steps import PENDING, complete_batch, file_article

__all__ = ["PENDING", "article_with_figures", "complete_batch", "file_article"]
