"""The events stage: things the report says happened, each with its trigger, date, casualties
and source.

A trigger word (event_triggers.tsv) proposes an event of its type in its sentence; it stands
when what it needs is there (`سيطرت … على`, `طرده من`, a place after `خسارة`, money after
`نقل`, a date for a return) and nothing makes it unreal (events.reality): a negation, a
plan, a fear, the future (`خشية من … طرد`, `سيدفع … إلى الإنشقاق`), a relative or `كان`
clause that tells background (`التي استولى عليها`), a habitual modifier (`الهجوم المتقطع`).
Plural and definite nouns of fighting (`هجمات`, `الهجوم`) and generic heads (`عمليات
الخطف`) describe a kind of event unless a date, a casualty count or a count of their own
anchors them.
Fighting words in one sentence describe one incident: the strongest names it. A trigger
that only restates the previous sentence's event (same type, nothing new) or a territory
change already told for the same place adds nothing. Casualties with no trigger detail the
fighting event told before them in their paragraph; alone they make no event.

Where the rules do not reach, a learned tagger (models/events, trained on annotated reports by
tools/train_evidence.py) proposes triggers with their type; a proposal that overlaps no rule
event is added. Across sentences, an incident told in several keeps one date and one count
(events.incidents).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from rasid.document import Document, Event, Segment
from rasid.kb.actors import designators
from rasid.models.linear import LinearModel
from rasid.resources.catalogue import function_words, grammar_words, with_property
from rasid.stages.events.casualties import Casualties
from rasid.stages.reading.lexicons import EVENT_TRIGGERS, PARTIES, POLARITY_CUES, lexicon
from rasid.stages.reading.tagging import tagged_spans
from rasid.stages.reading.topics import about_violence
from rasid.stages.reading.polarity import polarity_before
from rasid.stages.reading.view import Hit, View
from rasid.stages.events.context import Context, context, is_money, one_of, timed_against_another, told_as_still
from rasid.stages.events.needs import place_after, satisfied
from rasid.stages.events.incidents import family, link_incidents
from rasid.stages.events.leaders import LEADER_GAP, leader_death, names_leader
from rasid.stages.events.reality import real
from rasid.text.tokens import stem_variants

_LEADER_STRENGTH = 4
_CAPTIVE_AFTER = 5   # words after a kill word where the captive it kills is named (قتل تنظيم داعش الإرهابي رهينة)
_SAME_EVENT_GAP = 2  # words between two triggers of one type that name one event
_IN_INCIDENT_GAP = 6  # words between a learned trigger and the rule event it happened in (قتل … في هجوم)
_MEANS_AFTER = 3     # words after a trigger where what it is carried out with may stand
_MEANS_BEFORE = 3    # and before it, to where the means ends (`طائرة إسرائيلية استهدفت`, `مقاتلات التحالف أمس قصفاً`)
_TARGET = 4          # words after على where the target of an attack is named
_ARMED_ITEMS = frozenset({"fighters", "soldiers", "forces", "leaders"})
_SENSE_NEEDS = frozenset({"literal", "physical", "by_a_group"})  # needs that tell whether a word is meant as violence at all
_ABOUT_WORDS = frozenset({"place", "money", "leader", "release", "record", "another"})  # lexicon classes no learned trigger may be
#: A token starts a learned trigger when its B- labels are together at least this likely.
TRIGGER_THRESHOLD = 0.6


@dataclass
class Candidate:
    type: str
    start: int          # tokens [start, end)
    end: int
    strength: int
    place: str | None = None
    own: bool = False   # anchored by its own date, casualties, count or money


@dataclass
class _Memory:
    previous: set[tuple[str, str | None]] = field(default_factory=set)  # (type, place) the sentence before
    places: set[tuple[str, str]] = field(default_factory=set)
    last_event: Event | None = None
    last_paragraph: int = -1


def find_events(doc: Document, model: LinearModel | None = None) -> Document:
    """Pipeline stage: fill `doc.events` (ids v1, v2, …); `model` is the learned trigger tagger."""
    view = View.of(doc)
    if not about_violence(view):
        doc.events = []  # `قام حماقي بخطف المتسابق`, `هجوم الجمهور على الفنانة`: no armed conflict told
        return doc
    memory = _Memory()
    events: list[Event] = []
    told_on: dict[int, bool] = {}  # triggers dated only by the day their statement was made (True: set off after its verb)
    further: set[int] = set()  # triggers told as a further incident (هجوم مماثل)
    for number, (lo, hi) in enumerate(view.sent_ranges):
        if view.is_heading(lo, hi) or view.in_boilerplate(lo, hi):
            continue
        ctx = context(view, number, lo, hi)
        found = _sentence_events(view, ctx, memory, len(events))
        if model is not None:
            found += [e for e in _learned_events(view, ctx, model) if not _overlaps_any(e, found)
                      and not _happened_in(view, e, found) and not _told_in_its_clause(view, e, found)]
        found = _further_told_in_detail(view, sorted(found, key=lambda e: e.trigger.start))
        if any(e.date for e in found):
            own = {t.value for t in ctx.own_times}
            said = {t.value for t in ctx.own_times if ctx.statement_day(t)}
            told_on.update((e.trigger.start, e.date in own) for e in found
                           if e.date and (e.date not in own or e.date in said) and not _ongoing(view, ctx, e))
        further.update(e.trigger.start for e in found if _another(view, ctx, view.token_at(e.trigger.end - 1) + 1))
        if not found and events:
            found = _similar_operation(view, ctx, events[-1], len(events) + 1)
            further.update(e.trigger.start for e in found)
        events.extend(found)
    after = view.headline() + 1 if doc.paragraphs and len(view) else 1  # the body: past the headline
    body = doc.paragraphs[after].start if len(doc.paragraphs) > after else 0
    relative = frozenset(e.trigger.start for e in events if timed_against_another(view, view.token_at(e.trigger.start))
                         or told_as_still(view, view.token_at(e.trigger.start)))
    events = link_incidents(events, body, lambda pos: view.paragraph(view.token_at(pos)), told_on,
                            lambda e: _trigger_words(view, e), frozenset(further), _amounts_of(doc), relative)
    doc.events = [_numbered(e, k) for k, e in enumerate(events, 1)]
    return doc


def _amounts_of(doc: Document):
    """An event's sums of money as (value, currency) pairs: the same sum told again is the same
    event (a count of people is not: two attacks may each kill four)."""
    by_id = {q.id: q for q in doc.quantities}
    return lambda e: frozenset((by_id[i].value, by_id[i].unit) for i in e.quantities
                               if i in by_id and is_money(by_id[i]) and by_id[i].value is not None)


def _trigger_words(view: View, event: Event) -> frozenset[str]:
    """The words of an event's trigger as the trigger lexicon reads them, clitics off (الهجوم → هجوم)."""
    bases = view.bases(lexicon(EVENT_TRIGGERS))
    first, last = view.token_at(event.trigger.start), view.token_at(event.trigger.end - 1)
    return frozenset(stem_variants(bases[k])[-1] for k in range(first, last + 1)
                     if view.kinds[k] == "word" and bases[k] not in function_words())


