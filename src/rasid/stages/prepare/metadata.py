"""Title, publication date, author and outlet from the header lines of a report.

Reports pasted or scraped as text keep their page header as lines before the body:
a heading, a byline (`سياسي | 15 أغسطس 2020 | مالك الحافظ`, `تقارير | 1 01 2021`,
`أخبار الآن | ريف الحسكة – سوريا ( خاص )`), an author line (`مالك الحافظ`) or an author
with a dateline (`حمزة فراتي – ديرالزور`). The header ends at the first line of prose.
Fields already known (given by the caller, a JSONL record or page metadata) are kept.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rasid.document import Document
from rasid.kb import outlets
from rasid.resources.catalogue import first_names, grammar_words, section_labels
from rasid.text.dates import find_date
from rasid.text.normalise import fold
from rasid.text.segment import paragraphs

_MAX_HEADER_LINES = 8
_MAX_TITLE_WORDS = 25
_BODY_WORDS = 15  # a line this long, or one ending in a full stop, is prose
_DASH_RE = re.compile(r"^(?P<left>[^–—\-|]{2,60}?)\s+[–—\-]\s+(?P<right>[^–—\-|]{2,60})$")


@dataclass
class Header:
    """What the header lines say; None where they say nothing."""
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    author: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


def read_metadata(doc: Document) -> Document:
    """Pipeline stage: fill the document's empty metadata fields from its header lines."""
    lines = [doc.text[p.start:p.end] for p in (doc.paragraphs or paragraphs(doc.text))]
    header = read_header(lines)
    for key in ("title", "outlet", "author"):
        if getattr(doc, key) is None and getattr(header, key) is not None:
            setattr(doc, key, getattr(header, key))
    if doc.published is None and header.published is not None:
        doc.published = header.published
        doc.meta.setdefault("published_from", "text")
    for key, value in header.extra.items():
        doc.meta.setdefault(key, value)
    return doc


def read_header(lines: list[str]) -> Header:
    """Read the lines before the first prose line."""
    header = Header()
    for line in lines[:_MAX_HEADER_LINES]:
        line = line.strip()
        if _is_prose(line):
            break
        if "|" in line:
            _read_byline(line.split("|"), header)
        elif (m := _DASH_RE.match(line)) and _read_dash_line(m["left"].strip(), m["right"].strip(), header):
            pass
        elif header.author is None and looks_like_person(line):
            header.author = line
        elif header.published is None and (date := find_date(line)) and len(line.split()) <= 6:
            header.published = date
        elif header.title is None and len(line.split()) <= _MAX_TITLE_WORDS:
            header.title = line
    return header


def _read_byline(parts: list[str], header: Header) -> None:
    """`section | date | author` and `outlet | dateline`, in any order."""
    parts = [p.strip() for p in parts if p.strip()]
    has_dateline = any(_is_dateline(p) for p in parts)
    for i, part in enumerate(parts):
        folded = fold(part)
        if header.published is None and (date := find_date(part)):
            header.published = date
        elif folded in outlets():
            header.outlet = header.outlet or outlets()[folded]["name"]
        elif folded in section_labels():
            header.extra.setdefault("section", part)
        elif _is_dateline(part):
            header.extra.setdefault("dateline", part)
        elif looks_like_person(part):
            header.author = header.author or part
        elif i == 0 and has_dateline:
            header.outlet = header.outlet or part  # an outlet we do not know, before its dateline
        else:
            header.extra.setdefault("section", part)


def _read_dash_line(left: str, right: str, header: Header) -> bool:
    """`author – place` or `outlet – place`; False when neither side fits."""
    if fold(left) in outlets():
        header.outlet = header.outlet or outlets()[fold(left)]["name"]
    elif looks_like_person(left):
        header.author = header.author or left
    else:
        return False
    header.extra.setdefault("dateline", right)
    return True


def looks_like_person(text: str) -> bool:
    """Two to four words that start with a known first name and carry no punctuation."""
    words = text.split()
    if not 2 <= len(words) <= 4 or re.search(r"[^\w\s\u0640\u064b-\u065f]", text):
        return False
    return fold(words[0]) in first_names()


def _is_dateline(part: str) -> bool:
    return any(cue in part for cue in grammar_words("dateline"))


def _is_prose(line: str) -> bool:
    """Long, or a sentence; separators (`|`, `–`, brackets) are not words."""
    words = sum(1 for token in line.split() if re.search(r"\w", token))
    return words >= _BODY_WORDS or (line.endswith((".", "،")) and words > 3)
