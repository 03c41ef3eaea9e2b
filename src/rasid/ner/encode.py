"""Token strings → the integer arrays the tagger reads, one padded batch per call.

The vocabulary ships with the model (words by descending corpus frequency, so a lower id
is a more frequent word); a token's ids are memoised because news repeats words a lot.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from rasid.ner.features import MAX_CHARS, SHAPES, char_sequence, norm_token, readings, shape
from rasid.text.normalise import WORD_CACHE

PAD, UNK = 0, 1
_MEMO_LIMIT = WORD_CACHE


@dataclass(frozen=True, slots=True)
class Batch:
    """Padded arrays for B sentences of at most T tokens."""
    words: np.ndarray    # (B, T, 2) int32: whole token, most frequent clitic-free reading
    shapes: np.ndarray   # (B, T) int32
    chars: np.ndarray    # (B, T, MAX_CHARS) int32
    lengths: np.ndarray  # (B,) int32


@dataclass
class Vocab:
    words: dict[str, int]
    chars: dict[str, int]
    _memo: dict = field(default_factory=dict, repr=False)

    @classmethod
    def from_lists(cls, words: list[str], chars: list[str]) -> "Vocab":
        """Ids 0 and 1 are padding and unknown; the lists hold the rest in id order."""
        return cls({w: i + 2 for i, w in enumerate(words)}, {c: i + 2 for i, c in enumerate(chars)})

    def best_reading(self, text: str) -> tuple[str, int]:
        """The known reading of `text` with the lowest id (most frequent), else the whole."""
        best, best_id = norm_token(text), UNK
        for form in readings(text):
            wid = self.words.get(form)
            if wid is not None and (best_id == UNK or wid < best_id):
                best, best_id = form, wid
        return best, best_id

    def token_ids(self, text: str) -> tuple[int, int, int, tuple[int, ...]]:
        """(whole id, reading id, shape id, char ids) of one token; memoised."""
        found = self._memo.get(text)
        if found is None:
            reading, rid = self.best_reading(text)
            whole = self.words.get(norm_token(text), UNK)
            kind = shape(text)
            if kind == SHAPES.index("arabic_clitic") and reading == norm_token(text):
                kind = SHAPES.index("arabic_long" if len(reading) > 7 else "arabic")
            chars = tuple(self.chars.get(c, UNK) for c in char_sequence(text))
            found = (whole, rid, kind, chars)
            if len(self._memo) >= _MEMO_LIMIT:
                self._memo.clear()
            self._memo[text] = found
        return found

    def encode_tokens(self, tokens: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(words (N, 2), shapes (N,), chars (N, MAX_CHARS)) id arrays of N tokens."""
        ids = [self.token_ids(token) for token in tokens]
        words = np.array([(whole, rid) for whole, rid, _, _ in ids], np.int32).reshape(len(tokens), 2)
        shapes = np.array([kind for _, _, kind, _ in ids], np.int32)
        chars = np.zeros((len(tokens), MAX_CHARS), np.int32)
        lengths = np.fromiter((len(cids) for *_, cids in ids), np.intp, count=len(ids))
        chars[np.arange(MAX_CHARS) < lengths[:, None]] = np.fromiter(  # row by row, as `char_sequence` gave them
            (c for *_, cids in ids for c in cids), np.int32, count=int(lengths.sum()))
        return words, shapes, chars

    def encode(self, sentences: list[list[str]]) -> Batch:
        """One padded batch for `sentences` (lists of token strings, none empty); for training."""
        n, t = len(sentences), max(len(s) for s in sentences)
        words = np.zeros((n, t, 2), np.int32)
        shapes = np.zeros((n, t), np.int32)
        chars = np.zeros((n, t, MAX_CHARS), np.int32)
        for b, sentence in enumerate(sentences):
            words[b, :len(sentence)], shapes[b, :len(sentence)], chars[b, :len(sentence)] = self.encode_tokens(sentence)
        return Batch(words, shapes, chars, np.array([len(s) for s in sentences], np.int32))
