"""A sparse linear classifier over string features: the evidence taggers' run-time half.

Weights are a (features × labels) matrix trained elsewhere (tools/train_evidence.py) and
shipped as `weights.npz` with the feature strings (`features.txt`, one per row), the labels
(`labels.txt`) and a MANIFEST of their SHA-256. A token's scores are the sum of its known
features' rows; unknown features are ignored, so a word no training report had costs nothing.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import repeat
from pathlib import Path

import numpy as np

from rasid.errors import RasidError

FILES = ("features.txt", "labels.txt", "weights.npz")


class ModelFileError(RasidError):
    """A model folder with a missing or altered file."""


@dataclass(frozen=True)
class LinearModel:
    labels: tuple[str, ...]
    index: dict[str, int]
    weights: np.ndarray  # (features, labels), float32

    @cached_property
    def _padded(self) -> np.ndarray:
        """The weights with one row of zeros after them, where unknown features point."""
        return np.vstack([self.weights, np.zeros((1, len(self.labels)), dtype=self.weights.dtype)])

    def scores(self, rows: list[list[str]], shared: list[str] = ()) -> np.ndarray:
        """(len(rows), labels) scores: for each row, the sum of its known features' weights and
        of the `shared` features every row also has (one gather and one segmented sum; an
        unknown feature points at a row of zeros, so the look-ups run without a Python loop)."""
        unknown = len(self.weights)
        ids: list[int] = []
        starts = np.empty(len(rows), dtype=np.int64)
        for k, row in enumerate(rows):
            starts[k] = len(ids)
            ids.extend(map(self.index.get, row, repeat(unknown)))
        common = list(map(self.index.get, shared, repeat(unknown)))
        base = self._padded[common].sum(axis=0) if common else np.zeros(len(self.labels), dtype=np.float32)
        if not ids:
            return np.tile(base, (len(rows), 1))
        out = np.add.reduceat(self._padded[ids], np.minimum(starts, len(ids) - 1), axis=0)
        empty = np.diff(np.append(starts, len(ids))) == 0
        out[empty] = 0.0
        return out + base

    def probabilities(self, rows: list[list[str]], shared: list[str] = ()) -> np.ndarray:
        s = self.scores(rows, shared)
        s -= s.max(axis=1, keepdims=True)
        e = np.exp(s)
        return e / e.sum(axis=1, keepdims=True)


def save_model(folder: Path, labels: list[str], features: list[str], weights: np.ndarray, info: dict) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "labels.txt").write_text("\n".join(labels) + "\n", encoding="utf-8")
    (folder / "features.txt").write_text("\n".join(features) + "\n", encoding="utf-8")
    np.savez_compressed(folder / "weights.npz", weights=weights.astype(np.float16))
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
