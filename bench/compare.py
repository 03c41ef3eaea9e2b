"""Side by side: `rasid extract` of two source trees over the same news articles, on one core.

    git worktree add --detach /tmp/rasid-before COMMIT
    .venv/bin/python bench/compare.py /tmp/rasid-before .        # before, after
    git worktree remove /tmp/rasid-before

The machine's speed drifts by up to 20 % between minutes, so the trees take turns (`--rounds`
passes of each, alternating) and the best pass of each is compared, in CPU seconds. Each pass is the command
itself in a child process pinned to one CPU core (`sched_setaffinity`), start-up included, over
the articles `bench/ner.py` times (`--news` distinct articles of the unlabeled news corpus).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import resource
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from ner import news_records  # noqa: E402  (the same articles as bench/ner.py)


def run_tree(tree: Path, inputs: Path) -> float:
    """CPU seconds of `python -m rasid extract INPUTS --format jsonl` with `tree`'s sources
    (steadier than wall time on a shared machine; the child has one core, so they are close)."""
    env = dict(os.environ, PYTHONPATH=str(tree / "src"))
    core = min(os.sched_getaffinity(0))
    command = [sys.executable, "-m", "rasid", "extract", str(inputs), "--format", "jsonl", "--no-progress"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True,
                   preexec_fn=lambda: os.sched_setaffinity(0, {core}))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("trees", nargs=2, type=Path, metavar="TREE", help="source trees (holding src/rasid)")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--news", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    records = news_records(args)
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "news.jsonl"
        inputs.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        passes: dict[Path, list[float]] = {tree: [] for tree in args.trees}
        for _ in range(args.rounds):
            for tree in args.trees:
                passes[tree].append(run_tree(tree.resolve(), inputs))
    for tree, seconds in passes.items():
        best = min(seconds)
        print(f"{tree}: {len(records) / best:.1f} documents per CPU second (best of {len(seconds)}, start-up "
              f"included); passes {', '.join(f'{s:.2f}' for s in seconds)} CPU s")


if __name__ == "__main__":
    main()
