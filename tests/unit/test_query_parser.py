"""The query language's parser: what it reads, what it refuses and where, round trips."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui_reader.query.parser import QueryError, parse
from tui_reader.query.syntax import And, Compare, Day, Flag, Keyed, Node, Not, Number, Or, Words, to_text


def test_the_issue_examples_read_as_intended() -> None:
    assert parse("money>=50bn currency:USD") == And(
        (Compare("money", ">=", Number(50e9, "50bn")), Keyed("currency", "USD"))
    )
    assert parse("pct<=-5 and not ticker:NVDA") == And(
        (Compare("pct", "<=", Number(-5.0, "-5")), Not(Keyed("ticker", "NVDA")))
    )
    assert parse("move<-10 unread") == And((Compare("move", "<", Number(-10.0, "-10")), Flag("unread")))
    assert parse("kind:date date>=today") == And((Keyed("kind", "date"), Compare("date", ">=", Day("today"))))


@pytest.mark.parametrize(
    ("text", "value"),
    [("5", 5.0), ("2.5k", 2500.0), ("3m", 3e6), ("3mn", 3e6), ("1.2bn", 1.2e9), ("2tn", 2e12), ("-7.5%", -7.5)],
)
def test_numbers_take_scale_suffixes(text: str, value: float) -> None:
    node = parse(f"money>={text}")
    assert isinstance(node, Compare) and node.value == Number(value, text.lower())


def test_and_binds_tighter_than_or_and_juxtaposition_is_and() -> None:
    a, b, c = Words("a"), Words("b"), Words("c")
    assert parse("a b or c") == Or((And((a, b)), c))
    assert parse("a and (b or c)") == And((a, Or((b, c))))
    assert parse("not a b") == And((Not(a), b))


def test_keywords_are_whole_words_only() -> None:
    assert parse("android notable order") == And((Words("android"), Words("notable"), Words("order")))


def test_fields_are_case_blind_and_values_normalised() -> None:
    assert parse("TICKER:nvda") == Keyed("ticker", "NVDA")
    assert parse("Kind:Percent") == Keyed("kind", "percent")
    assert parse('source:"Motley Fool"') == Keyed("source", "Motley Fool")
    assert parse("currency:usd") == Keyed("currency", "USD")


def test_words_that_merely_start_like_a_field_stay_words() -> None:
    assert parse("money talks") == And((Words("money"), Words("talks")))
    assert parse("EUR:USD") == Words("EUR:USD")


@pytest.mark.parametrize("text", ["10:30", "https://example.com/a", "EUR:USD", "NYSE:BABA", "Update:", "12:30pm"])
def test_a_colon_that_does_not_make_a_field_stays_text(text: str) -> None:
    """Only `name:value` with a name in letters (not all capitals, as a venue or a
    currency pair) and a value not starting with "/" (a URL) is a field."""
    assert parse(text) == Words(text)
    assert parse(f'"re:{text}"') == Words(f"re:{text}", phrase=True)


def test_dates_absolute_and_relative() -> None:
    assert parse("date>=2026-03-01") == Compare("date", ">=", Day("2026-03-01"))
    assert parse("date<today+30d") == Compare("date", "<", Day("today+30d"))
    assert parse("published>=today-2w") == Compare("published", ">=", Day("today-2w"))


def test_empty_query_is_none() -> None:
    assert parse("   ") is None


@pytest.mark.parametrize(
    ("text", "column", "expected"),
    [
        ("money>=", 8, "a number"),
        ("pct<=lots", 6, "a number"),
        ("date>=2026-02-30", 7, "a real calendar day"),
        ("date>=soon", 7, "a day"),
        ("kind:colour", 6, "one of money, percent"),
        ("ticker:", 8, "a value after ticker:"),
        ("(a or b", 8, "')'"),
        ("a or", 5, "a condition"),
        ("a and and b", 7, "a condition"),
        (')', 1, "a condition"),
        ('"open phrase', 1, "a closing quote"),
        ("tickr:BABA", 1, "a field: did you mean ticker?"),
        ("cloud Sorce:reuters", 7, "did you mean source?"),
        ("unknownfield:3", 1, 'a field: ticker, isin, source, kind or currency ("unknownfield:3" in quotes is text)'),
        ('tickr:"Alibaba Group"', 1, "did you mean ticker?"),
        ("money:5", 1, "a comparison such as money>=50bn"),
        ("unread:yes", 1, "unread alone"),
    ],
)
def test_mistakes_name_the_column_and_what_was_expected(text: str, column: int, expected: str) -> None:
    with pytest.raises(QueryError) as raised:
        parse(text)
    assert raised.value.column == column
    assert expected in raised.value.expected
    assert str(raised.value).startswith(f"at column {column}: expected ")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('abnotrdumey<>=:()"- 5.%$ücikspg')), max_size=40))
def test_the_parser_never_fails_other_than_with_a_query_error(text: str) -> None:
    with contextlib.suppress(QueryError):
        parse(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_arbitrary_unicode_is_read_or_refused_cleanly(text: str) -> None:
    with contextlib.suppress(QueryError):
        parse(text)


_WORD = st.from_regex(r"[a-z][a-z0-9]{0,6}", fullmatch=True).filter(
    lambda w: w not in ("and", "or", "not", "starred", "unread")
)
_LEAVES = st.one_of(
    st.builds(Words, _WORD),
    st.builds(lambda w: Words(w, phrase=True), st.from_regex(r"[a-z]{1,5}( [a-z]{1,5}){0,2}", fullmatch=True)),
    st.builds(Flag, st.sampled_from(["starred", "unread"])),
    st.builds(Keyed, st.sampled_from(["ticker", "isin", "currency"]), st.from_regex(r"[A-Z]{1,5}", fullmatch=True)),
    st.builds(Keyed, st.just("kind"), st.sampled_from(["money", "percent", "date", "multiple", "period"])),
    st.builds(Keyed, st.just("source"), st.sampled_from(["reuters", "Motley Fool", "dpa-AFX"])),
    st.builds(
        lambda f, op, n: Compare(f, op, Number(float(n), str(n))),
        st.sampled_from(["money", "pct", "pp", "move"]),
        st.sampled_from(["<", "<=", ">", ">=", "="]),
        st.integers(-1000, 1000),
    ),
    st.builds(
        lambda f, op, d: Compare(f, op, Day(d)),
        st.sampled_from(["date", "published"]),
        st.sampled_from(["<", ">="]),
        st.sampled_from(["today", "today+30d", "2026-01-31"]),
    ),
)


def _trees(children: st.SearchStrategy[Node]) -> st.SearchStrategy[Node]:
    def flat(kind: type[And] | type[Or], items: list[Node]) -> Node:
        out: list[Node] = []
        for item in items:
            out.extend(item.items if isinstance(item, kind) else (item,))
        return kind(tuple(out))

    return st.one_of(
        st.builds(Not, children),
        st.builds(lambda items: flat(And, items), st.lists(children, min_size=2, max_size=3)),
        st.builds(lambda items: flat(Or, items), st.lists(children, min_size=2, max_size=3)),
    )


@settings(max_examples=400, deadline=None)
@given(st.recursive(_LEAVES, _trees, max_leaves=8))
def test_printing_and_parsing_again_gives_the_same_tree(tree: Node) -> None:
    assert parse(to_text(tree)) == tree