def _happened_in(view: View, learned: Event, found: list[Event]) -> bool:
    """`وقتل مسلحون ثلاثة جنود | في هجوم على حاجز`: a learned trigger followed, in its clause, by
    `في`, `خلال`, `جراء` … and a rule event of its type is that event told by its outcome."""
    end = view.token_at(learned.trigger.end - 1) + 1
    for event in found:
        k = view.token_at(event.trigger.start)
        if event.type == learned.type and end < k <= end + _IN_INCIDENT_GAP \
                and view.words[k - 1] in grammar_words("in_incident") and not any(view.is_break(j) for j in range(end, k)):
            return True
    return False


def _told_in_its_clause(view: View, learned: Event, found: list[Event]) -> bool:
    """`ولقي | القيادي الحوثي وليد السراجي | مصرعه`: a leader's death the rules found in the learned
    trigger's clause, no break between them, is the same death told by another word of it (for
    other types two triggers in a clause are as often two events: dev events −0.006)."""
    if learned.type != "leader_killed":
        return False
    a, b = view.token_at(learned.trigger.start), view.token_at(learned.trigger.end - 1) + 1
    for event in found:
        c, d = view.token_at(event.trigger.start), view.token_at(event.trigger.end - 1) + 1
        gap = range(b, c) if b <= c else range(d, a)
        if event.type == learned.type == "leader_killed" and not any(view.is_break(k) for k in gap):
            return True
    return False


