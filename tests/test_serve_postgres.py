"""The analyst's desk over a PostgreSQL store (a real server, tests/services.py): every read gives
what it gives over SQLite for the same reports, pages render, and a posted report is stored there."""
from __future__ import annotations

import pytest
from desk_fixtures import EXAMPLES, HOST, TOKEN, get
from fastapi.testclient import TestClient
from test_store_backends import schema_url

from rasid.batch import analyze
from rasid.serve import Settings, create_app
from rasid.store import open_store


@pytest.fixture(scope="module")
def pg_built(postgres_url) -> str:
    url = schema_url(postgres_url)
    with open_store(url) as store:
        assert analyze([str(EXAMPLES)], store).ok
    return url


def clients(built, url, **settings) -> tuple[TestClient, TestClient]:
    return tuple(TestClient(create_app(Settings(db=db, allowed_hosts=(HOST,), **settings))) for db in (built, url))


READS = [("/api/overview", {}), ("/api/documents", {}), ("/api/documents", {"q": "داعش"}),
         ("/api/entities", {}), ("/api/entities", {"q": "داعش"}), ("/api/events", {"sort": "sources"}),
         ("/api/claims", {}), ("/api/claims", {"channel": "cash", "sort": "reports"}), ("/api/contradictions", {}),
         ("/api/timeline", {"actor": "داعش"}), ("/api/network", {}), ("/api/map", {})]


@pytest.mark.parametrize("url, params", READS)
def test_serve_postgres_reads_as_sqlite_does(built, pg_built, url, params):
    lite, pg = clients(built, pg_built)
    assert get(pg, url, **params) == get(lite, url, **params)


def test_serve_postgres_search_and_pages(built, pg_built):
    lite, pg = clients(built, pg_built)
    found = {backend: get(client, "/api/search", q="داعش") for backend, client in (("lite", lite), ("pg", pg))}
    ids = {backend: sorted(i["id"] for i in hits["items"]) for backend, hits in found.items()}
    assert ids["pg"] == ids["lite"] and found["pg"]["total"] == found["lite"]["total"] > 0  # ranks differ, hits do not
    first = get(pg, "/api/documents")["items"][0]["id"]
    assert get(pg, f"/api/documents/{first}") == get(lite, f"/api/documents/{first}")
    for page in ("/", "/claims", "/events", "/documents", f"/documents/{first}", "/search?q=داعش", "/map"):
        response = pg.get(page)
        assert response.status_code == 200 and "text/html" in response.headers["content-type"], page
    export = pg.get("/api/export/acled")
    assert export.status_code == 200 and export.text == lite.get("/api/export/acled").text


def test_serve_postgres_stores_a_posted_report(postgres_url):
    url = schema_url(postgres_url)
    client = TestClient(create_app(Settings(db=url, allowed_hosts=(HOST,), allow_writes=True, token=TOKEN)))
    report = {"text": "قال مسؤول إن تنظيم داعش يجني نحو مليون دولار شهريا من بيع النفط في دير الزور.",
              "published": "2021-03-10"}
    posted = client.post("/api/documents", json=report, headers={"Authorization": f"Bearer {TOKEN}"})
    assert posted.status_code == 201 and posted.json()["added"] is True
    again = client.post("/api/documents", json=report, headers={"Authorization": f"Bearer {TOKEN}"})
    assert again.json()["added"] is False  # stored once
    assert get(client, "/api/overview")["documents"] == 1
    with open_store(url) as store:
        assert store.count() == 1 and store.integrity() == []


def test_serve_postgres_desk_sessions_are_read_only(pg_built):
    import psycopg

    from rasid.serve.desk import reading
    with reading(pg_built) as desk:
        assert desk.overview()["documents"] > 0
        with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
            desk.conn.execute("DELETE FROM documents")
