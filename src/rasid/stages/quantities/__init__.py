"""The quantities stage: every amount, with its bounds, unit, rate and what it counts.

An amount is read around a number expression (`numbers.read_number`):
  qualifier cue · number (or a range of two) · unit · item · after-cue · rate
`أكثر من 30 عنصراً` → more_than 30 person; `ما لا يقل عن 25 ألف برميل نفط يوميا` →
at_least 25000 barrel per day. Words alone can be amounts too: a dual (`نقطتين` = 2), a
duration and a half (`عام ونصف`), a qualified duration (`أكثر من عام`). A bare number takes
the unit of the amount before it in its sentence (`سافر 820 شخصا، عاد منهم 280`).
Dates, years, identifiers (`رقم 5`, `اللواء 47`) and ordinals are not amounts. All word
lists are data (numbers.tsv, units.tsv, quantity_cues.tsv).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from rasid.document import Document, Quantity
from rasid.stages.quantities.numbers import NumberSpan, read_number
from rasid.stages.reading.view import reading_of
from rasid.resources.catalogue import (function_words, grammar_words, month_names, share_words, suffixes,
                                       with_property)
from rasid.text.numerals import currency_countries, number_words, quantity_cues, shared_currencies, unit_words
from rasid.text.tokens import covered

_VERB_GAP = 5           # words between a verb cue and its number (تجاوزت إيرادات الحقول يومياً المليون)
_RATE_WINDOW = 2        # words between a rate word and the amount
_YEARS = range(1900, 2101)
_DATE_SEPARATORS = frozenset("/-.")
_NUMBER_OF_GAP = 6  # words between `عدد القتلى` and the number it gives
_BOUNDS = {"exact": ("value", "value"), "approx": ("value", "value"), "more_than": ("value", None),
           "at_least": ("value", None), "less_than": (None, "value"), "at_most": (None, "value")}


@dataclass(frozen=True)
class _View:
    """The document's reading (folded words, kinds, sentence ids) and where amounts may stand."""
    doc: Document
    words: list[str]
    kinds: list[str]
    sentence: list[int]
    blocked: list[bool]  # inside boilerplate or a time expression: never part of an amount
    _countries: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Document) -> "_View":
        reading = reading_of(doc)
        in_times = covered(doc.tokens, [(t.start, t.end) for t in doc.times])
        return cls(doc, reading.words, reading.kinds, reading.sent,
                   [a or b for a, b in zip(reading.boilerplate_cover, in_times)])

    def report_currency(self, codes: tuple[str, ...]) -> str:
        """Of a shared currency's codes, the one whose country the report names most (the first,
        the bare noun's own, on a tie or when it names none)."""
        counts = self.country_counts()
        return max(codes, key=lambda code: (counts.get(code, 0), code == codes[0]))

    def country_counts(self) -> dict[str, int]:
        """How often the report names each currency's country (made once per document)."""
        if not self._countries:
            words = Counter(self.words)
            self._countries.update({code: sum(words[w] for w in names) for code, names in currency_countries().items()})
        return self._countries

    def cue(self, i: int, role: str) -> tuple[int, str | None] | None:
        """(end token, argument) of a cue with `role` that starts at token `i`."""
        if not 0 <= i < len(self.words) or self.kinds[i] == "number":
            return None
        match = quantity_cues().match(self.words, i)
        for entry in (match.entries if match else ()):
            if entry.role == role:
                return match.end, entry.arg
        return None

    def cue_ending_at(self, end: int, role: str) -> tuple[int, str | None] | None:
        """(start token, argument) of the longest cue with `role` that ends just before `end`."""
        for start in range(max(0, end - 4), end):
            found = self.cue(start, role)
            if found and found[0] == end:
                return start, found[1]
        return None


@dataclass
class _Draft:
    """An amount being assembled; token positions are half-open."""
    first: int
    last: int
    value: float | int | None
    low: float | int | None
    high: float | int | None
    qualifier: str
    unit: str | None = None
    item: str | None = None
    per: str | None = None


