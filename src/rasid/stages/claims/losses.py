"""Losses a party inflicts on someone else: `كبّد البلاد خسائر بمليارات الدولارات` is the
country's loss, caused by the group, not a statement about the group's own money."""
from __future__ import annotations

from rasid.resources.catalogue import grammar_words
from rasid.stages.reading.view import View
from rasid.text.tokens import stem_variants

INFLICT_GAP = 3  # words between a verb of inflicting and the loss it lays on its object


def inflicted_on_others(view: View, role: str, start: int, lo: int) -> bool:
    """A loss whose evidence starts at token `start`, after a verb of inflicting (`كبد`, `ألحق`)
    at most INFLICT_GAP words before it, whose object (the words between) names no armed
    group: the loss is that object's (`كبد البلاد خسائر`); `كبدت القوات التنظيم خسائر` stays the
    group's."""
    if role != "loss":
        return False
    for k in range(start - 1, max(lo, start - 1 - INFLICT_GAP), -1):
        if view.is_break(k):
            return False
        if any(v in grammar_words("inflicting") for v in stem_variants(view.words[k])):
            return not view.armed_groups(k + 1, start)
    return False
