"""Support and funding words (دعم, تمويل, مدعومة): a donation only where what is supported is an
armed group. ANNOTATION.md: support or funding paid by a state, a financier or donors is
`donations`; support of anyone else, or support that is no money, is no claim."""
from __future__ import annotations

from functools import lru_cache

from rasid.kb.actors import designators
from rasid.kb.places import adjective_stem, country_adjectives
from rasid.resources.catalogue import function_words, grammar_words, relatives, with_property
from rasid.stages.claims.payments import clause, dative, own_members
from rasid.stages.reading.lexicons import CLAIM_ROLES
from rasid.stages.reading.view import Hit, View
from rasid.text.tokens import one_of, stem_variants

FINANCIAL_NEAR = 8  # words around support in money (الدعم المالي) where the group it goes to may stand
SUPPORTED = 3     # words after a support word where the group it supports may stand
QUOTES = frozenset({'"', "'", "«", "»", "“", "”"})


def no_money_support(view: View, hit: Hit) -> bool:
    """A support word followed by a kind of support that is no money (`الدعم المعنوي`,
    `الدعم اللوجستي`)."""
    return hit.entries[0].cls == "support" and hit.end < len(view) and view.words[hit.end] in grammar_words("not_money")


def supported_end(view: View, hit: Hit, lo: int, hi: int) -> int | None:
    """Where the evidence of support for an armed group ends: after the group named within
    SUPPORTED words after the word (`دعمت الدوحة الحوثيين`), at the word when the group stands
    right before it (`الحوثيين المدعومين من إيران`), after a state's adjective when a group is named
    in the clause (`التمويل القطري`); None when no group is what is supported, or
    when the support is the purpose of money named before (`عصب لتمويل التنظيم`, `ستصرف على دعم
    خلايا داعش`): the claim is then on that money; or when the word is part of a longer role cue."""
    cues = view.hits_in(CLAIM_ROLES, max(lo, hit.start - 2), hit.end)
    if "ل" in hit.clitic.removesuffix("ال") or any(h.entries[0].value in with_property("role", "cash")
                                                  and h.end <= hit.start for h in cues):
        return None
    if any(h.start <= hit.start < h.end and h.end - h.start > hit.end - hit.start for h in cues):
        return None  # part of a longer cue: `مصادر تمويل` is revenue, `تمويل عملياته` spending
    if hit.end < hi and view.words[hit.end] in grammar_words("financial") and _group_in_clause(view, hit, lo, hi) \
            and not _given_to_others(view, hit.end + 1, hi):
        return hit.end + 1  # `تستفيد جبهة النصرة من الدعم المالي القطري`: money given to the group
    if _participle(view, hit) and _describes_an_authority(view, hit):
        return None
    if hit.end < hi and _names_a_nation(view, hit):
        if not _of_an_authority(view, hit, lo):
            return _state_support_end(view, hit, lo, hi)
        return _given_to_a_group(view, hit.end + 1, hi)  # `انتقدت الحكومة التمويل القطري لجبهة النصرة`
    back = 2 + (hit.start > lo and view.words[hit.start - 1] in relatives())  # حزب الله الذي تموله إيران
    for group in view.armed_groups(_words_back(view, hit.start, back, lo), min(hi, hit.end + SUPPORTED)):
        if hit.start <= group.start < hit.end or own_members(view, group):
            continue  # `دعم مقاتليهم`: a group supporting its own fighters pays them
        if group.start >= hit.end and _to_its_own(view, group.end, hi):
            return None  # `تمويل داعش لخلاياه`: the group funds what it owns, its own spending
        if group.start >= hit.end and _given_to_others(view, group.end, hi):
            continue  # `دعم حزب الله لنظام الأسد`: the group gives the support to someone else
        if group.end <= hit.start and _given_to_others(view, hit.end, hi):
            continue  # `ضربات ضد الحوثيين ودعما لحكومة الرئيس هادي`: support for someone else
        between = range(group.end, hit.start) if group.end <= hit.start else range(hit.end, group.start)
        if any(one_of(view.words[k], grammar_words("the_people")) for k in between):
            return None  # `دعم الشعب اليمني للحوثيين`: the public's support is no money
        if not any(view.is_break(k) and view.words[k] not in QUOTES for k in between):
            return max(hit.end, group.end)  # a quoted name is no break (`دعمهم "جبهة النصرة"`)
    return _dative_group_after(view, hit.end, hi)


