"""What a query means, shared by the SQL compiler and the Python evaluator.

A condition on figures holds when *some* figure of the article satisfies it. Inside
one conjunction, the figure conditions about the same kind of figure are one
condition on one figure: `money>=50bn currency:USD` asks for one USD amount of at
least 50 billion, not for some large amount and some other dollar amount.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tui_reader.query.syntax import And, Compare, Day, Keyed, Node, Number, Op
from tui_reader.query.values import resolve_day

# Which figure kind each figure-level condition is about.
_GROUP_OF_FIELD = {"money": "money", "pct": "pct", "pp": "pp", "date": "date"}
_GROUP_OF_KIND = {"money": "money", "percent": "pct", "date": "date", "multiple": "multiple", "period": "period"}


@dataclass(frozen=True, slots=True)
class FigureTest:
    """One or more conditions that a single figure must meet together."""

    kind: str
    """money, percent, date, multiple or period."""
    unit: str | None
    """For percent: `%` (pct) or `pp` (pp); None: either."""
    currency: str | None
    compares: tuple[tuple[Op, float | str], ...]
    """(op, amount) for numbers, (op, ISO day) for dates."""


def is_figure_condition(node: Node) -> bool:
    if isinstance(node, Compare):
        return node.field in _GROUP_OF_FIELD
    return isinstance(node, Keyed) and node.key in ("kind", "currency")


def group_key(node: Node) -> str:
    """The figure a figure-level condition is about: conditions sharing a key share a figure."""
    if isinstance(node, Compare):
        return _GROUP_OF_FIELD[node.field]
    assert isinstance(node, Keyed)
    return "money" if node.key == "currency" else _GROUP_OF_KIND[node.value]


def figure_test(nodes: list[Node], today: date) -> FigureTest:
    """The single-figure test that conditions of one group (see `group_key`) make."""
    key = group_key(nodes[0])
    kind = {"pct": "percent", "pp": "percent"}.get(key, key)
    # `kind:percent` alone is any percent figure; with `pct` it is one in %.
    unit = "pp" if key == "pp" else "%" if key == "pct" and any(isinstance(n, Compare) for n in nodes) else None
    currency = None
    compares: list[tuple[Op, float | str]] = []
    for node in nodes:
        if isinstance(node, Keyed) and node.key == "currency":
            currency = node.value
        elif isinstance(node, Compare):
            compares.append((node.op, _literal(node.value, today)))
    return FigureTest(kind, unit, currency, tuple(compares))


def split_conjunction(node: And) -> tuple[list[list[Node]], list[Node]]:
    """A conjunction's figure conditions grouped by the figure they are about, and the rest.

    A second `currency:` in one group (`currency:USD currency:EUR`) cannot hold for one
    figure, so it starts a group of its own: an article with both amounts matches.
    """
    groups: dict[str, list[list[Node]]] = {}
    rest: list[Node] = []
    for item in node.items:
        if not is_figure_condition(item):
            rest.append(item)
            continue
        chains = groups.setdefault(group_key(item), [[]])
        if isinstance(item, Keyed) and item.key == "currency" and any(
            isinstance(n, Keyed) and n.key == "currency" for n in chains[-1]
        ):
            chains.append([])
        chains[-1].append(item)
    return [g for chains in groups.values() for g in chains if g], rest


def _literal(value: Number | Day, today: date) -> float | str:
    if isinstance(value, Number):
        return value.value
    return resolve_day(value, today).isoformat()


def holds(op: Op, left: float | str | None, right: float | str) -> bool:
    if left is None:
        return False
    if op == "<":
        return left < right  # type: ignore[operator]
    if op == "<=":
        return left <= right  # type: ignore[operator]
    if op == ">":
        return left > right  # type: ignore[operator]
    if op == ">=":
        return left >= right  # type: ignore[operator]
    return left == right
