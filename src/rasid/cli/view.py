"""Terminal views for the CLI: the progress bar and readable summaries (rich, on stderr/stdout)."""
from __future__ import annotations

import sys
from collections.abc import Callable

from rich.console import Console
from rich.markup import escape
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


def counted(n: int, one: str, many: str | None = None) -> str:
    """`1 event`, `2 events`: a count with its noun in the number it takes."""
    return f"{n} {one if n == 1 else many or one + 's'}"


def print_document_summary(doc: Document, console: Console, verbose: bool = False) -> None:
    """What was found in one document: a rule with its date, outlet and counts, its title, then
    its events and claims a line each with evidence, date, amounts and source — the most telling
    `_SUMMARY_ITEMS` of them (amounts and casualties first, then dates, then named sources), in
    text order; with `verbose`, all of them and every quantity, date, mention and boilerplate
    region too."""
    about = " · ".join(escape(part) for part in (doc.published or "no date", doc.outlet or "outlet unknown"))
    console.rule(f"[bold]{escape(doc.id)}[/] · {about} · {counted(len(doc.events), 'event')} · "
                 f"{counted(len(doc.claims), 'claim')}",
                 align="left")
    if doc.title:
        console.print(doc.title, highlight=False, markup=False, overflow="ellipsis", no_wrap=True)
    if verbose:
        counts = {"paragraphs": len(doc.paragraphs), "sentences": len(doc.sentences), "tokens": len(doc.tokens),
                  "boilerplate": len(doc.boilerplate), "mentions": len(doc.mentions),
                  "entities": len(doc.entities), "quantities": len(doc.quantities), "times": len(doc.times),
                  "events": len(doc.events), "claims": len(doc.claims)}
        console.print(" · ".join(f"{k} {v}" for k, v in counts.items()), style="dim", highlight=False)
        _details(doc, console)
    items = _summary_items(doc, verbose)
    telling = sorted(_first_tellings(items), key=lambda item: (-item[0], item[1]))[:_SUMMARY_ITEMS]  # ties: the first told
    shown = items if verbose else sorted(telling, key=lambda item: item[1])
    show = _item if verbose else _line
    for _, start, end, label, detail in shown:
        show(console, doc, label, start, end, detail)
    if len(shown) < len(items):
        console.print(f"  … {len(items) - len(shown)} more: rasid show {doc.path or doc.id}", style="dim",
                      highlight=False, markup=False)


_SUMMARY_ITEMS = 6  # events and claims on a report's summary (all of them with --verbose)


def _summary_items(doc: Document, verbose: bool) -> list[tuple[int, int, int, str, str]]:
    """(weight, start, end, label, detail) of each event and claim: weight 2 for an amount or a
    casualty figure, 1 for a date, 1 for a source the text names."""
    out = []
    for e in doc.events:
        weight = 2 * bool(e.killed or e.injured) + bool(e.date) + _named(e.source)
        out.append((weight, e.trigger.start, e.trigger.end, "event",
                    f"{e.type} {e.date or ''}{_casualties(e)} · {_source(e.source, verbose)}"))
    quantities = {q.id: q for q in doc.quantities}
    for c in doc.claims:
        amounts = "".join(f" {describe_quantity(quantities[q])}" for q in c.quantities if q in quantities)
        polarity = "" if c.polarity == "affirmed" and not verbose else f" {c.polarity}"
        weight = 2 * bool(amounts) + _named(c.source)
        out.append((weight, c.evidence.start, c.evidence.end, "claim",
                    f"{c.channel}/{c.role}{amounts}{polarity} · {_source(c.source, verbose)}"))
    return out


def _first_tellings(items: list[tuple[int, int, int, str, str]]) -> list[tuple[int, int, int, str, str]]:
    """The items less those that say again what one before them said (the same kind, type or
    channel and role, amounts, date and figures, whoever says it: `صادرت نحو ثلاثة ملايين دولار`
    in the lead and again in the official's words): a summary shows each statement once."""
    seen: set[tuple[str, str]] = set()
    out = []
    for item in sorted(items, key=lambda item: item[1]):
        said = (item[3], item[4].split(" · ")[0])
        if said not in seen:
            seen.add(said)
            out.append(item)
    return out


def _named(source) -> int:
    return int(bool(source and source.kind != "outlet" and source.text))


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


_CORPUS_TOP = 5  # actors, channels, corroborated and contradicted claims in the corpus summary


def print_corpus_summary(db, console: Console) -> None:
    """What the store holds across reports, a line each: counts, the most reported actors and
    channels, claims told by more than one independent source, and contradictions."""
    from rasid.serve.desk import ClusterFilter, Page, reading

    with reading(db) as desk:
        overview = desk.overview()
        corroborated = desk.claims(Page(_CORPUS_TOP), ClusterFilter(min_sources=2), sort="sources")
        contradictions = desk.contradictions(Page(_CORPUS_TOP))
    corpus = overview["corpus"]
    console.rule("[bold]across the reports[/]", align="left")
    if not corpus:
        console.print("the corpus passes have not run over this store", style="dim")
        return
    console.print(f"{counted(overview['documents'], 'report')} · {counted(corpus['events'], 'event')} · "
                  f"{counted(corpus['claims'], 'claim')} · {counted(corpus['entities'], 'entity', 'entities')} "
                  "(each merged across reports)",
                  highlight=False, markup=False)
    actors = " · ".join(f"{a['entity']['name']} {a['reports']}" for a in overview["top_actors"][:_CORPUS_TOP])
    channels = " · ".join(f"{c['channel']} {c['claims']}" for c in overview["top_channels"][:_CORPUS_TOP])
    _labelled(console, "actors", f"{actors or '—'}  (reports)")
    _labelled(console, "channels", f"{channels or '—'}  (claims)")
    told = [f"{c['channel']}/{c['role']} {_cluster_actor(c)}: {c['independent_sources']} sources"
            for c in corroborated["items"]]
    _labelled(console, "corroborated", " · ".join(told) or "no claim is told by two independent sources")
    disputed = [f"{r['kind']} {r['field']}: " + " vs ".join(_side(s) for s in r["sides"])
                for r in contradictions["items"]]
    _labelled(console, "contradicted", " · ".join(disputed) or "no report contradicts another")


def _labelled(console: Console, label: str, text: str) -> None:
    console.print(f"{label:<13}{text}", highlight=False, markup=False, overflow="ellipsis", no_wrap=True)


def _cluster_actor(cluster: dict) -> str:
    entity = cluster.get("entities", {}).get(cluster.get("actor") or "")
    return entity["name"] if entity else "(no group named)"


def _side(side: dict) -> str:
    """One side of a contradiction: a figure (`≥ 30`, `40`, `30–40`) or a polarity, with its source."""
    if "polarity" in side:
        said = side["polarity"]
    elif "bounds" in side:  # an amount: as the report wrote it, else its interval
        said = side.get("text") or "; ".join(f"{_interval({'low': lo, 'high': hi})} {kind.rstrip('/')}"
                                             for kind, (lo, hi) in side["bounds"].items())
    else:
        said = _interval({"low": side.get("low"), "high": side.get("high")})
    source = (side.get("statement") or {}).get("source") or {}
    return f"{said} ({source['kind']})" if source.get("kind") else said
