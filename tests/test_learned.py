"""The learned evidence taggers: model files checked on load, spans decoded, proposals merged with the rules."""
from __future__ import annotations

import numpy as np
import pytest

from rasid.document import Document
from rasid.models.linear import LinearModel, ModelFileError, load_model, save_model
from rasid.pipeline import _model_folder, analysis_pipeline, default_pipeline
from rasid.stages.events import find_events
from rasid.stages.reading.features import scores_of, sentence_rows
from rasid.stages.reading.tagging import tagged_spans
from rasid.stages.reading.view import View

LABELS = ("O", "B-attack", "I-attack", "B-clash", "B-return")


def model_of(weights: dict[str, dict[str, float]]) -> LinearModel:
    """A model whose feature `f` adds `weights[f][label]` to a label's score ("bias" favours O)."""
    features = ["bias", *weights]
    matrix = np.zeros((len(features), len(LABELS)), dtype=np.float32)
    matrix[0, 0] = 3.0
    for k, feature in enumerate(features[1:], 1):
        for label, value in weights[feature].items():
            matrix[k, LABELS.index(label)] = value
    return LinearModel(LABELS, {f: k for k, f in enumerate(features)}, matrix)


def view_of(text: str) -> View:
    return View.of(analysis_pipeline()(Document(text=text, published="2021-03-10")))


def test_learned_spans_start_at_b_and_run_while_i_beats_o():
    view = view_of("قال شهود إن كمينا ناريا محكما وقع قرب القرية.")
    model = model_of({"w=كمينا": {"B-attack": 8.0}, "w=ناريا": {"I-attack": 8.0}, "w=محكما": {"I-attack": 2.0}})
    lo, hi = view.sent_ranges[0]
    [(start, end, label)] = tagged_spans(model, view, lo, hi, threshold=0.5)
    assert label == "attack" and view.words[start:end] == ["كمينا", "ناريا"]  # محكما: I-attack < O
    assert tagged_spans(model, view, lo, hi, threshold=0.9999) == []


def test_learned_events_add_what_the_rules_miss_and_the_lexicon_allows():
    text = ("نصب مسلحون كمينا ناريا لدورية الجيش أمس. وقال الجيش إن هجوما وقع قرب القرية. "
            "وعاد 50 مقاتلا إلى بلادهم.")
    doc = analysis_pipeline()(Document(text=text, published="2021-03-10"))
    plain = [(e.type, text[e.trigger.start:e.trigger.end]) for e in find_events(doc).events]
    assert plain == [("attack", "كمينا")]
    model = model_of({"w=كمينا": {"B-clash": 8.0},    # overlaps the rule event: dropped
                      "w=هجوما": {"B-clash": 8.0},    # what the rules missed: added
                      "w=وعاد": {"B-return": 8.0}})   # a return the lexicon says needs a date: dropped
    learned = find_events(doc, model=model).events
    assert [(e.type, text[e.trigger.start:e.trigger.end]) for e in learned] == [*plain, ("clash", "هجوما")]
    assert learned[1].date == "2021-03-09"  # the incident's date, carried from the sentence before
    assert [e.id for e in learned] == ["v1", "v2"]


def test_learned_shelling_from_the_air_is_an_airstrike_and_a_learned_attack_keeps_its_type():
    """What carries out a learned explosion types it (`مقاتلات … دكّت`: an airstrike); a learned
    attack keeps its type beside a means word, which may be what it hit (`أغرق زوارق مفخخة`)."""
    text = "ودكت مقاتلات التحالف أمس مخازن الذخيرة. وأغرق الجيش أمس زوارق مفخخة قرب الساحل."
    doc = analysis_pipeline()(Document(text=text, published="2021-03-10"))
    labels = ("O", "B-explosion", "B-attack")
    features = ["bias", "w=ودكت", "w=واغرق"]
    matrix = np.zeros((3, 3), dtype=np.float32)
    matrix[0, 0], matrix[1, 1], matrix[2, 2] = 3.0, 8.0, 8.0
    model = LinearModel(labels, {f: k for k, f in enumerate(features)}, matrix)
    found = [(e.type, text[e.trigger.start:e.trigger.end]) for e in find_events(doc, model=model).events]
    assert found == [("airstrike", "ودكت"), ("attack", "وأغرق")]


def test_learned_model_files_are_checked_on_load(tmp_path):
    save_model(tmp_path / "m", list(LABELS), ["bias", "w=x"], np.ones((2, len(LABELS)), dtype=np.float32), {"task": "t"})
    model = load_model(tmp_path / "m")
    assert model.labels == LABELS
    assert model.scores([["w=x", "unknown"], ["unknown"], ["bias", "w=x"]]).tolist() == [
        [1.0] * len(LABELS), [0.0] * len(LABELS), [2.0] * len(LABELS)]
    (tmp_path / "m" / "features.txt").write_text("bias\nw=y\n", encoding="utf-8")
    load_model.cache_clear()
    with pytest.raises(ModelFileError, match="does not match its MANIFEST"):
        load_model(tmp_path / "m")
    with pytest.raises(ModelFileError, match="no MANIFEST"):
        load_model(tmp_path)


def test_the_default_pipeline_runs_the_shipped_taggers():
    stages = {s.name: s.fn for s in default_pipeline().stages}
    assert isinstance(stages["events"].keywords["model"], LinearModel)
    models = stages["claims"].keywords["models"]
    assert "O" in models.evidence.labels and set(models.roles.labels) <= {
        "revenue", "asset", "loss", "transfer", "investment", "seizure", "expenditure"}


