"""The desk under load: latency of `rasid serve` on a store of at least 1,000 reports, and the
server's peak memory.

    python bench/serve.py [--reports 1000] [--requests 2000] [--concurrency 8] [--store PATH]

The store is built once (and kept at --store) from the unlabeled news corpus of ../shared: the
first articles that name an armed group (the same keywords as the annotation picks), through
`rasid analyze`'s own code. The server is `rasid serve` in its own process on loopback; the
client sends --requests requests, --concurrency at a time, over the claims and search endpoints
(most of the load), the overview, documents, events and a document page, and reports p50/p95 per
endpoint, errors, and the server's peak RSS (VmHWM). Results go to bench/serve.json.
"""
from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import random
import re
import statistics
import sys
import time
from itertools import islice
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
ARMED = re.compile(r"داعش|الحوثي|تنظيم الدولة|القاعدة|حزب الله|طالبان|حركة الشباب|بوكو حرام|جبهة النصرة|مسلحين|ميليشي")
QUERIES = ["داعش", "النفط", "الحوثيين", "تمويل", '"حزب الله"', "فدية", "الذهب", "أموال التنظيم"]


def armed_reports(shared: Path, n: int) -> list[dict]:
    with gzip.open(shared / "data" / "unlabeled" / "ant_news_ar.txt.gz", "rt", encoding="utf-8") as f:
        blocks = f.read().split("\n\n")
    picked = islice((b for b in blocks if len(b) > 500 and ARMED.search(b)), n)
    return [{"id": f"news{i}", "text": b} for i, b in enumerate(picked)]


def build_store(path: Path, shared: Path, n: int) -> None:
    from rasid.batch import analyze
    from rasid.store import open_store
    jsonl = path.with_suffix(".jsonl")
    jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in armed_reports(shared, n)),
                     encoding="utf-8")
    t0 = time.perf_counter()
    with open_store(path) as store:
        report = analyze([str(jsonl)], store)
    print(f"store: {report.added} reports analysed in {time.perf_counter() - t0:.0f} s", file=sys.stderr)


def requests(base: str, n: int, docs: list[str], channels: list[str], rng: random.Random) -> list[tuple[str, str]]:
    """(endpoint name, URL): claims and search make most of the load."""
    makers = [("claims", 4, lambda: f"/api/claims?limit=50&offset={rng.choice([0, 50])}"),
              ("claims_filtered", 2, lambda: f"/api/claims?channel={rng.choice(channels)}&min_sources=1"),
              ("search", 4, lambda: f"/api/search?q={rng.choice(QUERIES)}"),
              ("documents", 1, lambda: f"/api/documents?limit=50&offset={rng.randrange(0, 900)}"),
              ("document", 1, lambda: f"/api/documents/{rng.choice(docs)}"),
              ("events", 1, lambda: "/api/events?limit=50"),
              ("overview", 1, lambda: "/api/overview")]
    pool = [(name, make) for name, weight, make in makers for _ in range(weight)]
    return [(name, base + make()) for name, make in (rng.choice(pool) for _ in range(n))]


async def load(plan: list[tuple[str, str]], concurrency: int) -> tuple[dict[str, list[float]], int]:
    times: dict[str, list[float]] = {}
    errors = 0
    queue: asyncio.Queue = asyncio.Queue()
    for item in plan:
        queue.put_nowait(item)

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal errors
        while not queue.empty():
            name, url = queue.get_nowait()
            t0 = time.perf_counter()
            response = await client.get(url)
            times.setdefault(name, []).append(time.perf_counter() - t0)
            errors += response.status_code != 200

    async with httpx.AsyncClient(timeout=60) as client:
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
    return times, errors


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--reports", type=int, default=1000)
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--store", type=Path, default=Path("/tmp/rasid-bench-serve.db"))
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "serve.json")
    args = ap.parse_args()
    if not args.store.is_file():
        build_store(args.store, args.shared, args.reports)
    from rasid.serve.launch import served
    with served(args.store, timeout=300) as desk:
        base = desk.url
        overview = httpx.get(base + "/api/overview", timeout=60).json()
        docs = [d["id"] for d in httpx.get(base + "/api/documents?limit=200").json()["items"]]
        channels = [c["channel"] for c in overview["top_channels"]] or ["cash"]
        plan = requests(base, args.requests, docs, channels, random.Random(7))
        t0 = time.perf_counter()
        times, errors = asyncio.run(load(plan, args.concurrency))
        wall = time.perf_counter() - t0
        rss = peak_rss_mb(desk.process.pid)
    result = {"reports": overview["documents"], "claims": overview["corpus"].get("claims"),
              "requests": args.requests, "concurrency": args.concurrency, "errors": errors,
              "requests_per_s": round(args.requests / wall, 1), "server_peak_rss_mb": round(rss, 1),
              "latency_ms": {name: {"n": len(ts), "p50": round(statistics.median(ts) * 1000, 1),
                                    "p95": round(sorted(ts)[int(0.95 * (len(ts) - 1))] * 1000, 1)}
                             for name, ts in sorted(times.items())}}
    args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