def find_quantities(doc: Document) -> Document:
    """Pipeline stage: fill `doc.quantities`."""
    view = _View.of(doc)
    drafts: list[_Draft] = []
    counted: _Draft | None = None  # the last amount with a counted unit, for elided units
    may_start = _possible_starts(view)
    i = 0
    while i < len(view.words):
        draft = _amount_at(view, i, counted) if may_start[i] else None
        if draft is None:
            i += 1
            continue
        drafts.append(draft)
        if draft.unit and draft.unit not in with_property("unit", "not_carried"):
            counted = draft
        i = draft.last
    doc.quantities = [_to_record(doc, k, d) for k, d in enumerate(drafts, 1)]
    return doc


def _amount_at(view: _View, i: int, counted: _Draft | None) -> _Draft | None:
    """The amount starting at token i, where `_possible_starts` says one may."""
    number = _share_of(view, i) or read_number(view.words, view.kinds, i)
    if number is None:
        return _word_amount(view, i) or _number_after_noun(view, i)
    if _not_an_amount(view, number):
        return None
    draft = _range_or_number(view, number)
    _read_unit(view, draft)
    _read_qualifier(view, draft)
    _read_after(view, draft)
    if draft.unit is None:
        _inherit_unit(view, draft, counted)
    if draft.unit is None and draft.value is not None and 0 < draft.value < 1 and not number.digits:
        draft.unit, draft.item = "other", "share"  # ثلث, خمس الاستهلاك: a share of a whole
    if draft.unit is None and not number.digits and number.words == 1 and draft.qualifier == "exact":
        return None  # a lone small number word (ست, سبع) is too often something else
    return draft


def _possible_starts(view: _View) -> list[bool]:
    """Per token, whether an amount may start there: outside boilerplate and times, digits or a
    word that may begin a number word or unit phrase (most words do not)."""
    phrases = {*number_words().possible_starts(view.words), *unit_words().possible_starts(view.words)}
    return [not blocked and (kind == "number" or at in phrases)
            for at, (kind, blocked) in enumerate(zip(view.kinds, view.blocked))]


def _not_an_amount(view: _View, number: NumberSpan) -> bool:
    """Identifiers, dates and years read as numbers."""
    i, j = number.start, number.end
    if view.cue_ending_at(i, "identifier") or (i > 0 and view.words[i - 1] == "#"):
        return True
    if j < len(view.words) and view.kinds[j] == "number":
        return True  # 1 01 2021: digits after digits are a date
    if j + 1 < len(view.words) and view.words[j] in _DATE_SEPARATORS and view.kinds[j + 1] == "number":
        return True  # 15/8/2020
    if i > 0 and view.words[i - 1] in _DATE_SEPARATORS and i > 1 and view.kinds[i - 2] == "number":
        return True
    if _month_follows(view, j):
        return True  # 14 من كانون الأول
    if _list_index(view, number):
        return True  # `1- استغلال الطيران`: the number of a list item
    if number.digits and number.value in _YEARS and number.end == number.start + 1:
        return (i > 0 and view.words[i - 1] in grammar_words("year_word")) or unit_words().match(view.words, j) is None
    return False


def _list_index(view: _View, number: NumberSpan) -> bool:
    """Digits that open a line and are followed by `-`, `)` or `.`: a list item's number."""
    i, j = number.start, number.end
    if not number.digits or j >= len(view.words) or view.words[j] not in ("-", ")", "."):
        return False
    text, start = view.doc.text, view.doc.tokens[i].start
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip()


def _month_follows(view: _View, j: int) -> bool:
    if j < len(view.words) and view.words[j] in grammar_words("from"):
        j += 1
    if j >= len(view.words):
        return False
    two = " ".join(view.words[j:j + 2])
    return view.words[j] in month_names() or two in month_names()


