"""CoNLL reading and entity-level scoring for NER training (same chunking as ../shared/eval/conll_f1.py)."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from rasid.ner.spans import tag_chunks


def read_conll(path: Path) -> list[tuple[list[str], list[str]]]:
    """(tokens, tags) per sentence; PERS is written PER."""
    out, toks, tags = [], [], []
    for line in path.read_text(encoding="utf-8-sig").split("\n"):
        parts = line.split()
        if parts:
            toks.append(parts[0])
            tags.append(parts[-1].replace("PERS", "PER"))
        elif toks:
            out.append((toks, tags))
            toks, tags = [], []
    if toks:
        out.append((toks, tags))
    return out


def chunks(tags: list[str]) -> set[tuple[int, int, str]]:
    """IOB2 entity chunks (start, end, type); an I- after another type starts a chunk."""
    return set(tag_chunks(tags))


def entity_scores(gold: list[list[str]], pred: list[list[str]]) -> dict:
    """Micro P/R/F1 and per-type F1 over sentences."""
    g, p = set(), set()
    for n, (gs, ps) in enumerate(zip(gold, pred)):
        g |= {(n, *c) for c in chunks(gs)}
        p |= {(n, *c) for c in chunks(ps)}
    result = {"micro": _prf(len(g & p), len(p), len(g))}
    for kind in sorted({c[3] for c in g}):
        gk, pk = {c for c in g if c[3] == kind}, {c for c in p if c[3] == kind}
        result[kind] = _prf(len(gk & pk), len(pk), len(gk))
    return result


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "gold": n_gold}


def tag_counts(sentences) -> Counter:
    return Counter(t for _, tags in sentences for t in tags)
