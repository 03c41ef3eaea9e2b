"""JSON Lines corpora: one JSON object per line, read as a stream.

A corpus can be larger than memory, so lines are read one at a time and a line over
the size limit is skipped without being held. A bad line costs only that line.
"""
from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from rasid.document import Document
from rasid.errors import InputError
from rasid.ingest.dates import is_partial_date
from rasid.ingest.encoding import binary_kind, clean
from rasid.ingest.files import limit_text, os_problem

#: Optional string fields that map onto Document attributes.
_FIELDS = ("title", "url", "outlet", "author")
_KNOWN = frozenset(("id", "text", "published") + _FIELDS)
_SKIP_CHUNK = 1024 * 1024
_SNIFF_BYTES = 8192


class LineError(ValueError):
    """What is wrong with one line (message without the "line N:" prefix)."""


def read_jsonl_file(path: str, max_bytes: int) -> Iterator[Document | InputError]:
    """Documents from a .jsonl file; one InputError per bad line, or one for an unreadable file."""
    try:
        with open(path, "rb") as stream:
            problem = _not_jsonl(stream.peek(_SNIFF_BYTES)[:_SNIFF_BYTES])
            if problem is not None:
                yield InputError(path, problem)
                return
            yield from read_jsonl(stream, path, max_bytes)
    except OSError as exc:
        yield InputError(path, os_problem(exc))


def _not_jsonl(head: bytes) -> str | None:
    """Why a file cannot be JSON Lines at all, judged from its first bytes (JSONL is UTF-8)."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "JSONL must be UTF-8, this file is UTF-16 (it starts with a UTF-16 byte-order mark)"
    kind = binary_kind(head)
    return f"binary file ({kind})" if kind else None


def read_jsonl(stream: BinaryIO, path: str, max_bytes: int) -> Iterator[Document | InputError]:
    """Documents from a binary stream of JSON lines; blank lines are skipped."""
    empty = True
    for number, line in _lines(stream, max_bytes):
        empty = empty and line is not None and not line.strip()
        if line is None:
            yield InputError(path, f"line is over the {limit_text(max_bytes)} "
                                   "limit for one document", number)
        elif line.strip():
            try:
                yield parse_record(line, path, first=number == 1)
            except LineError as exc:
                yield InputError(path, str(exc), number)
    if empty:
        yield InputError(path, "empty file (no JSON lines)")


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) for each line; None instead of the bytes for a line over the limit."""
    number = 0
    while line := stream.readline(max_bytes + 1):
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            _skip_rest_of_line(stream)
            yield number, None
        else:
            yield number, line


def _skip_rest_of_line(stream: BinaryIO) -> None:
    while (chunk := stream.readline(_SKIP_CHUNK)) and not chunk.endswith(b"\n"):
        pass


def parse_record(line: bytes, path: str, first: bool = False) -> Document:
    """The document one line describes; raises LineError saying what is wrong."""
    record = _json_object(line, first)
    text = _required_text(record)
    doc_id = _required_id(record)
    published = _published(record.get("published"))
    fields = {name: _optional_string(record, name) for name in _FIELDS}
    meta = {key: value for key, value in record.items() if key not in _KNOWN}
    meta.update(format="jsonl", encoding="utf-8")
    if published:
        meta["published_from"] = "given"
    return Document(text=text, id=doc_id, path=path, published=published, meta=meta, **fields)


def _json_object(line: bytes, first: bool) -> dict[str, Any]:
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LineError(f"not valid UTF-8 (byte 0x{line[exc.start]:02x} at column {exc.start + 1})")
    if first:
        text = text.removeprefix("\ufeff")
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LineError(f"not valid JSON ({exc.msg} at column {exc.colno})")
    except (ValueError, RecursionError):
        raise LineError("not valid JSON")
    if not isinstance(record, dict):
        raise LineError(f"expected a JSON object, got {_json_type(record)}")
    return record


def _required_text(record: dict[str, Any]) -> str:
    text = record.get("text")
    if text is None:
        raise LineError('missing "text" (the document text, a non-empty string)')
    if not isinstance(text, str):
        raise LineError(f'"text" must be a string, got {_json_type(text)}')
    if not text.strip():
        raise LineError('"text" is empty')
    return clean(text)


def _required_id(record: dict[str, Any]) -> str:
    value = record.get("id")
    if value is None:
        raise LineError('missing "id"')
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise LineError(f'"id" must be a string or an integer, got {_json_type(value)}')
    if not str(value).strip():
        raise LineError('"id" is empty')
    return str(value)


def _published(value: Any) -> str | None:
    """The publication date as given, once checked: YYYY-MM-DD, YYYY-MM or YYYY."""
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not is_partial_date(value):
        raise LineError(f'"published" must be a date written YYYY-MM-DD, YYYY-MM or YYYY, '
                        f"got {json.dumps(value, ensure_ascii=False)}")
    return value


def _optional_string(record: dict[str, Any], name: str) -> str | None:
    value = record.get(name)
    if value is None or isinstance(value, str):
        return value or None
    raise LineError(f'"{name}" must be a string, got {_json_type(value)}')


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "true/false",
             int: "a number", float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)
