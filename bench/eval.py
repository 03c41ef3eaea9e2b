"""Strict P/R/F1 per task of `rasid extract` on the shared gold, scored by ../shared/eval/score.py.

    python bench/eval.py [--shared ../shared] [--sets dev seeds examples] [--errors TASK] [--json]

Runs the command as a user would (`rasid extract INPUT --with-text --format jsonl`) on
`corpus/dev.jsonl` and `corpus/seeds.jsonl` (with their publication dates), and on `examples/`
(gold written for this project by ANNOTATION.md: tests/gold/examples.*.jsonl), scores every
task whose gold exists, and prints one table per set beside the ceiling the issue gives: an independent second annotation of 6 dev
reports agreed with the dev gold at strict F1 events 0.76, claims 0.91, sources 0.86,
quantities 0.97, times 1.00. `--errors claims` lists the mismatches of one task on dev
(to read error classes, never to patch a sentence: the held-out reports differ).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TASKS = ("events", "claims", "sources", "quantities", "times")
CEILING = {"events": 0.76, "claims": 0.91, "sources": 0.86, "quantities": 0.97, "times": 1.00}
BARS = {"dev": {"events": 0.65, "claims": 0.70, "sources": 0.75, "quantities": 0.95, "times": 0.95},
        "seeds": {"events": 0.80, "claims": 0.80, "sources": 0.80, "quantities": 0.95, "times": 0.95},
        "examples": dict.fromkeys(TASKS, 0.90)}
SETS = ("dev", "seeds", "examples")


def inputs_and_gold(shared: Path, name: str) -> tuple[Path, Path]:
    """What a set reads and where its gold is."""
    if name == "examples":
        return REPO / "examples", REPO / "tests" / "gold"
    return shared / "corpus" / f"{name}.jsonl", shared / "gold"


def load_scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("rasid_shared_score", shared / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def extract(path: Path, out: Path) -> dict[str, dict]:
    rasid = Path(sys.executable).parent / "rasid"
    command = [str(rasid)] if rasid.exists() else [sys.executable, "-m", "rasid"]
    with out.open("w", encoding="utf-8") as f:
        subprocess.run([*command, "extract", str(path), "--with-text", "--format", "jsonl", "--no-progress"],
                       stdout=f, check=True)
    docs = {}
    for line in out.read_text(encoding="utf-8").splitlines():
        if line.strip():
            doc = json.loads(line)
            docs[doc["doc"]["id"]] = doc
    return docs


def evaluate(scorer, shared: Path, name: str, work: Path) -> tuple[dict, dict]:
    """Per task: the strict and span figures, and the mismatches."""
    inputs, gold_folder = inputs_and_gold(shared, name)
    docs = extract(inputs, work / f"{name}.out.jsonl")
    figures, errors = {}, {}
    for task in TASKS:
        gold_path = gold_folder / f"{name}.{task}.jsonl"
        if gold_path.exists():
            gold = [json.loads(line) for line in gold_path.open(encoding="utf-8") if line.strip()]
            figures[task], errors[task] = scorer.score(docs, gold, task)
    return figures, errors


def confusion(errors: list[dict], figures: dict, field: str, task: str) -> str:
    """Per gold value of `field`: matched right (from the tallies), confused with another value,
    missed; plus the system's false positives per value — a Markdown table."""
    rows: dict[str, dict[str, int]] = {}
    for e in errors:
        if "missed" in e:
            rows.setdefault(e["missed"][field], {}).setdefault("missed", 0)
            rows[e["missed"][field]]["missed"] += 1
        elif "false_positive" in e:
            rows.setdefault(e["false_positive"][field] or "-", {}).setdefault("false positive", 0)
            rows[e["false_positive"][field] or "-"]["false positive"] += 1
        elif e["gold"][field] != e["system"][field]:
            key = f"→ {e['system'][field]}"
            rows.setdefault(e["gold"][field], {}).setdefault(key, 0)
            rows[e["gold"][field]][key] += 1
    lines = [f"{task} by {field} (dev): missed, false positives, and gold → system confusions",
             f"| {field} | missed | false positive | confused as |", "|---|---|---|---|"]
    for value in sorted(rows):
        r = rows[value]
        confused = ", ".join(f"{k[2:]} {n}" for k, n in sorted(r.items()) if k.startswith("→"))
        lines.append(f"| {value} | {r.get('missed', 0)} | {r.get('false positive', 0)} | {confused} |")
    return "\n".join(lines)


def table(name: str, figures: dict) -> str:
    rows = [f"{name}: strict P / R / F1 (span F1), bar, ceiling of a second annotator",
            "| task | P | R | F1 | span F1 | bar | ceiling |", "|---|---|---|---|---|---|---|"]
    for task, result in figures.items():
        s, sp = result["strict"], result["span"]
        bar = BARS.get(name, {}).get(task)
        mark = "" if bar is None else (" ✓" if s["f1"] >= bar else " ✗")
        rows.append(f"| {task} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f}{mark} | {sp['f1']:.3f} | "
                    f"{'' if bar is None else f'{bar:.2f}'} | {CEILING.get(task, 0):.2f} |")
    return "\n".join(rows)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--sets", nargs="+", default=list(SETS), choices=SETS)
    ap.add_argument("--errors", choices=TASKS, help="print the mismatches of one task on the first set")
    ap.add_argument("--json", action="store_true", help="one JSON object of every figure")
    ap.add_argument("--confusion", action="store_true", help="per event type and per channel confusion on dev")
    args = ap.parse_args()
    scorer = load_scorer(args.shared)
    report = {}
    tables = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.sets:
            report[name], errors = evaluate(scorer, args.shared, name, Path(tmp))
            if args.errors and name == args.sets[0]:
                for error in errors.get(args.errors, []):
                    print(json.dumps(error, ensure_ascii=False))
            if args.confusion and name == "dev":
                tables += [confusion(errors["events"], report[name], "type", "events"),
                           confusion(errors["claims"], report[name], "channel", "claims"),
                           confusion(errors["claims"], report[name], "role", "claims")]
    if args.json:
        print(json.dumps(report))
    elif not args.errors:
        print("\n\n".join([*(table(name, figures) for name, figures in report.items()), *tables]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
