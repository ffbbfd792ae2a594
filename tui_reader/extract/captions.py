"""Photo captions and credits a saved page or a feed keeps among the story's paragraphs.

Their words and numbers describe a picture, not the news ("Traders work on the floor
on March 10, 2019 in New York."), so `strip_boilerplate` removes them and notes it;
the patterns here say what a caption looks like at each publisher.
"""

from __future__ import annotations

import re

from tui_reader.extract.notes import shorten

CAPTION = re.compile(
    r"""
      ^\W{0,4}(?:foto|photo|bild)\s*:\s*\S                 # "?? FOTO: RTR ?? Die Bestellungen ..."
    | (?:^|[\s/|(])(?:foto|photo|bild|image|illustration)\s*:\s*[^\s:][^:.!?]{0,50}\)?$  # "... Exchange. / Foto: Reuters"
    | \((?:photo|image)\ by\ [^()]{2,60}\)$                    # "(Photo by Jane Roe/Agency)"
    | ^(?:image|photo|picture)\ (?:source|credit):\ [^.]{2,60}\.?$  # "Image source: Getty Images."
    | ^file\ photo:                                       # Reuters: "FILE PHOTO: Traders work ..."
    | \b(?:reuters|afp|ap|epa|dpa|aap|the\ canadian\ press)/\ ?[^\s/.,]+(?:\ [^\s/.,]+){0,3}\.?$  # "REUTERS/Jane Roe"
    | \([^()/]{2,40}/[^()]{0,30}\bphotos?\)$                # "... mark. (Jane Roe/AAP PHOTOS)"
    | \bin\ this\ [^.]{0,40}\b(?:picture|photo)\ illustration\b  # "... notes in this March 2, 2013 picture illustration"
    | \bin\ this\ (?:[\w-]+\ ){0,2}(?:photograph|photo|picture)\ taken\b  # "... in this aerial photograph taken above …"
    | \b(?:reuters|afp|ap|bernama)\ pic\.?$                  # "... illustration. Reuters pic"
    | \((?:ap|afp|reuters|dpa|epa)\ photo/[^()]{2,60}\)$     # "... (AP Photo/Jane Roe, File)"
    | ^file\s?[-–—]\s                                      # AP: "FILE- This March 19, 2018, file photo ..."
    | \bcredit:\ [^.:]{2,40}\b(?:photos?|images?)\.?$      # "... in fiscal 2021. Credit: AFP Photo", "Credit: AAP image"
    | ^screenshot\ ?/\ ?[\w.-]{2,40}$                        # "Screenshot/finanzen.net" under a chart
    | ^titelfoto:\ .{2,60}$                                # "Titelfoto: Name / Shutterstock.com"
    | ^bildrechte:\ .{2,60}$                               # "Bildrechte: picture alliance/dpa | Jane Roe"
    | ^[\w.\ ]{2,40}\ file\ photo\b                         # "Yomiuri Shimbun file photo" (and its caption)
    | \bphotograph:\ [^.]{2,60}$                            # "... the exchange. Photograph: Jane Roe/Getty"
    | ^in\ this\ [^.]{0,30}\bfile\ photo\b                   # "In this June 27, 2025, file photo, people walk ..."
    """,
    re.IGNORECASE | re.VERBOSE,
)
"""A photo caption or credit that a saved page or a feed keeps as a paragraph: the
credit opens it or ends it. Its words and numbers describe a picture, not the news."""
PHOTO_CREDIT = re.compile(r"\|[ \u00a0]*(?:Getty[ \u00a0]Images|Reuters|AFP|AP|Bloomberg|NurPhoto)[ \u00a0]*$")
CREDIT_LIMIT = 100
CAPTION_LIMIT = 300
"""A picture's credit line ("Bloomberg | Bloomberg | Getty Images"), and the one-sentence
caption a page keeps right before it."""
PICTURED = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July"
    r"|August|September|October|November|December|is seen|are seen|pictured|logo|speaks|attends|stand|booth)\b")
"""What a caption shows (a scene, a day): only such a sentence before a credit line goes
with it; a one-line news paragraph there ("Revenue rose 5%.") stays."""
_AGENCY_DAY_PLACE = re.compile(
    r" on (?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r" [0-9]{1,2}, (?:19|20)[0-9]{2},? in [A-Z][\w.'’ -]{1,40}(?:, [A-Z][\w.'’ -]{1,30})?\.$")
_AGENCY_SCENE = re.compile(
    r"\b(?:attends?|speaks?|arrives?|poses?|walks?|looks on|gestures|is seen|are seen|participates?"
    r"|performs?|visits?|waves?|smiles?|addresses)\b")
"""A picture agency's caption, kept as a line of the text: who does what in the present
tense, then "on March 10, 2019 in Austin, Texas." (Getty's form); the story itself
tells of the past ("The studio will hold its day on …" has no scene verb before it
in the present and no agency's day-and-place ending both; "The chief will speak on …"
is a plan, not a scene)."""
_PLAN_WORDS = frozenset({"will", "to", "would", "may", "might", "can", "could", "should", "shall", "must"})
GLUED_FILE_CAPTION = re.compile(r"FILE ?[-–—] .{10,400}?[.!?](?= [A-Z“\"])")
"""An AP file photo's caption that a page glued to the story's first paragraph: up to its
own sentence's end."""


def agency_caption_note(text: str) -> str | None:
    """The note for a picture agency's caption (`_agency_caption`) up to
    `CAPTION_LIMIT` characters, else None."""
    return "photo caption: " + shorten(text) if len(text) <= CAPTION_LIMIT and _agency_caption(text) else None


def _agency_caption(text: str) -> bool:
    """Getty's caption form (`_AGENCY_DAY_PLACE`, `_AGENCY_SCENE`): read only when the
    line ends in a place after a day with its year."""
    stripped = text.rstrip()
    tail = stripped[-100:]
    if not tail.endswith(".") or (", 1" not in tail and ", 2" not in tail):
        return False
    place = _AGENCY_DAY_PLACE.search(tail)
    if place is None:
        return False
    scenes = _AGENCY_SCENE.finditer(stripped, 0, len(stripped) - len(tail) + place.start())
    for scene in scenes:
        before = stripped[max(0, scene.start() - 12):scene.start()].split()
        if not before or before[-1].lower() not in _PLAN_WORDS:
            return True
    return False
