"""Losses: the sources of income a group loses (`رغم خسارته مصادر الدخل الكبرى`), and those a
party inflicts on someone else (`كبّد الاقتصاد المحلي خسائر فادحة` is the economy's loss, caused
by the group, not a statement about the group's own money)."""
from __future__ import annotations

from rasid.resources.catalogue import grammar_words
from rasid.stages.claims.agents import subject_party
from rasid.stages.claims.records import Draft
from rasid.stages.reading.lexicons import CLAIM_CHANNELS, CLAIM_ROLES, lexicon
from rasid.stages.reading.view import View, without_suffix
from rasid.text.tokens import one_of

INFLICT_GAP = 3  # words between a verb of inflicting and the loss it lays on its object
_PEOPLE_GAP = 3  # words between a verb of losing and a count of the people lost (its subject between)
_FACILITY_BACK = 30  # words before a verb of loss with a pronoun where the facility it stands for is named
_LOSER_AFTER = 2  # words after a verb of loss with a pronoun where the group that loses stands
_SOURCE_GAP = 4  # words between a verb of losing and the source of income it loses (`أهم`, `معظم` between)


def inflicted_on_others(view: View, role: str, start: int, lo: int) -> bool:
    """A loss whose evidence starts at token `start`, after a verb of inflicting (`كبد`, `ألحق`)
    with at most INFLICT_GAP words between them, where the word right before the loss (the
    verb's object) is no armed group: the loss is that object's (`كبدت الميليشيا الاقتصاد
    خسائر`); `كبدت القوات تنظيم داعش خسائر` stays the group's. A verb right before the loss
    (`كبدهم خسائر`: its object a pronoun) names no one, and the loss is taken as someone else's."""
    if role != "loss":
        return False
    for k in range(start - 1, max(lo, start - 1 - INFLICT_GAP) - 1, -1):
        if view.is_break(k):
            return False
        if one_of(view.words[k], grammar_words("inflicting")):
            return k == start - 1 or not any(h.start < start <= h.end for h in view.armed_groups(k + 1, start))
    return False


def loss_as_aim(view: View, role: str, start: int) -> bool:
    """A loss whose evidence opens on a verbal noun after ل (`لطرد الميليشيات من منشآت الهلال
    النفطي`, `لحرمانها من المداخيل`): what an operation or a policy aims at, no loss yet."""
    return role == "loss" and view.prefixed(start, "ل") and view.match(CLAIM_ROLES, start) is not None


def people_lost(view: View, role: str, start: int, end: int) -> bool:
    """A loss whose evidence [start, end) opens with a count of people right after its cue
    (`فقدت طفلين خطفهم الحوثي`, `فقد التنظيم 300 من عناصره`): people lost, no money or resource;
    the people themselves right after it (`حرمان المدنيين من المساعدات`) lose, not the group;
    a kidnapping or a channel named after them is no loss of the group's."""
    if role != "loss":
        return False
    if start + 1 < end and one_of(view.words[start + 1], grammar_words("the_people")):
        return True  # `حرمان المدنيين من المواد الإغاثية`: what the people are deprived of
    first, last = view.chars(start, min(end, start + _PEOPLE_GAP + 1))
    counts = view.quantities.starting_in(first, last)
    return bool(counts) and counts[0].unit == "person"


def lost_income_drafts(view: View, number: int, lo: int, hi: int, claimed: set[int]) -> list[Draft]:
    """`رغم خسارته مصادر الدخل الكبرى`, `فقد معظم مصادر تمويله`, `خسروا أهم مواردهم المالية`: a
    cue of loss, within _SOURCE_GAP words before a source (grammar role income_source) of income
    or of money (role income, or an adjective of money right after it), in its clause: the
    group's money lost, cash (ANNOTATION.md: money in general) — where a group loses it
    (`_a_group_loses`). Not where a claim holds the cue."""
    out = []
    for hit in view.hits_in(CLAIM_ROLES, lo, hi):
        if hit.entries[0].cls != "cue" or hit.entries[0].value != "loss" or hit.start in claimed \
                or not _a_group_loses(view, hit, lo):
            continue  # `فقدت الحكومة مصادر دخلها`, `خسرت الشركة`: the state's, the company's
        for j in range(hit.end, min(hi - 1, hit.end + _SOURCE_GAP)):
            if view.is_break(j):
                break
            if _one_of_suffixed(view.words[j], grammar_words("income_source")) and _of_money(view, j + 1):
                out.append(Draft("cash", "loss", hit.start, j + 2, j, number))
                break
    return out


def facility_lost_drafts(view: View, number: int, lo: int, hi: int, claimed: set[int]) -> list[Draft]:
    """`كان حقل العمر يُدار بالطريقة ذاتها حتى خسره التنظيم`: a verb of loss with a pronoun for its
    object and an armed group right after it, its subject, loses the facility named before it in
    the sentence (a channel word of class asset: حقل, منجم): that channel's loss, the evidence the
    verb and the group. Not where a claim holds the verb."""
    out = []
    for hit in view.hits_in(CLAIM_ROLES, lo, hi):
        if hit.entries[0].cls != "cue" or hit.entries[0].value != "loss" or hit.start in claimed \
                or hit.end - hit.start != 1 or not view.suffixed(lexicon(CLAIM_ROLES), hit.start):
            continue
        groups = view.armed_groups(hit.end, min(hi, hit.end + _LOSER_AFTER))
        if not groups:
            continue
        named = view.hits_in(CLAIM_CHANNELS, max(lo, hit.start - _FACILITY_BACK), hit.start)
        facility = next((h for h in reversed(named) if h.entries[0].cls == "asset"), None)
        if facility is not None:
            out.append(Draft(facility.entries[0].value, "loss", hit.start, groups[0].end, facility.start, number))
    return out


def _a_group_loses(view: View, hit, lo: int) -> bool:
    """The loser is an armed group: the party the verb names (`فقد التنظيم`, `خسر الحوثيون`), or,
    for a verbal noun with a pronoun (`رغم خسارته`), the last party named before it in its
    sentence; not a state, a company or families (`فقدت العائلات النازحة مصادر دخلها`)."""
    party = subject_party(view, hit)
    if party is not None:
        return party == "group"
    if not view.suffixed(lexicon(CLAIM_ROLES), hit.start):
        return False
    named = [(h.start, "group") for h in view.armed_groups(lo, hit.start)]
    named += [(h.start, "authority") for h in view.authorities(lo, hit.start)]
    return bool(named) and max(named)[1] == "group"


def _of_money(view: View, k: int) -> bool:
    """Income or money at token k (`الدخل`, `تمويله`, `المالية`)."""
    word = view.words[k]
    return _one_of_suffixed(word, grammar_words("income")) or word.removeprefix("ال").startswith("مالي")


def _one_of_suffixed(word: str, words: frozenset[str]) -> bool:
    """`one_of`, or with a pronoun ending off (`مواردهم`, `تمويله`)."""
    return one_of(word, words) or any(stem in words for stem in without_suffix(word))
