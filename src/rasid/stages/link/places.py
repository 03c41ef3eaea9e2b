"""Which gazetteer place each LOC mention names, decided with the report as context.

A name often has several candidates (`الرمادي`: the Iraqi city and a village by Hajin; `دير الزور`:
the city, the governorate, the district). Each candidate gets a score:

    prior(kind) + 0.4·log10(population+1)          how readily a bare name means it
    + cue      the word before fits its kind        (`محافظة X` → a governorate, `حقلي X` → a field)
    + country  share of the report's places in its country     (the country in play)
    + near     closeness to the report's unambiguous places    (other places in the report)
    + admin1   its governorate is named in the report

Context comes from the mentions whose reading is clear on its own (one candidate, or one far
ahead on the prior) and that name something else, so a place is judged by its neighbours, never
by itself or by other mentions of its own name. The cue words
(`ريف`, `بادية`, `مدينة`, `حقلي` …, kb/place_cues.tsv) also set each mention's ACLED-style
geo_precision: `ريف دير الزور` is the city with precision 2.
"""
from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

from rasid import kb
from rasid.document import Document, Mention, Token
from rasid.text.normalise import fold
from rasid.text.tokens import tokenize

CLEAR_MARGIN = 3.0  # prior lead that makes a reading clear without context
W_CUE, W_COUNTRY, W_NEAR, W_ADMIN = 1.5, 3.0, 4.0, 1.5
NEAR_KM = 50.0
_LOOKBACK = 3
_SKIPPED = frozenset('#"\'«»“”(')


@dataclass(frozen=True, slots=True)
class Cue:
    """What the words before a mention say: allowed kinds, precision, a word to compose with."""
    kinds: frozenset[str] | None = None
    precision: int | None = None
    compose: str | None = None


@dataclass(frozen=True, slots=True)
class Reading:
    mention: Mention
    candidates: tuple[kb.Place, ...]
    cue: Cue


@dataclass(frozen=True, slots=True)
class PlaceLink:
    """The place a mention names (None: not in the gazetteer) and the mention's geo_precision."""
    place: kb.Place | None
    precision: int | None


@dataclass(frozen=True)
class Context:
    countries: Counter
    anchors: tuple[kb.Place, ...]
    admin1: frozenset[str]


def link_places(doc: Document, mentions: list[Mention]) -> dict[str, PlaceLink]:
    """mention id → PlaceLink for the LOC mentions given (in text order).

    The context of a name is the same for all its mentions, and a place's best reading the same
    for all mentions of one name with one cue: each is worked out once, so a long report costs
    its distinct names, not its mentions squared."""
    readings = read_mentions(doc, mentions)
    contexts = ContextsByName([r for r in readings if clear(r)])
    chosen: dict[tuple, kb.Place | None] = {}
    out = {}
    for r in readings:
        name = kb.clean(r.mention.text)
        key = (name, r.cue, tuple(p.id for p in r.candidates))
        if key not in chosen:
            chosen[key] = best(r, contexts.without(name))
        place = chosen[key]
        out[r.mention.id] = PlaceLink(place, precision(r, place))
    return out


def read_mentions(doc: Document, mentions: list[Mention]) -> list[Reading]:
    """Candidates and cue of each mention; `X و Y` shares X's cue (`حقلي التنك والعمر`)."""
    tokens = doc.tokens or tokenize(doc.text)
    starts = [t.start for t in tokens]
    readings: list[Reading] = []
    for m in mentions:
        name, cue = inner_cue(m.text, cue_before(doc.text, tokens, starts, m))
        prev = readings[-1] if readings else None
        if cue == Cue() and prev and coordinated(doc.text, prev.mention, m):
            cue = prev.cue
        readings.append(Reading(m, candidates(name, cue), cue))
    return readings


def inner_cue(name: str, cue: Cue) -> tuple[str, Cue]:
    """A span that starts with a cue noun (`ريف حلب`, `مدينة الميادين`) is read as cue + name,
    unless the whole is a place name itself (`ريف دمشق`, the governorate)."""
    words = kb.clean(name).split()
    inner = kb.place_cues().get(words[0]) if len(words) > 1 else None
    if inner is None or inner.in_name or kb.find_places(name):
        return name, cue
    outer = [kb.PlaceCue(cue.kinds, cue.precision or 1, cue.compose, False)] if cue != Cue() else []
    return " ".join(words[1:]), combine([inner, *outer])


def cue_before(text: str, tokens: list[Token], starts: list[int], m: Mention) -> Cue:
    """The cue words just before a mention (`بريف مدينة البوكمال` → مدينة, ريف)."""
    i = bisect_right(starts, m.start) - 1
    if i >= 0 and tokens[i].end > m.start:
        i -= 1  # the mention's own token (`بريف` is before `الحسكة`, not `والحسكة` itself)
    found: list[kb.PlaceCue] = []
    while i >= 0 and len(found) < _LOOKBACK:
        token = tokens[i]
        if token.kind == "punct" and token.text in _SKIPPED:
            i -= 1
            continue
        cue = _cue_word(token) if token.kind == "word" else None
        if cue is None:
            break
        found.append(cue)
        i -= 1
    return combine(found)


