"""Make the training annotations of events, claims and sources (see rasid.training.annotations).

    python tools/annotate.py select --count 200 > picks.tsv     armed-group reports, none of dev/seeds
    python tools/annotate.py show HASH                          an article's text, to annotate
    python tools/annotate.py add WORK.json [...]                work files → training/annotations/
    python tools/annotate.py check                              every annotation still fits its article
    python tools/annotate.py agree DIR_A DIR_B                  strict F1 of one annotation set against the other

Selection is by keywords of armed groups and their money, scored per article, deterministic
(ties broken by hash); an article sharing its title or its opening with a dev or seed report is
never picked.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from rasid.training.annotations import (CORPUS, AnnotationError, as_gold, dumps_annotation,  # noqa: E402
                                        load_annotations, read_articles, resolve_work)

ANNOTATIONS = REPO / "training" / "annotations"
GROUPS = ("داعش", "الدولة الإسلامية", "تنظيم الدولة", "القاعدة", "الحوثي", "حزب الله", "الشباب", "بوكو حرام",
          "طالبان", "النصرة", "تحرير الشام", "مسلحين", "مسلحون", "الميليشيا", "ميليشيات", "ارهابي", "إرهابي",
          "الإرهابية", "المتمردين", "فصائل")
MONEY = ("تمويل", "أموال", "فدية", "نفط", "تهريب", "ضرائب", "إتاوات", "تبرعات", "مليون دولار", "إيرادات",
         "عائدات", "غسيل", "مخدرات", "آثار", "ذهب", "زكاة", "رواتب", "خطف", "صادرت", "مصادرة")
VIOLENCE = ("هجوم", "تفجير", "انتحاري", "غارة", "اشتباكات", "كمين", "قتل", "مقتل", "اعتقال", "سيطرة")


def _score(text: str, focus: str = "all") -> int:
    """Keyword score of an article; `focus="money"` counts only the money words (for claims)."""
    groups = sum(text.count(w) for w in GROUPS)
    if not groups:
        return 0
    money = sum(text.count(w) for w in MONEY)
    if focus == "money":
        return money
    return groups + 2 * money + sum(text.count(w) for w in VIOLENCE)


def _known_openings(shared: Path) -> set[str]:
    """Titles and openings of the dev and seed reports: articles that share one are never picked."""
    out = set()
    for path in [shared / "corpus" / "dev.jsonl", *sorted((shared / "corpus" / "seeds").glob("*"))]:
        if path.suffix == ".jsonl":
            texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8") if line.strip()]
        else:
            texts = [path.read_text(encoding="utf-8", errors="replace")]
        for text in texts:
            out.update(_openings(text))
    return out


def _openings(text: str) -> list[str]:
    lines = [re.sub(r"\s+", " ", line).strip() for line in text.split("\n") if line.strip()]
    return [line[:80] for line in lines[:3] if len(line) > 30]


def cmd_select(args) -> int:
    known = _known_openings(args.shared)
    scored, seen = [], set()
    for name, text in read_articles(args.shared / CORPUS):
        if name in seen or not 800 <= len(text) <= 6000 or known.intersection(_openings(text)):
            continue  # the corpus holds some articles twice
        seen.add(name)
        score = _score(text, args.focus)
        if score >= args.min_score and not (args.skip_annotated and (ANNOTATIONS / f"{name}.json").exists()):
            scored.append((-score, name, text.split("\n", 1)[0][:90]))
    for score, name, title in sorted(scored)[:args.count]:
        print(f"{name}\t{-score}\t{title}")
    return 0


def _article(shared: Path, name: str) -> str:
    for found, text in read_articles(shared / CORPUS):
        if found == name:
            return text
    raise SystemExit(f"annotate.py: no article {name} in {shared / CORPUS}")


def cmd_show(args) -> int:
    print(_article(args.shared, args.hash))
    return 0


def cmd_add(args) -> int:
    works = [json.loads(Path(p).read_text(encoding="utf-8")) for p in args.work]
    wanted = {w["hash"] for w in works}
    texts = {name: text for name, text in read_articles(args.shared / CORPUS) if name in wanted}
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    failed = 0
    for path, work in zip(args.work, works):
        try:
            if work["hash"] not in texts:
                raise AnnotationError(f"{path}: no article {work['hash']} in the corpus")
            annotation = resolve_work(work, texts[work["hash"]])
        except AnnotationError as exc:
            print(f"annotate.py: {path}: {exc}", file=sys.stderr)
            failed += 1
            continue
        (out / f"{work['hash']}.json").write_text(dumps_annotation(annotation), encoding="utf-8")
        print(f"{work['hash']}: {len(annotation['events'])} events, {len(annotation['claims'])} claims")
    return 1 if failed else 0


def cmd_check(args) -> int:
    loaded = load_annotations(Path(args.folder), args.shared / CORPUS)
    events = sum(len(a["events"]) for _, a in loaded)
    claims = sum(len(a["claims"]) for _, a in loaded)
    print(f"{len(loaded)} reports, {events} events, {claims} claims: every span fits its article")
    return 0


def _gold_of(folder: Path, shared: Path) -> dict[str, dict]:
    """Annotations of `folder` (annotation files) as system documents and gold records."""
    return {a["hash"]: {"text": text, "annotation": a} for text, a in load_annotations(folder, shared / CORPUS)}


def cmd_agree(args) -> int:
    """Strict F1 of set A scored against set B on the reports both hold (score.py)."""
    spec = importlib.util.spec_from_file_location("shared_score", args.shared / "eval" / "score.py")
    score_module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score_module)
    a, b = _gold_of(Path(args.a), args.shared), _gold_of(Path(args.b), args.shared)
    common = sorted(set(a) & set(b))
    print(f"{len(common)} reports annotated in both")
    for task in ("events", "claims", "sources"):
        system = {name: _as_system(name, a[name]["text"], a[name]["annotation"]) for name in common}
        gold = [r for name in common for r in as_gold(name, b[name]["text"], b[name]["annotation"])[task]]
        result, _ = score_module.score(system, gold, task)
        m = result["strict"]
        print(f"{task:8s} strict P={m['precision']:.3f} R={m['recall']:.3f} F1={m['f1']:.3f}")
    return 0


def _as_system(name: str, text: str, annotation: dict) -> dict:
    """An annotation as a system document (its optional items included, as a system would give them)."""
    gold = as_gold(name, text, annotation)
    events = [{"type": e["type"], "trigger": {"start": e["start"], "end": e["end"]},
               "killed": _iv(e, "killed"), "injured": _iv(e, "injured")} for e in gold["events"]]
    claims = [{"channel": c["channel"], "role": c["role"], "evidence": {"start": c["start"], "end": c["end"]},
               "source": {"kind": s["kind"]}} for c, s in zip(gold["claims"], gold["sources"])]
    return {"doc": {"id": name}, "events": events, "claims": claims}


def _iv(record: dict, name: str) -> dict | None:
    if f"{name}_low" not in record:
        return None
    return {"low": record[f"{name}_low"], "high": record[f"{name}_high"]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("select", help="armed-group reports to annotate")
    p.add_argument("--count", type=int, default=200)
    p.add_argument("--min-score", type=int, default=12)
    p.add_argument("--focus", choices=("all", "money"), default="all",
                   help="money: rank by money words alone, to find reports dense in claims")
    p.add_argument("--skip-annotated", action="store_true", help="leave out articles already annotated")
    p.set_defaults(fn=cmd_select)
    p = sub.add_parser("show", help="print an article")
    p.add_argument("hash")
    p.set_defaults(fn=cmd_show)
    p = sub.add_parser("add", help="resolve work files into annotation files")
    p.add_argument("work", nargs="+")
    p.add_argument("--out", default=str(ANNOTATIONS))
    p.set_defaults(fn=cmd_add)
    p = sub.add_parser("check", help="check every annotation against its article")
    p.add_argument("--folder", default=str(ANNOTATIONS))
    p.set_defaults(fn=cmd_check)
    p = sub.add_parser("agree", help="agreement of two annotation folders")
    p.add_argument("a")
    p.add_argument("b")
    p.set_defaults(fn=cmd_agree)
    args = ap.parse_args()
    try:
        return args.fn(args)
    except AnnotationError as exc:
        print(f"annotate.py: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
