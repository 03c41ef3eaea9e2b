"""Spans a learned token tagger finds in a sentence: B-/I- runs decoded from its probabilities."""
from __future__ import annotations

import numpy as np

from rasid.models.linear import LinearModel, softmax
from rasid.stages.reading.features import may_hold_evidence, scores_of
from rasid.stages.reading.view import View

Run = tuple[int, int, str]  # first token, end token, label


def tagged_spans(model: LinearModel, view: View, lo: int, hi: int, threshold: float) -> list[Run]:
    """(first token, end token, label) of every run the model tags in the sentence [lo, hi).

    Sentences that name no word of an evidence lexicon are skipped. A run starts at a token
    whose B- labels together are at least `threshold` likely (the label is the likeliest of
    them) and takes in the tokens after it while I-<label> is likelier than O. Every sentence
    the evidence stages read (neither heading nor boilerplate) is tagged in one pass at the
    document's first request (see `scores_of`).
    """
    owner, runs = view.derived(("runs", id(model), threshold), lambda: (model, _document_runs(model, view, threshold)))
    assert owner is model  # the entry holds its model, so no other model can take its id meanwhile
    if (lo, hi) in runs:
        return list(runs[lo, hi])
    if hi <= lo or not may_hold_evidence(view, lo, hi):
        return []
    return _runs(model, [(lo, hi)], threshold, view)[lo, hi]


def _document_runs(model: LinearModel, view: View, threshold: float) -> dict[tuple[int, int], list[Run]]:
    read = [(lo, hi) for lo, hi in view.sent_ranges if hi > lo and not view.is_heading(lo, hi)
            and not view.in_boilerplate(lo, hi)]
    ranges = [(lo, hi) for lo, hi in read if may_hold_evidence(view, lo, hi)]
    return {**{r: [] for r in read}, **(_runs(model, ranges, threshold, view) if ranges else {})}


def _runs(model: LinearModel, ranges: list[tuple[int, int]], threshold: float,
          view: View) -> dict[tuple[int, int], list[Run]]:
    """The runs of each sentence of `ranges`, from their probabilities side by side."""
    probs = softmax(np.concatenate(scores_of(model, view, ranges)))
    labels = model.labels
    begins = np.array([k for k, label in enumerate(labels) if label.startswith("B-")])
    inside = {int(k): labels.index("I-" + labels[k][2:]) for k in begins if "I-" + labels[k][2:] in labels}
    o = labels.index("O")
    ends = np.cumsum([hi - lo for lo, hi in ranges])
    starting = np.flatnonzero(probs[:, begins].sum(axis=1) >= threshold)
    best = begins[np.argmax(probs[starting][:, begins], axis=1)]
    out: dict[tuple[int, int], list[Run]] = {r: [] for r in ranges}
    for at, label, s in zip(starting.tolist(), best.tolist(), np.searchsorted(ends, starting, side="right").tolist()):
        (lo, _), first, spans = ranges[s], int(ends[s]) - (ranges[s][1] - ranges[s][0]), out[ranges[s]]
        if spans and lo + at - first < spans[-1][1]:
            continue  # inside the run before
        end, step = at + 1, inside.get(label)
        while end < ends[s] and step is not None and probs[end, step] > probs[end, o]:
            end += 1
        spans.append((lo + at - first, lo + end - first, labels[label][2:]))
    return out
