"""The NER package: features, the NumPy network, the shipped model, consistency, CoNLL tagging."""
import itertools
import json
import shutil
import subprocess
import sys
import time

import numpy as np
import pytest

from conftest import REPO, SHARED
from rasid.batch import iter_conll_sentences, tag_conll, tag_tokens
from rasid.ner import WINDOW, tag_conll_sentences, tag_document
from rasid.ner.consistency import propagate
from rasid.ner.encode import UNK, Vocab
from rasid.ner.features import SHAPES, clitic_readings, norm_token, readings, shape
from rasid.ner import kernels
from rasid.ner.model import Padding, bio_constraints, fo_pool, fo_pool_flat, viterbi
from rasid.ner.spans import clitic_length, name_start, tag_chunks
from rasid.ner.tagger import ModelError, forget_models, load_tagger

TEST_CONLL = SHARED / "data" / "anercorp" / "test.txt"


def test_features_norm_token_folds_spelling_digits_and_case():
    assert norm_token("إدلب") == norm_token("ادلب") == "ادلب"
    assert norm_token("٢٠٢١") == norm_token("1999") == "0000"
    assert norm_token("IBM") == "ibm"


def test_features_readings_take_clitics_off():
    assert readings("وبالعراق") == ("وبالعراق", "بالعراق", "العراق", "عراق")
    assert clitic_readings("للشدادي") == ("للشدادي", "الشدادي")  # the article's alef is elided
    assert clitic_readings("IBM") == ("ibm",)


def test_features_shape_tells_latin_numbers_and_punctuation():
    assert SHAPES[shape("Apple")] == "latin_upper" and SHAPES[shape("iPod")] == "latin_lower"
    assert SHAPES[shape("2007")] == "number" and SHAPES[shape("،")] == "punct"
    assert SHAPES[shape("«")] == "quote" and SHAPES[shape("وسوريا")] == "arabic_clitic"


def test_encode_vocab_prefers_the_most_frequent_reading():
    vocab = Vocab.from_lists(["العراق", "عراق"], list("العرق"))
    whole, reading, _, chars = vocab.token_ids("وبالعراق")
    assert whole == UNK and reading == vocab.words["العراق"]
    assert vocab.token_ids("IBM")[:2] == (UNK, UNK) and all(c == UNK for c in vocab.token_ids("IBM")[3])


def test_model_viterbi_finds_the_best_path_of_every_sentence():
    rng = np.random.default_rng(0)
    for _ in range(20):
        lengths = rng.integers(1, 5, size=3)
        em = rng.normal(size=(3, lengths.max(), 3)).astype(np.float32)
        trans, start, end = rng.normal(size=(3, 3)), rng.normal(size=3), rng.normal(size=3)
        got = viterbi(em, lengths, trans, start, end)
        for b, n in enumerate(lengths):
            def score(path):
                return (start[path[0]] + end[path[-1]] + sum(em[b, i, p] for i, p in enumerate(path))
                        + sum(trans[path[i - 1], path[i]] for i in range(1, n)))
            assert tuple(got[b, :n]) == max(itertools.product(range(3), repeat=n), key=score)


def test_model_bio_constraints_forbid_an_inside_tag_after_another_type():
    tags = ("O", "B-PER", "I-PER", "B-LOC", "I-LOC")
    trans, start = bio_constraints(tags), bio_constraints(tags, start=True)
    assert trans[0, 2] < -1e3 and trans[3, 2] < -1e3 and trans[1, 2] == 0 and trans[2, 2] == 0
    assert start[2] < -1e3 and start[1] == 0


def test_model_fo_pool_matches_a_plain_loop_per_sentence():
    rng = np.random.default_rng(1)
    lengths = np.array([3, 1, 4])
    hid = 2
    gates = rng.normal(size=(lengths.sum(), 6 * hid)).astype(np.float32)
    got = fo_pool(gates, Padding(lengths))
    sig = lambda x: 1 / (1 + np.exp(-x))  # noqa: E731
    at = 0
    for n in lengths:
        g = gates[at:at + n]
        for d, steps in ((0, range(n)), (1, range(n - 1, -1, -1))):
            z, f, o = (g[:, 3 * d * hid + k * hid:3 * d * hid + (k + 1) * hid] for k in range(3))
            c = np.zeros(hid)
            for t in steps:
                c = sig(f[t]) * c + (1 - sig(f[t])) * np.tanh(z[t])
                assert np.allclose(got[at + t, d * hid:(d + 1) * hid], sig(o[t]) * c, atol=1e-5)
        at += n


