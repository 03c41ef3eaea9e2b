"""Find and load the package's data files, once each.

Resources are data, not code: lexicons are TSV files under `resources/`. Setting the
environment variable RASID_DATA to a folder makes files there take precedence, so a user
can try a rebuilt lexicon without reinstalling. Loaders are cached: a resource is read at
first use, never at import.
"""
from __future__ import annotations

import json
import re
import os
from functools import lru_cache
from pathlib import Path

from rasid.text.normalise import fold

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


def read_tsv(name: str) -> list[list[str]]:
    """Rows of a TSV resource, skipping blank lines and `#` comments."""
    rows = []
    with open(resource_path(name), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.strip() and not line.startswith("#"):
                rows.append(line.split("\t"))
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
