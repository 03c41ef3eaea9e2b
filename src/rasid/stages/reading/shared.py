"""Analyses that several stages read, built once per document.

The events and claims stages both read the document through a `View` and its
`Attribution`; building them twice cost a quarter of those stages. `LastDocument`
remembers the value for the document the pipeline is on, and builds it again when the
document or any field the analysis read was replaced or grew, so a stage that runs
alone, or after a stage that changed the document, still sees a fresh analysis.
"""
from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Generic, TypeVar

from rasid.document import Document

T = TypeVar("T")


class LastDocument(Generic[T]):
    """`build(doc)` memoised for the most recent document, while `inputs(doc)` are the same.

    `inputs` names the objects the analysis read (lists, strings): a hit needs each to be
    the very same object with the same length, so a replaced or extended list rebuilds.
    Holding them also keeps their identity from being reused. One entry only: no state
    outlives the next document, and threads that interleave only rebuild.
    """

    def __init__(self, build: Callable[[Document], T], inputs: Callable[[Document], tuple]):
        self._build = build
        self._inputs = inputs
        self._entry: tuple[weakref.ref, tuple, tuple[int, ...], T] | None = None

    def __call__(self, doc: Document) -> T:
        inputs = self._inputs(doc)
        sizes = tuple(len(x) if hasattr(x, "__len__") else -1 for x in inputs)
        entry = self._entry
        if entry is not None and entry[0]() is doc and entry[2] == sizes \
                and all(a is b for a, b in zip(entry[1], inputs)):
            return entry[3]
        value = self._build(doc)
        self._entry = (weakref.ref(doc), inputs, sizes, value)
        return value
