"""Score `rasid extract` on the training annotations: where rules are written and checked.

    python tools/score_annotations.py [--annotators g] [--tasks events claims sources polarity dates]

Dev only measures; a rule is written from the errors of the training reports and kept when it
holds here as well as on dev. `--annotators g` scores the second round only: the claim and role
taggers never saw it (Makefile, evidence-model), so its claim figures are out of sample; the
event tagger saw every report, so event figures here are in sample for its proposals. Events
are scored without their dates: the annotations give a date as the span of its surface, and
the corpus no publication date. `dates` checks them apart: of the events matched to an
annotated one, the share whose date is the value Rasid's times stage reads at the annotated
surface (or none where the annotation gives none) — a rule that carries dates is tried here
on 1,200 events, not on dev's 112. `--errors TASK` prints
that task's mismatches, as `bench/eval.py --errors` does for dev. `polarity` is the share of
matched claims whose polarity (affirmed, negated, hypothetical) agrees: score.py checks channel
and role only, yet an analyst reads a denied claim as the opposite of an affirmed one.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--annotations", type=Path, default=REPO / "training" / "annotations")
    ap.add_argument("--annotators", default="", help="annotator-id prefix of the reports to score (default: all)")
    ap.add_argument("--tasks", nargs="+", default=["events", "claims", "sources", "polarity", "dates"],
                    choices=("events", "claims", "sources", "polarity", "dates"))
    ap.add_argument("--errors", choices=("events", "claims", "sources"), help="print this task's mismatches")
    args = ap.parse_args()
    from rasid.document import Document
    from rasid.pipeline import default_pipeline
    from rasid.training.annotations import CORPUS, as_gold, load_annotations

    spec = importlib.util.spec_from_file_location("shared_score", args.shared / "eval" / "score.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    pipeline = default_pipeline()
    system: dict[str, dict] = {}
    gold: dict[str, list] = {task: [] for task in ("events", "claims", "sources")}
    dates = [0, 0]  # matched events whose date agrees, matched events
    for text, annotation in load_annotations(args.annotations, args.shared / CORPUS):
        if not str(annotation.get("annotator", "")).startswith(args.annotators):
            continue
        name = annotation["hash"]
        record = json.loads(json.dumps(pipeline(Document(text=text)).to_dict()))
        _count_dates(dates, record, annotation)
        for event in record["events"]:
            event["date"] = None  # the gold of the annotations has no dates
            span = event.get("trigger") or event["evidence"]
            event["text"] = text[span["start"]:span["end"]]  # for --errors
        for claim in record["claims"]:
            claim["text"] = text[claim["evidence"]["start"]:claim["evidence"]["end"]]
        system[name] = record
        for task, items in as_gold(name, text, annotation).items():
            if task in gold:
                gold[task] += items
    for task in args.tasks:
        if task == "polarity":
            print(_polarity_line(scorer, system, gold["claims"]))
            continue
        if task == "dates":
            print(f"dates of matched events: {dates[0]}/{dates[1]} agree ({dates[0] / max(dates[1], 1):.3f})")
            continue
        result, errors = scorer.score(system, gold[task], task)
        strict, span = result["strict"], result["span"]
        print(f"{task:8s} strict P {strict['precision']:.3f} R {strict['recall']:.3f} F1 {strict['f1']:.3f}"
              f" (tp {strict['tp']} fp {strict['fp']} fn {strict['fn']}); span F1 {span['f1']:.3f}")
        if task == args.errors:
            for error in errors:
                print(json.dumps(error, ensure_ascii=False))
    return 0


def _count_dates(dates: list[int], record: dict, annotation: dict) -> None:
    """Add to `dates` the events of one report matched to an annotated event (trigger spans
    overlap, one to one, largest overlap first) and those whose date is the annotation's: the
    value Rasid's times stage gives the annotated date surface (no date where it has none). An
    annotated surface Rasid reads no time in leaves the pair uncounted: that is the times
    stage's miss, not the event's."""
    times = record["times"]
    pairs = sorted(((min(e["trigger"]["end"], g["end"]) - max(e["trigger"]["start"], g["start"]), i, j)
                    for i, e in enumerate(record["events"]) for j, g in enumerate(annotation["events"])), reverse=True)
    used_e, used_g = set(), set()
    for overlap, i, j in pairs:
        if overlap <= 0 or i in used_e or j in used_g:
            continue
        used_e.add(i)
        used_g.add(j)
        span = annotation["events"][j]["date"]
        if span is None:
            want = None
        else:
            found = [t for t in times if t["start"] < span["end"] and span["start"] < t["end"] and t.get("value")]
            if not found:
                continue
            want = found[0]["value"]
        dates[1] += 1
        dates[0] += record["events"][i]["date"] == want


def _polarity_line(scorer, system: dict, gold: list) -> str:
    """Claims scored with polarity as their only checked field: matched pairs that agree."""
    checked = scorer.CHECKED["claims"]
    scorer.CHECKED["claims"] = ("polarity",)
    try:
        result, _ = scorer.score(system, gold, "claims")
    finally:
        scorer.CHECKED["claims"] = checked
    agree, matched = result["strict"]["tp"], result["span"]["tp"]
    return f"polarity of matched claims: {agree}/{matched} agree ({agree / max(matched, 1):.3f})"


if __name__ == "__main__":
    sys.exit(main())