needs_kernels = pytest.mark.skipif(not kernels.AVAILABLE, reason="the C extension was not built (no C compiler?)")


@needs_kernels
def test_kernels_fo_pool_gives_the_numpy_bits():
    """The compiled recurrence and the NumPy one agree exactly, sentence boundaries included."""
    rng = np.random.default_rng(2)
    for _ in range(30):
        lengths = rng.integers(1, 40, size=rng.integers(1, 9))
        gates = (rng.normal(size=(lengths.sum(), 6 * 16)) * 3).astype(np.float32)
        assert np.array_equal(fo_pool_flat(gates, lengths), fo_pool(gates, Padding(lengths)))


@needs_kernels
def test_kernels_viterbi_gives_the_numpy_paths_ties_included():
    rng = np.random.default_rng(3)
    for rounded in (False, True):  # whole numbers make ties, which go to the lower tag id
        for _ in range(30):
            lengths = rng.integers(1, 30, size=rng.integers(1, 9))
            k = 9
            em = rng.normal(size=(lengths.sum(), k)).astype(np.float32)
            trans = rng.normal(size=(k, k)).astype(np.float32)
            start, end = rng.normal(size=k).astype(np.float32), rng.normal(size=k).astype(np.float32)
            if rounded:
                em, trans, start, end = (np.round(a) for a in (em, trans, start, end))
            pad = Padding(lengths)
            want = pad.flat(viterbi(pad.batch(em), lengths, trans, start, end))
            assert np.array_equal(kernels.viterbi_flat(em, lengths, trans, start, end), want)


@needs_kernels
def test_kernels_refuse_lengths_that_do_not_cover_the_tokens():
    em = np.zeros((5, 3), np.float32)
    with pytest.raises(ValueError, match="cover 6 tokens, not 5"):
        kernels.viterbi_flat(em, np.array([2, 4]), np.zeros((3, 3)), np.zeros(3), np.zeros(3))
    with pytest.raises(ValueError):
        kernels.fo_pool_flat(np.zeros((5, 2, 4)), np.zeros((5, 2, 4)), np.array([-1, 6]))
    with pytest.raises(ValueError):  # a sum that wraps around to the row count
        kernels.viterbi_flat(em, np.array([2**63 - 1, 2**63 - 1, 7]), np.zeros((3, 3)), np.zeros(3), np.zeros(3))
    with pytest.raises(ValueError):  # transitions of another tag set
        kernels.viterbi_flat(em, np.array([5]), np.zeros((4, 4)), np.zeros(3), np.zeros(3))
    with pytest.raises(ValueError):
        kernels.fo_pool_flat(np.zeros((5, 2, 4)), np.zeros((5, 2, 3)), np.array([5]))


@needs_kernels
def test_kernels_tag_as_the_numpy_network_does(monkeypatch):
    """The shipped model's tags over real sentences are the same with and without the C loops."""
    tagger = load_tagger()
    sentences = list(itertools.islice(iter_conll_sentences(TEST_CONLL.read_text(encoding="utf-8").split("\n")), 300)) \
        if TEST_CONLL.exists() else [["قال", "الرئيس", "جورج", "بوش", "في", "واشنطن", "."]] * 3
    compiled = tagger.tag(sentences)
    monkeypatch.setattr(kernels, "AVAILABLE", False)
    assert tagger.tag(sentences) == compiled


def test_tagger_loads_the_shipped_model_quickly_and_tags_iob2():
    forget_models()
    start = time.perf_counter()
    tagger = load_tagger()
    assert time.perf_counter() - start < 5  # well under 1 s on a quiet machine; bench/ner.py measures it
    tags = tagger.tag([["قال", "الرئيس", "الأمريكي", "جورج", "بوش", "في", "واشنطن", "."], []])
    assert tags[1] == [] and len(tags[0]) == 8
    assert tags[0][3:5] == ["B-PER", "I-PER"] and tags[0][6] == "B-LOC"
    assert set(tagger.manifest["sha256"]) >= {"weights.npz", "vocab.txt"} and "research" in tagger.manifest["licence"]


def test_tagger_refuses_a_model_file_whose_checksum_differs(tmp_path):
    folder = REPO / "src/rasid/resources/models/ner"
    copy = tmp_path / "ner"
    shutil.copytree(folder, copy)
    (copy / "chars.txt").write_text("x", encoding="utf-8")
    with pytest.raises(ModelError, match="chars.txt"):
        load_tagger(str(copy))


