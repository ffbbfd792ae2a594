"""The direction a movers table gives its rows: "FTSE 100 - Risers", "Top gainers:".

A page's table of the day's risers and fallers states its rows' moves without a verb
("Endeavour Mining (EDV) 2,104.00p 3.44%"); the heading above the rows, or the label on
their line, is what says up or down. `direction_of` asks here last, when no word of the
figure's own clause gave its move.
"""

from __future__ import annotations

import re

from tui_reader.model import Direction

_MOVERS_HEADING = re.compile(
    r"\b(?P<up>[Rr]isers|[Gg]ainers|[Gg]ewinner|Tops)\b|\b(?P<down>[Ff]allers|[Ll]osers|[Vv]erlierer|Flops)\b")
_SENTENCE_END = re.compile(r"[a-zäöüß)]{2}[.!?][ \n]")
_INLINE_HEADING = re.compile(
    r"(?:\b(?:(?P<up>[Rr]isers|[Gg]ainers|[Ww]inners|[Gg]ewinner|[Gg]ain|Kursgewinn|Zuwachs)"
    r"|(?P<down>[Ff]allers|[Ll]osers|[Vv]erlierer|[Ll]oss|Kursverlust))[ \u00a0]*:"
    r"|[ \u00a0][-–][ \u00a0](?:(?P<rise>Risers|Gainers)|Fallers|Losers))[ \u00a0]"
    r"(?!.*(?:\b(?:[Rr]isers|[Gg]ainers|[Ww]inners|[Gg]ewinner|[Ff]allers|[Ll]osers|[Vv]erlierer)[ \u00a0]*:"
    r"|[ \u00a0][-–][ \u00a0](?:Risers|Gainers|Fallers|Losers)[ \u00a0]))")
"""A label on the figure's own line: the last one before it ("Top gainers: …", "Weekly
gain: 133.33 percent"), or a movers table's heading that the page's rows were joined to
("FTSE 100 - Risers Standard Chartered (STAN) 656.40p 8.39% …")."""


def movers_heading(body: str, start: int) -> Direction | None:
    """The direction of a movers table's row ("Endeavour Mining (EDV) 2,104.00p 3.44%"
    under "FTSE 100 - Risers"): no sentence stands between the figure and its table's
    heading, a short line or paragraph that names the risers or the fallers."""
    line = body.rfind("\n", 0, start) + 1
    if body.find(":", line, start) >= 0 or body.find(" - ", line, start) >= 0:
        inline = _INLINE_HEADING.search(body, line, start)
        if inline is not None and not _SENTENCE_END.search(body, inline.end(), start):
            # "Biggest gainers: Nordic Semiconductor ASA 20 pct, DNO ASA 6.67 pct",
            # "Weekly gain: 133.33 percent": the line's label, then its items
            return "up" if inline["up"] or inline["rise"] else "down"
    block = body.rfind("\n\n", 0, start)
    if block < 0:
        return None
    heading_start = body.rfind("\n", 0, block)
    for _ in range(_ROWS_LIMIT):  # rows set apart by blank lines: step back over them to the heading
        if not body.endswith("%", heading_start + 1, block) or block - heading_start > _ROW_LIMIT:
            break
        block = body.rfind("\n\n", 0, heading_start + 1)
        if block < 0:
            return None
        heading_start = body.rfind("\n", 0, block)
    if block - heading_start > _HEADING_LIMIT:
        return None  # the common case: a paragraph of prose before, no table's heading
    m = _MOVERS_HEADING.search(body, heading_start + 1, block)
    if m is None or _SENTENCE_END.search(body, block, start):
        return None
    return "up" if m["up"] else "down"


_HEADING_LIMIT = 48
_ROW_LIMIT = 100
_ROWS_LIMIT = 40
"""A row of a table some pages set in paragraphs of their own: a line of at most
`_ROW_LIMIT` characters ending in its percentage; at most `_ROWS_LIMIT` of them are
stepped over on the way back to the table's heading."""
