"""strip_boilerplate on the furniture of the 38th and 39th held-out sets (issue 9): a saved
page's related stories and comments after the article, calls to follow a site or join
its newsletter, a broker's risk disclosure, "Is now the time to buy …?" with its report
offer, ticker strips with arrows, and a quote widget's line atop a long paragraph.

Every text is our own; the expected results were written before the code ran.
"""

from __future__ import annotations

import pytest

from tui_reader.extract.boilerplate import strip_boilerplate

STORY = [
    "Nordlicht Energie said on Tuesday that first-half profit rose 14% to 310 million euros, "
    "helped by higher prices at its offshore wind parks.",
    "The company kept its full-year outlook and said a second park would start in the autumn.",
]


@pytest.mark.parametrize("heading", ["Related Articles", "Comments", "Kommentare", "Ähnliche Artikel:",
                                     "Das könnte Sie auch interessieren", "Read next"])
def test_a_page_tail_after_the_story_goes_whole(heading: str) -> None:
    kept, notes = strip_boilerplate([*STORY, heading, "Another explorer soars 14% on drilling", "Reader: too dear?"])
    assert kept == STORY
    assert notes == [f"page tail: 3 paragraphs from {heading}"]


def test_a_tail_heading_above_the_story_is_the_page_s_navigation_and_stays() -> None:
    kept, notes = strip_boilerplate(["Comments", *STORY])
    assert kept == ["Comments", *STORY] and notes == []


def test_a_sentence_that_names_related_articles_stays() -> None:
    sentence = "Related articles on the deal appeared in three papers, the company said."
    assert strip_boilerplate([*STORY, sentence]) == ([*STORY, sentence], [])


@pytest.mark.parametrize(
    "line",
    [
        "Follow us on our official WhatsApp channel for breaking news alerts and updates!",
        "Follow us on Telegram for breaking news.",
        "Join our daily newsletter The Closing Bell to get market insights first.",
        "Risk Disclosure: Trading in financial instruments and/or cryptocurrencies involves high risks.",
        "Is now the time to buy Nordlicht Energie? Find out in our full research report, free for members.",
        "Is now the time to buy Nordlicht Energie? Access our full analysis report here.",
    ],
)
def test_calls_to_follow_subscribe_or_buy_go(line: str) -> None:
    kept, notes = strip_boilerplate([*STORY, line])
    assert kept == STORY and notes == [notes[0]] and notes[0].startswith("promotional line: ")


@pytest.mark.parametrize(
    "sentence",
    [
        "Investors follow us on every deal, the chief executive joked, and the shares rose 2%.",
        "Is now the time to buy more turbines? The board will decide in June after a tender.",
        "Management said it would join our peers in reporting emissions quarterly.",
    ],
)
def test_news_sentences_sharing_their_words_stay(sentence: str) -> None:
    assert strip_boilerplate([*STORY, sentence]) == ([*STORY, sentence], [])


def test_a_ticker_strip_with_arrows_is_a_quote_line() -> None:
    kept, notes = strip_boilerplate(["NLE 7.76 Decreased By ▼ -0.20 (-2.51%)", *STORY])
    assert kept == STORY and notes == ["quote line: NLE 7.76 Decreased By ▼ -0.20 (-2.51%)"]


def test_a_widget_line_atop_a_long_paragraph_goes_and_the_paragraph_stays() -> None:
    long_text = " ".join(STORY * 3)
    kept, notes = strip_boilerplate([f"NLE\n217.10 CHF -0.42%\n{long_text}"])
    assert kept == [f"NLE\n{long_text}"]
    assert notes == ["quote line: 217.10 CHF -0.42%"]
