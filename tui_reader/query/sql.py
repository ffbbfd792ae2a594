"""A query's syntax tree compiled to one SQL WHERE clause over `articles a`.

The list asks for the newest 500 matches, so SQLite should walk the newest-first index
and test each article until the page is full. Instrument, source and full-text
conditions are `+a.n IN (subquery)`: a set built once from an indexed table, looked up
per article (the unary plus keeps SQLite from driving the query by the set and then
sorting it all). Figure conditions are a correlated `EXISTS` probe of the article's own
figures through `article_figures_probe` (article, kind, then every compared column):
a broad condition (`pct<=-5`, a third of the articles) would make a set of hundreds of
thousands of figure rows, while the probe costs about a microsecond an article. The
compared columns carry a unary plus so SQLite never drives the probe by the
(kind, amount) or (kind, day) index instead, which without statistics it would (it
then scanned every amount of a kind for every article: minutes on 50,000 articles).
Comparisons are null-safe (`coalesce(..., 0)`): an article with no known move does not
satisfy `move<-10`, nor does it come back under `not move<-10` as NULL would make it.
See benchmarks/query_bench.py.
"""

from __future__ import annotations

from datetime import date

from tui_reader.query.conditions import FigureTest, figure_test, group_key, is_figure_condition, split_conjunction
from tui_reader.query.syntax import And, Compare, Flag, Keyed, Node, Not, Or, Words
from tui_reader.query.text_match import fts_expression
from tui_reader.query.values import resolve_day

BY_INSTRUMENT = "SELECT x.n FROM article_instruments i JOIN articles x ON x.id = i.article_id WHERE "
_BY_SOURCE = (
    "SELECT x.n FROM article_sources s JOIN articles x ON x.id = s.article_id "
    "WHERE s.source_key = ? OR s.source LIKE ? ESCAPE '\\'"
)
"""A source key exactly, or a source name by its start, case-blind (ASCII): the list
shows sources cut short, so the start of a name is what a user can type."""
_NOTHING = "0"


def compile_where(node: Node | None, today: date) -> tuple[str, list[object]]:
    """(WHERE clause, parameters); `today` resolves `today`, `today+30d` and the like."""
    if node is None:
        return "1", []
    params: list[object] = []
    return _compile(node, today, params), params


def _compile(node: Node, today: date, params: list[object]) -> str:
    if isinstance(node, And):
        groups, rest = split_conjunction(node)
        # The other conditions first: SQLite tests a row's terms in this order, and a
        # ticker or flag turns most rows away before their figures are looked at.
        parts = [_compile(item, today, params) for item in rest]
        parts += [_figures(figure_test(g, today), params) for g in groups]
        return "(" + " AND ".join(parts) + ")"
    if isinstance(node, Or):
        return "(" + " OR ".join(_compile(item, today, params) for item in node.items) + ")"
    if isinstance(node, Not):
        return f"NOT ({_compile(node.item, today, params)})"
    if is_figure_condition(node):
        assert group_key(node)
        return _figures(figure_test([node], today), params)
    if isinstance(node, Compare):
        if node.field == "move":
            params.append(node.value.value)  # type: ignore[union-attr]
            return f"coalesce(a.move {node.op} ?, 0)"
        params.append(resolve_day(node.value, today).isoformat())  # type: ignore[arg-type]
        return f"coalesce(substr(a.published, 1, 10) {node.op} ?, 0)"
    if isinstance(node, Flag):
        return "a.read = 0" if node.name == "unread" else "a.starred = 1"
    if isinstance(node, Words):
        return _words(node, params)
    assert isinstance(node, Keyed)
    return _keyed(node, params)


def _keyed(node: Keyed, params: list[object]) -> str:
    if node.key == "ticker":
        return ticker_condition(node.value, params)
    if node.key == "isin":
        return isin_condition(node.value, params)
    return source_condition(node.value, params)


def _words(node: Words, params: list[object]) -> str:
    """Free text in the full-text index; a bare word also finds the articles filed under
    the listing it names (`BABA`, `9988`, an ISIN), as `evaluate.word_names_listing`."""
    parts = []
    expression = fts_expression(node.text, node.phrase)
    if expression is not None:
        params.append(expression)
        parts.append("+a.n IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
    if not node.phrase:
        symbol = node.text.strip().upper()
        params.extend((symbol, symbol, symbol))
        parts.append(f"+a.n IN ({BY_INSTRUMENT}i.symbol = ? OR i.symbol_base = ? OR i.isin = ?)")
    return "(" + " OR ".join(parts) + ")" if parts else _NOTHING


def ticker_condition(ticker: str, params: list[object]) -> str:
    """Any instrument with this symbol, case-blind, with or without the Yahoo exchange
    suffix (SAP finds SAP.DE and SAP.DE finds SAP), or this ISIN."""
    symbol = ticker.strip().upper()
    base = symbol.split(".", 1)[0] or symbol
    params.extend((symbol, symbol, base, symbol))
    return f"+a.n IN ({BY_INSTRUMENT}i.symbol = ? OR i.symbol_base = ? OR i.symbol = ? OR i.isin = ?)"


def isin_condition(isin: str, params: list[object]) -> str:
    params.append(isin.strip().upper())
    return f"+a.n IN ({BY_INSTRUMENT}i.isin = ?)"


def source_condition(source: str, params: list[object]) -> str:
    escaped = source.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    params.extend((source, escaped + "%"))
    return f"+a.n IN ({_BY_SOURCE})"


RARE_FIGURES = 2000
"""Figure rows in a condition's indexed range below which its articles are gathered as
a set rather than probed one by one (see `_figures`)."""


def _figures(test: FigureTest, params: list[object]) -> str:
    """Some figure of the article passes `test`.

    Probing each article (`EXISTS`) fills a page at once when many articles match, but
    walks all 50,000 when few do (`money>=1tn currency:EUR`: ~150 ms); for those the
    set of matching articles, built from the (kind, amount) or (kind, day) index, is
    small and quick. Which one applies is decided in the query itself: a count of the
    condition's indexed range that stops at `RARE_FIGURES` (a few thousand index steps
    at most), evaluated once per query, as are the set and its CASE branch."""
    column = "f.day" if test.kind == "date" else "f.amount"
    where = ["f.kind = ?"]
    values: list[object] = [test.kind]
    if test.unit:
        where.append("+f.unit = ?")
        values.append(test.unit)
    if test.currency:
        where.append("+f.currency = ?")
        values.append(test.currency)
    for op, value in test.compares:
        where.append(f"+{column} {op} ?")
        values.append(value)
    probe = "EXISTS (SELECT 1 FROM article_figures f WHERE f.article_n = a.n AND " + " AND ".join(where) + ")"
    if not test.compares:
        params.extend(values)
        return probe
    op, bound = test.compares[0]
    # The range on the indexed column: no unary plus here, so SQLite seeks it.
    estimate = (
        f"(SELECT count(*) FROM (SELECT 1 FROM article_figures f WHERE f.kind = ? AND {column} {op} ? "
        f"LIMIT {RARE_FIGURES})) < {RARE_FIGURES}"
    )
    # The set seeks the same range, then tests the rest of the condition.
    indexed = [f"{column} {op} ?", *where]
    gathered = "+a.n IN (SELECT f.article_n FROM article_figures f WHERE " + " AND ".join(indexed) + ")"
    params.extend((test.kind, bound, bound, *values, *values))
    return f"(CASE WHEN {estimate} THEN {gathered} ELSE {probe} END)"
