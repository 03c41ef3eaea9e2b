"""Read one Arabic number expression from a run of tokens: digits, words, scales, fractions.

`٣٤ ألف` = 34000, `مليون ونصف المليون` = 1500000, `خمسة وعشرون ألفاً` = 25000,
`مليوني` = 2000000, `عشرات الآلاف` = at least 20000 (vague). The grammar is the usual
accumulator: small numbers add up into `current`, a scale word multiplies `current` and
moves it into `total`. Each step looks at one token, so the cost is linear.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rasid.resources.catalogue import grammar_words
from rasid.text.numerals import NumberWord, number_words

_SMALL = ("unit", "ten", "hundred")
_SCALES = ("scale", "dual_scale", "plural_scale")
_DIGITS_RE = re.compile(r"\d+(?:[.,]\d+)*")
_FEW_HIGH = 9  # بضعة: three to nine


@dataclass(frozen=True, slots=True)
class NumberSpan:
    """A number read from tokens [start, end)."""
    start: int
    end: int
    value: float | int | None   # None for a vague amount
    low: float | int | None
    high: float | int | None
    scaled: bool                # ends in a scale word (a range's scale distributes from it)
    scale: float | int | None   # the last scale word's value
    digits: bool                # written (partly) in digits
    words: int                  # how many number words it has


def parse_digits(text: str) -> float | int | None:
    """`1,500` → 1500, `3,5` → 3.5, `2.5` → 2.5, `1.500.000` → 1500000 (ASCII digits)."""
    if not _DIGITS_RE.fullmatch(text):
        return None
    seps = [ch for ch in text if ch in ".,"]
    if not seps:
        return int(text)
    groups = re.split(r"[.,]", text)
    if len(set(seps)) == 2:  # 1,500.25 or 1.500,25: the last separator is the decimal one
        whole, frac = re.sub(r"[.,]", "", text[:text.rfind(seps[-1])]), groups[-1]
        return _number(f"{whole}.{frac}")
    thousands = all(len(g) == 3 for g in groups[1:]) and (seps[0] == "," or len(seps) > 1)
    if thousands:
        return int("".join(groups))
    if len(seps) == 1:
        return _number(f"{groups[0]}.{groups[1]}")
    return None


def read_number(words: Sequence[str], kinds: Sequence[str], i: int) -> NumberSpan | None:
    """The number expression that starts at token `i`, or None if none does."""
    acc = _Accumulator()
    j = i
    while j < len(words):
        step = _step(words, kinds, j, acc, first=j == i)
        if step == 0:
            break
        j += step
    return acc.result(i, j) if j > i else None


@dataclass
class _Accumulator:
    total: float = 0
    current: float = 0
    last_scale: float | None = None
    scaled: bool = False
    digits: bool = False
    words: int = 0
    vague_low: float | None = None
    few: bool = False
    numeric: bool = False  # saw a definite number (not only vague words)

    def result(self, start: int, end: int) -> NumberSpan | None:
        if self.vague_low is not None and not self.numeric:
            high = self.vague_low / 3 * _FEW_HIGH if self.few else None
            return NumberSpan(start, end, None, _number(self.vague_low), _number(high) if high else None,
                              self.scaled, self.last_scale, self.digits, self.words)
        if not self.numeric:
            return None
        value = _number(self.total + self.current)
        return NumberSpan(start, end, value, value, value, self.scaled, self.last_scale, self.digits, self.words)


def _step(words: Sequence[str], kinds: Sequence[str], j: int, acc: _Accumulator, first: bool) -> int:
    """Consume the number piece at `j`; return how many tokens it took (0 = the number ended)."""
    if kinds[j] == "number":
        value = parse_digits(words[j])
        if not first or value is None:
            return 0
        acc.current, acc.digits, acc.numeric = value, True, True
        return 1
    if not first and words[j] == "و" and acc.scaled and (taken := _added_scaled_digits(words, kinds, j, acc)):
        return taken
    spaced = not first and words[j] == "و" and j + 1 < len(words)  # أربع و ثلاثون, the و set apart
    match = number_words().match(words, j + spaced)
    if match is None:
        return 0
    word, clitic = match.entries[0], ("و" if spaced else "") + match.clitic
    if not _may_continue(word, clitic, first, acc):
        return 0
    acc.words += 1
    return spaced + _apply(word, words, j + spaced, match.end, acc, first)


def _added_scaled_digits(words: Sequence[str], kinds: Sequence[str], j: int, acc: _Accumulator) -> int:
    """`مليار و270 مليون`: و, digits and a scale smaller than the last one add to the number."""
    if j + 2 >= len(words) or kinds[j + 1] != "number":
        return 0
    value, scale = parse_digits(words[j + 1]), number_words().match(words, j + 2)
    word = scale.entries[0] if scale else None
    if value is None or word is None or word.kind != "scale" or scale.clitic or \
            acc.last_scale is None or word.value >= acc.last_scale:
        return 0
    acc.total += acc.current * acc.last_scale if acc.current else 0
    acc.total += value * word.value
    acc.current, acc.last_scale, acc.digits = 0, word.value, True
    return scale.end - j


def _may_continue(word: NumberWord, clitic: str, first: bool, acc: _Accumulator) -> bool:
    """Whether a number word joins the expression (rules of Arabic compound numbers)."""
    article = "ال" in clitic or clitic.endswith("لل")
    conj = clitic.startswith(("و", "ف"))
    if first:
        return not article or word.kind in _SCALES + ("vague",)
    if word.kind in _SCALES:  # after و only a smaller scale goes on (مليون وألفان); 750 وألفي is two numbers
        return not conj or (word.kind in ("scale", "dual_scale") and acc.scaled
                            and acc.last_scale is not None and _scale_value(word) < acc.last_scale)
    if word.kind == "fraction":
        return conj and not article
    if word.kind == "vague":  # بضع مئات, بضع عشرات: a few hundreds
        return acc.few and not acc.numeric and not clitic and acc.words == 1
    if word.kind == "hundred" and word.value == 100 and 1 <= acc.current <= 9 and not clitic:
        return True  # ثلاث مئة, written apart
    return conj and not article and word.kind in _SMALL and (acc.numeric or acc.vague_low is None)


def _scale_value(word: NumberWord) -> float:
    return word.value / 2 if word.kind == "dual_scale" else word.value


def _apply(word: NumberWord, words: Sequence[str], j: int, end: int, acc: _Accumulator, first: bool) -> int:
    kind, value = word.kind, word.value
    if kind in _SMALL:
        return _apply_small(value, kind, words, j, end, acc)
    if kind == "dual_scale" and acc.current:           # a dual form used as a plain scale
        return _apply_scale(value / 2, acc, end - j)
    if kind == "scale":
        return _apply_scale(value, acc, end - j)
    if kind == "dual_scale":                            # ألفين, مليوني: two of the scale
        acc.total += value
        acc.last_scale, acc.scaled, acc.numeric = value / 2, True, True
        return end - j
    if kind == "plural_scale":
        return _apply_plural_scale(value, acc, end - j)
    if kind in ("vague", "few"):
        if not first and kind == "vague" and acc.few:  # بضع مئات: three to nine hundreds
            acc.vague_low *= value / 2   # a plural's value is two of its scale (مئات: 200)
            acc.last_scale, acc.scaled = value / 2, True
            return end - j
        if not first:
            return 0
        acc.vague_low, acc.few = value, kind == "few"
        return end - j
    return _apply_fraction(value, words, j, end, acc, first)


def _apply_small(value, kind, words, j, end, acc: _Accumulator) -> int:
    if kind == "unit" and end < len(words) and words[end] in grammar_words("teen"):
        acc.current += 10 + value  # ثلاثة عشر
        acc.numeric = True
        return end + 1 - j
    if kind == "hundred" and value == 100 and 1 <= acc.current <= 9:
        acc.current *= 100  # ثلاث مئة written apart
    else:
        acc.current += value
    acc.numeric = True
    return end - j


def _apply_scale(value, acc: _Accumulator, taken: int) -> int:
    if acc.vague_low is not None and not acc.numeric:   # مئات ألف: still vague
        acc.vague_low *= value
    else:                                               # ثلاثة ملايين, المليون
        acc.total += (acc.current or 1) * value
        acc.current, acc.numeric = 0, True
    acc.last_scale, acc.scaled = value, True
    return taken


def _apply_plural_scale(value, acc: _Accumulator, taken: int) -> int:
    if acc.current:                      # ثلاثة آلاف
        acc.total += acc.current * value
        acc.current, acc.numeric = 0, True
    elif acc.vague_low is not None:      # عشرات الآلاف
        acc.vague_low *= value
    elif acc.numeric:
        return 0
    else:                                # آلاف alone: at least two thousand
        acc.vague_low = 2 * value
    acc.last_scale, acc.scaled = value, True
    return taken


def _apply_fraction(value, words, j, end, acc: _Accumulator, first: bool) -> int:
    nxt = number_words().match(words, end) if end < len(words) else None
    if nxt and nxt.entries[0].kind == "scale":      # نصف المليون, ربع مليون
        acc.total += value * nxt.entries[0].value
        acc.last_scale, acc.scaled, acc.numeric = nxt.entries[0].value, True, True
        return nxt.end - j
    if first:                                       # نصف ساعة
        acc.current, acc.numeric = value, True
        return end - j
    if acc.last_scale:                              # ألف ونصف
        acc.total += value * acc.last_scale
        return end - j
    acc.current += value                            # ثلاثة ونصف
    return end - j


def _number(value: float | int | None) -> float | int | None:
    if value is None:
        return None
    value = float(value)
    if value.is_integer():
        return int(value)
    return round(value, 9)