def _range_or_number(view: _View, number: NumberSpan) -> _Draft:
    """A range `A إلى B` / `بين A و B` (a scale on B distributes to A), else one number."""
    qualifier = "vague" if number.value is None else "exact"
    draft = _Draft(number.start, number.end, number.value, number.low, number.high, qualifier)
    link = view.cue(number.end, "range_link")
    opened = view.cue_ending_at(number.start, "range_start")
    if link is None and opened and number.end < len(view.words) and view.words[number.end].startswith("و"):
        link = (number.end, None)  # بين 750 وألفي: the و on the second number links the two
    if link is None:
        return draft
    second = read_number(view.words, view.kinds, link[0])
    if number.value is None:  # عشرات الآلاف إلى ملايين: vague to vague, at least the first
        if second is None or second.value is not None or view.words[number.end] not in grammar_words("range_to"):
            return draft
        return _Draft(opened[0] if opened else number.start, _past_few(view, second.end), None, number.low, None, "vague")
    if second is None or second.value is None or (view.words[number.end] in grammar_words("range_and") and not opened):
        return draft
    if opened and _after_change_verb(view, opened[0]):
        _take_unit_of(view, draft, second)  # ارتفع من 760 إلى 820 ريالا: two amounts, one unit
        return draft
    # a scale on B distributes to A (بين 14 و18 ألفاً), not a dual standing alone (إلى ألفي مقاتل = 2000)
    distributes = second.scaled and not number.scaled and second.scale and (second.digits or second.words > 1)
    low = number.value * second.scale if distributes else number.value
    if low >= second.value:
        return draft
    first = opened[0] if opened else number.start
    return _Draft(first, second.end, None, low, second.value, "range")


def _past_few(view: _View, j: int) -> int:
    """Past `قليلة` after a vague number (ملايين قليلة): the unit follows it."""
    return j + 1 if j < len(view.words) and view.words[j] in grammar_words("few_after") else j


def _after_change_verb(view: _View, start: int) -> bool:
    """`من` opening a change (ارتفع السعر من … إلى …), not a range: a change verb shortly before it."""
    return any(view.words[k] in grammar_words("change_verb") for k in range(max(0, start - 6), start))


def _take_unit_of(view: _View, draft: _Draft, second: NumberSpan) -> None:
    """The unit written after the second amount of a change is the first one's too."""
    probe = _Draft(second.start, second.end, second.value, second.low, second.high, "exact")
    _read_unit(view, probe)
    draft.unit, draft.item = probe.unit, probe.item


def _read_unit(view: _View, draft: _Draft) -> None:
    """The unit after the number: `عنصراً`, `دولار أمريكي`, `%`, `من قوات النظام`, `منهم`."""
    j = draft.last
    if j >= len(view.words):
        return
    if view.words[j] == "%":
        draft.unit, draft.item, draft.last = "percent", "share", j + 1
        return
    if view.words[j] in grammar_words("them"):
        draft.unit, draft.last = "person", j + 1
        return
    after_from = view.words[j] in grammar_words("from")
    match = unit_words().match(view.words, j + after_from)
    if match is None and not after_from and _people_of_a_nation(view, j, draft):
        draft.unit, draft.last = "person", j + 1  # 1332 عراقياً, 10 ملايين سوري, 300 سوريين
        return
    if match is None or (match.clitic and not _unit_clitic_ok(match.clitic, after_from, draft)):
        return
    entry = match.entries[0]
    if after_from and entry.unit not in ("person",) and entry.number != "pl":
        return
    draft.unit, draft.item, draft.last = entry.unit, entry.item or None, match.end
    if entry.factor != 1:  # 100 غرام: 0.1 kg
        draft.value, draft.low, draft.high = (_times(v, entry.factor) for v in (draft.value, draft.low, draft.high))
    codes = _shared_currency(view.words[match.start]) if match.end - match.start == 1 else None
    if codes:
        draft.unit = view.report_currency(codes)


def _times(value: float | int | None, factor: float) -> float | None:
    return None if value is None else round(value * factor, 9)


def _shared_currency(word: str) -> tuple[str, ...] | None:
    """The codes of a bare currency noun several countries share (`ريال`, `ريالا`), else None."""
    shared = shared_currencies()
    return shared.get(word) or (shared.get(word[:-1]) if word.endswith("ا") else None)


def _unit_clitic_ok(clitic: str, after_from: bool, draft: _Draft) -> bool:
    """`ملايين الدولارات`, `من المقاتلين`: the article only where Arabic puts it."""
    return clitic == "ال" and (after_from or draft.value is None or draft.qualifier == "vague")


def _read_qualifier(view: _View, draft: _Draft) -> None:
    """A cue before the number (`نحو`, `أكثر من`), or a verb cue a few words before it."""
    if draft.qualifier in ("range", "vague"):
        return
    found = view.cue_ending_at(draft.first, "before")
    if found:
        draft.qualifier, draft.first = found[1], found[0]
    else:
        draft.qualifier = _verb_cue_before(view, draft.first) or draft.qualifier
    _read_rate_before(view, draft)


