"""What a report is about, as the evidence stages need to know it before reading its sentences.

Financing claims are about armed groups, and events are of armed conflict and violence: a
report on a bankruptcy law, a song contest or an industry deal makes neither, however its words
read (`إعادة التنظيم المالي`, `قام حماقي بخطف المتسابق`, `هجوم الجمهور على الفنانة`). Rasid runs
over crawls where most pages are such reports.
"""
from __future__ import annotations

from rasid.resources.catalogue import grammar_words
from rasid.stages.reading.lexicons import EVENT_TRIGGERS
from rasid.stages.reading.view import Hit, View
from rasid.text.tokens import one_of

TERROR = "ارهاب"  # the folded stem of terrorism and terrorists
_NISBA_MIN = 4  # a relative adjective has more letters than this (المالي); the relatives الذي and التي have 4


def about_armed_groups(view: View) -> bool:
    """The report names an armed group. A word for one that has other senses (grammar role
    other_senses) read in another sense (`إعادة التنظيم المالي`, `الخلايا الشمسية`, `العناصر
    الضرورية`: see `_in_another_sense`) names none, unless the report speaks of terrorism."""
    return view.derived(("about armed groups",), lambda: _names_a_group(view))


def about_violence(view: View) -> bool:
    """The report tells of armed conflict or violence: it names an armed group, a force that
    fights or polices or a means of violence (grammar roles force and violence: `الجيش`,
    `الشرطة`, `عبوة ناسفة`, `رهائن`, `فدية`), or the dead or wounded (`مقتل`, `إصابة`). A report on
    a song contest or a trade deal names none of these."""
    return view.derived(("about violence",), lambda: about_armed_groups(view) or _tells_of_violence(view))


def _tells_of_violence(view: View) -> bool:
    marks = grammar_words("force") | grammar_words("violence")
    return any(one_of(word, marks) for word in view.words) or any(
        h.entry("killed") or h.entry("injured") for h in view.hits(EVENT_TRIGGERS))


def _names_a_group(view: View) -> bool:
    groups = view.armed_groups(0, len(view))
    if not all(_in_another_sense(view, h) for h in groups):
        return True
    return bool(groups) and any(TERROR in word for word in view.words)


def _in_another_sense(view: View, hit: Hit) -> bool:
    """A one-word hit of other_senses with a relative adjective after it (`التنظيم المالي`,
    `التنظيم المؤسسي`, `الخلايا الشمسية`, `عناصر قضائية`), not one of extremism (`التنظيم
    الإرهابي`, `التنظيم المتطرف`). Alone, or before a verb, a preposition or a noun (`ويحصل
    التنظيم على`, `ويصدر التنظيم النفط`), it is the group."""
    k = hit.end
    if hit.end - hit.start != 1 or not one_of(view.words[hit.start], grammar_words("other_senses")):
        return False
    if k >= len(view) or view.kinds[k] != "word" or view.armed_groups(k, k + 1):
        return False
    word = view.words[k]
    if not (len(word) > _NISBA_MIN and word.endswith(("ي", "يه"))):
        return False
    return not any(stem in word for stem in grammar_words("extremist_stem"))
