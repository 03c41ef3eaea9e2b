"""Whose resource a claim names: an armed group named by the claim, or the group a report is
about; a state's own national resources (oil, gas, its exports) are the state's, not an armed
group's, where the state is named as their owner."""
from __future__ import annotations

from rasid.kb.places import adjective_stem, country_adjectives
from rasid.resources.catalogue import grammar_words, with_property
from rasid.stages.claims.payments import clause, dative
from rasid.stages.reading.lexicons import CLAIM_CHANNELS, CLAIM_ROLES
from rasid.stages.reading.topics import TERROR
from rasid.stages.reading.view import View
from rasid.text.tokens import one_of

_OWNER_GAP = 3  # words between a national resource and the state named as its owner
_TIME_HEAD_BEFORE = 3  # words before an authority where قبل or بعد puts it in a clause of time
_RECEIVERS_NEAR = 12  # words after paid money where the receivers it lists may stand
_LEAD_WORDS = 8  # words of the shortest sentence that can be a report's lead (a byline is shorter)
_GROUP_BACK = 1  # sentences back where the group a claim is about is named


def state_owned(view: View, channel: str, start: int, end: int, focus: int, lo: int, hi: int) -> bool:
    """A national resource a state is named as owning beside it (`الصادرات الإيرانية من النفط`,
    `صادرات البلاد النفطية`, `إنتاج إيران من النفط`), in a sentence that names no armed group:
    the state's, not a group's (reports on attacks on tankers and on sanctions). The claim's
    evidence is tokens [start, end), its channel word at `focus`, in the sentence [lo, hi)."""
    if channel not in with_property("channel", "national"):
        return False
    if first_group(view, lo, hi) == hi:
        return _national_output(view, start, end, lo, hi) \
            or any(names_a_state(view, k) and not _destination(view, k, lo)
                   for k in range(max(lo, focus - _OWNER_GAP), min(hi, focus + _OWNER_GAP + 1)))
    # a group named elsewhere in the sentence: the state must be the one that acts, right after the
    # act (صادرات إيران, الصادرات الإيرانية من النفط), not a word about the oil (يهرب النفط من الحقول
    # الليبية), in a clause that names no group
    return start < focus and names_a_state(view, start + 1) \
        and not view.armed_groups(*clause(view, start, end, lo, hi)) or _its_own_output(view, start, end, lo, hi) \
        or _output_after_its_state(view, start, end)


def _output_after_its_state(view: View, start: int, end: int) -> bool:
    """`بعد أيام من تعليق السعودية صادرات النفط`: exports or output right after a state, the
    subject of the act before them, are that state's."""
    return any(k > 0 and one_of(view.words[k], grammar_words("national_output")) and names_a_state(view, k - 1)
               for k in range(start, end))


def _its_own_output(view: View, start: int, end: int, lo: int, hi: int) -> bool:
    """Exports or output with a pronoun (`صادراتها`, `إنتاجه`) after a state named in its clause,
    no armed group between (`السعودية تعلن تعليق صادراتها النفطية … غداة هجوم للحوثيين`): the
    state's own."""
    owned = [k for k in range(start, end) if one_of(view.words[k], grammar_words("national_output"))
             and view.words[k].endswith(("ها", "ه"))]
    if not owned:
        return False
    first, _ = clause(view, owned[0], owned[0] + 1, lo, hi)
    states = [k for k in range(first, owned[0]) if names_a_state(view, k)]
    return bool(states) and not view.armed_groups(states[-1], end)


