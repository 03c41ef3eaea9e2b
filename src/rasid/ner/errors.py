"""The error of a NER model that cannot be used, shared by the shipped tagger and the Hugging Face backend."""
from __future__ import annotations


class ModelError(RuntimeError):
    """A model folder that is missing a file or whose checksum does not match."""
