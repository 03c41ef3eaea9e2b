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
from rasid.resources.catalogue import function_words, grammar_words, with_property
from rasid.stages.events.casualties import Casualties, casualties
from rasid.stages.reading.lexicons import EVENT_TRIGGERS, PARTIES, SOURCE_CUES, Entry, lexicon
from rasid.stages.reading.polarity import is_present
from rasid.stages.reading.view import Hit, View, without_suffix
from rasid.stages.times.lexicon import readings, time_lexicon
from rasid.stages.attribution import Attribution, attribution_of, claims_responsibility, clause_start
from rasid.stages.attribution.names import complementizer_at as complementizer
from rasid.text.tokens import one_of
from rasid.text.normalise import fold
from rasid.text.numerals import number_words, unit_words

NEAR = 4            # words after a trigger where what it needs (على, من, a place, money) stands
PRONOUN_BACK = 10   # words before a trigger with a pronoun on it where the place it stands for is named
ON_NEAR = 10        # and where على stands after a verb of control, past its subject (tokens, commas too)
_SPARKED_NEAR = 6    # words after فجّر where what it sets off figuratively stands (past its subject and a day)
_SALE_NEAR = 3  # words after a deal noun where a word of selling makes it a trade (صفقة واحدة بيعت فيها)
_PERSON_SUFFIXES = ("ه", "هم", "هما", "هن")  # him, them: `أوقفته`, not `أوقفتها` (it, a flight or aid)
_OBJECT_NEAR = 12    # words after a verb where the person it acts on stands, past its subject
_TOLL_NEAR = 3       # words after a trigger where a word for the dead or wounded makes it a toll
_VERB_STRENGTH = 3  # the strength of a finite verb of control in the trigger lexicon (سيطرت, بسطوا)
LAUNCH_BEFORE = 4   # words before a fighting noun where the verb that carries it out may stand
COMMAS = frozenset({",", "،"})  # a comma as the reading folds it, and as written
_SUBJECT_WORDS = 6  # words of a speaker between a verb of announcing and the day it was told
ACHIEVED_BEFORE = 8  # words before a verbal noun of taking ground where a word of achievement stands
ACHIEVING_BEFORE = 12  # and where a verb of managing stands, past a long subject, in the same clause
SIDES_AFTER = 3  # words after بين or مع where a side of the fighting is named
HABIT_BEFORE = 3  # words before it where a verb in the present makes it a habit
_HELD_GAP = 3      # words between a word of holding arms and the device it holds (لدى حزب الله 14 ألف صاروخ)
HANDLED_BEFORE = 7  # words before a device where a verb of finding, seizing or dismantling it stands
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
        start, end = self._chars()
        return [t for t in self.view.times.starting_in(start, end) if t.value]

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
            return None  # `حرصوا قبل الانسحاب على نقل`: timed against another event, not by the sentence's month
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


def satisfied(view: View, ctx: Context, hit: Hit, needs: tuple[str, ...]) -> bool:
    """Whether every need of a trigger holds (see event_triggers.tsv)."""
    return all(_CHECKS[need](view, ctx, hit) for need in needs)


def place_after(view: View, ctx: Context, hit: Hit) -> str | None:
    """What names the place a trigger is about: a LOC entity (or its text), or the word after a
    place noun (`مدينة هجين` → هجين); None when no place follows."""
    start, _ = view.chars(hit.end, hit.end)
    for m in view.mentions(start, view.chars(hit.end, min(ctx.hi, hit.end + NEAR))[1], ("LOC",)):
        return fold(m.text)
    for k in range(hit.end, min(ctx.hi, hit.end + NEAR)):
        found = view.match(EVENT_TRIGGERS, k)
        if found and found.entry("place"):
            nxt = found.end
            word = view.words[nxt] if nxt < ctx.hi and view.doc.tokens[nxt].kind == "word" else ""
            return word if word and word not in function_words() else view.words[k]
    return None


def _near(ctx: Context, hit: Hit) -> range:
    return range(hit.end, min(ctx.hi, hit.end + NEAR))


def _on(view: View, ctx: Context, hit: Hit) -> bool:
    """على within NEAR words; after a finite verb of control, past its subject and a day set off
    by commas (`سيطرت قوات الجيش، الثلاثاء، على مواقع`) within ON_NEAR."""
    entry = hit.entry("trigger")
    reach = ON_NEAR if entry is not None and entry.strength >= _VERB_STRENGTH else NEAR  # the noun السيطرة: NEAR
    return any(view.words[k] == on or view.words[k].startswith(on) and len(view.words[k]) <= 6
               for k in range(hit.end, min(ctx.hi, hit.end + reach)) for on in grammar_words("on"))


