"""Train the evidence taggers (`make evidence-model`): event triggers with their type, claim
evidence with its channel, the role of a claim — from training/annotations only (never dev).

    python tools/train_evidence.py --shared ../shared --out src/rasid/resources/models

Each annotated report (rasid.training.annotations, texts from the unlabeled corpus) is run
through the pipeline up to the attribution stage; every token of every sentence becomes a row
of features (rasid.stages.reading.features) labelled B-/I-<type> where an annotated trigger
covers it (B-/I-<channel> for claim evidence), else O. A softmax over sparse features
(torch EmbeddingBag, Adam, L2 by weight decay) is trained per task, seeded; features seen in
fewer than `--min-count` rows are dropped. `--folds K` first reports K-fold token figures on the
annotations, for choosing settings without the dev reports.
"""
from __future__ import annotations

import argparse
import json
import pickle
import random
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import torch

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from rasid.models.linear import save_model  # noqa: E402
from rasid.pipeline import analysis_pipeline  # noqa: E402
from rasid.document import Document  # noqa: E402
from rasid.stages.claims.learned import role_rows  # noqa: E402
from rasid.stages.reading.features import sentence_rows  # noqa: E402
from rasid.stages.reading.view import View  # noqa: E402
from rasid.training.annotations import CORPUS, load_annotations  # noqa: E402

VERSION = "1.1.0"
LICENCE = ("annotations written for Rasid (Apache-2.0) on articles of the ANT news corpus (Chouigui et al. "
           "2017, Apache-2.0); no article text is shipped")


def prepared(text: str) -> View:
    """The document after every stage before events and claims, as the run-time taggers see it."""
    return View.of(analysis_pipeline()(Document(text=text)))


IGNORED = "-"  # the label of a token inside an optional span: neither a positive nor a negative


def token_labels(view: View, spans: list[tuple[int, int, str]], lo: int, hi: int) -> list[str]:
    """B-/I-<label> for the tokens of [lo, hi) that annotated character spans cover, else O; a
    span labelled IGNORED (an optional item) marks its tokens IGNORED."""
    labels = ["O"] * (hi - lo)
    for start, end, label in spans:
        inside = [i for i in range(lo, hi) if view.doc.tokens[i].start < end and view.doc.tokens[i].end > start]
        for k, i in enumerate(inside):
            if labels[i - lo] == "O":
                labels[i - lo] = label if label == IGNORED else ("B-" if k == 0 else "I-") + label
    return labels


def report_rows(view: View, annotation: dict, ignore_optional: frozenset[str] = frozenset()) -> dict[str, list]:
    """Labelled feature rows of one report per task; optional items of the tasks in
    `ignore_optional` are left out of training (neither a positive nor a negative)."""
    def label(item: dict, task: str, value: str) -> str:
        return IGNORED if item.get("optional") and task in ignore_optional else value
    events = [(e["start"], e["end"], label(e, "events", e["type"])) for e in annotation["events"]]
    claims = [(c["start"], c["end"], label(c, "claims", c["channel"])) for c in annotation["claims"]]
    out: dict[str, list] = {"events": [], "claims": [], "roles": []}
    for lo, hi in view.sent_ranges:
        if hi <= lo or view.in_boilerplate(lo, hi):
            continue
        rows = sentence_rows(view, lo, hi).full()
        out["events"] += list(zip(rows, token_labels(view, events, lo, hi)))
        out["claims"] += list(zip(rows, token_labels(view, claims, lo, hi)))
    for c in annotation["claims"]:
        first, last = view.token_at(c["start"]), view.token_at(c["end"] - 1)
        out["roles"].append((role_rows(view, first, last + 1, c["channel"]), c["role"]))
    return out


def train(rows: list[tuple[list[str], str]], min_count: int, epochs: int, seed: int, l2: float, lr: float = 0.05):
    rows = [r for r in rows if r[1] != IGNORED]
    counts = Counter(f for features, _ in rows for f in set(features))
    features = sorted(f for f, n in counts.items() if n >= min_count)
    index = {f: k for k, f in enumerate(features)}
    labels = sorted({label for _, label in rows}, key=lambda x: (x != "O", x))
    label_index = {label: k for k, label in enumerate(labels)}
    encoded = [([index[f] for f in fs if f in index], label_index[label]) for fs, label in rows]
    torch.manual_seed(seed)
    rng = random.Random(seed)
    bag = torch.nn.EmbeddingBag(len(features), len(labels), mode="sum")
    torch.nn.init.zeros_(bag.weight)
    optimiser = torch.optim.Adam(bag.parameters(), lr=lr, weight_decay=l2)
    for _ in range(epochs):
        rng.shuffle(encoded)
        for b in range(0, len(encoded), 256):
            batch = encoded[b:b + 256]
            flat = torch.tensor([i for ids, _ in batch for i in ids], dtype=torch.long)
            offsets = torch.tensor(np.cumsum([0] + [len(ids) for ids, _ in batch[:-1]]), dtype=torch.long)
            target = torch.tensor([y for _, y in batch], dtype=torch.long)
            loss = torch.nn.functional.cross_entropy(bag(flat, offsets), target)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
    return labels, features, bag.weight.detach().numpy()


