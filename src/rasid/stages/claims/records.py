"""A claim's draft (its evidence tokens, channel and role, as the rules and the taggers propose
it) and the record it becomes (OUTPUT.md `claims`): polarity, the time and the entities of its
sentence, and who the report says stated it."""
from __future__ import annotations

import bisect

from dataclasses import dataclass, field
from typing import NamedTuple

from rasid.document import Claim, Segment
from rasid.resources.catalogue import grammar_words
from rasid.stages.attribution import Attribution, turns_topic
from rasid.stages.reading.polarity import excepted, hypothetical_after, polarity_before
from rasid.stages.reading.lexicons import GROUP_NAMES
from rasid.stages.reading.view import SpanIndex, View
from rasid.text.tokens import one_of


_ACTOR_AFTER = 4  # words after a claim, in its clause, where its group stands when someone else acts
_SUBJECT_AFTER = 3  # words after a verb where its subject stands (`وطالبت الإدارة الذاتية`)


@dataclass
class Draft:
    """A claim before its record: token positions, shared and widened by the stage's rules."""
    channel: str
    role: str
    start: int            # evidence tokens [start, end)
    end: int
    focus: int            # the channel word (or the money) the claim is about
    sentence: int
    generic: bool = False  # money that names no channel and points to none (`الأموال`, `ملايين الدولارات`)
    continues: bool = False  # goes on telling a levy or ransom claimed just before: its group's, as that one was
    quantities: list[str] = field(default_factory=list)


def claim_record(view: View, attribution: Attribution, d: Draft, lo: int, hi: int, number: int) -> Claim:
    """The claim a draft makes in the sentence [lo, hi): its polarity, time, linked actor, asset
    and place, and its source."""
    doc = view.doc
    start, end = view.chars(d.start, d.end)
    focus = doc.tokens[d.focus].start
    polarity = polarity_before(view, d.start, lo, commas=1)
    if polarity == "negated" and excepted(view, d.start, d.end):
        polarity = "affirmed"  # `لم نكن نشغّل منها سوى ٨٧ بئراً`: only 87, but 87
    if polarity == "affirmed" and hypothetical_after(view, d.end, hi):
        polarity = "hypothetical"
    if polarity != "negated" and attribution.denied_at(focus):
        polarity = "negated"  # `نفى مسؤول … أن يكون التنظيم قد جنى`: what the speaker denies
    time = _time(view, attribution, lo, hi, start)
    return Claim(id=f"c{number}", channel=d.channel, role=d.role, evidence=Segment(start, end),
                 actor=claim_actor(view, lo, hi, focus, end),
                 asset=_entity_in(view, focus, end, ("LOC", "ORG", "MISC")),
                 quantities=list(d.quantities), time=time.id if time else None,
                 location=_place_of(view, attribution, start, end, lo, hi),
                 polarity=polarity, source=attribution.source_at(focus))


def _time(view: View, attribution: Attribution, lo: int, hi: int, pos: int):
    """The sentence's time nearest character `pos`, outside the words of attribution (the earlier
    on a tie); the sentence's times are read once, not once per claim."""
    times, starts = view.derived(("times outside attribution", lo, hi), lambda: _times_told(view, attribution, lo, hi))
    k = bisect.bisect_left(starts, pos)
    near = ([times[bisect.bisect_left(starts, starts[k - 1])]] if k else []) + times[k:k + 1]
    return min(near, key=lambda t: abs(t.start - pos), default=None)


def _times_told(view: View, attribution: Attribution, lo: int, hi: int):
    start, end = view.chars(lo, hi)
    times = [t for t in view.times.starting_in(start, end) if not attribution.in_attribution(t.start)]
    return times, [t.start for t in times]


