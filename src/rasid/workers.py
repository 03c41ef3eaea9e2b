"""Worker processes that run the pipeline over a batch, each document under a budget.

One document must never take a batch down: a 2 MB "word", a name repeated 100,000 times, a
bug in a stage. The parent reads the inputs and hands each document to a worker process forked
after the warm-up (the models and lexicons are shared copy-on-write, nothing is loaded twice).
A watchdog in the parent stops a worker whose document runs past the time budget or grows the
worker's memory past the memory budget, reports that document in one error line and forks a
fresh worker; the run goes on. Results come back in input order, whatever the number of
workers. Where processes cannot be forked (Windows), documents run in this process with
exceptions caught but no budget; where /proc cannot be read (macOS), only the time budget holds.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from rasid.document import Document
from rasid.errors import InputError

DEFAULT_SECONDS = 60.0     # a news report takes ~20 ms, a 300 KB book-length one a few seconds
DEFAULT_MEMORY_MB = 1024   # growth of a worker's memory while it runs one document
_POLL = 0.05               # seconds between the watchdog's looks at busy workers
_AHEAD = 16                # documents handed out beyond the oldest one not yet returned, per worker
_ORPHAN_CHECK_S = 1.0      # seconds between a worker's looks at whether its parent lives


@dataclass(frozen=True)
class Budget:
    """What one document may cost; 0 or None means no limit of that kind."""
    seconds: float | None = DEFAULT_SECONDS
    memory_mb: float | None = DEFAULT_MEMORY_MB

    @property
    def unlimited(self) -> bool:
        return not self.seconds and not self.memory_mb


def run_pipeline(pipeline, items: Iterable[Document | InputError], *, budget: Budget | None = None,
                 workers: int = 1, finish: Callable[[Document], Any] | None = None) -> Iterator[Any]:
    """`pipeline(doc)` of every document of `items`, in order, or `finish` of it (run where the
    document was extracted: a worker then sends back only what the caller needs, say the JSON
    text, not the whole document; a document `finish` does not hand back is let go of its
    shared analysis, `Document.without_analysis`); input errors pass through, and a document
    that fails or breaks its budget comes out as an InputError naming it."""
    budget = budget or Budget(None, None)
    if (workers <= 1 and budget.unlimited) or "fork" not in multiprocessing.get_all_start_methods():
        for item in items:
            yield item if isinstance(item, InputError) else _run_one(pipeline, item, finish)
        return
    pool = _Pool(pipeline, budget, max(1, workers), finish)
    try:
        yield from pool.run(items)
    finally:
        pool.close()


def describe(doc: Document) -> str:
    """How an error line names a document: its file, and its id where the file holds many."""
    where = doc.path or "<input>"
    return f"{where} (document {doc.id})" if doc.id and doc.id not in where else where


def _run_one(pipeline, doc: Document, finish=None) -> Any:
    try:
        done = pipeline(doc)
        if finish is None:
            return done
        kept = finish(done)
        if kept is not done:
            done.without_analysis()  # its reading points back at it: freed now, not by the collector
        return kept
    except MemoryError:
        return InputError(describe(doc), "ran out of memory while extracting; skipped")
    except Exception as exc:  # a bug in a stage: name the document, keep the run going
        return InputError(describe(doc), f"extraction failed ({type(exc).__name__}: {exc}); skipped")


def _serve(conn: Connection, parent_end: Connection, parent: int, pipeline, finish) -> None:
    """A worker's loop: documents in, results out, until told to stop (None), killed, or left
    alone. A parent killed outright (SIGKILL) cannot stop its workers: each watches that its
    parent (`parent`, the pid the parent gave, in case it died before this line) still lives.
    The fork's copy of the parent's end of this worker's pipe is closed, so that the end of
    input comes as soon as no process holds it (workers forked later hold copies too)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    parent_end.close()
    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()
    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        if message is None:
            return
        seq, doc = message
        result = _run_one(pipeline, doc, finish)
        conn.send((seq, result.without_analysis() if isinstance(result, Document) else result))