def _learned_events(view: View, ctx: Context, model: LinearModel) -> list[Event]:
    """The triggers the learned tagger finds in the sentence that nothing makes unreal (a
    negation, a plan, background), as events (dated and counted by the rules; shelling from the
    air, `قصف طائرات القوات الجوية`, is an airstrike)."""
    spans = tagged_spans(model, view, ctx.lo, ctx.hi, TRIGGER_THRESHOLD)
    found = [Candidate(label, start, end, 1, None, True) for start, end, label in spans
             if real(view, Hit(start, end, (), ""), ctx) and _specific(view, ctx, start, end, label)]
    _by_means(view, ctx, [c for c in found if c.type == "explosion"])  # an attack word may be what is hit
    return [_event(view, ctx, c, 0) for c in found]


def _specific(view: View, ctx: Context, start: int, end: int, kind: str) -> bool:
    """A learned trigger the lexicon knows needs what the lexicon says it needs (a return, a
    date), and is no word the lexicon knows as what events are about (`ميناء`, `قائد`); a plural
    or definite noun of fighting (`بعمليات انتحارية`, `المعارك الأخيرة`) needs an anchor like a
    rule trigger: it may name a kind of event."""
    if view.words[start] in function_words() or view.kinds[start] != "word":
        return False  # `الذين`, `في`, `أكثر`: the tagger's noise, never a trigger
    if view.match(PARTIES, start):
        return False  # `الجيش`, `القوات`, `التحالف`: who fights, never what happens
    if end - start == 1 and one_of(view.words[start], grammar_words("carrying_out")):
        return False  # `أطلق التحالف عملية`, `منذ شن القوات هجومها`: the carrying out, not what is carried out
    cue = view.match(POLARITY_CUES, start)
    if cue and cue.entries[0].cls in ("negated", "foiled"):
        return False  # `إحباط`, `عدم`: what became of an event, not the event (an attempt may be one)
    hit = view.match(EVENT_TRIGGERS, start) or Hit(start, end, (), "")
    if hit.entries and all(e.cls in _ABOUT_WORDS for e in hit.entries):
        return False  # a place, a leader or funds the lexicon knows (what an event is about), a release
    entry = hit.entry("trigger")
    if entry is not None and entry.value == kind and not satisfied(view, ctx, hit, entry.needs):
        return False
    if entry is not None and not satisfied(view, ctx, hit, tuple(n for n in entry.needs if n in _SENSE_NEEDS)):
        return False  # `أشعلت الهجمات أسعار الشحن`: a word the lexicon reads literally only so, whatever its type
    if entry is None and kind == "territory_change" and one_of(view.words[start], grammar_words("purpose_noun")) \
            and not satisfied(view, ctx, hit, ("done",)):
        return False  # `انتزاع السيطرة على المناجم`: a verbal noun of taking ground the lexicon lacks, told as done
    if kind == "explosion" and not satisfied(view, ctx, Hit(start, end, (), ""), ("unhandled",)):
        return False  # `اكتشفت الفرق 10 عبوات ناسفة`: devices found, none that went off
    if kind == "funds_transfer" and not satisfied(view, ctx, Hit(start, end, (), ""), ("money",)):
        return False  # `تلقى ستة مستثمرين رسائل`: received messages; a transfer moves money named after it
    if kind == "leader_killed" and not names_leader(view, start, min(ctx.hi, end + LEADER_GAP)):
        return False  # `لقي 18 عنصرا مصرعهم`: the dead are counted, no leader is named
    return not _needs_anchor(view, hit, kind, ctx) or ctx.reported(hit, kind)


