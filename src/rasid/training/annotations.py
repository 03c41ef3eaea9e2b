"""Training annotations of events, claims and sources: offsets and labels, never article text.

The articles are the blocks of the shared unlabeled news corpus
(`../shared/data/unlabeled/ant_news_ar.txt.gz`: a title line, the body, a blank line between
articles). An article is named by the first 16 hex digits of the SHA-256 of its text, so an
annotation file in the repository (`training/annotations/<hash>.json`) holds only offsets into
that text, labels, and for each span a short digest of its surface that proves, when loaded,
that the offsets still fall on the same words.

Annotators write a *work file* with surfaces instead of offsets (`resolve_work` turns it into
an annotation): each item names its surface `text` and, where that surface occurs more than
once, either `in` (a longer snippet that occurs once and contains it) or `nth` (1-based).
"""
from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from rasid.errors import RasidError
from rasid.resources.files import vocabulary

CORPUS = Path("data/unlabeled/ant_news_ar.txt.gz")  # under the shared folder


class AnnotationError(RasidError, ValueError):
    """An annotation that does not fit its article or the vocabularies; names the item."""


def article_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def span_digest(surface: str) -> str:
    """Four hex digits of the span's surface: enough to catch offsets that drifted."""
    return hashlib.sha1(surface.encode("utf-8")).hexdigest()[:4]


def read_articles(path: Path) -> Iterator[tuple[str, str]]:
    """(hash, text) of every article of the corpus file, in file order."""
    lines: list[str] = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                lines.append(line.rstrip("\n"))
            elif lines:
                text = "\n".join(lines)
                yield article_hash(text), text
                lines = []
    if lines:
        text = "\n".join(lines)
        yield article_hash(text), text


@dataclass(frozen=True)
class Located:
    start: int
    end: int


def locate(text: str, item: dict, where: str) -> Located:
    """The offsets of a work item's surface (`text`, with `in` or `nth` when it repeats)."""
    surface = item.get("text")
    if not isinstance(surface, str) or not surface.strip():
        raise AnnotationError(f"{where}: no surface `text`")
    if surface != surface.strip():
        raise AnnotationError(f"{where}: surface {surface!r} has spaces at its ends")
    if item.get("in"):
        snippet = item["in"]
        found = _occurrences(text, snippet)
        if len(found) != 1:
            raise AnnotationError(f"{where}: `in` snippet {snippet!r} occurs {len(found)} times (want once)")
        inner = snippet.find(surface)
        if inner < 0:
            raise AnnotationError(f"{where}: surface {surface!r} is not inside `in` {snippet!r}")
        return Located(found[0] + inner, found[0] + inner + len(surface))
    found = _occurrences(text, surface)
    if not found:
        raise AnnotationError(f"{where}: surface {surface!r} not found in the article")
    nth = item.get("nth")
    if nth is None:
        if len(found) > 1:
            raise AnnotationError(f"{where}: surface {surface!r} occurs {len(found)} times: give `in` or `nth`")
        nth = 1
    if not isinstance(nth, int) or not 1 <= nth <= len(found):
        raise AnnotationError(f"{where}: `nth` {nth!r} but {surface!r} occurs {len(found)} times")
    return Located(found[nth - 1], found[nth - 1] + len(surface))


def _occurrences(text: str, needle: str) -> list[int]:
    out, at = [], text.find(needle)
    while at >= 0:
        out.append(at)
        at = text.find(needle, at + 1)
    return out


def _check_value(value, vocab: str, where: str) -> str:
    if value not in vocabulary(vocab):
        raise AnnotationError(f"{where}: {value!r} is not a value of {vocab} (one of: {', '.join(vocabulary(vocab))})")
    return value


def _interval(value, where: str) -> list | None:
    """`[low, high]` (high may be null: `أكثر من 30`), a single number, or null."""
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return [value, value]
    if (isinstance(value, list) and len(value) == 2 and isinstance(value[0], (int, float))
            and (value[1] is None or isinstance(value[1], (int, float)))):
        return list(value)
    raise AnnotationError(f"{where}: {value!r} is not a number, [low, high] or null")


def _span(text: str, item: dict, where: str) -> dict:
    loc = locate(text, item, where)
    return {"start": loc.start, "end": loc.end, "sig": span_digest(text[loc.start:loc.end])}


def _event(text: str, item: dict, where: str) -> dict:
    out = {**_span(text, item, where), "type": _check_value(item.get("type"), "event_type", where),
           "killed": _interval(item.get("killed"), where + " killed"),
           "injured": _interval(item.get("injured"), where + " injured"),
           "optional": bool(item.get("optional", False))}
    date = item.get("date")
    out["date"] = _span(text, date if isinstance(date, dict) else {"text": date}, where + " date") if date else None
    return out


