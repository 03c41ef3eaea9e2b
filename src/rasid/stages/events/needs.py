"""What a trigger needs around it to name an event (event_triggers.tsv, column `needs`): على or
من after a verb of control, a place, an object, money, a date or a count, a deal's content, no
treaty, no sale, no toll, a literal object, a device that went off. Each check reads the
sentence's `Context` and the tokens near the trigger; `satisfied` asks every need of an entry."""
from __future__ import annotations

from rasid.resources.catalogue import function_words, grammar_words, relatives
from rasid.stages.attribution import clause_start
from rasid.stages.events.context import NEAR, Context, complementizer, is_money
from rasid.stages.reading.lexicons import EVENT_TRIGGERS, PARTIES, Entry, lexicon
from rasid.stages.reading.view import Hit, View, without_suffix
from rasid.text.normalise import fold
from rasid.text.numerals import number_words, unit_words
from rasid.text.tokens import one_of

_AGENT_AFTER = 2    # words after a plural of strikes where who made them stands (غارات لمقاتلات التحالف)
_SUBJECT_AFTER = 3  # words after a verb where its subject stands (أحرق مسلحو الحركة)
_QUOTES = frozenset('"\'«»“”')  # around a group's name (تنظيم "داعش")
ON_NEAR = 10        # words after a verb of control where على stands, past its subject (tokens, commas too)
_ABSTRACT_NEAR = 2  # words after a verb of targeting or a noun of control where an abstract object stands (شبكات تمويل, على الوضع)
_SPARKED_NEAR = 6    # words after فجّر where what it sets off figuratively stands (past its subject and a day)
_SALE_NEAR = 3  # words after a deal noun where a word of selling makes it a trade (صفقة واحدة بيعت فيها)
_PERSON_SUFFIXES = ("ه", "هم", "هما", "هن")  # him, them: `أوقفته`, not `أوقفتها` (it, a flight or aid)
_OBJECT_NEAR = 12    # words after a verb where the person it acts on stands, past its subject
_TOLL_NEAR = 3       # words after a trigger where a word for the dead or wounded makes it a toll
_VERB_STRENGTH = 3  # the strength of a finite verb of control in the trigger lexicon (سيطرت, بسطوا)
ACHIEVED_BEFORE = 8  # words before a verbal noun of taking ground where a word of achievement stands
ACHIEVING_BEFORE = 12  # words before it where a verb of managing stands, past a long subject, in the same clause
_HELD_GAP = 3      # words between a word of holding arms and the device it holds (لدى حزب الله 14 ألف صاروخ)
HANDLED_BEFORE = 7  # words before a device where a verb of finding, seizing or dismantling it stands


def satisfied(view: View, ctx: Context, hit: Hit, needs: tuple[str, ...]) -> bool:
    """Whether every need of a trigger holds (see event_triggers.tsv)."""
    return all(_CHECKS[need](view, ctx, hit) for need in needs)


def place_after(view: View, ctx: Context, hit: Hit) -> str | None:
    """What names the place a trigger is about: a LOC entity (or its text), or the word after a
    place noun (`مدينة هجين` → هجين); None when no place follows."""
    start, _ = view.chars(hit.end, hit.end)
    for m in view.mentions(start, view.chars(hit.end, min(ctx.hi, hit.end + NEAR))[1], ("LOC",)):
        return fold(m.text)
    for k in range(hit.end, min(ctx.hi, hit.end + NEAR)):
        found = view.match(EVENT_TRIGGERS, k)
        if found and found.entry("place"):
            nxt = found.end
            word = view.words[nxt] if nxt < ctx.hi and view.doc.tokens[nxt].kind == "word" else ""
            return word if word and word not in function_words() else view.words[k]
    return None


def _near(ctx: Context, hit: Hit) -> range:
    return range(hit.end, min(ctx.hi, hit.end + NEAR))


