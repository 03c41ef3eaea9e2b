"""Corpus commands of `rasid`: `timeline`, and the corpus formats of `export`.

Argument parsing and printing only; the work is in rasid.store.corpus and rasid.export.
`register(subparsers)` adds the commands to the parser of rasid.cli; `cmd_export(args)`
serves `rasid export --format ftm|acled|geojson|claims` (args.db, args.format, args.output).
Both bring the corpus layer up to date first (a no-op when `rasid analyze` already did).
"""
from __future__ import annotations

import json
import sys

from rasid.export import FORMATS as EXPORT_FORMATS

__all__ = ["EXPORT_FORMATS", "cmd_export", "cmd_timeline", "register"]


def register(subparsers) -> None:
    from rasid.cli.options import add_db_arg
    p = subparsers.add_parser(
        "timeline", help="what was reported about an actor, per channel, in time order",
        description="Print, per financing channel (and `events`), every claim about ACTOR and every event it "
                    "took part in: for when, reported when, what, by whom, in which report.")
    p.add_argument("actor", metavar="ACTOR", help="a name in any spelling (داعش, تنظيم الدولة), a kb id "
                                                  "(rasid:org/isis) or a corpus id (ent-…)")
    add_db_arg(p)
    p.add_argument("--channel", help="only this channel (oil, gold, …, or events)")
    p.add_argument("--json", action="store_true", help="print one JSON object per actor")
    p.set_defaults(handler=cmd_timeline)


def _open(db: str):
    from rasid.cli.options import require_db
    from rasid.store import open_store
    require_db(db)
    return open_store(db)


def cmd_timeline(args) -> int:
    from rasid.corpus.timeline import by_channel
    from rasid.store.corpus import corpus_index, update_corpus

    with _open(args.db) as store:
        update_corpus(store)
        index = corpus_index(store)
        found = index.find_entities(args.actor)
        if not found:
            print(f"rasid: no actor named {args.actor!r} in {args.db}", file=sys.stderr)
            return 1
        for entity in found:
            groups = by_channel(index.timeline(entity["id"]), args.channel)
            if args.json:
                print(json.dumps({"entity": entity, "channels": groups}, ensure_ascii=False))
            else:
                print_timeline(entity, groups)
    return 0


def print_timeline(entity: dict, groups: dict[str, list[dict]], out=None) -> None:
    out = out or sys.stdout
    head = " · ".join(x for x in (entity["name"], entity.get("name_en"), entity.get("kb")) if x)
    print(f"{head} — {entity.get('documents', 0)} reports", file=out)
    if not groups:
        print("  (nothing reported)", file=out)
    for channel, rows in groups.items():
        print(f"\n[{channel}]", file=out)
        for row in rows:
            print(_line(row), file=out)


def _line(row: dict) -> str:
    source = row["source"]
    who = f"{source['kind']}: {source['text']}" if source.get("text") else source["kind"]
    if source.get("hedged"):
        who += " (hedged)"
    report = row["report"]
    where = " ".join(x for x in (str(report.get("id") or report["hash"][:12]),
                                 f"({report['outlet']})" if report.get("outlet") else "") if x)
    sources = row.get("independent_sources")
    extra = f"  [{sources} independent source{'s' if sources != 1 else ''}]" if sources else ""
    copy = "  [syndicated copy]" if row.get("copy_of") else ""
    return (f"  {row['for_when'] or '?':<10}  reported {row['reported'] or '?':<10}  {row['what']}"
            f"  — {who} — {where}{extra}{copy}")


def cmd_export(args) -> int:
    """`rasid export --format ftm|acled|geojson|claims [-o FILE]`."""
    from rasid.export import exporter
    from rasid.store.corpus import corpus_index, update_corpus

    write = exporter(args.format)
    with _open(args.db) as store:
        update_corpus(store)
        out = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout
        try:
            n = write(corpus_index(store), out)
        finally:
            if args.output:
                out.close()
    print(f"{n} {args.format} records written" + (f" to {args.output}" if args.output else ""), file=sys.stderr)
    return 0
