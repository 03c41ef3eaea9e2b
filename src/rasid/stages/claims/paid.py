"""Money changing hands in a claim: paid to an armed group, received by one, demanded by one
(`دفعت الدوحة 16 مليون دولار لجبهة النصرة`, `تلقى زعيم الكتائب 25 مليون دولار`, `يطلبون من كل
راعٍ ٥٠ ألف دينار`), and the money a cue governs. A payment alone is no claim: who pays whom,
and what the sentences before told (a ransom, a levy), decide the channel."""
from __future__ import annotations

from rasid.resources.catalogue import function_words, grammar_words, with_property
from rasid.stages.attribution import clause_start, turns_topic
from rasid.stages.claims.agents import subject_party
from rasid.stages.claims.channels import derived_money, generic_money
from rasid.stages.claims.owners import authority_in, first_group
from rasid.stages.claims.payments import civilians_pay, continues_ransom, dative, paid_channel, paid_to
from rasid.stages.claims.records import Draft
from rasid.stages.reading.lexicons import CLAIM_ROLES, PARTIES
from rasid.stages.reading.view import Hit, View
from rasid.text.tokens import one_of

OBJECT_GAP = 4                # words between a money cue and the money it governs
RECENT = 50                   # claims kept in mind for what money with no channel points back to
INHERIT = 3                   # sentences back where money with no channel finds its channel
_SUBJECT_GAP = 7              # words between a verb of receiving and its money, past the subject
_PAID_WHOM = 2                # words after a verb of paying where who is paid is named (يدفعون بانتظام للمسلحين)
_WAGES_GAP = 3                # words between wages and the members they are paid to (رواتب شهرية لعناصرها)
_PURPOSE_GAP = 1              # words between a claim and the ل of what its money is for
_SUBJECT_AFTER = 3            # words after a verb where its subject stands
_PROTECTION_GAP = 4           # words between a verb of paying and `مقابل الحماية`
_RELEASE_BACK = 8             # words before `مقابل` where the freeing it is given for stands
_RELEASE_MONEY = 3            # words after `مقابل` where the money stands
_SHARE_GAP = 2                # words between a verb of demanding and the share it demands


def after_ransom(view: View, history: list[Draft], number: int, lo: int, hi: int) -> bool:
    """Whether a payment in sentence `number` goes on telling a ransom: the last ransom or levy
    claimed in the INHERIT sentences before is a ransom (`طالب الخاطفون ذويه بفدية … دفعت عائلة
    أحد الرعاة مليون دينار`; not after a levy: `الخطف والابتزاز … يطلبون من كل راعٍ`) and the
    payment's sentence goes on with that deal (payments.continues_ransom)."""
    predatory = recent_predatory(history, number)
    return bool(predatory) and predatory[-1].channel == "kidnapping_ransom" \
        and continues_ransom(view, predatory[-1].sentence, lo, hi)


def recent_predatory(history: list[Draft], number: int) -> list[Draft]:
    """The ransoms and levies claimed in the INHERIT sentences before sentence `number`."""
    return [d for d in history[-RECENT:] if number - d.sentence <= INHERIT
            and d.channel in ("kidnapping_ransom", "taxation_extortion")]