def _verb_cue_before(view: _View, i: int) -> str | None:
    for k in range(i - 1, max(-1, i - 1 - _VERB_GAP), -1):
        if view.kinds[k] != "word":
            return None
        found = view.cue(k, "verb")
        if found and found[0] <= i:
            return found[1]
    return None


def _read_rate_before(view: _View, draft: _Draft) -> None:
    """`يومياً المليون دولار`, `مورد يومي يتجاوز المليون`: a rate word just before."""
    for k in range(draft.first - 1, max(-1, draft.first - 1 - _RATE_WINDOW), -1):
        if view.kinds[k] != "word":
            return
        found = view.cue(k, "rate")
        if found:
            draft.per = draft.per or found[1]
            draft.first = k
            return


def _read_after(view: _View, draft: _Draft) -> None:
    """Item, after-cue and rate that follow the unit: `برميل نفط يومياً`, `على الأقل`."""
    j = draft.last
    after_from = j < len(view.words) and view.words[j] in grammar_words("from")
    item = view.cue(j, "item") or (after_from and view.cue(j + 1, "item"))
    if item:
        draft.item, j = item[1], item[0]
    after = view.cue(j, "after")
    if after is None and draft.unit and _adjective(view, j):
        after = view.cue(j + 1, "after")  # 250 مسيحيا اشوريا على الأقل: past the noun's adjective
    if after and draft.qualifier in ("exact",):
        draft.qualifier, j = after[1], after[0]
        if draft.unit is None:
            j = _partitive_after(view, draft, j)  # 40 على الأقل من العمال
    rate = view.cue(j, "rate")
    if rate:
        draft.per, j = rate[1], rate[0]
    if j > draft.last:
        draft.last = j


def _partitive_after(view: _View, draft: _Draft, j: int) -> int:
    """The unit of `من <plural noun>` after an after-cue (`40 على الأقل من العمال`): the
    number's unit, read as right after the number; the token after what was read."""
    if j + 1 >= len(view.words) or view.words[j] not in grammar_words("from") \
            or view.words[j + 1] in grammar_words("civilian_payer"):
        return j  # `20 ألفاً على الأقل من التجار`: who pays, not what is counted
    probe = _Draft(draft.first, j, draft.value, draft.low, draft.high, draft.qualifier)
    _read_unit(view, probe)
    if probe.unit is None:
        return j
    draft.unit, draft.item = probe.unit, probe.item
    return probe.last


def _number_of(view: _View, i: int) -> tuple[str, str | None] | None:
    """(unit, item) of `عدد <counted noun>` a few words before token `i` in its sentence."""
    for k in range(max(0, i - _NUMBER_OF_GAP), i - 1):
        if view.words[k] in grammar_words("number_of") and view.sentence[k] == view.sentence[i]:
            match = unit_words().match(view.words, k + 1)
            if match and match.entries[0].number == "pl":
                return match.entries[0].unit, match.entries[0].item or None
    return None


def _people_of_a_nation(view: _View, j: int, draft: _Draft) -> bool:
    """A relative noun after a number counts its people: plural (سوريين) after any number, singular
    (عراقياً, سوري) after 11 or more, as Arabic counts; not a rate word (سنويا, شهري)."""
    if not _adjective(view, j) or view.cue(j, "rate"):
        return False
    word = view.words[j]
    return word.endswith(("يين", "يون")) or (draft.low or 0) >= 11 and word.endswith(("ي", "يا"))


def _adjective(view: _View, j: int) -> bool:
    """A relative adjective (nisba) agreeing with a counted noun: `اشوريا`, `عراقيين`, `أجنبية`."""
    return (j < len(view.words) and view.kinds[j] == "word" and view.words[j].endswith(suffixes("nisba"))
            and view.words[j] not in function_words())