def _national_output(view: View, start: int, end: int, lo: int, hi: int) -> bool:
    """Exports or output (`صادرات النفط`, `إنتاج إيران اليومي`) in tokens [start, end), in the
    sentence [lo, hi) that names no armed group: a country's, not a group's, where the sentence
    names a state (`القرار السعودي بالتجميد المؤقت لتصدير النفط`), or where neither the sentence
    before nor the headline names a group. A group's trade goes on past its sentence (`ويسيطر
    التنظيم على الحقول. ويصدر النفط إلى تركيا`), so do smuggled exports, and so does the output
    of a facility the sentence before tells the group holds (`وينتج الحقل 30 ألف برميل`)."""
    if not any(one_of(view.words[k], grammar_words("national_output")) for k in range(start, end)):
        return False
    if any(one_of(view.words[k], grammar_words("smuggled")) for k in range(*clause(view, start, end, lo, hi))):
        return False
    group_before = lo > 0 and bool(view.armed_groups(view.sentence_of(lo - 1)[0], lo))
    if group_before and any(h.entries[0].cls == "asset" for h in view.hits_in(CLAIM_CHANNELS, start, end)):
        return False
    owner = view.derived(("a state owns", lo, hi), lambda: any(
        names_a_state(view, k) and not _destination(view, k, lo) for k in range(lo, hi)))
    return owner or not (group_before or headline_names_a_group(view))


def _destination(view: View, k: int, lo: int) -> bool:
    """A country that goods go to (`إلى تركيا`), not the one whose output they are (ل is also
    the owner's: `الصادرات النفطية لليبيا`)."""
    return k > lo and view.words[k - 1] in grammar_words("to")


def levied_by_a_state(view: View, channel: str, start: int, end: int, lo: int, hi: int) -> bool:
    """A levy told after a state in its clause, in a sentence that names no armed group (`وفرضت
    الولايات المتحدة رسوما جمركية`, `فرضت الحكومة التركية رسوماً`, in a report that named a group a
    sentence before): the state's own customs or taxes, no group's revenue. A group's own police
    or courts (`وكانت المحاكم الشرعية في المدينة تفرض غرامات`) name no state. The claim's evidence
    is tokens [start, end) of the sentence [lo, hi)."""
    if channel != "taxation_extortion" or first_group(view, lo, hi) < hi:
        return False
    first, _ = clause(view, start, end, lo, hi)
    return any(names_a_state(view, k) for k in range(first, start + 1))


def names_a_state(view: View, k: int) -> bool:
    """A country's name or relative adjective (إيران, الإيرانية), or `البلاد`, at token k."""
    word = view.words[k]
    if word in grammar_words("the_country") or adjective_stem(word) in country_adjectives():
        return True
    start, end = view.chars(k, k + 1)
    return any(m.entity in _states(view) for m in view.mentions(start, end, ("LOC",)))


def paid_to_an_authority(view: View, role: str, start: int, end: int) -> bool:
    """Revenue paid (a verb of paying in its evidence [start, end)) whose evidence names no armed
    group and goes on, by ل or إلى right after it, to a state or an authority, with no armed group
    in the rest of the clause (`دفعت أموالا فدية لحكومة العراق`): the money went to the
    authority, no group earned it."""
    if role != "revenue" or end >= len(view) or not dative(view, end) or view.armed_groups(start, end):
        return False
    if not any(h.entries[0].cls == "payment" for h in view.hits_in(CLAIM_ROLES, start, end)):
        return False  # `ويصدر النفط إلى تركيا`: goods sold to a state, the money the seller's
    _, hi = view.sentence_of(end)
    named = view.authorities(end, end + 1) or any(names_a_state(view, k) for k in range(end, min(hi, end + 2)))
    near = min(hi, end + _RECEIVERS_NEAR)
    stop = next((k for k in range(end, near) if view.is_break(k)), near)
    return bool(named) and not view.armed_groups(end, stop)  # `لمسؤولين عراقيين وإيرانيين وميليشيات`


def _states(view: View) -> frozenset[str]:
    """The report's entities that are countries (mentions carry entity ids, not kb ids)."""
    return view.entities_of_kind("country")


def first_group(view: View, lo: int, hi: int) -> int:
    """Token where the sentence [lo, hi) first names an armed group (hi if it names none)."""
    return view.derived(("first group", lo, hi), lambda: next(iter(h.start for h in view.armed_groups(lo, hi)), hi))


