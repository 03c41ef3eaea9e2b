"""What the exporters share: labels of entities and sources, contradictions per cluster."""
from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from typing import IO, Any

from rasid.corpus.timeline import interval_text


def label(entity: dict | None, english: bool = False) -> str:
    """An entity's name for a table: the English name where asked and known, else Arabic."""
    if not entity:
        return ""
    return (entity.get("name_en") if english else None) or entity.get("name") or ""


def source_label(source: dict | None, outlet: str | None = None) -> str:
    """`researcher: عمرو فاروق`, or the outlet where the text names no other source."""
    if not source:
        return f"outlet: {outlet}" if outlet else ""
    text = source.get("text") or (outlet if source.get("kind") == "outlet" else None)
    return f"{source.get('kind') or 'outlet'}: {text}" if text else source.get("kind") or ""


def origin_labels(cluster: dict) -> list[str]:
    """One label per independent source of a cluster, with how many reports carry it."""
    out = []
    for origin in cluster["origins"].values():
        name = source_label(origin)
        n = len(origin["documents"])
        out.append(f"{name} ({n} reports)" if n > 1 else name)
    return out


def outlets(cluster: dict) -> list[str]:
    return list(dict.fromkeys(r["report"]["outlet"] for r in cluster.get("reports", []) if r["report"].get("outlet")))


def contradictions_by_cluster(view) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for record in view.contradictions():
        for subject in record["subjects"]:
            out.setdefault(subject, []).append(record)
    return out


def figures_text(figures: list[dict]) -> str:
    """`≥30 (outlet: روزنة); 40 (group: أعماق)`: every stated figure with who stated it."""
    parts = []
    for figure in figures:
        who = ", ".join(dict.fromkeys(source_label(s["source"], s.get("outlet")) for s in figure["statements"]))
        parts.append(f"{interval_text([figure['low'], figure['high']])} ({who})")
    return "; ".join(parts)


def lowest(figures: list[dict]) -> int:
    """The lowest stated figure (ACLED codes the most conservative), 0 when none is stated."""
    values = [f["low"] for f in figures if f["low"] is not None]  # `fewer than 10` states no lowest
    return int(min(values)) if values else 0


def write_cluster_rows(out: IO[str], fieldnames: list[str], clusters: Iterable[dict], view,
                       row: Callable[[dict, Any, list[dict[str, Any]]], dict]) -> int:
    """One CSV row per cluster (`row(cluster, view, its contradictions)`), with a header; the row count."""
    flags = contradictions_by_cluster(view)
    writer = csv.DictWriter(out, fieldnames=fieldnames, lineterminator="\n")
    writer.writeheader()
    n = 0
    for cluster in clusters:
        writer.writerow(row(cluster, view, flags.get(cluster["id"], [])))
        n += 1
    return n
