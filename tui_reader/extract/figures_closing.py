"""German verbs that close the clause after a figure and so give its direction.

German puts the verb of a move at the clause's end ("um 5 Prozent gestiegen", "soll um
5 Prozent steigen") or splits it, its particle last ("gab 3 Prozent nach", "rückte um
7,5 Prozent vor auf 26 Euro"): the words after the figure decide where English has
them before it.
"""

from __future__ import annotations

from tui_reader.model import Direction

PUNCT = ".,;:()[]\"'“”‘’«»"
"""Stripped from a word before it is looked up."""
CLAUSE_END = ",;:).!?"
"""A word ending in one of these ends the clause."""

_GERMAN_FINAL: dict[str, Direction] = dict.fromkeys((
    "gestiegen zugelegt gewachsen geklettert gesprungen angestiegen hochgeschnellt "
    "verteuert erholt steigen wachsen zulegen klettern gewonnen gesteigert erhöht verbessert "
    "stieg stiegen steigt kletterte kletterten wuchs wuchsen zulegte zulegten anzog anzogen "
    "vorrückte gewann gewannen aufwärtsgegangen hochgeschossen schoss schossen hochschnellte "
    "hochschnellten ausbauen ausgebaut aufwerten aufgewertet angesprungen zulegt anzieht "
    "ansteigt hinauf anziehen angehoben bergauf aufwärts erhöhen steigern verbessern verteuerte verteuerten "
    "zulegten kletterten gewannen wettgemacht wettmachen gutgemacht gutmachen aufgeholt vorgerückt "
    "vorankamen vorankam vorangekommen verbesserte verbesserten gewinnt übertroffen übertraf "
    "übertrafen angezogen").split(), "up")
_GERMAN_FINAL.update(dict.fromkeys((
    "gefallen gesunken verloren eingebrochen zurückgegangen zurückgenommen abgebaut nachgegeben abgesackt "
    "abgetaucht ermäßigte ermäßigten "
    "abgerutscht gerutscht eingebüßt geschrumpft abgestürzt gestürzt verbilligt sinken "
    "fallen verlieren nachgeben einbrechen schrumpfen gesenkt gekürzt reduziert verringert "
    "verschlechtert fiel fielen fällt sank sanken sinkt verlor nachgab nachgaben einbrach "
    "einbrachen zurückging zurückgingen abrutschte absackte eingestampft gestrichen "
    "zusammengestrichen eingedampft abgeschmolzen geschmolzen abgestuft "
    "abwärtsgegangen abwerten abgewertet korrigiert nachgibt zurückgefallen zurückfällt runtergegangen "
    "absackten abrutschten verbilligte verbilligten nachgaben einbüsste einbüssten eingebüsst einbüsst einbüssen einbüßen "
    "senken reduzieren verringern kürzen bergab abwärts abgaben abgab abgibt abgegeben abrutscht absackt einbüßt einbüßte einbricht einbüßten hinab hinabgerasselt abgerasselt "
    "verliert verlieren abstürzen absacken abrutschen schrumpfte schrumpften schrumpft crashte crashten gecrasht").split(), "down"))
"""German participles, infinitives and verbs of subordinate clauses that close the
clause after the figure ("um 5 Prozent gestiegen", "soll um 5 Prozent steigen",
"während der Index um 12 Prozent seit Jahresbeginn stieg"). "korrigiert" only here:
after the figure a price fell ("um 16,5 Prozent korrigiert"); "nach oben korrigiert"
is read first, and before it ("korrigierte die Prognose um 5 Prozent nach oben") it
says nothing."""

_SEPARABLE: dict[str, tuple[frozenset[str], Direction]] = {
    "nach": (frozenset("gab gaben gibt geben".split()), "down"),
    "zurück": (frozenset("ging gingen geht gehen".split()), "down"),
    "ein": (frozenset("brach brachen bricht brechen büßte büßten büßt büßen büsste büssten büsst büssen "
                      "knickte knickten knickt "
                      "knicken".split()),
            "down"),
    "an": (frozenset("zog zogen zieht ziehen".split()), "up"),
    "ab": (frozenset("gab gaben gibt geben sackte sackten sackt sacken rutschte rutschten rutscht rutschen "
                     "stürzte stürzten stürzt stürzen bröckelte bröckelten bröckelt bröckeln "
                     "fiel fielen fällt fallen sank sanken sinkt sinken nahm nahmen nimmt nehmen".split()), "down"),
    "vor": (frozenset("rückte rückten rückt rücken".split()), "up"),
    "voran": (frozenset("kam kamen kommt kommen ging gingen geht gehen".split()), "up"),
    "zu": (frozenset("nahm nahmen nimmt nehmen legte legten legt legen".split()), "up"),
    "hoch": (frozenset("schoss schossen schießt schießen ging gingen geht gehen schnellte "
                       "schnellten schicken schickten schickt springen springt sprang sprangen".split()), "up"),
}
"""German verbs whose particle closes the clause: "gab 3 Prozent nach", "zog um 4 Prozent
an". The verb alone says nothing ("gab bekannt", "zog Bilanz"); with its particle it
is a move."""
SEPARABLE_VERBS = frozenset().union(*(verbs for verbs, _ in _SEPARABLE.values()))
"""A verb right before "um" and the figure ("Der Gewinn ging um drei Prozent … zurück"):
its particle after the figure decides, before any noun further back ("Gewinn")."""


