"""strip_boilerplate: the portal's sales pitch goes, real sentences about buying and selling stay."""

from __future__ import annotations

import pytest

from tui_reader.extract.boilerplate import strip_boilerplate

NEWS = "Nordlicht Energie AG will invest more than €4.2 billion in two North Sea wind parks."


def test_worked_example_notes_match_the_contract() -> None:
    paragraphs = [
        NEWS,
        "Financing and Timeline",
        "Should investors sell immediately? Or is it worth buying Nordlicht Energie?",
        "Ad",
        "Nordlicht Energie Stock: Buy or Sell?! New Nordlicht Energie Analysis from November 3 delivers the answer:",
        "Read the free analysis now...",
    ]
    kept, notes = strip_boilerplate(paragraphs)
    assert kept == [NEWS, "Financing and Timeline"]
    assert notes == ["promotional line: Should investors sell immediately? …", "ad block: 3 paragraphs"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Analysts said investors should sell immediately if the margin falls below 8%.",
        "The fund decided to buy or sell positions only after the vote.",
        "Insiders did not sell any shares, and the CEO plans to buy more.",
        "Is it worth buying? Shareholders asked the board that question at the meeting.",
        "Read the full report on the company website.",
        "Advertising revenue rose 12%.",
        "Is Apple a buy now? Analysts are split after the results, with 20 of 45 rating it a buy.",
        "Should you sell Apple? Fund managers cut their holdings by 3% in the quarter.",
        "The board will decide whether to buy, hold or sell the stake by June.",
        "Buy, hold or sell? Brokers disagreed after the tariff news, and the shares swung 9%.",
        "Download speeds improved, and subscribers rose 4%.",
    ],
)
def test_real_sentences_about_buying_and_selling_stay(sentence: str) -> None:
    assert strip_boilerplate([sentence]) == ([sentence], [])


@pytest.mark.parametrize(
    "line",
    [
        "Buy or Sell?!",
        "Nordlicht Energie Stock: Buy or Sell?!",
        "Read the free analysis now...",
        "New Nordlicht Energie Analysis from November 3 delivers the answer:",
        "Or is it worth buying Nordlicht Energie?",
        "Sollten Anleger sofort verkaufen? Oder lohnt sich doch der Einstieg bei Nordlicht?",
    ],
)
def test_promotional_lines_are_removed_with_a_note(line: str) -> None:
    kept, notes = strip_boilerplate([NEWS, line])
    assert kept == [NEWS]
    assert len(notes) == 1 and notes[0].startswith("promotional line: ")


def test_long_promotional_line_is_truncated_with_ellipsis() -> None:
    line = "New Nordlicht Energie Offshore Wind and Hydrogen Holding Analysis from November 3 delivers the answer:"
    _, notes = strip_boilerplate([line])
    assert notes[0].endswith(" …")
    assert len(notes[0]) < len("promotional line: ") + len(line)


def test_pitch_glued_to_a_real_paragraph_is_cut_off() -> None:
    kept, notes = strip_boilerplate([NEWS + " Should investors sell immediately? Or is it worth buying it?"])
    assert kept == [NEWS]
    assert notes == ["promotional line: Should investors sell immediately? …"]


@pytest.mark.parametrize("marker", ["Ad", "Anzeige", "Advertisement", "ad:"])
def test_ad_block_ends_at_the_next_real_paragraph(marker: str) -> None:
    later = "In other news, the regulator approved the second wind park after a two-year review of its plans."
    kept, notes = strip_boilerplate([NEWS, marker, "Nordlicht Stock: Buy or Sell?!", "Read the free analysis now...", later])
    assert kept == [NEWS, later]
    assert notes == ["ad block: 3 paragraphs"]


def test_ad_marker_alone_counts_one_paragraph() -> None:
    assert strip_boilerplate([NEWS, "Ad"]) == ([NEWS], ["ad block: 1 paragraph"])


def test_the_word_ad_inside_text_is_not_a_marker() -> None:
    paragraphs = ["Ad revenue", "Ad spending rose 4% in the quarter, the company said."]
    assert strip_boilerplate(paragraphs) == (paragraphs, [])