def _cue_word(token: Token) -> kb.PlaceCue | None:
    """A cue noun, maybe after و ف ب ل ك (`بريف`), never with the article: a cue is the first
    noun of a construct (`ريف حلب`), while `الشرقي` after a name is an adjective."""
    cues = kb.place_cues()
    return next((cues[w] for w in kb.clitic_readings(fold(token.text)) if w in cues), None)


def combine(found: list[kb.PlaceCue]) -> Cue:
    """Nearest cue with kinds sets the kinds; the loosest precision wins (`ريف مدينة X` → 2)."""
    if not found:
        return Cue()
    kinds = next((c.kinds for c in found if c.kinds), None)
    return Cue(kinds, max(c.precision for c in found), found[0].compose)


def coordinated(text: str, prev: Mention, m: Mention) -> bool:
    """`X و Y` / `X وY`: only a conjunction between the two mentions."""
    if prev.end > m.start:
        return False
    gap = text[prev.end:m.start].strip()
    return gap in ("و", "،", ",") or (gap == "" and text[m.start - 1:m.start] == "و")


def candidates(name: str, cue: Cue) -> tuple[kb.Place, ...]:
    """Places the name may be; `حقلي التنك` tries `حقل التنك` first; kinds filtered by the cue."""
    found: tuple[kb.Place, ...] = ()
    if cue.compose:
        found = kb.find_places(f"{cue.compose} {kb.clean(name)}")
    found = found or kb.find_places(name) or kb.find_places(without_adjective(name))
    if cue.kinds:
        fitting = tuple(p for p in found if p.kind in cue.kinds)
        found = fitting or found
    return found


def without_adjective(name: str) -> str:
    """`دير الزور الشرقي` → دير الزور: a trailing nisba adjective off (the NER span took it)."""
    words = kb.clean(name).split()
    if len(words) > 1 and words[-1].startswith("ال") and words[-1].endswith(("ي", "يه")):
        return " ".join(words[:-1])
    return name


def prior(place: kb.Place) -> float:
    return kb.kind_of(place.kind).prior + 0.4 * math.log10(place.population + 1)


def clear(reading: Reading) -> bool:
    """One candidate, or one whose prior is far ahead of the next."""
    scores = sorted((prior(p) for p in reading.candidates), reverse=True)
    return len(scores) == 1 or (len(scores) > 1 and scores[0] - scores[1] >= CLEAR_MARGIN)


class ContextsByName:
    """The context of the clear readings but those of one name, for each name asked: the
    totals of all clear readings less that name's own, anchors counted once per place."""

    def __init__(self, clear_readings: list[Reading]):
        self.by_name: dict[str, list[kb.Place]] = {}
        for r in clear_readings:
            self.by_name.setdefault(kb.clean(r.mention.text), []).append(max(r.candidates, key=prior))
        every = [p for places in self.by_name.values() for p in places]
        self.countries = Counter(p.country for p in every if p.country)
        self.admin1 = Counter(p.admin1 for p in every if p.admin1)
        self.anchor_names: dict[str, tuple[kb.Place, set[str]]] = {}
        for name, places in self.by_name.items():
            for p in places:
                if p.lat is not None and kb.kind_of(p.kind).precision <= 2:
                    self.anchor_names.setdefault(p.id, (p, set()))[1].add(name)
        self._memo: dict[str, Context] = {}

    def without(self, name: str) -> Context:
        if name not in self._memo:
            own = self.by_name.get(name, [])
            countries = self.countries - Counter(p.country for p in own if p.country)
            admin1 = self.admin1 - Counter(p.admin1 for p in own if p.admin1)
            anchors = tuple(p for p, names in self.anchor_names.values() if names - {name})
            self._memo[name] = Context(countries, anchors, frozenset(admin1))
        return self._memo[name]


def best(reading: Reading, context: Context) -> kb.Place | None:
    if not reading.candidates:
        return None
    return max(reading.candidates, key=lambda p: (score(p, reading.cue, context), -len(p.id), p.id))


def score(place: kb.Place, cue: Cue, context: Context) -> float:
    total = prior(place)
    if cue.kinds and place.kind in cue.kinds:
        total += W_CUE
    if context.countries and place.country:
        total += W_COUNTRY * context.countries[place.country] / sum(context.countries.values())
    total += W_NEAR * nearness(place, context.anchors)
    if place.admin1 and place.admin1 in context.admin1 and place.kind not in ("admin1", "country"):
        total += W_ADMIN
    return total


def nearness(place: kb.Place, anchors: tuple[kb.Place, ...]) -> float:
    """exp(-d / NEAR_KM) for the nearest other anchor (0 when none or no coordinates)."""
    if place.lat is None:
        return 0.0
    distances = [km(place.lat, place.lon, a.lat, a.lon) for a in anchors if a.id != place.id]
    return math.exp(-min(distances) / NEAR_KM) if distances else 0.0


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def precision(reading: Reading, place: kb.Place | None) -> int | None:
    """The cue's precision when it is looser than the place's own (`ريف X` → 2), else the kind's."""
    if place is None:
        return None
    own = kb.kind_of(place.kind).precision
    return max(own, reading.cue.precision) if reading.cue.precision else own
