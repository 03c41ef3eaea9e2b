"""The vocabulary of time expressions, and the document's tokens, folded, that look it up.

The tokens are the shared reading's (`doc.reading`), cut finer where the grammar needs it:
a number `12.3.2020` is read as 12 . 3 . 2020, a line break is a token (a date never runs over
one), and letters joined only by a removed mark (tatweel, a zero-width character) are one word.
Offsets stay those of `doc.text`. Every word the times grammar knows is data: month names (`lexicons/months.tsv`), weekday
names (`lexicons/weekdays.tsv`) and cue words (`lexicons/time_cues.tsv`, whose header lists
the roles). Lexicon phrases are matched on whole folded tokens, so a month name never matches
inside another word (`آب` in `أسباب`); the first word of a phrase may carry the clitics
و ف ب ل ك (`وبشهر`, `لعام`, `للعام`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from rasid.document import Token
from rasid.resources.catalogue import first_names, read_tsv
from rasid.text.normalise import WORD_CACHE, fold

# Numbers, letter runs, line breaks and single punctuation marks, inside one folded token.
# Each alternative is one character class, so matching is linear in the text.
_TOKEN_RE = re.compile(r"\d+|[^\W\d_]+|\n|[^\w\s]")
_CONJ = "وف"
_PREP = "بلك"
_CUTS_KEPT = 4096  # distinct punctuation marks and numbers whose pieces are kept


class Tok(NamedTuple):
    """A folded token at `doc.text[start:end]` (a tuple: a report has hundreds, made afresh for each)."""
    text: str
    start: int
    end: int
    kind: str  # num, word, punct, nl


@dataclass(frozen=True, slots=True)
class Entry:
    words: tuple[str, ...]
    role: str
    value: str = ""
    extra: str = ""


@dataclass(frozen=True, slots=True)
class Hit:
    """A lexicon phrase found at a token: its role and value, and the token after it."""
    role: str
    value: str
    extra: str
    end: int
    clitic: str  # the clitic letters taken off the first word, '' if none


@lru_cache(maxsize=1)
def time_lexicon() -> dict[str, tuple[Entry, ...]]:
    """First folded word of a phrase → the phrases that start with it, longest first."""
    index: dict[str, set[Entry]] = {}
    for entry in (*_month_entries(), *_weekday_entries(), *_cue_entries()):
        index.setdefault(entry.words[0], set()).add(entry)
    return {w: tuple(sorted(es, key=lambda e: (-len(e.words), e.role, e.value)))
            for w, es in index.items()}


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(fold(text).split())


def _month_entries() -> list[Entry]:
    """Month names: value = month number, extra = calendar, plus ` ambiguous` for common words."""
    return [Entry(_phrase(name), "month", month, " ".join([calendar, *flags]).strip())
            for name, month, calendar, *flags in read_tsv("lexicons/months.tsv")]


def _weekday_entries() -> list[Entry]:
    """Weekday names: value = ISO weekday, extra = `ambiguous` for a name that is also a word."""
    return [Entry(_phrase(name), "weekday", day, " ".join(flags)) for name, day, *flags in read_tsv("lexicons/weekdays.tsv")]


def _cue_entries() -> list[Entry]:
    rows = read_tsv("lexicons/time_cues.tsv")
    return [Entry(_phrase(phrase), role, *rest[:2]) for phrase, role, *rest in rows]


def readings(word: str) -> list[tuple[str, str]]:
    """(reading, clitics taken off) for a folded word: whole, without و/ف, without ب/ل/ك."""
    out = [(word, "")]
    for conj in ("", *_CONJ):
        if not word.startswith(conj):
            continue
        rest = word[len(conj):]
        if conj and len(rest) >= 2:
            out.append((rest, conj))
        if rest[:1] in _PREP and len(rest) >= 3:
            out.append((rest[1:], conj + rest[0]))
            if rest.startswith("لل"):  # ل + ال with the alef elided: للعام = ل + العام
                out.append(("ا" + rest[1:], conj + "ل"))
    return out


def grammar_tokens(text: str, tokens: list[Token], folded: list[str]) -> list[Tok]:
    """The tokens the grammar reads, from the document's `tokens` and their `folded` words."""
    out: list[Tok] = []
    end = 0
    for token, word in zip(tokens, folded):
        if text.find("\n", end, token.start) >= 0:
            out.extend(Tok("\n", k, k + 1, "nl") for k in range(end, token.start) if text[k] == "\n")
        end = token.end
        if not word:
            continue  # a mark or a zero-width character on its own
        pieces = ((Tok(word, token.start, token.end, _kind(word)),)
                  if token.kind == "word" or len(word) != len(token.text) else _pieces(token, word))
        for piece in pieces:
            if out and piece.kind == out[-1].kind == "word" and _nothing_between(text, out[-1].end, piece.start):
                out[-1] = Tok(out[-1].text + piece.text, out[-1].start, piece.end, "word")
            else:
                out.append(piece)
    out.extend(Tok("\n", k, k + 1, "nl") for k in range(end, len(text)) if text[k] == "\n")
    return out


