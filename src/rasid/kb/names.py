"""Name keys: how the knowledge base reads a name, and the tables that look records up by it.

A look-up tries, in order: the folded name (hamza and alef forms, ى/ي, ة/ه, diacritics); the name
with its leading clitics off (`بسوريا`, `للشدادي` → الشدادي); the article added or taken off. Each
reading is matched exactly and through a loose `skeleton` that also ignores spaces, hamza seats, the
article and `أبو`/`البو` (`ديرالزور`, `أبو كمال` = البوكمال). The first reading that finds anything
wins.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, Protocol, TypeVar

from rasid.text.normalise import WORD_CACHE, fold
from rasid.text.tokens import stem_variants

T = TypeVar("T")
_HASHTAG = re.compile(r"(?:^|(?<=\s))#+|_")  # a hashtag's marks: # before a word, _ between words
_EDGE = re.compile(r"^[\s#\"'()\[\]«»“”.,:;!?_\-]+|[\s#\"'()\[\]«»“”.,:;!?_\-]+$")
_LOOSE = str.maketrans({"ئ": "ي", "ؤ": "و", "ء": None, " ": None, "-": None, "_": None, ".": None})


class Named(Protocol):
    """A record of the base (a Place or an Actor): its name, aliases and context-only names."""
    name: str
    aliases: tuple[str, ...]
    context: tuple[str, ...]


@lru_cache(maxsize=WORD_CACHE)
def clean(text: str) -> str:
    """Folded text without surrounding punctuation (`#ديرالزور`, `"داعش"`) or the marks of a
    hashtag inside it (`ميليشيات #الحوثي`, `ميليشيات_الحوثي`), spaces collapsed."""
    return " ".join(_HASHTAG.sub(" ", _EDGE.sub("", fold(text))).split())


@lru_cache(maxsize=WORD_CACHE)
def skeleton(text: str) -> str:
    """The loose key: folded, no spaces or hamza seats, `البو`/`ابو` alike, `اميركا` = `امريكا`."""
    words = [("ابو" + w[4:] if w.startswith("البو") else w) for w in clean(text).split()]
    return " ".join(words).replace("اميرك", "امريك").translate(_LOOSE)


def without_article(text: str) -> str:
    """The name with the article of its first word off (`الرقة` → رقة), else itself."""
    words = text.split()
    if words and words[0].startswith("ال") and len(words[0]) > 3:
        words[0] = words[0][2:]
    return " ".join(words)


def name_keys(text: str) -> list[str]:
    """Folded readings of a name, most literal first: as written, clitics off, article toggled."""
    key = clean(text)
    if not key:
        return []
    first, rest = key.split()[0], key.split()[1:]
    heads = list(stem_variants(first))
    if first.startswith("ل") and not first.startswith("ال"):
        heads.append("ا" + first)  # للشدادي cut after its first letter: ل + (ا)لشدادي
    heads += [without_article(first) if first.startswith("ال") else "ال" + first]
    return list(dict.fromkeys(" ".join([h, *rest]) for h in heads if h))


@lru_cache(maxsize=WORD_CACHE)
def clitic_readings(word: str) -> tuple[str, ...]:
    """Readings of a folded word with و ف ب ل ك off but never the article: `بريف` → ريف, while
    `الشرقي` stays itself (a cue or designator noun heads a construct and takes no article)."""
    return tuple(v for v in stem_variants(word)
                 if word.endswith(v) and not set(word[:len(word) - len(v)]) - set("وفبكل"))


class NameIndex(Generic[T]):
    """Names → records, with an exact (folded) and a loose (skeleton) table."""

    def __init__(self, items: Iterable[tuple[str, T]]):
        self.exact: dict[str, list[T]] = {}
        self.loose: dict[str, list[T]] = {}
        for name, record in items:
            _add(self.exact, clean(name), record)
            for key in {skeleton(name), skeleton(without_article(clean(name)))}:
                _add(self.loose, key, record)

    def lookup(self, text: str) -> tuple[T, ...]:
        """Records of the first reading of `text` that has any (see the module docstring)."""
        for key in name_keys(text):
            found = [*self.exact.get(key, ()), *self.loose.get(skeleton(key), ()),
                     *self.loose.get(skeleton(without_article(key)), ())]
            if found:
                return tuple(dict.fromkeys(found))
        return ()


def _add(table: dict[str, list[T]], key: str, record: T) -> None:
    if key:
        bucket = table.setdefault(key, [])
        if record not in bucket:
            bucket.append(record)


@dataclass(frozen=True)
class Base(Generic[T]):
    """A loaded table: records in file order, by id, and by name."""
    records: tuple[T, ...]
    by_id: dict[str, T]
    index: NameIndex[T]

    def lookup(self, text: str) -> tuple[T, ...]:
        return self.index.lookup(text)


def make_base(records: list, names: Callable) -> Base:
    by_id = {r.id: r for r in records}
    for r in records:
        for other in getattr(r, "same_as", ()):
            by_id.setdefault(other, r)
    return Base(tuple(records), by_id, NameIndex((n, r) for r in records for n in names(r)))


def all_names(record: Named) -> list[str]:
    return [record.name, *record.aliases, *record.context]


def matched_names(record: Named) -> list[str]:
    """The names looked for in running text: all but the context-only ones."""
    context = {clean(c) for c in record.context}
    return [n for n in dict.fromkeys([record.name, *record.aliases]) if clean(n) not in context]


def split_cell(cell: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in cell.split(";") if x.strip())
