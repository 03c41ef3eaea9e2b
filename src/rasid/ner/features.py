"""Token features shared by training (tools/train_ner.py) and tagging.

The tagger sees a token as a string, whatever tokenisation produced it: a Rasid token of
`extract` and an ANERcorp token of `rasid tag --conll` go through the same functions, so
both paths use one model. Two word forms are looked up in the embedding vocabulary:
the normalised token and its most frequent clitic-free reading (`وبالعراق` → `العراق`);
characters feed the character encoder; a small shape class says what kind of token it is.
"""
from __future__ import annotations

import re
from functools import lru_cache

from rasid.text.normalise import WORD_CACHE, fold
from rasid.text.tokens import stem_variants

_DIGIT_RE = re.compile(r"[0-9]")
_ARABIC_WORD_RE = re.compile(r"[\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06ff]"
                             r"[\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06ff\u0640\u064b-\u065f\u0670]*")
_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")
MAX_CHARS = 20  # characters of a token the character encoder reads (the start is kept)
_CLITICS = "وفبلك"

#: Shape classes (index = id); data the model was trained with, so append only.
SHAPES = ("pad", "arabic", "arabic_clitic", "arabic_article", "latin_upper", "latin_lower",
          "number", "punct", "quote", "other", "arabic_long")


@lru_cache(maxsize=WORD_CACHE)
def norm_token(text: str) -> str:
    """The form embeddings are keyed by: folded, lower case, every digit as 0."""
    return _DIGIT_RE.sub("0", fold(text).lower())


@lru_cache(maxsize=WORD_CACHE)
def readings(text: str) -> tuple[str, ...]:
    """Normalised readings of a token with leading clitics off, longest (the whole) first.

    `وبالعراق` → (وبالعراق, بالعراق, العراق, عراق); the encoder keeps the reading most
    frequent in news, which is how an unseen clitic combination still finds its word.
    """
    whole = norm_token(text)
    if not _ARABIC_WORD_RE.fullmatch(text):
        return (whole,)
    return tuple(stem_variants(whole))


@lru_cache(maxsize=WORD_CACHE)
def clitic_readings(text: str) -> tuple[str, ...]:
    """The normalised token and its readings without conjunction/preposition, article kept.

    `وللتنظيم` → (وللتنظيم, للتنظيم, التنظيم): the forms a name can take in a document.
    """
    word = norm_token(text)
    out, i = [word], 0
    if not _ARABIC_WORD_RE.fullmatch(text):
        return tuple(out)
    if len(word) - i > 3 and word[i] in "وف":
        i += 1
        out.append(word[i:])
    if len(word) - i > 3 and word[i] in "بلك":
        out.append("ا" + word[i + 1:] if word[i:i + 2] == "لل" else word[i + 1:])
    return tuple(out)


@lru_cache(maxsize=WORD_CACHE)
def shape(text: str) -> int:
    """Shape class id of a token (see SHAPES)."""
    if _ARABIC_WORD_RE.fullmatch(text):
        whole = norm_token(text)
        if whole[:1] in _CLITICS and len(whole) > 3:
            return SHAPES.index("arabic_clitic")
        if whole.startswith("ال"):
            return SHAPES.index("arabic_article")
        return SHAPES.index("arabic_long" if len(whole) > 7 else "arabic")
    if _LATIN_RE.search(text):
        return SHAPES.index("latin_upper" if text[:1].isupper() else "latin_lower")
    if any(c.isdigit() for c in text):
        return SHAPES.index("number")
    if text in "\"'«»“”„‘’":
        return SHAPES.index("quote")
    if all(not c.isalnum() for c in text):
        return SHAPES.index("punct")
    return SHAPES.index("other")


def char_sequence(text: str) -> str:
    """The characters the character encoder reads: the normalised token, its first MAX_CHARS."""
    return norm_token(text)[:MAX_CHARS]
