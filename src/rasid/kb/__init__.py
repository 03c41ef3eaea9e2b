"""The knowledge base: the gazetteer (places) and the actor base, looked up by folded name.

Both are data under `resources/kb/` (places.tsv is built by `make gazetteer`, actors.tsv is written
by hand) and are loaded once, at first use. News spells one name many ways, so a look-up tries,
in order: the folded name (hamza and alef forms, ى/ي, ة/ه, diacritics); the name with its leading
clitics off (`بسوريا`, `للشدادي` → الشدادي); the article added or taken off. Each reading is
matched exactly and through a loose `skeleton` that also ignores spaces, hamza seats, the article
and `أبو`/`البو` (`ديرالزور`, `أبو كمال` = البوكمال). The first reading that finds anything wins,
so `بسوريا` never reaches a place called `بسوريا`'s neighbours by accident.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from rasid.resources.catalogue import read_tsv
from rasid.text.normalise import fold
from rasid.text.tokens import stem_variants

T = TypeVar("T")
_EDGE = re.compile(r"^[\s#\"'()\[\]«»“”.,:;!?_\-]+|[\s#\"'()\[\]«»“”.,:;!?_\-]+$")
_LOOSE = str.maketrans({"ئ": "ي", "ؤ": "و", "ء": None, " ": None, "-": None, "_": None, ".": None})


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    name: str
    name_en: str
    kind: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    aliases: tuple[str, ...]
    context: tuple[str, ...]  # names used only once a mention is known to be a place
    same_as: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    type: str  # ORG or PER
    kind: str
    name: str
    name_en: str
    country: str | None
    aliases: tuple[str, ...]
    context: tuple[str, ...]  # common words: used once a mention is known, or after a designator
    designators: tuple[str, ...]  # folded common nouns it is called by (تنظيم, وزارة)
    parent: str | None


@dataclass(frozen=True, slots=True)
class PlaceKind:
    precision: int
    prior: float
    matched: bool
    point: bool


@dataclass(frozen=True, slots=True)
class PlaceCue:
    kinds: frozenset[str] | None  # None: any kind
    precision: int
    compose: str | None  # folded word that may form a place name with the name after it
    in_name: bool  # the cue is part of the name's span (جبل هيان), not a common noun before it (ريف)


@lru_cache(maxsize=200_000)
def clean(text: str) -> str:
    """Folded text without surrounding punctuation (`#ديرالزور`, `"داعش"`), spaces collapsed."""
    return " ".join(_EDGE.sub("", fold(text)).split())


@lru_cache(maxsize=200_000)
def skeleton(text: str) -> str:
    """The loose key: folded, no spaces or hamza seats, `البو`/`ابو` alike, `اميركا` = `امريكا`."""
    words = [("ابو" + w[4:] if w.startswith("البو") else w) for w in clean(text).split()]
    return " ".join(words).replace("اميرك", "امريك").translate(_LOOSE)


def without_article(text: str) -> str:
    """The name with the article of its first word off (`الرقة` → رقة), else itself."""
    words = text.split()
    if words and words[0].startswith("ال") and len(words[0]) > 3:
        words[0] = words[0][2:]
    return " ".join(words)


def name_keys(text: str) -> list[str]:
    """Folded readings of a name, most literal first: as written, clitics off, article toggled."""
    key = clean(text)
    if not key:
        return []
    first, rest = key.split()[0], key.split()[1:]
    heads = list(stem_variants(first))
    if first.startswith("ل") and not first.startswith("ال"):
        heads.append("ا" + first)  # للشدادي cut after its first letter: ل + (ا)لشدادي
    heads += [without_article(first) if first.startswith("ال") else "ال" + first]
    return list(dict.fromkeys(" ".join([h, *rest]) for h in heads if h))


@lru_cache(maxsize=200_000)
def clitic_readings(word: str) -> tuple[str, ...]:
    """Readings of a folded word with و ف ب ل ك off but never the article: `بريف` → ريف, while
    `الشرقي` stays itself (a cue or designator noun heads a construct and takes no article)."""
    return tuple(v for v in stem_variants(word)
                 if word.endswith(v) and not set(word[:len(word) - len(v)]) - set("وفبكل"))


class NameIndex(Generic[T]):
    """Names → records, with an exact (folded) and a loose (skeleton) table."""

    def __init__(self, items: Iterable[tuple[str, T]]):
        self.exact: dict[str, list[T]] = {}
        self.loose: dict[str, list[T]] = {}
        for name, record in items:
            _add(self.exact, clean(name), record)
            for key in {skeleton(name), skeleton(without_article(clean(name)))}:
                _add(self.loose, key, record)

    def lookup(self, text: str) -> tuple[T, ...]:
        """Records of the first reading of `text` that has any (see the module docstring)."""
        for key in name_keys(text):
            found = [*self.exact.get(key, ()), *self.loose.get(skeleton(key), ()),
                     *self.loose.get(skeleton(without_article(key)), ())]
            if found:
                return tuple(dict.fromkeys(found))
        return ()


def _add(table: dict[str, list[T]], key: str, record: T) -> None:
    if key:
        bucket = table.setdefault(key, [])
        if record not in bucket:
            bucket.append(record)


@dataclass(frozen=True)
class Base(Generic[T]):
    """A loaded table: records in file order, by id, and by name."""
    records: tuple[T, ...]
    by_id: dict[str, T]
    index: NameIndex[T]

    def lookup(self, text: str) -> tuple[T, ...]:
        return self.index.lookup(text)


def _base(records: list, names: Callable) -> Base:
    by_id = {r.id: r for r in records}
    for r in records:
        for other in getattr(r, "same_as", ()):
            by_id.setdefault(other, r)
    return Base(tuple(records), by_id, NameIndex((n, r) for r in records for n in names(r)))


def all_names(record: Place | Actor) -> list[str]:
    return [record.name, *record.aliases, *record.context]


def matched_names(record: Place | Actor) -> list[str]:
    """The names looked for in running text: all but the context-only ones."""
    context = {clean(c) for c in record.context}
    return [n for n in dict.fromkeys([record.name, *record.aliases]) if clean(n) not in context]


@lru_cache(maxsize=None)
def places() -> Base[Place]:
    """The gazetteer (resources/kb/places.tsv)."""
    return _base([_place(row) for row in read_tsv("kb/places.tsv")[1:]], all_names)


@lru_cache(maxsize=None)
def actors() -> Base[Actor]:
    """The actor base (resources/kb/actors.tsv)."""
    return _base([_actor(row) for row in read_tsv("kb/actors.tsv")[1:]], all_names)


def _place(row: list[str]) -> Place:
    pid, name, name_en, kind, country, admin1, lat, lon, pop, aliases, context, same_as = row[:12]
    return Place(pid, name, name_en, kind, country or None, admin1 or None, float(lat) if lat else None,
                 float(lon) if lon else None, int(pop or 0), _split(aliases), _split(context), _split(same_as))


def _actor(row: list[str]) -> Actor:
    aid, typ, kind, name, name_en, country, aliases, context, designators, parent = (row + [""] * 10)[:10]
    return Actor(aid, typ, kind, name, name_en, country or None, _split(aliases), _split(context),
                 tuple(fold(d) for d in _split(designators)), parent or None)


def _split(cell: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in cell.split(";") if x.strip())


@lru_cache(maxsize=65536)
def find_places(text: str) -> tuple[Place, ...]:
    """Gazetteer records a place name may refer to (all readings of one spelling)."""
    return places().lookup(text)


@lru_cache(maxsize=65536)
def find_actors(text: str) -> tuple[Actor, ...]:
    """Actor records a name may refer to."""
    return actors().lookup(text)


def place(kb_id: str) -> Place | None:
    return places().by_id.get(kb_id)


def actor(kb_id: str) -> Actor | None:
    return actors().by_id.get(kb_id)


@lru_cache(maxsize=None)
def place_kinds() -> dict[str, PlaceKind]:
    """Kind → precision, prior, matched in text, merged as a point (resources/kb/place_kinds.tsv)."""
    return {k: PlaceKind(int(p), float(prior), m == "1", pt == "1")
            for k, p, prior, m, pt, *_ in read_tsv("kb/place_kinds.tsv")}


def kind_of(kind: str) -> PlaceKind:
    return place_kinds().get(kind, PlaceKind(2, 1.0, False, True))


@lru_cache(maxsize=None)
def place_cues() -> dict[str, PlaceCue]:
    """Folded cue word → what it says of the place named after it (resources/kb/place_cues.tsv)."""
    out = {}
    for cue, kinds, precision, compose, in_name, *_ in read_tsv("kb/place_cues.tsv"):
        allowed = None if kinds == "*" else frozenset(kinds.split(","))
        out[fold(cue)] = PlaceCue(allowed, int(precision), fold(compose) or None, in_name == "1")
    return out


@lru_cache(maxsize=None)
def designators() -> dict[str, frozenset[str]]:
    """Folded designator word → its roles: prefix, anaphor, suffix (resources/kb/designators.tsv)."""
    return {fold(word): frozenset(roles.split(",")) for word, roles, *_ in read_tsv("kb/designators.tsv")}


@lru_cache(maxsize=None)
def outlets() -> dict[str, dict[str, str]]:
    """Folded outlet name or alias → {id, name, name_en}: the media of the actor base
    (bylines: `أخبار الآن | ريف الحسكة`)."""
    table: dict[str, dict[str, str]] = {}
    for a in actors().records:
        if a.kind in ("media", "group_media"):
            record = {"id": a.id, "name": a.name, "name_en": a.name_en}
            for alias in all_names(a):
                table.setdefault(fold(alias.strip()), record)
    return table
