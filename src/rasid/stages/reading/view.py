"""The document as the event, claim and source stages read it: folded words in sentences.

`View` folds every token once, knows each token's sentence and paragraph, finds lexicon
entries (`hits`) and maps token ranges back to character offsets. Real reports misspell and
inflect: before a word is looked up, a pronoun suffix comes off when the rest is a lexicon
word (`طرده` → طرد, `حملتها` → حملة), and a word no news corpus knows is read as the lexicon
word one transposed or dropped letter away (`صاردت` → صادرت, `نفيطاً` → نفطاً).
"""
from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from functools import lru_cache
from itertools import islice
from typing import Generic, Protocol, TypeVar

from rasid.document import Document, Mention, Quantity, Time
from rasid.resources.catalogue import suffixes, word_frequencies
from rasid.stages.reading.lexicons import GROUP_NAMES, LEXICONS, PARTIES, Entry, Lexicon, NO_TYPOS, any_vocab, lexicon, vocab_endings
from rasid.stages.reading.quotes import Quotes, quote_regions
from rasid.text.normalise import WORD_CACHE, fold
from rasid.text.tokens import covered, stem_variants

_BREAKS = frozenset({",", ";", ":", '"', "'", "(", ")", "-", "[", "]"})
_stem_variants_uncached = stem_variants.__wrapped__  # for words met once: kept out of the shared cache
_MIN_TYPO_LENGTH = 4
#: Longer than any word with its clitics: no typo readings (they cost the square of the length).
_MAX_TYPO_LENGTH = 24
_HEADING_WORDS = 2
_TITLE_WORDS = 20  # words a headline holds at most: a longer paragraph after a label is the lead
_MARKS = frozenset("\u0640\u0670") | frozenset(chr(c) for c in range(0x064B, 0x0660))
_MARK_CHARS = "".join(sorted(_MARKS))


class _Spanned(Protocol):
    start: int
    end: int


S = TypeVar("S", bound=_Spanned)


class SpanIndex(Generic[S]):
    """Records with `start`/`end`, found by position in logarithmic time (long reports stay linear)."""

    def __init__(self, items: list[S]):
        self.items = sorted(items, key=lambda x: x.start)
        self.starts = [x.start for x in self.items]
        self.longest = max((x.end - x.start for x in self.items), default=0)

    def starting_in(self, start: int, end: int) -> list[S]:
        return self.items[bisect.bisect_left(self.starts, start):bisect.bisect_left(self.starts, end)]

    def overlapping(self, start: int, end: int) -> list[S]:
        lo = bisect.bisect_left(self.starts, start - self.longest)
        return [x for x in self.items[lo:bisect.bisect_left(self.starts, end)] if x.end > start and x.start < end]

    def overlapping_from_start(self, start: int, end: int) -> Iterator[S]:
        """The records overlapping [start, end) in order, read only as far as the caller takes them."""
        k = bisect.bisect_left(self.starts, start - self.longest)
        while k < len(self.items) and self.items[k].start < end:
            if self.items[k].end > start:
                yield self.items[k]
            k += 1

    def overlapping_from_end(self, start: int, end: int) -> Iterator[S]:
        """The records overlapping [start, end), the last-starting first, read only as far as
        the caller takes them (`next(…)` for the nearest one before a position)."""
        k = bisect.bisect_left(self.starts, end) - 1
        while k >= 0 and self.items[k].start + self.longest > start:
            if self.items[k].end > start:
                yield self.items[k]
            k -= 1


@dataclass(frozen=True, slots=True)
class Hit:
    """Lexicon entries found at tokens [start, end); `clitic` is what the first word carried."""
    start: int
    end: int
    entries: tuple[Entry, ...]
    clitic: str

    def entry(self, cls: str) -> Entry | None:
        return next((e for e in self.entries if e.cls == cls), None)


