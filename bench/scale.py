"""Rasid past one machine: reports per second by store and by how the pipeline runs, a Dask
worker's peak memory at two corpus sizes, and a projection for a million reports.

    .venv/bin/python bench/scale.py                       # the figures of bench/README.md
    .venv/bin/python bench/scale.py --reports 200 --sizes 500 2000    # a quicker look

Every run is `rasid.batch.analyze` whole: reading a JSONL file of reports (bench/synthetic.py:
articles of the shared unlabeled news corpus, or with `--source examples` synthetic reports made
from examples/), the pipeline, the store's write (one transaction per batch) and
the corpus layer's pass after ingest. Ways the pipeline runs:

- `processes`: `--workers N`, worker processes forked on this machine (rasid.workers);
- `dask-local`: a `distributed.LocalCluster` of N single-threaded worker processes;
- `dask-external`: `dask scheduler` and N `dask worker` processes started as a cluster's would
  be, reached by address (`--scheduler tcp://…`), as on a real cluster.

Stores: a SQLite file, and a throwaway PostgreSQL server on loopback (tools/local_services.py;
`--postgres URL` to use another). Memory: the peak RSS of each worker process (getrusage in the
worker itself) after runs of two sizes on a fresh cluster each. Results go to bench/scale.json
and are printed as the tables bench/README.md shows.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import signal
import sys
import tempfile
import time
import uuid
from contextlib import ExitStack, contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "src"), str(REPO / "tools"), str(REPO / "bench")]

import local_services  # noqa: E402
import synthetic  # noqa: E402

from rasid.batch import analyze  # noqa: E402
from rasid.store import open_store  # noqa: E402

MODES = ("processes", "dask-local", "dask-external")
PARTS = ("throughput", "store", "memory")


@contextmanager
def pipeline_runner(mode: str, workers: int):
    """analyze()'s keyword arguments for `mode` with `workers`, and the cluster's address (or None)."""
    if mode == "processes":
        yield {"workers": workers}, None
    elif mode == "dask-local":
        from distributed import LocalCluster
        os.environ.setdefault("OMP_NUM_THREADS", "1")
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                          host="127.0.0.1") as cluster:
            yield {"scheduler": cluster.scheduler_address}, cluster.scheduler_address
    else:
        with local_services.dask_cluster(workers) as (address, _):
            yield {"scheduler": address}, address


@contextmanager
def store_at(backend: str, folder: Path, postgres: str | None):
    """A new, empty store of `backend` (a file in `folder`, or a schema of its own on `postgres`)."""
    if backend == "sqlite":
        with open_store(folder / f"{uuid.uuid4().hex}.db") as store:
            yield store
        return
    import psycopg
    schema = f"scale_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(postgres, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    try:
        with open_store(f"{postgres}?options=-csearch_path%3D{schema}") as store:
            yield store
    finally:
        with psycopg.connect(postgres, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


def timed_run(inputs: Path, store, runner: dict) -> dict:
    start = time.perf_counter()
    report = analyze([str(inputs)], store, **runner)
    seconds = time.perf_counter() - start
    assert report.ok and report.added == store.count(), report
    return {"reports": report.added, "seconds": round(seconds, 2), "per_second": round(report.added / seconds, 1)}


def throughput(inputs: Path, folder: Path, postgres: str, worker_counts: list[int]) -> list[dict]:
    rows = []
    for backend in ("sqlite", "postgresql"):
        for mode in MODES:
            for n in worker_counts:
                with pipeline_runner(mode, n) as (runner, _), store_at(backend, folder, postgres) as store:
                    row = {"store": backend, "mode": mode, "workers": n, **timed_run(inputs, store, runner)}
                print(f"  {backend:<10} {mode:<13} {n} workers: {row['per_second']:>6} reports/s", flush=True)
                rows.append(row)
    return rows


def store_rate(inputs: Path, folder: Path, postgres: str) -> dict[str, float]:
    """Reports per second the client stores (write and corpus pass) with the pipeline already run:
    the ceiling one client puts on any number of workers."""
    from rasid.ingest import read_inputs
    from rasid.pipeline import batch_pipeline
    from rasid.store.corpus import update_corpus
    pipeline = batch_pipeline()
    docs = [pipeline(doc).without_analysis() for doc in read_inputs([str(inputs)])]
    rates = {}
    for backend in ("sqlite", "postgresql"):
        with store_at(backend, folder, postgres) as store:
            start = time.perf_counter()
            assert all(added for _, added in store.add_many(docs, pipeline_version="bench"))
            update_corpus(store)
            rates[backend] = round(len(docs) / (time.perf_counter() - start), 1)
        print(f"  {backend:<10} stores {rates[backend]:>6} reports/s", flush=True)
    return rates


def memory(sizes: list[int], folder: Path, workers: int, source: str = "news") -> list[dict]:
    """Per size, a fresh external cluster reads that many reports into SQLite; each worker's peak RSS."""
    from distributed import Client
    rows = []
    for size in sizes:
        inputs = synthetic.write(folder / f"mem-{size}.jsonl", size, source=source, seed=size)
        with local_services.dask_cluster(workers) as (address, _), store_at("sqlite", folder, None) as store:
            run = timed_run(inputs, store, {"scheduler": address})
            with Client(address) as client:
                usage = client.run(resource.getrusage, resource.RUSAGE_SELF)  # each worker's own
                peaks = sorted(u.ru_maxrss / 1024 for u in usage.values())
        rows.append({"reports": size, "per_second": run["per_second"], "worker_peak_rss_mb": [round(p) for p in peaks]})
        print(f"  {size:>6} reports: worker peak RSS {', '.join(f'{p:.0f}' for p in peaks)} MB", flush=True)
    return rows