def _from(view: View, ctx: Context, hit: Hit) -> bool:
    return any(view.words[k] in grammar_words("from_pronoun") for k in range(hit.end, min(ctx.hi, hit.end + NEAR - 1)))


def _place(view: View, ctx: Context, hit: Hit) -> bool:
    """A place after it, or control of a place named before (`استعاد الجيش السوري السيطرة
    عليها`: control, then على with a pronoun; `فقدان السيطرة على الأرض` names no place), or a
    pronoun on it whose place is named before it (`_place_before_its_pronoun`)."""
    return place_after(view, ctx, hit) is not None or any(
        view.words[k] in grammar_words("control") and k + 1 < ctx.hi and view.words[k + 1] != "علي"
        and any(view.words[k + 1].startswith(on) and len(view.words[k + 1]) <= 6 for on in grammar_words("on"))
        for k in _near(ctx, hit)) or _place_before_its_pronoun(view, ctx, hit)


def _place_before_its_pronoun(view: View, ctx: Context, hit: Hit) -> bool:
    """`حقل العمر … كان يُدار بالطريقة ذاتها حتى خسره التنظيم`: a verb with a pronoun object, and
    a place noun or a place named before it in its sentence, within PRONOUN_BACK words. On a
    verbal noun the pronoun is whose act it is (`سيطرتهم`, `هزيمتهم`, `تحريره`), no place."""
    if hit.end - hit.start != 1 or not view.suffixed(lexicon(EVENT_TRIGGERS), hit.start) \
            or _verbal_noun(view.bases(lexicon(EVENT_TRIGGERS))[hit.start]):
        return False
    lo = max(ctx.lo, hit.start - PRONOUN_BACK)
    if view.mentions(*view.chars(lo, hit.start), ("LOC",)):
        return True
    return any((found := view.match(EVENT_TRIGGERS, k)) is not None and found.entry("place") is not None
               for k in range(lo, hit.start))


def timed_against_another(view: View, k: int) -> bool:
    """`حرصوا قبل الانسحاب على نقل جزء من السيولة`, `نقل أمواله إلى البادية قبل الانسحاب`: in the
    clause of the trigger at token k, `قبل`, `بعد` or `عقب` and a definite noun that is no time
    (`بعد الظهر` is one): the text times the event against another one, so a date told
    elsewhere in the sentence, or of an event told before it, is not its own."""
    _, hi = view.sentence_of(k)
    j = clause_start(view, k)
    while j + 1 < hi and (j <= k or not view.is_break(j)):
        if view.words[j] in grammar_words("time_clause_head") and view.words[j + 1].startswith("ال") \
                and not view.times.overlapping(*view.chars(j + 1, j + 2)):
            return True
        j += 1
    return False


def _verbal_noun(base: str) -> bool:
    """A folded trigger that reads as a verbal noun: a feminine ending (`سيطره`, `خساره`), or the
    تفعيل pattern (`تحرير`, `تدمير`)."""
    return base.endswith("ه") or len(base) == 5 and base[0] == "ت" and base[3] == "ي"


def _object(view: View, ctx: Context, hit: Hit) -> bool:
    """A noun right after it, or a pronoun on it (`اختطفهم`, `أعدمه`)."""
    if hit.end - hit.start == 1 and view.suffixed(lexicon(EVENT_TRIGGERS), hit.start):
        return True
    k = hit.end
    if k >= ctx.hi or view.doc.tokens[k].kind not in ("word", "number") or view.words[k] in function_words():
        return False
    return not any(p.kind == "conj" for p in view.doc.tokens[k].parts)


def _money_after(view: View, ctx: Context, hit: Hit) -> bool:
    for k in _near(ctx, hit):
        found = view.match(EVENT_TRIGGERS, k)
        if found and found.entry("money"):
            return True
    return any(is_money(q) and hit.end <= view.token_at(q.start) <= hit.end + NEAR for q in ctx.quantities)


def _support(view: View, ctx: Context, hit: Hit) -> bool:
    entry: Entry | None = hit.entry("trigger")
    return ctx.reported(hit, entry.value if entry else "")


