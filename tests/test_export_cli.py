"""`rasid export --format ftm|acled|geojson|claims` through rasid.cli.corpus.cmd_export."""
from __future__ import annotations

import argparse
import json

import pytest
from test_corpus_builders import corpus_reports

from rasid.cli.corpus import EXPORT_FORMATS, cmd_export
from rasid.errors import RasidError
from rasid.store import open_store


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "s.db"
    with open_store(path) as store:   # the corpus layer is brought up to date by the export itself
        for r in corpus_reports():
            store.add(r.doc, pipeline_version="t")
    return path


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_export_cli_writes_each_format(db, tmp_path, fmt, capsys):
    out = tmp_path / f"out.{fmt}"
    assert cmd_export(argparse.Namespace(db=str(db), format=fmt, output=str(out))) == 0
    text = out.read_text(encoding="utf-8")
    assert text.strip()
    if fmt == "ftm":
        assert all(json.loads(line)["schema"] for line in text.splitlines())
    if fmt == "geojson":
        assert json.loads(text)["type"] == "FeatureCollection"
    assert "records written" in capsys.readouterr().err


def test_export_cli_to_standard_output(db, capsys):
    assert cmd_export(argparse.Namespace(db=str(db), format="claims", output=None)) == 0
    assert capsys.readouterr().out.startswith("claim_id,actor,")


def test_export_cli_missing_store(tmp_path):
    with pytest.raises(RasidError, match="no such store"):
        cmd_export(argparse.Namespace(db=str(tmp_path / "none.db"), format="acled", output=None))
