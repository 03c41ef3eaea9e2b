"""The dead and wounded a sentence reports, as intervals read from its person counts.

A casualty word (event_triggers.tsv: `مقتل`, `قتل`, `لقي مصرعه`, `أصيب`, `جرحى`) takes the
count of people right after it (`مقتل أكثر من 30 عنصراً`, `أصيب 12 آخرين`) or, when the verb
follows its subject, right before it (`أربعة عناصر أجانب وقياديا سوريا بارزا قتلوا`, where each
indefinite singular noun joined by و adds one), never past the next casualty word nor a part
(`بينهم 5 أطفال`); counts of people joined to it by و add up (`6 رجال وثلاث نساء`, also past
where the first come from: `250 شخصاً من السكان و63 مسلحاً`), and so does an indefinite singular
(`4 جنود وطفل`). A count whose own noun says it (`30 قتيلاً`, `12 جريحاً`) needs no casualty
word. The interval is the quantity's: `أكثر من 30` → low 30.
A count of the dead and wounded together (`عشرات القتلى والجرحى`, `30 بين قتيل وجريح`,
`مقتل وإصابة 30`) gives neither figure.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from rasid.document import Quantity
from rasid.resources.catalogue import grammar_words
from rasid.stages.reading.lexicons import EVENT_TRIGGERS
from rasid.stages.reading.view import View
from rasid.text.numerals import unit_words
from rasid.text.tokens import one_of

AFTER = 4    # words between a casualty word and the count it takes
BEFORE = 8   # words between a count and the casualty verb after it
ORIGIN = 2   # words after من that tell where counted people come from, before a count joined to them
_ITEMS = {"killed": "killed", "wounded": "injured"}
_NOT_DEAD = ("detainees",)  # counted people who are held, not killed (و20 أسيراً)


@dataclass
class Casualties:
    """Intervals of the dead and wounded in a sentence, the quantities read and the words."""
    killed: dict | None = None
    injured: dict | None = None
    quantities: list[str] = field(default_factory=list)
    words: list[tuple[int, int, str]] = field(default_factory=list)  # token span, killed|injured
    together: bool = False  # a count of the dead and wounded together was read (neither figure)

    @property
    def counted(self) -> bool:
        return self.killed is not None or self.injured is not None or self.together


def casualties(view: View, lo: int, hi: int, quantities: list[Quantity]) -> Casualties:
    """Read the casualties of tokens [lo, hi) (one sentence)."""
    found = Casualties()
    people = [(q, view.token_at(q.start), view.token_at(q.end - 1) + 1) for q in quantities
              if q.unit == "person" and lo <= view.token_at(q.start) < hi]
    hits = [(hit, hit.entry("killed") or hit.entry("injured")) for hit in view.hits_in(EVENT_TRIGGERS, lo, hi)]
    hits = [(hit, entry) for hit, entry in hits if entry is not None]
    together, pair_words = _dead_and_wounded_together(people, hits)
    people = [p for p in people if p[0].id not in together]
    found.together = bool(together)
    found.quantities += sorted(together)
    for q, a, b in people:
        if q.item in _ITEMS:
            _set(found, _ITEMS[q.item], q, 0)
    for hit, entry in hits:
        found.words.append((hit.start, hit.end, entry.cls))
        if hit.start in pair_words:
            continue
        free = [p for p in people if p[0].id not in found.quantities]
        taken = _count_after(view, free, hit.end, _next_word(hits, hit)) or _count_before(view, free, hit.start)
        if taken:
            q, extra = taken
            joined = _joined_counts(view, free, q, {h.start for h, _ in hits})
            found.quantities += [p.id for p in joined]
            _set(found, entry.cls, q, extra, joined)
    return found


def _dead_and_wounded_together(people, hits) -> tuple[set[str], set[int]]:
    """Counts of the dead and wounded together, and the words that say so: a killed word and a
    wounded word joined by و (`قتلى وجرحى`, `مقتل وإصابة`) right after the count (`بين` may come
    between), covering its noun (`عشرات القتلى والجرحى`), or right before it (`قتل وأصيب 30`)."""
    kind_at = {hit.start: (entry.cls, hit.clitic) for hit, entry in hits if hit.end == hit.start + 1}
    for q, a, b in people:
        if q.item in _ITEMS:
            kind_at.setdefault(b - 1, (_ITEMS[q.item], ""))
    pairs = [k for k, (cls, _) in kind_at.items()
             if k + 1 in kind_at and kind_at[k + 1][0] != cls and kind_at[k + 1][1].startswith("و")]
    starts = [a for _, a, _ in people]  # counts do not overlap: in text order
    by_end = {b: q for q, _, b in people}
    by_start = {a: q for q, a, _ in people}
    together: set[str] = set()
    words: set[int] = set()
    for k in pairs:
        at = bisect.bisect_right(starts, k) - 1
        covering = people[at][0] if at >= 0 and k < people[at][2] else None
        if (covering or by_end.get(k)) is not None and by_start.get(k + 2) is not None:
            continue  # `12 قتيلاً وإصابة 30 آخرين`, `9 مدنيين قتلوا وجرح 14`: each word has its own count
        for q in (covering, by_end.get(k), by_end.get(k - 1), by_start.get(k + 2)):
            if q is not None:
                together.add(q.id)
                words.update((k, k + 1))
    return together, words


def _count_after(view: View, people, end: int, stop: int):
    """A count within AFTER words after a casualty word, before the next one (`قتلوا مساء
    الجمعة وجرح 14`: the fourteen are the wounded), not a part of another (`بينهم 4`); an
    indefinite singular joined to it by و adds one (`4 جنود وطفل`: five)."""
    for q, a, b in people:
        if end <= a <= end + AFTER and a < stop and not _subset(view, a) and not _subject_of_next(view, a, b, stop):
            return q, 0 if _one_tamyiz(view, b - 1, b) else _joined_singulars(view, b, min(b + 1, stop))
    return None


def _subject_of_next(view: View, a: int, b: int, stop: int) -> bool:
    """`9 مدنيين قتلوا و14 أصيبوا`: a bare number joined by و right before the next casualty
    word is that word's subject (`مقتل 7 جنود وإصابة 4`: the 7 named by their noun stay)."""
    joined = view.words[a].startswith("و") or a > 0 and view.words[a - 1] == "و"
    return b == stop and joined and not _names_people(view, b - 1)


