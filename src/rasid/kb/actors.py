"""The actor base (resources/kb/actors.tsv, written by hand) and the designators of actors."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rasid.kb.names import Base, all_names, make_base, split_cell
from rasid.resources.catalogue import read_tsv
from rasid.text.normalise import WORD_CACHE, fold


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


@lru_cache(maxsize=None)
def actors() -> Base[Actor]:
    """The actor base (resources/kb/actors.tsv)."""
    return make_base([_actor(row) for row in read_tsv("kb/actors.tsv")[1:]], all_names)


def _actor(row: list[str]) -> Actor:
    aid, typ, kind, name, name_en, country, aliases, context, designators, parent = (row + [""] * 10)[:10]
    return Actor(aid, typ, kind, name, name_en, country or None, split_cell(aliases), split_cell(context),
                 tuple(fold(d) for d in split_cell(designators)), parent or None)


@lru_cache(maxsize=WORD_CACHE)
def find_actors(text: str) -> tuple[Actor, ...]:
    """Actor records a name may refer to."""
    return actors().lookup(text)


def actor(kb_id: str) -> Actor | None:
    return actors().by_id.get(kb_id)


@lru_cache(maxsize=None)
def designators() -> dict[str, frozenset[str]]:
    """Folded designator word → its roles: prefix, anaphor, suffix (resources/kb/designators.tsv)."""
    return {fold(word): frozenset(roles.split(",")) for word, roles, *_ in read_tsv("kb/designators.tsv")}