def _overlaps_any(event: Event, others: list[Event]) -> bool:
    return any(event.trigger.start < o.trigger.end and o.trigger.start < event.trigger.end for o in others)


def _sentence_events(view: View, ctx: Context, memory: _Memory, count: int) -> list[Event]:
    mentioned, proposed = _proposed(view, ctx)
    fresh = [c for c in proposed if not _restated(c, memory)]
    memory.previous = {(c.type, c.place) for c in mentioned}
    memory.places.update((c.type, c.place) for c in proposed if c.place)
    kept = _one_incident(view, ctx, _by_means(view, ctx, _on_a_group(view, ctx, fresh)))
    events = [e for e in (_event(view, ctx, c, count + k) for k, c in enumerate(kept, 1)) if _told(e)]
    events = [_numbered(e, count + k) for k, e in enumerate(events, 1)]
    if not proposed:
        _casualty_details(view, ctx, memory)
    paragraph = _paragraph_of(view, ctx.lo)
    if events:
        memory.last_event, memory.last_paragraph = events[-1], paragraph
    elif paragraph != memory.last_paragraph:
        memory.last_event = None
    return events


def _proposed(view: View, ctx: Context) -> tuple[list[Candidate], list[Candidate]]:
    """(every event the sentence talks of, those it reports: real and specific)."""
    mentioned, proposed = [], []
    for hit in view.hits_in(EVENT_TRIGGERS, ctx.lo, ctx.hi):
        if ctx.attribution.reporting_verb(hit.start):
            continue  # `ونقلت الوكالة أن`: a verb of reporting, no transfer
        found = _leader_killed(view, hit, ctx) or _execution(view, hit, ctx) or _triggered(view, hit, ctx)
        if found is None or not real(view, hit, ctx):
            continue
        mentioned.append(found)
        if found.own or not _needs_anchor(view, hit, found.type, ctx) or ctx.reported(hit, found.type):
            proposed.append(found)
    return mentioned, proposed


def _triggered(view: View, hit: Hit, ctx: Context) -> Candidate | None:
    entry = hit.entry("trigger")
    if entry is None or not satisfied(view, ctx, hit, entry.needs):
        return None
    place = place_after(view, ctx, hit) if entry.value == "territory_change" else None
    return Candidate(entry.value, hit.start, hit.end, entry.strength, place, ctx.anchored(hit, entry.value))


def _needs_anchor(view: View, hit: Hit, kind: str, ctx: Context) -> bool:
    """Definite nouns of fighting (`الهجوم`, `هجومه`) and nouns after a generic head (`عمليات الخطف`)."""
    suffixed = view.bases(lexicon(EVENT_TRIGGERS))[hit.start] != view.words[hit.start]
    if ("ال" in hit.clitic or suffixed) and kind in with_property("event_type", "definite_needs_support"):
        return True
    prev = view.match(EVENT_TRIGGERS, hit.start - 1) if hit.start > ctx.lo else None
    return bool(prev and prev.end == hit.start and prev.entry("generic"))


def _leader_killed(view: View, hit: Hit, ctx: Context) -> Candidate | None:
    span = leader_death(view, hit, ctx.lo, ctx.hi)
    return Candidate("leader_killed", *span, _LEADER_STRENGTH, None, True) if span is not None else None


