"""Arabic normalisation for matching, with an offset map back to the original text.

Real news spells one word many ways: hamza and alef forms (`أ إ آ ٱ ا`), `ى`/`ي`,
`ة`/`ه`, tatweel (`ـ`), diacritics, Arabic-Indic and Persian digits, Arabic punctuation.
Matching runs on the folded text; every match is mapped back through `Normalised.span`
so that offsets always index the document as it was read.

Folding is done in two steps that keep the map cheap: a 1:1 character map
(`str.translate`, length-preserving) and the removal of characters that carry no
letter (tatweel, diacritics, zero-width marks). Only the removal needs an index.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# One character to one character. ة→ه is on by default: news writes both at word ends.
_ONE_TO_ONE = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي", "ۍ": "ي",
    "ة": "ه", "ۀ": "ه", "ہ": "ه", "ھ": "ه",
    "ک": "ك", "ڪ": "ك",
    "،": ",", "؛": ";", "؟": "?", "٪": "%", "٫": ".", "٬": ",", "۔": ".",
    "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "″": '"',
    "‘": "'", "’": "'",
    "–": "-", "—": "-", "−": "-",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ",
}
_ONE_TO_ONE.update({chr(0x0660 + d): str(d) for d in range(10)})  # Arabic-Indic digits
_ONE_TO_ONE.update({chr(0x06F0 + d): str(d) for d in range(10)})  # Persian digits
_TABLE = str.maketrans(_ONE_TO_ONE)

# Characters dropped for matching: tatweel, harakat and Quranic marks, superscript alef,
# zero-width and bidi controls, the BOM.
_DROPPED_RANGES = ((0x0640, 0x0640), (0x064B, 0x065F), (0x0670, 0x0670), (0x06D6, 0x06ED),
                   (0x200B, 0x200F), (0x202A, 0x202E), (0x2066, 0x2069), (0xFEFF, 0xFEFF))
_DROP_SET = frozenset(chr(c) for lo, hi in _DROPPED_RANGES for c in range(lo, hi + 1))
_DROP_RE = re.compile("[" + "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in _DROPPED_RANGES) + "]")


@dataclass(frozen=True, slots=True)
class Normalised:
    """Folded text plus `index[i]` = offset in the original of folded character `i`.

    `index` has one extra entry, the original length, so that an end offset maps too.
    """
    text: str
    index: tuple[int, ...] | None  # None: nothing was removed, offsets are identical
    original_length: int

    def to_original(self, pos: int) -> int:
        """Map a folded offset (start or end) to the original text."""
        if self.index is None:
            return pos
        return self.index[pos]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded span to the original span that covers the same characters."""
        if self.index is None:
            return start, end
        if end <= start:
            return self.index[start], self.index[start]
        return self.index[start], self.index[end - 1] + 1


def fold(text: str) -> str:
    """Fold a string for comparison (lexicon keys, queries). Not offset-preserving.

    Every stage folds the same words again, so short strings are remembered (a plain dict,
    cleared when full: cheaper than an LRU on a call this frequent)."""
    folded = _FOLDED.get(text)
    if folded is None:
        folded = _DROP_RE.sub("", text.translate(_TABLE))
        if len(text) <= _MEMO_MAX_LENGTH:
            if len(_FOLDED) >= _MEMO_LIMIT:
                _FOLDED.clear()
            _FOLDED[text] = folded
    return folded


#: entries of each per-word cache (readings, variants, features of a word, this memo of folds):
#: enough for the words a news stream keeps meeting, few enough that a worker's memory stops
#: growing after a few hundred reports instead of after tens of thousands (bench/scale.py,
#: tests/test_scale.py). 65,536 ran 8–11 % faster over 1,000 news reports, but a worker's memory
#: then grew by 61 % from 2,000 to 20,000 reports (issue 17's bar is 15 %); 32,768 by 16 % at
#: 8,000 (bench/README.md, ninth session)
WORD_CACHE = 16_384

_FOLDED: dict[str, str] = {}
_MEMO_LIMIT = WORD_CACHE
_MEMO_MAX_LENGTH = 48


def normalise(text: str) -> Normalised:
    """Fold `text` for matching and keep the way back to original offsets."""
    mapped = text.translate(_TABLE)
    if not _DROP_RE.search(mapped):
        return Normalised(mapped, None, len(text))
    keep = [i for i, ch in enumerate(mapped) if ch not in _DROP_SET]
    folded = "".join(mapped[i] for i in keep)
    keep.append(len(text))
    return Normalised(folded, tuple(keep), len(text))


def fold_digits(text: str) -> str:
    """Arabic-Indic and Persian digits and separators as ASCII; length-preserving."""
    return text.translate(_DIGIT_TABLE)


_DIGIT_TABLE = str.maketrans({k: v for k, v in _ONE_TO_ONE.items()
                              if k in "٫٬" or "\u0660" <= k <= "\u0669" or "\u06f0" <= k <= "\u06f9"})
