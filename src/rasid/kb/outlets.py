"""The media of the actor base, by folded name or alias (the outlets of bylines), and its research
bodies (rights groups, think tanks), whose word a report gives as a researcher's."""
from __future__ import annotations

from functools import lru_cache

from rasid.kb.actors import actors
from rasid.kb.names import all_names
from rasid.text.normalise import fold


@lru_cache(maxsize=None)
def research_bodies() -> frozenset[str]:
    """Folded names and aliases of the actor base's NGOs and think tanks (`منظمة العفو الدولية`,
    `هيومن رايتس ووتش`): neither a state nor the press."""
    return frozenset(fold(alias.strip()) for a in actors().records if a.kind in ("ngo", "think_tank")
                     for alias in all_names(a))


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
