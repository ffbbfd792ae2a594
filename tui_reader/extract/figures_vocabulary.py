"""The vocabulary of moves: the words that say a figure rose or fell, where they stand
around it, and the nouns and compounds that carry a move (`figures_words` reads them).

Plain tables and one memo: news repeats a small vocabulary, so every word read before a
percentage is looked up once and remembered (`learn_direction`).
"""

from __future__ import annotations

import re
from typing import Literal

from tui_reader.model import Direction

UP = ("rose rise rises rising risen gained gain gains gaining jumped jump jumps jumping "
      "climbed climb climbs climbing surged surge surges surging increased increase "
      "increases increasing up higher advanced advance advances advancing rallied rally "
      "rallies rallying grew grow grows growing grown soared soar soars soaring added "
      "widened widen improved improve improves improving expanded boosted boost boosts "
      "raised raise raises raising lifted lift lifts hiked hike hikes hiking adding accretion "
      "gestiegen steigt stieg stiegen zugelegt legte legten plus kletterte klettert "
      "gewachsen wuchs wuchsen wachsen höher anstieg zuwachs gewinn gewinne in-die-höhe stärkten "
      "aufschläge aufschlägen "
      "growth exploded explodes skyrocketed skyrockets skyrocketing rocketed rockets "
      "spiked spikes leapt leaped leaps rebounded rebound rebounds recovered firmed "
      "bounced bounces "
      "strengthened accelerated sprang sprangen springt schoss schossen schießt "
      "verteuerte verteuerten erholte erholten klettern kletterten gewann gewannen "
      "gewinnt wächst legt steigert steigerte steigerten erhöht erhöhte erhöhten "
      "verbesserte verbesserten upside pop pops popped popping erhöhen steigern "
      "spurted spurt spurts spurting steigen firmer stronger catapulted catapults zunahme roared "
      "strengthening strengthened "
      "aufwärts bergauf gewinnen appreciated appreciates appreciating hochschnellte "
      "hochschnellten umsatzplus anhebung erhöhung steigerung gesteigert kursgewinne "
      "kursgewinnen zuwächse zuwächsen aufgestockt zoomed zooms aufwerten aufgewertet "
      "ausbauen ausgebaut escalated escalates avancen avance avancierte avancierten leaping rocketing "
      "skyrocket accretive beat beats topped upgraded upgrades premium prämie upward upwards hardened bolted "
      "explodiert explodierte explodierten expansion lifting trieb trieben treibt improvement improvements spiking "
      "tacked outperformed outperforms outperforming outpaced outpaces hob hoben boosting inclined "
      "festigte festigten festigt gefestigt nordwärts")
DOWN = ("fell fall falls falling fallen dropped drop drops dropping declined decline südwärts "
        "declines declining slipped slip slips slipping lost lose loses losing loss "
        "retreated retreat retreats slid slide slides sliding tumbled tumble tumbles "
        "plunged plunge plunges plunging down lower decreased decrease decreases "
        "decreasing narrowed narrow narrows shed sheds sank sink sinks slumped slump "
        "slumps dipped dip dips eased shrank shrunk contracted cut cuts cutting "
        "reduced reduce reduces reducing lowered lowers lowering trimmed trims slashed "
        "sinking retreating weaker softer setback setbacks abnahme contraction weakening ermäßigte "
        "ermäßigten ermäßigt ermässigt ermässigte ermässigten verlieren einbüsste einbüssten eingebüsst gefallen fiel fällt fielen gesunken sank sanken verloren verlor verliert "
        "minus rutschte eingebrochen niedriger rückgang einbruch verlust verluste abschläge abschlägen "
        "sunk plummeted plummets plummeting plummet tanked tanks crashed crashes crash "
        "sagged sags dived dives dove weakened stürzte stürzten stürzt sackte sackten "
        "sackt brach brachen bricht büßte büßten büßt verbilligte verbilligten "
        "rutschten rutscht schrumpfte schrumpften schrumpft sinkt senkt senkte senkten "
        "kürzt kürzte kürzten reduziert reduzierte reduzierten verschlechterte downside "
        "verringert verringerte verringerten senken kürzen "
        "abwärts bergab off shedding depreciated depreciates depreciating schmolz "
        "schmolzen geschmolzen schmilzt senkung kürzung reduzierung verringerung "
        "kursverluste kursverlusten einbußen abwerten abgewertet drückte drückten gedrückt "
        "rücksetzer rücksetzern abgaben sinken talfahrt tumbling dilutive missed misses downgraded downgrades "
        "einbüsst einbüßt einbüssen einbüßen einbusse einbussen downward downwards softened zurückgenommen "
        "abgebaut verlusten cratered cratering craters hurt hurts hurting dented rückgänge rückgängen "
        "vermindert verminderte verminderten vermindern tank tanking collapsed collapse collapses collapsing negative "
        "taucht tauchte tauchten abgetaucht kurskorrektur zurück freefalling free-falling slumping "
        "underperformed underperforms underperforming whacked cheaper")
