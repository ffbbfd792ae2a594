"""Properties that hold for any text: find_figures never raises, and its spans are
consistent, sorted and disjoint, whatever a feed or a seed file throws at it."""

from __future__ import annotations

import math
from datetime import datetime, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from tui_reader.extract.figures import find_figures

PUBLISHED = datetime(2026, 1, 29, 22, 41, tzinfo=timezone.utc)

_PIECES = st.sampled_from([
    "$", "€", "£", "¥", "US$", "HK$", "EUR ", "USD", "%", " percent", " pp", " bps", " bn",
    " billion", " Mrd.", " Mio. Euro", " yuan", " euros", "-", "–", "−", "+", " to ", " and ",
    "between ", "about ", "up to ", "rose ", "fell ", ".", ",", " ", "\n", "\n\n", "(", ")",
    "February ", "Feb. ", "März ", "Thursday, ", " 2026", "2026-02-19", "19.02.2026",
    "-fold", "x", " times as", "double", "tenfold", " years", "-month", "twelve",
    "over the next ", "1e308", "0" * 40, str(10**400), "١٢٣", "٣٪", "𝟓", "https://a.b/5%",
    "DE000NLE0014", "07:15", "24/7", "Q3", "H100", "Inc.", "U.S.", "\x1b[31m", "\u00a0",
])
_TEXT = st.lists(st.one_of(_PIECES, st.integers(0, 10**6).map(str),
                           st.floats(0, 1e6, allow_nan=False).map(lambda f: f"{f:.2f}"),
                           st.text(max_size=8)), max_size=40).map("".join)


def check(body: str, published: datetime | None) -> None:
    found = find_figures(body, published)
    for figure in found:
        assert 0 <= figure.start < figure.end <= len(body)
        assert body[figure.start:figure.end] == figure.text
        assert len(figure.context) <= 300
        if isinstance(figure.value, float):
            assert math.isfinite(figure.value)
        if figure.high is not None:
            assert isinstance(figure.value, float) and figure.value < figure.high
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


@settings(max_examples=400, deadline=None)
@given(_TEXT, st.sampled_from([PUBLISHED, None]))
def test_figure_like_text_never_breaks_the_extractor(body: str, published: datetime | None) -> None:
    check(body, published)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_unicode_never_breaks_the_extractor(body: str) -> None:
    check(body, PUBLISHED)


def test_huge_and_degenerate_numbers() -> None:
    for body in (f"${10**400} billion", "1e308%", "9" * 5000 + "%", "$" + "1," * 2000 + "5m",
                 "1." * 3000 + "5%", "5" + "%" * 1000, "between " * 500 + "5%"):
        check(body, PUBLISHED)


def test_unicode_digits_are_not_read_as_numbers() -> None:
    assert find_figures("Sales rose ٥٪ and ５% and 𝟓 percent.", PUBLISHED) == []
