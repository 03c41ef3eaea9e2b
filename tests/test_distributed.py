"""Reports read on a real Dask cluster (a scheduler and two worker processes on loopback, started
by tests/services.py): the same documents and annotations as the local run, in input order, each
report stored once even when a worker is killed mid-run."""
from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest

from rasid.batch import analyze
from rasid.distributed import extract_batch, run_on_dask
from rasid.document import Document
from rasid.errors import InputError, RasidError
from rasid.store import open_store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def stored(db: Path) -> dict[str, str]:
    """Hash → annotations of every stored document."""
    with open_store(db) as store:
        return {d["doc"]["hash"]: json.dumps({k: v for k, v in d.items() if k != "doc"}, sort_keys=True)
                for d in store.iter_documents()}


def test_distributed_run_stores_what_the_local_run_stores(dask_cluster, tmp_path):
    address, _ = dask_cluster
    with open_store(tmp_path / "local.db") as store:
        local = analyze([str(EXAMPLES)], store)
    with open_store(tmp_path / "dask.db") as store:
        remote = analyze([str(EXAMPLES)], store, scheduler=address)
    assert remote.ok and remote.added == local.added == 5
    assert stored(tmp_path / "dask.db") == stored(tmp_path / "local.db")
    with open_store(tmp_path / "dask.db") as store:  # a rerun adds nothing
        assert analyze([str(EXAMPLES)], store, scheduler=address).already_stored == 5


def test_distributed_ingest_into_postgres_is_the_local_run(dask_cluster, postgres_url, tmp_path):
    """The team's set-up: the shared corpus and the examples read on the cluster's workers into a
    shared PostgreSQL store hold the same documents, annotations and corpus (clusters, entities,
    contradictions, shared text) as a local run into SQLite."""
    from conftest import SHARED
    from test_store_backends import corpus_digest, schema_url

    address, _ = dask_cluster
    inputs = [str(EXAMPLES)] + ([str(SHARED / "corpus")] if (SHARED / "corpus").is_dir() else [])
    url = schema_url(postgres_url)
    with open_store(tmp_path / "local.db") as store:
        local = analyze(inputs, store)
        local_corpus = corpus_digest(store)
    with open_store(url) as store:
        remote = analyze(inputs, store, scheduler=address)
        remote_corpus = corpus_digest(store)
    assert remote.ok and remote.added == local.added >= 5
    assert stored(url) == stored(tmp_path / "local.db")
    assert remote_corpus == local_corpus and local_corpus["events"] and local_corpus["claims"]


def test_distributed_a_batch_sends_back_only_what_is_stored():
    """A worker's answer is the annotations, not the stages' shared analysis: the reading holds
    the lexicons' tables (46 MB pickled per batch, which made the cluster 20 times slower than
    one process)."""
    import pickle

    import rasid
    text = "قال مسؤول إن تنظيم داعش يجني نحو مليون دولار شهريا من بيع النفط في دير الزور."
    done = extract_batch([Document(text=text, published="2021-03-10")], None)
    assert done[0].claims and done[0].reading is None and done[0].attribution is None
    assert len(pickle.dumps(done)) < 200 * len(text.encode())
    annotations = lambda doc: {k: v for k, v in doc.to_dict().items() if k != "doc"}  # noqa: E731
    assert annotations(done[0]) == annotations(rasid.extract(text, published="2021-03-10"))


def test_distributed_a_local_cluster_for_the_run(tmp_path):
    """`--scheduler local --workers 2`: a Dask cluster started on this machine for the run, the
    same documents stored as without one, and nothing of it left running after."""
    import multiprocessing

    with open_store(tmp_path / "local.db") as store:
        analyze([str(EXAMPLES)], store)
    with open_store(tmp_path / "cluster.db") as store:
        report = analyze([str(EXAMPLES)], store, scheduler="local", workers=2)
    assert report.ok and report.added == 5
    assert stored(tmp_path / "cluster.db") == stored(tmp_path / "local.db")
    assert multiprocessing.active_children() == []  # the cluster's worker processes are gone


def test_distributed_keeps_input_order_and_input_errors_in_place(dask_cluster):
    address, _ = dask_cluster
    items = [Document(text=f"قال مسؤول إن التنظيم يجني {k} ملايين دولار من النفط.", id=f"d{k}") for k in range(9)]
    items.insert(4, InputError("bad.txt", "not text"))
    out = list(run_on_dask(items, address, batch=2))
    assert [x.id if isinstance(x, Document) else str(x) for x in out] == \
        [x.id if isinstance(x, Document) else str(x) for x in items]
    assert all(isinstance(x, InputError) or x.quantities for x in out)


def test_distributed_a_killed_worker_loses_and_doubles_nothing(tmp_path):
    """A cluster of its own: a scheduler and one worker, which takes the batches; mid-run a second
    worker joins and the first is SIGKILLed while it runs a batch (the only worker, one thread,
    work in flight): the scheduler runs that batch again on the second, and every report comes
    back once, in input order, and is stored once."""
    import subprocess
    import sys

    from distributed import Client
    dask = str(Path(sys.executable).parent / "dask")
    from services import free_port
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    worker = lambda name: subprocess.Popen([dask, "worker", address, "--nthreads", "1", "--no-dashboard",  # noqa: E731
                                            "--no-nanny", "--name", name],
                                           env={**os.environ, "OMP_NUM_THREADS": "1"}, **quiet)
    processes = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                                  **quiet)]
    sentence = "وقال مسؤول في اليوم {k} إن تنظيم داعش يجني {m} ملايين دولار من بيع النفط في دير الزور. "
    texts = ["".join(sentence.format(k=k, m=m) for m in range(30)) for k in range(30)]  # tasks that last
    items = [Document(text=t, id=f"r{k}") for k, t in enumerate(texts)]
    try:
        processes.append(worker("victim"))
        with Client(address, timeout="60s") as watcher:
            watcher.wait_for_workers(1, timeout=120)
            out = []
            for doc in run_on_dask(items, address, batch=2):
                out.append(doc)
                if len(out) == 1:
                    processes.append(worker("rescuer"))
                    watcher.wait_for_workers(2, timeout=120)
                    os.kill(processes[1].pid, signal.SIGKILL)
    finally:
        for process in processes:
            process.kill()
            process.wait(timeout=30)
    assert [d.id for d in out] == [d.id for d in items] and all(d.quantities for d in out)
    with open_store(tmp_path / "s.db") as store:
        added = [a for _, a in store.add_many(out, pipeline_version="t")]
        again = [a for _, a in store.add_many(out, pipeline_version="t")]
        assert sum(added) == store.count() == len(set(texts)) == 30 and not any(again)


def test_distributed_an_unreachable_scheduler_is_a_clear_error():
    with pytest.raises(RasidError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        list(run_on_dask([Document(text="نص")], "tcp://127.0.0.1:9"))
