"""Silver training data: unlabeled news tagged by a teacher model (self-training / distillation).

Articles of ../shared/data/unlabeled are segmented and tokenised by Rasid (the tokens the
shipped tagger meets at run time), tagged with `rasid.ner.tag_document` — the teacher plus
document-level consistency, which finds names the sentence-level teacher misses — and
their sentences kept as (tokens, tags). The student then learns from 2014–2019 news, with
names and topics ANERcorp (2007) never saw.
"""
from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

from rasid.document import Document
from rasid.ner import tag_document
from rasid.ner.tagger import NerTagger
from rasid.pipeline import segment
from rasid.stages.mentions import sentence_tokens


def articles(path: Path, every: int, limit: int) -> Iterator[str]:
    """Every `every`-th article (blank-line separated blocks) of the corpus, at most `limit`."""
    n = 0
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for k, line in enumerate(_blocks(f)):
            if k % every == 0:
                yield line
                n += 1
                if n >= limit:
                    return


def _blocks(lines) -> Iterator[str]:
    block: list[str] = []
    for line in lines:
        if line.strip():
            block.append(line)
        elif block:
            yield "".join(block)
            block = []
    if block:
        yield "".join(block)


def silver(teacher: NerTagger, texts: Iterator[str], min_len: int = 4, max_len: int = 100) -> list:
    """(tokens, tags) of every sentence of `texts` tagged by the teacher, sentences of sane length."""
    out = []
    for text in texts:
        doc = segment(Document(text=text))
        sentences = [[doc.tokens[i].text for i in g] for g in sentence_tokens(doc)]
        for toks, tags in zip(sentences, tag_document(sentences, teacher)):
            if min_len <= len(toks) <= max_len:
                out.append((toks, tags))
    return out