def group_around(view: View, number: int, armed: frozenset[str]) -> bool:
    """Whether an armed group is named in the claim's sentence or the one before it (a headline:
    or the lead after it): a word for one (parties.tsv), terrorism (`تمويل الإرهاب`), or a name
    linked to an armed group of the actor base."""
    lo = view.sent_ranges[max(0, number - _GROUP_BACK)][0]
    hi = view.sent_ranges[number][1]
    if len(view.doc.paragraphs) > 1 and view.paragraph(view.sent_ranges[number][0]) - 1 == view.headline() \
            and number + 1 < len(view.sent_ranges):
        hi = view.sent_ranges[number + 1][1]  # a headline names its group in the lead after it
    if view.armed_groups(lo, hi):
        return True
    if any(TERROR in view.words[k] for k in range(lo, hi)):
        return True  # terrorism, terrorists: the report speaks of armed groups (تمويل الإرهاب)
    return any(m.entity in armed for m in view.mentions(*view.chars(lo, hi), ("ORG",)))


def headline_names_a_group(view: View) -> bool:
    """The report's first sentence (its headline) names an armed group: the report is about it,
    and a levy or ransom it tells with no taker named is that group's (`الحواجز فكانت تفرض رسماً
    إضافياً على كل صهريج` in a report headed `… خزينة داعش`)."""
    return view.derived(("headline names a group",), lambda: bool(view.armed_groups(*_first_sentence(view))))


def headline_paragraph_names_a_group(view: View) -> bool:
    """The headline paragraph, all its sentences (`ذهب مهرّب وآثار منهوبة.. الخزينة الخفية
    لـ«داعش»`), names an armed group."""
    def names() -> bool:
        if not view.doc.paragraphs or not len(view):
            return False
        paragraph = view.doc.paragraphs[view.headline()]
        lo, hi = view.token_at(paragraph.start), view.token_at(max(paragraph.start, paragraph.end - 1)) + 1
        return bool(view.armed_groups(lo, hi))
    return view.derived(("headline paragraph names a group",), names)


def lead_sentence(view: View) -> tuple[int, int]:
    """Tokens of the report's lead: the body's first sentence of _LEAD_WORDS words or more after
    the headline (a byline is shorter)."""
    after = view.doc.paragraphs[view.headline()].end if view.doc.paragraphs else 0
    for lo, hi in view.sent_ranges:
        if view.doc.tokens[lo].start >= after and sum(view.kinds[k] == "word" for k in range(lo, hi)) >= _LEAD_WORDS:
            return lo, hi
    return 0, 0


def _first_sentence(view: View) -> tuple[int, int]:
    """Tokens of the headline's first sentence (the report's first, past any section label)."""
    start = view.doc.paragraphs[view.headline()].start if view.doc.paragraphs else 0
    return view.sentence_of(view.token_at(start)) if len(view) else (0, 0)


def _in_time_clause(view: View, k: int, lo: int) -> bool:
    """The authority at token k is in a clause of time (`قبل وصول دوريات الجيش`): it times the
    taking, it takes nothing."""
    return any(view.words[j] in grammar_words("time_clause_head") for j in range(max(lo, k - _TIME_HEAD_BEFORE), k))


def authority_in(view: View, lo: int, hi: int) -> bool:
    """An authority (parties.tsv) is named in tokens [lo, hi) (`رفعت البلدية رسوم النظافة`)."""
    return bool(view.authorities(lo, hi))


def taken_by_its_men(view: View, lo: int, hi: int) -> bool:
    """The sentence [lo, hi) tells of men on the ground taking (`الحواجز فكانت تفرض رسماً`,
    `المسلحون يطلبون`; grammar role taker) or of the people paying (civilian payers, the people),
    and names no authority, state or body that could be the taker (`فرضت تركيا رسوماً`, `رفعت
    المديرية العامة للطيران المدني رسوم المغادرة`, `فرضت شركة يمن موبايل رسوماً`)."""
    states = _states(view)
    bodies = [h.start for h in view.authorities(lo, hi)] + [
        view.token_at(m.start) for m in view.mentions(*view.chars(lo, hi), ("LOC", "ORG"))
        if m.type == "ORG" or m.entity in states]  # a place the traders come from (`من ريفي الرقة`) takes nothing
    if any(not _in_time_clause(view, k, lo) for k in bodies):
        return False
    told = grammar_words("taker") | grammar_words("civilian_payer") | grammar_words("the_people")
    return any(one_of(view.words[k], told) for k in range(lo, hi))
