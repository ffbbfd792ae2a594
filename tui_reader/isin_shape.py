"""Whether a word has the shape of an ISIN, for the two places that must pick between
"ISIN" and "ticker" before anything is looked up: a watchlist entry in the UI and a
symbol asked of the price chain.

Shape only, so it stays a regex: the UI imports this at start-up and must not pull in
the price chain or python-stdnum. Whether the check digit is right is a different
question, answered by python-stdnum behind `extract.isins.is_isin`.
"""

from __future__ import annotations

import re

_SHAPE = re.compile(r"[A-Z]{2}[A-Z0-9]{9}[0-9]")
"""Country code, nine-character national code, check digit (ISO 6166)."""


def looks_like_isin(text: str) -> bool:
    """Case does not matter (config files and prompts are typed by hand); only ASCII
    counts, since ``str.upper`` would turn some other letters (``ſ``) into ASCII ones."""
    return text.isascii() and _SHAPE.fullmatch(text.upper()) is not None