@dataclass(eq=False)
class Reading:
    """The shared reading of a document, built once by the `read` stage and kept on
    `doc.reading`: each token folded, with its sentence, its boilerplate cover and its readings
    for every evidence lexicon; the quotations; the lexicon hits, found at the first request
    and kept here for every later stage. It reads only what the prepare stages assigned, so no
    later stage can make it stale."""
    doc: Document
    words: list[str]
    kinds: list[str]
    sent: list[int]
    sent_ranges: list[tuple[int, int]]
    quotes: Quotes
    boilerplate_cover: list[bool]  # per token: inside a boilerplate region
    _starts: list[int]
    _paragraph_starts: list[int]
    _readings: list[tuple[tuple[str, bool], ...] | None]
    _known: list[int]  # the tokens some lexicon knows in some form (their reading is not None)
    _bases: dict[str, list[str]] = field(default_factory=dict)
    _hits: dict[str, list[Hit]] = field(default_factory=dict)
    _hit_starts: dict[str, list[int]] = field(default_factory=dict)
    _derived: dict = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Document) -> "Reading":
        tokens = doc.tokens
        words = [fold(t.text) for t in tokens]
        ta_marbuta = [t.text.rstrip(_MARK_CHARS).endswith("ة") for t in tokens]
        sent_starts = [s.start for s in doc.sentences]
        sent = [max(0, bisect.bisect_right(sent_starts, t.start) - 1) for t in tokens]
        readings = [_word_readings(w, ta) for w, ta in zip(words, ta_marbuta)]
        return cls(doc, words, [t.kind for t in tokens], sent, _ranges(sent, len(doc.sentences)),
                   quote_regions(doc.text, doc.paragraphs),
                   covered(tokens, [(r.start, r.end) for r in doc.boilerplate]),
                   [t.start for t in tokens], [p.start for p in doc.paragraphs], readings,
                   [i for i, r in enumerate(readings) if r])

    def __len__(self) -> int:
        return len(self.words)

    def bases(self, lex: Lexicon) -> list[str]:
        """Each token's word as lexicon `lex` reads it (see `_base`)."""
        if lex.name not in self._bases:
            k = LEXICONS.index(lex.name)
            bases = self.words.copy()  # a word no lexicon knows reads as itself
            for i in self._known:
                bases[i] = self._readings[i][k][0]
            self._bases[lex.name] = bases
        return self._bases[lex.name]

    def prefixed(self, k: int, preposition: str) -> bool:
        """Whether token k carries the attached preposition `preposition` (`بمقتل`: ب, `لجبهة`: ل)."""
        text = self.doc.text
        return any(p.kind == "prep" and text[p.start:p.end].startswith(preposition) for p in self.doc.tokens[k].parts)

    def suffixed(self, lex: Lexicon, k: int) -> bool:
        """Whether lexicon `lex` read token `k` with an ending taken off (a pronoun: اختطفوهم →
        اختطفو, حملتها → حملة; an accusative alef), not as a typo of another word."""
        word, base = self.words[k], self.bases(lex)[k]
        for stem in (base, base[:-1] + "ت" if base.endswith("ه") else None):
            i = word.find(stem) if stem else -1
            if i >= 0 and len(word) > i + len(stem):
                return True
        return False

    def _may_head(self, name: str) -> list[int]:
        """Positions of the tokens whose word may start an entry of lexicon `name`."""
        k = LEXICONS.index(name)
        readings = self._readings
        return [i for i in self._known if readings[i][k][1]]

    def match(self, name: str, i: int) -> Hit | None:
        """The longest entry of lexicon `name` starting at token `i`."""
        lex = lexicon(name)
        if not 0 <= i < len(self.words) or self.doc.tokens[i].kind != "word":
            return None
        reading = self._readings[i]
        if not (reading and reading[_LEXICON_AT[name]][1]):
            return None  # no entry of the lexicon may start with this word (most words): no look-up
        found = lex.table.match(self.bases(lex), i)
        return Hit(found.start, found.end, found.entries, found.clitic) if found else None

    def hits(self, name: str) -> list[Hit]:
        """Every match of lexicon `name` outside boilerplate, longest first, not overlapping."""
        if name not in self._hits:
            out, end = [], 0
            for i in self._may_head(name):
                if i < end:
                    continue
                hit = self.match(name, i)
                if hit and not self.in_boilerplate(hit.start, hit.end):
                    out.append(hit)
                    end = hit.end
            self._hits[name] = out
        return self._hits[name]

    def hits_in(self, name: str, lo: int, hi: int) -> list[Hit]:
        found = self.hits(name)
        if name not in self._hit_starts:
            self._hit_starts[name] = [h.start for h in found]
        starts = self._hit_starts[name]
        return found[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]

    def armed_groups(self, lo: int, hi: int) -> list[Hit]:
        """Words for armed groups (parties.tsv, class `group`) and names of the actor base's armed
        groups, starting in tokens [lo, hi). A name wins over the shorter party words it covers
        (`قوات سوريا الديمقراطية` over the authority's `قوات`, `تنظيم القاعدة في جزيرة العرب`
        over `القاعدة`); a longer party word wins over a name (`القاعدة الجوية` is a base)."""
        parties = self.hits_in(PARTIES, lo, hi)
        names = self.hits_in(GROUP_NAMES, lo, hi)
        if not names:
            return [h for h in parties if h.entries[0].cls == "group"]
        named = self._names_over(parties, names)
        covered = {k for h in named for k in range(h.start, h.end)}
        words = [h for h in parties if h.entries[0].cls == "group" and h.start not in covered]
        return sorted(words + named, key=lambda h: h.start)

    def authorities(self, lo: int, hi: int) -> list[Hit]:
        """Words for authorities (parties.tsv, class `authority`) starting in tokens [lo, hi) that
        are no part of an armed group's name (`قوات` of `قوات سوريا الديمقراطية`)."""
        found = [h for h in self.hits_in(PARTIES, lo, hi) if h.entries[0].cls == "authority"]
        if not found:
            return found
        names = self.hits_in(GROUP_NAMES, max(0, lo - _LONGEST_NAME), hi)
        covered = {k for h in self._names_over(self.hits_in(PARTIES, max(0, lo - _LONGEST_NAME), hi), names)
                   for k in range(h.start, h.end)}
        return [h for h in found if h.start not in covered]

    @staticmethod
    def _names_over(parties: list[Hit], names: list[Hit]) -> list[Hit]:
        """The group names every party word they overlap is shorter than (a name as long as a party
        word is that word: `حزب الله`), in linear time."""
        longest: dict[int, int] = {}  # token → length of the longest party word over it
        for p in parties:
            for k in range(p.start, p.end):
                longest[k] = max(longest.get(k, 0), p.end - p.start)
        return [h for h in names if all(longest.get(k, 0) < h.end - h.start for k in range(h.start, h.end))]

    def derived(self, key, make):
        """A value made from the reading once and shared by every later stage (the learned
        taggers' feature rows of a sentence); `make()` runs at the first request."""
        if key not in self._derived:
            self._derived[key] = make()
        return self._derived[key]

    def paragraph(self, i: int) -> int:
        """Index of the paragraph holding token `i`."""
        return bisect.bisect_right(self._paragraph_starts, self.doc.tokens[i].start)

    def entities_of_kind(self, kind: str) -> frozenset[str]:
        """Ids of the document's entities of one kind (`armed_group`, `country`), made once."""
        return self.derived(("entities of kind", kind), lambda: frozenset(
            e.id for e in self.doc.entities if e.kind == kind))

    def headline(self) -> int:
        """Index in `doc.paragraphs` of the report's headline: the first paragraph with more than
        a heading in it (a section label such as `تحقيقات` stands over an HTML page's title) when
        it is as short as a title (_TITLE_WORDS words at most); else the first paragraph."""
        return self.derived(("headline",), self._headline)

    def _headline(self) -> int:
        first = next((self.paragraph(lo) - 1 for lo, hi in self.sent_ranges if not self.is_heading(lo, hi)), 0)
        if first == 0:
            return 0
        paragraph = self.doc.paragraphs[first]
        lo, hi = self.token_at(paragraph.start), self.token_at(max(paragraph.start, paragraph.end - 1)) + 1
        words = (k for k in range(lo, hi) if self.doc.tokens[k].kind in ("word", "number"))
        return first if next(islice(words, _TITLE_WORDS, None), None) is None else 0

    def in_boilerplate(self, i: int, j: int) -> bool:
        """Whether any of tokens [i, j) lies in a boilerplate region."""
        return any(self.boilerplate_cover[i:j])

    def chars(self, i: int, j: int) -> tuple[int, int]:
        """Character span of tokens [i, j)."""
        return self.doc.tokens[i].start, self.doc.tokens[max(i, j - 1)].end

    def hit_chars(self, hit: Hit) -> tuple[int, int]:
        """Character span of a hit without a leading conjunction (و, ف) it carried."""
        start, end = self.chars(hit.start, hit.end)
        if hit.clitic[:1] in ("و", "ف") and not hit.clitic.startswith("ال"):
            start = _skip_letters(self.doc.text, start, 1)
        return start, end

    def token_at(self, pos: int) -> int:
        """Index of the token that starts at or before character `pos`."""
        return max(0, bisect.bisect_right(self._starts, pos) - 1)

    def sentence_of(self, i: int) -> tuple[int, int]:
        return self.sent_ranges[self.sent[i]] if self.words else (0, 0)

    def is_heading(self, lo: int, hi: int) -> bool:
        """A "sentence" of two words or fewer that ends its paragraph (`تنظيم داعش`, `آبار نفط` on
        a line of their own) is a heading, not a report; the first part of a title that goes on
        after it on the same line (`"فدية المليار".. 5 جرائم`) is not (words counted only as far
        as it takes to tell: stages ask of every sentence)."""
        words = (k for k in range(lo, hi) if self.doc.tokens[k].kind in ("word", "number"))
        if next(islice(words, _HEADING_WORDS, None), None) is not None:
            return False
        return hi >= len(self.words) or self.paragraph(hi) != self.paragraph(lo)

    def is_break(self, i: int) -> bool:
        """A clause boundary: comma, semicolon, colon, quote, bracket, dash."""
        return self.doc.tokens[i].kind == "punct" and self.words[i] in _BREAKS