OTHER_PORTAL = [
    NEWS,
    "Is Apple a buy now? Our free special report tells you what to do with your Apple shares.",
    "Advertisement",
    "Apple: Buy, Hold or Sell? Our April 3 analysis has the answer.",
    "Download the report now...",
]


def test_another_portals_pitch_and_advertisement_block_go() -> None:
    kept, notes = strip_boilerplate(OTHER_PORTAL)
    assert kept == [NEWS]
    assert notes == ["promotional line: Is Apple a buy now? …", "ad block: 3 paragraphs"]


@pytest.mark.parametrize(
    "line",
    [
        "Is Tesla a buy now?",
        "Is ASML a buy right now? Find out in our free report.",
        "Apple: Buy, Hold or Sell?",
        "Should you buy Nordlicht? Download the free analysis.",
        "Is it time to sell SAP? Our special report has the answer.",
        "Nordlicht: Kaufen, halten oder verkaufen? Jetzt lesen!",
    ],
)
def test_buy_or_sell_questions_alone_or_with_sales_copy_are_removed(line: str) -> None:
    kept, notes = strip_boilerplate([NEWS, line])
    assert kept == [NEWS]
    assert len(notes) == 1 and notes[0].startswith("promotional line: ")


def test_another_portals_pitch_glued_to_a_paragraph_is_cut_off() -> None:
    pitch = "Is Apple a buy now? Our free special report tells you what to do with your Apple shares."
    kept, notes = strip_boilerplate([NEWS + " " + pitch])
    assert kept == [NEWS]
    assert notes == ["promotional line: Is Apple a buy now? …"]


def test_a_closing_question_without_sales_copy_stays_in_its_paragraph() -> None:
    paragraph = NEWS + " Should investors buy the dip? The answer depends on the second park."
    assert strip_boilerplate([paragraph]) == ([paragraph], [])
    ending = NEWS + " Is Nordlicht a buy now?"
    assert strip_boilerplate([ending]) == ([ending], [])


@pytest.mark.parametrize("marker", ["Sponsored", "— Advertisement —", "[Anzeige]", "ADVERTISEMENT", "Paid content:"])
def test_other_ad_marker_spellings_open_an_ad_block(marker: str) -> None:
    kept, notes = strip_boilerplate([NEWS, marker, "Apple: Buy, Hold or Sell? Our April 3 analysis has the answer."])
    assert kept == [NEWS]
    assert notes == ["ad block: 2 paragraphs"]


def test_empty_paragraphs_are_kept_not_a_crash() -> None:
    # "a\n\n\n\nb".split("\n\n") is how a feed body with a double blank line arrives.
    assert strip_boilerplate(["a", "", "b"]) == (["a", "", "b"], [])


# --- real portals' promotion blocks (issue 9) -----------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Solarkraft-Nord-Aktie: Kaufen oder verkaufen?! Neue Solarkraft-Nord-Analyse vom 5. November liefert die Antwort:",
        "Neue Solarkraft-Nord-Analyse vom 5. November liefert die Antwort:",
        "Die neusten Solarkraft-Nord-Zahlen sprechen eine klare Sprache: Dringender Handlungsbedarf für "
        "Solarkraft-Nord-Aktionäre. Lohnt sich ein Einstieg oder sollten Sie lieber verkaufen? In der aktuellen "
        "Gratis-Analyse zur Solarkraft-Nord-Aktie vom 5. November erfahren Sie, was jetzt zu tun ist.",
        "The latest Nordlicht figures speak for themselves: urgent action needed for shareholders.",
        "Solarkraft Nord: Kaufen oder verkaufen? Hier weiterlesen...",
        "Jetzt kostenlos Newsletter abonnieren und keine Analyse mehr verpassen.",
        "Melden Sie sich jetzt für unseren täglichen Newsletter an.",
        "Sign up for our free daily newsletter.",
        "Free report: five dividend stocks for the next decade",
        "Read More News: Chipmaker raises its outlook",
        "Lesen Sie auch: Windparkbetreiber senkt Dividende",
        "Mehr zum Thema: Zinsentscheid der EZB",
    ],
)
def test_portal_promotion_and_teaser_lines_are_removed(line: str) -> None:
    kept, notes = strip_boilerplate([NEWS, line])
    assert kept == [NEWS]
    assert len(notes) == 1 and notes[0].startswith("promotional line: ")


