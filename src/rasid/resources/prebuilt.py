"""Tables built from the data files once and kept on disk for the next runs.

The gazetteer, the known-name tables and the word frequencies take a third of a run's start-up
to build from their TSV files (0.5–0.7 s) and a fifth of that to load pickled. A run given a
cache folder (`use_cache_folder`: the CLI's `$RASID_CACHE`, by default `~/.cache/rasid`) keeps
each table there under a fingerprint of everything it is built from: the package's code and
data files and the run's data folder (their names, sizes and modification times) and the
Python version. Any change makes a new fingerprint, so a stale table is never read; an
unreadable or damaged file is built again; a folder that cannot be written only costs the time
saved. Only pickles the running user owns are read (unpickling runs code: the folder must not
be writable by others). Without a cache folder (the library's default) every table is built in
memory, as before.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from rasid.resources import files

T = TypeVar("T")

_CODE_DIR = files.PACKAGE_DIR.parent  # the rasid package: its code and its resources/


class _CacheFolder:
    """The run's cache folder: one setting of the process, like the data folder."""
    folder: Path | None = None


def use_cache_folder(folder: str | Path | None) -> None:
    """Keep prebuilt tables in `folder` (None: build them in memory at every start)."""
    _CacheFolder.folder = Path(folder).expanduser() if folder else None


def prebuilt(name: str, build: Callable[[], T]) -> T:
    """The table `name`: loaded from the cache folder when it holds one built from the same
    files (and written by this user), else `build()`, written there for the next run."""
    folder = _CacheFolder.folder
    if folder is None:
        return build()
    try:
        path = folder / f"{name}-{fingerprint(files.data_folder())}.pickle"
    except OSError:  # a data file that cannot be read or vanished meanwhile: no cache this run
        return build()
    table = _read(path)
    if table is _MISSING:
        table = build()
        _write(path, table)
    return table


_MISSING = object()


def _read(path: Path):
    """The table pickled at `path`, or _MISSING. Only a file of this user is unpickled: whoever
    may write a pickle may run code in the process that reads it."""
    try:
        with open(path, "rb") as f:
            if os.fstat(f.fileno()).st_uid != os.getuid():
                return _MISSING
            return pickle.load(f)
    except Exception:  # noqa: BLE001 - absent, damaged, truncated or from other code: build it again
        return _MISSING


def _write(path: Path, table) -> None:
    """Write atomically (a reader never sees half a file) and drop older builds of the table."""
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=path.stem, suffix=".tmp", delete=False) as f:
            temporary = f.name
            pickle.dump(table, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
        temporary = None
        prefix = path.name.rsplit("-", 1)[0] + "-"
        for old in path.parent.glob(f"{prefix}*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except Exception:  # noqa: BLE001 - a read-only or full folder, a table that cannot be pickled
        pass  # the next run builds the table again
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


@lru_cache(maxsize=4)
def fingerprint(data_folder: Path | None) -> str:
    """A digest of what the tables are built from, worked out once per process and data folder
    (a data file changed while a process runs is read at its next start, as the tables are)."""
    digest = hashlib.sha256(f"{sys.version_info[:2]}".encode())
    for root in (_CODE_DIR, data_folder):
        if root is not None and root.is_dir():
            for path, stat in sorted(_files(root), key=lambda found: found[0]):
                digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


def _files(root: Path):
    """(path, stat) of every file under `root`, through linked folders (each real folder once),
    byte-code caches left out."""
    stack, seen = [root], set()
    while stack:
        folder = stack.pop()
        real = os.path.realpath(folder)
        if real in seen:
            continue  # a link back to a folder already read
        seen.add(real)
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir():
                    if entry.name != "__pycache__":
                        stack.append(Path(entry.path))
                elif entry.is_file():
                    yield entry.path, entry.stat()
