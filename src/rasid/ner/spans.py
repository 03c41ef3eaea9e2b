"""From per-token tags to character spans that follow OUTPUT.md: the name without its clitics.

A tagged entity starts at its first token, which may carry a conjunction or preposition
(`وسوريا`, `لداعش`); the article stays when it belongs to the name (`العراق`, and
`للشدادي` → `لشدادي`, the article's alef elided). Which reading is meant is decided by
corpus frequency, as the tokenizer does, with one difference: a name the corpus does not
know but that occurs elsewhere in the document without the clitic loses it.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rasid.ner.features import norm_token
from rasid.text.normalise import fold

_CONJ, _PREP = "وف", "بلك"


@dataclass(frozen=True, slots=True)
class Span:
    """A candidate mention: character offsets, type, and where it came from."""
    start: int
    end: int
    type: str
    source: str  # model, rule, known


def tag_chunks(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(first, last + 1, type) token ranges of IOB2 tags; a stray I- starts an entity."""
    out, start, kind = [], None, None
    for i, tag in enumerate([*tags, "O"]):
        bio, _, t = tag.partition("-")
        if start is not None and (bio != "I" or t != kind):
            out.append((start, i, kind))
            start = None
        if bio == "B" or (bio == "I" and start is None):
            start, kind = i, t
    return out


def clitic_length(word: str, rank: Callable[[str], int | None], doc_words: frozenset[str] = frozenset()) -> int:
    """How many leading letters of the normalised `word` are clitics (conj, prep; not the article)."""
    if word.startswith("لل") and len(word) > 4:
        return 1  # ل + (ا)ل: the article stays with the name
    best, best_rank = 0, rank(word)
    i = 0
    for clitics in (_CONJ, _PREP):
        if len(word) - i > 3 and word[i] in clitics:
            i += 1
            rest = word[i:]
            r = rank(rest)
            if (r is not None and (best_rank is None or r < best_rank)) or (best_rank is None and rest in doc_words):
                best, best_rank = i, r if r is not None else best_rank
    return best


def skip_letters(text: str, start: int, end: int, n: int) -> int:
    """Offset in `text` after the first `n` letters from `start`, marks between them skipped."""
    pos = start
    while n and pos < end:
        if fold(text[pos]):
            n -= 1
        pos += 1
    while pos < end and not fold(text[pos]):
        pos += 1
    return pos


def name_start(text: str, start: int, end: int, rank, doc_words: frozenset[str] = frozenset()) -> int:
    """Start offset of the name in the token `text[start:end]`, leading clitics skipped."""
    return skip_letters(text, start, end, clitic_length(norm_token(text[start:end]), rank, doc_words))
