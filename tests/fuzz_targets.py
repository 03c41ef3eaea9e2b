"""Fuzz targets: a hypothesis strategy and a property check for every parser Rasid has.

Each target draws an input that looks like what the parser meets in the wild (number words and
digits with their separators, dates and weekdays, HTML with metadata and JSON-LD, JSON lines,
WARC records, text in legacy encodings, the CLI's arguments) with damage mixed in, runs the
parser, and checks the property: no exception but the declared errors (an InputError value, an
argparse exit), and every offset indexes the text. The suite runs each target a bounded number
of times (tests/test_fuzz.py); `make fuzz` (tools/fuzz.py) runs them a million times in all.
"""
from __future__ import annotations

import contextlib
import gzip
import io
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass

from hypothesis import strategies as st

from rasid.document import Document
from rasid.errors import InputError
from rasid.pipeline import Pipeline, default_pipeline

# ---------------------------------------------------------------------------- shared pieces

_ARABIC_LETTERS = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىيـًٌٍَُِّْ"
_NOISE = st.text(alphabet=_ARABIC_LETTERS + " \n\t.,،؛:!؟«»\"'()-–/%0123456789٠١٢٣٤٥٦٧٨٩<>&;#{}[]\\\x00\u200f",
                 max_size=40)


def _phrase(words: list[str], max_size: int = 30) -> st.SearchStrategy[str]:
    """Words of a parser's vocabulary, with noise between them, joined by spaces and marks."""
    piece = st.one_of(st.sampled_from(words), st.sampled_from(words), _NOISE)
    glue = st.sampled_from([" ", " ", " ", "", "\n", "، ", " و", "-", "/", "."])
    return st.lists(st.tuples(piece, glue), max_size=max_size).map(lambda pairs: "".join(a + b for a, b in pairs))


def _stages(*names: str) -> Pipeline:
    wanted = set(names)
    return Pipeline(tuple(s for s in default_pipeline().stages if s.name in wanted))


def _check_spans(doc: Document, *fields: str) -> None:
    for name in fields:
        for item in getattr(doc, name):
            start, end = item.start, item.end
            assert 0 <= start <= end <= len(doc.text), (name, item)
            if getattr(item, "text", None) is not None:
                assert doc.text[start:end] == item.text, (name, item)


def _only_documents_and_errors(items) -> list:
    out = list(items)
    for item in out:
        assert isinstance(item, (Document, InputError)), type(item)
        if isinstance(item, InputError):
            assert item.path and item.message
    return out


# ---------------------------------------------------------------------------- the targets

_NUMBER_WORDS = ["واحد", "اثنان", "اثنين", "ثلاثة", "ثلاث", "أربعة", "خمسة", "عشرة", "عشر", "أحد عشر", "عشرون",
                 "عشرين", "مئة", "مائة", "مئتين", "ثلاثمائة", "ألف", "آلاف", "ألفا", "ألفين", "مليون", "ملايين",
                 "مليار", "مليارات", "نصف", "ربع", "ثلث", "بضعة", "عشرات", "مئات", "نحو", "قرابة", "أكثر من",
                 "أقل من", "ما بين", "بين", "إلى", "حتى", "حوالي", "دولار", "دولارا", "دولاراً", "يورو", "ريال",
                 "دينار", "ليرة", "برميل", "بئر", "طن", "كيلومتر", "عنصر", "مسلحا", "قتيلا", "شخصاً", "يوميا",
                 "شهريا", "سنويا", "في اليوم", "بالمئة", "%", "في المائة", "12", "١٢", "3.5", "٣٫٥", "2,000",
                 "٢٬٠٠٠", "1.000.000", "10-20", "٥-٧", "0", "00", "1e9", "999999999999999999999", "مليون و270 ألف"]
