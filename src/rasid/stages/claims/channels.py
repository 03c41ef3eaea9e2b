"""Reading a financing claim out of a sentence: channel words, the role cue, who took what.

Channel words come from claim_channels.tsv, plus the proper names the report gave its
facilities (`حقول الجبسة` makes `مديرية الجبسة` an oil word for the whole report) and
barrels counted without the word oil. Words of one channel that stand together, and channel
words joined by و under one cue (`مصادر تمويل منها العملة الرقمية "البيتكوين" والذهب الخام`,
`بيع السلاح والنفط`), are one claim on the first channel; channels of different kinds listed with
no cue by them are each a claim (`مخصصات ومنهوبات وإتاوات`). A claim's role is the nearest cue
before it in the sentence (claim_roles.tsv), else the nearest after it in its clause, else the
channel's default; who does what the cue says (claims.agents) may turn it.
"""
from __future__ import annotations

from dataclasses import dataclass

from rasid.document import Quantity
from rasid.resources.catalogue import (function_words, grammar_words, properties, relatives, with_property,
                                      word_frequencies)
from rasid import kb
from rasid.stages.reading.lexicons import CLAIM_CHANNELS, CLAIM_ROLES, PARTIES, SOURCE_CUES, default_role, lexicon
from rasid.stages.claims.agents import (NOT_FINANCING, confiscated_by_a_group, funds_a_group, strike_role,
                                      takeover_role)
from rasid.stages.claims.earning import belonging_to, came_from, trade_between
from rasid.stages.claims.payments import dative
from rasid.stages.claims.support import QUOTES, SUPPORTED, no_money_support, supported_end
from rasid.stages.reading.view import Hit, View
from rasid.text.tokens import one_of, stem_variants

BACK = 10         # words before a channel word where its role cue may stand
_POLICY_JOINED = 3  # words back from a joined word (وتبييض) to the policy word's object
_RICH_JOINED = 3  # words joined by و after `الغنية ب…` that are still what the place is rich in
FORWARD = 5       # words after it, in its clause
SAME_GAP = 3      # words between two words of one channel that still make one claim
MARKET_NEAR = 8   # words between a black market and the channel sold there
SOURCE_AHEAD = 8  # words after a channel word where `مصدر`/`مورد` may call it a source of income
SOURCE_OF = 3     # words after `مصدر` where what it is a source of stands (المصدر الأكبر للأموال)
_RARE = 50        # a facility's name is a word news rarely uses (الجبسة, التنك)
_STRONG_BREAKS = frozenset({":", "(", ")"})
_MONEY_ONLY = frozenset({"money", "payment", "receipt", "demand"})  # role classes that govern money, never a channel word


@dataclass
class ChannelWord:
    start: int     # tokens [start, end)
    end: int
    channel: str
    cls: str       # word, asset, ctx, support, name, volume
    clitic: str = ""


@dataclass(frozen=True)
class Role:
    role: str
    start: int     # the cue's tokens; start == end when the role is the channel's default
    end: int


def facility_names(view: View) -> dict[str, str]:
    """Folded name → channel for every facility the report names (`حقول الجبسة` → الجبسة: oil)."""
    names: dict[str, str] = {}
    for hit in view.hits(CLAIM_CHANNELS):
        entry = hit.entry("asset")
        k = hit.end
        if entry is None or k >= len(view) or view.doc.tokens[k].kind != "word":
            continue
        word = view.words[k]
        if view.match(CLAIM_CHANNELS, k) or word in function_words() or not _name_like(view, k):
            continue
        for variant in stem_variants(word):
            names.setdefault(variant, entry.value)
    return names


def _name_like(view: View, k: int) -> bool:
    start, end = view.chars(k, k + 1)
    if view.mentions(start, end, ("LOC", "ORG")):
        return True
    freq = word_frequencies()
    return all(freq.get(v, 0) < _RARE for v in stem_variants(view.words[k]))