def _execution(view: View, hit: Hit, ctx: Context) -> Candidate | None:
    """A kill word with a captive as its object a few words on (`قتل التنظيم رهينة جديدة`,
    `يقتل إحدى مختطفات السويداء`): the killing of someone held is an execution (OUTPUT.md)."""
    if hit.entry("killed") is None:
        return None
    subject = _subject_end(view, hit.end, min(ctx.hi, hit.end + _CAPTIVE_AFTER))
    found = view.match(EVENT_TRIGGERS, subject) if subject < ctx.hi else None
    if found and found.entry("captive") and "و" not in found.clitic:  # not `القتلى والجرحى والأسرى`
        return Candidate("execution", hit.start, hit.end, _LEADER_STRENGTH, None, ctx.anchored(hit, "execution"))
    return None


def _subject_end(view: View, k: int, hi: int) -> int:
    """The token after the subject of a verb that starts at token `k` (`قتل تنظيم داعش الإرهابي`):
    armed-party words, names and their designators (`تنظيم`), `إحدى`/`أحد`, and definite
    adjectives after them; `k` itself
    where none stands there (the object follows the verb: `قتل رهينة`)."""
    start = view.doc.tokens[k].start if k < len(view) else 0
    names = [m for m in view.mentions(start, view.chars(k, hi)[1], ("ORG", "PER"))] if k < hi else []
    j = k
    while j < hi:
        in_name = any(m.start <= view.doc.tokens[j].start < m.end for m in names)
        if in_name or view.match(PARTIES, j) or view.words[j] in grammar_words("one_of") \
                or view.words[j] in designators() \
                or (j > k and view.words[j].startswith("ال") and not view.match(EVENT_TRIGGERS, j)):
            j += 1
            continue
        break
    return j


def _told(event: Event) -> bool:
    """An analyst's account of how a group operates is no report of an event unless dated."""
    patterns = with_property("source_kind", "patterns")
    return event.date is not None or event.source is None or event.source.kind not in patterns


def _numbered(event: Event, number: int) -> Event:
    event.id = f"v{number}"
    return event


def _restated(c: Candidate, memory: _Memory) -> bool:
    """Told before: the same change of the same place, or the previous sentence's event again."""
    if c.place and (c.type, c.place) in memory.places:
        return True
    return not c.own and any(kind == c.type and (place is None or c.place is None or place == c.place)
                             for kind, place in memory.previous)


def _by_means(view: View, ctx: Context, found: list[Candidate]) -> list[Candidate]:
    """An attack or a shelling carried out from the air (`قصف لمقاتلات التحالف`, `هجوم بطائرة بلا
    طيار`, `طائرة إسرائيلية استهدفت`) is an airstrike; an attack with artillery or mortars
    (`قصف مدفعي`, `هجوم بالهاون`) an explosion (event_triggers.tsv, class means)."""
    means = [h for h in view.hits_in(EVENT_TRIGGERS, ctx.lo, ctx.hi) if h.entry("means")]
    for c in found:
        if c.type not in ("attack", "explosion"):
            continue
        for h in means:
            kind = h.entry("means").value
            before = c.start - _MEANS_BEFORE < h.end <= c.start and not any(view.is_break(k) for k in range(h.end, c.start))
            near = before or c.start <= h.start <= c.end + _MEANS_AFTER  # not across a comma (`طائرة مسيرة، وقصفت`)
            if near and (c.type == "attack" or kind == "airstrike"):
                c.type = kind
                break
    return found


def _on_a_group(view: View, ctx: Context, found: list[Candidate]) -> list[Candidate]:
    """An attack on an armed group's positions (`هجوماً على مواقع التنظيم`) is two armed sides
    fighting: a clash (ANNOTATION.md); an attack on a checkpoint or on civilians stays one."""
    for c in found:
        if c.type != "attack" or c.strength < 2:  # shelling (قصف) stays one-sided
            continue
        on = next((k for k in range(c.end, min(ctx.hi, c.end + 2)) if view.words[k] in grammar_words("on")), None)
        if on is not None and view.armed_groups(on + 1, min(ctx.hi, on + _TARGET)):
            c.type = "clash"
    return found


