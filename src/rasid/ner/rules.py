"""Names a model trained on 2007 news misses, found by patterns whose words are data (ner_cues.tsv).

- kunya and laqab: `أبو صهيب`, `أبو روميسة البريطاني`, `وأبو بكر البغدادي` → PER;
- initials of an anonymised source: `م. ح` → PER;
- operation names quoted or bracketed after a cue: `حملة “عاصفة الجزيرة”`, `تحت مسمى (دحر الإرهاب)` → MISC;
- show titles in a podcast block: `شو الحل؟ - الموسم الثالث` → MISC;
- names in quotes after an outlet head: `وكالة "رويترز"` → ORG;
- the byline's author (found by the metadata stage) → PER;
- names of lexicons/ner_names.tsv (cryptocurrencies, epidemics) → their type.
Hashtags need no rule: `#` is a token of its own, so `#ديرالزور` is tagged as `ديرالزور`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from rasid.document import Document, Token
from rasid.ner.spans import Span, skip_letters
from rasid.resources.catalogue import read_tsv
from rasid.text.lexicon import PhraseTable
from rasid.text.normalise import WORD_CACHE, fold
from rasid.text.tokens import stem_variants

_OPEN, _CLOSE = frozenset("\"“«(['‘"), frozenset("\"”»)]'’")
_MAX_QUOTED = 5   # words of a quoted name
_HEADER_CHARS = 400
_SHOW_RE = r"^\s*(?P<title>[^\n\-–—?؟!]{{2,40}}?)\s*[?؟!]?\s*[-–—]\s*(?:{cues})"


@lru_cache(maxsize=None)
def cues() -> dict[str, frozenset[str]]:
    """Role → folded cue words, from lexicons/ner_cues.tsv."""
    table: dict[str, set[str]] = {}
    for word, role, *_ in read_tsv("lexicons/ner_cues.tsv"):
        table.setdefault(role, set()).add(fold(word))
    return {role: frozenset(words) for role, words in table.items()}


@lru_cache(maxsize=None)
def name_table() -> PhraseTable[str]:
    """Folded names → type, from lexicons/ner_names.tsv."""
    return PhraseTable((name, kind) for name, kind, *_ in read_tsv("lexicons/ner_names.tsv"))


def rule_spans(doc: Document) -> list[Span]:
    """Every span the rules find, in no particular order (the merge sorts them)."""
    return [*kunya_spans(doc), *initial_spans(doc), *quoted_spans(doc), *show_spans(doc), *byline_spans(doc),
            *lexicon_spans(doc)]


def lexicon_spans(doc: Document) -> list[Span]:
    """Names of ner_names.tsv, the first word's clitic left out."""
    heads = [i for i, t in enumerate(doc.tokens) if t.kind == "word" and "name" in _roles(t.text)]
    if not heads:
        return []
    words = [fold(t.text) for t in doc.tokens]
    table, out, end = name_table(), [], 0
    for i in heads:
        if i < end:
            continue  # inside the name found before
        m = table.match(words, i)
        if m is None:
            continue
        first = doc.tokens[i]
        start = skip_letters(doc.text, first.start, first.end, len(m.clitic))
        out.append(Span(start, doc.tokens[m.end - 1].end, m.entries[0], "rule"))
        end = m.end
    return out


def _is(token: Token, role: str) -> bool:
    return token.kind == "word" and role in _roles(token.text)


@lru_cache(maxsize=WORD_CACHE)
def _roles(word: str) -> frozenset[str]:
    """Cue roles of a word, read with or without its leading clitics."""
    forms = stem_variants(fold(word))
    roles = {role for role, words in cues().items() if any(f in words for f in forms)}
    if any(f in _name_heads() for f in forms):
        roles.add("name")
    return frozenset(roles)


@lru_cache(maxsize=None)
def _name_heads() -> frozenset[str]:
    """Folded first words of the names of ner_names.tsv."""
    return frozenset(fold(name).split()[0] for name, *_ in read_tsv("lexicons/ner_names.tsv"))


