"""Document metadata that a web page states about itself (title, date, author, outlet, url).

Only the page's own metadata is read. Trafilatura's date guess also scans the body and
takes years mentioned in the article ("عامي 2015") as the publication date, which would
anchor every relative date in the report wrongly; a missing date is better than a wrong one.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from rasid.ingest.dates import iso_day

#: Meta keys (name/property/itemprop, lower case) that state the publication date, best first.
_DATE_KEYS = (
    "article:published_time", "og:article:published_time", "og:published_time",
    "datepublished", "date", "pubdate", "publishdate", "publish-date", "publish_date",
    "dc.date.issued", "dcterms.issued", "dc.date", "sailthru.date", "parsely-pub-date",
)

_SPACE = re.compile(r"\s+")


def page_meta(tree: Any) -> dict[str, str | None]:
    """title, published (YYYY-MM-DD), author, outlet and url of a parsed page (lxml tree)."""
    meta = _meta_tags(tree)
    linked = _json_ld(tree)
    return {
        "title": meta.get("og:title") or _text(tree, "//title") or _text(tree, "//h1"),
        "published": _published(tree, meta, linked),
        "author": meta.get("author") or _author(linked),
        "outlet": meta.get("og:site_name") or _name(linked.get("publisher")),
        "url": meta.get("og:url") or _canonical(tree),
    }


def _meta_tags(tree: Any) -> dict[str, str]:
    """First non-empty content of every <meta>, keyed by lower-case name, property or itemprop."""
    found: dict[str, str] = {}
    for element in tree.iter("meta"):
        content = _clean(element.get("content"))
        for attribute in ("name", "property", "itemprop"):
            key = (element.get(attribute) or "").strip().lower()
            if key and content and key not in found:
                found[key] = content
    return found


def _published(tree: Any, meta: dict[str, str], linked: dict[str, Any]) -> str | None:
    """The first stated date that parses, from meta tags, JSON-LD, then a <time> in the article."""
    stated = [meta.get(key) for key in _DATE_KEYS]
    stated.append(linked.get("datePublished"))
    stated.extend(tree.xpath("//*[@itemprop='datePublished']/@datetime"))
    stated.extend(tree.xpath("//article//time/@datetime"))
    for value in stated:
        if isinstance(value, str) and (day := iso_day(value)):
            return day
    return None


def _json_ld(tree: Any) -> dict[str, Any]:
    """The first value of each key over all JSON-LD objects of the page (@graph flattened)."""
    merged: dict[str, Any] = {}
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue
        for item in _objects(data):
            for key, value in item.items():
                merged.setdefault(key, value)
    return merged


def _objects(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _objects(item)
    elif isinstance(data, dict):
        yield data
        yield from _objects(data.get("@graph"))


def _author(linked: dict[str, Any]) -> str | None:
    author = linked.get("author")
    if isinstance(author, list):
        names = [name for name in map(_name, author) if name]
        return ", ".join(names) or None
    return _name(author)


def _name(value: Any) -> str | None:
    """A JSON-LD person/organisation name: a plain string or an object's "name"."""
    if isinstance(value, dict):
        value = value.get("name")
    return _clean(value) if isinstance(value, str) else None


def _canonical(tree: Any) -> str | None:
    hrefs = tree.xpath("//link[@rel='canonical']/@href")
    return _clean(hrefs[0]) if hrefs else None


def _text(tree: Any, path: str) -> str | None:
    elements = tree.xpath(path)
    return _clean(elements[0].text_content()) if elements else None


def _clean(value: str | None) -> str | None:
    """Whitespace collapsed; None for missing or blank values."""
    if value is None:
        return None
    return _SPACE.sub(" ", value).strip() or None
