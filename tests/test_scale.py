"""Memory flat in corpus size on a real Dask cluster (tools/local_services.py): a worker's peak
resident memory after ten times the reports stays within 15 % (bench/scale.py measures the same
at 2,000 and 20,000 reports; here 200 and 2,000 keep the suite short)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))


def test_scale_worker_memory_is_flat_in_corpus_size(tmp_path):
    scale = pytest.importorskip("scale")  # bench/scale.py: skips only where dask is missing
    small, large = scale.memory([200, 2000], tmp_path, workers=2)
    assert small["reports"] * 10 == large["reports"]
    assert max(large["worker_peak_rss_mb"]) <= 1.15 * max(small["worker_peak_rss_mb"])
    assert max(small["worker_peak_rss_mb"]) > 100  # the model and lexicons were loaded: the runs did work
