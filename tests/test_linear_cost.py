"""Cost that grows with the input, never with its square: one test per path that once did.

Each test runs a function on an input of size n and of size 10n and asserts the ratio of the
two costs stays under 15 (a linear path gives about 10, a quadratic one about 100). Costs are
CPU seconds (best of three, the smaller input sized to take tens of milliseconds) or peak
memory — ratios, never absolute times.
"""
from __future__ import annotations

import gc
import time
import tracemalloc

from rasid.document import Document, Mention
from rasid.ner.spans import Span
from rasid.pipeline import analysis_pipeline
from rasid.stages.link.actors import link_actors
from rasid.stages.link.places import link_places
from rasid.stages.mentions import merge_spans
from rasid.stages.reading.view import View
from rasid.text.segment import sentences

BOUND = 15


def cpu_cost(fn, arg) -> float:
    """Best of three, with the collector paused: a collection that happens to fall in one run
    costs with every live object, not with the input."""
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(3):
            start = time.process_time()
            fn(arg)
            best = min(best, time.process_time() - start)
    finally:
        gc.enable()
    return max(best, 1e-4)


def assert_linear_time(fn, make, n: int, tries: int = 3) -> None:
    """The ratio of costs for inputs of size 10n and n stays under BOUND in one of `tries`
    measurements: a busy machine can double one timing, but a quadratic path costs about ×100
    every time."""
    small, large = make(n), make(10 * n)
    fn(small)  # warm caches and tables once
    ratios = []
    for _ in range(tries):
        ratios.append(cpu_cost(fn, large) / cpu_cost(fn, small))
        if ratios[-1] < BOUND:
            return
    raise AssertionError(f"cost ×{min(ratios):.0f} for ×10 input (best of {tries})")


def test_cost_merging_many_spans_is_linear():
    """`داعش` ×50k: every candidate span was checked against every kept one."""
    def make(n):
        model = [Span(6 * k, 6 * k + 4, "ORG", "model") for k in range(n)]
        known = [Span(6 * k, 6 * k + 4, "ORG", "known") for k in range(0, n, 2)]
        return model, known
    assert_linear_time(lambda spans: merge_spans(*spans), make, 20000)


def test_cost_linking_repeated_names_is_linear():
    """Each mention searched every other mention for the longer name it abbreviates."""
    names = ["حركة النور الجديدة", "حركة النور"]  # no actor of the base: linked within the report

    def make(n):
        text = " ".join(names * n)
        mentions, pos = [], 0
        for k, name in enumerate(names * n):
            mentions.append(Mention(f"m{k}", pos, pos + len(name), name, "ORG"))
            pos += len(name) + 1
        return Document(text=text), mentions
    assert_linear_time(lambda arg: link_actors(*arg), make, 1000)


def test_cost_linking_places_of_a_long_report_is_linear():
    """Each place mention rebuilt the report's context and measured it against every anchor."""
    names = ["الرقة", "دير الزور", "حلب", "الموصل", "تدمر", "الميادين", "البوكمال", "حمص"]

    def make(n):
        parts, mentions, pos = [], [], 0
        for k in range(n):
            name = names[k % len(names)]
            piece = f"في {name} "
            mentions.append(Mention(f"m{k}", pos + 3, pos + 3 + len(name), name, "LOC"))
            parts.append(piece)
            pos += len(piece)
        return Document(text="".join(parts)), mentions
    assert_linear_time(lambda arg: link_places(*arg), make, 400)


def test_cost_splitting_a_paragraph_with_no_line_break_is_linear():
    """The initial check re-read the paragraph from its start at every full stop."""
    assert_linear_time(sentences, lambda n: "قال المصدر إن الهجوم وقع. " * n, 2000)


def test_memory_of_reading_one_very_long_word_is_linear():
    """A word of L letters was read with its 2L one-edit misspellings: 4L² bytes."""
    pipeline = analysis_pipeline()

    def peak(n: int) -> int:
        doc = Document(text="ب" * n)
        tracemalloc.start()
        View.of(pipeline(doc)).bases(_lexicon())
        used = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return used

    peak(100)
    ratio = peak(40_000) / peak(4_000)
    assert ratio < BOUND, f"memory ×{ratio:.0f} for ×10 input"


