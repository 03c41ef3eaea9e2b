import json

import jsonschema
import pytest
from hypothesis import given, settings, strategies as st

from rasid import extract
from rasid.document import Document
import dataclasses

from rasid.pipeline import GIVEN, Pipeline, PipelineOrderError, Stage, batch_pipeline, default_pipeline, prepare_batch_run
from rasid.resources.catalogue import output_schema, vocabulary


def all_spans(doc):
    for seg in doc.paragraphs + doc.sentences:
        yield seg.start, seg.end, None
    for r in doc.boilerplate:
        yield r.start, r.end, None
    for t in doc.tokens:
        yield t.start, t.end, t.text
        for p in t.parts:
            yield p.start, p.end, None
    for key in ("mentions", "quantities", "times"):
        for item in getattr(doc, key):
            yield item.start, item.end, item.text


def assert_offsets_hold(doc):
    for start, end, text in all_spans(doc):
        assert 0 <= start < end <= len(doc.text)
        if text is not None:
            assert doc.text[start:end] == text


def test_pipeline_output_validates_against_the_schema():
    doc = extract("سياسي | 15 أغسطس 2020 | مالك الحافظ\nقالت الوزارة إنها صادرت نحو مليوني دولار.\n"
                  "نحن نستخدم ملفات تعريف الارتباط")
    jsonschema.validate(doc.to_dict(with_text=True), output_schema())
    assert doc.to_dict()["doc"]["published"] == "2020-08-15"
    assert "text" not in doc.to_dict()["doc"]


def test_pipeline_seed_outputs_validate_and_keep_offsets(seeds):
    for record in seeds:
        doc = extract(record["text"], id=record["id"])
        assert doc.text == record["text"]
        assert_offsets_hold(doc)
        jsonschema.validate(json.loads(json.dumps(doc.to_dict(with_text=True))), output_schema())


def test_pipeline_rejects_a_stage_that_returns_nothing():
    broken = Pipeline((Stage("forgetful", lambda doc: None),))
    with pytest.raises(TypeError, match="forgetful"):
        broken(Document(text="نص"))


def test_pipeline_refuses_a_stage_before_what_it_requires():
    stages = default_pipeline().stages
    events = next(k for k, s in enumerate(stages) if s.name == "events")
    moved = stages[:1] + stages[events:events + 1] + stages[1:events] + stages[events + 1:]
    with pytest.raises(PipelineOrderError, match="'events' requires reading, quantities"):
        Pipeline(moved)
    with pytest.raises(PipelineOrderError, match="'x' requires tokens"):
        Pipeline((Stage("x", lambda doc: doc, ("tokens",)),))


class _Traced(Document):
    """A Document that records which of its fields are read, to check what stages declare."""
    def __getattribute__(self, name):
        if name in _FIELDS and (log := object.__getattribute__(self, "__dict__").get("_log")) is not None:
            log.add(name)
        return object.__getattribute__(self, name)


_FIELDS = {f.name for f in dataclasses.fields(Document)}


def _allowed_reads(stages: tuple[Stage, ...], k: int) -> set[str]:
    """What stage `k` may read: the given fields, what it requires or assigns, and what the
    stages that assign its requirements read in turn (a View reads the tokens under it)."""
    assigned_by = {name: s for s in stages[:k] for name in s.assigns}
    allowed, todo = set(GIVEN) | set(stages[k].assigns), list(stages[k].requires)
    while todo:
        name = todo.pop()
        if name not in allowed:
            allowed.add(name)
            todo.extend(assigned_by[name].requires if name in assigned_by else ())
    return allowed


def test_pipeline_stages_read_only_what_they_declare(seeds):
    stages = default_pipeline().stages
    for record in seeds:
        doc = _Traced(text=record["text"], published=record["published"], outlet=record["outlet"])
        for k, stage in enumerate(stages):
            doc.__dict__["_log"] = set()
            doc = stage.fn(doc)
            undeclared = doc.__dict__["_log"] - _allowed_reads(stages, k)
            assert not undeclared, f"stage {stage.name!r} reads {sorted(undeclared)} without declaring them"