_DATE_WORDS = ["أمس", "اليوم", "غدا", "الليلة الماضية", "الأسبوع الماضي", "الشهر الماضي", "العام الماضي", "منذ",
               "يوم", "أيام", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "يناير",
               "كانون الثاني", "شباط", "فبراير", "آذار", "مارس", "رمضان", "محرم", "ذو الحجة", "هـ", "م", "عام",
               "سنة", "2015", "٢٠١٨", "1439", "31", "29", "30", "2/3/2018", "2018-02-30", "١٢/١٢/٢٠١٢", "ق.م",
               "الماضي", "المقبل", "منتصف", "أواخر", "مطلع", "صباح", "مساء", "الساعة", "15:30", "في"]


@dataclass(frozen=True)
class Target:
    name: str
    strategy: st.SearchStrategy
    check: Callable[[object], None]
    weight: int  # its share of a long run's inputs


def _numbers():
    pipeline = _stages("segment", "boilerplate", "metadata", "read", "times", "quantities")

    def check(text: str) -> None:
        doc = pipeline(Document(text=text))
        _check_spans(doc, "tokens", "times", "quantities")
        for q in doc.quantities:
            assert q.low is None or q.high is None or q.low <= q.high, q
    return Target("numbers", _phrase(_NUMBER_WORDS), check, 4)


def _dates():
    pipeline = _stages("segment", "boilerplate", "metadata", "read", "times")
    published = st.sampled_from([None, "2018-03-01", "2015-12-31", "2020-02-29", "1999", "2021-07"])

    def check(drawn: tuple[str, str | None]) -> None:
        text, day = drawn
        doc = pipeline(Document(text=text, published=day))
        _check_spans(doc, "times")
        for t in doc.times:
            assert t.value is None or isinstance(t.value, str), t
    return Target("dates", st.tuples(_phrase(_DATE_WORDS), published), check, 4)


_TAGS = ["p", "div", "span", "h1", "title", "script", "style", "nav", "footer", "article", "br", "a", "time"]


def _html_strategy() -> st.SearchStrategy[bytes | str]:
    meta = st.builds(lambda name, value: f'<meta name="{name}" content="{value}">',
                     st.sampled_from(["date", "pubdate", "article:published_time", "author", "og:site_name",
                                      "description", "og:title", "charset"]),
                     st.one_of(_NOISE, st.sampled_from(["2018-02-30", "2018-03-01T10:00:00Z", "Thu, 01 Mar 2018",
                                                        "windows-1256", "utf-8", ""])))
    json_ld = st.recursive(st.none() | st.booleans() | st.integers() | _NOISE,
                           lambda kids: st.lists(kids, max_size=3) | st.dictionaries(
                               st.sampled_from(["@type", "datePublished", "author", "name", "@graph", "headline"]),
                               kids, max_size=4), max_leaves=8).map(
        lambda obj: f'<script type="application/ld+json">{json.dumps(obj, ensure_ascii=False)}</script>')
    element = st.builds(lambda tag, body: f"<{tag}>{body}</{tag}>", st.sampled_from(_TAGS),
                        _phrase(_NUMBER_WORDS[:20] + _DATE_WORDS[:20], 8))
    parts = st.lists(st.one_of(meta, json_ld, element, _NOISE, st.sampled_from(["<html>", "</body>", "<!--", "]]>"])),
                     max_size=20).map("".join)
    encoded = st.tuples(parts, st.sampled_from(["utf-8", "windows-1256", "utf-16", "latin-1"])).map(
        lambda pair: pair[0].encode(pair[1], errors="replace"))
    return st.one_of(parts, encoded, st.binary(max_size=200))


def _html():
    from rasid.ingest.html import document_from_html

    def check(page) -> None:
        _only_documents_and_errors([document_from_html(page, id="p", path="page.html")])
    return Target("html", _html_strategy(), check, 1)


def _jsonl_strategy() -> st.SearchStrategy[bytes]:
    value = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), _NOISE,
                      st.lists(st.integers(), max_size=2))
    record = st.fixed_dictionaries({}, optional={"id": value, "text": st.one_of(_NOISE, value),
                                                 "published": st.one_of(value, st.sampled_from(
                                                     ["2018-03-01", "2018-02-30", "Thu, 01 Mar 2018"])),
                                                 "title": value, "url": value, "outlet": value, "author": value})
    line = st.one_of(record.map(lambda r: json.dumps(r, ensure_ascii=False).encode()),
                     record.map(lambda r: json.dumps(r).encode()), st.binary(max_size=60),
                     st.sampled_from([b"", b"{", b"[]", b"null", b"\xef\xbb\xbf{}", b"\xff\xfe{\x00}\x00", b"{\"id\": 1,}"]))
    return st.lists(line, max_size=8).map(lambda lines: b"\n".join(lines))


