"""What a sentence offers the events in it: dates, casualties, counts, places and parties.

A date belongs to an event when it stands in the same sentence, outside the words that
attribute it; the nearest one wins. Where the sentence has none but the statement's
(`قال ضابط، السبت، إن قوات الأمن قتلت`), news style dates the event by it — yet only an
event's own date anchors a bare trigger as an event. Places, actors and targets are entity ids of the mentions around the
trigger (empty until the mentions and linking stages have run).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property

from rasid.document import Quantity, Time
from rasid.resources.catalogue import grammar_words, with_property
from rasid.stages.events.casualties import Casualties, casualties
from rasid.stages.reading.lexicons import PARTIES, SOURCE_CUES
from rasid.stages.reading.polarity import is_present
from rasid.stages.reading.view import Hit, View
from rasid.stages.times.lexicon import readings, time_lexicon
from rasid.stages.attribution import Attribution, attribution_of, claims_responsibility, clause_start
from rasid.stages.attribution.names import complementizer_at as complementizer
from rasid.text.tokens import one_of

STILL_BEFORE = 5     # words before a fighting word where `still` (لا تزال) stands, past its subject
NEAR = 4            # words after a trigger where what it needs (على, من, a place, money) stands
LAUNCH_BEFORE = 4   # words before a fighting noun where the verb that carries it out may stand
COMMAS = frozenset({",", "،"})  # a comma as the reading folds it, and as written
_SUBJECT_WORDS = 6  # words of a speaker between a verb of announcing and the day it was told
SIDES_AFTER = 3  # words after بين or مع where a side of the fighting is named
HABIT_BEFORE = 3  # words before it where a verb in the present makes it a habit
REPORTER_KINDS = frozenset({"media", "group_media", "ngo", "think_tank"})  # actor kinds that only tell of violence


@dataclass
class Context:
    """A sentence as its events read it. The attribution and the dates are worked out when first
    asked for: most sentences propose no event, and many reports none at all."""
    view: View
    number: int
    lo: int
    hi: int
    quantities: list[Quantity]
    casualties: Casualties

    @cached_property
    def attribution(self) -> Attribution:
        return attribution_of(self.view.doc)

    @cached_property
    def times(self) -> list[Time]:
        """Dates of the sentence outside the words that attribute it; where there are none, the
        date of the statement (`قال ضابط، السبت، إن قوات الأمن قتلت` dates the killing too) —
        unless the sentence tells the day from the story (`في اليوم السابق`)."""
        if self.own_times or self._story_day():
            return self.own_times
        return self.dated

    @cached_property
    def dated(self) -> list[Time]:
        """Dates of the sentence; a day that ends a span (`حتى اليوم`, `حتى الآن`: until now) dates no event."""
        start, end = self._chars()
        view, until = self.view, grammar_words("until")
        return [t for t in view.times.starting_in(start, end)
                if t.value and not ((k := view.token_at(t.start)) > self.lo and view.words[k - 1] in until)]

    @cached_property
    def own_times(self) -> list[Time]:
        """Dates of the sentence outside the words that attribute it: these anchor an event."""
        return [t for t in self.dated if not self.attribution.in_attribution(t.start)]

    def statement_day(self, t: Time) -> bool:
        """A day set off by commas after the subject of a verb of announcing (`أعلنت القوات
        العراقية، الجمعة، إحباط هجوم`): the day it was told, which a later detail may correct."""
        view, k = self.view, self.view.token_at(t.start)
        last = view.token_at(t.end - 1)
        if not (self.lo < k and last + 1 < self.hi and view.words[k - 1] in COMMAS and view.words[last + 1] in COMMAS):
            return False
        verbs = [h for h in view.hits_in(SOURCE_CUES, self.lo, k) if h.entries[0].cls == "verb"]
        return bool(verbs) and k - verbs[-1].end <= _SUBJECT_WORDS

    def anchored(self, hit: Hit, kind: str) -> bool:
        """A date, a casualty count (for fighting) or a count of its own anchors the event."""
        if self.own_times or self.counts(hit.start, hit.end):
            return True
        return kind in with_property("event_type", "fighting") and self.casualties.counted

    def _story_day(self) -> bool:
        """A day told from the story (`في اليوم السابق`, `في ذلك اليوم`): the statement's date is
        not the event's."""
        words = self.view.words
        return any(one_of(words[k], grammar_words("day_noun"))
                   and (k + 1 < self.hi and words[k + 1] in grammar_words("story_day")
                        or k > self.lo and words[k - 1] in grammar_words("story_day"))
                   for k in range(self.lo, self.hi))

    def reported(self, hit: Hit, kind: str) -> bool:
        """Anchored, or told as having happened: a verb of occurrence right before the trigger
        or just after it (`اندلعت اشتباكات`, `معارك عنيفة تدور`, `شهدت المدينة معارك`) reports
        one event, though it adds nothing that makes the event new (a restatement stays one)."""
        return self.anchored(hit, kind) or self._took_place(hit, kind)

    def _took_place(self, hit: Hit, kind: str = "") -> bool:
        """A verb of occurrence or an adjective of how hard it was next to it (`اندلعت اشتباكات`,
        `معارك عنيفة`), a verb of carrying it out a little before it (`شنت مقاتلات التحالف
        غارات`), or the sides it was fought between."""
        words = self.view.words
        near = [k for k in (hit.start - 1, hit.start - 2, hit.end, hit.end + 1) if self.lo <= k < self.hi]
        if any(one_of(words[k], grammar_words("took_place")) for k in near):
            return True
        before = range(max(self.lo, hit.start - LAUNCH_BEFORE), hit.start)
        return any(one_of(words[k], grammar_words("launch")) for k in before) or self._between_sides(hit, kind)

    def _between_sides(self, hit: Hit, kind: str) -> bool:
        """Fighting between sides it names (`اشتباكات بين لواء العمالقة والحوثيين`, `مواجهات مع
        قوات المقاومة`): a clash or attack noun, `بين` or `مع` right after it or after one word
        that names no party (`مواجهات عنيفة مع`, not `هجمات الحوثيين مع`), a party named within
        a few words after that, and no verb in the present just before it."""
        view = self.view
        if kind not in ("clash", "attack"):
            return False  # `اتفاق بين الحكومة والحوثيين`, `تجميد التعاون مع الحكومة`: no fighting
        if any(self._present_verb(k) for k in range(max(self.lo, hit.start - HABIT_BEFORE), hit.start)):
            return False  # `تعتمد الجماعة على اشتباكات مع القوات`: what it does, not what it did
        after = [hit.end] + ([hit.end + 1] if hit.end < self.hi and not view.match(PARTIES, hit.end) else [])
        for k in after:
            if k < self.hi and view.words[k] in grammar_words("between_sides"):
                end = min(self.hi, k + 1 + SIDES_AFTER)
                return bool(view.hits_in(PARTIES, k + 1, end)) or bool(
                    view.mentions(*view.chars(k + 1, end), ("ORG",)))
        return False

    def _present_verb(self, k: int) -> bool:
        """Token k reads as a verb in the present, its و or ف off; no word of a name (`تعز`)."""
        word = self.view.words[k]
        return is_present(word[1:] if word[:1] in "وف" else word) and not self.view.mentions(*self.view.chars(k, k + 1))

    def counts(self, start: int, end: int) -> list[str]:
        """Quantities that count the trigger (`60 غارة`) or the money it moves."""
        spans, ends = self._quantity_spans
        out = []
        for q, a, b in spans[bisect.bisect_left(ends, start):]:  # from the first ending at or after it
            if a > end + NEAR:
                break
            if a < end and start < b or b == start or (end <= a and is_money(q)):
                out.append(q.id)
        return out

    @cached_property
    def _quantity_spans(self) -> tuple[list[tuple[Quantity, int, int]], list[int]]:
        """(quantity, first token, token after it) in text order, and their ends (for bisect)."""
        spans = sorted(((q, self.view.token_at(q.start), self.view.token_at(q.end - 1) + 1) for q in self.quantities),
                       key=lambda s: s[1])
        return spans, [b for _, _, b in spans]

    def time_near(self, pos: int) -> Time | None:
        """The sentence's date nearest the trigger at `pos`, one in its own clause first (`…في 14
        اكتوبر 2014، ثم واصلوا الزحف إلى البيضاء … في مارس عام 2015`); a date counted back from
        the story (`وجاء القصف بعد يوم على سلسلة من الغارات`) dates only what comes after it."""
        usable = [t for t in self.times if (t.start <= pos or not self._counted_from_story(t))
                  and not self._time_clause_between(t, pos)]
        clause = clause_start(self.view, self.view.token_at(pos))
        own = [t for t in usable if clause_start(self.view, self.view.token_at(t.start)) == clause]
        if not own and timed_against_another(self.view, self.view.token_at(pos)):
            usable = [t for t in usable if t.precision == "day"]  # `حرصوا قبل الانسحاب على نقل`: not the
            # sentence's month; a day stays (`في 8 أبريل، انفجرت عبوة … بعد الهجوم بساعات`)
        return min(own or usable, key=lambda t: abs(t.start - pos), default=None)

    def _time_clause_between(self, t: Time, pos: int) -> bool:
        """`تصاعدت الحرب مع تدخل التحالف في مارس 2015 بعدما سيطر المتمردون على صنعاء`: a clause
        of time (`بعدما`, `قبل أن`) stands between a month or a year told as background and the
        event: the date is the other clause's. A day is not: the news of a day told with بعدما is
        one incident."""
        if t.precision == "day":
            return False  # `سقط 3 قتلى، الجمعة، بعدما احتجز مسلح رهائن`: the news of a day is one incident
        view = self.view
        a, b = sorted((view.token_at(t.start), view.token_at(pos)))
        words = view.words
        return any(words[k] in grammar_words("time_clause")
                   or words[k] in grammar_words("time_clause_head") and k + 1 < self.hi and complementizer(view, k + 1)
                   for k in range(a + 1, b))

    def _counted_from_story(self, t: Time) -> bool:
        word = self.view.words[self.view.token_at(t.start)]
        return any(e.role == "after_story" for reading, _ in readings(word) for e in time_lexicon().get(reading, ()))

    def location(self, pos: int) -> str | None:
        places = [m for m in self.view.mentions(*self._chars(), ("LOC",)) if m.entity]
        after = [m for m in places if m.start >= pos]
        best = after[0] if after else (places[-1] if places else None)
        return best.entity if best else None

    def actors(self, pos: int) -> list[str]:
        """The group that claims the act (`أعلن التنظيم مسؤوليته عن`), else the last one named before it."""
        groups = [g for g in self._groups if g[2] not in self._reporters]
        claim = self._claim_of_responsibility
        if claim is not None:
            start = self.view.doc.tokens[claim].start
            claimed = [entity for s, e, entity in groups if e <= start]
            if claimed:
                return claimed[-1:]
        return [entity for s, e, entity in groups if e <= pos][-1:]

    @cached_property
    def _groups(self) -> list[tuple[int, int, str]]:
        return _organisations(self.view, *self._chars())

    @cached_property
    def _claim_of_responsibility(self) -> int | None:
        """Where the sentence's claim of responsibility stands (read once for all its events)."""
        return next((k for k in range(self.lo, self.hi) if claims_responsibility(self.view, k)), None)

    def targets(self, pos: int, actors: list[str] = ()) -> list[str]:
        """The first organisation named after the trigger that is neither an actor nor a reporter."""
        found = [m.entity for m in self.view.mentions(*self._chars(), ("ORG",))
                 if m.start >= pos and m.entity and m.entity not in actors and m.entity not in self._reporters]
        return found[:1]

    @cached_property
    def _reporters(self) -> frozenset[str]:
        """Entities that report or study violence (outlets, NGOs, think tanks): never its parties,
        however close to the trigger they are named (`قتل 5، بحسب المرصد`)."""
        return frozenset(e.id for e in self.view.doc.entities if e.kind in REPORTER_KINDS)

    def _chars(self) -> tuple[int, int]:
        return self.view.chars(self.lo, self.hi)


