"""Lexicons are checked as they are read, the way FollowTheMoney checks its schema files.

A column that holds a value of a closed vocabulary of the output schema (an event type, a
channel, a role, a unit, a source kind, a qualifier …) must hold one of that vocabulary's
values, and the columns the code reads by name (a quantity cue's role, a property, a grammar
role) one of the names the code knows; otherwise reading the file raises a `LexiconError` that
names the file, the line and the bad value. `check_row` is called by `catalogue.read_tsv` for
every row of the files listed in `_COLUMNS`; other files are read unchecked.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path

from rasid.resources.files import LexiconError, vocabulary

Checked = Iterator[tuple[str, str]]  # (value, vocabulary) pairs of one row

_CURRENCY = re.compile(r"[A-Z]{3}")  # ISO 4217 codes are units too (the schema says so)
# Vocabularies of the code, not of the output schema: the names the code asks the files for.
_LOCAL = {
    "event trigger class": ("trigger", "killed", "injured", "leader", "place", "money", "generic", "means", "release", "captive", "record",
                            "another"),
    "event trigger need": ("support", "on", "from", "place", "leaves", "object", "money", "date", "people", "people_after", "done", "unhandled", "no_toll", "deal", "no_treaty", "no_sale",
                           "literal", "physical", "by_a_group", "aimed"),
    "claim channel class": ("word", "cued", "asset", "ctx", "support", "idiom", "market"),
    "claim role class": ("cue", "takeover", "taking", "purchase", "payment", "receipt", "demand", "derived", "money", "default", "conduit"),
    "claim role need": ("object", "authority", "money", "group"),
    "quantity cue role": ("before", "verb", "after", "range_start", "range_link", "rate", "identifier", "item"),
    "event_type property": ("fighting", "counted", "definite_needs_support", "how", "own_incident"),
    "channel property": ("movable", "invested", "military", "goods", "national", "predatory", "income", "conduit", "money"),
    "role property": ("money", "governing", "cash"),
    "unit property": ("duration", "not_carried", "not_amount", "volume"),
    "source_kind property": ("patterns",),
    "grammar role": ("not_article", "kunya", "not_before_verb", "name_split", "name_trailing", "qad", "subjunctive",
                     "was", "perfect_with_ta", "year_word", "them", "counts_people", "one", "change_verb", "number_of", "range_to", "few_after", "from", "and_half", "range_and", "teen",
                     "auxiliary", "on", "from_pronoun", "joiner", "except", "rich_in", "from_them", "preposition", "dateline", "took_place", "day_noun", "story_day", "clause_opener", "purpose_noun", "person_relative", "launch", "to", "forcing", "combating", "by_agent", "accusing", "control", "topic_shift", "not_money", "moving", "accomplished", "the_country", "perpetrator", "clause_particle", "campaign", "using", "another", "ongoing", "one_of", "release", "civilian_payer", "income_source", "income", "financial", "provision", "trade", "exceptive", "any", "contrast", "statement_setting", "inflicting", "comes", "demonstrative", "in_incident", "support_participle", "subset", "under", "achieving", "wounds", "in_return", "since", "speaks_for", "holding", "handling", "between_sides", "carrying_out", "telling", "publishing", "statement_noun", "aside", "demanding", "time_conjunction", "share", "duration", "denying", "the_people", "listing", "support_noun", "own_part", "taker", "police_seizure", "national_output", "smuggled", "purpose", "their_leaders", "counting", "sparked", "verdict", "issued", "arms_held", "common_person", "deal_content", "treaty", "issued_indefinite", "issued_by", "time_clause", "time_clause_head", "recovering", "kin", "measure_noun", "sale", "wages", "member", "sum_told", "protection", "day_part", "civilian_body", "made_by", "sum", "still", "land", "met_death", "takes_ground", "civil_land", "ground_verb", "operation", "similar", "until", "resource", "resource_kind", "treasury", "other_senses", "extremist_stem", "force", "violence", "funding", "trade_of_it", "declining", "abstract_target", "belonging", "object_pronoun"),
    "function word class": ("preposition", "conjunction", "relative", "particle", "auxiliary", "demonstrative"),
    "suffix kind": ("pronoun", "plural", "nisba"),
}
_PROPERTY_ARGS = {("unit", "volume"): "channel"}  # a property with an argument: its vocabulary


def check_row(name: str, path: Path, line: int, row: list[str]) -> None:
    """Raise LexiconError if a vocabulary column of `row` (line `line` of resource `name`) holds
    a value its vocabulary lacks."""
    columns = _COLUMNS.get(name)
    if columns is None:
        return
    for value, vocab in columns(row):
        if value not in allowed(vocab):
            shown = ", ".join(allowed(vocab))
            raise LexiconError(f"{path}, line {line}: {value!r} is not a value of {vocab} (one of: {shown})")


def checked_files() -> tuple[str, ...]:
    """The resources whose rows are checked."""
    return tuple(_COLUMNS)


@lru_cache(maxsize=None)
def allowed(vocab: str) -> tuple[str, ...]:
    """The values of a vocabulary: the code's own (`_LOCAL`) or the output schema's."""
    return _LOCAL[vocab] if vocab in _LOCAL else vocabulary(vocab)


def _col(row: list[str], k: int) -> str:
    return row[k].strip() if k < len(row) else ""


def _event_triggers(row: list[str]) -> Checked:
    yield _col(row, 1), "event trigger class"
    if _col(row, 1) in ("trigger", "means"):
        yield _col(row, 2), "event_type"
    yield from _needs(row, "event trigger need")


def _needs(row: list[str], vocab: str) -> Checked:
    """The needs as the lexicon reader takes them (comma-separated, `-` for none)."""
    for need in (row[4].split(",") if len(row) > 4 else ()):
        if need and need != "-":
            yield need, vocab


def _claim_channels(row: list[str]) -> Checked:
    yield _col(row, 1), "claim channel class"
    yield _col(row, 2), "channel"


def _claim_roles(row: list[str]) -> Checked:
    """A `default` row names a channel and its role; `money` the channel generic money is."""
    cls = _col(row, 1)
    yield cls, "claim role class"
    yield from _needs(row, "claim role need")
    if cls == "default":
        yield _col(row, 0), "channel"
    yield _col(row, 2), "channel" if cls == "money" else "role"


def _source_kinds(row: list[str]) -> Checked:
    yield _col(row, 2), "source_kind"


def _units(row: list[str]) -> Checked:
    if not _CURRENCY.fullmatch(_col(row, 1)):
        yield _col(row, 1), "unit"


def _quantity_cues(row: list[str]) -> Checked:
    role, _, arg = _col(row, 1).partition(":")
    yield role, "quantity cue role"
    if role in ("before", "verb", "after"):
        yield arg, "qualifier"
    elif role == "rate":
        yield arg, "rate"


def _ner_names(row: list[str]) -> Checked:
    yield _col(row, 1), "entity_type"


def _boilerplate(row: list[str]) -> Checked:
    yield _col(row, 0), "boilerplate_kind"


def _properties(vocab: str) -> Callable[[list[str]], Checked]:
    def check(row: list[str]) -> Checked:
        yield _col(row, 0), vocab
        for prop in _col(row, 1).split(","):
            name, _, arg = prop.strip().partition(":")
            yield name, f"{vocab} property"
            if (vocab, name) in _PROPERTY_ARGS:
                yield arg, _PROPERTY_ARGS[vocab, name]
    return check


def _keyed(vocab: str) -> Callable[[list[str]], Checked]:
    """Rows of `word  key[,key…]`: every key is one of `vocab`."""
    def check(row: list[str]) -> Checked:
        for key in _col(row, 1).split(","):
            yield key.strip(), vocab
    return check


_COLUMNS: dict[str, Callable[[list[str]], Checked]] = {
    "lexicons/event_triggers.tsv": _event_triggers,
    "lexicons/claim_channels.tsv": _claim_channels,
    "lexicons/claim_roles.tsv": _claim_roles,
    "lexicons/source_kinds.tsv": _source_kinds,
    "lexicons/units.tsv": _units,
    "lexicons/quantity_cues.tsv": _quantity_cues,
    "lexicons/ner_names.tsv": _ner_names,
    "lexicons/boilerplate.tsv": _boilerplate,
    "lexicons/event_type_properties.tsv": _properties("event_type"),
    "lexicons/channel_properties.tsv": _properties("channel"),
    "lexicons/role_properties.tsv": _properties("role"),
    "lexicons/unit_properties.tsv": _properties("unit"),
    "lexicons/source_kind_properties.tsv": _properties("source_kind"),
    "lexicons/grammar_words.tsv": _keyed("grammar role"),
    "lexicons/function_words.tsv": _keyed("function word class"),
    "lexicons/suffixes.tsv": _keyed("suffix kind"),
}