def _claim(text: str, item: dict, where: str) -> dict:
    out = {**_span(text, item, where), "channel": _check_value(item.get("channel"), "channel", where),
           "role": _check_value(item.get("role"), "role", where),
           "polarity": _check_value(item.get("polarity", "affirmed"), "polarity", where),
           "optional": bool(item.get("optional", False))}
    source = item.get("source") or {"kind": "outlet"}
    kind = _check_value(source.get("kind"), "source_kind", where + " source")
    out["source"] = {"kind": kind, **(_span(text, source, where + " source") if source.get("text") else {})}
    return out


def resolve_work(work: dict, text: str) -> dict:
    """An annotation (offsets, labels, digests) from a work file (surfaces, labels)."""
    name = work.get("hash", "?")
    if article_hash(text) != name:
        raise AnnotationError(f"work file {name}: the article's hash is {article_hash(text)}")
    return {"hash": name, "annotator": work.get("annotator", ""), "reviewed": bool(work.get("reviewed")),
            "events": sorted((_event(text, e, f"{name} event {k}") for k, e in enumerate(work.get("events", []), 1)),
                             key=lambda r: (r["start"], r["end"])),
            "claims": sorted((_claim(text, c, f"{name} claim {k}") for k, c in enumerate(work.get("claims", []), 1)),
                             key=lambda r: (r["start"], r["end"]))}


def dumps_annotation(annotation: dict) -> str:
    """The annotation file's text: one event or claim per line, so a diff shows what changed."""
    def items(name: str) -> str:
        rows = [json.dumps(x, ensure_ascii=False) for x in annotation[name]]
        return "[\n  " + ",\n  ".join(rows) + "\n ]" if rows else "[]"
    head = {k: annotation[k] for k in ("hash", "annotator", "reviewed")}
    return (json.dumps(head, ensure_ascii=False)[:-1] + f',\n "events": {items("events")},\n'
            f' "claims": {items("claims")}}}\n')


def check_annotation(annotation: dict, text: str) -> None:
    """Raise AnnotationError when a span's digest no longer matches the article's text."""
    for group in ("events", "claims"):
        for item in annotation[group]:
            spans = [item, item.get("date") or {}, item.get("source") or {}]
            for span in spans:
                if "start" in span and span_digest(text[span["start"]:span["end"]]) != span["sig"]:
                    raise AnnotationError(f"{annotation['hash']}: {group} span {span['start']}–{span['end']} "
                                          "no longer matches its article")


def load_annotations(folder: Path, corpus: Path) -> list[tuple[str, dict]]:
    """(article text, annotation) of every annotation file in `folder`, checked against the corpus."""
    annotations = {json.loads(p.read_text(encoding="utf-8"))["hash"]: p for p in sorted(folder.glob("*.json"))}
    found: dict[str, str] = {}
    for name, text in read_articles(corpus):
        if name in annotations:
            found[name] = text
            if len(found) == len(annotations):
                break
    missing = sorted(set(annotations) - set(found))
    if missing:
        raise AnnotationError(f"{len(missing)} annotated articles are not in {corpus}: {', '.join(missing[:5])}")
    out = []
    for name, path in annotations.items():
        annotation = json.loads(path.read_text(encoding="utf-8"))
        check_annotation(annotation, found[name])
        out.append((found[name], annotation))
    return out


def as_gold(doc_id: str, text: str, annotation: dict) -> dict[str, list[dict]]:
    """The annotation as records of the shared gold format (events, claims, sources), so that
    `../shared/eval/score.py` scores a system against it. Event dates are surfaces here (the
    corpus gives no publication date), so `date` is left out of the event records."""
    events = [{"doc": doc_id, "start": e["start"], "end": e["end"], "text": text[e["start"]:e["end"]],
               "type": e["type"], **_gold_interval("killed", e["killed"]), **_gold_interval("injured", e["injured"]),
               **({"optional": True} if e["optional"] else {})} for e in annotation["events"]]
    claims = [{"doc": doc_id, "start": c["start"], "end": c["end"], "text": text[c["start"]:c["end"]],
               "channel": c["channel"], "role": c["role"], "polarity": c["polarity"],
               **({"optional": True} if c["optional"] else {})} for c in annotation["claims"]]
    sources = [{**{k: c[k] for k in ("doc", "start", "end", "text")}, "kind": a["source"]["kind"],
                **({"optional": True} if a["optional"] else {})} for c, a in zip(claims, annotation["claims"])]
    return {"events": events, "claims": claims, "sources": sources}


def _gold_interval(name: str, value: list | None) -> dict:
    if value is None:
        return {}
    return {f"{name}_low": value[0], f"{name}_high": value[1]}
