"""Web pages: the article's main text (trafilatura) and the metadata the page states.

The document text is the extracted main text, one paragraph per line, so that offsets
index what a reader of the article sees rather than markup.
"""
from __future__ import annotations

import re

from rasid.document import Document
from rasid.errors import InputError
from rasid.ingest.encoding import Decoded, clean, detect
from rasid.ingest.files import read_limited
from rasid.ingest.html_meta import page_meta

#: A charset stated in the first bytes of a page (<meta charset> or http-equiv).
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_SNIFF_BYTES = 4096


def read_html(path: str, doc_id: str, max_bytes: int) -> Document | InputError:
    """One document from an .html/.htm file."""
    data = read_limited(path, max_bytes)
    if isinstance(data, InputError):
        return data
    return document_from_html(data, id=doc_id, path=path)


def document_from_html(html: str | bytes, *, id: str, path: str, url: str | None = None,
                       charset: str | None = None) -> Document | InputError:
    """A document from a page; `url` (where it was fetched) wins over the page's own og:url.

    `charset` is what the transport stated (an HTTP header); a <meta charset> is used
    when it is absent. An InputError when the bytes are not text or no article is found.
    """
    decoded = _as_text(html, path, charset)
    if isinstance(decoded, InputError):
        return decoded
    try:
        meta, text = _parse(decoded.text)
    except Exception as exc:  # lxml/trafilatura on hostile markup: report it, never crash
        return InputError(path, f"cannot parse HTML: {type(exc).__name__}: {exc}".splitlines()[0])
    if not text:
        return InputError(path, "no article text found in HTML")
    extra = {"format": "html"} | ({"encoding": decoded.encoding} if decoded.encoding else {})
    if meta["published"]:
        extra["published_from"] = "html"
    return Document(text=text, id=id, path=path, title=meta["title"],
                    published=meta["published"], author=meta["author"],
                    outlet=meta["outlet"], url=url or meta["url"], meta=extra)


def _as_text(html: str | bytes, path: str, charset: str | None) -> Decoded | InputError:
    if isinstance(html, str):
        return Decoded(html, "")
    return detect(html, path, declared=charset or _stated_charset(html))


def _parse(html: str) -> tuple[dict[str, str | None], str]:
    """The page's metadata and main text ("" when the page has no article)."""
    import trafilatura  # here, not at the top: 0.15–0.4 s that a run without web pages never needs
    tree = trafilatura.load_html(html) if html.strip() else None
    if tree is None:
        return {}, ""
    meta = page_meta(tree)
    links = _link_texts(tree)  # read first: extraction rewrites the tree
    text = _main_text(tree)
    if all(line in links for line in text.split("\n")):
        text = ""  # only menu links: trafilatura's fallback found no article
    return meta, text


def _main_text(tree) -> str:
    """The article's paragraphs, one per line, blank lines dropped.

    favor_recall keeps short paragraphs of news articles that precision mode drops;
    tables and comments are left out as they are rarely the report itself.
    """
    import trafilatura
    extracted = trafilatura.extract(tree, include_comments=False, include_tables=False,
                                    favor_recall=True, with_metadata=False)
    if not extracted:
        return ""
    lines = (line.strip() for line in clean(extracted).split("\n"))
    return "\n".join(line for line in lines if line)


def _link_texts(tree) -> set[str]:
    """The text of every link, whitespace collapsed as trafilatura does."""
    return {" ".join(a.text_content().split()) for a in tree.iter("a")}


def _stated_charset(data: bytes) -> str | None:
    match = _CHARSET.search(data[:_SNIFF_BYTES])
    return match.group(1).decode("ascii") if match else None
