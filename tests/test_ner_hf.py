"""The optional Hugging Face NER backend (`--ner-model PATH`, issue 5).

Every model here is a tiny randomly initialised BERT that the tests make and save into a
temporary folder (a WordPiece vocabulary of a few words and the Arabic letters); nothing is
downloaded (HF_HUB_OFFLINE=1). Some models have their classifier fixed to favour one label,
so that what comes out shows which label mapping and which pieces of a sentence were used.
"""
from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO
from rasid.cli import main
from rasid.ner.hf import BATCH, HfTagger, iob2, repair
from rasid.ner.tagger import forget_models, load_tagger

LABELS = ["O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC",
          "B-DATE", "I-DATE", "LABEL_11"]
WORDS = ["قال", "الرئيس", "جورج", "بوش", "في", "واشنطن", "."]
LETTERS = [chr(c) for c in range(0x621, 0x64B)]
VOCAB = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", ".", "،", "بوش", "واشنطن", *LETTERS,
         *("##" + c for c in LETTERS)]
VALID = {"O"} | {f"{b}-{k}" for b in "BI" for k in ("PER", "LOC", "ORG", "MISC")}
TEXT = "قال الرئيس جورج بوش في واشنطن إن الحكومة ستدفع مليون دولار.\n\nوزار بوش بغداد يوم الأحد."


@pytest.fixture(scope="module")
def transformers():
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HF_HUB_OFFLINE", "1")
        mp.setenv("TRANSFORMERS_OFFLINE", "1")
        yield pytest.importorskip("transformers")
    forget_models()


@pytest.fixture(scope="module")
def make_model(transformers, tmp_path_factory):
    """make_model(favour=None, max_positions=64) → the folder of a new tiny BERT."""
    import torch

    def make(favour: str | None = None, max_positions: int = 64) -> str:
        folder = tmp_path_factory.mktemp("hf-ner")
        (folder / "vocab.txt").write_text("\n".join(VOCAB), encoding="utf-8")
        tokenizer = transformers.BertTokenizerFast(vocab=str(folder / "vocab.txt"), do_lower_case=False)
        config = transformers.BertConfig(
            vocab_size=len(VOCAB), hidden_size=16, num_hidden_layers=2, num_attention_heads=2,
            intermediate_size=32, max_position_embeddings=max_positions, num_labels=len(LABELS),
            id2label=dict(enumerate(LABELS)), label2id={label: i for i, label in enumerate(LABELS)})
        torch.manual_seed(0)
        model = transformers.BertForTokenClassification(config)
        if favour:
            with torch.no_grad():
                model.classifier.weight.zero_()
                model.classifier.bias.zero_()
                model.classifier.bias[LABELS.index(favour)] = 10.0
        model.save_pretrained(folder)
        tokenizer.save_pretrained(folder)
        return str(folder)
    return make


@pytest.fixture(scope="module")
def random_model(make_model):
    return make_model()


def valid_iob2(tags: list[str]) -> bool:
    return all(t in VALID for t in tags) and all(
        not t.startswith("I-") or (i > 0 and tags[i - 1][2:] == t[2:]) for i, t in enumerate(tags))


def record_calls(tagger: HfTagger) -> list[dict]:
    """Each forward pass of the tagger's model: its input shape, device, and inference mode."""
    import torch
    calls: list[dict] = []

    def hook(module, args, kwargs, output):
        ids = kwargs["input_ids"]
        calls.append({"shape": tuple(ids.shape), "device": ids.device.type,
                      "inference": torch.is_inference_mode_enabled()})
    tagger.model.register_forward_hook(hook, with_kwargs=True)
    return calls


def test_hf_labels_map_to_iob2_over_rasid_types():
    assert [iob2(x) for x in ("B-PERS", "I-PERSON", "B-GPE", "i-org", "B-MISC", "O")] == \
        ["B-PER", "I-PER", "B-LOC", "I-ORG", "B-MISC", "O"]
    assert [iob2(x) for x in ("S-ORG", "E-LOC", "U-PER", "L-PER", "B_LOC", "PER")] == \
        ["B-ORG", "I-LOC", "B-PER", "I-PER", "B-LOC", "I-PER"]
    assert {iob2(x) for x in ("B-DATE", "I-TIME", "LABEL_3", "X", "")} == {"O"}
    assert repair(["I-PER", "I-PER", "O", "I-LOC", "B-ORG", "I-LOC"]) == \
        ["B-PER", "I-PER", "O", "B-LOC", "B-ORG", "B-LOC"]


def test_hf_tags_one_valid_iob2_tag_per_input_token(random_model):
    forget_models()
    tagger = load_tagger(random_model)
    assert isinstance(tagger, HfTagger) and tagger.manifest["backend"] == "transformers"
    enc = tagger.tokenizer([["قال"]], is_split_into_words=True, add_special_tokens=False)
    assert tagger.tokenizer.convert_ids_to_tokens(enc["input_ids"][0]) == ["ق", "##ا", "##ل"]  # real sub-words
    sentences = [WORDS, [], WORDS[:3], ["الحكومة"] * 5, ["x", "\u200b", "واشنطن"]]
    tags = tagger.tag(sentences)
    assert [len(t) for t in tags] == [len(s) for s in sentences]
    assert all(valid_iob2(t) for t in tags)
    assert tags[4][1] == "O"  # a token of which the tokenizer keeps no sub-word (a zero-width space)
    assert tagger.tag([WORDS]) == tags[:1]  # batch padding changes nothing
    assert tagger.tag([]) == [] and tagger.tag([[]]) == [[]]


