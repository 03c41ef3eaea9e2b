"""Tests of rasid.ingest: every input form, and every bad input becoming an InputError."""
from __future__ import annotations

import builtins
import codecs
import io
import json
import os
from pathlib import Path

import pytest

from ingest_fixtures import (
    ARABIC_PARAGRAPH, ARTICLE_PARAGRAPHS, COOKIE_TEXT, NAV_ITEM, SIDEBAR_ITEM, TITLE, news_page,
    warc_archive, warc_bytes,
)
from rasid.document import Document
from rasid.errors import InputError
from rasid.ingest import DEFAULT_MAX_BYTES, document_from_html, read_inputs
from rasid.ingest.encoding import decode

SHARED = Path(__file__).resolve().parents[2] / "shared"


def read(*paths, **options) -> list[Document | InputError]:
    return list(read_inputs([str(p) for p in paths], **options))


def read_one(path, **options) -> Document | InputError:
    [item] = read(path, **options)
    return item


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def assert_error(item, *fragments: str) -> InputError:
    assert isinstance(item, InputError), item
    for fragment in fragments:
        assert fragment in str(item), str(item)
    assert "\n" not in str(item)
    return item


# --- encodings -------------------------------------------------------------------------

@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8], ids=["no-bom", "bom"])
def test_ingest_utf8_with_and_without_bom(tmp_path, bom):
    doc = read_one(write(tmp_path, "a.txt", bom + ARABIC_PARAGRAPH.encode("utf-8")))
    assert doc.text == ARABIC_PARAGRAPH
    assert doc.meta["encoding"] == ("utf-8-sig" if bom else "utf-8")
    assert doc.meta["format"] == "txt"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_ingest_utf16_and_utf32_with_bom(tmp_path, codec):
    doc = read_one(write(tmp_path, "a.txt", ("\ufeff" + ARABIC_PARAGRAPH).encode(codec)))
    assert doc.text == ARABIC_PARAGRAPH
    assert doc.meta["encoding"] == codec


@pytest.mark.parametrize("codec, name", [("cp1256", "windows-1256"), ("iso8859_6", "iso-8859-6")])
def test_ingest_legacy_arabic_code_pages(tmp_path, codec, name):
    doc = read_one(write(tmp_path, "a.txt", ARABIC_PARAGRAPH.encode(codec)))
    assert doc.text == ARABIC_PARAGRAPH
    assert doc.meta["encoding"] == name


def test_ingest_crlf_and_lone_cr_become_newlines(tmp_path):
    data = "السطر الأول\r\nالسطر الثاني\rالسطر الثالث\n\r\n  مسافة".encode()
    doc = read_one(write(tmp_path, "a.txt", data))
    assert doc.text == "السطر الأول\nالسطر الثاني\nالسطر الثالث\n\n  مسافة"


def test_ingest_decode_keeps_arabic_unnormalised():
    text = "أإآ ى ة ـ \u064b ١٢٣"
    assert decode(text.encode(), "x") == text


# --- folders, explicit files, stdin ----------------------------------------------------

def test_ingest_folder_recursion_nested_ids_skips_hidden_and_unknown(tmp_path):
    folder = tmp_path / "corpus"
    write(folder, "b.txt", "نص ب".encode())
    write(folder, "a/z.txt", "نص ز".encode())
    write(folder, "a/deep/x.TXT", "نص س".encode())
    write(folder, ".hidden.txt", "مخفي".encode())
    write(folder, ".git/config.txt", "مخفي".encode())
    write(folder, "notes.md", "ملاحظات".encode())
    write(folder, "logo.png", b"\x89PNG\r\n\x1a\n")
    docs = read(folder)
    assert [d.id for d in docs] == ["a/deep/x.TXT", "a/z.txt", "b.txt"]
    assert [d.text for d in docs] == ["نص س", "نص ز", "نص ب"]
    assert docs[0].path == str(folder / "a" / "deep" / "x.TXT")


def test_ingest_file_named_explicitly_with_unknown_extension_is_text(tmp_path):
    doc = read_one(write(tmp_path, "sub/report.md", ARABIC_PARAGRAPH.encode()))
    assert (doc.id, doc.text, doc.path) == ("report.md", ARABIC_PARAGRAPH, str(tmp_path / "sub/report.md"))


def test_ingest_stdin_text():
    data = codecs.BOM_UTF8 + "  سطر أول\r\nسطر ثانٍ".encode()
    [doc] = read("-", stdin=io.BytesIO(data))
    assert (doc.id, doc.path, doc.text) == ("-", "-", "  سطر أول\nسطر ثانٍ")


