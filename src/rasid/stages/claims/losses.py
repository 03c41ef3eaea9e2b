"""Losses a party inflicts on someone else: `كبّد الاقتصاد المحلي خسائر فادحة` is the economy's
loss, caused by the group, not a statement about the group's own money."""
from __future__ import annotations

from rasid.resources.catalogue import grammar_words
from rasid.stages.reading.view import View
from rasid.text.tokens import one_of

INFLICT_GAP = 3  # words between a verb of inflicting and the loss it lays on its object
_PEOPLE_GAP = 3  # words between a verb of losing and a count of the people lost (its subject between)


def inflicted_on_others(view: View, role: str, start: int, lo: int) -> bool:
    """A loss whose evidence starts at token `start`, after a verb of inflicting (`كبد`, `ألحق`)
    with at most INFLICT_GAP words between them, where the word right before the loss (the
    verb's object) is no armed group: the loss is that object's (`كبدت الميليشيا الاقتصاد
    خسائر`); `كبدت القوات تنظيم داعش خسائر` stays the group's. A verb right before the loss
    (`كبدهم خسائر`: its object a pronoun) names no one, and the loss is taken as someone else's."""
    if role != "loss":
        return False
    for k in range(start - 1, max(lo, start - 1 - INFLICT_GAP) - 1, -1):
        if view.is_break(k):
            return False
        if one_of(view.words[k], grammar_words("inflicting")):
            return k == start - 1 or not any(h.start < start <= h.end for h in view.armed_groups(k + 1, start))
    return False


def people_lost(view: View, role: str, start: int, end: int) -> bool:
    """A loss whose evidence [start, end) opens with a count of people right after its cue
    (`فقدت طفلين خطفهم الحوثي`, `فقد التنظيم 300 من عناصره`): people lost, no money or resource;
    a kidnapping or a channel named after them is no loss of the group's."""
    if role != "loss":
        return False
    first, last = view.chars(start, min(end, start + _PEOPLE_GAP + 1))
    counts = view.quantities.starting_in(first, last)
    return bool(counts) and counts[0].unit == "person"
