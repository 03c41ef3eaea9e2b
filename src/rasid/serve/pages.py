"""The dashboard: server-rendered pages in Arabic, right to left, over the same `Desk` as the API.

Every page is HTML built by Jinja2 with autoescaping on, so article text, titles and names (all
untrusted) are always text, never markup; the pages load only the package's own CSS (and the
vendored scripts of the map, timeline and network views), so the Content-Security-Policy of
`'self'` holds. Filters are plain GET forms: every view is a URL an analyst can keep and share.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape

from rasid.serve.desk import MAX_OFFSET, SORTS, ClusterFilter, Desk, Page, reading
from rasid.serve.marks import label, labels, pieces, report_marks

pages = APIRouter(include_in_schema=False)
_PAGE = 50
_SORT_PATTERN = f"^({'|'.join(SORTS)})$"


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=PackageLoader("rasid.serve", "templates"), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["label"] = lambda value, vocabulary: label(vocabulary, value)
    env.filters["amount"] = amount
    env.globals["values"] = _values
    return env


def render(name: str, **context: Any) -> HTMLResponse:
    return HTMLResponse(environment().get_template(name).render(**context))


def _with_desk(request: Request, make) -> HTMLResponse:
    """Run `make(desk)` over a read-only desk opened for this request."""
    with reading(request.app.state.settings.db) as desk:
        return make(desk)


@pages.get("/", response_class=HTMLResponse)
def overview_page(request: Request) -> HTMLResponse:
    return _with_desk(request, lambda desk: render("overview.html", data=desk.overview(), here="overview"))


@pages.get("/claims", response_class=HTMLResponse)
def claims_page(request: Request, channel: str | None = None, role: str | None = None, actor: str | None = None,
                min_sources: Annotated[int, Query(ge=0)] = 0, contradicted: bool = False,
                sort: Annotated[str, Query(pattern=_SORT_PATTERN)] = "sources",
                offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0) -> HTMLResponse:
    where = ClusterFilter(channel=channel or None, role=role or None, actor=actor or None,
                          min_sources=min_sources, contradicted=contradicted)
    return _with_desk(request, lambda desk: _table(desk, "claim", where, sort, offset, request))


@pages.get("/events", response_class=HTMLResponse)
def events_page(request: Request, type: str | None = None, actor: str | None = None,
                min_sources: Annotated[int, Query(ge=0)] = 0, contradicted: bool = False,
                sort: Annotated[str, Query(pattern=_SORT_PATTERN)] = "date",
                offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0) -> HTMLResponse:
    where = ClusterFilter(type=type or None, actor=actor or None, min_sources=min_sources, contradicted=contradicted)
    return _with_desk(request, lambda desk: _table(desk, "event", where, sort, offset, request))


def _table(desk: Desk, kind: str, where: ClusterFilter, sort: str, offset: int, request: Request) -> HTMLResponse:
    """The claims or events table: one page of the clusters the filter keeps, in `sort` order."""
    found = (desk.claims if kind == "claim" else desk.events)(Page(_PAGE, offset), where, sort)
    current = dict(request.query_params)
    return render(f"{kind}s.html", rows=found["items"], total=found["total"], offset=offset, page=_PAGE,
                  where=where, sort=sort, here=f"{kind}s",
                  query=lambda **changed: urlencode({**current, "offset": 0, **changed}))


@pages.get("/claims/{cluster_id}", response_class=HTMLResponse)
def claim_page(request: Request, cluster_id: str) -> HTMLResponse:
    return _with_desk(request, lambda desk: _cluster(desk, "claim", cluster_id))


@pages.get("/events/{cluster_id}", response_class=HTMLResponse)
def event_page(request: Request, cluster_id: str) -> HTMLResponse:
    return _with_desk(request, lambda desk: _cluster(desk, "event", cluster_id))


def _cluster(desk: Desk, kind: str, cluster_id: str) -> HTMLResponse:
    cluster = desk.cluster(kind, cluster_id)
    if cluster is None:
        raise HTTPException(404, f"no such {kind}")
    contradicting = sorted({s for record in desk.corpus.contradictions() if cluster["id"] in record["subjects"]
                            for s in record["subjects"] if s != cluster["id"]})
    return render("cluster.html", kind=kind, cluster=cluster, contradicting=contradicting, here=f"{kind}s")


@pages.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: Annotated[str, PathParam(pattern=r"^[0-9a-f]{64}$")],
                  item: Annotated[str | None, Query(pattern=r"^[cv]\d+$")] = None) -> HTMLResponse:
    """The evidence view: the report with its items marked and the sentence of `item` in focus."""
    def make(desk: Desk) -> HTMLResponse:
        data = desk.document(doc_id)
        if data is None:
            raise HTTPException(404, "no such document")
        return render("document.html", data=data, pieces=pieces(data["doc"]["text"], report_marks(data, item)),
                      focus=item, entities={e["id"]: e for e in data.get("entities", [])}, here="documents")
    return _with_desk(request, make)


@pages.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, q: Annotated[str | None, Query(max_length=500)] = None,
                   offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0) -> HTMLResponse:
    return _with_desk(request, lambda desk: render(
        "documents.html", found=desk.documents(Page(_PAGE, offset), query=q or None), q=q or "", here="documents"))


@pages.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: Annotated[str | None, Query(max_length=500)] = None,
                offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0) -> HTMLResponse:
    def make(desk: Desk) -> HTMLResponse:
        found = desk.search(q, Page(_PAGE, offset)) if q else None
        hits = [dict(h, pieces=_snippet_pieces(h)) for h in found["items"]] if found else []
        return render("search.html", q=q or "", found=found, hits=hits, here="search")
    return _with_desk(request, make)


def _snippet_pieces(hit: dict) -> list[tuple[str, bool]]:
    """A snippet as (text, highlighted) pieces."""
    out, at = [], 0
    for start, end in hit["highlights"]:
        out += [(hit["snippet"][at:start], False), (hit["snippet"][start:end], True)]
        at = end
    return out + [(hit["snippet"][at:], False)]


@pages.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, entity_id: str) -> HTMLResponse:
    def make(desk: Desk) -> HTMLResponse:
        entity = desk.entity(entity_id)
        if entity is None:
            raise HTTPException(404, "no such entity")
        return render("entity.html", entity=entity, here="entities")
    return _with_desk(request, make)


@pages.get("/api/docs", response_class=HTMLResponse)
def api_page(request: Request) -> HTMLResponse:
    """The API reference, read from the app's own OpenAPI description (no CDN, no script)."""
    return render("api.html", spec=request.app.openapi(), here="api")


