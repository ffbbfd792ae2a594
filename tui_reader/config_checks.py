"""Checks on the config's values whose errors name the file, the line and the key.

A typo silently ignored is worse than a clear refusal, and a refusal the user cannot
find in the file is little better: each `ConfigError` made here says
`FILE:LINE: key: what was expected, got what`. The line is found in the text, since
`tomllib` keeps no positions.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from tui_reader.query.saved import SavedSearch

__all__ = ["Checker", "ConfigError", "Where"]


class ConfigError(Exception):
    """The config file is missing (when named explicitly), malformed or has a wrong value."""


_T = TypeVar("_T")
Where = tuple[str | None, int | None]
"""(table, index of the [[table]]) a key stands in; (None, None) is the top level."""


class Checker:
    """Type checks whose errors name the file, the line and the key."""

    def __init__(self, text: str, path: Path) -> None:
        self._lines = text.splitlines()
        self.path = path

    def fail(self, key: str, message: str, where: Where = (None, None)) -> ConfigError:
        table, index = where
        line = self._line_near(key, table, index)
        place = f"{self.path}:{line}" if line else str(self.path)
        name = f"{table}[{index}].{key}" if index is not None else f"{table}.{key}" if table else key
        return ConfigError(f"{place}: {name}: {message}")

    def _line_near(self, key: str, table: str | None, index: int | None) -> int | None:
        """The line of `key`, else, for a table written inline or dotted (`mine = { url
        = ... }` under [templates], `templates.mine.url = ...`), the line that opens the
        nearest enclosing name."""
        line = self._line_of(key, table, index)
        while line is None and table is not None and index is None:
            parent, _, key = table.rpartition(".")
            table = parent or None
            line = self._line_of(key, table, None)
        return line

    def _line_of(self, key: str, table: str | None, index: int | None) -> int | None:
        """The 1-based line defining `key` in the given table (or the n-th `[[table]]`)."""
        key_re = re.compile(rf"^\s*{re.escape(key)}\s*[=.]")
        header_re = re.compile(r"^\s*\[")
        own_re = re.compile(rf"^\s*\[\[?\s*{re.escape(table)}\s*\]\]?") if table else None
        seen = -1
        inside = table is None
        for number, line in enumerate(self._lines, start=1):
            if header_re.match(line):
                if own_re is not None and own_re.match(line):
                    seen += 1
                    inside = index is None or seen == index
                else:
                    inside = False
                continue
            if inside and key_re.match(line):
                return number
        return None

    def known(self, data: dict[str, object], names: Sequence[str], where: Where = (None, None)) -> None:
        for key in data:
            if key not in names:
                raise self.fail(key, f"unknown setting (known: {', '.join(names)})", where)

    def typed(self, value: object, kind: type[_T], key: str, where: Where = (None, None)) -> _T:
        if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
            names = {bool: "true or false", str: "a string", list: "a list", dict: "a table"}
            raise self.fail(key, f"expected {names.get(kind, kind.__name__)}, got {value!r}", where)
        return value

    def strings(self, value: object, key: str, where: Where = (None, None)) -> list[str]:
        items = self.typed(value, list, key, where)
        if not all(isinstance(item, str) for item in items):
            raise self.fail(key, "expected a list of strings", where)
        return items

    def interval(self, value: object, key: str, where: Where = (None, None)) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise self.fail(key, f"expected a whole number of minutes (1 or more), got {value!r}", where)
        return value

    def dwell(self, value: object, key: str) -> float | None:
        """Seconds (0 or more), or `false` for never."""
        if value is False:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value < float("inf"):
            raise self.fail(key, f"expected seconds (0 or more) or false, got {value!r}")
        return float(value)

    def contact(self, value: object, key: str) -> str:
        """An e-mail address, sent in an HTTP header: one line of printable text."""
        text = self.typed(value, str, key).strip()
        if "@" not in text or not text.isprintable() or not text.isascii():
            raise self.fail(key, f"expected an e-mail address such as \"you@example.com\", got {value!r}")
        return text

    def command(self, value: object, key: str) -> list[str]:
        """A list of strings, or one string split as a shell would (but never run by one)."""
        if isinstance(value, str):
            try:
                argv = shlex.split(value)
            except ValueError as exc:
                raise self.fail(key, f"cannot split {value!r} into words ({exc})") from None
        else:
            argv = self.strings(value, key)
        if not argv or not argv[0].strip():
            raise self.fail(key, "expected a program, such as [\"notify-send\", \"tui-reader\"]")
        return argv

    def search(self, name: str, entry: object) -> SavedSearch:
        """`name = "query"` under [searches], or a [searches.name] table with `query`
        and `alert`; the query is parsed here so a mistake names its line and column."""
        from tui_reader.query.parser import QueryError
        from tui_reader.query.saved import saved_search

        where: Where = ("searches", None)
        key, alert, text = name, False, entry
        if isinstance(entry, dict):
            where = (f"searches.{name}", None)
            self.known(entry, ("query", "alert"), where)
            if "query" not in entry:
                raise ConfigError(f"{self.path}: searches.{name}: missing query")
            key = "query"
            text = self.typed(entry["query"], str, key, where)
            alert = self.typed(entry.get("alert", False), bool, "alert", where)
        text = self.typed(text, str, key, where)
        try:
            return saved_search(name, text, alert)
        except QueryError as exc:
            raise self.fail(key, f"query {text!r}: {exc}", where) from None

    def instruments(self, value: object, where: Where) -> list[str]:
        """Yahoo symbols (AAPL, SAP.DE, BRK-B, ^GDAXI) or ISINs with a valid check digit."""
        codes = [code.strip().upper() for code in self.strings(value, "instruments", where)]
        for code in codes:
            if re.fullmatch(r"[A-Z]{2}[A-Z0-9]{9}[0-9]", code):
                from stdnum import isin  # only a config that names an ISIN pays the import

                if not isin.is_valid(code):
                    raise self.fail("instruments", f"{code!r} is not a valid ISIN (check digit)", where)
            elif not re.fullmatch(r"\^?[A-Z0-9]{1,10}(?:[.=-][A-Z0-9]{1,4})?", code):
                raise self.fail("instruments", f"expected tickers or ISINs, got {code!r}", where)
        return codes
