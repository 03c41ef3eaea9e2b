"""The analyst's desk over HTTP (`rasid serve`): the real app on a store built from examples/ by
the real pipeline, driven through httpx (Starlette's TestClient, in process)."""
from __future__ import annotations

import hashlib
import json

import pytest
from desk_fixtures import HOST, HOSTILE, TOKEN, get, writable
from fastapi.testclient import TestClient

from rasid.errors import RasidError
from rasid.serve import Settings, create_app
from rasid.serve.desk import MAX_PAGE
from rasid.store import open_store

# --- every endpoint -----------------------------------------------------------------------

def test_serve_overview_counts_what_the_store_holds(client):
    data = get(client, "/api/overview")
    assert data["documents"] == 5
    assert data["annotations"]["claims"] > 0 and data["corpus"]["claims"] > 0
    assert sum(w["reports"] for w in data["per_week"]) <= 5
    assert [a["reports"] for a in data["top_actors"]] == sorted((a["reports"] for a in data["top_actors"]), reverse=True)
    assert any(a["entity"]["kb"] == "rasid:org/isis" for a in data["top_actors"])


def test_serve_documents_are_paged_newest_first_and_filtered(client):
    everything = get(client, "/api/documents", limit=MAX_PAGE)
    assert everything["total"] == 5 and everything["next_offset"] is None
    dates = [d["published"] for d in everything["items"]]
    dated = [d for d in dates if d]
    assert dates == dated + [None] * (len(dates) - len(dated)) and dated == sorted(dated, reverse=True)
    first, second = get(client, "/api/documents", limit=2), get(client, "/api/documents", limit=2, offset=2)
    assert first["next_offset"] == 2 and second["next_offset"] == 4
    assert [d["id"] for d in first["items"] + second["items"]] == [d["id"] for d in everything["items"][:4]]
    outlet = next(d["outlet"] for d in everything["items"] if d["outlet"])
    assert {d["outlet"] for d in get(client, "/api/documents", outlet=outlet)["items"]} == {outlet}
    since = get(client, "/api/documents", published_from="2023")["items"]
    assert since and all(d["published"] >= "2023" for d in since)
    found = get(client, "/api/documents", q="الذهب")["items"]
    assert found and len(found) < 5


def test_serve_a_document_is_the_extract_contract_with_its_text(client):
    doc_id = get(client, "/api/documents", limit=1)["items"][0]["id"]
    data = get(client, f"/api/documents/{doc_id}")
    assert hashlib.sha256(data["doc"]["text"].encode("utf-8")).hexdigest() == doc_id
    for claim in data["claims"]:
        span = claim["evidence"]
        assert data["doc"]["text"][span["start"]:span["end"]]
    assert set(data["clusters"]) == {"event", "claim"}


def test_serve_entities_their_pages_and_timelines(client):
    groups = get(client, "/api/entities", type="ORG")["items"]
    assert groups and all(e["type"] == "ORG" for e in groups)
    isis = get(client, "/api/entities", q="تنظيم الدولة")["items"]
    assert [e["kb"] for e in isis][:1] == ["rasid:org/isis"]
    page = get(client, f"/api/entities/{isis[0]['id']}")
    assert page["mention_list"] and page["claims"]
    stored = {d["id"] for d in get(client, "/api/documents")["items"]}
    assert {m["document"] for m in page["mention_list"]} <= stored
    timeline = get(client, "/api/timeline", actor="داعش")["actors"]
    assert timeline and timeline[0]["entity"]["id"] == isis[0]["id"] and timeline[0]["channels"]
    channel = sorted(timeline[0]["channels"])[0]  # filter on a channel the group's timeline has
    only_one = get(client, "/api/timeline", actor="داعش", channel=channel)["actors"][0]["channels"]
    assert set(only_one) == {channel} and len(timeline[0]["channels"]) > 1