def particle_verb(words: list[str]) -> Direction | None:
    """The move of a separable verb whose particle the clause closed with before the
    figure: ["gaben", "nach"] in "Alcon gaben nach, und zwar um 0,8 Prozent"."""
    if len(words) < 2 or words[-1] not in _SEPARABLE:
        return None
    verbs, direction = _SEPARABLE[words[-1]]
    return direction if words[-2] in verbs else None


_NACH_WHERE: dict[str, Direction] = {"oben": "up", "unten": "down"}
"""After "nach" following the figure ("nach oben", "nach unten"): a move whatever the verb."""


_AMOUNTS_TO = frozenset("beträgt betrug betragen betrugen macht machte lag liegt".split())
_SUBJECT_ARTICLES = frozenset({"das", "der", "ein", "die"})
_SUBJECT_MOVES: dict[str, Direction] = {
    **dict.fromkeys("plus zuwachs zugewinn anstieg kursanstieg wachstum gewinn kursgewinn".split(), "up"),
    **dict.fromkeys("minus verlust kursverlust rückgang einbruch kursrutsch abschlag".split(), "down"),
}
"""A figure leading its sentence, then "beträgt das Plus", "betrug der Rückgang": the
noun after the verb names the move."""

_REACH, _WORDS = 110, 15
"""How far after the figure its clause's closing words are looked for: "um 7,1 Prozent
auf 54,83 Euro und damit das tiefste Niveau seit zwei Jahren nach unten"."""
ABBREVIATIONS = frozenset("mrd mio mill tsd bzw ca rd mind max vs approx".split())
"""Words written with a full stop that ends no clause ("auf 1,09 Mrd. Euro gesteigert",
"ein Wachstum von rd. 44 %"), here and when reading back from the figure."""


def verb_right_after(word: str, following: list[str]) -> Direction | None:
    """The participle or "nach oben/unten" written right after the figure: "um fast 18
    Prozent eingebrochen" is down though "die zuletzt erholten Aktien" stands before it.
    `word` is the first word after the figure, lower-cased and stripped; `following`
    the text after the figure split once (first word, rest)."""
    found = _GERMAN_FINAL.get(word)
    if found is None and len(following) > 1:
        if word == "nach":
            found = _NACH_WHERE.get(following[1].split(None, 1)[0].strip(PUNCT).lower())
        elif word == "in":  # "um 20 Prozent in den Keller", "in der Gewinnzone", "1.9 per cent in the red"
            phrase = following[1][:15].lower()
            found = ("down" if phrase.startswith(("den keller", "der verlustzone", "the red")) else
                     "up" if phrase.startswith(("die höhe", "der gewinnzone", "the green", "the black")) else None)
        elif word == "auf" and following[1].startswith(("Talfahrt", "Tauchstation")):
            found = "down"  # "ging 1,7 Prozent auf Talfahrt"
    return found


def closing_verb(body: str, start: int, end: int, words: list[str]) -> Direction | None:
    """A German participle, infinitive or verb particle that closes the figure's clause.

    `words` are those read before the figure; a particle whose verb is not among them
    looks back to the sentence's start ("Vodafone legten nach besser als befürchteten
    Zahlen und einem neuen Sparprogramm um 7,8 % auf 156 Pence zu")."""
    previous = before_previous = ""
    seen: list[str] = []
    after = body[end:end + _REACH].split(None, _WORDS)[:_WORDS]
    aside = False  # inside a parenthesis: "um 29 Prozent auf 2,5 Billionen Won (1,51 Milliarden Euro) gesunken"
    for at, word in enumerate(after):
        if aside or word[0] == "(":
            aside = not word.endswith((")", "),", ").")) and not (aside and word.startswith(")"))
            if word.endswith((").", ");")):
                break  # the aside closed the sentence
            continue
        if "/" in word:  # dpa-AFX signs off glued to the last word: "gewonnen./mne/jha"
            word = word.split("/", 1)[0] or "/"
        elif "." in word[1:-1] and not word[0].isdigit():  # "absackten.Die": a sentence glued on
            word = word.split(".", 1)[0] + "."
        key = word.strip(PUNCT).lower()
        found = _GERMAN_FINAL.get(key)
        if found:
            return found
        if previous == "nach" and key in _NACH_WHERE:
            return _NACH_WHERE[key]
        if key == "höhe" and previous == "die" and before_previous == "in":
            return "up"  # "um ein Fünftel in die Höhe geschnellt"
        if key == "nach" and at + 1 < len(after) and (where := _NACH_WHERE.get(after[at + 1].strip(PUNCT).lower())):
            return where  # "um 14 Prozent nach oben": no "nachgeben", whatever verb stands before
        separable = _SEPARABLE.get(key)
        if separable is not None and not (separable[0].isdisjoint(words) and separable[0].isdisjoint(seen)
                                          and separable[0].isdisjoint(_sentence_before(body, start))):
            return separable[1]  # "62,19 Prozent legte die Aktie heuer zu": the verb may follow
        if previous in _SUBJECT_ARTICLES and before_previous in _AMOUNTS_TO and key in _SUBJECT_MOVES:
            return _SUBJECT_MOVES[key]  # "10,55 Prozent beträgt das Plus"
        if word[-1] in CLAUSE_END and key not in ABBREVIATIONS:
            break
        seen.append(key)
        previous, before_previous = key, previous
    return None


_SENTENCE_REACH = 320


def _sentence_before(body: str, start: int) -> list[str]:
    """The lower-cased words of the figure's sentence before it, up to `_SENTENCE_REACH`
    characters back: read only when a verb particle closes the clause."""
    head = body[(start - _SENTENCE_REACH if start > _SENTENCE_REACH else 0):start]
    cut = max(head.rfind(". "), head.rfind("\n"))
    return head[cut + 1:].lower().split()
