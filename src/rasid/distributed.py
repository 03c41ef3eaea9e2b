"""Reports read on a Dask cluster: the same pipeline function as the laptop, batches on workers.

`run_on_dask(items, scheduler)` takes what `rasid.workers.run_pipeline` takes (documents and
input errors, lazily) and yields the same thing in the same order: each batch of documents is a
task (`extract_batch`) on a worker, which builds the pipeline once (kept in the worker process)
with one BLAS thread; at most a few batches per worker are in flight, so memory stays flat
whatever the corpus size. Start workers with one BLAS thread and one thread each (`OMP_NUM_THREADS=1 dask worker
tcp://HOST:PORT --nthreads 1`): the tagger multiplies one sentence at a time, and more threads
only spin. A task is pure (text in, annotations out): a worker killed mid-batch
loses nothing, the scheduler runs its batch again on another (`retries`), and the client, which
alone writes to the store (content-hash keys, one transaction per batch), stores each report
exactly once. A scheduler that cannot be reached is a RasidError.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from itertools import islice

from rasid.document import Document
from rasid.errors import InputError, RasidError

BATCH = 8            # documents per task
IN_FLIGHT = 4        # tasks per worker thread waiting or running at once
RETRIES = 3          # runs of a batch whose worker died
CONNECT = "10s"      # how long to wait for the scheduler
_PIPELINES: dict = {}  # the worker process's pipelines by run configuration, built at their first batch


def extract_batch(docs: list[Document], config=None) -> list[Document | InputError]:
    """Run the pipeline over `docs` on a worker; a document that fails is an InputError naming it,
    as in the local path."""
    if config not in _PIPELINES:
        from rasid.pipeline import batch_pipeline
        _PIPELINES[config] = batch_pipeline(config=config)
    pipeline = _PIPELINES[config]
    out: list[Document | InputError] = []
    for doc in docs:
        try:
            out.append(pipeline(doc).without_analysis())  # what goes back is what the store writes
        except Exception as e:  # one document can never take the batch down (as rasid.workers words it)
            from rasid.workers import describe
            out.append(InputError(describe(doc), f"extraction failed ({type(e).__name__}: {e}); skipped"))
    return out


LOCAL = "local"  # the scheduler "address" that starts a Dask cluster on this machine for the run
ONE_BLAS_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}  # its workers' own


def run_on_dask(items: Iterable[Document | InputError], scheduler: str, *, config=None,
                batch: int = BATCH, workers: int = 1) -> Iterator[Document | InputError]:
    """The documents of `items` through the pipeline on the cluster at `scheduler`
    (tcp://host:port; `local`: a cluster of `workers` single-threaded processes on loopback,
    started for the run and stopped after it), input errors passed through, in input order."""
    from distributed import Client
    with ExitStack() as stack:
        if scheduler == LOCAL:
            from distributed import LocalCluster
            cluster = stack.enter_context(LocalCluster(n_workers=max(1, workers), threads_per_worker=1,
                                                       processes=True, host="127.0.0.1", dashboard_address=":0",
                                                       env=ONE_BLAS_THREAD))
            scheduler = cluster.scheduler_address
        try:
            client = stack.enter_context(Client(scheduler, timeout=CONNECT))
        except (OSError, TimeoutError) as e:
            raise RasidError(f"cannot reach the Dask scheduler at {scheduler}: {e}") from e
        limit = max(1, IN_FLIGHT * sum(client.nthreads().values()))
        yield from _ordered(client, iter(items), batch, limit, config)


def _ordered(client, items: Iterator[Document | InputError], batch: int, limit: int,
             config) -> Iterator[Document | InputError]:
    """Submit batches as earlier ones finish (at most `limit` waiting) and yield in input order;
    an input error keeps its place."""
    pending: deque = deque()
    while True:
        while len(pending) < limit and (chunk := list(islice(items, batch))):
            docs = [x for x in chunk if isinstance(x, Document)]
            future = client.submit(extract_batch, docs, config, retries=RETRIES, pure=False) if docs else None
            pending.append((chunk, future))
        if not pending:
            return
        chunk, future = pending.popleft()
        done = iter(future.result() if future is not None else [])
        for x in chunk:
            yield x if isinstance(x, InputError) else next(done)
