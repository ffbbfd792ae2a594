"""The query language over what was extracted: fields, figure comparisons, free words.

`parser.parse` reads a query into a syntax tree (`syntax`), `sql.compile_where` turns
it into one WHERE clause over the store, `evaluate.matches` answers it for one article
in Python. See docs/QUERIES.md for the language. Nothing is imported here: the store's
write path (which runs in every parser process) needs only `figure_rows`, not lark.
"""
