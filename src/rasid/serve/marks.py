"""A report's text cut into pieces for the evidence view: each piece with the marks over it
(the evidence of an event or a claim, a quantity, a date) and the sentence of the item in focus.

Pure functions over offsets: the template escapes every piece (article text is untrusted) and
wraps it in the classes given here; nothing here builds HTML.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rasid.resources.catalogue import read_tsv

_SENTENCE_ENDS = frozenset(".؟?!\n")


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str          # claim, event, quantity, time, focus
    ref: str = ""      # the item's id (c3, v1, q2, t1)


@dataclass(frozen=True)
class Piece:
    text: str
    kinds: tuple[str, ...]
    refs: tuple[str, ...]
    starts: tuple[str, ...]  # ids of the items that begin here (anchors to jump to)


def pieces(text: str, marks: list[Mark]) -> list[Piece]:
    """`text` cut at every mark's ends; each piece with the kinds and ids of the marks over it.
    One sweep over the sorted cuts, keeping the marks open at each (marks overlap little, so
    the cost grows with the marks, not with their square)."""
    marks = sorted((m for m in marks if 0 <= m.start < m.end <= len(text)), key=lambda m: m.start)
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out, open_marks, k = [], [], 0
    for a, b in zip(cuts, cuts[1:]):
        open_marks = [m for m in open_marks if m.end > a]
        while k < len(marks) and marks[k].start <= a:
            open_marks.append(marks[k])
            k += 1
        out.append(Piece(text[a:b], tuple(sorted({m.kind for m in open_marks})),
                         tuple(m.ref for m in open_marks if m.ref),
                         tuple(m.ref for m in open_marks if m.start == a and m.ref)))
    return out


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding [start, end): from after the last sentence end before it to the next
    sentence end after it (kept), in the report's own punctuation."""
    lo = start
    while lo > 0 and text[lo - 1] not in _SENTENCE_ENDS:
        lo -= 1
    hi = end
    while hi < len(text) and text[hi - 1:hi] not in _SENTENCE_ENDS:
        hi += 1
    while lo < hi and text[lo].isspace():
        lo += 1
    return lo, hi


def report_marks(data: dict, focus: str | None = None) -> list[Mark]:
    """The marks of a stored report (OUTPUT.md object): its claims' and events' evidence, its
    quantities and dates, and the sentence of the item `focus` (an id such as c3)."""
    text = data["doc"]["text"]
    marks = [Mark(q["start"], q["end"], "quantity", q["id"]) for q in data.get("quantities", [])]
    marks += [Mark(t["start"], t["end"], "time", t["id"]) for t in data.get("times", [])]
    for kind, key in (("claim", "claims"), ("event", "events")):
        for item in data.get(key, []):
            span = item.get("trigger") if kind == "event" else item.get("evidence")
            if span:
                marks.append(Mark(span["start"], span["end"], kind, item["id"]))
            if item["id"] == focus:
                whole = item.get("evidence") or span
                marks.append(Mark(*sentence_around(text, whole["start"], whole["end"]), "focus"))
    return marks


@lru_cache(maxsize=1)
def labels() -> dict[tuple[str, str], str]:
    """(vocabulary, value) → its Arabic name on the desk (resources/labels.tsv)."""
    return {(vocabulary, value): ar for vocabulary, value, ar, *_ in read_tsv("labels.tsv")}


def label(vocabulary: str, value: str | None) -> str:
    if value is None:
        return "—"
    return labels().get((vocabulary, value), value)
