"""What the learned evidence taggers see of a token: its words, its lexicon readings, its sentence.

Features are strings (`w=هجوم`, `lex:event=attack`, `s-1=شن`), one list per token, read off the
shared reading (`View`): the folded word and its lexicon base (clitics and suffixes off), short
affixes for words no training report had, the entries of the evidence lexicons that start or
cover the token, the words around it, and what its sentence holds (a date, a casualty word, an
armed group, a quotation). The same function makes the training rows (tools/train_evidence.py)
and the run-time rows, so the two can never drift apart.
"""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from rasid.stages.reading.lexicons import CLAIM_CHANNELS, CLAIM_ROLES, EVENT_TRIGGERS, PARTIES, lexicon
from rasid.stages.reading.polarity import polarity_before
from rasid.stages.reading.view import View

_WINDOW = 2
_LEXICONS = (("event", EVENT_TRIGGERS), ("channel", CLAIM_CHANNELS), ("role", CLAIM_ROLES), ("party", PARTIES))


def lexicon_marks(view: View, lo: int, hi: int) -> list[list[str]]:
    """Per token of [lo, hi): the lexicon entries starting at it (`B`) or covering it (`I`)."""
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
    an evidence lexicon, a date, or a number. Others are not worth the taggers' time."""
    start, end = view.chars(lo, hi)
    return bool(any(view.hits_in(name, lo, hi) for _, name in _LEXICONS)
                or view.times.starting_in(start, end) or view.quantities.starting_in(start, end))


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


def sentence_rows(view: View, lo: int, hi: int) -> SentenceRows:
    """The features of every token of the sentence [lo, hi), made once per document (the event
    and claim taggers read the same rows; both run after every stage the rows read)."""
    return view.derived(("rows", lo, hi), lambda: _sentence_rows(view, lo, hi))


def _sentence_rows(view: View, lo: int, hi: int) -> SentenceRows:
    bases = ["<s>"] * _WINDOW + view.bases(lexicon(EVENT_TRIGGERS))[lo:hi] + ["</s>"] * _WINDOW
    marks = lexicon_marks(view, lo, hi)
    whole = sentence_features(view, lo, hi, marks)
    rows = []
    for k in range(hi - lo):
        i, at = lo + k, k + _WINDOW
        base = bases[at]
        row = [*_word_features(view.words[i], base, view.kinds[i]),
               "b-1=" + bases[at - 1], "b-2=" + bases[at - 2], "b+1=" + bases[at + 1], "b+2=" + bases[at + 2],
               f"bb-={bases[at - 1]}|{base}", f"bb+={base}|{bases[at + 1]}"]
        row.extend(marks[k])
        if k and marks[k - 1]:
            row.extend(map("m-1:".__add__, marks[k - 1]))
        if k + 1 < hi - lo and marks[k + 1]:
            row.extend(map("m+1:".__add__, marks[k + 1]))
        if marks[k]:
            row.append(f"pol={polarity_before(view, i, lo)}")
            row.extend(f"{m}&{w}" for m in marks[k] if m.startswith("B:") for w in whole)
        rows.append(row)
    return SentenceRows(rows, whole)


@lru_cache(maxsize=100_000)
def _word_features(word: str, base: str, kind: str) -> tuple[str, ...]:
    """The features of a token that depend on its word alone (made once per word form)."""
    out = ("bias", f"w={word}", f"b={base}", f"p3={base[:3]}", f"x3={base[-3:]}", f"kind={kind}")
    if word != base:
        out += ("clitic" if word.endswith(base) else "suffixed",)
    return out
