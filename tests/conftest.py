"""Shared test fixtures: where the repository, the examples and ../shared are."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
SHARED = REPO.parent / "shared"
SEEDS_JSONL = SHARED / "corpus" / "seeds.jsonl"
SEEDS_DIR = SHARED / "corpus" / "seeds"


@pytest.fixture
def seeds() -> list[dict]:
    """The seed reports of ../shared as JSONL records; the test is skipped when absent."""
    if not SEEDS_JSONL.is_file():
        pytest.skip("../shared/corpus is not available")
    with open(SEEDS_JSONL, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]
