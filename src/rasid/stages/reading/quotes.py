"""Quotations: where each one opens and closes, so attribution can follow a quote across sentences.

News uses `« »`, `“ ”`, straight `"` and, in scraped text, `“` for both ends. A mark opens
a quotation unless one is open and the mark ends a word or stands before punctuation or the
end of the line; quotations nest (`“… حيث يعد التدمري “أمير الإعلاميين” للتنظيم …”`). A
quotation still open at the end of its paragraph ends there.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from rasid.document import Segment

_OPENERS = frozenset("«“„‘")
_CLOSERS = frozenset("»”’")
_EITHER = frozenset("\"'″")
_TRAILING = frozenset(".,،;؛:!?؟…)]")
_OPENS_AFTER = frozenset(":-–—")  # a quotation may open right after these (`قال:"…`)
_NESTING = 64  # quotations looked back at to find the one enclosing a position
_MARK_RE = re.compile("[" + re.escape("".join(sorted(_OPENERS | _CLOSERS | _EITHER))) + "]")


@dataclass(frozen=True)
class Quotes:
    """The quotations of a text, (open, close) in order of opening."""
    regions: tuple[tuple[int, int], ...]

    def enclosing(self, pos: int) -> tuple[int, int] | None:
        """The innermost quotation that contains offset `pos`, if any."""
        k = bisect.bisect_left(self.regions, (pos, -1))
        return next((r for r in reversed(self.regions[max(0, k - _NESTING):k]) if r[0] < pos < r[1]), None)

    def opened_in(self, start: int, stop: int) -> list[tuple[int, int]]:
        """Quotations that open within [start, stop)."""
        lo, hi = bisect.bisect_left(self.regions, (start, -1)), bisect.bisect_left(self.regions, (stop, -1))
        return list(self.regions[lo:hi])


def quote_regions(text: str, paragraphs: list[Segment]) -> Quotes:
    """Every quotation; `close` is the closing mark or the end of the paragraph."""
    out: list[tuple[int, int]] = []
    for para in paragraphs:
        out.extend(_paragraph_quotes(text, para.start, para.end))
    return Quotes(tuple(sorted(out)))


def _paragraph_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    stack: list[int] = []
    out: list[tuple[int, int]] = []
    for mark in _MARK_RE.finditer(text, start, end):
        pos, ch = mark.start(), mark.group()
        if stack and _closes(text, pos, end):
            out.append((stack.pop(), pos))
        elif ch not in _CLOSERS and not _stray(text, pos, end):
            stack.append(pos)
    out.extend((opened, end) for opened in stack)
    return out


def _closes(text: str, pos: int, end: int) -> bool:
    """Whether the mark at `pos` ends the open quotation."""
    ch = text[pos]
    if ch in _CLOSERS:
        return True
    before = text[pos - 1] if pos > 0 else " "
    after = _next_visible(text, pos + 1, end)
    if after is None or after in _TRAILING or after in _CLOSERS or after in _EITHER:
        return True
    if ch in _OPENERS:
        return False
    return not before.isspace()


def _stray(text: str, pos: int, end: int) -> bool:
    """A mark (other than `«`) stuck to what comes before it and followed by a space, that closes
    no quotation, opens none: a lone closing mark (`مستقر." وقال`), or `‘` typed for the Arabic
    comma `،` (`للتنظيم صلات بدول أخرى‘ إذ قال`). After a colon or a dash it opens one (`وقال الوزير:« …`)."""
    before = text[pos - 1] if pos > 0 else " "
    return text[pos] != "«" and not before.isspace() and before not in _OPENS_AFTER \
        and (pos + 1 >= end or text[pos + 1].isspace())


def _next_visible(text: str, pos: int, end: int) -> str | None:
    while pos < end and text[pos].isspace():
        pos += 1
    return text[pos] if pos < end else None