def _nothing_between(text: str, start: int, end: int) -> bool:
    """Whether only marks that fold away (tatweel, diacritics) stand between two words."""
    if start >= end:
        return True
    return not text[start].isspace() and not fold(text[start:end])


def _pieces(token: Token, word: str) -> list[Tok]:
    """A folded token that is not a word, cut where the grammar reads more than one
    (`12.3.2020`, `don't`)."""
    return [Tok(text, token.start + start, token.start + end, kind) for text, start, end, kind in _cuts(word)]


@lru_cache(maxsize=_CUTS_KEPT)
def _cuts(word: str) -> tuple[tuple[str, int, int, str], ...]:
    """The pieces of a folded non-word token as (text, start, end, kind) inside it; kept per
    token text, since punctuation and numbers recur."""
    return tuple((m.group(), m.start(), m.end(), _kind(m.group())) for m in _TOKEN_RE.finditer(word))


class Lexed:
    """The grammar's tokens with their lexicon hits, looked up once per token on demand;
    `text` is the document's text, which the offsets index."""

    def __init__(self, text: str, tokens: list[Tok], speech_verb_ends: frozenset[int] = frozenset()):
        self.text = text
        self.tokens = tokens
        #: Where a speech verb ends (قال, يرى): a bare weekday right after one is its subject.
        self.speech_verb_ends = speech_verb_ends
        #: Words the report uses as a family name after a first name (محمد الجمعة): never a bare day.
        self.surnames = frozenset(t.text for prev, t in zip(tokens, tokens[1:])
                                  if t.kind == "word" and prev.text in first_names())
        #: Tokens that may start an expression: numbers and the first words of lexicon phrases.
        self.starts = [i for i, t in enumerate(self.tokens)
                       if t.kind == "num" or (t.kind in ("word", "punct") and _entries_of(t.text, t.kind == "word"))]
        self._hits: list[tuple[Hit, ...] | None] = [None] * len(self.tokens)
        self._by_role: list[dict[str, Hit] | None] = [None] * len(self.tokens)
        self._count = len(self.tokens)

    def __len__(self) -> int:
        return len(self.tokens)

    def hits(self, i: int) -> tuple[Hit, ...]:
        """Every lexicon phrase that starts at token `i`, longest first."""
        if not 0 <= i < len(self.tokens):
            return ()
        if self._hits[i] is None:
            self._hits[i] = self._lookup(i)
        return self._hits[i]

    def hit(self, i: int, *roles: str) -> Hit | None:
        """The longest phrase at `i` in one of `roles`, or None (the grammar's hot path)."""
        if not 0 <= i < self._count:
            return None
        table = self._by_role[i]
        if table is None:
            table = self._by_role[i] = {}
            for h in reversed(self.hits(i)):  # longest last, so it wins
                table[h.role] = h
        if not table:
            return None
        best = None
        for role in roles:
            h = table.get(role)
            if h is not None and (best is None or h.end > best.end):
                best = h
        return best

    def number(self, i: int) -> Tok | None:
        """Token `i` when it is a free-standing number (not part of `1.500` or `3,5`)."""
        if not 0 <= i < len(self.tokens) or self.tokens[i].kind != "num":
            return None
        tok = self.tokens[i]
        if _glued(self.text, tok.start - 1, -1) or _glued(self.text, tok.end, 1):
            return None
        return tok

    def punct(self, i: int) -> str | None:
        """The punctuation mark at token `i`, or None."""
        if 0 <= i < len(self.tokens) and self.tokens[i].kind == "punct":
            return self.tokens[i].text
        return None

    def _lookup(self, i: int) -> tuple[Hit, ...]:
        tok = self.tokens[i]
        if tok.kind not in ("word", "punct"):
            return ()
        entries = _entries_of(tok.text, tok.kind == "word")
        if not entries:
            return ()
        found = [Hit(entry.role, entry.value, entry.extra, i + len(entry.words), clitic)
                 for entry, clitic in entries if self._rest_matches(i + 1, entry.words[1:])]
        return tuple(sorted(found, key=lambda h: -h.end))

    def _rest_matches(self, i: int, words: tuple[str, ...]) -> bool:
        if i + len(words) > len(self.tokens):
            return False
        return all(self.tokens[i + k].text == w for k, w in enumerate(words))


@lru_cache(maxsize=WORD_CACHE)
def _entries_of(token: str, word: bool) -> tuple[tuple[Entry, str], ...]:
    """(phrase, clitics taken off) for the phrases a token may start; cached per token."""
    forms = readings(token) if word else [(token, "")]
    return tuple((entry, clitic) for reading, clitic in forms for entry in time_lexicon().get(reading, ()))


def _kind(text: str) -> str:
    if text == "\n":
        return "nl"
    if text[0].isdigit():
        return "num"
    return "word" if text[0].isalpha() else "punct"


def _glued(text: str, pos: int, step: int) -> bool:
    """True when a decimal or thousands separator at `pos` joins the number to more digits."""
    nxt = pos + step
    return 0 <= pos < len(text) and 0 <= nxt < len(text) and fold(text[pos]) in (".", ",") and text[nxt].isdigit()
