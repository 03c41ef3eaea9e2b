"""Phrase look-up over tokens: multi-word lexicon entries matched on folded words.

Lexicons (number words, units, cue phrases, later gazetteers and actors) are TSV data.
A `PhraseTable` keys each entry by the tuple of its folded words; `match` finds the
longest entry starting at a token. The first word may carry attached clitics
(`بأكثر من` matches `أكثر من`, `وعشرون` matches `عشرون`), and words with an accusative
alef (`عنصراً`, `ألفاً`) match their bare form when the table allows it.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from rasid.text.normalise import WORD_CACHE, fold
from rasid.text.tokens import stem_variants

T = TypeVar("T")
_MEMO_LIMIT = WORD_CACHE  # distinct words remembered per table before the memo starts afresh


@dataclass(frozen=True, slots=True)
class PhraseMatch(Generic[T]):
    """An entry found at tokens [start, end); `clitic` is what the first word carried."""
    start: int
    end: int
    entries: tuple[T, ...]
    clitic: str


class PhraseTable(Generic[T]):
    """Folded word tuples → entries (a phrase may have several entries, e.g. two roles)."""

    def __init__(self, items: Iterable[tuple[str, T]], *, accusative_alef: bool = False):
        self._table: dict[tuple[str, ...], list[T]] = {}
        self._words: set[str] = set()
        self._memo: dict[bool, dict[str, list[tuple[str, str]] | tuple]] = {True: {}, False: {}}  # by `clitics`
        self.accusative_alef = accusative_alef
        for phrase, entry in items:
            key = tuple(fold(phrase).split())
            self._table.setdefault(key, []).append(entry)
            self._words.update(key)
        lengths: dict[str, set[int]] = {}
        for key in self._table:
            lengths.setdefault(key[0], set()).add(len(key))
        #: each entry's first word (its head) → the lengths of the entries it starts, longest first
        self._lengths = {head: tuple(sorted(ns, reverse=True)) for head, ns in lengths.items()}
        #: every reading `_heads` may find a head in: the heads, and their accusative spellings
        self._may_head = frozenset(self._lengths) | (frozenset(h + "ا" for h in self._lengths) if accusative_alef else frozenset())

    def __contains__(self, phrase: str) -> bool:
        return tuple(fold(phrase).split()) in self._table

    def get(self, phrase: str) -> tuple[T, ...]:
        return tuple(self._table.get(tuple(fold(phrase).split()), ()))

    def match(self, words: Sequence[str], i: int, *, clitics: bool = True) -> PhraseMatch[T] | None:
        """Longest entry that starts at folded word `words[i]`; None if none does (or no word)."""
        if not 0 <= i < len(words):
            return None
        heads = self._memo[clitics].get(words[i])  # the memo first: most words start no entry
        if heads is None:
            heads = self._first_words(words[i], clitics)
        if not heads:
            return None
        best = None
        for head, clitic in heads:
            found = self._longest_from(words, i, head)
            if found and (best is None or found[0] > best.end):
                best = PhraseMatch(i, found[0], tuple(found[1]), clitic)
        return best

    def may_start(self, word: str, *, clitics: bool = True) -> bool:
        """Whether an entry may start at the folded `word` (a quick test before `match`)."""
        heads = self._memo[clitics].get(word)
        return bool(heads if heads is not None else self._first_words(word, clitics))

    def possible_starts(self, words: Sequence[str], *, clitics: bool = True) -> list[int]:
        """Positions of the folded `words` where an entry may start, in order: one pass that
        asks the memo of each word, for callers that would otherwise `match` at every token."""
        memo, first_words = self._memo[clitics], self._first_words
        return [i for i, word in enumerate(words)
                if (heads := memo.get(word)) or (heads is None and first_words(word, clitics))]

    def _first_words(self, word: str, clitics: bool) -> list[tuple[str, str]]:
        """(table word, clitic) readings of a first word; memoised, words recur a lot (every
        stage asks of every token, so the memo is a plain dict per `clitics`, keyed by the word)."""
        memo = self._memo[clitics]
        found = memo.get(word)
        if found is None:
            variants = stem_variants(word) if clitics else (word,)
            if self._may_head.isdisjoint(variants):
                found = ()  # most words: no reading of them is a head or its accusative spelling
            else:
                found = [(head, word[:len(word) - len(v)]) for v in variants for head in self._heads(v)]
            if len(memo) >= _MEMO_LIMIT:
                memo.clear()
            memo[word] = found
        return found

    def _heads(self, word: str) -> list[str]:
        heads = [word] if word in self._lengths else []
        bare = self._bare(word)
        if bare != word and bare in self._lengths:
            heads.append(bare)
        return heads

    def _bare(self, word: str) -> str:
        """`عنصرا` → `عنصر` when the table knows the bare form (tamyiz accusative)."""
        if self.accusative_alef and word.endswith("ا") and word not in self._words and word[:-1] in self._words:
            return word[:-1]
        return word

    def _longest_from(self, words: Sequence[str], i: int, head: str) -> tuple[int, list[T]] | None:
        lengths = self._lengths[head]
        if lengths[0] == 1:  # most heads: one-word entries only
            return i + 1, self._table[(head,)]
        rest = [self._bare(w) for w in words[i + 1:i + lengths[0]]]
        for n in lengths:
            if n - 1 <= len(rest) and (key := (head, *rest[:n - 1])) in self._table:
                return i + n, self._table[key]
        return None