def channel_words(view: View, lo: int, hi: int, names: dict[str, str], quantities: list[Quantity]) -> list[ChannelWord]:
    """Channel words of tokens [lo, hi), in order."""
    found = []
    for h in view.hits_in(CLAIM_CHANNELS, lo, hi):
        if h.entries[0].cls == "idiom":
            continue  # `تحت تهديد السلاح`: at gunpoint, no arms trade
        if no_money_support(view, h):
            continue  # `الدعم المعنوي للحوثيين`: support that is no money
        end = supported_end(view, h, lo, hi) if h.entries[0].cls == "support" else h.end
        if end is not None and not _excluded(view, h.start):
            found.append(ChannelWord(h.start, end, h.entries[0].value, h.entries[0].cls, h.clitic))
    taken = {k for w in found for k in range(w.start, w.end)}
    for k in range(lo, hi):
        known = [names[v] for v in stem_variants(view.words[k]) if v in names]
        if k not in taken and view.doc.tokens[k].kind == "word" and known:
            found.append(ChannelWord(k, k + 1, known[0], "name"))
            taken.add(k)
    for q in quantities:
        a, b = view.token_at(q.start), view.token_at(q.end - 1) + 1
        volume = properties("unit").get(q.unit or "", {}).get("volume")
        if volume and lo <= a < hi and not taken & set(range(a, b)):
            found.append(ChannelWord(a, b, volume, "volume"))
    return _joined(view, _markets_named(sorted(found, key=lambda w: w.start)))


def _markets_named(words: list[ChannelWord]) -> list[ChannelWord]:
    """A black market takes the channel sold there: the nearest channel word before it, else
    after it, within MARKET_NEAR words (a support word names no goods); with none it is
    `other`. It then reads as a plain word."""
    out = []
    for k, w in enumerate(words):
        if w.cls != "market":
            out.append(w)
            continue
        sold = _goods_near(words, k, -1) or _goods_near(words, k, 1)
        out.append(ChannelWord(w.start, w.end, sold.channel if sold else w.channel, "word", w.clitic))
    return out


def _goods_near(words: list[ChannelWord], k: int, step: int) -> ChannelWord | None:
    """The nearest word naming goods from words[k] in direction `step`, within MARKET_NEAR words."""
    j = k + step
    while 0 <= j < len(words) and max(words[k].start - words[j].end, words[j].start - words[k].end) <= MARKET_NEAR:
        if words[j].cls in ("word", "asset", "name", "volume"):
            return words[j]
        j += step
    return None


def _excluded(view: View, k: int) -> bool:
    """`غير النفطية`: a channel word after `غير` names everything but that channel; after
    `مكافحة` (`قوانين مكافحة تمويل التنظيمات`) it names a policy, not a group's money; after
    `الغنية ب` (`دير الزور الغنية بالنفط`) it describes a place."""
    if _rich_in(view, k):
        return True
    return k > 0 and view.words[k - 1] in grammar_words("except") or against(view, k)


def _rich_in(view: View, k: int) -> bool:
    """Token k is what a place is rich in: `الغنية بالنفط`, and each word joined to it by و
    (`بالنفط والغاز`); not after the name عبد الغني."""
    j = k
    while j > 0 and k - j < _RICH_JOINED and view.words[j].startswith("و"):
        j -= 1  # back over `والغاز` to `بالنفط`
    return j > 0 and view.words[j].startswith("ب") and view.words[j - 1] in grammar_words("rich_in") \
        and (j < 2 or view.words[j - 2] != "عبد")


def against(view: View, k: int) -> bool:
    """Whether a policy word (`مكافحة`, `تجريم`) governs token `k`: right before it, or before
    the first of the words it is joined to by و or أو (`مكافحة تمويل الإرهاب | وتبييض الأموال`,
    `تجريم توفير أو | جمع الأموال`)."""
    if _after_combating(view, k):
        return True
    if not (view.words[k].startswith("و") or k > 0 and view.words[k - 1] == "او"):
        return False
    return any(_after_combating(view, j) for j in range(max(0, k - _POLICY_JOINED), k)
               if not any(view.is_break(b) for b in range(j, k)))


def _after_combating(view: View, k: int) -> bool:
    return k > 0 and one_of(view.words[k - 1], grammar_words("combating"))


LIST_BACK = 6  # words back over a list (its opening words, channel words, quotes) to the cue before it


