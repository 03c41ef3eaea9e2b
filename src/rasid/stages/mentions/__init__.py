"""The mentions stage: every named entity (PER, ORG, LOC, MISC) of a document, clitics off.

Three sources of candidate spans, merged by `merge_spans`:
- known names (`rasid.stages.mentions.known_names`, the actor and place lexicons) when available;
- rules for names a news model misses (kunya, initials, operation and show names, bylines);
- the NER model, run on each sentence's tokens (rasid.ner.tagger).
Spans touching a boilerplate region are dropped (`outside_boilerplate`): page furniture stays in
the text for its offsets, but nothing is extracted inside it.
"""
from __future__ import annotations

import bisect
import importlib
import itertools
import re
from functools import lru_cache

from rasid.document import Document, Mention
from rasid.ner import common_word
from rasid.ner.consistency import propagate
from rasid.ner.features import clitic_readings, norm_token
from rasid.ner.rules import rule_spans
from rasid.ner.spans import Span, name_start, tag_chunks
from rasid.ner.tagger import NerTagger, load_tagger
from rasid.text.normalise import fold
from rasid.text.numerals import number_words, unit_words
from rasid.text.tokens import stem_variants

_PRIORITY = {"known": 3, "rule": 2, "model": 1}
_WORD_RE = re.compile(r"\S+")


def find_mentions(doc: Document, tagger: NerTagger | None = None) -> Document:
    """Pipeline stage: fill `doc.mentions` in text order (ids m1, m2, …) and name the model that
    tagged them in `doc.meta["ner_model"]` (mentions differ from one model to another)."""
    tagger = tagger or load_tagger()
    known, rules = known_spans(doc), rule_spans(doc)
    model = drop_adjectives_of_nations(doc, trim_common_nouns(doc, drop_units(doc, model_spans(doc, tagger, forced=known + rules))))
    spans = outside_boilerplate(doc, merge_spans(known, rules, model))
    doc.mentions = [Mention(f"m{i}", s.start, s.end, doc.text[s.start:s.end], s.type)
                    for i, s in enumerate(spans, 1)]
    doc.meta["ner_model"] = model_label(tagger)
    return doc


def outside_boilerplate(doc: Document, spans: list[Span]) -> list[Span]:
    """The spans that touch no boilerplate region: page furniture (a cookie banner, a read-also
    line, a podcast promo) stays in the text for its offsets but is not the report."""
    regions = sorted((r.start, r.end) for r in doc.boilerplate)
    starts = [start for start, _ in regions]
    reach = list(itertools.accumulate((end for _, end in regions), max))  # furthest end so far
    kept = []
    for span in spans:
        k = bisect.bisect_left(starts, span.end) - 1  # the last region that starts before the span ends
        if k < 0 or reach[k] <= span.start:
            kept.append(span)
    return kept


def model_label(tagger) -> str:
    """`rasid-ner 1.0.0`, or a Hugging Face model's folder name with its backend."""
    manifest = getattr(tagger, "manifest", None) or {}
    name = manifest.get("name") or type(tagger).__name__
    extra = manifest.get("version") or manifest.get("backend")
    return f"{name} {extra}" if extra else name


def sentence_tokens(doc: Document) -> list[list[int]]:
    """Token indices grouped by the sentence they start in (tokens outside sentences alone)."""
    starts = [s.start for s in doc.sentences]
    groups: dict[int, list[int]] = {}
    for i, tok in enumerate(doc.tokens):
        k = bisect.bisect_right(starts, tok.start) - 1
        inside = k >= 0 and tok.end <= doc.sentences[k].end
        groups.setdefault(k if inside else -1 - i, []).append(i)
    return list(groups.values())


def model_spans(doc: Document, tagger: NerTagger, forced: list[Span] = ()) -> list[Span]:
    """The model's entities over each sentence, clitics off. Names the lexicons and rules
    found (`forced`) overrule the model's tags before names are made consistent over the
    document, so their surnames and repeats spread too (`أبو حمزة التدمري … التدمري`)."""
    groups = sentence_tokens(doc)
    sentences = [[doc.tokens[i].text for i in g] for g in groups]
    tags = tagger.tag(sentences)
    overlay(doc, groups, tags, forced)
    tags = propagate(sentences, tags, stop=lambda word: common_word(word, tagger))
    doc_words = frozenset(norm_token(t.text) for t in doc.tokens if t.kind == "word")
    out = []
    for group, sent_tags in zip(groups, tags):
        for a, b, kind in tag_chunks(sent_tags):
            while a < b and doc.tokens[group[a]].kind in ("punct", "symbol"):
                a += 1
            if a == b:
                continue
            first = doc.tokens[group[a]]
            start = name_start(doc.text, first.start, first.end, tagger.frequency_rank, doc_words) \
                if first.kind == "word" else first.start
            if start < doc.tokens[group[b - 1]].end:
                out.append(Span(start, doc.tokens[group[b - 1]].end, kind, "model"))
    return out


