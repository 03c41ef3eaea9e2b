"""Paragraphs and sentences as spans of the text.

News text read from files and pages has one paragraph per line; a paragraph is a non-empty
line without its surrounding spaces. Sentences end at `. ! ? ؟ …` (and runs of them) when
followed by a space, a quote or the end of the paragraph, or when glued to the next
sentence's first word (a space missing) — but not after a single-letter initial (`م. ح`, an
anonymised source), inside a number (`3.5`), an acronym (`سي.إن.إن`) or a domain (`العربية.نت`).
"""
from __future__ import annotations

import re

from rasid.document import Segment

_LINE_RE = re.compile(r"[^\n]+")
# Sentence end: terminal punctuation (optionally closing quotes/brackets) then space or end.
# Or glued to the next sentence's first word, a space missing (`السعودية".حيث يتهم`, `الدولية.وأشارت`):
# after a word of four letters or more (tanween counted: جداً) or a closing quote, before three letters or more — not
# a transliterated acronym (`سي.إن.إن`, `كيه.كيه.آر`, `ق.م`) nor a domain (`العربية.نت`, `ماركت.كوم`).
_END_RE = re.compile(r"[.!?؟…]+[\"'”’»)\]]*(?=\s|$)"
                     r"|(?:(?<=[\u0621-\u0652]{4})|(?<=[\"'”’»)\]]))[.!?؟…]+"
                     r"(?!(?:نت|كوم|أورغ|اورغ|أورج|اورج)(?![\u0621-\u064A]))(?=[\u0621-\u064A]{3})")
# An initial before a full stop: one word character after the paragraph's start or a space; the
# match ends at the stop, so searching the two characters before it suffices (linear, not a
# re-scan of the paragraph at every stop).
_INITIAL_RE = re.compile(r"(?:^|[\s(\"“«])\w$")


def paragraphs(text: str) -> list[Segment]:
    """Each non-blank line, trimmed of surrounding white space."""
    out = []
    for m in _LINE_RE.finditer(text):
        start, end = _trim(text, *m.span())
        if start < end:
            out.append(Segment(start, end))
    return out


def sentences(text: str, paras: list[Segment] | None = None) -> list[Segment]:
    """Sentences inside each paragraph; a sentence never crosses a paragraph boundary."""
    out: list[Segment] = []
    for para in paras if paras is not None else paragraphs(text):
        out.extend(_split_paragraph(text, para.start, para.end))
    return out


def _split_paragraph(text: str, start: int, end: int) -> list[Segment]:
    out = []
    chunk = text[start:end]
    begin = 0
    for m in _END_RE.finditer(chunk):
        if m.group()[0] == "." and _INITIAL_RE.search(chunk, max(0, m.start() - 2), m.start()):
            continue  # "م. ح": an initial, not a sentence end
        s, e = _trim(text, start + begin, start + m.end())
        if s < e:
            out.append(Segment(s, e))
        begin = m.end()
    s, e = _trim(text, start + begin, end)
    if s < e:
        out.append(Segment(s, e))
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
