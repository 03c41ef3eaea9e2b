"""Worker processes under a per-document budget (rasid.workers): a document that runs too long,
grows too large, raises or kills its worker is reported by name and the batch goes on, in order."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rasid.document import Document
from rasid.errors import InputError
from rasid.pipeline import Pipeline, Stage
from rasid.workers import Budget, run_pipeline

ROOT = Path(__file__).resolve().parent.parent


def _misbehave(doc: Document) -> Document:
    """A stage that does what the word in the text says; anything else is a normal document."""
    if doc.text == "slow":
        time.sleep(60)
    elif doc.text == "big":
        hoard = [bytearray(2**20) for _ in range(400)]  # 400 MB, touched
        time.sleep(5)
        del hoard
    elif doc.text == "raise":
        raise ValueError("a bug in a stage")
    elif doc.text == "die":
        os.kill(os.getpid(), signal.SIGKILL)
    doc.meta["seen_by"] = os.getpid()
    return doc


PIPELINE = Pipeline((Stage("misbehave", _misbehave),))


def _docs(*texts: str) -> list[Document]:
    return [Document(text=text, path=f"{n}_{text}.txt") for n, text in enumerate(texts)]


def _outcome(items) -> list[str]:
    return [f"error {item.path}: {item.message}" if isinstance(item, InputError) else f"ok {item.path}"
            for item in items]


def test_a_slow_document_is_stopped_and_named_and_the_rest_come_out_in_order():
    started = time.monotonic()
    out = _outcome(run_pipeline(PIPELINE, _docs("a", "slow", "b"), budget=Budget(seconds=1, memory_mb=None)))
    assert time.monotonic() - started < 30
    assert out[0] == "ok 0_a.txt" and out[2] == "ok 2_b.txt"
    assert out[1].startswith("error 1_slow.txt: stopped after") and "--doc-timeout" in out[1]


def test_a_document_that_grows_past_the_memory_budget_is_stopped():
    out = _outcome(run_pipeline(PIPELINE, _docs("big", "a"), budget=Budget(seconds=None, memory_mb=100)))
    assert out[0].startswith("error 0_big.txt: stopped at") and "--doc-memory" in out[0]
    assert out[1] == "ok 1_a.txt"


@pytest.mark.parametrize("budget,workers", [(None, 1), (Budget(), 1), (Budget(), 2)])
def test_a_stage_that_raises_names_the_document_and_the_run_goes_on(budget, workers):
    out = _outcome(run_pipeline(PIPELINE, _docs("a", "raise", "b"), budget=budget, workers=workers))
    assert out == ["ok 0_a.txt", "error 1_raise.txt: extraction failed (ValueError: a bug in a stage); skipped",
                   "ok 2_b.txt"]


def test_a_worker_killed_from_outside_costs_its_document_only():
    out = _outcome(run_pipeline(PIPELINE, _docs("a", "die", "b", "c"), budget=Budget()))
    assert out == ["ok 0_a.txt", "error 1_die.txt: the worker process running it died; skipped",
                   "ok 2_b.txt", "ok 3_c.txt"]


def test_input_errors_pass_through_in_their_place():
    items = [*_docs("a"), InputError("bad.txt", "binary file"), *_docs("b")]
    out = _outcome(run_pipeline(PIPELINE, items, budget=Budget(), workers=2))
    assert out == ["ok 0_a.txt", "error bad.txt: binary file", "ok 0_b.txt"]


def test_several_workers_share_the_documents_and_keep_the_input_order():
    docs = _docs(*[f"d{k}" for k in range(40)])
    out = list(run_pipeline(PIPELINE, docs, budget=Budget(), workers=2))
    assert [d.path for d in out] == [d.path for d in docs]
    assert len({d.meta["seen_by"] for d in out}) == 2
    assert os.getpid() not in {d.meta["seen_by"] for d in out}


def _extract(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rasid", "extract", *args, "--format", "jsonl", "--no-progress"],
                          capture_output=True, text=True, cwd=ROOT)


def test_extract_with_two_workers_writes_what_one_process_writes():
    inputs = sorted(str(p) for p in (ROOT / "examples").iterdir() if p.suffix == ".txt")
    alone = _extract(*inputs, "--doc-timeout", "0", "--doc-memory", "0")
    pooled = _extract(*inputs, "--workers", "2")
    assert alone.returncode == pooled.returncode == 0, pooled.stderr
    assert len(alone.stdout.splitlines()) == len(inputs)
    assert pooled.stdout == alone.stdout


def test_extract_rejects_a_budget_that_is_not_a_number():
    run = _extract(str(ROOT / "examples"), "--doc-timeout", "soon")
    assert run.returncode == 2 and "--doc-timeout" in run.stderr and "'soon'" in run.stderr
    run = _extract(str(ROOT / "examples"), "--workers", "0")
    assert run.returncode == 2 and "--workers" in run.stderr


def test_extract_reports_a_document_over_its_budget_and_keeps_the_others(tmp_path):
    (tmp_path / "a.txt").write_text("قال مسؤول إن تنظيم داعش باع النفط.", encoding="utf-8")
    (tmp_path / "b.txt").write_text(" ".join(["داعش"] * 100_000), encoding="utf-8")
    (tmp_path / "c.txt").write_text("أعلن الجيش مقتل 12 مسلحاً.", encoding="utf-8")
    run = _extract(str(tmp_path), "--doc-timeout", "0.5")
    lines = run.stderr.strip().splitlines()
    assert run.returncode == 1
    assert any("b.txt: stopped after" in line and "--doc-timeout" in line for line in lines), run.stderr
    written = [json.loads(line)["doc"]["path"] for line in run.stdout.splitlines()]
    assert [Path(p).name for p in written] == ["a.txt", "c.txt"]


def test_analyze_keeps_what_was_stored_and_a_rerun_adds_the_stopped_document_once(tmp_path):
    folder, db = tmp_path / "in", str(tmp_path / "rasid.db")
    folder.mkdir()
    (folder / "a.txt").write_text("قال مسؤول إن تنظيم داعش باع النفط.", encoding="utf-8")
    (folder / "b.txt").write_text(" ".join(["داعش"] * 100_000), encoding="utf-8")
    (folder / "c.txt").write_text("أعلن الجيش مقتل 12 مسلحاً.", encoding="utf-8")

    def analyze(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "rasid", "analyze", str(folder), "--db", db, "--no-progress",
                               *args], capture_output=True, text=True, cwd=ROOT)

    def stored() -> int:
        run = subprocess.run([sys.executable, "-m", "rasid", "stats", "--db", db, "--json"],
                             capture_output=True, text=True, cwd=ROOT)
        return json.loads(run.stdout)["documents"]

    first = analyze("--doc-timeout", "0.5", "--workers", "2")
    assert first.returncode == 1 and "b.txt: stopped after" in first.stderr
    assert "2 added, 0 already stored, 1 failed" in first.stderr
    assert stored() == 2
    second = analyze()
    assert second.returncode == 0 and "1 added, 2 already stored, 0 failed" in second.stderr
    assert stored() == 3


def test_finish_runs_where_the_document_was_extracted_and_only_its_result_comes_back():
    docs = _docs("a", "raise", "b")
    out = list(run_pipeline(PIPELINE, docs, budget=Budget(), finish=lambda d: (d.path, d.meta["seen_by"])))
    assert out[0][0] == "0_a.txt" and out[2][0] == "2_b.txt"
    assert out[0][1] != os.getpid()  # made in the worker
    assert isinstance(out[1], InputError)


def test_a_token_survives_the_trip_to_a_worker_and_back():
    import pickle

    import rasid
    doc = rasid.extract("قال مسؤول إن تنظيم داعش باع النفط في دير الزور.")
    back = pickle.loads(pickle.dumps(doc.tokens))
    assert back == doc.tokens and any(t.parts for t in back)


def test_workers_end_when_their_parent_is_killed_outright():
    """SIGKILL leaves the parent no chance to stop its workers: they must see it and exit, not
    wait forever (a crashed `rasid analyze` once left its worker behind)."""
    script = ("import sys; sys.path.insert(0, 'tests')\n"
              "from test_workers import PIPELINE, _docs\n"
              "from rasid.workers import Budget, run_pipeline\n"
              "print(list(run_pipeline(PIPELINE, _docs('slow', 'slow'), budget=Budget(120, None), workers=2)))\n")
    parent = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.DEVNULL)
    children: list[int] = []
    try:
        deadline = time.monotonic() + 30
        while len(children) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
            with open(f"/proc/{parent.pid}/task/{parent.pid}/children") as f:
                children = [int(pid) for pid in f.read().split()]
        assert len(children) == 2, children
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(timeout=10)
        deadline = time.monotonic() + 15
        while any(_running(pid) for pid in children) and time.monotonic() < deadline:
            time.sleep(0.2)
        alive = [pid for pid in children if _running(pid)]
        assert not alive, f"workers {alive} outlived their parent"
    finally:
        if parent.poll() is None:
            parent.kill()
        for pid in children:
            if _running(pid):
                os.kill(pid, signal.SIGKILL)


def _running(pid: int) -> bool:
    """Alive and not a zombie waiting for a parent that never reaps it."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def test_a_finished_document_is_freed_without_the_garbage_collector():
    """The shared reading points back at its document; once `finish` has taken what the caller
    keeps, the document is let go, so reference counting frees it (a tenth of a news run went
    to the collector walking finished documents)."""
    import gc

    from rasid.pipeline import batch_pipeline
    pipeline = batch_pipeline()
    docs = (Document(text=f"قال مسؤول إن تنظيم داعش جنى {n} ألف دولار من النفط في دير الزور.") for n in range(3))
    gc.collect()
    gc.disable()
    try:
        kept = list(run_pipeline(pipeline, docs, finish=lambda doc: len(doc.mentions)))
        left_in_cycles = gc.collect()
    finally:
        gc.enable()
    assert kept and all(n > 0 for n in kept)
    assert left_in_cycles == 0
