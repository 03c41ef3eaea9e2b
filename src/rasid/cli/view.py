"""Terminal views for the CLI: the progress bar and readable summaries (rich, on stderr/stdout)."""
from __future__ import annotations

import sys
from collections.abc import Callable

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from rasid.document import Document

_EVIDENCE_CHARS = 90
_SHORT_EVIDENCE = 32  # characters of evidence on a summary line
_SOURCE_WORDS = 3     # words of a source's name on a summary line


class RunProgress:
    """A live count of documents on a terminal; silent when stderr is not one.

    `label` names the work (analysing, extracting); `show_added` adds the count of documents
    that were new to the store. The bar lives on stderr and never takes over stdout, so that
    a command writing its results there (`rasid extract … > out.jsonl`) keeps them intact.
    """

    def __init__(self, enabled: bool = True, label: str = "analysing", show_added: bool = True):
        self.err = Console(stderr=True)
        self.out = Console()
        self.enabled = enabled and self.err.is_terminal
        self.added = self.seen = 0
        columns = [SpinnerColumn(), TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn()]
        if show_added:
            columns.append(TextColumn("{task.fields[added]} new"))
        self._progress = Progress(*columns, TimeElapsedColumn(), console=self.err, transient=True,
                                  redirect_stdout=False, redirect_stderr=False)
        self._task = None

    def __enter__(self):
        if self.enabled:
            self._progress.start()
            self._task = self._progress.add_task("documents", total=None, added=0)
        return self

    def __exit__(self, *exc):
        if self.enabled:
            self._progress.stop()

    def advance(self, added: bool) -> None:
        self.seen += 1
        self.added += added
        if self._task is not None:
            self._progress.update(self._task, completed=self.seen, added=self.added)

    def error(self, message: str) -> None:
        """One line on stderr (above the bar while it shows)."""
        if self.enabled:
            self._progress.console.print(f"[red]rasid:[/] {message}", markup=True, highlight=False)
        else:
            print(f"rasid: {message}", file=sys.stderr)

    def print(self, render: Callable[[Console], None]) -> None:
        render(self.out)


def print_document_summary(doc: Document, console: Console, verbose: bool = False) -> None:
    """What was found in one document: a line of metadata and counts, then each event and claim
    with its evidence, date, amounts and source; with `verbose`, every quantity, date, mention and
    boilerplate region too."""
    console.rule(f"[bold]{doc.id}[/]", align="left")
    console.print(f"{doc.title or '—'} · {doc.published or '—'} · {doc.outlet or '—'}", highlight=False, markup=False)
    counts = {"paragraphs": len(doc.paragraphs), "sentences": len(doc.sentences), "tokens": len(doc.tokens),
              "boilerplate": len(doc.boilerplate), "mentions": len(doc.mentions),
              "entities": len(doc.entities), "quantities": len(doc.quantities), "times": len(doc.times),
              "events": len(doc.events), "claims": len(doc.claims)}
    shown = counts if verbose else {k: counts[k] for k in ("events", "claims", "quantities", "entities")}
    console.print(" · ".join(f"{k} {v}" for k, v in shown.items()), style="dim", highlight=False)
    if verbose:
        _details(doc, console)
    show = _item if verbose else _line
    for e in doc.events:
        show(console, doc, "event", e.trigger.start, e.trigger.end,
             f"{e.type} {e.date or ''}{_casualties(e)} · {_source(e.source, verbose)}")
    quantities = {q.id: q for q in doc.quantities}
    for c in doc.claims:
        amounts = "".join(f" {describe_quantity(quantities[q])}" for q in c.quantities if q in quantities)
        polarity = "" if c.polarity == "affirmed" and not verbose else f" {c.polarity}"
        show(console, doc, "claim", c.evidence.start, c.evidence.end,
             f"{c.channel}/{c.role}{amounts}{polarity} · {_source(c.source, verbose)}")


def _details(doc: Document, console: Console) -> None:
    """The verbose part of a summary: quantities, dates, mentions and boilerplate regions."""
    for q in doc.quantities:
        _item(console, doc, "quantity", q.start, q.end, describe_quantity(q))
    for t in doc.times:
        _item(console, doc, "time", t.start, t.end, f"{t.value} ({t.precision})")
    for m in doc.mentions:
        _item(console, doc, m.type, m.start, m.end, m.entity or "")
    for r in doc.boilerplate:
        _item(console, doc, "boilerplate", r.start, r.end, r.kind)


_SIGNS = {"exact": "", "approx": "≈ ", "more_than": "> ", "at_least": "≥ ", "less_than": "< ", "at_most": "≤ "}


def describe_quantity(q) -> str:
    """`≥ 15 person`, `≈ 34000 barrel/day`, `14000–18000 person`, `≥ 20 person (vague)`."""
    if q.qualifier == "range":
        amount = f"{_num(q.low)}–{_num(q.high)}"
    elif q.qualifier == "vague":
        amount = f"≥ {_num(q.low)}" + (f" ≤ {_num(q.high)}" if q.high is not None else "")
    else:
        amount = _SIGNS.get(q.qualifier, "") + _num(q.value)
    unit = f" {q.unit}" if q.unit else ""
    per = f"/{q.per}" if q.per else ""
    vague = " (vague)" if q.qualifier == "vague" else ""
    return f"{amount}{unit}{per}{vague}"


def _casualties(event) -> str:
    parts = [f" {label} {_interval(v)}" for label, v in (("killed", event.killed), ("injured", event.injured)) if v]
    return "".join(parts)


def _interval(v: dict) -> str:
    if v["low"] == v["high"]:
        return _num(v["low"])
    if v["high"] is None:
        return f"≥ {_num(v['low'])}"
    return f"{_num(v['low'])}–{_num(v['high'])}"


def _source(source, whole: bool = True) -> str:
    """`kind: who` (`, hedged`); unless `whole`, who in its first few words."""
    if source is None:
        return "no source"
    hedged = ", hedged" if source.hedged else ""
    who = source.text or "—"
    if not whole and len(who.split()) > _SOURCE_WORDS:
        who = " ".join(who.split()[:_SOURCE_WORDS]) + "…"
    return f"{source.kind}: {who}{hedged}"


def _num(value) -> str:
    return "?" if value is None else f"{value:,}"


def _line(console: Console, doc: Document, label: str, start: int, end: int, detail: str) -> None:
    """An item in a line a person reads at a glance: the words, what they are, who said so."""
    text = doc.text[start:end].replace("\n", " ")
    if len(text) > _SHORT_EVIDENCE:
        text = text[:_SHORT_EVIDENCE] + "…"
    console.print(f"  {label:<5} {text} → {detail}", highlight=False, markup=False, overflow="ellipsis",
                  no_wrap=True)


def _item(console: Console, doc: Document, label: str, start: int, end: int, detail: str) -> None:
    text = doc.text[start:end].replace("\n", " ")
    if len(text) > _EVIDENCE_CHARS:
        text = text[:_EVIDENCE_CHARS] + "…"
    console.print(f"  {label:<11} [{start}:{end}] {text}  → {detail}", highlight=False, markup=False)


def print_stats(stats: dict) -> None:
    """Store figures as aligned `name  value` lines; nested tables indented."""
    for key, value in stats.items():
        if isinstance(value, dict):
            print(f"{key}:")
            for k, v in value.items():
                print(f"  {k:<28} {v}")
        else:
            print(f"{key:<30} {value}")