def payment_drafts(view: View, hit: Hit, number: int, lo: int, hi: int, after_ransom: bool,
             predatory: list[Draft]) -> list[Draft]:
    """Money paid to an armed group or received by one (`دفعت الدوحة 16 مليون دولار لجبهة
    النصرة`, `تلقى زعيم الكتائب 25 مليون دولار`) is its revenue: a ransom where the sentence
    speaks of hostages (`دفعت أسرته مبلغ مليون ريال` to free a son), a levy where traders or
    families pay, else a donation. An amount a group pays is its spending (`يدفع التنظيم 5
    ملايين`); money demanded, a levy or ransom of the group named before the verb or right after
    it, no authority demanding (`المسلحون … يطلبون من كل راعٍ ٥٠ ألف دينار`), or with no group
    named, of the levy or ransom claimed in the sentences just before (`predatory`: `لجأ التنظيم
    إلى مطالبة المستثمرين بدفع "زكاة". … تلقى ستة مستثمرين رسائل تطالبهم بمبالغ`)."""
    gap = OBJECT_GAP if hit.entries[0].cls == "payment" else _SUBJECT_GAP  # تلقى زعيم الكتائب 25 مليون
    found = governed_money(view, hit.end, hi, "expenditure", takes=True, gap=gap)
    if hit.entries[0].cls == "demand" and (found is None or found[1] not in ("amount", "money")):
        found = _share_demanded(view, hit.end, hi) or found  # `يطالبون بحصة من أرباح التجار`
    if found is None or found[1] not in ("amount", "money"):
        return []
    end, kind = found
    if hit.entries[0].cls == "demand":  # يطلبون من كل راعٍ ٥٠ ألف دينار: the group's levy or ransom
        if subject_party(view, hit) == "authority":
            return []  # `وطالبت الحكومة بمبلغ …`
        if first_group(view, lo, hi) >= min(hi, hit.end + OBJECT_GAP):  # no group before it or right after
            if not predatory or not _goes_on(view, hit, lo, hi):
                return []
            return [Draft(predatory[-1].channel, "revenue", hit.start, end, hit.start, number, continues=True)]
        channel = paid_channel(view, lo, hit.start, hi, "taxation_extortion", after_ransom)
        return [Draft(channel, "revenue", hit.start, end, hit.start, number)]
    channel = paid_channel(view, lo, hit.start, hi)
    told = "kidnapping_ransom" if after_ransom and channel == "donations" else channel  # the deal goes on
    if hit.entries[0].cls == "receipt":
        return [Draft(told, "revenue", hit.start, end, hit.start, number)] if _group_near(view, hit, lo, hi) else []
    receiver = paid_to(view, end)
    if receiver is not None or channel != "donations":  # a ransom or a levy is the group's wherever paid
        return [Draft(told, "revenue", hit.start, max(end, receiver or end), hit.start, number)]
    if kind == "amount" and _group_near(view, hit, lo, hi):  # the group that pays, before or after the verb
        return [Draft("cash", "expenditure", hit.start, end, hit.start, number, generic=True)]
    return []


def _share_demanded(view: View, k: int, hi: int) -> tuple[int, str] | None:
    """`الخلايا تطالب بحصتها`: a share (grammar role share) right after a verb of demanding is the
    money demanded."""
    for j in range(k, min(hi, k + _SHARE_GAP)):
        if one_of(view.words[j], grammar_words("share")):
            return j + 1, "money"
        if view.is_break(j):
            return None
    return None


def unpriced_levy(view: View, hit: Hit, number: int, lo: int, hi: int, history: list[Draft]) -> list[Draft]:
    """`اكثر الرعاة باتوا يدفعون بصمت` after a levy or ransom claimed in the sentences before:
    civilians paying, nothing paid and no one paid named (not `يدفع السكان فواتير الكهرباء`,
    `يدفعون للجيش`), go on telling that levy; so does anyone paying the sum told before (`أحدهم
    دفع المبلغ`: grammar role sum_told). Money paid in return for protection (`تدفع له نسبة
    مقابل الحماية`) is a levy whatever was told before."""
    if hit.entries[0].cls != "payment":
        return []
    protection = _for_protection(view, hit.end, hi)
    if protection is not None:
        return [Draft("taxation_extortion", "revenue", hit.start, protection, hit.start, number)]
    sum_told = hit.end < hi and one_of(view.words[hit.end], grammar_words("sum_told"))
    if not sum_told and (not civilians_pay(view, lo, hit.start, hi) or _paid_what_or_whom(view, hit, hi)) \
            or not _goes_on(view, hit, lo, hi):
        return []
    predatory = recent_predatory(history, number)
    end = hit.end + sum_told
    return [Draft(predatory[-1].channel, "revenue", hit.start, end, hit.start, number, continues=True)] if predatory else []