@pytest.mark.parametrize(
    "sentence",
    [
        "Die neue Analyse der Bank sieht den Kurs bei 60 Euro.",
        "Der Newsletter-Anbieter steigerte den Umsatz um 12 Prozent.",
        "Kostenlose Kontoführung lockte 200.000 neue Kunden an.",
        "Jetzt will der Vorstand die Kosten um 5 Prozent senken.",
        "Mehr zum Thema Zinsen sagte die Notenbank nicht.",
        "Read more about the settlement in the filing, the company said.",
        "The latest figures show sales up 4%.",
        "Subscribers to the newsletter rose 9%.",
        "Hier lohnt sich ein Blick auf die Marge: Sie stieg auf 14 Prozent.",
    ],
)
def test_news_sentences_that_share_the_pitchs_words_stay(sentence: str) -> None:
    assert strip_boilerplate([sentence]) == ([sentence], [])


def test_a_german_portal_page_loses_its_whole_promotion_block() -> None:
    from pathlib import Path

    from tui_reader.sources.seeds import read_seed

    seed = Path(__file__).resolve().parents[1] / "data" / "seed_variants" / "portal_promo_de.txt"
    (article,) = read_seed(seed)
    assert article.body.endswith("Die Aktie legte im Xetra-Handel um 3,1 Prozent auf 48,20 Euro zu.")
    assert "Lesen Sie auch" not in article.body and "Gratis" not in article.body
    assert len(article.removed) == 6
    assert all(note.startswith("promotional line: ") for note in article.removed)


def test_a_teaser_glued_onto_a_paragraph_is_cut_off() -> None:
    paragraph = "Die Aktie gab dennoch um 0,9 Prozent auf 96,10 Euro nach. Read More News: Rüstungsaktien im Überblick"
    kept, notes = strip_boilerplate([paragraph])
    assert kept == ["Die Aktie gab dennoch um 0,9 Prozent auf 96,10 Euro nach."]
    assert notes == ["promotional line: Read More News: Rüstungsaktien im Überblick"]
    # must not: a quoted label inside a sentence, or one followed by a full sentence
    for sentence in ("He said: read more books.", "Analysts wrote: Lesen Sie auch die Fußnoten."):
        assert strip_boilerplate([sentence]) == ([sentence], [])


def test_investing_columns_stock_pick_pitch_goes() -> None:
    pitch = (
        "Should you invest $1,000 in Jabil right now? Before you buy stock in Jabil, consider this: our analyst "
        "team just picked the 10 best stocks to buy now..."
    )
    kept, notes = strip_boilerplate([NEWS, pitch, "See the 10 stocks »"])
    assert kept == [NEWS] and len(notes) == 2
    real = "Should you invest in chips now? Fund managers cut their holdings by 3% in the quarter."
    assert strip_boilerplate([real]) == ([real], [])


def test_stock_info_box_at_the_end_goes_with_a_note() -> None:
    paragraphs = [
        NEWS,
        "Zusätzliche Unternehmensinformationen zur Nordlicht Energie Aktie",
        "Kurs",
        "12,40 EUR",
        "+0,57 %",
        "1 Woche",
        "+3,2 %",
        "30 Tage",
        "-1,4 %",
    ]
    kept, notes = strip_boilerplate(paragraphs)
    assert kept == [NEWS]
    assert notes == ["info box: Zusätzliche Unternehmensinformationen zur Nordlicht Energie …"]


def test_stock_info_box_in_one_paragraph_of_lines() -> None:
    box = "Weitere Informationen zur Nordlicht Aktie\nKurs 12,40 EUR\n+0,57 %\n1 Woche +3,2 %"
    kept, notes = strip_boilerplate([NEWS, box])
    assert kept == [NEWS] and notes[0].startswith("info box: ")


