"""The words that name a source, and what kind of source they name.

After a speech verb the source runs to the complementizer (`أن`, `إن`, `:`) unless a word
about the statement itself comes first (`لموقع أخبار الآن`, `في تصريحات`, `مساء الخميس`);
before a verb it runs back to the last complementizer or the sentence start. Its kind comes
from descriptor words (source_kinds.tsv: `منشق`, `الباحث`, `وزارة`, `تقرير`), from an outlet
name (the outlets of the actor base, `kb.outlets`), or from the registry of names already
described in the report: the name part of `محمد الجمعة (من سكان مدينة هجين)` is remembered as a
resident.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from rasid.kb import outlets, research_bodies
from rasid.resources.catalogue import function_words, grammar_words, relatives
from rasid.stages.reading.lexicons import CLAIM_CHANNELS, CLAIM_ROLES, EVENT_TRIGGERS, SOURCE_CUES, SOURCE_KINDS
from rasid.stages.reading.polarity import is_hedged
from rasid.stages.reading.view import Hit, View
from rasid.text.tokens import one_of, stem_variants

NP_MAX = 16      # words after a verb within which its complementizer must come
NP_SHORT = 3     # words taken when none comes
PREP_MAX = 8     # words of the object of بحسب / وفق
BEFORE_MAX = 20  # words before a verb that may name its subject
INTRODUCED_MAX = 40  # or a name and its description, set off by commas, from the sentence start
_ENDS_NP = ("comp", "stop", "verb", "cont", "prep", "back", "charge")
_PLURAL_MIN = 7  # letters of a definite sound plural (ال + stem + ين): shorter ones are nouns (الدين)
_OUTLET_STRENGTH = 4
_RIGHTS_STRENGTH = 4  # rights groups (source_kinds.tsv) and the actor base's research bodies: weaker than a research centre's own word
_MENTION_KIND = "official"  # a named person or body no descriptor places
_WEAK = 9                   # strength of bare group words (التنظيم): a known name beats them
_BACK = "back:"              # registry keys of descriptors a bare definite word refers back to
_WEAK_WORDS = 3             # and they name a source only as a short subject (أعلن التنظيم)
_YEAR = re.compile(r"\d{4}|[٠-٩]{4}")  # a year in a time expression
_FINITE = 3                 # strength of a finite verb in the trigger lexicon (صادرت, هاجم)
_QUOTED_AFTER = 2           # words of a descriptor a quoted name right after it belongs to (وكالة "أعماق")
GROUP_HEAD = 4              # words at the head of a source's name where the group it speaks for is named


@dataclass(frozen=True, slots=True)
class Named:
    """A source: its token range and characters, kind, linked entity, and whether hedged."""
    tokens: tuple[int, int]
    start: int
    end: int
    kind: str | None
    entity: str | None = None
    hedged: bool = False


def after_verb(view: View, hit: Hit, hi: int) -> tuple[int, int] | None:
    """Tokens naming the subject that follows a speech verb, if any. A definite plural in the
    oblique case right after it (`واتهم الحوثيين بتنفيذ`) is its object: a subject would read
    الحوثيون; the verb then has no subject of its own. Nor has one a preposition follows, unless
    someone is named after it (`وقال من جهته الباحث`)."""
    j = k = hit.end
    if j < hi and (_oblique_plural(view, j) or view.prefixed(j, "ب") or view.words[j].startswith("بال")):
        return None  # `تفيد بتعمّد أحد الأشخاص`, `وشدد بالقول`: a subject carries no preposition
    counted, aside = 0, False  # an aside in brackets is not counted: `صالح (اسم مستعار)، وهو راعي أغنام …`
    while k < hi and counted < NP_MAX and not _ends_np(view, k) and not (k > j and _opens_object(view, k)):
        aside = view.words[k] == "(" or aside and view.words[k - 1] != ")"
        counted += not aside
        k += 1  # to the complementizer, or to the object (`أفادت مصادر عسكرية بمقتل`)
    if not (k < hi and complementizer_at(view, k)):
        k = next((m for m in range(j + 1, min(k, hi)) if _names_an_act(view, m)), k)  # `وأعلنت قسد اعتقال`
    if counted >= NP_MAX or (k < hi and view.words[k] == "."):
        k = next((m for m in range(j, min(hi, j + NP_SHORT)) if view.is_break(m)), min(hi, j + NP_SHORT))
    if j < hi and view.words[j] in grammar_words("preposition") and not _names_someone(view, j, k):
        return None  # `وشدد على أن`, `وأشار في الوقت نفسه إلى أن`: the subject is a pronoun
    return _trimmed(view, j, k)


def complementizer_at(view: View, k: int) -> bool:
    """Token k is `أن`, `إن` or `:`, which open what a source said (not a word with the article)."""
    found = view.match(SOURCE_CUES, k)
    return found is not None and found.entries[0].cls == "comp" and "ال" not in found.clitic


def _names_an_act(view: View, k: int) -> bool:
    """Token k is a word of an event or a financing act (`اعتقال`, `دعم`, `ضبط`): with no
    complementizer after the verb, the verb's object begins there (`وأعلنت قسد اعتقال خمسة`,
    `وأدانت الخارجية دعم إيران`)."""
    hits = [view.match(lex, k) for lex in (EVENT_TRIGGERS, CLAIM_ROLES, CLAIM_CHANNELS)]
    return any(h is not None and h.start == k and any(e.cls != "record" for e in h.entries) for h in hits)


def _opens_object(view: View, k: int) -> bool:
    """Token k is a word of an event or a financing act with the preposition ب (`بمقتل`, `بسيطرة`,
    `بإرسال`): it opens the verb's object; not a body someone belongs to (`قيادي بجماعة الحوثي`,
    `مسؤول بالبنك المركزي`)."""
    if not view.prefixed(k, "ب"):
        return False
    hits = [view.match(lex, k) for lex in (EVENT_TRIGGERS, CLAIM_ROLES)]
    return any(h is not None and any(e.cls != "record" for e in h.entries) for h in hits)  # `بتقرير`: a record


def _names_someone(view: View, lo: int, hi: int) -> bool:
    """A descriptor, an outlet or a person's or body's name among tokens [lo, hi) (`من جهته
    الباحث حسن خليل`), not only the words of a phrase about time or manner (`في الوقت نفسه`)."""
    return _described(view, lo, hi) is not None or bool(view.mentions(*view.chars(lo, hi), ("PER", "ORG")))


def _oblique_plural(view: View, k: int) -> bool:
    """`الحوثيين`, `المسلحين`: a definite sound plural (or dual) in the accusative or genitive;
    not a place named so (البحرين)."""
    word = view.words[k]
    if not (word.startswith("ال") and word.endswith("ين") and len(word) >= _PLURAL_MIN):
        return False
    return not view.mentions(*view.chars(k, k + 1), ("LOC",))


def before_verb(view: View, hit: Hit, floor: int, sentence_start: int) -> tuple[int, int] | None:
    """Tokens naming the subject before a verb: back to a complementizer or the sentence start;
    none when only a clause opener stands between a clause break and the verb.

    Words another cue of the sentence already took (`floor`) are no subject.
    """
    k = hit.start
    while k > floor and hit.start - k < BEFORE_MAX:
        prev = view.match(SOURCE_CUES, k - 1)
        if prev and prev.entries[0].cls == "comp" and "ال" not in prev.clitic and not _closed_time_clause(view, k, hit.start):
            break
        if view.is_break(k - 1) and k < hit.start and \
                all(view.words[m] in grammar_words("clause_opener") for m in range(k, hit.start)):
            return None  # `…، حيث أوضح أن`: only a conjunction since the break, the subject is a pronoun
        k -= 1
    if k == floor and floor > sentence_start:
        return None
    if hit.start - k >= BEFORE_MAX:
        k = _introduced(view, hit, max(floor, sentence_start), k)
    lo = k
    while lo < hit.start and (view.words[lo] in ("و", "ف") or view.words[lo] in grammar_words("clause_opener")):
        lo += 1  # `لكن السعودية التي اتهمت`: the opener is not part of the name
    return _trimmed(view, *_before_its_own_verb(view, *_publisher(view, lo, hit.start)))


def _before_its_own_verb(view: View, lo: int, hi: int) -> tuple[int, int]:
    """`أن السلطات صادرت نحو ثلاثة ملايين دولار من أصول مشفرة قالت إنها`: words before a verb
    that hold a verb of their own (a trigger the lexicon reads as a finite verb, strength 3)
    outside any name are a clause whose subject says the verb after it: the name is what stands
    before that verb (`السلطات`). A name that holds a trigger (`هيئة تحرير الشام`) is kept."""
    names = view.mentions(*view.chars(lo, hi), ("ORG", "PER")) if hi > lo else []
    for k in range(lo + 1, hi):
        found = view.match(EVENT_TRIGGERS, k)
        entry = found.entry("trigger") if found else None
        if entry is not None and entry.strength >= _FINITE and found.start == k and not found.clitic \
                and not any(m.start <= view.doc.tokens[k].start < m.end for m in names):
            return lo, k
    return lo, hi


def _closed_time_clause(view: View, k: int, verb: int) -> bool:
    """`قبل أن ينشق عن التنظيم …،` with `أن` at token k - 1: a clause of time that a comma closes
    before the verb at `verb` is part of the name's description, no complementizer (`بعد أن كانت
    تقارير سابقة تحدثت`, unclosed, holds the speaker of the verb itself)."""
    return k >= 2 and view.words[k - 2] in grammar_words("time_conjunction") and any(
        view.is_break(m) for m in range(k, verb))


def _introduced(view: View, hit: Hit, start: int, k: int) -> int:
    """`أبو عبيدة، شاب من بلدة الشحيل عمل محاسباً … قبل أن ينشق عن التنظيم، يقول إن`: a sentence
    that opens with a name and a comma, and a long description of it that ends in a comma right
    before the verb, names the speaker from its start (the description tells his kind); `k` where
    the words before the verb were too many for a name otherwise."""
    if not (view.is_break(hit.start - 1) and hit.start - start <= INTRODUCED_MAX):
        return k
    name = next(iter(view.mentions(*view.chars(start, start + 1), ("PER", "ORG"))), None)
    if name is None or name.start != view.doc.tokens[start].start:
        return k
    after = view.token_at(name.end - 1) + 1
    return start if after < hit.start and view.is_break(after) else k


def _publisher(view: View, lo: int, hi: int) -> tuple[int, int]:
    """`وأصدرت وزارة الداخلية بياناً قالت فيه`, `نشرت حركة الشباب تسجيلاً زعمت فيه`: before a
    verb that speaks in a statement, a verb of issuing and the statement it issued stand around
    the name; the name is what stands between them. Tokens [lo, hi) as they are otherwise."""
    for k in range(lo, hi):
        if one_of(view.words[k], grammar_words("publishing")):
            end = next((m for m in range(k + 1, hi) if one_of(view.words[m], grammar_words("statement_noun"))), None)
            return (k + 1, end) if end is not None and end > k + 1 else (lo, hi)
    return lo, hi


def prep_object(view: View, hit: Hit, hi: int) -> tuple[int, int] | None:
    """Tokens of the object of `بحسب`, `وفق`, `نقلاً عن`, up to a comma or a complementizer;
    after `وفق ما أفادت` the subject of the verb."""
    j = hit.end
    verb = view.match(SOURCE_CUES, j) if j < hi else None
    if verb and verb.entries[0].cls == "verb" and "ال" not in verb.clitic:
        j = verb.end
    k = j
    while k < hi and k - j < PREP_MAX and not _ends_np(view, k) and not (k > j and view.words[k] == "ما"):
        if view.is_break(k):  # (`بحسب السكان ما تبقى من خلايا التنظيم`: what follows is what they say)
            close = _quoted_name_end(view, j, k, min(hi, j + PREP_MAX))
            if close is None:
                break
            k = close  # `حسب موقع "عنب بلدي" المعارض`: a quoted name after its descriptor
        k += 1
    return _trimmed(view, j, k)


def _quoted_name_end(view: View, j: int, k: int, hi: int) -> int | None:
    """The closing quotation mark of a name quoted at `k` right after a descriptor word, or None."""
    if view.words[k] != '"' or k == j or view.doc.tokens[k - 1].kind != "word":
        return None
    return next((m for m in range(k + 1, hi) if view.words[m] == '"'), None)


def _ends_np(view: View, k: int) -> bool:
    if view.words[k] in (":", "."):
        return True
    if view.prefixed(k, "ل") and _outlet_at(view, k, len(view)) and not _a_record(view, k - 1):
        return True  # `وقال الرائد حسين علي لرويترز إن`: the outlet he spoke to
    found = view.match(SOURCE_CUES, k)
    if found and found.entries[0].cls == "stop" and view.words[k].startswith("ل") and _a_record(view, k - 1):
        return False  # `تقرير لمجلة "فورين بوليسي"`: whose report, not whom a speaker told
    return bool(found and found.entries[0].cls in _ENDS_NP and "ال" not in found.clitic)


def _a_record(view: View, k: int) -> bool:
    """Token k is a word for a report or a document (`تقرير`, `دراسة`, `وثائق`)."""
    hit = view.match(SOURCE_KINDS, k) if k >= 0 else None
    return hit is not None and hit.end == k + 1 and any(e.value == "report" for e in hit.entries)


def _trimmed(view: View, lo: int, hi: int) -> tuple[int, int] | None:
    """Tokens [lo, hi) without what stands around a name but is none of it: a leading `كان`
    (`وكان التنظيم قد أعلن`), a time and what follows it (`مصادر عسكرية السبت`, `وزارة
    الداخلية، الأسبوع الماضي`), trailing punctuation, prepositions, `قد` and the like."""
    while lo < hi and view.words[lo] in grammar_words("was"):
        lo += 1
    if (time := _time_in(view, lo, hi)) is not None:
        hi = time
    while hi > lo and (view.doc.tokens[hi - 1].kind == "punct" and view.words[hi - 1] != '"'
                       or view.words[hi - 1] in grammar_words("name_trailing")
                       or view.words[hi - 1] in grammar_words("preposition")):
        hi -= 1
    if hi > lo and view.words[hi - 1] == '"' and view.words[lo:hi].count('"') % 2:
        hi -= 1
    return (lo, hi) if hi > lo else None


def before_aside(view: View, lo: int, hi: int) -> int:
    """Where a source's name ends before a relative clause or an aside set off by a comma
    (`المسؤول، الذي طلب عدم ذكر اسمه`, `مسؤول، فضّل عدم ذكر اسمه`); its kind is read with them
    (`خالد العبيد، الذي يعمل باحثاً في مركز …` is a researcher)."""
    return next((k for k in range(lo + 1, hi - 1) if view.is_break(k) and _opens_aside(view, k + 1)), hi)


def _opens_aside(view: View, k: int) -> bool:
    """A relative pronoun or a verb of an aside at token k (`الذي`, `فضّل`): after a comma
    it says something of the speaker, it does not name him."""
    return view.words[k] in relatives() or one_of(view.words[k], grammar_words("aside"))


def _time_in(view: View, lo: int, hi: int) -> int | None:
    """The first token of the first time expression in tokens [lo, hi), after the first, that
    names no number or a year (`مصادر عسكرية السبت`, `حزب الله الجمعة مقتل …`, `روسيا في يونيو
    2017`), or None: a day said of the statement, not part of the name; a day and month may be
    the name's (`حركة 6 أبريل`)."""
    start, end = view.chars(lo, hi)
    for time in sorted(view.times.overlapping(start, end), key=lambda t: t.start):
        text = view.doc.text[time.start:time.end]
        if time.start > start and time.end <= end and (not any(c.isdigit() for c in text) or _YEAR.search(text)):
            return next(k for k in range(lo, hi) if view.chars(k, k + 1)[1] > time.start)
    return None


def named(view: View, np: tuple[int, int] | None, registry: dict[str, str]) -> Named | None:
    """The source named by tokens `np`, or None when nothing there names one."""
    if np is None:
        return None
    lo, hi = np[0], _before_setting(view, *np)
    described = _described(view, lo, hi)
    known = _registered(view, lo, hi, registry)
    mention = next(iter(view.mentions(*view.chars(lo, hi), ("PER", "ORG"))), None)
    back = _referred_back(view, lo, hi, registry)
    if back:
        kind = back  # `وأشارت المصادر` after `وذكرت مصادر محلية ومسافرون`: the same sources
    elif described and described[0] < _WEAK:
        kind = described[1]
        _remember(view, lo, hi, kind, registry)
        _remember_head(view, lo, hi, kind, registry)
    elif known:
        kind, at, length = known
        hi = at + length if at == lo else hi
    elif described and _words(view, lo, hi) <= _WEAK_WORDS:
        kind = described[1]
    elif mention is None and _state_named(view, lo, hi):
        kind = "official"
    else:
        kind = _MENTION_KIND if mention else None
    if kind is None:
        return None
    if kind == "official" and _of_a_group(view, lo, hi):
        kind = "group"
    hi = before_aside(view, lo, hi)
    start, end = view.chars(lo, hi)
    return Named((lo, hi), start, end, kind, mention.entity if mention else None, is_hedged(view, lo, hi))


def _of_a_group(view: View, lo: int, hi: int) -> bool:
    """A source's name that opens with an armed group the actor base knows (`جماعة الحوثي`) or
    with the title of one who leads or speaks for it before it (`الأمين العام لحزب الله`,
    `الناطق باسم حركة طالبان`): the group speaks; not a group named after other words
    (`السلطات الأفغانية حركة طالبان`, `قيام ميليشيات الحوثي`: the object of the verb taken in),
    nor one right after a verb of accusing (the accused), nor a word for fighters (`عناصر من
    الشرطة`)."""
    if lo > 0 and one_of(view.words[lo - 1], grammar_words("accusing")):
        return False  # `اتهمت حركة الشباب بتفجير شاحنة`: the group accused, not speaking
    segments = _segments(view, lo, hi)
    head = (lo, min(segments[0][1] if segments else hi, lo + GROUP_HEAD))
    armed = {e.id for e in view.doc.entities if e.kind == "armed_group"}
    for m in view.mentions(*view.chars(*head), ("ORG",)):
        start, end = view.token_at(m.start), view.token_at(m.end - 1) + 1
        if m.entity not in armed or any(h.start == start and h.end >= end for h in view.hits_in(SOURCE_KINDS, start, end)):
            continue  # not an armed group the actor base knows, or one the lexicon gives a kind (قسد)
        if all(_speaks_for(view, k) for k in range(lo, start)):
            return True
    return False


def _speaks_for(view: View, k: int) -> bool:
    """A word of one who leads or speaks for a body (`زعيم`, `الأمين العام`, `المتحدث باسم`)."""
    return one_of(view.words[k], grammar_words("speaks_for"))


def _state_named(view: View, lo: int, hi: int) -> bool:
    """A place named alone where a speaker stands (`السعودية التي اتهمت`, `واشنطن`): its
    government, an official source."""
    start, end = view.chars(lo, hi)
    return any(m.start <= start and end <= m.end for m in view.mentions(start, end, ("LOC",)))


def _words(view: View, lo: int, hi: int) -> int:
    return sum(view.doc.tokens[k].kind == "word" for k in range(lo, hi))


def _described(view: View, lo: int, hi: int) -> tuple[int, str] | None:
    """(strength, kind) from descriptor words or an outlet name: lowest strength, then first.
    Where the name's first part (up to a comma or a relative) is described, that part decides:
    what follows describes someone else (`الوثائق التي حصلت عليها "واشنطن بوست"` are documents,
    `وثيقة مسربة، نشرها موقع …` a document)."""
    found = [(h.entries[0].strength, h.start, h.entries[0].value) for h in view.hits_in(SOURCE_KINDS, lo, hi)]
    found += [(_OUTLET_STRENGTH, k, "media") for k in range(lo, hi) if _outlet_at(view, k, hi)
              and not (k > lo and view.words[k - 1] in grammar_words("preposition"))  # `في الشرق الأوسط`: a region
              and not _told_to(view, k, lo, found) and not _in_a_place(view, k)]
    found += [(_RIGHTS_STRENGTH + 1, k, "researcher") for k in range(lo, hi) if _named_at(view, k, hi, research_bodies())]
    if not found:
        return None
    segments = _segments(view, lo, hi)
    if segments:
        start, end = segments[0]
        if len(segments) > 1 and end - start <= _QUOTED_AFTER and view.words[end] == '"' and segments[1][0] == end + 1 \
                and segments[1][1] < hi and view.words[segments[1][1]] == '"':
            end = segments[1][1]  # `وكالة "أعماق"`: the quoted name of what its descriptor names
        first = [f for f in found if start <= f[1] < end]
        found = first or found
    strength, at, kind = min(found)
    if kind == "report" and any(value == "media" and k == at + 1 for _, k, value in found):
        kind = "media"  # `تقرير لمجلة "فورين بوليسي"`, `تقرير BBC`: the press's own report
    elif kind == "report" and (maker := _made_by(view, at, found)) is not None:
        kind = maker  # `تقديرات جمعها باحثون`: the researchers who gathered them
    elif kind == "researcher" and strength >= _RIGHTS_STRENGTH and any(value == "report" and k == at - 1
                                                                     for _, k, value in found):
        kind = "report"  # `تقرير لمنظمة حقوقية`: a rights group's report is a report (`مركز للدراسات` is the centre)
    return strength, kind


def _made_by(view: View, at: int, found: list[tuple[int, int, str]]) -> str | None:
    """`تقديرات جمعها باحثون`, `دراسة أعدها خبراء`: a record (at token `at`), then a verb of making
    it with a pronoun (grammar role made_by), then researchers who made it: a researcher's word,
    not a report. A body's record stays a report (`تقرير أعدته وزارة الخزانة`, `تقرير لمجلس الأمن`)."""
    verb = at + 1
    if verb >= len(view) or not one_of(view.words[verb], grammar_words("made_by")):
        return None
    return next((value for _, k, value in found if k == verb + 1 and value == "researcher"), None)


def _before_setting(view: View, lo: int, hi: int) -> int:
    """Where the words naming a source end when a later part of them, opening with `في`, `خلال`
    or `عبر`, tells where the statement was made (`سالم، في الكلمة التي نقلتها إذاعة "الوطن"`):
    at the part before it; the channel is not who spoke."""
    segments = _segments(view, lo, hi)
    return next((end for (_, end), (start, _) in zip(segments, segments[1:])
                 if view.words[start] in grammar_words("statement_setting")), hi)


def _told_to(view: View, k: int, lo: int, found: list) -> bool:
    """An outlet at token k that a speaker described before it spoke to (`المستشار الأمني، هشام
    الهاشمي، لرويترز`, `أفاد مسؤول محلي … وكالة فرانس برس`): the medium, not who speaks. An
    outlet's own report (`تقرير لصحيفة`, right after a record word) is the outlet's."""
    if k > lo and _a_record(view, k - 1):
        return False
    return k > lo and (view.prefixed(k, "ل") or any(at < k and value not in ("media", "report") for _, at, value in found))


def _in_a_place(view: View, k: int) -> bool:
    """An outlet's name inside a place's or right after one (`جمهورية مصر العربية`, `الإمارات
    العربية`: an adjective of the place, not the channel `العربية`)."""
    start, end = view.chars(k - 1 if k else k, k + 1)
    return any(m.start < view.doc.tokens[k].start for m in view.mentions(start, end, ("LOC",)))


def _outlet_at(view: View, k: int, hi: int) -> bool:
    return _named_at(view, k, hi, outlets())


def _named_at(view: View, k: int, hi: int, names) -> bool:
    """A name of `names` (folded) starts at token k, of up to three words before `hi`."""
    for n in (3, 2, 1):
        if k + n <= hi:
            head, rest = view.words[k], view.words[k + 1:k + n]
            if any(" ".join([v, *rest]) in names for v in stem_variants(head)):
                return True
    return False


def _segments(view: View, lo: int, hi: int) -> list[tuple[int, int]]:
    out, start, depth = [], lo, 0
    for k in range(lo, hi + 1):
        if k == hi or view.words[k] in grammar_words("name_split"):
            if start < k and depth == 0:
                out.append((start, k))
            depth += (k < hi and view.words[k] == "(") - (k < hi and view.words[k] == ")")
            start = k + 1
    return out


def _remember(view: View, lo: int, hi: int, kind: str, registry: dict[str, str]) -> None:
    """Register the name part of a described source (`عمرو فاروق` of `الباحث …، عمرو فاروق`)."""
    for s, e in _segments(view, lo, hi):
        if view.hits_in(SOURCE_KINDS, s, e) or any(_outlet_at(view, k, e) for k in range(s, e)):
            for person in view.mentions(*view.chars(s, e), ("PER",)):  # `الكاتب والباحث … عبد الباسط بن هامل`
                _register_name(view, view.token_at(person.start), view.token_at(person.end - 1) + 1, kind, registry)
            continue
        _register_name(view, s, e, kind, registry)


def _register_name(view: View, s: int, e: int, kind: str, registry: dict[str, str]) -> None:
    """The name of tokens [s, e) and its last word (the family name a report goes on with)."""
    words = [view.words[k] for k in range(s, e)
             if view.doc.tokens[k].kind == "word" and view.words[k] not in function_words()]
    if 1 <= len(words) <= 4 and len(words[-1]) >= 3:
        registry.setdefault(" ".join(words), kind)
        registry.setdefault(words[-1], kind)


def _remember_head(view: View, lo: int, hi: int, kind: str, registry: dict[str, str]) -> None:
    """Register a source described by a descriptor word (`مصادر محلية`, `مصادر`) under that word
    made definite (المصادر), so that the bare definite word later refers back to it; the latest
    such source wins. Only descriptors: `أحد السكان` registers no `الأحد`."""
    hit = view.match(SOURCE_KINDS, lo)
    word = view.words[lo]
    if hit is not None and hit.start == lo and not hit.clitic and not word.startswith("ال"):
        registry[_BACK + "ال" + word] = kind


def _referred_back(view: View, lo: int, hi: int, registry: dict[str, str]) -> str | None:
    """The kind of the source a bare definite descriptor (`المصادر`, `المصدر`) refers back to."""
    return registry.get(_BACK + view.words[lo]) if hi - lo == 1 else None


def _registered(view: View, lo: int, hi: int, registry: dict[str, str]) -> tuple[str, int, int] | None:
    """(kind, first token, length) of a name the report described before, near the start."""
    for k in range(lo, min(hi, lo + 4)):
        for n in (3, 2, 1):
            if k + n <= hi and " ".join(view.words[k:k + n]) in registry:
                return registry[" ".join(view.words[k:k + n])], k, n
    return None
