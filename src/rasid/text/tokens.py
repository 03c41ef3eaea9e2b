"""Tokens with surface offsets, and clitic segmentation that keeps offsets for each part.

Arabic attaches conjunctions (و ف), prepositions (ب ل ك) and the article (ال) to the
word: `وبالتنظيم` is و + ب + ال + تنظيم. Segmentation never rewrites text: every part is a
`(start, end)` slice of the surface token, so `للتنظيم` gives ل (prep) + ل (det, the
article's alef elided) + تنظيم.

Stripping is ambiguous (`فرنسا` is not ف + رنسا), so a word-frequency lexicon built from
Arabic news decides; `stem_variants` lists every plausible reading for matchers that look
words up in their own lexicon and can tell which one exists.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from rasid.document import Part, Token
from rasid.resources.catalogue import grammar_words, word_frequencies
from rasid.text.normalise import WORD_CACHE, fold

_MARKS = "\u0640\u064b-\u065f\u0670"  # tatweel and diacritics live inside words
_LETTER = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06ff"
_TOKEN_RE = re.compile(
    rf"(?P<hashtag>#(?=[{_LETTER}])|(?<=[{_LETTER}])_(?=[{_LETTER}]))"
    rf"|(?P<number>[0-9\u0660-\u0669\u06f0-\u06f9]+(?:[.,\u060c\u066b\u066c][0-9\u0660-\u0669\u06f0-\u06f9]+)*)"
    rf"|(?P<word>[\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06ff][\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06ff{_MARKS}]*)"
    r"|(?P<latin>[^\W\d_\u0600-\u06ff]+(?:['’][^\W\d_\u0600-\u06ff]+)*)"
    r"|(?P<punct>[^\w\s])"
    r"|(?P<symbol>[\w])"
)

_CONJ = "وف"
_PREP = "بلك"
_MIN_STEM = 2  # letters left after the article; shorter remainders are not words


def tokenize(text: str) -> list[Token]:
    """All tokens of `text` in order, each with its clitic parts."""
    return list(iter_tokens(text))


def iter_tokens(text: str) -> Iterator[Token]:
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup or "symbol"
        if kind == "hashtag":
            continue  # `#ميليشيات_الحوثي` reads as the words it joins: ميليشيات الحوثي
        start, end = m.span()
        surface = m.group()
        yield Token(start, end, surface, kind, segment_clitics(surface, start) if kind == "word" else ())


def segment_clitics(word: str, start: int) -> tuple[Part, ...]:
    """Split the word `word`, found at offset `start`, into clitic parts and a stem.

    A conjunction or preposition comes off only when the rest is a more frequent word in
    news than the whole (`وداعش` → و + داعش, but `وزارة` and `فرنسا` stay whole); the
    article comes off whenever a stem of two letters remains. Ties keep the word whole.
    """
    layout = _clitic_layout(word)
    if len(layout) == 1:  # most words: the stem alone
        (s, e, kind), = layout
        return (Part(start + s, start + e, kind),)
    return tuple([Part(start + s, start + e, kind) for s, e, kind in layout])


@lru_cache(maxsize=WORD_CACHE)
def _clitic_layout(surface_word: str) -> tuple[tuple[int, int, str], ...]:
    """The parts of one word as offsets inside it; cached, since news repeats its words."""
    letters = _letter_positions(surface_word, 0, len(surface_word))
    surface = "".join(surface_word[p] for p in letters)
    word = fold(surface)  # same length as surface: the letters carry no removable marks
    freq = word_frequencies()
    parts: list[tuple[int, int, str]] = []
    i = 0
    for clitics, kind in ((_CONJ, "conj"), (_PREP, "prep")):
        if len(word) - i > 3 and word[i] in clitics:
            rest = "ا" + word[i + 1:] if word[i:i + 2] == "لل" else word[i + 1:]
            if freq.get(rest, 0) > freq.get(word[i:], 0):
                parts.append((letters[i], letters[i] + 1, kind))
                i += 1
    if parts and parts[-1][2] == "prep" and word[i - 1:i + 1] == "لل":
        parts.append((letters[i], letters[i] + 1, "det"))  # ل + ال, alef elided
        i += 1
    elif surface[i:i + 2] == "ال" and len(word) - i - 2 >= _MIN_STEM and word[i:] not in grammar_words("not_article"):
        parts.append((letters[i], letters[i + 1] + 1, "det"))
        i += 2
    parts.append((letters[i], len(surface_word), "stem"))
    return tuple(parts)


@lru_cache(maxsize=WORD_CACHE)
def stem_variants(word: str) -> tuple[str, ...]:
    """Every reading of the folded `word` with leading clitics removed, longest first.

    `وبالتنظيم` → (وبالتنظيم, بالتنظيم, التنظيم, تنظيم); lexicon look-ups and the search
    index use them and keep the readings that exist. Cached: every stage asks it of the
    same words.
    """
    out = [word]
    i = 0
    if len(word) - i > 3 and word[i] in _CONJ:
        i += 1
        out.append(word[i:])
    if len(word) - i > 3 and word[i] in _PREP:
        if word[i:i + 2] == "لل":
            out += ["ا" + word[i + 1:], word[i + 2:]]
            return _unique(out)
        i += 1
        out.append(word[i:])
    if word[i:i + 2] == "ال" and len(word) - i - 2 >= _MIN_STEM:
        out.append(word[i + 2:])
    return _unique(out)


def one_of(word: str, words: frozenset[str]) -> bool:
    """Whether the folded word, or the word without its clitics (`واندلعت` → `اندلعت`), is one of `words`."""
    return any(v in words for v in stem_variants(word))


def covered(tokens: list[Token], spans: list[tuple[int, int]]) -> list[bool]:
    """For each token, whether it overlaps one of the character `spans` (one sweep over both:
    tokens come in text order; a span skipped because it ends before a token ends before every
    later token too)."""
    spans = sorted(spans)
    out, k, last = [False] * len(tokens), 0, len(spans)
    for at, tok in enumerate(tokens):
        while k < last and spans[k][1] <= tok.start:
            k += 1
        if k == last:
            break  # every span ends before this token: the rest stay False
        out[at] = spans[k][0] < tok.end
    return out


def _letter_positions(text: str, start: int, end: int) -> list[int]:
    """Offsets of the letters of a word, skipping tatweel and diacritics between them."""
    return [p for p in range(start, end) if not ("\u064b" <= text[p] <= "\u065f"
                                                 or text[p] in "\u0640\u0670")]


def _unique(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))