def _dative_group_after(view: View, k: int, hi: int) -> int | None:
    """`دعم حلف شمال الأطلسي (الناتو) لحركة طالبان`, `تمويل الحرس الثوري الإيراني لحزب الله`: the
    supporter named between, the first word with ل or إلى within FINANCIAL_NEAR words after the
    support word names who gets it; the end of the armed group it names, else None. An aside in
    brackets is skipped; a break, a function word (`دعم الشرعية في اليمن على معقل للمتمردين`:
    the supported is named before it) or one of the people (`دعم الشارع الفلسطيني لحماس`: no
    money) ends the search. A designator may stand before the group's name (`لحركة طالبان`). The
    group is the giver's own where a title stands before it (`دعم الأمين العام لحزب الله`) or
    where it gives to someone after it (`دعم المكتب السياسي لحركة حماس للمبادرة المصرية`)."""
    words = 0
    while k < hi and words < FINANCIAL_NEAR:
        if view.words[k] == "(":
            close = next((j for j in range(k + 1, min(hi, k + FINANCIAL_NEAR)) if view.words[j] == ")"), None)
            if close is None:
                return None
            k = close + 1
            continue
        if view.is_break(k) and view.words[k] not in QUOTES:
            return None
        if view.kinds[k] == "word" and (dative(view, k) or view.words[k] == "ل"):  # لـ"حزب الله"
            if k > 0 and view.words[k - 1] in grammar_words("speaks_for") and view.words[k - 1] not in designators():
                return None
            group = _group_at(view, k, hi)
            if group is None or _to_its_own(view, k, hi) or _given_to_others(view, group.end, hi):
                return None
            return group.end
        if view.words[k] in function_words() or one_of(view.words[k], grammar_words("the_people")):
            return None
        words += view.kinds[k] == "word"
        k += 1
    return None


def _group_at(view: View, k: int, hi: int) -> Hit | None:
    """The armed group token k names by ل or إلى: on the word itself (`لحزب الله`), or after a
    separate preposition or a designator (`إلى جماعة الحوثي`, `لـ"حزب الله"`, `ولحركة طالبان`)."""
    first = _past_quotes(view, k + (view.words[k] in grammar_words("to") or view.words[k] == "ل"), hi)
    if first < hi and one_of(view.words[first], _designator_words()):
        named = _past_quotes(view, first + 1, hi)  # `لجماعة «الحوثي»`
        return next((h for h in view.armed_groups(first, named + 1) if h.start in (first, named)), None)
    return next((h for h in view.armed_groups(first, first + 1)), None)


@lru_cache(maxsize=1)
def _designator_words() -> frozenset[str]:
    """The folded designators of the actor base (`حركة`, `جماعة`), as `one_of` reads a set."""
    return frozenset(designators())


def _past_quotes(view: View, k: int, hi: int) -> int:
    while k < hi and view.words[k] in QUOTES:
        k += 1
    return k


def _words_back(view: View, k: int, words: int, lo: int) -> int:
    """The token `words` words before token k, quotation marks not counted (`«حزب الله» الذي تدعمه`)."""
    while words and k > lo:
        k -= 1
        words -= view.words[k] not in QUOTES
    return k


def _of_an_authority(view: View, hit: Hit, lo: int) -> bool:
    """An authority (a government, a state's forces) named within two words before a state's
    adjective of support (`انتقدت الحكومة التمويل القطري …`): the support goes to a group only
    where ل names one right after (`_given_to_a_group`). A participle right after the force is
    `_describes_an_authority`."""
    return bool(view.authorities(max(lo, hit.start - 2), hit.start))