def test_ingest_stdin_text_over_limit():
    [item] = read("-", stdin=io.BytesIO("نص ".encode() * 100), max_bytes=200)
    assert_error(item, "input is over the 200 bytes limit")
    assert item.path == "-"


def test_ingest_stdin_jsonl_keeps_line_numbers():
    lines = ["", json.dumps({"id": "r1", "text": "النص الأول"}), "{bad json",
             json.dumps({"id": 7, "text": "النص الثاني", "published": "2022-05"})]
    items = read("-", stdin=io.BytesIO("\n".join(lines).encode()))
    assert [i.id for i in items if isinstance(i, Document)] == ["r1", "7"]
    assert items[2].published == "2022-05"
    assert_error(items[1], "line 3:", "not valid JSON")
    assert items[1].line == 3 and items[1].path == "-"


def test_ingest_stdin_jsonl_large_head_is_not_lost():
    records = [{"id": str(n), "text": "كلمة " * 200} for n in range(200)]
    data = "\n".join(json.dumps(r, ensure_ascii=False) for r in records).encode()
    docs = read("-", stdin=io.BytesIO(data))
    assert len(docs) == 200 and all(d.text == "كلمة " * 200 for d in docs)


# --- HTML ------------------------------------------------------------------------------

def test_ingest_html_main_text_title_date_and_boilerplate_dropped(tmp_path):
    doc = read_one(write(tmp_path, "page.html", news_page().encode()))
    assert isinstance(doc, Document), doc
    for paragraph in ARTICLE_PARAGRAPHS:
        assert paragraph + "\n" in doc.text + "\n"
    for boilerplate in (NAV_ITEM, COOKIE_TEXT, SIDEBAR_ITEM, "سياسة الخصوصية"):
        assert boilerplate not in doc.text
    assert doc.title == TITLE
    assert doc.published == "2021-03-14"
    assert doc.author == "سامر الخطيب"
    assert doc.outlet == "صحيفة الوادي"
    assert doc.url == "https://news.example/local/market"
    assert doc.meta["format"] == "html" and doc.id == "page.html"


def test_ingest_html_without_date_meta_ignores_year_in_body(tmp_path):
    doc = read_one(write(tmp_path, "page.htm", news_page(with_date=False).encode()))
    assert "1998" in doc.text
    assert doc.published is None and doc.author is None


def test_ingest_html_json_ld_date_and_author():
    ld = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "name": "x"},
        {"@type": "NewsArticle", "datePublished": "2019-11-05T22:10:00Z",
         "author": [{"@type": "Person", "name": "ليلى حسن"}], "publisher": {"name": "الوادي"}}]}
    page = news_page(with_date=False, head_extra=f'<script type="application/ld+json">{json.dumps(ld)}</script>')
    doc = document_from_html(page, id="p", path="p.html")
    assert (doc.published, doc.author) == ("2019-11-05", "ليلى حسن")


def test_ingest_html_time_element_in_article():
    page = news_page(with_date=False).replace("<h1>", '<time datetime="2020/02/29">٢٩ شباط</time><h1>')
    assert document_from_html(page, id="p", path="p.html").published == "2020-02-29"


def test_ingest_html_declared_legacy_charset(tmp_path):
    page = news_page(charset="windows-1256")
    doc = read_one(write(tmp_path, "page.html", page.encode("cp1256")))
    assert doc.title == TITLE and ARTICLE_PARAGRAPHS[0] in doc.text
    assert doc.meta["encoding"] == "windows-1256"


def test_ingest_html_without_article_text_is_error(tmp_path):
    page = b"<html><head><title>x</title></head><body><nav><a href='/'>home</a></nav></body></html>"
    assert_error(read_one(write(tmp_path, "empty.html", page)), "no article text found in HTML")


# --- JSONL -----------------------------------------------------------------------------

