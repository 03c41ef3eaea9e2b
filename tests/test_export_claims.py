"""Claims CSV: one row per corpus claim with its sources and corroboration."""
from __future__ import annotations

import csv
import io

from test_corpus_builders import corpus_reports

from rasid.export.claims import COLUMNS, write
from rasid.store.corpus import memory_corpus


def rows() -> list[dict]:
    out = io.StringIO()
    write(memory_corpus([r.dict() for r in corpus_reports()]), out)
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def test_export_claims_columns_and_corroboration():
    table = rows()
    assert list(table[0]) == list(COLUMNS) and len(table) == 7
    revenue = next(r for r in table if r["channel"] == "oil" and r["role"] == "revenue")
    assert (revenue["reports"], revenue["independent_sources"], revenue["copies"]) == ("2", "1", "1")
    assert revenue["sources"] == "researcher: خالد العمر" and revenue["report_ids"] == "r1; r2"
    assert revenue["actor_kb"] == "rasid:org/isis" and revenue["first_reported"] == "2021-03-02"


def test_export_claims_contradictions_are_listed_both_ways():
    table = rows()
    omar = [r for r in table if r["asset"] == "حقل العمر"]
    assert len(omar) == 2
    assert omar[0]["contradicted_by"] == omar[1]["claim_id"] and omar[1]["contradicted_by"] == omar[0]["claim_id"]
    assert {r["contradiction_kinds"] for r in omar} == {"quantity"}
    assert (omar[0]["measure"], omar[0]["low"], omar[0]["high"]) == ("barrel/day", "34000", "34000")
    tanak = next(r for r in table if r["asset"] == "حقل التنك")
    assert tanak["contradicted_by"] == ""
