#!/usr/bin/env python3
"""Benchmark of named-entity recognition: the tagger's speed and accuracy, and the whole extraction.

What it measures (one CPU core: BLAS threads are pinned to 1 before NumPy loads)
    tagger      tokens per second of `rasid.ner.tag_document` over the ANERcorp test
                sentences (../shared/data/anercorp/test.txt), the path `rasid tag --conll`
                takes; `cold` clears the tagger's per-token cache before every pass (every
                word is new), `warm` keeps it (a long run over news). Entity micro F1 and
                per-type F1 of the same output with ../shared/eval/conll_f1.py's chunking.
    extraction  documents per second of `rasid.extract` on the seed reports
                (../shared/corpus/seeds.jsonl), timed in this process after a warm-up pass,
                and strict / span F1 of the mentions against ../shared/gold/seeds.mentions.jsonl
                (../shared/eval/score.py).
    cli         the whole `rasid extract FILE --format jsonl` as a user runs it: a child process
                pinned to one CPU core reads --news N distinct articles of the unlabeled news
                corpus (../shared/data/unlabeled) in one pass, so every cache starts cold.
                Documents per second with and without the start-up (imports, model, gazetteer:
                the time of the same command on one article), and the child's peak RSS.
    memory      peak resident set size of this process and the model's load time.
Timed passes follow one untimed warm-up pass and go on until --min-seconds.

    .venv/bin/python bench/ner.py [--shared ../shared] [--json] [--news 1000] [--model DIR]
"""
from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import gzip  # noqa: E402
import importlib.util  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from itertools import islice  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def load_module(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def timed(fn, min_seconds: float) -> tuple[float, float]:
    """(wall, CPU) seconds per call of `fn` after one untimed call, over passes lasting >= min_seconds.
    CPU time is the one to compare on a shared machine: other processes do not inflate it."""
    fn()
    n, start, cpu = 0, time.perf_counter(), time.process_time()
    while time.perf_counter() - start < min_seconds or n == 0:
        fn()
        n += 1
    return (time.perf_counter() - start) / n, (time.process_time() - cpu) / n


def read_conll(path: Path) -> tuple[list[list[str]], list[str]]:
    sents, tags, cur = [], [], []
    for line in path.read_text(encoding="utf-8-sig").split("\n"):
        parts = line.split()
        if parts:
            cur.append(parts[0])
            tags.append(parts[-1])
        elif cur:
            sents.append(cur)
            cur = []
    if cur:
        sents.append(cur)
    return sents, tags


def bench_tagger(args, tagger) -> dict:
    from rasid.ner import WINDOW, tag_conll_sentences
    conll = load_module(args.shared / "eval" / "conll_f1.py", "rasid_conll_f1")
    sents, gold = read_conll(args.shared / "data" / "anercorp" / "test.txt")
    n_tokens = sum(map(len, sents))
    pred = [t for sent in tag_conll_sentences(sents, tagger) for t in sent]
    f1 = conll_scores(conll, gold, pred)

    def cold():
        if getattr(tagger, "cache", None) is not None:
            tagger.cache.index.clear()
        tag_conll_sentences(sents, tagger)
    cold_s, cold_cpu = timed(cold, args.min_seconds)
    warm_s, warm_cpu = timed(lambda: tag_conll_sentences(sents, tagger), args.min_seconds)
    return {"tokens": n_tokens, "window": WINDOW, "tokens_per_s_cold": round(n_tokens / cold_s),
            "tokens_per_s_warm": round(n_tokens / warm_s), "tokens_per_cpu_s_cold": round(n_tokens / cold_cpu),
            "tokens_per_cpu_s_warm": round(n_tokens / warm_cpu), **f1}


def conll_scores(conll, gold: list[str], pred: list[str]) -> dict:
    g, p = conll.chunks(gold), conll.chunks(pred)
    per = {}
    for kind in sorted({c[2] for c in g}):
        gk, pk = {c for c in g if c[2] == kind}, {c for c in p if c[2] == kind}
        tp = len(gk & pk)
        per[kind] = round(2 * tp / (len(gk) + len(pk)), 4) if gk or pk else 0.0
    tp = len(g & p)
    return {"micro_p": round(tp / len(p), 4), "micro_r": round(tp / len(g), 4),
            "micro_f1": round(2 * tp / (len(g) + len(p)), 4), "per_type": per}


def extractor(model: str | None = None):
    """A function record → Document running the whole pipeline (with the NER model in `model`)."""
    from rasid.config import RunConfig
    from rasid.pipeline import extract
    config = RunConfig(ner_model=model)

    def run(record):
        return extract(record["text"], published=record.get("published"), config=config, id=record.get("id"))
    return run


def bench_extraction(args, records: list[dict]) -> dict:
    run = extractor(args.model)
    out = {"documents": len(records)}
    score = load_module(args.shared / "eval" / "score.py", "rasid_shared_score").score
    gold = [json.loads(x) for x in (args.shared / "gold" / "seeds.mentions.jsonl").read_text().splitlines() if x]
    system = {d.id: d.to_dict() for d in map(run, records)}
    result, _ = score(system, gold, "mentions")
    out.update({k: {m: result[k][m] for m in ("precision", "recall", "f1")} for k in ("strict", "span")})
    seconds, cpu = timed(lambda: [run(r) for r in records], args.min_seconds)
    out.update({"docs_per_s": round(len(records) / seconds, 1), "docs_per_cpu_s": round(len(records) / cpu, 1)})
    return out


def bench_cli(args) -> dict:
    """`rasid extract` over distinct news articles in a child process pinned to one core."""
    records = news_records(args)
    with tempfile.TemporaryDirectory() as tmp:
        many, one = Path(tmp) / "news.jsonl", Path(tmp) / "one.jsonl"
        many.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        one.write_text(json.dumps(records[0], ensure_ascii=False) + "\n", encoding="utf-8")
        startup = min(run_cli(one) for _ in range(2))
        wall = run_cli(many)
    chars = sum(len(r["text"]) for r in records)
    return {"documents": len(records), "mean_chars": round(chars / len(records)), "wall_s": round(wall, 2),
            "startup_s": round(startup, 2), "docs_per_s": round(len(records) / max(wall - startup, 1e-9), 1),
            "docs_per_s_with_startup": round(len(records) / wall, 1),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)}