def _exit_when_orphaned(parent: int) -> None:
    """Within a second of the parent's death (the worker is handed to another process), end
    this worker, whatever document it is running."""
    while os.getppid() == parent:
        time.sleep(_ORPHAN_CHECK_S)
    os._exit(1)


def _rss_mb(pid: int) -> float | None:
    """Resident memory of a process in MB (Linux /proc), None where it cannot be read."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return None


class _Worker:
    """One forked process, its end of the pipe, and the document it is running."""

    def __init__(self, context, pipeline, finish):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, self.conn, os.getpid(), pipeline, finish),
                                       daemon=True)
        self.process.start()
        child.close()
        self.job: tuple[int, Document, float, float | None] | None = None  # seq, doc, start, RSS then

    def give(self, seq: int, doc: Document) -> None:
        self.conn.send((seq, doc))
        self.job = (seq, doc, time.monotonic(), _rss_mb(self.process.pid))

    def breach(self, budget: Budget) -> str | None:
        """Why the running document must be stopped, or None."""
        seq, doc, started, rss_then = self.job
        elapsed = time.monotonic() - started
        if budget.seconds and elapsed > budget.seconds:
            return f"stopped after {elapsed:.0f} s, over the --doc-timeout of {budget.seconds:g} s; skipped"
        if budget.memory_mb and rss_then is not None:
            rss = _rss_mb(self.process.pid)
            if rss is not None and rss - rss_then > budget.memory_mb:
                return (f"stopped at {rss - rss_then:.0f} MB of memory, over the --doc-memory of "
                        f"{budget.memory_mb:g} MB; skipped")
        return None

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


class _Pool:
    def __init__(self, pipeline, budget: Budget, workers: int, finish):
        self.pipeline, self.budget, self.finish = pipeline, budget, finish
        self.context = multiprocessing.get_context("fork")
        self.workers = [_Worker(self.context, pipeline, finish) for _ in range(workers)]

    def run(self, items: Iterable[Document | InputError]) -> Iterator[Any]:
        source = enumerate(items)
        done: dict[int, Document | InputError] = {}
        next_out, exhausted, limit = 0, False, _AHEAD * len(self.workers)
        queued: list[tuple[int, Document]] = []
        while True:
            while not exhausted and len(queued) < len(self.workers) and len(done) < limit:
                try:
                    seq, item = next(source)
                except StopIteration:
                    exhausted = True
                    break
                if isinstance(item, InputError):
                    done[seq] = item
                else:
                    queued.append((seq, item))
            for worker in self.workers:
                if worker.job is None and queued:
                    worker.give(*queued.pop(0))
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
            busy = [w for w in self.workers if w.job is not None]
            if not busy:
                if exhausted and not queued:
                    return
                continue
            for conn in wait([w.conn for w in busy], timeout=_POLL):
                self._collect(next(w for w in busy if w.conn is conn), done)
            for k, worker in enumerate(self.workers):
                if worker.job is not None and (why := worker.breach(self.budget)):
                    seq, doc = worker.job[:2]
                    done[seq] = InputError(describe(doc), why)
                    self.workers[k] = self._replace(worker)

    def _collect(self, worker: _Worker, done: dict) -> None:
        seq, doc = worker.job[:2]
        try:
            got_seq, result = worker.conn.recv()
        except (EOFError, OSError):  # the worker died (killed from outside, or by the kernel)
            done[seq] = InputError(describe(doc), "the worker process running it died; skipped")
            self.workers[self.workers.index(worker)] = self._replace(worker)
            return
        done[got_seq] = result
        worker.job = None

    def _replace(self, worker: _Worker) -> _Worker:
        worker.stop()
        return _Worker(self.context, self.pipeline, self.finish)

    def close(self) -> None:
        for worker in self.workers:
            if worker.process.is_alive() and worker.job is None:
                try:
                    worker.conn.send(None)
                except OSError:
                    pass
            worker.process.join(timeout=1)
            worker.stop()
