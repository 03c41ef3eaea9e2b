"""What the learned evidence taggers see of a token: its words, its lexicon readings, its sentence.

Features are strings (`w=هجوم`, `lex:event=attack`, `s-1=شن`), one list per token, read off the
shared reading (`View`): the folded word and its lexicon base (clitics and suffixes off), short
affixes for words no training report had, the entries of the evidence lexicons that start or
cover the token, the words around it, and what its sentence holds (a date, a casualty word, an
armed group, a quotation). Training (tools/train_evidence.py) spells the rows out as strings
(`sentence_rows`); the taggers at run time score the same parts through sums cached per word
(`scores_of`), and tests/test_learned.py holds the two equal.
"""
from __future__ import annotations

from functools import lru_cache
from itertools import chain
from typing import NamedTuple

import numpy as np

from rasid.models.linear import LinearModel
from rasid.stages.reading.lexicons import CLAIM_CHANNELS, CLAIM_ROLES, EVENT_TRIGGERS, PARTIES, lexicon
from rasid.stages.reading.polarity import polarity_before
from rasid.stages.reading.view import View
from rasid.text.normalise import WORD_CACHE

_WINDOW = 2
#: words whose feature strings are kept: at run time the models keep their sums per word
#: (`LinearModel.cached_sums`), so the strings serve only the next model's first sight of a word
_FEATURES_KEPT = 4096
_LEXICONS = (("event", EVENT_TRIGGERS), ("channel", CLAIM_CHANNELS), ("role", CLAIM_ROLES), ("party", PARTIES))


def lexicon_marks(view: View, lo: int, hi: int) -> list[list[str]]:
    """Per token of [lo, hi): the lexicon entries starting at it (`B`) or covering it (`I`); made
    once per sentence (the claim role model reads them for each claim)."""
    return view.derived(("lexicon marks", lo, hi), lambda: _lexicon_marks(view, lo, hi))


def _lexicon_marks(view: View, lo: int, hi: int) -> list[list[str]]:
    marks: list[list[str]] = [[] for _ in range(hi - lo)]
    for tag, name in _LEXICONS:
        for hit in view.hits_in(name, lo, hi):
            labels = sorted({f"{e.cls}={e.value}" for e in hit.entries})
            for k in range(hit.start, min(hit.end, hi)):
                prefix = "B" if k == hit.start else "I"
                marks[k - lo].extend(f"{prefix}:{tag}:{label}" for label in labels)
    return marks


def may_hold_evidence(view: View, lo: int, hi: int) -> bool:
    """Whether the sentence [lo, hi) names anything an event or a claim is made of: a word of
    an evidence lexicon (a trigger, a channel, a role, a party). Others are not worth the
    taggers' time: a date or a number alone took a fifth of their tokens and gave one event in
    a thousand on the training reports (bench/README.md)."""
    return any(view.hits_in(name, lo, hi) for _, name in _LEXICONS)


def sentence_features(view: View, lo: int, hi: int, marks: list[list[str]]) -> list[str]:
    """What the sentence as a whole holds."""
    start, end = view.chars(lo, hi)
    out = []
    if view.times.starting_in(start, end):
        out.append("sent:time")
    if any(q.unit == "person" for q in view.quantities.starting_in(start, end)):
        out.append("sent:people")
    if any(q.unit not in ("person", "other", None) for q in view.quantities.starting_in(start, end)):
        out.append("sent:amount")
    flat = {m.split(":", 2)[1] + ":" + m.split(":", 2)[2].split("=")[0] for ms in marks for m in ms}
    out.extend(f"sent:{m}" for m in sorted(flat))
    if view.sent[lo] == 0:
        out.append("sent:first")
    if any(view.quotes.enclosing(view.doc.tokens[k].start) for k in (lo, hi - 1)):
        out.append("sent:quoted")
    return out


class SentenceRows(NamedTuple):
    """The features of a sentence's tokens: each token's own (`tokens`) and those every token
    of the sentence shares (`shared`: what the sentence holds). A token's full row is its own
    plus the shared ones; a linear model scores the shared part once per sentence."""
    tokens: list[list[str]]
    shared: list[str]

    def full(self) -> list[list[str]]:
        return [row + self.shared for row in self.tokens]


class RowParts(NamedTuple):
    """A sentence's feature rows before they are spelled out: each token's word, base and kind
    (`words`, for `_word_features`), the bases with `_WINDOW` pads each side (`bases`, for
    `_context_features`), the features read off the lexicon marks (`marked`) and the sentence's
    own (`shared`). `sentence_rows` spells them out for training; `scores_of` scores them at
    run time through sums cached per word, without making the strings again."""
    words: list[tuple[str, str, str]]
    bases: list[str]
    marked: list[list[str]]
    shared: list[str]


def sentence_rows(view: View, lo: int, hi: int) -> SentenceRows:
    """The features of every token of the sentence [lo, hi) (what the taggers are trained on)."""
    parts = row_parts(view, lo, hi)
    rows = [[*_word_features(*parts.words[k]), *_context_features(parts.bases, k + _WINDOW), *parts.marked[k]]
            for k in range(hi - lo)]
    return SentenceRows(rows, parts.shared)


