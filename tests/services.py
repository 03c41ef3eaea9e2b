"""Real services for the tests, started by the suite itself and always stopped: a throwaway
PostgreSQL server and a Dask scheduler with two workers on 127.0.0.1 (tools/local_services.py,
which the scale benchmark uses too).

`.ci/run` installs PostgreSQL from the distribution's packages when it is absent; where it cannot
be found the tests that need it are skipped with the reason.
"""
from __future__ import annotations

import sys
from contextlib import ExitStack
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import local_services  # noqa: E402
from local_services import free_port  # noqa: E402,F401  (the tests' own servers take ports here)


@pytest.fixture(scope="session")
def postgres_url():
    """The URL of a database on a PostgreSQL server that lives as long as the test session."""
    yield from _started(local_services.throwaway_postgres())


@pytest.fixture(scope="session")
def dask_cluster():
    """(scheduler address, the two worker processes) of a Dask cluster on loopback, one thread
    and one BLAS thread per worker, for the session."""
    yield from _started(local_services.dask_cluster(2))


def _started(service):
    """What `service` (a context manager) gives, for the fixture's life; a skip when it is not installed."""
    with ExitStack() as stack:
        try:
            found = stack.enter_context(service)
        except local_services.Unavailable as e:
            pytest.skip(str(e))
        yield found