@pytest.mark.parametrize("favour, expected", [
    ("B-PERS", ["B-PER", "B-PER", "B-PER"]),
    ("I-PERS", ["B-PER", "I-PER", "I-PER"]),
    ("I-LOC", ["B-LOC", "I-LOC", "I-LOC"]),
    ("B-MISC", ["B-MISC", "B-MISC", "B-MISC"]),
    ("B-DATE", ["O", "O", "O"]),
    ("LABEL_11", ["O", "O", "O"]),
])
def test_hf_model_labels_are_read_from_its_config(make_model, favour, expected):
    tagger = HfTagger(make_model(favour))
    assert tagger.tag([WORDS[:3]]) == [expected]


def test_hf_runs_batches_on_the_device_in_inference_mode(random_model):
    import torch
    tagger = HfTagger(random_model)
    calls = record_calls(tagger)
    sentences = [WORDS[:1 + i % 7] for i in range(2 * BATCH + 5)]
    tags = tagger.tag(sentences)
    assert [len(t) for t in tags] == [len(s) for s in sentences]
    device = "cuda" if torch.cuda.is_available() else "cpu"
    assert tagger.device.type == device and next(tagger.model.parameters()).device.type == device
    assert len(calls) == 3 and sorted(c["shape"][0] for c in calls) == [5, BATCH, BATCH]
    assert all(c["device"] == device and c["inference"] for c in calls)
    assert not torch.is_inference_mode_enabled()


def test_hf_sentence_longer_than_the_model_is_tagged_in_pieces(make_model):
    tagger = HfTagger(make_model("I-ORG", max_positions=24))
    assert tagger.tokenizer.model_max_length > 10**6  # the limit comes from the model's config
    calls = record_calls(tagger)
    long_word = "ق" * 40  # 40 sub-words: more than fit, cut short, still tagged by its first
    sentence = [WORDS[i % len(WORDS)] for i in range(300)] + [long_word] + WORDS
    tags = tagger.tag([sentence, WORDS])
    assert len(tags[0]) == len(sentence) and tags[1] == ["B-ORG"] + ["I-ORG"] * (len(WORDS) - 1)
    assert tags[0] == ["B-ORG"] + ["I-ORG"] * (len(sentence) - 1)  # every piece went through the model
    assert all(c["shape"][1] <= 24 for c in calls) and sum(c["shape"][0] for c in calls) > 20


def test_hf_cli_tag_conll_gives_one_tag_per_token_line(make_model, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("RASID_NER_MODEL", raising=False)
    lines = ["قال O", "جورج B-PER", "بوش I-PER", "", "في O", "واشنطن B-LOC", ".", "", "بغداد", ""]
    conll = tmp_path / "in.conll"
    conll.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["tag", "--conll", str(conll), "--ner-model", make_model("B-MISC")]) == 0
    out = capsys.readouterr().out.split("\n")
    assert out[-1] == "" and out[:-1] == [f"{line.split()[0]} B-MISC" if line else "" for line in lines]
    assert "RASID_NER_MODEL" not in os.environ  # the run never writes the environment

    assert main(["tag", "--conll", str(conll), "--ner-model", make_model()]) == 0
    out = capsys.readouterr().out.split("\n")[:-1]
    assert len(out) == len(lines)
    for line, got in zip(lines, out):
        assert (got == "") == (line == "")
        if line:
            token, tag = got.split(" ")
            assert token == line.split()[0] and tag in VALID


def test_hf_cli_extract_mentions_keep_their_offsets(make_model, tmp_path, capsys):
    report = tmp_path / "report.txt"
    report.write_text(TEXT, encoding="utf-8")
    for model in (make_model(), make_model("B-LOC")):
        assert main(["extract", str(report), "--format", "jsonl", "--with-text", "--ner-model", model]) == 0
        doc = json.loads(capsys.readouterr().out)
        text = doc["doc"]["text"]
        assert doc["mentions"] and all(text[m["start"]:m["end"]] == m["text"] for m in doc["mentions"])
        assert doc["doc"]["meta"]["ner_model"] == f"{Path(model).name} transformers"
    # every word is a LOC to the second model, words the shipped model leaves alone too
    assert {"الحكومة", "ستدفع"} <= {m["text"] for m in doc["mentions"] if m["type"] == "LOC"}


def test_cli_ner_model_must_be_a_model_folder(tmp_path, capsys, monkeypatch):
    conll = tmp_path / "in.conll"
    conll.write_text("بغداد O\n\n", encoding="utf-8")
    missing = tmp_path / "no-such-model"
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    run = subprocess.run([sys.executable, "-m", "rasid", "tag", "--conll", str(conll), "--ner-model", str(missing)],
                         capture_output=True, text=True, cwd=tmp_path, env=env)
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr.splitlines() == [f"rasid: error: --ner-model {missing}: no such folder"]

    neither = tmp_path / "neither"
    neither.mkdir()
    (neither / "config.json").write_text('{"tags": ["O"]}', encoding="utf-8")
    half = tmp_path / "half"  # a transformers config, no weights
    half.mkdir()
    (half / "config.json").write_text('{"model_type": "bert"}', encoding="utf-8")
    no_hf = "cannot be loaded" if importlib.util.find_spec("transformers") else "pip install 'rasid[hf]'"
    for folder, says in ((neither, "neither a Rasid NER model"), (half, no_hf), (conll, "not a folder")):
        code = main(["extract", str(conll), "--ner-model", str(folder)])
        err = capsys.readouterr().err.strip()
        assert code == 2 and "\n" not in err and err.startswith(f"rasid: error: --ner-model {folder}: ")
        assert says in err
    monkeypatch.setenv("RASID_NER_MODEL", str(missing))
    assert main(["tag", "--conll", str(conll)]) == 2
    assert capsys.readouterr().err.strip() == f"rasid: error: RASID_NER_MODEL={missing}: no such folder"