def _one_incident(view: View, ctx: Context, found: list[Candidate]) -> list[Candidate]:
    """Fighting words of a sentence are one incident, named by the strongest (the first on a
    tie, but a word that says how it was done over a bare attack: `انفجرت سيارة مفخخة` over
    `هجوم`, training events +0.003), unless a word says it is a further one (`انفجار سيارة أخرى`,
    `هجوم مماثل`); a leader's death stands beside the incident (`own_incident`); an attack
    carried out with a bomb (`هجوم بقنبلة`, `هجوم بسيارة مفخخة`) is an explosion; two words of
    one other type side by side are one event (`اتفاق لوقف إطلاق النار`)."""
    for c in found:
        if c.type == "attack" and any(e.type == "explosion" and 0 <= e.start - c.end <= _SAME_EVENT_GAP for e in found):
            c.type = "explosion"
    apart = with_property("event_type", "own_incident")
    fighting = [c for c in found if c.type in with_property("event_type", "fighting") and c.type not in apart]
    if len(fighting) > 1:
        how = with_property("event_type", "how")
        best = max(fighting, key=lambda c: (c.strength, -c.start))
        told_how = next((c for c in fighting if c.type in how and c.strength == best.strength), None)
        if best.type == "attack" and told_how is not None:
            best = told_how
        found = [c for c in found if c.type not in with_property("event_type", "fighting") or c.type in apart
                 or c is best or _another(view, ctx, c.end)]
    out: list[Candidate] = []
    for c in found:
        if out and out[-1].type == c.type and c.start - out[-1].end <= _SAME_EVENT_GAP:
            continue
        out.append(c)
    return out


def _ongoing(view: View, ctx: Context, event: Event) -> bool:
    """`قال المرصد، السبت، إن اشتباكات عنيفة تدور`: fighting going on as it is told is of the day
    it is told, whatever a later detail says of how it began."""
    first, last = view.token_at(event.trigger.start), view.token_at(event.trigger.end - 1)
    return any(one_of(view.words[k], grammar_words("ongoing"))
               for k in range(max(ctx.lo, first - 1), min(ctx.hi, last + 3)))


def _further_told_in_detail(view: View, events: list[Event]) -> list[Event]:
    """`ويأتي الكمين بعد أيام من هجوم آخر، ففي ٢٨ من كانون الأول هاجم مسلحون نقطة`: a further
    incident that the sentence goes on to tell, in a clause opened by ف, with a trigger of its
    family, is that incident: it takes the detail's date, place and figures, and the detail
    adds no event of its own."""
    out: list[Event] = []
    for event in events:
        told = out[-1] if out else None
        if told is not None and family(told) == family(event) and _opens_detail(view, told, event):
            if event.date is not None:
                told.date, told.date_precision = event.date, event.date_precision
            told.location = event.location or told.location
            if not (told.killed or told.injured):
                told.killed, told.injured = event.killed, event.injured
            told.quantities = sorted(set(told.quantities) | set(event.quantities), key=_qnum)
            continue
        out.append(event)
    return out


def _opens_detail(view: View, told: Event, detail: Event) -> bool:
    """`told` is a further incident (`هجوم آخر`) and a clause opened by ف after a comma (`، ففي`,
    `، فقد`) lies between it and `detail`."""
    end, start = view.token_at(told.trigger.end - 1) + 1, view.token_at(detail.trigger.start)
    if not any(one_of(view.words[k], grammar_words("another")) for k in range(end, min(start, end + _SAME_EVENT_GAP))):
        return False
    return any(view.is_break(k - 1) and _opened_by_fa(view, k) for k in range(end + 1, start))