def _goes_on(view: View, hit: Hit, lo: int, hi: int) -> bool:
    """A payment or a demand at `hit` in the sentence [lo, hi) may go on telling the levy or ransom
    before it: the sentence does not open on another matter (`وفي سياق منفصل،`), no authority and
    no other body (`المحكمة`, `الإدارة الذاتية`, `شركة الكهرباء`) stands before it or as its subject
    right after it, and no purchase (`اشترى … ودفع المبلغ`) before it."""
    subject_end = min(hi, hit.end + _SUBJECT_AFTER)  # and its subject right after it (`وطالبت الإدارة الذاتية`)
    if turns_topic(view, lo, hi) or authority_in(view, lo, subject_end):
        return False
    armed = view.entities_of_kind("armed_group")
    if any(m.entity not in armed for m in view.mentions(*view.chars(lo, subject_end), ("ORG",))):
        return False
    return not any(one_of(view.words[k], grammar_words("civilian_body")) for k in range(lo, subject_end)) \
        and not any(h.entries[0].cls == "purchase" for h in view.hits_in(CLAIM_ROLES, lo, hit.start))


def _for_protection(view: View, k: int, hi: int) -> int | None:
    """The end of `مقابل الحماية` (grammar role protection after مقابل) within _PROTECTION_GAP
    words from token k, in the clause; None when it is not there."""
    for j in range(k, min(hi - 1, k + _PROTECTION_GAP)):
        if view.is_break(j):
            return None
        if view.words[j] in grammar_words("in_return") and one_of(view.words[j + 1], grammar_words("protection")):
            return j + 2
    return None


def _paid_what_or_whom(view: View, hit: Hit, hi: int) -> bool:
    """A verb of paying with its object (`فواتير`) or its receiver (`للجيش`) named in its clause:
    what is paid, and to whom, is said; only a bare `يدفعون` (`بصمت`, `أيضاً`) is not."""
    for k in range(hit.end, min(hi, hit.end + _PAID_WHOM)):
        if view.is_break(k):
            return False
        if dative(view, k) and (view.match(PARTIES, k) or view.mentions(*view.chars(k, k + 1))):
            return True  # `للجيش`, `لحركة الشباب` (not `لأنهم`, because)
        if k == hit.end and view.doc.tokens[k].kind == "word" and not view.prefixed(k, "ب") \
                and view.words[k] not in function_words():
            return True
    return False


def _group_near(view: View, hit: Hit, lo: int, hi: int) -> bool:
    """An armed group named a few words before or after a verb of paying or receiving: the one
    that receives, or for a payment with no receiver named, the one that pays."""
    return bool(view.armed_groups(max(lo, hit.start - OBJECT_GAP), min(hi, hit.end + OBJECT_GAP)))


def governed_money(view: View, k: int, hi: int, role: str, takes: bool = False,
                    gap: int = OBJECT_GAP) -> tuple[int, str] | None:
    """(end token, kind) of the money right after a cue: `pointing` (`عائدها`), `derived`
    (`العائدات`), `money` (`الأموال`, only moved, spent, invested or taken) or `amount`."""
    for j in range(k, min(hi, k + gap)):
        pointing = derived_money(view, j)
        if pointing is not None:
            return j + 1, "pointing" if pointing else "derived"
        if (takes or role in with_property("role", "cash")) and generic_money(view, j):
            return j + 1, "money"
    stop = min(hi, k + gap)
    for q in view.quantities.starting_in(*view.chars(k, stop)) if k < stop else ():
        if q.unit and len(q.unit) == 3 and q.unit.isupper():
            return view.token_at(q.end - 1) + 1, "amount"
    return None