def _joined(doc: Document, a: int, b: int, space: bool = True) -> bool:
    """True when tokens a and b are neighbours separated by spaces only (or nothing)."""
    gap = doc.text[doc.tokens[a].end:doc.tokens[b].start]
    return gap == "" or (space and gap.isspace() and "\n" not in gap)


def _nisba(token: Token) -> bool:
    word = fold(token.text)
    return token.kind == "word" and word.startswith("ال") and word.endswith("ي") and len(word) >= 5


def kunya_spans(doc: Document) -> list[Span]:
    toks, out = doc.tokens, []
    for i in range(len(toks) - 1):
        if toks[i].kind != "word" or "kunya" not in _roles(toks[i].text):  # _is, inlined: every token asks
            continue
        name = toks[i + 1]
        if name.kind != "word" or not _joined(doc, i, i + 1):
            continue
        if fold(name.text) in cues().get("not_kunya", ()) or len(fold(name.text)) < 3:
            continue
        end = i + 2 if i + 2 < len(toks) and _nisba(toks[i + 2]) and _joined(doc, i + 1, i + 2) else i + 1
        word = fold(toks[i].text)
        head = next(v for v in stem_variants(word) if v in cues()["kunya"])
        start = skip_letters(doc.text, toks[i].start, toks[i].end, len(word) - len(head))
        out.append(Span(start, toks[end].end, "PER", "rule"))
    return out


def initial_spans(doc: Document) -> list[Span]:
    """`م. ح`: one letter, a full stop, one letter — an anonymised person."""
    toks, out = doc.tokens, []
    for k in range(1, len(toks) - 1):
        if toks[k].text != ".":
            continue
        a, b, i = toks[k - 1], toks[k + 1], k - 1
        if (a.kind == b.kind == "word" and len(fold(a.text)) == 1 == len(fold(b.text))
                and _joined(doc, i, k, space=False) and _joined(doc, k, k + 1)
                and not (i and toks[i - 1].text == "." and _joined(doc, i - 1, i, space=False))):
            out.append(Span(a.start, b.end, "PER", "rule"))
    return out


def quoted_spans(doc: Document) -> list[Span]:
    """A quoted or bracketed name after an operation cue (MISC) or an outlet head (ORG)."""
    toks, out = doc.tokens, []
    for i in range(len(toks) - 2):
        if toks[i + 1].text not in _OPEN:
            continue
        kind = "MISC" if _is(toks[i], "operation") else "ORG" if _is(toks[i], "outlet_head") else None
        if kind is None:
            continue
        j = i + 2
        while j < len(toks) and toks[j].kind in ("word", "number", "latin") and j - i - 2 < _MAX_QUOTED:
            j += 1
        if j > i + 2 and j < len(toks) and toks[j].text in _CLOSE:
            out.append(Span(toks[i + 2].start, toks[j - 1].end, kind, "rule"))
    return out


def show_spans(doc: Document) -> list[Span]:
    """`TITLE - الموسم …` lines inside podcast blocks."""
    regions = [r for r in doc.boilerplate if r.kind == "podcast"]
    if not regions:
        return []
    pattern = re.compile(_SHOW_RE.format(cues="|".join(sorted(cues().get("season", ())))), re.MULTILINE)
    out = []
    for m in pattern.finditer(doc.normalised.text):
        start, end = doc.normalised.span(*m.span("title"))
        if any(r.start <= start and end <= r.end for r in regions):
            out.append(Span(start, end, "MISC", "rule"))
    return out


def byline_spans(doc: Document) -> list[Span]:
    """The author the metadata stage read, where the header names them."""
    if not doc.author or len(doc.author.split()) < 2:
        return []
    head = doc.text[:_HEADER_CHARS]
    return [Span(m.start(), m.end(), "PER", "rule") for m in re.finditer(re.escape(doc.author), head)]
