"""Synthetic reports for scale runs, made from the project's own examples (examples/*.txt):
each a title and a few of their prose paragraphs in a seeded order, with a line of its own so that
every report's text, and so its hash, is new. Deterministic for a given seed."""
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


def write(path: Path, n: int, **options) -> Path:
    with open(path, "w", encoding="utf-8") as out:
        for record in reports(n, **options):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path