def _on(view: View, ctx: Context, hit: Hit) -> bool:
    """على within NEAR words; after a finite verb of control, past its subject and a day set off
    by commas (`سيطرت قوات الجيش، الثلاثاء، على مواقع`) within ON_NEAR."""
    entry = hit.entry("trigger")
    reach = ON_NEAR if entry is not None and entry.strength >= _VERB_STRENGTH else NEAR  # the noun السيطرة: NEAR
    return any(view.words[k] == on or view.words[k].startswith(on) and len(view.words[k]) <= 6
               for k in range(hit.end, min(ctx.hi, hit.end + reach)) for on in grammar_words("on"))


def _from(view: View, ctx: Context, hit: Hit) -> bool:
    return any(view.words[k] in grammar_words("from_pronoun") for k in range(hit.end, min(ctx.hi, hit.end + NEAR - 1)))


def _place(view: View, ctx: Context, hit: Hit) -> bool:
    """A place after it, or control of a place named before (`استعاد الجيش السوري السيطرة
    عليها`: control, then على with a pronoun; `فقدان السيطرة على الأرض` names no place), or land
    after a word of taking ground (`انتزعت قسد أراضي`; `بعد خسارة أراضيه` tells no event)."""
    return place_after(view, ctx, hit) is not None or any(
        view.words[k] in grammar_words("control") and k + 1 < ctx.hi and view.words[k + 1] != "علي"
        and any(view.words[k + 1].startswith(on) and len(view.words[k + 1]) <= 6 for on in grammar_words("on"))
        for k in _near(ctx, hit)) or _land_taken(view, ctx, hit) or _taken_by_its_subject(view, hit)


def _leaves(view: View, ctx: Context, hit: Hit) -> bool:
    """`خروج تنظيم "داعش" من حقول النفط`: an armed group right after the word is who leaves, and
    من after it names the place left (a place within NEAR words of it)."""
    groups = view.armed_groups(hit.end, min(ctx.hi, hit.end + _SUBJECT_AFTER))
    if not groups:
        return False
    k = groups[0].end + (groups[0].end < ctx.hi and view.words[groups[0].end] in _QUOTES)
    if k >= ctx.hi or view.words[k] not in grammar_words("from_pronoun"):
        return False
    return place_after(view, ctx, Hit(k, k + 1, (), "")) is not None


def _land_taken(view: View, ctx: Context, hit: Hit) -> bool:
    """Land after a word of taking ground (grammar role takes_ground: not a fall, `سقوط الأمطار على
    الأراضي`), land no civil owner or use is named for (`أراضي الدولة`, `الأراضي الزراعية`: land
    recovered or grabbed, no ground won in a war)."""
    if not any(one_of(view.words[k], grammar_words("takes_ground")) for k in range(hit.start, hit.end)):
        return False
    return any(one_of(view.words[k], grammar_words("land"))
               and not (k + 1 < ctx.hi and one_of(view.words[k + 1], grammar_words("civil_land")))
               for k in _near(ctx, hit))


def _taken_by_its_subject(view: View, hit: Hit) -> bool:
    """A finite verb of gaining or losing ground with the place as its pronoun and a party as its
    subject right after it (`حتى خسره التنظيم`, `حررها الجيش الوطني`): the place was named before.
    Not after a relative pronoun (`المناطق التي حررها الثوار` tells where, not what happened)."""
    k = hit.start
    if hit.end - k != 1 or hit.end >= len(view) or k > 0 and view.words[k - 1] in relatives():
        return False
    if not one_of(view.bases(lexicon(EVENT_TRIGGERS))[k], grammar_words("ground_verb")) \
            or not view.suffixed(lexicon(EVENT_TRIGGERS), k):
        return False
    return bool(view.armed_groups(hit.end, hit.end + 1) or view.authorities(hit.end, hit.end + 1))


def _object(view: View, ctx: Context, hit: Hit) -> bool:
    """A noun right after it, or a pronoun on it (`اختطفهم`, `أعدمه`)."""
    if hit.end - hit.start == 1 and view.suffixed(lexicon(EVENT_TRIGGERS), hit.start):
        return True
    k = hit.end
    if k >= ctx.hi or view.doc.tokens[k].kind not in ("word", "number") or view.words[k] in function_words():
        return False
    return not any(p.kind == "conj" for p in view.doc.tokens[k].parts)