DIRECTION_WORDS: dict[str, Direction] = dict.fromkeys(UP.split(), "up")
DIRECTION_WORDS.update(dict.fromkeys(DOWN.split(), "down"))

AFTER_WORDS: dict[str, Direction] = {
    w: DIRECTION_WORDS[w]
    for w in ("higher lower up down gain rise increase jump advance drop decline fall loss "
              "plunge slump höher niedriger plus minus anstieg rückgang zuwachs growth "
              "rebound upside downside").split()
}
AFTER_WORDS.update(dict.fromkeys(
    "surge rally climb gains above more über mehr fester stronger firmer "
    "teurer stärker raise hike boost premium steigenden wachsenden "
    "kletternden höheren höherer höhere höheres gestiegenen gewachsenen spike spikes aufwärts "
    "bergauf positiv".split(), "up"))
AFTER_WORDS.update(dict.fromkeys(
    "tumble slide dip selloff sell-off below less fewer weaker softer plummet collapse crash "
    "unter weniger tiefer tiefere tieferen tieferer tieferes leichter billiger schwächer cut reduction decrease "
    "discount nachgebenden fallenden sinkenden schrumpfenden niedrigeren geringeren geringere "
    "verlierenden gefallenen gesunkenen lesser abwärts bergab runter herunter hinunter drawdown "
    "drawdowns off negativ hinter cheaper contraction".split(), "down"))
AFTER_WORDS.update(dict.fromkeys("rauf herauf hinauf festere festeren festerer festeres".split(), "up"))
AFTER_WORDS.update(dict.fromkeys("schwächere schwächeren schwächerer schwächeres talfahrt".split(), "down"))
AFTER_WORDS.update(dict.fromkeys((f"{stem}{end}" for stem in ("gestiegen", "gewachsen") for end in ("e", "er", "es")),
                                 "up"))  # "ein um 18 Prozent gestiegener Reingewinn"
AFTER_WORDS.update(dict.fromkeys((f"{stem}{end}" for stem in ("gefallen", "gesunken") for end in ("e", "er", "es")),
                                 "down"))
"""Words that bind to the figure right before them: "6.3% lower", "a 5% drop", "17.2%
below the high", "50 Prozent weniger", "4,4 Prozent tiefer", "30 Prozent runter", "a 30% drawdown"."""
COMPARED_AFTER: dict[str, Direction] = {"ahead": "up", "behind": "down"}
"""After the figure, a comparison that gives the move only when no verb before it does:
"the order book 8.4 per cent ahead", "3% behind last year"; "fell 5% ahead of results"
is a fall, and "ahead of" never gives one."""
AFTER_WORDS.update(dict.fromkeys("increases jumps climbs surges gains potenzial potential improvement".split(), "up"))
AFTER_WORDS.update(dict.fromkeys("declines drops falls slump losses unfavorable unfavourable adverse".split(),
                                   "down"))
AFTER_WORDS.update(dict.fromkeys("favorable favourable better besser positive bump lift uplift".split(), "up"))
AFTER_WORDS.update(dict.fromkeys("worse schlechter negative".split(), "down"))
"""And the effects of a growth bridge: "a 1.6 percent unfavorable impact from currencies"."""
AFTER_WORDS.update({"beat": "up", "miss": "down", "gewinn": "up", "verlust": "down", "accretive": "up",
                    "dilutive": "down", "hit": "down"})
"""An estimate beaten or missed by the figure ("10.9% beat", "0.9% miss", earnings
recaps), a deal adding to or diluting a measure ("5% accretive to earnings"), and a
German gain or loss named after it ("110 Prozent Gewinn seit Jahresbeginn")."""
TIMED_AFTER = frozenset({"gewinn", "verlust"})
TIMED_LEADS = ("seit ", "im ", "in ", "binnen ", "innerhalb ", "auf ", "zu ", "gegenüber ", "vom ", "von ")
"""A gain or loss after the figure is a move only with its time or booking after it ("110
Prozent Gewinn seit Jahresbeginn", "64 Prozent Gewinn zu Buche"); else it is the profit
a share of which is meant ("50 Prozent Gewinn ausschütten")."""

