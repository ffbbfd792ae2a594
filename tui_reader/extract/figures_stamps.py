"""Dates that are page furniture, not figures of the story: bylines and update stamps
("By Jane Roe - Dec 16, 2025", "Aktualisiert am 12.03.2025"), photo credits and
captions, print-edition and analysis dates, and an author's line without "By"
("Andrea Cünnen 03.12.2021 - 22:53 Uhr"). `figures_dates` asks these before it keeps
a date.
"""

from __future__ import annotations

import re


def authored(body: str, start: int, end: int) -> bool:
    """A byline without "By": the author's name, then the date of writing alone at the
    end of its line ("Andrea Cünnen 03.12.2021 - 22:53 Uhr"). Only for dates up to the
    publication day: "Deutsche Bank 25.04.2026" in a list of coming dates is kept."""
    line = body.rfind("\n", 0, start) + 1
    return _AUTHOR.match(body[line:start].strip()) is not None and _STAMP_TAIL.match(body, end) is not None


_STAMP = re.compile(
    r"(?:(?:last|zuletzt|first|zuerst)\s+)?(?:updated?|aktualisiert|published|posted"
    r"|veröffentlicht|erstellt|geändert|modified|stand)(?:\s+(?:am|on|at|um))?\s*:?\s*"
    r"(?:[a-zäöü]{2,10}\.?,?\s+)?$")
"""An update or publication line's label right before its date ("Last update: Sep 17,
2025", "Aktualisiert am 12.03.2025", "Published Tue, Mar 12 2019")."""
_CREDIT = re.compile(r"\([^()]*(?:photo|foto|bild|image|getty|credit|picture|/)[^()]*\)\s*$")
"""A photo credit the date follows ("(Photo by Jane Doe/Getty Images) March 12, 2019")."""
_BYLINE = re.compile(
    r"(?:By|BY|Von|VON)\s+(?:[A-ZÄÖÜ][\w.'’-]*,?\s+(?:(?:and|und)\s+)?){1,6}"
    r"(?:[-–—|•·]\s*)?(?:(?:Updated|Published|Posted)\s+(?:on\s+)?)?$")
"""A byline the date follows ("By Jane Doe - Dec 16, 2025", "By Jane Doe – Updated Jul
15, 2020 at 4:32PM")."""
_STAMP_LABEL = re.compile(
    r"(?:(?:Last|Zuletzt) (?:updated|aktualisiert)|Updated|Published|Posted|Aktualisiert|Veröffentlicht|Erstellt|Stand)"
    r"(?: (?:am|on|at|um))?:? ?(?:[0-9]{1,2}[:.][0-9]{2}(?: ?[AaPp]\.?[Mm]\.?)?(?: [A-Z]{2,4})?,? )?$")
"""A stamp's label written with its capital inside a line ("… at 9:28 AM Updated on May
13, 2016"), a clock time and its zone maybe between ("Published: 16:55 EDT, 18 May
2017"): prose writes these words lower-case ("will be published on March 3")."""
_LABEL_WORDS = ("pdated", "ublished", "Posted", "ktualisiert", "eröffentlicht", "Erstellt", "Stand")
"""Looked for first: one substring test each costs less than the regex search."""
_CLOCK_STAMP = re.compile(
    r"[ \u00a0]*/?[ \u00a0]*(?:[0-9]{1,2}:[0-9]{2}[ \u00a0]*)?(?:CET/CEST|CEST|CET|MESZ|MEZ|EDT|EST|GMT|UTC)\b"
    r"|[ \u00a0]*/?[ \u00a0]*[0-9]{1,2}:[0-9]{2}[ \u00a0]*(?:ET\b|von[ \u00a0]+[A-Z])")
"""A clock time and a zone or an agency right after a date: a release stamp wherever it
stands ("24.07.2020 / 11:58 CET/CEST", "Freitag, 24.07.2020 12:00 von DGAP", the
wire's footer "1198454 19.05.2021 CET/CEST")."""
_RELEASE_PLACE = re.compile(r"(?<![\w,])[A-ZÄÖÜ][\w.-]+(?:[ /][A-ZÄÖÜ][\w.-]+)?,[ \u00a0]+$")
_RELEASE_DASH = re.compile(r"[ \u00a0]+[-–—][ \u00a0]+[A-ZÄÖÜ]")
"""A release's own dateline: place, date, dash ("Erlangen, 19. Mai 2021 - Der Vorstand")."""
_AUTHOR = re.compile(
    r"(?:[A-ZÄÖÜ][\w.'’-]*[ \u00a0]+){1,3}[A-ZÄÖÜ][\w.'’-]*"
    r"(?:,[ \u00a0]+(?:[A-ZÄÖÜ][\w.'’-]*[ \u00a0]+){1,3}[A-ZÄÖÜ][\w.'’-]*)?$")
