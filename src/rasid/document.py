"""The document model: one `Document` owns the text; every annotation is a span into it.

Field names follow ../shared/spec/OUTPUT.md (the extraction contract). Records are plain
dataclasses so that stages stay small functions and `to_dict()` is a direct mapping.
Everything that points into the text carries `start`/`end` (code points, end exclusive)
and `doc.text[start:end] == record.text` holds for every record that has a `text`.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field, fields
from functools import cached_property
from typing import Any

from rasid.text.normalise import Normalised, normalise


@dataclass(slots=True)
class Region:
    """A stretch of text later stages skip (boilerplate: cookie banners, link lines)."""
    start: int
    end: int
    kind: str


@dataclass(slots=True)
class Segment:
    """A paragraph or a sentence."""
    start: int
    end: int


@dataclass(slots=True)
class Part:
    """One clitic or the stem of a token, at its surface offsets."""
    start: int
    end: int
    kind: str  # conj, prep, det, stem

    def __reduce__(self):  # positional: a report's thousands of parts cross to and from workers
        return Part, (self.start, self.end, self.kind)


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    kind: str  # word, number, latin, punct, symbol
    parts: tuple[Part, ...] = ()

    def __reduce__(self):  # positional: cheaper to pickle than the slots state (rasid.workers)
        return Token, (self.start, self.end, self.text, self.kind, self.parts)

    @property
    def stem(self) -> Part:
        """The part left once leading clitics are taken off (the whole token if none)."""
        return self.parts[-1] if self.parts else Part(self.start, self.end, "stem")


@dataclass(slots=True)
class Mention:
    id: str
    start: int
    end: int
    text: str
    type: str  # PER, ORG, LOC, MISC
    entity: str | None = None


@dataclass(slots=True)
class Entity:
    id: str
    type: str
    name: str
    name_en: str | None = None
    kb: str | None = None
    aliases: list[str] = field(default_factory=list)
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    kind: str | None = None            # place kind (city, admin1, field …) or actor kind (armed_group …)
    admin1: str | None = None          # governorate or province, English, as ACLED writes it
    geo_precision: int | None = None   # ACLED: 1 town, 2 part of a region or near a town, 3 region
    refs: list[dict] = field(default_factory=list)  # anaphors (`التنظيم`) that refer back to it


@dataclass(slots=True)
class Quantity:
    id: str
    start: int
    end: int
    text: str
    value: float | int | None
    low: float | int | None
    high: float | int | None
    qualifier: str
    unit: str | None = None
    per: str | None = None
    item: str | None = None


@dataclass(slots=True)
class Time:
    id: str
    start: int
    end: int
    text: str
    value: str | None
    precision: str | None
    relative: bool = False


@dataclass(slots=True)
class Source:
    text: str | None
    kind: str
    entity: str | None = None
    cue: str | None = None
    hedged: bool = False
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class Event:
    id: str
    type: str
    trigger: Segment
    evidence: Segment
    date: str | None = None
    date_precision: str | None = None
    location: str | None = None
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    killed: dict | None = None
    injured: dict | None = None
    quantities: list[str] = field(default_factory=list)
    source: Source | None = None


@dataclass(slots=True)
class Claim:
    id: str
    channel: str
    role: str
    evidence: Segment
    actor: str | None = None
    asset: str | None = None
    quantities: list[str] = field(default_factory=list)
    time: str | None = None
    location: str | None = None
    polarity: str = "affirmed"
    source: Source | None = None


#: Annotation lists that `to_dict()` writes, in the contract's order.
ANNOTATION_KEYS = ("mentions", "entities", "quantities", "times", "events", "claims")

#: Document-level metadata fields of the contract's `doc` object.
META_KEYS = ("title", "published", "outlet", "author")


@dataclass
class Document:
    """A report and everything found in it. Stages add to the lists; none rewrite `text`."""
    text: str
    id: str | None = None
    path: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    lang: str = "ar"
    meta: dict[str, Any] = field(default_factory=dict)
    boilerplate: list[Region] = field(default_factory=list)
    paragraphs: list[Segment] = field(default_factory=list)
    sentences: list[Segment] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    #: Shared analysis that stages put on the document for later stages (never written out):
    #: the `read` stage's reading of the tokens (rasid.stages.reading.view.Reading) and the
    #: `attribution` stage's sources of statements (rasid.stages.attribution.Attribution).
    reading: Any = field(default=None, repr=False, compare=False)
    attribution: Any = field(default=None, repr=False, compare=False)

    def without_analysis(self) -> "Document":
        """The document less its stages' shared analysis, to send to another process: the reading
        holds the lexicons' tables (tens of MB pickled) and nothing downstream reads it."""
        self.reading = self.attribution = None
        self.__dict__.pop("normalised", None)  # the cached folding: made again from the text on demand
        return self

    @cached_property
    def normalised(self) -> Normalised:
        """The text folded for matching, with a map back to `text` offsets (computed once)."""
        return normalise(self.text)

    def in_boilerplate(self, start: int, end: int) -> bool:
        """True when the span overlaps a boilerplate region."""
        return any(r.start < end and start < r.end for r in self.boilerplate)

    def to_dict(self, with_text: bool = False) -> dict[str, Any]:
        """The contract object of OUTPUT.md, plus the extra fields Rasid adds."""
        doc: dict[str, Any] = {"id": self.id, "path": self.path}
        if with_text:
            doc["text"] = self.text
        doc.update({k: getattr(self, k) for k in META_KEYS})
        doc["lang"] = self.lang
        doc["url"] = self.url
        doc["meta"] = dict(self.meta)
        out: dict[str, Any] = {"doc": doc}
        for key in ANNOTATION_KEYS:
            out[key] = [_record_dict(r) for r in getattr(self, key)]
        out["boilerplate"] = [_record_dict(r) for r in self.boilerplate]
        return out


def _record_dict(record: Any) -> dict[str, Any]:
    """`dataclasses.asdict(record)`, without its deep copy of every string and number (a report's
    records took 0.25 ms, a sixtieth of the whole extraction)."""
    names = _FIELD_NAMES.get(type(record))
    if names is None:
        names = _FIELD_NAMES[type(record)] = tuple(f.name for f in fields(record))
    return {name: _plain(getattr(record, name)) for name in names}


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
_ATOMS = (str, int, float, bool, type(None))


def _plain(value: Any) -> Any:
    """A field's value as `asdict` gives it: records as dicts, containers of the same type."""
    if isinstance(value, _ATOMS):
        return value
    if type(value) in _FIELD_NAMES or (hasattr(value, "__dataclass_fields__") and not isinstance(value, type)):
        return _record_dict(value)
    if isinstance(value, tuple) and hasattr(value, "_fields"):  # a named tuple
        return type(value)(*[_plain(v) for v in value])
    if isinstance(value, (list, tuple)):
        return type(value)(_plain(v) for v in value)
    if isinstance(value, dict):
        return type(value)((_plain(k), _plain(v)) for k, v in value.items())
    return copy.deepcopy(value)


def document_from_dict(data: dict[str, Any]) -> Document:
    """Rebuild the metadata and text of a `to_dict(with_text=True)` object.

    Annotations are kept as they were stored; the store reads them as plain dicts.
    """
    doc = data.get("doc", data)
    known = {f.name for f in fields(Document)} & set(META_KEYS + ("id", "path", "url", "lang", "meta"))
    return Document(text=doc["text"], **{k: doc[k] for k in known if k in doc})
