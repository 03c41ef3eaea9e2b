"""`rasid show FILE`: one report in a terminal — each event and claim with its evidence
sentence, amounts, dates and source.

rich lays the report out but, like most terminals, draws characters in the order it gets them:
Arabic comes out backwards and unjoined unless the terminal does bidi itself (VTE, Konsole,
mlterm). So text is printed in one of two modes: `logical` (as stored; for those terminals
and for pipes) or `visual` (shaped and reordered by `rasid.cli.bidi`, wrapped to the column before
reordering, right-aligned). `auto` picks visual on a terminal not known to do bidi; the
environment variable RASID_BIDI=visual|logical overrides it.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Iterable

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from rasid.cli.bidi import has_rtl, visual
from rasid.cli.view import describe_quantity
from rasid.document import Claim, Document, Event, Segment, Source

MODES = ("auto", "visual", "logical")
_BIDI_TERMINALS = ("VTE_VERSION", "KONSOLE_VERSION", "MLTERM")
_LABEL_WIDTH = 11
_HIGHLIGHT = "bold yellow"


def show_inputs(inputs: list[str], *, published: str | None = None, bidi: str = "auto",
                console: Console | None = None, config=None, **read_options) -> int:
    """Extract and show every input; bad inputs are reported on stderr. Exit status 1 if any."""
    from rasid.batch import extract_inputs
    from rasid.errors import InputError

    console = console or Console()
    mode = resolve_mode(bidi, console)
    failed = 0
    for item in extract_inputs(inputs, published=published, config=config, **read_options):
        if isinstance(item, InputError):
            print(f"rasid: {item}", file=sys.stderr)
            failed += 1
        else:
            show_document(item, console, mode)
    return 1 if failed else 0


def resolve_mode(bidi: str, console: Console) -> str:
    """`visual` or `logical` for `bidi` (auto: visual on a terminal that does no bidi)."""
    if bidi not in MODES:
        raise ValueError(f"bidi mode must be one of {', '.join(MODES)}, not {bidi!r}")
    if bidi != "auto":
        return bidi
    wanted = os.environ.get("RASID_BIDI", "")
    if wanted in ("visual", "logical"):
        return wanted
    if not console.is_terminal or any(os.environ.get(v) for v in _BIDI_TERMINALS):
        return "logical"
    return "visual"


def show_document(doc: Document, console: Console, mode: str = "logical") -> None:
    """Print the report's header, then every event and every claim."""
    view = _Printer(doc, console, mode)
    console.rule(Text(f"{doc.id or doc.path or 'report'}", style="bold"), align="left")
    view.header()
    console.print(Text(f"events ({len(doc.events)})", style="bold underline"))
    for event in doc.events:
        console.print(view.event(event))
    console.print(Text(f"claims ({len(doc.claims)})", style="bold underline"))
    for claim in doc.claims:
        console.print(view.claim(claim))