def _inherit_unit(view: _View, draft: _Draft, counted: _Draft | None) -> None:
    """A bare number takes the unit of the last counted amount of its sentence (`عاد منهم 280`);
    after a word of killing, wounding or abducting, clitics and all, it counts people (`مقتل 27`,
    `إصابة 5`, `بمصرع ثلاثة`)."""
    if counted is not None and view.sentence[counted.first] == view.sentence[draft.first]:
        draft.unit, draft.item = counted.unit, counted.item
    elif draft.first > 0 and _counts_people(view.words[draft.first - 1]):
        draft.unit = "person"
    elif counted_noun := _number_of(view, draft.first):
        draft.unit, draft.item = counted_noun  # عدد المصابين يتجاوز 50


def _counts_people(word: str) -> bool:
    """A word of killing, wounding or abducting, with a conjunction or preposition on it (`بمصرع`,
    `ولمقتل`) but not the article: `بالقتل 3 مرات` counts times, not the dead."""
    words = grammar_words("counts_people")
    return any(word[k:] in words for k in range(0, 3) if k == 0 or all(c in "وفبل" for c in word[:k]))


def _share_of(view: _View, i: int) -> NumberSpan | None:
    """`خمس الاستهلاك`: a word that is a number (خمس = five) or a fraction (خمس = a fifth) is the
    fraction before a definite noun that is no counted unit (five would count an indefinite one)."""
    fraction = share_words().get(view.words[i])
    if fraction is None or i + 1 >= len(view.words) or unit_words().match(view.words, i + 1):
        return None
    if not any(part.kind == "det" for part in view.doc.tokens[i + 1].parts):
        return None  # خمس آلاف: no article (the clitic segmenter tells آلاف from ال + …)
    return NumberSpan(i, i + 1, fraction, fraction, fraction, False, None, False, 1)


def _number_after_noun(view: _View, i: int) -> _Draft | None:
    """`المدن الأربع`, `طائرات التورنيدو الثماني`: a definite number word after the counted noun
    (one word between at most) counts it."""
    match = number_words().match(view.words, i)
    if match is None or match.clitic != "ال" or match.entries[0].kind not in ("unit", "ten"):
        return None
    for k in (i - 1, i - 2):
        noun = unit_words().match(view.words, k) if k >= 0 else None
        definite = "ال" in noun.clitic or view.words[i - 1].startswith("ال") if noun else False
        if noun and noun.end in (i, i - 1) and noun.entries[0].number == "pl" and definite:
            word = noun.entries[0]
            value = match.entries[0].value
            return _Draft(k, match.end, value, value, value, "exact", word.unit, word.item or None)
    return None


def _word_amount(view: _View, i: int) -> _Draft | None:
    """Amounts without a number: `نقطتين`, `عام ونصف`, `أكثر من عام`, `شخص واحد`."""
    match = unit_words().match(view.words, i)
    if match is None or view.kinds[i] != "word":
        return None
    entry = match.entries[0]
    duration = entry.unit in with_property("unit", "duration")
    and_half = match.end < len(view.words) and view.words[match.end] in grammar_words("and_half")
    if duration and entry.number == "sg" and and_half:
        draft = _Draft(i, match.end + 1, 1.5, 1.5, 1.5, "exact", entry.unit)
    elif entry.number == "du" and (duration or "ال" not in match.clitic):
        draft = _Draft(i, match.end, 2, 2, 2, "exact", entry.unit, entry.item or None)
    elif duration and entry.number == "sg" and view.cue_ending_at(i, "before") \
            and not match.clitic.startswith("و"):
        draft = _Draft(i, match.end, 1, 1, 1, "exact", entry.unit)
    elif entry.number == "sg" and match.end < len(view.words) and view.words[match.end] in grammar_words("one"):
        draft = _Draft(i, match.end + 1, 1, 1, 1, "exact", entry.unit, entry.item or None)  # شخصا واحدا
    else:
        return None
    _read_qualifier(view, draft)
    return draft


def _to_record(doc: Document, k: int, d: _Draft) -> Quantity:
    low, high = d.low, d.high
    if d.qualifier in _BOUNDS:
        lo, hi = _BOUNDS[d.qualifier]
        low, high = (d.value if lo else None), (d.value if hi else None)
    start, end = doc.tokens[d.first].start, doc.tokens[d.last - 1].end
    return Quantity(f"q{k}", start, end, doc.text[start:end], d.value, low, high, d.qualifier,
                    d.unit, d.per, d.item)
