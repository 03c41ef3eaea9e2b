"""FollowTheMoney export: every entity loads back through the followthemoney library."""
from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_corpus_builders import corpus_reports

from rasid.store.corpus import memory_corpus

followthemoney = pytest.importorskip("followthemoney")
from followthemoney import model  # noqa: E402

from rasid.export.ftm import entity_id, write  # noqa: E402


@pytest.fixture(scope="module")
def exported() -> list[dict]:
    out = io.StringIO()
    n = write(memory_corpus([r.dict() for r in corpus_reports()]), out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert n == len(lines)
    return lines


def test_export_ftm_every_entity_loads_back_unchanged(exported):
    ids = set()
    for data in exported:
        proxy = model.get_proxy(data, cleaned=False)
        assert proxy.schema.name == data["schema"] and proxy.id == data["id"]
        assert proxy.to_dict()["properties"] == data["properties"], data["id"]   # nothing dropped when re-cleaned
        missing = [p for p in proxy.schema.required if not proxy.get(p)]
        assert not missing, (data["id"], missing)
        assert data["id"] not in ids
        ids.add(data["id"])


def test_export_ftm_references_point_to_exported_entities(exported):
    ids = {d["id"] for d in exported}
    for data in exported:
        proxy = model.get_proxy(data)
        for prop, value in proxy.itervalues():
            if prop.type.name == "entity":
                assert value in ids, (data["id"], prop.name, value)


def test_export_ftm_schemas_of_the_corpus(exported):
    schemas = {}
    for d in exported:
        schemas.setdefault(d["schema"], []).append(d)
    assert {"Article", "Organization", "Person", "Address", "Event", "Note", "Payment", "Mention"} <= set(schemas)
    isis = next(d for d in schemas["Organization"] if d["id"] == "rasid-org-isis")
    assert "Islamic State (ISIS)" in isis["properties"]["alias"]
    ambush = next(d for d in schemas["Event"] if len(d["properties"]["proof"]) == 2)
    assert ambush["properties"]["date"] == ["2021-03-01"] and "rasid-org-isis" in ambush["properties"]["organizer"]
    assert "figures differ" in ambush["properties"]["summary"][0]
    transfers = schemas["Payment"]
    assert len(transfers) == 1 and transfers[0]["properties"]["payer"] == ["rasid-org-isis"]
    assert any("independent sources: 1 of 2 reports" in d["properties"]["description"][0] for d in schemas["Note"])


def test_export_ftm_entity_ids_come_from_the_knowledge_base():
    assert entity_id({"kb": "rasid:org/isis", "id": "ent-x"}) == "rasid-org-isis"
    assert entity_id({"kb": "rasid:place/country-SY", "id": "ent-x"}) == "rasid-place-country-sy"
    assert entity_id({"kb": None, "id": "ent-x"}) == "ent-x"


def test_export_ftm_validate_command_accepts_the_export(tmp_path, exported):
    ftm = shutil.which("ftm", path=str(Path(sys.executable).parent))
    if ftm is None:
        pytest.skip("the ftm command is not installed")
    path = tmp_path / "corpus.ftm.json"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in exported), encoding="utf-8")
    done = subprocess.run([ftm, "validate", "-i", str(path)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == len(exported)
