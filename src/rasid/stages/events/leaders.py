"""Who was killed: a leader (a `leader_killed` event, OUTPUT.md: a named commander or official
of a group killed) or anyone else (the dead of the incident the sentence tells).

A kill word names a leader's death with a leader word right after it (`مقتل زعيمه`), a
person's name right after it (`مقتل الملا فضل الله`, not one a common noun introduces: `قتل
المواطن عبده`), several leaders it counts (`مقتل قائدين ميدانيين`, `بمصرع اثنين من أبرز
قادتها`), or a leader as its subject shortly before it in the same statement (`لقي القيادي
الحوثي وليد السراجي مصرعه`) who is not the one telling of the death (`وأعلن المتحدث مقتل`).
"""
from __future__ import annotations

from rasid.resources.catalogue import grammar_words, relatives
from rasid.stages.events.context import COMMAS, complementizer
from rasid.stages.reading.lexicons import EVENT_TRIGGERS, SOURCE_CUES
from rasid.stages.reading.view import Hit, View
from rasid.stages.times.lexicon import readings, time_lexicon
from rasid.text.numerals import number_words, unit_words
from rasid.text.tokens import one_of

LEADER_GAP = 2       # words between a kill word and the leader it names
_LEADERS_GAP = 5     # words after a kill word where the leaders it counts may stand (مقتل عدد من قادة)
_LEADER_BEFORE = 8   # words between a leader and the kill word after it (لقي القيادي … مصرعه)
_MET_DEATH_BEFORE = 14  # words between لقي and مصرعهما past the names of two leaders (لقي القياديان … الأنباري مصرعهما)
_STATEMENT_ENDS = frozenset({".", ":", ";", "(", ")"})  # a leader before these spoke of the dead
_DAY_ROLES = frozenset({"deictic", "weekday", "day_part"})  # time lexicon roles of a word that names a day


def leader_death(view: View, hit: Hit, lo: int, hi: int) -> tuple[int, int] | None:
    """The tokens [start, end) of the trigger of a leader's death when the kill word `hit` (in
    the sentence [lo, hi)) names one, else None. It starts at the kill word, or at the verb of
    meeting death when leaders before it are its subject (`لقيت قيادات حوثية أخرى مصرعها`)."""
    if hit.entry("killed") is None:
        return None
    for k in range(hit.end, min(hi, hit.end + LEADER_GAP)):
        leader = view.match(EVENT_TRIGGERS, k)
        if leader and leader.entry("leader"):
            return hit.start, leader.end
    if hit.end < hi and person_at(view, hit.end) and not _common_person(view, hit.end):
        return hit.start, hit.end
    if (leaders := _leaders_after(view, hit.end, hi)) is not None:
        return hit.start, leaders
    if (verb := _leaders_before(view, hit, lo)) is not None:
        return verb, hit.end
    if any(view.words[j].endswith("وا") for j in range(hit.start, hit.end)):
        return None  # `وقياديا بارزا قتلوا`, `لقوا مصرعهم`: the dead of an attack, a leader among them
    for k in range(hit.start - 1, max(lo, hit.start - _LEADER_BEFORE) - 1, -1):
        if view.words[k] in _STATEMENT_ENDS or complementizer(view, k):
            break  # `وقال قائد الشرطة إن ثلاثة مسلحين قتلوا`: the speaker is no one killed
        leader = view.match(EVENT_TRIGGERS, k)
        if leader and leader.entry("leader") and not _announcer(view, k, lo):
            return hit.start, hit.end
    return None


def names_leader(view: View, start: int, end: int) -> bool:
    """A leader word or a person's name (`مقتل صالح الصماد`) in tokens [start, end), not one a
    common noun of a person introduces (`قتل المواطن عبده`)."""
    if any(h.entry("leader") for h in view.hits_in(EVENT_TRIGGERS, start, end)):
        return True
    return bool(view.mentions(*view.chars(start, end), ("PER",))) \
        and not any(_common_person(view, k) for k in range(start, end))


def person_at(view: View, k: int) -> bool:
    """A person's name starts at token `k` (after a quote mark or not)."""
    start = view.doc.tokens[k].start
    names = view.mentions(start, view.doc.tokens[k].end + 1, ("PER",))
    return any(m.start <= start + 1 and m.end > start for m in names)


def _common_person(view: View, k: int) -> bool:
    """A noun for a person who is no commander at token k (`المواطن`, `الصحافي`, `الطفل`): the
    name after it is of someone killed, not of a leader."""
    return one_of(view.words[k], grammar_words("common_person"))


