"""Whether a statement is asserted, denied or only possible, and whether it is hedged.

Arabic marks these before the verb or noun: negation particles (`لم`, `لن`, `عدم`), plans,
fears and attempts (`خشية من`, `يحاول`, `بهدف`), the future prefix `س` on the verb
(`ستصرف`, `سيخسر`), `قد` before an imperfect verb (`قد تمكنه`; before a perfect verb it
stresses a fact: `قد نفذ`), `أن` before a subjunctive (`تخشى أن يشن`). The cue words are data
(polarity_cues.tsv, hedges.tsv); the verb forms are read here, the future prefix by word frequencies (`سيفقد` is س + a frequent
`يفقد`; `سيطرة` is not س + anything).
"""
from __future__ import annotations

from rasid.resources.catalogue import grammar_words, word_frequencies
from rasid.stages.reading.lexicons import HEDGES, POLARITY_CUES
from rasid.stages.reading.view import View
from rasid.text.tokens import one_of

WINDOW = 7            # words before a trigger or cue that its polarity cues may stand in
_GENERIC_AFTER = 3    # words after an event noun where a habitual modifier may stand
_FOILER_BEFORE = 4   # words before an attempt where the verb that foiled it may stand (أحبطت قوات الأمن محاولة)
NEAR_CUE = 4         # words between a `near` cue (نية, خطر, قدرته) and what it governs
_CONDITION_AFTER = 8  # and where the condition of a threat may stand
_FUTURE_MIN_FREQ = 20
_DENIAL_BEFORE = 3    # words between a denial (`نفى المسؤول`) and the `أن` it governs


def polarity_before(view: View, i: int, lo: int | None = None, commas: int = 0, *, foiled_happened: bool = False) -> str:
    """`affirmed`, `negated` or `hypothetical`: what the words before token `i` make of it.

    The cues count in the clause of `i`; across up to `commas` clause breaks only a plan or a
    possibility still reaches it (`كانت ستستخدم لمخططات، منها بيع …`), a negation does not.
    A foiling word (`أحبطت`) negates, except for events (`foiled_happened`): a foiled attack or
    attempt was made and repelled (`أحبطت محاولة لشن هجوم`), while a foiled transfer of money
    never reached the group (`أحبطت تحويل مليون دولار`). An exceptive between a negation and
    `i` restricts, it does not deny (`لا يفرج عنهم إلا بعد دفع مبالغ`: the money is paid).
    """
    if is_future(view.words[i]):
        return "hypothetical"
    floor = max(lo if lo is not None else 0, i - WINDOW)
    crossed = 0
    restricted = False  # an exceptive stands between a negation and `i`
    for k in range(i - 1, floor - 1, -1):
        if view.words[k] in grammar_words("exceptive"):
            restricted = True
        if view.is_break(k):
            crossed += 1
            if crossed > commas:
                break
            continue
        found = _cue_at(view, k, i)
        if found == "foiled":
            found = "neutral" if foiled_happened else "negated"
        if found == "neutral" or (found == "negated" and (crossed or restricted)) or \
                (found == "hypothetical" and foiled_happened and _foiled_attempt(view, k)):
            continue
        if found:
            return found
    return "affirmed"


def excepted(view: View, start: int, end: int) -> bool:
    """An exceptive (`سوى`, `إلا`) in tokens [start, end): after a negation it restricts, it does
    not deny (`لم نكن نشغّل منها سوى ٨٧ بئراً`: 87 wells were run)."""
    return any(view.words[k] in grammar_words("exceptive") for k in range(start, end))


def _cue_at(view: View, k: int, i: int) -> str | None:
    word = view.words[k]
    if is_future(word):
        return "hypothetical"
    if word in grammar_words("qad") and k + 1 < len(view) and _possible(word, view.words[k + 1]):
        return "hypothetical"
    if word in grammar_words("subjunctive") and k + 1 < len(view) and view.words[k + 1][:1] == "ي" and k + 1 < i:
        return "negated" if _denied_before(view, k) else "hypothetical"  # `تخشى أن يشن`, `يمكن أن يستغل`
    hit = view.match(POLARITY_CUES, k)
    if hit is None or hit.end > max(i, k + 1) + 1:
        return None
    if hit.entries[0].value == "near" and (i - hit.end > NEAR_CUE or any(view.is_break(j) for j in range(hit.end, i))):
        return None  # `حذر من خطر التنظيم، الذي يجني …`: the risk governs no later clause
    if hit.entries[0].value == "near" and k > 0 and _negation_at(view, k - 1):
        return None  # `لا تسمح له بتهريب`: the negation before it decides (denied, not an ability)
    cls = hit.entries[0].cls
    return cls if cls in ("negated", "hypothetical", "neutral", "foiled") else None


