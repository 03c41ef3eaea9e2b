"""A claim's draft (its evidence tokens, channel and role, as the rules and the taggers propose
it) and the record it becomes (OUTPUT.md `claims`): polarity, the time and the entities of its
sentence, and who the report says stated it."""
from __future__ import annotations

from dataclasses import dataclass, field

from rasid.document import Claim, Segment
from rasid.stages.attribution import Attribution
from rasid.stages.reading.polarity import excepted, hypothetical_after, polarity_before
from rasid.stages.reading.view import SpanIndex, View


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
                 actor=_entity_before(view, view.chars(lo, hi)[0], focus, ("ORG",)),
                 asset=_entity_in(view, focus, end, ("LOC", "ORG", "MISC")),
                 quantities=list(d.quantities), time=time.id if time else None,
                 location=_entity_in(view, end, view.chars(lo, hi)[1], ("LOC",)),
                 polarity=polarity, source=attribution.source_at(focus))


def _time(view: View, attribution: Attribution, lo: int, hi: int, pos: int):
    start, end = view.chars(lo, hi)
    times = [t for t in view.times.starting_in(start, end) if not attribution.in_attribution(t.start)]
    return min(times, key=lambda t: abs(t.start - pos), default=None)


def _entity_before(view: View, lo: int, pos: int, types: tuple[str, ...]) -> str | None:
    found = next((m for m in _linked(view, types).overlapping_from_end(lo, pos) if m.end <= pos), None)
    return found.entity if found else None


def _entity_in(view: View, start: int, end: int, types: tuple[str, ...]) -> str | None:
    found = next(_linked(view, types).overlapping_from_start(start, end), None)
    return found.entity if found else None


def _linked(view: View, types: tuple[str, ...]) -> SpanIndex:
    """The document's mentions of `types` linked to an entity, indexed by position once."""
    return view.derived(("linked mentions", types), lambda: SpanIndex(
        [m for m in view.doc.mentions if m.type in types and m.entity]))