def _lexicon():
    from rasid.stages.reading.lexicons import EVENT_TRIGGERS, lexicon
    return lexicon(EVENT_TRIGGERS)


def test_cost_of_claims_in_one_long_sentence_is_linear():
    """Every channel word looked at every role cue to the sentence's end, and a strike cue
    scanned the whole sentence for a group: cubic on a sentence with no full stop."""
    from rasid.stages.claims import find_claims
    pipeline = analysis_pipeline()

    def make(n):
        return pipeline(Document(text="استهداف حقول النفط التابعة لداعش و " * n))
    assert_linear_time(find_claims, make, 40)


def test_cost_of_events_in_one_long_sentence_is_linear():
    """Counts of the dead and wounded together were matched pair by count, and each event of a
    sentence scanned the whole sentence for a claim of responsibility: quadratic on a sentence
    with no full stop."""
    from rasid.stages.events import find_events
    pipeline = analysis_pipeline()

    def make(n):
        return pipeline(Document(text="وقصف، يوم الجمعة، قتل 5 قتلى وجرحى و " * n))
    assert_linear_time(find_events, make, 40)


def test_cost_of_payments_levies_and_markets_in_one_long_sentence_is_linear():
    """Each payment scanned its whole sentence for a forcing word, captives and payers, each
    black market every channel word, and each forcing word every claim: quadratic on a sentence
    with no full stop."""
    from rasid.stages.claims import find_claims
    pipeline = analysis_pipeline()
    phrase = ("وأجبر مسلحو داعش التجار على تقديم المواشي ويدفعون 100 دولار للتنظيم "
              "ويبيعون الوقود في السوق السوداء وطالبوا الأهالي بمبالغ للإفراج عن المختطفين و ")

    def make(n):
        return pipeline(Document(text=phrase * n))
    assert_linear_time(find_claims, make, 40)


def assert_linear_at_each(ask, phrase: str, word: str) -> None:
    """`ask(view, k)` at every token `word` of one long sentence, `phrase` repeated with no full
    stop: the cost of all the asking grows with the sentence, not with its square."""
    pipeline = analysis_pipeline()

    def make(n):
        view = View.of(pipeline(Document(text=phrase * n)))
        return view, [k for k in range(len(view)) if view.words[k] == word]

    def read(made):
        view, at = made
        for k in at:
            ask(view, k)
    assert_linear_time(read, make, 40)


def test_cost_of_reading_the_roles_of_claims_in_one_long_sentence_is_linear():
    """The claim role model read the lexicon marks of the whole sentence, made afresh, for every
    claim: quadratic on a sentence with no full stop."""
    from rasid.stages.claims.learned import role_rows
    assert_linear_at_each(lambda view, k: role_rows(view, k, k + 1, "oil"), "ويبيع مسلحو داعش النفط للتجار و ", "النفط")


def test_cost_of_timing_events_against_another_in_one_long_clause_is_linear():
    """Each trigger walked its clause to the end looking for `قبل`/`بعد` and a definite noun (to
    the end when there is none): quadratic on a clause with no comma."""
    from rasid.stages.events.context import timed_against_another
    assert_linear_at_each(timed_against_another, "هاجم مسلحو داعش حاجزا للجيش و ", "هاجم")


def test_cost_of_claim_times_and_source_names_in_one_long_sentence_is_linear():
    """Each claim read its sentence's times against the words of attribution, and each channel
    word asked whether its sentence names a source by reading the whole sentence: quadratic on a
    sentence with no full stop."""
    from rasid.stages.attribution import attribution_of
    from rasid.stages.claims.records import _time
    pipeline = analysis_pipeline()

    def make(n):
        doc = pipeline(Document(text="وباع مسلحو داعش النفط في 3 آذار 2020 و " * n))
        view = View.of(doc)
        lo, hi = view.sentence_of(len(view) // 2)
        return view, attribution_of(doc), lo, hi, [t.start for t in doc.tokens if t.text == "النفط"]

    def read(made):
        view, attribution, lo, hi, at = made
        for pos in at:
            _time(view, attribution, lo, hi, pos)
            attribution.in_source_name(pos)
    assert_linear_time(read, make, 40)