SPAN_ADJECTIVES = frozenset(
    "year-over-year year-on-year yoy y/y y-o-y annual annualized annualised sequential "
    "quarter-over-quarter quarter-on-quarter month-over-month month-on-month quarterly "
    "monthly weekly daily organic overall like-for-like same-store comparable adjusted "
    "underlying reported currency-neutral constant-currency year-to-date ytd one-day single-day jährliche "
    "post-earnings pre-market premarket after-hours intraday overnight "
    "jährlichen organische "
    "organischen bereinigte bereinigten total cumulative opening first-day debut".split())
"""Adjectives between a figure and the noun of change ("a 1.5% year-over-year increase"):
read past, so the noun still binds to the figure."""
ONE_MORE = ("eine ", "einer ", "one ", "1 ")
""""50 Prozent plus einer Aktie": a threshold and one share more, not a rise."""
SOFTENERS = frozenset("nur leicht etwas deutlich kaum klar spürbar merklich slightly sharply only".split())
"""Adverbs between a figure and its word of change: "mit 0,65 % nur leicht niedriger"."""
MEASURE_NOUNS = frozenset(
    "sales net revenue revenues earnings profit profits income eps volume volumes price "
    "prices dividend traffic orders order bookings deliveries shipments wage wages pay salary "
    "salaries rent rents ebitda ebit ebita operating production output".split())
"""What grew, between a figure and its noun of change ("3% net sales growth", "a 3.4%
earnings decline"): read past like the adjectives, two words at most."""

OWN_VALUE = ("its value", "their value", "its market value", "their market value",
             "its stock market value", "their stock market value",
              "ihres wertes", "seines wertes", "ihres börsenwertes", "seines börsenwertes",
              "wertes", "werts", "börsenwertes", "marktwertes")
"""After "of"/"des" these make a part of a whole a move: "lost 20% of its value"."""
GAVE_UP = ("gave up ", "give up ", "gives up ", "giving up ", "given up ")
TACKED_ON = ("tacked on ", "tacks on ", "tacking on ", "piled on ", "put on ", "puts on ")
"""A rise named by a phrasal verb right before the figure: "TGT has tacked on 61%"."""
PHRASAL = GAVE_UP + TACKED_ON
PULLED_BACK = re.compile(
    r"\bpull(?:ed|s|ing)? back(?: (?:by|more than|less than|about|nearly|almost|roughly|some))? $")
"""A fall named by a phrasal verb right before the figure ("pulled back more than 5%"):
looked for only when " back " stands in the text just before the figure."""

LIST_JOINERS = frozenset({"and", "und", "bzw", "or", "oder"})
LIST_AFTER = re.compile(
    r"[ \u00a0]+(?:and|und|bzw\.|or|oder)[ \u00a0]+[+\-−]?[0-9][0-9.,]*[ \u00a0]?"
    r"(?:%|per[ \u00a0]?cent|percent|Prozent)[ \u00a0]+(?P<after>[A-Za-zäöü]+)")
"""A percentage listed before another that the word after the pair qualifies."""
SHARE_AFTER = frozenset(
    "of des der aller stake share holding interest ownership weighting anteil "
    "beteiligung seiner ihrer seines ihres".split())
"""A percentage followed by these is a part of a whole ("20% of revenue", "a 20% stake",
"20 Prozent des Umsatzes"), not a move, whatever verb stands before it ("makes up")."""

JOINED_MOVES: dict[str, Direction] = {"rallye": "up", "rally": "up", "plus": "up", "sprung": "up",
                                        "anstieg": "up", "minus": "down", "einbruch": "down",
                                        "absturz": "down", "rutsch": "down", "verlust": "down"}
SHARE_NOUNS = ("anteil", "beteiligung", "paket", "stake", "holding")
"""Joined by a hyphen after the percentage, a part of a whole: "49-Prozent-Anteils"."""


