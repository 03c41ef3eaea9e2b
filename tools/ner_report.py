"""Write bench/ner_training.md: what `make model` trained, on what, and how well it scores."""
from __future__ import annotations

import json
import platform
from pathlib import Path

_CLASSES = ("micro", "PER", "LOC", "ORG", "MISC")


def write_report(path: Path, args, figures: dict, manifest: dict) -> None:
    lines = [
        "# NER training figures (written by tools/train_ner.py)",
        "",
        f"Model `{manifest['name']}` {manifest['version']}, encoder `{args.encoder}` ({args.layers} layers of "
        f"{args.hidden} units per direction), seed {args.seed}, "
        f"{figures['train_sentences']} train / {figures['dev_sentences']} dev sentences, "
        f"machine: {platform.machine()} {platform.python_version()}, {args.threads} threads.",
        "",
        "Data: " + manifest["licence"] + ".",
        "",
        "Rows `+consistency` are what `rasid tag --conll` outputs: the model, then names made consistent "
        "over windows of consecutive sentences (rasid.ner.consistency). Test = ../shared/data/anercorp/test.txt, "
        "never trained on and never used to choose anything; scored with the chunking of ../shared/eval/conll_f1.py.",
        "",
        "| split | " + " | ".join(f"{c} F1" for c in _CLASSES) + " | micro P | micro R |",
        "|---|" + "---:|" * (len(_CLASSES) + 2),
    ]
    for split in ("dev", "test", "dev+consistency", "test+consistency"):
        s = figures[split]
        lines.append(f"| {split} | " + " | ".join(f"{s[c]['f1']:.3f}" for c in _CLASSES)
                     + f" | {s['micro']['p']:.3f} | {s['micro']['r']:.3f} |")
    sizes = ", ".join(f"{n} {b / 1e6:.1f} MB" for n, b in figures["size_bytes"].items())
    teacher = figures.get("teacher") or {}
    if teacher:
        lines += ["", f"Self-training: a teacher (same encoder, {teacher['hidden']} units) trained on the gold data "
                  f"alone ({teacher['epochs']} epochs, dev micro F1 {teacher['dev']:.3f}) tagged "
                  f"{figures['silver_sentences']} sentences of {args.silver_articles} unlabeled news articles "
                  f"(every {args.silver_every}th), with document-level name consistency; the shipped model "
                  "was trained on gold and silver sentences together, early-stopped on the gold dev part."]
    lines += ["", f"Training: {figures['train_seconds']} s for {len(figures['epochs'])} epochs "
              f"(whole run {figures['total_seconds']} s); files: {sizes}.",
              f"Vectors: {json.dumps(figures['vectors'])}.", "",
              "Epochs (dev micro F1 by epoch): "
              + ", ".join(f"{e['epoch']}:{e['dev_f1']:.3f}" for e in figures["epochs"]), ""]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")
