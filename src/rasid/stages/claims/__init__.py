"""The claims stage: what the report says about how an armed group is financed.

Each channel word (claims.channels) with a role cue near it is a claim; its evidence runs from
the cue to the channel word and takes in the amounts beside them (`فقد قرابة 90% من الأبار
النفطية`, `100 مليون دولار في خزينته`). Money with no channel word of its own takes one from
the report: `بتحويل عائدها` moves the revenue of the channel just named, `صاردت نحو مليوني
دولار` seizes more of what the last seizure took. Claims of one channel and role next to each
other in a sentence are one claim; each sentence states its own (a restatement in the next
sentence has its own source). Polarity: negated (`لم`, `عدم`), hypothetical (`قد تمكنه`,
`ستصرف`, `كانت ستستخدم`) or affirmed. Boilerplate yields nothing. Where the rules do not reach,
learned taggers (claims.learned) propose evidence with its channel and role; a proposal that
overlaps no rule claim is added.
"""
from __future__ import annotations

import bisect

from rasid.document import Claim, Document, Quantity
from rasid.resources.catalogue import function_words, grammar_words, relatives, with_property
from rasid.stages.claims.learned import ClaimModels, learned_claims
from rasid.stages.claims.earning import belonging_to
from rasid.stages.claims.pointing import declined, goods_of_its_pronoun, pointed_drafts
from rasid.stages.claims.lists import arms_among_uses, listed_after, listed_before
from rasid.stages.claims.treasury import EARNED, treasury_holding, treasury_summing_up
from rasid.stages.claims.agents import confiscated_by_a_group, strike_role, subject_party, takeover_role
from rasid.stages.claims.channels import (ChannelWord, act_of_its_own, against, channel_words, derived_money,
                                        facility_names, issued, joined_by_and, particle_not_cue, role_of)
from rasid.stages.claims.support import QUOTES, no_money_support
from rasid.stages.claims.paid import (INHERIT, OBJECT_GAP, RECENT, after_ransom, governed_money, payment_drafts,
                                    ransom_for_release, recent_predatory, unpriced_levy, wages_drafts)
from rasid.stages.claims.payments import clause, clause_of, forcing_at, paid_to, speaks_of_captives
from rasid.stages.reading.lexicons import CLAIM_CHANNELS, CLAIM_ROLES, lexicon
from rasid.stages.reading.view import Hit, View
from rasid.stages.attribution import attribution_of
from rasid.stages.attribution.names import complementizer_at
from rasid.stages.claims.losses import (facility_lost_drafts, inflicted_on_others, loss_as_aim,
                                      lost_income_drafts, people_lost)
from rasid.stages.claims.records import Draft, claim_record
from rasid.stages.claims.owners import (authority_in, group_around, headline_names_a_group,
                                      headline_paragraph_names_a_group, lead_sentence, levied_by_a_state,
                                      paid_to_an_authority, state_owned, taken_by_its_men)
from rasid.stages.reading.topics import about_armed_groups
from rasid.text.tokens import one_of

_MERGE_GAP = 8                # words between two claims of one channel and role that are still one
_FORCED_GAP = 8               # words between a forcing verb and what people are forced to hand over
_LEAD_GAP = 3                 # words between a learned lead-in (يجني أموالاً كبيرة من) and the claim it opens
_MOVED_GAP = 4                # words between a claim on money and the verb that moves it on (وتنقلها)
_AMOUNT_GAP = 8               # words between a claim and an amount that belongs to it
_PAYING = ("payment", "receipt", "demand")  # role classes of money changing hands, never a claim alone


