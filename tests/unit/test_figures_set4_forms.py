"""Figure forms a fourth set of real articles showed we missed: moves named by a noun
before "auf"/"to" or after the figure with what grew in between, "in die Höhe", the
percentage after an amount ("rose 81 cents, or 4 percent"), "$.29", volume multiples,
and an analyst note's footer date.

Every sentence is our own, built on the structures of German index reports, wire
stories, US retail earnings columns, small-cap movers lists and old press releases;
expected values were written before the extractor was run on them.
"""

from __future__ import annotations

import pytest

from tests.unit.test_figures_real_text import figures, only


@pytest.mark.parametrize(
    ("body", "text", "direction"),
    [
        ("Der Index baute seine Gewinne dann bis auf 2,30 Prozent aus.", "2,30 Prozent", "up"),
        ("Zum Auftakt standen Gewinne von 0,4 Prozent an der Tafel.", "0,4 Prozent", "up"),
        ("Der Index konnte seinen Verlust auf 0,9 Prozent eingrenzen.", "0,9 Prozent", "down"),
        ("The index extended its gains to 1.8% by noon.", "1.8%", "up"),
        ("Die Erlöse im Servicegeschäft wuchsen um 4,5 Prozent.", "4,5 Prozent", "up"),
        ("Der Kurs schoss in die Höhe, und zwar um gut 11 Prozent.", "11 Prozent", "up"),
        ("Die Aktie ist um ein Viertel in die Höhe geschnellt.", "ein Viertel", "up"),
        ("The retailer posted a 2.6% earnings decline for the year.", "2.6%", "down"),
        ("It reported 5% net sales growth in the quarter.", "5%", "up"),
        ("Shares gained 64 cents, or 3 percent, to $22.", "3 percent", "up"),
        ("The average fell by 180.5 points, or 0.5%, to 36,100.", "0.5%", "down"),
    ],
)
def test_moves_named_around_the_figure(body: str, text: str, direction: str) -> None:
    found = [f for f in figures(body) if f.kind == "percent"]
    assert [(f.text, f.direction) for f in found] == [(text, direction)]


@pytest.mark.parametrize(
    "body",
    [
        "Die Dividende in Höhe von 5 Prozent wurde bestätigt.",  # "Höhe" alone is an amount
        "The dividend yield rose to 4.5% this year.",            # a level after "to"
        "Margins narrowed to 9.8% in the quarter.",
        "The group holds a 20% sales share in the region.",       # a share, what grew skipped
    ],
)
def test_levels_and_shares_keep_no_direction(body: str) -> None:
    found = [f for f in figures(body) if f.kind == "percent"]
    assert [f.direction for f in found] == [None]


def test_a_range_of_growth_with_what_grew_between() -> None:
    found = [f for f in figures("The chain sees 4% to 4.5% net sales growth next year.") if f.kind == "percent"]
    assert [(f.value, f.high, f.direction) for f in found] == [(4.0, 4.5, "up")]


def test_per_share_amounts_without_a_leading_zero() -> None:
    found = figures("Net income was $1.2 million, or $.29 per diluted share, against $.14 a year ago.")
    assert [(f.text, f.value, f.currency) for f in found] == [
        ("$1.2 million", 1_200_000.0, "USD"), ("$.29", 0.29, "USD"), ("$.14", 0.14, "USD")]


def test_volume_multiples() -> None:
    found = figures("The stock jumped on 6 times average volume after 3.5 times its daily volume.")
    assert [(f.kind, f.value) for f in found] == [("multiple", 6.0), ("multiple", 3.5)]
    assert figures("He met the board 3 times last year.") == []


def test_the_analyst_notes_footer_date_is_no_figure() -> None:
    body = "Der Analyst sieht weiteres Potenzial./ajx/tih Datum der Analyse: 18.01.2018"
    assert figures(body) == []
    assert only("Die Hauptversammlung ist am 18.06.2026.").value == "2026-06-18"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Das Ergebnis stieg von 61 Millionen im Vorjahr auf 70,5 Millionen Euro.",
         [(61e6, "EUR"), (70.5e6, "EUR")]),
        ("Statt der erwarteten 80 Millionen verdiente der Versender 95 Millionen Euro.",
         [(80e6, "EUR"), (95e6, "EUR")]),
        ("Der Umsatz stieg von 1,2 Mrd. im Vorjahr auf 1,5 Mrd. Euro.", [(1.2e9, "EUR"), (1.5e9, "EUR")]),
        ("Profit rose from 61 million a year earlier to 70.5 million euros.", [(61e6, "EUR"), (70.5e6, "EUR")]),
        # counts stay counts: a noun follows them
        ("Der Dienst hat 3 Millionen Kunden und setzte 2 Millionen Euro um.", [(2e6, "EUR")]),
        ("It has 40 million users and sold 3 million euros of ads.", [(3e6, "EUR")]),
        # another sentence names no currency for it
        ("Die Zahl stieg auf 50 Millionen. Der Umsatz lag bei 2 Millionen Euro.", [(2e6, "EUR")]),
    ],
)
def test_a_bare_scaled_amount_borrows_the_currency_named_after_it(body: str, expected: list) -> None:
    assert [(f.value, f.currency) for f in figures(body) if f.kind == "money"] == expected
