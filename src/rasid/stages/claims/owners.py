"""Whose resource a claim names: a state's own national resources (oil, gas, its exports) are
the state's, not an armed group's, where the state is named as their owner."""
from __future__ import annotations

from rasid.kb.places import adjective_stem, country_adjectives, place
from rasid.resources.catalogue import grammar_words, with_property
from rasid.stages.claims.payments import clause
from rasid.stages.reading.view import View

_OWNER_GAP = 3  # words between a national resource and the state named as its owner


def state_owned(view: View, channel: str, start: int, end: int, focus: int, lo: int, hi: int) -> bool:
    """A national resource a state is named as owning beside it (`الصادرات الإيرانية من النفط`,
    `صادرات البلاد النفطية`, `إنتاج إيران من النفط`), in a sentence that names no armed group:
    the state's, not a group's (reports on attacks on tankers and on sanctions). The claim's
    evidence is tokens [start, end), its channel word at `focus`, in the sentence [lo, hi)."""
    if channel not in with_property("channel", "national"):
        return False
    if first_group(view, lo, hi) == hi:
        return any(names_a_state(view, k) for k in range(max(lo, focus - _OWNER_GAP), min(hi, focus + _OWNER_GAP + 1)))
    # a group named elsewhere in the sentence: the state must be the one that acts, right after the
    # act (صادرات إيران, الصادرات الإيرانية من النفط), not a word about the oil (يهرب النفط من الحقول
    # الليبية), in a clause that names no group
    return start < focus and names_a_state(view, start + 1) \
        and not view.armed_groups(*clause(view, start, end, lo, hi))


def names_a_state(view: View, k: int) -> bool:
    """A country's name or relative adjective (إيران, الإيرانية), or `البلاد`, at token k."""
    word = view.words[k]
    if word in grammar_words("the_country") or adjective_stem(word) in country_adjectives():
        return True
    start, end = view.chars(k, k + 1)
    return any(m.entity and (p := place(m.entity)) is not None and p.kind == "country"
               for m in view.mentions(start, end, ("LOC",)))


def first_group(view: View, lo: int, hi: int) -> int:
    """Token where the sentence [lo, hi) first names an armed group (hi if it names none)."""
    return view.derived(("first group", lo, hi), lambda: next(iter(h.start for h in view.armed_groups(lo, hi)), hi))
