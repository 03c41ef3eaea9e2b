"""Fixtures of the desk's tests (test_serve*.py): a store built once from examples/ by the real
pipeline, a copy of it per test, and the real app over it through httpx (Starlette's TestClient)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from rasid.batch import analyze
from rasid.serve import Settings, create_app
from rasid.store import open_store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
HOST = "testserver"  # the Host header TestClient sends
TOKEN = "s3cret-token"
HOSTILE = ('<script>alert("x")</script> قال مسؤول إن تنظيم داعش يجني <img src=x onerror=alert(1)> '
           "مليون دولار شهريا من بيع النفط في دير الزور.")


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("desk") / "examples.db"
    with open_store(db) as store:
        report = analyze([str(EXAMPLES)], store)
    assert report.ok and report.added == len([p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".html")])
    return db


@pytest.fixture
def db(built, tmp_path) -> Path:
    """A copy of the built store per test: writes in one test never reach another."""
    path = tmp_path / "store.db"
    shutil.copy(built, path)
    return path


@pytest.fixture
def client(db) -> TestClient:
    return TestClient(create_app(Settings(db=db, allowed_hosts=(HOST,))))


def writable(db) -> TestClient:
    return TestClient(create_app(Settings(db=db, allowed_hosts=(HOST,), allow_writes=True, token=TOKEN)))


def get(client: TestClient, url: str, **params) -> dict:
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    return response.json()
