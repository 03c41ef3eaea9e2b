"""End to end through the command line: the CLI parses, the library does the work."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from conftest import EXAMPLES, REPO, SEEDS_DIR, SEEDS_JSONL
from rasid.cli import main
from rasid.resources.catalogue import output_schema
from rasid.store import open_store

EXAMPLE_FILES = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".html"))


def run_cli(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def jsonl(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_cli_extract_examples_gives_one_valid_object_per_report(capsys):
    code, out, err = run_cli(capsys, "extract", EXAMPLES, "--format", "jsonl", "--with-text")
    assert code == 0, err
    docs = jsonl(out)
    assert sorted(d["doc"]["id"] for d in docs) == sorted(p.name for p in EXAMPLE_FILES)
    for d in docs:
        jsonschema.validate(d, output_schema())
        for region in d["boilerplate"]:
            assert region["end"] <= len(d["doc"]["text"])
    by_id = {d["doc"]["id"]: d["doc"] for d in docs}
    assert by_id["02_crypto_seizure.txt"]["published"] == "2021-03-09"
    assert by_id["05_gold_antiquities.html"]["published"] == "2023-05-14"
    assert by_id["05_gold_antiquities.html"]["meta"]["published_from"] == "html"
    assert by_id["02_crypto_seizure.txt"]["meta"]["published_from"] == "text"
    # each text report ends with page furniture; trafilatura already drops the page's own
    assert all(d["boilerplate"] for d in docs if d["doc"]["id"].endswith(".txt"))


def test_cli_extract_json_is_indented_and_published_overrides(capsys):
    code, out, _ = run_cli(capsys, "extract", EXAMPLE_FILES[0], "--published", "2022-02-05")
    assert code == 0
    assert out.startswith("{\n")
    doc = json.loads(out)
    assert doc["doc"]["published"] == "2022-02-05" and "text" not in doc["doc"]


def test_cli_extract_bad_date_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["extract", str(EXAMPLE_FILES[0]), "--published", "15/08/2020"])
    assert exc.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_cli_extract_goes_on_after_a_bad_input_and_fails_at_the_end(capsys, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, out, err = run_cli(capsys, "extract", tmp_path / "missing.txt", empty, EXAMPLE_FILES[0],
                             "--format", "jsonl")
    assert code == 1
    assert len(jsonl(out)) == 1
    lines = err.strip().splitlines()
    assert len(lines) == 2 and "missing.txt" in lines[0] and "empty.txt" in lines[1]
    assert "Traceback" not in err


@pytest.mark.skipif(not SEEDS_JSONL.is_file(), reason="../shared/corpus is not available")
def test_cli_extract_seeds_passes_the_shared_integrity_check(tmp_path):
    out = tmp_path / "out.jsonl"
    with open(out, "w", encoding="utf-8") as f:
        subprocess.run([sys.executable, "-m", "rasid", "extract", str(SEEDS_JSONL), "--with-text",
                        "--format", "jsonl"], stdout=f, check=True, env=_env())
    check = subprocess.run([sys.executable, str(REPO.parent / "shared" / "eval" / "integrity.py"), str(out)],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    assert "0 contract violations in 5 documents" in check.stdout


@pytest.mark.skipif(not SEEDS_DIR.is_dir(), reason="../shared/corpus is not available")
def test_cli_extract_seed_texts_find_dates_and_closing_boilerplate(capsys):
    code, out, _ = run_cli(capsys, "extract", SEEDS_DIR, "--format", "jsonl", "--with-text")
    docs = {d["doc"]["id"][:3]: d for d in jsonl(out)}
    assert code == 0 and len(docs) == 5
    assert docs["001"]["doc"]["published"] == "2021-01-01"
    assert docs["002"]["doc"]["published"] == "2020-08-15"
    for key in ("001", "002", "003", "004"):
        text = docs[key]["doc"]["text"].rstrip()
        assert any(r["end"] == len(text) for r in docs[key]["boilerplate"]), key


def test_cli_extract_reads_stdin():
    text = "تقارير | 1 01 2021\nقالت مصادر إن التنظيم جمع أموالاً طائلة من بيع النفط في ريف المدينة خلال الشهر."
    res = subprocess.run([sys.executable, "-m", "rasid", "extract", "-", "--format", "jsonl"],
                         input=text.encode("utf-8"), capture_output=True, env=_env())
    assert res.returncode == 0, res.stderr
    doc = json.loads(res.stdout)
    assert doc["doc"]["id"] == "-" and doc["doc"]["published"] == "2021-01-01"


def test_cli_analyze_is_idempotent_and_search_finds_clitic_forms(capsys, tmp_path):
    db = tmp_path / "t.db"
    code, _, err = run_cli(capsys, "analyze", EXAMPLES, "--db", db)
    assert code == 0, err
    assert f"{len(EXAMPLE_FILES)} added" in err
    code, _, err = run_cli(capsys, "analyze", EXAMPLES, "--db", db)
    assert code == 0 and "0 added" in err and f"{len(EXAMPLE_FILES)} already stored" in err
    with open_store(db) as store:
        assert store.stats()["documents"] == len(EXAMPLE_FILES)
        assert store.integrity() == []
    code, out, _ = run_cli(capsys, "search", "داعش", "--db", db)
    assert code == 0 and "[" in out
    code, out, _ = run_cli(capsys, "stats", "--db", db, "--json")
    assert json.loads(out)["documents"] == len(EXAMPLE_FILES)
    code, out, _ = run_cli(capsys, "export", "--db", db, "--format", "jsonl")
    exported = jsonl(out)
    assert len(exported) == len(EXAMPLE_FILES) and all("text" in d["doc"] for d in exported)


def test_cli_analyze_summary_shows_metadata_and_boilerplate(capsys, tmp_path):
    """A line per event and claim by default (issue 18: what a person wants first); every
    quantity, date, mention and boilerplate region one flag away."""
    code, out, _ = run_cli(capsys, "analyze", EXAMPLE_FILES[1], "--db", tmp_path / "s.db", "--summary")
    assert code == 0
    assert "2021-03-09" in out and "claim" in out and "USD" in out and "cookie" not in out
    code, out, _ = run_cli(capsys, "analyze", EXAMPLE_FILES[1], "--db", tmp_path / "v.db", "--summary", "--verbose")
    assert code == 0
    assert "2021-03-09" in out and "boilerplate" in out and "cookie" in out


def test_cli_analyze_summary_shows_the_most_telling_items_first(capsys, tmp_path):
    """A report's summary holds its six most telling events and claims (amounts and casualty
    figures before the rest) and says how many more `rasid show` has; --verbose lists them all."""
    gold_report = next(p for p in EXAMPLE_FILES if str(p).endswith(".html"))
    code, out, _ = run_cli(capsys, "analyze", gold_report, "--db", tmp_path / "a.db", "--summary")
    items = [line for line in out.splitlines() if line.startswith(("  event", "  claim"))]
    more = [line for line in out.splitlines() if "more: rasid show" in line]
    assert code == 0 and len(items) == 6 and len(more) == 1
    assert any("kg" in line for line in items)  # the claim with an amount is among them
    hidden = int(more[0].split("…")[1].split()[0])
    code, out, _ = run_cli(capsys, "analyze", gold_report, "--db", tmp_path / "b.db", "--summary", "--verbose")
    listed = [line for line in out.splitlines() if line.startswith(("  event ", "  claim "))]
    assert len(listed) == len(items) + hidden


def test_cli_analyze_summary_tells_each_statement_once(capsys, tmp_path):
    """The crypto example tells its seizure in the lead and again in the official's words: the
    summary shows it once (and `rasid show` both)."""
    crypto = next(p for p in EXAMPLE_FILES if "crypto" in str(p))
    code, out, _ = run_cli(capsys, "analyze", crypto, "--db", tmp_path / "a.db", "--summary")
    items = [line for line in out.splitlines() if line.startswith(("  event", "  claim"))]
    said = [line.split("→")[1].split("·")[0].strip() for line in items]
    assert code == 0 and len(said) == len(set(said))
    assert sum("cryptocurrency/seizure" in s for s in said) == 1


def test_cli_analyze_summary_ends_with_the_corpus(capsys, tmp_path):
    """After the reports, what the store holds across them: counts, the most reported actors
    (the group all the examples are about first) and channels, corroboration, contradictions."""
    code, out, _ = run_cli(capsys, "analyze", *EXAMPLE_FILES, "--db", tmp_path / "c.db", "--summary")
    corpus = out[out.index("across the reports"):].splitlines()
    assert code == 0 and corpus[1].startswith(f"{len(EXAMPLE_FILES)} reports")
    actors = next(line for line in corpus if line.startswith("actors"))
    assert actors.split()[1] == "داعش"
    assert any(line.startswith("channels") and "cash" in line for line in corpus)
    assert {line.split()[0] for line in corpus[2:]} == {"actors", "channels", "corroborated", "contradicted"}


def test_cli_corpus_summary_tells_each_side_of_a_contradiction():
    from rasid.cli.view import _side
    said = lambda source: {"statement": {"source": {"kind": source}}}  # noqa: E731
    assert _side({"low": 30, "high": None, **said("outlet")}) == "≥ 30 (outlet)"
    assert _side({"polarity": "negated", **said("official")}) == "negated (official)"
    assert _side({"bounds": {"USD/": [1e6, 1e6]}, "text": "مليون دولار", **said("group")}) == "مليون دولار (group)"
    assert _side({"bounds": {"USD/month": [5, 9]}, "text": None}) == "5–9 USD/month"


def test_cli_store_commands_explain_a_missing_store(capsys, tmp_path):
    code, _, err = run_cli(capsys, "stats", "--db", tmp_path / "none.db")
    assert code == 2 and "no such store" in err


def test_cli_tag_conll_keeps_tokens_and_order(capsys, tmp_path):
    conll = tmp_path / "in.conll"
    conll.write_text("قال O\nالمتحدث O\n\nدمشق B-LOC\n", encoding="utf-8")
    code, out, _ = run_cli(capsys, "tag", "--conll", conll)
    assert code == 0
    rows = [line.split() for line in out.splitlines()]
    assert [r[0] for r in rows if r] == ["قال", "المتحدث", "دمشق"]
    assert rows[2] == [] and all(len(r) == 2 for r in rows if r)


def test_cli_help_lists_every_command(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in ("extract", "analyze", "search", "stats", "export", "tag"):
        assert command in out


def _env():
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO / "src") + os.pathsep + env.get("PYTHONPATH", "")
    return env


def test_cli_analyze_killed_mid_run_then_rerun_completes_without_duplicates(tmp_path):
    import signal
    import sqlite3
    import time
    from contextlib import closing

    total = 1500
    corpus = tmp_path / "corpus.jsonl"
    with open(corpus, "w", encoding="utf-8") as f:
        for i in range(total):
            text = (f"قالت مصادر محلية إن عناصر التنظيم هاجموا الحاجز رقم {i} قرب القرية، "
                    f"وإن الاشتباكات استمرت {i % 7 + 1} ساعات قبل انسحابهم نحو البادية.")
            f.write(json.dumps({"id": f"r{i}", "text": text}, ensure_ascii=False) + "\n")
    db = tmp_path / "k.db"
    cmd = [sys.executable, "-m", "rasid", "analyze", str(corpus), "--db", str(db), "--no-progress"]
    child = subprocess.Popen(cmd, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        committed, deadline = 0, time.monotonic() + 60
        while committed < 200 and time.monotonic() < deadline and child.poll() is None:
            time.sleep(0.02)
            if db.exists():
                try:
                    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
                        committed = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
                except sqlite3.OperationalError:
                    pass  # the schema is not there yet
        assert child.poll() is None, "the run finished before it could be killed"
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
    with open_store(db) as store:
        assert store.integrity() == []
        before = store.count()
    assert 200 <= before < total
    rerun = subprocess.run(cmd, env=_env(), capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{total - before} added, {before} already stored" in rerun.stderr
    with open_store(db) as store:
        assert store.count() == total and store.integrity() == []


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Each kind of bad input of the foundation issue: (path, a fragment its error must name)."""
    from ingest_fixtures import warc_archive

    made = {}
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"%PDF-1.7\n\x00\x01\x02 binary")
    made["binary"] = (binary, "binary file")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    made["empty"] = (empty, "empty file")
    broken = tmp_path / "broken.txt"
    broken.write_bytes("قالت مصادر محلية إن الهجوم وقع فجراً".encode() + b"\xff\xfe\xfa" + "ثم انسحبوا".encode())
    made["undecodable"] = (broken, "cannot decode")
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as f:
        f.truncate(200 * 1024 * 1024)
    made["200 MB"] = (huge, "limit")
    lines = tmp_path / "lines.jsonl"
    lines.write_text('{"id": "a", "text": "نص سليم عن الهجوم"}\n{"id": "b", "text": \n', encoding="utf-8")
    made["malformed JSONL line"] = (lines, "line 2")
    data, _ = warc_archive(gzip=True)
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) * 2 // 3])
    made["truncated WARC"] = (cut, "truncated or corrupt WARC")
    made["missing path"] = (tmp_path / "nowhere.txt", "nowhere.txt")
    return made


