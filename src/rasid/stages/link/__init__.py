"""Stage: link mentions to entities — one entity per real thing in a report.

    link_entities(doc) -> doc     # fills doc.entities, sets every mention's `entity`

LOC mentions are linked to gazetteer places with the report as context (link_places); ORG and
PER mentions to the actor base, with shorter mentions of a longer name joined to it
(link_actors). Mentions of one kb record are one entity (`دير الزور`, `ديرالزور` and
`ريف دير الزور`: the city); mentions of no record are one entity per name. Anaphors such as
`التنظيم` are added to the entity they refer back to (aliases, and `refs` with their spans).

Entity fields beyond the contract: `kind`, `admin1`, `geo_precision` (ACLED-style: 1 the town,
2 near it or part of a region, 3 a region or province; the most precise of its mentions) and
`refs` (anaphor spans).
"""
from __future__ import annotations

from collections import Counter

from rasid import kb
from rasid.document import Document, Entity, Mention
from rasid.stages.link.actors import ActorLink, find_references, link_actors
from rasid.stages.link.places import PlaceLink, link_places


def link_entities(doc: Document) -> Document:
    """Build doc.entities from doc.mentions and point each mention at its entity."""
    mentions = sorted(doc.mentions, key=lambda m: (m.start, m.end))
    places = link_places(doc, [m for m in mentions if m.type == "LOC"])
    actors = link_actors(doc, [m for m in mentions if m.type != "LOC"])
    groups = group_mentions(mentions, places, actors)
    doc.entities = []
    entity_of: dict[str, Entity] = {}
    for n, members in enumerate(groups.values(), 1):
        entity = make_entity(doc, f"e{n}", members, places, actors)
        doc.entities.append(entity)
        for m in members:
            m.entity = entity.id
            entity_of[m.id] = entity
    add_references(doc, mentions, entity_of)
    return doc


def group_mentions(mentions: list[Mention], places: dict[str, PlaceLink],
                   actors: dict[str, ActorLink]) -> dict[tuple, list[Mention]]:
    """Mentions by the real thing they name, in order of first mention."""
    groups: dict[tuple, list[Mention]] = {}
    for m in mentions:
        groups.setdefault(entity_key(m, places, actors), []).append(m)
    return groups


def entity_key(m: Mention, places: dict[str, PlaceLink], actors: dict[str, ActorLink]) -> tuple:
    link = places.get(m.id)
    if link is not None:
        return ("place", link.place.id) if link.place else ("name", "LOC", kb.clean(m.text))
    return actors[m.id].key


def make_entity(doc: Document, eid: str, members: list[Mention], places: dict[str, PlaceLink],
                actors: dict[str, ActorLink]) -> Entity:
    """The entity of a group of mentions, with kb data for a place or an actor."""
    place_links = [places[m.id] for m in members if m.id in places]
    place = place_links[0].place if place_links else None
    actor = next((actors[m.id].actor for m in members if m.id in actors and actors[m.id].actor), None)
    record = place or actor
    surface = surface_name(members)
    entity = Entity(id=eid, type=Counter(m.type for m in members).most_common(1)[0][0],
                    name=record.name if record else surface, name_en=record.name_en if record else None,
                    kb=record.id if record else None)
    entity.aliases = aliases(members, entity.name)
    if place:
        entity.lat, entity.lon, entity.country = place.lat, place.lon, place.country
        precisions = [p.precision for p in place_links if p.precision]
        set_extra(doc, entity, kind=place.kind, admin1=place.admin1, geo_precision=min(precisions, default=None))
    elif actor:
        set_extra(doc, entity, kind=actor.kind)
    return entity


def surface_name(members: list[Mention]) -> str:
    """The most frequent spelling in the report; ties go to the longest."""
    counts = Counter(m.text for m in members)
    return max(counts, key=lambda t: (counts[t], len(t)))


def aliases(members: list[Mention], name: str) -> list[str]:
    """Other spellings used in the report, once each (folded comparison)."""
    seen, out = {kb.clean(name)}, []
    for m in members:
        key = kb.clean(m.text)
        if key not in seen:
            seen.add(key)
            out.append(m.text)
    return out


def add_references(doc: Document, mentions: list[Mention], entity_of: dict[str, Entity]) -> None:
    """`التنظيم` after `داعش`: an alias and a ref of the entity it refers back to."""
    refs: dict[str, list[dict]] = {}
    for ref in find_references(doc, mentions):
        entity = entity_of[ref.antecedent]
        refs.setdefault(entity.id, []).append({"start": ref.start, "end": ref.end, "text": ref.text})
        word = ref.text if not kb.clean(ref.text).startswith("لت") else "ا" + ref.text  # (ا)لتنظيم
        if kb.clean(word) not in {kb.clean(a) for a in [entity.name, *entity.aliases]}:
            entity.aliases.append(word)
    for entity in doc.entities:
        if entity.id in refs:
            set_extra(doc, entity, refs=refs[entity.id])


def set_extra(doc: Document, entity: Entity, **values) -> None:
    """Set the fields Rasid adds to the contract's entity (kind, admin1, geo_precision, refs)."""
    for name, value in values.items():
        setattr(entity, name, value)