def _money_after(view: View, ctx: Context, hit: Hit) -> bool:
    for k in _near(ctx, hit):
        found = view.match(EVENT_TRIGGERS, k)
        if found and found.entry("money"):
            return True
    return any(is_money(q) and hit.end <= view.token_at(q.start) <= hit.end + NEAR for q in ctx.quantities)


def _support(view: View, ctx: Context, hit: Hit) -> bool:
    entry: Entry | None = hit.entry("trigger")
    return ctx.reported(hit, entry.value if entry else "")


def _aimed(view: View, ctx: Context, hit: Hit) -> bool:
    """Supported, or aimed at a place named after it (`غارات على الحديدة`), or with who made them
    right after it (`غارات التحالف`, `غارات لمقاتلات التحالف`): strikes told with their target or
    their maker were made, not a kind of warfare."""
    if _support(view, ctx, hit) or _on(view, ctx, hit) and _place(view, ctx, hit):
        return True
    return any(view.match(PARTIES, k) or (m := view.match(EVENT_TRIGGERS, k)) is not None and m.entry("means")
               for k in range(hit.end, min(ctx.hi, hit.end + _AGENT_AFTER)))


def _deal(view: View, ctx: Context, hit: Hit) -> bool:
    """Supported, or what the deal does named right after it (`صفقة الإفراج عن الرهائن`, `اتفاق
    إجلاء`, `اتفاق المدن الأربع`): one deal, not deals in general."""
    return hit.end < ctx.hi and one_of(view.words[hit.end], grammar_words("deal_content")) or _support(view, ctx, hit)


def _no_treaty(view: View, ctx: Context, hit: Hit) -> bool:
    """`الاتفاق النووي`, `اتفاقية مكافحة تمويل الإرهاب`, `اتفاقية إقليمية ودولية`: a treaty or a
    policy, no deal between sides at war."""
    return not any(one_of(view.words[k], grammar_words("treaty")) for k in range(hit.end, min(ctx.hi, hit.end + 2)))


def _no_sale(view: View, ctx: Context, hit: Hit) -> bool:
    """`صفقة بيعت فيها قطع منهوبة`, `صفقة بيع أسلحة`, `صفقة لشراء النفط`: a sale or a purchase, a
    trade between a seller and a buyer, no deal between sides at war."""
    for k in range(hit.end, min(ctx.hi, hit.end + _SALE_NEAR)):
        if view.is_break(k):
            return True  # `صفقة، باعت بموجبها الجماعة أسلحتها`: what the deal then did, not its kind
        if one_of(view.words[k], grammar_words("sale")):
            return False
    return True


def _date(view: View, ctx: Context, hit: Hit) -> bool:
    return bool(ctx.own_times)


def _people(view: View, ctx: Context, hit: Hit) -> bool:
    """Who the trigger is about are people: a count of them, or a word for fighters nearby."""
    if any(q.unit == "person" for q in ctx.quantities):
        return True
    window = range(max(ctx.lo, hit.start - NEAR), min(ctx.hi, hit.end + NEAR))
    return any(_person_word(view, k) for k in window)


def _people_after(view: View, ctx: Context, hit: Hit) -> bool:
    """A person its object: a word for people, a count of them or a person's name within
    _OBJECT_NEAR words after it, before a break (`أوقفت الشرطة رجلا مسلحا`, `أوقفت الوحدة
    الوطنية للأبحاث 30 عنصرا`; not `اقتحم مئات العراقيين المطار وأوقفوا الحركة الجوية`)."""
    if _pronoun_object(view, hit):
        return True  # `وأوقفته الشرطة`
    end = hit.end
    while end < min(ctx.hi, hit.end + _OBJECT_NEAR) and not view.is_break(end):
        end += 1
    if any(_person_word(view, k) and not _owned_by_a_thing(view, k, hit.end) for k in range(hit.end, end)):
        return True
    start, stop = view.chars(hit.end, end) if end > hit.end else (0, 0)
    return any(q.unit == "person" and start <= q.start < stop for q in ctx.quantities) \
        or bool(view.mentions(start, stop, ("PER",)))


