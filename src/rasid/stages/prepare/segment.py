"""The segment stage: paragraphs, sentences and tokens (with their clitic parts)."""
from __future__ import annotations

from rasid.document import Document
from rasid.text.segment import paragraphs, sentences
from rasid.text.tokens import tokenize


def segment(doc: Document) -> Document:
    """Stage: fill `doc.paragraphs`, `doc.sentences` and `doc.tokens`."""
    doc.paragraphs = paragraphs(doc.text)
    doc.sentences = sentences(doc.text, doc.paragraphs)
    doc.tokens = tokenize(doc.text)
    return doc