"""A byline without "By": the author's name before a date that ends its line
("Andrea Cünnen 03.12.2021 - 22:53 Uhr"), two of them too ("Jane Roe, John Doe 13.01.2026")."""
_STAMP_TAIL = re.compile(
    r",?[ \u00a0]*(?:(?:at|um|,|\||/|[-–·•])[ \u00a0]*)?"
    r"(?:[0-9]{1,2}[:.][0-9]{2}(?:[ \u00a0]*[AaPp]\.?[Mm]\.?)?"
    r"(?:[ \u00a0]*(?:Uhr|[A-Z]{2,4}))?)?[ \u00a0]*(?:\n|$)")
"""What may follow a date that stands alone on its line: a time and its zone."""
_TIME_AFTER = re.compile(
    r",?[ \u00a0]*(?:(?:at|um|,|\||/|[-–·•])[ \u00a0]*)?[0-9]{1,2}:[0-9]{2}(?![0-9])")
"""A clock time right after a date that opens its line: a page stamp, whatever follows
("24.03.2024 10:50 130 mal gelesen")."""
_TIME_FIRST = re.compile(r"[ \u00a0]*[0-9]{1,2}:[0-9]{2}[ \u00a0]*(?:Uhr[ \u00a0]*)?[|/,·•-]?[ \u00a0]*")
_CREDIT_LINE = re.compile(
    r"(?:(?:Photo|Foto|Bild|Credit|Image)s?[:\s]|[^\n|]{2,40}\|)[^\n]{0,80}"
    r"(?:Getty|Bloomberg|Reuters|AFP|AP|dpa|[Pp]icture[ -][Aa]lliance|Shutterstock|Imago|IMAGO"
    r"|Images|Photos?|Fotos?)\b")
"""A photo credit line ("Jane Roe | Bloomberg | Getty Images", "Foto: dpa")."""
_PRINTED = ("print-ausgabe", "printausgabe", "print edition", "ausgabe vom")
_ANALYSED = ("datum der analyse", "analysedatum", "der original-studie")
"""dpa-AFX's analyst notes end with the note's date, glued to the sign-off
("…Übernahmekandidaten./ajx/tih Datum der Analyse: 18.01.2018"), or with the study's
("Veröffentlichung der Original-Studie: 16.09.2020 / 21:23 / GMT")."""
_CAPTION_REACH = 240
"""Caption lines are short: the credit line starts within this many characters."""
_FURNITURE_REACH = 100
"""Furniture lines are short before their date (a credit, a byline, "Last update:")."""


def page_furniture(body: str, start: int, end: int) -> bool:
    """Whether the date is page furniture: a byline's, an update line's or a photo
    credit's date, or a date alone on its line. It says when the page was made, which
    the publication time already holds, not something the article states."""
    next_line = body.find("\n", end, end + _CAPTION_REACH)
    if next_line >= 0 and _CREDIT_LINE.match(body, next_line + 1):
        return True  # a photo caption: its credit follows on the next line
    if body[max(0, start - 24):start].lower().rstrip(" ,:").endswith(_PRINTED + _ANALYSED):
        return True  # '("Die Presse", Print-Ausgabe, 04.05.2010)': where the story was printed
    if body[end:end + 1] in " /\u00a0" and _CLOCK_STAMP.match(body, end):
        return True
    label_zone = body[(start - 30 if start > 30 else 0):start]
    if any(word in label_zone for word in _LABEL_WORDS) and _STAMP_LABEL.search(label_zone):
        return True
    reach = start - _FURNITURE_REACH if start > _FURNITURE_REACH else 0
    line = body.rfind("\n", reach, start) + 1
    if not line and reach:
        return False  # a long line before the date: a sentence, not furniture
    head = body[line:start]
    if _TIME_FIRST.fullmatch(head):  # "18:13 | 23.09.2020": a page stamp, time first
        return True
    if not head.strip():  # alone on its line, or opening it with a clock time
        return (_STAMP_TAIL.match(body, end) is not None
                or _TIME_AFTER.match(body, end) is not None)
    lower = head.lower()
    if lower.rstrip().endswith("newswires"):  # "(END) Dow Jones Newswires March 12, 2025"
        return True
    return (_STAMP.match(lower.lstrip()) is not None or (head.rstrip()[-1:] == ")"
                                                  and _CREDIT.search(lower) is not None)
            or _BYLINE.match(head.lstrip()) is not None)


def release_dateline(body: str, start: int, end: int) -> bool:
    """Whether the date opens a press release after its place ("BERLIN, March 3, 2026 -
    Nordlicht AG today announced"): when the release was issued, not a figure."""
    return _RELEASE_DASH.match(body, end) is not None and _RELEASE_PLACE.search(
        body, max(0, start - 40), start) is not None