def _participle(view: View, hit: Hit) -> bool:
    """A passive participle of support (`المدعومة`, `والمدعومين`, `الممولة`)."""
    stems = grammar_words("support_participle")
    return any(v.startswith(tuple(stems)) for k in range(hit.start, hit.end) for v in stem_variants(view.words[k]))


def _describes_an_authority(view: View, hit: Hit) -> bool:
    """The noun right before the participle, or before an adjective of it, is a state's force
    (`القوات الحكومية المدعومة إماراتيا`): the support goes to it, not to the group it fights
    (`اتهمت الحكومة الحوثيين المدعومين`: the group stands between)."""
    if hit.start > 0 and view.armed_groups(hit.start - 1, hit.start):
        return False
    return any(hit.start - 1 <= h.end <= hit.start for h in view.authorities(max(0, hit.start - 3), hit.start))


def _names_a_nation(view: View, hit: Hit) -> bool:
    """A country's relative adjective right after the support word (`التمويل القطري`; `دعما
    أمريكيا` when the support word is accusative too, so that `دعم سوريا` names no adjective)."""
    word = view.words[hit.end]
    if word.endswith("يا") and view.words[hit.end - 1].endswith("ا"):
        word = word[:-1]
    return adjective_stem(word) in country_adjectives()


def _state_support_end(view: View, hit: Hit, lo: int, hi: int) -> int | None:
    """Where a state's support of a group ends: at the group it goes to by ل or إلى right after
    (`الدعم التركي لهيئة تحرير الشام`), or at the adjective when a group is named before it in
    its clause, the one that gets it (`لولا التمويل القطري`). None when it goes to anyone else
    (`الدعم الأمريكي للقوات العراقية`) or the only group comes after it (the one fought:
    `تلقت العشائر دعما أمريكيا في قتالها ضد داعش`)."""
    after = hit.end + 1
    if after < hi and dative(view, after):
        groups = view.armed_groups(after, min(hi, after + 2))
        return groups[0].end if groups else None
    start, _ = clause(view, hit.start, hit.end, max(lo, hit.start - FINANCIAL_NEAR), hi)
    return after if view.armed_groups(start, hit.start) else None


def _group_in_clause(view: View, hit: Hit, lo: int, hi: int) -> bool:
    """An armed group named within FINANCIAL_NEAR words of `hit`, in its clause."""
    return bool(view.armed_groups(*clause(view, hit.start, hit.end, max(lo, hit.start - FINANCIAL_NEAR),
                                          min(hi, hit.end + FINANCIAL_NEAR))))


def _given_to_a_group(view: View, k: int, hi: int) -> int | None:
    """The end of the armed group token k names by ل or إلى (`لجبهة النصرة`), else None: after
    an authority's name, a state's support goes to a group only where the text says so
    (`تلقت القوات الحكومية دعما أمريكيا لمواجهة الحوثيين` is the forces' support)."""
    groups = [h for h in view.armed_groups(k, min(hi, k + 1)) if h.start == k] if k < hi and dative(view, k) else []
    return groups[0].end if groups else None


def _to_its_own(view: View, k: int, hi: int) -> bool:
    """`تمويل داعش لخلاياه`, `لحملاته`, `لعناصره`: by ل right after it, the support goes to a part
    of the group itself (grammar role own_part), so the group is the one that gives it; not to
    its allies (`لحلفائه الحوثيين`)."""
    if k >= hi or view.kinds[k] != "word":
        return False
    word = view.words[k]  # ل read off the word: the clitic reader keeps `لخلاياه` whole
    return word.startswith("ل") and (word[1:] in grammar_words("own_part") or one_of(word, grammar_words("own_part")))


def _given_to_others(view: View, k: int, hi: int) -> bool:
    """`الدعم المالي للمدارس`: the support goes, by ل right after it, to someone other than a group;
    ل before what the money is for (`لدفع رواتب`, `لمواجهة إسرائيل`: grammar role purpose) names
    no one it goes to."""
    return k < hi and view.kinds[k] == "word" and dative(view, k) and not view.armed_groups(k, min(hi, k + 2)) \
        and not one_of(view.words[k], grammar_words("purpose"))
