"""Properties that hold for any text: find_figures never raises, and its spans are
consistent, sorted and disjoint, whatever a feed or a seed file throws at it."""

from __future__ import annotations

import itertools
import math
from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from tui_reader.extract.figures import find_figures
from tui_reader.extract.figures_context import context_text
from tui_reader.extract.figures_dates import _CUE, _tense
from tui_reader.extract.figures_heads import _HEAD, worded
from tui_reader.extract.figures_multiples import WORD_MULTIPLES
from tui_reader.extract.figures_numbers import parse_number

PUBLISHED = datetime(2026, 1, 29, 22, 41, tzinfo=UTC)

_PIECES = st.sampled_from([
    "$", "€", "£", "¥", "US$", "HK$", "EUR ", "USD", "%", " percent", " pp", " bps", " bn",
    " billion", " Mrd.", " Mio. Euro", " yuan", " euros", "-", "–", "−", "+", " to ", " and ",
    "between ", "about ", "up to ", "rose ", "fell ", ".", ",", " ", "\n", "\n\n", "(", ")",
    "February ", "Feb. ", "März ", "Thursday, ", " 2026", "2026-02-19", "19.02.2026",
    "-fold", "x", " times as", "double", "tenfold", " years", "-month", "twelve",
    "over the next ", "1e308", "0" * 40, str(10**400), "١٢٣", "٣٪", "𝟓", "https://a.b/5%",
    "DE000NLE0014", "07:15", "24/7", "Q3", "H100", "Inc.", "U.S.", "\x1b[31m", "\u00a0",
    # real publishers' forms (issue 9)
    " cents", "c", "p", " Cent", "-Euro-Marke", "Rp ", "Rs. ", " Bio.", "-billion", " francs",
    " (Reuters) - ", "(JBL ", "(NASDAQ: AMKR ", ")", "FB, ", " von ", " auf ", " bis ",
    " Prozent", "acht ", "19.", " Mai", "May ", " des ", " of ", " stake", "plus or minus ",
    "gab ", " nach", "+ ", "($1 = ", "Kursrutsch ", " growth", " below",
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
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


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


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 10**12), st.integers(0, 99))
def test_grouped_and_plain_numbers_read_alike(whole: int, cents: int) -> None:
    """The shortcut for plain numbers ("1234.56") and the grouping rules agree."""
    value = whole + cents / 100
    english = f"{whole:,}.{cents:02d}"
    german = english.replace(",", " ").replace(".", ",").replace(" ", ".")
    for raw, is_german in ((f"{whole}.{cents:02d}", False), (english, False), (german, True)):
        assert parse_number(raw, is_german) == float(f"{whole}.{cents:02d}"), raw
    assert math.isclose(parse_number(f"{whole}.{cents:02d}", True) or 0, value)


_CLAUSE_WORDS = st.lists(st.sampled_from(
    "was is are set to will due said the on by a x, . ; began earlier ahead pre-planned "
    "next last since Company \n İ".split(" ")), max_size=25).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(_CLAUSE_WORDS)
def test_tense_is_the_last_cue_of_the_clause(before: str) -> None:
    """Reading the clause's last words first finds the same cue as reading all of it."""
    window = before[-60:]
    cut = max(window.rfind(mark) for mark in (",", ";", ":", ". ", "\n"))
    window = window[cut + 1:].lower()
    if window.rstrip().endswith((" by", " until", " till")) or window.strip() == "by":
        past = any(cue.lastgroup == "past" for cue in _CUE.finditer(window))
        expected: str | None = "past" if past else "future"
    else:
        cues = list(_CUE.finditer(window))
        expected = cues[-1].lastgroup if cues else None
        if cues and cues[-1][0] == "due" and window.endswith(("was ", "were "), 0, cues[-1].start()):
            expected = None  # "was due on March 3": ahead of a past moment, either side of now
    assert _tense(before + "March 3", len(before)) == expected


def test_every_split_character_but_the_space_is_unprintable() -> None:
    """The premise of context_text's shortcut (a printable sentence is only trimmed)."""
    printable_spaces = [hex(c) for c in range(0x110000)
                        if chr(c).isspace() and chr(c).isprintable() and c != 0x20]
    assert printable_spaces == []


_SPACED = st.text(st.sampled_from("ab. \n\t\u00a0\u2028\x1c\x85"), max_size=80)


@settings(max_examples=400, deadline=None)
@given(_SPACED)
def test_context_collapses_whitespace_like_split_and_join(sentence: str) -> None:
    assert context_text(sentence, 0, len(sentence), 0, 0) == " ".join(sentence.split())


@settings(max_examples=300, deadline=None)
@given(st.from_regex(_HEAD, fullmatch=True))
def test_every_multiplying_head_has_a_five_letter_key(head: str) -> None:
    """worded() looks multiplying words up by their first five letters; every spelling
    the head pattern admits must have its key, and no period or "times" head may."""
    lower = head.lower()
    if lower.startswith("ver") and "fach" in lower:  # "verzehnfacht": read by its number word
        found = worded(f"Sales will {head} soon.")
        assert all(f[2] == "multiple" and f[3] >= 1.5 for f in found), head
        return
    multiplies = lower.startswith(("doubl", "tripl", "quadr", "quint", "halv", "verd", "verv", "halbi"))
    assert (lower[:5] in WORD_MULTIPLES) == multiplies, head
    if multiplies:
        found = worded(f"Sales will {head} soon.")
        assert [(f[2], f[3]) for f in found] == [("multiple", WORD_MULTIPLES[lower[:5]])]


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 998), st.integers(1, 999))
def test_von_auf_keeps_both_levels_and_von_bis_is_a_range(old: int, new: int) -> None:
    """Whatever the two numbers, a German move keeps its old and new level, and a German
    range with a lower first end is one figure with both ends."""
    moves = find_figures(f"Der Umsatz stieg von {old} auf {new} Millionen Euro.", PUBLISHED)
    assert [(f.value, f.currency) for f in moves] == [(old * 1e6, "EUR"), (new * 1e6, "EUR")]
    ranges = find_figures(f"Die Marge soll bei von {old} bis {new} Prozent liegen.", PUBLISHED)
    if old < new:
        assert [(f.value, f.high) for f in ranges] == [(float(old), float(new))]
    else:
        assert [f.value for f in ranges] == [float(new)]


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 30), st.integers(1, 30), st.sampled_from(["Mai", "Juni", "Oktober"]))
def test_day_ranges_are_in_order_and_in_one_month(first: int, last: int, month: str) -> None:
    dates = [f.value for f in find_figures(f"Die Messe läuft vom {first}. bis {last}. {month}.",
                                           PUBLISHED) if f.kind == "date"]
    assert dates == sorted(dates)
    assert len({d[:7] for d in dates}) == 1  # type: ignore[index]
    assert len(dates) == (2 if first < last else 1)
