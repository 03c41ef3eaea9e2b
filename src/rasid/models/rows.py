"""A bounded cache of computed rows by key: what a model computes once per distinct word.

News repeats its words, so a model's per-word work (the NER tagger's first-layer projection,
an evidence tagger's summed feature weights) is kept in one matrix, a row per key. The matrix
grows by doubling up to `max_bytes` (and at most WORD_CACHE rows). When it is full, the keys
asked for again since the last time it was full keep their rows (up to half of it) and the
rest are dropped: the frequent words stay, which saves a quarter of the NER projections of a
news stream over starting afresh (bench/README.md).
"""
from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from itertools import filterfalse

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
        self._asked_again: set[Hashable] = set()  # keys found in the cache since it was last full

    def rows(self, keys: Sequence[Hashable], compute: Callable[[list], np.ndarray]) -> np.ndarray:
        """(len(keys), width) rows of `keys`, computing (in one call) those not cached yet."""
        index = self.index
        distinct = list(dict.fromkeys(keys))
        if len(distinct) > self.capacity:  # one call larger than the whole cache: no caching
            where = {k: at for at, k in enumerate(distinct)}
            return compute(distinct)[[where[k] for k in keys]]
        new = list(filterfalse(index.__contains__, distinct))
        if len(new) < len(distinct):
            self._asked_again.update(filter(index.__contains__, distinct))
        if len(index) + len(new) > self.capacity:
            self._keep_asked_again(set(distinct))
            new = list(filterfalse(index.__contains__, distinct))
        if new:
            at = len(index)
            self._make_room(at + len(new))
            self.matrix[at:at + len(new)] = compute(new)
            index.update(zip(new, range(at, at + len(new))))
        return self.matrix[list(map(index.__getitem__, keys))]

    def _keep_asked_again(self, wanted: set) -> None:
        """Drop every row but those of this call's keys and of keys asked for again since the
        cache was last full (those up to half the cache, leaving room for this call), moved to
        the front."""
        cached = [k for k in self.index if k in wanted]
        again = [k for k in self.index if k in self._asked_again and k not in wanted]
        kept = cached + again[:max(0, min(self.capacity // 2 - len(cached), self.capacity - len(wanted)))]
        rows = [self.index[k] for k in kept]
        self.matrix[:len(kept)] = self.matrix[rows]
        self.index.clear()
        self.index.update((k, n) for n, k in enumerate(kept))
        self._asked_again = set()

    def _make_room(self, rows: int) -> None:
        if rows > len(self.matrix):
            grown = np.empty((min(self.capacity, max(rows, 2 * len(self.matrix))), self.width), np.float32)
            grown[:len(self.index)] = self.matrix[:len(self.index)]
            self.matrix = grown
