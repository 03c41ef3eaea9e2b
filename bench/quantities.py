#!/usr/bin/env python3
"""Benchmark of the quantities stage: Rasid against puckling and pyarabic.

What it measures
    Every system reads the same texts (the seed reports, ../shared/corpus/seeds.jsonl) and
    its quantities are scored against the same gold (../shared/gold/seeds.quantities.jsonl)
    with the `score` function of ../shared/eval/score.py, exactly as issue 3 accepts Rasid:
      strict P / R / F1 — spans overlap and value, low, high, unit and per are all equal;
      span F1          — spans overlap at all.
    Speed: documents per second of extraction alone. Each system runs in a fresh worker
    process; the worker imports its library and makes one untimed warm-up pass over the
    corpus (imports, lexicons, rule compilation are start-up, not extraction), then passes
    over the corpus again and again until at least --min-seconds (3 s) of extraction has
    been timed, or exactly --repeat N passes. Only the calls that turn a text into a list
    of quantities are timed (library call plus conversion to the OUTPUT.md form).
    Memory: peak Python heap (tracemalloc) from the library's import through the warm-up
    pass, taken in the same worker before the timed passes (tracemalloc slows Python down,
    so it is never on while timing). The JSON output also has each worker's peak RSS.

The systems
    rasid     `rasid.extract(text, published=..., id=...)`, then `doc.to_dict()["quantities"]`,
              in the interpreter running this script.
    puckling  puckling 0.5.0 (a port of Duckling with Arabic rules; needs Python >= 3.13),
              in the peer interpreter: `puckling.parse(line, Context(..., Locale(Lang.AR)),
              Options(parse_timeout_ms=None), dims=(numeral, amount_of_money, distance,
              volume, quantity, duration))`, one call per line (puckling never matches
              across a line break; per line it finds exactly the same entities as per
              document and is ~1.7x faster, so this is its best configuration).
              Mapped to the Rasid form: span = the entity's range; money -> its ISO 4217
              code (puckling's generic Dinar/Riyal/Dirham/Pound/fils are kept as it gives
              them); distance -> km; volume -> liter; grams/pounds/ounces -> kg; cups ->
              other; durations -> hour/day/week/month/year (quarter -> 3 months, minute and
              second -> other); a bare numeral -> unit null; per null. Puckling's Arabic
              rules have no intervals, so low = high = value and qualifier exact.
              --puckling-time also parses the time dimension (and drops the dates), so that
              years and dates are no longer read as numerals — slower, see bench/README.md.
    pyarabic  pyarabic 0.6.15 number extraction, in the peer interpreter (or, without one,
              in this interpreter if pyarabic is importable there): `araby.tokenize` +
              `number.detect_number_phrases_position` (what `extract_number_phrases` does),
              each phrase mapped back to its character span, value `number.text2number`
              (which ignores digits; a phrase that is one digit token gets that number),
              unit null, per null, low = high = value, qualifier exact.

How to run
    make bench                                   # or:
    .venv/bin/python bench/quantities.py [--json] [--errors] [--repeat N]
    .venv/bin/python bench/quantities.py --systems rasid,puckling --min-seconds 10

Peers
    puckling needs Python >= 3.13, so the peers live in their own virtual environment:
        make bench-peers      # creates .bench-peers with puckling==0.5.0, pyarabic==0.6.15
    The peer interpreter is --peer-python, else $RASID_PEER_PYTHON, else
    .bench-peers/bin/python in the repository root. Without it the peer rows are skipped
    with a line saying how to create it.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SYSTEMS = ("rasid", "puckling", "pyarabic")
PUCKLING_DIMS = ("numeral", "amount_of_money", "distance", "volume", "quantity", "duration")
PEER_HELP = ("create it with `make bench-peers` (a Python >= 3.13 virtual environment in "
             ".bench-peers with puckling==0.5.0 and pyarabic==0.6.15), or point "
             "--peer-python / RASID_PEER_PYTHON at one")


# --------------------------------------------------------------------------- workers
# Each worker runs in its own process, under the interpreter that has its library:
#     PYTHON bench/quantities.py --worker SYSTEM IN.json OUT.json
# IN holds the documents and the timing settings; OUT gets every document's quantities
# (from the warm-up pass) and the measurements. Keep this part valid Python 3.11.

def _num(x):
    """A float that is a whole number as an int (puckling gives 325.0)."""
    if isinstance(x, float) and x.is_integer() and abs(x) < 2 ** 53:
        return int(x)
    return x


def _quantity(start, end, text, value, unit=None, per=None):
    value = _num(value)
    return {"start": start, "end": end, "text": text[start:end], "value": value,
            "low": value, "high": value, "qualifier": "exact" if value is not None else None,
            "unit": unit, "per": per}


def _make_rasid(options):
    try:
        import rasid
    except ImportError:
        sys.path.insert(0, str(ROOT / "src"))
        import rasid
    extract = rasid.extract

    def run(doc):
        d = extract(doc["text"], published=doc.get("published"), id=doc["id"]).to_dict()
        return d["quantities"]

    return run, getattr(rasid, "__version__", "?")


def _make_puckling(options):
    import datetime as dt

    import puckling
    from puckling import Context, Lang, Locale, Options

    dims = PUCKLING_DIMS + (("time",) if options.get("puckling_time") else ())
    opts = Options(parse_timeout_ms=None)  # no wall-clock cap: results must not depend on speed
    to_km = {"kilometre": 1.0, "metre": 1e-3, "centimetre": 1e-5, "millimetre": 1e-6,
             "mile": 1.609344, "yard": 9.144e-4, "foot": 3.048e-4, "inch": 2.54e-5}
    to_liter = {"litre": 1.0, "millilitre": 1e-3, "hectolitre": 100.0, "gallon": 3.785411784,
                "quart": 0.946352946, "pint": 0.473176473, "cup": 0.2365882365,
                "fluid-ounce": 0.0295735295625}
    to_kg = {"gram": 1e-3, "pound": 0.45359237, "ounce": 0.028349523125}
    grain_unit = {"hour": ("hour", 1), "day": ("day", 1), "week": ("week", 1),
                  "month": ("month", 1), "quarter": ("month", 3), "year": ("year", 1)}

    def scaled(value, factor):
        return None if value is None else _num(round(value * factor, 9))

    def convert(e, text, offset):
        v, start, end = e.value, e.start + offset, e.end + offset
        if e.dim == "numeral":
            return _quantity(start, end, text, v.value)
        if e.dim == "amount_of_money":
            return _quantity(start, end, text, v.value, v.currency)
        if e.dim == "distance":
            unit = getattr(v.unit, "value", None)
            if unit in to_km:
                return _quantity(start, end, text, scaled(v.value, to_km[unit]), "km")
            return _quantity(start, end, text, v.value, "other" if unit else None)
        if e.dim == "volume":
            unit = getattr(v.unit, "value", None)
            if unit in to_liter:
                return _quantity(start, end, text, scaled(v.value, to_liter[unit]), "liter")
            return _quantity(start, end, text, v.value, "other" if unit else None)
        if e.dim == "quantity":
            if v.unit in to_kg:
                return _quantity(start, end, text, scaled(v.value, to_kg[v.unit]), "kg")
            return _quantity(start, end, text, v.value, "other")
        if e.dim == "duration":
            unit, factor = grain_unit.get(getattr(v.grain, "value", v.grain), ("other", 1))
            return _quantity(start, end, text, v.value * factor, unit)
        return None  # time (with --puckling-time) and anything else: not a quantity

    def run(doc):
        text = doc["text"]
        published = doc.get("published")
        ref = (dt.datetime.fromisoformat(published) if published else dt.datetime(2021, 1, 1))
        ctx = Context(reference_time=ref, locale=Locale(Lang.AR))
        out, offset = [], 0
        for line in text.split("\n"):
            if line.strip():
                for e in puckling.parse(line, ctx, opts, dims=dims):
                    q = convert(e, text, offset)
                    if q is not None:
                        out.append(q)
            offset += len(line) + 1
        return out

    return run, puckling.__version__


def _make_pyarabic(options):
    import re
    from importlib.metadata import version

    from pyarabic import araby, number

    digits = re.compile(r"\d+")

    def tokens_with_offsets(text):
        """araby.tokenize's exact token list, with each token's character offset."""
        out, pos = [], 0
        for piece in araby.TOKEN_PATTERN.split(text):
            kept = araby.TOKEN_REPLACE.sub("", piece)
            if kept:
                # a word piece is kept whole; a separator piece never holds a number
                out.append((kept, pos, pos + len(piece)))
            pos += len(piece)
        return out

    def run(doc):
        text = doc["text"]
        toks = tokens_with_offsets(text)
        out = []
        for i, j in number.detect_number_phrases_position([t[0] for t in toks]):
            words = [t[0] for t in toks[i:j + 1]]
            if len(words) == 1 and digits.fullmatch(words[0]):
                value = int(words[0])  # text2number ignores digits
            else:
                value = number.text2number(" ".join(words))
            out.append(_quantity(toks[i][1], toks[j][2], text, value))
        return out

    return run, version("pyarabic")


MAKERS = {"rasid": _make_rasid, "puckling": _make_puckling, "pyarabic": _make_pyarabic}


def worker(system, in_path, out_path):
    import resource
    import tracemalloc

    job = json.loads(Path(in_path).read_text(encoding="utf-8"))
    docs, repeat, min_seconds = job["docs"], job.get("repeat"), job.get("min_seconds", 3.0)

    tracemalloc.start()
    t0 = time.perf_counter()
    run, lib_version = MAKERS[system](job.get("options", {}))
    results = {doc["id"]: run(doc) for doc in docs}  # warm-up pass; its output is scored
    warmup_s = time.perf_counter() - t0
    peak_bytes = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()

    elapsed, passes = 0.0, 0
    clock = time.perf_counter
    while (passes < repeat) if repeat else (elapsed < min_seconds or passes == 0):
        for doc in docs:
            t = clock()
            run(doc)
            elapsed += clock() - t
        passes += 1
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    if sys.platform == "darwin":
        maxrss //= 1024
    Path(out_path).write_text(json.dumps({
        "system": system, "version": lib_version, "python": sys.version.split()[0],
        "documents": len(docs), "passes": passes, "seconds": elapsed,
        "docs_per_second": passes * len(docs) / elapsed if elapsed else None,
        "warmup_s": warmup_s, "peak_mb": peak_bytes / 2 ** 20, "maxrss_mb": maxrss / 1024,
        "results": results,
    }, ensure_ascii=False), encoding="utf-8")


# --------------------------------------------------------------------------- driver

def load_score(shared):
    path = Path(shared) / "eval" / "score.py"
    if not path.is_file():
        sys.exit(f"quantities.py: no scorer at {path} (pass --shared)")
    spec = importlib.util.spec_from_file_location("rasid_shared_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def peer_python(arg):
    if arg:
        return Path(arg)
    if os.environ.get("RASID_PEER_PYTHON"):
        return Path(os.environ["RASID_PEER_PYTHON"])
    return ROOT / ".bench-peers" / "bin" / "python"


def has_module(python, module):
    probe = [str(python), "-c", f"import {module}"]
    return subprocess.run(probe, capture_output=True).returncode == 0


def run_worker(system, python, job, tmp):
    in_path, out_path = Path(tmp) / f"{system}.in.json", Path(tmp) / f"{system}.out.json"
    in_path.write_text(json.dumps(job, ensure_ascii=False), encoding="utf-8")
    cmd = [str(python), str(Path(__file__).resolve()), "--worker", system,
           str(in_path), str(out_path)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0 or not out_path.exists():
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-5:]
        return None, f"{system}: skipped — the worker failed under {python}:\n    " + "\n    ".join(tail)
    return json.loads(out_path.read_text(encoding="utf-8")), None


def table(rows):
    head = ("system", "strict P", "strict R", "strict F1", "span F1",
            "documents per second", "peak memory (MB)")
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join(["---"] + ["---:"] * 6) + "|"]
    for r in rows:
        s = r["scores"]
        lines.append(f"| {r['label']} | {s['strict']['precision']:.3f} | {s['strict']['recall']:.3f} "
                     f"| {s['strict']['f1']:.3f} | {s['span']['f1']:.3f} "
                     f"| {r['docs_per_second']:.1f} | {r['peak_mb']:.1f} |")
    return "\n".join(lines)


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        if len(sys.argv) != 5 or sys.argv[2] not in MAKERS:
            sys.exit("usage: quantities.py --worker {rasid,puckling,pyarabic} IN.json OUT.json")
        worker(*sys.argv[2:])
        return
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"),
                    help="the shared folder (corpus, gold, eval/score.py); default ../shared")
    ap.add_argument("--corpus", help="texts, JSONL with id, text, published (default SHARED/corpus/seeds.jsonl)")
    ap.add_argument("--gold", help="gold quantities (default SHARED/gold/seeds.quantities.jsonl)")
    ap.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated, default all three")
    ap.add_argument("--peer-python", help="interpreter with puckling and pyarabic "
                    "(default $RASID_PEER_PYTHON, else .bench-peers/bin/python)")
    ap.add_argument("--repeat", type=int, help="timed passes over the corpus (default: until --min-seconds)")
    ap.add_argument("--min-seconds", type=float, default=3.0, help="timed extraction per system (default 3)")
    ap.add_argument("--puckling-time", action="store_true",
                    help="let puckling parse dates too (and drop them), so years are not numerals")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    ap.add_argument("--errors", action="store_true", help="also list every mismatch, per system")
    args = ap.parse_args()

    shared = Path(args.shared)
    score = load_score(shared)
    docs = read_jsonl(args.corpus or shared / "corpus" / "seeds.jsonl")
    gold = read_jsonl(args.gold or shared / "gold" / "seeds.quantities.jsonl")
    docs = [{"id": d["id"], "text": d["text"], "published": d.get("published")} for d in docs]
    job = {"docs": docs, "repeat": args.repeat, "min_seconds": args.min_seconds,
           "options": {"puckling_time": args.puckling_time}}

    peer = peer_python(args.peer_python)
    peer_ok = peer.exists()
    wanted = [s.strip() for s in args.systems.split(",") if s.strip()]
    for s in wanted:
        if s not in SYSTEMS:
            sys.exit(f"quantities.py: unknown system {s!r} (choose from {', '.join(SYSTEMS)})")

    rows, notes = [], []
    with tempfile.TemporaryDirectory(prefix="rasid-bench-") as tmp:
        for system in wanted:
            python = Path(sys.executable)
            if system == "puckling":
                if not peer_ok:
                    notes.append(f"puckling: skipped — no peer Python at {peer}; {PEER_HELP}.")
                    continue
                python = peer
            if system == "pyarabic":
                if peer_ok:
                    python = peer
                elif not has_module(python, "pyarabic"):
                    notes.append(f"pyarabic: skipped — no peer Python at {peer} and pyarabic is "
                                 f"not installed here; {PEER_HELP}.")
                    continue
            print(f"running {system} ...", file=sys.stderr, flush=True)
            out, problem = run_worker(system, python, job, tmp)
            if problem:
                notes.append(problem if system == "rasid" else f"{problem}\n    ({PEER_HELP})")
                continue
            system_docs = {doc_id: {"quantities": qs} for doc_id, qs in out.pop("results").items()}
            result, errors = score(system_docs, gold, "quantities")
            label = system if system == "rasid" else f"{system} {out['version']}"
            if system == "puckling" and args.puckling_time:
                label += " (+time)"
            rows.append({"system": system, "label": label, "scores": result, "errors": errors,
                         "found": sum(len(d["quantities"]) for d in system_docs.values()), **out})

    if args.json:
        print(json.dumps({"documents": len(docs), "gold": len(gold),
                          "systems": [{k: v for k, v in r.items() if k != "errors" or args.errors}
                                      for r in rows],
                          "skipped": notes}, ensure_ascii=False, indent=1))
    else:
        print(f"{len(docs)} documents, {len(gold)} gold quantities "
              f"({sum(1 for g in gold if g.get('optional'))} optional); timed passes: "
              + ", ".join(f"{r['system']} {r['passes']}" for r in rows) + "\n")
        print(table(rows))
        for r in rows if args.errors else ():
            print(f"\n## {r['label']}: {len(r['errors'])} mismatches")
            for e in r["errors"]:
                print(json.dumps(e, ensure_ascii=False))
    for note in notes:
        print(note, file=sys.stderr)


if __name__ == "__main__":
    main()
