"""Plain-text documents: the decoded file is the document text, exactly."""
from __future__ import annotations

from rasid.document import Document
from rasid.errors import InputError
from rasid.ingest.encoding import detect
from rasid.ingest.files import read_limited


def read_txt(path: str, doc_id: str, max_bytes: int) -> Document | InputError:
    """One document from a text file (also used for files with an unknown extension)."""
    data = read_limited(path, max_bytes)
    if isinstance(data, InputError):
        return data
    return document_from_text(data, id=doc_id, path=path)


def document_from_text(data: bytes, *, id: str, path: str) -> Document | InputError:
    """A document whose text is the decoded bytes (BOM dropped, line breaks made `\\n`)."""
    found = detect(data, path)
    if isinstance(found, InputError):
        return found
    return Document(text=found.text, id=id, path=path,
                    meta={"format": "txt", "encoding": found.encoding})
