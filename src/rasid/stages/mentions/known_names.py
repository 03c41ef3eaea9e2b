"""Known names: every place or actor of the knowledge base named in a document.

    find_known_names(doc) -> list[KnownName]     # in text order, never overlapping

A lexicon match is a strong hint that a span is a named entity, and it comes with its kb id, so
the statistical NER (stages/mentions.py) merges these spans with its own. Spans follow OUTPUT.md:
a leading clitic is left out (`لداعش` → داعش, `للشدادي` → لشدادي's letters after the ل), the
longest name wins (`دير الزور 24` the outlet, not the city), and names are matched on folded words,
so hamza, ى/ي and ة/ه spellings all match.

Which names are looked for: every actor name and alias, and the places of the kinds marked
`matched` in kb/place_kinds.tsv (countries, provinces, cities and towns, fields, crossings …, not
the ~11,000 villages and localities, many of which are common words). Names listed as
`context_aliases` (common words: `الحل`, `أعماق`, `الجزيرة`, `العمر`) are reported only right
after a word that licenses them — a designator of the actor (`وكالة "أعماق"`, `لموقع الحل`) or a
place cue of the place's kind (`حقلي التنك والعمر`) — and carry `licensed=True`.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from rasid import kb
from rasid.document import Document, Token
from rasid.resources.catalogue import word_frequencies
from rasid.resources.prebuilt import prebuilt
from rasid.text.lexicon import PhraseMatch, PhraseTable
from rasid.text.normalise import fold
from rasid.text.tokens import tokenize

_QUOTES = frozenset('"\'«»“”„(#')
_SHORT_HEAD = 3  # a two-word name whose first word is this short is also written as one (ديرالزور)
_HOME = frozenset({"SY", "IQ"})  # all their towns are looked for; elsewhere only large cities
_WORLD_MIN_POP = 300_000
_COMMON = 300  # a one-word name this frequent in news is a common word too (كان, الباب, صور)
_BIG = 1_000_000  # … unless it is the name of a city this large (باريس, لندن)
_VERY_COMMON = 5000  # … and not a word as frequent as this (مدينة: Medina, and "a city")
_CLITICS = "وفبكل"
_ALWAYS = frozenset({"country", "continent", "admin1", "region"})


@dataclass(frozen=True, slots=True)
class KbRef:
    """What a known name refers to: a kb id, its mention type (ORG, PER, LOC) and kind."""
    kb: str
    type: str
    kind: str

    def __reduce__(self):  # positional: faster to unpickle from the prebuilt tables
        return KbRef, (self.kb, self.type, self.kind)


@dataclass(frozen=True, slots=True)
class KnownName:
    """A known name at [start, end) of doc.text; `refs` best first (several when a name is shared)."""
    start: int
    end: int
    text: str
    refs: tuple[KbRef, ...]
    licensed: bool = False  # found as a context name, thanks to the word before it

    @property
    def type(self) -> str:
        return self.refs[0].type

    @property
    def kb(self) -> str:
        return self.refs[0].kb

    @property
    def kind(self) -> str:
        return self.refs[0].kind


@dataclass(frozen=True, slots=True)
class _Entry:
    ref: KbRef
    head: str  # the folded first word of the name, to place the span after a clitic
    rank: float
    licences: frozenset[str]  # folded words that license a context name

    def __reduce__(self):  # positional: the prebuilt tables hold 30,000 of them
        return _Entry, (self.ref, self.head, self.rank, self.licences)


def find_known_names(doc: Document) -> list[KnownName]:
    """Every known actor or place name in `doc`, leftmost-longest, in text order."""
    tokens = doc.tokens or tokenize(doc.text)
    reading = doc.reading if doc.tokens else None  # the shared reading has every token folded already
    shared = reading is not None and len(reading.words) == len(tokens)
    words = reading.words if shared else [fold(t.text) for t in tokens]
    main, context = _tables()
    found: list[KnownName] = []
    last_end, last_licence = -1, frozenset()
    for i in sorted({*main.possible_starts(words), *context.possible_starts(words)}):
        if i < last_end:
            continue  # inside the name found before
        plain, in_context = main.match(words, i), context.match(words, i)
        if plain is None and in_context is None:
            continue
        licence = _licence(words, tokens, i)
        if last_end == i and words[i].startswith("و"):
            licence |= last_licence  # حقلي التنك والعمر: the cue covers both names
        match, licensed = _best(_valid(plain, words), _valid(_licensed(in_context, licence), words))
        if match is None or _in_person_name(match, licence):
            continue
        found.append(_known(doc.text, tokens, words, match, licensed))
        last_end, last_licence = match.end, licence
    return found


def _best(plain: PhraseMatch | None, licensed: PhraseMatch | None) -> tuple[PhraseMatch | None, bool]:
    if licensed is not None and (plain is None or licensed.end > plain.end):
        return licensed, True
    return plain, False


def _valid(match: PhraseMatch | None, words: list[str]) -> PhraseMatch | None:
    """Drop a match whose first word carries the article (`السورية` is not `سورية`), or a letter
    that is a clitic only when the rest is at least as frequent a word in news as the whole, as the
    tokenizer decides (`بنوك` is not ب + نوك, `كبيرة` not ك + بيرة; `لداعش` is ل + داعش)."""
    if match is None:
        return None
    word, head = words[match.start], match.entries[0].head
    prefix = _prefix(word, head)
    if prefix == "":
        return match
    if prefix is None or len(prefix) > 2 or set(prefix) - set(_CLITICS):
        return None
    freq = word_frequencies()
    return match if freq.get(word, 0) <= freq.get(head, 0) else None


def _prefix(word: str, head: str) -> str | None:
    """The letters before the name's first word `head` in the folded token `word`."""
    if word.endswith(head):
        return word[:len(word) - len(head)]
    cut = len(word) - len(head) + 1
    if head.startswith("ا") and word.endswith(head[1:]) and word[:cut].endswith("ل"):
        return word[:cut]  # ل + (ا)لشدادي: the article's alef is elided after the preposition
    return None