def _joined(view: View, words: list[ChannelWord]) -> list[ChannelWord]:
    """One claim for words of one channel side by side, or a bare channel word joined by و
    under one cue; words of different channels listed with no cue before them stay apart, and
    an ambiguous word among them still reads as money (`خطف و"إتاوات"`)."""
    out: list[ChannelWord] = []
    for w in words:
        last = out[-1] if out else None
        own_act = last is not None and _told_by_its_own_verb(view, last, w)
        near = last is not None and not own_act and _same_near(view, last, w)
        listed = last is not None and not own_act and _coordinated(view, last, w)
        if (near or listed) and last.cls == "ctx" and w.cls == "word":
            last.cls = "word"  # `الخطف والفديات`, `خطف و"إتاوات"`: the plain word tells it is money
        if near or listed and _one_claim(view, last, w):
            last.end = max(last.end, w.end)
        else:
            out.append(ChannelWord(w.start, w.end, w.channel, w.cls, w.clitic))
    return out


def _told_by_its_own_verb(view: View, last: ChannelWord, w: ChannelWord) -> bool:
    """The word is a verb after و, or right after one (`ويأخذ الغنائم`): another act than the last."""
    return any(last.end <= k and act_of_its_own(view, k) for k in (w.start - 1, w.start))


def act_of_its_own(view: View, k: int) -> bool:
    """A verb in the imperfect after و (`يجمعون الضرائب ويبتزون التجار`, `يأخذ الغنائم ويستغل
    الثروات`): a new act, so a claim of its own. Read from the word's shape, so only where the
    word is a channel word or a role cue already: ي + stem (he), or ي/ت + stem + ون (they, you);
    a masdar may begin with ت (وتهريب) but not with ي."""
    word = view.words[k]
    return word.startswith("و") and len(word) > 4 and (word[1] == "ي" or word[1] == "ت" and word.endswith("ون"))


def _same_near(view: View, a: ChannelWord, b: ChannelWord) -> bool:
    """Words of one channel close together in a clause, with no cue of their own between them
    (`ابتزاز الشركات وتحصيل جبايات`: two acts, two claims)."""
    gap = range(a.end, b.start)
    return a.channel == b.channel and len(gap) <= SAME_GAP and not any(view.is_break(k) for k in gap) \
        and not any(h.entries[0].cls == "cue" for h in view.hits_in(CLAIM_ROLES, a.end, b.start))


def _coordinated(view: View, a: ChannelWord, b: ChannelWord) -> bool:
    """The channel word b is joined to a by و (quotation marks between allowed)."""
    between = [view.words[k] for k in range(a.end, b.start)]
    joined = all(w in grammar_words("joiner") for w in between)
    return b.cls in ("word", "cued") and joined and ("و" in between or b.clitic.startswith("و"))


def _one_claim(view: View, a: ChannelWord, b: ChannelWord) -> bool:
    """Coordinated channel words are one claim where they are of one channel or one cue governs
    them both, before them (`بيع السلاح والنفط`) or right after them (`شكّلت الآثار والمخدرات
    مورداً`); words of different channels listed with no cue by them are each a statement of
    their own (`مخصصات ومنهوبات وإتاوات`, `سوق المشتقات النفطية والغاز المنزلي الذي`)."""
    if a.channel == b.channel or _cue_right_before(view, a):
        return True
    sentence = view.sentence_of(b.start)
    role, first = role_of(view, b, *sentence), role_of(view, a, *sentence)
    if role is None:  # a word that makes no claim alone stays in the claim before it (`الخطف والنفط كمصدرين`)
        return first is not None
    if first is None or (first.start, first.end) != (role.start, role.end) or role.start < b.end:
        return False  # a cue before them, not right before (`أرباحها في سوق المشتقات النفطية والغاز`): two
    between = view.words[b.end:role.start]  # one cue right after both, or after a relative (`النفط والغاز اللذين يسيطر`)
    return all(w in relatives() for w in between)


def _cue_right_before(view: View, a: ChannelWord) -> bool:
    """A role cue ends right where the channel word begins (`بيع | السلاح`), or where the list
    it stands in begins: past the words that open a list, the channel words and quotation marks
    before it (`مصادر تمويل | منها العملة الرقمية "البيتكوين"`) and the group that is the cue's
    subject (`يبيع تنظيم داعش | النفط والغاز`)."""
    start = a.start
    lo, _ = view.sentence_of(a.start)
    subject = {k for g in view.armed_groups(max(lo, a.start - LIST_BACK), a.start) for k in range(g.start, g.end)}
    while start > lo and a.start - start < LIST_BACK and (
            view.words[start - 1] in grammar_words("listing") or view.words[start - 1] in QUOTES
            or _in_channel_word(view, start - 1) or start - 1 in subject
            or view.words[start - 1] in kb.designators() and start in subject):
        start -= 1  # `يبيع | التنظيم النفط والغاز`: the verb, its subject, then what it sells
    return any(h.end == start for h in view.hits_in(CLAIM_ROLES, max(0, start - 3), start))


