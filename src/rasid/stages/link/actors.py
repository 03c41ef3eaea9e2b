"""Which actor each ORG or PER mention names, which mentions are one actor, and what `التنظيم` means.

1. The actor base (kb/actors.tsv): the mention's name or alias; else the name without a prefix
   designator (`تنظيم داعش`, `وكالة رويترز`) or a trailing descriptor (`داعش الإرهابي`).
2. Within the report, a shorter mention of a longer one is the same actor: an ORG named by the
   start of a longer ORG (`وزارة العدل` after `وزارة العدل الأميركية`, `التحالف`), a person by
   part of a longer name (`فاروق` → `عمرو فاروق`, `التدمري` → `أبو حمزة التدمري`).
3. Anaphora: the definite form of a designator standing alone (`التنظيم`, `الوزارة`, `الشبكة`,
   kb/designators.tsv) refers back to the last actor named before it that is called so — by the
   actor base (داعش is a تنظيم), by the word before its mention (`تنظيم "داعش"`) or by its own
   first word (`وزارة العدل`). These are not mentions (OUTPUT.md lists names only); they are
   reported as references of the entity.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from rasid import kb
from rasid.document import Document, Mention
from rasid.stages.mentions.known_names import name_start
from rasid.text.normalise import WORD_CACHE, fold
from rasid.text.tokens import stem_variants, tokenize

Key = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ActorLink:
    """The actor a mention names (None: not in the base) and the key of its entity in the report."""
    actor: kb.Actor | None
    key: Key


@dataclass(frozen=True, slots=True)
class Reference:
    """An anaphor (`التنظيم`) at [start, end) referring to the entity of mention `antecedent`."""
    start: int
    end: int
    text: str
    antecedent: str


def link_actors(doc: Document, mentions: list[Mention]) -> dict[str, ActorLink]:
    """mention id → ActorLink for the ORG, PER and MISC mentions given (in text order)."""
    direct = {m.id: lookup_actor(m) for m in mentions}
    longer = LongerNames(mentions)
    keys: dict[str, Key] = {}
    for m in mentions:
        keys[m.id] = _key(m, longer, direct, keys)
    return {m.id: ActorLink(direct[m.id] or _actor_of(keys[m.id]), keys[m.id]) for m in mentions}


def _key(m: Mention, longer: "LongerNames", direct: dict, keys: dict[str, Key]) -> Key:
    actor = direct[m.id]
    if actor:
        return ("kb", actor.id)
    host = longer.coreferent(m)
    if host is None:
        return ("name", m.type, kb.clean(m.text))
    return keys.get(host.id) or _key(host, longer, direct, keys)


def _actor_of(key: Key) -> kb.Actor | None:
    return kb.actor(key[1]) if key[0] == "kb" else None


def lookup_actor(m: Mention) -> kb.Actor | None:
    """The actor a mention's name is, trying the bare name when a designator or descriptor wraps it."""
    if m.type not in ("ORG", "PER"):
        return None
    return _actor_named(m.text, m.type)


@lru_cache(maxsize=WORD_CACHE)
def _actor_named(name: str, kind: str) -> kb.Actor | None:
    """Cached: every mention is looked up twice (its link, its designators) and names recur."""
    for reading in readings(name):
        found = [a for a in kb.find_actors(reading) if a.type == kind]
        if found:
            return found[0]
    return None


def readings(name: str) -> list[str]:
    """The name; without trailing descriptors (`داعش الإرهابي`); without a prefix designator
    (`تنظيم داعش`); with `تنظيم` before it (`الدولة الإسلامية` → تنظيم الدولة الإسلامية)."""
    words = kb.clean(name).split()
    roles = kb.designators()
    out = [" ".join(words)]
    while len(words) > 1 and "suffix" in roles.get(words[-1], ()):
        words = words[:-1]
        out.append(" ".join(words))
    if len(words) > 1 and any("prefix" in roles.get(w, ()) for w in kb.clitic_readings(words[0])):
        out.append(" ".join(words[1:]))
    if kb.skeleton(" ".join(words)) in _designated_tails():
        out += [f"{d} {' '.join(words)}" for d, r in roles.items() if "outside" in r]
    return list(dict.fromkeys(out))