@pytest.mark.parametrize(
    "paragraphs",
    [
        # the heading's words inside a real sentence
        [NEWS, "Weitere Informationen zur Nordlicht Aktie veröffentlichte der Vorstand am "
               "Montag in einem ausführlichen Bericht an die Aktionäre."],
        # a heading followed by a real paragraph is the article's own section
        [NEWS, "Daten zur Nordlicht Aktie", "Die Aktie hat in den vergangenen zwölf Monaten "
                                             "mehr als ein Drittel ihres Wertes verloren, "
                                             "weil die Aufträge ausblieben."],
    ],
)
def test_info_box_heading_words_in_prose_stay(paragraphs: list[str]) -> None:
    kept, notes = strip_boilerplate(paragraphs)
    assert kept == paragraphs and notes == []


@pytest.mark.parametrize(
    "caption",
    [
        "?? FOTO: RTR ?? Kleine Bestellungen treiben die Kosten. FOTO: RTR Kleine Bestellungen treiben die Kosten.",
        "Ein Schild vor der Börse in New York. Foto: Agentur",
        "A trader watches the screens on the floor. (Photo by Jane Roe/Picture Agency)",
        "Photo: Picture Agency",
        "Bild: dpa",
    ],
)
def test_photo_captions_and_credits_are_removed(caption: str) -> None:
    kept, notes = strip_boilerplate([caption, "The shares rose 3%."])
    assert kept == ["The shares rose 3%."]
    assert notes and notes[0].startswith("photo caption: ")


@pytest.mark.parametrize(
    "paragraph",
    [
        "Die Bild-Zeitung berichtete: Der Konzern plant einen Umbau.",
        "Das Bild: Die Aktie stieg um 5 Prozent, der Umsatz auch.",
        "The image: shares rose 5% on the day.",
        "The maker of a photo app said: sales doubled.",
    ],
)
def test_sentences_that_mention_pictures_stay(paragraph: str) -> None:
    assert strip_boilerplate([paragraph]) == ([paragraph], [])


def test_image_source_lines_and_free_article_banners_are_removed() -> None:
    kept, notes = strip_boilerplate(["Image source: Picture Agency.", "You’re reading a free article.", "Shares rose 3%."])
    assert kept == ["Shares rose 3%."] and len(notes) == 2


def test_reuters_file_photo_captions_and_a_quote_table_are_removed() -> None:
    kept, notes = strip_boilerplate([
        "The bank's shares fell 2%.",
        "FILE PHOTO: Traders watch the board at the exchange in Sydney, March 3, 2019. REUTERS/Jane Roe",
        "Commuters pass the bourse in Frankfurt, Germany. REUTERS/Max Muster",
        "Profit rose, a Reuters/Ipsos poll showed, and the bank expects more.",
        "Stocks mentioned in the article\nChangeLast1st jan.\nMAPLE BANK 0.12% 81.20 Delayed Quote.-2.10%",
    ])
    assert kept == ["The bank's shares fell 2%.", "Profit rose, a Reuters/Ipsos poll showed, and the bank expects more."]
    assert [n.split(":")[0] for n in notes] == ["info box", "photo caption", "photo caption"]


def test_paywall_lines_are_removed() -> None:
    kept, notes = strip_boilerplate([
        "Der Dax schloss fester.", "Jetzt weiterlesen",
        "Erhalten Sie Zugriff zu diesem und jedem weiteren Artikel für 4 Wochen kostenlos.",
        "Sie sind bereits registriert? Jetzt einloggen", "Continue reading", "Read Comments",
    ])
    assert kept == ["Der Dax schloss fester."]
    assert len(notes) == 5


def test_a_portals_quote_box_rows_are_removed_and_numbers_in_prose_stay() -> None:
    kept, notes = strip_boilerplate([
        "Werte in diesem Artikel", "Aktien", "41,20 EUR 0,35 EUR 0,86%", "18,02 EUR -0,40 EUR -2,17%",
        "Die Aktie stieg um 0,86 Prozent auf 41,20 Euro.",
    ])
    assert kept == ["Aktien", "Die Aktie stieg um 0,86 Prozent auf 41,20 Euro."]
    assert [n.split(":")[0] for n in notes] == ["quote box", "quote line", "quote line"]


