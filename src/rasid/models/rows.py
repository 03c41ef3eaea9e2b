"""A bounded cache of computed rows by key: what a model computes once per distinct word.

News repeats its words, so a model's per-word work (the NER tagger's first-layer projection,
an evidence tagger's summed feature weights) is kept in one matrix, a row per key. The matrix
grows by doubling up to `max_bytes` (and at most WORD_CACHE rows); when it is full it starts
afresh, which costs one recomputation per key.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence

import numpy as np

from rasid.text.normalise import WORD_CACHE

_FIRST_ROWS = 4096


class RowCache:
    """Key → its row of `width` float32 values, computed by the caller's `compute` on a miss."""

    def __init__(self, width: int, max_bytes: int):
        self.width = width
        self.capacity = max(1024, min(max_bytes // (4 * width), WORD_CACHE))
        self.matrix = np.empty((min(self.capacity, _FIRST_ROWS), width), np.float32)
        self.index: dict[Hashable, int] = {}

    def rows(self, keys: Sequence[Hashable], compute: Callable[[list], np.ndarray]) -> np.ndarray:
        """(len(keys), width) rows of `keys`, computing (in one call) those not cached yet."""
        index = self.index
        distinct = list(dict.fromkeys(keys))
        if len(distinct) > self.capacity:  # one call larger than the whole cache: no caching
            where = {k: at for at, k in enumerate(distinct)}
            return compute(distinct)[[where[k] for k in keys]]
        new = [k for k in distinct if k not in index]
        if len(index) + len(new) > self.capacity:
            index.clear()
            new = distinct
        if new:
            at = len(index)
            self._make_room(at + len(new))
            self.matrix[at:at + len(new)] = compute(new)
            index.update((k, at + n) for n, k in enumerate(new))
        return self.matrix[[index[k] for k in keys]]

    def _make_room(self, rows: int) -> None:
        if rows > len(self.matrix):
            grown = np.empty((min(self.capacity, max(rows, 2 * len(self.matrix))), self.width), np.float32)
            grown[:len(self.index)] = self.matrix[:len(self.index)]
            self.matrix = grown
