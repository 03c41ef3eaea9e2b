"""Where holding is earning: a cue of holding or making (`السيطرة على`, `سكّ`) whose channel is
named as a trade or as what money came from tells revenue, not an asset; and where a word of
earning only tells whose a thing is (`النفط الخام العائد لأرامكو`)."""
from __future__ import annotations

from rasid.resources.catalogue import grammar_words
from rasid.stages.reading.view import View
from rasid.text.tokens import one_of

_CAME_GAP = 12  # words between a verb of coming and a cue of what the money came from


def trade_between(view: View, a: int, b: int) -> bool:
    """A trade (`واردات`, `سوق`, `توزيع`) named in tokens [a, b), between a cue and its channel:
    `السيطرة على واردات النفط` holds a trade, it earns from it."""
    return any(one_of(view.words[k], grammar_words("trade")) for k in range(a, b))


def came_from(view: View, cue: int, lo: int) -> bool:
    """`جاء قسم منها من مصادرة الممتلكات وقسم آخر من سكّ الدينار`, `تأتي أموالها من الجبايات
    وإنتاج الفحم`: a cue after a verb of coming (grammar role comes) and the من of what came
    from, in one clause (within _CAME_GAP words, no break), tells what money came from: a source
    of income."""
    source = False
    for k in range(cue - 1, max(lo, cue - _CAME_GAP) - 1, -1):
        if view.is_break(k):
            return False
        if one_of(view.words[k], grammar_words("comes")):
            return source
        source = source or view.words[k] in grammar_words("from")
    return False


def belonging_to(view: View, k: int) -> bool:
    """`النفط الخام العائد لأرامكو`, `السفن العائدة للسعودية`: `العائد` with the article before
    ل (or إلى) says whose a thing is, no earnings (grammar role belonging)."""
    if k + 1 >= len(view) or not one_of(view.words[k], grammar_words("belonging")):
        return False
    return view.prefixed(k + 1, "ل") or view.words[k + 1] in grammar_words("to")
