"""Right-to-left text for terminals that draw characters in the order they receive them.

Most terminals (xterm, Windows Terminal, tmux panes, many macOS setups) neither reorder
bidirectional text nor join Arabic letters: a report printed as-is reads backwards, in
isolated letter forms. `visual()` does what such a terminal does not: it shapes Arabic
letters into their contextual presentation forms (initial, medial, final, isolated; lam-alef
ligatures) and reorders a line by the Unicode Bidirectional Algorithm (UAX #9: weak types
W1–W7, neutrals N1–N2, implicit levels I1–I2, line rules L1–L2 and mirrored brackets; explicit
embedding controls are dropped, news text does not use them). Terminals that do their own
bidi (VTE, Konsole, mlterm) must get logical text instead; `show` chooses.

Every function returns, with the visual string, the logical index of each visual character,
so styles set on logical spans (a highlighted trigger) follow their characters.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

_MIRROR = dict(zip("()[]{}<>«»‹›", ")(][}{><»«›‹"))
_STRONG_RTL = frozenset({"R", "AL"})
_NUMBERS = frozenset({"EN", "AN"})
_EXPLICIT = frozenset({"LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"})
_LAM = "\u0644"
_ALEFS = "\u0622\u0623\u0625\u0627"
_TATWEEL = "\u0640"


def visual(line: str, rtl: bool | None = None, shape: bool = True) -> tuple[str, list[int]]:
    """One line in display order: (characters left to right, logical index of each)."""
    chars, index = _shaped(line) if shape else (list(line), list(range(len(line))))
    if rtl is None:
        rtl = base_is_rtl(line)
    levels = _levels([_bidi_class(c) for c in chars], 1 if rtl else 0)
    order = _marks_after_base(_reorder(levels), chars, levels)
    out = [_MIRROR.get(chars[k], chars[k]) if levels[k] % 2 else chars[k] for k in order]
    return "".join(out), [index[k] for k in order]


def base_is_rtl(text: str) -> bool:
    """Direction of a paragraph from its first strong character (P2–P3); RTL when none is L."""
    for ch in text:
        cls = _bidi_class(ch)
        if cls == "L":
            return False
        if cls in _STRONG_RTL:
            return True
    return False


def has_rtl(text: str) -> bool:
    return any(_bidi_class(ch) in _STRONG_RTL for ch in text)


@lru_cache(maxsize=4096)
def _bidi_class(ch: str) -> str:
    return unicodedata.bidirectional(ch) or "L"


def _levels(original: list[str], base: int) -> list[int]:
    types = _neutral(_weak(original, base), base)
    levels = []
    for t in types:
        if base % 2 == 0:
            levels.append(base + (1 if t == "R" else 2 if t in _NUMBERS else 0))
        else:
            levels.append(base + (1 if t in ("L", "EN", "AN") else 0))
    return _trailing_whitespace(original, levels, base)


def _weak(types: list[str], base: int) -> list[str]:
    """W1–W7 on one isolating run (the whole line)."""
    sos = "R" if base % 2 else "L"
    out = ["ON" if t in _EXPLICIT or t == "BN" else t for t in types]
    for k, t in enumerate(out):                                   # W1
        if t == "NSM":
            out[k] = out[k - 1] if k else sos
    strong = sos
    for k, t in enumerate(out):                                   # W2, W3
        if t in ("L", "R", "AL"):
            strong = t
        elif t == "EN" and strong == "AL":
            out[k] = "AN"
    out = ["R" if t == "AL" else t for t in out]
    for k in range(1, len(out) - 1):                              # W4
        a, t, b = out[k - 1], out[k], out[k + 1]
        if t == "ES" and a == b == "EN" or t == "CS" and a == b and a in _NUMBERS:
            out[k] = a
    _terminators(out)                                             # W5
    out = ["ON" if t in ("ES", "ET", "CS") else t for t in out]   # W6
    strong = sos
    for k, t in enumerate(out):                                   # W7
        if t in ("L", "R"):
            strong = t
        elif t == "EN" and strong == "L":
            out[k] = "L"
    return out


def _terminators(out: list[str]) -> None:
    k = 0
    while k < len(out):
        if out[k] != "ET":
            k += 1
            continue
        end = k
        while end < len(out) and out[end] == "ET":
            end += 1
        if (k > 0 and out[k - 1] == "EN") or (end < len(out) and out[end] == "EN"):
            out[k:end] = ["EN"] * (end - k)
        k = end


def _neutral(types: list[str], base: int) -> list[str]:
    """N1–N2: a run of neutrals between two strong types of one direction takes it."""
    embedding = "R" if base % 2 else "L"
    direction = ["R" if t in ("R", "EN", "AN") else "L" if t == "L" else None for t in types]
    out = list(types)
    k = 0
    while k < len(out):
        if direction[k] is not None:
            k += 1
            continue
        end = k
        while end < len(out) and direction[end] is None:
            end += 1
        before = direction[k - 1] if k else embedding
        after = direction[end] if end < len(out) else embedding
        out[k:end] = [before if before == after else embedding] * (end - k)
        k = end
    return out


def _trailing_whitespace(original: list[str], levels: list[int], base: int) -> list[int]:
    """L1: white space at the end of a line, and before a tab, takes the paragraph level."""
    out = list(levels)
    k = len(out)
    while k > 0 and original[k - 1] in ("WS", "BN") or (k > 0 and original[k - 1] in _EXPLICIT):
        out[k - 1] = base
        k -= 1
    for j, t in enumerate(original):
        if t in ("S", "B"):
            out[j] = base
            m = j
            while m > 0 and original[m - 1] == "WS":
                out[m - 1] = base
                m -= 1
    return out


def _reorder(levels: list[int]) -> list[int]:
    """L2: reverse every run at or above each odd level, highest first."""
    order = list(range(len(levels)))
    if not levels:
        return order
    lowest_odd = min((lv for lv in levels if lv % 2), default=None)
    if lowest_odd is None:
        return order
    for level in range(max(levels), lowest_odd - 1, -1):
        k = 0
        while k < len(order):
            if levels[order[k]] < level:
                k += 1
                continue
            end = k
            while end < len(order) and levels[order[end]] >= level:
                end += 1
            order[k:end] = order[k:end][::-1]
            k = end
    return order


def _marks_after_base(order: list[int], chars: list[str], levels: list[int]) -> list[int]:
    """L3: in a reversed run a combining mark would precede its letter; a terminal draws it on
    the cell before, so each run of marks goes back after the letter it belongs to."""
    out: list[int] = []
    marks: list[int] = []
    for k in order:
        if levels[k] % 2 and _transparent(chars[k]):
            marks.append(k)
            continue
        out.append(k)
        if marks:
            out.extend(reversed(marks))
            marks = []
    return out + marks


@lru_cache(maxsize=1)
def _forms() -> tuple[dict[str, dict[str, str]], dict[tuple[str, str], dict[str, str]]]:
    """Presentation forms by letter and lam-alef ligatures, read from Unicode decompositions."""
    letters: dict[str, dict[str, str]] = {}
    ligatures: dict[tuple[str, str], dict[str, str]] = {}
    for cp in list(range(0xFB50, 0xFE00)) + list(range(0xFE70, 0xFEFF)):
        parts = unicodedata.decomposition(chr(cp)).split()
        if len(parts) < 2 or parts[0] not in ("<isolated>", "<final>", "<initial>", "<medial>"):
            continue
        form, base = parts[0][1:-1], "".join(chr(int(p, 16)) for p in parts[1:])
        if len(base) == 1:
            letters.setdefault(base, {}).setdefault(form, chr(cp))
        elif len(base) == 2 and base[0] == _LAM and base[1] in _ALEFS:
            ligatures.setdefault((base[0], base[1]), {}).setdefault(form, chr(cp))
    return letters, ligatures


def _joins_next(ch: str) -> bool:
    """Dual-joining letters (and tatweel) connect to the letter after them."""
    forms = _forms()[0].get(ch, {})
    return ch == _TATWEEL or "initial" in forms or "medial" in forms


def _joins_prev(ch: str) -> bool:
    forms = _forms()[0].get(ch, {})
    return ch == _TATWEEL or "final" in forms or "medial" in forms


def _transparent(ch: str) -> bool:
    return unicodedata.category(ch) == "Mn"


def _shaped(text: str) -> tuple[list[str], list[int]]:
    """Arabic letters in their contextual forms; lam + alef as one ligature."""
    letters, ligatures = _forms()
    chars: list[str] = []
    index: list[int] = []
    k = 0
    while k < len(text):
        ch = text[k]
        prev = _neighbour(text, k, -1)
        joined_before = prev is not None and _joins_next(prev)
        nxt_at = _neighbour_at(text, k, 1)
        if ch == _LAM and nxt_at is not None and text[nxt_at] in _ALEFS and (ch, text[nxt_at]) in ligatures:
            forms = ligatures[(ch, text[nxt_at])]
            chars.append(forms.get("final" if joined_before else "isolated", ch))
            index.append(k)
            chars.extend(text[k + 1:nxt_at])
            index.extend(range(k + 1, nxt_at))
            k = nxt_at + 1
            continue
        chars.append(_form(ch, joined_before, _neighbour(text, k, 1), letters))
        index.append(k)
        k += 1
    return chars, index


def _form(ch: str, joined_before: bool, nxt: str | None, letters) -> str:
    forms = letters.get(ch)
    if not forms or ch == _TATWEEL:
        return ch
    before = joined_before and _joins_prev(ch)
    after = nxt is not None and _joins_next(ch) and _joins_prev(nxt)
    wanted = "medial" if before and after else "final" if before else "initial" if after else "isolated"
    return forms.get(wanted, forms.get("isolated", ch))


def _neighbour_at(text: str, k: int, step: int) -> int | None:
    j = k + step
    while 0 <= j < len(text) and _transparent(text[j]):
        j += step
    return j if 0 <= j < len(text) else None


def _neighbour(text: str, k: int, step: int) -> str | None:
    j = _neighbour_at(text, k, step)
    return text[j] if j is not None else None