def find_claims(doc: Document, models: ClaimModels | None = None) -> Document:
    """Pipeline stage: fill `doc.claims` (ids c1, c2, …); `models` are the learned taggers."""
    view = View.of(doc)
    if not about_armed_groups(view):
        doc.claims = []
        return doc
    attribution = attribution_of(doc)
    names = facility_names(view)
    armed = view.entities_of_kind("armed_group")
    history: list[Draft] = []
    claims: list[Claim] = []
    lead, levies_led = lead_sentence(view), headline_names_a_group(view)
    headed: set[str] = set()  # channels the headline says its group earns or holds
    for number, (lo, hi) in enumerate(view.sent_ranges):
        if view.is_heading(lo, hi) or view.in_boilerplate(lo, hi):
            continue
        drafts = _sentence_drafts(view, number, lo, hi, names, history)
        if models is not None:
            drafts = _with_learned(view, models, number, lo, hi, drafts)
        drafts = _with_lost_income(view, number, lo, hi, drafts)
        drafts = [d for d in drafts if not state_owned(view, d.channel, d.start, d.end, d.focus, lo, hi)
                  and not levied_by_a_state(view, d.channel, d.start, d.end, lo, hi)
                  and not inflicted_on_others(view, d.role, d.start, lo)
                  and not people_lost(view, d.role, d.start, d.end) and not loss_as_aim(view, d.role, d.start)
                  and not paid_to_an_authority(view, d.role, d.start, d.end)]
        drafts = treasury_summing_up(view, number, drafts, history, claims)
        history.extend(drafts)
        around = group_around(view, number, armed)
        if (lo, hi) == lead and around and any(d.channel in with_property("channel", "predatory") for d in drafts):
            levies_led = True  # a report that opens on a group's levies or ransoms is about them
        if view.paragraph(lo) - 1 == view.headline() and headline_paragraph_names_a_group(view):
            headed.update(d.channel for d in drafts if d.role in EARNED)
        if not around:
            drafts = (_levies_of_its_group(view, lo, hi, drafts, levies_led)
                      + _headline_channel(view, lo, hi, drafts, headed))
        first = len(claims) + 1
        claims.extend([claim_record(view, attribution, d, lo, hi, first + k) for k, d in enumerate(drafts)])
    doc.claims = claims
    return doc


def _levies_of_its_group(view: View, lo: int, hi: int, drafts: list[Draft], levies_led: bool) -> list[Draft]:
    """A sentence that names no group tells the money of a state, a bank or a people; but a ransom
    or a levy it tells is a group's where it speaks of captives, goes on with one claimed before,
    or tells of men on the ground taking in a report headed by the group or opened on its levies
    (`يدفعون ما بين 100 و200 دولار عن كل رحلة لرجال يقيمون حواجز`)."""
    predatory = with_property("channel", "predatory")
    taker_known = speaks_of_captives(view, lo, hi) or levies_led and taken_by_its_men(view, lo, hi)
    return [d for d in drafts if d.channel in predatory and (taker_known or d.continues)]


def _headline_channel(view: View, lo: int, hi: int, drafts: list[Draft], headed: set[str]) -> list[Draft]:
    """A report headed by what a group earns or holds (`ذهب مهرّب وآثار منهوبة.. الخزينة الخفية
    لـ«داعش»`) is about that group's channel: a claim on it further on, told by a cue before its
    channel word (`صفقة واحدة بيعت فيها مجموعة من القطع المنهوبة`) in a sentence that names no
    authority, is the group's. A bare channel word is not (`التمثال`: a museum's)."""
    predatory = with_property("channel", "predatory")
    return [d for d in drafts if d.channel in headed and d.channel not in predatory and d.start < d.focus
            and not authority_in(view, lo, hi)]


def _with_learned(view: View, models: ClaimModels, number: int, lo: int, hi: int, drafts: list[Draft]) -> list[Draft]:
    """The rule drafts and the learned proposals that overlap none of them, amounts taken in. A
    proposal must hold a word of the claim lexicons (a channel, a role cue, money): the tagger
    alone reads `حزب` or `خلال` as claims."""
    learned = [Draft(channel, role, start, end, _learned_focus(view, start, end), number) for start, end, channel, role
               in learned_claims(models, view, lo, hi)
               if not any(d.start < end and start < d.end for d in drafts) and _names_money(view, start, end)
               and not issued(view, Hit(start, start + 1, (), ""))]  # `تقرير صادر عن`: issued, nothing seized
    learned = [goods_of_its_pronoun(view, d) for d in learned if not _lead_in(view, d, drafts)]
    if learned:
        _take_amounts(view, learned, view.quantities.starting_in(*view.chars(lo, hi)))
    return sorted(drafts + learned, key=lambda d: d.start)