def test_ingest_jsonl_good_lines_and_malformed_line(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": "النص\r\nالأول", "title": "عنوان", "outlet": "الوادي",
                    "author": "كاتب", "url": "https://x.example/a", "source": "rss"}),
        "",
        '{"id": "b", "text": "بلا نهاية"',
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "c"}),
        json.dumps({"text": "لا معرف"}),
        json.dumps({"id": "d", "text": "   "}),
        json.dumps({"id": 42, "text": "النص الأخير"}),
    ]
    items = read(write(tmp_path, "c.jsonl", "\n".join(lines).encode()))
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [d.id for d in docs] == ["a", "42"]
    first = docs[0]
    assert first.text == "النص\nالأول"
    assert (first.title, first.outlet, first.author, first.url) == ("عنوان", "الوادي", "كاتب", "https://x.example/a")
    assert first.meta == {"source": "rss", "format": "jsonl", "encoding": "utf-8"}
    assert [e.line for e in errors] == [3, 4, 5, 6, 7]
    assert_error(errors[0], "line 3:", "not valid JSON")
    assert_error(errors[1], "line 4:", "expected a JSON object, got a list")
    assert_error(errors[2], "line 5:", 'missing "text"')
    assert_error(errors[3], "line 6:", 'missing "id"')
    assert_error(errors[4], "line 7:", '"text" is empty')


@pytest.mark.parametrize("published", ["2020-08-15", "2020-08", "2020", None])
def test_ingest_jsonl_published_given_as_is(tmp_path, published):
    line = json.dumps({"id": "a", "text": "نص", "published": published})
    assert read_one(write(tmp_path, "c.jsonl", line.encode())).published == published


@pytest.mark.parametrize("published", ["15/08/2020", "2020-13", "2021-02-30", "آب 2020"])
def test_ingest_jsonl_bad_published_is_line_error(tmp_path, published):
    line = json.dumps({"id": "a", "text": "نص", "published": published}, ensure_ascii=False)
    assert_error(read_one(write(tmp_path, "c.jsonl", line.encode())), "line 1:", "YYYY-MM-DD", published)


def test_ingest_jsonl_line_over_limit_is_skipped(tmp_path):
    lines = [json.dumps({"id": "big", "text": "x" * 500}), json.dumps({"id": "ok", "text": "نص"})]
    items = read(write(tmp_path, "c.jsonl", "\n".join(lines).encode()), max_bytes=200)
    assert_error(items[0], "line 1:", "over the 200 bytes limit")
    assert items[1].id == "ok"


# --- WARC ------------------------------------------------------------------------------

@pytest.mark.parametrize("gzip, name", [(True, "crawl.warc.gz"), (False, "crawl.warc")])
def test_ingest_warc_html_responses(tmp_path, gzip, name):
    docs = read(write(tmp_path, name, warc_bytes(gzip)))
    assert [d.id for d in docs] == [f"{name}#1", f"{name}#2"]
    assert [d.url for d in docs] == ["https://news.example/1", "https://news.example/2"]
    assert docs[0].title == TITLE and docs[1].title == "طريق جديد إلى القرى الشمالية"
    assert [d.published for d in docs] == ["2021-03-14", None]
    assert all(d.meta["captured"] == "2023-06-02" and d.meta["format"] == "warc" for d in docs)
    assert ARTICLE_PARAGRAPHS[1] in docs[1].text


@pytest.mark.parametrize("gzip", [True, False])
@pytest.mark.parametrize("into", [0.5, 0.05])  # inside the third record's block / its header
def test_ingest_warc_truncated_keeps_earlier_records(tmp_path, gzip, into):
    data, starts = warc_archive(gzip)
    cut = starts[2] + int((starts[3] - starts[2]) * into)
    name = "cut.warc.gz" if gzip else "cut.warc"
    items = read(write(tmp_path, name, data[:cut]))
    assert len(items) == 2
    assert (items[0].id, items[0].url) == (f"{name}#1", "https://news.example/1")
    assert_error(items[1], "truncated or corrupt WARC after 2 records")
    assert items[1].path == str(tmp_path / name)


@pytest.mark.parametrize("gzip", [True, False])
def test_ingest_warc_cut_at_the_very_end(tmp_path, gzip):
    data = warc_bytes(gzip)
    items = read(write(tmp_path, "cut.warc.gz", data[:-6]))
    assert [i.id for i in items[:2]] == ["cut.warc.gz#1", "cut.warc.gz#2"]
    assert_error(items[2], "truncated or corrupt WARC after 4 records", "record 5 is cut short")
    assert len(items) == 3


def test_ingest_warc_record_over_limit_names_url(tmp_path):
    first, second = read(write(tmp_path, "crawl.warc", warc_bytes(False)), max_bytes=2000)
    assert_error(first, "record https://news.example/1: page is", "over the 2000 bytes limit")
    assert_error(second, "record https://news.example/2: page is", "over the 2000 bytes limit")