def projection(rows: list[dict], stored: dict[str, float], cores: int = 16, reports: int = 1_000_000) -> dict:
    """A million reports on a 16-core cluster, from the measured per-worker rate of the external
    cluster on PostgreSQL (the team's set-up), one worker per core, one client storing: the
    slower of the workers and the client's store rate sets the pace."""
    external = [r for r in rows if r["mode"] == "dask-external" and r["store"] == "postgresql"]
    fewest = min(external, key=lambda r: r["workers"])
    best = max(external, key=lambda r: r["workers"])
    one = dict(fewest, per_second=fewest["per_second"] / fewest["workers"])  # per worker
    scaling = best["per_second"] / (one["per_second"] * best["workers"])  # what adding workers kept here
    workers_rate = one["per_second"] * cores * scaling
    rate = min(workers_rate, stored["postgresql"])
    return {"cores": cores, "reports": reports, "per_worker": one["per_second"], "scaling_measured": round(scaling, 2),
            "workers_reports_per_second": round(workers_rate), "client_store_reports_per_second": stored["postgresql"],
            "reports_per_second": round(rate), "hours": round(reports / rate / 3600, 2),
            "bound_by": "the workers" if workers_rate <= stored["postgresql"] else "the one client storing",
            "assumptions": "one single-threaded worker per core at the 1-worker rate measured here, kept at the "
                           "efficiency measured from the fewest to the most workers here (on a machine of 2 cores that "
                           "the client shares with them: a rough guide, not a floor); one client reading, storing and running the corpus pass at the "
                           "rate measured here; PostgreSQL on loopback; reports like those of the runs"}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reports", type=int, default=600, help="reports per throughput run (default: 600)")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts (default: 1 2)")
    ap.add_argument("--sizes", type=int, nargs=2, default=[2000, 20000], help="corpus sizes of the memory runs")
    ap.add_argument("--postgres", help="a PostgreSQL URL to use instead of a throwaway server")
    ap.add_argument("--source", choices=("news", "examples"), default="news" if synthetic.NEWS.is_file() else "examples",
                    help="news: articles of ../shared's unlabeled corpus (the default where it is); "
                         "examples: synthetic reports made from examples/")
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "scale.json")
    ap.add_argument("--parts", nargs="+", choices=PARTS, default=list(PARTS),
                    help="what to measure (default: all); the others are kept from --out")
    args = ap.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stopped: still stop the servers it started
    result = json.loads(args.out.read_text(encoding="utf-8")) if args.out.is_file() else {}
    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="rasid-scale-")))
        postgres = args.postgres or stack.enter_context(local_services.throwaway_postgres())
        inputs = synthetic.write(folder / "reports.jsonl", args.reports, source=args.source)
        if "throughput" in args.parts:
            print(f"throughput, {args.reports} {args.source} reports per run:", flush=True)
            result["throughput"] = throughput(inputs, folder, postgres, args.workers)
        if "store" in args.parts:
            print(f"storing alone, {args.reports} {args.source} reports (the pipeline already run):", flush=True)
            result["store_only"] = store_rate(inputs, folder, postgres)
        if "memory" in args.parts:
            print("memory, 2 workers of an external cluster:", flush=True)
            result["memory"] = memory(args.sizes, folder, 2, args.source)
    result.update(machine={"cpus": os.cpu_count(), "python": platform.python_version(), "system": platform.platform()},
                  source=args.source)
    if "throughput" in result and "store_only" in result:
        result["projection"] = projection(result["throughput"], result["store_only"])
        p = result["projection"]
        print(f"1M reports on {p['cores']} cores: about {p['hours']} h ({p['reports_per_second']} reports/s)")
    if "memory" in result:
        peaks = [max(r["worker_peak_rss_mb"]) for r in result["memory"]]
        result["memory_growth"] = round(peaks[-1] / peaks[0] - 1, 3)
        print(f"worker peak RSS grew {result['memory_growth']:+.1%} from {result['memory'][0]['reports']} "
              f"to {result['memory'][-1]['reports']} reports")
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
