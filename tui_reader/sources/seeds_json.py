"""JSON seeds: one article object or a list of them, as SEED_FORMAT describes.

JSON is what scripts write, so the fields are trusted for their names only: every
value is type-checked and sanitised, and a bad item becomes a problem line for that
index while the file's other items still load.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

from tui_reader.extract.boilerplate import strip_boilerplate
from tui_reader.model import Article, Instrument, stable_id
from tui_reader.sources.datelines import DATELINE, dateline_time
from tui_reader.sources.decode import load_json, sanitize
from tui_reader.sources.seeds_errors import SkipFile
from tui_reader.sources.seeds_portal import ISIN, STAMP, merge, stamp_time, valid_isin

__all__ = ["parse_json"]


class _BadItem(Exception):
    pass


def parse_json(text: str, key: str, path: str | None) -> tuple[list[Article], list[tuple[int, str]]]:
    """The articles of a JSON seed; one without a `source` is left with an empty one."""
    try:
        data = load_json(text)
    except json.JSONDecodeError as exc:
        raise SkipFile(f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise SkipFile("invalid JSON: nested too deeply") from None
    if isinstance(data, dict):
        items = [data]
    elif isinstance(data, list):
        items = data
    else:
        raise SkipFile("JSON holds neither an article object nor a list of them")
    if not items:
        raise SkipFile("empty JSON list")
    articles: list[Article] = []
    problems: list[tuple[int, str]] = []
    for index, item in enumerate(items):
        try:
            articles.append(_json_article(item, stable_id("seed", key, str(index)), path))
        except _BadItem as exc:
            problems.append((index, str(exc)))
    if not articles:
        raise SkipFile(f"no usable article in JSON (item {problems[0][0]}: {problems[0][1]})")
    return articles, problems


def _json_article(item: object, article_id: str, path: str | None) -> Article:
    if not isinstance(item, dict):
        raise _BadItem(f"not an article object ({type(item).__name__})")
    title = item.get("title")
    title = " ".join(sanitize(title).split()) if isinstance(title, str) else ""
    if not title:
        raise _BadItem("no title")
    body = item.get("body")
    if isinstance(body, list) and all(isinstance(p, str) for p in body):
        body = "\n\n".join(body)
    if body is not None and not isinstance(body, str):
        raise _BadItem(f"body is not text ({type(body).__name__})")
    paragraphs = [p for block in re.split(r"\n[ \t]*\n", sanitize(body or ""))
                  if (p := " ".join(block.split()))]
    kept, removed = strip_boilerplate(paragraphs)
    source, url = _json_text(item.get("source")), _json_text(item.get("url"))
    return Article(
        id=article_id,
        source=source or "",
        title=title,
        body="\n\n".join(kept),
        published=_json_time(item.get("published")),
        url=url if url and re.match(r"https?://", url) else None,
        path=path,
        removed=removed,
        declared=merge(_json_instruments(item.get("instruments"))),
    )


def _json_text(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(sanitize(value).split()) or None


def _json_time(value: object) -> datetime | None:
    """ISO 8601 (or the portal's format); a naive time means UTC, as feeds mean it."""
    text = _json_text(value)
    if not text:
        return None
    if match := STAMP.fullmatch(text):
        return stamp_time(match, UTC)
    match = DATELINE.fullmatch(text)
    return dateline_time(match, UTC) if match else None


_TICKER = re.compile(r"[A-Z0-9][A-Z0-9.\-=^]{0,11}")


def _json_instruments(value: object) -> list[Instrument]:
    if not isinstance(value, list):
        return []
    found: list[Instrument] = []
    for entry in value:
        if isinstance(entry, str):
            text = _json_text(entry)
            if not text:
                continue
            if re.fullmatch(ISIN, text):
                found.append(Instrument(isin=text, ticker=None, name=None))
            elif _TICKER.fullmatch(text):
                found.append(Instrument(isin=None, ticker=text, name=None))
            else:
                found.append(Instrument(isin=None, ticker=None, name=text))
        elif isinstance(entry, dict):
            isin, ticker, name = (_json_text(entry.get(k)) for k in ("isin", "ticker", "name"))
            if isin and not (re.fullmatch(ISIN, isin) and valid_isin(isin)):
                isin = None
            if isin or ticker or name:
                found.append(Instrument(isin=isin, ticker=ticker, name=name))
    return found
