"""How the accuracy benchmark scores one article against its label (see accuracy.py).

Kept apart from the pipeline so its unit test (tests/unit/test_accuracy_bench.py) can
check the yardstick itself without running the extractor: a perfect prediction scores
1.0, a missing one lowers recall, an extra one lowers precision.

Filing: an instrument matches a label by ISIN, or by ticker when it carries no other
ISIN; another listing of a labelled company is neither right nor wrong. Figures: same
kind, value within 0.1 %, and the currency, direction, unit and range end the label
gives. A figure found in the headline (`in_title`) counts like one in the body.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

FIGURE_KINDS = ("money", "percent", "date", "multiple", "period")
_TOLERANCE = 1e-3
"""Relative: labels state values as written ("$8.3 billion"), so only rounding differs."""


@dataclass
class Tally:
    """Counts of one kind: right predictions, wrong predictions, labels not found."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def add(self, other: Tally) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    def to_json(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Score:
    """Tallies per kind ("filing" and the figure kinds) and the problems behind them."""

    tallies: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in ("filing", *FIGURE_KINDS)})
    checks: dict[str, list[int]] = field(default_factory=dict)
    """Yes/no checks ("publication day", "body clean", "must not: figures"): [passed, total]."""
    problems: list[str] = field(default_factory=list)
    items: int = 0
    """Labelled articles scored."""

    @property
    def figures(self) -> Tally:
        total = Tally()
        for kind in FIGURE_KINDS:
            total.add(self.tallies[kind])
        return total

    def check(self, name: str, passed: bool) -> None:
        counts = self.checks.setdefault(name, [0, 0])
        counts[0] += passed
        counts[1] += 1

    def add(self, other: Score) -> None:
        for kind, tally in other.tallies.items():
            self.tallies[kind].add(tally)
        for name, (passed, total) in other.checks.items():
            counts = self.checks.setdefault(name, [0, 0])
            counts[0] += passed
            counts[1] += total
        self.problems += other.problems
        self.items += other.items

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {kind: tally.to_json() for kind, tally in self.tallies.items()}
        out["figures"] = self.figures.to_json()
        out["items"] = self.items
        out["checks"] = {name: {"passed": p, "total": t} for name, (p, t) in self.checks.items()}
        return out


# --- matching ---------------------------------------------------------------------------


def _alternatives(value: object) -> set[str]:
    if value is None:
        return set()
    return {v.upper() for v in ([value] if isinstance(value, str) else value)}


def instrument_matches(label: Mapping[str, object] | str, isin: str | None, ticker: str | None) -> bool:
    """The ISIN decides when both sides have one; otherwise the ticker does. A label may
    name an optional instrument by a bare string, its ticker or its ISIN."""
    if isinstance(label, str):
        return label.upper() in {(isin or "").upper(), (ticker or "").upper()}
    isins, tickers = _alternatives(label.get("isin")), _alternatives(label.get("ticker"))
    if isin and isins:
        return isin.upper() in isins
    return bool(ticker) and ticker.upper() in tickers


_DURATION = re.compile(r"P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+)W)?(?:(\d+)D)?")


def _duration(value: str) -> tuple[float, float] | str:
    """P1Y and P12M say the same thing, and so do P2.5Y and P2Y6M: months and days."""
    match = _DURATION.fullmatch(value)
    if not match or not any(match.groups()):
        return value
    years, months, weeks, days = (float(g or 0) for g in match.groups())
    return years * 12 + months, weeks * 7 + days


def _close(expected: object, actual: object) -> bool:
    if isinstance(expected, int | float) and isinstance(actual, int | float):
        return abs(expected - actual) <= _TOLERANCE * max(abs(expected), 1e-9)
    return False


def figure_matches(label: Mapping[str, object], figure: Mapping[str, object]) -> bool:
    """Same kind and value, and every qualifying field the label states."""
    kind = label["kind"]
    if figure.get("kind") != kind:
        return False
    want, got = label["value"], figure.get("value")
    if kind == "date":
        if not isinstance(got, str) or got[:10] != want:
            return False
    elif kind == "period":
        if not isinstance(got, str) or _duration(got) != _duration(str(want)):
            return False
    elif not _close(want, got):
        return False
    for name in ("currency", "direction", "unit"):
        if name in label and figure.get(name) != label[name]:
            return False
    if "high" not in label:
        return True
    high = figure.get("high")
    if kind == "period" and isinstance(label["high"], str) and isinstance(high, int | float) and isinstance(got, str):
        # a span's high end is its count in the low end's unit ("drei bis fünf Jahren": P3Y, 5);
        # a labeller may write it as a duration of its own ("P5Y")
        return _duration(f"P{high:g}{got[-1]}") == _duration(label["high"])
    return _close(label["high"], high)


def _norm(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split()).casefold()


def figure_dicts(article: object) -> list[dict[str, object]]:
    """The article's figures as plain dicts, whatever fields the model grows."""
    names = ("kind", "text", "value", "currency", "direction", "unit", "high")
    return [{**{n: getattr(f, n, None) for n in names}, "in_title": getattr(f, "in_title", False)}
            for f in getattr(article, "figures", [])]


def _describe(figure: Mapping[str, object]) -> str:
    parts = [f"{figure.get('kind')} {figure.get('value')!r}"]
    parts += [f"{n}={figure[n]}" for n in ("currency", "direction", "unit", "high") if figure.get(n) is not None]
    if figure.get("text"):
        parts.append(f"«{figure['text']}»" + (" (title)" if figure.get("in_title") else ""))
    return " ".join(parts)