def _licensed(match: PhraseMatch | None, licence: frozenset[str]) -> PhraseMatch | None:
    """Keep the context entries of a match that the word before it licenses."""
    if match is None:
        return None
    entries = tuple(e for e in match.entries if e.licences & licence)
    return PhraseMatch(match.start, match.end, entries, match.clitic) if entries else None


def _in_person_name(match: PhraseMatch, licence: frozenset[str]) -> bool:
    """A place name right after `أبو`/`ابن` is part of a person's name (أبو المثنى اليمني)."""
    return all(e.ref.type == "LOC" for e in match.entries) and bool(licence & _kunya())


@lru_cache(maxsize=1)
def _kunya() -> frozenset[str]:
    return frozenset(w for w, roles in kb.designators().items() if "kunya" in roles)


def _licence(words: list[str], tokens: list[Token], i: int) -> frozenset[str]:
    """Readings of the word before token i (quotes and `#` skipped): `لموقع` → {لموقع, موقع}."""
    j = i - 1
    while j >= 0 and tokens[j].kind == "punct" and tokens[j].text in _QUOTES:
        j -= 1
    return frozenset(kb.clitic_readings(words[j])) if j >= 0 and tokens[j].kind == "word" else frozenset()


def _known(text: str, tokens: list[Token], words: list[str], match: PhraseMatch, licensed: bool) -> KnownName:
    first = tokens[match.start]
    entries = sorted(match.entries, key=lambda e: -e.rank)
    start = name_start(text, first, entries[0].head)
    end = tokens[match.end - 1].end
    refs = tuple(dict.fromkeys(e.ref for e in entries))
    return KnownName(start, end, text[start:end], refs, licensed)


def name_start(text: str, token: Token, head: str) -> int:
    """Surface offset where a name whose folded first word is `head` starts inside `token`
    (after its clitics: `لداعش` → the د, `للتنظيم` → the second ل)."""
    skip = len(_prefix(fold(token.text), head) or "")
    letters = [p for p in range(token.start, token.end)
               if not ("\u064b" <= text[p] <= "\u065f" or text[p] in "\u0640\u0670")]
    return letters[min(skip, len(letters) - 1)]


@lru_cache(maxsize=1)
def _tables() -> tuple[PhraseTable[_Entry], PhraseTable[_Entry]]:
    """(names matched anywhere, context names matched only when licensed), built once (and
    kept prebuilt where the run keeps a cache)."""
    return prebuilt("known-names", _build_tables)


