"""Whatever bytes land in a seed folder, the parser answers with articles or a reason."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui_reader.sources.decode import NotText, decode_text
from tui_reader.sources.seeds import SkipFile, parse_seed_bytes

FULL = (Path(__file__).resolve().parents[1] / "data" / "seed_variants" / "portal_full.txt").read_text(encoding="utf-8")
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

# Text that looks like seeds: the worked example's lines, shuffled, dropped and mixed
# with noise, so the block detection meets every combination of present/missing parts.
seed_lines = st.lists(st.sampled_from(FULL.split("\n")) | st.text(max_size=80), max_size=40)
names = st.sampled_from(["a.txt", "a.md", "a.json", "a", "b.markdown"])


def _check(articles: list) -> None:
    for article in articles:
        for text in (article.title, article.body, article.source):
            assert isinstance(text, str) and not UNSAFE.search(text)
        assert article.title and "\n" not in article.title
        assert article.published is None or (isinstance(article.published, datetime) and article.published.tzinfo)


@given(st.binary(max_size=2000))
def test_decode_text_only_raises_not_text(data: bytes) -> None:
    try:
        text = decode_text(data)
    except NotText:
        return
    assert text.strip() and "\r" not in text and not UNSAFE.search(text.replace("\n", "").replace("\t", ""))


@given(st.binary(max_size=2000), names)
def test_parse_seed_bytes_on_arbitrary_bytes(data: bytes, name: str) -> None:
    try:
        _check(parse_seed_bytes(data, name))
    except SkipFile as exc:
        assert exc.reason


@given(st.text(max_size=2000), names)
def test_parse_seed_bytes_on_arbitrary_text(text: str, name: str) -> None:
    try:
        _check(parse_seed_bytes(text.encode("utf-8", "surrogatepass"), name))
    except SkipFile as exc:
        assert exc.reason


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(seed_lines, st.sampled_from(["\n", "\r\n", "\r"]), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
def test_parse_seed_bytes_on_seed_like_text(lines: list[str], newline: str, encoding: str) -> None:
    data = newline.join(lines).encode(encoding, "replace")
    try:
        _check(parse_seed_bytes(data, "seed.txt"))
    except SkipFile as exc:
        assert exc.reason


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=30),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
                        st.sampled_from(["title", "body", "published", "url", "source", "instruments", "isin",
                                         "ticker", "name", "x"]), inner, max_size=6),
                    max_leaves=20))
def test_json_seeds_of_any_shape(value: object) -> None:
    import json

    try:
        _check(parse_seed_bytes(json.dumps(value).encode(), "a.json"))
    except SkipFile as exc:
        assert exc.reason