def read(doc: Document) -> Document:
    """Stage: put the shared reading on the document (`doc.reading`)."""
    doc.reading = Reading.of(doc)
    return doc


def reading_of(doc: Document) -> Reading:
    """`doc.reading`, or an error that names the missing stage (a stage run out of order)."""
    if doc.reading is None:
        raise ValueError("this stage reads doc.reading: run the `read` stage first (rasid.pipeline)")
    return doc.reading


@dataclass(eq=False)
class View(Reading):
    """The reading with the quantities, times and mentions found so far, by position.

    A stage makes one when it starts (`View.of(doc)`): the reading and its caches are shared,
    by reference, with `doc.reading`; the position indexes are of the annotations as they are
    now, so a stage never reads an index older than the lists it was built from."""
    quantities: SpanIndex[Quantity] = field(default=None)
    times: SpanIndex[Time] = field(default=None)
    _mentions: SpanIndex[Mention] = field(default=None)

    @classmethod
    def of(cls, doc: Document) -> "View":
        reading = reading_of(doc)
        shared = {f.name: getattr(reading, f.name) for f in fields(Reading)}
        return cls(**shared, quantities=SpanIndex(doc.quantities), times=SpanIndex(doc.times),
                   _mentions=SpanIndex(doc.mentions))

    def mentions(self, start: int, end: int, types: tuple[str, ...] = ()) -> list[Mention]:
        """Named-entity mentions overlapping characters [start, end), of the given types (all if none)."""
        return [m for m in self._mentions.overlapping(start, end) if not types or m.type in types]


