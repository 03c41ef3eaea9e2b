"""Mark page furniture inside the text (cookie banners, `اقرأ أيضاً:` lines, promos).

It stays in `doc.text` so offsets hold; later stages skip the marked regions. A line is
boilerplate when a pattern of `lexicons/boilerplate.tsv` matches it. Pages end with a
block of furniture whose short lines match nothing on their own (podcast episode titles,
button labels), so from the first matching line of the closing block onward every short
line is boilerplate too.
"""
from __future__ import annotations

from rasid.document import Document, Region
from rasid.resources.catalogue import boilerplate_patterns
from rasid.text.normalise import fold
from rasid.text.segment import paragraphs

_SHORT_LINE_WORDS = 12  # a line of the closing block this short is furniture, not prose


def mark_boilerplate(doc: Document) -> Document:
    """Pipeline stage: fill `doc.boilerplate` with one region per furniture line."""
    lines = doc.paragraphs or paragraphs(doc.text)
    kinds = [line_kind(doc.text[p.start:p.end]) for p in lines]
    tail = _closing_block_start(doc.text, lines, kinds)
    regions = []
    current = None
    for i, (para, kind) in enumerate(zip(lines, kinds)):
        if kind is None and i >= tail:
            kind = current  # a short line of the closing block takes its neighbour's kind
        if kind is not None:
            regions.append(Region(para.start, para.end, kind))
            current = kind
    doc.boilerplate = regions
    return doc


def line_kind(line: str) -> str | None:
    """The furniture kind of one line (`cookie`, `read_also`, …) or None for prose."""
    folded = fold(line)
    for kind, pattern in boilerplate_patterns():
        if pattern.search(folded):
            return kind
    return None


def _closing_block_start(text: str, lines, kinds) -> int:
    """Index of the first line of the closing furniture block (len(lines) if none).

    The block is the longest run at the end made of matching or short lines that begins
    with a matching line.
    """
    start = len(lines)
    for i in range(len(lines) - 1, -1, -1):
        if kinds[i] is not None:
            start = i
        elif not _is_short(text[lines[i].start:lines[i].end]):
            break
    return start


def _is_short(line: str) -> bool:
    words = [w for w in line.split() if any(ch.isalnum() for ch in w)]
    return len(words) <= _SHORT_LINE_WORDS and not line.rstrip().endswith((".", "!", "،"))
