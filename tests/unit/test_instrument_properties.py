"""find_instruments takes any text a feed may send without raising."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui_reader.extract.instruments import find_instruments
from tui_reader.extract.isins import is_isin
from tui_reader.model import Instrument

# Text biased towards the shapes the extractor looks for, so the interesting
# branches (ISIN-like runs, venue colons, cashtags, legal forms) are exercised.
fragments = st.sampled_from(
    [
        "US01609W1027", "US01609W1028", "(NYSE: ", "HKEX:", "$", "$BRK.", "Alibaba", "’s",
        "Inc.", " plc", "Shell", "Next", "ticker: ", ":", " ", "\u00a0", "-", "&", "of ",
        "Tokyo Stock Exchange: ", "0700", "(", ")", "\n", "ÄÖÜ", "\x1b[31m", "[/]",
        "eBay", "3M", "3i", "iPhone", " of ", "Bank", "Group",
    ]
)
texts = st.lists(st.one_of(fragments, st.text(max_size=20)), max_size=30).map("".join)
instruments = st.builds(
    Instrument,
    isin=st.one_of(st.none(), st.text(max_size=14), st.just("US01609W1027")),
    ticker=st.one_of(st.none(), st.text(max_size=8), st.just("BABA")),
    name=st.one_of(st.none(), st.text(max_size=30), st.just("Alibaba Group")),
)


@settings(max_examples=300, deadline=None)
@given(title=texts, body=texts, declared=st.lists(instruments, max_size=3))
def test_never_raises_and_marks_exactly_one_primary(
    title: str, body: str, declared: list[Instrument]
) -> None:
    found = find_instruments(title, body, declared)
    if found:
        assert found[0].primary
        assert sum(i.primary for i in found) == 1
        assert all(i.mentions >= 1 for i in found)
    keys = [i.key for i in found]
    assert len(keys) == len(set(keys))
    # Runs are cached by their text: the second reading must match the first.
    assert find_instruments(title, body, declared) == found


@settings(max_examples=300, deadline=None)
@given(st.from_regex(r"[A-Z]{2}[A-Z0-9]{9}", fullmatch=True))
def test_isin_check_is_stdnums(stem: str) -> None:
    from stdnum import isin

    valid = stem + isin.calc_check_digit(stem)
    assert is_isin(valid) == bool(isin.is_valid(valid))
    wrong = stem + str((int(valid[-1]) + 1) % 10)
    assert not is_isin(wrong)
