"""Key figures as the store keeps them: kind, value, span and the few attributes, without
their text and sentence, which are rebuilt from the article when it is read.

Why: the text and the sentence were most of a stored figure (about 2.5 KB of JSON per
article of the poll benchmark) and of what a parser process sends the writer, yet both
follow from the body: the text is ``body[start:end]`` (the title's, for a figure found
in the headline) and the sentence is found by the extractor's own sentence rules
(`extract.figures_context.figure_sentences`, the very function the extractor attaches
sentences with), figures of one sentence sharing it as they do there.

Output stays identical by construction, not by hope: `encode` rebuilds what `decode`
would and keeps the text or the sentence of a figure whose rebuilt one differs (a
hand-made figure, a headline figure whose neighbour was dropped as a repeat).

One figure is a JSON array, trailing defaults left out:
``[kind, value, start, end, currency, qualifier, unit, direction, high, in_title, text, context]``
where `text` and `context` are null when rebuilt.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import fields

from tui_reader.extract.figures_context import figure_sentences
from tui_reader.model import KeyFigure

_to_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_TEXT, _CONTEXT = 10, 11
"""Positions of the kept text and sentence in a figure's array."""


def _rebuilt(figures: Sequence[KeyFigure], title: str, body: str) -> tuple[list[str], list[str]]:
    """(texts, sentences) as `decode` rebuilds them, in the figures' order."""
    texts = [(title if f.in_title else body)[f.start:f.end] for f in figures]
    contexts: list[str] = [""] * len(figures)
    for in_title, text in ((True, title), (False, body)):
        at = [n for n, f in enumerate(figures) if f.in_title is in_title]
        if at:
            for n, context in zip(at, figure_sentences(text, [(figures[n].start, figures[n].end) for n in at]), strict=True):
                contexts[n] = context
    return texts, contexts


def encode(figures: Sequence[KeyFigure], title: str, body: str) -> str:
    """The figures as stored (JSON); `decode` with the same title and body gives them back."""
    if not figures:
        return "[]"
    texts, contexts = _rebuilt(figures, title, body)
    rows = []
    for f, text, context in zip(figures, texts, contexts, strict=True):
        row: list[object] = [f.kind, f.value, f.start, f.end, f.currency, f.qualifier, f.unit, f.direction,
                             f.high, f.in_title,
                             None if f.text == text else f.text, None if f.context == context else f.context]
        while row[-1] is None or row[-1] is False:
            row.pop()
        rows.append(row)
    return _to_json(rows)


def decode(stored: str, title: str, body: str) -> list[KeyFigure]:
    """The figures `encode` stored for this title and body, text and sentence rebuilt."""
    rows = json.loads(stored)
    if not rows:
        return []
    figures = []
    for row in rows:
        row += [None] * (12 - len(row))
        kind, value, start, end, currency, qualifier, unit, direction, high, in_title = row[:10]
        figures.append(KeyFigure(kind, "", value, start, end, "", currency, qualifier, unit, direction, high,
                                 bool(in_title)))
    texts, contexts = _rebuilt(figures, title, body)
    for figure, row, text, context in zip(figures, rows, texts, contexts, strict=True):
        figure.text = text if row[_TEXT] is None else row[_TEXT]
        figure.context = context if row[_CONTEXT] is None else row[_CONTEXT]
    return figures


def compact_stored(db: sqlite3.Connection) -> None:
    """Schema migration 7: rewrite every article's figures, stored until then as a JSON
    object per figure with its text and sentence, in this module's form. Runs in the
    migration's transaction, a slice of rows at a time so memory stays flat."""
    known = {f.name for f in fields(KeyFigure)}
    after = 0
    while True:
        rows = db.execute(
            "SELECT n, title, body, figures FROM articles WHERE n > ? AND figures != '[]' ORDER BY n LIMIT 500",
            (after,),
        ).fetchall()
        if not rows:
            return
        db.executemany(
            "UPDATE articles SET figures = ? WHERE n = ?",
            [(encode([KeyFigure(**{k: v for k, v in f.items() if k in known}) for f in json.loads(figures)],
                     title, body), n)
             for n, title, body, figures in rows],
        )
        after = rows[-1][0]