def _with_lost_income(view: View, number: int, lo: int, hi: int, drafts: list[Draft]) -> list[Draft]:
    """The drafts and the sources of income lost (claims.losses) that overlap none of them: the
    money lost is cash only where neither a rule nor the tagger names its channel (`حرمان
    المتمردين من أهم مصادر تمويلهم` after the port they lose)."""
    claimed = {k for d in drafts for k in range(d.start, d.end)}
    found = lost_income_drafts(view, number, lo, hi, claimed) + facility_lost_drafts(view, number, lo, hi, claimed)
    lost = [d for d in found if not any(k in claimed for k in range(d.start, d.end))]
    return sorted(drafts + lost, key=lambda d: d.start) if lost else drafts


def _learned_focus(view: View, start: int, end: int) -> int:
    """The word a proposal is about: its first channel word, else its first word past a
    complementizer (`أن تدعم تركيا فصائل`: the source is whoever said what follows أن, and the
    complementizer itself lies in the words of attribution)."""
    channel = view.hits_in(CLAIM_CHANNELS, start, end)
    if channel:
        return channel[0].start
    k = start
    while k + 1 < end and complementizer_at(view, k):
        k += 1
    return min(k, end - 1)


def _lead_in(view: View, proposal: Draft, drafts: list[Draft]) -> bool:
    """`الجماعة تجني أرباحاً ضخمة من | تصدير الفحم`, `يجني أموالاً | كبيرة من | تهريب النفط`: a
    proposal that names no channel, at most _LEAD_GAP words before a rule claim of its role in
    the same clause, is that claim's opening: the claim takes its words in (the tagger's channel
    for it is a guess)."""
    if view.hits_in(CLAIM_CHANNELS, proposal.start, proposal.end):
        return False
    for d in drafts:
        gap = range(proposal.end, d.start)
        if d.role == proposal.role and proposal.end <= d.start <= proposal.end + _LEAD_GAP \
                and not any(view.is_break(k) for k in gap):
            d.start = proposal.start
            return True
    return False


def _names_money(view: View, start: int, end: int) -> bool:
    """A channel word or a role cue; a verb of paying or receiving alone is no claim (`تلقوا`)."""
    return any(h.entries[0].cls != "idiom" and not no_money_support(view, h)
               for h in view.hits_in(CLAIM_CHANNELS, start, end)) or any(
        h.entries[0].cls not in _PAYING for h in view.hits_in(CLAIM_ROLES, start, end))


def _sentence_drafts(view: View, number: int, lo: int, hi: int, names, history: list[Draft]) -> list[Draft]:
    quantities = view.quantities.starting_in(*view.chars(lo, hi))
    attribution = attribution_of(view.doc)
    words = [w for w in channel_words(view, lo, hi, names, quantities)  # `مسؤول في وزارة النفط`: the speaker's name
             if not attribution.in_source_name(view.doc.tokens[w.start].start)]
    drafts: list[Draft] = []
    last_of: dict[str, Draft] = {}  # the last draft of each channel
    for k, word in enumerate(words):
        draft = _draft(view, word, words[k - 1] if k else None, lo, hi, number) \
            or listed_after(view, word, words[k - 1] if k else None, drafts, number)
        same = last_of.get(word.channel)
        if draft and drafts and drafts[-1].start <= word.start < drafts[-1].end and word.channel == "cash" \
                and drafts[-1].focus < word.start:
            continue  # `النفط … الشريان الذي غذّى خزينة التنظيم`: the treasury the claim before fills
        if draft and drafts and drafts[-1].start <= word.start < drafts[-1].end and word.cls == "support" \
                and not word.clitic and one_of(view.words[word.start], grammar_words("support_noun")):
            continue  # `العملات المشفرة … واجهة تمويل داعش`: the funding is the cue of the claim before;
            # `اتهمت شركات صرافة بتمويل داعش` names a donor (the funding with ب or ل is an act of its own)
        if draft and drafts and (word.cls == "name" and same or _origin(view, word, draft, drafts)):
            target = same if word.cls == "name" and same else drafts[-1]
            target.end = max(target.end, draft.end)
        elif draft:
            drafts.append(draft)
            last_of[draft.channel] = draft
    drafts += listed_before(view, words, drafts, number)
    drafts += pointed_drafts(view, number, lo, hi, drafts)
    drafts += _money_drafts(view, number, lo, hi, drafts, quantities, history)
    drafts += _moved_on(view, number, lo, hi, drafts)
    drafts += ransom_for_release(view, number, lo, hi, drafts)
    drafts += wages_drafts(view, number, lo, hi, drafts)
    drafts = _forced_provision(view, number, lo, hi, drafts)
    drafts = arms_among_uses(view, sorted(drafts, key=lambda d: d.start))
    declined(view, drafts, hi)
    drafts = _merged(view, drafts)
    _take_amounts(view, drafts, quantities)
    return drafts


