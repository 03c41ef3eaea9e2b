"""The pipeline: an ordered list of small stages, each `Document -> Document`.

A stage adds one kind of annotation, does no I/O and keeps no state between documents,
so a batch or distributed run is the same list mapped over documents. Like spaCy's
components, each stage declares the document fields it `requires` and those it `assigns`;
a pipeline whose stage needs a field no earlier stage assigned is refused when it is built,
and `Pipeline.__call__` checks that each stage hands a Document on.
"""
from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from rasid.config import RunConfig
from rasid.document import Document
from rasid.ner.tagger import load_tagger
from rasid.models.linear import load_model
from rasid.resources.files import resource_path, use_data_folder
from rasid.resources.prebuilt import use_cache_folder
from rasid.stages.claims.learned import ClaimModels
from rasid.stages.attribution import attribute
from rasid.stages.claims import find_claims
from rasid.stages.events import find_events
from rasid.stages.link import link_entities
from rasid.stages.mentions import find_mentions
from rasid.stages.prepare.boilerplate import mark_boilerplate
from rasid.stages.prepare.metadata import read_metadata
from rasid.stages.prepare.segment import segment
from rasid.stages.quantities import find_quantities
from rasid.stages.reading.view import read
from rasid.stages.times import find_times

#: Bumped whenever a stage changes what it finds; the store records it per document.
PIPELINE_VERSION = "4"

#: What a Document may hold before any stage runs (the input's text and metadata).
GIVEN = frozenset({"text", "id", "path", "title", "published", "outlet", "author", "url", "lang", "meta"})

#: What the events and claims stages read: the reading, every annotation before them, the sources.
_EVIDENCE = ("reading", "quantities", "times", "mentions", "entities", "attribution")


@dataclass(frozen=True)
class Stage:
    """A step of the pipeline: `fn` reads the fields in `requires` and fills those in `assigns`."""
    name: str
    fn: Callable[[Document], Document]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()


class PipelineOrderError(ValueError):
    """A stage requires a document field that no earlier stage assigns."""


def check_order(stages: Iterable[Stage]) -> None:
    """Raise PipelineOrderError at the first stage that requires a field not yet assigned."""
    available = set(GIVEN)
    for stage in stages:
        missing = [name for name in stage.requires if name not in available]
        if missing:
            raise PipelineOrderError(f"pipeline stage {stage.name!r} requires {', '.join(missing)}, "
                                     "which no earlier stage assigns")
        available.update(stage.assigns)


@dataclass(frozen=True)
class Pipeline:
    stages: tuple[Stage, ...]

    def __post_init__(self) -> None:
        check_order(self.stages)

    def __call__(self, doc: Document) -> Document:
        for stage in self.stages:
            doc = stage.fn(doc)
            if not isinstance(doc, Document):
                raise TypeError(f"pipeline stage {stage.name!r} returned {type(doc).__name__}, not a Document")
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterable[Document]:
        for doc in docs:
            yield self(doc)

    @property
    def names(self) -> list[str]:
        return [stage.name for stage in self.stages]


def default_pipeline(config: RunConfig | None = None) -> Pipeline:
    """The stages every `rasid extract` runs, in order, with the resources `config` names
    (the NER model, the data folder, the evidence models) loaded and handed to the stages."""
    return Pipeline((*analysis_pipeline(config).stages,
        Stage("events", partial(find_events, model=load_model(_model_folder("events"))),
              (*_EVIDENCE, "paragraphs"), ("events",)),
        Stage("claims", partial(find_claims, models=ClaimModels(load_model(_model_folder("claims")),
                                                                load_model(_model_folder("roles")))),
              _EVIDENCE, ("claims",)),
    ))


def analysis_pipeline(config: RunConfig | None = None) -> Pipeline:
    """Every stage before the evidence stages (events, claims): what their taggers read, at
    run time and when they are trained (tools/train_evidence.py)."""
    config = config or RunConfig()
    if config.data_dir:
        use_data_folder(config.data_dir)
    if config.cache_dir:
        use_cache_folder(config.cache_dir)
    tagger = load_tagger(config.ner_model)
    return Pipeline((
        Stage("segment", segment, ("text",), ("paragraphs", "sentences", "tokens")),
        Stage("boilerplate", mark_boilerplate, ("text", "paragraphs"), ("boilerplate",)),
        Stage("metadata", read_metadata, ("text", "paragraphs"), ("title", "published", "outlet", "author")),
        Stage("read", read, ("tokens", "sentences", "paragraphs", "boilerplate"), ("reading",)),
        # times before quantities: dates and years are not amounts
        Stage("times", find_times, ("text", "tokens", "reading", "published", "boilerplate"), ("times",)),
        Stage("quantities", find_quantities, ("reading", "times"), ("quantities",)),
        Stage("mentions", partial(find_mentions, tagger=tagger),
              ("tokens", "sentences", "boilerplate", "author", "reading"),
              ("mentions",)),
        Stage("link", link_entities, ("tokens", "mentions"), ("entities",)),
        Stage("attribution", attribute, ("reading", "quantities", "times", "mentions", "entities"),
              ("attribution",)),
    ))


def _model_folder(task: str) -> Path:
    """The shipped model of an evidence task (resources/models/<task>)."""
    return resource_path(f"models/{task}/MANIFEST.json").parent


#: One sentence that makes every stage load its resources (model, lexicons, gazetteer).
_WARM_UP_TEXT = "قال الجيش إن تنظيم داعش سيطر على 3 آبار نفط في ريف دير الزور يوم الأحد 5 أيار 2019."


def batch_pipeline(pipeline: Pipeline | None = None, config: RunConfig | None = None) -> Pipeline:
    """`pipeline` (else the default one for `config`) made ready for a run over many documents
    (`prepare_batch_run`); the collector is paused while the models and tables load, which
    allocate hundreds of thousands of objects that full collections would walk again and again
    (a third of the start-up)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        pipeline = pipeline or default_pipeline(config)
        prepare_batch_run(pipeline)
    finally:
        if enabled:
            gc.enable()
    return pipeline


def prepare_batch_run(pipeline: Pipeline) -> None:
    """Before a run over many documents: load every resource now, then keep what was loaded
    out of the garbage collector's scans (`gc.freeze`) and collect young objects less often.

    Each report allocates thousands of short-lived tokens, and every full collection also
    walked the gazetteer and the models: a tenth of a run's time went there. Process-wide,
    so only batch runners (the CLI, `rasid.batch`) call it. The collector is tuned once per
    process: a long-lived caller (an API server running many batches) does not freeze the
    garbage of its earlier requests.
    """
    global _GC_TUNED
    pipeline(Document(text=_WARM_UP_TEXT))
    if _GC_TUNED:
        return
    gc.freeze()  # no collection first: it found ~900 unreachable objects of ~270,000 and cost 0.1 s
    gen0, gen1, gen2 = gc.get_threshold()
    gc.set_threshold(max(gen0, _GC_YOUNG_THRESHOLD), gen1, gen2)
    _GC_TUNED = True


_GC_YOUNG_THRESHOLD = 20_000
_GC_TUNED = False


def extract(text: str, published: str | None = None, config: RunConfig | None = None, **meta) -> Document:
    """Build a Document from `text` (metadata fields as keywords) and run the pipeline
    (configured by `config`: the NER model)."""
    doc = Document(text=text, published=published, **meta)
    if published is not None:
        doc.meta["published_from"] = "given"
    return default_pipeline(config)(doc)
