"""A timeline per actor and channel: what was reported, for when, by whom, in which report.

Rows are built from the mention records of the actor's claims (one channel each) and the
events it took part in (channel `events`), and sorted by the time they are about — the
claim's time or the event's date, else the report's date — then by publication.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

EVENTS = "events"


def interval_text(value: list | dict | None) -> str | None:
    """`40`, `≥30`, `≤10`, `14–18` for an interval [low, high] (None = unbounded)."""
    if value is None:
        return None
    low, high = (value.get("low"), value.get("high")) if isinstance(value, dict) else value
    fmt = lambda x: f"{x:g}" if isinstance(x, float) else str(x)  # noqa: E731
    if low is not None and high is not None:
        return fmt(low) if low == high else f"{fmt(low)}–{fmt(high)}"
    if low is not None:
        return f"≥{fmt(low)}"
    return f"≤{fmt(high)}" if high is not None else None


def describe_claim(rec: dict[str, Any]) -> str:
    amounts = ", ".join(q["text"] for q in rec.get("quantities", []) if q.get("text"))
    what = rec["role"] + (f": {amounts}" if amounts else "")
    return what if rec.get("polarity", "affirmed") == "affirmed" else f"{what} ({rec['polarity']})"


def describe_event(rec: dict[str, Any]) -> str:
    parts = [rec["type"]]
    for field in ("killed", "injured"):
        if text := interval_text(rec.get(field)):
            parts.append(f"{field} {text}")
    return ", ".join(parts)


def claim_row(rec: dict[str, Any], cluster: str | None = None, sources: int | None = None) -> dict[str, Any]:
    time = rec.get("time") or {}
    return _row(rec, channel=rec["channel"], what=describe_claim(rec), for_when=time.get("value"),
                precision=time.get("precision"), cluster=cluster, sources=sources)


def event_row(rec: dict[str, Any], cluster: str | None = None, sources: int | None = None) -> dict[str, Any]:
    return _row(rec, channel=EVENTS, what=describe_event(rec), for_when=rec.get("date"),
                precision=rec.get("date_precision"), cluster=cluster, sources=sources)


def _row(rec: dict, *, channel: str, what: str, for_when: str | None, precision: str | None,
         cluster: str | None, sources: int | None) -> dict[str, Any]:
    report = rec["report"]
    return {"channel": channel, "for_when": for_when, "precision": precision,
            "reported": report.get("published"), "what": what,
            "source": {k: rec["source"].get(k) for k in ("kind", "text", "hedged")},
            "report": {k: report.get(k) for k in ("id", "title", "outlet", "published", "hash")},
            "evidence": (rec.get("evidence") or {}).get("text"), "cluster": cluster,
            "independent_sources": sources, "copy_of": rec.get("copy_of")}


def sort_rows(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Oldest first by the time a row is about (else its report's date); undated last."""
    def key(row: dict) -> tuple:
        when = row["for_when"] or row["reported"] or ""
        return (when == "", when, row["reported"] or "", row["report"].get("id") or "")
    return sorted(rows, key=key)


def by_channel(rows: Iterable[dict[str, Any]], channel: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """Rows grouped per channel (claims) and `events`, each group in time order."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        if channel is None or row["channel"] == channel:
            groups.setdefault(row["channel"], []).append(row)
    return {name: sort_rows(groups[name]) for name in sorted(groups, key=lambda c: (c == EVENTS, c))}