def _moved_on(view: View, number: int, lo: int, hi: int, drafts: list[Draft]) -> list[Draft]:
    """`شبكات تجمع الأموال لصالح التنظيم وتنقلها عبر وسطاء`: a verb of moving money with a pronoun
    for its object, joined by و right after a claim on money (cash or donations, within _MOVED_GAP
    words, no break), moves that money: a cash transfer, up to the end of its clause. Not goods
    (`نهب المؤسسات ونقلها نحو صنعاء`, `شراء المخدرات ونقلها`)."""
    out = []
    for hit in view.hits_in(CLAIM_ROLES, lo, hi):
        if hit.entries[0].cls != "cue" or hit.entries[0].value != "transfer" or not joined_by_and(view, hit.start) \
                or not view.suffixed(lexicon(CLAIM_ROLES), hit.start):
            continue
        before = [d for d in drafts if d.end <= hit.start and hit.start - d.end <= _MOVED_GAP
                  and d.channel in with_property("channel", "money") and not any(view.is_break(k) for k in range(d.end, hit.start))]
        if before and not any(d.start <= hit.start < d.end for d in drafts):
            end = hit.end
            while end < min(hi, hit.end + OBJECT_GAP) and not view.is_break(end):
                end += 1
            out.append(Draft("cash", "transfer", hit.start, end, hit.start, number))
    return out


def _forced_provision(view: View, number: int, lo: int, hi: int, drafts: list[Draft]) -> list[Draft]:
    """`أجبروا المحلات على تقديم المواشي`, `فرضوا على الباعة تقديم حصص من الوقود`: goods or money
    a group forces people to hand over is its levy, whatever the goods; a claim there already
    (`بيع اللحوم`) becomes that levy. Not where an authority forces (`فرضت واشنطن عقوبات`) or
    what is handed over is support (`تقديم الدعم`: a donation)."""
    drafts = sorted(drafts, key=lambda d: d.start)
    out: list[Draft] = []
    at = 0  # drafts before this one end before the forcing word now read
    for k in range(lo, hi):
        if not forcing_at(view, k):
            continue
        given = next((j for j in range(k + 1, min(hi, k + 1 + _FORCED_GAP)) if _provision(view, j)), None)
        if given is None or subject_party(view, Hit(k, k + 1, (), "")) == "authority" or _support_at(view, given + 1, hi):
            continue
        end = given + 1
        while end < min(hi, given + 1 + OBJECT_GAP) and view.kinds[end] != "punct" \
                and not forcing_at(view, end) and not act_of_its_own(view, end):
            end += 1
        while at < len(drafts) and drafts[at].end <= k:
            out.append(drafts[at])
            at += 1
        inside = []
        while at < len(drafts) and drafts[at].start < end:
            (inside if drafts[at].end > k else out).append(drafts[at])  # one nested before the forcing stays
            at += 1
        for d in inside:
            d.channel, d.role, d.start, d.end = "taxation_extortion", "revenue", min(d.start, k), max(d.end, end)
        out += inside or [Draft("taxation_extortion", "revenue", k, end, given, number)]
    return out + drafts[at:]


def _support_at(view: View, j: int, hi: int) -> bool:
    """A support word at token j (`تقديم الدعم`): support handed over, a donation."""
    hit = view.match(CLAIM_CHANNELS, j) if j < hi else None
    return hit is not None and hit.entries[0].cls == "support"