def test_scores_of_rows_some_of_them_empty_are_the_sums_of_their_features():
    model = model_of({"w=a": {"B-attack": 2.0}, "w=b": {"B-clash": 1.0}})
    rows = [[], ["w=a"], [], ["w=a", "w=b", "w=a"], [], []]  # empty rows first, between and last
    expected = [[0, 0, 0, 0, 0], [0, 2, 0, 0, 0], [0, 0, 0, 0, 0], [0, 4, 0, 1, 0], [0, 0, 0, 0, 0],
                [0, 0, 0, 0, 0]]
    assert model.scores(rows).tolist() == expected
    assert model.scores(rows, ["bias"]).tolist() == [[3 + row[0], *row[1:]] for row in expected]


def test_pair_index_finds_a_pair_however_its_words_hold_the_separator():
    model = model_of({"bb-=a|b": {"B-attack": 1.0}, "bb-=x|y|z": {"B-clash": 1.0}, "bb+=a|b": {"B-clash": 1.0}})
    pairs = model.pair_index("bb-=")
    assert pairs[("a", "b")] == model.index["bb-=a|b"]
    assert pairs[("x|y", "z")] == pairs[("x", "y|z")] == model.index["bb-=x|y|z"]
    assert ("x", "y") not in pairs and ("b", "a") not in pairs
    assert model.pair_index("bb+=") == {("a", "b"): model.index["bb+=a|b"]}


def test_known_after_reads_what_follows_each_prefix():
    """What follows each prefix in the features the model knows: for several prefixes at once,
    for a base that is itself `=` or holds one, and for a prefix that stops before its `=`."""
    model = model_of({"b-1=x": {"B-attack": 1.0}, "b-1==": {"B-attack": 1.0}, "b-1=a=b": {"B-clash": 1.0},
                      "b+1=y": {"B-clash": 1.0}, "bb-=x|y": {"B-attack": 1.0}, "w=x": {"B-attack": 1.0}})
    assert model.known_after(("b-1=",)) == {"x", "=", "a=b"}
    assert model.known_after(("b-1=", "b+1=")) == {"x", "=", "a=b", "y"}
    assert model.known_after(("b-2=",)) == frozenset()
    assert model.known_after(("b",)) == {"ias", "-1=x", "-1==", "-1=a=b", "+1=y", "b-=x|y"}  # "bias" too


def test_run_time_scores_equal_the_sums_of_the_training_rows(seeds):
    """The taggers score sentences through cached sums (`scores_of`), training spells the rows
    out as strings (`sentence_rows`): the two must give the same scores, sentence by sentence,
    with sentences scored alone or a whole report at once, and with the caches warm."""
    models = [load_model(_model_folder(task)) for task in ("events", "claims")]
    for record in seeds[:3]:
        view = View.of(analysis_pipeline()(Document(text=record["text"])))
        ranges = [(lo, hi) for lo, hi in view.sent_ranges if hi > lo]
        for model in models:
            together = scores_of(model, view, ranges)
            for (lo, hi), batch in zip(ranges, together):
                rows = sentence_rows(view, lo, hi)
                spelled = model.scores(rows.tokens, rows.shared)
                assert np.allclose(batch, spelled, atol=1e-4)
                assert np.allclose(scores_of(model, view, [(lo, hi)])[0], spelled, atol=1e-4)


def test_tagged_spans_hand_each_caller_its_own_list_and_scores_of_nothing_is_nothing():
    view = view_of("قال شهود إن كمينا ناريا وقع قرب القرية.")
    model = model_of({"w=كمينا": {"B-attack": 8.0}})
    lo, hi = view.sent_ranges[0]
    first = tagged_spans(model, view, lo, hi, threshold=0.5)
    first.append((0, 1, "clash"))
    assert tagged_spans(model, view, lo, hi, threshold=0.5) == [(3, 4, "attack")]
    assert scores_of(model, view, []) == []


def test_tagged_spans_of_two_models_on_one_report_are_their_own():
    """Runs are kept per model on the report: a model made after another is freed must not be
    handed the other's runs (Python may give it the same id)."""
    view = view_of("قال شهود إن كمينا ناريا وقع قرب القرية.")
    lo, hi = view.sent_ranges[0]
    for k in range(20):
        label = ("B-attack", "B-clash")[k % 2]
        model = model_of({"w=كمينا": {label: 8.0}})
        assert tagged_spans(model, view, lo, hi, threshold=0.5) == [(3, 4, label[2:])]
        del model


def test_a_sentence_with_a_date_and_a_number_but_no_evidence_word_is_not_tagged():
    from rasid.stages.reading.features import may_hold_evidence
    plain = View.of(analysis_pipeline()(Document(text="وصل 20 زائرا إلى المعرض يوم الأحد 5 آذار 2020.")))
    attack = View.of(analysis_pipeline()(Document(text="شن مسلحون هجوما على القرية يوم الأحد.")))
    assert plain.times.items and plain.quantities.items  # a date and a number, and nothing else
    assert [may_hold_evidence(plain, lo, hi) for lo, hi in plain.sent_ranges] == [False]
    assert [may_hold_evidence(attack, lo, hi) for lo, hi in attack.sent_ranges] == [True]
    model = load_model(_model_folder("events"))
    assert tagged_spans(model, plain, *plain.sent_ranges[0], threshold=0.0) == []
