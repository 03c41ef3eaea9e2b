"""Full-text search text: what the index holds, what a query asks, and snippets.

Both sides fold the text (`rasid.text.normalise`), so hamza, ى/ي, ة/ه, tatweel and
diacritic variants meet. The index has two columns:

- `body`: the folded words in order, for phrase queries (`"قوات الامن"`);
- `stems`: every reading of every word from `stem_variants` (`لداعش` → لداعش داعش),
  so a word query finds its clitic-prefixed forms but not derived words (`الداعشي`).

A query is parsed into words and double-quoted phrases; anything else (FTS5 operators,
brackets, stray quotes, `*`) is treated as text, so no user input can break the MATCH
expression. Snippets are cut from the original text, located through the same folding.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from rasid.text.normalise import fold, normalise
from rasid.text.tokens import stem_variants

_WORD_RE = re.compile(r"[^\W_]+")
_PHRASE_RE = re.compile(r'"([^"]*)"')
_SPACE_RE = re.compile(r"\s+")


def words(text: str) -> Iterator[tuple[str, int, int]]:
    """The folded, lower-cased words of `text` with their (start, end) in `text`."""
    folded = normalise(text)
    for m in _WORD_RE.finditer(folded.text):
        start, end = folded.span(*m.span())
        yield m.group().lower(), start, end


def index_text(text: str) -> tuple[str, str]:
    """The `body` and `stems` columns of the search index for `text`."""
    body = [w for w, _, _ in words(text)]
    stems = [reading for w in body for reading in stem_variants(w)]
    return " ".join(body), " ".join(stems)


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query: every word must match a reading; every phrase must occur as is."""
    words: tuple[str, ...]
    phrases: tuple[tuple[str, ...], ...]

    def match_expression(self) -> str | None:
        """The FTS5 MATCH string, or None when the query holds no word at all."""
        parts = [f"stems : {_quote(w)}" for w in self.words]
        parts += [f"body : {_quote(' '.join(p))}" for p in self.phrases]
        return " AND ".join(parts) or None


def parse_query(query: str) -> Query:
    """Split `query` into phrases (balanced double quotes, « » too) and single words."""
    folded = fold(query)
    phrases = tuple(p for p in (_plain_words(m) for m in _PHRASE_RE.findall(folded)) if p)
    rest = _PHRASE_RE.sub(" ", folded)
    return Query(words=tuple(dict.fromkeys(_plain_words(rest))), phrases=phrases)


def _plain_words(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _WORD_RE.findall(text))


def _quote(text: str) -> str:
    """An FTS5 string literal: the tokenizer reads it, no operator inside it counts."""
    return '"' + text.replace('"', '""') + '"'


def snippet(text: str, query: Query, width: int = 80) -> str:
    """About `width` characters of `text` around the first match, matches in `[` `]`."""
    hits = find_matches(text, query)
    if not hits:
        start, end = 0, _cut_end(text, 0, min(len(text), width))
        return _clip(text, start, end, [])
    first_start, first_end = hits[0]
    start, end = _window(text, first_start, first_end, width)
    return _clip(text, start, end, [h for h in hits if start <= h[0] and h[1] <= end])


def marked_snippet(text: str, query: Query, width: int = 80) -> tuple[str, list[tuple[int, int]]]:
    """`snippet` with no brackets: the window's text (runs of space made one, `…` at cut ends)
    and the spans of the matches in it, for a page that marks them itself."""
    hits = find_matches(text, query)
    if hits:
        start, end = _window(text, hits[0][0], hits[0][1], width)
    else:
        start, end = 0, _cut_end(text, 0, min(len(text), width))
    inside = [h for h in hits if start <= h[0] and h[1] <= end]
    out = ["…"] if start > 0 else []
    spans, length = [], len(out)
    for piece_start, piece_end, is_hit in _pieces_of(start, end, inside):
        piece = _SPACE_RE.sub(" ", text[piece_start:piece_end])
        if length == 0 and not is_hit:
            piece = piece.lstrip()
        if is_hit:
            spans.append((length, length + len(piece)))
        out.append(piece)
        length += len(piece)
    body = "".join(out).rstrip()
    return body + ("…" if end < len(text) else ""), spans


def _pieces_of(start: int, end: int, hits: list[tuple[int, int]]):
    pos = start
    for hit_start, hit_end in hits:
        yield pos, hit_start, False
        yield hit_start, hit_end, True
        pos = hit_end
    yield pos, end, False


def find_matches(text: str, query: Query) -> list[tuple[int, int]]:
    """Original-text spans of the words and phrases of `query`, in order, not overlapping."""
    tokens = list(words(text))
    wanted = set(query.words)
    hits: list[tuple[int, int]] = []
    for i, (word, start, end) in enumerate(tokens):
        if hits and start < hits[-1][1]:
            continue
        if wanted and wanted.intersection(stem_variants(word)):
            hits.append((start, end))
            continue
        for phrase in query.phrases:
            window = tokens[i:i + len(phrase)]
            if tuple(w for w, _, _ in window) == phrase:
                hits.append((start, window[-1][2]))
                break
    return hits


def _window(text: str, start: int, end: int, width: int) -> tuple[int, int]:
    """A stretch of about `width` characters around `text[start:end]`, on word edges."""
    room = max(0, width - (end - start))
    lo = max(0, start - room // 2)
    hi = min(len(text), max(end, lo + width))
    lo = max(0, min(lo, hi - width, start))
    while 0 < lo < start and not text[lo - 1].isspace():
        lo += 1
    return lo, _cut_end(text, end, hi)


def _cut_end(text: str, floor: int, hi: int) -> int:
    """Move `hi` back to the end of a word, not before `floor`."""
    while floor < hi < len(text) and not text[hi].isspace():
        hi -= 1
    return hi


def _clip(text: str, start: int, end: int, hits: list[tuple[int, int]]) -> str:
    out, pos = [], start
    for hit_start, hit_end in hits:
        out += [text[pos:hit_start], "[", text[hit_start:hit_end], "]"]
        pos = hit_end
    out.append(text[pos:end])
    body = _SPACE_RE.sub(" ", "".join(out)).strip()
    return ("…" if start > 0 else "") + body + ("…" if end < len(text) else "")
