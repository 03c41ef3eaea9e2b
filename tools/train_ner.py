"""Train Rasid's NER tagger from ANERcorp train + unlabeled news, export it for NumPy (`make model`).

    python tools/train_ner.py --shared ../shared --out src/rasid/resources/models/ner

1. word vectors: fastText on the tokenised ../shared/data/unlabeled corpus (cached in --work);
2. a BiLSTM-CRF (tools/ner_torch.py) on ../shared/data/anercorp/train.txt, with a seeded
   10 % of its sentences held out as dev for early stopping — test.txt is never trained on;
3. export weights, vocabulary and a MANIFEST (sha256 of every file) to --out;
4. score the exported model through the run-time code path (rasid.ner.tagger) on dev and
   test, and write the figures to bench/ner_training.md.
Seeded throughout; gensim with several workers is not bit-identical between runs.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ner_embeddings import build as build_vectors  # noqa: E402
from ner_eval import entity_scores, read_conll  # noqa: E402
from ner_report import write_report  # noqa: E402
from ner_silver import articles, silver  # noqa: E402
from ner_torch import Tagger, export  # noqa: E402

from rasid.ner import tag_conll_sentences  # noqa: E402
from rasid.ner.encode import UNK, Vocab  # noqa: E402
from rasid.ner.features import SHAPES, char_sequence  # noqa: E402
from rasid.ner.model import Network  # noqa: E402
from rasid.ner.tagger import MODEL_FILES, NerTagger, forget_models, load_tagger  # noqa: E402

TAGS = ("O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
VERSION = "1.0.0"
LICENCES = ("ANERcorp (Benajiba et al. 2007, CAMeL Lab split): freely available for research purposes; "
            "word vectors from the ANT news corpus (Chouigui et al. 2017): Apache-2.0")


def parse_args(argv=None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--out", type=Path, default=Path("src/rasid/resources/models/ner"))
    ap.add_argument("--work", type=Path, default=Path("build/ner"), help="cache for the tokenised corpus and vectors")
    ap.add_argument("--report", type=Path, default=Path("bench/ner_training.md"))
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--vector-seed", type=int, default=1)
    ap.add_argument("--encoder", choices=("lstm", "qrnn", "cnn"), default="qrnn")
    ap.add_argument("--layers", type=int, default=2, help="QRNN or CNN layers")
    ap.add_argument("--rank", type=int, default=0,
                    help="ship QRNN layers after the first as SVD factors of this rank (0: full weights)")
    ap.add_argument("--hidden", type=int, default=128)
    ap.add_argument("--dim", type=int, default=100, help="word vector size")
    ap.add_argument("--max-words", type=int, default=100_000, help="vocabulary shipped with the model")
    ap.add_argument("--epochs", type=int, default=64, help="most epochs of the shipped model")
    ap.add_argument("--patience", type=int, default=16, help="epochs without a better dev F1 before stopping")
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--dropout", type=float, default=0.5)
    ap.add_argument("--word-dropout", type=float, default=0.1, help="share of word ids replaced by unknown in training")
    ap.add_argument("--teacher", type=Path, help="model folder that tags the silver data (default: train one first)")
    ap.add_argument("--teacher-epochs", type=int, default=60)
    ap.add_argument("--teacher-hidden", type=int, default=128)
    ap.add_argument("--silver-articles", type=int, default=0, help="unlabeled articles tagged by a teacher "
                    "model and added to the training data (0, the shipped model: no self-training)")
    ap.add_argument("--silver-every", type=int, default=20, help="take every n-th article of the unlabeled corpus")
    ap.add_argument("--threads", type=int, default=2)
    return ap.parse_args(argv)


def seed_everything(seed: int, threads: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.set_num_threads(threads)


def word_vectors(args) -> tuple[list[str], np.ndarray, dict]:
    """Cached fastText vectors of the unlabeled corpus: (words, matrix, stats)."""
    cache = args.work / f"vectors_ft{args.dim}_s{args.vector_seed}.npz"
    if cache.exists():
        with np.load(cache, allow_pickle=False) as z:
            return list(z["words"]), z["matrix"], json.loads(str(z["stats"]))
    words, _, matrix, stats = build_vectors(args.shared, args.work, dim=args.dim, seed=args.vector_seed,
                                            max_words=args.max_words, workers=args.threads)
    np.savez(cache, words=np.array(words), matrix=matrix, stats=json.dumps(stats))
    return words, matrix, stats


def split_dev(sentences: list, fraction: float, seed: int, block: int = 40) -> tuple[list, list]:
    """Hold out seeded blocks of `block` consecutive sentences: whole stretches of articles,
    so dev, like test, holds topics and names the training part has not seen."""
    blocks = list(range(0, len(sentences), block))
    random.Random(seed).shuffle(blocks)
    dev = {i for b in blocks[:round(len(blocks) * fraction)] for i in range(b, min(b + block, len(sentences)))}
    return ([s for i, s in enumerate(sentences) if i not in dev], [s for i, s in enumerate(sentences) if i in dev])


def split_long(sentences: list, limit: int = 100) -> list:
    """Training sentences cut to at most `limit` tokens (a few run to 500; recurrences step per token)."""
    return [(toks[a:a + limit], tags[a:a + limit]) for toks, tags in sentences for a in range(0, len(toks), limit)]


def char_list(sentences: list, words: list[str], min_count: int = 5) -> list[str]:
    """Characters of train tokens and corpus words seen at least `min_count` times."""
    counts = Counter(c for toks, _ in sentences for t in toks for c in char_sequence(t))
    counts.update(c for w in words for c in w)
    return sorted(c for c, n in counts.items() if n >= min_count)


def batches(sentences: list, size: int, rng: random.Random) -> list[list]:
    """Shuffled batches of similar length (sorted inside pools of 50 batches)."""
    order = sentences[:]
    rng.shuffle(order)
    out = []
    for p in range(0, len(order), size * 50):
        pool = sorted(order[p:p + size * 50], key=lambda s: len(s[0]))
        out += [pool[i:i + size] for i in range(0, len(pool), size)]
    rng.shuffle(out)
    return out


def tensors(vocab: Vocab, batch: list, word_dropout: float = 0.0, rng: np.random.Generator | None = None) -> tuple:
    enc = vocab.encode([toks for toks, _ in batch])
    words = enc.words
    if word_dropout and rng is not None:  # teaches the tagger to read unknown words from characters
        words = np.where((rng.random(words.shape[:2]) < word_dropout)[:, :, None] & (words > 0), UNK, words)
    tags = np.zeros(enc.shapes.shape, np.int64)
    for b, (_, ts) in enumerate(batch):
        tags[b, :len(ts)] = [TAGS.index(t) for t in ts]
    return (torch.from_numpy(words.astype(np.int64)), torch.from_numpy(enc.shapes.astype(np.int64)),
            torch.from_numpy(enc.chars.astype(np.int64)), torch.from_numpy(enc.lengths.astype(np.int64)),
            torch.from_numpy(tags))


def get_teacher(args, vocab, matrix, words, chars, data, dev_set) -> tuple[NerTagger, dict]:
    """The model that tags the silver data: --teacher, or one trained here on gold data only."""
    if args.teacher:
        return load_tagger(str(args.teacher)), {}
    targs = argparse.Namespace(**{**vars(args), "hidden": args.teacher_hidden})
    model, log = train(targs, vocab, matrix, data, dev_set, args.teacher_epochs)
    folder = args.work / "teacher"
    save_model(folder, model, words, chars, targs)
    tagger = load_tagger(str(folder))
    return tagger, {"epochs": len(log), "hidden": args.teacher_hidden, "dev": evaluate(tagger, dev_set)["micro"]["f1"]}


def silver_data(args, teacher: NerTagger) -> list:
    """Sentences of unlabeled news tagged by the teacher (see tools/ner_silver.py)."""
    texts = articles(args.shared / "data/unlabeled/ant_news_ar.txt.gz", args.silver_every, args.silver_articles)
    out = silver(teacher, texts)
    print(json.dumps({"silver_sentences": len(out), "silver_tokens": sum(len(t) for t, _ in out)}), flush=True)
    return out


def numpy_tagger(model: Tagger, vocab: Vocab, encoder: str) -> NerTagger:
    return NerTagger(Network(export(model), TAGS, encoder), vocab, {})


def evaluate(tagger: NerTagger, sentences: list, consistent: bool = False) -> dict:
    """Entity scores of the tagger alone, or (consistent) as `rasid tag --conll` runs it:
    windows of WINDOW sentences made consistent (rasid.ner.tag_conll_sentences)."""
    toks = [t for t, _ in sentences]
    pred = tag_conll_sentences(toks, tagger) if consistent else tagger.tag(toks)
    return entity_scores([tags for _, tags in sentences], pred)


def train(args, vocab: Vocab, matrix: np.ndarray, train_set: list, dev_set: list, epochs: int) -> tuple[Tagger, list]:
    """Adam with early stopping on dev micro F1; returns the best model and the epoch log."""
    model = Tagger(matrix, len(vocab.chars) + 2, len(SHAPES), len(TAGS), encoder=args.encoder,
                   hidden=args.hidden, layers=args.layers, dropout=args.dropout)
    opt = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=args.lr)
    rng, log, best, best_state, waited = random.Random(args.seed), [], -1.0, None, 0
    np_rng = np.random.default_rng(args.seed)
    for epoch in range(1, epochs + 1):
        t0, total = time.time(), 0.0
        model.train()
        for batch in batches(train_set, args.batch, rng):
            words, shapes, chars, lengths, tags = tensors(vocab, batch, args.word_dropout, np_rng)
            loss = model.nll(model.emissions(words, shapes, chars, lengths), tags, lengths)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            total += loss.item()
        model.eval()
        f1 = evaluate(numpy_tagger(model, vocab, args.encoder), dev_set)["micro"]["f1"]
        log.append({"epoch": epoch, "loss": round(total, 1), "dev_f1": f1, "seconds": round(time.time() - t0, 1)})
        print(json.dumps(log[-1]), flush=True)
        if f1 > best:
            best, best_state, waited = f1, {k: v.clone() for k, v in model.state_dict().items()}, 0
        else:
            waited += 1
            if waited >= args.patience:
                break
    model.load_state_dict(best_state)
    model.eval()
    return model, log


def save_model(out: Path, model: Tagger, vocab_words: list[str], chars: list[str], args) -> None:
    """Write the model folder: weights, vocabularies, config, and a MANIFEST without figures."""
    out.mkdir(parents=True, exist_ok=True)
    np.savez(out / "weights.npz", **export(model, args.rank))  # stored: zlib made loading 0.15 s
    (out / "vocab.txt").write_text("\n".join(vocab_words), encoding="utf-8")
    (out / "chars.txt").write_text("\n".join(chars), encoding="utf-8")
    config = {"tags": list(TAGS), "encoder": args.encoder, "hidden": args.hidden, "layers": args.layers,
              "dim": args.dim}
    (out / "config.json").write_text(json.dumps(config, indent=1), encoding="utf-8")
    write_manifest(out, args, {})


def write_manifest(out: Path, args, figures: dict) -> dict:
    """MANIFEST.json: version, data and licences, figures, sha256 of every model file."""
    manifest = {"name": "rasid-ner", "version": VERSION, "tags": list(TAGS),
                "trained_on": "ANERcorp train.txt (CAMeL Lab split, reconstructed): 90 % train, 10 % dev "
                              "(blocks of 40 sentences)" + ("; plus unlabeled news tagged by a teacher model"
                                                           if args.silver_articles else ""),
                "vectors": "fastText skip-gram on ../shared/data/unlabeled/ant_news_ar.txt.gz",
                "licence": LICENCES, "seed": args.seed, "figures": figures,
                "sha256": {n: hashlib.sha256((out / n).read_bytes()).hexdigest() for n in MODEL_FILES}}
    (out / "MANIFEST.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8")
    return manifest


def main(argv=None) -> None:
    args = parse_args(argv)
    seed_everything(args.seed, args.threads)
    t_start = time.time()
    words, vectors, vec_stats = word_vectors(args)
    all_train = read_conll(args.shared / "data/anercorp/train.txt")
    train_set, dev_set = split_dev(all_train, 0.1, args.seed)
    chars = char_list(train_set, words)
    vocab = Vocab.from_lists(words, chars)
    matrix = np.concatenate([np.zeros((2, vectors.shape[1]), np.float32), vectors]).astype(np.float32)
    t_train = time.time()
    data, teacher_figures = split_long(train_set), {}
    if args.silver_articles:
        teacher, teacher_figures = get_teacher(args, vocab, matrix, words, chars, data, dev_set)
        data = data + silver_data(args, teacher)
    model, log = train(args, vocab, matrix, data, dev_set, args.epochs)
    train_s = time.time() - t_train
    save_model(args.out, model, words, chars, args)
    forget_models()
    tagger = load_tagger(str(args.out))
    test = read_conll(args.shared / "data/anercorp/test.txt")
    figures = {"dev": evaluate(tagger, dev_set), "test": evaluate(tagger, test),
               "dev+consistency": evaluate(tagger, dev_set, True), "test+consistency": evaluate(tagger, test, True),
               "train_seconds": round(train_s), "total_seconds": round(time.time() - t_start),
               "epochs": log, "vectors": vec_stats, "train_sentences": len(train_set), "dev_sentences": len(dev_set),
               "teacher": teacher_figures, "silver_sentences": len(data) - len(split_long(train_set)),
               "size_bytes": {n: (args.out / n).stat().st_size for n in MODEL_FILES}}
    manifest = write_manifest(args.out, args, {k: figures[k] for k in ("dev", "test", "dev+consistency",
                                                                       "test+consistency", "train_seconds")})
    write_report(args.report, args, figures, manifest)
    print(json.dumps({k: figures[k]["micro"] for k in ("dev", "test", "dev+consistency", "test+consistency")}))


if __name__ == "__main__":
    main()
