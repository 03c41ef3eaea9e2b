"""Phrase tables of amounts: number words, units and counted nouns, and the cues around numbers.

The lists are data (`lexicons/numbers.tsv`, `units.tsv`, `quantity_cues.tsv`, found and read by
rasid.resources.catalogue); this module builds `PhraseTable`s of them, once each, at first use.
The quantities stage reads amounts with them; the mentions and events stages ask whether a word
is a number word or a unit.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rasid.resources.catalogue import read_tsv
from rasid.text.normalise import fold
from rasid.text.lexicon import PhraseTable


@dataclass(frozen=True, slots=True)
class NumberWord:
    value: float
    kind: str  # unit, ten, hundred, scale, dual_scale, plural_scale, vague, fraction, few


@dataclass(frozen=True, slots=True)
class UnitWord:
    unit: str
    item: str
    number: str  # sg, du, pl
    factor: float = 1  # one of the form in the unit (غرام = 0.001 kg)


@dataclass(frozen=True, slots=True)
class Cue:
    role: str  # before, verb, after, range_start, range_link, rate, identifier, item
    arg: str | None = None


@lru_cache(maxsize=None)
def number_words() -> PhraseTable[NumberWord]:
    """Arabic number words (ثلاث, عشرون, مئة, ألف, مليون, نصف, عشرات …)."""
    return PhraseTable(((form, NumberWord(_number(value), kind))
                        for form, value, kind, *_ in read_tsv("lexicons/numbers.tsv")), accusative_alef=True)


@lru_cache(maxsize=None)
def unit_words() -> PhraseTable[UnitWord]:
    """Counted nouns and units of measure with their unit code (دولار → USD, عنصر → person).
    A dual is written in the lexicon in its oblique form (جنديين); its nominative (جنديان) is
    the same word, so both are read."""
    rows = [(form, UnitWord(unit, item, number, float(rest[0]) if rest and rest[0] else 1))
            for form, unit, item, number, *rest in read_tsv("lexicons/units.tsv")]
    nominative = [(_nominative_dual(form), word) for form, word in rows if word.number == "du"]
    return PhraseTable([*rows, *((form, word) for form, word in nominative if form)], accusative_alef=True)


@lru_cache(maxsize=None)
def shared_currencies() -> dict[str, tuple[str, ...]]:
    """A currency noun several countries share, bare (ريال) → the codes it takes with a country
    adjective in units.tsv (SAR, IRR, QAR, YER, OMR), the bare form's own code first."""
    rows = [(fold(form).split(), unit) for form, unit, item, *_ in read_tsv("lexicons/units.tsv") if item == "money"]
    out: dict[str, list[str]] = {}
    for words, unit in rows:
        if len(words) == 1:
            others = [u for w, u in rows if len(w) == 2 and w[0] == words[0] and u != unit]
            if others:
                out[words[0]] = [unit, *dict.fromkeys(others)]
    return {word: tuple(codes) for word, codes in out.items()}


@lru_cache(maxsize=None)
def currency_countries() -> dict[str, frozenset[str]]:
    """Currency code → the folded words that name its country (lexicons/currency_countries.tsv)."""
    return {code: frozenset(words.split("|")) for code, words in read_tsv("lexicons/currency_countries.tsv")}


def _nominative_dual(form: str) -> str | None:
    """`جنديين` → `جنديان`, `امرأتين` → `امرأتان`; None for a form that is no oblique dual."""
    words = form.split()
    if not words[0].endswith("ين") or len(words[0]) < 4:
        return None
    return " ".join([words[0][:-2] + "ان", *words[1:]])


@lru_cache(maxsize=None)
def quantity_cues() -> PhraseTable[Cue]:
    """Qualifier, range, rate, item and identifier cues around numbers."""
    rows = read_tsv("lexicons/quantity_cues.tsv")
    return PhraseTable((cue, Cue(*role.split(":", 1))) for cue, role, *_ in rows)


def _number(text: str) -> float:
    value = float(text)
    return int(value) if value.is_integer() else value