def score_item(label: Mapping[str, object], article: object | None, where: str) -> Score:
    """Score one article (None: the pipeline lost it) against its label."""
    score = Score(items=1)
    instruments = list(getattr(article, "instruments", []) or [])
    figures = figure_dicts(article) if article is not None else []
    if article is None:
        score.problems.append(f"{where}: no article for this label")
    _score_filing(score, label, instruments, where)
    _score_figures(score, label, figures, where)
    if article is not None:
        _score_checks(score, label, article, where)
    return score


def _score_filing(score: Score, label: Mapping[str, object], instruments: list[object], where: str) -> None:
    tally = score.tallies["filing"]
    wanted = list(label.get("instruments", []))
    optional = list(label.get("optional_instruments", []))
    left = [(getattr(i, "isin", None), getattr(i, "ticker", None)) for i in instruments]
    # ISIN matches first, so a ticker-only match cannot take an instrument a later label needs by ISIN.
    for want in sorted(wanted, key=lambda w: "isin" not in w):
        hit = next((p for p in left if instrument_matches(want, *p)), None)
        if hit is None:
            tally.fn += 1
            code = want.get("ticker") or want.get("isin")
            score.problems.append(f"{where}: instrument missing {code} ({want.get('name', '')})")
            continue
        left.remove(hit)
        names = _alternatives(want.get("ticker"))
        if names and (hit[1] or "").upper() not in names:
            score.check("ticker known", False)
            score.problems.append(f"{where}: filed {want.get('name', '')} as {hit[1] or 'no ticker'}")
        else:
            score.check("ticker known", True)
        tally.tp += 1
    forbidden = _alternatives(label.get("not_instruments"))
    for isin, ticker in left:
        if any(instrument_matches(w, isin, ticker) for w in wanted + optional):
            continue  # another listing of a labelled company, or an optional one
        tally.fp += 1
        bad = {(isin or "").upper(), (ticker or "").upper()} & forbidden
        score.problems.append(f"{where}: instrument extra {ticker} {isin}" + (" (must not)" if bad else ""))
    if forbidden:
        filed = {(code or "").upper() for pair_ in left for code in pair_}
        score.check("must not: instruments", not filed & forbidden)


def _score_figures(score: Score, label: Mapping[str, object], figures: list[dict[str, object]],
                   where: str) -> None:
    left = list(figures)
    wanted = sorted(label.get("figures", []), key=lambda w: -len(w))  # strictest labels pick first
    for want in wanted:
        hit = _best(want, [f for f in left if figure_matches(want, f)])
        if hit is None:
            score.tallies[want["kind"]].fn += 1
            score.problems.append(f"{where}: figure missing {_describe(want)}")
        else:
            left.remove(hit)
            score.tallies[want["kind"]].tp += 1
    optional = label.get("optional_figures", [])
    forbidden = [_norm(t) for t in label.get("not_figures", [])]
    violated = False
    for figure in left:
        if any(figure_matches(o, figure) for o in optional):
            continue
        kind = str(figure.get("kind"))
        score.tallies.setdefault(kind, Tally()).fp += 1
        text = _norm(str(figure.get("text") or ""))
        bad = any(t == text or t in text for t in forbidden)
        violated |= bad
        score.problems.append(f"{where}: figure extra {_describe(figure)}" + (" (must not)" if bad else ""))
    if forbidden:
        score.check("must not: figures", not violated)


def _best(label: Mapping[str, object], candidates: list[dict[str, object]]) -> dict[str, object] | None:
    """Among equally valid figures, the one written as the label quotes it: "ein Jahr" and
    "zwölf Monaten" are both P12M, and the report should call the right one extra."""
    quoted = _norm(str(label.get("text") or ""))
    for figure in candidates:
        text = _norm(str(figure.get("text") or ""))
        if quoted and text and (text in quoted or quoted in text):
            return figure
    return candidates[0] if candidates else None


def _score_checks(score: Score, label: Mapping[str, object], article: object, where: str) -> None:
    published = getattr(article, "published", None)
    if "published" in label:
        day = published.date().isoformat() if published else None
        score.check("publication day", day == label["published"])
        if day != label["published"]:
            score.problems.append(f"{where}: published {day}, label {label['published']}")
    body = _norm(getattr(article, "body", "") or "")
    excluded = [s for s in label.get("body_excludes", []) if _norm(s) in body]
    if label.get("body_excludes"):
        score.check("body clean", not excluded)
        score.problems += [f"{where}: body keeps {s!r}" for s in excluded]
    for name, attr in (("title", "title"), ("source", "source"), ("url", "url")):
        if name in label:
            got = getattr(article, attr, None) or ""
            right = _norm(got) == _norm(label[name])
            score.check(f"{name} exact", right)
            if not right:
                score.problems.append(f"{where}: {name} {got!r}, label {label[name]!r}")


def pair(labels: list[Mapping[str, object]], articles: list[object]
         ) -> list[tuple[Mapping[str, object], object | None]]:
    """Each label with its article: the one whose title starts with the label's, else the
    one at the same position that no other label took."""
    free = list(range(len(articles)))
    chosen: list[int | None] = []
    for label in labels:
        want = _norm(str(label.get("title", "")))
        index = next((i for i in free if want and _norm(getattr(articles[i], "title", "")).startswith(want)), None)
        if index is not None:
            free.remove(index)
        chosen.append(index)
    for position, index in enumerate(chosen):
        if index is None and position in free:
            free.remove(position)
            chosen[position] = position
    return [(label, articles[i] if i is not None else None) for label, i in zip(labels, chosen, strict=True)]
