"""Throwaway services on loopback, always stopped: a PostgreSQL server and a Dask cluster.

Used by the test suite (tests/services.py) and the scale benchmark (bench/scale.py). The server
is initdb + pg_ctl on a free port with its socket in a temporary folder, run as the `postgres`
user when we are root (PostgreSQL refuses root); the cluster is `dask scheduler` and `dask worker`
processes of this environment, one thread and one BLAS thread each.
"""
from __future__ import annotations

import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class Unavailable(RuntimeError):
    """The service is not installed here (the message says how to get it)."""


def pg_bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def as_postgres(args: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def throwaway_postgres() -> Iterator[str]:
    """The URL of database `rasid` on a new PostgreSQL server, removed on exit."""
    initdb, pg_ctl = pg_bin("initdb"), pg_bin("pg_ctl")
    if initdb is None or pg_ctl is None:
        raise Unavailable("PostgreSQL is not installed (apt-get install postgresql; .ci/run does)")
    folder = Path(tempfile.mkdtemp(prefix="rasid-pg-"))
    data, sockets, port = folder / "data", folder / "run", free_port()
    sockets.mkdir()
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
        shutil.chown(sockets, "postgres")
    run = lambda args: subprocess.run(as_postgres(args), check=True, capture_output=True, text=True)  # noqa: E731
    try:
        run([initdb, "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"])
        run([pg_ctl, "-D", str(data), "-w", "-t", "60", "-l", str(folder / "log"), "-o",
             f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off", "start"])
        run([pg_bin("createdb") or "createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "rasid"])
        yield f"postgresql://postgres@127.0.0.1:{port}/rasid"
    finally:
        subprocess.run(as_postgres([pg_ctl, "-D", str(data), "-m", "immediate", "stop"]), capture_output=True)
        time.sleep(0.2)
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def dask_cluster(workers: int = 2) -> Iterator[tuple[str, list[subprocess.Popen]]]:
    """(scheduler address, worker processes) of a Dask cluster on loopback, stopped on exit."""
    dask = Path(sys.executable).parent / "dask"
    if not dask.exists():
        raise Unavailable("dask is not installed in this environment")
    port = free_port()
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    address = f"tcp://127.0.0.1:{port}"
    scheduler = subprocess.Popen([str(dask), "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                  "--no-dashboard"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    started = [subprocess.Popen([str(dask), "worker", address, "--nthreads", "1", "--no-dashboard", "--no-nanny",
                                 "--name", f"w{k}"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True) for k in range(workers)]
    try:
        from distributed import Client
        with Client(address, timeout="60s") as client:
            client.wait_for_workers(workers, timeout=120)
        yield address, started
    finally:
        for process in [*started, scheduler]:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in [*started, scheduler]:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
