"""`rasid serve` in a process of its own on a free loopback port, for the browser tests, the
screenshots and the load benchmark: started, waited for until it answers, always stopped."""
from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from rasid.errors import RasidError


@dataclass(frozen=True)
class Served:
    url: str                   # http://127.0.0.1:PORT
    process: subprocess.Popen


@contextmanager
def served(db: Path, *, timeout: float = 60.0) -> Iterator[Served]:
    """The desk over the store `db`; RasidError when it does not answer within `timeout` s."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = tempfile.TemporaryFile()  # not a pipe: a chatty server never blocks on a full one
    process = subprocess.Popen([sys.executable, "-m", "rasid", "serve", "--db", str(db), "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=log)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait(url, process, log, timeout)
        yield Served(url, process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def _wait(url: str, process: subprocess.Popen, log, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            raise RasidError(f"rasid serve exited: {log.read().decode(errors='replace')[-500:]}")
        try:
            with urllib.request.urlopen(url + "/api/overview", timeout=5):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise RasidError(f"rasid serve did not answer on {url} within {timeout:.0f} s")
