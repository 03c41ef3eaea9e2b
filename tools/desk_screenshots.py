"""Screenshots of the desk's pages for the README (`make screenshots`): `rasid serve` on a store
(default demo.db, made by `make demo`), each page opened in Debian's Chromium through Playwright.

    python tools/desk_screenshots.py [--db demo.db] [--out docs/desk]
"""
from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
PAGES = [("overview", "/"), ("claims", "/claims"), ("events", "/events"), ("map", "/map"),
         ("timeline", "/timeline?actor=داعش"), ("network", "/network"), ("search", "/search?q=الذهب")]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, default=REPO / "demo.db")
    ap.add_argument("--out", type=Path, default=REPO / "docs" / "desk")
    args = ap.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None or not args.db.is_file():
        sys.exit("desk_screenshots: needs Chromium (make browser) and a store (make demo)")
    from playwright.sync_api import sync_playwright
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "rasid", "serve", "--db", str(args.db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(base)
        args.out.mkdir(parents=True, exist_ok=True)
        first_doc = httpx.get(f"{base}/api/documents", params={"limit": 1}).json()["items"][0]["id"]
        pages = PAGES + [("evidence", f"/documents/{first_doc}?item=c2#c2")]
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1280, "height": 860}, locale="ar")
            for name, path in pages:
                page.goto(base + path, wait_until="networkidle")
                time.sleep(0.5)
                page.screenshot(path=str(args.out / f"{name}.png"))
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"desk_screenshots: {len(pages)} pages in {args.out}")
    return 0


def _wait(base: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(base + "/api/overview", timeout=5)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    sys.exit("desk_screenshots: the server did not start")


if __name__ == "__main__":
    sys.exit(main())
