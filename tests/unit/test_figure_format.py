"""The one figure format (issue 13: it was written twice, in the app and in `extract`'s
report, and the two had drifted apart): the same strings in the panes and on the
command line."""

from __future__ import annotations

import pytest

from tui_reader.app.formatting import format_figure as app_format_figure
from tui_reader.cli.extract import format_figure as cli_format_figure
from tui_reader.figure_format import format_figure
from tui_reader.model import KeyFigure


def _figure(kind: str, value: float | str, **extra: object) -> KeyFigure:
    return KeyFigure(kind=kind, text="x", value=value, start=0, end=1, context="x", **extra)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("figure", "shown"),
    [
        (_figure("money", 380e9, currency="CNY", qualifier="more_than"), "> CNY 380 bn"),
        (_figure("money", 800e6, currency="EUR", qualifier="up_to"), "≤ EUR 800 m"),
        (_figure("money", 4.2e9, currency="EUR", qualifier="approx"), "~EUR 4.2 bn"),
        (_figure("money", 2e9, currency="USD", high=2.5e9), "USD 2 bn – 2.5 bn"),
        (_figure("money", 12_500.0, currency="GBP"), "GBP 12,500"),
        (_figure("money", 5_100.0, currency="USD"), "USD 5,100"),
        (_figure("money", 812.5, currency="USD"), "USD 812.5"),
        (_figure("percent", 56.94, unit="%", direction="up"), "+56.94 %"),
        (_figure("percent", 1.2, unit="pp", direction="down"), "-1.2 pp"),
        (_figure("percent", 9.8, unit="%"), "9.80 %"),
        (_figure("multiple", 10.0), "10x"),
        (_figure("date", "2027-03-12"), "2027-03-12"),
        (_figure("period", "P3Y"), "3 years"),
    ],
)
def test_figures_are_shown_normalised(figure: KeyFigure, shown: str) -> None:
    assert format_figure(figure) == shown


def test_app_and_command_line_share_the_one_format() -> None:
    assert app_format_figure is format_figure and cli_format_figure is format_figure