def _opened_by_fa(view: View, k: int) -> bool:
    """Token k carries ف as a conjunction: split off by the clitic reader (`فهاجم`), or before a
    particle too short to split (`ففي`, `فقد`)."""
    token, word = view.doc.tokens[k], view.words[k]
    return word.startswith("ف") and (bool(token.parts) and token.parts[0].kind == "conj" or word[1:] in function_words())


def _similar_operation(view: View, ctx: Context, last: Event, number: int) -> list[Event]:
    """`أعلنت واشنطن في آب 2020 عملية مماثلة`: an operation said to be like the one told before,
    with a date of its own, is another event of that one's type (a further incident: it neither
    gives nor takes a date or a count)."""
    similar = grammar_words("similar")
    for k in range(ctx.lo, ctx.hi - 1):
        if view.words[k + 1] in similar and one_of(view.words[k], grammar_words("operation")):
            time = ctx.time_near(view.doc.tokens[k].start)
            if time is None or view.token_at(time.start) > k or not real(view, Hit(k, k + 2, (), ""), ctx):
                return []  # undated, or dated only after it: a kind of operation, not one that happened
            event = _event(view, ctx, Candidate(last.type, k, k + 2, 1, None, True), number)
            event.killed = event.injured = None
            return [event]
    return []


def _another(view: View, ctx: Context, end: int) -> bool:
    """A word of another incident right after a trigger that ends before token `end`, or after
    its object (`انفجار سيارة أخرى`, `هجوم مماثل`)."""
    return any(one_of(view.words[k], grammar_words("another")) for k in range(end, min(ctx.hi, end + _SAME_EVENT_GAP)))


def _casualty_details(view: View, ctx: Context, memory: _Memory) -> None:
    """Casualties with no trigger detail the paragraph's last fighting event (`وأسفر ذلك عن مقتل
    12 عنصراً`); alone they make no event: the annotators of the training and dev reports mark
    none (training events +0.009, dev +0.011 when they stopped making an attack)."""
    hurt = ctx.casualties
    if not hurt.counted or not hurt.words:
        return
    start, _, _ = hurt.words[0]
    if polarity_before(view, start, ctx.lo, foiled_happened=True) != "affirmed" or not _armed(view, ctx):
        return
    last = memory.last_event
    if last is not None and _paragraph_of(view, ctx.lo) == memory.last_paragraph:
        if last.killed is None and last.injured is None and last.type in with_property("event_type", "counted"):
            last.killed, last.injured = hurt.killed, hurt.injured
            last.quantities = sorted(set(last.quantities) | set(hurt.quantities), key=_qnum)


def _armed(view: View, ctx: Context) -> bool:
    """Deaths with no trigger are an attack only among armed parties (not a heat wave's dead)."""
    if any(view.match(PARTIES, k) for k in range(ctx.lo, ctx.hi)):
        return True
    return any(q.unit == "person" and q.item in _ARMED_ITEMS for q in ctx.quantities)


def _event(view: View, ctx: Context, c: Candidate, number: int) -> Event:
    start, end = view.hit_chars(Hit(c.start, c.end, (), ""))
    time = ctx.time_near(start)
    hurt: Casualties = ctx.casualties if c.type in with_property("event_type", "counted") else Casualties()
    return Event(
        id=f"v{number}", type=c.type, trigger=Segment(start, end),
        evidence=Segment(*view.chars(ctx.lo, ctx.hi)),
        date=time.value if time else None, date_precision=time.precision if time else None,
        location=ctx.location(end), actors=(actors := ctx.actors(start)), targets=ctx.targets(end, actors),
        killed=hurt.killed, injured=hurt.injured,
        quantities=sorted(set(hurt.quantities) | set(ctx.counts(c.start, c.end)), key=_qnum),
        source=ctx.attribution.source_at(start))


def _paragraph_of(view: View, i: int) -> int:
    return view.paragraph(i)


def _qnum(qid: str) -> int:
    return int(qid[1:]) if qid[1:].isdigit() else 0

