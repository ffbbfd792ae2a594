"""Finding known company names in text, one run of capitalised words at a time."""

from __future__ import annotations

import re

from tui_reader.extract.names import (
    CONNECTORS,
    HAS_CAPITAL,
    LEGAL_SUFFIXES,
    LOWER_LEGAL,
    RUN_TAIL,
    NameHit,
    Span,
    name_word,
)


class NameScanner:
    """Finds known names in runs of capitalised words by looking up 1–n word groups.

    Why not one big alternation regex: with ~4,000 names it is slow to compile and
    to run; one dict lookup per run, guarded by a first-word table, and a look at the
    following words only for the few runs that start with a name's first word.

    Why not Aho-Corasick (pyahocorasick) over the whole text: measured with 30,000
    names on the bundled seeds and feed fixtures (~10 KB each), it took ~150 us a text
    against ~100 us here on first sight of a text and ~60 us once runs repeat, and
    that for a bare automaton without possessives, legal forms, connectors or
    spellings: lower-cased text holds many short keys inside other words, each a
    boundary check in Python. It wins only on text whose capitalised runs never
    repeat (~100 against ~240 us), which news is not.
    """

    def __init__(self) -> None:
        self._keys: set[str] = set()
        self._longest: dict[str, int] = {}
        """First word of a key → the most words any key starting with it has."""
        self._spelled: dict[str, tuple[str, ...]] = {}
        """First word → its exact spellings, for names that do not start with a capital
        ("eBay", "3M"): only so written are they names ("ebay" may be anything)."""
        self._uncapitalised: dict[str, tuple[str, str]] = {}
        """The same for spellings with no capital at all ("3i"), which start no run, with
        the probe `spelled_runs` looks for first: the spelling's first symbol ("&" of
        "1&1"), as a one-character search is ~10x faster than a search for a word."""
        self._runs: dict[str, tuple[tuple[int, str, bool, int], ...]] = {}
        """Run text → the names in it: (start, key, suffixed, end), offsets in the run."""

    def add(self, key: str, spelling: str = "", *, exact: bool = False, titled: bool = False) -> None:
        """Index a name key; `spelling` is the name as written, which matters when it
        does not start with a capital letter, or when `exact` ("UPS": not "Ups"), then
        `titled` admits the title-cased spelling too ("Lpp", "Bper": no word, no name)."""
        words = key.split(" ")
        capitalised = words[0] in self._longest and words[0] not in self._spelled
        self._keys.add(key)
        if self._longest.get(words[0], 0) < len(words):
            self._longest[words[0]] = len(words)
        if exact:
            written = spelling.split()[0]
            self._spelled[words[0]] = (written, written.title()) if titled else (written,)
        elif spelling and HAS_CAPITAL.match(spelling) and words[0] in self._spelled:
            # "ThyssenKrupp", the spelling of the years before "thyssenkrupp": one more
            # spelling of a name found only as spelled
            written = spelling.split()[0]
            if name_word(written) == words[0] and written not in self._spelled[words[0]]:
                self._spelled[words[0]] += (written,)
        elif spelling and not HAS_CAPITAL.match(spelling):
            written = spelling.split()[0].rstrip(",.;:")
            if name_word(written) == words[0]:
                # "adidas" beside "Adidas": a lower-case spelling added to a name already
                # found capitalised keeps the capitalised one
                # and one written all in lower-case letters is capitalised by writers at will
                # ("Voestalpine", "Adidas", "U-Blox"); one with digits or inner capitals is not ("3i", "eBay")
                self._spelled[words[0]] = ((written, written[0].upper() + written[1:], written.upper(), written.title())
                                           if capitalised or len(written) >= 5 and written.replace("-", "").isalpha() and written.islower()
                                           else (written,))
                # No run starts where no capital starts a word: "3i", "adidas-Salomon".
                if not HAS_CAPITAL.search(written) or "-" in written:
                    probe = next((c for c in written if not c.isalnum()), written)
                    if probe == "-" and len(written.rpartition("-")[2]) >= 3:
                        probe = written.rpartition("-")[2]  # "Salomon": "-" is in every text
                    self._uncapitalised[words[0]] = (written, probe)

    def forget_runs(self) -> None:
        """Drop what was found in runs seen so far: after new names are added."""
        self._runs.clear()

    def knows(self, key: str, spelling: str = "") -> bool:
        """Whether scanning finds this name already, so a per-article table need not add it."""
        if key not in self._keys:
            return False
        if not spelling or HAS_CAPITAL.match(spelling):
            return True
        return spelling.split()[0].rstrip(",.;:") in self._spelled.get(key.split(" ")[0], ())

    def spelled_runs(self, text: str, also: NameScanner | None = None) -> list[Span]:
        """Runs that start with a name spelled without any capital ("3i", "1&1"), which
        the candidate regex cannot see; names with a capital inside ("eBay", "3M") are
        found from the run that capital starts (see `_mid_word`)."""
        runs: list[Span] = []
        for table in (self._uncapitalised, also._uncapitalised if also else {}):
            for word, (spelling, probe) in table.items():
                at = text.find(spelling) if probe in text else -1
                while at >= 0:
                    if not (at and text[at - 1].isalnum()):
                        run = RUN_TAIL.match(text, at + 1)  # always matches, maybe empty
                        # "voestalpine-Aktie": a compound the name starts is read as the name
                        written = _word(text[at : run.end("word")]) if run else ""
                        if run and (written == word or written.startswith(word + "-")) and (at, run.end()) not in runs:
                            end = run.end()
                            if end == run.end("word") and (more := _LOWER_NEXT.match(text, end)) and (
                                    f"{word} {_word(more[1])}" in self._keys):
                                end = more.end()  # "thyssenkrupp nucera": a name all in lower case
                            runs.append((at, end))
                    at = text.find(spelling, at + 1)
        return runs

    def names(self, text: str, runs: list[Span], also: NameScanner | None = None) -> list[NameHit]:
        """Names in these runs, longest first, left to right; `also` adds a per-article
        table (the declared instruments' names, which the directory may not know).

        The same runs come back again and again ("The", "Analysts", "Microsoft", "Rival
        Toyota Motor"), so what the directory finds in a run is cached by its text: most
        runs then cost one dict lookup, which is what keeps extraction fast.
        """
        hits: list[NameHit] = []
        if also is not None:
            for start, end in runs:
                hits += self._run(text, start, end, also)
            return hits
        cache = self._runs
        for start, end in runs:
            if start and text[start - 1].isalnum():
                hits += self._run(text, start, end, None)
                continue
            run = text[start:end]
            found = cache.get(run)
            if found is None:
                if len(cache) > 50_000:
                    cache.clear()
                found = cache[run] = tuple(
                    (hit_start - start, key, suffixed, hit_end - start)
                    for hit_start, key, suffixed, hit_end in self._run(text, start, end, None, lower_legal=False)
                )
            if not found:  # most runs: "The", "Analysts", "Outlook"
                continue
            for offset, key, suffixed, end_offset in found:
                if start + end_offset == end and not suffixed:
                    suffixed = LOWER_LEGAL.match(text, end) is not None
                hits.append((start + offset, key, suffixed, start + end_offset))
        return hits

    def _run(
        self, text: str, start: int, end: int, also: NameScanner | None, lower_legal: bool = True
    ) -> list[NameHit]:
        raws = text[start:end].split()
        starts = []
        at = start
        for raw in raws:
            at = text.find(raw, at)
            starts.append(at)
            at += len(raw)
        if start and text[start - 1].isalnum():
            self._mid_word(text, raws, starts, also)
        return self._scan(text, raws, starts, also, lower_legal)

    def _mid_word(self, text: str, raws: list[str], starts: list[int], also: NameScanner | None) -> None:
        """A run that starts inside a word: the whole word is a name's first word only
        when spelled exactly so ("eBay", "3M"), or when it is a whole name of five
        letters or more written in the company's camel case ("flatexDEGIRO", whose
        directory name is "Flatexdegiro"); else it is no word at all ("iPhone")."""
        first = starts[0]
        while first and text[first - 1].isalnum():
            first -= 1
        written = text[first : starts[0]] + raws[0]
        word = _word(written)
        spelling = self._spelled.get(word) or (also._spelled.get(word) if also else None)
        if spelling and written.startswith(spelling) or (
            not spelling and len(word) >= 5 and (word in self._keys or (also is not None and word in also._keys))
        ):
            raws[0], starts[0] = written, first
            return
        del raws[0], starts[0]
        while raws and raws[0] in CONNECTORS:
            del raws[0], starts[0]

    def _scan(
        self,
        text: str,
        raws: list[str],
        starts: list[int],
        also: NameScanner | None,
        lower_legal: bool,
    ) -> list[NameHit]:
        """The run's words, connectors included as words of their own, left to right;
        `lower_legal`: whether to look past the run for " plc" and the like."""
        hits: list[NameHit] = []
        longest, keys = self._longest, self._keys
        more_longest = also._longest if also else {}
        more_keys = also._keys if also else set()
        spelled, more_spelled = self._spelled, also._spelled if also else {}
        count = len(raws)
        i = 0
        while i < count:
            raw = raws[i]
            if raw in CONNECTORS:
                i += 1
                continue
            word = _word(raw)
            spelling = spelled.get(word) or more_spelled.get(word)
            if spelling and not raw.startswith(spelling) and not (
                    raw.isupper() and i + 1 < count and _word(raws[i + 1]) in LEGAL_SUFFIXES):
                i += 1  # "3m", "EBAY": not as the name is spelled ("STO SE": capitals with a legal form are)
                continue
            most = longest.get(word, 0) or more_longest.get(word, 0)
            if not most and "-" in word:  # "Nvidia-backed", "Siemens-Energy-Aktie"
                word = _hyphen_prefix(word, keys, more_keys)
                most = 1 if word else 0
            if not most:
                i += 1
                continue
            # The words that may continue the name: the next words, lower-case connectors.
            words, owners = [word], [i]
            j = i
            while len(words) < most and j + 1 < count and _continues(raws[j]):
                j += 1
                if raws[j] in CONNECTORS:
                    words.append(raws[j])
                    owners.append(-1)
                    j += 1
                words.append(_word(raws[j]))
                owners.append(j)
            for n in range(len(words), 0, -1):
                if owners[n - 1] < 0:
                    continue
                key = " ".join(words[:n])
                if n > 1 and "-" in words[n - 1] and key not in keys and key not in more_keys:
                    # "Eckert & Ziegler-Aktie", "Siemens Energy-Chef": the name before the hyphen
                    key = " ".join(words[: n - 1]) + " " + words[n - 1].split("-", 1)[0]
                if key in keys or key in more_keys:
                    last = owners[n - 1]
                    suffixed = False
                    while last + 1 < count and _word(raws[last + 1]) in LEGAL_SUFFIXES:
                        last += 1
                        suffixed = True
                    end = starts[last] + len(raws[last])
                    if lower_legal and LOWER_LEGAL.match(text, end):
                        suffixed = True
                    hits.append((starts[i], key, suffixed, end))
                    i = last
                    break
            i += 1
        return hits


