"""The knowledge base: the gazetteer (places) and the actor base, looked up by folded name.

Both are data under `resources/kb/` (places.tsv is built by `make gazetteer`, actors.tsv is written
by hand) and are loaded once, at first use. News spells one name many ways, so a look-up tries,
in order: the folded name (hamza and alef forms, ى/ي, ة/ه, diacritics); the name with its leading
clitics off (`بسوريا`, `للشدادي` → الشدادي); the article added or taken off. Each reading is
matched exactly and through a loose `skeleton` that also ignores spaces, hamza seats, the article
and `أبو`/`البو` (`ديرالزور`, `أبو كمال` = البوكمال). The first reading that finds anything wins,
so `بسوريا` never reaches a place called `بسوريا`'s neighbours by accident.

names.py reads names (keys, the name index, the loaded table); places.py, actors.py and
outlets.py load the tables. Callers use this package: `from rasid import kb; kb.find_places(…)`
(`kb.places`, `kb.actors` and `kb.outlets` are the loaders, not the modules).
"""
from __future__ import annotations

from rasid.kb.names import (Base, NameIndex, all_names, clean, clitic_readings, matched_names, name_keys, skeleton,
                            without_article)
from rasid.kb.places import (Place, PlaceCue, PlaceKind, find_places, kind_of, place, place_cues, place_kinds,
                             places)
from rasid.kb.actors import Actor, actor, actors, designators, find_actors
from rasid.kb.outlets import outlets, research_bodies

__all__ = ["Actor", "Base", "NameIndex", "Place", "PlaceCue", "PlaceKind", "actor", "actors", "all_names", "clean",
           "clitic_readings", "designators", "find_actors", "find_places", "kind_of", "matched_names", "name_keys",
           "outlets", "research_bodies", "place", "place_cues", "place_kinds", "places", "skeleton", "without_article"]