def test_serve_claims_and_events_carry_reports_sources_and_filters(client):
    claims = get(client, "/api/claims", limit=MAX_PAGE)
    assert claims["total"] == len(claims["items"]) > 0
    for c in claims["items"]:
        assert c["reports"] and c["independent_sources"] >= 1 and "contradictions" in c
    channel = claims["items"][-1]["channel"]
    same = get(client, "/api/claims", channel=channel)["items"]
    assert same and {c["channel"] for c in same} == {channel} and len(same) < claims["total"]
    revenue = get(client, "/api/claims", role="revenue")["items"]
    assert revenue and {c["role"] for c in revenue} == {"revenue"}
    isis = get(client, "/api/entities", q="داعش")["items"][0]["id"]
    assert all(c["actor"] == isis for c in get(client, "/api/claims", actor=isis)["items"])
    assert get(client, "/api/claims", min_sources=99)["items"] == []
    assert get(client, "/api/claims", contradicted=True)["total"] == get(client, "/api/contradictions")["total"] == 0
    one = claims["items"][0]
    assert get(client, f"/api/claims/{one['id']}")["id"] == one["id"]
    events = get(client, "/api/events", limit=MAX_PAGE)["items"]
    kind = events[0]["type"]
    assert {e["type"] for e in get(client, "/api/events", type=kind)["items"]} == {kind}
    dated = get(client, "/api/events", date_from="2023-01", date_to="2023-12")["items"]
    assert all(any(d and "2023" <= d <= "2023-12~" for d in e["dates"]) for e in dated)
    assert get(client, f"/api/events/{events[0]['id']}")["id"] == events[0]["id"]


@pytest.mark.parametrize("kind", ["claims", "events"])
def test_serve_cluster_lists_sort_on_the_whole_selection_then_page(client, kind):
    every = get(client, f"/api/{kind}", limit=MAX_PAGE, sort="reports")["items"]
    counts = [len(c["documents"]) for c in every]
    assert counts == sorted(counts, reverse=True)
    paged = get(client, f"/api/{kind}", limit=3, offset=3, sort="reports")["items"]
    assert [c["id"] for c in paged] == [c["id"] for c in every[3:6]]
    newest = [max((d for d in (c.get("dates") or [w for w, *_ in c.get("whens", [])]) if d), default="")
              for c in get(client, f"/api/{kind}", limit=MAX_PAGE, sort="date")["items"]]
    dated = [d for d in newest if d]
    assert dated == sorted(dated, reverse=True) and newest[:len(dated)] == dated
    assert client.get(f"/api/{kind}", params={"sort": "size"}).status_code == 422


def test_serve_search_highlights_the_words_it_matched(client):
    data = get(client, "/api/search", q="داعش")
    assert data["total"] >= 1
    for hit in data["items"]:
        assert hit["highlights"]
        for start, end in hit["highlights"]:
            assert "داعش" in hit["snippet"][start:end]


