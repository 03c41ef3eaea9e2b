"""Runs over many inputs: read, extract, store. The CLI and later the API call these.

Bad inputs come through as `InputError` values next to the documents, so a caller can
report each one and go on; nothing here raises for a bad file.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from rasid.config import RunConfig
from rasid.document import Document
from rasid.errors import InputError
from rasid.ingest import DEFAULT_MAX_BYTES, read_inputs
from rasid.pipeline import PIPELINE_VERSION, Pipeline, batch_pipeline
from rasid.workers import Budget, run_pipeline


def given_published(doc: Document, published: str | None) -> Document:
    """Apply a publication date given by the user; it overrides whatever the input said."""
    if published is not None:
        doc.published = published
        doc.meta["published_from"] = "given"
    return doc


def extract_inputs(paths: list[str], *, published: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                   stdin: BinaryIO | None = None, pipeline: Pipeline | None = None,
                   config: RunConfig | None = None, budget: Budget | None = None,
                   workers: int = 1, finish=None) -> Iterator:
    """Every document of `paths` run through the pipeline (the default one, configured by
    `config`, unless one is given), in input order, or the error that stopped it. With a
    `budget` or several `workers`, documents run in worker processes (rasid.workers) and one
    that runs too long or grows too large is stopped and reported; `finish` (a document → what
    the caller keeps of it) runs where the document was extracted."""
    pipeline = batch_pipeline(pipeline, config)
    documents = (item if isinstance(item, InputError) else given_published(item, published)
                 for item in read_inputs(paths, max_bytes=max_bytes, stdin=stdin))
    yield from run_pipeline(pipeline, documents, budget=budget, workers=workers, finish=finish)


@dataclass
class AnalyzeReport:
    """What one `analyze` run did."""
    added: int = 0
    already_stored: int = 0
    errors: list[InputError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def analyze(paths: list[str], store, *, published: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
            stdin: BinaryIO | None = None, on_item=None, batch_size: int = 50,
            config: RunConfig | None = None, budget: Budget | None = None, workers: int = 1,
            scheduler: str | None = None) -> AnalyzeReport:
    """Ingest `paths` into `store`; texts already stored are skipped before extraction.

    `on_item(doc_or_error, added)` is called after each input (progress bars, logs).
    Commits in batches, so a killed run leaves a consistent store and a rerun adds the rest.
    The corpus layer (entities, event and claim clusters, contradictions) then reads what is new.
    `budget` and `workers` as for `extract_inputs`; with `scheduler` (tcp://host:port, or `local`
    for a cluster of `workers` started here) the pipeline runs on Dask workers, this process stores.
    """
    from rasid.store.corpus import update_corpus

    report = AnalyzeReport()
    on_item = on_item or (lambda item, added: None)
    unstored = _unstored(read_inputs(paths, max_bytes=max_bytes, stdin=stdin), store, published, report, on_item)

    def new_documents() -> Iterator[Document]:
        if scheduler:
            from rasid.distributed import run_on_dask
            run = run_on_dask(unstored, scheduler, config=config, workers=workers)
        else:
            run = run_pipeline(batch_pipeline(config=config), unstored, budget=budget, workers=workers)
        for item in run:
            if isinstance(item, InputError):
                report.errors.append(item)
                on_item(item, False)
            else:
                yield item

    for doc, added in store.add_many(new_documents(), pipeline_version=PIPELINE_VERSION,
                                     batch_size=batch_size):
        if added:
            report.added += 1
        else:
            report.already_stored += 1  # the same text twice within this run
        on_item(doc, added)
    update_corpus(store)
    return report


def _unstored(items: Iterable[Document | InputError], store, published: str | None, report: AnalyzeReport,
              on_item) -> Iterator[Document | InputError]:
    """The inputs whose text the store does not hold yet (and the input errors), before extraction."""
    from rasid.store import content_hash
    for item in items:
        if isinstance(item, InputError):
            yield item
        elif store.has_hash(content_hash(item.text)):
            report.already_stored += 1
            on_item(item, False)
        else:
            yield given_published(item, published)


def iter_conll_sentences(lines: Iterable[str]) -> Iterator[list[str]]:
    """Token columns of a CoNLL file, one list per sentence (blank lines separate them)."""
    sentence: list[str] = []
    for line in lines:
        parts = line.split()
        if parts:
            sentence.append(parts[0])
        elif sentence:
            yield sentence
            sentence = []
    if sentence:
        yield sentence


def tag_tokens(tokens: list[str]) -> list[str]:
    """IOB2 entity tags for one sentence of tokens, by the model `extract` uses.

    Tokens are taken as given (ANERcorp keeps clitics on words and splits punctuation, as
    Rasid's tokenizer does); each is read through the same features as a Rasid token.
    Tagging several sentences at once (`rasid.ner.tag_conll_sentences`) also makes names
    consistent across them.
    """
    from rasid.ner import tag_document
    return tag_document([tokens])[0] if tokens else []


def tag_conll(lines: Iterable[str], config: RunConfig | None = None) -> Iterator[str]:
    """`token tag` output lines for CoNLL input lines, same tokens in the same order.

    Consecutive sentences are tagged together, a window at a time, as `extract` tags the
    sentences of one report: a name is then tagged the same way wherever it recurs.
    """
    from rasid.ner import WINDOW, load_tagger, tag_conll_sentences
    tagger = load_tagger(config.ner_model if config else None)
    window: list[list[str]] = []
    for sentence in iter_conll_sentences(lines):
        window.append(sentence)
        if len(window) == WINDOW:
            yield from _conll_lines(window, tag_conll_sentences(window, tagger))
            window = []
    if window:
        yield from _conll_lines(window, tag_conll_sentences(window, tagger))


def _conll_lines(sentences: list[list[str]], tags: list[list[str]]) -> Iterator[str]:
    for sentence, sentence_tags in zip(sentences, tags):
        for token, tag in zip(sentence, sentence_tags):
            yield f"{token} {tag}"
        yield ""
