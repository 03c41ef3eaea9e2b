"""Real services for the tests, started by the suite itself and always stopped: a throwaway
PostgreSQL server (initdb + pg_ctl on a loopback port, its socket in a temporary folder, run as
the `postgres` user when the suite runs as root, since PostgreSQL refuses root), and a Dask
scheduler with two workers on 127.0.0.1 (the `dask` command of this environment).

`.ci/run` installs PostgreSQL from the distribution's packages when it is absent; where it cannot
be found the tests that need it are skipped with the reason.
"""
from __future__ import annotations

import glob
import os
import signal
import sys
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest


def _pg_bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def _as_postgres(args: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def postgres_url():
    """The URL of a database on a PostgreSQL server that lives as long as the test session."""
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if initdb is None or pg_ctl is None:
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql; .ci/run does)")
    folder = Path(tempfile.mkdtemp(prefix="rasid-pg-"))
    data, sockets, port = folder / "data", folder / "run", free_port()
    sockets.mkdir()
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
        shutil.chown(sockets, "postgres")
    run = lambda args: subprocess.run(_as_postgres(args), check=True, capture_output=True, text=True)  # noqa: E731
    try:
        run([initdb, "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"])
        run([pg_ctl, "-D", str(data), "-w", "-t", "60", "-l", str(folder / "log"), "-o",
             f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off", "start"])
        run([_pg_bin("createdb") or "createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "rasid"])
        yield f"postgresql://postgres@127.0.0.1:{port}/rasid"
    finally:
        subprocess.run(_as_postgres([pg_ctl, "-D", str(data), "-m", "immediate", "stop"]), capture_output=True)
        time.sleep(0.2)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def dask_cluster():
    """(scheduler address, the two worker processes) of a Dask cluster on loopback, one thread
    and one BLAS thread per worker, for the session."""
    dask = Path(sys.executable).parent / "dask"
    if not dask.exists():
        pytest.skip("dask is not installed in this environment")
    port = free_port()
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    address = f"tcp://127.0.0.1:{port}"
    scheduler = subprocess.Popen([str(dask), "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                  "--no-dashboard"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers = [subprocess.Popen([str(dask), "worker", address, "--nthreads", "1", "--no-dashboard", "--no-nanny",
                                 "--name", f"w{k}"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True) for k in range(2)]
    try:
        from distributed import Client
        with Client(address, timeout="60s") as client:
            client.wait_for_workers(2, timeout=120)
        yield address, workers
    finally:
        for process in [*workers, scheduler]:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in [*workers, scheduler]:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