def test_serve_network_links_actors_reported_together(client):
    whole = get(client, "/api/network")
    ids = {n["id"] for n in whole["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids and e["weight"] == len(e["reports"]) >= 1
               for e in whole["edges"])
    isis = get(client, "/api/entities", q="داعش")["items"][0]["id"]
    around = get(client, "/api/network", actor="داعش")
    assert around["edges"] and all(isis in (e["source"], e["target"]) for e in around["edges"])


@pytest.mark.parametrize("fmt", ["acled", "geojson", "claims"])
def test_serve_exports_stream_what_the_cli_writes(client, fmt):
    response = client.get(f"/api/export/{fmt}")
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    if fmt == "geojson":
        assert json.loads(response.text)["type"] == "FeatureCollection"
    else:
        assert response.text.splitlines()[0].count(",") >= 3


def test_serve_openapi_describes_every_endpoint(client):
    spec = get(client, "/api/openapi.json")
    for path in ("/api/overview", "/api/documents", "/api/documents/{doc_id}", "/api/entities", "/api/map",
                 "/api/entities/{entity_id}", "/api/events", "/api/claims", "/api/search", "/api/timeline",
                 "/api/network", "/api/export/{fmt}", "/api/contradictions"):
        assert path in spec["paths"], path
    assert "post" in spec["paths"]["/api/documents"]


# --- errors --------------------------------------------------------------------------------

@pytest.mark.parametrize("url", [
    "/api/documents/" + "0" * 64, "/api/entities/ent-0000000000000000", "/api/claims/clm-0", "/api/events/evt-0",
    "/api/no-such-thing"])
def test_serve_what_is_not_there_is_a_404_with_a_message(client, url):
    response = client.get(url)
    assert response.status_code == 404 and response.json()["error"]


@pytest.mark.parametrize("url", [
    f"/api/documents?limit={MAX_PAGE + 1}", "/api/documents?limit=0", "/api/documents?offset=-1",
    "/api/documents?published_from=yesterday", "/api/documents/not-a-hash", "/api/entities?type=BANK",
    "/api/search", "/api/timeline", "/api/export/pdf", "/api/claims?min_sources=many",
    "/api/documents?offset=99999999999999999999", "/api/search?q=x&offset=99999999999999999999"])
def test_serve_a_bad_parameter_is_a_422_that_says_which(client, url):
    response = client.get(url)
    assert response.status_code == 422, response.text
    assert response.json()["error"].startswith("invalid request: ")


# --- security ------------------------------------------------------------------------------

def test_serve_answers_only_the_hosts_it_was_started_for(db):
    app = create_app(Settings(db=db))  # the default: loopback names only
    assert TestClient(app, base_url="http://127.0.0.1:8000").get("/api/overview").status_code == 200
    assert TestClient(app, base_url="http://localhost:8000").get("/api/overview").status_code == 200
    assert TestClient(app, base_url="http://evil.example").get("/api/overview").status_code == 400


def test_serve_every_response_carries_the_content_security_policy(client):
    for url in ("/api/overview", "/api/no-such-thing"):
        headers = client.get(url).headers
        assert "default-src 'self'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
    assert "access-control-allow-origin" not in client.get("/api/overview", headers={"Origin": "http://a.b"}).headers


def test_serve_reads_never_change_the_store(db, client):
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    for url in ("/api/overview", "/api/documents", "/api/claims", "/api/search?q=النفط", "/api/network"):
        client.get(url)
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    assert client.post("/api/documents", json={"text": HOSTILE}).status_code == 401  # no token can be right
    read_only = TestClient(create_app(Settings(db=db, allowed_hosts=(HOST,), token=TOKEN)))
    refused = read_only.post("/api/documents", json={"text": HOSTILE}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert refused.status_code == 405 and "read-only" in refused.json()["error"]
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_serve_writes_need_the_bearer_token(db):
    app = writable(db)
    assert app.post("/api/documents", json={"text": HOSTILE}).status_code == 401
    bad = app.post("/api/documents", json={"text": HOSTILE}, headers={"Authorization": "Bearer wrong"})
    assert bad.status_code == 401 and bad.headers["www-authenticate"] == "Bearer"
    good = app.post("/api/documents", json={"text": HOSTILE, "title": "<b>x</b>", "published": "2024-01-02"},
                    headers={"Authorization": f"Bearer {TOKEN}"})
    assert good.status_code == 201 and good.json()["added"] is True
    doc = get(app, f"/api/documents/{good.json()['id']}")
    assert doc["doc"]["text"] == HOSTILE  # stored as it came; JSON carries it as data
    again = app.post("/api/documents", json={"text": HOSTILE}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert again.json()["added"] is False
    assert get(app, "/api/overview")["documents"] == 6
    with open_store(db) as store:
        assert store.integrity() == []


def test_serve_a_write_is_refused_before_its_body_is_read(db):
    app = writable(db)
    assert app.post("/api/documents", json={}).status_code == 401  # not 422: the token comes first
    huge = app.post("/api/documents", content=b"x" * 10, headers={"Authorization": f"Bearer {TOKEN}",
                                                                  "Content-Length": str(7 * 2**20)})
    assert huge.status_code == 413 and huge.json()["error"]


def test_serve_filters_follow_entities_into_the_one_they_were_merged_into(db, client):
    from rasid.store.corpus import CorpusIndex
    from rasid.store.sqlite import transaction
    isis = get(client, "/api/entities", q="داعش")["items"][0]["id"]
    other = next(e for e in get(client, "/api/entities", type="ORG", limit=MAX_PAGE)["items"]
                 if e["id"] != isis and get(client, f"/api/entities/{e['id']}")["events"])
    before = get(client, "/api/events", actor=isis, limit=MAX_PAGE)["total"]
    with open_store(db) as store, transaction(store.writer):
        CorpusIndex(store.writer).merge_entity(other["id"], isis)
    page_events = get(client, f"/api/entities/{isis}")["events"]
    listed = {e["id"] for e in get(client, "/api/events", actor=isis, limit=MAX_PAGE)["items"]}
    assert set(page_events) <= listed and len(listed) > before


def test_serve_the_map_reads_located_events_at_once(client):
    points = get(client, "/api/map")
    assert points["type"] == "FeatureCollection" and points["features"]
    for f in points["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90 and f["properties"]["id"].startswith("evt-")


def test_serve_writes_are_never_open_without_a_token(db):
    with pytest.raises(RasidError, match="token"):
        Settings(db=db, allow_writes=True)
    bad = writable(db).post("/api/documents", json={"text": ""}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert bad.status_code == 422


def test_serve_the_command_serves_on_loopback(db):
    """`rasid serve` itself: uvicorn on 127.0.0.1, the API answering, other Host names refused."""
    import httpx

    from rasid.serve.launch import served
    with served(db) as desk:
        assert httpx.get(f"{desk.url}/api/overview").json()["documents"] == 5
        assert httpx.get(f"{desk.url}/api/overview", headers={"Host": "rebind.example"}).status_code == 400
