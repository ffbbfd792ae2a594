"""The query language over what was extracted: fields, figure comparisons, free words.

`parse` reads a query into a syntax tree (`syntax`), `sql.compile_where` turns it into
one WHERE clause over the store, `evaluate.matches` answers it for one article in
Python. See docs/QUERIES.md for the language.
"""

from tui_reader.query.parser import QueryError, parse
from tui_reader.query.syntax import to_text

__all__ = ["QueryError", "parse", "to_text"]
