"""Ingestion: files, folders and stdin to `Document`s (text and metadata, no annotation).

`read_inputs` is the one entry point. It never raises for bad input: each problem is
yielded as an `InputError` in the place of the document, so a batch run reports it and
goes on. Formats: .txt (and any file named explicitly), .html/.htm, .jsonl, .warc(.gz).
"""
from __future__ import annotations

import codecs
import io
import os
import sys
from collections.abc import Iterator
from typing import BinaryIO

from rasid.document import Document
from rasid.errors import InputError
from rasid.ingest.files import DEFAULT_MAX_BYTES, Source, limit_text, sources
from rasid.ingest.html import document_from_html, read_html
from rasid.ingest.jsonl import read_jsonl, read_jsonl_file
from rasid.ingest.txt import document_from_text, read_txt
from rasid.ingest.warc import read_warc

__all__ = ["DEFAULT_MAX_BYTES", "document_from_html", "read_inputs"]

STDIN = "-"
_PEEK_CHUNK = 64 * 1024
_WHITESPACE = b" \t\r\n\f\v"


def read_inputs(paths: list[str], *, max_bytes: int = DEFAULT_MAX_BYTES,
                stdin: BinaryIO | None = None) -> Iterator[Document | InputError]:
    """One Document (or InputError) per input document, in argument order, folders sorted.

    `-` reads `stdin` (default: the process's binary stdin) as JSONL when its first
    non-blank byte is `{`, else as one text document with id "-".
    """
    for path in map(os.fspath, paths):
        if path == STDIN:
            yield from read_stdin(stdin if stdin is not None else sys.stdin.buffer, max_bytes)
            continue
        for source in sources(path):
            if isinstance(source, InputError):
                yield source
            else:
                yield from read_source(source, max_bytes)


def read_source(source: Source, max_bytes: int) -> Iterator[Document | InputError]:
    """The documents of one file, by the reader its extension names."""
    if source.kind == "jsonl":
        yield from read_jsonl_file(source.path, max_bytes)
    elif source.kind == "warc":
        yield from read_warc(source.path, source.id, max_bytes)
    elif source.kind == "html":
        yield read_html(source.path, source.id, max_bytes)
    else:
        yield read_txt(source.path, source.id, max_bytes)


def read_stdin(stream: BinaryIO, max_bytes: int) -> Iterator[Document | InputError]:
    """Documents from a byte stream: JSONL (streamed) or one text document."""
    head = _head(stream)
    if _first_byte(head) == b"{":
        yield from read_jsonl(io.BufferedReader(_Prefixed(head, stream)), STDIN, max_bytes)
        return
    data = head + stream.read(max(0, max_bytes + 1 - len(head)))
    if len(data) > max_bytes:
        yield InputError(STDIN, f"input is over the {limit_text(max_bytes)} limit for one document")
    else:
        yield document_from_text(data, id=STDIN, path=STDIN)


def _head(stream: BinaryIO) -> bytes:
    """Bytes read up to the first chunk holding a non-blank byte (or the end of the stream)."""
    head = b""
    while chunk := stream.read(_PEEK_CHUNK):
        head += chunk
        if _first_byte(head):
            break
    return head


def _first_byte(data: bytes) -> bytes:
    """The first byte after a UTF-8 BOM and blanks; b"" when there is none."""
    return data.removeprefix(codecs.BOM_UTF8).lstrip(_WHITESPACE)[:1]


class _Prefixed(io.RawIOBase):
    """A stream that gives back bytes already read, then the rest: a peek at stdin."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        read = getattr(self._rest, "read1", self._rest.read)
        data = read(len(buffer))
        buffer[:len(data)] = data
        return len(data)