def claim_actor(view: View, lo: int, hi: int, focus: int, end: int | None = None) -> str | None:
    """The armed group whose money a claim tells of, the key that clusters it with other reports'
    claims (corpus.clusters): the group referred to last before the claim's channel word
    (character `focus`) in its sentence [lo, hi), by name or by an anaphor the link stage
    resolved (`التنظيم`), else the first after it there (`صادرت السلطات أموالاً تابعة لداعش`),
    else the group referred to last before the sentence, else the report's only group. A name of
    the actor base no mention resolved (`تنظيم "الدولة الإسلامية"` missed by the tagger) stops
    the search with no actor rather than a wrong one; so does a claim no group reaches, and one
    whose sentence names an authority, a state or another body before it and no group (the
    money is then theirs as likely as the group's: `صادرات العراق النفطية`). Never the authority
    that seizes or reports the money (`صادرت الوزارة`)."""
    refs = view.derived(("armed group references",), lambda: _group_references(view))
    start, stop = view.chars(lo, hi)
    found = next((r for r in refs.overlapping_from_end(start, focus) if r.start >= start and r.end <= focus), None)
    if found:
        return found.entity
    at = view.token_at(focus)
    other = _someone_else_before(view, lo, min(hi, at + 1 + _SUBJECT_AFTER))  # or the verb's subject right after it
    reach = stop if not other else _clause_end(view, view.token_at((end or focus + 1) - 1) + 1, hi)
    found = next((r for r in refs.overlapping_from_start(focus, reach) if r.end <= reach), None)
    if found:  # after it: `صادرت السلطات أموالاً تابعة لداعش`; right after it where someone else acts
        return found.entity
    if other or turns_topic(view, lo, hi):
        return None  # `وطالبت الإدارة الذاتية التجار بدفع ضرائب`: its own; `وفي سياق آخر،`: not the group before
    found = next((r for r in refs.overlapping_from_end(0, start) if r.end <= start and r.entity), None)
    if found:
        return found.entity
    armed = {r.entity for r in refs.items if r.entity}
    return armed.pop() if len(armed) == 1 else None


def _clause_end(view: View, k: int, hi: int) -> int:
    """The character end of the words from token k up to _ACTOR_AFTER words on, before a break."""
    last = k
    while last < min(hi, k + _ACTOR_AFTER) and not view.is_break(last):
        last += 1
    return view.chars(k, last)[1] if last > k else view.doc.tokens[k - 1].end


def _someone_else_before(view: View, lo: int, k: int) -> bool:
    """An authority, a state or another body (a non-armed ORG mention, a court, a company: grammar
    role civilian_body) named in tokens [lo, k)."""
    if view.authorities(lo, k) or any(one_of(view.words[j], grammar_words("civilian_body")) for j in range(lo, k)):
        return True
    armed, countries = view.entities_of_kind("armed_group"), view.entities_of_kind("country")
    return any(m.entity not in armed for m in view.mentions(*view.chars(lo, k), ("ORG", "LOC")) if m.entity
               and (m.type == "ORG" or m.entity in countries))


class _Reference(NamedTuple):
    start: int
    end: int
    entity: str | None  # None: a group's name no mention resolved


def _group_references(view: View) -> SpanIndex:
    """Every reference to an armed group: its linked mentions, the anaphors resolved to it
    (`refs`), and the actor base's group names (View.armed_groups) that neither covers."""
    doc = view.doc
    armed = view.entities_of_kind("armed_group")
    refs = [_Reference(m.start, m.end, m.entity) for m in doc.mentions if m.entity in armed]
    refs += [_Reference(r["start"], r["end"], e.id) for e in doc.entities if e.id in armed for r in e.refs]
    covered = SpanIndex(refs)
    for hit in view.hits_in(GROUP_NAMES, 0, len(view)):
        start, end = view.chars(hit.start, hit.end)
        if not covered.overlapping(start, end):
            refs.append(_Reference(start, end, None))
    return SpanIndex(refs)


def _place_of(view: View, attribution: Attribution, start: int, end: int, lo: int, hi: int) -> str | None:
    """Where the claim is: the first linked place after its evidence in its sentence, else the
    last before it that is no part of who tells it (`على الطرق بين الموصل وقضاء البعاج، إذ يؤكد
    سائقون أنهم يدفعون`; not `وقال مسؤول في وزارة الدفاع العراقية`)."""
    first, last = view.chars(lo, hi)
    after = _entity_in(view, end, last, ("LOC",))
    if after is not None:
        return after
    before = (m for m in _linked(view, ("LOC",)).overlapping_from_end(first, start)
              if m.end <= start and not attribution.in_attribution(m.start))
    found = next(before, None)
    return found.entity if found else None


def _entity_in(view: View, start: int, end: int, types: tuple[str, ...]) -> str | None:
    found = next(_linked(view, types).overlapping_from_start(start, end), None)
    return found.entity if found else None


def _linked(view: View, types: tuple[str, ...]) -> SpanIndex:
    """The document's mentions of `types` linked to an entity, indexed by position once."""
    return view.derived(("linked mentions", types), lambda: SpanIndex(
        [m for m in view.doc.mentions if m.type in types and m.entity]))