def _ranges(sent: list[int], n: int) -> list[tuple[int, int]]:
    ranges = [(0, 0)] * n
    for s in set(sent):
        lo = bisect.bisect_left(sent, s)
        ranges[s] = (lo, bisect.bisect_right(sent, s))
    return ranges


def _skip_letters(text: str, pos: int, letters: int) -> int:
    while letters and pos < len(text):
        pos += 1
        letters -= text[pos - 1] not in _MARKS
    while pos < len(text) and text[pos] in _MARKS:
        pos += 1
    return pos


_LONGEST_NAME = 8  # words of the longest armed group's name (an authority's word may start one)
_LEXICON_AT = {name: k for k, name in enumerate(LEXICONS)}  # a lexicon's place in a reading


@lru_cache(maxsize=WORD_CACHE)
def _word_readings(word: str, ta_marbuta: bool) -> tuple[tuple[str, bool], ...] | None:
    """For each lexicon of LEXICONS, (the word as that lexicon reads it, whether it may start one of
    its entries); None for the many words no lexicon knows in any form (they read as themselves).
    One look-up per token serves every lexicon (see `_base`)."""
    readings = _lexicon_readings(word, ta_marbuta)
    if not readings:
        return None
    out = []
    for name in LEXICONS:
        base = _base(name, word, readings, ta_marbuta)
        out.append((base, _known(base, lexicon(name).heads)))
    return tuple(out)


