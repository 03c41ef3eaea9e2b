"""Optional NER backend: a Hugging Face token-classification model folder (`--ner-model PATH`).

A user who has downloaded, say, a CAMeLBERT NER model points Rasid at its folder; it is
loaded from disk only (never from the hub), runs in batches on a GPU when torch sees one
and on the CPU otherwise, and answers the same calls as the shipped tagger, so the
mentions stage and `rasid tag --conll` use it unchanged. Needs the optional `transformers`
dependency. Labels are read from the model's config (`B-PERS` → `B-PER`; classes outside
PER, LOC, ORG, MISC → `O`); a word takes the label of its first sub-word.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from rasid.resources.catalogue import word_frequencies

_TYPES = {"PER": "PER", "PERS": "PER", "PERSON": "PER", "LOC": "LOC", "GPE": "LOC", "ORG": "ORG",
          "MISC": "MISC"}
BATCH = 32


def is_hf_model(folder: Path) -> bool:
    """True when `folder` holds a transformers model (its config names a model type)."""
    config = folder / "config.json"
    if not config.is_file():
        return False
    data = json.loads(config.read_text(encoding="utf-8"))
    return "model_type" in data or "architectures" in data


def iob2(label: str) -> str:
    """A model's label as one of Rasid's IOB2 tags (`B-PERS` → `B-PER`, `I-DATE` → `O`)."""
    bio, _, kind = label.upper().partition("-")
    kind = _TYPES.get(kind)
    return f"{bio}-{kind}" if kind and bio in ("B", "I") else "O"


class HfTagger:
    """Tags sentences of token strings with a local transformers model."""

    cache = None  # no per-token cache: sub-word models read words in context

    def __init__(self, folder: str):
        import torch
        from transformers import AutoModelForTokenClassification, AutoTokenizer
        self.torch = torch
        self.device = "cuda" if torch.cuda.is_available() else "cpu"
        self.tokenizer = AutoTokenizer.from_pretrained(folder, local_files_only=True)
        self.model = AutoModelForTokenClassification.from_pretrained(folder, local_files_only=True).to(self.device).eval()
        self.labels = {int(i): iob2(label) for i, label in self.model.config.id2label.items()}
        self.manifest = {"name": Path(folder).name, "version": None, "backend": "transformers"}

    def tag(self, sentences: list[list[str]]) -> list[list[str]]:
        out: list[list[str]] = []
        for a in range(0, len(sentences), BATCH):
            out += self._tag_batch(sentences[a:a + BATCH])
        return out

    def _tag_batch(self, batch: list[list[str]]) -> list[list[str]]:
        present = [s for s in batch if s]
        if not present:
            return [[] for _ in batch]
        enc = self.tokenizer(present, is_split_into_words=True, truncation=True, padding=True, return_tensors="pt")
        with self.torch.no_grad():
            ids = self.model(**{k: v.to(self.device) for k, v in enc.items()}).logits.argmax(-1).cpu().tolist()
        tagged = iter([self._words(enc.word_ids(b), row, len(s)) for b, (row, s) in enumerate(zip(ids, present))])
        return [next(tagged) if s else [] for s in batch]

    def _words(self, word_ids: list[int | None], row: list[int], n: int) -> list[str]:
        """One tag per word: its first sub-word's; words cut off by truncation are `O`."""
        tags = ["O"] * n
        seen = set()
        for pos, w in enumerate(word_ids):
            if w is not None and w not in seen:
                seen.add(w)
                tags[w] = self.labels.get(row[pos], "O")
        return repair(tags)

    def frequency_rank(self, form: str) -> int | None:
        return _ranks().get(form)


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