def _provision(view: View, j: int) -> bool:
    """Handing over goods or money at token j (`تقديم`, `تسليم`, `دفع`)."""
    return one_of(view.words[j], grammar_words("provision"))


def _draft(view: View, word: ChannelWord, before: ChannelWord | None, lo: int, hi: int, number: int) -> Draft | None:
    role = role_of(view, word, lo, hi)
    if role is None or (word.cls == "ctx" and not (role.end <= word.start <= role.end + 1 or role.start >= word.end)):
        return None  # an ambiguous word names its channel right after a cue, or called a source of income
    if role.start != role.end and role.end <= word.start and against(view, role.start):
        return None  # `منع توريد أو بيع أو نقل أسلحة`: the act a policy bans, no one's trade
    start, end = word.start, word.end
    if role.end <= word.start and role.start != role.end and role.start >= (before.end if before else lo) \
            and not any(view.is_break(k) for k in range(role.end, word.start)):
        start = role.start  # the cue and its object; across a comma the cue gives the role, not the words
    elif role.start >= word.end:
        end = role.end
    return Draft(word.channel, role.role, start, end, word.start, number)


def _origin(view: View, word: ChannelWord, draft: Draft, drafts: list[Draft]) -> bool:
    """`الذهب الخام التي استولى عليها من المناجم`: a channel word after `من` in a relative clause
    on the claim before tells where that claim's asset came from; it makes no claim of its own."""
    cue = draft.start
    return (word.start > 0 and view.words[word.start - 1] in grammar_words("from") and cue < word.start
            and any(view.words[k] in relatives() for k in range(max(0, cue - 2), cue))
            and drafts[-1].end <= cue)


def _money_drafts(view: View, number: int, lo: int, hi: int, drafts: list[Draft],
                  quantities: list[Quantity], history: list[Draft]) -> list[Draft]:
    """Claims on money that names no channel: a money cue governing `عائدها`, `الأموال` or an
    amount; money the group loots or takes (`نهب المال العام`, `لنهب إيراداته`, `استولوا على
    الأموال`) is cash, whoever earned it before."""
    out = []
    claimed = {k for d in drafts for k in range(d.start, d.end)}  # tokens of the channel claims
    for hit in view.hits_in(CLAIM_ROLES, lo, hi):
        if hit.entries[0].cls in _PAYING:
            if hit.start not in claimed:
                out += payment_drafts(view, hit, number, lo, hi, after_ransom(view, history, number, lo, hi),
                                recent_predatory(history, number)) or \
                    unpriced_levy(view, hit, number, lo, hi, history)
            continue
        role, takes = _money_role(view, hit)
        if role not in with_property("role", "money") | {"revenue", "asset"} or hit.start in claimed \
                or attribution_of(view.doc).reporting_verb(hit.start) \
                or against(view, hit.start) or particle_not_cue(view, hit, lo) \
                or issued(view, hit) or belonging_to(view, hit.start):  # غسيل الأموال; فقد; الصادر عن; العائد ل
            continue
        found = governed_money(view, hit.end, hi, role, takes)
        if found is None and hit.entries[0].cls == "taking" and _content_word(view, hit.end, hi):
            out.append(Draft("other", role, hit.start, hit.end + 1, hit.start, number))  # نهب المقرات: loot
            continue
        if found is None or (role not in with_property("role", "money") and found[1] != "amount" and not takes):
            continue  # earning or holding makes a claim only with an amount (`يملك 25 مليون دولار`)
        end, kind = found
        receiver = _sent_to_a_group(view, hit, end, hi) if role == "transfer" and kind != "pointing" else None
        if receiver is not None:
            out.append(Draft("donations", "revenue", hit.start, receiver, hit.start, number))
            continue
        if hit.entries[0].cls == "derived":
            out += _earnings(view, hit, role, end, lo, hi, drafts, history, number)
            continue
        channel = None if kind == "money" or takes else \
            _channel_for(role, kind == "pointing", hit.start, drafts, history, number)
        if channel is None and role == "revenue" and speaks_of_captives(view, *clause_of(view, hit.start, lo, hi)):
            channel = "kidnapping_ransom"  # `حصل الفصيل على 70 ألف دولار في صفقة شملت الرهائن`
        out.append(Draft(channel or "cash", role, hit.start, end, hit.start, number, generic=channel is None))
    return out