def _base(name: str, word: str, readings: tuple[tuple[str, tuple[str, ...]], ...], ta_marbuta: bool = False) -> str:
    """`word`, or the lexicon word it inflects (pronoun suffix) or misspells (one edit), from
    its `readings` (`_lexicon_readings`).

    A word spelt with a final ta marbuta (`إضافة`) carries no pronoun suffix `ه`.
    """
    vocab = lexicon(name).vocab
    if name in NO_TYPOS:
        spelt = {word, *without_suffix(word[:-1] + "ة" if ta_marbuta else word)}
        readings = tuple(r for r in readings if r[0] in spelt)
    return next((form for form, variants in readings if not vocab.isdisjoint(variants)), word)


def _lexicon_readings(word: str, ta_marbuta: bool) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """What `word` may be, in order of preference, with each form's clitic-free variants: the
    word itself, without a pronoun suffix, then (when no news corpus knows the word) one edit
    away. Only forms some lexicon knows are kept, so this is worked out once for all lexicons."""
    forms = [word, *without_suffix(word[:-1] + "ة" if ta_marbuta else word)]
    known = any_vocab()
    found = [(form, variants) for form in dict.fromkeys(forms) if not known.isdisjoint(variants := stem_variants(form))]
    if _MIN_TYPO_LENGTH <= len(word) <= _MAX_TYPO_LENGTH and not _in_corpus(word):
        three, two = vocab_endings()
        seen = set(forms)
        # the edits of a word are rarely met again: their variants are worked out, not cached
        found += [(form, variants) for form in dict.fromkeys(_one_edit(word))
                  if form not in seen and (form[-3:] in three or form[-2:] in two)
                  and not known.isdisjoint(variants := _stem_variants_uncached(form))]
    return tuple(found)


def _known(word: str, vocab: frozenset[str]) -> bool:
    """Whether a reading of `word` (clitics off) is in `vocab` (which holds accusative spellings)."""
    return not vocab.isdisjoint(stem_variants(word))


def without_suffix(word: str) -> list[str]:
    """`word` read with a plural or pronoun ending taken off (`سيطرتهم` → `سيطره`), folded."""
    out = [word[:-2] for suffix in suffixes("plural") if word.endswith(suffix) and len(word) >= 5]
    for suffix in suffixes("pronoun"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[:-len(suffix)]
            if stem.endswith("ت"):
                out.append(stem[:-1] + "ه")  # ta marbuta before a suffix: حملتها → حمله (before سيطرت)
            out.append(stem)
    return out


def _in_corpus(word: str) -> bool:
    return not word_frequencies().keys().isdisjoint(stem_variants(word))


def _one_edit(word: str) -> list[str]:
    swaps = [word[:k] + word[k + 1] + word[k] + word[k + 2:] for k in range(len(word) - 1)]
    drops = [word[:k] + word[k + 1:] for k in range(1, len(word))]
    return swaps + drops