def _deal(view: View, ctx: Context, hit: Hit) -> bool:
    """Supported, or what the deal does named right after it (`صفقة الإفراج عن الرهائن`, `اتفاق
    إجلاء`, `اتفاق المدن الأربع`): one deal, not deals in general."""
    return hit.end < ctx.hi and one_of(view.words[hit.end], grammar_words("deal_content")) or _support(view, ctx, hit)


def _no_treaty(view: View, ctx: Context, hit: Hit) -> bool:
    """`الاتفاق النووي`, `اتفاقية مكافحة تمويل الإرهاب`, `اتفاقية إقليمية ودولية`: a treaty or a
    policy, no deal between sides at war."""
    return not any(one_of(view.words[k], grammar_words("treaty")) for k in range(hit.end, min(ctx.hi, hit.end + 2)))


def _no_sale(view: View, ctx: Context, hit: Hit) -> bool:
    """`صفقة بيعت فيها قطع منهوبة`, `صفقة بيع أسلحة`, `صفقة لشراء النفط`: a sale or a purchase, a
    trade between a seller and a buyer, no deal between sides at war."""
    for k in range(hit.end, min(ctx.hi, hit.end + _SALE_NEAR)):
        if view.is_break(k):
            return True  # `صفقة، باعت بموجبها الجماعة أسلحتها`: what the deal then did, not its kind
        if one_of(view.words[k], grammar_words("sale")):
            return False
    return True


def _date(view: View, ctx: Context, hit: Hit) -> bool:
    return bool(ctx.own_times)


def _people(view: View, ctx: Context, hit: Hit) -> bool:
    """Who the trigger is about are people: a count of them, or a word for fighters nearby."""
    if any(q.unit == "person" for q in ctx.quantities):
        return True
    window = range(max(ctx.lo, hit.start - NEAR), min(ctx.hi, hit.end + NEAR))
    return any(_person_word(view, k) for k in window)


def _people_after(view: View, ctx: Context, hit: Hit) -> bool:
    """A person its object: a word for people, a count of them or a person's name within
    _OBJECT_NEAR words after it, before a break (`أوقفت الشرطة رجلا مسلحا`, `أوقفت الوحدة
    الوطنية للأبحاث 30 عنصرا`; not `اقتحم مئات العراقيين المطار وأوقفوا الحركة الجوية`)."""
    if _pronoun_object(view, hit):
        return True  # `وأوقفته الشرطة`
    end = hit.end
    while end < min(ctx.hi, hit.end + _OBJECT_NEAR) and not view.is_break(end):
        end += 1
    if any(_person_word(view, k) and not _owned_by_a_thing(view, k, hit.end) for k in range(hit.end, end)):
        return True
    start, stop = view.chars(hit.end, end) if end > hit.end else (0, 0)
    return any(q.unit == "person" and start <= q.start < stop for q in ctx.quantities) \
        or bool(view.mentions(start, stop, ("PER",)))


def _owned_by_a_thing(view: View, k: int, first: int) -> bool:
    """The person word at token k follows a bare noun it is the genitive of (`أوقفت السلطات صرف
    رواتب الموظفين`: the wages stopped, not the staff), not a count, `أحد` or `عدد` (`أحد
    المطلوبين`, `عدد من العناصر`)."""
    if k <= first:
        return False
    before = view.words[k - 1]
    return view.kinds[k - 1] == "word" and not before.startswith(("ال", "وال")) and not _person_word(view, k - 1) \
        and not number_words().match(view.words, k - 1) \
        and not any(one_of(before, grammar_words(role)) for role in ("one_of", "number_of", "from", "subset"))


def _pronoun_object(view: View, hit: Hit) -> bool:
    """The verb carries its object as a pronoun (`أوقفته`, `أوقفتهم`): a person, as the verb reads."""
    word, base = view.words[hit.end - 1], view.bases(lexicon(EVENT_TRIGGERS))[hit.end - 1]
    if hit.start > 0 and view.words[hit.start - 1] in grammar_words("not_article"):
        return False  # `المساعدات التي أوقفتها`: the thing it stopped
    return word != base and word.endswith(_PERSON_SUFFIXES) and any(stem.endswith(base) for stem in without_suffix(word))


def _person_word(view: View, k: int) -> bool:
    found = unit_words().match(view.words, k)
    return bool(found and any(e.unit == "person" for e in found.entries))