def test_ingest_not_a_warc(tmp_path):
    assert_error(read_one(write(tmp_path, "x.warc", "ليس أرشيفاً".encode())), "truncated or corrupt WARC")


# --- bad inputs --------------------------------------------------------------------------

@pytest.mark.parametrize("data, kind", [
    (b"\x89PNG\r\n\x1a\n" + bytes(20), "looks like PNG"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "looks like PDF"),
    (b"PK\x03\x04" + bytes(20), "looks like ZIP"),
    ("نص".encode() + b"\x00\x01\x02", "contains NUL bytes"),
])
def test_ingest_binary_file_rejected(tmp_path, data, kind):
    assert_error(read_one(write(tmp_path, "a.txt", data)), "binary file", kind)


def test_ingest_binary_jsonl_rejected(tmp_path):
    assert_error(read_one(write(tmp_path, "a.jsonl", b"%PDF-1.4\n" + bytes(10))), "binary file (looks like PDF)")


@pytest.mark.parametrize("data", [b"", b" \r\n\t\n", codecs.BOM_UTF8 + b"\n", "\ufeff  ".encode("utf-16-le")])
def test_ingest_empty_file_rejected(tmp_path, data):
    assert_error(read_one(write(tmp_path, "a.txt", data)), "empty file")


def test_ingest_broken_utf8_is_error_not_mojibake(tmp_path):
    data = bytearray((ARABIC_PARAGRAPH * 3).encode())
    data[101:101] = b"\xff"
    item = read_one(write(tmp_path, "a.txt", bytes(data)))
    assert_error(item, "cannot decode", "byte 0xff at offset 101", "Windows-1256")


def test_ingest_undecodable_bytes_rejected(tmp_path):
    data = "رمز".encode() + b" \x81\x8d\x8e\xa2\xa5\xa9\xc0\xe0\xe2 " * 20
    assert_error(read_one(write(tmp_path, "a.txt", data)),
                 "cannot decode: not valid UTF-8 (byte 0x81 at offset 7) nor Windows-1256/ISO-8859-6 text")


def test_ingest_200mb_file_rejected_without_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(200 * 1024 * 1024)
    real_open = builtins.open

    def guarded_open(file, *args, **kwargs):
        assert Path(file) != path, "the oversized file was opened"
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    item = read_one(path)
    assert_error(item, "file is 200.0 MB, over the 64 MB limit for one document")
    assert DEFAULT_MAX_BYTES == 64 * 1024 * 1024


def test_ingest_missing_path(tmp_path):
    item = read_one(tmp_path / "nowhere.txt")
    assert_error(item, "no such file or directory")
    assert item.path == str(tmp_path / "nowhere.txt")


def test_ingest_permission_errors_become_input_errors(tmp_path, monkeypatch):
    locked_dir = tmp_path / "corpus" / "locked"
    locked_file = write(tmp_path, "corpus/open/a.txt", "نص".encode())
    write(locked_dir, "b.txt", "نص".encode())
    real_scandir, real_open = os.scandir, builtins.open

    def scandir(path):
        if Path(path) == locked_dir:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    def open_(file, *args, **kwargs):
        if Path(file) == locked_file:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(builtins, "open", open_)
    first, second = read(tmp_path / "corpus")
    assert (first.path, first.message) == (str(locked_dir), "cannot read: permission denied")
    assert (second.path, second.message) == (str(locked_file), "cannot read: permission denied")


def test_ingest_folder_without_readable_files(tmp_path):
    write(tmp_path, "d/image.png", b"\x89PNG")
    write(tmp_path, "d/.secret.txt", b"x")
    assert_error(read_one(tmp_path / "d"), "no readable files")


def test_ingest_one_bad_input_does_not_stop_the_rest(tmp_path):
    good = write(tmp_path, "good.txt", "نص سليم".encode())
    items = read(tmp_path / "missing", write(tmp_path, "bad.txt", b""), good)
    assert [type(i) for i in items] == [InputError, InputError, Document]


# --- the shared seed reports -------------------------------------------------------------

@pytest.mark.skipif(not (SHARED / "corpus" / "seeds").is_dir(), reason="shared corpus absent")
def test_ingest_seed_folder_matches_seed_jsonl():
    expected = {}
    with open(SHARED / "corpus" / "seeds.jsonl", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            expected[record["id"]] = record["text"]
    docs = read(SHARED / "corpus" / "seeds")
    assert len(docs) == 5 and all(isinstance(d, Document) for d in docs)
    for doc in docs:
        assert doc.text == expected[doc.id]
