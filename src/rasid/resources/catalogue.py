"""Find and load the package's data files, once each.

Resources are data, not code: lexicons are TSV files under `resources/`, checked as they are
read against the vocabularies of the output schema (rasid.resources.checks). Setting the
environment variable RASID_DATA to a folder makes files there take precedence, so a user
can try a rebuilt lexicon without reinstalling. Loaders are cached: a resource is read at
first use, never at import.
"""
from __future__ import annotations

import json
import re
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from rasid.errors import RasidError
from rasid.text.normalise import fold

if TYPE_CHECKING:  # imported where used: the lexicon module imports this one
    from rasid.text.lexicon import PhraseTable

PACKAGE_DIR = Path(__file__).resolve().parent


def resource_path(name: str) -> Path:
    """The file `name` (e.g. `lexicons/months.tsv`), from RASID_DATA if it has one."""
    override = os.environ.get("RASID_DATA")
    if override and (Path(override) / name).is_file():
        return Path(override) / name
    path = PACKAGE_DIR / name
    if not path.is_file():
        raise FileNotFoundError(f"rasid resource {name!r} not found at {path}")
    return path


class LexiconError(RasidError, ValueError):
    """A lexicon that breaks its file's rules: names the file and, for a bad row, its line and value."""


def read_tsv(name: str) -> list[list[str]]:
    """Rows of a TSV resource, skipping blank lines and `#` comments. A lexicon's vocabulary
    columns are checked as it is read (rasid.resources.checks): a bad value raises LexiconError."""
    return [row for _, row in read_numbered_tsv(name)]


def read_numbered_tsv(name: str) -> list[tuple[int, list[str]]]:
    """(line number, row) of a TSV resource, checked like `read_tsv`."""
    from rasid.resources.checks import check_row, checked_files
    rows = []
    path = resource_path(name)
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.strip() and not line.startswith("#"):
                rows.append((number, line.split("\t")))
    if name in checked_files():
        for number, row in rows:
            check_row(name, path, number, row)
    return rows


@lru_cache(maxsize=None)
def word_frequencies() -> dict[str, int]:
    """Folded word → count in ~9M words of Arabic news (guides clitic segmentation)."""
    return {row[0]: int(row[1]) for row in read_tsv("lexicons/wordfreq.tsv")}


@lru_cache(maxsize=None)
def month_names() -> dict[str, tuple[int, str]]:
    """Folded month name → (month number, calendar system: gregorian or hijri)."""
    return {fold(name): (int(month), system) for name, month, system, *_ in read_tsv("lexicons/months.tsv")}


@lru_cache(maxsize=None)
def first_names() -> frozenset[str]:
    """Folded Arabic first names (helps recognise an author line)."""
    return frozenset(fold(row[0]) for row in read_tsv("lexicons/first_names.tsv"))


def outlets() -> dict[str, dict[str, str]]:
    """Folded outlet name or alias → {id, name, name_en}: the media of the actor base."""
    from rasid.kb import outlets as kb_outlets
    return kb_outlets()


@lru_cache(maxsize=None)
def output_schema() -> dict:
    """The JSON Schema of `rasid extract` output (the contract of OUTPUT.md)."""
    with open(resource_path("schema/output.schema.json"), encoding="utf-8") as f:
        return json.load(f)


def vocabulary(name: str) -> tuple[str, ...]:
    """A closed vocabulary of the contract (e.g. `event_type`), read from the schema."""
    return tuple(v for v in output_schema()["$defs"][name]["enum"] if v is not None)


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


@dataclass(frozen=True, slots=True)
class NumberWord:
    value: float
    kind: str  # unit, ten, hundred, scale, dual_scale, plural_scale, vague, fraction, few


@dataclass(frozen=True, slots=True)
class UnitWord:
    unit: str
    item: str
    number: str  # sg, du, pl


@dataclass(frozen=True, slots=True)
class Cue:
    role: str  # before, verb, after, range_start, range_link, rate, identifier, item
    arg: str | None = None


@lru_cache(maxsize=None)
def number_words() -> "PhraseTable[NumberWord]":
    """Arabic number words (ثلاث, عشرون, مئة, ألف, مليون, نصف, عشرات …)."""
    from rasid.text.lexicon import PhraseTable
    return PhraseTable(((form, NumberWord(_number(value), kind))
                        for form, value, kind, *_ in read_tsv("lexicons/numbers.tsv")), accusative_alef=True)


@lru_cache(maxsize=None)
def unit_words() -> "PhraseTable[UnitWord]":
    """Counted nouns and units of measure with their unit code (دولار → USD, عنصر → person)."""
    from rasid.text.lexicon import PhraseTable
    return PhraseTable(((form, UnitWord(unit, item, number))
                        for form, unit, item, number, *_ in read_tsv("lexicons/units.tsv")), accusative_alef=True)


@lru_cache(maxsize=None)
def quantity_cues() -> "PhraseTable[Cue]":
    """Qualifier, range, rate, item and identifier cues around numbers."""
    from rasid.text.lexicon import PhraseTable
    rows = read_tsv("lexicons/quantity_cues.tsv")
    return PhraseTable((cue, Cue(*role.split(":", 1))) for cue, role, *_ in rows)


def _number(text: str) -> float:
    value = float(text)
    return int(value) if value.is_integer() else value
