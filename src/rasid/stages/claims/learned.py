"""Claims found by the learned taggers: evidence spans with their channel, then the role.

The claim tagger (models/claims) labels each token B-/I-<channel> or O; a run of tokens that
starts at a B- and continues with I- of the same channel is one claim's evidence. The role
model (models/roles) reads the evidence, the cue words of the claim-role lexicon around it and
the channel, and picks one of the roles of the output schema.
"""
from __future__ import annotations

from typing import NamedTuple

import numpy as np

from rasid.models.linear import LinearModel
from rasid.stages.reading.features import lexicon_marks
from rasid.stages.reading.tagging import tagged_spans
from rasid.stages.reading.lexicons import EVENT_TRIGGERS, lexicon
from rasid.stages.reading.view import View

_CONTEXT = 3  # words before and after the evidence that the role model reads
_MARKS_NEAR = 100  # words before and after the evidence whose lexicon marks it reads (a sentence, in news)
#: A token starts learned evidence when its B- labels are together at least this likely.
EVIDENCE_THRESHOLD = 0.7


class ClaimModels(NamedTuple):
    evidence: LinearModel  # B-/I-<channel> per token
    roles: LinearModel     # the role of one claim's evidence


def learned_claims(models: ClaimModels, view: View, lo: int, hi: int) -> list[tuple[int, int, str, str]]:
    """(first token, end token, channel, role) of the claims the learned taggers find in [lo, hi)."""
    out = []
    for start, end, channel in tagged_spans(models.evidence, view, lo, hi, EVIDENCE_THRESHOLD):
        probs = models.roles.probabilities([role_rows(view, start, end, channel)])[0]
        out.append((start, end, channel, models.roles.labels[int(np.argmax(probs))]))
    return out


def role_rows(view: View, first: int, end: int, channel: str) -> list[str]:
    """What the role model reads of the evidence tokens [first, end) of a claim on `channel`."""
    bases = view.bases(lexicon(EVENT_TRIGGERS))
    lo, hi = view.sentence_of(first)
    rows = ["bias", f"channel={channel}"]
    rows += [f"in={bases[i]}" for i in range(first, end)]
    rows += [f"before={bases[i]}" for i in range(max(lo, first - _CONTEXT), first)]
    rows += [f"after={bases[i]}" for i in range(end, min(hi, end + _CONTEXT))]
    marks = lexicon_marks(view, lo, hi)
    for i in range(max(lo, first - _MARKS_NEAR), min(hi, end + _MARKS_NEAR)):  # bounded: linear in a long sentence
        where = "in" if first <= i < end else ("before" if i < first else "after")
        rows += [f"{where}:{m[2:]}" for m in marks[i - lo] if m.startswith("B:")]
        rows += [f"{where}:{m[2:]}&{channel}" for m in marks[i - lo] if m.startswith("B:role")]
    return rows
