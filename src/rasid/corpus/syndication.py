"""Re-published paragraphs across reports, found with MinHash and locality-sensitive hashing.

Syndicated reports rarely copy a whole article: the two seed reports of one outlet share
three paragraphs and little else, so whole-document similarity is too low to see it.
Each paragraph of prose gets a MinHash signature of its word 3-grams (folded, so spelling
variants agree); the signature is cut into bands, and two paragraphs whose bands collide
are candidates, kept when their estimated Jaccard similarity reaches the threshold.
Band hashes are plain integers, so a store can index them in SQL and find candidates
for a new report without holding an index in memory.
"""
from __future__ import annotations

import hashlib
import struct
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

from rasid.document import Document
from rasid.text.normalise import fold

NUM_PERM = 128
BANDS = 32            # 32 bands of 4 rows: pairs above ~0.42 Jaccard collide in some band
ROWS = NUM_PERM // BANDS
THRESHOLD = 0.5       # estimated Jaccard similarity that makes two paragraphs one text
SHINGLE = 3           # words per shingle
MIN_WORDS = 12        # shorter lines (titles, captions, furniture) are not compared
SEED = 1


@dataclass(frozen=True, slots=True)
class Passage:
    """One paragraph of a document with its MinHash signature."""
    start: int
    end: int
    signature: np.ndarray  # NUM_PERM unsigned 64-bit hash values

    def bands(self) -> list[int]:
        return band_hashes(self.signature)


def passages(doc: Document) -> list[Passage]:
    """The comparable paragraphs of `doc`: prose of at least MIN_WORDS words, no boilerplate."""
    out = []
    for para in doc.paragraphs:
        if doc.in_boilerplate(para.start, para.end):
            continue
        words = fold(doc.text[para.start:para.end]).split()
        if len(words) >= MIN_WORDS:
            out.append(Passage(para.start, para.end, signature(words)))
    return out


def signature(words: list[str]) -> np.ndarray:
    """MinHash of the word 3-grams (deterministic: fixed seed and permutations)."""
    mh = MinHash(num_perm=NUM_PERM, seed=SEED)
    mh.update_batch([" ".join(words[i:i + SHINGLE]).encode("utf-8")
                     for i in range(max(1, len(words) - SHINGLE + 1))])
    return mh.hashvalues.astype(np.uint64)


def band_hashes(sig: np.ndarray) -> list[int]:
    """One 63-bit integer per band (fits a SQLite INTEGER)."""
    out = []
    for b in range(BANDS):
        digest = hashlib.blake2b(sig[b * ROWS:(b + 1) * ROWS].tobytes(), digest_size=8).digest()
        out.append(struct.unpack("<q", digest)[0] >> 1)
    return out


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / NUM_PERM


def to_blob(sig: np.ndarray) -> bytes:
    return sig.astype("<u8").tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u8").astype(np.uint64)


def matches(new: Passage, candidates: Iterable[tuple[int, bytes]]) -> list[tuple[int, float]]:
    """(candidate id, similarity) of the candidates at or above the threshold."""
    out = []
    for cid, blob in candidates:
        sim = similarity(new.signature, from_blob(blob))
        if sim >= THRESHOLD:
            out.append((cid, sim))
    return out