def token_figures(labels, features, weights, rows) -> dict:
    """Token-level precision/recall of the non-O labels (label must match exactly)."""
    index = {f: k for k, f in enumerate(features)}
    tp = fp = fn = 0
    for fs, gold in rows:
        if gold == IGNORED:
            continue
        ids = [index[f] for f in fs if f in index]
        guess = labels[int(np.argmax(weights[ids].sum(axis=0)))] if ids else "O"
        tp += guess == gold != "O"
        fp += guess != "O" and guess != gold
        fn += gold != "O" and guess != gold
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--annotations", type=Path, default=REPO / "training" / "annotations")
    ap.add_argument("--out", type=Path, default=REPO / "src" / "rasid" / "resources" / "models")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--l2", type=float, default=1e-6)
    ap.add_argument("--lr", type=float, default=0.05)
    ap.add_argument("--folds", type=int, default=0)
    ap.add_argument("--tasks", nargs="+", default=["events", "claims", "roles"])
    ap.add_argument("--rows-cache", type=Path, help="keep the feature rows here between runs (trying settings)")
    ap.add_argument("--ignore-optional", nargs="*", default=["events"], metavar="TASK",
                    help="tasks whose optional items are neither positives nor negatives (default: events)")
    ap.add_argument("--claim-annotators", default="",
                    help="comma-separated annotator-id prefixes: train claims and roles on their reports only")
    args = ap.parse_args()
    loaded = load_annotations(args.annotations, args.shared / CORPUS)
    if args.rows_cache and args.rows_cache.exists():
        per_report = pickle.loads(args.rows_cache.read_bytes())
    else:
        ignore = frozenset(args.ignore_optional)
        per_report = [report_rows(prepared(text), annotation, ignore) for text, annotation in loaded]
        if args.rows_cache:
            args.rows_cache.write_bytes(pickle.dumps(per_report))
    claim_reports = len(loaded)
    if args.claim_annotators:
        prefixes = tuple(args.claim_annotators.split(","))
        for rows, (_, annotation) in zip(per_report, loaded):
            if not str(annotation.get("annotator", "")).startswith(prefixes):
                rows["claims"], rows["roles"] = [], []
                claim_reports -= 1
    figures: dict = {"reports": len(loaded), "events": sum(len(a["events"]) for _, a in loaded),
                     "claims": sum(len(a["claims"]) for _, a in loaded)}
    for task in args.tasks:
        if args.folds:
            folds = []
            for k in range(args.folds):
                train_rows = [r for n, rep in enumerate(per_report) if n % args.folds != k for r in rep[task]]
                test_rows = [r for n, rep in enumerate(per_report) if n % args.folds == k for r in rep[task]]
                folds.append(token_figures(*train(train_rows, args.min_count, args.epochs, args.seed, args.l2, args.lr),
                                           test_rows))
            figures[f"{task}_folds"] = {m: round(sum(f[m] for f in folds) / len(folds), 3) for m in folds[0]}
            print(task, "k-fold tokens", figures[f"{task}_folds"], flush=True)
        rows = [r for rep in per_report for r in rep[task]]
        labels, features, weights = train(rows, args.min_count, args.epochs, args.seed, args.l2, args.lr)
        used = claim_reports if task in ("claims", "roles") else len(loaded)
        info = {"task": task, "version": VERSION, "seed": args.seed, "epochs": args.epochs, "lr": args.lr,
                "min_count": args.min_count, "l2": args.l2, "rows": len(rows), "licence": LICENCE,
                "optional_items": "ignored" if task in args.ignore_optional else "positives",
                "annotators": args.claim_annotators if task in ("claims", "roles") and args.claim_annotators else "all",
                "trained_on": f"{used} annotated reports of training/annotations (no dev, no seed report)"}
        save_model(args.out / task, labels, features, weights, info)
        print(task, len(rows), "rows", len(features), "features", len(labels), "labels", flush=True)
    print(json.dumps(figures, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