def _in_channel_word(view: View, k: int) -> bool:
    """Token k is part of a channel word (`العملة الرقمية`); a word of support or funding
    (`مصادر تمويل`) is the cue there, not a listed channel."""
    return any(h.start <= k < h.end and h.entries[0].cls != "support"
               for h in view.hits_in(CLAIM_CHANNELS, max(0, k - 3), k + 1))


def role_of(view: View, word: ChannelWord, lo: int, hi: int) -> Role | None:
    """The claim's role: nearest cue before (in the sentence), the word itself where it is a cue
    too, after (in the clause), or default.

    Earned money named right before the channel (`إيراداته النفطية`) takes the role of a verb
    that governs it (`خسر نحو 80% من إيراداته النفطية` is a loss).
    """
    if word.cls == "support":
        return _support_role(view, word, lo)
    cues = [h for h in view.hits_in(CLAIM_ROLES, max(lo, word.start - BACK), min(hi, word.end + FORWARD))
            if h.entries[0].cls not in _MONEY_ONLY and "money" not in h.entries[0].needs
            and _needs_met(view, h, hi) and not particle_not_cue(view, h, lo) and not belonging_to(view, h.start)
            and _role(view, h, word, strikes=False)]
    before = [h for h in cues if _reaches(view, h, word)]
    if before:
        nearest = _governing(view, before, word)
        if not (default_role(word.channel) and _other_object(view, nearest, word)):
            role = _role(view, nearest, word)
            if role == "asset" and (trade_between(view, nearest.end, word.start) or came_from(view, nearest.start, lo)):
                role = "revenue"  # `السيطرة على واردات النفط`, `جاء قسم منها من سكّ الدينار`: earning
            return Role(role, nearest.start, nearest.end) if role != NOT_FINANCING else None
    source = _source_of_income(view, word, hi)
    if source is not None:
        return source
    if word.cls == "ctx":
        return None
    own = next((h for h in cues if (h.start, h.end) == (word.start, word.end)), None)
    if own is not None:  # a word that names both (إفلاس: cash lost)
        role = _role(view, own, word)
        return Role(role, own.start, own.end) if role != NOT_FINANCING else None
    fallback = default_role(word.channel) if word.cls != "cued" else None  # `شح العملة الصعبة`: no claim
    if fallback:
        return Role(fallback, word.start, word.start)
    for h in cues:
        near = word.end <= h.start < word.end + FORWARD
        if near and not any(view.is_break(k) for k in range(word.end, h.start)) and not act_of_its_own(view, h.start):
            role = _funding_purpose(h) or _role(view, h, word)
            return Role(role, h.start, h.end) if role != NOT_FINANCING else None
    return None


def _reaches(view: View, cue: Hit, word: ChannelWord) -> bool:
    """A cue before the channel word governs it: no colon or bracket between, no new statement."""
    return cue.end <= word.start + 1 and cue.start < word.start \
        and not any(view.words[k] in _STRONG_BREAKS for k in range(cue.end, word.start)) \
        and not _reported_between(view, cue.start, word.start)


def _reported_between(view: View, a: int, b: int) -> bool:
    """A verb of telling and its complementizer from token a to b (`… ودفع رواتب عناصرها،
    وتشير شهادات إلى أن الذهب`): what follows is another statement, no cue before reaches it."""
    return any(_speaks(view, k) for k in range(a, b)) and any(
        (hit := view.match(SOURCE_CUES, k)) is not None and hit.entries[0].cls == "comp" for k in range(a, b))


