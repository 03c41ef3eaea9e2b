"""Word vectors for the NER tagger, trained on the unlabeled news of ../shared/data/unlabeled.

The corpus is tokenised with Rasid's tokenizer and every token normalised with
`rasid.ner.features.norm_token`, the same form the tagger looks words up by; gensim then
trains fastText (or word2vec) vectors. Only the vocabulary's vectors are exported: the
shipped tagger never needs gensim or the n-gram buckets.
"""
from __future__ import annotations

import gzip
import time
from pathlib import Path

import numpy as np

from rasid.ner.features import norm_token
from rasid.text.tokens import tokenize


def write_corpus(source: Path, out: Path) -> int:
    """Normalised tokens of every non-empty line of `source`, space-separated; returns the count."""
    n = 0
    tmp = out.with_suffix(".part")
    with gzip.open(source, "rt", encoding="utf-8") as f, open(tmp, "w", encoding="utf-8") as w:
        for line in f:
            words = [norm_token(t.text) for t in tokenize(line)]
            if words:
                w.write(" ".join(words) + "\n")
                n += len(words)
    tmp.rename(out)
    return n


def train_vectors(corpus: Path, *, kind: str = "fasttext", dim: int = 100, min_count: int = 3,
                  epochs: int = 5, seed: int = 1, workers: int = 2):
    """A gensim model over the normalised corpus (skip-gram, window 5)."""
    from gensim.models import FastText, Word2Vec
    cls = FastText if kind == "fasttext" else Word2Vec
    extra = {"min_n": 2, "max_n": 5, "bucket": 500_000} if kind == "fasttext" else {}
    return cls(corpus_file=str(corpus), vector_size=dim, window=5, min_count=min_count, sg=1,
               epochs=epochs, seed=seed, workers=workers, **extra)


def export_vectors(model, max_words: int) -> tuple[list[str], list[int], np.ndarray]:
    """(words, counts, matrix) of the `max_words` most frequent words, vectors unit length."""
    words = model.wv.index_to_key[:max_words]
    counts = [int(model.wv.get_vecattr(w, "count")) for w in words]
    mat = np.stack([model.wv[w] for w in words]).astype(np.float32)
    mat /= np.linalg.norm(mat, axis=1, keepdims=True) + 1e-8
    return words, counts, mat


def build(shared: Path, work: Path, **kwargs) -> tuple[list[str], list[int], np.ndarray, dict]:
    """Tokenise (cached in `work`), train and export; returns the vectors and timings."""
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / "unlabeled.tok.txt"
    stats: dict = {}
    t0 = time.time()
    if not corpus.exists():
        stats["corpus_tokens"] = write_corpus(shared / "data/unlabeled/ant_news_ar.txt.gz", corpus)
    stats["tokenise_s"] = round(time.time() - t0, 1)
    max_words = kwargs.pop("max_words", 100_000)
    t0 = time.time()
    model = train_vectors(corpus, **kwargs)
    stats["train_vectors_s"] = round(time.time() - t0, 1)
    stats["vocabulary"] = len(model.wv.index_to_key)
    words, counts, mat = export_vectors(model, max_words)
    return words, counts, mat, stats
