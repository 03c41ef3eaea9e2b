"""Bytes to text: which encodings Rasid accepts, and the text it makes of them.

Every offset Rasid reports indexes the decoded text, so decoding must be exact and
explainable: a byte-order mark decides; otherwise strict UTF-8; otherwise the two legacy
Arabic code pages, accepted only when the result reads as Arabic. A UTF-8 file with a few
bad bytes is an error naming the first bad byte, never silently mojibake.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

from rasid.errors import InputError

#: Byte-order marks, UTF-32 before UTF-16 (FF FE starts both).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Leading bytes of binary formats people mistake for text inputs.
_MAGIC = (
    (b"%PDF-", "PDF"), (b"PK\x03\x04", "ZIP"), (b"PK\x05\x06", "ZIP"),
    (b"\x89PNG\r\n\x1a\n", "PNG"), (b"\xff\xd8\xff", "JPEG"), (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"), (b"\x1f\x8b", "gzip"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office"),
    (b"Rar!\x1a\x07", "RAR"), (b"7z\xbc\xaf\x27\x1c", "7-Zip"), (b"\xfd7zXZ\x00", "xz"),
    (b"\x7fELF", "ELF executable"),
)

#: The legacy Arabic code pages charset-normalizer may choose from.
_CODE_PAGES = ["cp1256", "iso8859_6"]

#: Python's canonical codec name -> the name recorded in doc.meta["encoding"].
_LEGACY = {codecs.lookup("cp1256").name: "windows-1256", codecs.lookup("iso8859_6").name: "iso-8859-6"}

#: Characters a real Arabic legacy-code-page text may contain beyond ASCII.
_NOT_ARABIC = re.compile(
    "[^\x00-\x7f\u0600-\u06ff\u00a0\u00ab\u00bb\u00d7\u00f7\u00b0\u2013\u2014\u2018\u2019"
    "\u201c\u201d\u2026\u200c-\u200f]"
)

#: Share of non-ASCII characters that may fall outside the Arabic set (stray symbols).
_MAX_FOREIGN = 0.05

_NEWLINES = re.compile(r"\r\n?")


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text as Rasid keeps it, and the encoding it was read in."""
    text: str
    encoding: str


def decode(data: bytes, path: str) -> str | InputError:
    """The text of a file's bytes (see `detect`), without the encoding name."""
    found = detect(data, path)
    return found if isinstance(found, InputError) else found.text


def detect(data: bytes, path: str, declared: str | None = None) -> Decoded | InputError:
    """Decode, clean and name the encoding; an InputError for empty, binary or undecodable input.

    `declared` is a charset the container states (HTML meta, HTTP header); it is tried
    after UTF-8 and before guessing, because a stated code page beats a guessed one.
    """
    if not data or data.isspace():
        return InputError(path, "empty file")
    found = _decode_bom(data, path)
    if found is None:
        kind = binary_kind(data)
        if kind is not None:
            return InputError(path, f"binary file ({kind})")
        found = _decode_plain(data, path, declared)
    if isinstance(found, InputError):
        return found
    text = clean(found.text)
    if not text.strip():
        return InputError(path, "empty file")
    return Decoded(text, found.encoding)


def clean(text: str) -> str:
    """Drop a leading BOM and NUL characters (no text means them; PostgreSQL cannot store them)
    and make every line break `\\n`; nothing else changes."""
    return _NEWLINES.sub("\n", text.removeprefix("\ufeff").replace("\x00", ""))


def binary_kind(data: bytes) -> str | None:
    """Why these bytes are not text ("looks like PDF", "contains NUL bytes"), or None.

    Only for readers that expect text (the WARC reader, which expects gzip, never asks).
    Call it on data without a UTF-16/32 BOM: those legitimately contain NULs.
    """
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return f"looks like {name}"
    if b"\x00" in data:
        return "contains NUL bytes"
    return None


def _decode_bom(data: bytes, path: str) -> Decoded | InputError | None:
    """Decode by byte-order mark; None when there is none."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            name = codec.removesuffix("-sig")
            try:
                return Decoded(data.decode(codec), codec)
            except UnicodeDecodeError as exc:
                return InputError(path, f"cannot decode: invalid {name.upper()} "
                                        f"after its byte-order mark (offset {exc.start})")
    return None


def _decode_plain(data: bytes, path: str, declared: str | None) -> Decoded | InputError:
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc
    stated = _decode_declared(data, declared)
    if stated is not None:
        return stated
    legacy = None if _mostly_utf8(data) else _decode_legacy(data)
    if legacy is not None:
        return legacy
    bad = data[first_bad.start]
    return InputError(path, f"cannot decode: not valid UTF-8 (byte 0x{bad:02x} at offset "
                            f"{first_bad.start}) nor Windows-1256/ISO-8859-6 text")


def _decode_declared(data: bytes, declared: str | None) -> Decoded | None:
    """The text in a stated Arabic code page, when it decodes and reads as Arabic."""
    try:
        codec = codecs.lookup(declared).name if declared else None
    except LookupError:
        return None
    if codec not in _LEGACY:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    return Decoded(text, _LEGACY[codec]) if plausible_arabic(text) else None


def _decode_legacy(data: bytes) -> Decoded | None:
    """Windows-1256 or ISO-8859-6 as charset-normalizer ranks them, if one reads as Arabic."""
    for match in from_bytes(data, cp_isolation=_CODE_PAGES):
        codec = codecs.lookup(match.encoding).name
        if codec not in _LEGACY:
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if plausible_arabic(text):
            return Decoded(text, _LEGACY[codec])
    return None


def _mostly_utf8(data: bytes) -> bool:
    """True when valid UTF-8 sequences outnumber bad bytes: broken UTF-8, not a code page.

    Arabic in Windows-1256 forms valid UTF-8 pairs only by accident (a letter then `،`),
    while UTF-8 with a few damaged bytes is almost all valid multi-byte sequences.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    return non_ascii - bad > bad


def plausible_arabic(text: str) -> bool:
    """True when the non-ASCII characters are (almost) all Arabic script or common punctuation.

    Mojibake of UTF-8 Arabic read as Windows-1256 is about half symbols (`ط§ظ„`), and
    ISO-8859-6 read as Windows-1256 is full of accented Latin letters: both fail.
    """
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    if non_ascii == 0:
        return True
    foreign = len(_NOT_ARABIC.findall(text))
    return foreign <= _MAX_FOREIGN * non_ascii
