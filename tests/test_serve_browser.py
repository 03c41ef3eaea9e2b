"""The desk in a real browser: `rasid serve` on loopback (uvicorn, a real process) driven by
Playwright through Debian's Chromium (`make browser`, `.ci/run`; never `playwright install`).

Every page loads with no console error and no request to any host but the server; the map,
timeline and network draw; the evidence view highlights the right sentence; a report carrying
`<script>` shows it as text. Screenshots of each page go to tests/artifacts/ (git-ignored) and
are checked not to be blank.
"""
from __future__ import annotations

import shutil
import zlib
from pathlib import Path
from urllib.parse import urlparse

import httpx
import pytest
from desk_fixtures import HOSTILE

from rasid.pipeline import PIPELINE_VERSION, extract
from rasid.serve.launch import served
from rasid.store import open_store

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
VENDOR = Path(__file__).resolve().parents[1] / "src" / "rasid" / "serve" / "static" / "vendor"
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (make browser)")


@pytest.fixture(scope="module")
def server(built, tmp_path_factory):
    """The built store plus a hostile report, served by `rasid serve` on a free port."""
    db = tmp_path_factory.mktemp("browser") / "store.db"
    shutil.copy(built, db)
    with open_store(db) as store:
        store.add(extract(HOSTILE, published="2024-01-02", title="<img src=x onerror=alert(2)>"),
                  pipeline_version=PIPELINE_VERSION)
        from rasid.store.corpus import update_corpus
        update_corpus(store)
    with served(db) as desk:
        yield desk.url


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()


class Visit:
    """A page opened in a fresh context, with what it logged and asked for."""

    def __init__(self, browser, base: str, path: str):
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ar")
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.hosts: set[str] = set()
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.hosts.add(urlparse(r.url).netloc))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.response = self.page.goto(base + path, wait_until="networkidle")
        self.base = base

    def shot(self, name: str) -> bytes:
        ARTIFACTS.mkdir(exist_ok=True)
        data = self.page.screenshot(full_page=True)
        (ARTIFACTS / f"{name}.png").write_bytes(data)
        return data

    def close(self):
        self.context.close()


def not_blank(png: bytes) -> bool:
    """Whether a PNG holds more than one colour: its decoded rows are not all alike."""
    pos, idat = 8, b""
    while pos < len(png):
        length = int.from_bytes(png[pos:pos + 4], "big")
        kind = png[pos + 4:pos + 8]
        if kind == b"IDAT":
            idat += png[pos + 8:pos + 8 + length]
        pos += 12 + length
    rows = zlib.decompress(idat)
    return len(set(rows[:200_000])) > 16


def ids(base: str, what: str) -> list[dict]:
    return httpx.get(f"{base}/api/{what}", params={"limit": 200}).json()["items"]


@pytest.mark.parametrize("name, path", [
    ("overview", "/"), ("claims", "/claims"), ("events", "/events"), ("documents", "/documents"),
    ("search", "/search?q=داعش"), ("api", "/api/docs"), ("map", "/map"), ("network", "/network"), ("timeline", "/timeline?actor=داعش")])
def test_browser_each_page_loads_clean_and_stays_on_the_machine(server, browser, name, path):
    visit = Visit(browser, server, path)
    try:
        assert visit.response.status == 200
        if name in ("map", "network", "timeline"):
            if not (VENDOR / "leaflet").is_dir():
                pytest.skip("the web assets are not installed (make web-assets)")
            visit.page.wait_for_selector(f"#{name}[data-ready='1']", timeout=30_000)
        assert visit.errors == []
        assert visit.hosts == {urlparse(server).netloc}
        assert visit.page.get_attribute("html", "dir") == "rtl"
        assert not_blank(visit.shot(name))
    finally:
        visit.close()


def test_browser_the_map_timeline_and_network_draw_the_store(server, browser):
    if not (VENDOR / "leaflet").is_dir():
        pytest.skip("the web assets are not installed (make web-assets)")
    drawn = {}
    for name, path, key in (("map", "/map", "points"), ("network", "/network", "nodes"),
                            ("timeline", "/timeline?actor=داعش", "marks")):
        visit = Visit(browser, server, path)
        try:
            visit.page.wait_for_selector(f"#{name}[data-ready='1']", timeout=30_000)
            drawn[name] = int(visit.page.get_attribute(f"#{name}", f"data-{key}"))
            if name == "map":
                visit.page.locator("path.leaflet-interactive").last.click(force=True)
                assert visit.page.locator(".leaflet-popup a[href^='/events/']").count() == 1
        finally:
            visit.close()
    assert drawn["map"] >= 1 and drawn["network"] >= 2 and drawn["timeline"] >= 1


def test_browser_the_evidence_view_highlights_the_sentence_of_the_item(server, browser):
    doc = next(d for d in ids(server, "documents") if d["counts"].get("claims", 0) > 2)
    data = httpx.get(f"{server}/api/documents/{doc['id']}").json()
    claim = data["claims"][-1]  # far down the report: the view must scroll to it
    evidence = data["doc"]["text"][claim["evidence"]["start"]:claim["evidence"]["end"]]
    visit = Visit(browser, server, f"/documents/{doc['id']}?item={claim['id']}#{claim['id']}")
    try:
        focused = "".join(visit.page.locator(".m-focus").all_text_contents())
        assert evidence in focused
        box = visit.page.locator(".m-focus").first.bounding_box()
        assert box is not None and box["width"] > 0
        assert visit.errors == [] and not_blank(visit.shot("evidence"))
    finally:
        visit.close()


def test_browser_a_report_with_a_script_shows_it_as_text(server, browser):
    hostile = next(d for d in ids(server, "documents") if d["title"] and "onerror" in d["title"])
    visit = Visit(browser, server, f"/documents/{hostile['id']}")
    try:
        text = visit.page.locator("article.report").text_content()
        assert '<script>alert("x")</script>' in text and "<img src=x onerror=alert(1)>" in text
        assert visit.dialogs == [] and visit.page.locator("article img, article script").count() == 0
        assert visit.errors == []
    finally:
        visit.close()
