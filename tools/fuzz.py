"""The long fuzzing run behind `make fuzz`: every target of tests/fuzz_targets.py, a million
inputs in all, each target in its own process.

    python tools/fuzz.py [--inputs 1000000] [--processes 2] [--json bench/fuzz.json]

Inputs are shared out by the targets' weights; each is drawn by hypothesis from seeded random
bytes (`fuzz_one_input`: no shrinking, no example database, nothing kept between inputs). A
failing input stops its target and is printed with its traceback and the bytes that draw it;
the exit status is 1 if any target failed. Per target it prints the inputs run, the time, and the
slowest input (in CPU seconds: a busy machine's pauses are not the input's cost).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_WARM_UP = 20  # first inputs of a target, left out of the slowest: they load the stages' resources
sys.path.insert(0, str(ROOT / "tests"))


def run_target(name: str, inputs: int, seed: int) -> dict:
    """`inputs` inputs of one target, each drawn from random bytes by hypothesis's
    `fuzz_one_input` (the driver interface it offers external fuzzers: no engine bookkeeping)."""
    from hypothesis import HealthCheck, given, settings

    from fuzz_targets import targets
    target = next(t for t in targets() if t.name == name)
    slowest, started, failure, checked = (0.0, 0), time.perf_counter(), None, 0

    @settings(deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(target.strategy)
    def check(drawn) -> None:
        nonlocal slowest, checked
        checked += 1
        t0 = time.process_time()  # CPU time: a busy machine's pauses are not the input's cost
        target.check(drawn)
        spent = time.process_time() - t0
        if spent > slowest[0] and checked > _WARM_UP:
            slowest = (spent, len(drawn) if isinstance(drawn, (str, bytes, list)) else len(repr(drawn)))

    rng = random.Random(seed)
    drawn = 0
    while checked < inputs:  # a buffer too short for a whole input is drawn again
        buffer = rng.randbytes(rng.choice((64, 256, 1024, 4096)))
        drawn += 1
        try:
            check.hypothesis.fuzz_one_input(buffer)
        except Exception:  # a property broken: keep the report and the bytes that draw it, stop
            failure = f"{traceback.format_exc(limit=8)}\nbuffer (hex): {buffer.hex()}"
            break
    return {"target": name, "inputs": checked, "buffers": drawn, "seconds": round(time.perf_counter() - started, 1),
            "slowest_ms": round(slowest[0] * 1000, 1), "slowest_size": slowest[1], "failure": failure}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--inputs", type=int, default=1_000_000, help="inputs in all (default: %(default)s)")
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1, help="seed of the random bytes (default: %(default)s)")
    ap.add_argument("--only", nargs="*", help="these targets only")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args()
    from fuzz_targets import targets
    chosen = [t for t in targets() if not args.only or t.name in args.only]
    total = sum(t.weight for t in chosen)
    shares = {t.name: args.inputs * t.weight // total for t in chosen}
    shares[chosen[0].name] += args.inputs - sum(shares.values())  # the rounding's remainder
    started = time.perf_counter()
    with ProcessPoolExecutor(args.processes) as pool:
        results = list(pool.map(run_target, shares, shares.values(), [args.seed + k for k in range(len(shares))]))
    for r in results:
        print(f"{r['target']:8s} {r['inputs']:>9,} inputs in {r['seconds']:7.1f} s "
              f"({r['inputs'] / max(r['seconds'], 1e-9):6.0f}/s); slowest {r['slowest_ms']} ms "
              f"(input of {r['slowest_size']}); {'FAILED' if r['failure'] else 'no failure'}")
        if r["failure"]:
            print(r["failure"])
    inputs = sum(r["inputs"] for r in results)
    failed = sum(1 for r in results if r["failure"])
    print(f"all: {inputs:,} inputs, {failed} failing target(s), {time.perf_counter() - started:.0f} s wall")
    if args.json:
        args.json.write_text(json.dumps({"inputs": inputs, "failed": failed, "targets": results}, indent=1) + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
