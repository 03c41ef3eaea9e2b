"""Finding input files and reading them within the size limit.

Kept apart from the format readers so that every reader gets the same rules: which
files a folder contributes, what a document id is, and when a file is too big to read.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass

from rasid.errors import InputError

#: Largest txt/html file, JSONL line or WARC record read as one document (64 MiB).
DEFAULT_MAX_BYTES = 64 * 1024 * 1024

_MB = 1024 * 1024

#: File kinds by extension; longest suffix first so `.warc.gz` wins over `.gz`.
_KINDS = (
    (".warc.gz", "warc"), (".warc", "warc"), (".jsonl", "jsonl"),
    (".html", "html"), (".htm", "html"), (".txt", "txt"),
)


@dataclass(frozen=True, slots=True)
class Source:
    """One file to read: the path as given or walked, and the id its documents get."""
    path: str
    id: str
    kind: str


def kind_of(path: str) -> str | None:
    """The reader for a file name, or None when the extension is not one Rasid reads."""
    lower = path.lower()
    return next((kind for suffix, kind in _KINDS if lower.endswith(suffix)), None)


def size_text(n: int) -> str:
    """A size as people read it in an error message ("200.0 MB", "512 bytes")."""
    return f"{n / _MB:.1f} MB" if n >= _MB // 10 else f"{n} bytes"


def limit_text(n: int) -> str:
    """The limit as the user would have typed it ("64 MB")."""
    return f"{n // _MB} MB" if n % _MB == 0 else f"{n} bytes"


def over_limit(size: int, max_bytes: int, what: str = "file") -> str:
    return f"{what} is {size_text(size)}, over the {limit_text(max_bytes)} limit for one document"


def os_problem(exc: OSError) -> str:
    """An OSError as a one-line message without the path (the InputError carries it)."""
    reason = exc.strerror or type(exc).__name__
    return f"cannot read: {reason[0].lower()}{reason[1:]}"


def read_limited(path: str, max_bytes: int) -> bytes | InputError:
    """The bytes of a file, refused by its size BEFORE reading when it is over the limit.

    The read itself is also capped, for files whose size `stat` cannot tell (pipes).
    """
    try:
        size = os.stat(path).st_size
        if size > max_bytes:
            return InputError(path, over_limit(size, max_bytes))
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        return InputError(path, os_problem(exc))
    if len(data) > max_bytes:
        return InputError(path, f"file is over the {limit_text(max_bytes)} limit for one document")
    return data


def sources(path: str) -> Iterator[Source | InputError]:
    """The files one command-line argument stands for.

    A file named explicitly is read even with an unknown extension (as text): the user
    asked for it. Inside a folder only known extensions count, so that stray files
    (images, notes) do not become errors.
    """
    if os.path.isdir(path):
        yield from _folder_sources(path)
    elif os.path.lexists(path):
        yield Source(path, os.path.basename(path), kind_of(path) or "txt")
    else:
        yield InputError(path, "no such file or directory")


def _folder_sources(folder: str) -> Iterator[Source | InputError]:
    found = False
    for item in _walk(folder, ""):
        found = True  # a file, or an error already said why there is none
        yield item
    if not found:
        names = ", ".join(suffix for suffix, _ in reversed(_KINDS))
        yield InputError(folder, f"no readable files ({names}) in this folder")


def _walk(folder: str, relative: str) -> Iterator[Source | InputError]:
    """Files under `folder` in sorted order, hidden names skipped, symlinked folders not followed."""
    here = os.path.join(folder, relative) if relative else folder
    try:
        with os.scandir(here) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        yield InputError(here, os_problem(exc))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        rel = f"{relative}/{entry.name}" if relative else entry.name
        if _is_dir(entry):
            yield from _walk(folder, rel)
        elif (kind := kind_of(entry.name)) is not None:
            yield Source(os.path.join(folder, *rel.split("/")), rel, kind)


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False