def wages_drafts(view: View, number: int, lo: int, hi: int, drafts: list[Draft]) -> list[Draft]:
    """`لدفع رواتب العناصر`, `تصرف رواتب شهرية لعناصرها`: wages (grammar role wages) paid to a
    group's own men (role member, within _WAGES_GAP words after them) are its spending, cash
    (ANNOTATION.md: what it spends); the evidence takes in a verb of paying right before them.
    Not wages inside a claim of `drafts`, nor the purpose of the money a claim right before tells
    (`تمويل قطر لجبهة النصرة لدفع رواتب المقاتلين`: the donation is the claim), nor the men of a
    force or group named after them (`عناصر الشرطة`, `مقاتلي الحشد الشعبي`), nor wages an authority
    in the clause pays (`عجزت الحكومة عن دفع رواتب العناصر`)."""
    claimed = {k for d in drafts for k in range(d.start, d.end)}
    out = []
    for k in range(lo, hi):
        if k in claimed or not one_of(view.words[k], grammar_words("wages")):
            continue
        paid = next((j for j in range(k + 1, min(hi, k + 1 + _WAGES_GAP)) if one_of(view.words[j], grammar_words("member"))
                     and not any(view.is_break(m) for m in range(k, j))), None)
        if paid is None:
            continue
        start = k - 1 if k > lo and _paying(view, k - 1) else k
        if start < k and view.prefixed(start, "ل") and any(start - _PURPOSE_GAP <= d.end <= start and not any(
                view.is_break(m) for m in range(d.end, start)) for d in drafts):
            continue
        if view.authorities(paid + 1, min(hi, paid + 3)) or view.armed_groups(paid + 1, min(hi, paid + 3)) \
                or view.authorities(clause_start(view, k), k):
            continue  # `رواتب عناصر الشرطة`, `مقاتلي الحشد الشعبي`: someone else's men; `تدفع الحكومة`: a state pays
        out.append(Draft("cash", "expenditure", start, paid + 1, k, number))
    return out


def _paying(view: View, k: int) -> bool:
    """A verb or noun of paying or spending at token k (`لدفع`, `تصرف`, `إنفاق`)."""
    hit = view.match(CLAIM_ROLES, k)
    return hit is not None and hit.end == k + 1 and (hit.entries[0].cls == "payment" or hit.entries[0].value == "expenditure")


def ransom_for_release(view: View, number: int, lo: int, hi: int, drafts: list[Draft]) -> list[Draft]:
    """`أطلق مسلحو الحركة سراح الرهينة مقابل 50 ألف دولار`, `أفرجوا عنه مقابل مبلغ مالي`: money
    given in return (grammar role in_return) for freeing someone (role release, within
    _RELEASE_BACK words before, in the clause) is a ransom, the group's revenue. Not money a claim
    of `drafts` already holds."""
    claimed = {k for d in drafts for k in range(d.start, d.end)}
    out = []
    for j in range(lo, hi - 1):
        if view.words[j] not in grammar_words("in_return") or j in claimed:
            continue
        if not any(one_of(view.words[k], grammar_words("release")) for k in range(max(lo, j - _RELEASE_BACK), j)
                   if not any(view.is_break(m) for m in range(k, j))):
            continue  # nobody freed in the clause before it
        found = governed_money(view, j + 1, hi, "revenue", takes=True, gap=_RELEASE_MONEY) \
            or _a_sum(view, j + 1, hi)
        if found is not None and found[1] in ("amount", "money") and found[0] - 1 not in claimed:
            out.append(Draft("kidnapping_ransom", "revenue", j, found[0], j, number))
    return out


def _a_sum(view: View, k: int, hi: int) -> tuple[int, str] | None:
    """`مبلغ مالي`, `مبلغ أقل`, `المبلغ`: a sum named with no figure at token k (grammar roles sum
    and sum_told)."""
    sums = grammar_words("sum") | grammar_words("sum_told")
    return (k + 1, "money") if k < hi and one_of(view.words[k], sums) else None
