"""Channel words listed with و (`شركات الصرافة غير المرخصة ونظام الحوالة والعملات الرقمية`,
`الذهب والقطع الأثرية`): an item no cue reaches takes the role of the claim beside it, as a claim
of its own channel."""
from __future__ import annotations

from rasid.resources.catalogue import grammar_words, with_property
from rasid.stages.claims.channels import ChannelWord, joined_by_and
from rasid.stages.claims.records import Draft
from rasid.stages.reading.view import View
from rasid.text.tokens import one_of

LISTED_GAP = 3  # words between two channel words of one list (modifiers of the first)
_USES_GAP = 3    # words between a use of money and the purchase of arms joined to it by و


def listed_after(view: View, word: ChannelWord, before: ChannelWord | None, drafts: list[Draft],
                 number: int) -> Draft | None:
    """`من بينها شركات الصرافة غير المرخصة ونظام الحوالة والعملات الرقمية`: a channel word no cue
    reaches, joined by و to the channel word of the claim just made, within LISTED_GAP words of
    its modifiers (nothing else joined by و, no preposition, no break), is the next item of that
    list: a claim of its own channel in the same role."""
    if before is None or not drafts or drafts[-1].focus != before.start or not joined_by_and(view, word.start):
        return None
    gap = range(drafts[-1].end, word.start)
    if len(gap) > LISTED_GAP or any(view.is_break(k) or joined_by_and(view, k) or _prepositional(view, k) for k in gap):
        return None  # `لحركة طالبان وإمدادها بالمال والسلاح`: another act joined between; `الضرائب على القات
        # والوقود`: what the first is on, not a modifier of it
    return Draft(word.channel, drafts[-1].role, word.start, word.end, word.start, number)


def listed_before(view: View, words: list[ChannelWord], drafts: list[Draft], number: int) -> list[Draft]:
    """`إلى أن الذهب والقطع الأثرية يحتلان موقعاً متقدماً`: a channel word no cue reaches, joined by و
    right after it (no break) to a channel word that makes a claim, is the first item of that
    list: a claim of its own channel in the same role. Not a word that names its channel only
    beside a cue (`ctx`, `cued`) or support."""
    by_focus = {d.focus: d for d in drafts}
    out = []
    for word, nxt in zip(words, words[1:]):
        claim = by_focus.get(nxt.start)
        if word.start in by_focus or claim is None or word.cls not in ("word", "asset") \
                or not joined_by_and(view, nxt.start) or nxt.start - word.end > LISTED_GAP \
                or any(view.is_break(k) for k in range(word.end, nxt.start)):
            continue
        out.append(Draft(word.channel, claim.role, word.start, word.end, word.start, number))
    return out


def arms_among_uses(view: View, drafts: list[Draft]) -> list[Draft]:
    """`لتمويل المقاتلين وشراء السلاح وصيانة العتاد`, `لدفع رواتب العناصر وشراء الذخيرة`: arms
    bought as one of the uses of the group's money, joined by و to funding its own men or to
    spending just told (within _USES_GAP words, no break), are that money spent: cash, one
    claim with the spending. Arms bought alone (`تحقيق عائدات لشراء أسلحة`) stay an arms
    purchase; funding that is a claim of its own (`اتهمت قطر بتمويل داعش وشراء أسلحة له`: a
    donation) leaves them a purchase."""
    out: list[Draft] = []
    for d in drafts:
        if d.role != "expenditure" or d.channel not in with_property("channel", "military") \
                or not joined_by_and(view, d.start):
            out.append(d)
            continue
        spent = out[-1] if out and out[-1].role == "expenditure" and out[-1].channel == "cash" else None
        if spent is not None and d.start - spent.end <= _USES_GAP and not _broken(view, spent.end, d.start):
            spent.end = max(spent.end, d.end)
            continue
        funding = next((k for k in range(max(0, d.start - _USES_GAP - 1), d.start)
                        if one_of(view.words[k], grammar_words("funding"))), None)
        if funding is not None and not _broken(view, funding, d.start) \
                and not any(c.start <= funding < c.end for c in out):
            d.channel, d.start = "cash", funding
        out.append(d)
    return out


def _broken(view: View, start: int, end: int) -> bool:
    return any(view.is_break(k) for k in range(start, end))


def _prepositional(view: View, k: int) -> bool:
    """A preposition at token k, alone or on the word (`على`, `في`, `بالمال`, `للتنظيم`)."""
    return view.words[k] in grammar_words("preposition") or view.prefixed(k, "ب") or view.prefixed(k, "ل")