def _organisations(view: View, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, entity) of the organisations named in [start, end): ORG mentions and the
    anaphors the linker tied to an organisation (`التنظيم` after `داعش`), in text order."""
    found = [(m.start, m.end, m.entity) for m in view.mentions(start, end, ("ORG",)) if m.entity]
    for entity in view.doc.entities:
        if entity.type == "ORG":
            found += [(r["start"], r["end"], entity.id) for r in entity.refs if start <= r["start"] < end]
    return sorted(found)


def context(view: View, number: int, lo: int, hi: int) -> Context:
    start, end = view.chars(lo, hi)
    quantities = view.quantities.starting_in(start, end)
    return Context(view, number, lo, hi, quantities, casualties(view, lo, hi, quantities))


def timed_against_another(view: View, k: int) -> bool:
    """`حرصوا قبل الانسحاب على نقل جزء من السيولة`, `نقل أمواله إلى البادية قبل الانسحاب`: in the
    clause of the trigger at token k, `قبل`, `بعد` or `عقب` and a definite noun that is no time
    (`بعد الظهر`, `قبل الفجر`, `بعد الصلاة`: grammar role day_part), not the trigger itself
    (`قبل الانسحاب` of the withdrawal told there): the text times the event
    against another one, so a month or year told elsewhere in the sentence, or the date of an
    event told before it, is not its own."""
    _, hi = view.sentence_of(k)
    heads, breaks = view.derived(("heads against another",), lambda: _heads_against_another(view))
    after = bisect.bisect_right(breaks, k)
    stop = min(hi - 1, breaks[after] if after < len(breaks) else hi)  # the clause ends at a break past k
    at = bisect.bisect_left(heads, clause_start(view, k))
    return any(j != k - 1 for j in heads[at:at + 2] if j < stop)  # at most one is the trigger's own


def _heads_against_another(view: View) -> tuple[list[int], list[int]]:
    """For `timed_against_another`, read once per report (a walk per trigger was quadratic in a
    long clause): the tokens where `قبل`, `بعد` or `عقب` stand before a definite noun that is no
    time, and the tokens that break a clause."""
    heads = [j for j in range(len(view) - 1) if view.words[j] in grammar_words("time_clause_head")
             and view.words[j + 1].startswith("ال") and view.words[j + 1] not in grammar_words("day_part")
             and not view.times.overlapping(*view.chars(j + 1, j + 2))]
    return heads, [j for j in range(len(view)) if view.is_break(j)]


def told_as_still(view: View, k: int) -> bool:
    """`ولا تزال قوات سوريا الديمقراطية تقاتل داعش`: a word of `still` a few words before the
    trigger at token k, in its clause: the fighting is told as going on now, so the date of an
    event told before it is not its own."""
    lo, _ = view.sentence_of(k)
    for j in range(k - 1, max(lo, k - STILL_BEFORE) - 1, -1):
        if view.is_break(j):
            return False
        if one_of(view.words[j], grammar_words("still")):
            return True
    return False


def is_money(q: Quantity) -> bool:
    """A sum of money: its unit is a currency code (USD, IQD)."""
    return bool(q.unit) and len(q.unit) == 3 and q.unit.isupper()