def _negation_at(view: View, k: int) -> bool:
    """A one-word negation at token k (`لا`, `لم`), which governs the cue right after it."""
    hit = view.match(POLARITY_CUES, k)
    return hit is not None and hit.end == k + 1 and hit.entries[0].cls == "negated"


def _denied_before(view: View, k: int) -> bool:
    """A verb of denial at most _DENIAL_BEFORE words before the `أن` at token k, in its clause:
    `نفى المسؤول أن يكون التنظيم قد جنى` denies, it does not suppose (`لا يستبعد أن يكون`,
    `لا بد أن` still suppose)."""
    for j in range(k - 1, max(0, k - _DENIAL_BEFORE) - 1, -1):
        if view.is_break(j):
            return False
        if one_of(view.words[j], grammar_words("denying")):
            return True
    return False


def _foiled_attempt(view: View, k: int) -> bool:
    """`أحبطت قوات الأمن محاولة لشن هجوم`: an attempt that was foiled was made."""
    hit = view.match(POLARITY_CUES, k)
    if hit is None or hit.entries[0].value != "attempt":
        return False
    for j in range(k - 1, max(-1, k - 1 - _FOILER_BEFORE), -1):
        if view.is_break(j):
            return False
        before = view.match(POLARITY_CUES, j)
        if before is not None:
            return before.entries[0].cls == "foiled"
    return False


def hypothetical_after(view: View, i: int, hi: int) -> bool:
    """A following clause that says what it may do (`…، قد تمكنه من`): up to `hi`."""
    for k in range(i, min(hi, i + WINDOW)):
        word = view.words[k]
        if is_future(word) or (word in grammar_words("qad") and k + 1 < len(view) and _possible(word, view.words[k + 1])):
            return True
    return False


def is_generic(view: View, start: int, end: int) -> bool:
    """A habitual modifier right after an event noun (`الهجوم المتقطع`, `اشتباكات متواصلة`)."""
    for k in range(end, min(len(view), end + _GENERIC_AFTER)):
        if view.is_break(k):
            return False
        hit = view.match(POLARITY_CUES, k)
        if hit and hit.entries[0].cls == "generic":
            return True
    return False


def is_threat(view: View, end: int, hi: int) -> bool:
    """A condition shortly after an event in its clause (`بإعدام المختطفات إن لم تتوقف`, also
    after a comma): it is threatened, not done. A later clause's condition (`…، وتوعد الجيش
    بالرد إن لم`) is that clause's."""
    for k in range(end, min(hi, end + _CONDITION_AFTER)):
        if _condition_at(view, k):
            return True
        if view.is_break(k) and not _condition_at(view, k + 1):
            return False
    return False


def _condition_at(view: View, k: int) -> bool:
    hit = view.match(POLARITY_CUES, k)
    return hit is not None and hit.entry("condition") is not None


def was_before(view: View, i: int) -> bool:
    """`كان` right before a verb: a past state or background, not a new event (كان يسيطر)."""
    return i > 0 and view.words[i - 1] in grammar_words("was")


def is_hedged(view: View, lo: int, hi: int) -> bool:
    """Any hedge (`يعتقد`, `على ما يبدو`, `تشير تقديرات`) in tokens [lo, hi)."""
    return bool(view.hits_in(HEDGES, lo, hi))


def is_future(word: str) -> bool:
    """A verb with the future prefix: `سيخسر`, `ستصرف`, `وسيعود` (not `سيطرة`, `ستة`)."""
    if word[:1] in ("و", "ف") and word[1:2] == "س":
        word = word[1:]
    if len(word) < 4 or word[0] != "س" or word[1] not in "يتنا":
        return False
    freq = word_frequencies()
    rest = freq.get(word[1:], 0)
    return rest >= _FUTURE_MIN_FREQ and rest > freq.get(word, 0)


def _possible(qad: str, verb: str) -> bool:
    """قد + a verb in the present is a possibility (`قد تمكنه`, `العائدات قد تمكن التنظيم`); `وقد`
    opening a clause before a verb with ت tells the past (`وقد تمكن الجيش من`, `وقد تصدت القوات`),
    unless the verb has the present's second prefix (`وقد تتلقى`, `وقد تستعيد`)."""
    past = qad.startswith("و") and verb.startswith("ت") and not verb.startswith(("تت", "تست"))
    return is_present(verb) and not past


def is_present(word: str) -> bool:
    """A verb in the present: ي or ت before it, not a perfect verb that begins with ت (تم, تلقت,
    تمكنت, تلقوا: the ت of a fifth or sixth form, with a perfect ending, feminine or plural; a
    masculine one, تمكن, reads as the present too, قد تمكن التنظيم من, and stays one)."""
    if len(word) < 3 or word[0] not in "يت" or word in grammar_words("perfect_with_ta"):
        return False
    return not (word[0] == "ت" and (len(word) >= 5 and word.endswith("ت") or word.endswith("وا")))
