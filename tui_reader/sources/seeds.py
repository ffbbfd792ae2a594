"""Seed files → `Article`s: finding them in folders, reading them, and handing each
to its format (`seeds_portal` for .txt/.md, `seeds_json` for .json).

A seed folder is whatever a user dropped in it, so the parser takes what is there.
Files that are not articles raise `SkipFile` with a reason the UI shows; nothing here
raises anything else for bad input. Articles come back unenriched;
`tui_reader.extract.enrich` does the rest.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from tui_reader.model import Article, Skipped, stable_id
from tui_reader.sources.decode import NotText, decode_text
from tui_reader.sources.seeds_errors import SeedPathError, SkipFile
from tui_reader.sources.seeds_json import parse_json
from tui_reader.sources.seeds_portal import parse_text

__all__ = ["MAX_BYTES", "SEED_SUFFIXES", "SeedPathError", "SkipFile", "is_documentation", "parse_seed_bytes",
           "read_seed", "scan", "seed_files"]

MAX_BYTES = 5_000_000
"""No news article is this long; a bigger file is a data dump that would stall the UI."""

SEED_SUFFIXES = frozenset({"", ".txt", ".text", ".md", ".markdown", ".json"})

_DOC_STEMS = frozenset({"readme", "sources", "changelog", "changes", "authors", "notice", "copying"})
_DOC_PREFIXES = ("license", "licence")


# --- public entry points --------------------------------------------------------------


def read_seed(path: Path, root: Path | None = None) -> list[Article]:
    """Read one seed file; ids use the path relative to `root` so edits update in place."""
    return _read(path, root)[0]


def parse_seed_bytes(data: bytes, name: str, *, key: str | None = None, folder: str = "seeds",
                     path: str | None = None) -> list[Article]:
    """Parse a seed file's bytes; `name` picks the format by its suffix.

    `key` (default `name`) feeds the article ids, `folder` the fallback source
    ``seed:<folder>``. Raises only `SkipFile`.
    """
    return _parse(data, name, key or name, folder, path)[0]


def scan(paths: Iterable[Path], *, label_by_folder: bool = True) -> tuple[list[Article], list[Skipped]]:
    """Read files and folders (recursively, sorted). Raises `SeedPathError` for a named
    path that is missing or unreadable; everything inside it that is not an article
    becomes a `Skipped` instead. An article that names no source is labelled
    ``seed:<folder>`` for the reader's lists; `label_by_folder=False` leaves its
    source empty, as `extract --json` reports it (null)."""
    paths = list(paths)
    for path in paths:
        _check_named(path)
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for path in paths:
        if path.is_dir():
            for file in seed_files(path, skipped):
                _collect(file, path, articles, skipped, label_by_folder)
        else:
            _collect(path, None, articles, skipped, label_by_folder)
    return articles, skipped


# --- files and folders ----------------------------------------------------------------


def is_documentation(path: Path) -> bool:
    """README, SOURCES, LICENSE and friends: a folder's notes about its files, written
    in the same .md/.txt as articles but never one (`seeds/README.md` must not show up
    in the reader)."""
    stem = path.name.split(".", 1)[0].lower()
    return stem in _DOC_STEMS or stem.startswith(_DOC_PREFIXES)


def _check_named(path: Path) -> None:
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            os.scandir(path).close()
        elif stat.S_ISREG(info.st_mode):  # opening a FIFO would block; _read skips it
            open(path, "rb").close()
    except FileNotFoundError:
        raise SeedPathError(f"no such file or directory: {path}") from None
    except OSError as exc:
        raise SeedPathError(f"cannot read {path}: {exc.strerror or exc}") from None


def seed_files(folder: Path, skipped: list[Skipped]) -> list[Path]:
    """Every file below `folder`, sorted; hidden folders, `prices/` (price CSVs) and
    documentation files are left out silently: a folder is expected to hold them, so
    listing them as skipped would be noise. Symlinked folders are not entered, so a
    link back up the tree cannot make the walk endless. `SeedWatcher` walks with this
    too, so it watches exactly the files a full read reads."""
    files: list[Path] = []

    def unreadable(exc: OSError) -> None:
        skipped.append(Skipped(str(exc.filename), f"unreadable folder: {exc.strerror or exc}"))

    for dirpath, dirnames, filenames in os.walk(folder, onerror=unreadable):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d != "prices")
        files.extend(path for f in filenames if not is_documentation(path := Path(dirpath, f)))
    depth = len(folder.parts)  # sorting by relative parts, without relative_to's cost
    files.sort(key=lambda p: p.parts[depth:])
    return files


def _collect(file: Path, root: Path | None, articles: list[Article], skipped: list[Skipped],
             label_by_folder: bool) -> None:
    suffix = file.suffix.lower()
    if suffix not in SEED_SUFFIXES and not file.name.startswith("."):
        skipped.append(Skipped(str(file), f"not a seed format ({suffix})"))
        return
    try:
        found, problems = _read(file, root, label_by_folder)
    except SkipFile as exc:
        skipped.append(Skipped(str(file), exc.reason))
        return
    articles.extend(found)
    skipped.extend(Skipped(f"{file}[{index}]", reason) for index, reason in problems)


def _read(path: Path, root: Path | None, label_by_folder: bool = True
          ) -> tuple[list[Article], list[tuple[int, str]]]:
    if path.name.startswith("."):
        raise SkipFile("hidden file")
    if is_documentation(path):  # named outright or re-read by the watcher: say why
        raise SkipFile("not an article (documentation)")
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise SkipFile("not a regular file")
        if info.st_size > MAX_BYTES:
            raise SkipFile(_too_large(info.st_size))
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)  # the file may have grown since stat
    except OSError as exc:
        raise SkipFile(f"unreadable: {exc.strerror or exc}") from None
    key = path.relative_to(root).as_posix() if root is not None and path.is_relative_to(root) else path.name
    folder = (path.parent.name or Path.cwd().name) if label_by_folder else None
    return _parse(data, path.name, key, folder, str(path))


def _too_large(size: int) -> str:
    return f"too large: {size / 1_000_000:.1f} MB (limit {MAX_BYTES // 1_000_000} MB)"


# --- formats --------------------------------------------------------------------------


def _parse(data: bytes, name: str, key: str, folder: str | None, path: str | None
           ) -> tuple[list[Article], list[tuple[int, str]]]:
    """`folder` labels articles that name no source (``seed:<folder>``); None leaves them empty."""
    if name.startswith("."):
        raise SkipFile("hidden file")
    if len(data) > MAX_BYTES:
        raise SkipFile(_too_large(len(data)))
    try:
        text = decode_text(data)
    except NotText as exc:
        raise SkipFile(str(exc)) from None
    suffix = os.path.splitext(name)[1].lower()
    if suffix == ".json":
        articles, problems = parse_json(text, key, path)
    else:
        article = parse_text(text, markdown=suffix in (".md", ".markdown"))
        article.id = stable_id("seed", key, "0")
        article.path = path
        articles, problems = [article], []
    if folder is not None:
        for article in articles:
            article.source = article.source or f"seed:{folder}"
    return articles, problems