@pytest.mark.parametrize("kind", ["binary", "empty", "undecodable", "200 MB", "malformed JSONL line",
                                  "truncated WARC", "missing path"])
def test_cli_bad_input_gets_one_error_line_and_the_run_goes_on(capsys, tmp_path, kind):
    path, fragment = _bad_inputs(tmp_path)[kind]
    code, out, err = run_cli(capsys, "extract", path, EXAMPLE_FILES[0], "--format", "jsonl")
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1 and path.name in lines[0] and fragment in lines[0], err
    ids = [d["doc"]["id"] for d in jsonl(out)]
    assert ids[-1] == EXAMPLE_FILES[0].name, "the good file after the bad one is still read"


def _extract_with_terminal_stderr(tmp_path, *extra):
    """`rasid extract examples/ > out.jsonl` with stderr on a pseudo-terminal: (code, docs, stderr text)."""
    import pty
    master, slave = pty.openpty()
    out_path = tmp_path / "out.jsonl"
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"), COLUMNS="100")
    with open(out_path, "w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "rasid", "extract", str(EXAMPLES), "--format", "jsonl",
                                 *extra], stdout=out, stderr=slave, env=env)
        os.close(slave)
        chunks = []
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:  # the child closed its end
                break
            if not data:
                break
            chunks.append(data)
        code = proc.wait()
    os.close(master)
    return code, jsonl(out_path.read_text(encoding="utf-8")), b"".join(chunks).decode("utf-8", "replace")


def test_cli_extract_shows_progress_on_a_terminal_and_keeps_the_output_intact(tmp_path):
    code, docs, err = _extract_with_terminal_stderr(tmp_path)
    assert code == 0, err
    assert sorted(d["doc"]["id"] for d in docs) == sorted(p.name for p in EXAMPLE_FILES)
    assert "extracting" in err
    code, docs, err = _extract_with_terminal_stderr(tmp_path, "--no-progress")
    assert code == 0 and len(docs) == len(EXAMPLE_FILES) and "extracting" not in err


def test_cli_counts_take_the_number_of_their_noun():
    from rasid.cli.view import counted
    assert [counted(1, "event"), counted(2, "event"), counted(0, "claim"), counted(1, "entity", "entities"),
            counted(3, "entity", "entities")] == ["1 event", "2 events", "0 claims", "1 entity", "3 entities"]