def run_cli(path: Path) -> float:
    """Wall seconds of `rasid extract PATH --format jsonl` (output discarded) on one CPU core."""
    cmd = [sys.executable, "-m", "rasid", "extract", str(path), "--format", "jsonl"]
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    core = min(os.sched_getaffinity(0))
    start = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, check=True,
                   preexec_fn=lambda: os.sched_setaffinity(0, {core}))
    return time.perf_counter() - start


def news_records(args) -> list[dict]:
    path = args.shared / "data" / "unlabeled" / "ant_news_ar.txt.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        blocks = f.read(40_000_000).split("\n\n")
    return [{"id": f"news{i}", "text": b} for i, b in enumerate(islice((b for b in blocks if len(b) > 500), args.news))]


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--model", help="model folder (default: the shipped one)")
    ap.add_argument("--news", type=int, default=1000,
                    help="articles of unlabeled news for the `rasid extract` timing (0: skip it)")
    ap.add_argument("--min-seconds", type=float, default=3.0)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if args.model:  # the `rasid extract` child process reads it (the in-process runs get a RunConfig)
        os.environ["RASID_NER_MODEL"] = str(Path(args.model).resolve())
    from rasid.ner.tagger import load_tagger
    t0 = time.perf_counter()
    tagger = load_tagger(args.model)
    report = {"model": tagger.manifest.get("version"), "load_s": round(time.perf_counter() - t0, 3)}
    report["tagger"] = bench_tagger(args, tagger)
    seeds = [json.loads(x) for x in (args.shared / "corpus" / "seeds.jsonl").read_text().splitlines() if x]
    if getattr(tagger, "cache", None) is not None:
        tagger.cache.index.clear()
    report["seeds"] = bench_extraction(args, seeds)
    if args.news:
        report["cli"] = bench_cli(args)
    report["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(report, indent=1) if args.json else render(report))


def render(r: dict) -> str:
    t, s = r["tagger"], r["seeds"]
    lines = [f"model {r['model']} loaded in {r['load_s']} s; peak RSS {r['peak_rss_mb']} MB",
             f"tagger (ANERcorp test, {t['tokens']} tokens): {t['tokens_per_s_cold']} tokens/s cold cache, "
             f"{t['tokens_per_s_warm']} warm (per CPU second: {t['tokens_per_cpu_s_cold']} cold, "
             f"{t['tokens_per_cpu_s_warm']} warm); micro F1 {t['micro_f1']:.4f} "
             f"(P {t['micro_p']:.4f} R {t['micro_r']:.4f}) " + " ".join(f"{k}={v:.3f}" for k, v in t["per_type"].items()),
             f"extraction (seeds, {s['documents']} documents, in process, warm): {s['docs_per_s']} documents/s "
             f"({s['docs_per_cpu_s']} per CPU second); mentions strict "
             f"F1 {s['strict']['f1']:.3f} (P {s['strict']['precision']:.3f} R {s['strict']['recall']:.3f}), "
             f"span F1 {s['span']['f1']:.3f}"]
    if "cli" in r:
        c = r["cli"]
        lines.append(f"rasid extract (news, {c['documents']} articles of {c['mean_chars']} characters on average, "
                     f"one core, one pass): {c['docs_per_s']} documents/s after a start-up of {c['startup_s']} s "
                     f"({c['docs_per_s_with_startup']} with it; {c['wall_s']} s in all); peak RSS {c['peak_rss_mb']} MB")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
