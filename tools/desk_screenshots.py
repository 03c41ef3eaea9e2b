"""Screenshots of the desk's pages for the README (`make screenshots`): `rasid serve` on a store
(default demo.db, made by `make demo`), each page opened in Debian's Chromium through Playwright.

    python tools/desk_screenshots.py [--db demo.db] [--out docs/desk]
"""
from __future__ import annotations

import argparse
import shutil
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

    from rasid.serve.launch import served
    with served(args.db) as desk:
        args.out.mkdir(parents=True, exist_ok=True)
        first_doc = httpx.get(f"{desk.url}/api/documents", params={"limit": 1}).json()["items"][0]["id"]
        pages = PAGES + [("evidence", f"/documents/{first_doc}?item=c2#c2")]
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1280, "height": 860}, locale="ar")
            for name, path in pages:
                page.goto(desk.url + path, wait_until="networkidle")
                time.sleep(0.5)
                page.screenshot(path=str(args.out / f"{name}.png"))
            browser.close()
    print(f"desk_screenshots: {len(pages)} pages in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
