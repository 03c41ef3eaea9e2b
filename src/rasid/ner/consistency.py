"""Label consistency across a document: a name tagged once is the same name where it recurs.

A sentence-level tagger misses the bare surname of a person named in full earlier
(`محمد الجمعة … ويرى الجمعة`) and names it saw once in a clearer context. Within one
document (an article, or a window of CoNLL sentences) untagged words get a tag, and no
tag is ever removed:
- a person's last name (from a PER of two or more words) is PER wherever it stands alone;
- a whole name tagged somewhere is tagged, with its most frequent type, where it recurs.
The first word is compared by its readings without conjunction or preposition, so `لداعش`
matches `داعش`.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable

from rasid.ner.features import clitic_readings, norm_token
from rasid.ner.spans import tag_chunks

_MAX_WORDS = 6


def propagate(sentences: list[list[str]], tags: list[list[str]],
              stop: Callable[[str], bool] = lambda word: False) -> list[list[str]]:
    """Tags with recurring names filled in; `stop(word)` vetoes one-word names (weekdays …)."""
    names = document_names(sentences, tags)
    lengths: dict[str, list[int]] = defaultdict(list)
    for key in sorted(names, key=len, reverse=True):
        lengths[key[0]].append(len(key))
    out = [list(t) for t in tags]
    heads = lengths.keys()
    for toks, sent in zip(sentences, out):
        norms = None  # made for the sentences where a known name may start
        i = 0
        while i < len(toks):
            n, kind = 0, None
            if sent[i] == "O" and not heads.isdisjoint(clitic_readings(toks[i])):
                norms = norms or [norm_token(t) for t in toks]
                n, kind = _name_at(toks, norms, sent, i, names, lengths, stop)
            if n:
                sent[i:i + n] = [f"B-{kind}"] + [f"I-{kind}"] * (n - 1)
            i += max(n, 1)
    return out


def document_names(sentences: list[list[str]], tags: list[list[str]]) -> dict[tuple[str, ...], str]:
    """Normalised word tuples → the type they were tagged with most often."""
    votes: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for toks, sent in zip(sentences, tags):
        for a, b, kind in tag_chunks(sent):
            rest = tuple(norm_token(t) for t in toks[a + 1:b])
            if len(rest) >= _MAX_WORDS:
                continue
            for first in clitic_readings(toks[a]):
                votes[(first, *rest)][kind] += 1
            if kind == "PER" and b - a >= 2:
                votes[rest[-1:]]["PER"] += 1
    return {k: v.most_common(1)[0][0] for k, v in votes.items()}


def _name_at(toks, norms, sent, i, names, lengths, stop) -> tuple[int, str | None]:
    """Length and type of the longest known name starting at untagged token i (0 if none)."""
    for first in clitic_readings(toks[i]):
        for n in lengths.get(first, ()):
            key = (first, *norms[i + 1:i + n])
            if len(key) == n and key in names and all(t == "O" for t in sent[i:i + n]) \
                    and not (n == 1 and stop(first)):
                return n, names[key]
    return 0, None
