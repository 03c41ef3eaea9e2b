"""Who does what a claim's cue says: the party that is a verb's subject (an authority or an
armed group), who strikes a facility, who takes control or confiscates, who is funded. A cue's
role often turns on it: an authority seizing is a seizure, a group confiscating is its revenue;
funding a group is its income, a strike by a state its loss."""
from __future__ import annotations

from rasid import kb
from rasid.resources.catalogue import grammar_words
from rasid.stages.claims.owners import authority_in
from rasid.stages.claims.support import QUOTES
from rasid.stages.reading.lexicons import CLAIM_CHANNELS, GROUP_NAMES, PARTIES
from rasid.stages.reading.view import Hit, View
from rasid.text.tokens import one_of

SUBJECT = 6       # words before a takeover verb where its subject may stand
STRIKER = 1      # words before a strike verb where its subject may stand
AGENT = 10       # words after a strike where `من قبل` may name who struck
FROM_NEAR = 6    # words after a takeover where `من` may name the group it is taken from
_QUOTES = frozenset('"\'«»“”')  # around a name: no break
NOT_FINANCING = "not financing"  # what a cue makes of a channel word that is no claim of a group


def funds_a_group(view: View, hit: Hit) -> bool:
    """`واجهة تمويل "داعش"`, `تهريب النفط لتمويل الحوثيين`: funding named with the armed group
    funded right after it is that group's income, not its spending (`تمويل عملياته`)."""
    k = hit.end
    while k < len(view) and view.words[k] in QUOTES:
        k += 1
    groups = view.armed_groups(k, min(len(view), k + 1)) if k < len(view) else []
    return bool(groups) and groups[0].start == k and view.match(CLAIM_CHANNELS, hit.start) is not None


def confiscated_by_a_group(view: View, hit: Hit, taken_end: int) -> bool:
    """A seizure an armed group makes is what it takes, its revenue. Its subject decides: named
    right after the verb (`صادرت جماعة الحوثي شحنات الوقود`; `صادرت الحكومة أموال قادته` after
    `هزيمة داعش` is the state's), else right before it, not as the object of a preposition
    (`الحوثيون صادروا`; not `ضبط مسلحين من داعش ومصادرة`). With no subject named and no
    authority in the sentence, what is taken from the people (`مصادرة ممتلكات السكان`, the token
    right after what is taken, ending at `taken_end`) in a sentence that names a group is taken
    by that group."""
    if one_of(view.words[hit.start], grammar_words("police_seizure")):
        return False  # `ضبطت هيئة تحرير الشام شحنة كبتاغون`: seizing contraband, as police do, is no income
    lo, hi = view.sentence_of(hit.start)
    after = _party_at(view, hit.end, hi)
    if after is not None:
        return after == "group"
    before = _party(view, hit.start - 1) if hit.start > lo else None
    if before is not None and not (hit.start - 2 >= lo and view.words[hit.start - 2] in grammar_words("preposition")):
        return before == "group"
    if authority_in(view, lo, hi):
        return False
    return taken_end < hi and one_of(view.words[taken_end], grammar_words("the_people")) \
        and bool(view.armed_groups(lo, hi))


def _party_at(view: View, k: int, hi: int) -> str | None:
    """The party whose name begins at token k (`جماعة الحوثي`, `تنظيم داعش`, `الحكومة`)."""
    if k >= hi:
        return None
    starts = {g.start for g in view.armed_groups(k, min(hi, k + 3))}
    if k in starts or k + 1 in starts and view.words[k] in kb.designators():
        return "group"  # `الحوثيون`, `جماعة | الحوثي`
    return _party(view, k)


def takeover_role(view: View, hit: Hit) -> str:
    """`asset` when the group takes control, `seizure` when an authority does (parties.tsv), or
    when what is taken is taken from an armed group (`جرت استعادة عشرات القطع الأثرية من تنظيم "داعش"`)."""
    if subject_party(view, hit) == "authority" or _from_a_group(view, hit):
        return "seizure"
    return "asset"


