"""Spans a learned token tagger finds in a sentence: B-/I- runs decoded from its probabilities."""
from __future__ import annotations

import numpy as np

from rasid.models.linear import LinearModel
from rasid.stages.reading.features import may_hold_evidence, sentence_rows
from rasid.stages.reading.view import View


def tagged_spans(model: LinearModel, view: View, lo: int, hi: int, threshold: float) -> list[tuple[int, int, str]]:
    """(first token, end token, label) of every run the model tags in the sentence [lo, hi).

    Sentences that name no evidence word, date or number are skipped. A run starts at a token
    whose B- labels together are at least `threshold` likely (the label is the likeliest of
    them) and takes in the tokens after it while I-<label> is likelier than O.
    """
    if not may_hold_evidence(view, lo, hi):
        return []
    rows = sentence_rows(view, lo, hi)
    probs = model.probabilities(rows.tokens, rows.shared)
    begins = np.array([k for k, label in enumerate(model.labels) if label.startswith("B-")])
    o = model.labels.index("O")
    starting = probs[:, begins].sum(axis=1) >= threshold
    best = begins[np.argmax(probs[:, begins], axis=1)]
    out: list[tuple[int, int, str]] = []
    n = hi - lo
    for k in np.flatnonzero(starting).tolist():
        if out and lo + k < out[-1][1]:
            continue  # inside the run before
        label = model.labels[best[k]][2:]
        inside = model.labels.index("I-" + label) if "I-" + label in model.labels else None
        end = k + 1
        while end < n and inside is not None and probs[end, inside] > probs[end, o]:
            end += 1
        out.append((lo + k, lo + end, label))
    return out
