"""The OpenAPI description of `rasid serve` and its answers agree: schemathesis generates requests
from /api/openapi.json for every GET operation (bounded) and checks each response against it
(status code, content type, JSON shape) and that none is a server error."""
from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings
from desk_fixtures import HOST

from rasid.serve import Settings, create_app

EXAMPLES = 6  # per operation: a bounded run in the suite


def test_serve_schema_every_answer_matches_the_description(db):
    app = create_app(Settings(db=db, allowed_hosts=(HOST, "localhost")))
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", app)
    checked = []
    for result in schema.get_all_operations():
        operation = result.ok()
        if operation.method.upper() != "GET" or operation.path.startswith("/api/export"):
            continue  # the exports are files (checked in test_serve.py); POST needs the token

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def answers_as_described(case):
            case.call_and_validate()

        answers_as_described()
        checked.append(operation.path)
    assert len(checked) >= 12, checked