def _owned_by_a_thing(view: View, k: int, first: int) -> bool:
    """The person word at token k follows a bare noun it is the genitive of (`أوقفت السلطات صرف
    رواتب الموظفين`: the wages stopped, not the staff), not a count, `أحد` or `عدد` (`أحد
    المطلوبين`, `عدد من العناصر`)."""
    if k <= first:
        return False
    before = view.words[k - 1]
    return view.kinds[k - 1] == "word" and not before.startswith(("ال", "وال")) and not _person_word(view, k - 1) \
        and not number_words().match(view.words, k - 1) \
        and not any(one_of(before, grammar_words(role)) for role in ("one_of", "number_of", "from", "subset"))


def _pronoun_object(view: View, hit: Hit) -> bool:
    """The verb carries its object as a pronoun (`أوقفته`, `أوقفتهم`): a person, as the verb reads."""
    word, base = view.words[hit.end - 1], view.bases(lexicon(EVENT_TRIGGERS))[hit.end - 1]
    if hit.start > 0 and view.words[hit.start - 1] in grammar_words("not_article"):
        return False  # `المساعدات التي أوقفتها`: the thing it stopped
    return word != base and word.endswith(_PERSON_SUFFIXES) and any(stem.endswith(base) for stem in without_suffix(word))


def _person_word(view: View, k: int) -> bool:
    found = unit_words().match(view.words, k)
    return bool(found and any(e.unit == "person" for e in found.entries))


def _no_toll(view: View, ctx: Context, hit: Hit) -> bool:
    """No word for the dead or wounded right after it: `سقوط عشرات القتلى` is a toll, not a fall."""
    for k in range(hit.end, min(ctx.hi, hit.end + _TOLL_NEAR)):
        found = view.match(EVENT_TRIGGERS, k)
        if found and (found.entry("killed") or found.entry("injured")):
            return False
    return True


def _done(view: View, ctx: Context, hit: Hit) -> bool:
    """Told as accomplished: anchored, or a word of achievement shortly before (`تمكنت من تحرير`)."""
    if hit.start > ctx.lo and one_of(view.words[hit.start - 1], grammar_words("campaign")):
        return False  # `معركة تحرير الحديدة`, even when its start is announced
    if ctx.anchored(hit, "territory_change"):
        return True
    before = range(max(ctx.lo, hit.start - ACHIEVED_BEFORE), hit.start)
    if any(one_of(view.words[k], grammar_words("accomplished")) for k in before):
        return True
    for k in range(hit.start - 1, max(ctx.lo, hit.start - ACHIEVING_BEFORE) - 1, -1):
        if view.is_break(k):
            return False
        if one_of(view.words[k], grammar_words("achieving")):
            return True  # `استطاعت وحدات اللواء الثالث بمساندة الطيران من تحرير`
    return False


def _unhandled(view: View, ctx: Context, hit: Hit) -> bool:
    """A device that went off, not one found, seized or dismantled (`اكتشفت الفرق 10 عبوات
    ناسفة`, `ضبط الجيش عبوة ناسفة`): no verb of handling it a few words before it in its clause,
    and it is not what arms held or moved are (`_held`)."""
    for k in range(hit.start - 1, max(ctx.lo, hit.start - HANDLED_BEFORE) - 1, -1):
        if view.is_break(k):
            break
        if one_of(view.words[k], grammar_words("handling")) and not (k + 1 < ctx.hi and view.words[k + 1] == "النفس"):
            return False  # (`ضبط النفس`: restraint)
    return not _held(view, ctx, hit)


