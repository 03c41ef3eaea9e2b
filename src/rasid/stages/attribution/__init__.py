"""Attribution: who the report says each statement comes from (the `source` of events and claims).

Arabic news attributes with a speech verb whose subject follows it (`قال أبو صهيب`) or precedes
it (`الباحث …، عمرو فاروق، كان اعتبر`), with a preposition (`بحسب منشقين`, `وفق تقديرات`),
and carries the last speaker on with `وأضاف`, `وتابع`, `مشيراً`. What a cue attributes runs
from the words that name the source to the end of the sentence, or to the end of a quotation
the cue opens; a preposition at the end of a sentence attributes the sentence before it
(`…، بحسب الدراسة.`). What a named source said runs on into the sentences after it in its
paragraph until another cue speaks (`وكشفت الوزارة أن … . وفي الفترة نفسها، تلقى …`). A statement
no cue covers is the outlet's own. Cues inside a quotation
belong to the quoted speaker's words and start nothing. The kind of source is read from the
words that name it (source_kinds.tsv, the outlets of the actor base), or from an earlier mention of the same name
(`ويرى الجمعة` after `محمد الجمعة (من سكان مدينة هجين)`).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property

from rasid.document import Document, Source
from rasid.resources.catalogue import grammar_words
from rasid.stages.reading.lexicons import PARTIES, POLARITY_CUES, SOURCE_CUES, SOURCE_KINDS, lexicon
from rasid.stages.reading.polarity import is_hedged
from rasid.stages.reading.quotes import Quotes
from rasid.stages.attribution.names import Named, after_verb, before_aside, before_verb, named, prep_object
from rasid.stages.attribution.objects import demands_money, moves_funds, quoted_from, without_the_accused
from rasid.stages.reading.view import Hit, View
from rasid.text.tokens import one_of

_VERB_CLITICS = ("", "و", "ف")
_QUOTED_NAME = 40          # a quotation this short names something ("رويترز"); longer ones quote words
_STATEMENT_BACK = 60  # words back from a mid-sentence بحسب to where the statement it covers may begin
_UNDESCRIBED = "official"  # a named subject nothing describes: most often a body or its spokesperson
_LOOKBACK = 64    # scopes looked back at for the one holding a position
COMP_WINDOW = 12  # words between a source and the complementizer that opens what it said
_COLON_SPEAKER = 4  # words before a colon that may name who the sentence quotes
_QUOTE_MARKS = frozenset('"\'')  # folded: « » “ ” are all "
_TOPIC_WORDS = 3  # words at a sentence's start that may say it turns to another matter


@dataclass(frozen=True, slots=True)
class Scope:
    """Characters [start, end) that `source` is said to have stated; `at` orders nested scopes.

    [`said`, `start`) holds the words of the attribution itself: the clause of the cue, its
    source and the time or channel of the statement (`قالت رويترز، مساء الخميس، إن`).
    """
    start: int
    end: int
    source: Source
    at: int
    said: int


@dataclass
class _State:
    speaker: Named | None = None
    registry: dict[str, str] = field(default_factory=dict)


@dataclass(eq=False)
class Attribution:
    """Every scope of a document, and how to ask for the source of a position in it.

    The scopes are read at the first question: most reports hold no event or claim that asks."""
    doc: Document
    view: View

    @cached_property
    def scopes(self) -> tuple[Scope, ...]:
        return read_scopes(self.view)

    def scope_at(self, pos: int) -> Scope | None:
        """The innermost scope holding character `pos`."""
        inside = [s for s in self._near(pos) if s.start <= pos < s.end]
        return max(inside, key=lambda s: (s.start, s.at)) if inside else None

    def in_attribution(self, pos: int) -> bool:
        """Whether `pos` lies in the words that attribute (not in what is attributed)."""
        return any(s.said <= pos < s.start for s in self._near(pos))

    def _near(self, pos: int) -> tuple[Scope, ...]:
        """Scopes that open up to `_LOOKBACK` scopes before `pos` (scopes are sentence-sized)."""
        k = bisect.bisect_right(self._opens, pos)
        return self._by_said[max(0, k - _LOOKBACK):k]

    @cached_property
    def _by_said(self) -> tuple[Scope, ...]:
        return tuple(sorted(self.scopes, key=lambda s: s.said))

    @cached_property
    def _opens(self) -> list[int]:
        return [s.said for s in self._by_said]

    def in_source_name(self, pos: int) -> bool:
        """Whether `pos` lies in the words that name a source (`مسؤول في وزارة النفط`). A sentence
        with no cue and no colon names none: the scopes are not read for it."""
        view = self.view
        lo, hi = view.sentence_of(view.token_at(pos))
        if not view.derived(("names a source", lo, hi), lambda: any(
                h.entries[0].cls not in ("comp", "stop") for h in view.hits_in(SOURCE_CUES, lo, hi))
                or ":" in view.words[lo:hi]):
            return False  # worked out once per sentence, not once per word asked about
        return any(s.source.start is not None and s.source.start <= pos < s.source.end for s in self._near(pos))

    def reporting_verb(self, k: int) -> bool:
        """Token k is the verb of saying that opens a statement (`ونقلت الوكالة أن`, `وكشف
        التقرير أن`): it reports, it moves or reveals nothing of its own."""
        cue = self.view.match(SOURCE_CUES, k)
        return cue is not None and cue.entries[0].cls == "verb" and k in self._verbs

    @cached_property
    def _verbs(self) -> frozenset[int]:
        view = self.view
        return frozenset(s.at for s in self.scopes if s.source.cue and s.at < len(view)
                         and (cue := view.match(SOURCE_CUES, s.at)) is not None and cue.entries[0].cls == "verb")

    def denied_at(self, pos: int) -> bool:
        """Whether the statement at character `pos` is what its speaker denies, in the sentence
        of the denial (`نفى مسؤول، فضّل عدم ذكر اسمه، أن يكون التنظيم قد جنى`): the clause the
        cue governs may lie past an aside that no negation before the statement reaches."""
        scope = self.scope_at(pos)
        if scope is None or not scope.source.cue:
            return False
        view = self.view
        if view.sentence_of(view.token_at(scope.said)) != view.sentence_of(view.token_at(pos)):
            return False  # what the speaker said on in the sentences after: no longer the denial
        said = view.token_at(scope.said)
        if any(h.entries[0].cls in ("verb", "cont") and not _denied(view, h.start, said)
               for h in view.hits_in(SOURCE_CUES, said + 1, view.token_at(pos))):
            return False  # `نفى …، مؤكداً أن …`: another verb of saying, and the speaker asserts
        return any(entry.cls == "negated" for entry in lexicon(POLARITY_CUES).table.get(scope.source.cue))

    def source_at(self, pos: int) -> Source:
        """The source of the statement at character `pos` (the outlet when none is named)."""
        scope = self.scope_at(pos)
        source = scope.source if scope else outlet_source(self.doc)
        lo, hi = self.view.sentence_of(self.view.token_at(pos))
        if source.hedged or not is_hedged(self.view, lo, hi):
            return _copy(source)
        return _copy(source, hedged=True)


def attribute(doc: Document) -> Document:
    """Stage: the attribution of the document (`doc.attribution`), read when first asked."""
    doc.attribution = Attribution(doc, View.of(doc))
    return doc


def read_scopes(view: View) -> tuple[Scope, ...]:
    """The attribution of every sentence outside boilerplate, in order."""
    state = _State()
    scopes: list[Scope] = []
    running: Scope | None = None  # a statement that ran to the end of the sentence before
    for lo, hi in view.sent_ranges:
        if hi <= lo or view.in_boilerplate(lo, hi):
            running = None
            continue
        found = _sentence_scopes(view, lo, hi, view.quotes, state)
        start, end = view.chars(lo, hi)
        if not found and running is not None and view.paragraph(lo) == view.paragraph(view.token_at(running.start)) \
                and not turns_topic(view, lo, hi):
            found = [Scope(start, end, running.source, lo, start)]  # what it said goes on
        scopes.extend(found)
        quoted = any(_long_quote(view.quotes.enclosing(pos)) for pos in (start, end - 1)) \
            or any(map(_long_quote, view.quotes.opened_in(start, end))) or _closes_quote(view, lo, hi)
        running = found[-1] if found and found[-1].end >= end and _reported(found[-1]) and not quoted else None
    return tuple(scopes)


def turns_topic(view: View, lo: int, hi: int) -> bool:
    """The sentence opens on another matter (`ومن جهة أخرى،`, `وفي سياق آخر`): the statement
    before it does not go on into it."""
    words = [w.removeprefix("و") for w in view.words[lo:min(hi, lo + _TOPIC_WORDS)]]
    shifts = grammar_words("topic_shift")
    return any(" ".join(words[:n]) in shifts for n in range(2, _TOPIC_WORDS + 1))


def _closes_quote(view: View, lo: int, hi: int) -> bool:
    """The sentence ends on a closing quotation mark (`… « ولا نعرف كيف النهاية ».`)."""
    k = hi - 1
    while k >= lo and view.doc.tokens[k].kind == "punct":
        if view.words[k] in _QUOTE_MARKS:
            return True
        k -= 1
    return False


def _long_quote(region: tuple[int, int] | None) -> bool:
    """A quotation of words, not a quoted name (`«جبهة النصرة»`)."""
    return region is not None and region[1] - region[0] > _QUOTED_NAME


def _reported(scope: Scope) -> bool:
    """A named source's statement, which the sentences after it in its paragraph go on with
    until another source is named (`وكشفت الوزارة أن الكعبي … . وفي الفترة نفسها، تلقى …`); a
    quotation ends where its marks close (the caller checks)."""
    return scope.source.kind not in (None, "outlet")


def attribution_of(doc: Document) -> Attribution:
    """`doc.attribution`, or an error that names the missing stage (a stage run out of order)."""
    if doc.attribution is None:
        raise ValueError("this stage reads doc.attribution: run the `attribution` stage first (rasid.pipeline)")
    return doc.attribution


def outlet_source(doc: Document) -> Source:
    """The publishing outlet as the source (no other source named)."""
    return Source(text=doc.outlet, kind="outlet")


def _sentence_scopes(view: View, lo: int, hi: int, quotes, state: _State) -> list[Scope]:
    out: list[Scope] = []
    claimed = lo  # tokens before this are already the words of a cue or its source
    said: list[Scope] = []  # what speakers named by a verb said in this sentence
    lead = _colon_speaker(view, lo, hi, state)
    if lead is not None:
        speaker, colon = lead
        out.append(_scope(view, speaker, Hit(colon, colon + 1, (), ""), colon + 1, hi, hi, quotes))
        state.speaker, claimed = speaker, colon + 1
    for hit in view.hits_in(SOURCE_CUES, lo, hi):
        cls = hit.entries[0].cls
        if hit.start < claimed or cls in ("comp", "stop", "resp") or "ال" in hit.clitic or _quoted(view, hit, quotes) \
                or view.mentions(*view.chars(hit.start, hit.end)) or (cls == "verb" and _denied(view, hit.start, lo)):
            continue
        before = state.speaker
        found = _read_cue(view, hit, cls, lo, hi, claimed, state)
        if found is None:
            continue
        speaker, begin, end, claimed = found
        pos = view.doc.tokens[hit.start].start
        nested = any(s.start <= pos < s.end for s in said) and not _contrasted(view, hit.start, lo)
        out.append(_scope(view, speaker, hit, begin, end, hi, quotes, carried=speaker is before))
        if cls == "verb":
            said.append(out[-1])
        if not (cls == "prep" and begin == lo and len(out) > 1) and not nested:
            state.speaker = speaker  # `وأضاف: "…"، وفق ما ذكرت رويترز.` names who reported it; the speaker goes on,
            # and so does one whose words name another source (`وقال المسؤول إن التحقيق كشف …`), unless a
            # second speaker is set against the first (`…، فيما قال الباحث إن …`)
    return out


def _denied(view: View, k: int, lo: int) -> bool:
    """A negation right before a verb of telling at token k (`لم تكشف العائلة عن قيمته`, `لم
    يذكر`): it tells what was not said, no statement to attribute; a verb of belief or denial
    keeps its speaker (`لا يستبعد الخبراء أن`, `لم يستبعد المسؤول أن`)."""
    cue = view.match(POLARITY_CUES, k - 1) if k > lo else None
    return cue is not None and cue.end == k and cue.entries[0].cls == "negated" \
        and one_of(view.words[k], grammar_words("telling"))


def _contrasted(view: View, k: int, lo: int) -> bool:
    """A contrastive connective (`فيما`, `بينما`, `في حين`) right before the cue at token k."""
    return any(view.words[j] in grammar_words("contrast") for j in range(max(lo, k - 2), k))


def _colon_speaker(view: View, lo: int, hi: int, state: _State) -> tuple[Named, int] | None:
    """`التحالف العربي: الحوثيون يتاجرون بالمخدرات`, `وزير الخارجية: …`: a sentence (most
    often a headline) that opens with a few words naming a source and a colon quotes it."""
    for k in range(lo + 1, min(hi - 1, lo + _COLON_SPEAKER + 1)):
        if view.words[k] == ":":
            if any((cue := view.match(SOURCE_CUES, j)) and cue.entries[0].cls not in ("comp", "stop")
                   for j in range(lo, k)):
                return None  # `وقال المتحدث:` is read by its verb (`في الصحف اليوم:` has none)
            speaker = named(view, (lo, k), state.registry)
            return (speaker, k) if speaker is not None and speaker.kind is not None else None
        if view.doc.tokens[k].kind == "punct":
            return None
    return None


def _read_cue(view: View, hit: Hit, cls: str, lo: int, hi: int, claimed: int, state: _State):
    """(speaker, content start token, content end token, first token after the cue's words)."""
    if cls == "prep":
        return _read_prep(view, hit, lo, hi, claimed, state)
    if cls == "back":
        return (state.speaker, lo, hit.start, hit.end) if state.speaker else None
    if cls == "charge":
        return _charge(view, hit, lo, hi, claimed, state)
    if hit.clitic not in _VERB_CLITICS:
        return None
    if _relative(view, hit.start):
        return _relative_speaker(view, hit, lo, hi, claimed, state)
    if cls == "cont":
        return (state.speaker, hit.end, hi, hit.end) if state.speaker else None
    np = after_verb(view, hit, hi)
    quoted = quoted_from(view, np[1] if np else hit.end, hi, state.registry) if _verb_in(view, hit, "moving") else None
    if quoted is not None:  # `ونقلت الوكالة عن شهود عيان أن …`: the closest source is the witnesses
        return quoted, _after_complementizer(view, quoted.tokens[1], hi, quoted.tokens[1]), hi, quoted.tokens[1]
    if np and _verb_in(view, hit, "accusing"):  # `بيانا يتهم حزب الله`: the statement accuses, the name is the accused
        np = None if hit.start > lo and one_of(view.words[hit.start - 1], grammar_words("statement_noun")) \
            else without_the_accused(view, np)
    if _verb_in(view, hit, "demanding") and demands_money(view, hit.end, hi):
        return None  # `وطالب الخاطفون ذويه بفدية`: a demand for money is an act, no statement
    if _verb_in(view, hit, "moving") and \
            (not (np and named(view, (np[0], min(np[1], np[0] + 2)), {})) or moves_funds(view, hit.end, hi)):
        return None  # `الأموال نقلت بالأساس عبر …`, `ونقلت الجماعة أموال الفدية` move money; `نقلت وكالة رويترز` reports
    speaker = named(view, np, state.registry) if np else None
    if speaker is None and not hit.clitic and view.words[hit.start - 1:hit.start] != ["و"]:
        speaker = named(view, before_verb(view, hit, max(lo, claimed), lo), state.registry)
    speaker = speaker or _carried(view, hit, np, state)
    if speaker is None:
        return None
    end = np[1] if np and speaker.tokens[0] == np[0] else hit.end  # (a name cut before an aside ends the words too)
    if any(claims_responsibility(view, k) for k in range(hit.end, min(end + 1, hi))):
        return None  # أعلن التنظيم مسؤوليته عن …: an actor claiming an act, not a source
    begin = _after_complementizer(view, end, hi, hit.end)
    if begin == end < hi and _joins_a_clause(view, end):
        return None  # `منشق يروي والخلايا تطالب بحصتها`: he tells; what follows و is the outlet's
    return speaker, begin, hi, end


def _joins_a_clause(view: View, k: int) -> bool:
    """Token k carries و or is a bare و: right after a verb of telling with no complementizer, it
    opens a clause of its own, not what the verb reports."""
    text = view.doc.text
    return view.words[k] == "و" or any(p.kind == "conj" and text[p.start:p.end] == "و" for p in view.doc.tokens[k].parts)


def _charge(view: View, hit: Hit, lo: int, hi: int, claimed: int, state: _State):
    """`فرضت وزارة المالية عقوبات على شركتين بتهمة تمويل جماعة مسلحة`: what a charge names is the word
    of the authority named before it in its sentence; with none named, the charge starts nothing."""
    start = max(lo, claimed)
    kinds = [h for h in view.hits_in(SOURCE_KINDS, start, hit.start) if h.entries[0].value == "official"] or \
        [h for h in view.hits_in(PARTIES, start, hit.start) if h.entries[0].cls == "authority"]
    if not kinds:
        return None
    first = kinds[0]
    a, b = view.chars(first.start, first.end)
    names = [m for m in view.mentions(*view.chars(start, hit.start), ("ORG", "PER")) if m.start <= a < m.end]
    if names:
        first_token, last_token = view.token_at(names[0].start), view.token_at(names[0].end - 1) + 1
        span = (min(first_token, first.start), max(last_token, first.end))
    else:
        span = (first.start, first.end)
    speaker = named(view, span, state.registry) or Named(span, *view.chars(*span), _UNDESCRIBED)
    return (speaker, hit.end, hi, hit.end) if speaker.kind == "official" else None


def _relative_speaker(view: View, hit: Hit, lo: int, hi: int, claimed: int, state: _State):
    """`وكيل الوزارة، ماجد فضائل، الذي أكد أن …`: a speech verb in a relative clause that goes on
    to a complementizer reports what the person named before the relative said; so does a verb
    of accusing, whose object and act need none (`السعودية التي اتهمت إيران بدعم الحوثيين`)."""
    accusing = _verb_in(view, hit, "accusing")
    begin = _after_complementizer(view, hit.end, hi, hit.end if accusing else -1)
    relative = view.words[hit.start - 1] if hit.start else ""
    if begin < 0 or hit.start < 2 or relative.removeprefix("و") not in grammar_words("person_relative"):
        return None
    rel = Hit(hit.start - 1, hit.start, hit.entries, "")
    speaker = named(view, before_verb(view, rel, max(lo, claimed), lo), state.registry)
    if speaker is None or speaker.kind is None:
        return None
    return speaker, begin, hi, hit.end


def _verb_in(view: View, hit: Hit, role: str) -> bool:
    """Whether the cue's verb, its clitic off (or as the cue lexicon reads it: `تطالبهم` → `تطالب`),
    is in the grammar list `role` (`moving`, `accusing`)."""
    words = grammar_words(role)
    return view.words[hit.start][len(hit.clitic):] in words or view.bases(lexicon(SOURCE_CUES))[hit.start] in words


def claims_responsibility(view: View, i: int) -> bool:
    """Whether token `i` is a responsibility noun (`مسؤوليته`) of source_cues.tsv."""
    found = view.match(SOURCE_CUES, i)
    return found is not None and any(entry.cls == "resp" for entry in found.entries)


def _carried(view: View, hit: Hit, np: tuple[int, int] | None, state: _State) -> Named | None:
    """The speaker a verb with no known subject carries on; a subject named but not described
    (`أعلنت خلية …`) in a new sentence is a new source, an official one by default."""
    same_sentence = state.speaker and view.sent[state.speaker.tokens[0]] == view.sent[hit.start]
    if np is None or same_sentence:
        return state.speaker
    np = np[0], before_aside(view, *np)
    start, end = view.chars(*np)
    return Named(np, start, end, _UNDESCRIBED)


def _read_prep(view: View, hit: Hit, lo: int, hi: int, claimed: int, state: _State):
    """`بحسب`, `وفق`: at the end of a sentence it covers the words before it; after a
    complementizer or opening the sentence, the words after it; in the middle of a sentence that
    names no other source before it, its clause and what follows."""
    np = prep_object(view, hit, hi)
    if np and one_of(view.words[np[0]], grammar_words("measure_noun")):
        return None  # `تختلف بحسب ظروف أسرة المختطف`: depending on, not according to
    speaker = named(view, np, state.registry) if np else None
    if speaker is None or speaker.kind is None:
        return None
    rest = [k for k in range(np[1], hi) if view.doc.tokens[k].kind != "punct"]
    if not rest:  # `…، بحسب الدراسة.`: the sentence before the cue
        return speaker, lo, hit.start, np[1]
    begin = _after_complementizer(view, np[1], hi, np[1])
    if begin == np[1] and claimed == lo and hit.start > lo + 1:
        begin = _statement_start(view, lo, hit.start)  # `… موجة من الخطف، يقف وراءها بحسب السكان …`
    return speaker, begin, hi, np[1]


def _statement_start(view: View, lo: int, k: int) -> int:
    """Where the statement around token k begins: after the last comma before it that opens a
    new clause with و (`سيطر التنظيم على الحقول عام 2014، وباتت عائداتها بحسب الخزانة …`: the
    second clause), else at the sentence start (`… موجة من الخطف، يقف وراءها بحسب السكان`); in
    a sentence longer than _STATEMENT_BACK words before k, at k's clause (the walk stays bounded)."""
    for j in range(k - 1, max(lo, k - _STATEMENT_BACK), -1):
        if view.is_break(j) and j + 1 < k and view.words[j + 1].startswith("و"):
            return j + 1
    return lo if k - lo <= _STATEMENT_BACK else clause_start(view, k)


def _after_complementizer(view: View, i: int, hi: int, otherwise: int) -> int:
    """Where the reported words begin: after `أن`/`إن`/`:` when only the time, place or channel
    of the statement come before it (`قالت وكالة رويترز، مساء الخميس، إن …`); with no
    complementizer, at `otherwise` (a verb's object may be what it reports: `أعلنت قسد اعتقال`)."""
    for k in range(i, min(hi, i + COMP_WINDOW)):
        found = view.match(SOURCE_CUES, k)
        if found and found.entries[0].cls == "comp" and "ال" not in found.clitic:
            return found.end
        if found and found.entries[0].cls in ("verb", "prep"):
            break
    return otherwise


def _relative(view: View, i: int) -> bool:
    """`ما أوردته روزنة`, `والذي يعلن`: a verb in a relative clause reports nothing new;
    after a preposition the word is a verbal noun (`إلى نقل أمواله`), not a verb."""
    if i == 0:
        return False
    prev = view.words[i - 1]
    prev = prev[1:] if prev[:1] in ("و", "ف") and len(prev) > 2 else prev
    return prev in grammar_words("not_before_verb")


def _quoted(view: View, hit: Hit, quotes: Quotes) -> bool:
    start, _ = view.chars(hit.start, hit.end)
    region = quotes.enclosing(start)
    return region is not None and region[1] - region[0] > _QUOTED_NAME


def _scope(view: View, speaker: Named, hit: Hit, begin: int, end: int, hi: int, quotes, carried: bool = False) -> Scope:
    """The scope a cue opens. The words of attribution run from the clause of the cue, or of its
    speaker named before it in the sentence; a speaker carried on from before (`…، مشيراً إلى`)
    adds only the cue's own clause: what stood between is a statement, not its attribution."""
    doc = view.doc
    start = doc.tokens[begin].start if begin < len(view) else len(doc.text)
    stop = doc.tokens[end - 1].end if end > begin else start
    if end == hi:
        stop = _through_quote(doc, quotes, start, stop)
    cue_start, cue_end = view.hit_chars(hit)
    hedged = speaker.hedged or is_hedged(view, hit.start, max(hit.end, speaker.tokens[1]))
    source = Source(text=doc.text[speaker.start:speaker.end], kind=speaker.kind or "anonymous",
                    entity=speaker.entity, cue=doc.text[cue_start:cue_end], hedged=hedged,
                    start=speaker.start, end=speaker.end)
    first = speaker.tokens[0] if view.sent[speaker.tokens[0]] == view.sent[hit.start] and not carried else hit.start
    said = doc.tokens[clause_start(view, min(hit.start, first))].start
    return Scope(start, stop, source, hit.start, min(said, start))


def clause_start(view: View, i: int) -> int:
    """First token of the clause holding token `i` (after a comma, colon or quote), read from
    one pass over the document (a walk back from each token was quadratic in a long clause)."""
    return view.derived("clause starts", lambda: _clause_starts(view))[i]


def _clause_starts(view: View) -> list[int]:
    starts = []
    for i in range(len(view)):
        lo, _ = view.sentence_of(i)
        starts.append(i if i == lo or view.is_break(i - 1) else starts[i - 1])
    return starts


def _through_quote(doc: Document, quotes: Quotes, start: int, stop: int) -> int:
    """Extend a scope to the end of a quotation opened in it that runs past its sentence."""
    for opened, closed in quotes.opened_in(start, stop):
        if stop < closed:
            return closed
    return stop


def _copy(source: Source, hedged: bool | None = None) -> Source:
    return Source(source.text, source.kind, source.entity, source.cue,
                  source.hedged if hedged is None else hedged, source.start, source.end)
