"""The analyst's desk over HTTP: the REST API (`/api/…`) and the dashboard pages, one process.

`create_app(settings)` builds the ASGI app `rasid serve` runs with uvicorn. The store is
read through a read-only connection opened per request (SQLite connections stay on the thread
that opened them); `--allow-writes` adds `POST /api/documents`, which needs the bearer token
given at start. Safe defaults, since the store holds sensitive analysis and article text is
untrusted input: a Host-header allowlist (DNS rebinding), no CORS unless origins are given, a
Content-Security-Policy of `'self'` on every response, JSON errors with a message, parameters
validated (422), page sizes capped.
"""
from __future__ import annotations

import hmac
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.staticfiles import StaticFiles

from rasid.errors import RasidError
from rasid.serve.desk import DEFAULT_PAGE, MAX_OFFSET, MAX_PAGE, SORTS, ClusterFilter, Desk, Page, reading
from rasid.serve.pages import pages
from rasid.store.dialect import database_errors

LOCAL_HOSTS = ("127.0.0.1", "localhost", "[::1]", "::1")
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
_EXPORT_TYPES = {"ftm": ("application/x-ndjson", "rasid.ftm.json"), "acled": ("text/csv", "rasid-acled.csv"),
                 "geojson": ("application/geo+json", "rasid.geojson"), "claims": ("text/csv", "rasid-claims.csv")}
_CHUNK = 64 * 1024
_MAX_TEXT = 2**20  # characters of one posted report (run in the server's process: kept small)
_MAX_BODY = 6 * 2**20  # bytes of a POST body, refused before it is read


@dataclass(frozen=True)
class Settings:
    db: Path | str  # a SQLite file, or a postgresql:// URL
    allowed_hosts: tuple[str, ...] = LOCAL_HOSTS
    allow_writes: bool = False
    token: str | None = None
    cors_origins: tuple[str, ...] = ()
    write_lock: threading.Lock = field(default_factory=threading.Lock, compare=False)

    def __post_init__(self):
        if self.allow_writes and not self.token:
            raise RasidError("--allow-writes needs a token (--token or RASID_TOKEN): writes are never open")


class NewReport(BaseModel):
    """A report to read and store (POST /api/documents)."""
    text: str = Field(min_length=1, max_length=_MAX_TEXT)
    title: str | None = None
    published: str | None = Field(default=None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    outlet: str | None = None
    url: str | None = None


def create_app(settings: Settings) -> FastAPI:
    app = FastAPI(title="Rasid", version="1", summary="Financing of armed groups, read from Arabic reports",
                  openapi_url="/api/openapi.json", docs_url=None, redoc_url=None)
    app.state.settings = settings
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(settings.allowed_hosts))
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins), allow_methods=["GET"])

    app.middleware("http")(_writes_need_the_token)
    app.middleware("http")(_security_headers)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        problems = [f"{'.'.join(str(p) for p in e['loc'][1:]) or e['loc'][0]}: {e['msg']}" for e in exc.errors()]
        return JSONResponse({"error": "invalid request: " + "; ".join(problems)}, status_code=422)

    @app.exception_handler(RasidError)
    async def rasid_error(request: Request, exc: RasidError):
        return JSONResponse({"error": str(exc)}, status_code=503)

    app.include_router(router)
    app.include_router(pages)
    app.mount("/static", StaticFiles(packages=[("rasid.serve", "static")]), name="static")
    return app


async def _writes_need_the_token(request: Request, call_next):
    """A write is refused before its body is read: no token, no reading (401); a body
    without a length or over `_MAX_BODY` is not read either (411, 413)."""
    if request.method in ("POST", "PUT", "PATCH", "DELETE") and request.url.path.startswith("/api/"):
        if not _authorised(request.headers.get("authorization"), request.app.state.settings.token):
            return JSONResponse({"error": "a bearer token is required"}, status_code=401,
                                headers={"WWW-Authenticate": "Bearer"})
        length = request.headers.get("content-length")
        if length is None or not length.isdigit():
            return JSONResponse({"error": "a Content-Length is required"}, status_code=411)
        if int(length) > _MAX_BODY:
            return JSONResponse({"error": f"a report of at most {_MAX_BODY} bytes"}, status_code=413)
    return await call_next(request)


async def _security_headers(request: Request, call_next):
    """Every answer, pages and errors alike: scripts, styles and fonts from this server only."""
    response = await call_next(request)
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Frame-Options"] = "DENY"
    return response


