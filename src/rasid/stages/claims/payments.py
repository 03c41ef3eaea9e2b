"""Money changing hands: who a payment goes to, who pays, and what kind of payment it is.

A payment to an armed group is its revenue; who pays and why tells its channel: a ransom where
someone is freed, a levy where traders or families pay or are forced to, else a donation.
"""
from __future__ import annotations

from rasid.kb.places import adjective_country
from rasid.resources.catalogue import grammar_words, relatives
from rasid.stages.attribution import turns_topic
from rasid.stages.reading.lexicons import CLAIM_CHANNELS, EVENT_TRIGGERS, PARTIES, lexicon
from rasid.stages.reading.view import Hit, View
from rasid.text.tokens import one_of, stem_variants

NAME_WORDS = 3    # words after ل or إلى where the name of the group money goes to may stand
RECEIVER = 5      # words after paid money where the group it is paid to may stand
PAYER_AFTER = 3   # words after a verb of paying where who pays may stand (دفعت شركة لافارج)
PAYER_BEFORE = 4  # and before it (يؤكد سائقون أنهم يدفعون)
FORCED_BEFORE = 16  # words before a verb of paying where a forcing word makes it extortion


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
    return view.words[j] in grammar_words("to") or view.prefixed(j, "ل")


def paid_channel(view: View, lo: int, at: int, hi: int, default: str = "donations", after_ransom: bool = False) -> str:
    """Money a group forces people to pay (`إجبار التجار على دفع الأموال`) is extortion; paid
    where its sentence speaks of hostages or of freeing someone (`للإفراج عنه`), or right after
    the report told of a ransom (`after_ransom`: `دفعت 150 مليون دولار لكتائب حزب الله` goes on
    telling the deal), a ransom; paid
    where the sentence spoke of extortion before it (`ابتزت المسافرين … مقابل دفع أموال`), or by
    traders, drivers, families or companies (`يؤكد سائقون أنهم يدفعون`, `دفعت شركة لافارج`),
    extortion; else `default` (a donation, for a payment)."""
    if _forced(view, lo, at):
        return "taxation_extortion"
    if after_ransom or speaks_of_captives(view, lo, hi):
        return "kidnapping_ransom"
    extortion = view.derived(("first extortion", lo, hi), lambda: next(
        (h.start for h in view.hits_in(CLAIM_CHANNELS, lo, hi) if h.entries[0].value == "taxation_extortion"), hi))
    return "taxation_extortion" if extortion < at or civilians_pay(view, lo, at, hi) else default


def _forced(view: View, lo: int, at: int) -> bool:
    """A forcing word governs the payment at `at`: within FORCED_BEFORE words before it, no
    relative clause between (`فرضت واشنطن عقوبات على قطر التي دفعت` forces nothing paid)."""
    for k in range(at - 1, max(lo, at - FORCED_BEFORE) - 1, -1):
        if view.words[k] in relatives():
            return False
        if forcing_at(view, k):
            return True
    return False


def forcing_at(view: View, k: int) -> bool:
    """A verb or verbal noun of forcing at token k (`أجبروا`, `إجبار`, `فرضوا`)."""
    return one_of(view.words[k], grammar_words("forcing"))


def civilians_pay(view: View, lo: int, at: int, hi: int) -> bool:
    """Whether who pays, named a few words before the verb at `at` or right after it, is
    civilians: the nearest party named there decides (`وأكد التجار أن قطر دفعت`: Qatar pays)."""
    before = range(at - 1, max(lo, at - PAYER_BEFORE) - 1, -1)
    after = range(at + 1, min(hi, at + 1 + PAYER_AFTER))
    for side in (after, before):
        for k in side:
            if view.is_break(k) or dative(view, k):
                break
            if one_of(view.words[k], grammar_words("civilian_payer")):
                return True
            if view.match(PARTIES, k) or view.mentions(*view.chars(k, k + 1), ("LOC", "ORG", "PER")):
                return False  # another party pays (`دفعت قطر`, `أن قطر دفعت`)
    return False


