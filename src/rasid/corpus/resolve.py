"""Entities across reports: one corpus entity per real thing.

A document's entities are local (`e1`, `e2` …, OUTPUT.md). Across documents they match by
- the knowledge-base id: the same `kb` is the same thing; two different `kb` ids never merge;
- names within one entity type: the folded name, aliases and mention spellings of an entity
  (`دير الزور` = `ديرالزور`, hamza and ة/ه variants) — a name shared with exactly one known
  entity joins it; an entity without `kb` whose name a `kb` entity carries joins that one;
- a tie the report states between two names of one person (`أبو بكر البغدادي، واسمه الحقيقي
  إبراهيم عواد البدري`, `إبراهيم البدري (أبو بكر البغدادي)`): the two local entities become
  one before matching, so the kunya and the full name meet in the corpus entity.
Single designator words (`التنظيم`, `الوكالة`) and one-word person names are never names
to match on: they refer to different things in different reports.

Everything here is a pure function over the document dicts; the decision of which corpus
entity a local entity joins takes the candidates found through an index (`choose`).
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from rasid.resources.catalogue import grammar_words
from rasid.text.normalise import fold

#: Attributes of a document entity carried to the corpus entity (the first value wins).
ATTRIBUTES = ("name_en", "lat", "lon", "country", "admin1", "geo_precision", "kind")
MAX_ALIASES = 40
_TIES_FILE = Path(__file__).resolve().parent / "name_ties.tsv"
_STRIP_RE = re.compile(r"[\s\"'«»“”.,:;!?()\[\]{}<>#\-_/\\|]+")
_GAP_STRIP_RE = re.compile(r"[\s\"'«»“”.,:;]+")


@dataclass
class LocalEntity:
    """The entities of one document that name one thing (several when the report ties them)."""
    ids: list[str]
    type: str
    kb: str | None
    name: str
    names: list[str]
    attrs: dict[str, Any] = field(default_factory=dict)
    mentions: int = 0


# --- names and keys --------------------------------------------------------------------

def name_key(text: str | None) -> str:
    """A name folded for matching: spelling variants, spaces, punctuation and a leading ال
    removed (`ديرالزور`, `دير الزور`, `"دير الزور"` → one key)."""
    if not text:
        return ""
    key = _STRIP_RE.sub("", fold(text)).lower()
    return key[2:] if key.startswith("ال") and len(key) > 4 else key


def is_kunya(name: str) -> bool:
    words = fold(name).split()
    return len(words) >= 2 and words[0] in grammar_words("kunya")


@lru_cache(maxsize=1)
def designator_keys() -> frozenset[str]:
    """Keys of the common nouns the news calls actors by (`التنظيم`): never matched across reports."""
    from rasid.resources.catalogue import read_tsv
    try:
        rows = read_tsv("kb/designators.tsv")
    except FileNotFoundError:
        return frozenset()
    return frozenset(name_key(row[0]) for row in rows if row and row[0])


def usable_name(name: str, type_: str) -> bool:
    """Whether `name` can identify an entity across reports."""
    key = name_key(name)
    if len(key) < 2 or key in designator_keys():
        return False
    return type_ != "PER" or len(fold(name).split()) >= 2


def kb_key(kb: str) -> str:
    return f"kb:{kb}"


def name_keys(names: list[str], type_: str) -> list[str]:
    """The index keys of a set of names of one type (`name:ORG:داعش`)."""
    keys = [f"name:{type_}:{name_key(n)}" for n in names if usable_name(n, type_)]
    return list(dict.fromkeys(keys))


def entity_keys(entity: LocalEntity) -> list[str]:
    """Every key the entity is found by: its kb id first, then its names."""
    keys = [kb_key(entity.kb)] if entity.kb else []
    return keys + name_keys(entity.names, entity.type)


def query_keys(text: str) -> list[str]:
    """Keys a user's query may mean (`rasid timeline داعش`): a kb id, the actor or place the
    knowledge base knows by that name in any of its spellings (`تنظيم الدولة` is داعش's), or a
    name of any type."""
    from rasid.kb.actors import find_actors
    from rasid.kb.places import find_places

    text = text.strip()
    keys = [kb_key(text)] if ":" in text else []
    keys += [kb_key(record.id) for record in (*find_actors(text), *find_places(text))]
    return list(dict.fromkeys(keys + [f"name:{t}:{name_key(text)}" for t in ("ORG", "PER", "LOC", "MISC")]))


def corpus_entity_id(kb: str | None, type_: str, name: str) -> str:
    """Content-hash id: from the kb id when there is one, else from type and name key."""
    basis = kb_key(kb) if kb else f"{type_}:{name_key(name)}"
    return "ent-" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]


# --- the entities of one document ------------------------------------------------------

def local_entities(doc: dict[str, Any]) -> list[LocalEntity]:
    """The document's entities with their mention spellings, tied names grouped together."""
    entities = {e["id"]: e for e in doc.get("entities", []) if e.get("id")}
    spellings: dict[str, list[str]] = {eid: [] for eid in entities}
    for m in doc.get("mentions", []):
        if m.get("entity") in spellings:
            spellings[m["entity"]].append(m.get("text") or "")
    groups = _tie_groups(list(entities), name_ties(doc, entities))
    return [_local(group, entities, spellings) for group in groups]


def _local(group: list[str], entities: dict, spellings: dict) -> LocalEntity:
    records = [entities[i] for i in group]
    first = next((r for r in records if r.get("kb")), records[0])
    names: list[str] = []
    for r in [first] + [r for r in records if r is not first]:
        names += [r.get("name") or ""] + list(r.get("aliases") or []) + spellings[r["id"]]
    attrs: dict[str, Any] = {}
    for r in [first] + records:
        for a in ATTRIBUTES:
            if attrs.get(a) is None and r.get(a) is not None:
                attrs[a] = r[a]
    return LocalEntity(ids=group, type=first.get("type") or "MISC", kb=first.get("kb"),
                       name=first.get("name") or "", names=[n for n in dict.fromkeys(names) if n],
                       attrs=attrs, mentions=sum(len(spellings[i]) for i in group))


def _tie_groups(ids: list[str], ties: list[tuple[str, str]]) -> list[list[str]]:
    parent = {i: i for i in ids}

    def find(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in ties:
        parent[find(b)] = find(a)
    groups: dict[str, list[str]] = {}
    for i in ids:
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


@lru_cache(maxsize=1)
def tie_cues() -> dict[str, bool]:
    """Folded tie cue → whether it needs a kunya on one side (name_ties.tsv)."""
    cues = {}
    for line in _TIES_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cue, needs, *_ = line.split("\t")
            cues[_GAP_STRIP_RE.sub("", fold(cue))] = needs.strip() == "1"
    return cues


def name_ties(doc: dict[str, Any], entities: dict[str, dict] | None = None) -> list[tuple[str, str]]:
    """Pairs of person entities the report says are one person (a kunya and a full name)."""
    text = (doc.get("doc") or {}).get("text")
    if not text:
        return []
    entities = entities if entities is not None else {e["id"]: e for e in doc.get("entities", [])}
    people = sorted((m for m in doc.get("mentions", []) if m.get("type") == "PER"
                     and m.get("entity") in entities), key=lambda m: m["start"])
    ties = []
    for a, b in zip(people, people[1:]):
        if a["entity"] == b["entity"] or b["start"] < a["end"] or b["start"] - a["end"] > 40:
            continue
        if _kb_conflict(entities[a["entity"]], entities[b["entity"]]):
            continue
        gap = _GAP_STRIP_RE.sub("", fold(text[a["end"]:b["start"]]))
        needs_kunya = tie_cues().get(gap)
        if gap.endswith("ب") and needs_kunya is None:
            needs_kunya = tie_cues().get(gap[:-1])
        if needs_kunya is None:
            continue
        if needs_kunya and not (is_kunya(a["text"]) or is_kunya(b["text"])):
            continue
        ties.append((a["entity"], b["entity"]))
    return ties


def _kb_conflict(a: dict, b: dict) -> bool:
    return bool(a.get("kb") and b.get("kb") and a["kb"] != b["kb"])


# --- joining the corpus ----------------------------------------------------------------

@dataclass(frozen=True)
class Decision:
    """Which corpus entity a local entity becomes, and which existing ones merge into it."""
    target: str           # the corpus entity id (existing or new)
    absorb: tuple[str, ...] = ()


def choose(local: LocalEntity, candidates: list[dict[str, Any]], scope: str = "") -> Decision:
    """Decide from the corpus entities found by the local entity's keys (already canonical).

    `scope` (the document's hash) keeps an entity with no usable name to its own report.
    """
    if local.kb:
        same = next((c for c in candidates if c.get("kb") == local.kb), None)
        loose = [c["id"] for c in candidates if not c.get("kb") and c["type"] == local.type]
        target = same["id"] if same else corpus_entity_id(local.kb, local.type, local.name)
        return Decision(target, tuple(x for x in loose if x != target))
    typed = [c for c in candidates if c["type"] == local.type]
    known = [c for c in typed if c.get("kb")]
    plain = [c for c in typed if not c.get("kb")]
    if len(known) == 1:
        return Decision(known[0]["id"], tuple(c["id"] for c in plain))
    if len(known) > 1 or not plain:  # ambiguous between kb entities, or nothing known yet
        usable = any(usable_name(n, local.type) for n in local.names)
        return Decision(corpus_entity_id(None, local.type, local.name if usable else f"{local.name}@{scope}"))
    oldest = min(plain, key=lambda c: (c.get("seq", 0), c["id"]))
    return Decision(oldest["id"], tuple(c["id"] for c in plain if c is not oldest))


def new_record(local: LocalEntity, entity_id: str, seq: int) -> dict[str, Any]:
    """A corpus entity made from its first local entity."""
    record: dict[str, Any] = {"id": entity_id, "type": local.type, "kb": local.kb, "name": local.name,
                              "aliases": [], "documents": 0, "mentions": 0, "seq": seq}
    record.update({a: None for a in ATTRIBUTES})
    return record


def absorb(record: dict[str, Any], other: dict[str, Any] | LocalEntity, *, document: bool) -> dict[str, Any]:
    """`record` with the names, attributes and counts of `other` (a local or corpus entity)."""
    data = other if isinstance(other, dict) else _local_dict(other)
    if not record.get("kb") and data.get("kb"):
        record["kb"], record["name"] = data["kb"], data["name"]
    names = [record["name"]] + record["aliases"] + [data.get("name") or ""] + list(data.get("aliases") or [])
    record["aliases"] = [n for n in dict.fromkeys(names) if n and n != record["name"]][:MAX_ALIASES]
    for a in ATTRIBUTES:
        if record.get(a) is None and data.get(a) is not None:
            record[a] = data[a]
    record["mentions"] += data.get("mentions", 0)
    record["documents"] += 1 if document else data.get("documents", 0)
    return record


def _local_dict(local: LocalEntity) -> dict[str, Any]:
    return {"kb": local.kb, "name": local.name, "aliases": local.names, "mentions": local.mentions,
            **local.attrs}
