"""Timelines per actor and channel, from the library and through `rasid timeline`."""
from __future__ import annotations

import argparse
import json

from test_corpus_builders import corpus_reports

from rasid.cli.corpus import register
from rasid.corpus.timeline import by_channel, interval_text, sort_rows
from rasid.store import open_store
from rasid.store.corpus import memory_corpus, update_corpus


def test_corpus_timeline_interval_text():
    assert interval_text([40, 40]) == "40" and interval_text({"low": 30, "high": None}) == "≥30"
    assert interval_text([14000, 18000]) == "14000–18000" and interval_text([None, 10]) == "≤10"


def test_corpus_timeline_per_channel_in_time_order():
    index = memory_corpus([r.dict() for r in corpus_reports()])
    isis = index.find_entities("تنظيم الدولة")
    assert [e["kb"] for e in isis] == ["rasid:org/isis"]
    groups = by_channel(index.timeline(isis[0]["id"]))
    assert list(groups) == ["donations", "oil", "events"]
    oil = groups["oil"]
    assert [row["report"]["id"] for row in oil] == ["r1", "r1", "r2", "r2", "r3", "r3", "r4"]
    assert oil[0]["what"] == "revenue" and oil[0]["source"] == {"kind": "researcher", "text": "خالد العمر",
                                                                   "hedged": False}
    assert oil[2]["copy_of"] and oil[2]["independent_sources"] == 1 and not oil[0]["copy_of"]
    assert groups["donations"][1]["what"] == "revenue (negated)"
    events = groups["events"]
    assert {row["for_when"] for row in events} == {"2021-03-01"} and len(events) == 3
    assert by_channel(index.timeline(isis[0]["id"]), "gold") == {}


def test_corpus_timeline_sort_puts_undated_last():
    rows = [{"for_when": None, "reported": None, "report": {"id": "x"}},
            {"for_when": "2020", "reported": "2021-01-01", "report": {"id": "y"}},
            {"for_when": None, "reported": "2019-05-01", "report": {"id": "z"}}]
    assert [r["report"]["id"] for r in sort_rows(rows)] == ["z", "y", "x"]


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="rasid")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.handler(args)


def test_corpus_timeline_command(tmp_path, capsys):
    db = tmp_path / "t.db"
    with open_store(db) as store:
        for r in corpus_reports():
            store.add(r.doc, pipeline_version="t")
        update_corpus(store)
    assert run(["timeline", "--db", str(db), "داعش"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("داعش · Islamic State (ISIS) · rasid:org/isis — 5 reports")
    assert "[oil]" in out and "researcher: خالد العمر" in out and "[syndicated copy]" in out
    assert run(["timeline", "--db", str(db), "rasid:org/isis", "--channel", "events", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data["channels"]) == ["events"] and data["entity"]["kb"] == "rasid:org/isis"
    assert run(["timeline", "--db", str(db), "جبهة غير موجودة"]) == 1
