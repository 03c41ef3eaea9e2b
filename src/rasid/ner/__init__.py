"""Named-entity recognition: a BiQRNN-CRF tagger in NumPy plus document-level consistency.

    tag_document(sentences) -> tags          # IOB2 per token; sentences of one document
    tag_conll_sentences(sentences) -> tags   # a CoNLL stream, windows of WINDOW sentences

The model is trained by tools/train_ner.py (`make model`) and ships in
resources/models/ner; nothing is loaded until the first call. `rasid tag --conll` and the
mentions stage (rasid.stages.mentions) both go through `tag_document`, so ANERcorp tokens
and Rasid's tokens meet the same model.
"""
from __future__ import annotations

from rasid.ner.consistency import propagate
from rasid.ner.tagger import NerTagger, load_tagger

#: CoNLL input has no document boundaries: this many consecutive sentences count as one.
WINDOW = 50

#: A word among the most frequent in news (weekdays, months, particles, علي/على) is not made
#: a name on its own by propagation.
COMMON_RANK = 300


def tag_document(sentences: list[list[str]], tagger: NerTagger | None = None) -> list[list[str]]:
    """IOB2 tags for the sentences of one document: the model's, then names made consistent."""
    tagger = tagger or load_tagger()
    tags = tagger.tag(sentences)
    return propagate(sentences, tags, stop=lambda word: common_word(word, tagger))


def tag_conll_sentences(sentences: list[list[str]], tagger: NerTagger | None = None) -> list[list[str]]:
    """Tags for a stream of CoNLL sentences, WINDOW consecutive sentences at a time as a document."""
    out: list[list[str]] = []
    for a in range(0, len(sentences), WINDOW):
        out += tag_document(sentences[a:a + WINDOW], tagger)
    return out


def common_word(word: str, tagger: NerTagger) -> bool:
    """True for a normalised word among the COMMON_RANK most frequent of the model's corpus."""
    rank = tagger.frequency_rank(word)
    return rank is not None and rank < COMMON_RANK


__all__ = ["WINDOW", "NerTagger", "common_word", "load_tagger", "tag_conll_sentences", "tag_document"]
