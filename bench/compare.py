"""Side by side: `rasid extract` of two source trees over the same news articles, on one core.

    git worktree add --detach /tmp/rasid-before COMMIT
    .venv/bin/python bench/compare.py /tmp/rasid-before .        # before, after
    git worktree remove /tmp/rasid-before

The machine's speed drifts by up to 20 % between minutes, so the trees take turns (`--rounds`
passes of each, alternating) and the best pass of each is compared, in CPU seconds. Each pass is the command
itself in a child process pinned to one CPU core (`sched_setaffinity`), start-up included, over
the articles `bench/ner.py` times (`--news` distinct articles of the unlabeled news corpus).

Each tree keeps its prebuilt tables in a cache folder of its own (two trees sharing one would
drop each other's tables at every pass), filled by an untimed run on one article first.
`--together` runs the two trees of a round at the same time, each pinned to its own core (the
cores swapped every round), so both passes see the same phase of the machine; the median of the
rounds' ratios is then the figure to read.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from ner import news_records  # noqa: E402  (the same articles as bench/ner.py)


def start_tree(tree: Path, inputs: Path, cache: Path, core: int) -> subprocess.Popen:
    """`python -m rasid extract INPUTS --format jsonl` with `tree`'s sources and `cache` as its
    cache folder, pinned to `core`."""
    env = dict(os.environ, PYTHONPATH=str(tree / "src"), RASID_CACHE=str(cache))
    command = [sys.executable, "-m", "rasid", "extract", str(inputs), "--format", "jsonl", "--no-progress"]
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                            preexec_fn=lambda: os.sched_setaffinity(0, {core}))


def cpu_seconds(child: subprocess.Popen) -> float:
    """The CPU seconds of a child and its own children (steadier than wall time on a shared
    machine; the child has one core, so they are close), once it ends."""
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise SystemExit(f"compare.py: rasid extract ended with status {child.returncode}")
    return usage.ru_utime + usage.ru_stime


def run_round(trees: list[Path], inputs: Path, caches: list[Path], cores: list[int], together: bool) -> list[float]:
    """One timed pass of each tree: in turn on the first core, or at once on a core each."""
    if not together:
        return [cpu_seconds(start_tree(tree, inputs, cache, cores[0])) for tree, cache in zip(trees, caches)]
    children = [start_tree(tree, inputs, cache, core) for tree, cache, core in zip(trees, caches, cores)]
    try:
        return [cpu_seconds(child) for child in children]
    finally:
        for child in children:  # one failed: the other is not left running
            if child.returncode is None:
                child.kill()
                child.wait()


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("trees", nargs=2, type=Path, metavar="TREE", help="source trees (holding src/rasid)")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--news", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--together", action="store_true", help="run the two trees of a round at once, a core each")
    args = ap.parse_args(argv)
    cores = sorted(os.sched_getaffinity(0))
    if args.together and len(cores) < 2:
        raise SystemExit("compare.py: --together needs two cores")
    records = news_records(args)
    trees = [tree.resolve() for tree in args.trees]
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "news.jsonl"
        inputs.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        first = Path(tmp) / "one.jsonl"
        first.write_text(json.dumps(records[0], ensure_ascii=False) + "\n", encoding="utf-8")
        caches = [Path(tmp) / f"cache-{k}" for k in range(len(trees))]
        for tree, cache in zip(trees, caches):  # untimed: fills the tree's cache folder
            cpu_seconds(start_tree(tree, first, cache, cores[0]))
        swapped = cores[1::-1]  # with --together the two cores swap every round
        rounds = [run_round(trees, inputs, caches, swapped if args.together and k % 2 else cores[:2], args.together)
                  for k in range(args.rounds)]
    for k, tree in enumerate(args.trees):
        seconds = [r[k] for r in rounds]
        print(f"{tree}: {len(records) / min(seconds):.1f} documents per CPU second (best of {len(seconds)}, start-up "
              f"included); passes {', '.join(f'{s:.2f}' for s in seconds)} CPU s")
    ratios = sorted(r[0] / r[1] for r in rounds)
    print(f"{args.trees[1]} against {args.trees[0]}, round by round: {statistics.median(ratios):.3f}× the speed "
          f"(median; {', '.join(f'{x:.3f}' for x in ratios)})")


if __name__ == "__main__":
    main()