def _source_of_income(view: View, word: ChannelWord, hi: int) -> Role | None:
    """`أما الخطف، فهو المصدر الأكبر للأموال`, `شكّلت الآثار مورداً موازياً للتنظيم`: a channel
    called, a few words on (across a comma, or an aside between two), a source of income,
    funding or money, or a source for an armed group, is that group's revenue; the role's words
    run to what it is a source of. Read before the channel's default, and for an ambiguous word
    too: the phrase says money is made of it. `قال مصدر` names a speaker, no source."""
    commas = 0
    for k in range(word.end, min(hi, word.end + SOURCE_AHEAD)):
        if view.is_break(k):
            commas += view.words[k] not in QUOTES
            if commas > 2 or view.words[k] in _STRONG_BREAKS:
                return None
            continue
        if not one_of(view.words[k], grammar_words("income_source")):
            continue
        if _speaks(view, k - 1):
            return None  # `قال مصدر مالي`: a source who speaks
        if _lost(view, k - 1):
            return None  # `رغم خسارته مصادر الدخل الكبرى`: sources lost, the channel is not called one
        for j in range(k + 1, min(hi, k + 1 + SOURCE_OF)):
            if view.is_break(j):
                break
            if one_of(view.words[j], grammar_words("income")) or (
                    dative(view, j) and view.armed_groups(j, min(hi, j + 2))):
                return Role("revenue", k, j + 1)
        if k + 1 < hi and view.words[k] in grammar_words("resource") and view.words[k + 1] in grammar_words("resource_kind"):
            return Role("revenue", k, k + 2)  # `شكّلت الآثار مورداً موازياً`: a resource of another kind beside the one told
        return None
    return None


def _lost(view: View, k: int) -> bool:
    """A cue of loss at token k (`خسارته`, `فقدان`)."""
    hit = view.match(CLAIM_ROLES, k) if k >= 0 else None
    return hit is not None and hit.entries[0].cls == "cue" and hit.entries[0].value == "loss"


def _speaks(view: View, k: int) -> bool:
    """A speech verb at token k (`قال`, `أكدت`): what follows names who speaks."""
    hit = view.match(SOURCE_CUES, k) if k >= 0 else None
    return hit is not None and hit.entries[0].cls == "verb"


def _funding_purpose(cue: Hit) -> str | None:
    """`يلجؤون إلى المخدرات لتمويل عملياتهم`: a channel that pays for the group's operations,
    named before ل + a spending cue, is where its money comes from: revenue."""
    return "revenue" if cue.entries[0].value == "expenditure" and "ل" in cue.clitic.removesuffix("ال") else None


def _support_role(view: View, word: ChannelWord, lo: int) -> Role:
    """Support is the supported group's revenue, a loss where a loss cue right before governs it
    (`خفضت طهران قيمة تمويلها`); other cues before it govern other money (`جمدت أصول شبكة تمول
    حزب الله` freezes the network's assets: the support is a claim of its own)."""
    for h in view.hits_in(CLAIM_ROLES, max(lo, word.start - SUPPORTED), word.start):
        if h.end <= word.start and h.entries[0].cls == "cue" and h.entries[0].value == "loss":
            return Role("loss", h.start, h.end)
    return Role(default_role(word.channel) or "revenue", word.start, word.start)


def _governing(view: View, before: list[Hit], word: ChannelWord) -> Hit:
    """The nearest cue, unless earned money before the channel (`عائداتها`, `إيراداته`) is
    governed by a loss, transfer or seizure (`تراجع عائداتها من تهريب النفط` is a loss); money
    joined by و to what the verb governs is a second object, not governed (`نقل رؤوس أمواله
    وعوائد بيع السلاح`)."""
    k = len(before) - 1
    while k > 0:
        prev, cur = before[k - 1], before[k]
        if any(view.is_break(m) for m in range(prev.end, cur.start)) or cur.clitic.startswith("و"):
            break
        if "derived" not in (cur.entries[0].cls, prev.entries[0].cls):
            break
        if _role(view, prev, word) in with_property("role", "governing"):
            return prev
        k -= 1
    return before[-1]


def particle_not_cue(view: View, hit: Hit, lo: int) -> bool:
    """`وطبقا للمحامية، فقد طلب المسلحون`: at a clause's start فقد is ف + قد before a verb, not
    `lost` (grammar role clause_particle); before a noun phrase (`فقد التنظيم`, `فقد تنظيم داعش`,
    a name) it is the verb."""
    k = hit.start
    if view.words[k] not in grammar_words("clause_particle") or not (k == lo or view.is_break(k - 1)):
        return False
    if k + 1 >= len(view) or view.kinds[k + 1] != "word":
        return False
    following = view.words[k + 1]
    return not (following.startswith("ال") or following in kb.designators() or view.match(PARTIES, k + 1)
                or view.mentions(*view.chars(k + 1, k + 2)))


_SUBJECT_NEAR = 3  # tokens after a cue that needs a group where the group stands (خروج تنظيم "داعش")


