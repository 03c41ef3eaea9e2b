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
    begins = [k for k, label in enumerate(model.labels) if label.startswith("B-")]
    o = model.labels.index("O")
    out: list[tuple[int, int, str]] = []
    k = 0
    while k < hi - lo:
        if probs[k, begins].sum() < threshold:
            k += 1
            continue
        label = model.labels[begins[int(np.argmax(probs[k, begins]))]][2:]
        inside = model.labels.index("I-" + label) if "I-" + label in model.labels else None
        end = k + 1
        while end < hi - lo and inside is not None and probs[end, inside] > probs[end, o]:
            end += 1
        out.append((lo + k, lo + end, label))
        k = end
    return out