@pages.get("/map", response_class=HTMLResponse)
def map_page() -> HTMLResponse:
    return render("map.html", labels=_labels_by_vocabulary(), here="map")


@pages.get("/network", response_class=HTMLResponse)
def network_page(actor: Annotated[str | None, Query(max_length=200)] = None) -> HTMLResponse:
    return render("network.html", actor=actor or "", here="network")


@pages.get("/timeline", response_class=HTMLResponse)
def timeline_page(actor: Annotated[str | None, Query(max_length=200)] = None,
                  channel: Annotated[str | None, Query(max_length=40)] = None) -> HTMLResponse:
    return render("timeline.html", actor=actor or "", channel=channel or "", labels=_labels_by_vocabulary(),
                  here="timeline")


def _labels_by_vocabulary() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for (vocabulary, value), name in labels().items():
        out.setdefault(vocabulary, {})[value] = name
    return out


def _values(vocabulary: str) -> list[str]:
    return [value for v, value in labels() if v == vocabulary]


def amount(bounds: list) -> str:
    """An interval as the desk shows it: `2,700,000–3,300,000`, `≥ 400,000`, `≤ 5`, `30`."""
    low, high = bounds
    fmt = lambda x: f"{x:,.0f}" if abs(x) >= 100 else f"{x:,.4g}"  # noqa: E731
    if low is not None and high is not None:
        return fmt(low) if low == high else f"{fmt(low)}–{fmt(high)}"
    if low is not None:
        return f"≥ {fmt(low)}"
    return f"≤ {fmt(high)}" if high is not None else "—"