def _desk(request: Request) -> Iterator[Desk]:
    """A desk over a read-only connection of its own, closed after the request."""
    with reading(request.app.state.settings.db) as desk:
        yield desk


DeskDep = Annotated[Desk, Depends(_desk)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"items per page (at most {MAX_PAGE})")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="items to skip")]
Sort = Annotated[str, Query(pattern=f"^({'|'.join(SORTS)})$",
                            description="first: as first told; sources, reports: most first; date: newest first")]
IsoPrefix = Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="2021, 2021-02 or 2021-02-16")]


def _found(item: Any, what: str) -> Any:
    if item is None:
        raise HTTPException(404, f"no such {what}")
    return item


class ErrorBody(BaseModel):
    """Every error the API answers: what went wrong, in words."""
    error: str


_INVALID = {422: {"model": ErrorBody, "description": "a parameter is not valid (the message names it)"}}
_MISSING = {404: {"model": ErrorBody, "description": "no such item"}}
router = APIRouter(prefix="/api", responses=_INVALID)


@router.get("/overview", tags=["overview"])
def overview(desk: DeskDep) -> dict[str, Any]:
    """Counts, reports per week, the most active actors and channels, the latest contradictions."""
    return desk.overview()


@router.get("/documents", tags=["documents"])
def documents(desk: DeskDep, outlet: str | None = None, published_from: IsoPrefix = None,
              published_to: IsoPrefix = None, q: Annotated[str | None, Query(max_length=500)] = None,
              limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> dict[str, Any]:
    """Stored reports, newest first; `q` searches their text (any clitic form)."""
    return desk.documents(Page(limit, offset), outlet=outlet, published_from=published_from,
                          published_to=published_to, query=q)


@router.get("/documents/{doc_id}", tags=["documents"], responses=_MISSING)
def document(doc_id: Annotated[str, PathParam(pattern=r"^[0-9a-f]{64}$", description="the sha256 of the text")],
             desk: DeskDep) -> dict[str, Any]:
    """One report as `rasid extract` writes it (OUTPUT.md), with its text and its clusters."""
    return _found(desk.document(doc_id), "document")


@router.get("/entities", tags=["entities"])
def entities(desk: DeskDep, type: Annotated[str | None, Query(pattern=r"^(ORG|PER|LOC|MISC)$")] = None,
             q: Annotated[str | None, Query(max_length=200)] = None, kb: str | None = None,
             limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> dict[str, Any]:
    """Entities resolved across reports, most mentioned first; `q` is a name in any spelling."""
    return desk.entities(Page(limit, offset), type_=type, query=q, kb=kb)


@router.get("/entities/{entity_id}", tags=["entities"], responses=_MISSING)
def entity(entity_id: str, desk: DeskDep) -> dict[str, Any]:
    """An entity with its aliases, its mentions and the events and claims it takes part in."""
    return _found(desk.entity(entity_id), "entity")


@router.get("/events", tags=["events"])
def events(desk: DeskDep, type: str | None = None, actor: str | None = None, place: str | None = None,
           date_from: IsoPrefix = None, date_to: IsoPrefix = None,
           min_sources: Annotated[int, Query(ge=0)] = 0, contradicted: bool = False,
           sort: Sort = "first", limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> dict[str, Any]:
    """Events across reports (clusters), each with its reports, sources, independent-source
    count and contradictions."""
    where = ClusterFilter(actor=actor, place=place, type=type, date_from=date_from, date_to=date_to,
                          min_sources=min_sources, contradicted=contradicted)
    return desk.events(Page(limit, offset), where, sort)


@router.get("/map", tags=["events"])
def event_points(desk: DeskDep) -> dict[str, Any]:
    """Events at located places as GeoJSON points (id, type, date, place, reports): the map's data."""
    return desk.event_points()


@router.get("/events/{cluster_id}", tags=["events"], responses=_MISSING)
def event(cluster_id: str, desk: DeskDep) -> dict[str, Any]:
    return _found(desk.cluster("event", cluster_id), "event")


@router.get("/claims", tags=["claims"])
def claims(desk: DeskDep, channel: str | None = None, role: str | None = None, actor: str | None = None,
           place: str | None = None, date_from: IsoPrefix = None, date_to: IsoPrefix = None,
           min_sources: Annotated[int, Query(ge=0)] = 0, contradicted: bool = False,
           sort: Sort = "first", limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> dict[str, Any]:
    """Financing claims across reports (clusters): who said what about whose money, how many
    independent sources back it, where they disagree."""
    where = ClusterFilter(actor=actor, place=place, channel=channel, role=role, date_from=date_from,
                          date_to=date_to, min_sources=min_sources, contradicted=contradicted)
    return desk.claims(Page(limit, offset), where, sort)


@router.get("/claims/{cluster_id}", tags=["claims"], responses=_MISSING)
def claim(cluster_id: str, desk: DeskDep) -> dict[str, Any]:
    return _found(desk.cluster("claim", cluster_id), "claim")


@router.get("/contradictions", tags=["claims"])
def contradictions(desk: DeskDep, limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> dict[str, Any]:
    """Where reports disagree (figures, polarity), the latest first."""
    return desk.contradictions(Page(limit, offset))


@router.get("/search", tags=["search"])
def search(desk: DeskDep, q: Annotated[str, Query(min_length=1, max_length=500)],
           limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
    """Full-text search (every word in any clitic form, "quoted phrases"), with snippets and
    the spans of the matches in them."""
    return desk.search(q, Page(limit, offset))


@router.get("/timeline", tags=["entities"])
def timeline(desk: DeskDep, actor: Annotated[str, Query(min_length=1, max_length=200)],
             channel: str | None = None) -> dict[str, Any]:
    """Per actor the name means: its claims per channel and its events, in time order."""
    return {"actors": desk.timeline(actor, channel)}


@router.get("/network", tags=["entities"])
def network(desk: DeskDep, actor: Annotated[str | None, Query(max_length=200)] = None) -> dict[str, Any]:
    """Actors (nodes) linked by shared events and claims (edges, weighted by reports)."""
    return desk.network(actor)


@router.get("/export/{fmt}", tags=["export"],
            responses={503: {"model": ErrorBody, "description": "the format's library is not installed"}})
def export(fmt: Annotated[str, PathParam(pattern="^(ftm|acled|geojson|claims)$")], request: Request):
    """The files `rasid export` writes, streamed."""
    from rasid.export import exporter
    write = exporter(fmt)
    spool = tempfile.SpooledTemporaryFile(max_size=8 * 2**20, mode="w+", encoding="utf-8", newline="")
    try:
        with reading(request.app.state.settings.db) as desk:
            write(desk.corpus, spool)
    except BaseException:
        spool.close()
        raise
    spool.seek(0)
    media, name = _EXPORT_TYPES[fmt]
    return StreamingResponse(_chunks(spool), media_type=f"{media}; charset=utf-8",
                             headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.post("/documents", tags=["documents"], status_code=201, responses={
    401: {"model": ErrorBody, "description": "no bearer token, or not the one given at start"},
    405: {"model": ErrorBody, "description": "the desk was started read-only"}})
def add_document(report: NewReport, request: Request,
                 authorization: Annotated[str | None, Header()] = None) -> dict[str, Any]:
    """Read a report and store it (only with `--allow-writes` and the bearer token)."""
    settings = request.app.state.settings
    if not _authorised(authorization, settings.token):  # a read-only desk has no token: always 401
        raise HTTPException(401, "a bearer token is required", headers={"WWW-Authenticate": "Bearer"})
    if not settings.allow_writes:
        raise HTTPException(405, "this desk is read-only (start it with --allow-writes and a token)")
    return _store_report(settings, report)


def _chunks(spool) -> Iterator[bytes]:
    try:
        while chunk := spool.read(_CHUNK):
            yield chunk.encode("utf-8")
    finally:
        spool.close()


def _authorised(header: str | None, token: str | None) -> bool:
    if not header or not token or not header.startswith("Bearer "):
        return False
    return hmac.compare_digest(header.removeprefix("Bearer ").strip().encode(), token.encode())


def _store_report(settings: Settings, report: NewReport) -> dict[str, Any]:
    """Run the pipeline on the report, store it and bring the corpus layer up to date; one
    writer at a time."""
    from rasid.pipeline import PIPELINE_VERSION, extract
    from rasid.store import content_hash, open_store
    from rasid.store.corpus import update_corpus

    doc = extract(report.text, published=report.published, title=report.title, outlet=report.outlet,
                  url=report.url)
    with settings.write_lock, open_store(settings.db) as store:
        added = store.add(doc, pipeline_version=PIPELINE_VERSION)
        try:
            update_corpus(store)
        except database_errors() as e:
            raise RasidError(f"the report was stored but the corpus layer could not be updated: {e}") from e
    return {"id": content_hash(doc.text), "added": added, "events": len(doc.events), "claims": len(doc.claims)}