def _hyphen_prefix(word: str, keys: set[str], more_keys: set[str]) -> str:
    """The longest name a hyphenated compound starts with, as its key: "nvidia-backed"
    → "nvidia", "siemens-energy-aktie" → "siemens energy" (a listed unit, not its
    parent), "daimler-truck-aktie" → "daimler truck"; "" when none."""
    parts = word.split("-")
    for n in range(len(parts) - 1, 0, -1):
        joined = "-".join(parts[:n])
        if joined in keys or joined in more_keys:
            return joined
        if n > 1:
            spaced = " ".join(parts[:n])
            if spaced in keys or spaced in more_keys:
                return spaced
    return ""


def _continues(raw: str) -> bool:
    """Whether a name may go on past this word: not after a full stop ("Apple. Next"),
    though initials and legal forms ("J.P.", "N.V.") carry on. A possessive may carry
    on too: "St. James's Place" and "Domino's Pizza Enterprises" are names, and past
    "Nvidia's" only a longer key that exists is taken ("Nvidia's Blackwell" stays
    "nvidia")."""
    return not raw.endswith(".") or len(raw) <= 4


_LOWER_NEXT = re.compile(r" ([a-zäöü][\w-]*)")
"""The lower-case word after a name spelled in lower case, which may continue it."""

_WORD_CACHE: dict[str, str] = {}


def _word(token: str) -> str:
    """`name_word`, memoised: articles repeat the same capitalised words endlessly.
    Cleared when large, so a long-running poller does not grow it without bound."""
    word = _WORD_CACHE.get(token)
    if word is None:
        if len(_WORD_CACHE) > 100_000:
            _WORD_CACHE.clear()
        word = _WORD_CACHE[token] = name_word(token)
    return word
