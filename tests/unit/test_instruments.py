"""find_instruments: ISINs, explicit ticker forms, names, merging and the primary."""

from __future__ import annotations

import pytest

from tui_reader.extract.instruments import find_instruments
from tui_reader.model import Instrument


def tickers(title: str, body: str = "", declared: list[Instrument] | None = None) -> list[str | None]:
    return [i.ticker for i in find_instruments(title, body, declared or [])]


def isins(title: str, body: str = "") -> list[str | None]:
    return [i.isin for i in find_instruments(title, body, [])]


def test_isin_check_digit_decides() -> None:
    assert isins("", "Alibaba's ISIN is US01609W1027.") == ["US01609W1027"]
    assert isins("", "Not an ISIN: US01609W1028, nor USA01609W102.") == []


def test_unknown_valid_isin_is_kept_bare() -> None:
    (found,) = find_instruments("", "Listed as DE000NLE0014 in Frankfurt.", [])
    assert (found.isin, found.ticker, found.name) == ("DE000NLE0014", None, None)
    assert found.primary


@pytest.mark.parametrize(
    ("text", "ticker"),
    [
        ("Shares of $TSLA jumped.", "TSLA"),
        ("Nvidia (NASDAQ: NVDA) rose.", "NVDA"),
        ("It trades as NASDAQ:NVDA today.", "NVDA"),
        ("Alibaba (Nasdaq: BABA)", "BABA"),
        ("Alibaba NYSE: BABA", "BABA"),
        ("SAP (Xetra: SAP) fell.", "SAP.DE"),
        ("The Hong Kong line (HKEX: 9988) rose.", "9988.HK"),
        ("Alibaba HK: 9988 rose.", "9988.HK"),
        ("Tencent (HKEX: 700) rose.", "0700.HK"),
        ("Toyota TSE: 7203 rose.", "7203.T"),
        ("Toyota (Tokyo Stock Exchange: 7203) rose.", "7203.T"),
        ("Apple (ticker: AAPL) rose.", "AAPL"),
        ("Apple (Symbol: AAPL) rose.", "AAPL"),
        ("HSBC (LSE: HSBA) rose.", "HSBA.L"),
        ("ASML (Euronext Amsterdam: ASML) rose.", "ASML.AS"),
        ("LVMH (Euronext Paris: MC) rose.", "MC.PA"),
        ("Nestlé (SIX: NESN) rose.", "NESN.SW"),
        ("Samsung (KRX: 005930) rose.", "005930.KS"),
        ("Berkshire ($BRK.B) rose.", "BRK-B"),
    ],
)
def test_ticker_forms(text: str, ticker: str) -> None:
    assert tickers("", text)[0] == ticker


def test_unknown_explicit_ticker_is_kept_with_its_venue() -> None:
    (found,) = find_instruments("", "Tiny Co (NASDAQ: ZZZQ) soared.", [])
    assert (found.isin, found.ticker, found.exchange, found.currency) == (
        None, "ZZZQ", "NASDAQ", "USD"
    )


@pytest.mark.parametrize(
    "text",
    [
        "The CEO said AI will lift EPS in the USA after the IPO; GDP and the ETF too.",
        "Revenue rose to US$5 billion. Note: ABC is not a venue.",
        "I ate an apple pie and an apple.",
        "Next week the Target price may rise.",
        "Shell companies in the North Sea.",
        "general motors and general electric, in lower case.",
        "Bill Gates spoke on the Dow and the Nasdaq.",
    ],
)
def test_negative_cases_find_nothing(text: str) -> None:
    assert find_instruments("", text, []) == []


def test_general_motors_needs_both_capitalised_words() -> None:
    assert tickers("", "General Motors raised guidance; in general, autos rose.") == ["GM"]


@pytest.mark.parametrize(
    "text",
    [
        "Nvidia’s results beat.",
        "Nvidia's results beat.",
        "NVIDIA Corporation reported.",
        "NVIDIA Corp. reported.",
        "Shares of Nvidia rose.",
    ],
)
def test_names_with_possessives_and_legal_forms(text: str) -> None:
    assert tickers("", text) == ["NVDA"]


def test_ambiguous_name_needs_a_legal_form_or_context() -> None:
    assert tickers("", "Shell plc raised its dividend.") == ["SHEL.L"]
    assert tickers("", "Shell raised its dividend.") == []
    # Named unambiguously once, the bare name counts as a mention of it too.
    (shell,) = find_instruments("", "Shell (NYSE: SHEL) said Shell would buy back shares.", [])
    assert shell.ticker == "SHEL" and shell.mentions == 3  # name, ticker form, name


def test_mentions_of_one_company_merge() -> None:
    body = (
        "Alibaba Group Holding Ltd (NYSE: BABA) reported. Alibaba’s cloud grew. "
        "Its ISIN is US01609W1027. Microsoft was mentioned once."
    )
    found = find_instruments("Alibaba’s cloud boom", body, [])
    assert [(i.ticker, i.mentions, i.primary) for i in found] == [
        ("BABA", 5, True),
        ("MSFT", 1, False),
    ]


