"""Reports for scale runs: real news articles of the shared unlabeled corpus when it is here
(read at run time, never copied), else synthetic reports made from the project's own examples
(examples/*.txt): each a title and a few of their prose paragraphs in a seeded order, with a line
of its own so that every report's text, and so its hash, is new. Deterministic for a given seed.

Synthetic reports reuse 33 paragraphs: every report looks syndicated from many earlier ones and
joins the same few clusters, which makes the store's side (syndication links, cluster updates)
far costlier than news does. They measure the pipeline's memory well, the store's pace badly."""
from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
_MIN_PARAGRAPH = 80  # characters: shorter lines are headers or page furniture


def paragraphs() -> list[str]:
    """The prose paragraphs of the text examples (headers and furniture left out)."""
    out = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        blocks = [b.strip() for b in path.read_text(encoding="utf-8").split("\n\n")]
        out += [b for b in blocks[1:-2] if len(b) >= _MIN_PARAGRAPH and "\n" not in b]
    return out


def reports(n: int, *, per_report: int = 3, seed: int = 0) -> Iterator[dict]:
    """`n` JSONL records (id, published, outlet, text)."""
    rng = random.Random(seed)
    pool = paragraphs()
    outlets = ("راصد نيوز", "منبر المشرق", "وكالة الرصد", "صحيفة الغد")
    for i in range(n):
        chosen = rng.sample(pool, per_report)
        day = f"202{rng.randint(1, 3)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        title = " ".join(chosen[0].split()[:8])
        text = "\n\n".join([title, f"تقرير رقم {i + 1} من سلسلة المتابعة", *chosen])
        yield {"id": f"syn-{seed}-{i}", "published": day, "outlet": outlets[i % len(outlets)], "text": text}


NEWS = Path(__file__).resolve().parents[2] / "shared" / "data" / "unlabeled" / "ant_news_ar.txt.gz"


def news(n: int, *, skip: int = 0) -> Iterator[dict]:
    """`n` articles of the unlabeled news corpus (after the first `skip`), as JSONL records."""
    from itertools import islice

    from rasid.training.annotations import read_articles
    for digest, text in islice(read_articles(NEWS), skip, skip + n):
        yield {"id": f"news-{digest}", "text": text}


def write(path: Path, n: int, *, source: str = "examples", **options) -> Path:
    """`n` reports of `source` (examples: synthetic; news: the unlabeled corpus) as a JSONL file."""
    records = news(n) if source == "news" else reports(n, **options)
    with open(path, "w", encoding="utf-8") as out:
        written = 0
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += 1
    if written < n:
        raise ValueError(f"{source} has only {written} reports, {n} were asked for")
    return path
