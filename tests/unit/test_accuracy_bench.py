"""The accuracy benchmark's yardstick: its scorer counts right, and its labels are sound.

A benchmark whose scorer is wrong or whose labels are malformed measures nothing, so
both are tested here; the figures it reports are not (they are what the extractor
helpers move, see benchmarks/accuracy.py).
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from stdnum import isin as stdnum_isin

from tui_reader.model import Instrument, KeyFigure

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "benchmarks" / "accuracy"


def _load_scorer():
    spec = importlib.util.spec_from_file_location("accuracy_scoring", ROOT / "benchmarks" / "accuracy_scoring.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


scoring = _load_scorer()

LABEL = {
    "title": "Jabil jumps",
    "instruments": [{"ticker": "JBL", "isin": "US4663131039"}, {"ticker": "AMKR"}],
    "not_instruments": ["ETN"],
    "figures": [
        {"kind": "percent", "value": 20, "direction": "up"},
        {"kind": "money", "value": 0.22, "currency": "USD"},
        {"kind": "date", "value": "2025-11-03"},
        {"kind": "period", "value": "P12M"},
    ],
    "not_figures": ["0.32%"],
}


def _figure(kind, value, text="x", **fields) -> KeyFigure:
    return KeyFigure(kind=kind, text=text, value=value, start=0, end=len(text), context="", **fields)


def _perfect_article(**changes) -> SimpleNamespace:
    article = SimpleNamespace(
        title="Jabil jumps",
        body="",
        published=None,
        instruments=[Instrument(isin="US4663131039", ticker="JBL", name="Jabil"),
                     Instrument(isin=None, ticker="AMKR", name=None)],
        figures=[_figure("percent", 20.0, "20%", direction="up", unit="%"),
                 _figure("money", 0.22, "22 cents a share", currency="USD"),
                 _figure("date", "2025-11-03", "Nov. 3"),
                 _figure("period", "P1Y", "twelve months")],
    )
    for name, value in changes.items():
        setattr(article, name, value)
    return article


def test_a_perfect_prediction_scores_one() -> None:
    score = scoring.score_item(LABEL, _perfect_article(), "t")
    for kind in ("filing", "percent", "money", "date", "period"):
        tally = score.tallies[kind]
        assert (tally.precision, tally.recall) == (1.0, 1.0), kind
    assert score.figures.tp == 4 and score.problems == []


def test_a_missing_instrument_or_figure_lowers_recall_only() -> None:
    article = _perfect_article()
    article.instruments = article.instruments[:1]
    article.figures = article.figures[1:]
    score = scoring.score_item(LABEL, article, "t")
    assert score.tallies["filing"].recall == 0.5 and score.tallies["filing"].precision == 1.0
    assert score.tallies["percent"].recall == 0.0 and score.tallies["percent"].fp == 0
    assert score.figures.recall == 0.75 and score.figures.precision == 1.0


def test_an_extra_instrument_or_figure_lowers_precision_only() -> None:
    article = _perfect_article()
    article.instruments = [*article.instruments, Instrument(isin="IE00B8KQN827", ticker="ETN", name="Eaton")]
    article.figures = [*article.figures, _figure("percent", 0.32, "0.32%", unit="%")]
    score = scoring.score_item(LABEL, article, "t")
    assert score.tallies["filing"].precision == 2 / 3 and score.tallies["filing"].recall == 1.0
    assert score.tallies["percent"].precision == 0.5 and score.tallies["percent"].recall == 1.0
    assert score.checks["must not: instruments"] == [0, 1]
    assert score.checks["must not: figures"] == [0, 1]


def test_a_wrong_direction_or_currency_is_a_miss_and_an_extra() -> None:
    article = _perfect_article()
    article.figures = [_figure("percent", 20.0, direction="down"), _figure("money", 0.22, currency="EUR"),
                       *article.figures[2:]]
    score = scoring.score_item(LABEL, article, "t")
    assert score.tallies["percent"].fn == 1 and score.tallies["percent"].fp == 1
    assert score.tallies["money"].fn == 1 and score.tallies["money"].fp == 1


def test_null_direction_means_none_and_an_absent_one_is_not_checked() -> None:
    share = {"kind": "percent", "value": 20, "direction": None}
    level = {"kind": "percent", "value": 20}
    moved = {"kind": "percent", "value": 20.0, "direction": "down"}
    assert not scoring.figure_matches(share, moved)
    assert scoring.figure_matches(share, {**moved, "direction": None})
    assert scoring.figure_matches(level, moved)


def test_values_match_within_a_small_tolerance_and_ranges_need_their_high_end() -> None:
    label = {"kind": "money", "value": 1.83e9, "currency": "USD", "high": 1.93e9}
    assert scoring.figure_matches(label, {"kind": "money", "value": 1.8301e9, "currency": "USD", "high": 1.93e9})
    assert not scoring.figure_matches(label, {"kind": "money", "value": 1.83e9, "currency": "USD", "high": None})
    assert not scoring.figure_matches(label, {"kind": "money", "value": 1.9e9, "currency": "USD", "high": 1.93e9})


def test_an_isin_decides_and_another_listing_is_neither_right_nor_wrong() -> None:
    softbank_group = {"ticker": "9984.T", "isin": "JP3436100006"}
    assert scoring.instrument_matches(softbank_group, "JP3436100006", "9434.T")  # filed, with a wrong ticker
    assert not scoring.instrument_matches(softbank_group, "JP3732000009", "9984.T")
    assert scoring.instrument_matches({"ticker": ["VOW3.DE", "VOW.DE"]}, None, "vow3.de")
    label = {**LABEL, "instruments": [{"ticker": ["TSM", "2330.TW"], "isin": ["US8740391003", "TW0002330008"]}]}
    article = _perfect_article(instruments=[Instrument(isin="US8740391003", ticker="TSM", name=None),
                                            Instrument(isin="TW0002330008", ticker="2330.TW", name=None)])
    tally = scoring.score_item(label, article, "t").tallies["filing"]
    assert (tally.tp, tally.fp, tally.fn) == (1, 0, 0)


def test_a_figure_found_in_the_title_counts_like_one_in_the_body() -> None:
    article = _perfect_article()
    title_figure = SimpleNamespace(kind="percent", text="20%", value=20.0, direction="up", unit="%", in_title=True)
    article.figures = [title_figure, *article.figures[1:]]
    assert scoring.score_item(LABEL, article, "t").tallies["percent"].tp == 1


def test_a_lost_article_counts_every_label_as_missed() -> None:
    score = scoring.score_item(LABEL, None, "t")
    assert score.tallies["filing"].fn == 2 and score.figures.fn == 4 and score.figures.fp == 0


def test_items_pair_by_title_prefix_before_position() -> None:
    articles = [SimpleNamespace(title="Second story - Publisher"), SimpleNamespace(title="First story")]
    pairs = scoring.pair([{"title": "First story"}, {"title": "Second story"}, {"title": "Gone"}], articles)
    assert [article for _, article in pairs] == [articles[1], articles[0], None]


# --- the label files --------------------------------------------------------------------

_ITEM_KEYS = {"title", "published", "instruments", "optional_instruments", "not_instruments", "figures",
              "optional_figures", "not_figures", "body_excludes", "source", "url", "note"}
_FIGURE_KEYS = {"kind", "value", "text", "currency", "direction", "unit", "high"}
_DURATION = re.compile(r"P(?=\d)(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?")


def _label_files() -> list[Path]:
    return sorted((DATA / "labels").glob("*.json"))


def _names(value) -> list[str]:
    return [value] if isinstance(value, str) else list(value or [])


def _check_figure(figure: dict) -> None:
    assert set(figure) <= _FIGURE_KEYS, set(figure) - _FIGURE_KEYS
    kind, value = figure["kind"], figure["value"]
    assert kind in scoring.FIGURE_KINDS
    if kind == "date":
        date.fromisoformat(value)
    elif kind == "period":
        assert _DURATION.fullmatch(value), value
    else:
        assert isinstance(value, int | float) and not isinstance(value, bool)
    if kind == "money":
        assert re.fullmatch(r"[A-Z]{3}", figure["currency"])
    assert figure.get("direction", "up") in ("up", "down", None)
    assert figure.get("unit", "%") in ("%", "pp", "bp")
    assert "high" not in figure or figure["high"] != value


def _check_instrument(instrument: dict) -> None:
    assert set(instrument) <= {"ticker", "isin", "name"} and ("ticker" in instrument or "isin" in instrument)
    for code in _names(instrument.get("isin")):
        assert stdnum_isin.is_valid(code), code
    for ticker in _names(instrument.get("ticker")):
        assert re.fullmatch(r"[0-9A-Z][0-9A-Z.\-]{0,11}", ticker), ticker


@pytest.mark.parametrize("path", _label_files(), ids=lambda p: p.name)
def test_every_label_file_is_well_formed(path: Path) -> None:
    data = json.loads(path.read_text("utf-8"))
    source = DATA / data["file"]
    assert source.is_file() and path.name == f"{source.name}.json"
    if source.parent.name == "feeds":
        assert data["url"].startswith(("http://", "https://")) and data["content_type"]
    assert data["items"]
    for item in data["items"]:
        assert set(item) <= _ITEM_KEYS, set(item) - _ITEM_KEYS
        assert item["title"].strip() and date.fromisoformat(item["published"])
        for instrument in item["instruments"] + item.get("optional_instruments", []):
            _check_instrument(instrument)
        for code in item["not_instruments"]:
            assert isinstance(code, str) and code
        for figure in item["figures"] + item.get("optional_figures", []):
            _check_figure(figure)
        assert all(isinstance(text, str) and text for text in item["not_figures"] + item.get("body_excludes", []))


def test_every_example_has_labels_and_the_set_is_big_enough() -> None:
    labelled = {json.loads(p.read_text("utf-8"))["file"]: p for p in _label_files()}
    examples = sorted(f"{p.parent.name}/{p.name}" for folder in ("articles", "feeds") for p in (DATA / folder).iterdir())
    assert sorted(labelled) == examples
    articles = sum(len(json.loads(labelled[f].read_text("utf-8"))["items"]) for f in examples if f.startswith("articles/"))
    feeds = [json.loads(labelled[f].read_text("utf-8")) for f in examples if f.startswith("feeds/")]
    assert articles >= 30 and len(feeds) >= 10 and all(len(feed["items"]) >= 3 for feed in feeds)
    languages = {Path(f).name[:3] for f in examples if f.startswith("articles/")}
    assert languages == {"en-", "de-"}


def test_the_pipeline_reads_every_example_and_pairs_every_label() -> None:
    """Not the figures it reports (the extractor's business), only that the benchmark
    measures every example: no file fails to parse and no label loses its article."""
    spec = importlib.util.spec_from_file_location("accuracy_bench", ROOT / "benchmarks" / "accuracy.py")
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench
    spec.loader.exec_module(bench)
    parts = bench.run(DATA)
    assert set(parts) == {"articles-en", "articles-de", "feeds", "held-out"}
    lost = [p for score in parts.values() for p in score.problems if "no article" in p or "Error" in p]
    assert lost == []
    total = bench.labelled(parts)
    assert total.checks["title exact"][1] >= 80 and total.tallies["filing"].tp + total.tallies["filing"].fn >= 120


def test_a_span_of_periods_matches_its_high_end_written_as_a_count_or_a_duration() -> None:
    found = {"kind": "period", "value": "P3Y", "high": 5.0}
    assert scoring.figure_matches({"kind": "period", "value": "P3Y", "high": 5}, found)
    assert scoring.figure_matches({"kind": "period", "value": "P3Y", "high": "P5Y"}, found)
    assert not scoring.figure_matches({"kind": "period", "value": "P3Y", "high": "P6Y"}, found)