def _earnings(view: View, hit: Hit, role: str, end: int, lo: int, hi: int, drafts: list[Draft],
              history: list[Draft], number: int) -> list[Draft]:
    """Earnings with an amount (`إيرادات قدرها 40 مليون دولار`): of the channel their pronoun
    points to (`عائداتها`), else of what no channel names (a port, a market), `other` — where
    an armed group earns them: `إيرادات ميناء عدن بلغت 120 مليون دولار` and `أعلنت شركة … أن
    أرباحها بلغت` are no group's."""
    pointing = derived_money(view, hit.start)
    if not pointing and not _earned_by_a_group(view, hit, lo, hi):
        return []
    channel = _channel_for(role, True, hit.start, drafts, history, number) if pointing else "other"
    return [Draft(channel, role, hit.start, end, hit.start, number, generic=True)] if channel else []


def _earned_by_a_group(view: View, hit: Hit, lo: int, hi: int) -> bool:
    """An armed group named within OBJECT_GAP words of earnings, in their clause, and no
    authority there (`الميناء يوفر للحوثيين إيرادات`, `جنى الحوثيون أرباحاً`; not `وخسرت الحكومة
    اليمنية إيرادات`)."""
    if any(g.start == hit.end for g in view.armed_groups(hit.end, min(hi, hit.end + 1))):
        return True  # `قدرت الحكومة إيرادات الحوثيين بنحو …`: the group's, whoever estimates them
    start, end = clause(view, hit.start, hit.end, max(lo, hit.start - OBJECT_GAP), min(hi, hit.end + OBJECT_GAP))
    return bool(view.armed_groups(start, end)) and not authority_in(view, start, end)


def _sent_to_a_group(view: View, hit: Hit, end: int, hi: int) -> int | None:
    """`ينقل الأموال لجماعات إرهابية`, `تحويل أموال إلى ليبيا لدعم الجماعات الإرهابية`: money
    someone moves to an armed group, or to support one, is the group's revenue (a donation);
    the end of the group's name, or None. A group moving money (`نقل التنظيم أمواله إلى
    عناصره`) moves its own."""
    if subject_party(view, hit) == "group":
        return None
    receiver = paid_to(view, end)
    if receiver is not None:
        return receiver
    for k in range(end, min(hi, end + OBJECT_GAP + 2)):
        if view.is_break(k):
            return None
        support = view.match(CLAIM_CHANNELS, k)
        if support and support.entries[0].cls == "support" and "ل" in support.clitic:
            groups = view.armed_groups(support.end, min(hi, support.end + 2))
            return groups[0].end if groups else None
    return None


def _content_word(view: View, k: int, hi: int) -> bool:
    return k < hi and view.doc.tokens[k].kind == "word" and view.words[k] not in function_words()


def _money_role(view: View, hit: Hit) -> tuple[str | None, bool]:
    """(role, whether the cue takes money) of a claim-role hit governing money: a `cue` gives its
    role; `taking` (loot, theft) and `takeover` take it: revenue for the group, seizure for an
    authority; a `derived` word alone (`إيرادات`, `أرباحاً`) is revenue where an amount follows."""
    cls = hit.entries[0].cls
    if cls == "cue":
        if "authority" in hit.entries[0].needs and strike_role(view, hit, hit.end + 1) != "loss":
            return None, False
        if hit.entries[0].value == "seizure" and confiscated_by_a_group(view, hit, hit.end + 1):
            return "revenue", True  # `صادر الحوثيون أموال المواطنين`: money the group takes
        return hit.entries[0].value, False
    if cls == "taking":
        return hit.entries[0].value, True
    if cls == "takeover":
        return ("seizure" if takeover_role(view, hit) == "seizure" else "revenue"), True
    if cls == "derived":
        return "revenue", False  # `الميناء يوفر إيرادات قدرها 40 مليون دولار`: earnings, with an amount
    return None, False