def overlay(doc: Document, groups: list[list[int]], tags: list[list[str]], spans: list[Span]) -> None:
    """Write `spans` into the sentence tags (B-/I- on the tokens they cover); a model entity
    they overlap is dropped whole (`تنظيم "داعش"` → only `داعش`)."""
    where = {tok: (g, pos) for g, group in enumerate(groups) for pos, tok in enumerate(group)}
    starts = [t.start for t in doc.tokens]
    for span in spans:
        first = max(bisect.bisect_right(starts, span.start) - 1, 0)
        last = bisect.bisect_left(starts, span.end) - 1
        if last < first or where[first][0] != where[last][0]:
            continue
        g, a = where[first]
        b = where[last][1] + 1
        sent = tags[g]
        x, y = a, b
        while x > 0 and sent[x].startswith("I-"):
            x -= 1
        while y < len(sent) and sent[y].startswith("I-"):
            y += 1
        sent[x:y] = ["O"] * (y - x)
        sent[a:b] = [f"B-{span.type}"] + [f"I-{span.type}"] * (b - a - 1)


def drop_units(doc: Document, spans: list[Span]) -> list[Span]:
    """Without a currency or unit named right after an amount (`مليون دولار`): ANERcorp tags
    `دولار` MISC, but after a number it is the amount's unit, not a name."""
    starts = {t.start: i for i, t in enumerate(doc.tokens)}
    out = []
    for span in spans:
        i = starts.get(span.start)
        if i and span.type == "MISC" and fold(doc.text[span.start:span.end]) in unit_words() and _amount(doc, i - 1):
            continue
        out.append(span)
    return out


def drop_adjectives_of_nations(doc: Document, spans: list[Span]) -> list[Span]:
    """Without a one-word span that is a country's adjective (`اليمنية`) or that adjective as an
    adverb (`دعماً إيرانياً`, `مدعومة أمريكياً`): the model reads it as a place, but it names none
    (OUTPUT.md: names only; `سوريا`, `تركيا`, `السعودية` are countries' names and stay)."""
    return [s for s in spans if not _adjective_of_a_nation(doc.text[s.start:s.end])]


def _adjective_of_a_nation(text: str) -> bool:
    word = fold(text)
    kb = _places_kb()
    if " " in word or kb is None:
        return False
    adjectives = kb.country_adjectives()
    adverb = word.endswith("يا") and word[:-1] in adjectives
    return (adverb or kb.adjective_stem(word) in adjectives) and not kb.find_places(text)


@lru_cache(maxsize=1)
def _places_kb():
    """The gazetteer module, or None where the knowledge base is absent (as `_outside_words`)."""
    try:
        return importlib.import_module("rasid.kb.places")  # `rasid.kb.places` the package exports is a function
    except (ImportError, FileNotFoundError):
        return None


def _amount(doc: Document, i: int) -> bool:
    token = doc.tokens[i]
    return token.kind == "number" or any(v in number_words() for v in stem_variants(fold(token.text)))


def trim_common_nouns(doc: Document, spans: list[Span]) -> list[Span]:
    """Model spans without leading common nouns that OUTPUT.md leaves outside a name
    (`ريف دير الزور` → دير الزور, `تنظيم داعش` → داعش); a span that is nothing else goes.
    The words are the knowledge base's place cues and designators (kb/*.tsv)."""
    outside = _outside_words()
    out = []
    for span in spans:
        words = list(_WORD_RE.finditer(doc.text, span.start, span.end))
        k = 0
        while k < len(words) and outside.get(_bare(words[k].group())) in (span.type, "*"):
            k += 1
        if k < len(words):
            out.append(Span(words[k].start(), span.end, span.type, span.source) if k else span)
    return out


def _bare(word: str) -> str:
    """The word without conjunction/preposition if that is an outside word (`بريف` → ريف)."""
    forms = clitic_readings(word)
    return next((f for f in forms if f in _outside_words()), forms[0])


@lru_cache(maxsize=None)
def _outside_words() -> dict[str, str]:
    """Folded word → the type whose spans leave it out (LOC for ريف, ORG for تنظيم)."""
    try:
        from rasid import kb
        cues, designators = kb.place_cues(), kb.designators()
    except (ImportError, FileNotFoundError):
        return {}
    out = {w: "LOC" for w, cue in cues.items() if not cue.in_name}
    out.update({w: "ORG" for w, roles in designators.items() if "outside" in roles})
    return out


def known_spans(doc: Document) -> list[Span]:
    """Lexicon matches of known actors and places (issue 6), or none while that stage is absent."""
    try:
        from rasid.stages.mentions.known_names import find_known_names
    except ImportError:
        return []
    return [Span(k.start, k.end, k.type, "known") for k in find_known_names(doc)]


def merge_spans(*sources: list[Span]) -> list[Span]:
    """One list in text order: higher-priority sources first, then longer spans; no overlaps
    except between known names, whose lexicon may name nested things on purpose."""
    pool = sorted((s for src in sources for s in src),
                  key=lambda s: (-_PRIORITY[s.source], s.start - s.end, s.start))
    size = max((s.end for s in pool), default=0)
    # characters taken by any kept span, and by kept spans that are not known names: one look at
    # a span's own characters tells whether it overlaps what is kept (linear in the text)
    taken, taken_by_other = bytearray(size), bytearray(size)
    kept: list[Span] = []
    for span in pool:
        blocking = taken_by_other if span.source == "known" else taken
        if any(blocking[span.start:span.end]):
            continue
        kept.append(span)
        taken[span.start:span.end] = b"\x01" * (span.end - span.start)
        if span.source != "known":
            taken_by_other[span.start:span.end] = b"\x01" * (span.end - span.start)
    return sorted(kept, key=lambda s: (s.start, s.end))
