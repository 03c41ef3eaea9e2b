"""Record `rasid extract` output on the examples, the seed reports and the dev reports, or check
that it has not changed: the guard of every step that only moves code.

    python tools/snapshot.py record /tmp/before      # before the change
    python tools/snapshot.py check /tmp/before       # after it: exit 1 and the first differences

The output of each corpus is written as JSON lines (one file per corpus). Corpora of
../shared that are not there are skipped (and said so).
"""
from __future__ import annotations

import argparse
import difflib
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPORA = {
    "examples": ROOT / "examples",
    "seeds": SHARED / "corpus" / "seeds.jsonl",
    "dev": SHARED / "corpus" / "dev.jsonl",
}


def extract(path: Path) -> str:
    """`rasid extract PATH --format jsonl` as the installed command runs it."""
    command = [sys.executable, "-m", "rasid", "extract", str(path), "--format", "jsonl", "--no-progress"]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def record(folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    for name, path in CORPORA.items():
        if not path.exists():
            print(f"{name}: {path} not found, skipped")
            continue
        (folder / f"{name}.jsonl").write_text(extract(path), encoding="utf-8")
        print(f"{name}: recorded")
    return 0


def check(folder: Path) -> int:
    changed = 0
    for name, path in CORPORA.items():
        before = folder / f"{name}.jsonl"
        if not path.exists() or not before.exists():
            print(f"{name}: not recorded or not found, skipped")
            continue
        now, then = extract(path), before.read_text(encoding="utf-8")
        if now == then:
            print(f"{name}: identical")
            continue
        changed += 1
        diff = difflib.unified_diff(then.splitlines(), now.splitlines(), "before", "now", n=0, lineterm="")
        print(f"{name}: CHANGED")
        for line in list(diff)[:12]:
            print("  " + line[:300])
    return 1 if changed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=("record", "check"))
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()
    return record(args.folder) if args.action == "record" else check(args.folder)


if __name__ == "__main__":
    sys.exit(main())
