"""The gazetteer (resources/kb/places.tsv, built by `make gazetteer`) and what cues say of places."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rasid.kb.names import Base, all_names, make_base, split_cell
from rasid.resources.catalogue import read_tsv
from rasid.resources.prebuilt import prebuilt
from rasid.text.normalise import WORD_CACHE, fold


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

    def __reduce__(self):  # positional: the prebuilt gazetteer unpickles 16,000 of them at start-up
        return Place, (self.id, self.name, self.name_en, self.kind, self.country, self.admin1, self.lat, self.lon,
                       self.population, self.aliases, self.context, self.same_as)


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


@lru_cache(maxsize=None)
def places() -> Base[Place]:
    """The gazetteer (resources/kb/places.tsv), prebuilt where the run keeps a cache."""
    return prebuilt("places", lambda: make_base([_place(row) for row in read_tsv("kb/places.tsv")[1:]], all_names))


def _place(row: list[str]) -> Place:
    pid, name, name_en, kind, country, admin1, lat, lon, pop, aliases, context, same_as = row[:12]
    return Place(pid, name, name_en, kind, country or None, admin1 or None, float(lat) if lat else None,
                 float(lon) if lon else None, int(pop or 0), split_cell(aliases), split_cell(context),
                 split_cell(same_as))


@lru_cache(maxsize=WORD_CACHE)
def find_places(text: str) -> tuple[Place, ...]:
    """Gazetteer records a place name may refer to (all readings of one spelling)."""
    return places().lookup(text)


def place(kb_id: str) -> Place | None:
    return places().by_id.get(kb_id)


@lru_cache(maxsize=None)
def country_adjectives() -> frozenset[str]:
    """Folded relative adjectives (nisba) of the gazetteer's countries, without article or
    ending: ليبيا → ليبي, إيران → ايراني, السعودية → سعودي, العراق → عراقي."""
    return frozenset(adjective_countries())


@lru_cache(maxsize=None)
def adjective_countries() -> dict[str, str]:
    """Each country adjective of `country_adjectives` with the country it names (قطري → QA)."""
    out: dict[str, str] = {}
    for record in places().records:
        if record.kind == "country":
            for name in (record.name, *record.aliases):
                adjective = nisba(fold(name))
                if adjective:
                    out.setdefault(adjective, record.country or record.id)
    return out


def adjective_country(word: str) -> str | None:
    """The country a folded word names as its adjective (`قطرياً`, `القطرية`, `قطريين` → QA),
    its accusative alef taken off; None for any other word."""
    return adjective_countries().get(adjective_stem(word.removesuffix("ا")))


def nisba(name: str) -> str:
    """The relative adjective of a folded one-word place name ('' for a longer name)."""
    if " " in name:
        return ""
    base = name[2:] if name.startswith("ال") else name
    if base.endswith("يه"):
        return base[:-1]
    if base.endswith("ا"):
        base = base[:-1]
        return base if base.endswith("ي") else base + "ي"
    return base + "ي"


def adjective_stem(word: str) -> str:
    """A folded adjective without its article, clitic و and feminine or plural ending
    (والإيرانية → ايراني, العراقيين → عراقي), to compare with `country_adjectives`."""
    for clitic in ("وال", "ال", "و"):
        if word.startswith(clitic) and len(word) > len(clitic) + 2:
            word = word[len(clitic):]
            break
    for ending in ("ين", "ون", "ه"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[:-len(ending)]
    return word


@lru_cache(maxsize=None)
def place_kinds() -> dict[str, PlaceKind]:
    """Kind → precision, prior, matched in text, merged as a point (resources/kb/place_kinds.tsv)."""
    return {k: PlaceKind(int(p), float(prior), m == "1", pt == "1")
            for k, p, prior, m, pt, *_ in read_tsv("kb/place_kinds.tsv")}


_UNKNOWN_KIND = PlaceKind(2, 1.0, False, True)


def kind_of(kind: str) -> PlaceKind:
    return place_kinds().get(kind, _UNKNOWN_KIND)


@lru_cache(maxsize=None)
def place_cues() -> dict[str, PlaceCue]:
    """Folded cue word → what it says of the place named after it (resources/kb/place_cues.tsv)."""
    out = {}
    for cue, kinds, precision, compose, in_name, *_ in read_tsv("kb/place_cues.tsv"):
        allowed = None if kinds == "*" else frozenset(kinds.split(","))
        out[fold(cue)] = PlaceCue(allowed, int(precision), fold(compose) or None, in_name == "1")
    return out
