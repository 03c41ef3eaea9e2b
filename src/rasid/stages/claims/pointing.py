"""Claims whose channel is named before them: a trade told as `this trade` (`هذه التجارة`) or
a sale of `it` (`قبل بيعه`) is a trade in the goods last named, and a group's share or earnings
that decline (`حصة التنظيم من هذه التجارة تتراجع`) are its loss."""
from __future__ import annotations

from rasid.resources.catalogue import grammar_words, with_property
from rasid.stages.claims.channels import joined_by_and
from rasid.stages.claims.lists import LISTED_GAP
from rasid.stages.claims.records import Draft
from rasid.stages.reading.lexicons import CLAIM_CHANNELS, CLAIM_ROLES
from rasid.stages.reading.view import View
from rasid.text.tokens import one_of

_POINT_BACK = 80   # tokens back where the goods a pointing word stands for are named
_SENTENCES_BACK = 2  # sentences back where they are named
_GOODS = ("word", "asset")  # channel words that name goods (not a cue-only or ambiguous word)
_DECLINE_GAP = 2   # words between a claim on earnings and the verb that says they decline
_SAME_CLAIM_GAP = 3  # words between a claim on goods and the sale of them that ends it
_HELD = ("asset", "revenue")  # claims a sale ends: goods held or earned (not those seized from the group, or lost)


def pointed_drafts(view: View, number: int, lo: int, hi: int, drafts: list[Draft]) -> list[Draft]:
    """`الذهب … صُهر قبل بيعه`, `صفقة بيعت فيها قطع منهوبة … حصة التنظيم من هذه التجارة تتراجع`:
    a verbal noun of trade that carries its object as a pronoun (grammar role trade_of_it), or a
    trade after a demonstrative that the sentence says declines, outside every claim of its
    sentence, is a trade in the goods last named (within _SENTENCES_BACK sentences). Right after
    a claim on those goods in its clause it ends that claim: goods taken or held to be sold are
    earned, goods seized from the group and sold stay seized. A trade shown again and told
    nothing new of (`تلك التجارة لم تتوقف`) restates the claim before."""
    claimed = {k for d in drafts for k in range(d.start, d.end)}
    out = []
    for hit in view.hits_in(CLAIM_ROLES, lo, hi):
        if hit.entries[0].cls != "cue" or hit.entries[0].value != "revenue" or hit.start in claimed:
            continue
        shown = hit.start > lo and view.words[hit.start - 1] in grammar_words("demonstrative")
        if not (shown and _declines_after(view, hit.end, hi)) \
                and not one_of(view.words[hit.start], grammar_words("trade_of_it")):
            continue
        channel = _goods_named_before(view, hit.start - shown, number)
        if channel is None:
            continue
        held = next((d for d in drafts if d.channel == channel and 0 <= hit.start - d.end <= _SAME_CLAIM_GAP
                     and not any(view.is_break(k) for k in range(d.end, hit.start))), None)
        if held is None:
            out.append(Draft(channel, "revenue", hit.start - shown, hit.end, hit.start, number))
            continue
        held.end = hit.end  # `الاستيلاء على السفن المحملة بالمشتقات النفطية وبيعها`: taken to be sold
        if held.role in _HELD:
            held.role = "revenue"
    return out


def _goods_named_before(view: View, k: int, number: int) -> str | None:
    """The channel of the nearest goods named before token k, in its sentence or the
    _SENTENCES_BACK before it; of a list joined by و, its first (`تجارة المشتقات النفطية والغاز
    … احتكار تلك المواد وبيعها`: the pronoun stands for the list, the first item leads)."""
    found = None
    for hit in reversed(view.hits_in(CLAIM_CHANNELS, max(0, k - _POINT_BACK), k)):
        if view.sent[hit.start] < number - _SENTENCES_BACK:
            break
        entry = hit.entries[0]
        if entry.cls not in _GOODS or entry.value in with_property("channel", "money"):
            continue
        if found is not None and not (joined_by_and(view, found[0]) and found[0] - hit.end <= LISTED_GAP):
            break
        found = (hit.start, entry.value)
    return found[1] if found else None


def declined(view: View, drafts: list[Draft], hi: int) -> None:
    """`عائدات التنظيم من النفط تراجعت`, `حصة التنظيم من هذه التجارة تتراجع`: earnings followed
    (within _DECLINE_GAP words, no break) by a verb of decline (grammar role declining) are lost;
    the evidence takes the verb in."""
    for d in drafts:
        end = _declines_after(view, d.end, hi) if d.role == "revenue" else None
        if end is not None:
            d.role, d.end = "loss", end


def _declines_after(view: View, k: int, hi: int) -> int | None:
    """The end of a verb of decline within _DECLINE_GAP words from token k, no break; else None."""
    for j in range(k, min(hi, k + _DECLINE_GAP + 1)):
        if view.is_break(j):
            return None
        if one_of(view.words[j], grammar_words("declining")):
            return j + 1
    return None


def goods_of_its_pronoun(view: View, proposal: Draft) -> Draft:
    """`هذه العقارات، استولت عليها الميليشيا`: a learned proposal that names no channel, whose cue
    takes a pronoun for its object (`عليها`, `منها`: grammar role object_pronoun), is about the
    goods last named; the tagger's channel for it is a guess."""
    k = proposal.start + 1
    if k < len(view) and view.words[k] in grammar_words("object_pronoun") \
            and not view.hits_in(CLAIM_CHANNELS, proposal.start, proposal.end):
        channel = _goods_named_before(view, proposal.start, proposal.sentence)
        if channel is not None:
            proposal.channel = channel
    return proposal

