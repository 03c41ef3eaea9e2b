"""Load the shipped NER model (once, lazily) and tag sentences of token strings.

A model is a folder: `weights.npz` (NumPy arrays), `vocab.txt` (words by descending corpus
frequency), `chars.txt`, `config.json` (tags, encoder) and `MANIFEST.json` (version,
sha256 of every file, data licences). Checksums are verified at load, so a truncated or
swapped file fails with the file's name instead of producing silent nonsense.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from rasid.models.rows import RowCache
from rasid.ner.encode import Vocab
from rasid.ner.errors import ModelError  # raised here; callers import it from this module too
from rasid.ner.model import Network
from rasid.resources.catalogue import resource_path

MODEL_FILES = ("weights.npz", "vocab.txt", "chars.txt", "config.json")
MAX_LEN = 200        # longer sentences are tagged in pieces
BATCH_TOKENS = 8000  # padded tokens per batch
CACHE_BYTES = 24 << 20  # projections of distinct tokens kept between calls


@dataclass
class NerTagger:
    network: Network
    vocab: Vocab
    manifest: dict
    cache: RowCache = None  # token → its first-layer projection, kept across calls

    def __post_init__(self):
        if self.cache is None:
            self.cache = RowCache(self.network.projection_size, CACHE_BYTES)

    def tag(self, sentences: list[list[str]]) -> list[list[str]]:
        """IOB2 tags for each sentence of token strings (empty sentences give [])."""
        out = [["O"] * len(sent) for sent in sentences]
        pieces = sorted(((i, a, sent[a:a + MAX_LEN]) for i, sent in enumerate(sentences)
                         for a in range(0, len(sent), MAX_LEN)), key=lambda p: len(p[2]))
        for group in _batches(pieces):
            tokens = [t for _, _, toks in group for t in toks]
            ids = self.network.decode(self.cache.rows(tokens, self._project),
                                      np.array([len(toks) for _, _, toks in group]))
            tags = [self.network.tags[k] for k in ids.tolist()]
            pos = 0
            for i, a, toks in group:
                out[i][a:a + len(toks)] = tags[pos:pos + len(toks)]
                pos += len(toks)
        return out

    def frequency_rank(self, form: str) -> int | None:
        """Rank of a normalised word in the model's corpus vocabulary (lower = more frequent)."""
        return self.vocab.words.get(form)

    def _project(self, tokens: list[str]) -> np.ndarray:
        return self.network.project(*self.vocab.encode_tokens(tokens))


def _batches(pieces):
    """Length-sorted pieces in groups of at most BATCH_TOKENS padded tokens."""
    group: list = []
    for piece in pieces:
        if group and len(piece[2]) * (len(group) + 1) > BATCH_TOKENS:
            yield group
            group = []
        group.append(piece)
    if group:
        yield group


def load_tagger(directory: str | None = None):
    """The model in `directory`, else the shipped one (whose files the run's data folder may override).
    A Hugging Face model folder gives the transformers backend. Loaded once per folder."""
    return _load(str(Path(directory).expanduser().resolve()) if directory else None)


def forget_models() -> None:
    """Drop loaded models (a rebuilt model in the same folder is read again)."""
    _load.cache_clear()


@lru_cache(maxsize=4)
def _load(directory: str | None):
    if directory:
        from rasid.ner.hf import HfTagger, is_hf_model
        if is_hf_model(Path(directory)):
            return HfTagger(directory)
    folder = Path(directory) if directory else resource_path("models/ner/MANIFEST.json").parent
    manifest = json.loads((folder / "MANIFEST.json").read_text(encoding="utf-8"))
    for name in MODEL_FILES:
        check_file(folder / name, manifest.get("sha256", {}).get(name))
    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    with np.load(folder / "weights.npz") as npz:
        weights = {k: npz[k] for k in npz.files}
    vocab = Vocab.from_lists(_lines(folder / "vocab.txt"), _lines(folder / "chars.txt"))
    return NerTagger(Network(weights, tuple(config["tags"]), config["encoder"]), vocab, manifest)


def check_file(path: Path, expected: str | None) -> None:
    """Raise ModelError when `path` is missing or its sha256 differs from the manifest's."""
    if not path.is_file():
        raise ModelError(f"NER model file missing: {path}")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if expected and digest != expected:
        raise ModelError(f"NER model file {path} has sha256 {digest[:12]}…, the manifest says {expected[:12]}…")


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")
