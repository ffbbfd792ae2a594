"""The query language in SQL over a real store file, held to the Python evaluation."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui_reader.model import Article, Instrument, KeyFigure
from tui_reader.query.evaluate import Facts, matches
from tui_reader.query.parser import parse
from tui_reader.query.syntax import And, Compare, Day, Flag, Keyed, Node, Not, Number, Or, Words
from tui_reader.store import Store

TODAY = date(2026, 3, 1)
AAPL = Instrument("US0378331005", "AAPL", "Apple", primary=True)
NVDA = Instrument("US67066G1040", "NVDA", "Nvidia", primary=True)
SAP = Instrument("DE0007164600", "SAP.DE", "SAP SE", primary=True)
BABA = Instrument("US01609W1027", "BABA", "Alibaba", primary=True)


def _money(value: float, currency: str, text: str = "x") -> KeyFigure:
    return KeyFigure("money", text, value, 0, 1, "c", currency=currency)


def _pct(value: float, direction: str | None, unit: str = "%") -> KeyFigure:
    return KeyFigure("percent", "x", value, 0, 1, "c", unit=unit, direction=direction)  # type: ignore[arg-type]


def _day(day: str) -> KeyFigure:
    return KeyFigure("date", day, day, 0, 1, "c")


ARTICLES = [
    # (article, read, starred, move)
    (Article("a1", "Reuters", "Apple plans a $110 billion buyback", "Apple said the buyback is its largest.",
             datetime(2026, 2, 20, 15, tzinfo=UTC), instruments=[AAPL],
             figures=[_money(110e9, "USD"), _pct(4.0, "up")]), False, False, 6.5),
    (Article("a2", "Reuters Breakingviews", "Nvidia falls 7%", "Chip stocks slid on export worries.",
             datetime(2026, 2, 25, 9, tzinfo=UTC), instruments=[NVDA, AAPL],
             figures=[_pct(7.0, "down"), _money(30e9, "USD"), _money(60e9, "EUR")]), True, False, -12.0),
    (Article("a3", "dpa-AFX", "SAP: Umsatz steigt um 12 Prozent", "SAP berichtet am 29. Januar.",
             datetime(2026, 1, 20, 8, tzinfo=UTC), instruments=[SAP],
             figures=[_pct(12.0, "up"), _day("2026-01-29"), _day("2026-04-22"), _pct(150.0, "down", "bp")]),
     False, True, None),
    (Article("a4", "Motley Fool", "Alibaba's cloud: a 50 billion yuan bet", "Spending over three years.",
             datetime(2026, 2, 28, 23, tzinfo=UTC), instruments=[BABA],
             figures=[_money(50e9, "CNY"), KeyFigure("multiple", "tenfold", 10.0, 0, 1, "c"),
                      KeyFigure("period", "three years", "P3Y", 0, 1, "c")]), False, True, -2.0),
    (Article("a5", "Börse Global", "Ohne Zahlen", "Eine Notiz ohne Zahlen über die Übernahme.",
             None, instruments=[], figures=[]), False, False, None),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path: Path = tmp_path_factory.mktemp("query") / "articles.sqlite3"
    with Store.open(path) as opened:
        for article, read, starred, _ in ARTICLES:
            opened.upsert_articles("test", [article])
            opened.set_read(article.id, read)
            opened.set_starred(article.id, starred)
        opened.save_moves([(article.id, move) for article, _, _, move in ARTICLES])
        yield opened


def _facts() -> list[Facts]:
    return [Facts(a, read=r, starred=s, move=m, sources=(a.source,)) for a, r, s, m in ARTICLES]


def _sql(store: Store, node: Node | None) -> set[str]:
    # Store.articles resolves `today` itself; these tests' relative days are absolute.
    return {s.id for s in store.articles(where=node, limit=100)}


def _python(node: Node | None) -> set[str]:
    return {f.article.id for f in _facts() if matches(node, f, TODAY)}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("money>=50bn currency:USD", {"a1"}),
        ("money>=50bn", {"a1", "a2", "a4"}),
        ("currency:EUR money>=50bn", {"a2"}),
        ("currency:USD currency:EUR", {"a2"}),
        ("pct<=-5", {"a2"}),
        ("pct<=-5 and not ticker:NVDA", set()),
        ("pct>=4 and not ticker:NVDA", {"a1", "a3"}),
        ("pp<=-1.5", {"a3"}),
        ("pp<-1.5", set()),
        ("move<-10 unread", set()),
        ("move<-10", {"a2"}),
        ("not move<-10", {"a1", "a3", "a4", "a5"}),
        ("kind:date date>=2026-02-01", {"a3"}),
        ("kind:multiple or kind:period", {"a4"}),
        ("ticker:AAPL", {"a1", "a2"}),
        ("ticker:SAP", {"a3"}),
        ("isin:DE0007164600", {"a3"}),
        ("source:reuters", {"a1", "a2"}),
        ('source:"reuters b"', {"a2"}),
        ("starred", {"a3", "a4"}),
        ("unread and not starred", {"a1", "a5"}),
        ("buyback", {"a1"}),
        ('"export worries"', {"a2"}),
        ("ubernahme", {"a5"}),
        ("published>=2026-02-25", {"a2", "a4"}),
        ("(ticker:AAPL or ticker:BABA) money>=100bn", {"a1"}),
        # A bare ticker or ISIN also finds the articles filed under it, none of whose
        # words it is ("Alibaba" is no word "baba"); a quoted one is only text.
        ("BABA", {"a4"}),
        ("nvda", {"a2"}),
        ("SAP.DE", {"a3"}),
        ("US0378331005", {"a1", "a2"}),
        ('"BABA"', set()),
        ("BABA cloud", {"a4"}),
        ("not BABA", {"a1", "a2", "a3", "a5"}),
    ],
)
def test_examples_match_exactly_and_sql_agrees_with_python(store: Store, query: str, expected: set[str]) -> None:
    node = parse(query)
    assert _python(node) == expected
    assert _sql(store, node) == expected


_LEAVES = st.one_of(
    st.builds(Keyed, st.just("ticker"), st.sampled_from(["AAPL", "NVDA", "SAP", "SAP.DE", "BABA", "MSFT"])),
    st.builds(Keyed, st.just("isin"), st.sampled_from(["US0378331005", "DE0007164600"])),
    st.builds(Keyed, st.just("kind"), st.sampled_from(["money", "percent", "date", "multiple", "period"])),
    st.builds(Keyed, st.just("currency"), st.sampled_from(["USD", "EUR", "CNY"])),
    st.builds(Keyed, st.just("source"), st.sampled_from(["reuters", "Reuters B", "dpa", "motley"])),
    st.builds(Flag, st.sampled_from(["starred", "unread"])),
    st.builds(Words, st.sampled_from(["apple", "chip", "sap", "notiz", "three", "baba", "SAP.DE", "US0378331005"])),
    st.builds(
        lambda f, op, n: Compare(f, op, Number(n, str(n))),
        st.sampled_from(["money", "pct", "pp", "move"]),
        st.sampled_from(["<", "<=", ">", ">=", "="]),
        st.sampled_from([-12.0, -7.0, -1.5, 0.0, 4.0, 12.0, 30e9, 50e9, 110e9]),
    ),
    st.builds(
        lambda f, op, d: Compare(f, op, Day(d)),
        st.sampled_from(["date", "published"]),
        st.sampled_from(["<", "<=", ">", ">=", "="]),
        st.sampled_from(["2026-01-29", "2026-02-20", "2026-04-22"]),
    ),
)
_TREES = st.recursive(
    _LEAVES,
    lambda children: st.one_of(
        st.builds(Not, children),
        st.builds(lambda items: And(tuple(items)), st.lists(children, min_size=2, max_size=3)),
        st.builds(lambda items: Or(tuple(items)), st.lists(children, min_size=2, max_size=3)),
    ),
    max_leaves=6,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_TREES)
def test_sql_and_python_agree_on_any_query(store: Store, tree: Node) -> None:
    assert _sql(store, tree) == _python(tree)
