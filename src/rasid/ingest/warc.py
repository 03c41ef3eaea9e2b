"""Web archives (.warc, .warc.gz): every archived HTML page fetched with status 200.

Crawls are often cut short (a full disk, an interrupted copy). warcio reads such files
without complaint and silently drops or shortens the last record, so this reader checks
each record and the end of the file itself: the pages before the damage are kept and the
damage is reported once.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass

from rasid.document import Document
from rasid.errors import InputError
from rasid.ingest.files import os_problem, over_limit
from rasid.ingest.html import document_from_html

_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True, slots=True)
class Page:
    """One archived HTML response."""
    url: str
    captured: str | None
    payload: bytes
    charset: str | None


class Damaged(Exception):
    """The archive cannot be read past this point."""


def read_warc(path: str, doc_id: str, max_bytes: int) -> Iterator[Document | InputError]:
    """Documents with ids `<doc_id>#1`, `#2`, … in archive order; errors name the record URL."""
    count = 0
    for item in archived_pages(path, max_bytes):
        if isinstance(item, InputError):
            yield item
            continue
        doc = document_from_html(item.payload, id=doc_id, path=path, url=item.url,
                                 charset=item.charset)
        if isinstance(doc, InputError):
            yield InputError(path, f"record {item.url}: {doc.message}")
            continue
        count += 1
        doc.id = f"{doc_id}#{count}"
        doc.meta.update(format="warc", captured=item.captured)
        yield doc


def archived_pages(path: str, max_bytes: int) -> Iterator[Page | InputError]:
    """The HTML pages of an archive, then one InputError if the archive is damaged."""
    try:
        size = os.stat(path).st_size
        stream = open(path, "rb")
    except OSError as exc:
        yield InputError(path, os_problem(exc))
        return
    read = 0
    with stream:
        try:
            from warcio.archiveiterator import ArchiveIterator  # only runs that read archives need it
            records = ArchiveIterator(stream)
            for record in records:
                item = _page(record, path, max_bytes)
                records.read_to_end()
                _check_complete(records, record, read, size)
                read += 1
                if item is not None:
                    yield item
            _check_end(records, size)
        except Exception as exc:  # warcio raises many types on damaged input; report, never crash
            yield InputError(path, f"truncated or corrupt WARC after {read} records: {_reason(exc)}")


def _page(record, path: str, max_bytes: int) -> Page | InputError | None:
    """The page a record holds, an InputError for an oversized page, None for anything else."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    http = record.http_headers
    content_type = (http.get_header("Content-Type") or "").lower()
    if http.get_statuscode() != "200" or not content_type.startswith(_HTML_TYPES):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI") or "(no URL)"
    size = int(record.rec_headers.get_header("Content-Length") or 0)
    if size > max_bytes:
        return InputError(path, f"record {url}: {over_limit(size, max_bytes, 'page')}")
    payload = record.content_stream().read(max_bytes + 1)
    if len(payload) > max_bytes:
        return InputError(path, f"record {url}: {over_limit(len(payload), max_bytes, 'page')}")
    captured = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
    return Page(url, captured, payload, _charset(content_type))


def _check_complete(records, record, read: int, size: int) -> None:
    """Raise Damaged when the record's block, or its gzip member, ends with the file.

    A gzip member still open while data remains is a whole-file gzip, which warcio
    reports itself; only one that runs into the end of the file is cut short.
    """
    left = getattr(record.raw_stream, "limit", None)
    reader = records.reader
    decompressor = reader.decompressor
    open_member = decompressor is not None and not decompressor.eof
    if left != 0 or (open_member and reader.empty() and records.fh.tell() >= size):
        raise Damaged(f"record {read + 1} is cut short")


def _check_end(records, size: int) -> None:
    """Raise Damaged when bytes are left that warcio could not read as a record."""
    if records.offset < size:
        raise Damaged(f"{size - records.offset} bytes at offset {records.offset} "
                      "could not be read as a record")


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _reason(exc: Exception) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__