def test_spans_chunks_and_clitic_offsets():
    assert tag_chunks(["B-PER", "I-PER", "O", "I-LOC", "B-ORG", "B-ORG"]) == [(0, 2, "PER"), (3, 4, "LOC"),
                                                                             (4, 5, "ORG"), (5, 6, "ORG")]
    ranks = {"سوريا": 10, "وسوريا": 900, "داعش": 50}.get
    assert clitic_length("وسوريا", ranks) == 1 and clitic_length("وزاره", lambda w: None) == 0
    assert clitic_length("للشدادي", ranks) == 1  # ل off, the article's ل stays: لشدادي
    assert clitic_length("وفيوكتيستوف", ranks, frozenset({"فيوكتيستوف"})) == 1
    text = "وَسوريا"
    assert text[name_start(text, 0, len(text), ranks):] == "سوريا"


def test_consistency_gives_a_bare_surname_and_a_repeated_name_their_tag():
    sents = [["قال", "محمد", "الجمعة", "إن", "داعش", "انسحب"], ["وأكد", "الجمعة", "أن", "لداعش", "خلايا"]]
    tags = [["O", "B-PER", "I-PER", "O", "B-ORG", "O"], ["O"] * 5]
    out = propagate(sents, tags)
    assert out[1] == ["O", "B-PER", "O", "B-ORG", "O"] and out[0] == tags[0]
    assert propagate(sents, tags, stop=lambda w: w == "الجمعه")[1][1] == "O"


def test_batch_tag_tokens_and_conll_use_the_model():
    tags = tag_tokens(["وصل", "الرئيس", "جورج", "بوش", "إلى", "باريس", "."])
    assert tags[2:4] == ["B-PER", "I-PER"] and tags[5] == "B-LOC"
    assert tag_tokens([]) == []
    out = list(tag_conll(["زار O", "باريس B-LOC", "", "وصل O", "بوش B-PER", ""]))
    assert out[1] == "باريس B-LOC" and out[2] == "" and len(out) == 6


def test_ner_conll_windows_cover_every_sentence():
    sents = [["باريس", "."]] * (WINDOW + 3)
    tags = tag_conll_sentences(sents)
    assert len(tags) == len(sents) and all(t[0] == "B-LOC" for t in tags)
    assert tag_document([]) == []


@pytest.mark.skipif(not TEST_CONLL.is_file(), reason="../shared/data/anercorp is not available")
def test_ner_anercorp_test_meets_issue_5_acceptance(tmp_path):
    """Issue 5, acceptance 1: micro F1 >= 0.72 and ORG >= 0.56 on the ANERcorp test split."""
    out = tmp_path / "pred.conll"
    run = subprocess.run([sys.executable, "-m", "rasid", "tag", "--conll", str(TEST_CONLL)],
                         capture_output=True, text=True, cwd=REPO, env={"PYTHONPATH": str(REPO / "src")})
    assert run.returncode == 0, run.stderr
    out.write_text(run.stdout, encoding="utf-8")
    score = subprocess.run([sys.executable, str(SHARED / "eval" / "conll_f1.py"), str(TEST_CONLL), str(out), "--json"],
                           capture_output=True, text=True)
    result = json.loads(score.stdout)
    assert result["f1"] >= 0.72 and result["per_type"]["ORG"] >= 0.56, result


def _char_cnn_by_windows(w: dict, chars: np.ndarray) -> np.ndarray:
    """The character CNN as tools/ner_torch.py defines it: each position's window of K
    embeddings (zeros past the word's edge) times the filters, ReLU, max over real positions."""
    n, c = chars.shape
    k = w["char_conv_w"].shape[2]
    e = w["char_emb"][chars]
    pad = np.zeros((n, k // 2, e.shape[2]), np.float32)
    e = np.concatenate([pad, e, pad], axis=1)
    windows = np.concatenate([e[:, j:j + c] for j in range(k)], axis=2)
    kernel = w["char_conv_w"].transpose(2, 1, 0).reshape(k * e.shape[2], -1)
    h = np.maximum(windows @ kernel + w["char_conv_b"], 0.0)
    h[chars == 0] = 0.0
    return h.max(axis=1)


def test_char_features_by_lookup_tables_equal_the_convolution_over_windows():
    network = load_tagger(None).network
    rng = np.random.default_rng(7)
    chars = rng.integers(1, len(network.w["char_emb"]), size=(50, 20))
    for row, length in enumerate(rng.integers(1, 21, size=50)):
        chars[row, length:] = 0  # words of 1 to 20 letters, padded
    assert np.allclose(network._char_features(chars), _char_cnn_by_windows(network.w, chars), atol=1e-5)
