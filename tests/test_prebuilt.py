"""Tables kept prebuilt between runs (rasid.resources.prebuilt): read back only when built from
the same files, built again when damaged or stale, never in the way when the folder fails."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import REPO
from rasid import kb
from rasid.config import RunConfig, cache_folder
from rasid.resources import prebuilt as pb
from rasid.stages.mentions import known_names


@pytest.fixture
def cache(tmp_path):
    """A cache folder for this test, the process's setting put back after it."""
    before = pb._CacheFolder.folder
    pb.use_cache_folder(tmp_path)
    yield tmp_path
    pb._CacheFolder.folder = before


def counting_build(calls: list):
    def build():
        calls.append(1)
        return {"table": list(range(5))}
    return build


def test_a_table_is_built_once_then_read_back(cache):
    calls: list = []
    first = pb.prebuilt("numbers", counting_build(calls))
    again = pb.prebuilt("numbers", counting_build(calls))
    assert first == again == {"table": [0, 1, 2, 3, 4]} and len(calls) == 1
    assert [p.name.split("-")[0] for p in cache.glob("*.pickle")] == ["numbers"]


def test_a_damaged_table_is_built_again(cache):
    calls: list = []
    pb.prebuilt("numbers", counting_build(calls))
    (path,) = cache.glob("numbers-*.pickle")
    path.write_bytes(path.read_bytes()[:10])  # truncated
    assert pb.prebuilt("numbers", counting_build(calls)) == {"table": [0, 1, 2, 3, 4]} and len(calls) == 2


def test_a_changed_data_file_makes_a_new_fingerprint(tmp_path):
    folder = tmp_path / "data"
    (folder / "kb").mkdir(parents=True)
    table = folder / "kb" / "places.tsv"
    table.write_text("id\tname\nx\ty\n", encoding="utf-8")
    os.utime(table, ns=(10**18, 10**18))
    before = pb.fingerprint(folder)
    table.write_text("id\tname\nx\tz\n", encoding="utf-8")  # the same size, edited later
    os.utime(table, ns=(10**18 + 1, 10**18 + 1))
    pb.fingerprint.cache_clear()
    assert pb.fingerprint(folder) != before
    assert pb.fingerprint(None) != before


def test_files_behind_a_linked_folder_are_fingerprinted_too(tmp_path):
    real = tmp_path / "real_lexicons"
    real.mkdir()
    (real / "wordfreq.tsv").write_text("فريد\t7\n", encoding="utf-8")
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "lexicons").symlink_to(real, target_is_directory=True)
    (folder / "loop").symlink_to(folder, target_is_directory=True)  # a link back: read once
    before = pb.fingerprint(folder)
    (real / "wordfreq.tsv").write_text("فريد\t9\nجديد\t3\n", encoding="utf-8")
    pb.fingerprint.cache_clear()
    assert pb.fingerprint(folder) != before


def test_a_data_folder_that_cannot_be_read_builds_the_table_without_a_cache(cache, tmp_path, monkeypatch):
    def unreadable(data_folder):
        raise PermissionError(13, "Permission denied", str(tmp_path / "private"))
    monkeypatch.setattr(pb, "fingerprint", unreadable)
    calls: list = []
    assert pb.prebuilt("numbers", counting_build(calls)) == {"table": [0, 1, 2, 3, 4]} and len(calls) == 1
    assert list(cache.glob("*.pickle")) == []


def test_a_pickle_of_another_user_is_not_read(cache, monkeypatch):
    calls: list = []
    pb.prebuilt("numbers", counting_build(calls))
    monkeypatch.setattr(pb.os, "getuid", lambda: os.stat(cache).st_uid + 1)
    pb.prebuilt("numbers", counting_build(calls))
    assert len(calls) == 2


def test_a_table_that_cannot_be_pickled_is_built_and_leaves_no_file(cache):
    table = pb.prebuilt("lambdas", lambda: {"f": lambda: None})
    assert callable(table["f"]) and list(cache.iterdir()) == []


def test_an_unwritable_cache_folder_costs_only_the_time(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    before = pb._CacheFolder.folder
    pb.use_cache_folder(blocker / "rasid")
    try:
        calls: list = []
        assert pb.prebuilt("numbers", counting_build(calls)) == {"table": [0, 1, 2, 3, 4]}
        assert pb.prebuilt("numbers", counting_build(calls)) == {"table": [0, 1, 2, 3, 4]} and len(calls) == 2
    finally:
        pb._CacheFolder.folder = before


def test_without_a_cache_folder_nothing_is_written(tmp_path):
    before = pb._CacheFolder.folder
    pb.use_cache_folder(None)
    try:
        calls: list = []
        pb.prebuilt("numbers", counting_build(calls))
        pb.prebuilt("numbers", counting_build(calls))
        assert len(calls) == 2
    finally:
        pb._CacheFolder.folder = before


def test_the_gazetteer_and_name_tables_read_back_equal_what_is_built(cache):
    built_places, built_tables = kb.places(), known_names._tables()
    loaders = (kb.places, known_names._tables)
    try:
        for _ in range(2):  # the first call writes the cache, the second reads it
            for loader in loaders:
                loader.cache_clear()
            places, (main, context) = kb.places(), known_names._tables()
        assert {"places", "known"} <= {p.name.split("-")[0] for p in cache.glob("*.pickle")}
        assert places.records == built_places.records
        assert main._table == built_tables[0]._table and context._table == built_tables[1]._table
        assert main._lengths == built_tables[0]._lengths
    finally:
        for loader in loaders:
            loader.cache_clear()


def test_the_cache_folder_comes_from_the_environment():
    assert cache_folder({"RASID_CACHE": "/tmp/x"}) == "/tmp/x"
    assert cache_folder({"RASID_CACHE": "off"}) is None
    assert cache_folder({"XDG_CACHE_HOME": "/var/c"}) == os.path.join("/var/c", "rasid")
    assert cache_folder({}).endswith(os.path.join(".cache", "rasid"))
    assert RunConfig().cache_dir is None  # the library keeps nothing unless told
    assert RunConfig.from_environment({"RASID_CACHE": "/tmp/y"}).cache_dir == "/tmp/y"


def test_a_second_command_reads_the_tables_the_first_one_built(tmp_path):
    env = dict(os.environ, RASID_CACHE=str(tmp_path / "cache"))
    report = tmp_path / "r.txt"
    report.write_text("قال مسؤول إن تنظيم داعش باع النفط في دير الزور.", encoding="utf-8")

    def extract() -> str:
        return subprocess.run([sys.executable, "-m", "rasid", "extract", str(report), "--format", "jsonl"],
                              env=env, cwd=REPO, capture_output=True, text=True, check=True).stdout
    first = extract()
    pickles = sorted((tmp_path / "cache").glob("*.pickle"))
    assert [p.name.split("-")[0] for p in pickles] == ["known", "places", "word"]
    for p in pickles:
        os.utime(p, ns=(10**18, 10**18))  # a mark the second command keeps only if it writes nothing
    assert extract() == first and '"دير الزور"' in first
    assert [p.stat().st_mtime_ns for p in sorted((tmp_path / "cache").glob("*.pickle"))] == [10**18] * 3