def _needs_met(view: View, hit: Hit, hi: int) -> bool:
    """A cue that needs an object has a noun after it, no preposition (`تقرير صادر عن` is
    "issued by"), and is no word of issuing (`القرار الصادر أمس`: `issued`); one that needs a
    group has an armed group right after it as its subject (`خروج تنظيم داعش من`)."""
    needs = hit.entries[0].needs
    if "group" in needs and not view.armed_groups(hit.end, min(hi, hit.end + _SUBJECT_NEAR)):
        return False
    if "object" not in needs:
        return True
    return hit.end < hi and view.doc.tokens[hit.end].kind == "word" \
        and view.words[hit.end] not in function_words() and not issued(view, hit)


def issued(view: View, hit: Hit) -> bool:
    """`الصادر`, `الصادرة`: "issued" (صادر with the article describes a decision or a report), no
    verb of confiscating, whatever follows it (`التقرير الصادر عن الأمم المتحدة`); so is an
    indefinite one right before عن or من (`تقرير صادر عن`)."""
    k = hit.start
    return view.words[k] in grammar_words("issued") or view.words[k] in grammar_words("issued_indefinite") \
        and k + 1 < len(view) and view.words[k + 1] in grammar_words("issued_by")  # `تقرير صادر عن`


def _role(view: View, hit: Hit, word: ChannelWord, strikes: bool = True) -> str | None:
    """The role cue `hit` gives the channel word; a strike's is worked out only with `strikes`
    (choosing among cues needs only to know that it gives one)."""
    cls = hit.entries[0].cls
    if cls == "conduit":
        return "transfer" if word.channel in with_property("channel", "conduit") else "revenue"
    if hit.entries[0].value == "transfer" and (word.channel not in with_property("channel", "movable") or word.cls == "ctx"):
        return None  # moving a factory or a mine is no transfer of funds, nor moving captives (`نقل المختطفين`)
    if hit.entries[0].value == "loss" and word.channel in with_property("channel", "military"):
        return None  # a strike on a weapons depot is an event, not a financing loss
    if hit.entries[0].value == "seizure" and confiscated_by_a_group(view, hit, word.end):
        return "revenue"
    if hit.entries[0].value == "expenditure" and funds_a_group(view, hit):
        return "revenue"
    if cls == "takeover":
        role = takeover_role(view, hit)
        taken_as_income = with_property("channel", "goods") | with_property("channel", "income")
        return "revenue" if role == "asset" and word.channel in taken_as_income else role
    if "authority" in hit.entries[0].needs:
        return strike_role(view, hit, word.start) if strikes else hit.entries[0].value
    if cls == "purchase":
        return _purchase(view, word)
    return hit.entries[0].value


def _other_object(view: View, cue: Hit, word: ChannelWord) -> bool:
    """`استهداف الفنادق وابتزاز المسافرين`: the cue governs the noun after it; a channel word
    that names an act of its own, joined by و after that noun, keeps its own role."""
    return joined_by_and(view, word.start) and word.start - cue.end >= 1 and view.doc.tokens[cue.end].kind == "word" \
        and view.match(CLAIM_CHANNELS, cue.end) is None


def joined_by_and(view: View, k: int) -> bool:
    """Token `k` carries و or follows a bare و: it joins what comes before."""
    return any(p.kind == "conj" for p in view.doc.tokens[k].parts) or k > 0 and view.words[k - 1] == "و"


def _purchase(view: View, word: ChannelWord) -> str:
    """Buying from the group is its revenue; the group buying is investment or expenditure."""
    after = view.words[word.end:word.end + FORWARD]
    from_them = grammar_words("from_them")
    if any(w in from_them for w in after) or " ".join(after[:2]) in from_them:
        return "revenue"
    return "investment" if word.channel in with_property("channel", "invested") else "expenditure"


def generic_money(view: View, k: int) -> bool:
    """`الأموال`, `أمواله`, `مبالغ`: money that names no channel."""
    hit = view.match(CLAIM_ROLES, k)
    return bool(hit and hit.entries[0].cls == "money")


def derived_money(view: View, k: int) -> bool | None:
    """None unless token `k` is money earned from a channel (`عائدات`, `أرباح`); else whether it
    carries a pronoun that points back to that channel (`عائدها`)."""
    hit = view.match(CLAIM_ROLES, k)
    if hit is None or hit.entries[0].cls != "derived":
        return None
    return view.bases(lexicon(CLAIM_ROLES))[k] != view.words[k]
