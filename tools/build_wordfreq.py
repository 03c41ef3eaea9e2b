"""Build the word-frequency lexicon that guides clitic segmentation (`make wordfreq`).

Reads the unlabeled news corpus of ../shared/data/unlabeled (ANT corpus, Apache-2.0),
folds every Arabic word as the matcher does (rasid.text.normalise.fold) and writes the
words seen at least MIN_COUNT times with their counts. Deterministic: same input, same file.
"""
from __future__ import annotations

import argparse
import gzip
import re
from collections import Counter
from pathlib import Path

from rasid.text.normalise import fold

WORD_RE = re.compile(r"[\u0621-\u064a\u0640\u064b-\u065f\u0670\u0671-\u06d3]+")


def count_words(path: Path) -> Counter:
    counts: Counter = Counter()
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            counts.update(fold(w) for w in WORD_RE.findall(line))
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, default=Path("../shared/data/unlabeled/ant_news_ar.txt.gz"))
    ap.add_argument("--out", type=Path, default=Path("src/rasid/resources/lexicons/wordfreq.tsv"))
    ap.add_argument("--min-count", type=int, default=5)
    args = ap.parse_args()
    counts = count_words(args.corpus)
    rows = sorted(((w, n) for w, n in counts.items() if n >= args.min_count), key=lambda r: (-r[1], r[0]))
    with open(args.out, "w", encoding="utf-8") as out:
        out.write(f"# word\tcount — folded words of {args.corpus.name} seen >= {args.min_count} times; "
                  "built by tools/build_wordfreq.py (ANT corpus, Apache-2.0)\n")
        out.writelines(f"{w}\t{n}\n" for w, n in rows)
    print(f"{len(rows)} words written to {args.out}")


if __name__ == "__main__":
    main()