def _channel_for(role: str, pointing: bool, at: int, drafts: list[Draft], history: list[Draft],
                 number: int) -> str | None:
    """`عائدها` points to the claim just before; an amount continues the last claim of its role.
    None when there is nothing to point to (the money is then cash)."""
    before = [d for d in drafts if d.focus < at]
    recent = [d for d in history[-RECENT:] if number - d.sentence <= INHERIT]
    if pointing and before:
        return before[-1].channel
    same = [d for d in recent + before if d.role == role]
    if same:
        return same[-1].channel
    return before[-1].channel if before else None


def _merged(view: View, drafts: list[Draft]) -> list[Draft]:
    """Neighbouring claims of one channel and role in a sentence are one (not across a colon);
    money that names no channel, followed by what it goes into, is that claim
    (`يستثمر أمواله في شراء العقارات`), and so is a treasury that holds it (claims.treasury)."""
    out: list[Draft] = []
    for d in drafts:
        last = out[-1] if out else None
        if last and last.role == d.role and ":" not in view.words[last.end:d.start]:
            if last.channel == d.channel and not _another_act(view, last, d) and d.start - last.end <= _MERGE_GAP:
                last.end = max(last.end, d.end)
                continue
            clause = not any(view.is_break(k) and view.words[k] not in QUOTES for k in range(last.end, d.start))
            if (last.generic or treasury_holding(view, last, d)) and d.start - last.end <= OBJECT_GAP and clause:
                d.start = last.start
                out[-1] = d
                continue
        out.append(d)
    return out


def _another_act(view: View, last: Draft, d: Draft) -> bool:
    """`ابتزاز الشركات وتحصيل جبايات`: an act named by its channel word alone, then another
    joined by و with a cue of its own, are two claims; `تهريب الآثار وبيع القطع الأثرية`, each
    with its cue, is one trade told in its steps."""
    if last.end <= d.start and (act_of_its_own(view, d.start) or forcing_at(view, d.start)):
        return True  # `يجمعون الضرائب ويبتزون التجار`, `ويستغل الثروات`, `فضلاً عن إجبار المحلات`
    if any(_opens_time_clause(view, k) for k in range(last.end, d.start)):
        return True  # `طالب الخاطفون بفدية …، قبل أن يُطلق سراحه مقابل مبلغ أقل`: a demand, then a payment
    return last.start == last.focus and last.end <= d.start < d.focus and joined_by_and(view, d.start)


def _opens_time_clause(view: View, k: int) -> bool:
    """Token k opens a clause of time: `بعدما`, `قبلما`, or `قبل`/`بعد` before `أن`."""
    word = view.words[k]
    return word in grammar_words("time_clause") or word in grammar_words("time_clause_head") \
        and k + 1 < len(view) and view.words[k + 1] == "ان"


def _take_amounts(view: View, drafts: list[Draft], quantities: list[Quantity]) -> None:
    """Amounts inside a claim's evidence, or after it before the next claim, belong to it
    (`بيع النفط …، تقدر بنحو مليوني دولار شهرياً`). Amounts are looked up by position, not
    all of them for every claim."""
    amounts = sorted(((view.token_at(q.start), view.token_at(q.end - 1) + 1, q) for q in quantities
                      if q.unit not in with_property("unit", "not_amount")), key=lambda item: item[:2])
    starts = [a for a, _, _ in amounts]
    longest = max((b - a for a, b, _ in amounts), default=0)
    for k, draft in enumerate(drafts):
        limit = min(drafts[k + 1].start if k + 1 < len(drafts) else len(view), draft.end + _AMOUNT_GAP)
        at = bisect.bisect_left(starts, draft.start - longest)  # amounts that may cover the start on
        while at < len(amounts) and amounts[at][0] < max(limit, draft.end):  # the claim grows as it takes
            a, b, q = amounts[at]
            at += 1
            if q.id in draft.quantities:
                continue
            if a < draft.end and draft.start < b or draft.end <= a < limit and view.sent[a] == view.sent[draft.focus]:
                draft.quantities.append(q.id)
                draft.start, draft.end = min(draft.start, a), max(draft.end, b)