def _announcer(view: View, k: int, lo: int) -> bool:
    """The leader at token k is the subject of a speech verb right before him, past a day set
    between them (`وأعلن المتحدث باسم الوزارة مقتل المواطن`, `وأعلن أمس المتحدث`): who tells of
    the death, not who died."""
    while k > lo and (view.words[k - 1] in COMMAS or _day_word(view.words[k - 1])):
        k -= 1
    cue = next((h for h in view.hits_in(SOURCE_CUES, max(lo, k - 1), k) if h.end == k), None)
    return cue is not None and cue.entries[0].cls == "verb"


def _day_word(word: str) -> bool:
    """A word that names a day or a part of one (`أمس`, `الاثنين`, `مساء`)."""
    return any(e.role in _DAY_ROLES and len(e.words) == 1 for reading, _ in readings(word)
               for e in time_lexicon().get(reading, ()))


def _leaders_after(view: View, k: int, hi: int) -> int | None:
    """The end of a word for several leaders after the kill word that ends at token k, with
    only a count before it (`مقتل قائدين ميدانيين`, `مقتل قيادات حوثية`, `بمصرع اثنين من أبرز
    قادتها`, `مصرع 8 قيادات`, `بمقتل عدد كبير من قادة`): the dev and training gold mark such a
    death a leader_killed event. Not leaders among other dead (`بينهم قيادات`), more of them
    (`مزيد من قيادات`), nor a group's own leaders with no count (`بمصرع قياداتها`: its losses
    told in general). Plural and dual leaders are the units lexicon's (item `leaders`)."""
    counted = False
    for j in range(k, min(hi, k + _LEADERS_GAP)):
        word = view.words[j]
        if _several_leaders(view, j):
            return j + 1 if counted or j == k else None
        if one_of(word, grammar_words("their_leaders")):
            return j + 1 if counted else None
        if view.kinds[j] == "number" or number_words().match(view.words, j) or one_of(word, grammar_words("counting")):
            counted = True
        elif word not in grammar_words("from"):
            return None
    return None


def _leaders_before(view: View, hit: Hit, lo: int) -> int | None:
    """The verb of meeting death (`لقي`) when two or more leaders are its subject, before it or
    between it and the kill word (`لقي القياديان الحوثيان … مصرعهما`, `لقيت قيادات حوثية أخرى
    مصرعها`, `ثلاثة من قياداتها البارزين لقوا مصرعهم`), in its statement: every one of the dead a
    leader. Not in a relative clause (`للقيادات التي لقيت مصرعها`: leaders lost, told as
    background), nor leaders among other dead (`القتلى 20 مسلحاً، بينهم قادة ميدانيون لقوا
    مصرعهم`), nor with a noun of death (`بمقتلهم`: deaths told before). Their names may be long:
    the verb is looked for further back than a single leader's."""
    verb = next((k for k in range(hit.start, max(lo, hit.start - _MET_DEATH_BEFORE) - 1, -1)
                 if one_of(view.words[k], grammar_words("met_death"))), None)
    if verb is None or verb > lo and view.words[verb - 1] in relatives():
        return None
    for k in range(verb - 1, max(lo, verb - _LEADER_BEFORE) - 1, -1):
        if complementizer(view, k):
            return None  # `وبعد أن لقيت معظم قيادات التنظيم مصرعها`: a clause of time, background
        if view.is_break(k):
            break  # `وتمكن قادة الجيش من صد الهجوم، ولقي عدد من المهاجمين مصرعهم`: another clause's
        if _several_leaders(view, k) or one_of(view.words[k], grammar_words("their_leaders")):
            return None if _announcer(view, k, lo) or _among_others(view, k, lo) else verb
    if any(_several_leaders(view, k) for k in range(verb + 1, hit.start)):
        return verb  # `لقي القياديان الحوثيان أبو زيد … مصرعهما`: the subject after the verb
    return None


def _among_others(view: View, k: int, lo: int) -> bool:
    """The leaders at token k are some of a count told before (`بينهم قادة`, `من بينهم قادة`)."""
    return any(one_of(view.words[j], grammar_words("subset")) for j in range(max(lo, k - 2), k))


def _several_leaders(view: View, k: int) -> bool:
    found = unit_words().match(view.words, k)
    return bool(found) and found.end == k + 1 and any(
        e.unit == "person" and e.item == "leaders" and e.number in ("pl", "du") for e in found.entries)
