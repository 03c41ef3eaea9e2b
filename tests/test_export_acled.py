"""ACLED-style CSV of corpus events."""
from __future__ import annotations

import csv
import io

import pytest
from test_corpus_builders import corpus_reports

from rasid.export.acled import COLUMNS, acled_type, actor_columns, date_columns, write
from rasid.store.corpus import memory_corpus

REQUIRED = ["event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1", "inter1", "actor2",
            "inter2", "interaction", "location", "latitude", "longitude", "geo_precision", "fatalities", "source",
            "notes"]
# ACLED's codebook: its event types and the sub-event types of each
CODEBOOK_TYPES = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
                                   "Remote explosive/landmine/IED", "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"}}


@pytest.fixture(scope="module")
def text() -> str:
    out = io.StringIO()
    write(memory_corpus([r.dict() for r in corpus_reports()]), out)
    return out.getvalue()


def test_export_acled_columns_and_one_row_per_event(text):
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(COLUMNS) == REQUIRED and list(rows[0])[:len(REQUIRED)] == REQUIRED
    assert len(rows) == 2   # the ambush reported twice is one row


def test_export_acled_codes_the_ambush(text):
    ambush = next(r for r in csv.DictReader(io.StringIO(text)) if r["reports"] == "2")
    assert (ambush["event_date"], ambush["time_precision"]) == ("2021-03-01", "1")
    assert (ambush["event_type"], ambush["sub_event_type"]) == ("Battles", "Armed clash")
    assert (ambush["actor1"], ambush["actor2"]) == ("Islamic State (ISIS)", "Syrian Arab Army")
    assert (ambush["inter1"], ambush["inter2"], ambush["interaction"]) == ("2", "1", "12")
    assert ambush["location"] == "Al-Sukhnah" and ambush["geo_precision"] == "1"
    assert float(ambush["latitude"]) == pytest.approx(34.88) and float(ambush["longitude"]) == pytest.approx(38.87)
    assert ambush["fatalities"] == "20"   # the lowest stated figure (more than 20; the group said 27)
    assert "≥20 (outlet: شبكة الرصد)" in ambush["notes"] and "27 (group: أعماق)" in ambush["notes"]
    assert "FIGURES DIFFER" in ambush["notes"] and ambush["independent_sources"] == "2"


def test_export_acled_loads_with_pandas(text):
    pandas = pytest.importorskip("pandas")
    frame = pandas.read_csv(io.StringIO(text))
    assert set(REQUIRED) <= set(frame.columns) and len(frame) == 2
    assert frame["fatalities"].dtype.kind == "i" and frame["latitude"].dtype.kind == "f"
    assert pandas.to_datetime(frame["event_date"]).notna().all()


def test_export_acled_types_and_dates():
    army = {"type": "ORG", "kind": "state_force"}
    isis = {"type": "ORG", "kind": "armed_group"}
    villager = {"type": "PER"}
    assert acled_type("attack", [isis], [army]) == ("Battles", "Armed clash")
    assert acled_type("attack", [isis], [villager]) == ("Violence against civilians", "Attack")
    assert acled_type("territory_change", [army], [isis]) == ("Battles", "Government regains territory")
    assert acled_type("territory_change", [isis], []) == ("Battles", "Non-state actor overtakes territory")
    assert acled_type("kidnapping", [isis], []) == ("Violence against civilians", "Abduction/forced disappearance")
    assert date_columns("2020-12") == ("2020-12-15", "3")
    # ACLED dates every event: a year-only or undated one takes the first report's date (month precision)
    assert date_columns("2020", "2020-05-02") == ("2020-05-02", "3")
    assert date_columns(None, "2021-03") == ("2021-03-15", "3")
    assert date_columns("2014", "2020-05-02") == ("2014-07-01", "3")  # reported years later: mid-year
    assert date_columns(None) == ("", "")


def test_export_acled_names_unnamed_actors_as_acled_does():
    isis = {"type": "ORG", "kind": "armed_group", "name_en": "Islamic State (ISIS)"}
    unnamed = actor_columns([], [], "Violence against civilians", "Attack", "Syria")
    assert unnamed == {"actor1": "Unidentified Armed Group (Syria)", "inter1": "3", "actor2": "Civilians (Syria)",
                       "inter2": "7", "interaction": "37"}
    strike = actor_columns([], [isis], "Explosions/Remote violence", "Air/drone strike", None)
    assert (strike["actor1"], strike["inter1"], strike["inter2"], strike["interaction"]) == (
        "Unidentified Military Forces", "8", "2", "28")
    alone = actor_columns([isis], [], "Battles", "Non-state actor overtakes territory", "Iraq")
    assert (alone["actor2"], alone["inter2"], alone["interaction"]) == ("", "", "20")
    tribe = {"type": "ORG", "kind": None, "name": "عشيرة الشعيطات"}  # an organisation the actor base lacks
    fight = actor_columns([isis], [tribe], "Battles", "Armed clash", "Syria")
    assert (fight["inter2"], fight["interaction"]) == ("3", "23")
    assert actor_columns([tribe], [isis], "Battles", "Armed clash", "Syria")["interaction"] == "23"
    quiet = actor_columns([], [], "Strategic developments", "Other", "Iraq")  # no violence: nobody is assumed
    assert quiet["actor1"] == quiet["interaction"] == ""


def test_export_acled_every_event_of_the_dev_reports_is_dated(tmp_path):
    """Issue 18: ACLED codes a date for every event; the dev reports' events without one take
    their first report's date (they all carry a publication date). Loads in pandas as dates."""
    import csv

    from conftest import SHARED
    from rasid.batch import analyze
    from rasid.store import open_store
    from rasid.store.corpus import corpus_index
    dev = SHARED / "corpus" / "dev.jsonl"
    if not dev.is_file():
        pytest.skip("../shared/corpus/dev.jsonl is not here")
    out = io.StringIO()
    with open_store(tmp_path / "dev.db") as store:
        analyze([str(dev)], store)
        assert write(corpus_index(store), out) > 50
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert all(r["event_date"] and r["time_precision"] in ("1", "2", "3") for r in rows)
    assert all(r["year"] == r["event_date"][:4] for r in rows)
    # the codebook's value ranges
    assert all(r["sub_event_type"] in CODEBOOK_TYPES[r["event_type"]] for r in rows)
    assert all(r[k] in ("", *map(str, range(1, 9))) for r in rows for k in ("inter1", "inter2"))
    assert all(r["interaction"] == "".join(sorted(c for c in (r["inter1"], r["inter2"]) if c))
               or r["interaction"] == r["inter1"] + "0" and not r["inter2"] for r in rows if r["inter1"])
    assert all(r["geo_precision"] in ("", "1", "2", "3") and int(r["fatalities"]) >= 0 for r in rows)
    violent = [r for r in rows if r["event_type"] != "Strategic developments"]
    assert violent and all(r["actor1"] and r["inter1"] for r in violent)   # ACLED names every perpetrator
    assert any("date: from the report" in r["notes"] for r in rows)
    pandas = pytest.importorskip("pandas")
    frame = pandas.read_csv(io.StringIO(out.getvalue()), dtype={"inter1": "Int64", "inter2": "Int64"})
    assert pandas.to_datetime(frame["event_date"]).notna().all()
    assert frame["fatalities"].dtype.kind == "i" and frame["year"].dtype.kind == "i"