def test_a_quote_table_joined_into_one_line_and_index_rows_are_removed() -> None:
    kept, notes = strip_boilerplate([
        "The index rose.", "1.947,6 PKT 32,5 PKT 1,70%",
        "Stocks mentioned in the article ChangeLast1st jan. MAPLE MINING INC -2.04% 6.25 Delayed Quote.-33.54%",
    ])
    assert kept == ["The index rose."]
    assert [n.split(":")[0] for n in notes] == ["info box", "quote line"]


def test_a_quote_box_joined_into_one_paragraph_is_removed() -> None:
    box = ("Werte in diesem Artikel Aktien Maple AG 40,91 CHF -0,31 CHF -0,75% Charts|News|Analysen "
           "Aktie kaufen Harbour AG 69,06 CHF 0,48 CHF 0,70% Charts|News|Analysen Aktie kaufen")
    kept, notes = strip_boilerplate([box, "Der SMI gewann 0,5 Prozent.", "Charts|News|Analysen", "Aktie kaufen"])
    assert kept == ["Der SMI gewann 0,5 Prozent."]
    assert [n.split(":")[0] for n in notes] == ["quote box", "promotional line", "promotional line"]


@pytest.mark.parametrize(
    "paragraph",
    [
        "A trader looks at a screen in Toronto on Monday, May 4, 2020. THE CANADIAN PRESS/ Jane Roe",
        "Banknotes are counted in Jakarta, in this June 3, 2014 photo illustration. Reuters pic",
        "The lender's shares hit a record, passing the $120 mark. (Jane Roe/AAP PHOTOS)",
        "-1.84%",
        "+0.77% Add to/Remove from Watchlist Add to Watchlist Add Position",
        "Add to Watchlist",
        "Hol dir die App!",
        "Abonniere unseren Newsletter",
        "Our Standards: The Thomson Reuters Trust Principles.",
        "A shopper in Ohio on May 2, 2019. Sales rose 4% last quarter. (AP Photo/Jane Roe, File)",
        "FILE- This June 3, 2019, file photo shows a store in Ohio.",
        "{slider=Market Mover – Der kostenlose Trading-Service << hier klicken >>}",
        "Sie möchten regelmäßig solche Aktientipps erhalten? Dann testen Sie unseren Dienst.",
        "Wenn Sie mehr über das Thema Aktien erfahren wollen, lesen Sie unseren Ratgeber!",
        "Nordlicht Energie AG | 31,20 | -1,15% |",
        "7341.18 | Negative 12.40 (0.17%)",
        "7341.18 | Positive 2.05 (0.03%) Graph",
        "No news or research item is a personal recommendation to deal.",
        "NORDLICHT-Aktie komplett kostenlos handeln - auf Smartbroker.de",
    ],
)
def test_captions_and_a_quote_widgets_buttons_are_removed(paragraph: str) -> None:
    kept, notes = strip_boilerplate([NEWS, paragraph])
    assert kept == [NEWS] and len(notes) == 1


def test_a_widget_kept_on_separate_lines_loses_its_lines_only() -> None:
    kept, notes = strip_boilerplate(["NVDA\n-2.15%\nAdd to Watchlist"])
    assert kept == ["NVDA"]
    assert notes == ["quote line: -2.15%", "promotional line: Add to Watchlist"]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Our standards for lending were tightened, the bank said.",
        "Shares rose -1.84% at the open, then recovered.",
        "Staff can add to the watchlist any stock they follow, the firm said.",
        "Photos of the plant show the new line; output rose 8%.",
        "File sizes grew 30%, the company said.",
        "Umsatz | Gewinn: beide stiegen um 5%.",
        "Sie möchten mehr Dividende? Dann sollten Sie die Ausschüttungsquote prüfen, sagt der Analyst.",
    ],
)
def test_prose_like_the_furniture_stays(paragraph: str) -> None:
    assert strip_boilerplate([paragraph]) == ([paragraph], [])