def _jsonl():
    from rasid.ingest.jsonl import read_jsonl

    def check(data: bytes) -> None:
        for limit in (40, 10_000):
            _only_documents_and_errors(read_jsonl(io.BytesIO(data), "feed.jsonl", limit))
    return Target("jsonl", _jsonl_strategy(), check, 2)


def _warc_record(payload: bytes, declared: int | None, kind: str, content_type: str) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: " + content_type.encode() + b"\r\n\r\n" + payload
    length = len(http) if declared is None else declared
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: http://example.org/a\r\n"
            f"WARC-Date: 2018-03-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {length}\r\n\r\n").encode()
    return head + http + b"\r\n\r\n"


def _warc_strategy() -> st.SearchStrategy[bytes]:
    record = st.builds(_warc_record, _html_strategy().map(lambda p: p if isinstance(p, bytes) else p.encode()),
                       st.one_of(st.none(), st.none(), st.integers(0, 400)),
                       st.sampled_from(["response", "response", "request", "metadata", "bogus"]),
                       st.sampled_from(["text/html; charset=utf-8", "text/html; charset=windows-1256",
                                        "application/pdf", "text/html; charset=nonsense", ""]))
    archive = st.tuples(st.lists(record, max_size=4), st.booleans(), st.one_of(st.none(), st.integers(0, 2000)),
                        st.binary(max_size=20))

    def build(parts) -> bytes:
        records, compressed, cut, tail = parts
        data = b"".join(gzip.compress(r, mtime=0) if compressed else r for r in records) + tail
        return data[:cut] if cut is not None else data
    return archive.map(build)


def _warc():
    from rasid.ingest.warc import read_warc

    def check(data: bytes) -> None:
        fd, path = tempfile.mkstemp(suffix=".warc")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            _only_documents_and_errors(read_warc(path, "crawl.warc", 10_000))
        finally:
            os.unlink(path)
    return Target("warc", _warc_strategy(), check, 1)


def _text():
    from rasid.ingest.txt import document_from_text
    encodings = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "windows-1256", "iso-8859-6", "latin-1"])
    data = st.one_of(st.tuples(_phrase(_NUMBER_WORDS + _DATE_WORDS), encodings).map(
        lambda pair: pair[0].encode(pair[1], errors="replace")), st.binary(max_size=120))

    def check(raw: bytes) -> None:
        for item in _only_documents_and_errors([document_from_text(raw, id="t", path="t.txt")]):
            assert isinstance(item, InputError) or "\x00" not in item.text
    return Target("text", data, check, 2)


_OPTIONS = ["extract", "analyze", "search", "stats", "export", "show", "tag", "timeline", "--format", "json",
            "jsonl", "ftm", "acled", "--db", "--published", "2018-03-01", "2018-02-30", "--max-doc-mb", "-1", "0",
            "1e400", "nan", "--doc-timeout", "--doc-memory", "--workers", "3", "-o", "--limit", "--conll", "--bidi",
            "visual", "--with-text", "--no-progress", "--ner-model", "--json", "--", "-", "داعش", "--version"]


def _cli():
    from rasid.cli import build_parser
    parser = build_parser()

    def check(argv: list[str]) -> None:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            try:
                parser.parse_args(argv)
            except SystemExit as exc:  # argparse's declared way out: usage error (2), --help or --version (0)
                assert exc.code in (0, 2), exc.code
    argv = st.lists(st.one_of(st.sampled_from(_OPTIONS), st.sampled_from(_OPTIONS), _NOISE), max_size=8)
    return Target("cli", argv, check, 1)


def targets() -> list[Target]:
    """Every target (built on first use: some load the pipeline's resources)."""
    return [make() for make in (_numbers, _dates, _html, _jsonl, _warc, _text, _cli)]
