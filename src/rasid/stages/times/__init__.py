"""Pipeline stage `times`: every date or period a report refers to, resolved to the calendar.

The shared reading's folded tokens (`doc.reading`, so spelling variants match) are scanned
once: at each token every reader of the grammar is tried and the longest match
wins (`times.grammar` for calendar dates, `times.relative` for times named from the
publication date). What a match says (`Spec`) is resolved against `doc.published`
(`times.resolve`); without a publication date a relative time keeps its span with a null
value. Spans are `doc.text` offsets; matches in boilerplate are dropped.
"""
from __future__ import annotations

import re

from rasid.document import Document, Time
from rasid.text.normalise import fold
from rasid.stages.times.grammar import (Found, read_coordinated, read_date, read_era_year, read_numeric_date,
                                         read_years)
from rasid.stages.reading.lexicons import SOURCE_CUES
from rasid.stages.reading.view import Reading, reading_of
from rasid.stages.times.lexicon import Lexed, grammar_tokens
from rasid.stages.times.relative import read_ago, read_day_word, read_period, read_relative_unit, read_season
from rasid.stages.times.resolve import parse_anchor, resolve

_WORD_MARKS = re.compile("[\u0640\u064b-\u065f\u0670]")

#: Roles of words that start a time expression only before a number or another time word.
_LEADING = frozenset({"preposition", "rate_prep", "year_cue", "of", "year_join", "determiner", "this", "after_story"})

#: Top-level readers; at each token the one that reads furthest wins (the first on a tie).
READERS = (read_date, read_coordinated, read_numeric_date, read_period, read_season, read_years,
           read_era_year, read_relative_unit, read_ago, read_day_word)


def find_times(doc: Document) -> Document:
    """Stage: fill `doc.times` with every time expression outside boilerplate, ids t1, t2, … ."""
    anchor = parse_anchor(doc.published)
    reading = reading_of(doc)
    lx = Lexed(doc.text, grammar_tokens(doc.text, doc.tokens, reading.words), _speech_verb_ends(reading))
    doc.times = []
    number = 0
    for found in scan(lx):
        start = _start_after_clitic(lx, found.first)
        end = _end_after_marks(doc.text, lx.tokens[found.end - 1].end)
        value = resolve(found.spec, anchor)
        if doc.in_boilerplate(start, end) or (value is None and not found.spec.relative):
            continue  # page furniture, or a date that does not exist (31 شباط 2020)
        number += 1
        doc.times.append(Time(f"t{number}", start, end, doc.text[start:end], value,
                              found.spec.precision, found.spec.relative))
    return doc


def _speech_verb_ends(reading: Reading) -> frozenset[int]:
    """Where each speech verb of the report ends (`قال`, `يرى`): what follows it is its subject."""
    return frozenset(reading.chars(h.start, h.end)[1] for h in reading.hits(SOURCE_CUES) if h.entry("verb"))


def scan(lx: Lexed) -> list[Found]:
    """Every match in text order, each token read at most once as the start of a match."""
    out: list[Found] = []
    free = 0  # the first token not taken by a match yet
    for i in lx.starts:
        if i < free or not (lx.hits(i) or lx.tokens[i].kind == "num") or not _may_lead(lx, i):
            continue
        best = _longest(lx, i)
        if best:
            out.extend(best)
            free = max(i + 1, best[-1].end)
    return out


def _may_lead(lx: Lexed, i: int) -> bool:
    """Whether an expression may start at token `i`: a word that only leads into one (`في`,
    `من`, `هذا`, `بعد`: its time_cues.tsv roles all in `_LEADING`; two thirds of the starts in
    news) needs a number or another time word right after it, or the readers find nothing there."""
    hits = lx.hits(i)
    if lx.tokens[i].kind == "num" or any(h.role not in _LEADING for h in hits):
        return True
    return any(lx.hits(k) or (k < len(lx) and lx.tokens[k].kind == "num") for k in {i + 1, *(h.end for h in hits)})


def _start_after_clitic(lx: Lexed, i: int) -> int:
    """Start of token `i` without a leading clitic every reading of it needs (ومطلع → مطلع),
    past the marks the clitic letters carry (وَمطلع)."""
    clitic = min((h.clitic for h in lx.hits(i)), key=len, default="")
    pos, letters = lx.tokens[i].start, len(clitic)
    while letters or (clitic and not fold(lx.text[pos])):
        letters -= bool(fold(lx.text[pos]))
        pos += 1
    return pos


def _end_after_marks(text: str, end: int) -> int:
    """Take in the tatweel and diacritics that end the last word (`هـ`, `أمسِ`)."""
    while end < len(text) and _WORD_MARKS.match(text, end):
        end += 1
    return end


def _longest(lx: Lexed, i: int) -> list[Found] | None:
    best: list[Found] | None = None
    for reader in READERS:
        found = reader(lx, i)
        if found and (best is None or found[-1].end > best[-1].end):
            best = found
    return best