def _held(view: View, ctx: Context, hit: Hit) -> bool:
    """`كان لدى الحزب 14 ألف صاروخ`, `شحنة صواريخ`, `تهريب الصواريخ`: the device is what a word of
    holding, making or moving arms has, within _HELD_GAP words before it (numbers not counted),
    with no complementizer and no verb of launching between them or before them in the clause
    (`قال السفير لدى الأمم المتحدة إن صاروخا أصاب`, `أطلق الحوثيون الذين يملكون ترسانة صاروخا`)."""
    gap = 0
    for k in range(hit.start - 1, ctx.lo - 1, -1):
        if view.is_break(k) or complementizer(view, k) or _launching(view, k) or _an_incident(view, k):
            return False  # `لدى سقوط قذيفة`: the device of an incident told between, not held
        if one_of(view.words[k], grammar_words("arms_held")):
            return not any(_launching(view, j) for j in range(max(ctx.lo, clause_start(view, k)), k))
        if view.kinds[k] != "number" and not number_words().match(view.words, k):
            gap += 1
            if gap > _HELD_GAP:
                return False
    return False


def _an_incident(view: View, k: int) -> bool:
    """Token k is a word for something that happens (`سقوط`, `انفجار`): an event trigger."""
    found = view.match(EVENT_TRIGGERS, k)
    return found is not None and found.entry("trigger") is not None


def _launching(view: View, k: int) -> bool:
    return one_of(view.words[k], grammar_words("carrying_out"))


def _literal(view: View, ctx: Context, hit: Hit) -> bool:
    """No figurative object a few words after it: `فجّر الجيش، الأربعاء، مفاجأة`, `وفجر انقطاع
    الكهرباء موجة من الغضب` set off a surprise or anger, nothing that blew up."""
    return not any(one_of(view.words[k], grammar_words("sparked")) for k in range(hit.end, min(ctx.hi, hit.end + _SPARKED_NEAR)))


def _physical(view: View, ctx: Context, hit: Hit) -> bool:
    """No abstract object right after it, alone or after the noun or preposition before it:
    `مركز استهداف تمويل الإرهاب`, `لاستهداف شبكات تمويل الإرهاب` target money by policy, nothing
    that was struck; `فقدت السيطرة على إدارة المعركة`, `تمت السيطرة على الحريق` take no ground
    (grammar_words.tsv `abstract_target`); after a verb, past its subject and على (`سيطرت فرق
    الإطفاء أمس على الحريق`)."""
    on = next((k + 1 for k in range(hit.end, min(ctx.hi, hit.end + NEAR)) if view.words[k] in grammar_words("on")),
              hit.end)
    return not any(one_of(view.words[k], grammar_words("abstract_target"))
                   for start in {hit.end, on} for k in range(start, min(ctx.hi, start + _ABSTRACT_NEAR)))


def _by_a_group(view: View, ctx: Context, hit: Hit) -> bool:
    """`أحرق مسلحو الحركة ثلاث مدارس`, `مسلحين ملثمين … وأشعلوا الحمولة`: the party that does it is
    an armed group (a name or a word for gunmen), right after the verb or else the last party
    named before it in its sentence; burning by security forces, protesters or no one named
    (`أحرق الرجل نفسه`, `أشعلت الحرب الأسعار`) is no attack."""
    after = [(h.start, "group") for h in view.armed_groups(hit.end, min(ctx.hi, hit.end + _SUBJECT_AFTER))]
    after += [(h.start, "authority") for h in view.authorities(hit.end, min(ctx.hi, hit.end + _SUBJECT_AFTER))]
    if after:
        return min(after)[1] == "group"
    before = [(h.start, "group") for h in view.armed_groups(ctx.lo, hit.start)]
    before += [(h.start, "authority") for h in view.authorities(ctx.lo, hit.start)]
    return bool(before) and max(before)[1] == "group"


_CHECKS = {"on": _on, "from": _from, "place": _place, "leaves": _leaves, "object": _object, "money": _money_after,
           "support": _support, "date": _date, "people": _people, "people_after": _people_after, "done": _done, "unhandled": _unhandled,
           "no_toll": _no_toll, "literal": _literal, "physical": _physical, "deal": _deal,
           "no_treaty": _no_treaty, "no_sale": _no_sale, "by_a_group": _by_a_group,
           "aimed": _aimed}