@lru_cache(maxsize=1)
def _designated_tails() -> frozenset[str]:
    """Loose keys of what follows an outside designator in an actor's name (`الدولة الإسلامية`
    of `تنظيم الدولة الإسلامية`): only such a name is worth trying with each designator."""
    roles = kb.designators()
    out = set()
    for actor in kb.actors().records:
        for name in kb.all_names(actor):
            words = kb.clean(name).split()
            if len(words) > 1 and any("outside" in roles.get(w, ()) for w in (words[0], kb.without_article(words[0]))):
                out.add(kb.skeleton(" ".join(words[1:])))
    return frozenset(out)


#: Names longer than this many words are no one's name: they abbreviate nothing and nothing
#: abbreviates them (it bounds the word sequences indexed per mention).
_MAX_NAME_WORDS = 12


class LongerNames:
    """The mentions of a report indexed by the shorter names that abbreviate them: an ORG by
    each of its leading word sequences (`وزارة العدل` of `وزارة العدل الأميركية`), a person by
    every run of its words (`فاروق` of `عمرو فاروق`). A look-up costs the matching mentions
    found by bisection, not a pass over the report."""

    def __init__(self, mentions: list[Mention]):
        self.index: dict[tuple, list[Mention]] = {}
        for o in mentions:
            words = kb.clean(o.text).split()
            if o.type not in ("ORG", "PER") or len(words) > _MAX_NAME_WORDS:
                continue
            for short in _shorter_sequences(words, o.type):
                self.index.setdefault((o.type, short), []).append(o)
        self.starts = {key: [o.start for o in found] for key, found in self.index.items()}

    def coreferent(self, m: Mention) -> Mention | None:
        """The longer mention this one abbreviates (nearest before it, else after), or None."""
        words = tuple(kb.clean(m.text).split())
        if not words or m.type not in ("ORG", "PER"):
            return None
        key = (m.type, words)
        fits = self.index.get(key)
        if not fits:
            return None
        before = bisect_left(self.starts[key], m.start)
        return fits[before - 1] if before else fits[0]


def _shorter_sequences(words: list[str], kind: str) -> set[tuple[str, ...]]:
    """The word sequences a shorter name of this one may be: leading ones for an ORG, any run
    of words for a person."""
    n = len(words)
    if kind == "ORG":
        return {tuple(words[:k]) for k in range(1, n)}
    return {tuple(words[i:i + k]) for k in range(1, n) for i in range(n - k + 1)}


def find_references(doc: Document, mentions: list[Mention]) -> list[Reference]:
    """Every anaphor outside the mentions, with the mention that names what it refers back to."""
    tokens = doc.tokens or tokenize(doc.text)
    called: dict[str, set[str]] = {}  # mention id → its designators, worked out when first asked

    def is_called(m: Mention, word: str) -> bool:
        if m.id not in called:
            called[m.id] = designators_of(doc, m)
        return word in called[m.id]

    out, j = [], 0
    for token in tokens:
        if token.kind != "word" or (head := _anaphor(token.text)) is None:
            continue  # most words: no anaphor
        while j < len(mentions) and mentions[j].end <= token.start:
            j += 1
        if _inside(token.start, token.end, mentions):
            continue
        antecedent = next((m for m in reversed(mentions[:j]) if is_called(m, head[2:])), None)
        if antecedent:
            start = name_start(doc.text, token, head)
            out.append(Reference(start, token.end, doc.text[start:token.end], antecedent.id))
    return out


@lru_cache(maxsize=WORD_CACHE)
def _anaphor(word: str) -> str | None:
    """`للتنظيم` → `التنظيم` when it is an anaphoric designator (asked of every word: cached)."""
    return next((v for v in stem_variants(fold(word)) if v in _anaphors()), None)


@lru_cache(maxsize=1)
def _anaphors() -> frozenset[str]:
    return frozenset(fold("ال" + w) for w, roles in kb.designators().items() if "anaphor" in roles)


def _inside(start: int, end: int, mentions: list[Mention]) -> bool:
    return any(m.start < end and start < m.end for m in mentions)


def designators_of(doc: Document, m: Mention) -> set[str]:
    """What a mention's actor is called: by the base, its own first word, the word before it."""
    called = set()
    actor = lookup_actor(m)
    if actor:
        called |= set(actor.designators)
    roles = kb.designators()
    first = kb.clean(m.text).split()[:1]
    before = doc.text[max(0, m.start - 30):m.start].replace('"', " ").replace("“", " ").split()[-1:]
    for word in first + [fold(w) for w in before]:
        called |= {v for v in kb.clitic_readings(word) if v in roles}
    return called
