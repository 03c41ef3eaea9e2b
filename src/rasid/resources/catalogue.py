"""Find and load the package's data files, once each.

Resources are data, not code: lexicons are TSV files under `resources/`, checked as they are
read against the vocabularies of the output schema (rasid.resources.checks). A data folder
chosen for the run (`files.use_data_folder`; the CLI takes it from RASID_DATA) makes files
there take precedence, so a user can try a rebuilt lexicon without reinstalling. Loaders are cached: a resource is read at
first use, never at import.
"""
from __future__ import annotations

import re
from functools import lru_cache

from rasid.resources import files
from rasid.resources.checks import check_row, checked_files
from rasid.resources.prebuilt import prebuilt
from rasid.text.normalise import fold

PACKAGE_DIR = files.PACKAGE_DIR
LexiconError = files.LexiconError
resource_path = files.resource_path
output_schema = files.output_schema
vocabulary = files.vocabulary


def read_tsv(name: str) -> list[list[str]]:
    """Rows of a TSV resource, skipping blank lines and `#` comments. A lexicon's vocabulary
    columns are checked as it is read (rasid.resources.checks): a bad value raises LexiconError."""
    return [row for _, row in read_numbered_tsv(name)]


def read_numbered_tsv(name: str) -> list[tuple[int, list[str]]]:
    """(line number, row) of a TSV resource, checked like `read_tsv`."""
    path = resource_path(name)
    rows = files.read_rows(path)
    if name in checked_files():
        for number, row in rows:
            check_row(name, path, number, row)
    return rows


@lru_cache(maxsize=None)
def word_frequencies() -> dict[str, int]:
    """Folded word → count in ~9M words of Arabic news (guides clitic segmentation); prebuilt
    where the run keeps a cache."""
    return prebuilt("word-frequencies", lambda: {row[0]: int(row[1]) for row in read_tsv("lexicons/wordfreq.tsv")})


@lru_cache(maxsize=None)
def share_words() -> dict[str, float]:
    """A word that is a number or a fraction → its value as a fraction (خمس → 0.2)."""
    return {word: float(value) for word, value in read_tsv("lexicons/share_words.tsv")}


@lru_cache(maxsize=None)
def month_names() -> dict[str, tuple[int, str]]:
    """Folded month name → (month number, calendar system: gregorian or hijri)."""
    return {fold(name): (int(month), system) for name, month, system, *_ in read_tsv("lexicons/months.tsv")}


@lru_cache(maxsize=None)
def first_names() -> frozenset[str]:
    """Folded Arabic first names (helps recognise an author line)."""
    return frozenset(fold(row[0]) for row in read_tsv("lexicons/first_names.tsv"))


@lru_cache(maxsize=None)
def boilerplate_patterns() -> tuple[tuple[str, "re.Pattern[str]"], ...]:
    """(kind, compiled pattern) pairs for lines of page furniture, matched on folded lines."""
    return tuple((kind, re.compile(pattern, re.IGNORECASE))
                 for kind, pattern in read_tsv("lexicons/boilerplate.tsv"))


@lru_cache(maxsize=None)
def section_labels() -> frozenset[str]:
    """Folded section labels of bylines (`تقارير`, `سياسي`)."""
    return frozenset(fold(row[0]) for row in read_tsv("lexicons/sections.tsv"))


@lru_cache(maxsize=None)
def word_lists(name: str) -> dict[str, tuple[str, ...]]:
    """Key → words in file order, for the files of `word  key[,key…]` rows (grammar_words.tsv,
    suffixes.tsv). Words are kept as written."""
    table: dict[str, list[str]] = {}
    for row in read_tsv(name):
        for key in row[1].split(","):
            table.setdefault(key.strip(), []).append(row[0])
    return {key: tuple(words) for key, words in table.items()}


def _word_list(name: str, key: str) -> tuple[str, ...]:
    words = word_lists(name).get(key)
    if not words:
        raise LexiconError(f"{resource_path(name)}: no rows for {key!r}")
    return words


@lru_cache(maxsize=None)
def grammar_words(role: str) -> frozenset[str]:
    """The words of one grammar role (`year_word`, `auxiliary` …) of lexicons/grammar_words.tsv."""
    return frozenset(_word_list("lexicons/grammar_words.tsv", role))


@lru_cache(maxsize=None)
def function_words() -> frozenset[str]:
    """Function words (prepositions, conjunctions, relatives …) of lexicons/function_words.tsv."""
    return frozenset(row[0] for row in read_tsv("lexicons/function_words.tsv"))


@lru_cache(maxsize=None)
def relatives() -> frozenset[str]:
    """Relative pronouns (and ما) of lexicons/relatives.tsv."""
    return frozenset(row[0] for row in read_tsv("lexicons/relatives.tsv"))


def suffixes(kind: str) -> tuple[str, ...]:
    """Word endings of one kind (`pronoun`, `plural`) of lexicons/suffixes.tsv, in file order."""
    return _word_list("lexicons/suffixes.tsv", kind)


@lru_cache(maxsize=None)
def properties(vocab: str) -> dict[str, dict[str, str]]:
    """Value → {property: argument or ""} of a vocabulary of the output schema, from
    lexicons/<vocab>_properties.tsv (`barrel  volume:oil` → {"barrel": {"volume": "oil"}})."""
    table: dict[str, dict[str, str]] = {}
    for value, props, *_ in read_tsv(f"lexicons/{vocab}_properties.tsv"):
        for prop in props.split(","):
            key, _, arg = prop.strip().partition(":")
            table.setdefault(value.strip(), {})[key] = arg
    return table


@lru_cache(maxsize=None)
def with_property(vocab: str, prop: str) -> frozenset[str]:
    """The values of vocabulary `vocab` that have property `prop` (`event_type`, `fighting`)."""
    return frozenset(value for value, props in properties(vocab).items() if prop in props)