def test_pipeline_vocabularies_come_from_the_schema():
    assert "seizure" in vocabulary("event_type") and "cryptocurrency" in vocabulary("channel")
    assert None not in vocabulary("unit")


ARABIC_MIXED = st.text(alphabet=st.sampled_from(
    list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآىةؤئ") + ["\u0640", "\u064b", "\u0651", " ", "\n", "\r", "٣", "7",
                                                    "،", ".", "؟", "|", "–", "«", "»", "A", "z", "%", "\u200f"]),
    max_size=400)


@settings(max_examples=150, deadline=None)
@given(ARABIC_MIXED)
def test_pipeline_every_span_indexes_the_text(text):
    doc = default_pipeline()(Document(text=text))
    assert doc.text == text
    assert_offsets_hold(doc)


def test_prepare_batch_run_loads_resources_and_tunes_the_collector_once(monkeypatch):
    import gc

    import rasid.pipeline as pipeline_module
    seen, frozen = [], []
    stage_pipeline = Pipeline((Stage("record", lambda doc: seen.append(doc.text) or doc, ("text",)),))
    monkeypatch.setattr(pipeline_module, "_GC_TUNED", False)
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))
    threshold = gc.get_threshold()
    try:
        prepare_batch_run(stage_pipeline)
        prepare_batch_run(stage_pipeline)
        assert len(seen) == 2 and seen[0]          # every call warms the pipeline up
        assert frozen == [True]                     # the collector is tuned once per process
        assert gc.get_threshold()[0] >= pipeline_module._GC_YOUNG_THRESHOLD
    finally:
        gc.set_threshold(*threshold)


def test_batch_pipeline_pauses_the_collector_while_it_loads_and_restores_it(monkeypatch):
    """Loading the models and tables allocates hundreds of thousands of objects: the collector
    is paused meanwhile (a third of the start-up went to full collections), and left as it was."""
    import gc

    import rasid.pipeline as pipeline_module
    states = []
    stage_pipeline = Pipeline((Stage("record", lambda doc: states.append(gc.isenabled()) or doc, ("text",)),))
    monkeypatch.setattr(pipeline_module, "_GC_TUNED", True)  # leave the process's collector tuning alone
    assert gc.isenabled()
    assert batch_pipeline(stage_pipeline) is stage_pipeline
    assert states == [False] and gc.isenabled()
    gc.disable()
    try:
        batch_pipeline(stage_pipeline)
        assert not gc.isenabled()  # a caller that had paused it keeps it paused
    finally:
        gc.enable()


def test_records_become_the_dicts_dataclasses_asdict_gives(seeds):
    """`to_dict` writes each record without `asdict`'s deep copies; the dicts, their key order
    and their containers' types must stay what `asdict` gives (the store and the exports read
    them), for every record of the seed reports and for containers records do not use yet."""
    import dataclasses
    from typing import NamedTuple

    import rasid
    from rasid.document import ANNOTATION_KEYS, _record_dict

    def same(a, b):
        if type(a) is not type(b):
            return False
        if isinstance(a, dict):
            return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
        if isinstance(a, (list, tuple)):
            return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
        return a == b

    checked = 0
    for seed in seeds:
        doc = rasid.extract(seed["text"], published=seed["published"])
        for key in (*ANNOTATION_KEYS, "boilerplate"):
            for record in getattr(doc, key):
                assert same(_record_dict(record), dataclasses.asdict(record)), record
                checked += 1
    assert checked > 200

    class Pair(NamedTuple):
        a: int
        b: str

    @dataclasses.dataclass
    class Inner:
        x: float

    @dataclasses.dataclass
    class Outer:
        pairs: tuple
        inner: list
        table: dict
        other: set

    record = Outer((Pair(1, "a"), (2, Inner(0.5))), [Inner(1.0), None], {"k": Inner(2.0), 3: [Pair(4, "d")]}, {5})
    assert same(_record_dict(record), dataclasses.asdict(record))