def speaks_of_captives(view: View, lo: int, hi: int) -> bool:
    """Whether sentence tokens [lo, hi) speak of hostages, kidnapping or ransom, or of freeing
    someone (read once per sentence): the words of the claim lexicon for them (`فدية`,
    `المخطوفين`), a kidnapping or a release the event lexicon knows (`اختطفوهن`, `إطلاق سراح`),
    a word of freeing (`الإفراج`) or of getting a relative back (`لاستعادة ابنها`). A word for
    prisoners alone (`أحد الأسرى`) is not enough: a captured fighter tells of his group's pay."""
    def read() -> bool:
        return any(one_of(view.words[k], grammar_words("release")) or _recovers_kin(view, k, hi) for k in range(lo, hi)) or \
            any(h.entries[0].value == "kidnapping_ransom" for h in view.hits_in(CLAIM_CHANNELS, lo, hi)) or \
            any(h.entries[0].cls == "release" or h.entries[0].value == "kidnapping"
                for h in view.hits_in(EVENT_TRIGGERS, lo, hi))
    return view.derived(("speaks of captives", lo, hi), read)


def _recovers_kin(view: View, k: int, hi: int) -> bool:
    """Getting a relative back at token k (`لاستعادة ابنها`, `استرداد أطفالهم`): what a family pays
    for is a captive's release; getting back land or money (`استعادة السيطرة`) is not."""
    return k + 1 < hi and one_of(view.words[k], grammar_words("recovering")) and view.words[k + 1] in grammar_words("kin")


def clause(view: View, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """Tokens [start, end) widened to the breaks (commas, stops) around them, within [lo, hi)."""
    while start > lo and not view.is_break(start - 1):
        start -= 1
    while end < hi and not view.is_break(end):
        end += 1
    return start, end


def clause_of(view: View, k: int, lo: int, hi: int) -> tuple[int, int]:
    """The clause around token k, with a clause next to it that tells what was given in return
    (`…، مقابل الإفراج عن الرهائن`, `أطلقت سراح 20 أسيراً، وحصلت في المقابل على`)."""
    start, end = clause(view, k, k, lo, hi)
    if end + 1 < hi and _in_return(view, end + 1, hi):
        end = clause(view, end + 1, end + 1, lo, hi)[1]
    if start - 1 > lo and _in_return(view, start, hi):
        start = clause(view, start - 1, start - 1, lo, hi)[0]
    return start, end


def _in_return(view: View, k: int, hi: int) -> bool:
    """A clause opening at token k tells what was given in return (`مقابل`, `لقاء`, `في المقابل`)."""
    return any(view.words[j] in grammar_words("in_return") or any(
        v in grammar_words("in_return") for v in stem_variants(view.words[j])) for j in range(k, min(hi, k + 3)))


def continues_ransom(view: View, ransom_sentence: int, lo: int, hi: int) -> bool:
    """Whether a payment in sentence tokens [lo, hi) goes on telling the ransom told in sentence
    `ransom_sentence`: it does not turn to another matter (`وفي سياق منفصل`), name a donor or
    support (`من متبرعين`), or name a payer the ransom's sentence and the one before do not
    (`ودفعت إيران … للحوثيين` after kidnappers of the Islamic State)."""
    if turns_topic(view, lo, hi) or any(h.entries[0].value == "donations" for h in view.hits_in(CLAIM_CHANNELS, lo, hi)):
        return False
    told = view.sent_ranges[max(0, ransom_sentence - 1)][0], view.sent_ranges[ransom_sentence][1]
    countries = {adjective_country(w) for w in view.words[told[0]:told[1]]} - {None}  # `صياداً قطرياً`: Qatar's deal
    return _parties(view, lo, hi) <= _parties(view, *told) | countries


def _parties(view: View, lo: int, hi: int) -> set[str]:
    """The states and authorities named in tokens [lo, hi), who may pay: a place by its country
    (`الدوحة` and `قطر` are one), an authority of parties.tsv by its word."""
    countries = view.derived(("countries",), lambda: {e.id: e.country for e in view.doc.entities if e.country})
    out = {countries.get(m.entity) or view.doc.text[m.start:m.end]
           for m in view.mentions(*view.chars(lo, hi), ("LOC",))}
    return out | {stem_variants(view.words[h.start])[-1] for h in view.authorities(lo, hi)}
