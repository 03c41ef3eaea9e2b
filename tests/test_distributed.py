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
from rasid.distributed import run_on_dask
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


def test_distributed_keeps_input_order_and_input_errors_in_place(dask_cluster):
    address, _ = dask_cluster
    items = [Document(text=f"قال مسؤول إن التنظيم يجني {k} ملايين دولار من النفط.", id=f"d{k}") for k in range(9)]
    items.insert(4, InputError("bad.txt", "not text"))
    out = list(run_on_dask(items, address, batch=2))
    assert [x.id if isinstance(x, Document) else str(x) for x in out] == \
        [x.id if isinstance(x, Document) else str(x) for x in items]
    assert all(isinstance(x, InputError) or x.quantities for x in out)


def test_distributed_a_killed_worker_loses_and_doubles_nothing(dask_cluster, tmp_path):
    """A third worker joins, takes batches and is SIGKILLed while it holds some: the scheduler
    runs them again on the others, and every report comes back once, in order."""
    import subprocess
    import sys

    from distributed import Client
    address, _ = dask_cluster
    victim = subprocess.Popen([str(Path(sys.executable).parent / "dask"), "worker", address, "--nthreads", "1",
                               "--no-dashboard", "--no-nanny", "--name", "victim"],
                              env={**os.environ, "OMP_NUM_THREADS": "1"}, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    texts = [f"وقال مسؤول في اليوم {k} إن تنظيم داعش يجني {k + 2} ملايين دولار من بيع النفط في دير الزور."
             for k in range(60)]
    items = [Document(text=t, id=f"r{k}") for k, t in enumerate(texts)]
    try:
        with Client(address, timeout="30s") as watcher:
            watcher.wait_for_workers(3, timeout=120)
            held = None
            out = []
            for doc in run_on_dask(items, address, batch=2):
                out.append(doc)
                if held is None:
                    workers = watcher.scheduler_info()["workers"]
                    name = next(a for a, w in workers.items() if w.get("name") == "victim")
                    held = len(watcher.processing().get(name, ()))
                    os.kill(victim.pid, signal.SIGKILL)
    finally:
        victim.kill()
        victim.wait(timeout=30)
    assert held >= 1  # it was holding batches when it died: those ran again elsewhere
    assert [d.id for d in out] == [d.id for d in items]
    with open_store(tmp_path / "s.db") as store:
        added = [a for _, a in store.add_many(out, pipeline_version="t")]
        again = [a for _, a in store.add_many(out, pipeline_version="t")]
        assert sum(added) == store.count() == len(set(texts)) == 60 and not any(again)


def test_distributed_an_unreachable_scheduler_is_a_clear_error():
    with pytest.raises(RasidError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        list(run_on_dask([Document(text="نص")], "tcp://127.0.0.1:9"))