COMPOUND_ENDS: tuple[tuple[str, Direction], ...] = (
    *((end, "up") for end in ("anstieg", "zuwachs", "wachstum", "sprung", "plus", "aufschlag", "zugewinn", "potenzial",
                              "zuschlag", "steigerung", "kursgewinn", "tagesgewinn", "wochengewinn", "monatsgewinn", "jahresgewinn",
                              "erhöhung", "anhebung", "verteuerung",
                              "steigerungen", "erhöhungen", "anhebungen")),
    *((end, "down") for end in ("rutsch", "einbruch", "rückgang", "verlust", "minus", "sturz",
                                "abschlag", "abschwung", "absturz", "rückschlag", "einbuße", "einbusse", "einbußen", "einbussen", "senkung",
                                "kürzung", "verbilligung", "senkungen", "kürzungen", "rückgänge", "rückgängen", "verluste",
                                "verlusten", "einbrüche", "einbrüchen")),
)
"""German compound nouns end in the word that carries the move: "Umsatzanstieg",
"Kursrutsch", "Tagesplus", "Wertzuwachs"."""
COMPOUND_NOUN_ENDS = tuple(end for end, _ in COMPOUND_ENDS)
WORD_DIRECTION: dict[str, Direction | Literal[""]] = dict(DIRECTION_WORDS)
"""Every word read before a percentage so far and the move it names ("" for none): the
vocabulary of news is small, so a compound's ending is checked once per word."""
WORD_MEMO_LIMIT = 50_000

TOLERANCES = ("plus or minus", "plus/minus", "plus minus", "plus oder minus", "+/-", "±")
"""A tolerance ("plus or minus 2%"), not a fall."""
TOLERANCE_ENDS = frozenset({"minus", "plus/minus", "+/-", "±"})

MOVE_NOUNS: dict[str, Direction] = {
    **dict.fromkeys("gewinne gewinnen kursgewinne plus aufschläge gains gain jahresplus growth".split(), "up"),
    **dict.fromkeys("verlust verluste verlusten kursverluste minus abschläge losses loss setback".split(), "down"),
}
"""A move named by its noun before "auf"/"to"/"bei", where the figure is the move's size,
not a level: "seinen Verlust auf 1,2 Prozent eingrenzen", "bauten die Gewinne bis auf
5,40 Prozent aus", "extended gains to 5.4%", "ein Plus hingegen bei ca. 2 %", "revenue growth
accelerating to 8%"."""
MOVE_NOUN_GAP = frozenset(
    "bis dann sogar noch zuletzt zeitweise weiter ihre seine its their aber nur nominal real "
    "organisch insgesamt hingegen jedoch ca rund etwa liegt lag nun damit jetzt beträgt betrug "
    "annual accelerating accelerated slowing slowed easing eased sich verringerte verringerten verringert "
    "erhöhte erhöhten weitete weiteten schmolz".split())
"""Words that may stand between the noun and "auf"/"to": "Gewinne dann bis auf", "das
Plus nominal dann aber nur auf 2,8 Prozent"."""


BEI_NOUNS: dict[str, Direction] = {
    **MOVE_NOUNS,
    **dict.fromkeys("zuwachs zugewinn anstieg kursanstieg wachstum".split(), "up"),
    **dict.fromkeys("rückgang einbruch kursrutsch".split(), "down"),
}
"""Before "bei" a noun of change is the clause's subject and the figure its size: "lag
der Zuwachs bei elf Prozent", "lag das Minus an diesem Tag bei acht Prozent" (before
"auf" it is often a level's: "Anstieg der Inflation auf 3 Prozent")."""


def learn_direction(word: str) -> Direction | Literal[""]:
    """The move a word names, German compounds by their last part ("Umsatzanstieg": up),
    remembered so that every later look-up of the word is one dict access; "" for none."""
    found: Direction | Literal[""] = ""
    if len(word) > 6:
        stem = word[:-2] if word.endswith(("es", "en")) else word[:-1] if word.endswith(("s", "e", "n")) else word
        # "Kursverlusts", "Umsatzanstiegs", "Wertzuwachses", "Wochengewinne": the genitive's or plural's ending read past
        found = next((d for tail, d in COMPOUND_ENDS if word.endswith(tail) or stem.endswith(tail)), "")
        if found and len(word.removesuffix("plus").removesuffix("minus")) < 4:
            found = ""  # "Kursplus" is a move, "Zooplus" a company: four letters before it at least
        if not found and "-" in word:  # "Oktober-Rally", "Kurs-Plus": the last part carries the move
            found = DIRECTION_WORDS.get(word.rsplit("-", 1)[1], "")
    if len(WORD_DIRECTION) > WORD_MEMO_LIMIT:
        WORD_DIRECTION.clear()
        WORD_DIRECTION.update(DIRECTION_WORDS)
    WORD_DIRECTION[word] = found
    return found
