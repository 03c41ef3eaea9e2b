"""A sparse linear classifier over string features: the evidence taggers' run-time half.

Weights are a (features × labels) matrix trained elsewhere (tools/train_evidence.py) and
shipped as `weights.npz` with the feature strings (`features.txt`, one per row), the labels
(`labels.txt`) and a MANIFEST of their SHA-256. A token's scores are the sum of its known
features' rows; unknown features are ignored, so a word no training report had costs nothing.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import chain, repeat
from pathlib import Path
from typing import Any

import numpy as np

from rasid.errors import RasidError
from rasid.models.rows import RowCache

FILES = ("features.txt", "labels.txt", "weights.npz")
_CACHE_BYTES = 16 << 20  # summed weights kept per cache of a model (see `cached_sums`)


class ModelFileError(RasidError):
    """A model folder with a missing or altered file."""


@dataclass(frozen=True)
class LinearModel:
    labels: tuple[str, ...]
    index: dict[str, int]
    weights: np.ndarray  # (features, labels), float32

    @property
    def unknown(self) -> int:
        """The id every feature the model does not know maps to (a row of zeros)."""
        return len(self.weights)

    def cached_sums(self, cache: str, keys: Sequence[Hashable], features_of: Callable[[Any], Sequence[Sequence[str]]],
                    groups: int = 1) -> np.ndarray:
        """(len(keys), groups × labels) sums of weights: for each key, the sums of the `groups`
        feature lists `features_of(key)` gives, side by side. Kept per key in the model's cache
        named `cache` (a word's own features, a base's context templates), so that a word seen
        before costs one look-up."""
        rows = self._caches.get(cache)
        if rows is None:
            rows = self._caches[cache] = RowCache(groups * len(self.labels), _CACHE_BYTES)
        return rows.rows(keys, lambda new: self.scores([fs for k in new for fs in features_of(k)])
                         .reshape(len(new), groups * len(self.labels)))

    def known_after(self, prefixes: tuple[str, ...]) -> frozenset[str]:
        """What follows one of `prefixes` in a feature the model knows (`b-1=` → the bases
        whose context features have weights); worked out once per model."""
        if prefixes not in self._known:
            self._known[prefixes] = frozenset(f[len(p):] for f in self.index if f.startswith(prefixes)
                                              for p in prefixes if f.startswith(p))
        return self._known[prefixes]

    def pair_index(self, prefix: str) -> dict[tuple[str, str], int]:
        """(a, b) → the id of feature `{prefix}{a}|{b}`, for every such feature the model knows
        (a tuple of two words hashes without building the string; a feature with more than one
        `|` is kept under each way of cutting it, so a look-up finds what the string would)."""
        key = ("pairs", prefix)
        if key not in self._known:
            pairs = {}
            for feature, at in self.index.items():
                if not feature.startswith(prefix):
                    continue
                words = feature[len(prefix):].split("|")
                if len(words) == 2:
                    pairs[words[0], words[1]] = at
                else:
                    pairs.update((("|".join(words[:k]), "|".join(words[k:])), at) for k in range(1, len(words)))
            self._known[key] = pairs
        return self._known[key]

    def sum_ids(self, ids: np.ndarray) -> np.ndarray:
        """(rows, labels) sums of the weights of a (rows, k) array of feature ids."""
        return self._padded[ids].sum(axis=1)

    @cached_property
    def _caches(self) -> dict[str, RowCache]:
        return {}

    @cached_property
    def _known(self) -> dict[tuple[str, ...], Any]:
        return {}

    @cached_property
    def _padded(self) -> np.ndarray:
        """The weights with one row of zeros after them, where unknown features point."""
        return np.vstack([self.weights, np.zeros((1, len(self.labels)), dtype=self.weights.dtype)])

    def scores(self, rows: list[list[str]], shared: list[str] = ()) -> np.ndarray:
        """(len(rows), labels) scores: for each row, the sum of its known features' weights and
        of the `shared` features every row also has (one gather and one segmented sum; an
        unknown feature points at a row of zeros, so the look-ups run without a Python loop)."""
        unknown = len(self.weights)
        ids = list(map(self.index.get, chain.from_iterable(rows), repeat(unknown)))
        lengths = np.fromiter(map(len, rows), dtype=np.int64, count=len(rows))
        starts = np.cumsum(lengths) - lengths
        common = list(map(self.index.get, shared, repeat(unknown)))
        base = self._padded[common].sum(axis=0) if common else np.zeros(len(self.labels), dtype=np.float32)
        if not ids:
            return np.tile(base, (len(rows), 1))
        empty = lengths == 0
        ids.append(unknown)  # a zero row after the last, so every start is inside the array
        out = np.add.reduceat(self._padded[ids], starts, axis=0)
        out[empty] = 0.0  # reduceat gives an empty segment its start's row
        return out + base

    def probabilities(self, rows: list[list[str]], shared: list[str] = ()) -> np.ndarray:
        return softmax(self.scores(rows, shared))


def softmax(scores: np.ndarray) -> np.ndarray:
    """Each row of (rows, labels) scores as probabilities."""
    e = np.exp(scores - scores.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def save_model(folder: Path, labels: list[str], features: list[str], weights: np.ndarray, info: dict) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "labels.txt").write_text("\n".join(labels) + "\n", encoding="utf-8")
    (folder / "features.txt").write_text("\n".join(features) + "\n", encoding="utf-8")
    np.savez(folder / "weights.npz", weights=weights.astype(np.float16))  # stored: loads in a tenth of the time
    digests = {name: hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in FILES}
    (folder / "MANIFEST.json").write_text(json.dumps({**info, "sha256": digests}, indent=1, ensure_ascii=False) + "\n",
                                          encoding="utf-8")


@lru_cache(maxsize=8)
def load_model(folder: Path) -> LinearModel:
    """The model in `folder`, its files checked against the MANIFEST; loaded once per folder."""
    manifest_path = folder / "MANIFEST.json"
    if not manifest_path.is_file():
        raise ModelFileError(f"{folder}: no MANIFEST.json (not a Rasid model folder)")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    for name in FILES:
        path = folder / name
        if not path.is_file():
            raise ModelFileError(f"{path}: missing")
        if hashlib.sha256(path.read_bytes()).hexdigest() != manifest["sha256"][name]:
            raise ModelFileError(f"{path}: does not match its MANIFEST (altered or truncated)")
    labels = tuple((folder / "labels.txt").read_text(encoding="utf-8").split("\n")[:-1])
    features = (folder / "features.txt").read_text(encoding="utf-8").split("\n")[:-1]
    with np.load(folder / "weights.npz") as data:
        weights = data["weights"].astype(np.float32)
    if weights.shape != (len(features), len(labels)):
        raise ModelFileError(f"{folder}: weights {weights.shape} for {len(features)} features × {len(labels)} labels")
    return LinearModel(labels, {f: k for k, f in enumerate(features)}, weights)