class _Printer:
    """Renders the items of one document for one console and mode."""

    def __init__(self, doc: Document, console: Console, mode: str):
        self.doc, self.console, self.mode = doc, console, mode
        self.width = max(20, console.width - _LABEL_WIDTH - 4)
        self.entities = {e.id: e for e in doc.entities}
        self.quantities = {q.id: q for q in doc.quantities}
        self.times = {t.id: t for t in doc.times}

    def header(self) -> None:
        d = self.doc
        rows = [("title", self.arabic(d.title or "—")), ("published", Text(d.published or "—")),
                ("outlet", self.arabic(d.outlet or "—"))]
        self.console.print(_table(rows))

    def event(self, e: Event) -> Table:
        title = f"{e.id} · {e.type}" + (f" · {e.date} ({e.date_precision})" if e.date else "")
        rows = [("", Text(title, style="bold cyan")),
                ("trigger", self.arabic(self._text(e.trigger)))]
        for label, interval in (("killed", e.killed), ("injured", e.injured)):
            if interval:
                rows.append((label, Text(_interval(interval))))
        rows += self._entities([("where", [e.location] if e.location else []), ("actors", e.actors),
                                ("targets", e.targets)])
        rows += self._quantities(e.quantities)
        rows.append(("source", self.source(e.source)))
        rows.append(("evidence", self.arabic(self._text(e.evidence), [e.trigger], e.evidence.start)))
        return _table(rows)

    def claim(self, c: Claim) -> Table:
        title = f"{c.id} · {c.channel} · {c.role}" + ("" if c.polarity == "affirmed" else f" · {c.polarity}")
        sentence = self._sentence_of(c.evidence)
        rows = [("", Text(title, style="bold magenta")), ("claim", self.arabic(self._text(c.evidence)))]
        rows += self._entities([("actor", [c.actor] if c.actor else []), ("asset", [c.asset] if c.asset else []),
                                ("where", [c.location] if c.location else [])])
        rows += self._quantities(c.quantities)
        time = self.times.get(c.time) if c.time else None
        if time:
            rows.append(("date", self.mixed(f"{time.value} ({time.precision}) ", time.text)))
        rows.append(("source", self.source(c.source)))
        rows.append(("evidence", self.arabic(self._text(sentence), [c.evidence], sentence.start)))
        return _table(rows)

    def source(self, s: Source | None) -> Text:
        if s is None:
            return Text("—")
        flags = " · hedged" if s.hedged else ""
        out = self.mixed(f"{s.kind}{flags} ", s.text or "")
        return out + self.mixed("  cue ", s.cue) if s.cue else out

    def arabic(self, text: str, marks: Iterable[Segment] = (), offset: int = 0) -> Text:
        """A paragraph wrapped to the value column; shaped and reordered in visual mode."""
        text = " ".join(text.split())
        spans = [(m.start - offset, m.end - offset) for m in marks]
        if self.mode != "visual" or not has_rtl(text):
            out = Text(text)
            for a, b in spans:
                out.stylize(_HIGHLIGHT, max(0, a), max(0, b))
            return out
        lines = []
        for start, line in _wrap(text, self.width):
            shown, index = visual(line)
            styled = Text(shown, justify="right")
            for k, logical in enumerate(index):
                if any(a <= start + logical < b for a, b in spans):
                    styled.stylize(_HIGHLIGHT, k, k + 1)
            lines.append(styled)
        return Text("\n", justify="right").join(lines)

    def mixed(self, label: str, arabic: str) -> Text:
        """An English label followed by Arabic words on one line."""
        arabic = " ".join(arabic.split())
        shown = visual(arabic)[0] if self.mode == "visual" and has_rtl(arabic) else arabic
        return Text(label, style="dim") + Text(shown)

    def _entities(self, groups) -> list[tuple[str, Text]]:
        rows = []
        for label, ids in groups:
            names = [self.entities[i].name if i in self.entities else i for i in ids]
            if names:
                rows.append((label, self.mixed("", "، ".join(names))))
        return rows

    def _quantities(self, ids: list[str]) -> list[tuple[str, Text]]:
        found = [self.quantities[i] for i in ids if i in self.quantities]
        return [("amount" if k == 0 else "", self.mixed(f"{describe_quantity(q)}  ", q.text))
                for k, q in enumerate(found)]

    def _text(self, span: Segment) -> str:
        return self.doc.text[span.start:span.end]

    def _sentence_of(self, span: Segment) -> Segment:
        for s in self.doc.sentences:
            if s.start <= span.start < s.end:
                return Segment(s.start, max(s.end, span.end))
        return span


def _wrap(text: str, width: int) -> list[tuple[int, str]]:
    """(start offset, line) of `text` wrapped at spaces to `width` cells (logical order)."""
    lines, start, pos, line_start = [], 0, 0, 0
    for word in text.split(" "):
        candidate = text[line_start:pos + len(word)]
        if pos > line_start and cell_len(candidate) > width:
            lines.append((line_start, text[line_start:pos - 1]))
            line_start = pos
        pos += len(word) + 1
    lines.append((line_start, text[line_start:]))
    return [(s, line) for s, line in lines if line] or [(start, "")]


def _interval(interval: dict) -> str:
    low, high = interval.get("low"), interval.get("high")
    if low is not None and low == high:
        return f"{low}"
    if high is None:
        return f"≥ {low}" if low is not None else "?"
    return f"{low if low is not None else '?'}–{high}"


def _table(rows: list[tuple[str, Text]]) -> Table:
    table = Table(show_header=False, box=None, padding=(0, 1), expand=True)
    table.add_column(style="dim", width=_LABEL_WIDTH, no_wrap=True)
    table.add_column(ratio=1)
    for label, value in rows:
        table.add_row(label, value)
    return table
