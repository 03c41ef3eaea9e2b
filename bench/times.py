"""Benchmark the `times` stage against dateparser's `search_dates` on the seed reports.

    python bench/times.py [--seconds 2]

Both systems read the texts of ../shared/corpus/seeds.jsonl (`--set dev`: dev.jsonl) with their publication dates
(dateparser: `languages=['ar']`, `RELATIVE_BASE` = the publication date when known,
`PREFER_DATES_FROM='past'`). A dateparser hit becomes a time at day precision whose span is
where its substring occurs in the text. Both outputs are scored against
../shared/gold/seeds.times.jsonl (dev.times.jsonl) with the `score` function of ../shared/eval/score.py.
Speed: the corpus is repeated until `--seconds` of work have passed (after one warm-up pass);
memory: the tracemalloc peak of one cold pass (lexicons and caches loaded on first use count).
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO / "src"))

from rasid.document import Document  # noqa: E402
from rasid.stages.times import find_times  # noqa: E402
from rasid.pipeline import extract  # noqa: E402

Record = dict


def load_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_score() -> Callable:
    """The shared scorer's `score(system_docs, gold, task)`."""
    spec = importlib.util.spec_from_file_location("shared_score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score


def rasid_pipeline(record: Record) -> dict:
    """The whole default pipeline, the times stage among its stages."""
    return extract(record["text"], published=record.get("published"), id=record["id"]).to_dict()


def rasid_stage(prepared: dict[str, Document]) -> Callable[[Record], dict]:
    """The times stage alone, on documents whose boilerplate, tokens and shared reading the
    pipeline already made."""
    def run(record: Record) -> dict:
        base = prepared[record["id"]]
        doc = Document(text=base.text, id=base.id, published=base.published, boilerplate=base.boilerplate,
                       tokens=base.tokens, reading=base.reading)
        return find_times(doc).to_dict()
    return run


def dateparser_doc(record: Record) -> dict:
    """dateparser's hits as times: substring located in the text, value at day precision."""
    from dateparser.search import search_dates
    settings = {"PREFER_DATES_FROM": "past"}
    if record.get("published"):
        settings["RELATIVE_BASE"] = dt.datetime.fromisoformat(record["published"])
    text = record["text"]
    hits = search_dates(text, languages=["ar"], settings=settings) or []
    return {"doc": {"id": record["id"]}, "times": list(_spans(text, hits))}


def _spans(text: str, hits: list[tuple[str, dt.datetime]]):
    cursor = 0
    for n, (found, when) in enumerate(hits, 1):
        start = text.find(found, cursor)
        start = text.find(found) if start < 0 else start
        if start < 0:
            continue
        cursor = start + len(found)
        yield {"id": f"t{n}", "start": start, "end": cursor, "text": found,
               "value": when.date().isoformat(), "precision": "day", "relative": False}


def peak_mib(system: Callable[[Record], dict], records: list[Record]) -> float:
    tracemalloc.start()
    for record in records:
        system(record)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2 ** 20


def docs_per_second(system: Callable[[Record], dict], records: list[Record], seconds: float) -> float:
    for record in records:  # warm-up
        system(record)
    done, started = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - started) < seconds:
        for record in records:
            system(record)
        done += len(records)
    return done / elapsed


def forget_rasid_caches() -> None:
    """Empty the loaders Rasid fills on first use, so that its memory peak counts loading them."""
    from rasid import kb
    from rasid.stages.times.lexicon import time_lexicon
    from rasid.resources import catalogue
    from rasid.text import hijri
    for loader in (time_lexicon, hijri._umm_al_qura, catalogue.word_frequencies, catalogue.month_names,
                   catalogue.first_names, kb.outlets, catalogue.boilerplate_patterns,
                   catalogue.section_labels):
        loader.cache_clear()


def evaluate(name: str, system: Callable[[Record], dict], records: list[Record], gold: list[dict],
             score: Callable, seconds: float) -> dict:
    if name.startswith("rasid"):
        forget_rasid_caches()
    memory = peak_mib(system, records)
    outputs = {r["id"]: system(r) for r in records}
    strict = score(outputs, gold, "times")[0]["strict"]
    return {"system": name, **{k: strict[k] for k in ("precision", "recall", "f1")},
            "docs_per_s": docs_per_second(system, records, seconds), "peak_mib": memory}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=2.0, help="least seconds of work per speed measurement")
    ap.add_argument("--set", choices=("seeds", "dev"), default="seeds",
                    help="the shared reports to read: the 5 seeds or the 30 dev reports (default seeds)")
    args = ap.parse_args()
    records = load_jsonl(SHARED / "corpus" / f"{args.set}.jsonl")
    gold = load_jsonl(SHARED / "gold" / f"{args.set}.times.jsonl")
    score = load_score()
    import dateparser
    rows = [evaluate(f"dateparser {dateparser.__version__} search_dates", dateparser_doc, records, gold,
                     score, args.seconds),
            evaluate("rasid whole pipeline", rasid_pipeline, records, gold, score, args.seconds)]
    prepared = {r["id"]: extract(r["text"], published=r.get("published"), id=r["id"]) for r in records}
    rows.append(evaluate("rasid times stage alone", rasid_stage(prepared), records, gold, score,
                         args.seconds))
    print(f"{len(records)} {args.set} reports, gold {sum(1 for g in gold if not g.get('optional'))} times\n")
    print("| system | strict P | R | F1 | documents/s | peak memory (MiB) |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['system']} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} "
              f"| {r['docs_per_s']:.1f} | {r['peak_mib']:.1f} |")


if __name__ == "__main__":
    main()