def _no_toll(view: View, ctx: Context, hit: Hit) -> bool:
    """No word for the dead or wounded right after it: `سقوط عشرات القتلى` is a toll, not a fall."""
    for k in range(hit.end, min(ctx.hi, hit.end + _TOLL_NEAR)):
        found = view.match(EVENT_TRIGGERS, k)
        if found and (found.entry("killed") or found.entry("injured")):
            return False
    return True


def _done(view: View, ctx: Context, hit: Hit) -> bool:
    """Told as accomplished: anchored, or a word of achievement shortly before (`تمكنت من تحرير`)."""
    if hit.start > ctx.lo and one_of(view.words[hit.start - 1], grammar_words("campaign")):
        return False  # `معركة تحرير الحديدة`, even when its start is announced
    if ctx.anchored(hit, "territory_change"):
        return True
    before = range(max(ctx.lo, hit.start - ACHIEVED_BEFORE), hit.start)
    if any(one_of(view.words[k], grammar_words("accomplished")) for k in before):
        return True
    for k in range(hit.start - 1, max(ctx.lo, hit.start - ACHIEVING_BEFORE) - 1, -1):
        if view.is_break(k):
            return False
        if one_of(view.words[k], grammar_words("achieving")):
            return True  # `استطاعت وحدات اللواء الثالث بمساندة الطيران من تحرير`
    return False


def _unhandled(view: View, ctx: Context, hit: Hit) -> bool:
    """A device that went off, not one found, seized or dismantled (`اكتشفت الفرق 10 عبوات
    ناسفة`, `ضبط الجيش عبوة ناسفة`): no verb of handling it a few words before it in its clause,
    and it is not what arms held or moved are (`_held`)."""
    for k in range(hit.start - 1, max(ctx.lo, hit.start - HANDLED_BEFORE) - 1, -1):
        if view.is_break(k):
            break
        if one_of(view.words[k], grammar_words("handling")) and not (k + 1 < ctx.hi and view.words[k + 1] == "النفس"):
            return False  # (`ضبط النفس`: restraint)
    return not _held(view, ctx, hit)


def _held(view: View, ctx: Context, hit: Hit) -> bool:
    """`كان لدى الحزب 14 ألف صاروخ`, `شحنة صواريخ`, `تهريب الصواريخ`: the device is what a word of
    holding, making or moving arms has, within _HELD_GAP words before it (numbers not counted),
    with no complementizer and no verb of launching between them or before them in the clause
    (`قال السفير لدى الأمم المتحدة إن صاروخا أصاب`, `أطلق الحوثيون الذين يملكون ترسانة صاروخا`)."""
    gap = 0
    for k in range(hit.start - 1, ctx.lo - 1, -1):
        if view.is_break(k) or complementizer(view, k) or _launching(view, k) or _an_incident(view, k):
            return False  # `لدى سقوط قذيفة`: the device of an incident told between, not held
        if one_of(view.words[k], grammar_words("arms_held")):
            return not any(_launching(view, j) for j in range(max(ctx.lo, clause_start(view, k)), k))
        if view.kinds[k] != "number" and not number_words().match(view.words, k):
            gap += 1
            if gap > _HELD_GAP:
                return False
    return False


def _an_incident(view: View, k: int) -> bool:
    """Token k is a word for something that happens (`سقوط`, `انفجار`): an event trigger."""
    found = view.match(EVENT_TRIGGERS, k)
    return found is not None and found.entry("trigger") is not None


def _launching(view: View, k: int) -> bool:
    return one_of(view.words[k], grammar_words("carrying_out"))


def _literal(view: View, ctx: Context, hit: Hit) -> bool:
    """No figurative object a few words after it: `فجّر الجيش، الأربعاء، مفاجأة`, `وفجر انقطاع
    الكهرباء موجة من الغضب` set off a surprise or anger, nothing that blew up."""
    return not any(one_of(view.words[k], grammar_words("sparked")) for k in range(hit.end, min(ctx.hi, hit.end + _SPARKED_NEAR)))


def is_money(q: Quantity) -> bool:
    """A sum of money: its unit is a currency code (USD, IQD)."""
    return bool(q.unit) and len(q.unit) == 3 and q.unit.isupper()


_CHECKS = {"on": _on, "from": _from, "place": _place, "object": _object, "money": _money_after,
           "support": _support, "date": _date, "people": _people, "people_after": _people_after, "done": _done, "unhandled": _unhandled,
           "no_toll": _no_toll, "literal": _literal, "deal": _deal,
           "no_treaty": _no_treaty, "no_sale": _no_sale}