def _from_a_group(view: View, hit: Hit) -> bool:
    """`من` within FROM_NEAR words after the cue, no break between, with an armed group right after it."""
    _, hi = view.sentence_of(hit.start)
    for k in range(hit.end, min(hi - 1, hit.end + FROM_NEAR)):
        if view.is_break(k) and view.words[k] not in _QUOTES:
            return False
        if view.words[k] == "من":
            return bool(view.armed_groups(k + 1, min(hi, k + 4)))  # `من تنظيم "داعش"`
    return False


def strike_role(view: View, hit: Hit, target: int | None = None) -> str:
    """A strike on what yields value is the group's `loss` where an authority strikes, or where
    no striker is named but its sentence names the group (`مني التنظيم بخسائر بعد استهداف
    المنشآت النفطية التي كان يسيطر عليها`). An armed group striking (`استهداف ميليشيات الحوثي
    ناقلتي نفط`, `الحوثيين استهدفوا`) damages another's property, and a strike with no group in
    its sentence shows nothing of a group's: `NOT_FINANCING`. The striker is named right before
    the verb, or after it but before what is struck (`target`, the token where the thing struck
    is named: `استهدفت الغارات حقول داعش` strikes the group's fields), or after `من قبل`; a group
    further back is another verb's subject."""
    ahead = min(hit.end + 3, target if target is not None and target > hit.end else hit.end + 1)
    party = subject_party(view, hit, back=STRIKER, ahead=ahead) or _agent_party(view, hit)
    if party == "authority":
        return "loss"
    return "loss" if party is None and _names_a_group(view, *view.sentence_of(hit.start)) else NOT_FINANCING


def _names_a_group(view: View, lo: int, hi: int) -> bool:
    """Whether the sentence [lo, hi) names an armed group (worked out once per sentence)."""
    return view.derived(("names a group", lo, hi), lambda: bool(view.armed_groups(lo, hi)))


def _agent_party(view: View, hit: Hit) -> str | None:
    """The party named after `من قبل`/`على يد` in the clause after `hit` (who did it)."""
    by_agent = grammar_words("by_agent")
    _, hi = view.sentence_of(hit.start)
    for k in range(hit.end, min(hi - 2, hit.end + AGENT)):
        if view.is_break(k):
            return None
        if " ".join(view.words[k:k + 2]) in by_agent:
            return _party(view, k + 2)
    return None


def subject_party(view: View, hit: Hit, back: int = SUBJECT, ahead: int | None = None) -> str | None:
    """`authority` or `group`: the party doing what the verb `hit` says, named before it in
    its clause (up to `back` words: `واشنطن استولت`) or right after it, before token `ahead`
    (three words on by default: `استولى التنظيم`), in its sentence."""
    lo, hi = view.sentence_of(hit.start)
    for k in range(hit.start - 1, max(lo, hit.start - back) - 1, -1):
        if view.is_break(k):
            break
        party = _party(view, k)
        if party:
            return party
    for k in range(hit.end, min(hi, hit.end + 3 if ahead is None else ahead)):
        party = _party(view, k)
        if party:
            return party
    return None


def _party(view: View, k: int) -> str | None:
    """`authority`, `group` or None for the word at `k`; a place names a state when it is a
    subject, not the object of a preposition (`واشنطن استولت`, not `في سوريا استولوا`)."""
    hit, name = view.match(PARTIES, k), view.match(GROUP_NAMES, k)
    if name and (hit is None or name.end > hit.end):
        return "group"  # `قوات سوريا الديمقراطية`, not the authority's `قوات`
    if hit:
        return hit.entries[0].cls
    start, end = view.chars(k, k + 1)
    before = view.words[k - 1] if k > 0 else ""
    after_preposition = before in grammar_words("preposition") or \
        before[:1] in ("و", "ف") and before[1:] in grammar_words("preposition")  # في, وفي
    has_preposition = any(p.kind == "prep" for p in view.doc.tokens[k].parts)
    if after_preposition or has_preposition:
        return None
    return "authority" if view.mentions(start, end, ("LOC",)) else None
