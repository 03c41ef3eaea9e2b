"""Whether a trigger tells something that happened: not denied, planned, feared, future,
background, habitual, a count of events, control held, an event set beside another, a part of
the day, an aim or a use (the events stage asks it of every rule trigger and learned proposal)."""
from __future__ import annotations

from rasid.resources.catalogue import grammar_words, relatives
from rasid.stages.events.context import COMMAS, Context, one_of
from rasid.stages.reading.lexicons import EVENT_TRIGGERS
from rasid.stages.reading.polarity import is_generic, is_threat, polarity_before, was_before
from rasid.stages.reading.view import Hit, View, without_suffix
from rasid.stages.times.lexicon import readings, time_lexicon
from rasid.text.tokens import stem_variants

_USED_BEFORE = 6     # words between a verb of using and the verbal noun after ل it is used for
_CLAUSE_DATE = 8     # words after a trigger in a relative clause where its own date may stand
_VERDICT_BEFORE = 8  # words between a court's sentence and the execution it orders (قضت المحكمة العسكرية في مصر، الاثنين، بإعدام)
_RELATIVE_BACK = 4   # words before an event noun where the verb carrying it out after a relative stands (الذي نفذ عناصره هجوم)
_HOLDING_BEFORE = 5  # words before a noun of control where a verb of holding it may stand (past its subject)


def real(view: View, hit: Hit, ctx: Context) -> bool:
    """Not denied, planned, feared, future, background or habitual."""
    if polarity_before(view, hit.start, ctx.lo, foiled_happened=True) != "affirmed":
        return False
    if was_before(view, hit.start) and not ctx.own_times:
        return False  # `كان يسيطر`: background; told with a date of its own, an earlier event
    k = hit.start - 1
    while k > ctx.lo and view.words[k] in grammar_words("auxiliary"):
        k -= 1
    if (k >= ctx.lo and view.words[k] in relatives() or _carried_out_in_a_relative(view, hit, ctx)) \
            and not _dated_in_its_clause(view, hit, ctx):
        return False  # `التنظيم الذي يسيطر على`: background; `الذين سيطروا على صنعاء في أيلول 2014`: an event
    if hit.start > ctx.lo and one_of(view.words[hit.start - 1], grammar_words("perpetrator")):
        return False  # `منفذ الهجوم`: who carried it out, named by the event
    if hit.start > ctx.lo and view.words[hit.start - 1] in grammar_words("any"):
        return False  # `لم يسجل أي هجوم`, `نفى … أن تكون للتنظيم أي سيطرة`: any, under a denial or a question
    if hit.start > ctx.lo and view.words[hit.start - 1] in grammar_words("number_of"):
        return False  # `عدد الهجمات`: a count of events, a statistic
    if _control_held(view, hit, ctx):
        return False
    if _set_beside_another(view, hit, ctx):
        return False
    if _what_it_is_used_for(view, hit, ctx) or _an_aim(view, hit, ctx) or _a_sentence(view, hit, ctx):
        return False
    return not _purpose(view.words[hit.start]) and not is_generic(view, hit.start, hit.end) \
        and not _part_of_day(view, hit, ctx) and not is_threat(view, hit.end, ctx.hi)


def _set_beside_another(view: View, hit: Hit, ctx: Context) -> bool:
    """`ويأتي الهجوم بعد يومين من …`, `وجاء هذا الهجوم عقب …`: where an earlier sentence holds a
    trigger word, the event it told, told again to set it beside another; no new event. (A
    learned span may start on the verb of coming itself.) The earlier word is not checked to
    have made an event: a denied one counts too."""
    k = hit.start - 1
    if k > ctx.lo and view.words[k] in grammar_words("demonstrative"):
        k -= 1
    comes = grammar_words("comes")
    if not any(any(v in comes for v in stem_variants(view.words[j])) for j in (k, hit.start) if j >= ctx.lo):
        return False
    return any(h.entry("trigger") for h in view.hits_in(EVENT_TRIGGERS, 0, ctx.lo))


def _carried_out_in_a_relative(view: View, hit: Hit, ctx: Context) -> bool:
    """`البرناوي … مكان أبو بكر الشكوي الذي نفذ عناصره هجوم شيبوك`: an event noun after a verb of
    carrying it out (grammar role carrying_out) right after a relative pronoun, its subject
    between (within _RELATIVE_BACK words, no break), describes who the person or group before
    is: background, like a verb right after the relative."""
    for k in range(hit.start - 1, max(ctx.lo, hit.start - _RELATIVE_BACK) - 1, -1):
        if view.is_break(k):
            return False
        if one_of(view.words[k], grammar_words("carrying_out")):
            return k > ctx.lo and view.words[k - 1] in relatives()
    return False


def _dated_in_its_clause(view: View, hit: Hit, ctx: Context) -> bool:
    """A date of the sentence within _CLAUSE_DATE words after a perfect verb, no break between;
    not an imperfect (`التي تقاتل الحكومة`: what it does) nor a date after `منذ` (since when)."""
    if view.words[hit.start][:1] in ("ي", "ت"):
        return False
    for k in range(hit.end, min(ctx.hi, hit.end + _CLAUSE_DATE)):
        if view.is_break(k):
            return False
        start = view.doc.tokens[k].start
        if any(t.start == start for t in ctx.own_times):
            return k == 0 or view.words[k - 1] not in grammar_words("since")
    return False