def _build_tables() -> tuple[PhraseTable[_Entry], PhraseTable[_Entry]]:
    main: list[tuple[str, _Entry]] = []
    context: list[tuple[str, _Entry]] = []
    for actor in kb.actors().records:
        ref, names = KbRef(actor.id, actor.type, actor.kind), kb.matched_names(actor)
        free = [n for n in names if not _designated(n, kb.all_names(actor))]
        main += _items(free, ref, 10.0, frozenset())
        context += _items(actor.context, ref, 10.0, frozenset(actor.designators))
    cues = _cues_by_kind()
    for place in kb.places().records:
        ref = KbRef(place.id, "LOC", place.kind)
        rank = kb.kind_of(place.kind).prior + 0.4 * math.log10(place.population + 1)
        free = [n for n in kb.matched_names(place) if _free_place_name(n, place)]
        main += _items(free, ref, rank, frozenset())
        if _context_place_name(place):
            others = [n for n in kb.all_names(place) if n not in free]
            others += [_toggle_article(n) for n in others]  # بلدة الشحيل: OSM writes شحيل
            context += _items(others, ref, rank, cues.get(place.kind, frozenset()))
    return PhraseTable(main), PhraseTable(context)


def _designated(name: str, names: list[str]) -> bool:
    """`تنظيم داعش`, `وكالة رويترز`: a designator before another of the actor's names stays outside
    the span (OUTPUT.md), so only the bare name is looked for."""
    words = kb.clean(name).split()
    rest = " ".join(words[1:])
    return len(words) > 1 and "outside" in kb.designators().get(words[0], ()) and \
        rest in {kb.clean(n) for n in names}


def _free_place_name(name: str, place: kb.Place) -> bool:
    """Whether a place name is looked for anywhere, not only after a cue (`مدينة الباب`)."""
    words = kb.clean(name).split()
    cue = kb.place_cues().get(words[0]) if len(words) > 1 else None
    if not words or (cue and not cue.in_name):
        return False  # `حقل العمر`, `مدينة البوكمال`: the span is the name after the cue
    if len(words) == 1 and "ال" + words[0] == kb.clean(place.name):
        return False  # `ميادين` for الميادين: the bare form is a common noun (ميادين القتال)
    if _curated(place) or place.kind in _ALWAYS:
        return True
    if not kb.kind_of(place.kind).matched or (place.country not in _HOME and place.population < _WORLD_MIN_POP):
        return False
    if len(words) > 1 or not _common(words[0]):
        return True
    freq = word_frequencies().get(words[0], 0)
    return (place.population >= _BIG and kb.clean(place.name) == words[0] and freq < _VERY_COMMON
            and not _common(words[0][2:]))


def _toggle_article(name: str) -> str:
    words = kb.clean(name).split()
    return kb.without_article(" ".join(words)) if words[0].startswith("ال") else "ال" + " ".join(words)


def _context_place_name(place: kb.Place) -> bool:
    """Whether a place's other names are looked for after a cue: home and curated places, big cities."""
    return _curated(place) or place.country in _HOME or place.population >= _WORLD_MIN_POP


def _common(word: str) -> bool:
    """A frequent word of news, or the bare form of one (`المدينة`: مدينة is frequent)."""
    freq = word_frequencies()
    return freq.get(word, 0) >= _COMMON or (word.startswith("ال") and freq.get(word[2:], 0) >= _COMMON)


def _curated(place: kb.Place) -> bool:
    return place.id.split("/", 1)[-1].split("-", 1)[0] not in ("gn", "osm", "ocha", "iq")


def _items(names, ref: KbRef, rank: float, licences: frozenset[str]) -> list[tuple[str, _Entry]]:
    out = []
    for name in names:
        words = kb.clean(name).split()
        if not words:
            continue
        out.append((" ".join(words), _Entry(ref, words[0], rank, licences)))
        if len(words) == 2 and len(words[0]) <= _SHORT_HEAD:
            out.append(("".join(words), _Entry(ref, "".join(words), rank, licences)))
    return out


def _cues_by_kind() -> dict[str, frozenset[str]]:
    """Place kind → cue words that name that kind specifically (حقل for a field)."""
    out: dict[str, set[str]] = {}
    for word, cue in kb.place_cues().items():
        for kind in cue.kinds or ():
            out.setdefault(kind, set()).add(word)
    return {k: frozenset(v) for k, v in out.items()}