def test_listing_named_in_text_wins_over_primary_listing() -> None:
    (found,) = find_instruments("", "Alibaba rose in Hong Kong (HKEX: 9988). Alibaba said...", [])
    assert (found.isin, found.ticker, found.currency) == ("KYG017191142", "9988.HK", "HKD")
    (by_isin,) = find_instruments("", "Alibaba (KYG017191142) rose.", [])
    assert by_isin.ticker == "9988.HK"


def test_name_alone_resolves_to_primary_listing() -> None:
    (alibaba,) = find_instruments("", "Alibaba rose.", [])
    assert (alibaba.isin, alibaba.ticker) == ("US01609W1027", "BABA")
    (sap,) = find_instruments("", "SAP SE rose.", [])
    assert sap.ticker == "SAP.DE"


def test_declared_instrument_is_primary_and_keeps_its_name() -> None:
    declared = [Instrument("US01609W1027", None, "Alibaba Group")]
    body = "Nvidia, Nvidia and Nvidia. Alibaba once."
    found = find_instruments("", body, declared)
    assert found[0] == Instrument(
        "US01609W1027", "BABA", "Alibaba Group", "NYSE", "USD", primary=True, mentions=1
    )
    assert (found[1].ticker, found[1].mentions, found[1].primary) == ("NVDA", 3, False)


def test_declared_unknown_company_counts_its_name_in_text() -> None:
    declared = [Instrument("DE000NLE0014", None, "Nordlicht Energie")]
    found = find_instruments(
        "Nordlicht Energie’s Offshore Gamble",
        "Nordlicht Energie AG will invest. ISIN DE000NLE0014. Siemens supplies turbines.",
        declared,
    )
    assert [(i.isin, i.name, i.mentions, i.primary) for i in found] == [
        ("DE000NLE0014", "Nordlicht Energie", 3, True),
        ("DE0007236101", "Siemens", 1, False),
    ]


def test_declared_twice_is_one_instrument() -> None:
    declared = [Instrument("US01609W1027", None, "Alibaba"), Instrument("US01609W1027", None, None)]
    assert len(find_instruments("", "", declared)) == 1


def test_primary_without_declared_is_most_mentioned_then_first() -> None:
    assert tickers("", "Apple, Microsoft, Microsoft.") == ["MSFT", "AAPL"]
    assert tickers("", "Apple and Microsoft.") == ["AAPL", "MSFT"]
    found = find_instruments("Microsoft", "Apple.", [])
    assert [(i.ticker, i.primary) for i in found] == [("MSFT", True), ("AAPL", False)]


def test_one_written_mention_is_not_counted_twice() -> None:
    (sap,) = find_instruments("", "SAP (Xetra: SAP) rose.", [])
    assert sap.mentions == 2  # the name, then the ticker form; not 3


def test_no_text_no_instruments() -> None:
    assert find_instruments("", "", []) == []


def test_hyphenated_words_and_multiword_names() -> None:
    assert tickers("", "The Nvidia-backed startup and Mercedes-Benz Group AG.") == ["NVDA", "MBG.DE"]
    assert tickers("", "Bank of America and Procter & Gamble Co. reported.") == ["BAC", "PG"]
    assert tickers("", "J.P. Morgan raised its target.") == ["JPM"]


def test_a_name_does_not_run_across_a_full_stop() -> None:
    # "Apple. General" must not be read as one name, nor swallow the next sentence.
    assert tickers("", "We like Apple. General Motors too.") == ["AAPL", "GM"]


def test_names_without_a_capital_initial_match_only_as_spelled() -> None:
    assert tickers("", "eBay’s sales rose; eBay said more.") == ["EBAY"]
    assert tickers("", "Shares of 3M fell.") == ["MMM"]
    assert tickers("", "3i Group plc rose.") == ["III.L"]
    # Spelled otherwise they are other words ("3m" is three metres).
    assert tickers("", "I sold it on ebay, then EBay.") == []
    assert tickers("", "Shares of 3m fell. Bought 13i shares.") == []


def test_a_capital_inside_a_word_starts_no_name() -> None:
    assert tickers("", "The iPhone maker Apple and the iShares funds.") == ["AAPL"]


def test_declared_name_with_a_lower_case_initial_counts_as_spelled() -> None:
    declared = [Instrument("IE00B4L5Y983", None, "iShares Core MSCI World")]
    (found,) = find_instruments(
        "iShares Core MSCI World draws inflows", "Money moved into iShares Core MSCI World.", declared
    )
    assert (found.isin, found.mentions, found.primary) == ("IE00B4L5Y983", 2, True)


def test_the_second_time_is_the_same() -> None:
    # What the scanner finds in a run is cached by its text: a hit must not change it.
    body = "Microsoft (NASDAQ: MSFT) and Shell plc. Rival Toyota Motor (TSE: 7203) rose."
    assert find_instruments("", body, []) == find_instruments("", body, [])
