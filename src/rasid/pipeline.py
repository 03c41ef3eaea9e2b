"""The pipeline: an ordered list of small stages, each `Document -> Document`.

A stage adds one kind of annotation, does no I/O and keeps no state between documents,
so a batch or distributed run is the same list mapped over documents. `Pipeline.__call__`
checks that each stage hands a Document on, which catches a stage that forgot to return.
"""
from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rasid.document import Document
from rasid.stages.claims import find_claims
from rasid.stages.events import find_events
from rasid.stages.link import link_entities
from rasid.stages.mentions import find_mentions
from rasid.stages.quantities import find_quantities
from rasid.stages.times import find_times
from rasid.stages.prepare.boilerplate import mark_boilerplate
from rasid.stages.prepare.metadata import read_metadata
from rasid.text.segment import paragraphs, sentences
from rasid.text.tokens import tokenize

Stage = Callable[[Document], Document]

#: Bumped whenever a stage changes what it finds; the store records it per document.
PIPELINE_VERSION = "4"


def segment(doc: Document) -> Document:
    """Stage: paragraphs, sentences and tokens (with clitic parts)."""
    doc.paragraphs = paragraphs(doc.text)
    doc.sentences = sentences(doc.text, doc.paragraphs)
    doc.tokens = tokenize(doc.text)
    return doc


@dataclass(frozen=True)
class Pipeline:
    stages: tuple[tuple[str, Stage], ...]

    def __call__(self, doc: Document) -> Document:
        for name, stage in self.stages:
            doc = stage(doc)
            if not isinstance(doc, Document):
                raise TypeError(f"pipeline stage {name!r} returned {type(doc).__name__}, not a Document")
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterable[Document]:
        for doc in docs:
            yield self(doc)

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.stages]


def default_pipeline() -> Pipeline:
    """The stages every `rasid extract` runs, in order."""
    return Pipeline((
        ("segment", segment),
        ("boilerplate", mark_boilerplate),
        ("metadata", read_metadata),
        ("times", find_times),            # before quantities: dates and years are not amounts
        ("quantities", find_quantities),
        ("mentions", find_mentions),
        ("link", link_entities),
        ("events", find_events),
        ("claims", find_claims),
    ))


#: One sentence that makes every stage load its resources (model, lexicons, gazetteer).
_WARM_UP_TEXT = "قال الجيش إن تنظيم داعش سيطر على 3 آبار نفط في ريف دير الزور يوم الأحد 5 أيار 2019."


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
    gc.collect()
    gc.freeze()
    gen0, gen1, gen2 = gc.get_threshold()
    gc.set_threshold(max(gen0, _GC_YOUNG_THRESHOLD), gen1, gen2)
    _GC_TUNED = True


_GC_YOUNG_THRESHOLD = 20_000
_GC_TUNED = False


def extract(text: str, published: str | None = None, **meta) -> Document:
    """Build a Document from `text` (metadata fields as keywords) and run the pipeline."""
    doc = Document(text=text, published=published, **meta)
    if published is not None:
        doc.meta["published_from"] = "given"
    return default_pipeline()(doc)
