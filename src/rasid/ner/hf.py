"""Optional NER backend: a Hugging Face token-classification model folder (`--ner-model PATH`).

A user who has downloaded, say, a CAMeLBERT NER model points Rasid at its folder; it is
loaded from disk only (never from the hub) and answers the same calls as the shipped
tagger, so the mentions stage and `rasid tag --conll` use it unchanged. Needs the optional
dependencies (`pip install 'rasid[hf]'`: transformers and torch).

Sentences are cut into pieces that fit the model's positions (a long sentence is tagged a
piece at a time, never truncated), sorted by length and run BATCH pieces per forward pass
under `torch.inference_mode()`, on the GPU when torch sees one and on the CPU otherwise.
Labels are read from the model's config (`B-PERS` → `B-PER`, `S-`/`E-` of BIOES → `B-`/`I-`;
classes outside PER, LOC, ORG, MISC → `O`); a word takes the label of its first sub-word.
"""
from __future__ import annotations

import json
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from rasid.ner.errors import ModelError
from rasid.resources.catalogue import word_frequencies

_TYPES = {"PER": "PER", "PERS": "PER", "PERSON": "PER", "LOC": "LOC", "GPE": "LOC", "ORG": "ORG",
          "MISC": "MISC"}
_PREFIXES = {"B": "B", "I": "I", "S": "B", "U": "B", "E": "I", "L": "I"}  # IOB, BIOES, BILOU
BATCH = 32          # sentence pieces per forward pass
MAX_POSITIONS = 512  # when neither the config nor the tokenizer says


def is_hf_model(folder: Path) -> bool:
    """True when `folder` holds a transformers model (its config names a model type)."""
    config = folder / "config.json"
    if not config.is_file():
        return False
    data = json.loads(config.read_text(encoding="utf-8"))
    return isinstance(data, dict) and ("model_type" in data or "architectures" in data)


def iob2(label: str) -> str:
    """A model's label as one of Rasid's IOB2 tags (`B-PERS` → `B-PER`, `I-DATE` → `O`)."""
    label = label.upper().replace("_", "-")
    bio, dash, kind = label.partition("-")
    if not dash:  # IO labels: `PER`
        bio, kind = "I", label
    kind, bio = _TYPES.get(kind), _PREFIXES.get(bio)
    return f"{bio}-{kind}" if kind and bio else "O"


class HfTagger:
    """Tags sentences of token strings with a local transformers model."""

    cache = None  # no per-token cache: sub-word models read words in context

    def __init__(self, folder: str):
        try:
            import torch
            from transformers import AutoModelForTokenClassification, AutoTokenizer
        except ImportError as exc:
            raise ModelError(f"the Hugging Face model in {folder} needs the optional dependencies "
                             f"transformers and torch: pip install 'rasid[hf]' ({exc})") from None
        self.torch = torch
        self.device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
        try:
            with _quiet():
                self.tokenizer = AutoTokenizer.from_pretrained(folder, local_files_only=True)
                model = AutoModelForTokenClassification.from_pretrained(folder, local_files_only=True)
        except (OSError, ValueError, KeyError) as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise ModelError(f"the Hugging Face model in {folder} cannot be loaded: {first}") from None
        if not getattr(self.tokenizer, "is_fast", False):
            raise ModelError(f"the Hugging Face model in {folder} has no fast tokenizer (tokenizer.json), "
                             "which is needed to align sub-words with words")
        self.model = model.to(self.device).eval()
        self.labels = {int(i): iob2(label) for i, label in self.model.config.id2label.items()}
        self.limit = self.max_length()
        self.room = max(1, self.limit - self.tokenizer.num_special_tokens_to_add(pair=False))  # words' sub-words
        self.manifest = {"name": Path(folder).name, "version": None, "backend": "transformers",
                         "device": self.device.type}

    def max_length(self) -> int:
        """Sub-words per sequence, special ones included: the smaller of what the model's
        position embeddings and the tokenizer allow (a tokenizer may say 'no limit')."""
        limits = [getattr(self.model.config, "max_position_embeddings", None),
                  getattr(self.tokenizer, "model_max_length", None)]
        limits = [n for n in limits if isinstance(n, int) and 0 < n < 1_000_000]
        return min(limits, default=MAX_POSITIONS)

    def tag(self, sentences: list[list[str]]) -> list[list[str]]:
        """IOB2 tags for each sentence of token strings (empty sentences give [])."""
        out = [["O"] * len(sent) for sent in sentences]
        pieces = sorted(self.pieces(sentences), key=lambda p: p[3])
        for k in range(0, len(pieces), BATCH):
            batch = pieces[k:k + BATCH]
            words = [sentences[i][a:b] for i, a, b, _ in batch]
            enc = self.tokenizer(words, is_split_into_words=True, truncation=True, max_length=self.limit,
                                 padding=True, return_tensors="pt")
            with self.torch.inference_mode():
                logits = self.model(**{key: v.to(self.device) for key, v in enc.items()}).logits
            rows = logits.argmax(-1).cpu().tolist()
            for j, (i, a, b, _) in enumerate(batch):
                out[i][a:b] = self._words(enc.word_ids(j), rows[j], b - a)
        return [repair(tags) for tags in out]

    def pieces(self, sentences: list[list[str]]):
        """(sentence, first word, end word, sub-words) for runs of words that fit the model."""
        present = [i for i, sent in enumerate(sentences) if sent]
        for k in range(0, len(present), 256):
            chunk = present[k:k + 256]
            enc = self.tokenizer([sentences[i] for i in chunk], is_split_into_words=True, add_special_tokens=False,
                                 verbose=False)  # no 'longer than the maximum' warning: cut below
            for j, i in enumerate(chunk):
                counts = [0] * len(sentences[i])
                for w in enc.word_ids(j):
                    if w is not None:
                        counts[w] += 1
                a, size = 0, 0
                for w, n in enumerate(counts):
                    if w > a and size + n > self.room:
                        yield i, a, w, size
                        a, size = w, 0
                    size += n
                yield i, a, len(counts), size

    def _words(self, word_ids: list[int | None], row: list[int], n: int) -> list[str]:
        """One tag per word: its first sub-word's (a word with none, or cut off, is `O`)."""
        tags = ["O"] * n
        seen = set()
        for pos, w in enumerate(word_ids):
            if w is not None and w not in seen:
                seen.add(w)
                tags[w] = self.labels.get(row[pos], "O")
        return tags

    def frequency_rank(self, form: str) -> int | None:
        return _ranks().get(form)


@contextmanager
def _quiet():
    """No progress bars while a model loads (they would land in `rasid extract`'s stderr)."""
    from transformers.utils import logging as hf_logging
    shown = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()
    try:
        yield
    finally:
        if shown:
            hf_logging.enable_progress_bar()


def repair(tags: list[str]) -> list[str]:
    """An I- tag that does not continue its entity starts one (valid IOB2 for span reading)."""
    out = list(tags)
    for i, tag in enumerate(out):
        if tag.startswith("I-") and (i == 0 or out[i - 1][2:] != tag[2:]):
            out[i] = "B-" + tag[2:]
    return out


@lru_cache(maxsize=None)
def _ranks() -> dict[str, int]:
    """Folded word → frequency rank in news (wordfreq.tsv), for clitic and consistency decisions."""
    words = sorted(word_frequencies().items(), key=lambda kv: -kv[1])
    return {w: i for i, (w, _) in enumerate(words)}
