"""Money changing hands: who a payment goes to, who pays, and what kind of payment it is.

A payment to an armed group is its revenue; who pays and why tells its channel: a ransom where
someone is freed, a levy where traders or families pay or are forced to, else a donation.
"""
from __future__ import annotations

from rasid.resources.catalogue import grammar_words
from rasid.stages.reading.lexicons import CLAIM_CHANNELS, PARTIES, lexicon
from rasid.stages.reading.view import Hit, View
from rasid.text.tokens import stem_variants

NAME_WORDS = 3    # words after ل or إلى where the name of the group money goes to may stand
RECEIVER = 5      # words after paid money where the group it is paid to may stand
PAYER_AFTER = 3   # words after a verb of paying where who pays may stand (دفعت شركة لافارج)


def paid_to(view: View, k: int) -> int | None:
    """The end of the armed group money is paid to, named within RECEIVER words from token `k`
    after ل or إلى (`… لجبهة النصرة`, `لكتائب حزب الله`, `تسليمه إلى الحوثيين`); None when no
    group receives it."""
    _, hi = view.sentence_of(k) if k < len(view) else (k, k)
    for j in range(k, min(hi, k + RECEIVER)):
        if view.is_break(j):
            return None
        if dative(view, j):
            groups = view.armed_groups(j, min(hi, j + NAME_WORDS))
            return groups[0].end if groups and not own_members(view, groups[0]) else None
    return None


def own_members(view: View, group: Hit) -> bool:
    """`لعناصره`: the payer's own members, paid their wages."""
    return view.suffixed(lexicon(PARTIES), group.end - 1)


def dative(view: View, j: int) -> bool:
    """ل or إلى at token `j`: what follows receives (`لجبهة النصرة`, `إلى الحوثيين`)."""
    token = view.doc.tokens[j]
    text = view.doc.text
    return view.words[j] in grammar_words("to") or any(
        p.kind == "prep" and text[p.start:p.end].startswith("ل") for p in token.parts)


def paid_channel(view: View, lo: int, at: int, hi: int, default: str = "donations") -> str:
    """Money a group forces people to pay (`إجبار التجار على دفع الأموال`) is extortion; paid
    where its sentence speaks of hostages or of freeing someone (`للإفراج عنه`), a ransom; paid
    by traders, drivers, families or companies (`يؤكد سائقون أنهم يدفعون`), extortion; else
    `default` (a donation, for a payment)."""
    def named(role: str, a: int, b: int) -> bool:
        return any(v in grammar_words(role) for k in range(a, b) for v in stem_variants(view.words[k]))
    if named("forcing", lo, at):
        return "taxation_extortion"
    if speaks_of_captives(view, lo, hi):
        return "kidnapping_ransom"
    if named("civilian_payer", lo, min(hi, at + PAYER_AFTER)):
        return "taxation_extortion"
    return default


def speaks_of_captives(view: View, lo: int, hi: int) -> bool:
    """Whether tokens [lo, hi) speak of hostages, kidnapping or ransom, or of freeing someone."""
    return any(v in grammar_words("release") for k in range(lo, hi) for v in stem_variants(view.words[k])) or \
        any(h.entries[0].value == "kidnapping_ransom" for h in view.hits_in(CLAIM_CHANNELS, lo, hi))