def _one_tamyiz(view: View, k: int, j: int) -> bool:
    """The counted noun at k and the singular at j joined to it both in the accusative (`50
    قيادياً وعنصراً`): the one number counts both, fifty in all, not one more (`12 شخصاً وطفل`:
    thirteen)."""
    return j < len(view) and view.words[k].endswith("ا") and view.words[j].endswith("ا")


def _next_word(hits, hit) -> int:
    """Where the casualty word after `hit` starts (no end when none follows)."""
    return min((other.start for other, _ in hits if other.start >= hit.end), default=1 << 30)


def _count_before(view: View, people, start: int):
    """A count that is the subject of the casualty verb after it (no count taken by another);
    not a part of it (`لقي 12 شخصاً، بينهم 5 أطفال، مصرعهم`: the 12)."""
    for q, a, b in reversed(people):
        if start - BEFORE <= b <= start and not _subset(view, a):
            return q, _joined_singulars(view, b, start)
    return None


def _subset(view: View, a: int) -> bool:
    return any(view.words[k] in grammar_words("subset") for k in range(max(0, a - 2), a))


def _joined_counts(view: View, people, q: Quantity, casualty_words: set[int]) -> list[Quantity]:
    """Counts of people joined to the count `q` by و (`مقتل 3 جنود … و4 مدنيين`, `6 رجال
    وثلاث نساء`): the dead of one event, to be added. Only a count that names its people
    (`و3 مفقودين` read with no noun of its own may be the missing); not one of the wounded or
    the held (`و3 جرحى`, `و14 إصابة`, `و11 آخرين بجروح`, `و20 أسيراً`)."""
    out: list[Quantity] = []
    end = view.token_at(q.end - 1) + 1
    for p, a, b in people:
        if a < end or p.id == q.id:
            continue
        origin = _past_their_origin(view, end, a)
        gap = [view.words[k] for k in range(origin, a)]
        joined = view.words[a].startswith("و") and not gap or gap == ["و"]
        if not joined or p.item in _ITEMS or p.item in _NOT_DEAD or p.low is None \
                or origin > end and view.words[b - 1] in grammar_words("them"):
            break  # `12 شخصاً من سكان القرية و5 منهم أطفال`: five of the twelve
        after = [b] if b < len(view) and not view.is_break(b) and not view.words[b].startswith("و") else []
        if not _names_people(view, b - 1) or any(k in casualty_words or _wounds(view, k) for k in [*range(a, b), *after]):
            break  # `و11 آخرين بجروح`, not `و3 مدنيين، وإصابة 12` (the wounded there have their own count)
        out.append(p)
        end = b
    return out


def _past_their_origin(view: View, end: int, a: int) -> int:
    """Past where the people of a count come from, `من` and up to ORIGIN words, no break (`250
    شخصاً من السكان و63 مسلحاً`), to the next count at `a`; else `end`."""
    if end < a and view.words[end] in grammar_words("from") and a - end <= ORIGIN + 2 \
            and not any(view.is_break(k) for k in range(end, a)):
        return next((k for k in range(end + 1, a) if view.words[k] == "و"), a)
    return end


def _wounds(view: View, k: int) -> bool:
    """`بجروح`, `بجراح`: the count before it is of the wounded (or, after `متأثرين`, of the dead of
    their wounds), never one to add to the dead."""
    return one_of(view.words[k], grammar_words("wounds"))


def _names_people(view: View, k: int) -> bool:
    match = unit_words().match(view.words, k)
    return bool(match and any(e.unit == "person" for e in match.entries)) or view.words[k] in grammar_words("them")


def _joined_singulars(view: View, lo: int, hi: int) -> int:
    """Indefinite singular people joined by و after a count (`وقياديا سوريا`): one each."""
    extra = 0
    for k in range(lo, hi):
        match = unit_words().match(view.words, k)
        if match and match.clitic == "و" and any(e.unit == "person" and e.number == "sg" for e in match.entries):
            extra += 1
    return extra


def _set(found: Casualties, cls: str, q: Quantity, extra: int, joined: list[Quantity] = ()) -> None:
    if getattr(found, cls) is not None:
        return
    low = q.low + extra + sum(p.low for p in joined) if q.low is not None else None
    high = q.high + extra + sum(p.high for p in joined) \
        if q.high is not None and all(p.high is not None for p in joined) else None
    setattr(found, cls, {"low": low, "high": high})
    found.quantities.append(q.id)
