"""Shared test fixtures: where the repository, the examples and ../shared are."""
from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

pytest_plugins = ["desk_fixtures", "services"]  # the desk's store and app; real services (PostgreSQL, Dask)

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
SHARED = REPO.parent / "shared"
SEEDS_JSONL = SHARED / "corpus" / "seeds.jsonl"
SEEDS_DIR = SHARED / "corpus" / "seeds"

# The commands the tests run keep their prebuilt tables (rasid.resources.prebuilt) in a folder
# of this session, not in the user's ~/.cache: built once, read by every later command.
if "RASID_CACHE" not in os.environ:
    os.environ["RASID_CACHE"] = tempfile.mkdtemp(prefix="rasid-test-cache-")
    atexit.register(shutil.rmtree, os.environ["RASID_CACHE"], ignore_errors=True)


@pytest.fixture
def seeds() -> list[dict]:
    """The seed reports of ../shared as JSONL records; the test is skipped when absent."""
    if not SEEDS_JSONL.is_file():
        pytest.skip("../shared/corpus is not available")
    with open(SEEDS_JSONL, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def seed_strict_f1(seeds: list[dict], task: str) -> float:
    """Strict F1 of `task` on the seed reports, by the acceptance scorer of ../shared/eval."""
    import importlib.util

    import rasid
    spec = importlib.util.spec_from_file_location("shared_score", SHARED / "eval" / "score.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    system = {}
    for record in seeds:
        doc = rasid.extract(record["text"], published=record["published"], id=record["id"],
                            outlet=record["outlet"])
        system[doc.id] = json.loads(json.dumps(doc.to_dict()))
    with open(SHARED / "gold" / f"seeds.{task}.jsonl", encoding="utf-8") as f:
        gold = [json.loads(line) for line in f if line.strip()]
    return scorer.score(system, gold, task)[0]["strict"]["f1"]


def run_evidence_stages(text: str, published: str | None = "2021-03-10", mentions=()):
    """Extract `text` (outlet راصد), add the (surface, type) `mentions` linked to entities e1, e2 …,
    and run the event and claim stages again over them (a report written for a test)."""
    import rasid
    from rasid.document import Entity, Mention
    from rasid.stages.attribution import attribute
    from rasid.stages.claims import find_claims
    from rasid.stages.events import find_events
    doc = rasid.extract(text, published=published, outlet="راصد")
    for k, (surface, kind) in enumerate(mentions, 1):
        start = text.index(surface)
        doc.mentions.append(Mention(f"m{k}", start, start + len(surface), surface, kind, f"e{k}"))
        doc.entities.append(Entity(f"e{k}", kind, surface))
    return find_claims(find_events(attribute(doc)))