def _control_held(view: View, hit: Hit, ctx: Context) -> bool:
    """`تحت سيطرة الفصائل`, `مناطق سيطرة النظام`, `يبسط الحوثيون سيطرتهم على`, `خلال سنوات
    سيطرته`: control held, not gained or lost; the noun of control after `تحت`, a place noun, a
    span of time or a verb of holding in the present names who holds ground, no territory change."""
    word = view.words[hit.start]
    if word in grammar_words("holding"):
        return True  # the learned tagger's `ويبسط الحوثيون سيطرتهم على`
    if hit.start <= ctx.lo or grammar_words("control").isdisjoint((*stem_variants(word), *without_suffix(word))):
        return False
    before = view.match(EVENT_TRIGGERS, hit.start - 1)
    construct = not view.words[hit.start].startswith("و")  # `مطار المدينة والسيطرة على`: joined, not held
    if view.words[hit.start - 1] in grammar_words("under") or view.words[hit.start - 1] in grammar_words("duration") or bool(
            construct and before and before.end == hit.start and before.entry("place")):
        return True
    for k in range(hit.start - 1, max(ctx.lo, hit.start - _HOLDING_BEFORE) - 1, -1):
        if view.is_break(k):
            return False
        if view.words[k] in grammar_words("holding"):
            return True  # `ويبسط الحوثيون سيطرتهم على المطار`: held, as it is now
    return False


def _part_of_day(view: View, hit: Hit, ctx: Context) -> bool:
    """`منذ فجر الجمعة`: the dawn of a day the times stage read, not a detonation (فجر); `تحركت
    القوات فجراً`: at dawn, an adverb (not `فجروا`, nor `فجرا نفسيهما`, they two blew themselves up)."""
    if hit.end - hit.start != 1:
        return False
    word = view.words[hit.start]
    adverb = word.endswith("ا") and not word.endswith("وا")
    parts = (e for reading, _ in readings(word[:-1] if adverb else word) for e in time_lexicon().get(reading, ()))
    if not any(e.role == "day_part" and len(e.words) == 1 for e in parts):
        return False
    if adverb:
        return hit.end >= ctx.hi or not view.words[hit.end].startswith("نفس")
    if hit.end >= ctx.hi:
        return False
    after = view.doc.tokens[hit.end].start
    return bool(view.times.starting_in(after, after + 1))


def _purpose(word: str) -> bool:
    """`لتحرير المدينة`, `للسيطرة على`: a verbal noun of taking ground after ل tells what an
    operation is for, not what happened."""
    nouns = grammar_words("purpose_noun")
    return any(v in nouns and "ل" in word[:len(word) - len(v)].removesuffix("ال") for v in stem_variants(word)[1:])


def _an_aim(view: View, hit: Hit, ctx: Context) -> bool:
    """`لاستعادة السيطرة على`, `معركة السيطرة على الميناء`, `معركة استعادة السيطرة`: a noun of
    taking ground governed by an aim (a verbal noun after ل) or by a campaign is what the
    fighting is for, not ground taken."""
    k = hit.start - 1
    entry = hit.entry("trigger")
    if k < ctx.lo or entry is None or entry.value != "territory_change":
        return False
    if _purpose(view.words[k]) or one_of(view.words[k], grammar_words("campaign")):
        return True
    return k > ctx.lo and one_of(view.words[k], grammar_words("purpose_noun")) \
        and one_of(view.words[k - 1], grammar_words("campaign"))


def _a_sentence(view: View, hit: Hit, ctx: Context) -> bool:
    """`أحكام الإعدام الصادرة بحق`, `حكما بالإعدام`, `قضت المحكمة بإعدام`: an execution a court
    sentences someone to, in the clause of the sentence, is a court case (ANNOTATION.md), no
    event; a sentence carried out (`ونفذ التنظيم حكم الإعدام بحق ثلاثة`) is one."""
    found = view.match(EVENT_TRIGGERS, hit.start)
    entry = found.entry("trigger") if found else None
    if entry is None or entry.value != "execution":
        return False
    for k in range(hit.start - 1, max(ctx.lo, hit.start - _VERDICT_BEFORE) - 1, -1):
        if view.is_break(k) and not _sets_off_a_date(view, k):
            return False
        if view.words[k].removeprefix("و") in grammar_words("verdict"):  # not `الحكم`, also "rule"
            return not any(one_of(view.words[j], grammar_words("carrying_out")) and not view.words[j].startswith("ي")
                           for j in range(max(ctx.lo, k - _VERDICT_BEFORE), k))  # `ونفذ تنظيم داعش حكم الإعدام`
    return False


def _sets_off_a_date(view: View, k: int) -> bool:
    """The break at token k is a comma beside a date (`قضت المحكمة، الاثنين، بإعدام`): the
    clause goes on past it."""
    if view.words[k] not in COMMAS:
        return False
    return any(bool(view.times.overlapping(*view.chars(j, j + 1))) for j in (k - 1, k + 1) if 0 <= j < len(view))


def _what_it_is_used_for(view: View, hit: Hit, ctx: Context) -> bool:
    """`ويستخدم الرجل حسابه المصرفي لتحويل أموال`: a verbal noun after ل, a few words after a verb of
    using, tells what something serves for (a habit, a means), not an act that happened."""
    if "ل" not in hit.clitic.removesuffix("ال"):
        return False
    return any(one_of(view.words[k], grammar_words("using"))
               for k in range(max(ctx.lo, hit.start - _USED_BEFORE), hit.start))
