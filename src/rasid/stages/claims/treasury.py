"""A group's treasury (بيت المال, الخزينة) named with no cue of its own: it holds what the claim
beside it is on, or sums up the claims just told."""
from __future__ import annotations

from rasid.document import Claim
from rasid.resources.catalogue import grammar_words
from rasid.stages.claims.records import Draft
from rasid.stages.reading.view import View

EARNED = ("revenue", "asset")  # roles of a claim that tell what a group makes or holds


def treasury_summing_up(view: View, number: int, drafts: list[Draft], history: list[Draft],
                        claims: list[Claim]) -> list[Draft]:
    """`ذهب مهرّب وآثار منهوبة.. الخزينة الخفية لـ«داعش»`: a treasury named alone, right after a
    sentence of its paragraph that told what a group earns or holds on other channels, names
    those: no cash claim of its own, and what it names is held in it (those claims are assets)."""
    last = []  # the drafts of the sentence before: the tail of `history`, read back (linear over a report)
    for h in reversed(history):
        if h.sentence < number - 1:
            break
        last.append(h)
    before = [h for h in reversed(last) if h.sentence == number - 1 and h.channel != "cash" and h.role in EARNED]
    summing = [d for d in drafts if before and d.channel == "cash" and d.start == d.focus
               and " ".join(view.words[d.start:d.end]) in grammar_words("treasury")
               and view.paragraph(before[-1].start) == view.paragraph(d.start)]
    if not summing:
        return drafts
    held = {view.chars(h.start, h.end)[0] for h in before}
    for claim in reversed(claims):  # the sentence before's claims are the last ones
        if claim.evidence.start < min(held):
            break
        if claim.evidence.start in held:
            claim.role = "asset"
    return [d for d in drafts if d not in summing]


def treasury_holding(view: View, last: Draft, d: Draft) -> bool:
    """`فإن "بيت المال" راكم خلال سنوات سيطرته نحو ٣٠٠ كيلوغرام من الذهب`: a treasury named with no
    cue of its own (grammar role treasury), the subject of a claim on another channel, holds what
    that claim is on: one claim."""
    words = " ".join(view.words[last.start:last.end])
    return last.channel == "cash" and d.channel != "cash" and last.start == last.focus \
        and words in grammar_words("treasury")