def scores_of(model: LinearModel, view: View, ranges: list[tuple[int, int]]) -> list[np.ndarray]:
    """The scores of the tokens of each sentence of `ranges`, all sentences in one pass: the
    sums of a word's own features and of the context features a base gives are kept per word
    on the model (`cached_sums`), so only the word pairs and the lexicon marks are looked up
    anew; equal to `model.scores(*sentence_rows(...))` of each sentence."""
    if not ranges:
        return []
    if any(hi < lo for lo, hi in ranges):
        raise ValueError(f"sentence ranges must not end before they start: {ranges}")
    parts = [row_parts(view, lo, hi) for lo, hi in ranges]
    sizes = [hi - lo for lo, hi in ranges]
    labels = len(model.labels)
    out = model.cached_sums("word", list(chain.from_iterable(p.words for p in parts)), _own_features)
    bases = list(chain.from_iterable(p.bases for p in parts))  # a padded block per sentence
    known = model.known_after(tuple(prefix for prefix, _ in _CONTEXT))
    around = model.cached_sums("context", [b if b in known else None for b in bases], _context_features_of,
                               groups=len(_CONTEXT))  # every base the templates do not know weighs nothing: one key
    at = np.arange(len(out)) + np.repeat(np.arange(len(sizes)) * 2 * _WINDOW + _WINDOW, sizes)  # each token's row
    for j, (_, d) in enumerate(_CONTEXT):
        out += around[at + d, j * labels:(j + 1) * labels]
    before, after, unknown = model.pair_index(_PAIRS[0]).get, model.pair_index(_PAIRS[1]).get, model.unknown
    pairs = [(before((a, b), unknown), after((b, c), unknown))  # the ids of _pair_features(a, b, c)
             for p, n in zip(parts, sizes)
             for a, b, c in zip(p.bases[_WINDOW - 1:], p.bases[_WINDOW:_WINDOW + n], p.bases[_WINDOW + 1:])]
    out += model.sum_ids(np.fromiter(chain.from_iterable(pairs), dtype=np.int64, count=2 * len(out)).reshape(-1, 2))
    out += model.scores(list(chain.from_iterable(p.marked for p in parts)))
    out += np.repeat(model.scores([p.shared for p in parts]), sizes, axis=0)
    return np.split(out, np.cumsum(sizes)[:-1])


def _own_features(key: tuple[str, str, str]) -> tuple[tuple[str, ...]]:
    return (_word_features(*key),)


def _context_features_of(base: str | None) -> list[tuple[str, ...]]:
    """The context features a base gives, one group per template (none for None)."""
    return [(feature,) for feature in _context_keys(base)] if base is not None else [()] * len(_CONTEXT)


def row_parts(view: View, lo: int, hi: int) -> RowParts:
    """The parts of the sentence's rows, made once per document (the event and claim taggers
    read the same ones; both run after every stage the rows read)."""
    return view.derived(("rows", lo, hi), lambda: _row_parts(view, lo, hi))


def _row_parts(view: View, lo: int, hi: int) -> RowParts:
    bases = ["<s>"] * _WINDOW + view.bases(lexicon(EVENT_TRIGGERS))[lo:hi] + ["</s>"] * _WINDOW
    marks = lexicon_marks(view, lo, hi)
    whole = sentence_features(view, lo, hi, marks)
    marked = []
    for k, (before, own, after) in enumerate(zip([[], *marks], marks, [*marks[1:], []])):
        if not (before or own or after):
            marked.append([])  # most tokens: no lexicon word at or beside them
            continue
        row = [*own, *map("m-1:".__add__, before), *map("m+1:".__add__, after)]
        if own:
            row.append(f"pol={polarity_before(view, lo + k, lo)}")
            row.extend(f"{m}&{w}" for m in own if m.startswith("B:") for w in whole)
        marked.append(row)
    words = list(zip(view.words[lo:hi], bases[_WINDOW:_WINDOW + hi - lo], view.kinds[lo:hi]))
    return RowParts(words, bases, marked, whole)


#: The context templates: a token's neighbours' bases, by offset.
_CONTEXT = (("b-1=", -1), ("b-2=", -2), ("b+1=", 1), ("b+2=", 2))


@lru_cache(maxsize=WORD_CACHE)
def _context_keys(base: str) -> tuple[str, ...]:
    """The context features a base gives the token at each offset of `_CONTEXT` from it."""
    return tuple(prefix + base for prefix, _ in _CONTEXT)


def _context_features(bases: list[str], at: int) -> list[str]:
    """The features of the token at `at` of the padded `bases` that its neighbours give."""
    return [*(prefix + bases[at + d] for prefix, d in _CONTEXT),
            *_pair_features(bases[at - 1], bases[at], bases[at + 1])]


#: The prefixes of a token's base paired with the base before it and with the one after it.
_PAIRS = ("bb-=", "bb+=")


def _pair_features(before: str, base: str, after: str) -> tuple[str, str]:
    """The features of a token's base paired with the base before it and the one after it."""
    return f"{_PAIRS[0]}{before}|{base}", f"{_PAIRS[1]}{base}|{after}"


@lru_cache(maxsize=_FEATURES_KEPT)
def _word_features(word: str, base: str, kind: str) -> tuple[str, ...]:
    """The features of a token that depend on its word alone (made once per word form)."""
    out = ("bias", f"w={word}", f"b={base}", f"p3={base[:3]}", f"x3={base[-3:]}", f"kind={kind}")
    if word != base:
        out += ("clitic" if word.endswith(base) else "suffixed",)
    return out
